using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DiligenceBot.Customers;
using DiligenceBot.Imports;
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
        var activity = Activities.FileMessage(_connector.ServiceUrl, user, name, fileType, _drive.Share(content), locale);
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
        Assert.Equal(expected, ProblemsOf(sent[1]));

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
    [InlineData("chen-jie", "customers.csv", "csv", "Only a lead or an administrator can import customers, figures or evaluations; nothing was imported.")]
    [InlineData("li-na", "customers.docx", "docx", "I can import from an XLSX or CSV file only (this one is “docx”); nothing was imported.")]
    [InlineData("li-na", "broken.xlsx", "xlsx", "I could not read the file “broken.xlsx” (it is damaged, not really XLSX, or text in neither UTF-8 nor GBK); nothing was imported.")]
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

    private async Task AssertNothingStoredAsync()
    {
        await using var db = _bot.CreateDbContext();
        Assert.Empty(await db.Customers.ToListAsync());
        Assert.Empty(await db.CustomerManagerChanges.ToListAsync());
        Assert.Empty(await db.AuditEntries.Where(a => a.Action == "customers.imported").ToListAsync());
    }

    /// <summary>The problems the import's card lists, one "row·column|problem" per line.</summary>
    private static List<string> ProblemsOf(ConnectorRequest sent) =>
        AttachmentOf(sent, "application/vnd.microsoft.card.adaptive")!["content"]!["body"]!.AsArray()
            .Where(e => e!["id"]?.GetValue<string>().StartsWith("problem-", StringComparison.Ordinal) == true)
            .Select(e => string.Join("|", e!["items"]!.AsArray().Select(t => t!["text"]!.GetValue<string>())))
            .ToList();

    /// <summary>An XLSX whose given cells (A1 style) hold a formula, with the cached value Excel would have saved.</summary>
    private static byte[] WithFormulas(byte[] xlsx, params (string Cell, string Formula, string Cached)[] formulas)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open()))
            {
                xml = reader.ReadToEnd();
            }

            foreach (var (cell, formula, cached) in formulas)
            {
                var changed = System.Text.RegularExpressions.Regex.Replace(xml, $@"<(\w+:)?c r=""{cell}""[^>]*?(/>|>.*?</\1?c>)", $@"<$1c r=""{cell}""{(double.TryParse(cached, out _) ? string.Empty : @" t=""str""")}><$1f>{formula}</$1f><$1v>{cached}</$1v></$1c>");
                Assert.NotEqual(xml, changed);
                xml = changed;
            }

            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open());
            writer.Write(xml);
        }

        return stream.ToArray();
    }

    [Fact]
    public async Task AFileOverTheSizeLimit_IsRefused_BeforeItIsRead()
    {
        var sent = await SendFileAsync(TeamsUser.LiNa, "huge.csv", "csv", new byte[ImportFileVerb.MaxFileBytes + 1]);

        Assert.Equal("The file is larger than 20 MB; please split it. Nothing was imported.", TextOf(Assert.Single(sent)));
        await AssertNothingStoredAsync();
    }

    /// <summary>A formula's cached value is what the sheet showed when last saved, not what it shows after recalculation: refused, each cell named.</summary>
    [Fact]
    public async Task FormulasInCells_AreRefused_CellByCell_AndNothingIsStored()
    {
        var xlsx = WithFormulas(Xlsx(EnHeader,
            ["A-1", "Huamei Store", "88 Jianguo Road", "Chaoyang", "A", "chen.jie@diligence.example", 2],
            ["A-2", "Fulai Market", "1 Zhongguancun", "Haidian", "B", "chen.jie@diligence.example", 1]),
            ("G2", "1+1", "2"), ("B3", "UPPER(\"fulai\")", "FULAI"));

        var sent = await SendFileAsync(TeamsUser.LiNa, "formulas.xlsx", "xlsx", xlsx);

        Assert.Equal(2, sent.Count);
        Assert.Equal(
            ["Row 2 · Visits per month|The cell holds a formula; please paste its value instead.", "Row 3 · Customer name|The cell holds a formula; please paste its value instead."],
            ProblemsOf(sent[1]));
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task MoreRowsThanTheLimit_AreRefused_NamingTheLimit()
    {
        var lines = new List<string>(ImportFileVerb.MaxRows + 2) { string.Join(",", EnHeader) };
        for (var i = 0; i <= ImportFileVerb.MaxRows; i++)
        {
            lines.Add($"L-{i},Store {i},Road {i},Chaoyang,A,chen.jie@diligence.example,1");
        }

        var sent = await SendFileAsync(TeamsUser.LiNa, "all.csv", "csv", Csv([.. lines]));

        Assert.Equal(100_001, lines.Count - 1);
        Assert.Equal("The file has more than 100000 rows; please split it. Nothing was imported.", TextOf(Assert.Single(sent)));
        await AssertNothingStoredAsync();
    }

    [Theory]
    [InlineData("", "“empty.csv” is empty; nothing was imported. For a template type **customers template**, **figures template**, **evaluations template**.")]
    [InlineData("\r\n,,,\r\n \r\n", "“empty.csv” is empty; nothing was imported. For a template type **customers template**, **figures template**, **evaluations template**.")]
    [InlineData("Licence number,Customer name,Address,District,Tier,Account manager,Visits per month\r\n,,,,,,\r\n", "The file has no rows under its header; nothing was imported.")]
    public async Task AnEmptyFile_OrAHeaderOnly_IsRefused(string content, string answer)
    {
        var sent = await SendFileAsync(TeamsUser.LiNa, "empty.csv", "csv", Encoding.UTF8.GetBytes(content));

        Assert.Equal(answer, TextOf(Assert.Single(sent)));
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task EmptyXlsx_HeaderOnly_IsRefused()
    {
        var sent = await SendFileAsync(TeamsUser.LiNa, "客户.xlsx", "xlsx", ImportSheet.WriteXlsx(ZhHeader, []), "zh-CN");

        Assert.Equal("文件表头下没有数据，未导入任何数据。", TextOf(Assert.Single(sent)));
        await AssertNothingStoredAsync();
    }

    /// <summary>Excel on a Chinese Windows saves "CSV" in GBK, "CSV UTF-8" with a byte order mark: both read the same.</summary>
    [Theory]
    [InlineData("gbk")]
    [InlineData("utf-8-bom")]
    public async Task CsvInGbk_OrWithABom_IsReadAsTheSameText(string encoding)
    {
        var text = string.Join("\r\n", string.Join(",", ZhHeader), "110105100123,华美便利店,朝阳区建国路88号,朝阳区,A档,chen.jie@diligence.example,4") + "\r\n";
        var content = encoding == "gbk"
            ? CodePagesEncodingProvider.Instance.GetEncoding(936)!.GetBytes(text)
            : [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)];

        var sent = await SendFileAsync(TeamsUser.LiNa, "客户.csv", "csv", content, "zh-CN");

        Assert.Equal("已从“客户.csv”导入1家客户：新增1家，更新0家，0家更换了客户经理。", TextOf(Assert.Single(sent)));
        await using var db = _bot.CreateDbContext();
        var customer = await db.Customers.SingleAsync();
        Assert.Equal(("110105100123", "华美便利店", "朝阳区建国路88号", "朝阳区", "A档", "chen-jie", 4),
            (customer.LicenceNumber, customer.Name, customer.Address, customer.District, customer.Tier, customer.ManagerId, customer.VisitsPerMonth));
    }

    [Fact]
    public async Task CsvInAnotherEncoding_IsRefused_NotImportedMangled()
    {
        // Big5 bytes that are neither UTF-8 nor GB18030 (0x80 and 0xFF lead no GB18030 character).
        var sent = await SendFileAsync(TeamsUser.LiNa, "客户.csv", "csv", [.. Encoding.ASCII.GetBytes("Licence number,Customer name\r\nL-1,"), 0x80, 0xFF, 0x0D, 0x0A], "zh-CN");

        Assert.Equal("无法读取文件“客户.csv”（文件已损坏、并非CSV格式，或文本编码既不是UTF-8也不是GBK），未导入任何数据。", TextOf(Assert.Single(sent)));
        await AssertNothingStoredAsync();
    }

    /// <summary>
    /// Numbers and licence numbers as a Chinese input method types them (full-width digits, ideographic and no-break
    /// spaces around them) read as their plain forms, through the shared UserNumber / UserText; so a full-width
    /// licence number is the same licence as its ASCII twin (a duplicate in one file).
    /// </summary>
    [Fact]
    public async Task FullWidthDigits_AndSpacesAroundNumbers_ReadAsPlainNumbers_AndFullWidthLicencesAreTheSameLicence()
    {
        var sent = await SendFileAsync(LiuYang, "客户.xlsx", "xlsx", Xlsx(ZhHeader,
            ["\u3000１１０１０５１００１２３ ", "华美便利店", "朝阳区建国路88号", "朝阳区", "A", " chen.jie@diligence.example\u00A0", "\u3000３\u3000"],
            ["110105100456", "福来超市", "海淀区中关村大街1号", "海淀区", "B", "zhao.min@diligence.example", "\u00A0２ "]), "zh-CN");

        Assert.Equal("已从“客户.xlsx”导入2家客户：新增2家，更新0家，0家更换了客户经理。", TextOf(Assert.Single(sent)));
        await using (var db = _bot.CreateDbContext())
        {
            Assert.Equal([("110105100123", 3), ("110105100456", 2)],
                (await db.Customers.OrderBy(c => c.LicenceNumber).ToListAsync()).Select(c => (c.LicenceNumber, c.VisitsPerMonth)));
        }

        var twice = await SendFileAsync(LiuYang, "客户.xlsx", "xlsx", Xlsx(ZhHeader,
            ["110105100789", "远方商店", "丰台区1号", "丰台区", "C", "chen.jie@diligence.example", "１"],
            ["１１０１０５１００７８９", "远方商店二店", "丰台区2号", "丰台区", "C", "chen.jie@diligence.example", "３．５"]), "zh-CN");

        Assert.Equal(["第3行·许可证号|许可证号110105100789与第2行重复。", "第3行·每月拜访次数|每月拜访次数必须是0到31之间的整数。"], ProblemsOf(twice[1]));
        await using (var db = _bot.CreateDbContext())
        {
            Assert.Equal(2, await db.Customers.CountAsync());
        }
    }

    /// <summary>The directory of another organisation is never searched: its manager is unknown here, even by email.</summary>
    [Fact]
    public async Task AManagerOfAnotherTenant_IsUnknown_AndNothingIsStored()
    {
        await using (var db = _bot.CreateDbContext())
        {
            db.Teams.Add(new DiligenceBot.Organisation.Team { Id = "fabrikam-east", TenantId = "0b7e5c1d-0000-4000-8000-fab71ca70001", NameEn = "Fabrikam East", NameZh = "法布里坎东区" });
            db.People.Add(new DiligenceBot.Organisation.Person
            {
                Id = "fabrikam-gao", TenantId = "0b7e5c1d-0000-4000-8000-fab71ca70001", AadObjectId = Guid.NewGuid().ToString(), DisplayName = "Gao Fei 高飞",
                Email = "gao.fei@fabrikam.example", TeamId = "fabrikam-east",
            });
            await db.SaveChangesAsync();
        }

        var sent = await SendFileAsync(LiuYang, "customers.csv", "csv", Csv(
            string.Join(",", EnHeader),
            "A-1,Huamei Store,88 Jianguo Road,Chaoyang,A,chen.jie@diligence.example,2",
            "A-2,Fulai Market,1 Zhongguancun,Haidian,B,gao.fei@fabrikam.example,1",
            "A-3,Far Shop,1 Fengtai,Fengtai,C,fabrikam-gao,1"));

        Assert.Equal(
            [
                "Row 3 · Account manager (email)|No account manager “gao.fei@fabrikam.example” in the directory (write the manager's email).",
                "Row 4 · Account manager (email)|No account manager “fabrikam-gao” in the directory (write the manager's email).",
            ],
            ProblemsOf(sent[1]));
        await AssertNothingStoredAsync();
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
