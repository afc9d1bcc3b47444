using System.Globalization;
using DiligenceBot.Customers;
using DiligenceBot.Data;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Plans;

/// <summary>One customer's line of a plan's execution: planned in the month, planned so far, visited so far (from logs), and the visits that count against the plan (visited, at most as often as planned so far).</summary>
public sealed record CustomerExecution(Customer Customer, int PlannedInMonth, int PlannedToDate, int Visited, int VisitedOnPlan);

/// <summary>
/// How a plan is carried out over [its month, <see cref="Until"/>): per customer the visits planned against the days
/// the logs name it (<see cref="CustomerVisits"/>, the one rule for visits), and the volume goal against the
/// volume the logs report. Everything that shows plan execution — team plans, the lead's digest, the month-end
/// report, coaching — reads this one computation.
/// </summary>
public sealed record PlanExecution(MarketingPlan Plan, DateOnly Until, IReadOnlyList<CustomerExecution> Customers, decimal? VolumeActual)
{
    /// <summary>The log template's field holding the cases ordered that day (seeds/log-templates.json).</summary>
    public const string VolumeField = "volume";

    public int PlannedInMonth => Customers.Sum(c => c.PlannedInMonth);

    public int PlannedToDate => Customers.Sum(c => c.PlannedToDate);

    public int VisitedOnPlan => Customers.Sum(c => c.VisitedOnPlan);

    /// <summary>Planned visits up to <see cref="Until"/> not made.</summary>
    public int Shortfall => PlannedToDate - VisitedOnPlan;

    /// <summary>Visits made against those planned so far (0..1); null while none was planned yet.</summary>
    public double? Coverage => PlannedToDate == 0 ? null : (double)VisitedOnPlan / PlannedToDate;

    public int? CoveragePercent => Coverage is { } c ? (int)Math.Round(c * 100, MidpointRounding.AwayFromZero) : null;

    /// <summary>The end of the month, or <paramref name="until"/> when it comes first.</summary>
    public static DateOnly End(DateOnly month, DateOnly until) => until < month.AddMonths(1) ? until : month.AddMonths(1);

    /// <summary>
    /// The execution of each plan (revisions loaded) up to the day <paramref name="until"/> gives it (exclusive): a handful of
    /// queries whatever the number of plans.
    /// </summary>
    public static async Task<IReadOnlyList<PlanExecution>> OfAsync(DiligenceDbContext db, IReadOnlyList<MarketingPlan> plans, Func<MarketingPlan, DateOnly> until,
        CancellationToken cancellationToken)
    {
        var result = new List<PlanExecution>(plans.Count);
        foreach (var tenant in plans.GroupBy(p => p.TenantId))
        {
            var list = tenant.ToList();
            var managers = list.Select(p => p.ManagerId).Distinct().ToList();
            var planned = list.SelectMany(p => p.Current.Visits.Select(v => v.CustomerId)).Distinct().ToList();
            var customers = await CustomerRegister.OfManagersAndIdsAsync(db, tenant.Key, managers, planned, cancellationToken);
            var from = list.Min(p => p.Month);
            var to = list.Max(p => End(p.Month, until(p)));
            // The logs once, for the visits and the volume (reading them twice was a third of a tenant's month-end run).
            var logs = await CustomerVisits.LogsAsync(db, tenant.Key, [.. managers.Concat(customers.Select(c => c.ManagerId)).Distinct(StringComparer.Ordinal)], from, to, cancellationToken);
            var visited = CustomerVisits.Days(logs, [.. customers.Select(c => new CustomerVisits.Named(c.Id, c.ManagerId, c.Name, c.LicenceNumber))]);
            var volumes = Volumes(logs).ToLookup(v => v.ManagerId, StringComparer.Ordinal);
            // By manager and by id, so a tenant's month-end run over thousands of plans stays linear.
            var customersOf = customers.ToLookup(c => c.ManagerId, StringComparer.Ordinal);
            var byId = customers.ToDictionary(c => c.Id);
            foreach (var plan in list)
            {
                var end = End(plan.Month, until(plan));
                var plannedDays = plan.Current.Visits.ToLookup(v => v.CustomerId, v => v.Day);
                var lines = customersOf[plan.ManagerId]
                    .Concat(plannedDays.Select(g => byId.GetValueOrDefault(g.Key)).OfType<Customer>())
                    .DistinctBy(c => c.Id)
                    .OrderBy(c => c.Name, StringComparer.Ordinal)
                    .Select(c =>
                    {
                        var days = plannedDays[c.Id].ToList();
                        var toDate = days.Count(d => d < end);
                        var made = (visited.GetValueOrDefault(c.Id) ?? []).Count(d => d >= plan.Month && d < end);
                        return new CustomerExecution(c, days.Count, toDate, made, Math.Min(made, toDate));
                    })
                    .ToList();
                var reported = volumes[plan.ManagerId].Where(v => v.Day >= plan.Month && v.Day < end).ToList();
                result.Add(new PlanExecution(plan, end, lines, reported.Count == 0 ? null : reported.Sum(v => v.Cases)));
            }
        }

        return result;
    }

    /// <summary>The volume each log reports (its current revision's volume field, where filled in).</summary>
    private static IEnumerable<(string ManagerId, DateOnly Day, decimal Cases)> Volumes(List<CustomerVisits.LoggedDay> logs)
    {
        foreach (var log in logs)
        {
            if (log.Values?.GetValueOrDefault(VolumeField) is { } text && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var cases))
            {
                yield return (log.ManagerId, log.WorkDate, cases);
            }
        }
    }
}
