using System.Text.Json.Nodes;
using DiligenceBot.BotFramework.Cards;
using DiligenceBot.Localization;

namespace DiligenceBot.Customers;

/// <summary>A customer as the list shows it: with the visits the manager's logs record this month.</summary>
public sealed record CustomerLine(string LicenceNumber, string Name, string District, string Tier, string ManagerName, int Visits, int Required);

/// <summary>The customer list and the import's error report.</summary>
public static class CustomerCards
{
    public const string ListVerb = "customers.list";
    public const string TemplateVerb = "customers.template";
    public const string ImportVerb = "customers.import";
    public const string QueryInput = "query";
    /// <summary>How many customers (or import problems) a card shows; Teams cards must stay small.</summary>
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

    /// <summary>Nothing was imported: every problem of the file (the first <see cref="MaxLines"/> here, all in the XLSX sent with it).</summary>
    public static AdaptiveCard ImportFailed(string fileName, IReadOnlyList<ImportProblem> problems, Language language)
    {
        var rows = problems.Select(p => p.Row).Distinct().Count();
        var card = new AdaptiveCard
        {
            FallbackText = Texts.Customers.ImportFailedTitle.In(language),
            Body =
            [
                new TextBlock(Texts.Customers.ImportFailedTitle.In(language)) { Size = TextSize.Large, Weight = TextWeight.Bolder, Color = TextColor.Attention, Id = "title" },
                new TextBlock(Texts.Customers.ImportFailed.Format(language, fileName, problems.Count, rows)) { Id = "summary" },
            ],
        };

        // Each problem stacked under where it is ("Row 10 · Visits per month"): in three columns a phone squeezed the row
        // number to one digit a line and the column name beside it.
        foreach (var problem in problems.Take(MaxLines))
        {
            card.Body.Add(new Container
            {
                Id = $"problem-{problem.Row}-{problem.Column}",
                Separator = true,
                Items =
                [
                    new TextBlock(Texts.Customers.ProblemAt.Format(language, problem.Row, problem.Column)) { IsSubtle = true, Size = TextSize.Small, Weight = TextWeight.Bolder },
                    new TextBlock(problem.Problem) { Spacing = Spacing.None },
                ],
            });
        }

        if (problems.Count > MaxLines)
        {
            card.Body.Add(new TextBlock(Texts.Customers.ImportFailedMore.Format(language, problems.Count - MaxLines)) { IsSubtle = true, Id = "more" });
        }

        return card;
    }

    /// <summary>The error report as an XLSX: row, column, problem (headers in the user's language).</summary>
    public static byte[] ProblemsXlsx(IReadOnlyList<ImportProblem> problems, Language language) =>
        CustomerSheet.WriteXlsx(
            [Texts.Customers.ColumnRow.In(language), Texts.Customers.ColumnColumn.In(language), Texts.Customers.ColumnProblem.In(language)],
            problems.Select(p => (IReadOnlyList<object?>)[p.Row, p.Column, p.Problem]));

    /// <summary>The import template: the column names in the user's language (the other language's are accepted too), one example row.</summary>
    public static byte[] TemplateXlsx(Language language) =>
        CustomerSheet.WriteXlsx(
            CustomerImport.Columns.Select(c => c.In(language)).ToList(),
            [["110105100123", language == Language.ZhCn ? "华美便利店" : "Huamei Store", language == Language.ZhCn ? "朝阳区建国路88号" : "88 Jianguo Road", language == Language.ZhCn ? "朝阳区" : "Chaoyang", "A", "name@example.com", 4]]);

}
