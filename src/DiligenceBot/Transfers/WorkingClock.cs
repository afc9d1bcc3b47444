using DiligenceBot.Scheduling;

namespace DiligenceBot.Transfers;

/// <summary>
/// When a post works: its time zone, its working day (start and end, local; null = the whole day), its weekdays
/// and the holiday calendar with its make-up days.
/// </summary>
public sealed record WorkingTime(string TimeZone, TimeOnly? Start, TimeOnly? End, IReadOnlySet<DayOfWeek> Days, HolidayCalendar? Calendar)
{
    /// <summary>Every hour of every day counts (a post that names no working time).</summary>
    public static WorkingTime AroundTheClock(string timeZone) =>
        new(timeZone, null, null, Enum.GetValues<DayOfWeek>().ToHashSet(), null);
}

/// <summary>
/// Deadline arithmetic in working time: "N working hours after this instant" counts only the hours inside the
/// post's working day, on its working days, skipping holidays and counting make-up days (the same calendar rules as
/// the team schedule). A form sent on Friday evening with 4 hours to acknowledge is due on Monday morning.
/// </summary>
public static class WorkingClock
{
    /// <summary>Looking further than this for working time means the configuration has none; plain hours are used.</summary>
    private const int MaxDays = 400;

    public static DateTimeOffset AddWorkingHours(WorkingTime w, DateTimeOffset from, double hours)
    {
        ArgumentNullException.ThrowIfNull(w);
        if (hours <= 0)
        {
            return from;
        }

        var remaining = TimeSpan.FromHours(hours);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(w.TimeZone);
        var schedule = new TeamSchedule(w.TimeZone, w.Start ?? TimeOnly.MinValue, w.Days, w.Calendar, []);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime);
        for (var i = 0; i < MaxDays; i++, day = day.AddDays(1))
        {
            if (!ScheduleMath.IsWorkingDay(schedule, day))
            {
                continue;
            }

            var (open, close) = Window(w, zone, day);
            var start = from > open ? from : open;
            if (start >= close)
            {
                continue;
            }

            var available = close - start;
            if (remaining <= available)
            {
                return start + remaining;
            }

            remaining -= available;
        }

        return from.AddHours(hours);
    }

    /// <summary>Working hours between two instants (0 when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public static double WorkingHoursBetween(WorkingTime w, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(w);
        if (to <= from)
        {
            return 0;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(w.TimeZone);
        var schedule = new TeamSchedule(w.TimeZone, w.Start ?? TimeOnly.MinValue, w.Days, w.Calendar, []);
        var total = TimeSpan.Zero;
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, zone).DateTime);
        for (var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime); day <= last; day = day.AddDays(1))
        {
            if (!ScheduleMath.IsWorkingDay(schedule, day))
            {
                continue;
            }

            var (open, close) = Window(w, zone, day);
            var start = from > open ? from : open;
            var end = to < close ? to : close;
            if (end > start)
            {
                total += end - start;
            }
        }

        return total.TotalHours;
    }

    /// <summary>The working window of a day as instants; a whole day when the post names no hours.</summary>
    private static (DateTimeOffset Open, DateTimeOffset Close) Window(WorkingTime w, TimeZoneInfo zone, DateOnly day) =>
        w.Start is { } start && w.End is { } end && end > start
            ? (Instant(zone, day.ToDateTime(start)), Instant(zone, day.ToDateTime(end)))
            : (Instant(zone, day.ToDateTime(TimeOnly.MinValue)), Instant(zone, day.AddDays(1).ToDateTime(TimeOnly.MinValue)));

    /// <summary>
    /// A local time as an instant. A time skipped by a DST gap moves to the end of the gap; a time that occurs twice
    /// takes its first occurrence (the same choices as the meeting start).
    /// </summary>
    private static DateTimeOffset Instant(TimeZoneInfo zone, DateTime local)
    {
        for (var i = 0; i < 48 * 60 && zone.IsInvalidTime(local); i++)
        {
            local = local.AddMinutes(1);
        }

        return zone.IsAmbiguousTime(local)
            ? new DateTimeOffset(local, zone.GetAmbiguousTimeOffsets(local).Max())
            : new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
