using DiligenceBot.BotFramework.Cards;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;
using DiligenceBot.Plans;

namespace DiligenceBot.Tests.Plans;

/// <summary>
/// The cards of a plan being carried out, in both languages, for <see cref="Help.CardSchemaTests"/> (schema and size)
/// and <see cref="Help.CardRenderingTests"/> (layout at 360 px and 800 px): the family execution.
/// </summary>
public static class PlanExecutionCardSchemaTests
{
    public static IEnumerable<(string Name, AdaptiveCard Card)> EveryCard()
    {
        var east1 = new Team { Id = "east-1", TenantId = "t", NameEn = "East District 1", NameZh = "华东一组", LeadId = "li-na", MeetingTime = new TimeOnly(8, 30) };
        var at = new DateTimeOffset(2026, 10, 14, 2, 0, 0, TimeSpan.Zero);
        var plan = new MarketingPlan
        {
            Id = Guid.Parse("6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d"), TenantId = "t", TeamId = "east-1", ManagerId = "wang-lei", Month = new DateOnly(2026, 10, 1),
            Status = PlanStatus.Approved, CurrentRevision = 1, OnTime = true, FirstSubmittedAt = at, LastSubmittedAt = at,
            Revisions =
            [
                new MarketingPlanRevision
                {
                    Number = 1, VolumeCases = 320, ValueYuan = 96000, Measures = "Display help for the two new shops on Nanjing Road\n为华美便利店等三家零售户做新品陈列指导\nWeekly call to the kiosks near the station",
                    SubmittedAt = at,
                },
            ],
            MeasuresDone = [new PlanMeasureDone { Number = 1, Text = "Display help for the two new shops on Nanjing Road", Note = "Both shops have the new shelves; photos in the log of 12 October.", DoneAt = at }],
        };
        DiligenceBot.Customers.Customer Customer(long id, string licence, string name) => new()
        {
            Id = id, TenantId = "t", LicenceNumber = licence, Name = name, Address = "Nanjing Road 1", District = "Huangpu", Tier = "A", ManagerId = "wang-lei", VisitsPerMonth = 4,
        };
        var lines = new List<CustomerExecution>
        {
            new(Customer(1, "110105100123", "华美便利店"), 4, 4, 3, 3),
            new(Customer(2, "L-1002", "Xinhua Kiosk on the corner of Nanjing Road and Henan Road"), 2, 2, 2, 2),
            new(Customer(3, "110105100456", "东方便利"), 3, 3, 0, 0),
        };
        var month = new PlanExecution(plan, new DateOnly(2026, 11, 1), lines, 298.5m);
        var soFar = new PlanExecution(plan, new DateOnly(2026, 10, 14), lines, null);
        var wang = new Person { Id = "wang-lei", TenantId = "t", AadObjectId = "y", DisplayName = "Wang Lei 王磊", TeamId = "east-1" };
        var chen = new Person { Id = "chen-jie", TenantId = "t", AadObjectId = "z", DisplayName = "Chen Jie 陈杰", TeamId = "east-1" };
        var zhao = new Person { Id = "zhao-min", TenantId = "t", AadObjectId = "w", DisplayName = "Zhao Min 赵敏", TeamId = "east-2" };
        var east2 = new Team { Id = "east-2", TenantId = "t", NameEn = "East District 2", NameZh = "华东二组" };
        var errors = new Dictionary<string, string> { [PlanExecutionCards.NoteInput(2)] = "Note may be at most 200 characters; it has 230." };
        foreach (var language in Enum.GetValues<Language>())
        {
            var tag = language.Tag();
            yield return ($"execution-measures.{tag}", PlanExecutionCards.Measures(new(plan, east1, [], [], new PlanCards.CardNotice(Texts.Plans.MeasureMarked.In(language), Warning: false)), language));
            yield return ($"execution-report.{tag}", PlanExecutionCards.Report(month, "Wang Lei 王磊", east1, language));
            yield return ($"execution-report-so-far.{tag}", PlanExecutionCards.Report(soFar, "Wang Lei 王磊", east1, language));
            yield return ($"execution-team.{tag}", PlanExecutionCards.TeamReports([new(east1, [new(wang, month), new(chen, null)])], new DateOnly(2026, 10, 1), language));
            yield return ($"execution-teams.{tag}", PlanExecutionCards.TeamReports(
                [new(east1, [new(wang, month), new(chen, null)]), new(east2, [new(zhao, soFar)])], new DateOnly(2026, 10, 1), language));
            yield return ($"execution-measures-errors.{tag}", PlanExecutionCards.Measures(new(plan, east1, new() { [PlanExecutionCards.NoteInput(2)] = new string('x', 230) }, errors, new PlanCards.CardNotice(Texts.WorkLogs.FixErrors.In(language))), language));
        }
    }
}
