using System.Globalization;
using DiligenceBot.BotFramework.Cards;
using DiligenceBot.BotFramework.Schema;
using DiligenceBot.Localization;
using DiligenceBot.Notifications;
using DiligenceBot.Organisation;
using DiligenceBot.WorkLogs;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Plans;

/// <summary>
/// The execution report: for a manager's plan of a month, or for every manager of a lead's teams, computed by
/// <see cref="PlanExecution"/> up to the end of the month (or, for the month under way, up to <see cref="PlanBook.ProgressUntil"/>).
/// </summary>
public sealed class PlanReports(PlanBook book)
{
    public const string ToManager = "plan.report";
    public const string ToLead = "plan.report-team";

    public static bool TryParseMonth(string text, out DateOnly month) =>
        DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month);

    /// <summary>Up to when a team's plans of a month are counted: the whole month once it is over, else up to <see cref="PlanBook.ProgressUntil"/>.</summary>
    public DateOnly Until(Team team, DateOnly month) => month < book.ThisMonth(team) ? month.AddMonths(1) : book.ProgressUntil(team);

    public async Task<AdaptiveCard?> ManagerCardAsync(Person manager, Team team, DateOnly month, Language language, CancellationToken cancellationToken)
    {
        if (await book.FindAsync(manager.Id, month, cancellationToken) is not { } plan)
        {
            return null;
        }

        var execution = (await PlanExecution.OfAsync(book.Db, [plan], _ => Until(team, month), cancellationToken)).Single();
        return PlanExecutionCards.Report(execution, manager.DisplayName, team, language);
    }

    public async Task<AdaptiveCard> TeamCardAsync(IReadOnlyList<Team> teams, DateOnly month, Language language, CancellationToken cancellationToken)
    {
        var sections = new List<PlanExecutionCards.TeamReport>();
        foreach (var team in teams)
        {
            var managers = await book.Db.People.AsNoTracking().Where(p => p.TeamId == team.Id && p.TenantId == team.TenantId).ToListAsync(cancellationToken);
            var ids = managers.Select(m => m.Id).ToList();
            var plans = await book.Db.Set<MarketingPlan>().AsNoTracking().Include(p => p.Revisions).Include(p => p.MeasuresDone)
                .Where(p => p.TenantId == team.TenantId && p.Month == month && ids.Contains(p.ManagerId))
                .ToListAsync(cancellationToken);
            var until = Until(team, month);
            var executions = (await PlanExecution.OfAsync(book.Db, plans, _ => until, cancellationToken)).ToDictionary(e => e.Plan.ManagerId, StringComparer.Ordinal);
            sections.Add(new(team, managers.Select(m => new PlanExecutionCards.TeamReportRow(m, executions.GetValueOrDefault(m.Id))).ToList()));
        }

        return PlanExecutionCards.TeamReports(sections, month, language);
    }
}

/// <summary>
/// The month-end report, queued by <see cref="PlanSchedule"/> at the meeting of the next month's first working day:
/// to the manager their plan's report (subject: manager and month), to the lead the team's (subject: team and month).
/// </summary>
public sealed class PlanReportRenderer(PlanBook book, PlanReports reports) : INotificationRenderer
{
    public async Task<OutgoingActivity?> RenderAsync(Notification notification, Person recipient, Language language, CancellationToken cancellationToken)
    {
        if (!PlanSchedule.TryParse(notification.SubjectId, out var id, out var month))
        {
            return null;
        }

        if (notification.Kind == PlanReports.ToManager)
        {
            if (id != recipient.Id || recipient.TeamId is not { } teamId)
            {
                return null;
            }

            var team = await book.TeamAsync(teamId, cancellationToken);
            return await reports.ManagerCardAsync(recipient, team, month, language, cancellationToken) is { } card
                ? OutgoingActivity.FromCard(card, Texts.Plans.ReportSummary.Format(language, CardDates.Month(month, language)))
                : null;
        }

        var lead = await book.TeamAsync(id, cancellationToken);
        var teamCard = await reports.TeamCardAsync([lead], month, language, cancellationToken);
        return OutgoingActivity.FromCard(teamCard, Texts.Plans.TeamReportSummary.Format(language, WorkLogCards.TeamName(lead, language), CardDates.Month(month, language)));
    }
}
