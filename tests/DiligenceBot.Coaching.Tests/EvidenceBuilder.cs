namespace DiligenceBot.Coaching.Tests;

/// <summary>
/// Builds a manager's evidence fluently: working days Mon–Fri (by default submitted on time, rated 4, not returned),
/// then changes to chosen days, comments, transfer forms, observations, pulses and plans, dated in days before AsOf.
/// </summary>
internal sealed class EvidenceBuilder(DateOnly asOf)
{
    /// <summary>A Monday; the long window is 2025-04-02..06-30 (64 weekdays), the short window June (21 weekdays).</summary>
    public static readonly DateOnly DefaultAsOf = new(2025, 6, 30);

    private readonly SortedDictionary<DateOnly, WorkDay> days = [];
    private readonly List<ReviewComment> comments = [];
    private readonly List<TransferRaised> transfers = [];
    private readonly List<Observation> observations = [];
    private readonly List<PulseAnswer> pulses = [];
    private readonly List<PlanResult> plans = [];

    public EvidenceBuilder()
        : this(DefaultAsOf)
    {
    }

    public DateOnly AsOf => asOf;

    public DateOnly Ago(int daysAgo) => asOf.AddDays(-daysAgo);

    /// <summary>Every Mon–Fri day in the last <paramref name="daysBack"/> calendar days (AsOf included).</summary>
    public EvidenceBuilder Weekdays(int daysBack = 90, int? rating = 4) => Weekdays(asOf.AddDays(1 - daysBack), asOf, rating);

    /// <summary>Every Mon–Fri day from..to inclusive.</summary>
    public EvidenceBuilder Weekdays(DateOnly from, DateOnly to, int? rating = 4)
    {
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days[d] = new WorkDay(d, Submitted: true, OnTime: true, Returned: false, rating);
            }
        }

        return this;
    }

    /// <summary>One working day on any date (even outside the window or on a weekend).</summary>
    public EvidenceBuilder Day(DateOnly date, bool submitted = true, bool onTime = true, bool returned = false, int? rating = 4)
    {
        days[date] = new WorkDay(date, submitted, submitted && onTime, submitted && returned, submitted ? rating : null);
        return this;
    }

    /// <summary>Changes the first <paramref name="limit"/> existing days (in date order) that match.</summary>
    public EvidenceBuilder Set(
        Func<DateOnly, bool> where,
        bool? onTime = null,
        bool? submitted = null,
        bool? returned = null,
        int? rating = null,
        bool unrated = false,
        int limit = int.MaxValue)
    {
        var changed = 0;
        foreach (var day in days.Values.ToList())
        {
            if (changed >= limit)
            {
                break;
            }

            if (!where(day.Date))
            {
                continue;
            }

            var isSubmitted = submitted ?? day.Submitted;
            days[day.Date] = new WorkDay(
                day.Date,
                isSubmitted,
                isSubmitted && (onTime ?? day.OnTime),
                isSubmitted && (returned ?? day.Returned),
                !isSubmitted || unrated ? null : rating ?? day.QualityRating);
            changed++;
        }

        return this;
    }

    public EvidenceBuilder Late(Func<DateOnly, bool> where, int limit = int.MaxValue) => Set(where, onTime: false, limit: limit);

    public EvidenceBuilder Missing(Func<DateOnly, bool> where, int limit = int.MaxValue) => Set(where, submitted: false, limit: limit);

    public EvidenceBuilder Rate(Func<DateOnly, bool> where, int rating, int limit = int.MaxValue) => Set(where, rating: rating, limit: limit);

    public EvidenceBuilder Return(Func<DateOnly, bool> where, int limit = int.MaxValue) => Set(where, returned: true, limit: limit);

    public EvidenceBuilder Comment(int daysAgo, string? requirement = null, string? suggestion = null, string? evaluation = null)
    {
        comments.Add(new ReviewComment(Ago(daysAgo), evaluation, requirement, suggestion));
        return this;
    }

    public EvidenceBuilder Transfer(int daysAgo, int? value = null)
    {
        transfers.Add(new TransferRaised(Ago(daysAgo), value));
        return this;
    }

    public EvidenceBuilder Observe(int daysAgo, ObservationKind kind)
    {
        observations.Add(new Observation(Ago(daysAgo), kind));
        return this;
    }

    public EvidenceBuilder Complaint(int daysAgo) => Observe(daysAgo, ObservationKind.CustomerComplaint);

    public EvidenceBuilder Pulse(int daysAgo, int confidence = 4, int motivation = 4, int fairness = 4)
    {
        pulses.Add(new PulseAnswer(Ago(daysAgo), confidence, motivation, fairness));
        return this;
    }

    public EvidenceBuilder Plan(int daysAgo, double completion, PlanSubmission submission = PlanSubmission.OnTime, int returns = 0)
    {
        plans.Add(new PlanResult(Ago(daysAgo), completion, submission, returns));
        return this;
    }

    /// <summary>A month the team planned without this manager's plan.</summary>
    public EvidenceBuilder MissingPlan(int daysAgo)
    {
        plans.Add(new PlanResult(Ago(daysAgo), double.NaN, PlanSubmission.Missing));
        return this;
    }

    public ManagerEvidence Build() =>
        new(asOf, [.. days.Values], [.. comments], [.. transfers], [.. observations], [.. pulses], [.. plans]);

    // Parts of the default calendar (AsOf 2025-06-30), by day of the month.
    public static bool IsJune(DateOnly d) => d.Month == 6;

    public static bool IsEarly(DateOnly d) => d.Day <= 10;

    public static bool IsMiddle(DateOnly d) => d.Day is >= 11 and <= 20;

    public static bool IsLate(DateOnly d) => d.Day >= 21;
}
