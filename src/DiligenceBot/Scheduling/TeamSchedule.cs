namespace DiligenceBot.Scheduling;

/// <summary>
/// When a team meets and when its managers are reminded.
/// </summary>
/// <param name="TimeZone">IANA time zone id (e.g. "Asia/Shanghai"); the meeting time is local to it.</param>
/// <param name="MeetingTime">Local time of the daily meeting.</param>
/// <param name="WorkingDays">The team's ordinary weekdays; the calendar's holidays and make-up days adjust them.</param>
/// <param name="Calendar">Public holidays to honour, or null for weekdays alone.</param>
/// <param name="ReminderOffsetsMinutes">Minutes before the meeting start at which to remind (e.g. 60 and 15).</param>
public sealed record TeamSchedule(
    string TimeZone,
    TimeOnly MeetingTime,
    IReadOnlySet<DayOfWeek> WorkingDays,
    HolidayCalendar? Calendar,
    IReadOnlyList<int> ReminderOffsetsMinutes)
{
    /// <summary>Monday to Friday, the default when a team names no weekdays.</summary>
    public static IReadOnlySet<DayOfWeek> MondayToFriday { get; } = new HashSet<DayOfWeek>
    {
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday,
    };
}
