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
/// A file sent to the bot in the 1:1 chat: a customer import by an admin or a lead. All or nothing: any bad row and
/// nothing is stored; the user gets a card of the problems and the full report as an XLSX (file consent card).
/// </summary>
public sealed class ImportCustomersVerb(ChatFiles files, CustomerImport import, DirectoryLookup directory, ILogger<ImportCustomersVerb> logger) : IBotVerb
{
    /// <summary>The largest file an import fetches (100,000 customers fit in far less).</summary>
    public const long MaxFileBytes = 20 * 1024 * 1024;

    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (ChatFile.Of(request.Activity) is not { } file)
        {
            return BotAnswer.Refused(Texts.Common.CardOutOfDate.In(language));
        }

        if (request.Activity.Conversation?.ConversationType != "personal")
        {
            return BotAnswer.Refused(Texts.Customers.ImportPersonalOnly.In(language));
        }

        if (request.Person is not { } person || (!person.IsAdmin && (await directory.TeamsLedByAsync(person, cancellationToken)).Count == 0))
        {
            return BotAnswer.Refused(Texts.Customers.ImportOnlyLeads.In(language));
        }

        SheetFormat? format = file.FileType switch { "xlsx" => SheetFormat.Xlsx, "csv" => SheetFormat.Csv, _ => null };
        if (format is not { } sheetFormat)
        {
            return BotAnswer.Refused(Texts.Customers.ImportWrongType.Format(language, file.FileType.Length > 0 ? file.FileType : file.Name));
        }

        var (content, failure) = await files.DownloadAsync(file.DownloadUrl, MaxFileBytes, cancellationToken);
        if (content is null)
        {
            return BotAnswer.Refused(failure == DownloadFailure.TooBig
                ? Texts.Customers.ImportTooBig.Format(language, MaxFileBytes / (1024 * 1024))
                : Texts.Customers.ImportDownloadFailed.In(language));
        }

        CustomerSheet sheet;
        try
        {
            sheet = CustomerSheet.Read(content, sheetFormat, CustomerImport.MaxRows);
        }
        catch (InvalidDataException)
        {
            return BotAnswer.Refused(Texts.Customers.ImportUnreadable.Format(language, file.Name, sheetFormat == SheetFormat.Xlsx ? "XLSX" : "CSV"));
        }

        if (sheet.IsEmpty)
        {
            return BotAnswer.Refused(Texts.Customers.ImportEmptyFile.Format(language, file.Name));
        }

        if (sheet.TooManyRows)
        {
            return BotAnswer.Refused(Texts.Customers.ImportTooManyRows.Format(language, CustomerImport.MaxRows));
        }

        if (CustomerImport.MapHeader(sheet.Header, language, out var missing) is not { } map)
        {
            return BotAnswer.Refused(Texts.Customers.ImportMissingColumns.Format(language, string.Join(language == Language.ZhCn ? "、" : ", ", missing)));
        }

        if (sheet.Rows.Count == 0)
        {
            return BotAnswer.Refused(Texts.Customers.ImportEmpty.In(language));
        }

        var outcome = await import.ImportAsync(person, sheet, map, language, request.Activity.Id, cancellationToken);
        Log.CustomersImported(logger, person.Id, sheet.Rows.Count, outcome.Stored, outcome.Problems.Count);
        if (outcome.Stored)
        {
            return BotAnswer.WithText(Texts.Customers.ImportDone.Format(language, outcome.Imported, file.Name, outcome.Added, outcome.Updated, outcome.Moved));
        }

        var report = await files.OfferAsync(person, Texts.Customers.ErrorsFileName.In(language) + ".xlsx", CustomerCards.ProblemsXlsx(outcome.Problems, language), Texts.Customers.ErrorsOffer.In(language), cancellationToken);
        await request.Turn.SendAsync(report, cancellationToken);
        return BotAnswer.WithCard(CustomerCards.ImportFailed(file.Name, outcome.Problems, language));
    }
}

/// <summary>"customers template" / "客户模板": the import template, offered as a file.</summary>
public sealed class CustomerTemplateVerb(ChatFiles files) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Person is not { } person)
        {
            return BotAnswer.Refused(Texts.Customers.NotInDirectory.In(language));
        }

        if (request.Activity.Conversation?.ConversationType != "personal")
        {
            return BotAnswer.Refused(Texts.Customers.ImportPersonalOnly.In(language));
        }

        var offer = await files.OfferAsync(person, Texts.Customers.TemplateFileName.In(language) + ".xlsx", CustomerCards.TemplateXlsx(language), Texts.Customers.TemplateOffer.In(language), cancellationToken);
        await request.Turn.SendAsync(offer, cancellationToken);
        return BotAnswer.WithText(Texts.Customers.TemplateOffer.In(language));
    }
}

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
    /// <summary>The customer register: the list, the import of a file sent in chat, the template, the pickers' type-ahead; files in chat (imports and record files).</summary>
    public static IServiceCollection AddCustomers(this IServiceCollection services)
    {
        services.AddHttpClient(ChatFiles.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddScoped<ChatFiles>();
        services.AddScoped<CustomerImport>();
        services.AddScoped<ImportCustomersVerb>();
        services.AddScoped<CustomerSearch>();
        return services
            .AddBotVerb<CustomersVerb>(CustomerCards.ListVerb, "customers", "my customers", "客户", "我的客户", "客户列表")
            .AddBotVerb<CustomerTemplateVerb>(CustomerCards.TemplateVerb, "customers template", "customer template", "客户模板", "客户导入模板")
            // A file sent in chat: a customer import or a record file, as ReceivedFileVerb decides.
            .AddBotVerb<ReceivedFileVerb>(ChatFiles.ReceivedVerb);
    }
}
