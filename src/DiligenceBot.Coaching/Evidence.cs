namespace DiligenceBot.Coaching;

/// <summary>The seven kinds of account manager the coaching module tells apart (domain.md §5).</summary>
public enum ManagerType
{
    LacksConfidence,
    LacksInitiative,
    CustomerComplaints,
    StrongStartWeakFinish,
    Discontented,
    Complacent,
    Excellent,
}

/// <summary>What a lead has noticed and recorded about a manager (only people can tell these).</summary>
public enum ObservationKind
{
    CustomerComplaint,
    FairnessGrievance,
    LowMorale,
    LowConfidence,
    Praise,
    Other,
}

/// <summary>One working day of the manager's team calendar in the window, and what happened to that day's log.</summary>
/// <param name="Submitted">A log exists for the day.</param>
/// <param name="OnTime">Submitted before the deadline (false when not submitted).</param>
/// <param name="Returned">The lead returned the log at least once.</param>
/// <param name="QualityRating">The lead's latest 1–5 rating of the log, if rated.</param>
public sealed record WorkDay(DateOnly Date, bool Submitted, bool OnTime, bool Returned, int? QualityRating);

/// <summary>A lead's comment when returning a log (the three parts; any may be empty).</summary>
public sealed record ReviewComment(DateOnly Date, string? Evaluation, string? Requirement, string? Suggestion);

/// <summary>An information transfer form the manager raised, with the lead's 1–5 rating of its value if rated.</summary>
public sealed record TransferRaised(DateOnly Date, int? ValueRating);

/// <summary>A lead's recorded observation.</summary>
public sealed record Observation(DateOnly Date, ObservationKind Kind);

/// <summary>The manager's answer to the monthly pulse: each 1 (low) to 5 (high).</summary>
public sealed record PulseAnswer(DateOnly Date, int Confidence, int Motivation, int Fairness);

/// <summary>How a month's plan arrived: by the team's plan day, after it, or not at all.</summary>
public enum PlanSubmission
{
    OnTime,
    Late,
    Missing,
}

/// <summary>
/// A month's plan, where plans exist: how much of its visit plan was carried out (0..1+; NaN when nothing was planned
/// or there is no plan), whether it arrived on time, late or not at all, and how often the lead returned it.
/// </summary>
public sealed record PlanResult(DateOnly PeriodEnd, double Completion, PlanSubmission Submission = PlanSubmission.OnTime, int Returns = 0);

/// <summary>Everything known about one manager up to <see cref="AsOf"/> (inclusive), typically the last 90 days.</summary>
public sealed record ManagerEvidence(
    DateOnly AsOf,
    IReadOnlyList<WorkDay> Days,
    IReadOnlyList<ReviewComment> Comments,
    IReadOnlyList<TransferRaised> Transfers,
    IReadOnlyList<Observation> Observations,
    IReadOnlyList<PulseAnswer> Pulses,
    IReadOnlyList<PlanResult> Plans);

/// <summary>One reason, in plain words, in both languages the product speaks.</summary>
public sealed record EvidenceLine(string EnUs, string ZhCn);

/// <summary>A type the evidence points to: how strongly (0..1) and why.</summary>
public sealed record TypeCandidate(ManagerType Type, double Score, IReadOnlyList<EvidenceLine> Reasons);

/// <summary>The figures the rules looked at (null where there was nothing to measure), for a lead's card.</summary>
public sealed record EvidenceSummary(
    int WorkingDays30,
    double? OnTimeRate30,
    double? OnTimeRate90,
    double? AverageRating30,
    double? AverageRating90,
    int Returned30,
    int Transfers30,
    double? AverageTransferValue90,
    int Complaints90,
    PulseAnswer? LatestPulse);

/// <summary>
/// The rules' answer: candidates ranked best first (only types with a score above zero), the figures, and whether
/// there was too little data to suggest anything.
/// </summary>
public sealed record CoachingSuggestion(IReadOnlyList<TypeCandidate> Ranked, EvidenceSummary Summary, bool InsufficientEvidence)
{
    public TypeCandidate? Top => Ranked.Count > 0 ? Ranked[0] : null;
}
