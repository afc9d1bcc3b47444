using System.Globalization;
using DiligenceBot.Scheduling;
using DiligenceBot.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace DiligenceBot.Tests.Scheduling;

/// <summary>Working days, meeting instants and due reminders, against the shipped mainland China calendar and DST zones.</summary>
public sealed class ScheduleMathTests
{
    private static readonly HolidayCalendar CnMainland =
        HolidayCalendar.Load(Path.Combine(RepoTools.RepoRoot, "seeds", "calendars", "cn-mainland.json"));

    private static readonly IReadOnlySet<DayOfWeek> EveryDay = Enum.GetValues<DayOfWeek>().ToHashSet();

    private static TeamSchedule Shanghai() =>
        new("Asia/Shanghai", new TimeOnly(8, 30), TeamSchedule.MondayToFriday, CnMainland, [60, 15]);

    [Theory]
    [InlineData("2026-02-13", true)]  // Friday before the Spring Festival
    [InlineData("2026-02-14", true)]  // Saturday make-up working day
    [InlineData("2026-02-15", false)] // Sunday, first day of the holiday
    [InlineData("2026-02-16", false)] // Monday inside the holiday
    [InlineData("2026-02-21", false)] // ordinary Saturday inside the holiday
    [InlineData("2026-02-23", false)] // Monday, last day of the holiday
    [InlineData("2026-02-24", true)]
    [InlineData("2026-02-28", true)]  // Saturday make-up working day
    [InlineData("2026-03-01", false)] // ordinary Sunday
    [InlineData("2026-03-07", false)] // ordinary Saturday
    [InlineData("2026-01-01", false)] // New Year, a Thursday
    [InlineData("2026-01-04", true)]  // Sunday make-up working day
    [InlineData("2026-04-06", false)] // Qingming, a Monday
    [InlineData("2026-04-07", true)]
    [InlineData("2026-10-10", true)]  // Saturday make-up working day after National Day
    [InlineData("2027-02-08", true)]  // a Monday of a year the calendar does not cover: weekdays alone decide
    public void IsWorkingDay_CnMainland2026_FollowsTheNotice(string day, bool expected) =>
        Assert.Equal(expected, ScheduleMath.IsWorkingDay(Shanghai(), D(day)));

    [Fact]
    public void IsWorkingDay_NoCalendar_UsesWeekdaysOnly()
    {
        var schedule = Shanghai() with { Calendar = null };

        Assert.True(ScheduleMath.IsWorkingDay(schedule, D("2026-02-16")));
        Assert.False(ScheduleMath.IsWorkingDay(schedule, D("2026-02-14")));
    }

    [Theory]
    [InlineData("2026-02-24", "2026-02-14")] // back over the whole Spring Festival to the make-up Saturday
    [InlineData("2026-01-05", "2026-01-04")] // the make-up Sunday
    [InlineData("2026-10-12", "2026-10-10")]
    [InlineData("2026-04-07", "2026-04-03")] // over the Qingming weekend and holiday Monday
    public void PreviousWorkingDay_AcrossHolidays_SkipsThem(string before, string expected) =>
        Assert.Equal(D(expected), ScheduleMath.PreviousWorkingDay(Shanghai(), D(before)));

    [Theory]
    [InlineData("2026-02-14", "2026-02-24")]
    [InlineData("2025-12-31", "2026-01-04")] // New Year: the next working day is a Sunday
    [InlineData("2026-09-30", "2026-10-08")]
    [InlineData("2026-02-27", "2026-02-28")]
    public void NextWorkingDay_AcrossHolidays_SkipsThem(string after, string expected) =>
        Assert.Equal(D(expected), ScheduleMath.NextWorkingDay(Shanghai(), D(after)));

    [Fact]
    public void PreviousWorkingDay_BeyondLookback_ReturnsNull()
    {
        // Feb 14 is ten days before Feb 24; nine days of lookback only reach the holiday.
        Assert.Null(ScheduleMath.PreviousWorkingDay(Shanghai(), D("2026-02-24"), maxLookback: 9));
        Assert.Equal(D("2026-02-14"), ScheduleMath.PreviousWorkingDay(Shanghai(), D("2026-02-24"), maxLookback: 10));
    }

    [Fact]
    public void NextWorkingDay_NoWorkingWeekdays_ReturnsNull()
    {
        var schedule = Shanghai() with { WorkingDays = new HashSet<DayOfWeek>(), Calendar = null };

        Assert.Null(ScheduleMath.NextWorkingDay(schedule, D("2026-02-24")));
    }

    [Theory]
    [InlineData("2026-02-13", "2026-02-28", 7)] // Feb 13, 14, 24, 25, 26, 27, 28
    [InlineData("2026-02-15", "2026-02-23", 0)]
    [InlineData("2026-02-14", "2026-02-14", 1)]
    [InlineData("2026-02-28", "2026-02-13", 0)] // empty range
    [InlineData("2026-09-28", "2026-10-11", 6)] // Sep 28, 29, 30, Oct 8, 9 and the make-up Saturday Oct 10
    public void WorkingDaysBetween_CnMainland_CountsWorkingDays(string from, string to, int expected) =>
        Assert.Equal(expected, ScheduleMath.WorkingDaysBetween(Shanghai(), D(from), D(to)));

    [Theory]
    [InlineData("Asia/Shanghai", "2026-02-14", "08:30", "2026-02-14T08:30:00+08:00")]
    [InlineData("America/New_York", "2026-03-08", "02:30", "2026-03-08T03:00:00-04:00")] // in the gap: end of the gap
    [InlineData("America/New_York", "2026-03-08", "09:00", "2026-03-08T09:00:00-04:00")]
    [InlineData("America/New_York", "2026-11-01", "01:30", "2026-11-01T01:30:00-04:00")] // ambiguous: first occurrence
    [InlineData("America/New_York", "2026-11-01", "02:30", "2026-11-01T02:30:00-05:00")] // after the repeated hour
    [InlineData("Europe/Berlin", "2026-03-29", "02:30", "2026-03-29T03:00:00+02:00")]
    [InlineData("Europe/Berlin", "2026-10-25", "02:30", "2026-10-25T02:30:00+02:00")]
    [InlineData("Europe/Berlin", "2026-10-25", "09:00", "2026-10-25T09:00:00+01:00")]
    public void MeetingStart_LocalTime_ResolvesToExpectedInstant(string zone, string day, string time, string expected)
    {
        var schedule = new TeamSchedule(zone, T(time), EveryDay, null, [60, 15]);

        var start = ScheduleMath.MeetingStart(schedule, D(day));

        var want = DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture);
        Assert.Equal(want, start);
        Assert.Equal(want.Offset, start.Offset);
    }

    [Fact]
    public void RemindersDue_TickingThroughSpringFestival_RemindsOnWorkingDaysOnly()
    {
        var from = new DateTimeOffset(2026, 2, 13, 0, 0, 0, TimeSpan.FromHours(8));
        var to = new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.FromHours(8));

        var seen = TickEveryMinute(Shanghai(), from, to);

        string[] days = ["2026-02-13", "2026-02-14", "2026-02-24", "2026-02-25", "2026-02-26", "2026-02-27", "2026-02-28", "2026-03-02"];
        // Each meeting's log covers the working day before it: the first after the festival covers the make-up Saturday.
        string[] covers = ["2026-02-12", "2026-02-13", "2026-02-14", "2026-02-24", "2026-02-25", "2026-02-26", "2026-02-27", "2026-02-28"];
        var expected = days.Zip(covers).SelectMany(d => new[]
        {
            new DueReminder(D(d.First), 60, new DateTimeOffset(D(d.First).ToDateTime(new TimeOnly(7, 30)), TimeSpan.FromHours(8)), D(d.Second)),
            new DueReminder(D(d.First), 15, new DateTimeOffset(D(d.First).ToDateTime(new TimeOnly(8, 15)), TimeSpan.FromHours(8)), D(d.Second)),
        });
        Assert.Equal(expected, seen);
    }

    [Fact]
    public void RemindersDue_HolidayMonday_NoneThatDayAndBothNextDay()
    {
        var from = new DateTimeOffset(2026, 4, 6, 0, 0, 0, TimeSpan.FromHours(8));
        var to = new DateTimeOffset(2026, 4, 8, 0, 0, 0, TimeSpan.FromHours(8));

        var due = ScheduleMath.RemindersDue(Shanghai(), from, to);

        Assert.Equal(
            [
                new DueReminder(D("2026-04-07"), 60, DateTimeOffset.Parse("2026-04-06T23:30:00Z", CultureInfo.InvariantCulture), D("2026-04-03")),
                new DueReminder(D("2026-04-07"), 15, DateTimeOffset.Parse("2026-04-07T00:15:00Z", CultureInfo.InvariantCulture), D("2026-04-03")),
            ],
            due);
    }

    [Theory]
    [InlineData("America/New_York", "2026-03-08", "02:30", "2026-03-08T06:00:00Z", "2026-03-08T06:45:00Z")]
    [InlineData("America/New_York", "2026-03-08", "09:00", "2026-03-08T12:00:00Z", "2026-03-08T12:45:00Z")]
    [InlineData("America/New_York", "2026-11-01", "01:30", "2026-11-01T04:30:00Z", "2026-11-01T05:15:00Z")]
    [InlineData("America/New_York", "2026-11-01", "02:30", "2026-11-01T06:30:00Z", "2026-11-01T07:15:00Z")]
    [InlineData("America/New_York", "2026-11-01", "09:00", "2026-11-01T13:00:00Z", "2026-11-01T13:45:00Z")]
    [InlineData("Europe/Berlin", "2026-03-29", "02:30", "2026-03-29T00:00:00Z", "2026-03-29T00:45:00Z")]
    [InlineData("Europe/Berlin", "2026-03-29", "09:00", "2026-03-29T06:00:00Z", "2026-03-29T06:45:00Z")]
    [InlineData("Europe/Berlin", "2026-10-25", "02:30", "2026-10-24T23:30:00Z", "2026-10-25T00:15:00Z")]
    [InlineData("Europe/Berlin", "2026-10-25", "09:00", "2026-10-25T07:00:00Z", "2026-10-25T07:45:00Z")]
    public void RemindersDue_TickingThroughDstTransition_EachReminderExactlyOnce(string zone, string day, string time, string at60, string at15)
    {
        var schedule = new TeamSchedule(zone, T(time), EveryDay, null, [60, 15]);
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        // Noon the day before to midnight after: holds the transition day's reminders and no other day's.
        var from = LocalInstant(tz, D(day).AddDays(-1), new TimeOnly(12, 0));
        var to = LocalInstant(tz, D(day).AddDays(1), TimeOnly.MinValue);

        var seen = TickEveryMinute(schedule, from, to);

        Assert.Equal(
            [(D(day), 60, U(at60)), (D(day), 15, U(at15))],
            seen.Select(r => (r.Day, r.OffsetMinutes, r.At.ToUniversalTime())));
    }

    [Fact]
    public void RemindersDue_IrregularTicksAcrossFallBack_EachReminderExactlyOnce()
    {
        // A scheduler that runs late or in odd steps must still neither skip nor repeat.
        var schedule = new TeamSchedule("Europe/Berlin", new TimeOnly(2, 30), EveryDay, null, [60, 15, 1]);
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-10-24T20:00:17Z", CultureInfo.InvariantCulture));
        var seen = new List<DueReminder>();
        var last = time.GetUtcNow();
        var step = 0;
        while (last < DateTimeOffset.Parse("2026-10-25T04:00:00Z", CultureInfo.InvariantCulture))
        {
            time.Advance(TimeSpan.FromSeconds(37 + (step++ % 5 * 61)));
            var now = time.GetUtcNow();
            seen.AddRange(ScheduleMath.RemindersDue(schedule, last, now));
            last = now;
        }

        Assert.Equal(
            [U("2026-10-24T23:30:00Z"), U("2026-10-25T00:15:00Z"), U("2026-10-25T00:29:00Z")],
            seen.Select(r => r.At.ToUniversalTime()));
    }

    [Fact]
    public void RemindersDue_DuplicateAndUnorderedOffsets_OncePerOffsetInTimeOrder()
    {
        var schedule = Shanghai() with { ReminderOffsetsMinutes = [15, 60, 15] };

        var due = ScheduleMath.RemindersDue(schedule,
            DateTimeOffset.Parse("2026-04-07T00:00:00+08:00", CultureInfo.InvariantCulture),
            DateTimeOffset.Parse("2026-04-07T23:59:00+08:00", CultureInfo.InvariantCulture));

        Assert.Equal([60, 15], due.Select(r => r.OffsetMinutes));
    }

    [Fact]
    public void RemindersDue_BoundaryInstants_ExcludesFromIncludesTo()
    {
        var at = DateTimeOffset.Parse("2026-04-07T08:15:00+08:00", CultureInfo.InvariantCulture);

        Assert.Empty(ScheduleMath.RemindersDue(Shanghai(), at, at.AddMinutes(1)));
        Assert.Single(ScheduleMath.RemindersDue(Shanghai(), at.AddMinutes(-1), at));
        Assert.Empty(ScheduleMath.RemindersDue(Shanghai(), at, at));
        Assert.Empty(ScheduleMath.RemindersDue(Shanghai(), at, at.AddDays(-1)));
    }

    [Fact]
    public void RemindersDue_WeekdaysOnlyTeamOnDstSunday_None()
    {
        var schedule = new TeamSchedule("America/New_York", new TimeOnly(9, 0), TeamSchedule.MondayToFriday, null, [60, 15]);

        var due = ScheduleMath.RemindersDue(schedule, U("2026-03-08T00:00:00Z"), U("2026-03-09T04:00:00Z"));

        Assert.Empty(due);
    }

    private static List<DueReminder> TickEveryMinute(TeamSchedule schedule, DateTimeOffset from, DateTimeOffset to)
    {
        var time = new FakeTimeProvider(from);
        var seen = new List<DueReminder>();
        var last = time.GetUtcNow();
        while (last < to)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            var now = time.GetUtcNow();
            seen.AddRange(ScheduleMath.RemindersDue(schedule, last, now));
            last = now;
        }

        return seen;
    }

    private static DateTimeOffset LocalInstant(TimeZoneInfo zone, DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static TimeOnly T(string text) => TimeOnly.ParseExact(text, "HH:mm", CultureInfo.InvariantCulture);

    private static DateTimeOffset U(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture).ToUniversalTime();

    private static TeamSchedule ShanghaiEvening() => Shanghai() with { LogCovers = Organisation.LogCoverage.SameDay, LogDueTime = new TimeOnly(18, 0) };

    [Theory]
    // The default: a log covers the previous working day and is due at the next meeting.
    [InlineData("2026-12-04", "2026-12-07T08:30:00+08:00")] // Friday's log, due at Monday's meeting
    [InlineData("2026-09-30", "2026-10-08T08:30:00+08:00")] // before National Day: due at the first meeting after it
    [InlineData("2026-02-14", "2026-02-24T08:30:00+08:00")] // the make-up Saturday before the Spring Festival
    public void LogDeadline_PreviousWorkingDay_IsTheNextWorkingDaysMeeting(string covered, string due) =>
        Assert.Equal(DateTimeOffset.Parse(due, CultureInfo.InvariantCulture), ScheduleMath.LogDeadline(Shanghai(), D(covered)));

    [Fact]
    public void LogDeadline_SameDay_IsTheDueTimeThatDay() =>
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 18, 0, 0, TimeSpan.FromHours(8)), ScheduleMath.LogDeadline(ShanghaiEvening(), D("2026-12-04")));

    [Theory]
    // now (Shanghai), the log due next, the log whose deadline passed earlier today (late) or empty
    [InlineData("2026-12-07T07:00", "2026-12-04", "")]           // Monday before the meeting: Friday's log
    [InlineData("2026-12-07T08:30", "2026-12-07", "2026-12-04")] // the meeting started: Friday's is late, Monday's is next
    [InlineData("2026-12-07T23:59", "2026-12-07", "2026-12-04")]
    [InlineData("2026-12-08T00:00", "2026-12-07", "")]           // a day later Friday's log is closed
    [InlineData("2026-12-05T10:00", "2026-12-04", "")]           // Saturday: Friday's log, due Monday
    [InlineData("2026-10-01T10:00", "2026-09-30", "")]           // National Day: the last working day before it
    public void LogsOpen_PreviousWorkingDay(string now, string next, string late)
    {
        var open = ScheduleMath.LogsOpen(Shanghai(), Local(now));
        Assert.Equal((D(next), late.Length == 0 ? (DateOnly?)null : D(late)), (open.Next, open.Late));
    }

    [Theory]
    [InlineData("2026-12-07T07:00", "2026-12-07", "")]           // an evening team's Monday log is due Monday 18:00
    [InlineData("2026-12-07T18:00", "2026-12-08", "2026-12-07")] // after 18:00 Monday's is late, Tuesday's next
    [InlineData("2026-12-05T10:00", "2026-12-07", "")]           // Saturday: Monday's is next
    public void LogsOpen_SameDay(string now, string next, string late)
    {
        var open = ScheduleMath.LogsOpen(ShanghaiEvening(), Local(now));
        Assert.Equal((D(next), late.Length == 0 ? (DateOnly?)null : D(late)), (open.Next, open.Late));
    }

    [Theory]
    [InlineData(false, "2026-12-07", "2026-12-04")] // Monday's meeting reads Friday's logs
    [InlineData(true, "2026-12-07", "2026-12-04")]  // so does an evening team's: Friday's were due Friday 18:00
    [InlineData(false, "2026-10-08", "2026-09-30")]
    public void LogReadAtMeeting_IsTheLatestLogDueByTheMeeting(bool evening, string meetingDay, string covered) =>
        Assert.Equal(D(covered), ScheduleMath.LogReadAtMeeting(evening ? ShanghaiEvening() : Shanghai(), D(meetingDay)));

    [Fact]
    public void RemindersDue_SameDay_ComeBeforeTheDueTime_ForThatDaysLog()
    {
        var due = ScheduleMath.RemindersDue(ShanghaiEvening(), Local("2026-12-07T00:00"), Local("2026-12-07T23:00"));

        Assert.Equal(
            [
                new DueReminder(D("2026-12-07"), 60, Local("2026-12-07T17:00"), D("2026-12-07")),
                new DueReminder(D("2026-12-07"), 15, Local("2026-12-07T17:45"), D("2026-12-07")),
            ],
            due);
    }

    private static DateTimeOffset Local(string shanghai) => DateTimeOffset.Parse(shanghai + ":00+08:00", CultureInfo.InvariantCulture);
}
