using DiligenceBot.Data;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Customers;

/// <summary>
/// Visits as the work logs record them: a customer is visited on a day when the manager's log of that day picks it in
/// the customers field (its id, <see cref="CustomerPicks"/>), or, in a log written before the field was a picker, names
/// it in the field's free text (its registered name or licence number). Shops written as not registered are not
/// counted for any registered customer. One rule for the customer list, plan progress and the plan's execution report.
/// </summary>
public static class CustomerVisits
{
    public const string LogField = "customers";

    /// <summary>True when a log's free-text customers field names this customer by its registered name or licence number.</summary>
    public static bool Names(string text, string name, string licence) =>
        text.Contains(name, StringComparison.OrdinalIgnoreCase) || text.Contains(licence, StringComparison.OrdinalIgnoreCase);

    /// <summary>The days in [from, to) on which the managers' logs name each customer (each customer's own manager's logs).</summary>
    public static Task<Dictionary<long, List<DateOnly>>> DaysAsync(DiligenceDbContext db, string tenantId, IReadOnlyCollection<Customer> customers,
        DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        DaysAsync(db, tenantId, [.. customers.Select(c => new Named(c.Id, c.ManagerId, c.Name, c.LicenceNumber))], from, to, cancellationToken);

    /// <summary>A customer as the logs name it, for callers that read only these columns.</summary>
    public readonly record struct Named(long Id, string ManagerId, string Name, string LicenceNumber);

    /// <inheritdoc cref="DaysAsync(DiligenceDbContext, string, IReadOnlyCollection{Customer}, DateOnly, DateOnly, CancellationToken)"/>
    public static async Task<Dictionary<long, List<DateOnly>>> DaysAsync(DiligenceDbContext db, string tenantId, IReadOnlyCollection<Named> customers,
        DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        Days(await LogsAsync(db, tenantId, [.. customers.Select(c => c.ManagerId).Distinct()], from, to, cancellationToken), customers);

    /// <summary>One log as the visit rules read it: whose, which day, its current revision's values.</summary>
    public readonly record struct LoggedDay(string ManagerId, DateOnly WorkDate, Dictionary<string, string>? Values);

    /// <summary>
    /// The managers' logs in [from, to) with their current revision's values, read once for callers that need more
    /// than the visits (the plan execution also sums their volume).
    /// </summary>
    public static async Task<List<LoggedDay>> LogsAsync(DiligenceDbContext db, string tenantId, IReadOnlyCollection<string> managers,
        DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var ids = managers.ToList();
        var logs = await db.WorkLogs.AsNoTracking()
            .Where(l => l.TenantId == tenantId && ids.Contains(l.ManagerId) && l.WorkDate >= from && l.WorkDate < to)
            .Select(l => new { l.ManagerId, l.WorkDate, Values = l.Revisions.Where(r => r.Number == l.CurrentRevision).Select(r => r.Values).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        return logs.ConvertAll(l => new LoggedDay(l.ManagerId, l.WorkDate, l.Values));
    }

    /// <summary>The days of <paramref name="logs"/> on which each customer's own manager's log names it.</summary>
    public static Dictionary<long, List<DateOnly>> Days(IReadOnlyList<LoggedDay> logs, IReadOnlyCollection<Named> customers)
    {
        // Each customer is matched against its own manager's logs only (a tenant's coaching or month-end run has thousands of managers).
        // Every log's picks are read once, not once per customer.
        var byManager = logs.Select(l => (l.ManagerId, l.WorkDate, Picks: l.Values is { } v ? CustomerPicks.Read(v, LogField) : null))
            .ToLookup(l => l.ManagerId, StringComparer.Ordinal);
        return customers.ToDictionary(
            c => c.Id,
            c => byManager[c.ManagerId].Where(l => l.Picks is { } p && (p.Legacy is { } text ? Names(text, c.Name, c.LicenceNumber) : p.Ids.Contains(c.Id)))
                .Select(l => l.WorkDate).ToList());
    }
}
