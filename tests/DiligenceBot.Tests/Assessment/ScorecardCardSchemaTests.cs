using DiligenceBot.Assessment;
using DiligenceBot.BotFramework.Cards;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;
using DiligenceBot.Records;
using DiligenceBot.Tests.Infrastructure;

namespace DiligenceBot.Tests.Assessment;

/// <summary>The draft scorecard cards for the card gallery (validated at schema 1.5 and drawn at 360 and 800 px).</summary>
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
        foreach (var language in Enum.GetValues<Language>())
        {
            var tag = language.Tag();
            yield return ($"scorecard-manager.{tag}", ScorecardCards.Manager(chen, november, november.Last.AddDays(1), language));
            yield return ($"scorecard-manager-quarter.{tag}", ScorecardCards.Manager(wang, quarter, new DateOnly(2026, 12, 3), language));
            yield return ($"scorecard-team.{tag}", ScorecardCards.Teams([new(east1, [wang, chen])], november, november.Last.AddDays(1), language));
            yield return ($"scorecard-teams.{tag}", ScorecardCards.Teams([new(east1, [chen, wang]), new(east2, [sun])], quarter, new DateOnly(2026, 12, 3), language));
        }
    }
}
