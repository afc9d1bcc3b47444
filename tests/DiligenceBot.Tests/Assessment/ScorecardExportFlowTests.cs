using System.Globalization;
using System.Text.Json.Nodes;
using DiligenceBot.Assessment;
using DiligenceBot.Files;
using DiligenceBot.Testing;
using DiligenceBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DiligenceBot.Tests.WorkLogs.WorkLogDriver;

namespace DiligenceBot.Tests.Assessment;

/// <summary>
/// The scorecards exported to XLSX through /api/messages, on the drafts' organisation and clock: the team card's Export
/// button and "scorecard export" / "考核 导出" offer the file with a file consent card; accepted, the file uploaded to the
/// user's OneDrive (the local stand-in) holds one row per manager with the card's figures, headers in the user's language.
/// </summary>
public sealed partial class ScorecardFlowTests
{
    /// <summary>The consent card the bot sent in the chat since the connector was last cleared.</summary>
    private JsonNode Consent() => FileConsents.Sent(_connector);

    private Task<List<List<string>>> AcceptAsync(LocalOneDrive drive, TeamsUser user, JsonNode consent, string locale) =>
        FileConsents.AcceptAsync(_bot, _connector, drive, user, consent, locale);

    private static string Number(decimal points) => points.ToString("0.##", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Lead_ExportsTheTeamCard_FromItsButton_OneRowPerManager_WithTheCardsFigures_AndThePublishedAdjustments()
    {
        await PublishAsync(change: d =>
        {
            d["adjust.economic-results"] = "-1";
            d["adjustReason.economic-results"] = "Two shops lost to a competitor";
        });
        var stored = await StoredAsync();
        var team = await CardReplyAsync(TeamsUser.LiNa, "scorecard 2026-11");
        var export = Action(team, ScorecardCards.ExportVerb)!;
        Assert.Equal("Export (XLSX)", export["title"]!.GetValue<string>());
        _connector.Clear();

        var (card, answer) = await _t.ExecuteAsync(TeamsUser.LiNa, ScorecardCards.ExportVerb, export["data"]!.AsObject().DeepClone().AsObject());

        Assert.Null(card);
        Assert.Contains("Scorecards of East District 1, November", answer.ToJsonString(), StringComparison.Ordinal);
        var consent = Consent();
        Assert.Equal("Scorecards_East District 1_2026-11.xlsx", consent["name"]!.GetValue<string>());
        await using var drive = await LocalOneDrive.StartAsync();
        var rows = await AcceptAsync(drive, TeamsUser.LiNa, consent, "en-US");

        Assert.Equal(
            ["Account manager", "Team", "Period", "State", "Total", "Economic results", "Sales-forecast accuracy", "Customer management", "Marketing service",
                "Process and system execution", "Basic records management", "Indicators not measured", "Adjustments and reasons"],
            rows[0]);
        // The team card's rows (Chen Jie published, Wang Lei a draft): one row each, the same figures.
        Assert.Equal(3, rows.Count);
        var chen = rows.Single(r => r[0] == "Chen Jie 陈杰");
        Assert.Equal(["East District 1", "November 2026", "published", Number(stored.Total)], chen[1..5]);
        Assert.Equal(stored.Dimensions.OrderBy(d => d.Order).Select(d => Number(d.Points)), chen[5..11]);
        Assert.Equal("Economic results -1: Two shops lost to a competitor", chen[12]);
        var wang = rows.Single(r => r[0] == "Wang Lei 王磊");
        Assert.Equal(["East District 1", "November 2026", "draft"], wang[1..4]);
        Assert.StartsWith(wang[4] + " points from ", Text(team, "total.wang-lei"), StringComparison.Ordinal);
        Assert.Equal(wang[4], Number(wang[5..11].Sum(decimal.Parse)));
        Assert.Equal(string.Empty, wang[12]);
        await using var db = _bot.CreateDbContext();
        Assert.Empty(await db.Set<FileOffer>().ToListAsync());
    }

    [Fact]
    public async Task Lead_TypesTheExportInChinese_TheFileNamedByTeamAndPeriod_HeadersInChinese()
    {
        _connector.Clear();
        var typed = Activities.Message(_connector.ServiceUrl, TeamsUser.LiNa, "考核 导出 2026-11", "zh-CN");
        using (var response = await _bot.PostActivityAsync(typed))
        {
            Assert.Equal(200, (int)response.StatusCode);
        }

        // Two replies: the consent card, then what it is.
        var replies = Chats.RepliesTo(typed["id"]!.GetValue<string>());
        Assert.Equal(2, replies.Count);
        Assert.Equal("华东一组2026年11月考核，每位客户经理一行。", Chats.TextOf(replies[1]));
        var consent = Consent();
        Assert.Equal("考核_华东一组_2026年11月.xlsx", consent["name"]!.GetValue<string>());
        await using var drive = await LocalOneDrive.StartAsync();
        var rows = await AcceptAsync(drive, TeamsUser.LiNa, consent, "zh-CN");

        Assert.Equal(["客户经理", "团队", "考核期", "状态", "总分"], rows[0][..5]);
        Assert.Equal(["未计量指标数", "调整及理由"], rows[0][^2..]);
        Assert.All(rows.Skip(1), r => Assert.Equal(["华东一组", "2026年11月", "草稿"], r[1..4]));
        Assert.Equal(["Chen Jie 陈杰", "Wang Lei 王磊"], rows.Skip(1).Select(r => r[0]).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("chen-jie", "考核导出", "zh-CN", "考核由组长、组长的上级和管理员导出；查看本人考核请输入“我的考核”。")]
    [InlineData("li-na", "scorecard export 2026-13", "en-US", "Write the month as YYYY-MM or the quarter as YYYY-Qn, e.g. scorecard export 2026-11 or scorecard export 2026-Q4.")]
    [InlineData("li-na", "scorecard export November", "en-US", "Write the month as YYYY-MM or the quarter as YYYY-Qn, e.g. scorecard export 2026-11 or scorecard export 2026-Q4.")]
    [InlineData("li-na", "考核 导出 2026年11月", "zh-CN", "请按YYYY-MM填写月份或按YYYY-Qn填写季度，例如“考核导出 2026-11”或“考核导出 2026-Q4”。")]
    public async Task WhoMayExport_AndBadPeriods_GetAClearAnswer_AndNoFile(string who, string text, string locale, string answer)
    {
        var user = who == "chen-jie" ? TeamsUser.ChenJie : TeamsUser.LiNa;
        _connector.Clear();

        Assert.Equal(answer, await TextReplyAsync(user, text, locale));
        Assert.DoesNotContain(_connector.SentActivities, r => r.Body?.ToJsonString().Contains(FileConsents.ConsentType, StringComparison.Ordinal) == true);
        await using var db = _bot.CreateDbContext();
        Assert.Empty(await db.Set<FileOffer>().ToListAsync());
    }

    [Fact]
    public async Task AnotherLeadsTeam_IsRefused_NamingTheTeam()
    {
        _connector.Clear();

        var (_, answer) = await _t.ExecuteAsync(TeamsUser.WangLei, ScorecardCards.ExportVerb,
            new JsonObject { ["verb"] = ScorecardCards.ExportVerb, ["period"] = "2026-11", ["teamId"] = "east-1" });

        Assert.Contains("East District 1 is not a team you lead or oversee; only its lead chain and admins export its scorecards.", answer.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(_connector.SentActivities, r => r.Body?.ToJsonString().Contains(FileConsents.ConsentType, StringComparison.Ordinal) == true);
        await using var db = _bot.CreateDbContext();
        Assert.Empty(await db.Set<FileOffer>().ToListAsync());
    }
}
