using DiligenceBot.Conversations;
using DiligenceBot.Data;
using DiligenceBot.Files;
using DiligenceBot.Input;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;
using DiligenceBot.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Customers;

/// <summary>
/// "customers" / "客户" (optionally followed by a name or licence number): a manager's customers with this month's
/// visits against the requirement; a lead sees the customers of the teams they lead, an admin the tenant's.
/// Visits are counted from the month's work logs whose customers field names the customer (its registered name or
/// licence number).
/// </summary>
public sealed class CustomersVerb(DiligenceDbContext db, DirectoryLookup directory, TimeProvider time) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Person is not { } person)
        {
            return BotAnswer.Refused(Texts.Customers.NotInDirectory.In(language));
        }

        var typed = request.Source == RequestSource.Text ? request.Arguments : request.Card.String(CustomerCards.QueryInput);
        var query = UserText.Words(typed);
        if (query.Length > CustomerLimits.Name)
        {
            query = query[..CustomerLimits.Name];
        }

        var led = await directory.TeamsLedByAsync(person, cancellationToken);
        var ledIds = led.Select(t => t.Id).ToList();
        var customers = db.Customers.AsNoTracking().SeenBy(person, ledIds, adminSeesTenant: true);
        if (query.Length > 0)
        {
            // Latin letters match in either case (a licence number typed in lower case, a store's English name).
            customers = customers.Matching(query.ToUpperInvariant());
        }

        var total = await customers.CountAsync(cancellationToken);
        var shown = await customers.OrderBy(c => c.ManagerId).ThenBy(c => c.Name)
            .Take(CustomerCards.MaxLines)
            .Select(c => new { c.Id, c.LicenceNumber, c.Name, c.District, c.Tier, c.ManagerId, ManagerName = c.Manager!.DisplayName, c.VisitsPerMonth })
            .ToListAsync(cancellationToken);

        // This month in the asker's team's zone (else the first led team's, else Shanghai).
        var zone = TimeZoneInfo.FindSystemTimeZoneById(person.Team?.TimeZone ?? led.FirstOrDefault()?.TimeZone ?? "Asia/Shanghai");
        var today = ScheduleMath.LocalDate(zone, time.GetUtcNow());
        var first = new DateOnly(today.Year, today.Month, 1);
        var next = first.AddMonths(1);
        var visits = await CustomerVisits.DaysAsync(db, person.TenantId, [.. shown.Select(c => new CustomerVisits.Named(c.Id, c.ManagerId, c.Name, c.LicenceNumber))],
            first, next, cancellationToken);
        var lines = shown.Select(c => new CustomerLine(
            c.LicenceNumber, c.Name, c.District, c.Tier, c.ManagerName, visits[c.Id].Count, c.VisitsPerMonth)).ToList();
        return BotAnswer.WithCard(CustomerCards.List(lines, total, query.Length > 0 ? query : null, language));
    }
}

public static class CustomerRegistration
{
    /// <summary>The customer register: the list, the pickers' type-ahead; files in chat (imports and record files). The import itself is one of <see cref="Imports.ImportKinds"/>.</summary>
    public static IServiceCollection AddCustomers(this IServiceCollection services)
    {
        services.AddHttpClient(ChatFiles.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddScoped<ChatFiles>();
        services.AddScoped<CustomerSearch>();
        return services
            .AddBotVerb<CustomersVerb>(CustomerCards.ListVerb, "customers", "my customers", "客户", "我的客户", "客户列表")
            // A file sent in chat: an import or a record file, as ReceivedFileVerb decides.
            .AddBotVerb<ReceivedFileVerb>(ChatFiles.ReceivedVerb);
    }
}
