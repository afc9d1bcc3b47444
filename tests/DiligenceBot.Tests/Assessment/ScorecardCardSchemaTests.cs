using DiligenceBot.Assessment;
using DiligenceBot.BotFramework.Cards;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;
using DiligenceBot.Records;
using DiligenceBot.Tests.Infrastructure;

namespace DiligenceBot.Tests.Assessment;

/// <summary>
/// The scorecard cards for the card gallery (validated at schema 1.5 and drawn at 360 and 800 px): drafts (to read, and
/// to score and publish, with errors), the team's drafts as the job sends them, and published scorecards as the manager
/// answers them, as the decider decides an objection, amended, and after the deadline.
/// </summary>
public static class ScorecardCardSchemaTests
{
    public static IEnumerable<(string Name, AdaptiveCard Card)> EveryCard()
    {
        var rules = ScorecardRules.Load(Path.Combine(RepoTools.RepoRoot, "seeds", ScorecardRules.FileName));
        var east1 = new Team { Id = "east-1", TenantId = "t", NameEn = "East District 1", NameZh = "华东一组" };
        var east2 = new Team { Id = "east-2", TenantId = "t", NameEn = "East District 2", NameZh = "华东二组" };
        Person Manager(string id, string name, Team team) => new() { Id = id, TenantId = "t", AadObjectId = id, DisplayName = name, Team = team, TeamId = team.Id };
        var chen = new ScorecardCards.Draft(Manager("chen-jie", "Chen Jie 陈杰", east1), east1, rules.Score(new Dictionary<string, double>
        {
            ["logs.on-time"] = 0.905, ["logs.quality"] = 4, ["visits.coverage"] = 0.75, ["minutes.attendance"] = 1, ["checks.met"] = 3,
            ["transfers.value"] = 3.5, ["plans.execution"] = 0.82, ["actions.done-on-time"] = 0.5,
        }));
        var wang = new ScorecardCards.Draft(Manager("wang-lei", "Wang Lei 王磊", east1), east1, rules.Score(new Dictionary<string, double> { ["logs.on-time"] = 0.4 }));
        var sun = new ScorecardCards.Draft(Manager("sun-hao", "Sun Hao 孙浩", east2), east2, rules.Score(new Dictionary<string, double>()));
        var november = RecordPeriod.Holding(RecordPeriodKind.Monthly, new DateOnly(2026, 11, 1));
        var quarter = RecordPeriod.Holding(RecordPeriodKind.Quarterly, new DateOnly(2026, 10, 1));
        var published = Published(rules, november, chen.Manager, "liu-yang");
        var previous = Published(rules, RecordPeriod.Holding(RecordPeriodKind.Monthly, new DateOnly(2026, 10, 1)), chen.Manager, "liu-yang");
        previous.Dimensions.ForEach(d => d.Scored -= 1);
        var names = new Dictionary<string, string> { ["li-na"] = "Li Na 李娜", ["liu-yang"] = "Liu Yang 刘洋" };
        var today = new DateOnly(2026, 12, 3);
        var objected = Published(rules, november, chen.Manager, "liu-yang");
        objected.State = ScorecardState.Objected;
        objected.ObjectedAt = new DateTimeOffset(2026, 12, 4, 2, 0, 0, TimeSpan.Zero);
        objected.ObjectionReason = "十一月有两次拜访写在日志里，但没有计入拜访达成率。";
        var amended = Published(rules, november, chen.Manager, "liu-yang");
        (amended.State, amended.ObjectedAt, amended.ObjectionReason) = (ScorecardState.Amended, objected.ObjectedAt, objected.ObjectionReason);
        (amended.DecidedById, amended.DecidedAt, amended.DecisionReason) = ("liu-yang", objected.ObjectedAt.Value.AddDays(1), "补计两次拜访，客户管理加2分。");
        amended.Dimensions[2].AmendedPoints = amended.Dimensions[2].Published + 2;
        foreach (var language in Enum.GetValues<Language>())
        {
            var tag = language.Tag();
            var volume = rules.Dimensions[0].Indicators![0];
            var volumeLabel = Texts.Scorecards.ScoreLabel.Format(language, volume.Name(language), "8");
            var draftErrors = new ScorecardCards.DraftInputs(
                new() { ["score.volume"] = "9", ["adjust.economic-results"] = "5" },
                new()
                {
                    ["score.volume"] = Texts.Input.Number.Format(language, volumeLabel, "0", "8"),
                    ["scoreReason.volume"] = Texts.Scorecards.ScoreReasonMissing.Format(language, volume.Name(language)),
                },
                Texts.Scorecards.Unscored.Format(language, string.Join(Texts.Scorecards.ListSeparator.In(language), rules.Dimensions[0].Indicators![1].Name(language), rules.Dimensions[1].Indicators![0].Name(language))));
            var amendLabel = Texts.Scorecards.AmendLabel.Format(language, rules.Dimensions[2].Name(language), "0", "7");
            ScorecardCards.PublishedView View(PublishedScorecard card, ScorecardCards.Viewer viewer, DateOnly on, (int, int)? rank = null) =>
                new(card, chen.Manager, east1, previous, names, on, viewer, rank);
            yield return ($"scorecard-publish.{tag}", ScorecardCards.Manager(chen, november, november.Last.AddDays(1), language, new([], [], null)));
            yield return ($"scorecard-publish-errors.{tag}", ScorecardCards.Manager(chen, november, november.Last.AddDays(1), language, draftErrors));
            yield return ($"scorecard-drafts.{tag}", ScorecardCards.Teams([new(east1, [wang with { PublishedTotal = 78.5m }, chen])], november, november.Last.AddDays(1), language,
                Texts.Scorecards.DraftsReady.Format(language, november.Name(language), CardDates.Long(today, language))));
            yield return ($"scorecard-published-manager.{tag}", ScorecardCards.Published(View(published, ScorecardCards.Viewer.Manager, today, (2, 5)), language,
                notice: Texts.Scorecards.PublishedSummary.Format(language, november.Name(language))));
            yield return ($"scorecard-published-lead.{tag}", ScorecardCards.Published(View(published, ScorecardCards.Viewer.Lead, today), language,
                notice: Texts.Scorecards.PublishedNotice.Format(language, "Chen Jie 陈杰", CardDates.Long(published.RespondBy, language))));
            yield return ($"scorecard-published-closed.{tag}", ScorecardCards.Published(View(published, ScorecardCards.Viewer.Manager, new DateOnly(2026, 12, 9)), language));
            yield return ($"scorecard-objection.{tag}", ScorecardCards.Published(View(objected, ScorecardCards.Viewer.Decider, today), language));
            yield return ($"scorecard-objection-errors.{tag}", ScorecardCards.Published(View(objected, ScorecardCards.Viewer.Decider, today), language,
                new() { ["amend.customer-management"] = "24.5" }, new() { ["amend.customer-management"] = Texts.Input.Number.Format(language, amendLabel, "0", "7"),
                    ["decisionReason"] = Texts.Scorecards.DecisionReasonMissing.In(language) }, Texts.Scorecards.FixErrors.In(language)));
            yield return ($"scorecard-amended.{tag}", ScorecardCards.Published(View(amended, ScorecardCards.Viewer.Manager, today), language,
                notice: Texts.Scorecards.DecidedSummary.Format(language, "Chen Jie 陈杰", november.Name(language))));
            yield return ($"scorecard-manager.{tag}", ScorecardCards.Manager(chen, november, november.Last.AddDays(1), language));
            yield return ($"scorecard-manager-quarter.{tag}", ScorecardCards.Manager(wang, quarter, new DateOnly(2026, 12, 3), language));
            yield return ($"scorecard-team.{tag}", ScorecardCards.Teams([new(east1, [wang, chen])], november, november.Last.AddDays(1), language));
            yield return ($"scorecard-teams.{tag}", ScorecardCards.Teams([new(east1, [chen, wang]), new(east2, [sun])], quarter, new DateOnly(2026, 12, 3), language));
        }
    }

    /// <summary>A published scorecard of the draft's values: the lead scored the rest 1 point each with a reason and took 1 point off the economic results.</summary>
    private static PublishedScorecard Published(ScorecardRules rules, RecordPeriod period, Person manager, string decider)
    {
        var scored = rules.Score(new Dictionary<string, double> { ["logs.on-time"] = 0.905, ["logs.quality"] = 4, ["visits.coverage"] = 0.75, ["checks.met"] = 3 });
        var card = new PublishedScorecard
        {
            Id = Guid.NewGuid(), TenantId = "t", TeamId = "east-1", ManagerId = manager.Id, PeriodKey = period.Key, PublishedById = "li-na",
            PublishedAt = new DateTimeOffset(2026, 12, 3, 2, 0, 0, TimeSpan.Zero), RespondBy = new DateOnly(2026, 12, 8), DeciderId = decider,
        };
        var order = 0;
        foreach (var dimension in scored.Dimensions)
        {
            var points = 0m;
            foreach (var i in dimension.Indicators)
            {
                points += i.Points ?? 1;
                card.Indicators.Add(new PublishedIndicator
                {
                    DimensionId = dimension.Dimension.Id, IndicatorId = i.Indicator.Id, NameEn = i.Indicator.NameEn, NameZh = i.Indicator.NameZh, Source = i.Indicator.Source,
                    Order = order++, MaxPoints = i.Indicator.Points, Value = i.Value, Points = i.Points ?? 1, Reason = i.Measured ? null : "本月未导入销量数据，按实地检查评分。",
                });
            }

            var adjust = dimension.Dimension.Id == ScorecardDimensions.EconomicResults ? -1m : 0m;
            card.Dimensions.Add(new PublishedDimension
            {
                DimensionId = dimension.Dimension.Id, NameEn = dimension.Dimension.NameEn, NameZh = dimension.Dimension.NameZh, Order = order++, Weight = dimension.Dimension.Weight,
                MaxAdjustment = dimension.Dimension.MaxAdjustment, Scored = points, Adjustment = adjust, AdjustmentReason = adjust == 0 ? null : "Two shops lost to a competitor after a late delivery.",
            });
        }

        card.Total = card.Dimensions.Sum(d => d.Published);
        return card;
    }
}
