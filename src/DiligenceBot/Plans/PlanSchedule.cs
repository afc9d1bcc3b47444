using DiligenceBot.BotFramework.Schema;
using DiligenceBot.Data;
using DiligenceBot.Localization;
using DiligenceBot.Notifications;
using DiligenceBot.Organisation;
using DiligenceBot.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Plans;

/// <summary>
/// The monthly plan in the team's schedule job (<see cref="ITeamDueRecords"/>): at the meeting of each of the last
/// <see cref="ScheduleMath.DueReminderDays"/> working days up to the plan day, managers without next month's plan get the form with the
/// bot's draft; at the meeting of the first working day after the plan day, the lead is told of each plan still
/// missing; at the meeting of a month's first working day, last month's execution report goes to each manager who had a
/// plan and the team's to the lead. Subjects: the team and the month (reminders, revision = the day of the month; the
/// lead's report), the manager and the month (escalation, the manager's report).
/// </summary>
public sealed class PlanSchedule(DiligenceDbContext db) : ITeamDueRecords
{
    public const string Reminder = "plan.reminder";
    public const string MissingToLead = "plan.missing-lead";

    public async Task<IReadOnlyList<Notification>> DueAsync(Team team, TeamSchedule schedule, IReadOnlyList<Person> managers, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var wanted = new List<Notification>();
        foreach (var day in TeamScheduleJob.MeetingDaysWithin(schedule, from, to))
        {
            // The month whose plan is due this month, and the month whose plan was due last month.
            var thisMonth = new DateOnly(day.Year, day.Month, 1);
            var next = thisMonth.AddMonths(1);
            var due = PlanBook.DueDay(team, next);
            if (ScheduleMath.IsDueReminderDay(schedule, due, day))
            {
                var submitted = await SubmittedAsync(managers, next, cancellationToken);
                wanted.AddRange(managers.Where(m => !submitted.Contains(m.Id))
                    .Select(m => Notification.Create(team.TenantId, Reminder, Subject(team.Id, next), day.Day, m.Id, to)));
            }

            // The first working day of a month: last month's execution report to each manager who had a plan, and the team's to the lead.
            if (ScheduleMath.NextWorkingDay(schedule, thisMonth.AddDays(-1)) == day)
            {
                var last = thisMonth.AddMonths(-1);
                var planned = await SubmittedAsync(managers, last, cancellationToken);
                wanted.AddRange(managers.Where(m => planned.Contains(m.Id))
                    .Select(m => Notification.Create(team.TenantId, PlanReports.ToManager, Subject(m.Id, last), 0, m.Id, to)));
                if (team.LeadId is { } lead && planned.Count > 0)
                {
                    wanted.Add(Notification.Create(team.TenantId, PlanReports.ToLead, Subject(team.Id, last), 0, lead, to));
                }
            }

            foreach (var month in new[] { next, thisMonth })
            {
                var dueDay = PlanBook.DueDay(team, month);
                if (team.LeadId is { } leadId && ScheduleMath.NextWorkingDay(schedule, dueDay) == day)
                {
                    var submitted = await SubmittedAsync(managers, month, cancellationToken);
                    wanted.AddRange(managers.Where(m => !submitted.Contains(m.Id))
                        .Select(m => Notification.Create(team.TenantId, MissingToLead, Subject(m.Id, month), 0, leadId, to)));
                }
            }
        }

        return wanted;
    }

    private async Task<HashSet<string>> SubmittedAsync(IReadOnlyList<Person> managers, DateOnly month, CancellationToken cancellationToken)
    {
        var ids = managers.Select(m => m.Id).ToList();
        return (await db.Set<MarketingPlan>().AsNoTracking().Where(p => p.Month == month && ids.Contains(p.ManagerId)).Select(p => p.ManagerId).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
    }

    public static string Subject(string id, DateOnly month) => $"{id}:{PlanCards.MonthKey(month)}";

    public static bool TryParse(string subject, out string id, out DateOnly month)
    {
        var i = subject.LastIndexOf(':');
        id = i > 0 ? subject[..i] : string.Empty;
        month = default;
        return i > 0 && DateOnly.TryParseExact(subject[(i + 1)..] + "-01", "yyyy-MM-dd", out month);
    }
}

/// <summary>To a manager without next month's plan before it is due: the form with the bot's draft. Nothing once the plan arrived.</summary>
public sealed class PlanReminderRenderer(PlanBook book) : INotificationRenderer
{
    public async Task<OutgoingActivity?> RenderAsync(Notification notification, Person recipient, Language language, CancellationToken cancellationToken)
    {
        if (!PlanSchedule.TryParse(notification.SubjectId, out var teamId, out var month) || recipient.TeamId != teamId
            || await book.FindAsync(recipient.Id, month, cancellationToken) is not null)
        {
            return null;
        }

        var team = await book.TeamAsync(teamId, cancellationToken);
        var due = CardDates.Long(PlanBook.DueDay(team, month), language);
        var monthName = CardDates.Month(month, language);
        var form = await book.FormForAsync(recipient, team, month, null, language, cancellationToken, Texts.Plans.ReminderNotice.Format(language, monthName, due));
        return OutgoingActivity.FromCard(form, Texts.Plans.ReminderSummary.Format(language, monthName, due));
    }
}

/// <summary>To the lead, after the plan day: a manager's plan is still missing, and why the lead gets this.</summary>
public sealed class PlanMissingRenderer(PlanBook book) : INotificationRenderer
{
    public async Task<OutgoingActivity?> RenderAsync(Notification notification, Person recipient, Language language, CancellationToken cancellationToken)
    {
        if (!PlanSchedule.TryParse(notification.SubjectId, out var managerId, out var month)
            || await book.PersonAsync(managerId, cancellationToken) is not { TeamId: { } teamId } manager
            || await book.FindAsync(managerId, month, cancellationToken) is not null)
        {
            return null;
        }

        var team = await book.TeamAsync(teamId, cancellationToken);
        return OutgoingActivity.FromText(Texts.Plans.MissingToLead.Format(language, manager.DisplayName, CardDates.Month(month, language), CardDates.Long(PlanBook.DueDay(team, month), language)));
    }
}
