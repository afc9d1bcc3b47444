namespace DiligenceBot.Scheduling;

/// <summary>
/// When a team meets and when its managers are reminded.
/// </summary>
/// <param name="TimeZone">IANA time zone id (e.g. "Asia/Shanghai"); the meeting time is local to it.</param>
/// <param name="MeetingTime">Local time of the daily meeting.</param>
/// <param name="WorkingDays">The team's ordinary weekdays; the calendar's holidays and make-up days adjust them.</param>
/// <param name="Calendar">Public holidays to honour, or null for weekdays alone.</param>
/// <param name="ReminderOffsetsMinutes">Minutes before the log is due at which to remind (e.g. 60 and 15).</param>
/// <param name="LogCovers">Which day a daily log reports on: the previous working day (due at the meeting) or the day itself.</param>
/// <param name="LogDueTime">Local time a same-day log is due on its own day; ignored for previous-working-day logs.</param>
public sealed record TeamSchedule(
    string TimeZone,
    TimeOnly MeetingTime,
    IReadOnlySet<DayOfWeek> WorkingDays,
    HolidayCalendar? Calendar,
    IReadOnlyList<int> ReminderOffsetsMinutes,
    Organisation.LogCoverage LogCovers = Organisation.LogCoverage.PreviousWorkingDay,
    TimeOnly? LogDueTime = null)
{
    /// <summary>Monday to Friday, the default when a team names no weekdays.</summary>
    public static IReadOnlySet<DayOfWeek> MondayToFriday { get; } = new HashSet<DayOfWeek>
    {
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday,
    };
}
