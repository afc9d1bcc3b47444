namespace DiligenceBot.Coaching;

/// <summary>
/// The rules: evidence about one manager → a ranked suggestion with reasons. Pure and thread-safe.
/// <para>
/// Every type is scored in (0, 1] from the signals described on its thresholds group (ThresholdGroups.cs): the sum
/// of the weights of the signals that fired, clamped to 1 and rounded to three decimals. A type is suggested only when
/// one of its core signals fired; several types may be suggested; they are ranked by score, ties broken by
/// <see cref="TieBreakOrder"/>. Every suggested type carries its reasons with the actual figures, in en-US and zh-CN.
/// </para>
/// <para>
/// Log-based signals (punctuality, ratings, returns, transfer forms, plans, review comments) need at least
/// <see cref="EvidenceThresholds.MinWorkingDays"/> working days in the long window; below that only the people signals
/// (the lead's observations, complaints and the monthly pulse) are used, and when they suggest nothing the result is
/// flagged <see cref="CoachingSuggestion.InsufficientEvidence"/>.
/// </para>
/// </summary>
public static class CoachingRules
{
    private const double Epsilon = 1e-9;

    /// <summary>
    /// How equal scores are ranked: what most needs the lead's attention first (customers affected, then the
    /// manager's state of mind, then work habits), Excellent last.
    /// </summary>
    public static IReadOnlyList<ManagerType> TieBreakOrder { get; } =
    [
        ManagerType.CustomerComplaints,
        ManagerType.Discontented,
        ManagerType.LacksConfidence,
        ManagerType.StrongStartWeakFinish,
        ManagerType.LacksInitiative,
        ManagerType.Complacent,
        ManagerType.Excellent,
    ];

    private static readonly int[] TieRank = BuildTieRank();

    public static CoachingSuggestion Classify(ManagerEvidence evidence, CoachingThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(thresholds);
        var t = thresholds;
        var f = Facts.Gather(evidence, t);
        var logs = f.Long.Working >= t.Evidence.MinWorkingDays;

        var ranked = new List<TypeCandidate>(4);
        Add(ranked, CustomerComplaints(f, t));
        Add(ranked, Discontented(f, t));
        Add(ranked, LacksConfidence(f, t, logs));
        Add(ranked, LacksInitiative(f, t, logs));
        if (logs)
        {
            var weakFinish = StrongStartWeakFinish(f, t);
            Add(ranked, weakFinish);
            var trend = Trend.Of(f, t);
            var complacentGood = GoodResults(f, t);
            var excellentGood = SustainedResults(f, t) && weakFinish is null && !trend.Falling;
            var repeated = complacentGood || excellentGood ? RepeatedFeedback.Find(evidence, t) : null;
            if (complacentGood)
            {
                Add(ranked, Complacent(f, t, trend, repeated));
            }

            if (excellentGood && repeated is null)
            {
                Add(ranked, Excellent(f, t));
            }
        }

        if (ranked.Count > 1)
        {
            ranked.Sort(Compare);
        }

        var summary = new EvidenceSummary(
            f.Short.Working,
            f.Short.OnTimeRate,
            f.Long.OnTimeRate,
            f.Short.AverageRating,
            f.Long.AverageRating,
            f.Short.Returned,
            f.Transfers30,
            f.AverageTransferValue90,
            f.Complaints90,
            f.Pulse);
        return new CoachingSuggestion(ranked, summary, InsufficientEvidence: !logs && ranked.Count == 0);
    }

    private static int[] BuildTieRank()
    {
        var rank = new int[Enum.GetValues<ManagerType>().Length];
        for (var i = 0; i < TieBreakOrder.Count; i++)
        {
            rank[(int)TieBreakOrder[i]] = i;
        }

        return rank;
    }

    private static int Compare(TypeCandidate a, TypeCandidate b)
    {
        var byScore = b.Score.CompareTo(a.Score);
        return byScore != 0 ? byScore : TieRank[(int)a.Type].CompareTo(TieRank[(int)b.Type]);
    }

    private static void Add(List<TypeCandidate> ranked, TypeCandidate? candidate)
    {
        if (candidate is not null)
        {
            ranked.Add(candidate);
        }
    }

    private static bool AtLeast(double? value, double threshold) => value is { } v && v >= threshold - Epsilon;

    private static bool AtMost(double? value, double threshold) => value is { } v && v <= threshold + Epsilon;

    private static CandidateBuilder Start(ManagerType type) => new(type);

    /// <summary>Enough working days in the short window to judge it (log-based signals also need enough in the long one).</summary>
    private static bool ShortMeasured(Facts f, CoachingThresholds t) => f.Short.Working >= t.Evidence.MinWorkingDaysShort;

    /// <summary>Plans carried out below the low mark: supports two types, and rules out Excellent.</summary>
    private static bool WeakPlans(Facts f, CoachingThresholds t) => AtMost(f.AveragePlanCompletion, t.Plans.LowCompletion);

    /// <summary>Monthly plans late or missing: supports LacksInitiative, and rules out Excellent.</summary>
    private static bool LatePlans(Facts f, CoachingThresholds t) => f.PlansLate + f.PlansMissing >= t.Plans.MinLateOrMissing;

    // Draws customer complaints: complaints recorded against the manager.
    private static TypeCandidate? CustomerComplaints(Facts f, CoachingThresholds t)
    {
        var c = t.CustomerComplaints;
        var b = Start(ManagerType.CustomerComplaints);
        if (f.Complaints90 >= c.MinComplaintsLong || f.Complaints30 >= c.MinComplaintsShort)
        {
            b.Core(c.BaseScore + c.ExtraComplaintWeight * (f.Complaints90 - 1),
                Wording.Complaints(f.Complaints90, f.Complaints30, t.LongWindowDays, t.ShortWindowDays));
        }

        return b.Build();
    }

    // Discontented: the pulse's sense of fairness, the lead's grievance and low-morale notes; motivation supports.
    private static TypeCandidate? Discontented(Facts f, CoachingThresholds t)
    {
        var d = t.Discontented;
        var b = Start(ManagerType.Discontented);
        if (f.Pulse is { } pulse && pulse.Fairness <= d.MaxPulseFairness)
        {
            b.Core(d.PulseFairnessWeight, Wording.PulseFairness(pulse, f.PreviousPulse));
        }

        if (f.Grievances >= d.MinGrievances)
        {
            b.Core(d.GrievanceWeight, Wording.Grievances(f.Grievances, t.LongWindowDays));
        }

        if (f.LowMorale >= d.MinLowMoraleObservations)
        {
            b.Core(d.LowMoraleWeight, Wording.LowMorale(f.LowMorale, t.LongWindowDays));
        }

        if (f.Pulse is { } p && p.Motivation <= d.MaxPulseMotivation)
        {
            b.Support(d.LowMotivationWeight, Wording.PulseMotivation(p, f.PreviousPulse));
        }

        return b.Build();
    }

    // Lacks confidence: the pulse's confidence, the lead's notes, low ratings while on time; many returns support.
    private static TypeCandidate? LacksConfidence(Facts f, CoachingThresholds t, bool logs)
    {
        var c = t.LacksConfidence;
        var e = t.Evidence;
        var b = Start(ManagerType.LacksConfidence);
        if (f.Pulse is { } pulse && pulse.Confidence <= c.MaxPulseConfidence)
        {
            b.Core(c.PulseWeight, Wording.PulseConfidence(pulse, f.PreviousPulse));
        }

        if (f.LowConfidence >= c.MinObservations)
        {
            b.Core(c.ObservationWeight, Wording.LowConfidenceObserved(f.LowConfidence, t.LongWindowDays));
        }

        var shortMeasured = logs && ShortMeasured(f, t);
        if (shortMeasured && f.Short.Rated >= e.MinRatedDays
            && AtMost(f.Short.AverageRating, c.MaxAverageRating) && AtLeast(f.Short.OnTimeRate, c.MinOnTimeRate))
        {
            b.Core(c.LowRatingWeight, Wording.LowRatingWhileOnTime(f.Short, t.ShortWindowDays));
        }

        if (shortMeasured && AtLeast(f.Short.ReturnRate, c.MinReturnRate))
        {
            b.Support(c.ReturnsWeight, Wording.ManyReturns(f.Short, t.ShortWindowDays));
        }

        if (f.PlanReturns >= t.Plans.MinReturns)
        {
            b.Support(c.PlanReturnsWeight, Wording.PlanReturns(f.PlanReturns, f.PlansSubmitted, t.LongWindowDays));
        }

        return b.Build();
    }

    // Lacks initiative: the pulse's motivation, late or missing logs; few transfer forms and weak plans support.
    private static TypeCandidate? LacksInitiative(Facts f, CoachingThresholds t, bool logs)
    {
        var li = t.LacksInitiative;
        var b = Start(ManagerType.LacksInitiative);
        if (f.Pulse is { } pulse && pulse.Motivation <= li.MaxPulseMotivation)
        {
            b.Core(li.PulseWeight, Wording.PulseMotivation(pulse, f.PreviousPulse));
        }

        var shortMeasured = logs && ShortMeasured(f, t);
        if (shortMeasured && AtMost(f.Short.OnTimeRate, li.MaxOnTimeRate))
        {
            b.Core(li.LateLogsWeight, Wording.LateLogs(f.Short, t.ShortWindowDays));
        }

        if (shortMeasured && f.Transfers30 <= li.MaxTransfersShort)
        {
            b.Support(li.FewTransfersWeight, Wording.FewTransfers(f.Transfers30, t.ShortWindowDays));
        }

        if (logs && WeakPlans(f, t))
        {
            b.Support(li.LowPlanWeight, Wording.PlanCompletion(f.AveragePlanCompletion!.Value, f.PlanCount, t.LongWindowDays));
        }

        if (LatePlans(f, t))
        {
            b.Support(li.LatePlanWeight, Wording.PlansLate(f.PlansLate, f.PlansMissing, t.LongWindowDays));
        }

        return b.Build();
    }

    // Strong start, weak finish: early days of the month against late days, pooled over the long window.
    private static TypeCandidate? StrongStartWeakFinish(Facts f, CoachingThresholds t)
    {
        var s = t.StrongStartWeakFinish;
        var b = Start(ManagerType.StrongStartWeakFinish);
        double excess = 0;
        var bothBuckets = f.Early.Working >= s.MinDaysPerBucket && f.Late.Working >= s.MinDaysPerBucket;
        if (bothBuckets && AtLeast(f.Early.OnTimeRate, s.MinEarlyOnTimeRate))
        {
            var drop = f.Early.OnTimeRate!.Value - f.Late.OnTimeRate!.Value;
            if (AtLeast(drop, s.MinOnTimeDrop))
            {
                b.Core(s.BaseScore, Wording.EarlyLateOnTime(f.Early, f.Late, s.EarlyLastDay, s.LateFirstDay, f.LateLastDay, t.LongWindowDays));
                excess = Math.Max(excess, (drop - s.MinOnTimeDrop) * s.ExcessOnTimeDropWeight);
            }
        }

        if (f.Early.Rated >= s.MinDaysPerBucket && f.Late.Rated >= s.MinDaysPerBucket && AtLeast(f.Early.AverageRating, s.MinEarlyRating))
        {
            var drop = f.Early.AverageRating!.Value - f.Late.AverageRating!.Value;
            if (AtLeast(drop, s.MinRatingDrop))
            {
                b.Core(b.Fired ? s.BothWeight : s.BaseScore, Wording.EarlyLateRating(f.Early, f.Late, s.EarlyLastDay, s.LateFirstDay, f.LateLastDay));
                excess = Math.Max(excess, (drop - s.MinRatingDrop) * s.ExcessRatingDropWeight);
            }
        }

        b.Add(excess);
        if (WeakPlans(f, t))
        {
            b.Support(s.LowPlanWeight, Wording.PlanCompletion(f.AveragePlanCompletion!.Value, f.PlanCount, t.LongWindowDays));
        }

        return b.Build();
    }

    /// <summary>The short window against the earlier part of the long window (the "falling trend").</summary>
    private readonly record struct Trend(double? RatingDrop, double? OnTimeDrop, bool RatingFalling, bool OnTimeFalling)
    {
        public bool Falling => RatingFalling || OnTimeFalling;

        public static Trend Of(Facts f, CoachingThresholds t)
        {
            var co = t.Complacent;
            var e = t.Evidence;
            if (f.Earlier.Working < co.MinEarlierDays || !ShortMeasured(f, t))
            {
                return default;
            }

            double? onTimeDrop = f.Earlier.OnTimeRate!.Value - f.Short.OnTimeRate!.Value;
            double? ratingDrop = f.Earlier.Rated >= e.MinRatedDays && f.Short.Rated >= e.MinRatedDays
                ? f.Earlier.AverageRating!.Value - f.Short.AverageRating!.Value
                : null;
            return new Trend(ratingDrop, onTimeDrop, AtLeast(ratingDrop, co.MinRatingDrop), AtLeast(onTimeDrop, co.MinOnTimeDrop));
        }
    }

    /// <summary>Complacent's precondition: good punctuality and ratings over the long window.</summary>
    private static bool GoodResults(Facts f, CoachingThresholds t) =>
        f.Long.Rated >= t.Evidence.MinRatedDays
        && AtLeast(f.Long.OnTimeRate, t.Complacent.MinOnTimeRate)
        && AtLeast(f.Long.AverageRating, t.Complacent.MinAverageRating);

    /// <summary>Excellent's figures, before the trend, weak-finish and ignored-feedback checks.</summary>
    private static bool SustainedResults(Facts f, CoachingThresholds t)
    {
        var x = t.Excellent;
        var e = t.Evidence;
        return f.Long.Working >= x.MinWorkingDays
            && ShortMeasured(f, t)
            && f.Long.Rated >= e.MinRatedDays
            && f.Short.Rated >= e.MinRatedDays
            && AtLeast(f.Long.OnTimeRate, x.MinOnTimeRate)
            && AtLeast(f.Short.OnTimeRate, x.MinOnTimeRate)
            && AtLeast(f.Long.AverageRating, x.MinAverageRating)
            && AtLeast(f.Short.AverageRating, x.MinAverageRating)
            && AtMost(f.Long.ReturnRate ?? 0, x.MaxReturnRate)
            && f.Complaints90 <= x.MaxComplaints
            && !WeakPlans(f, t)
            && !LatePlans(f, t);
    }

    // Complacent: good results with a falling trend or feedback ignored.
    private static TypeCandidate? Complacent(Facts f, CoachingThresholds t, Trend trend, RepeatedFeedback? repeated)
    {
        var co = t.Complacent;
        if (!trend.Falling && repeated is null)
        {
            return null;
        }

        var b = Start(ManagerType.Complacent);
        b.Core(co.BaseScore, Wording.GoodResults(f.Long, t.LongWindowDays));
        var earlierDays = t.LongWindowDays - t.ShortWindowDays;
        double excess = 0;
        if (trend.RatingFalling)
        {
            b.Reason(Wording.RatingFalling(f.Short.AverageRating!.Value, f.Earlier.AverageRating!.Value, t.ShortWindowDays, earlierDays));
            excess = Math.Max(excess, (trend.RatingDrop!.Value - co.MinRatingDrop) * co.ExcessRatingDropWeight);
        }

        if (trend.OnTimeFalling)
        {
            b.Reason(Wording.OnTimeFalling(f.Short.OnTimeRate!.Value, f.Earlier.OnTimeRate!.Value, t.ShortWindowDays, earlierDays));
            excess = Math.Max(excess, (trend.OnTimeDrop!.Value - co.MinOnTimeDrop) * co.ExcessOnTimeDropWeight);
        }

        b.Add(excess);
        if (repeated is not null)
        {
            b.Core(trend.Falling ? co.BothWeight : 0, Wording.FeedbackRepeated(repeated, t.LongWindowDays));
        }

        return b.Build();
    }

    // Excellent: sustained results (checked by the caller); valuable transfer forms, praise and strong plans add.
    private static TypeCandidate? Excellent(Facts f, CoachingThresholds t)
    {
        var x = t.Excellent;
        var b = Start(ManagerType.Excellent);
        b.Core(x.BaseScore, Wording.SustainedOnTime(f.Long, f.Short, t.LongWindowDays, t.ShortWindowDays));
        b.Reason(Wording.SustainedRating(f.Long, f.Short, t.LongWindowDays, t.ShortWindowDays));
        b.Reason(Wording.NoComplaintsNoDecline(f.Complaints90, t.LongWindowDays));
        if (f.RatedTransfers90 >= x.MinTransfers && AtLeast(f.AverageTransferValue90, x.MinTransferValue))
        {
            b.Support(x.GoodTransfersWeight, Wording.GoodTransfers(f.RatedTransfers90, f.AverageTransferValue90!.Value, t.LongWindowDays));
        }

        if (f.Praise >= x.MinPraise)
        {
            b.Support(x.PraiseWeight, Wording.Praised(f.Praise, t.LongWindowDays));
        }

        if (AtLeast(f.AveragePlanCompletion, t.Plans.HighCompletion))
        {
            b.Support(x.HighPlanWeight, Wording.PlanCompletion(f.AveragePlanCompletion!.Value, f.PlanCount, t.LongWindowDays));
        }

        return b.Build();
    }

    /// <summary>Collects one type's signals: the score, whether a core signal fired, and the reasons in order.</summary>
    private struct CandidateBuilder(ManagerType type)
    {
        private double score;
        private List<EvidenceLine>? reasons;

        public bool Fired { get; private set; }

        public readonly IReadOnlyList<EvidenceLine> Reasons => reasons ?? [];

        /// <summary>A core signal: suggests the type on its own.</summary>
        public void Core(double weight, EvidenceLine line)
        {
            Fired = true;
            score += weight;
            Reason(line);
        }

        /// <summary>A supporting signal: counts only once a core signal fired (it never suggests a type on its own).</summary>
        public void Support(double weight, EvidenceLine line)
        {
            if (!Fired)
            {
                return;
            }

            score += weight;
            Reason(line);
        }

        public void Add(double weight) => score += weight;

        public void Reason(EvidenceLine line) => (reasons ??= new List<EvidenceLine>(3)).Add(line);

        public readonly TypeCandidate? Build()
        {
            var rounded = Math.Round(Math.Min(1, score), 3, MidpointRounding.AwayFromZero);
            return Fired && rounded > 0 ? new TypeCandidate(type, rounded, Reasons) : null;
        }
    }
}
