using DiligenceBot.Customers;
using DiligenceBot.Data;
using DiligenceBot.Meetings;
using DiligenceBot.Organisation;
using DiligenceBot.Plans;
using DiligenceBot.Records;
using DiligenceBot.Transfers;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Assessment;

/// <summary>
/// The values of the scorecard's sources that the product measures itself, for managers of one tenant and a month or
/// a quarter (the months of it that have begun; the month under way so far): logs on time, their returns and quality,
/// meetings attended and the four record checks (all read from <see cref="RecordChecks"/>, the one computation the
/// check cards show), transfer forms' value, plan execution (<see cref="PlanExecution"/>), action items done by their
/// day, required visits made (<see cref="CustomerVisits"/>). A source with nothing in the period is left out, so its
/// indicators are not measured. Imported figures and customers' evaluations are not read here yet.
/// </summary>
public sealed class ScorecardValues(DiligenceDbContext db, RecordChecks checks)
{
    /// <summary>Per manager id, the source values of the period (first day of its first month; its months; the first day not counted for each month comes from the checks).</summary>
    public async Task<Dictionary<string, Dictionary<string, double>>> OfAsync(IReadOnlyList<Person> managers, RecordPeriod period, DateOnly thisMonth,
        CancellationToken cancellationToken)
    {
        var result = managers.Where(m => m.TeamId is not null).ToDictionary(m => m.Id, _ => new Dictionary<string, double>(), StringComparer.Ordinal);
        if (result.Count == 0)
        {
            return result;
        }

        var tenantId = managers[0].TenantId;
        var ids = result.Keys.ToList();
        var tally = ids.ToDictionary(id => id, _ => new Tally(), StringComparer.Ordinal);
        var until = period.First;
        for (var month = period.First; month <= period.Last && month <= thisMonth; month = month.AddMonths(1))
        {
            foreach (var c in await checks.OfAsync(managers, month, cancellationToken))
            {
                var t = tally[c.Manager.Id];
                t.LogsDue += c.Complete.Logs.Of;
                t.LogsOnTime += c.Complete.LogsOnTime;
                t.LogReturns += c.Correct.LogReturns;
                t.Meetings += c.Complete.Meetings.Of;
                t.Attended += c.Complete.Meetings.Count;
                t.ChecksMet += c.MetCount;
                t.ChecksMeasured += c.MetCount + c.NotMetCount;
                t.Until = c.Until;
                // The month under way owes the share of its visits that its days so far do.
                var days = month.AddMonths(1).DayNumber - month.DayNumber;
                t.Months += Math.Min(1.0, (double)(c.Until.DayNumber - month.DayNumber) / days);
            }

            until = month.AddMonths(1);
        }

        if (until == period.First)
        {
            return result;
        }

        await ImportedValues.AddAsync(db, tenantId, result, period, thisMonth, cancellationToken);

        var last = tally.Values.Select(t => t.Until).DefaultIfEmpty(until).Max();
        var to = last < until ? last : until;

        var quality = await db.WorkLogs.AsNoTracking()
            .Where(l => ids.Contains(l.ManagerId) && l.WorkDate >= period.First && l.WorkDate < to && l.QualityRating != null)
            .GroupBy(l => l.ManagerId).Select(g => new { ManagerId = g.Key, Average = g.Average(l => (double)l.QualityRating!.Value) })
            .ToDictionaryAsync(g => g.ManagerId, g => g.Average, StringComparer.Ordinal, cancellationToken);

        // Forms by the day they were sent in the manager's own zone: a day wider on each side, then cut per manager.
        var fromInstant = new DateTimeOffset(period.First.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var toInstant = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var forms = await db.Set<TransferForm>().AsNoTracking()
            .Where(f => ids.Contains(f.ProviderId) && f.SentAt >= fromInstant && f.SentAt < toInstant && f.ValueRating != null)
            .Select(f => new { f.ProviderId, f.SentAt, f.ValueRating })
            .ToListAsync(cancellationToken);

        var actions = await db.Set<ActionItem>().AsNoTracking()
            .Where(a => ids.Contains(a.OwnerId) && a.DueDate >= period.First && a.DueDate < to)
            .Select(a => new { a.OwnerId, a.DueDate, a.DoneAt })
            .ToListAsync(cancellationToken);

        var plans = await db.Set<MarketingPlan>().AsNoTracking().Include(p => p.Revisions)
            .Where(p => ids.Contains(p.ManagerId) && p.Month >= period.First && p.Month < to)
            .ToListAsync(cancellationToken);
        var executions = await PlanExecution.OfAsync(db, plans, _ => to, cancellationToken);

        var registered = await db.Customers.AsNoTracking().Where(c => c.TenantId == tenantId && ids.Contains(c.ManagerId) && c.VisitsPerMonth > 0)
            .Select(c => new { c.Id, c.ManagerId, c.Name, c.LicenceNumber, c.VisitsPerMonth })
            .ToListAsync(cancellationToken);
        var customers = registered.Select(c => new CustomerVisits.Named(c.Id, c.ManagerId, c.Name, c.LicenceNumber)).ToList();
        var required = registered.ToDictionary(c => c.Id, c => c.VisitsPerMonth);
        var visited = customers.Count == 0 ? [] : await CustomerVisits.DaysAsync(db, tenantId, customers, period.First, to, cancellationToken);

        foreach (var manager in managers.Where(m => result.ContainsKey(m.Id)))
        {
            var values = result[manager.Id];
            var t = tally[manager.Id];
            if (t.LogsDue > 0)
            {
                values["logs.on-time"] = (double)t.LogsOnTime / t.LogsDue;
                values["logs.returned"] = t.LogReturns;
            }

            if (t.Meetings > 0)
            {
                values["minutes.attendance"] = (double)t.Attended / t.Meetings;
            }

            if (t.ChecksMeasured > 0)
            {
                values["checks.met"] = 4.0 * t.ChecksMet / t.ChecksMeasured;
            }

            if (quality.TryGetValue(manager.Id, out var q))
            {
                values["logs.quality"] = q;
            }

            var ratings = forms.Where(f => f.ProviderId == manager.Id)
                .Where(f => manager.Team!.LocalDate(f.SentAt) is var day && day >= period.First && day < to)
                .Select(f => (double)f.ValueRating!.Value).ToList();
            if (ratings.Count > 0)
            {
                values["transfers.value"] = ratings.Average();
            }

            var owned = actions.Where(a => a.OwnerId == manager.Id).ToList();
            if (owned.Count > 0)
            {
                values["actions.done-on-time"] = (double)owned.Count(a => a.DoneAt is { } done && manager.Team!.LocalDate(done) <= a.DueDate) / owned.Count;
            }

            var planned = executions.Where(e => e.Plan.ManagerId == manager.Id).ToList();
            if (planned.Sum(e => e.PlannedToDate) is > 0 and var plannedVisits)
            {
                values["plans.execution"] = (double)planned.Sum(e => e.VisitedOnPlan) / plannedVisits;
            }

            var own = customers.Where(c => c.ManagerId == manager.Id).ToList();
            var owed = own.Sum(c => required[c.Id] * t.Months);
            if (owed > 0)
            {
                values["visits.coverage"] = own.Sum(c => Math.Min(visited.TryGetValue(c.Id, out var days) ? days.Count : 0, required[c.Id] * t.Months)) / owed;
            }
        }

        return result;
    }

    private sealed class Tally
    {
        public int LogsDue, LogsOnTime, LogReturns, Meetings, Attended, ChecksMet, ChecksMeasured;
        public double Months;
        public DateOnly Until;
    }
}
