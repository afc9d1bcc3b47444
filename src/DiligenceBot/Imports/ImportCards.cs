using DiligenceBot.BotFramework.Cards;
using DiligenceBot.Localization;

namespace DiligenceBot.Imports;

/// <summary>What every import sends back: the problem card, the problem report and the template as XLSX.</summary>
public static class ImportCards
{
    /// <summary>How many problems a card shows; Teams cards must stay small.</summary>
    public const int MaxLines = 30;

    /// <summary>Nothing was imported: every problem of the file (the first <see cref="MaxLines"/> here, all in the XLSX sent with it).</summary>
    public static AdaptiveCard ImportFailed(string fileName, IReadOnlyList<ImportProblem> problems, Language language)
    {
        var rows = problems.Select(p => p.Row).Distinct().Count();
        var card = new AdaptiveCard
        {
            FallbackText = Texts.Imports.FailedTitle.In(language),
            Body =
            [
                new TextBlock(Texts.Imports.FailedTitle.In(language)) { Size = TextSize.Large, Weight = TextWeight.Bolder, Color = TextColor.Attention, Id = "title" },
                new TextBlock(Texts.Imports.Failed.Format(language, fileName, problems.Count, rows)) { Id = "summary" },
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
                    new TextBlock(Texts.Imports.ProblemAt.Format(language, problem.Row, problem.Column)) { IsSubtle = true, Size = TextSize.Small, Weight = TextWeight.Bolder },
                    new TextBlock(problem.Problem) { Spacing = Spacing.None },
                ],
            });
        }

        if (problems.Count > MaxLines)
        {
            card.Body.Add(new TextBlock(Texts.Imports.FailedMore.Format(language, problems.Count - MaxLines)) { IsSubtle = true, Id = "more" });
        }

        return card;
    }

    /// <summary>The error report as an XLSX: row, column, problem (headers in the user's language).</summary>
    public static byte[] ProblemsXlsx(IReadOnlyList<ImportProblem> problems, Language language) =>
        ImportSheet.WriteXlsx(
            [Texts.Imports.ColumnRow.In(language), Texts.Imports.ColumnColumn.In(language), Texts.Imports.ColumnProblem.In(language)],
            problems.Select(p => (IReadOnlyList<object?>)[p.Row, p.Column, p.Problem]));

    /// <summary>A kind's import template: the column names in the user's language (the other language's are accepted too), one example row.</summary>
    public static byte[] TemplateXlsx(ImportKind kind, Language language) =>
        ImportSheet.WriteXlsx([.. kind.Columns.Select(c => c.Name.In(language))], [kind.ExampleRow(language)]);
}
