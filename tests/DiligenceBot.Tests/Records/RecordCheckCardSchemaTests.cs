using DiligenceBot.BotFramework.Cards;
using DiligenceBot.Localization;
using DiligenceBot.Meetings;
using DiligenceBot.Organisation;
using DiligenceBot.Plans;
using DiligenceBot.Records;
using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.WorkLogs;

namespace DiligenceBot.Tests.Records;

/// <summary>
/// The record check cards in both languages, for <see cref="Help.CardSchemaTests"/> (schema and size) and
/// <see cref="Help.CardRenderingTests"/> (layout at 360 px and 800 px): the family checks.
/// </summary>
public static class RecordCheckCardSchemaTests
{
    public static IEnumerable<(string Name, AdaptiveCard Card)> EveryCard()
    {
        var kinds = RecordKinds.Load(Path.Combine(RepoTools.RepoRoot, "seeds", "record-kinds.json"));
        var east1 = new Team { Id = "east-1", TenantId = "t", NameEn = "East District 1", NameZh = "华东一组" };
        var east2 = new Team { Id = "east-2", TenantId = "t", NameEn = "East District 2", NameZh = "华东二组" };
        var month = new DateOnly(2026, 11, 1);
        Person Manager(string id, string name, Team team) => new() { Id = id, TenantId = "t", AadObjectId = id, DisplayName = name, TeamId = team.Id };
        var summary = kinds.Find("monthly-summary")!;
        var october = RecordPeriod.Holding(RecordPeriodKind.Monthly, new DateOnly(2026, 10, 1));
        var chen = new ManagerChecks(
            Manager("chen-jie", "Chen Jie 陈杰", east1), east1, month, month.AddMonths(1),
            new CompleteCheck(new Share(19, 21), 17, true, new Share(1, 2), new Share(0, 1)),
            new CorrectCheck(new Share(20, 23), 1, 0, 1, 2),
            new ClassifiedCheck(new Share(2, 3), new Share(18, 19)),
            new KeptCheck(new Share(1, 3), new Share(2, 3)),
            [new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 20)],
            [
                new CheckedLog(Guid.NewGuid(), new DateOnly(2026, 11, 10), WorkLogStatus.Approved, true, 0, false),
                new CheckedLog(Guid.NewGuid(), new DateOnly(2026, 11, 11), WorkLogStatus.Approved, true, 1, true),
            ],
            new CheckedPlan(Guid.NewGuid(), PlanStatus.Approved, 0),
            [new CheckedMeeting(Guid.NewGuid(), new DateOnly(2026, 11, 19), MeetingKind.Daily, false, "病假，已提前向组长请假并安排同事代为拜访两家零售户")],
            [new DueRecord(summary, october, new DateOnly(2026, 11, 4), null)],
            [
                new CheckedRecord(Guid.NewGuid(), "marketing-case", string.Empty, "东方便利陈列案例：新品上柜后一周销量对比与顾客反馈", RecordStatus.Returned, 1, true, 1, []),
                new CheckedRecord(Guid.NewGuid(), "special-report", string.Empty, "New product feedback from the kiosks near the station", RecordStatus.Submitted, 0, false, 1,
                    ["feedback-photos-november-2026.pdf"]),
            ]);
        var wang = new ManagerChecks(
            Manager("wang-lei", "Wang Lei 王磊", east1), east1, month, month.AddMonths(1),
            new CompleteCheck(new Share(1, 21), 1, false, new Share(2, 2), new Share(0, 1)),
            new CorrectCheck(new Share(1, 1), 0, 0, 0, 0),
            new ClassifiedCheck(new Share(0, 0), new Share(1, 1)),
            new KeptCheck(new Share(0, 0), new Share(0, 0)),
            [], [], null, [], [], []);
        var zhao = wang with { Manager = Manager("zhao-min", "Zhao Min 赵敏", east2), Team = east2, Until = new DateOnly(2026, 11, 18) };
        foreach (var language in Enum.GetValues<Language>())
        {
            var tag = language.Tag();
            yield return ($"checks-team.{tag}", RecordCheckCards.Teams([new(east1, [wang, chen])], month, month.AddMonths(1), language));
            yield return ($"checks-teams.{tag}", RecordCheckCards.Teams([new(east1, [wang, chen]), new(east2, [zhao]), new(new Team { Id = "east-3", TenantId = "t", NameEn = "East District 3", NameZh = "华东三组" }, [])],
                month, new DateOnly(2026, 11, 18), language));
            yield return ($"checks-manager.{tag}", RecordCheckCards.Manager(chen, language));
            yield return ($"checks-manager-quiet.{tag}", RecordCheckCards.Manager(zhao, language));
            foreach (var kind in RecordCheckCards.Kinds)
            {
                yield return ($"checks-behind-{RecordCheckCards.Key(kind)}.{tag}", RecordCheckCards.Behind(chen, kind, kinds, language));
            }

            yield return ($"checks-behind-nothing.{tag}", RecordCheckCards.Behind(wang, RecordCheckKind.Kept, kinds, language));
        }
    }
}
