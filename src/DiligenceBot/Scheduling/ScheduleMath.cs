using DiligenceBot.Organisation;

namespace DiligenceBot.Scheduling;

/// <summary>A reminder that falls due: the day its log is due, its offset, the absolute instant it is due, and the day the log covers.</summary>
public sealed record DueReminder(DateOnly Day, int OffsetMinutes, DateTimeOffset At, DateOnly Covers);

/// <summary>The logs open for writing: the one due next, and one whose deadline passed earlier today (accepted as late).</summary>
public sealed record OpenLogs(DateOnly Next, DateOnly? Late)
{
    public bool Contains(DateOnly day) => day == Next || day == Late;
}

/// <summary>
/// Pure date and time arithmetic for team meetings: which days are working days, when a meeting starts in
/// absolute time, and which reminders fall in a window of absolute time.
/// </summary>
public static class ScheduleMath
{
    // Bounds the walk out of a DST gap; real gaps are an hour or less, the odd historical one a day.
    private const int MaxGapMinutes = 48 * 60;

    /// <summary>
    /// A holiday is never a working day; a make-up day always is (even if the team does not normally work that
    /// weekday, because the whole country does); any other day is a working day if its weekday is the team's.
    /// </summary>
    public static bool IsWorkingDay(TeamSchedule s, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s.Calendar is { } calendar)
        {
            if (calendar.IsHoliday(day))
            {
                return false;
            }

            if (calendar.IsMakeUpWorkingDay(day))
            {
                return true;
            }
        }

        return s.WorkingDays.Contains(day.DayOfWeek);
    }

    /// <summary>The latest working day strictly before <paramref name="before"/>, or null if none within <paramref name="maxLookback"/> days.</summary>
    public static DateOnly? PreviousWorkingDay(TeamSchedule s, DateOnly before, int maxLookback = 60) =>
        Search(s, before, -1, maxLookback);

    /// <summary>The earliest working day strictly after <paramref name="after"/>, or null if none within <paramref name="maxLookahead"/> days.</summary>
    public static DateOnly? NextWorkingDay(TeamSchedule s, DateOnly after, int maxLookahead = 60) =>
        Search(s, after, 1, maxLookahead);

    /// <summary>
    /// The absolute instant the meeting starts on <paramref name="day"/>, with the zone's offset at that instant.
    /// A local time skipped by a DST gap moves to the first local minute after the gap (the clocks' new reading at
    /// the jump), so the meeting still happens that day; a local time that occurs twice takes its first occurrence,
    /// so nobody is reminded about a meeting an hour after it began.
    /// </summary>
    public static DateTimeOffset MeetingStart(TeamSchedule s, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(s);
        return LocalInstant(s, day, s.MeetingTime);
    }

    /// <summary>
    /// The instant a local time happens on <paramref name="day"/> in the team's zone, with the same rules as
    /// <see cref="MeetingStart"/> for DST gaps (first minute after) and overlaps (first occurrence).
    /// </summary>
    public static DateTimeOffset LocalInstant(TeamSchedule s, DateOnly day, TimeOnly time)
    {
        ArgumentNullException.ThrowIfNull(s);
        var zone = Zone(s);
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);

        if (zone.IsInvalidTime(local))
        {
            // Walk whole minutes: gaps start and end on minute boundaries in the tz database, and the bound keeps
            // a corrupt zone from looping forever.
            var candidate = local.AddTicks(-(local.Ticks % TimeSpan.TicksPerMinute));
            for (var i = 0; i < MaxGapMinutes && zone.IsInvalidTime(candidate); i++)
            {
                candidate = candidate.AddMinutes(1);
            }

            local = candidate;
        }

        if (zone.IsAmbiguousTime(local))
        {
            // The larger offset is the one before the clocks went back, i.e. the earlier instant.
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            return new DateTimeOffset(local, offsets.Max());
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>
    /// When the log that covers working day <paramref name="covered"/> is due: the start of the next working day's
    /// meeting (the lead reads it there), or, for a team that logs the same day, its due time on that day.
    /// </summary>
    public static DateTimeOffset LogDeadline(TeamSchedule s, DateOnly covered)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s.LogCovers == LogCoverage.SameDay
            ? LocalInstant(s, covered, s.LogDueTime ?? s.MeetingTime)
            : MeetingStart(s, NextWorkingDay(s, covered) ?? covered.AddDays(1));
    }

    /// <summary>The deadline that falls on working day <paramref name="deadlineDay"/> (the meeting, or the same-day due time).</summary>
    public static DateTimeOffset LogDeadlineOn(TeamSchedule s, DateOnly deadlineDay)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s.LogCovers == LogCoverage.SameDay ? LocalInstant(s, deadlineDay, s.LogDueTime ?? s.MeetingTime) : MeetingStart(s, deadlineDay);
    }

    /// <summary>The day covered by the log due on working day <paramref name="deadlineDay"/>.</summary>
    public static DateOnly LogCoveredBy(TeamSchedule s, DateOnly deadlineDay)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s.LogCovers == LogCoverage.SameDay ? deadlineDay : PreviousWorkingDay(s, deadlineDay) ?? deadlineDay.AddDays(-1);
    }

    /// <summary>
    /// The logs a manager can write at <paramref name="now"/>: the one due next, and the one whose deadline passed
    /// earlier on the same local day (still accepted, as late) if any.
    /// </summary>
    public static OpenLogs LogsOpen(TeamSchedule s, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(s);
        var zone = Zone(s);
        var today = LocalDate(zone, now);
        var covered = IsWorkingDay(s, today) ? today : PreviousWorkingDay(s, today) ?? today;
        // Deadlines grow with the day covered: step back while an earlier log is still ahead, forward while this one has passed.
        for (var i = 0; i < 60 && PreviousWorkingDay(s, covered) is { } earlier && LogDeadline(s, earlier) > now; i++)
        {
            covered = earlier;
        }

        for (var i = 0; i < 60 && LogDeadline(s, covered) <= now; i++)
        {
            covered = NextWorkingDay(s, covered) ?? covered.AddDays(1);
        }

        DateOnly? late = PreviousWorkingDay(s, covered) is { } before && LocalDate(zone, LogDeadline(s, before)) == today ? before : null;
        return new OpenLogs(covered, late);
    }

    /// <summary>The latest log due by the start of the meeting on <paramref name="meetingDay"/>: the logs the lead reads there.</summary>
    public static DateOnly LogReadAtMeeting(TeamSchedule s, DateOnly meetingDay)
    {
        ArgumentNullException.ThrowIfNull(s);
        var meeting = MeetingStart(s, meetingDay);
        var covered = IsWorkingDay(s, meetingDay) ? meetingDay : PreviousWorkingDay(s, meetingDay) ?? meetingDay;
        for (var i = 0; i < 60 && LogDeadline(s, covered) > meeting && PreviousWorkingDay(s, covered) is { } earlier; i++)
        {
            covered = earlier;
        }

        return covered;
    }

    /// <summary>The logs a lead looks at by default at <paramref name="now"/>: those read at today's meeting (or the next one on a day off).</summary>
    public static DateOnly LogForLead(TeamSchedule s, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(s);
        var today = LocalDate(Zone(s), now);
        var meetingDay = IsWorkingDay(s, today) ? today : NextWorkingDay(s, today) ?? today;
        return LogReadAtMeeting(s, meetingDay);
    }

    /// <summary>
    /// Every reminder (the log's deadline on that day minus offset) of a working day whose instant lies in
    /// (<paramref name="fromExclusive"/>, <paramref name="toInclusive"/>], ordered by instant. Because each reminder is
    /// a single absolute instant and the window is half-open, consecutive windows report each reminder exactly once,
    /// whatever the local clock does in between.
    /// </summary>
    public static IReadOnlyList<DueReminder> RemindersDue(TeamSchedule s, DateTimeOffset fromExclusive, DateTimeOffset toInclusive)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (toInclusive <= fromExclusive || s.ReminderOffsetsMinutes.Count == 0)
        {
            return [];
        }

        // Duplicated offsets in the configuration must not send the same reminder twice.
        var offsets = s.ReminderOffsetsMinutes.Distinct().ToArray();
        var zone = Zone(s);

        // A reminder at instant t belongs to the meeting at t + offset, so the candidate meeting days are the local
        // dates of the window shifted by the offsets; one day of slack each side covers a meeting moved past
        // midnight by a gap and zones whose offset changes by a day's worth of hours.
        var first = LocalDate(zone, fromExclusive.AddMinutes(offsets.Min())).AddDays(-1);
        var last = LocalDate(zone, toInclusive.AddMinutes(offsets.Max())).AddDays(1);

        var due = new List<DueReminder>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (!IsWorkingDay(s, day))
            {
                continue;
            }

            var start = LogDeadlineOn(s, day);
            foreach (var offset in offsets)
            {
                var at = start.AddMinutes(-offset);
                if (at > fromExclusive && at <= toInclusive)
                {
                    due.Add(new DueReminder(day, offset, at, LogCoveredBy(s, day)));
                }
            }
        }

        // Ties (same instant) are ordered by day then by the larger offset first, for a stable, readable order.
        return [.. due.OrderBy(r => r.At.UtcTicks).ThenBy(r => r.Day).ThenByDescending(r => r.OffsetMinutes)];
    }

    /// <summary>How many working days up to its due day a record a manager owes (a plan, a summary) is reminded at the meeting.</summary>
    public const int DueReminderDays = 3;

    /// <summary>
    /// Whether <paramref name="day"/> is one of the last <see cref="DueReminderDays"/> working days up to and including
    /// <paramref name="due"/> (the working day before it when the due day is not one): the days its reminders go out.
    /// </summary>
    public static bool IsDueReminderDay(TeamSchedule s, DateOnly due, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (day > due || !IsWorkingDay(s, day))
        {
            return false;
        }

        DateOnly? d = IsWorkingDay(s, due) ? due : PreviousWorkingDay(s, due);
        for (var i = 0; i < DueReminderDays && d is { } candidate; i++)
        {
            if (candidate == day)
            {
                return true;
            }

            d = PreviousWorkingDay(s, candidate);
        }

        return false;
    }

    /// <summary>The <paramref name="count"/>th working day after <paramref name="day"/> (a calendar day further for each step without a working day within 60 days).</summary>
    public static DateOnly WorkingDaysAfter(TeamSchedule s, DateOnly day, int count)
    {
        ArgumentNullException.ThrowIfNull(s);
        for (var i = 0; i < count; i++)
        {
            day = NextWorkingDay(s, day) ?? day.AddDays(1);
        }

        return day;
    }

    /// <summary>The number of working days from <paramref name="fromInclusive"/> to <paramref name="toInclusive"/>; 0 if the range is empty.</summary>
    public static int WorkingDaysBetween(TeamSchedule s, DateOnly fromInclusive, DateOnly toInclusive)
    {
        ArgumentNullException.ThrowIfNull(s);
        var count = 0;
        for (var day = fromInclusive; day <= toInclusive; day = day.AddDays(1))
        {
            if (IsWorkingDay(s, day))
            {
                count++;
            }
        }

        return count;
    }

    private static DateOnly? Search(TeamSchedule s, DateOnly from, int step, int maxDays)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentOutOfRangeException.ThrowIfNegative(maxDays);
        var day = from;
        for (var i = 0; i < maxDays; i++)
        {
            day = day.AddDays(step);
            if (IsWorkingDay(s, day))
            {
                return day;
            }
        }

        return null;
    }

    // FindSystemTimeZoneById caches zones, so resolving on every call costs a dictionary lookup.
    private static TimeZoneInfo Zone(TeamSchedule s) => TimeZoneInfo.FindSystemTimeZoneById(s.TimeZone);

    /// <summary>The calendar date in <paramref name="zone"/> at <paramref name="instant"/>.</summary>
    public static DateOnly LocalDate(TimeZoneInfo zone, DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
