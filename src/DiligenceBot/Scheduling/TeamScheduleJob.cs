using System.Globalization;
using DiligenceBot.Data;
using DiligenceBot.Notifications;
using DiligenceBot.Organisation;
using DiligenceBot.WorkLogs;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;

namespace DiligenceBot.Scheduling;

/// <summary>Where a team's schedule job got to: the next run covers (LastRunAt, now].</summary>
public sealed class TeamScheduleState
{
    public required string TeamId { get; set; }
    public DateTimeOffset LastRunAt { get; set; }
}

internal sealed class TeamScheduleStateConfiguration : IEntityTypeConfiguration<TeamScheduleState>
{
    public void Configure(EntityTypeBuilder<TeamScheduleState> b)
    {
        b.ToTable("TeamScheduleStates");
        b.HasKey(s => s.TeamId);
        b.Property(s => s.TeamId).HasMaxLength(64);
    }
}

/// <summary>The holiday calendars shipped in seeds/calendars (data an admin updates each year).</summary>
public sealed class HolidayCalendars(IReadOnlyDictionary<string, HolidayCalendar> calendars)
{
    public HolidayCalendar? Find(string? id) => id is not null && calendars.TryGetValue(id, out var c) ? c : null;

    public TeamSchedule ScheduleOf(Team team) => new(
        team.TimeZone,
        team.MeetingTime,
        team.WorkingDays.Select(d => (DayOfWeek)d).ToHashSet(),
        Find(team.HolidayCalendarId),
        team.ReminderOffsets,
        team.LogCovers,
        team.LogDueTime);
}

/// <summary>
/// A record the team's managers owe besides the daily log (a monthly plan): what of its reminders and escalations fell
/// due in (from, to]. The team's schedule job asks every one registered on each run and queues what they return with
/// its own (keys per kind, subject, revision and recipient, so nothing is sent twice).
/// </summary>
public interface ITeamDueRecords
{
    Task<IReadOnlyList<Notification>> DueAsync(Team team, TeamSchedule schedule, IReadOnlyList<Person> managers, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}

/// <summary>
/// A team's schedule, run every minute by Hangfire (recurring job <c>team-schedule:{teamId}</c>, ids only). It
/// looks at what fell due since its last run — reminders at each offset before a log is due, the lead's digest,
/// escalations when a log falls due, the lead's review reminder after the meeting and, at the same moment, the
/// reminder of a daily meeting without minutes — on working days only, in the team's time
/// zone, and queues each message in the outbox under a key per (kind, team, day, recipient): re-running it, or two
/// instances running it, sends nothing twice.
/// </summary>
public sealed class TeamScheduleJob(
    DiligenceDbContext db,
    HolidayCalendars calendars,
    NotificationDispatcher dispatcher,
    IOptions<SchedulingOptions> options,
    Operations.DiligenceMetrics metrics,
    TimeProvider time,
    IEnumerable<ITeamDueRecords> dueRecords)
{
    public const string Reminder = "schedule.reminder";
    public const string Digest = "schedule.digest";
    public const string ReviewReminder = "schedule.review-reminder";
    public const string MissingToLead = "schedule.missing-lead";
    public const string MissingToLeadsManager = "schedule.missing-manager";
    public const string Unreachable = "schedule.unreachable";

    /// <summary>A run never looks further back than this (e.g. after the app was down for a day).</summary>
    private static readonly TimeSpan MaxCatchUp = TimeSpan.FromHours(2);

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync(string teamId, CancellationToken cancellationToken)
    {
        var team = await db.Teams.AsNoTracking().SingleOrDefaultAsync(t => t.Id == teamId, cancellationToken);
        if (team is null)
        {
            return;
        }

        var now = time.GetUtcNow();
        var state = await StateAsync(teamId, now, cancellationToken);
        var from = state.LastRunAt < now - MaxCatchUp ? now - MaxCatchUp : state.LastRunAt;
        var queued = await QueueDueAsync(team, from, now, cancellationToken);
        // Only forward: a slower concurrent run must not move the mark back.
        await db.Set<TeamScheduleState>().Where(s => s.TeamId == teamId && s.LastRunAt < now)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastRunAt, now), cancellationToken);
        if (queued > 0)
        {
            dispatcher.Wake();
        }
    }

    /// <summary>The team's run state; the first run of all looks back one minute. Two first runs at once share one row.</summary>
    private async Task<TeamScheduleState> StateAsync(string teamId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.Set<TeamScheduleState>().SingleOrDefaultAsync(s => s.TeamId == teamId, cancellationToken) is { } existing)
        {
            return existing;
        }

        var state = new TeamScheduleState { TeamId = teamId, LastRunAt = now.AddMinutes(-1) };
        db.Add(state);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return state;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await db.Set<TeamScheduleState>().SingleAsync(s => s.TeamId == teamId, cancellationToken);
        }
    }

    /// <summary>Queues what fell due in (from, to]; returns how many messages were new.</summary>
    internal async Task<int> QueueDueAsync(Team team, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var schedule = calendars.ScheduleOf(team);
        var o = options.Value;
        var wanted = new List<Notification>();
        var managers = await db.People.AsNoTracking().Where(p => p.TeamId == team.Id).OrderBy(p => p.Id).ToListAsync(cancellationToken);

        // Reminders are about the log due at that deadline, keyed by the day it covers.
        foreach (var due in ScheduleMath.RemindersDue(schedule, from, to))
        {
            var submitted = await SubmittedAsync(managers, due.Covers, cancellationToken);
            foreach (var m in managers.Where(m => !submitted.Contains(m.Id)))
            {
                wanted.Add(Notification.Create(team.TenantId, Reminder, Subject(team.Id, due.Covers), due.OffsetMinutes, m.Id, to));
            }
        }

        foreach (var day in CandidateDays(schedule, from, to))
        {
            var digestAt = DigestAt(schedule, day, o);
            if (team.LeadId is { } leadId && Within(digestAt, from, to))
            {
                wanted.Add(LeadMoment(team.TenantId, Digest, leadId, digestAt, to));
            }

            // Escalations at the deadline (the meeting, or a same-day team's due time), about the day it covers.
            if (Within(ScheduleMath.LogDeadlineOn(schedule, day), from, to))
            {
                wanted.AddRange(await EscalationsAsync(team, schedule, managers, ScheduleMath.LogCoveredBy(schedule, day), to, cancellationToken));
            }

            var read = ScheduleMath.LogReadAtMeeting(schedule, day);
            var reviewAt = ReviewReminderAt(schedule, day, o);
            if (team.LeadId is { } lead && Within(reviewAt, from, to)
                && await db.WorkLogs.AnyAsync(l => l.TeamId == team.Id && l.WorkDate == read && l.Status == WorkLogStatus.Submitted, cancellationToken))
            {
                wanted.Add(LeadMoment(team.TenantId, ReviewReminder, lead, reviewAt, to));
            }

            // The day's daily meeting is expected to have minutes by the same moment; the lead is reminded once.
            if (team.LeadId is { } recorder && Within(reviewAt, from, to)
                && !await db.Set<Meetings.MeetingMinutes>().AnyAsync(m => m.TeamId == team.Id && m.MeetingDate == day && m.Kind == Meetings.MeetingKind.Daily, cancellationToken))
            {
                wanted.Add(Notification.Create(team.TenantId, Meetings.MinutesRegister.Missing, Subject(team.Id, day), 0, recorder, to));
            }
        }

        // Other records the team's managers owe (a monthly plan): their reminders and escalations, queued the same way.
        foreach (var records in dueRecords)
        {
            wanted.AddRange(await records.DueAsync(team, schedule, managers, from, to, cancellationToken));
        }

        return await QueueAsync(wanted, cancellationToken);
    }

    /// <summary>Adds the notifications whose keys are new; a key already queued (by an earlier run) is skipped.</summary>
    private async Task<int> QueueAsync(List<Notification> wanted, CancellationToken cancellationToken)
    {
        if (wanted.Count == 0)
        {
            return 0;
        }

        var fresh = await NotificationQueue.AddNewAsync(db, wanted, cancellationToken);
        if (fresh.Count == 0)
        {
            return 0;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance queued the same keys at the same moment: theirs stand, nothing is sent twice.
            db.ChangeTracker.Clear();
            return 0;
        }

        metrics.Queued(fresh);
        return fresh.Count;
    }

    /// <summary>
    /// At a log's deadline: a manager whose logs are missing for N consecutive working days (the day just due
    /// included) is reported to the lead; from M days on, to the lead's own manager too. The count goes into the
    /// message ("why").
    /// </summary>
    private async Task<List<Notification>> EscalationsAsync(Team team, TeamSchedule schedule, List<Person> managers, DateOnly day, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var result = new List<Notification>();
        var lead = team.LeadId is null ? null : await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == team.LeadId, cancellationToken);
        var days = new List<DateOnly> { day };
        while (days.Count < o.MissingDaysToLeadsManager && ScheduleMath.PreviousWorkingDay(schedule, days[^1]) is { } previous)
        {
            days.Add(previous);
        }

        var ids = managers.Select(m => m.Id).ToList();
        var logs = await db.WorkLogs.AsNoTracking().Where(l => ids.Contains(l.ManagerId) && days.Contains(l.WorkDate)).Select(l => new { l.ManagerId, l.WorkDate }).ToListAsync(cancellationToken);
        foreach (var m in managers)
        {
            var missing = days.TakeWhile(d => !logs.Any(l => l.ManagerId == m.Id && l.WorkDate == d)).Count();
            if (missing >= o.MissingDaysToLead && lead is not null)
            {
                result.Add(Notification.Create(team.TenantId, MissingToLead, $"{m.Id}:{Day(day)}", missing, lead.Id, now));
            }

            if (missing >= o.MissingDaysToLeadsManager && lead?.ReportsToId is { } above)
            {
                result.Add(Notification.Create(team.TenantId, MissingToLeadsManager, $"{m.Id}:{Day(day)}", missing, above, now));
            }
        }

        return result;
    }

    private async Task<HashSet<string>> SubmittedAsync(List<Person> managers, DateOnly day, CancellationToken cancellationToken)
    {
        var ids = managers.Select(m => m.Id).ToList();
        return (await db.WorkLogs.AsNoTracking().Where(l => l.WorkDate == day && ids.Contains(l.ManagerId)).Select(l => l.ManagerId).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Working days whose meeting-related instants may fall in the window (a day either side, for offsets across midnight).</summary>
    public static IEnumerable<DateOnly> CandidateDays(TeamSchedule schedule, DateTimeOffset from, DateTimeOffset to)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone);
        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime).AddDays(-1);
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, zone).DateTime).AddDays(1);
        for (var d = first; d <= last; d = d.AddDays(1))
        {
            if (ScheduleMath.IsWorkingDay(schedule, d))
            {
                yield return d;
            }
        }
    }

    /// <summary>The working days whose meeting starts in (from, to]: when the records a team owes (plans, summaries) are reminded and escalated.</summary>
    public static IEnumerable<DateOnly> MeetingDaysWithin(TeamSchedule schedule, DateTimeOffset from, DateTimeOffset to) =>
        CandidateDays(schedule, from, to).Where(day => Within(ScheduleMath.MeetingStart(schedule, day), from, to));

    private static bool Within(DateTimeOffset at, DateTimeOffset from, DateTimeOffset to) => at > from && at <= to;

    /// <summary>When the lead gets the digest of the logs read at <paramref name="meetingDay"/>'s meeting.</summary>
    public static DateTimeOffset DigestAt(TeamSchedule schedule, DateOnly meetingDay, SchedulingOptions o) =>
        ScheduleMath.MeetingStart(schedule, meetingDay).AddMinutes(-o.DigestMinutesBefore);

    /// <summary>When the lead is reminded of logs still waiting for review after <paramref name="meetingDay"/>'s meeting.</summary>
    public static DateTimeOffset ReviewReminderAt(TeamSchedule schedule, DateOnly meetingDay, SchedulingOptions o) =>
        ScheduleMath.MeetingStart(schedule, meetingDay).AddMinutes(o.ReviewReminderMinutesAfter);

    /// <summary>
    /// A message to a lead at a moment (subject: the lead and the UTC day; revision: the UTC minute of that day): every
    /// team the person leads whose digest (or review reminder) falls at that moment queues the same key, so a lead of
    /// several teams meeting at the same time gets one message covering all of them, grouped by team.
    /// </summary>
    private static Notification LeadMoment(string tenantId, string kind, string leadId, DateTimeOffset at, DateTimeOffset now)
    {
        var utc = at.ToUniversalTime();
        return Notification.Create(tenantId, kind, Subject(leadId, DateOnly.FromDateTime(utc.DateTime)), utc.Hour * 60 + utc.Minute, leadId, now);
    }

    /// <summary>The moment a <see cref="LeadMoment"/> message is about: its UTC day and minute.</summary>
    public static DateTimeOffset MomentOf(DateOnly utcDay, int minute) =>
        new DateTimeOffset(utcDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMinutes(minute);

    public static string Subject(string teamId, DateOnly day) => $"{teamId}:{Day(day)}";

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
