using DiligenceBot.BotFramework.Cards;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;
using DiligenceBot.Scheduling;
using DiligenceBot.WorkLogs;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Plans;

/// <summary>
/// The lead's pre-meeting digest shows each manager's plan progress this month (<see cref="PlanExecution"/> up to
/// <see cref="PlanBook.ProgressUntil"/>): the managers furthest behind their visit plan first, then those on plan,
/// then those without a plan for the month.
/// </summary>
public sealed class PlanProgressDigestPart(PlanBook book) : ILeadDigestPart
{
    public async Task<IReadOnlyList<CardElement>> ElementsAsync(IReadOnlyList<Team> teams, Language language, CancellationToken cancellationToken)
    {
        var sections = new List<(Team Team, DateOnly Month, List<(Person Manager, PlanExecution? Execution)> Rows)>();
        foreach (var team in teams)
        {
            var managers = await book.Db.People.AsNoTracking().Where(p => p.TeamId == team.Id && p.TenantId == team.TenantId).OrderBy(p => p.DisplayName).ToListAsync(cancellationToken);
            var month = book.ThisMonth(team);
            var plans = await book.TeamPlansAsync(team, managers.Select(m => m.Id).ToList(), month, cancellationToken);
            if (managers.Count == 0 || plans.Count == 0)
            {
                continue;
            }

            var until = book.ProgressUntil(team);
            var executions = (await PlanExecution.OfAsync(book.Db, plans, _ => until, cancellationToken)).ToDictionary(e => e.Plan.ManagerId, StringComparer.Ordinal);
            var rows = managers.Select(m => (m, executions.GetValueOrDefault(m.Id)))
                .OrderBy(r => r.Item2 is null ? 1 : 0)
                .ThenByDescending(r => r.Item2?.Shortfall ?? 0)
                .ThenBy(r => r.m.DisplayName, StringComparer.Ordinal)
                .ToList();
            sections.Add((team, month, rows));
        }

        if (sections.Count == 0)
        {
            return [];
        }

        var items = new List<CardElement>
        {
            new TextBlock(Texts.Plans.DigestHeading.Format(language, CardDates.Month(sections[0].Month, language))) { Weight = TextWeight.Bolder, Size = TextSize.Medium, Wrap = true },
        };
        foreach (var (team, _, rows) in sections)
        {
            if (teams.Count > 1)
            {
                items.Add(new TextBlock(WorkLogCards.TeamName(team, language)) { Weight = TextWeight.Bolder, Spacing = Spacing.Small, Wrap = true });
            }

            items.AddRange(rows.Select(r => Row(r.Manager, r.Execution, language)));
        }

        return [new Container { Id = "plan-progress", Items = items, Separator = true, Spacing = Spacing.Large }];
    }

    private static TextBlock Row(Person manager, PlanExecution? execution, Language language)
    {
        var name = manager.DisplayName;
        var text = execution switch
        {
            null => Texts.Plans.DigestNoPlan.Format(language, name),
            { PlannedToDate: 0 } e => Texts.Plans.DigestNothingYet.Format(language, name, e.PlannedInMonth),
            { Shortfall: 0 } e => Texts.Plans.DigestOnPlan.Format(language, name, e.PlannedToDate, e.PlannedInMonth),
            var e => Texts.Plans.DigestBehind.Format(language, name, e.VisitedOnPlan, e.PlannedToDate, e.CoveragePercent!, e.Shortfall, e.PlannedInMonth),
        };
        return new TextBlock(text)
        {
            Id = "plan-progress." + manager.Id,
            Spacing = Spacing.Small,
            Wrap = true,
            Color = execution is { Shortfall: > 0 } ? TextColor.Warning : null,
            IsSubtle = execution is null ? true : null,
        };
    }
}
