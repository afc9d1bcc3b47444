using System.Globalization;
using System.Text.Json.Nodes;
using DiligenceBot.BotFramework.Cards;
using DiligenceBot.Conversations;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;
using DiligenceBot.Records;
using DiligenceBot.WorkLogs;

namespace DiligenceBot.Assessment;

/// <summary>
/// The draft scorecards as a lead sees them: a team card (managers ranked by the points measured, one tap to each) and
/// a manager's card (each dimension with its indicators: the value behind each and its points, or not measured).
/// </summary>
public static class ScorecardCards
{
    public const string ScorecardVerb = "assessment.scorecard";

    /// <summary>One manager's draft: the scorecard as the rules score it.</summary>
    public sealed record Draft(Person Manager, Team Team, Scorecard Scorecard);

    /// <summary>One team's managers and their drafts.</summary>
    public sealed record TeamDrafts(Team Team, IReadOnlyList<Draft> Managers);

    /// <summary>The period's heading: 2026年11月 / November 2026, 2026年第4季度 / Q4 2026.</summary>
    private static string PeriodName(RecordPeriod period, Language language) => period.Name(language);

    private static string Points(decimal points) => points.ToString("0.#", CultureInfo.InvariantCulture);

    public static AdaptiveCard Teams(IReadOnlyList<TeamDrafts> teams, RecordPeriod period, DateOnly until, Language language)
    {
        var periodName = PeriodName(period, language);
        var single = teams.Count == 1;
        var groups = teams.Select(section =>
        {
            var items = new List<CardElement>
            {
                new TextBlock(Status(period, until, language)) { Id = LeadTeams.Id("status", section.Team.Id, single), IsSubtle = true, Spacing = Spacing.None, Wrap = true },
            };
            if (section.Managers.Count == 0)
            {
                items.Add(new TextBlock(Texts.Scorecards.Nobody.In(language)) { Id = LeadTeams.Id("empty", section.Team.Id, single), Wrap = true });
            }

            items.AddRange(section.Managers.OrderByDescending(d => d.Scorecard.Measured).ThenBy(d => d.Manager.DisplayName, StringComparer.Ordinal)
                .Select(d => (CardElement)Row(d, period, language)));
            // One team: its heading is the card's title (team and period); several: each under its name, the period in the title.
            var name = WorkLogCards.TeamName(section.Team, language);
            return new TeamGroup(section.Team.Id, single ? Texts.Scorecards.TeamTitle.Format(language, name, Texts.Scorecards.TeamsTitle.Format(language, periodName)) : name, items);
        }).ToList();
        var card = LeadTeams.Card(Texts.Scorecards.TeamsTitle.Format(language, periodName), groups);
        ((TextBlock)card.Body[0]).Wrap = true;
        return card;
    }

    private static ColumnSet Row(Draft draft, RecordPeriod period, Language language)
    {
        var card = draft.Scorecard;
        var measuredOf = card.Dimensions.SelectMany(d => d.Indicators).Where(i => i.Measured).Sum(i => i.Indicator.Points);
        var notMeasured = card.NotMeasured.Count();
        return new ColumnSet
        {
            Id = "row." + draft.Manager.Id,
            Separator = true,
            Columns =
            [
                new Column
                {
                    Width = "stretch",
                    Items =
                    [
                        new TextBlock(draft.Manager.DisplayName) { Weight = TextWeight.Bolder, Wrap = true },
                        new TextBlock(Texts.Scorecards.RowTotal.Format(language, Points(card.Measured), Points(measuredOf))) { Id = "total." + draft.Manager.Id, Spacing = Spacing.None, Wrap = true },
                        new TextBlock(notMeasured == 0 ? Texts.Scorecards.AllMeasured.In(language) : Texts.Scorecards.RowNotMeasured.Format(language, notMeasured))
                        {
                            Id = "notmeasured." + draft.Manager.Id, Spacing = Spacing.None, Wrap = true, IsSubtle = true,
                        },
                    ],
                },
                new Column { Width = "auto", Items = [new ActionSet { Actions = [Execute(Texts.Scorecards.OpenButton.In(language), draft.Manager.Id, period)] }] },
            ],
        };
    }

    /// <summary>One manager's draft: the points measured, then each dimension with each indicator's value and points or "not measured".</summary>
    public static AdaptiveCard Manager(Draft draft, RecordPeriod period, DateOnly until, Language language)
    {
        var title = Texts.Scorecards.ManagerTitle.Format(language, draft.Manager.DisplayName, PeriodName(period, language));
        var card = draft.Scorecard;
        var measuredOf = card.Dimensions.SelectMany(d => d.Indicators).Where(i => i.Measured).Sum(i => i.Indicator.Points);
        var body = new List<CardElement>
        {
            new TextBlock(title) { Id = "title", Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true },
            new TextBlock(Status(period, until, language)) { Id = "status", IsSubtle = true, Spacing = Spacing.None, Wrap = true },
            new TextBlock(Texts.Scorecards.Measured.Format(language, Points(card.Measured), Points(measuredOf))) { Id = "measured", Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true },
        };
        foreach (var dimension in card.Dimensions)
        {
            var items = new List<CardElement>
            {
                new TextBlock(Texts.Scorecards.DimensionHeading.Format(language, dimension.Dimension.Name(language), Points(dimension.Measured), Points(dimension.Dimension.Weight)))
                {
                    Id = "dimension." + dimension.Dimension.Id, Weight = TextWeight.Bolder, Wrap = true,
                },
            };
            items.AddRange(dimension.Indicators.Select(i => new TextBlock(CardDates.KeepCounts(Line(i, language)))
            {
                Id = "indicator." + i.Indicator.Id, Spacing = Spacing.None, Wrap = true, IsSubtle = i.Measured ? null : true,
            }));
            body.Add(new Container { Id = "section." + dimension.Dimension.Id, Separator = true, Items = items });
        }

        if (card.NotMeasured.Any())
        {
            body.Add(new TextBlock(Texts.Scorecards.NotMeasuredNote.In(language)) { Id = "note", IsSubtle = true, Size = TextSize.Small, Wrap = true, Separator = true });
        }

        return new AdaptiveCard
        {
            FallbackText = title,
            Body = body,
            Actions = [Execute(Texts.Scorecards.BackToTeam.In(language), null, period)],
        };
    }

    private static string Line(IndicatorScore score, Language language) =>
        score is { Value: { } value, Points: { } points }
            ? Texts.Scorecards.IndicatorLine.Format(language, score.Indicator.Name(language), Value(score.Indicator.Source, value, language), Points(points), Points(score.Indicator.Points))
            : Texts.Scorecards.IndicatorNotMeasured.Format(language, score.Indicator.Name(language), Points(score.Indicator.Points));

    /// <summary>A source's value as a lead reads it: a share in percent, a rating to one decimal, a count, checks met of four.</summary>
    public static string Value(string source, double value, Language language) => ScoreSources.All[source] switch
    {
        ScoreSourceKind.Share => Math.Round(value * 100, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) + "%",
        ScoreSourceKind.Rating => value.ToString("0.0", CultureInfo.InvariantCulture),
        ScoreSourceKind.Count => value.ToString("0", CultureInfo.InvariantCulture),
        _ => language == Language.ZhCn
            ? $"4项中{value.ToString("0.#", CultureInfo.InvariantCulture)}项"
            : $"{value.ToString("0.#", CultureInfo.InvariantCulture)} of 4",
    };

    private static string Status(RecordPeriod period, DateOnly until, Language language) =>
        until <= period.Last ? Texts.Scorecards.Draft.Format(language, CardDates.Long(until.AddDays(-1), language)) : Texts.Scorecards.DraftWhole.In(language);

    private static ExecuteAction Execute(string title, string? managerId, RecordPeriod period)
    {
        var data = new JsonObject { ["verb"] = ScorecardVerb, ["period"] = period.Key };
        if (managerId is not null)
        {
            data["managerId"] = managerId;
        }

        return new ExecuteAction { Title = title, Verb = ScorecardVerb, Data = data };
    }
}
