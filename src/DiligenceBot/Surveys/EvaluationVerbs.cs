using System.Globalization;
using System.Text.Json.Nodes;
using DiligenceBot.Assessment;
using DiligenceBot.BotFramework.Cards;
using DiligenceBot.Conversations;
using DiligenceBot.Data;
using DiligenceBot.Files;
using DiligenceBot.Imports;
using DiligenceBot.Input;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;
using DiligenceBot.Records;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Surveys;

/// <summary>
/// The customers' evaluations of one manager for one month, per customer, for the people who see the manager's
/// scorecard (the team's lead and delegates, the lead chain, admins; never on themselves): "evaluations &lt;manager&gt;
/// [YYYY-MM]" / "评价结果 &lt;客户经理&gt; [YYYY-MM]" shows each customer's five items, comment and source with the
/// averages; its Export button and "evaluations export &lt;manager&gt; [YYYY-MM]" / "评价导出 …" send the same as an XLSX
/// file. A manager is refused both (their scorecard shows only the averages). The month defaults to this month.
/// </summary>
public sealed class EvaluationDesk(RecordCheckDesk desk, DiligenceDbContext db)
{
    public const string ViewVerb = "survey.evaluations";
    public const string ExportVerb = "survey.evaluations.export";

    private static readonly RecordCheckDesk.ChooserTexts Chooser = new(Texts.Surveys.EvaluationsForLeads, Texts.Scorecards.UnknownManager, Texts.Scorecards.SeveralMatch,
        Texts.Scorecards.ListSeparator, Texts.Surveys.NotYourself, Texts.Surveys.NotYoursEvaluations, Texts.Scorecards.NoManagers);

    /// <summary>One customer's evaluation as the lead reads it.</summary>
    public sealed record Row(string Customer, string Licence, EvaluationSource Source, int[] Scores, string? Comment);

    /// <summary>A manager's month: who, which month, each customer's evaluation (by customer name).</summary>
    public sealed record Month(Person Manager, DateOnly First, IReadOnlyList<Row> Rows);

    /// <summary>The manager and month asked for (typed or carried by the card), the rows, or the refusal.</summary>
    public async Task<(Month? Month, BotAnswer? Refusal)> ReadAsync(BotRequest request, Text usage, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Person is not { } person || person.TenantId != request.TenantId)
        {
            return (null, BotAnswer.Refused(Texts.Scorecards.NotInDirectory.In(language)));
        }

        var (monthText, name) = request.Source == RequestSource.Text ? RecordCheckVerb.MonthAndName(request.Arguments) : (request.Card.String("month"), string.Empty);
        DateOnly? asked = null;
        if (monthText is not null)
        {
            if (!RecordPeriod.TryParse(RecordPeriodKind.Monthly, monthText, out var period))
            {
                return (null, BotAnswer.Refused(usage.In(language)));
            }

            asked = period.First;
        }

        var choice = await desk.ChooseAsync(request, person, name, Chooser, cancellationToken);
        if (choice.Refusal is not null)
        {
            return (null, choice.Refusal);
        }

        if (choice.Manager is not { } manager)
        {
            return (null, BotAnswer.Refused(usage.In(language)));
        }

        var thisMonth = desk.ThisMonth(manager.Team!);
        var month = asked ?? thisMonth;
        if (month > thisMonth)
        {
            return (null, BotAnswer.Refused(Texts.Scorecards.FuturePeriod.Format(language, CardDates.Month(month, language))));
        }

        var rows = await db.Set<CustomerEvaluation>().AsNoTracking()
            .Where(e => e.TenantId == person.TenantId && e.ManagerId == manager.Id && e.Month == month)
            .Join(db.Customers, e => e.CustomerId, c => c.Id, (e, c) => new
            {
                c.Name, c.LicenceNumber, e.Source, e.VisitRegularity, e.ServiceAttitude, e.PolicyExplanation, e.ProblemSolving, e.FairnessIntegrity, e.Comment,
            })
            .ToListAsync(cancellationToken);
        return (new Month(manager, month, [.. rows.OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.LicenceNumber, StringComparer.Ordinal)
            .Select(r => new Row(r.Name, r.LicenceNumber, r.Source, [r.VisitRegularity, r.ServiceAttitude, r.PolicyExplanation, r.ProblemSolving, r.FairnessIntegrity], r.Comment))]), null);
    }

    private static string Average(IEnumerable<int> scores) => scores.Average().ToString("0.0", CultureInfo.InvariantCulture);

    private static string SourceName(EvaluationSource source, Language language) =>
        (source == EvaluationSource.Survey ? Texts.Surveys.SourceSurvey : Texts.Surveys.SourceImport).In(language);

    /// <summary>The lead's card: the averages (as the scorecard reads them), then one block per customer.</summary>
    public static AdaptiveCard Card(Month month, Language language)
    {
        var monthName = CardDates.Month(month.First, language);
        var body = new List<CardElement>
        {
            new TextBlock(Texts.Surveys.EvaluationsTitle.Format(language, month.Manager.DisplayName, monthName)) { Id = "title", Size = TextSize.Large, Weight = TextWeight.Bolder },
        };
        if (month.Rows.Count == 0)
        {
            body.Add(new TextBlock(Texts.Surveys.NoEvaluations.Format(language, month.Manager.DisplayName, monthName)) { Id = "empty" });
            return new AdaptiveCard { Body = body, FallbackText = Texts.Surveys.EvaluationsTitle.Format(language, month.Manager.DisplayName, monthName) };
        }

        body.Add(new TextBlock(CardDates.KeepCounts(Texts.Surveys.EvaluationsCount.Format(language, month.Rows.Count,
            month.Rows.Count(r => r.Source == EvaluationSource.Survey), month.Rows.Count(r => r.Source == EvaluationSource.Import)))) { Id = "count", IsSubtle = true, Spacing = Spacing.None });
        body.Add(new FactSet
        {
            Id = "averages",
            Facts = [.. SurveyPage.Items.Select((item, i) => new Fact(item.Label.In(language), Average(month.Rows.Select(r => r.Scores[i]))))],
        });
        foreach (var row in month.Rows)
        {
            var items = new List<CardElement>
            {
                new TextBlock(Texts.Surveys.CustomerHeading.Format(language, row.Customer, row.Licence)) { Weight = TextWeight.Bolder },
                new TextBlock(CardDates.KeepCounts(string.Join(Texts.Surveys.ScoreSeparator.In(language), SurveyPage.Items.Select((item, i) => Texts.Surveys.ScoreCell.Format(language, item.Label.In(language), row.Scores[i])))))
                {
                    Id = "scores." + row.Licence, Spacing = Spacing.None,
                },
                new TextBlock(SourceName(row.Source, language)) { Id = "source." + row.Licence, IsSubtle = true, Spacing = Spacing.None, Size = TextSize.Small },
            };
            if (row.Comment is { Length: > 0 } comment)
            {
                items.Add(new TextBlock(Texts.Surveys.CommentLine.Format(language, comment)) { Id = "comment." + row.Licence, Spacing = Spacing.None });
            }

            body.Add(new Container { Id = "customer." + row.Licence, Separator = true, Items = items });
        }

        var key = month.First.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        return new AdaptiveCard
        {
            Body = body,
            FallbackText = Texts.Surveys.EvaluationsTitle.Format(language, month.Manager.DisplayName, monthName),
            Actions =
            [
                new ExecuteAction
                {
                    Title = Texts.Scorecards.ExportButton.In(language), Verb = ExportVerb,
                    Data = new JsonObject { ["verb"] = ExportVerb, ["managerId"] = month.Manager.Id, ["month"] = key },
                },
            ],
        };
    }

    /// <summary>The same rows as an XLSX: customer, licence, source, the five items, comment.</summary>
    public static byte[] Xlsx(Month month, Language language) => ImportSheet.WriteXlsx(
        [
            Texts.Surveys.ColumnCustomer.In(language), Texts.Customers.ColumnLicence.In(language), Texts.Surveys.ColumnSource.In(language),
            .. SurveyPage.Items.Select(i => i.Label.In(language)), Texts.Evaluations.ColumnComment.In(language),
        ],
        month.Rows.Select(r => (IReadOnlyList<object?>)[r.Customer, r.Licence, SourceName(r.Source, language), .. r.Scores.Cast<object?>(), r.Comment]));
}

/// <summary>"evaluations &lt;manager&gt; [YYYY-MM]" / "评价结果 …": the lead's per-customer card.</summary>
public sealed class EvaluationsVerb(EvaluationDesk desk) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var (month, refusal) = await desk.ReadAsync(request, Texts.Surveys.EvaluationsUsage, cancellationToken);
        return refusal ?? BotAnswer.WithCard(EvaluationDesk.Card(month!, request.Language));
    }
}

/// <summary>"evaluations export &lt;manager&gt; [YYYY-MM]" / "评价导出 …" and the card's Export button: the per-customer rows as an XLSX in the chat.</summary>
public sealed class EvaluationsExportVerb(EvaluationDesk desk, ChatFiles files) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        var (month, refusal) = await desk.ReadAsync(request, Texts.Surveys.ExportUsage, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var monthName = CardDates.Month(month!.First, language).Replace(CardDates.WordJoiner.ToString(), string.Empty, StringComparison.Ordinal).Replace('\u00a0', ' ');
        if (month.Rows.Count == 0)
        {
            return BotAnswer.Refused(Texts.Surveys.NoEvaluations.Format(language, month.Manager.DisplayName, monthName));
        }

        var name = Texts.Surveys.ExportFileName.Format(language, month.Manager.DisplayName, language == Language.ZhCn ? monthName : month.First.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        name = new string([.. name.Select(c => Path.GetInvalidFileNameChars().Contains(c) ? '-' : c)]) + ".xlsx";
        var description = Texts.Surveys.ExportOffer.Format(language, month.Rows.Count, month.Manager.DisplayName, monthName);
        await request.Turn.SendAsync(await files.OfferAsync(request.Person!, name, EvaluationDesk.Xlsx(month, language), description, cancellationToken), cancellationToken);
        return BotAnswer.WithText(description);
    }
}
