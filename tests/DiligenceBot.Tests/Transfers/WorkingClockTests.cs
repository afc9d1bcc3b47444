using DiligenceBot.Scheduling;
using DiligenceBot.Transfers;

namespace DiligenceBot.Tests.Transfers;

/// <summary>Deadlines in working hours: the post's day, its weekdays, holidays and make-up days, time zones.</summary>
public sealed class WorkingClockTests
{
    private static readonly HashSet<DayOfWeek> Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private static readonly HolidayCalendar Calendar = new("test", "Test", "测试", "test",
        holidays: [new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 2)],
        workingDays: [new DateOnly(2026, 10, 10)]);

    private static readonly WorkingTime Office = new("Asia/Shanghai", new TimeOnly(8, 30), new TimeOnly(17, 30), Weekdays, Calendar);

    private static DateTimeOffset Sh(int mo, int d, int h, int mi) => new(2026, mo, d, h, mi, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(11, 30, 10, 0, 2.0, 11, 30, 12, 0)]    // within the day
    [InlineData(11, 30, 16, 30, 2.0, 12, 1, 9, 30)]    // over the night
    [InlineData(12, 4, 17, 0, 2.0, 12, 7, 10, 0)]      // Friday evening → Monday morning
    [InlineData(12, 5, 11, 0, 1.0, 12, 7, 9, 30)]      // sent on a Saturday: the clock starts on Monday
    [InlineData(11, 30, 6, 0, 1.0, 11, 30, 9, 30)]     // sent before work starts
    [InlineData(11, 30, 10, 0, 7.5, 11, 30, 17, 30)]   // ends exactly at closing time
    [InlineData(9, 30, 17, 0, 1.0, 10, 5, 9, 0)]       // the day before a holiday: 1 and 2 October are off, 3-4 the weekend
    [InlineData(10, 9, 17, 0, 1.0, 10, 10, 9, 0)]      // a make-up Saturday counts
    public void AddWorkingHours_CountsOnlyTheWorkingDay(int mo, int d, int h, int mi, double hours, int emo, int ed, int eh, int emi) =>
        Assert.Equal(Sh(emo, ed, eh, emi), WorkingClock.AddWorkingHours(Office, Sh(mo, d, h, mi), hours));

    [Fact]
    public void APostWithoutWorkingHours_CountsWholeWorkingDays()
    {
        var wholeDays = Office with { Start = null, End = null };

        Assert.Equal(Sh(12, 7, 2, 0), WorkingClock.AddWorkingHours(wholeDays, Sh(12, 4, 22, 0), 4));
    }

    [Fact]
    public void AroundTheClock_IsPlainHours()
    {
        var always = WorkingTime.AroundTheClock("Asia/Shanghai");

        Assert.Equal(Sh(12, 6, 2, 0), WorkingClock.AddWorkingHours(always, Sh(12, 5, 22, 0), 4));
    }

    [Fact]
    public void NoWorkingDaysAtAll_FallsBackToPlainHours_InsteadOfLoopingForever()
    {
        var never = Office with { Days = new HashSet<DayOfWeek>(), Calendar = null };

        Assert.Equal(Sh(11, 30, 12, 0), WorkingClock.AddWorkingHours(never, Sh(11, 30, 10, 0), 2));
    }

    [Fact]
    public void TheWorkingDayIsLocal_AcrossADaylightSavingChange()
    {
        // Berlin moves its clocks forward on 29 March 2026; 08:30 local is 07:30Z before and 06:30Z after.
        var berlin = new WorkingTime("Europe/Berlin", new TimeOnly(8, 30), new TimeOnly(17, 30), Weekdays, null);

        var due = WorkingClock.AddWorkingHours(berlin, new DateTimeOffset(2026, 3, 27, 16, 30, 0, TimeSpan.FromHours(1)), 2);

        Assert.Equal(new DateTimeOffset(2026, 3, 30, 9, 30, 0, TimeSpan.FromHours(2)), due);
    }

    [Fact]
    public void WorkingHoursBetween_IsTheInverse()
    {
        Assert.Equal(16, WorkingClock.WorkingHoursBetween(Office, Sh(11, 30, 10, 0), Sh(12, 1, 17, 0)), 6);
        Assert.Equal(0, WorkingClock.WorkingHoursBetween(Office, Sh(12, 5, 9, 0), Sh(12, 6, 18, 0)));
    }
}
