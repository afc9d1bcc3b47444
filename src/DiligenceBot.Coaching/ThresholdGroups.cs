namespace DiligenceBot.Coaching;

// The groups of CoachingThresholds, one per concern and one per manager type. Conventions, everywhere:
// - a rate is a fraction 0..1 (0.9 = 90%); a rating or pulse answer is on the 1–5 scale;
// - "Min" thresholds are met at or above the value, "Max" thresholds at or below it (inclusive);
// - a type's score is the sum of the weights of the signals that fired (clamped to 1), and a type is suggested only
//   when at least one of its core signals fired: supporting signals add weight but never suggest a type alone;
// - "log-based" signals use the daily work logs and are switched off when there are fewer than
//   EvidenceThresholds.MinWorkingDays working days in the long window; "people" signals (the lead's observations and
//   the monthly pulse) always count.

/// <summary>How much data the log-based rules need before they judge anything.</summary>
public sealed class EvidenceThresholds
{
    /// <summary>
    /// Working days in the long window below which the logs are too thin to judge: only the people signals (pulse,
    /// observations, complaints) are used, and when they suggest nothing the suggestion is flagged as insufficient.
    /// </summary>
    public int MinWorkingDays { get; set; } = 10;

    /// <summary>Working days in the short window that a short-window figure (punctuality, rating, returns) needs.</summary>
    public int MinWorkingDaysShort { get; set; } = 8;

    /// <summary>Rated logs an average rating needs before it is used (any window).</summary>
    public int MinRatedDays { get; set; } = 5;
}

/// <summary>
/// Repeated review comments ("ignored feedback"): the same requirement or suggestion given again and again. Texts are
/// compared language-neutrally by the Jaccard similarity of their character bigrams (after lower-casing, width
/// folding and dropping punctuation), so it works for Chinese and English alike. The evaluation part of a comment is
/// not compared: praise repeated is not feedback ignored.
/// </summary>
public sealed class FeedbackThresholds
{
    /// <summary>Bigram Jaccard similarity (0..1) at or above which two comment parts say the same thing.</summary>
    public double SimilarityThreshold { get; set; } = 0.6;

    /// <summary>Comments in the long window carrying the same requirement or suggestion that count as feedback ignored.</summary>
    public int MinRepeats { get; set; } = 3;

    /// <summary>Shorter comment parts (in characters, after normalising) are not compared ("OK", "好").</summary>
    public int MinTextLength { get; set; } = 4;
}

/// <summary>Monthly plan completion (used only where plans exist): the average over the plans ending in the long window.</summary>
public sealed class PlanThresholds
{
    /// <summary>Average completion at or below which execution is weak: supports StrongStartWeakFinish and LacksInitiative, and rules out Excellent.</summary>
    public double LowCompletion { get; set; } = 0.7;

    /// <summary>Average completion at or above which execution is strong: adds to Excellent.</summary>
    public double HighCompletion { get; set; } = 0.95;

    /// <summary>Plans late or missing in the long window from which they count: supports LacksInitiative, and rules out Excellent.</summary>
    public int MinLateOrMissing { get; set; } = 1;

    /// <summary>Returns of plans by the lead in the long window from which they count: supports LacksConfidence.</summary>
    public int MinReturns { get; set; } = 2;
}

/// <summary>
/// Lacks confidence. Core signals: the latest pulse's confidence is low; the lead recorded low confidence; the logs
/// are on time but rated low in the short window (diligent, yet unsure). Supporting: many returned logs.
/// </summary>
public sealed class LacksConfidenceThresholds
{
    /// <summary>Pulse confidence (1–5) at or below which it is low.</summary>
    public int MaxPulseConfidence { get; set; } = 2;

    /// <summary>LowConfidence observations in the long window that count.</summary>
    public int MinObservations { get; set; } = 1;

    /// <summary>Short-window average rating at or below which ratings are low.</summary>
    public double MaxAverageRating { get; set; } = 3.0;

    /// <summary>Short-window on-time rate at or above which diligence is fine (the low ratings are not from neglect).</summary>
    public double MinOnTimeRate { get; set; } = 0.8;

    /// <summary>Share of the short window's submitted logs that were returned, at or above which returns are many.</summary>
    public double MinReturnRate { get; set; } = 0.3;

    /// <summary>Score weight of a low pulse confidence.</summary>
    public double PulseWeight { get; set; } = 0.45;

    /// <summary>Score weight of the lead's LowConfidence observations.</summary>
    public double ObservationWeight { get; set; } = 0.35;

    /// <summary>Score weight of low ratings while on time.</summary>
    public double LowRatingWeight { get; set; } = 0.35;

    /// <summary>Score weight of many returns (supporting).</summary>
    public double ReturnsWeight { get; set; } = 0.15;

    /// <summary>Score weight of monthly plans returned by the lead (supporting).</summary>
    public double PlanReturnsWeight { get; set; } = 0.1;
}

/// <summary>
/// Lacks initiative. Core signals: the latest pulse's motivation is low; logs late or missing in the short window.
/// Supporting: few transfer forms raised in the short window; weak plan execution.
/// </summary>
public sealed class LacksInitiativeThresholds
{
    /// <summary>Pulse motivation (1–5) at or below which it is low.</summary>
    public int MaxPulseMotivation { get; set; } = 2;

    /// <summary>Short-window on-time rate (a missing log is not on time) at or below which logs are late or missing.</summary>
    public double MaxOnTimeRate { get; set; } = 0.7;

    /// <summary>Transfer forms raised in the short window at or below which there are few.</summary>
    public int MaxTransfersShort { get; set; } = 1;

    /// <summary>Score weight of a low pulse motivation.</summary>
    public double PulseWeight { get; set; } = 0.45;

    /// <summary>Score weight of late or missing logs.</summary>
    public double LateLogsWeight { get; set; } = 0.4;

    /// <summary>Score weight of few transfer forms (supporting).</summary>
    public double FewTransfersWeight { get; set; } = 0.15;

    /// <summary>Score weight of weak plan execution (supporting).</summary>
    public double LowPlanWeight { get; set; } = 0.15;

    /// <summary>Score weight of plans late or missing (supporting).</summary>
    public double LatePlanWeight { get; set; } = 0.1;
}

/// <summary>Draws customer complaints: CustomerComplaint observations recorded against the manager.</summary>
public sealed class CustomerComplaintsThresholds
{
    /// <summary>Complaints in the long window that suggest the type.</summary>
    public int MinComplaintsLong { get; set; } = 2;

    /// <summary>Complaints in the short window that suggest the type.</summary>
    public int MinComplaintsShort { get; set; } = 1;

    /// <summary>Score when the type is suggested.</summary>
    public double BaseScore { get; set; } = 0.6;

    /// <summary>Score added per complaint in the long window beyond the first.</summary>
    public double ExtraComplaintWeight { get; set; } = 0.1;
}

/// <summary>
/// Strong start, weak finish: the early days of each month against the late days, pooled over the months in the long
/// window. Core signals: punctuality high early and clearly lower late; ratings high early and clearly lower late.
/// Supporting: weak plan execution.
/// </summary>
public sealed class StrongStartWeakFinishThresholds
{
    /// <summary>The early part of a month is days 1 to this day.</summary>
    public int EarlyLastDay { get; set; } = 10;

    /// <summary>The late part of a month is this day to the month's end.</summary>
    public int LateFirstDay { get; set; } = 21;

    /// <summary>Working days (and, for the rating signal, rated logs) that each part needs before it is compared.</summary>
    public int MinDaysPerBucket { get; set; } = 6;

    /// <summary>Early on-time rate at or above which the start is strong.</summary>
    public double MinEarlyOnTimeRate { get; set; } = 0.8;

    /// <summary>Drop of the on-time rate from the early part to the late part (0..1) that is a weak finish.</summary>
    public double MinOnTimeDrop { get; set; } = 0.3;

    /// <summary>Early average rating at or above which the start is strong.</summary>
    public double MinEarlyRating { get; set; } = 3.5;

    /// <summary>Drop of the average rating (in points) from the early part to the late part that is a weak finish.</summary>
    public double MinRatingDrop { get; set; } = 1.0;

    /// <summary>Score when the type is suggested.</summary>
    public double BaseScore { get; set; } = 0.6;

    /// <summary>Score added when both punctuality and ratings drop.</summary>
    public double BothWeight { get; set; } = 0.15;

    /// <summary>Score added for weak plan execution (supporting).</summary>
    public double LowPlanWeight { get; set; } = 0.1;

    /// <summary>Score added per 1.0 (100 points) of on-time drop beyond MinOnTimeDrop.</summary>
    public double ExcessOnTimeDropWeight { get; set; } = 0.5;

    /// <summary>Score added per rating point of drop beyond MinRatingDrop.</summary>
    public double ExcessRatingDropWeight { get; set; } = 0.1;
}

/// <summary>
/// Discontented. Core signals: the latest pulse's sense of fairness is low; the lead recorded a grievance about
/// fairness; the lead recorded low morale. Supporting: a low pulse motivation.
/// </summary>
public sealed class DiscontentedThresholds
{
    /// <summary>Pulse sense of fairness (1–5) at or below which it is low.</summary>
    public int MaxPulseFairness { get; set; } = 2;

    /// <summary>Pulse motivation (1–5) at or below which it supports discontent.</summary>
    public int MaxPulseMotivation { get; set; } = 2;

    /// <summary>FairnessGrievance observations in the long window that count.</summary>
    public int MinGrievances { get; set; } = 1;

    /// <summary>LowMorale observations in the long window that count.</summary>
    public int MinLowMoraleObservations { get; set; } = 1;

    /// <summary>Score weight of a low pulse sense of fairness.</summary>
    public double PulseFairnessWeight { get; set; } = 0.5;

    /// <summary>Score weight of the lead's grievance observations.</summary>
    public double GrievanceWeight { get; set; } = 0.45;

    /// <summary>Score weight of the lead's low-morale observations.</summary>
    public double LowMoraleWeight { get; set; } = 0.3;

    /// <summary>Score weight of a low pulse motivation (supporting).</summary>
    public double LowMotivationWeight { get; set; } = 0.15;
}

/// <summary>
/// Complacent: good results over the long window AND (a falling trend OR feedback ignored). The trend compares the
/// short window with the earlier part of the long window; these thresholds also define the "falling trend" that rules
/// out Excellent, so the two types never fire together.
/// </summary>
public sealed class ComplacentThresholds
{
    /// <summary>Long-window on-time rate at or above which results are good.</summary>
    public double MinOnTimeRate { get; set; } = 0.85;

    /// <summary>Long-window average rating at or above which results are good.</summary>
    public double MinAverageRating { get; set; } = 3.8;

    /// <summary>Working days the earlier part of the long window (before the short window) needs for a trend.</summary>
    public int MinEarlierDays { get; set; } = 10;

    /// <summary>Drop of the average rating (points) from the earlier part to the short window that is a falling trend.</summary>
    public double MinRatingDrop { get; set; } = 0.5;

    /// <summary>Drop of the on-time rate (0..1) from the earlier part to the short window that is a falling trend.</summary>
    public double MinOnTimeDrop { get; set; } = 0.15;

    /// <summary>Score when the type is suggested.</summary>
    public double BaseScore { get; set; } = 0.6;

    /// <summary>Score added when there is both a falling trend and ignored feedback.</summary>
    public double BothWeight { get; set; } = 0.15;

    /// <summary>Score added per rating point of drop beyond MinRatingDrop.</summary>
    public double ExcessRatingDropWeight { get; set; } = 0.2;

    /// <summary>Score added per 1.0 (100 points) of on-time drop beyond MinOnTimeDrop.</summary>
    public double ExcessOnTimeDropWeight { get; set; } = 0.5;
}

/// <summary>
/// Excellent: sustained results. Needs enough working days, high punctuality and ratings over the long window AND the
/// short window, few returns, no complaints, no falling trend (as ComplacentThresholds defines it), no ignored
/// feedback, no weak finish and no weak plan execution. Good transfer forms, the lead's praise and strong plan
/// execution add to the score.
/// </summary>
public sealed class ExcellentThresholds
{
    /// <summary>Working days in the long window that "sustained" needs.</summary>
    public int MinWorkingDays { get; set; } = 40;

    /// <summary>On-time rate needed in both windows.</summary>
    public double MinOnTimeRate { get; set; } = 0.9;

    /// <summary>Average rating needed in both windows.</summary>
    public double MinAverageRating { get; set; } = 4.2;

    /// <summary>Highest share of the long window's submitted logs that may have been returned.</summary>
    public double MaxReturnRate { get; set; } = 0.1;

    /// <summary>Most customer complaints allowed in the long window (default 0).</summary>
    public int MaxComplaints { get; set; }

    /// <summary>Average value rating of the transfer forms (long window) at or above which they add to the score.</summary>
    public double MinTransferValue { get; set; } = 4.0;

    /// <summary>Rated transfer forms in the long window needed before their value adds to the score.</summary>
    public int MinTransfers { get; set; } = 1;

    /// <summary>Praise observations in the long window that add to the score.</summary>
    public int MinPraise { get; set; } = 1;

    /// <summary>Score when the type is suggested.</summary>
    public double BaseScore { get; set; } = 0.7;

    /// <summary>Score added for valuable transfer forms.</summary>
    public double GoodTransfersWeight { get; set; } = 0.15;

    /// <summary>Score added for the lead's praise.</summary>
    public double PraiseWeight { get; set; } = 0.1;

    /// <summary>Score added for strong plan execution.</summary>
    public double HighPlanWeight { get; set; } = 0.1;
}
