using System.Net;
using System.Text.Json.Nodes;
using DiligenceBot.Assessment;
using DiligenceBot.Files;
using DiligenceBot.Localization;
using DiligenceBot.Surveys;
using DiligenceBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DiligenceBot.Tests.WorkLogs.WorkLogDriver;

namespace DiligenceBot.Tests.Surveys;

/// <summary>
/// The leads' view of the evaluations per customer (card and XLSX) after one customer answered the survey and one was
/// imported; and a manager, through every path the survey adds, reaching no per-customer answer.
/// </summary>
public sealed partial class SurveyFlowTests
{
    /// <summary>東方便利 answers the survey for November; 西城烟酒's November evaluation is imported.</summary>
    private async Task OneSurveyedOneImportedAsync()
    {
        var links = await IssueAsync("survey Chen Jie 2026-11");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(PathOf(links["东方便利"]), Answers(comment: "每周二都来，很守时。"))).Status);
        await using var db = _bot.CreateDbContext();
        var other = await db.Customers.SingleAsync(c => c.LicenceNumber == "L-2002");
        db.Add(new CustomerEvaluation
        {
            TenantId = Activities.TenantId, CustomerId = other.Id, ManagerId = "chen-jie", Month = new DateOnly(2026, 11, 1), ImportedById = "li-na",
            ImportedAt = _time.GetUtcNow(), VisitRegularity = 3, ServiceAttitude = 5, PolicyExplanation = 3, ProblemSolving = 4, FairnessIntegrity = 5,
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Lead_SeesEachCustomersAnswers_WithSourceAndAverages_AndExportsThem()
    {
        await OneSurveyedOneImportedAsync();

        var card = CardOf(Assert.Single(await SayAsync(TeamsUser.LiNa, "evaluations Chen Jie 2026-11")));

        Assert.Equal("Chen Jie 陈杰 · customers' evaluations · " + CardDates.Month(new DateOnly(2026, 11, 1), Language.EnUs), Text(card, "title"));
        Assert.Equal(CardDates.KeepCounts("2 customers evaluated: 1 by survey, 1 imported. Averages of the five items:"), Text(card, "count"));
        Assert.Equal(
            ["Visit regularity|4.0", "Service attitude|4.5", "Policy explanation|3.5", "Problem solving|4.0", "Fairness and integrity|5.0"],
            ById(card, "averages")!["facts"]!.AsArray().Select(f => f!["title"]!.GetValue<string>() + "|" + f["value"]!.GetValue<string>()));
        Assert.Equal(CardDates.KeepCounts("Visit regularity 5 · Service attitude 4 · Policy explanation 4 · Problem solving 4 · Fairness and integrity 5"), Text(card, "scores.L-2001"));
        Assert.Equal("Answered on the survey page", Text(card, "source.L-2001"));
        Assert.Equal("Comment: 每周二都来，很守时。", Text(card, "comment.L-2001"));
        Assert.Equal("Imported", Text(card, "source.L-2002"));
        Assert.Null(ById(card, "comment.L-2002"));

        _connector.Clear();
        var export = Action(card, EvaluationDesk.ExportVerb)!;
        var (_, answer) = await _t.ExecuteAsync(TeamsUser.LiNa, EvaluationDesk.ExportVerb, export["data"]!.AsObject().DeepClone().AsObject());
        Assert.Equal("2 customers' evaluations of Chen Jie 陈杰, November 2026, one row per customer.", MessageOf(answer));
        var consent = Assert.Single(_connector.SentActivities.SelectMany(r => r.Body?["attachments"]?.AsArray() ?? []), a => a!["contentType"]!.GetValue<string>() == ConsentType)!;
        Assert.Equal("Customer evaluations_Chen Jie 陈杰_2026-11.xlsx", consent["name"]!.GetValue<string>());
        var rows = Rows(await AcceptAsync(TeamsUser.LiNa, consent));
        Assert.Equal(["Customer", "Licence number", "Source", "Visit regularity", "Service attitude", "Policy explanation", "Problem solving", "Fairness and integrity", "Comment"], rows[0]);
        Assert.Equal(["东方便利", "L-2001", "Answered on the survey page", "5", "4", "4", "4", "5", "每周二都来，很守时。"], rows[1]);
        Assert.Equal(["西城烟酒", "L-2002", "Imported", "3", "5", "3", "4", "5", ""], rows[2]);

        // In Chinese, typed.
        var zh = CardOf(Assert.Single(await SayAsync(TeamsUser.LiNa, "评价结果 陈杰 2026-11", "zh-CN")));
        Assert.Equal("问卷答复", Text(zh, "source.L-2001"));
        Assert.Equal(CardDates.KeepCounts("拜访规律性5分，服务态度4分，政策宣传解释4分，解决问题4分，公平诚信5分"), Text(zh, "scores.L-2001"));
    }

    [Theory]
    [InlineData("evaluations Chen Jie 2026-11")]
    [InlineData("evaluations")]
    [InlineData("evaluations export Chen Jie 2026-11")]
    [InlineData("survey Chen Jie 2026-11")]
    public async Task AManager_ReachesNoPerCustomerAnswer_ThroughAnyVerb(string text)
    {
        await OneSurveyedOneImportedAsync();
        await using var db = _bot.CreateDbContext();
        var offers = await db.Set<FileOffer>().CountAsync();

        var reply = Assert.Single(await SayAsync(TeamsUser.ChenJie, text));

        var json = reply.Body!.ToJsonString();
        Assert.DoesNotContain("东方便利", json, StringComparison.Ordinal);
        Assert.DoesNotContain("每周二", json, StringComparison.Ordinal);
        Assert.DoesNotContain("L-2001", json, StringComparison.Ordinal);
        Assert.Equal(offers, await db.Set<FileOffer>().CountAsync());
        Assert.Equal(2, await db.Set<SurveyLink>().CountAsync());
    }

    [Fact]
    public async Task AManager_PressingALeadsExportButton_IsRefused_AndGetsNoFile()
    {
        await OneSurveyedOneImportedAsync();
        _connector.Clear();

        var (card, answer) = await _t.ExecuteAsync(TeamsUser.ChenJie, EvaluationDesk.ExportVerb,
            new JsonObject { ["verb"] = EvaluationDesk.ExportVerb, ["managerId"] = "chen-jie", ["month"] = "2026-11" });

        Assert.Null(card);
        Assert.Equal(Texts.Surveys.EvaluationsForLeads.In(Language.EnUs), MessageOf(answer));
        Assert.DoesNotContain(_connector.SentActivities, r => r.Body?.ToJsonString().Contains(ConsentType, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task AnImport_DoesNotOverwriteASurveyAnswer_TheRowIsRefused()
    {
        var links = await IssueAsync("survey Chen Jie 2026-11");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(PathOf(links["东方便利"]), Answers())).Status);
        var csv = System.Text.Encoding.UTF8.GetBytes(
            "Licence number,Account manager,Month,Visit regularity (1-5),Service attitude (1-5),Policy explanation (1-5),Problem solving (1-5),Fairness and integrity (1-5),Comment\r\n"
            + "L-2001,chen-jie,2026-11,1,1,1,1,1,\r\n");
        var activity = Activities.FileMessage(_connector.ServiceUrl, TeamsUser.LiNa, "evaluations.csv", "csv", _drive.Share(csv));
        _connector.Clear();
        using (var response = await _bot.PostActivityAsync(activity))
        {
            Assert.True(response.IsSuccessStatusCode);
        }

        var replies = _t.Chats.RepliesTo(activity["id"]!.GetValue<string>());
        Assert.Contains(replies, r => r.Body!.ToJsonString().Contains("Customer L-2001 already answered the survey for", StringComparison.Ordinal));
        await using var db = _bot.CreateDbContext();
        var stored = await db.Set<CustomerEvaluation>().SingleAsync();
        Assert.Equal((EvaluationSource.Survey, 5), (stored.Source, stored.VisitRegularity));
    }
}
