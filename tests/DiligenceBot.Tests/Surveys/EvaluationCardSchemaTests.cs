using DiligenceBot.Assessment;
using DiligenceBot.BotFramework.Cards;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;
using DiligenceBot.Surveys;

namespace DiligenceBot.Tests.Surveys;

/// <summary>
/// The leads' per-customer evaluations card for the card gallery (validated at schema 1.5 and drawn at 360 and 800 px):
/// a month with surveyed and imported evaluations (long names and comments), and a month with none.
/// </summary>
public static class EvaluationCardSchemaTests
{
    public static IEnumerable<(string Name, AdaptiveCard Card)> EveryCard()
    {
        var east1 = new Team { Id = "east-1", TenantId = "t", NameEn = "East District 1", NameZh = "华东一组" };
        var chen = new Person { Id = "chen-jie", TenantId = "t", AadObjectId = "chen-jie", DisplayName = "Chen Jie 陈杰", Team = east1, TeamId = east1.Id };
        var november = new DateOnly(2026, 11, 1);
        var month = new EvaluationDesk.Month(chen, november,
        [
            new("东方便利", "110105100123", EvaluationSource.Survey, [5, 4, 4, 4, 5], "每周二都来，很守时；希望雨天也能按时送货。"),
            new("西城烟酒店（南京路旗舰店）", "110105100456", EvaluationSource.Import, [3, 5, 3, 4, 5], null),
            new("北站商店", "110105100789", EvaluationSource.Survey, [2, 3, 2, 2, 4], "Came twice in the month; the new price list was not explained."),
        ]);
        foreach (var language in Enum.GetValues<Language>())
        {
            var tag = language.Tag();
            yield return ($"evaluations-month.{tag}", EvaluationDesk.Card(month, language));
            yield return ($"evaluations-none.{tag}", EvaluationDesk.Card(month with { Rows = [] }, language));
        }
    }
}
