using System.Globalization;
using DiligenceBot.Data;
using DiligenceBot.Input;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Customers;

/// <summary>A registered customer as a picker names it.</summary>
public sealed record PickedCustomer(long Id, string Name, string LicenceNumber, string ManagerId);

/// <summary>
/// What a customers input holds: registered customers picked by id (Teams' type-ahead over the register) and, kept
/// apart, free text naming customers not registered yet. Stored as two values of a record's value map: under the
/// field's key the ids, written <c>customer:12,customer:34</c> (the values the picker's choices carry, so what a card
/// sends is stored as sent), and under <c>key.unregistered</c> the free text. A value under the key that is not such a
/// list is the free text of a log written before the field was a picker (<see cref="Legacy"/>).
/// </summary>
public sealed record CustomerPicks(IReadOnlyList<long> Ids, string Unregistered, string? Legacy)
{
    public const string IdPrefix = "customer:";
    public const string UnregisteredSuffix = ".unregistered";

    public static string UnregisteredKey(string key) => key + UnregisteredSuffix;

    /// <summary>The value a picker's choice carries for a customer.</summary>
    public static string ChoiceValue(long id) => IdPrefix + id.ToString(CultureInfo.InvariantCulture);

    public static string Encode(IEnumerable<long> ids) => string.Join(",", ids.Select(ChoiceValue));

    /// <summary>The picks under <paramref name="key"/> (as typed on a card or as stored).</summary>
    public static CustomerPicks Read(IReadOnlyDictionary<string, string> values, string key)
    {
        var value = values.GetValueOrDefault(key) ?? string.Empty;
        var unregistered = values.GetValueOrDefault(UnregisteredKey(key)) ?? string.Empty;
        return TryParseIds(value, out var ids) ? new(ids, unregistered, null) : new([], unregistered, value);
    }

    /// <summary>"customer:12,customer:34" (or nothing) → [12, 34], each once in the order given; false for anything else.</summary>
    public static bool TryParseIds(string text, out List<long> ids)
    {
        ids = [];
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!part.StartsWith(IdPrefix, StringComparison.Ordinal)
                || !long.TryParse(part.AsSpan(IdPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
            {
                ids = [];
                return false;
            }

            if (!ids.Contains(id))
            {
                ids.Add(id);
            }
        }

        return true;
    }

    /// <summary>The registered customers with these ids in the tenant (whoever serves them now).</summary>
    public static async Task<Dictionary<long, PickedCustomer>> NamesAsync(DiligenceDbContext db, string tenantId, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        ids.Count == 0
            ? []
            : await db.Customers.AsNoTracking().Where(c => c.TenantId == tenantId && ids.Contains(c.Id))
                .Select(c => new PickedCustomer(c.Id, c.Name, c.LicenceNumber, c.ManagerId))
                .ToDictionaryAsync(c => c.Id, cancellationToken);

    /// <summary>What a picker's choice (and a search result) shows: the name and, to tell same-named shops apart, the licence number.</summary>
    public static string Title(PickedCustomer customer, Language language) =>
        Texts.Customers.PickerChoice.Format(language, customer.Name, customer.LicenceNumber);

    /// <summary>
    /// The picks as a summary shows them, one a line: registered customers by name, then the free text of those not
    /// registered, each line marked so; an old log's free text as it was written.
    /// </summary>
    public string Display(IReadOnlyDictionary<long, PickedCustomer> names, Language language) => string.Join("\n", Lines(names, withLicence: false, language));

    /// <summary>
    /// One entry per customer: registered ones by name (<paramref name="withLicence"/>: with the licence number, as a
    /// picker's choice shows it) in the order picked, then each line of the text for shops not registered, marked so,
    /// then an old log's free text as written. An id the register no longer knows shows as stored.
    /// </summary>
    public List<string> Lines(IReadOnlyDictionary<long, PickedCustomer> names, bool withLicence, Language language)
    {
        var lines = Ids.Select(id => names.TryGetValue(id, out var c) ? withLicence ? Title(c, language) : c.Name : ChoiceValue(id)).ToList();
        lines.AddRange(Unregistered.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(line => Texts.Customers.NotRegistered.Format(language, line)));
        if (Legacy is { Length: > 0 } legacy)
        {
            lines.Add(legacy);
        }

        return lines;
    }

    /// <summary>
    /// A customers input as a card sent it, checked the one way for every form that names customers: each pick one of
    /// <paramref name="ownerId"/>'s own customers in the tenant (<paramref name="picked"/>: the registered customers
    /// among the picks, whoever serves them; a forged or stale id is named in the message), the text for shops not
    /// registered like any text (never required on its own), a value the picker cannot have sent (an old client's typed
    /// names) asked to be picked, and, when <paramref name="rule"/> requires it, at least one of the two. Returns the
    /// message for the field, or null with the picks as they are stored (ids, cleaned text).
    /// </summary>
    public static string? Check(IReadOnlyDictionary<string, string> typed, string key, CustomerRule rule, IReadOnlyDictionary<long, PickedCustomer> picked,
        string? ownerId, Language language, out CustomerPicks clean)
    {
        var picks = Read(typed, key);
        clean = picks;
        if (picks.Legacy is not null)
        {
            return Texts.Customers.ErrorPickFromList.Format(language, rule.Label);
        }

        var foreign = picks.Ids.Where(id => !picked.TryGetValue(id, out var c) || c.ManagerId != ownerId)
            .Select(id => picked.TryGetValue(id, out var c) ? c.Name : ChoiceValue(id)).ToList();
        if (foreign.Count > 0)
        {
            return Texts.Customers.ErrorNotYours.Format(language, rule.Label, string.Join(language == Language.ZhCn ? "、" : ", ", foreign));
        }

        var text = new TextRule(rule.MaxLength, Required: false, rule.MinLength, Multiline: true);
        if (UserText.Check(picks.Unregistered, text, Texts.Customers.UnregisteredLabel.In(language), language, out var unregistered) is { } textError)
        {
            return textError;
        }

        if (rule.Required && picks.Ids.Count == 0 && UserText.IsBlank(unregistered))
        {
            return Texts.Input.Required.Format(language, rule.Label);
        }

        clean = picks with { Unregistered = unregistered ?? string.Empty };
        return null;
    }
}

/// <summary>What a customers input may hold: its label (named in messages), the longest text for shops not registered, whether one customer is required.</summary>
public sealed record CustomerRule(string Label, int MaxLength, int MinLength = 0, bool Required = false);

/// <summary>Which customers a person may see or pick: one rule for the customer list and the type-ahead.</summary>
public static class CustomerScope
{
    /// <summary>
    /// The person's own customers; with <paramref name="ledTeamIds"/>, also those of the teams' managers; an admin, when
    /// <paramref name="adminSeesTenant"/>, the tenant's. Always within the person's tenant.
    /// </summary>
    public static IQueryable<Customer> SeenBy(this IQueryable<Customer> customers, Person person, IReadOnlyCollection<string> ledTeamIds, bool adminSeesTenant)
    {
        customers = customers.Where(c => c.TenantId == person.TenantId);
        if (adminSeesTenant && person.IsAdmin)
        {
            return customers;
        }

        return ledTeamIds.Count == 0
            ? customers.Where(c => c.ManagerId == person.Id)
            : customers.Where(c => c.ManagerId == person.Id || (c.Manager!.TeamId != null && ledTeamIds.Contains(c.Manager.TeamId)));
    }

    /// <summary>Customers whose name or licence number contains <paramref name="upperQuery"/> (already upper-cased: Latin letters match in either case).</summary>
    public static IQueryable<Customer> Matching(this IQueryable<Customer> customers, string upperQuery) =>
#pragma warning disable CA1862 // translated to SQL (upper(), instr/strpos/CHARINDEX): the StringComparison overload is not
        customers.Where(c => c.Name.ToUpper().Contains(upperQuery) || c.LicenceNumber.ToUpper().Contains(upperQuery));
#pragma warning restore CA1862
}
