using DiligenceBot.BotFramework.Schema;
using DiligenceBot.Data;
using DiligenceBot.Localization;
using DiligenceBot.Notifications;
using DiligenceBot.Organisation;
using DiligenceBot.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DiligenceBot.Records;

/// <summary>A record every manager of a team owes: its kind, its period and the day it is due (the team's calendar).</summary>
public sealed record OwedRecord(RecordKind Kind, RecordPeriod Period, DateOnly Due);

/// <summary>An owed record and the managers who have not filed it.</summary>
public sealed record MissingRecord(OwedRecord Owed, IReadOnlyList<Person> Managers);

/// <summary>
/// The required records (seeds/record-kinds.json) in the team's schedule job (<see cref="ITeamDueRecords"/>), in the
/// plans' rhythm: at the meeting of each of the last <see cref="ScheduleMath.DueReminderDays"/> working days up to a
/// period's due day, each manager who has not filed that period's record gets a reminder with a button to the form,
/// kind and period filled in (subject: kind and period; revision: the day). At the meeting of the first working day after
/// the due day the lead gets one message listing each record still missing and whose; like the logs' escalation, the
/// lead's own manager gets the same list when records are still missing <see cref="SchedulingOptions.MissingDaysToLeadsManager"/>
/// working days after they were due (subject: the team and the day). A record counts as filed whatever the lead made of it.
/// </summary>
public sealed class RecordSchedule(DiligenceDbContext db, RecordKinds kinds, IOptions<SchedulingOptions> options) : ITeamDueRecords
{
    public const string Reminder = "record.reminder";
    public const string MissingToLead = "record.missing-lead";
    public const string MissingToLeadsManager = "record.missing-manager";

    public async Task<IReadOnlyList<Notification>> DueAsync(Team team, TeamSchedule schedule, IReadOnlyList<Person> managers, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var wanted = new List<Notification>();
        if (managers.Count == 0)
        {
            return wanted;
        }

        foreach (var day in TeamScheduleJob.MeetingDaysWithin(schedule, from, to))
        {
            foreach (var owed in Owed(schedule, day).Where(o => ScheduleMath.IsDueReminderDay(schedule, o.Due, day)))
            {
                var filed = await FiledAsync(team.TenantId, managers, owed, cancellationToken);
                wanted.AddRange(managers.Where(m => !filed.Contains(m.Id))
                    .Select(m => Notification.Create(team.TenantId, Reminder, Subject(owed.Kind, owed.Period), day.DayNumber, m.Id, to)));
            }

            if (team.LeadId is not { } leadId)
            {
                continue;
            }

            if ((await MissingAsync(team, schedule, managers, day, MissingToLead, cancellationToken)).Count > 0)
            {
                wanted.Add(Notification.Create(team.TenantId, MissingToLead, TeamScheduleJob.Subject(team.Id, day), 0, leadId, to));
            }

            if (await db.People.AsNoTracking().Where(p => p.Id == leadId).Select(p => p.ReportsToId).SingleOrDefaultAsync(cancellationToken) is { } above
                && (await MissingAsync(team, schedule, managers, day, MissingToLeadsManager, cancellationToken)).Count > 0)
            {
                wanted.Add(Notification.Create(team.TenantId, MissingToLeadsManager, TeamScheduleJob.Subject(team.Id, day), 0, above, to));
            }
        }

        return wanted;
    }

    /// <summary>
    /// The records still missing at the meeting of <paramref name="day"/> that are told of then: those due the working day
    /// before (<see cref="MissingToLead"/>), or <see cref="SchedulingOptions.MissingDaysToLeadsManager"/> working days
    /// before (<see cref="MissingToLeadsManager"/>); each with the managers who have not filed it, in name order.
    /// </summary>
    public async Task<IReadOnlyList<MissingRecord>> MissingAsync(Team team, TeamSchedule schedule, IReadOnlyList<Person> managers, DateOnly day, string escalation, CancellationToken cancellationToken)
    {
        var late = escalation == MissingToLeadsManager ? options.Value.MissingDaysToLeadsManager : 1;
        var missing = new List<MissingRecord>();
        foreach (var owed in Owed(schedule, day).Where(o => ScheduleMath.WorkingDaysAfter(schedule, o.Due, late) == day))
        {
            var filed = await FiledAsync(team.TenantId, managers, owed, cancellationToken);
            var without = managers.Where(m => !filed.Contains(m.Id)).OrderBy(m => m.DisplayName, StringComparer.Ordinal).ToList();
            if (without.Count > 0)
            {
                missing.Add(new MissingRecord(owed, without));
            }
        }

        return missing;
    }

    /// <summary>
    /// The required records whose reminders or escalations may fall on <paramref name="day"/>: each required kind's last
    /// two periods before the one holding the day (a due day is at most 20 working days after its period, an escalation a
    /// few more).
    /// </summary>
    private IEnumerable<OwedRecord> Owed(TeamSchedule schedule, DateOnly day)
    {
        foreach (var kind in kinds.Required.Where(k => k.Period != RecordPeriodKind.None))
        {
            var period = RecordPeriod.Holding(kind.Period, day);
            for (var i = 0; i < 2; i++)
            {
                period = period.Previous;
                if (kind.DueDay(schedule, period) is { } due)
                {
                    yield return new OwedRecord(kind, period, due);
                }
            }
        }
    }

    private async Task<HashSet<string>> FiledAsync(string tenantId, IReadOnlyList<Person> managers, OwedRecord owed, CancellationToken cancellationToken)
    {
        var ids = managers.Select(m => m.Id).ToList();
        return (await db.Set<ManagerRecord>().AsNoTracking()
                .Where(r => r.TenantId == tenantId && r.KindId == owed.Kind.Id && r.PeriodKey == owed.Period.Key && ids.Contains(r.ManagerId))
                .Select(r => r.ManagerId).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A reminder's subject: the kind and the period ("monthly-summary:2026-11"); the recipient is the manager.</summary>
    public static string Subject(RecordKind kind, RecordPeriod period) => $"{kind.Id}:{period.Key}";
}

/// <summary>
/// To a manager before a required record is due: what is due by when, with a button to the form with the kind and the
/// period filled in. Nothing once the record is filed.
/// </summary>
public sealed class RecordReminderRenderer(RecordBook book, HolidayCalendars calendars) : INotificationRenderer
{
    public async Task<OutgoingActivity?> RenderAsync(Notification notification, Person recipient, Language language, CancellationToken cancellationToken)
    {
        var parts = notification.SubjectId.Split(':');
        if (parts.Length != 2 || book.Kinds.Find(parts[0]) is not { } kind || !RecordPeriod.TryParse(kind.Period, parts[1], out var period)
            || period.Kind == RecordPeriodKind.None || recipient.TeamId is not { } teamId
            || await book.Db.Set<ManagerRecord>().AnyAsync(r => r.TenantId == recipient.TenantId && r.ManagerId == recipient.Id && r.KindId == kind.Id && r.PeriodKey == period.Key, cancellationToken))
        {
            return null;
        }

        var team = await book.Db.Teams.AsNoTracking().SingleAsync(t => t.Id == teamId, cancellationToken);
        var due = CardDates.Long(kind.DueDay(calendars.ScheduleOf(team), period)!.Value, language);
        var card = RecordCards.Reminder(kind, period, due, language);
        return OutgoingActivity.FromCard(card, Texts.Records.ReminderSummary.Format(language, kind.Name(language), period.Name(language), due));
    }
}

/// <summary>
/// To the lead after records fell due (and to the lead's own manager when they are still missing days later): each
/// record still missing with whose, and why this came. Nothing once every one of them is filed.
/// </summary>
public sealed class RecordMissingRenderer(RecordBook book, RecordSchedule schedule, HolidayCalendars calendars, IOptions<SchedulingOptions> options) : INotificationRenderer
{
    public async Task<OutgoingActivity?> RenderAsync(Notification notification, Person recipient, Language language, CancellationToken cancellationToken)
    {
        var i = notification.SubjectId.LastIndexOf(':');
        var teamId = i > 0 ? notification.SubjectId[..i] : string.Empty;
        if (i <= 0 || !DateOnly.TryParseExact(notification.SubjectId[(i + 1)..], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
            || await book.Db.Teams.AsNoTracking().Include(t => t.Lead).SingleOrDefaultAsync(t => t.Id == teamId && t.TenantId == notification.TenantId, cancellationToken) is not { } team)
        {
            return null;
        }

        var managers = await book.Db.People.AsNoTracking().Where(p => p.TeamId == team.Id).ToListAsync(cancellationToken);
        var missing = await schedule.MissingAsync(team, calendars.ScheduleOf(team), managers, day, notification.Kind, cancellationToken);
        if (missing.Count == 0)
        {
            return null;
        }

        var teamName = WorkLogs.WorkLogCards.TeamName(team, language);
        var why = notification.Kind == RecordSchedule.MissingToLeadsManager
            ? Texts.Records.MissingToLeadsManager.Format(language, teamName, team.Lead?.DisplayName ?? team.LeadId ?? string.Empty, options.Value.MissingDaysToLeadsManager)
            : Texts.Records.MissingToLead.Format(language, teamName);
        return OutgoingActivity.FromCard(RecordCards.Missing(why, missing, language), Texts.Records.MissingSummary.Format(language, teamName));
    }
}
