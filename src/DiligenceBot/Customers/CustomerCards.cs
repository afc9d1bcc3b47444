using System.Text.Json.Nodes;
using DiligenceBot.BotFramework.Cards;
using DiligenceBot.Localization;

namespace DiligenceBot.Customers;

/// <summary>A customer as the list shows it: with the visits the manager's logs record this month.</summary>
public sealed record CustomerLine(string LicenceNumber, string Name, string District, string Tier, string ManagerName, int Visits, int Required);

/// <summary>The customer list and the customers picker.</summary>
public static class CustomerCards
{
    public const string ListVerb = "customers.list";
    public const string ImportVerb = "customers.import";
    public const string QueryInput = "query";
    /// <summary>How many customers a card shows; Teams cards must stay small.</summary>
    public const int MaxLines = 30;

    /// <summary>
    /// What a customers picker needs besides the picks: its input id, label, and the free text's longest length. A
    /// required picker is checked by the bot, not the client (free text alone may satisfy it), so it carries no
    /// <c>isRequired</c>.
    /// </summary>
    public sealed record PickerField(string InputId, string Label, int? MaxLength);

    /// <summary>
    /// A customers input, the one builder for every form that names customers: a multi-select with Teams' type-ahead over
    /// the asker's own customers (<see cref="CustomerSearch"/>), whose static choices are the customers already picked
    /// (so a card shown again keeps them, titled), and below it a text input for shops not registered yet (id
    /// <c>InputId.unregistered</c>), which also shows an old record's free text. Picked ids the register does not know
    /// (or that are no longer the asker's, as <paramref name="picked"/> says) are left out.
    /// </summary>
    public static Container Picker(PickerField field, CustomerPicks picks, IReadOnlyDictionary<long, PickedCustomer> picked, Language language)
    {
        var chosen = picks.Ids.Where(picked.ContainsKey).Select(id => picked[id]).ToList();
        var unregistered = picks.Legacy is { Length: > 0 } legacy
            ? string.IsNullOrEmpty(picks.Unregistered) ? legacy : picks.Unregistered + "\n" + legacy
            : picks.Unregistered;
        return new Container
        {
            Items =
            [
                new ChoiceSetInput
                {
                    Id = field.InputId,
                    Label = field.Label,
                    IsMultiSelect = true,
                    Style = ChoiceInputStyle.Filtered,
                    Wrap = true,
                    Placeholder = Texts.Customers.PickerPlaceholder.In(language),
                    Choices = [.. chosen.Select(c => new Choice(CustomerPicks.Title(c, language), CustomerPicks.ChoiceValue(c.Id)))],
                    Value = chosen.Count == 0 ? null : CustomerPicks.Encode(chosen.Select(c => c.Id)),
                    ChoicesData = new DataQuery { Dataset = CustomerSearch.OwnDataset, Count = CustomerSearch.PageSize },
                },
                new TextInput
                {
                    Id = CustomerPicks.UnregisteredKey(field.InputId),
                    Label = Texts.Customers.UnregisteredLabel.In(language),
                    Placeholder = Texts.Customers.UnregisteredPlaceholder.In(language),
                    IsMultiline = true,
                    MaxLength = field.MaxLength,
                    Value = string.IsNullOrEmpty(unregistered) ? null : unregistered,
                    Spacing = Spacing.Small,
                },
            ],
        };
    }

    public static AdaptiveCard List(IReadOnlyList<CustomerLine> lines, int total, string? query, Language language)
    {
        var title = string.IsNullOrEmpty(query) ? Texts.Customers.Title.In(language) : Texts.Customers.TitleSearch.Format(language, query);
        var card = new AdaptiveCard
        {
            FallbackText = title,
            Body =
            [
                new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Id = "title" },
            ],
            Actions =
            [
                new ExecuteAction { Title = Texts.Customers.SearchButton.In(language), Verb = ListVerb, Data = new JsonObject { ["verb"] = ListVerb }, AssociatedInputs = "auto" },
            ],
        };
        if (total == 0)
        {
            card.Body.Add(new TextBlock(string.IsNullOrEmpty(query) ? Texts.Customers.None.In(language) : Texts.Customers.NoneFound.Format(language, query)) { Id = "empty" });
        }
        else
        {
            card.Body.Add(new TextBlock(Texts.Customers.Summary.Format(language, total, lines.Count(l => l.Visits >= l.Required))) { Id = "summary", IsSubtle = true });
        }

        // Stacked, not in columns: a name beside the visits column was squeezed to one or two characters a line on a
        // phone. The name takes the whole width, the visits and the details follow under it.
        foreach (var line in lines)
        {
            card.Body.Add(new Container
            {
                Id = "customer-" + line.LicenceNumber,
                Separator = true,
                Items =
                [
                    new TextBlock(line.Name) { Weight = TextWeight.Bolder },
                    new TextBlock(Texts.Customers.Visits.Format(language, line.Visits, line.Required))
                    {
                        Color = line.Visits >= line.Required ? TextColor.Good : TextColor.Attention, Spacing = Spacing.None,
                    },
                    new TextBlock(Texts.Customers.ServedBy.Format(language, line.LicenceNumber, line.District, line.Tier, line.ManagerName)) { IsSubtle = true, Spacing = Spacing.None },
                ],
            });
        }

        if (total > lines.Count)
        {
            card.Body.Add(new TextBlock(Texts.Customers.More.Format(language, total - lines.Count)) { IsSubtle = true, Id = "more" });
        }

        card.Body.Add(new TextInput
        {
            Id = QueryInput,
            Label = Texts.Customers.SearchLabel.In(language),
            Value = query,
            MaxLength = CustomerLimits.Name,
        });
        return card;
    }
}
