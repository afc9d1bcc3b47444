using System.Text.Json;
using DiligenceBot.BotFramework;
using DiligenceBot.BotFramework.Cards;
using DiligenceBot.BotFramework.Hosting;
using DiligenceBot.BotFramework.Schema;
using DiligenceBot.Conversations;
using DiligenceBot.Data;
using DiligenceBot.Input;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Customers;

/// <summary>
/// Teams' dynamic type-ahead over the customer register (<c>application/search</c>, sent while someone types in a
/// picker whose <c>choices.data</c> names one of these datasets): customers whose name or licence number contains the
/// text, those starting with it first, a page at a time. Only the asker's own customers (the <c>customers.team</c>
/// dataset: also those of the teams they lead), in their tenant; someone not in the directory gets no results. A
/// request that is not a search of ours (no value, an unknown dataset) is answered 400 with an error body, as the
/// Universal Actions protocol answers a bad invoke; it never fails with 500.
/// </summary>
public sealed class CustomerSearch(DiligenceDbContext db, DirectoryLookup directory, ILogger<CustomerSearch> logger)
{
    /// <summary>The asker's own customers (a log's customers, a record's related customers).</summary>
    public const string OwnDataset = "customers";
    /// <summary>The asker's own customers and those of the teams they lead.</summary>
    public const string TeamDataset = "customers.team";
    /// <summary>Teams shows at most 15 choices at a time and asks for 15.</summary>
    public const int PageSize = 15;

    public async Task<InvokeResponse> OnSearchAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        SearchInvokeValue? search = null;
        if (activity.Value is { ValueKind: JsonValueKind.Object } raw)
        {
            try
            {
                search = raw.Deserialize(BotJsonContext.Default.SearchInvokeValue);
            }
            catch (JsonException)
            {
                search = null;
            }
        }

        if (search?.Dataset is not (OwnDataset or TeamDataset))
        {
            Log.CustomerSearchRefused(logger, LogText.Untrusted(activity.Id), search is null ? "no search value" : "unknown dataset " + LogText.Untrusted(search.Dataset));
            return new InvokeResponse(400, AdaptiveCardInvokeResponse.Error(400, "BadRequest", Texts.Common.CardOutOfDate.In(BotTurnDispatcher.LanguageOf(activity, null))));
        }

        var person = await directory.FindByAadObjectIdAsync(activity.TenantId ?? string.Empty, activity.From?.AadObjectId, cancellationToken);
        var query = UserText.Words(search.QueryText);
        if (person is null || query.Length > CustomerLimits.Name)
        {
            // A stranger sees nothing; a text longer than any name or licence number matches nothing.
            return Results([]);
        }

        var language = BotTurnDispatcher.LanguageOf(activity, person);
        IReadOnlyCollection<string> led = search.Dataset == TeamDataset ? [.. (await directory.TeamsLedByAsync(person, cancellationToken)).Select(t => t.Id)] : [];
        var customers = db.Customers.AsNoTracking().SeenBy(person, led, adminSeesTenant: false);
        var upper = query.ToUpperInvariant();
        if (upper.Length > 0)
        {
            customers = customers.Matching(upper);
        }

        var skip = Math.Max(0, search.QueryOptions?.Skip ?? 0);
        var top = search.QueryOptions?.Top is { } t && t > 0 && t <= PageSize ? t : PageSize;
#pragma warning disable CA1862 // translated to SQL, as in CustomerScope.Matching
        var page = await customers
            .OrderByDescending(c => upper.Length > 0 && (c.Name.ToUpper().StartsWith(upper) || c.LicenceNumber.ToUpper().StartsWith(upper)))
#pragma warning restore CA1862
            .ThenBy(c => c.Name).ThenBy(c => c.Id)
            .Skip(skip).Take(top)
            .Select(c => new PickedCustomer(c.Id, c.Name, c.LicenceNumber, c.ManagerId))
            .ToListAsync(cancellationToken);
        return Results(page.Select(c => new Choice(CustomerPicks.Title(c, language), CustomerPicks.ChoiceValue(c.Id))));
    }

    private static InvokeResponse Results(IEnumerable<Choice> choices) => new(200, AdaptiveCardInvokeResponse.SearchResults(choices));
}
