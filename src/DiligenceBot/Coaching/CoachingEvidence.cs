using DiligenceBot.Data;
using DiligenceBot.Organisation;
using DiligenceBot.Plans;
using DiligenceBot.Reviews;
using DiligenceBot.Scheduling;
using DiligenceBot.Transfers;
using DiligenceBot.WorkLogs;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Coaching;

/// <summary>
/// Gathers what the rules look at for a set of managers of one tenant, in a handful of queries whatever their number:
/// each working day of the manager's team calendar in the long window (with that day's log: on time, returned,
/// the lead's rating), the lead's comments on returned logs, the transfer forms they raised (with the value the lead
/// gave them), the lead's observations, the monthly pulses and the monthly plans of the months over (coverage of
/// the visit plan by <see cref="PlanExecution"/>, on time or late, returns; missing where the team planned that month). Days are in the team's time zone; a day without a log
/// counts as missing only once that log is due (the next meeting, or the same-day due time); days before the team's first log in the window are not counted
/// (the team was not using the bot yet), so a team that started last week is not "missing" three months of logs.
/// </summary>
public sealed class CoachingEvidenceLoader(DiligenceDbContext db, HolidayCalendars calendars, TimeProvider time)
{
    /// <summary>Above this many managers the queries take the whole tenant's window and filter in memory.</summary>
    private const int FilterInMemoryAbove = 200;

    public async Task<Dictionary<string, ManagerEvidence>> LoadAsync(
        string tenantId, IReadOnlyCollection<Person> managers, int windowDays, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var teamIds = managers.Select(m => m.TeamId).OfType<string>().Distinct().ToList();
        var teams = await db.Teams.AsNoTracking().Where(t => t.TenantId == tenantId && teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        var ids = managers.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var byTenant = ids.Count > FilterInMemoryAbove;
        var idList = ids.ToList();

        // The window in dates is a day wider than any team's: each manager's own window is cut from it below.
        var utcToday = DateOnly.FromDateTime(now.UtcDateTime);
        var from = utcToday.AddDays(-windowDays - 1);
        var fromInstant = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        // Person ids are global keys: the per-manager queries need no tenant filter (and SQLite then picks the
        // manager's own index instead of walking the tenant's whole history).
        var logs = db.WorkLogs.AsNoTracking().Where(l => l.WorkDate >= from);
        logs = byTenant ? logs.Where(l => l.TenantId == tenantId) : logs.Where(l => idList.Contains(l.ManagerId));
        var logRows = await logs.Select(l => new { l.ManagerId, l.WorkDate, l.OnTime, l.QualityRating }).ToListAsync(cancellationToken);
        // Returned logs come from their reviews (one join), not from a correlated EXISTS per log.
        var commentRows = await logs
            .SelectMany(l => l.Reviews.Where(r => r.Decision == ReviewDecision.Returned), (l, r) => new { l.ManagerId, l.WorkDate, r.Evaluation, r.Requirement, r.Suggestion })
            .ToListAsync(cancellationToken);
        var returned = commentRows.Select(c => (c.ManagerId, c.WorkDate)).ToHashSet();

        // A team's first log in the window: days before it are before the team used the bot, not missing logs.
        var teamStarts = await db.WorkLogs.AsNoTracking().Where(l => teamIds.Contains(l.TeamId) && l.WorkDate >= from)
            .GroupBy(l => l.TeamId).Select(g => new { TeamId = g.Key, First = g.Min(l => l.WorkDate) })
            .ToDictionaryAsync(g => g.TeamId, g => g.First, StringComparer.Ordinal, cancellationToken);

        var forms = db.Set<TransferForm>().AsNoTracking().Where(f => f.SentAt >= fromInstant);
        var formRows = await (byTenant ? forms.Where(f => f.TenantId == tenantId) : forms.Where(f => idList.Contains(f.ProviderId)))
            .Select(f => new { f.ProviderId, f.SentAt, f.ValueRating })
            .ToListAsync(cancellationToken);
        var observations = db.Set<LeadObservation>().AsNoTracking().Where(o => o.TenantId == tenantId && o.ObservedOn >= from);
        var observationRows = await (byTenant ? observations : observations.Where(o => idList.Contains(o.ManagerId)))
            .Select(o => new { o.ManagerId, o.ObservedOn, o.Kind })
            .ToListAsync(cancellationToken);
        var pulseFrom = new DateOnly(from.Year, from.Month, 1);
        var pulses = db.Set<PulseResponse>().AsNoTracking().Where(p => p.TenantId == tenantId && p.Month >= pulseFrom);
        var pulseRows = await (byTenant ? pulses : pulses.Where(p => idList.Contains(p.ManagerId)))
            .Select(p => new { p.ManagerId, p.Month, p.AnsweredAt, p.Confidence, p.Motivation, p.Fairness })
            .ToListAsync(cancellationToken);

        // Monthly plans of the months over in the window, with their execution (the one computation the plan's own cards use).
        var planMonths = await PlanMonthsAsync(tenantId, teamIds, pulseFrom, utcToday, cancellationToken);

        var logsOf = logRows.Where(r => ids.Contains(r.ManagerId)).ToLookup(r => r.ManagerId, StringComparer.Ordinal);
        var commentsOf = commentRows.Where(r => ids.Contains(r.ManagerId)).ToLookup(r => r.ManagerId, StringComparer.Ordinal);
        var formsOf = formRows.Where(r => ids.Contains(r.ProviderId)).ToLookup(r => r.ProviderId, StringComparer.Ordinal);
        var observationsOf = observationRows.Where(r => ids.Contains(r.ManagerId)).ToLookup(r => r.ManagerId, StringComparer.Ordinal);
        var pulsesOf = pulseRows.Where(r => ids.Contains(r.ManagerId)).ToLookup(r => r.ManagerId, StringComparer.Ordinal);

        // Working days and "today" per team, computed once per team.
        var calendarsOfTeams = new Dictionary<string, (DateOnly Today, List<DateOnly> Days, DateOnly? FirstNotDue, TimeZoneInfo Zone)>(StringComparer.Ordinal);
        (DateOnly Today, List<DateOnly> Days, DateOnly? FirstNotDue, TimeZoneInfo Zone) CalendarOf(Team team)
        {
            if (!calendarsOfTeams.TryGetValue(team.Id, out var c))
            {
                var schedule = calendars.ScheduleOf(team);
                var zone = TimeZoneInfo.FindSystemTimeZoneById(team.TimeZone);
                var today = ScheduleMath.LocalDate(zone, now);
                var days = new List<DateOnly>();
                for (var d = today.AddDays(-windowDays + 1); d <= today; d = d.AddDays(1))
                {
                    if (ScheduleMath.IsWorkingDay(schedule, d))
                    {
                        days.Add(d);
                    }
                }

                // The first working day whose log is not due yet (the team's log rule decides): it and later days are not missing.
                c = (today, days, days.Cast<DateOnly?>().FirstOrDefault(d => now < ScheduleMath.LogDeadline(schedule, d!.Value)), zone);
                calendarsOfTeams[team.Id] = c;
            }

            return c;
        }

        var result = new Dictionary<string, ManagerEvidence>(StringComparer.Ordinal);
        foreach (var manager in managers)
        {
            if (manager.TeamId is null || !teams.TryGetValue(manager.TeamId, out var team))
            {
                continue;
            }

            var (today, workingDays, firstNotDue, zone) = CalendarOf(team);
            var first = today.AddDays(-windowDays + 1);
            var teamStart = teamStarts.TryGetValue(team.Id, out var started) ? started : today.AddDays(1);
            var logsByDay = logsOf[manager.Id].ToDictionary(l => l.WorkDate);
            var days = new List<WorkDay>(workingDays.Count);
            foreach (var day in workingDays)
            {
                if (logsByDay.TryGetValue(day, out var log))
                {
                    days.Add(new WorkDay(day, true, log.OnTime, returned.Contains((manager.Id, day)), log.QualityRating));
                }
                else if (day >= teamStart && (firstNotDue is null || day < firstNotDue))
                {
                    days.Add(new WorkDay(day, false, false, false, null));
                }
            }

            DateOnly Local(DateTimeOffset at) => ScheduleMath.LocalDate(zone, at);
            result[manager.Id] = new ManagerEvidence(
                today,
                days,
                commentsOf[manager.Id].Where(c => c.WorkDate >= first).OrderBy(c => c.WorkDate)
                    .Select(c => new ReviewComment(c.WorkDate, c.Evaluation, c.Requirement, c.Suggestion)).ToList(),
                formsOf[manager.Id].Select(f => new TransferRaised(Local(f.SentAt), f.ValueRating)).Where(f => f.Date >= first && f.Date <= today)
                    .OrderBy(f => f.Date).ToList(),
                observationsOf[manager.Id].Where(o => o.ObservedOn >= first && o.ObservedOn <= today).OrderBy(o => o.ObservedOn)
                    .Select(o => new Observation(o.ObservedOn, o.Kind)).ToList(),
                pulsesOf[manager.Id].Select(p => new PulseAnswer(Local(p.AnsweredAt), p.Confidence, p.Motivation, p.Fairness))
                    .Where(p => p.Date >= first && p.Date <= today).OrderBy(p => p.Date).ToList(),
                PlansOf(manager, team, planMonths, first, today));
        }

        return result;
    }

    /// <summary>The plans of the teams' months from <paramref name="from"/> up to the one before <paramref name="today"/>'s, each with its execution over the whole month.</summary>
    private async Task<ILookup<(string TeamId, DateOnly Month), PlanExecution>> PlanMonthsAsync(string tenantId, List<string> teamIds, DateOnly from, DateOnly today,
        CancellationToken cancellationToken)
    {
        var current = new DateOnly(today.Year, today.Month, 1);
        var plans = await db.Set<MarketingPlan>().AsNoTracking().Include(p => p.Revisions).Include(p => p.Reviews)
            .Where(p => p.TenantId == tenantId && teamIds.Contains(p.TeamId) && p.Month >= from && p.Month < current)
            .ToListAsync(cancellationToken);
        var executions = await PlanExecution.OfAsync(db, plans, p => p.Month.AddMonths(1), cancellationToken);
        return executions.ToLookup(e => (e.Plan.TeamId, e.Plan.Month));
    }

    /// <summary>
    /// A manager's plans of the months over in the window: coverage of the visit plan, on time or late, returns; a month
    /// the team planned (someone in it has a plan) without this manager's is missing. Months the team did not plan are not counted.
    /// </summary>
    private static List<PlanResult> PlansOf(Person manager, Team team, ILookup<(string TeamId, DateOnly Month), PlanExecution> planMonths, DateOnly first, DateOnly today)
    {
        var results = new List<PlanResult>();
        for (var month = new DateOnly(first.Year, first.Month, 1); month.AddMonths(1) <= today; month = month.AddMonths(1))
        {
            var end = month.AddMonths(1).AddDays(-1);
            var teamPlans = planMonths[(team.Id, month)].ToList();
            if (end < first || teamPlans.Count == 0)
            {
                continue;
            }

            results.Add(teamPlans.SingleOrDefault(e => e.Plan.ManagerId == manager.Id) is { } e
                ? new PlanResult(end, e.Coverage ?? double.NaN, e.Plan.OnTime ? PlanSubmission.OnTime : PlanSubmission.Late,
                    e.Plan.Reviews.Count(r => r.Decision == ReviewDecision.Returned))
                : new PlanResult(end, double.NaN, PlanSubmission.Missing));
        }

        return results;
    }
}
