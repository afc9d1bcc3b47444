using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.Testing;
using DiligenceBot.WorkLogs;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace DiligenceBot.Tests.Customers;

/// <summary>
/// The customer register through /api/messages: files sent in the 1:1 chat (Teams' file download info, served by a
/// local OneDrive), all-or-nothing imports with the error card and the XLSX report uploaded after the user's consent,
/// re-imports that move customers between managers, who may import, and the customer list with this month's visits.
/// </summary>
public sealed class CustomerImportTests : IAsyncLifetime
{
    private static readonly TeamsUser LiuYang = new("29:1-liu-yang", "Liu Yang 刘洋", "944cedb3-3940-469a-a27e-ff773a2307f2");
    private static readonly string[] ZhHeader = ["许可证号", "客户名称", "地址", "区域", "档位", "客户经理（邮箱）", "每月拜访次数"];
    private static readonly string[] EnHeader = ["Licence number", "Customer name", "Address", "District", "Tier", "Account manager", "Visits per month"];
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private LocalConnector _connector = null!;
    private LocalOneDrive _drive = null!;
    private BotApp _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await LocalConnector.StartAsync();
        _drive = await LocalOneDrive.StartAsync();
        _bot = new BotApp().Start();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _drive.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private static byte[] Xlsx(string[] header, params object?[][] rows)
    {
        var table = rows.Select(r => header.Select((h, i) => (h, v: r[i])).ToDictionary(x => x.h, x => x.v)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(table, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    /// <summary>Sends a file in the personal chat the way Teams does; returns what the bot sent back.</summary>
    private async Task<IReadOnlyList<ConnectorRequest>> SendFileAsync(TeamsUser user, string name, string fileType, byte[] content, string locale = "en-US")
    {
        _connector.Clear();
        var activity = Activities.Message(_connector.ServiceUrl, user, string.Empty, locale);
        activity.Remove("text");
        activity["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = "application/vnd.microsoft.teams.file.download.info",
            ["contentUrl"] = "https://contoso.sharepoint.com/personal/user/Documents/" + name,
            ["name"] = name,
            ["content"] = new JsonObject { ["downloadUrl"] = _drive.Share(content), ["uniqueId"] = Guid.NewGuid().ToString(), ["fileType"] = fileType },
        });
        var response = await _bot.PostActivityAsync(activity);
        Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}");
        return _connector.SentActivities;
    }

    private async Task<string> SayAsync(TeamsUser user, string text, string locale = "en-US")
    {
        _connector.Clear();
        await _bot.PostActivityAsync(Activities.Message(_connector.ServiceUrl, user, text, locale));
        return Assert.Single(_connector.SentActivities).Body!.ToJsonString(Readable);
    }

    private static JsonNode? AttachmentOf(ConnectorRequest sent, string contentType) =>
        sent.Body!["attachments"]?.AsArray().FirstOrDefault(a => a!["contentType"]!.GetValue<string>() == contentType);

    private static string TextOf(ConnectorRequest sent) => sent.Body!["text"]!.GetValue<string>();

    [Fact]
    public async Task Admin_ImportsXlsx_ThenReimportMovesACustomer_AndTheMoveIsRecorded()
    {
        var first = await SendFileAsync(LiuYang, "客户.xlsx", "xlsx", Xlsx(ZhHeader,
            [110105100123L, "华美便利店", "朝阳区建国路88号", "朝阳区", "A", "chen.jie@diligence.example", 4],
            ["110105100456", "福来超市", "海淀区中关村大街1号", "海淀区", "B", "ZHAO.MIN@diligence.example", "2"]), "zh-CN");

        Assert.Equal("已从“客户.xlsx”导入2家客户：新增2家，更新0家，0家更换了客户经理。", TextOf(Assert.Single(first)));
        Assert.All(_drive.Authorizations, a => Assert.Null(a));
        await using (var db = _bot.CreateDbContext())
        {
            var huamei = await db.Customers.SingleAsync(c => c.LicenceNumber == "110105100123");
            Assert.Equal(("华美便利店", "朝阳区建国路88号", "朝阳区", "A", "chen-jie", 4), (huamei.Name, huamei.Address, huamei.District, huamei.Tier, huamei.ManagerId, huamei.VisitsPerMonth));
            Assert.Equal(Activities.TenantId, huamei.TenantId);
            Assert.Equal("zhao-min", (await db.Customers.SingleAsync(c => c.LicenceNumber == "110105100456")).ManagerId);
            Assert.Empty(await db.CustomerManagerChanges.ToListAsync());
        }

        var second = await SendFileAsync(LiuYang, "customers.csv", "csv", Csv(
            string.Join(",", EnHeader),
            "110105100123,Huamei Store,\"88 Jianguo Road, Chaoyang\",Chaoyang,A,wang.lei@diligence.example,6"));

        Assert.Equal("Imported 1 customers from “customers.csv”: 0 new, 1 updated, 1 moved to another manager.", TextOf(Assert.Single(second)));
        await using (var db = _bot.CreateDbContext())
        {
            var huamei = await db.Customers.SingleAsync(c => c.LicenceNumber == "110105100123");
            Assert.Equal(("Huamei Store", "88 Jianguo Road, Chaoyang", "wang-lei", 6), (huamei.Name, huamei.Address, huamei.ManagerId, huamei.VisitsPerMonth));
            var move = Assert.Single(await db.CustomerManagerChanges.ToListAsync());
            Assert.Equal((huamei.Id, "chen-jie", "wang-lei", "liu-yang"), (move.CustomerId, move.FromManagerId, move.ToManagerId, move.ByPersonId));
            Assert.Equal(2, await db.Customers.CountAsync());
        }
    }

    [Fact]
    public async Task Lead_FileWithBadRows_StoresNothing_ListsEveryProblem_AndTheXlsxReportArrivesAfterConsent()
    {
        var sent = await SendFileAsync(TeamsUser.LiNa, "客户.xlsx", "xlsx", Xlsx(ZhHeader,
            ["110105100123", "华美便利店", "朝阳区建国路88号", "朝阳区", "A", "chen.jie@diligence.example", 4],
            ["110105100123", "华美二店", "朝阳区建国路90号", "朝阳区", "A", "wang.lei@diligence.example", 2],
            ["110105100789", "远方商店", "丰台区1号", "丰台区", "C", "zhao.min@diligence.example", 2],
            ["110105100790", "", "丰台区2号", "丰台区", "C", "nobody@diligence.example", "三"]), "zh-CN");

        await using (var db = _bot.CreateDbContext())
        {
            Assert.Empty(await db.Customers.ToListAsync());
        }

        Assert.Equal(2, sent.Count);
        var consent = AttachmentOf(sent[0], "application/vnd.microsoft.teams.card.file.consent")!;
        Assert.Equal("客户导入问题.xlsx", consent["name"]!.GetValue<string>());
        var card = AttachmentOf(sent[1], "application/vnd.microsoft.card.adaptive")!["content"]!;
        var json = card.ToJsonString(Readable);
        Assert.Contains("未导入任何数据", json, StringComparison.Ordinal);
        Assert.Contains("“客户.xlsx”中有3行共5处问题", json, StringComparison.Ordinal);
        string[] expected =
        [
            "第3行·许可证号|许可证号110105100123与第2行重复。",
            "第4行·客户经理（邮箱）|zhao.min@diligence.example不是您所带团队的客户经理。",
            "第5行·客户名称|请填写“客户名称”。",
            "第5行·客户经理（邮箱）|通讯录中没有客户经理“nobody@diligence.example”（请填写客户经理的邮箱）。",
            "第5行·每月拜访次数|每月拜访次数必须是0到31之间的整数。",
        ];
        var shown = card["body"]!.AsArray()
            .Where(e => e!["id"]?.GetValue<string>().StartsWith("problem-", StringComparison.Ordinal) == true)
            .Select(e => string.Join("|", e!["items"]!.AsArray().Select(t => t!["text"]!.GetValue<string>())))
            .ToList();
        Assert.Equal(expected, shown);

        // The user accepts the consent card: Teams gives an upload URL, the bot uploads there and shows the file.
        _connector.Clear();
        var accept = Activities.Execute(_connector.ServiceUrl, TeamsUser.LiNa, "unused", locale: "zh-CN");
        accept["name"] = "fileConsent/invoke";
        accept["value"] = new JsonObject
        {
            ["type"] = "fileUpload",
            ["action"] = "accept",
            ["context"] = consent["content"]!["acceptContext"]!.DeepClone(),
            ["uploadInfo"] = new JsonObject
            {
                ["contentUrl"] = _drive.ContentUrlFor("客户导入问题.xlsx"),
                ["fileType"] = "xlsx",
                ["name"] = "客户导入问题.xlsx",
                ["uploadUrl"] = _drive.UploadUrlFor("客户导入问题.xlsx"),
                ["uniqueId"] = "1150D938-8870-4044-9F2C-5BBDEBA70C9D",
            },
        };
        var response = await _bot.PostActivityAsync(accept);
        Assert.Equal(200, (int)response.StatusCode);

        var uploaded = _drive.Uploaded("客户导入问题.xlsx")!;
        Assert.Equal($"bytes 0-{uploaded.Content.Length - 1}/{uploaded.Content.Length}", uploaded.ContentRange);
        using (var report = new MemoryStream(uploaded.Content))
        {
            var rows = report.Query(useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()
                .Select(r => string.Join("|", r.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))))
                .ToList();
            // The report keeps row, column and problem in their own columns.
            Assert.Equal(["行|列|问题", .. expected.Select(e => System.Text.RegularExpressions.Regex.Replace(e, @"^第(\d+)行·", "$1|"))], rows);
        }

        var info = AttachmentOf(Assert.Single(_connector.SentActivities), "application/vnd.microsoft.teams.card.file.info")!;
        Assert.Equal(_drive.ContentUrlFor("客户导入问题.xlsx"), info["contentUrl"]!.GetValue<string>());
        Assert.Equal("1150D938-8870-4044-9F2C-5BBDEBA70C9D", info["content"]!["uniqueId"]!.GetValue<string>());
        await using (var db = _bot.CreateDbContext())
        {
            Assert.Empty(await db.FileOffers.ToListAsync());
            Assert.Empty(await db.Customers.ToListAsync());
        }
    }

    [Theory]
    [InlineData("chen-jie", "customers.csv", "csv", "Only a lead or an administrator can import customers; nothing was imported.")]
    [InlineData("li-na", "customers.docx", "docx", "I can import customers from an XLSX or CSV file only (this one is “docx”); nothing was imported.")]
    [InlineData("li-na", "broken.xlsx", "xlsx", "I could not read the file “broken.xlsx” (it is damaged, not really XLSX, or not UTF-8 text); nothing was imported.")]
    public async Task RefusedFiles_StoreNothing_AndSayWhy(string who, string name, string type, string answer)
    {
        var user = who == "li-na" ? TeamsUser.LiNa : TeamsUser.ChenJie;
        var sent = await SendFileAsync(user, name, type, Csv("Licence number,Customer name", "1,x"));

        Assert.Equal(answer, TextOf(Assert.Single(sent)));
        await using var db = _bot.CreateDbContext();
        Assert.Empty(await db.Customers.ToListAsync());
    }

    [Fact]
    public async Task MissingColumns_AreNamed()
    {
        var sent = await SendFileAsync(TeamsUser.LiNa, "c.csv", "csv", Csv("Licence number,Customer name", "1,x"));

        Assert.Equal(
            "The first row must name the columns; missing: Address, District, Tier, Account manager (email), Visits per month. Type **customers template** for the template. Nothing was imported.",
            TextOf(Assert.Single(sent)));
    }

    [Fact]
    public async Task Customers_ShowsAManagerTheirOwn_ALeadTheTeams_WithVisitsFromThisMonthsLogs_AndSearches()
    {
        await SendFileAsync(LiuYang, "c.xlsx", "xlsx", Xlsx(EnHeader,
            ["A-1", "Huamei Store", "88 Jianguo Road", "Chaoyang", "A", "chen.jie@diligence.example", 2],
            ["A-2", "Fulai Market", "1 Zhongguancun", "Haidian", "B", "chen.jie@diligence.example", 1],
            ["B-1", "Far Shop", "1 Fengtai", "Fengtai", "C", "zhao.min@diligence.example", 3]));
        await using (var db = _bot.CreateDbContext())
        {
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
            db.WorkLogs.Add(new WorkLog
            {
                Id = Guid.NewGuid(), TenantId = Activities.TenantId, TeamId = "east-1", ManagerId = "chen-jie", WorkDate = today, CurrentRevision = 1,
                FirstSubmittedAt = DateTimeOffset.UtcNow, LastSubmittedAt = DateTimeOffset.UtcNow, ConcurrencyStamp = Guid.NewGuid(),
                Revisions = [new WorkLogRevision { Number = 1, Values = new() { ["customers"] = "Huamei Store, a new kiosk" }, SubmittedAt = DateTimeOffset.UtcNow }],
            });
            await db.SaveChangesAsync();
        }

        var mine = await SayAsync(TeamsUser.ChenJie, "customers");
        Assert.Contains("Huamei Store", mine, StringComparison.Ordinal);
        Assert.Contains("Fulai Market", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("Far Shop", mine, StringComparison.Ordinal);
        Assert.Contains("1 of 2 visits", mine, StringComparison.Ordinal);
        Assert.Contains("0 of 1 visits", mine, StringComparison.Ordinal);
        Assert.Contains("2 customers; 0 visited as often as required this month.", mine, StringComparison.Ordinal);

        var lead = await SayAsync(TeamsUser.LiNa, "客户", "zh-CN");
        Assert.Contains("Huamei Store", lead, StringComparison.Ordinal);
        Assert.DoesNotContain("Far Shop", lead, StringComparison.Ordinal);

        var search = await SayAsync(TeamsUser.ChenJie, "customers fulai");
        Assert.Contains("Fulai Market", search, StringComparison.Ordinal);
        Assert.DoesNotContain("Huamei Store", search, StringComparison.Ordinal);
        Assert.Contains("A-2", search, StringComparison.Ordinal);
    }
}
