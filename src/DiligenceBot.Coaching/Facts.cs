namespace DiligenceBot.Coaching;

/// <summary>Counts of one set of working days (a window, a part of the window, or a part of the month).</summary>
internal struct Tally
{
    public int Working;
    public int Submitted;
    public int OnTime;
    public int Returned;
    public int Rated;
    public int RatingSum;

    public void Add(WorkDay day)
    {
        Working++;
        if (!day.Submitted)
        {
            return;
        }

        Submitted++;
        if (day.OnTime)
        {
            OnTime++;
        }

        if (day.Returned)
        {
            Returned++;
        }

        if (day.QualityRating is { } rating and >= 1 and <= 5)
        {
            Rated++;
            RatingSum += rating;
        }
    }

    public readonly int Missing => Working - Submitted;

    public readonly double? OnTimeRate => Working == 0 ? null : (double)OnTime / Working;

    public readonly double? AverageRating => Rated == 0 ? null : (double)RatingSum / Rated;

    public readonly double? ReturnRate => Submitted == 0 ? null : (double)Returned / Submitted;
}

/// <summary>Everything the rules look at, gathered in one pass over each list of the evidence.</summary>
internal sealed class Facts
{
    public Tally Long;
    public Tally Short;
    /// <summary>The long window before the short window.</summary>
    public Tally Earlier;
    /// <summary>Days 1..EarlyLastDay of each month in the long window.</summary>
    public Tally Early;
    /// <summary>Days LateFirstDay..end of each month in the long window.</summary>
    public Tally Late;
    /// <summary>The last day of the month seen in the late part (for "days 21–31").</summary>
    public int LateLastDay;

    public int Complaints90;
    public int Complaints30;
    public int Grievances;
    public int LowMorale;
    public int LowConfidence;
    public int Praise;

    public PulseAnswer? Pulse;
    public PulseAnswer? PreviousPulse;

    public int Transfers30;
    public int RatedTransfers90;
    public int TransferValueSum90;

    public int PlanCount;
    public double PlanCompletionSum;
    /// <summary>Plans in the long window that arrived after the plan day, or never; plans submitted; the lead's returns of them.</summary>
    public int PlansLate;
    public int PlansMissing;
    public int PlansSubmitted;
    public int PlanReturns;

    public double? AverageTransferValue90 => RatedTransfers90 == 0 ? null : (double)TransferValueSum90 / RatedTransfers90;

    public double? AveragePlanCompletion => PlanCount == 0 ? null : PlanCompletionSum / PlanCount;

    public static Facts Gather(ManagerEvidence evidence, CoachingThresholds t)
    {
        var f = new Facts();
        var window = Window.Of(evidence, t);
        var earlyLastDay = t.StrongStartWeakFinish.EarlyLastDay;
        var lateFirstDay = t.StrongStartWeakFinish.LateFirstDay;

        var days = evidence.Days;
        for (var i = 0; i < days.Count; i++)
        {
            var day = days[i];
            var n = day.Date.DayNumber;
            if (!window.InLong(n))
            {
                continue;
            }

            f.Long.Add(day);
            if (window.InShort(n))
            {
                f.Short.Add(day);
            }
            else
            {
                f.Earlier.Add(day);
            }

            var dayOfMonth = day.Date.Day;
            if (dayOfMonth <= earlyLastDay)
            {
                f.Early.Add(day);
            }
            else if (dayOfMonth >= lateFirstDay)
            {
                f.Late.Add(day);
                if (dayOfMonth > f.LateLastDay)
                {
                    f.LateLastDay = dayOfMonth;
                }
            }
        }

        var observations = evidence.Observations;
        for (var i = 0; i < observations.Count; i++)
        {
            var o = observations[i];
            var n = o.Date.DayNumber;
            if (!window.InLong(n))
            {
                continue;
            }

            switch (o.Kind)
            {
                case ObservationKind.CustomerComplaint:
                    f.Complaints90++;
                    if (window.InShort(n))
                    {
                        f.Complaints30++;
                    }

                    break;
                case ObservationKind.FairnessGrievance:
                    f.Grievances++;
                    break;
                case ObservationKind.LowMorale:
                    f.LowMorale++;
                    break;
                case ObservationKind.LowConfidence:
                    f.LowConfidence++;
                    break;
                case ObservationKind.Praise:
                    f.Praise++;
                    break;
                default:
                    break;
            }
        }

        var pulses = evidence.Pulses;
        for (var i = 0; i < pulses.Count; i++)
        {
            var p = pulses[i];
            var n = p.Date.DayNumber;
            if (!window.InLong(n))
            {
                continue;
            }

            if (f.Pulse is null || n > f.Pulse.Date.DayNumber)
            {
                f.PreviousPulse = f.Pulse;
                f.Pulse = p;
            }
            else if (n < f.Pulse.Date.DayNumber && (f.PreviousPulse is null || n > f.PreviousPulse.Date.DayNumber))
            {
                f.PreviousPulse = p;
            }
        }

        var transfers = evidence.Transfers;
        for (var i = 0; i < transfers.Count; i++)
        {
            var x = transfers[i];
            var n = x.Date.DayNumber;
            if (!window.InLong(n))
            {
                continue;
            }

            if (window.InShort(n))
            {
                f.Transfers30++;
            }

            if (x.ValueRating is { } value and >= 1 and <= 5)
            {
                f.RatedTransfers90++;
                f.TransferValueSum90 += value;
            }
        }

        var plans = evidence.Plans;
        for (var i = 0; i < plans.Count; i++)
        {
            var p = plans[i];
            var n = p.PeriodEnd.DayNumber;
            if (!window.InLong(n))
            {
                continue;
            }

            switch (p.Submission)
            {
                case PlanSubmission.Missing:
                    f.PlansMissing++;
                    continue;
                case PlanSubmission.Late:
                    f.PlansLate++;
                    break;
            }

            f.PlansSubmitted++;
            f.PlanReturns += p.Returns;
            if (double.IsNaN(p.Completion))
            {
                continue;
            }

            f.PlanCount++;
            f.PlanCompletionSum += p.Completion;
        }

        return f;
    }
}

/// <summary>
/// The coaching windows as day numbers: the long one (<see cref="CoachingThresholds.LongWindowDays"/>) and the
/// short one at its end (<see cref="CoachingThresholds.ShortWindowDays"/>), both ending on the day of the evidence.
/// </summary>
internal readonly record struct Window(int AsOf, int LongStart, int ShortStart)
{
    public static Window Of(ManagerEvidence evidence, CoachingThresholds t)
    {
        var asOf = evidence.AsOf.DayNumber;
        return new Window(asOf, asOf - t.LongWindowDays, asOf - t.ShortWindowDays);
    }

    /// <summary>In the long window: after its start, not after the day of the evidence.</summary>
    public bool InLong(int dayNumber) => dayNumber > LongStart && dayNumber <= AsOf;

    /// <summary>In the short window, for a day already known to be in the long one.</summary>
    public bool InShort(int dayNumber) => dayNumber > ShortStart;
}
