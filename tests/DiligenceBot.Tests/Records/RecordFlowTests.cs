using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DiligenceBot.Customers;
using DiligenceBot.Records;
using DiligenceBot.Testing;
using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.Tests.WorkLogs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static DiligenceBot.Tests.Records.RecordChat;
using static DiligenceBot.Tests.WorkLogs.WorkLogDriver;

namespace DiligenceBot.Tests.Records;

/// <summary>
/// Other records through /api/messages (SQLite, and PostgreSQL when test.sh points the suite at it): files sent in the
/// 1:1 chat (served by a local OneDrive) kept with their SHA-256, the form, bad input returned with everything typed,
/// the month's list for the manager and the lead, who may open a record, the lock. The clock is Thursday 3 December
/// 2026, 08:10 in Shanghai: November's work summaries are due.
/// </summary>
public sealed class RecordFlowTests : IAsyncLifetime
{
    private const string Tenant = "fe71a704-0ed8-44e8-a9d0-9a48917cced0";
    private static readonly TeamsUser LiuYang = new("29:1-liu-yang", "Liu Yang 刘洋", "944cedb3-3940-469a-a27e-ff773a2307f2");
    private static readonly TeamsUser ZhaoMin = new("29:1-zhao-min", "Zhao Min 赵敏", "3669dd5f-485c-4050-835e-14b6c3ec7088");
    private static readonly System.Text.Json.JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly byte[] Summary = [.. System.Text.Encoding.UTF8.GetBytes("%PDF-1.7 November summary "), .. new byte[3000]];
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 0, 10, 0, TimeSpan.Zero));
    private LocalConnector _connector = null!;
    private LocalOneDrive _drive = null!;
    private BotApp _bot = null!;
    private WorkLogDriver _teams = null!;
    private RecordChat _records = null!;
    private readonly Dictionary<string, long> _ids = new(StringComparer.Ordinal);

    private Chats Chats => _teams.Chats;

    public async Task InitializeAsync()
    {
        _connector = await LocalConnector.StartAsync();
        _drive = await LocalOneDrive.StartAsync();
        _bot = new BotApp(time: _time, settings: new Dictionary<string, string?> { ["Records:MaxFileMegabytes"] = "1" }).Start();
        _teams = new WorkLogDriver(_bot, _connector);
        _records = new RecordChat(_bot, _teams, _connector, _drive);
        foreach (var user in new[] { TeamsUser.WangLei, TeamsUser.LiNa, TeamsUser.ChenJie, LiuYang, ZhaoMin })
        {
            await _teams.InstallAsync(user, user == TeamsUser.WangLei ? "en-US" : "zh-CN");
        }

        await using var db = _bot.CreateDbContext();
        db.Customers.AddRange(Customer("L-1001", "Huamei Store", "wang-lei"), Customer("L-2001", "东方便利", "chen-jie"), Customer("L-2002", "西城烟酒", "chen-jie"));
        await db.SaveChangesAsync();
        foreach (var c in await db.Customers.ToListAsync())
        {
            _ids[c.LicenceNumber] = c.Id;
        }

        _connector.Clear();
    }

    /// <summary>The picker's value for these customers, as Teams sends it.</summary>
    private string Pick(params string[] licences) => string.Join(",", licences.Select(l => CustomerPicks.ChoiceValue(_ids[l])));

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _drive.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private Customer Customer(string licence, string name, string managerId) => new()
    {
        TenantId = Tenant, LicenceNumber = licence, Name = name, Address = "Nanjing Road 1", District = "Huangpu", Tier = "A",
        ManagerId = managerId, VisitsPerMonth = 2, CreatedAt = _time.GetUtcNow(), UpdatedAt = _time.GetUtcNow(),
    };

    private Task<ConnectorRequest> SendFileAsync(TeamsUser user, string name, string fileType, byte[] content, string text = "") =>
        _records.SendFileAsync(user, name, fileType, content, text);

    private async Task<string> SendSummaryAsync()
    {
        var kept = await SendFileAsync(TeamsUser.ChenJie, "11月工作总结.pdf", "pdf", Summary);
        Assert.Equal("已保存“11月工作总结.pdf”（3KB），可作为资料归档。输入“提交资料”即可归档。", Chats.TextOf(kept));
        await using var db = _bot.CreateDbContext();
        return (await db.Set<RecordFile>().SingleAsync(f => f.FileName == "11月工作总结.pdf")).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Manager_FilesARecord_WithFileAndCustomers_LeadChainAndAdminSeeIt_OthersAreRefused()
    {
        var fileId = await SendSummaryAsync();
        await using (var db = _bot.CreateDbContext())
        {
            var file = await db.Set<RecordFile>().SingleAsync();
            Assert.Equal((Convert.ToHexStringLower(SHA256.HashData(Summary)), Summary.LongLength, "chen-jie", (Guid?)null), (file.Sha256, file.SizeBytes, file.OwnerId, file.RecordId));
            Assert.Equal(Summary, await _bot.Services.GetRequiredService<IRecordStore>().ReadAsync(file.StorageKey, default));
        }

        var form = CardOf(await Chats.SayAsync(TeamsUser.ChenJie, "提交资料", "zh-CN"));
        Assert.Equal("提交资料", Title(form));
        Assert.Contains("11月工作总结.pdf（3KB，待归档）", form.ToJsonString(Readable), StringComparison.Ordinal);
        // Related customers: the work log's picker (type-ahead over his own customers), shops not registered below it.
        var picker = ById(form, RecordCards.CustomersInput)!;
        Assert.Equal(("Input.ChoiceSet", true, "Filtered"), (picker["type"]!.GetValue<string>(), picker["isMultiSelect"]!.GetValue<bool>(), picker["style"]!.GetValue<string>()));
        Assert.Equal(("Data.Query", CustomerSearch.OwnDataset), (picker["choices.data"]!["type"]!.GetValue<string>(), picker["choices.data"]!["dataset"]!.GetValue<string>()));
        Assert.Equal("Input.Text", ById(form, "customers.unregistered")!["type"]!.GetValue<string>());

        var (card, _) = await _teams.ExecuteAsync(TeamsUser.ChenJie, RecordCards.SubmitVerb,
            Filing("chen-jie", "monthly-summary", "2026-11", "11月工作总结", Pick("L-2002", "L-2001"), fileId, "车站旁新开的烟酒店"), locale: "zh-CN");

        Assert.Equal("月度工作总结：11月工作总结", Title(card!));
        Assert.Contains("待组长核实", Text(card!, "status"), StringComparison.Ordinal);
        Assert.Equal("相关客户：西城烟酒（L-2002）、东方便利（L-2001）、车站旁新开的烟酒店（未登记）", Text(card!, "customers"));
        Assert.Contains("11月工作总结.pdf", card!.ToJsonString(Readable), StringComparison.Ordinal);
        Guid recordId;
        await using (var db = _bot.CreateDbContext())
        {
            var record = await db.Set<ManagerRecord>().Include(r => r.Files).SingleAsync();
            recordId = record.Id;
            Assert.Equal(("chen-jie", "east-1", "monthly-summary", "2026-11", RecordStatus.Submitted, 1), (record.ManagerId, record.TeamId, record.KindId, record.PeriodKey, record.Status, record.CurrentRevision));
            Assert.Equal([_ids["L-2002"], _ids["L-2001"]], record.CustomerIds);
            Assert.Equal("车站旁新开的烟酒店", record.UnregisteredCustomers);
            Assert.Equal(record.Id, Assert.Single(record.Files).RecordId);
            Assert.Single(await db.AuditEntries.Where(a => a.Action == "record.filed" && a.SubjectId == record.Id.ToString()).ToListAsync());
        }

        var mine = CardOf(await Chats.SayAsync(TeamsUser.ChenJie, "资料 2026-11", "zh-CN")).ToJsonString(Readable);
        Assert.Contains("11月工作总结", mine, StringComparison.Ordinal);
        var team = CardOf(await Chats.SayAsync(TeamsUser.LiNa, "资料 2026-11", "zh-CN"));
        Assert.Contains("团队资料", Title(team), StringComparison.Ordinal);
        Assert.Contains("Chen Jie 陈杰", team.ToJsonString(Readable), StringComparison.Ordinal);
        var december = CardOf(await Chats.SayAsync(TeamsUser.ChenJie, "资料", "zh-CN")).ToJsonString(Readable);
        Assert.DoesNotContain("11月工作总结", december, StringComparison.Ordinal);

        var open = new JsonObject { ["verb"] = RecordCards.ViewVerb, ["recordId"] = recordId.ToString() };
        var lead = (await _teams.ExecuteAsync(TeamsUser.LiNa, RecordCards.ViewVerb, Copy(open))).Card!;
        Assert.Equal("Monthly work summary: 11月工作总结", Title(lead));
        Assert.Equal("Related customers: 西城烟酒 (L-2002), 东方便利 (L-2001), 车站旁新开的烟酒店 (not registered)", Text(lead, "customers"));
        Assert.Equal("月度工作总结：11月工作总结", Title((await _teams.ExecuteAsync(LiuYang, RecordCards.ViewVerb, Copy(open), locale: "zh-CN")).Card!));
        var colleague = await _teams.ExecuteAsync(TeamsUser.WangLei, RecordCards.ViewVerb, Copy(open));
        Assert.Null(colleague.Card);
        Assert.Equal("Only Chen Jie 陈杰, their lead chain and admins see Chen Jie 陈杰's records.", MessageOf(colleague.Answer));
        var other = await _teams.ExecuteAsync(ZhaoMin, RecordCards.ViewVerb, Copy(open), locale: "zh-CN");
        Assert.Equal("只有Chen Jie 陈杰本人、其上级组长和管理员可以查看Chen Jie 陈杰的资料。", MessageOf(other.Answer));
        var colleagueList = CardOf(await Chats.SayAsync(TeamsUser.WangLei, "records 2026-11")).ToJsonString(Readable);
        Assert.DoesNotContain("11月工作总结", colleagueList, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadFiling_ComesBackWithEverythingTyped_AndEachProblem_NothingStored()
    {
        var fileId = await SendSummaryAsync();

        // A forged submission picks Wang Lei's Huamei Store beside his own 东方便利: named and refused, his own pick and text kept.
        var (card, _) = await _teams.ExecuteAsync(TeamsUser.ChenJie, RecordCards.SubmitVerb,
            Filing("chen-jie", "monthly-summary", "2026-Q4", "  ", Pick("L-2001", "L-1001"), fileId, "无名小店"), locale: "zh-CN");

        Assert.Equal("提交资料", Title(card!));
        Assert.Equal("“月度工作总结”按月提交，请将期间写成2026\u201112。", Text(card!, "error.period"));
        Assert.Equal("请填写“标题”。", Text(card!, "error." + RecordCards.TitleInput));
        Assert.Equal("Huamei Store：不是您的客户，不能填入“相关客户”，请重新选择。", Text(card!, "error.customers"));
        var json = card!.ToJsonString(Readable);
        Assert.Contains("\"value\":\"2026-Q4\"", json, StringComparison.Ordinal);
        var picker = ById(card!, RecordCards.CustomersInput)!;
        Assert.Equal(Pick("L-2001"), picker["value"]!.GetValue<string>());
        Assert.Equal(["东方便利（L-2001）"], picker["choices"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()));
        Assert.Equal("无名小店", ById(card!, "customers.unregistered")!["value"]!.GetValue<string>());

        // An id the register does not know, in English; a value the picker cannot have sent (an old client's typed names) asks to pick, the text kept below.
        var (unknown, _) = await _teams.ExecuteAsync(TeamsUser.ChenJie, RecordCards.SubmitVerb,
            Filing("chen-jie", "monthly-summary", "2026-11", "Summary", "customer:999999", fileId));
        Assert.Equal("customer:999999: not one of your customers, so it cannot be in Related customers; pick again.", Text(unknown!, "error.customers"));
        var (typed, _) = await _teams.ExecuteAsync(TeamsUser.ChenJie, RecordCards.SubmitVerb,
            Filing("chen-jie", "monthly-summary", "2026-11", "11月工作总结", "L-2001、西城烟酒", fileId), locale: "zh-CN");
        Assert.StartsWith("“相关客户”请从列表中选择客户", Text(typed!, "error.customers"), StringComparison.Ordinal);
        Assert.Equal("L-2001、西城烟酒", ById(typed!, "customers.unregistered")!["value"]!.GetValue<string>());
        Assert.Equal("11月工作总结", ById(typed!, RecordCards.TitleInput)!["value"]!.GetValue<string>());

        var (signed, _) = await _teams.ExecuteAsync(TeamsUser.ChenJie, RecordCards.SubmitVerb,
            Filing("chen-jie", "customer-signed", string.Empty, "签字确认书", string.Empty, fileId), locale: "zh-CN");
        Assert.Equal("“零售客户签字资料”须至少关联一家客户：请选择您的客户，或填写尚未登记的零售户。", Text(signed!, "error.customers"));

        var (future, _) = await _teams.ExecuteAsync(TeamsUser.ChenJie, RecordCards.SubmitVerb,
            Filing("chen-jie", "monthly-summary", "2027-01", "明年", string.Empty, fileId), locale: "zh-CN");
        Assert.Contains("尚未开始", Text(future!, "error.period"), StringComparison.Ordinal);

        await using var db = _bot.CreateDbContext();
        Assert.Empty(await db.Set<ManagerRecord>().ToListAsync());
        Assert.Null((await db.Set<RecordFile>().SingleAsync()).RecordId);
    }

    [Fact]
    public async Task Files_OfAWrongType_OrTooBig_AreRefused_AndNotKept_ALeadsSheetWithRecordsGoesToRecords()
    {
        Assert.Equal("资料不接受“exe”类型的文件，请发送以下类型之一：pdf、docx、doc、xlsx、xls、pptx、jpg、jpeg、png。",
            Chats.TextOf(await SendFileAsync(TeamsUser.ChenJie, "tool.exe", "exe", [1, 2, 3])));
        Assert.Equal("“big.pdf”超过1MB，请发送较小的文件。",
            Chats.TextOf(await SendFileAsync(TeamsUser.ChenJie, "big.pdf", "pdf", new byte[(1024 * 1024) + 1])));
        await using (var db = _bot.CreateDbContext())
        {
            Assert.Empty(await db.Set<RecordFile>().ToListAsync());
        }

        // A manager's spreadsheet is a record file; a lead's is an import unless sent with "资料".
        Assert.StartsWith("已保存“分析.xlsx”", Chats.TextOf(await SendFileAsync(TeamsUser.ChenJie, "分析.xlsx", "xlsx", [80, 75, 3, 4])), StringComparison.Ordinal);
        Assert.StartsWith("已保存“组长分析.xlsx”", Chats.TextOf(await SendFileAsync(TeamsUser.LiNa, "组长分析.xlsx", "xlsx", [80, 75, 3, 4], "资料")), StringComparison.Ordinal);
        await using (var db = _bot.CreateDbContext())
        {
            Assert.Equal(["li-na", "chen-jie"], (await db.Set<RecordFile>().ToListAsync()).Select(f => f.OwnerId).OrderBy(o => o.Length));
        }
    }

    [Fact]
    public async Task AFormOfAnotherManager_IsRefused_AndAVerifiedRecord_IsLocked()
    {
        var fileId = await SendSummaryAsync();
        var other = await _teams.ExecuteAsync(TeamsUser.WangLei, RecordCards.SubmitVerb, Filing("chen-jie", "monthly-summary", "2026-11", "Summary", string.Empty, fileId));
        Assert.Equal("This form is Chen Jie 陈杰's; you can file records only for yourself.", MessageOf(other.Answer));

        var (filed, _) = await _teams.ExecuteAsync(TeamsUser.ChenJie, RecordCards.SubmitVerb, Filing("chen-jie", "monthly-summary", "2026-11", "11月工作总结", string.Empty, fileId), locale: "zh-CN");
        Assert.Equal("月度工作总结：11月工作总结", Title(filed!));
        await using (var db = _bot.CreateDbContext())
        {
            var record = await db.Set<ManagerRecord>().SingleAsync();
            record.Status = RecordStatus.Verified;
            record.VerifiedById = "li-na";
            record.VerifiedAt = new DateTimeOffset(2026, 12, 3, 1, 0, 0, TimeSpan.Zero);
            await db.SaveChangesAsync();
        }

        var second = await SendFileAsync(TeamsUser.ChenJie, "11月工作总结v2.pdf", "pdf", [1, 2, 3]);
        Assert.StartsWith("已保存", Chats.TextOf(second), StringComparison.Ordinal);
        long secondId;
        await using (var db = _bot.CreateDbContext())
        {
            secondId = (await db.Set<RecordFile>().SingleAsync(f => f.RecordId == null)).Id;
        }

        var (again, _) = await _teams.ExecuteAsync(TeamsUser.ChenJie, RecordCards.SubmitVerb,
            Filing("chen-jie", "monthly-summary", "2026-11", "改过的总结", string.Empty, secondId.ToString(System.Globalization.CultureInfo.InvariantCulture)), locale: "zh-CN");
        Assert.Equal("您2026年11月的“月度工作总结”已于2026-12-03 09:00经组长核实并锁定，不能再修改、删除或重新提交。",
            Text(again!, "error.kind").Replace("\u2060", string.Empty, StringComparison.Ordinal).Replace('\u00a0', ' ').Replace('\u2011', '-'));
        await using (var db = _bot.CreateDbContext())
        {
            var record = await db.Set<ManagerRecord>().Include(r => r.Files).SingleAsync();
            Assert.Equal(("11月工作总结", 1, 1), (record.Title, record.CurrentRevision, record.Files.Count));
        }
    }

    [Fact]
    public async Task Lead_ReturnsThenVerifies_ThroughTheSharedReview_AndTheVerifiedRecordIsLocked()
    {
        var fileId = await SendSummaryAsync();
        await _teams.ExecuteAsync(TeamsUser.ChenJie, RecordCards.SubmitVerb, Filing("chen-jie", "monthly-summary", "2026-11", "11月工作总结", string.Empty, fileId), locale: "zh-CN");
        var review = CardOf(await Chats.NotifiedAsync(TeamsUser.LiNa, RecordReviewKind.ReviewRequested));
        Assert.Equal("月度工作总结：11月工作总结", Title(review));
        var ret = Action(review, RecordCards.ReturnVerb)!["data"]!.AsObject();
        var verify = Action(review, RecordCards.VerifyVerb)!["data"]!.AsObject();

        // Not the lead of East 1: refused, nothing decided.
        var colleague = await _teams.ExecuteAsync(TeamsUser.WangLei, RecordCards.VerifyVerb, Copy(verify));
        Assert.Equal("Only the lead of East District 1 or a delegate verifies its records.", MessageOf(colleague.Answer));

        var empty = await _teams.ExecuteAsync(TeamsUser.LiNa, RecordCards.ReturnVerb, Copy(ret), locale: "zh-CN");
        Assert.Contains("退回资料需至少填写评价、要求或建议中的一项。", Text(empty.Card!, "errors"), StringComparison.Ordinal);
        var returning = Copy(ret);
        returning["c.requirement"] = "请补充重点客户的销量分析。";
        returning["c.rating"] = "3";
        await _teams.ExecuteAsync(TeamsUser.LiNa, RecordCards.ReturnVerb, returning, locale: "zh-CN");
        var returned = CardOf(await Chats.NotifiedAsync(TeamsUser.ChenJie, RecordReviewKind.Returned));
        Assert.Contains("请补充重点客户的销量分析。", returned.ToJsonString(Readable), StringComparison.Ordinal);

        // Filed again over the returned record: a second filing, with a second file.
        Assert.StartsWith("已保存", Chats.TextOf(await SendFileAsync(TeamsUser.ChenJie, "补充分析.pdf", "pdf", [1, 2, 3])), StringComparison.Ordinal);
        long secondId;
        await using (var db = _bot.CreateDbContext())
        {
            secondId = (await db.Set<RecordFile>().SingleAsync(f => f.RecordId == null)).Id;
        }

        var (again, _) = await _teams.ExecuteAsync(TeamsUser.ChenJie, RecordCards.SubmitVerb,
            Filing("chen-jie", "monthly-summary", "2026-11", "11月工作总结（补充）", Pick("L-2001"), secondId.ToString(System.Globalization.CultureInfo.InvariantCulture)), locale: "zh-CN");
        Assert.Contains("第2次提交", Text(again!, "status"), StringComparison.Ordinal);
        var second = CardOf(await Chats.NotifiedAsync(TeamsUser.LiNa, RecordReviewKind.ReviewRequested, n => n.Revision == 2));
        var (verified, _) = await _teams.ExecuteAsync(TeamsUser.LiNa, RecordCards.VerifyVerb, Copy(Action(second, RecordCards.VerifyVerb)!["data"]!.AsObject()), locale: "zh-CN");
        Assert.NotNull(verified);
        await Chats.NotifiedAsync(TeamsUser.ChenJie, RecordReviewKind.Verified);
        await using (var db = _bot.CreateDbContext())
        {
            var record = await db.Set<ManagerRecord>().Include(r => r.Files).Include(r => r.Reviews).SingleAsync();
            Assert.Equal((RecordStatus.Verified, 2, "li-na", 2, 2), (record.Status, record.CurrentRevision, record.VerifiedById, record.Files.Count, record.Reviews.Count));
            Assert.Equal(["record.filed", "record.returned", "record.refiled", "record.approved"],
                await db.AuditEntries.Where(a => a.SubjectType == "Record").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        }

        Assert.StartsWith("已保存", Chats.TextOf(await SendFileAsync(TeamsUser.ChenJie, "第三版.pdf", "pdf", [4, 5, 6])), StringComparison.Ordinal);
        long thirdId;
        await using (var db = _bot.CreateDbContext())
        {
            thirdId = (await db.Set<RecordFile>().SingleAsync(f => f.RecordId == null)).Id;
        }

        var (locked, _) = await _teams.ExecuteAsync(TeamsUser.ChenJie, RecordCards.SubmitVerb,
            Filing("chen-jie", "monthly-summary", "2026-11", "第三版", string.Empty, thirdId.ToString(System.Globalization.CultureInfo.InvariantCulture)), locale: "zh-CN");
        Assert.Contains("经组长核实并锁定，不能再修改、删除或重新提交。", Text(locked!, "error.kind"), StringComparison.Ordinal);
    }
    [Fact]
    public async Task Manager_DeletesAnUnverifiedRecord_AfterConfirming_WithItsFiles_NobodyElseCan_AndAVerifiedOneIsLocked()
    {
        var fileId = await SendSummaryAsync();
        var (filed, _) = await _teams.ExecuteAsync(TeamsUser.ChenJie, RecordCards.SubmitVerb, Filing("chen-jie", "monthly-summary", "2026-11", "11月工作总结", string.Empty, fileId), locale: "zh-CN");
        var delete = Action(filed!, RecordCards.DeleteVerb)!;
        Assert.Equal("删除", delete["title"]!.GetValue<string>());
        string key;
        await using (var db = _bot.CreateDbContext())
        {
            key = (await db.Set<RecordFile>().SingleAsync()).StorageKey;
        }

        // The lead sees no Delete button and is refused with the card's data; so is a colleague.
        var open = new JsonObject { ["verb"] = RecordCards.ViewVerb, ["recordId"] = ((JsonObject)delete["data"]!)["recordId"]!.DeepClone() };
        var (leads, _) = await _teams.ExecuteAsync(TeamsUser.LiNa, RecordCards.ViewVerb, Copy(open), locale: "zh-CN");
        Assert.Null(Action(leads!, RecordCards.DeleteVerb));
        var confirmData = Copy(delete["data"]!.AsObject());
        confirmData["confirm"] = true;
        Assert.Equal("只有提交人Chen Jie 陈杰可以删除此资料；组长如需修改，请退回。", MessageOf((await _teams.ExecuteAsync(TeamsUser.LiNa, RecordCards.DeleteVerb, Copy(confirmData), locale: "zh-CN")).Answer));
        Assert.Equal("Only Chen Jie 陈杰, who filed this record, can delete it; a lead returns it instead.", MessageOf((await _teams.ExecuteAsync(TeamsUser.WangLei, RecordCards.DeleteVerb, Copy(confirmData))).Answer));

        // The first tap asks, and deletes nothing.
        var (confirm, _) = await _teams.ExecuteAsync(TeamsUser.ChenJie, RecordCards.DeleteVerb, Copy(delete["data"]!.AsObject()), locale: "zh-CN");
        Assert.Equal("删除此资料？", Text(confirm!, "confirm"));
        Assert.Equal("“11月工作总结”及其1个文件将被永久删除，组长也将无法再查看。请点击“永久删除”确认。", Text(confirm!, "confirm-notice"));
        Assert.NotNull(Action(confirm!, RecordCards.ViewVerb));
        await using (var db = _bot.CreateDbContext())
        {
            Assert.Single(await db.Set<ManagerRecord>().ToListAsync());
        }

        // The second deletes the record, its file row and the file's content, with an audit entry.
        var (deleted, _) = await _teams.ExecuteAsync(TeamsUser.ChenJie, RecordCards.DeleteVerb, Copy(Action(confirm!, RecordCards.DeleteVerb)!["data"]!.AsObject()), locale: "zh-CN");
        Assert.Equal("资料已删除", Title(deleted!));
        Assert.Equal("已删除“11月工作总结”及其1个文件。", Text(deleted!, "deleted"));
        await using (var db = _bot.CreateDbContext())
        {
            Assert.Empty(await db.Set<ManagerRecord>().ToListAsync());
            Assert.Empty(await db.Set<RecordFile>().ToListAsync());
            Assert.Equal(["record.filed chen-jie", "record.deleted chen-jie"], await db.AuditEntries.Where(a => a.SubjectType == "Record").OrderBy(a => a.Id).Select(a => a.Action + " " + a.ActorId).ToListAsync());
        }

        Assert.Null(await _bot.Services.GetRequiredService<IRecordStore>().ReadAsync(key, default));
        Assert.Equal("该资料已不存在。", MessageOf((await _teams.ExecuteAsync(TeamsUser.ChenJie, RecordCards.DeleteVerb, Copy(confirmData), locale: "zh-CN")).Answer));

        // Filed again and verified by the lead: locked, no Delete button, the delete refused, nothing removed.
        var again = await _records.FileAsync(TeamsUser.ChenJie, "chen-jie", "monthly-summary", "2026-11", "11月工作总结", "zh-CN");
        var againDelete = Copy(Action(again, RecordCards.DeleteVerb)!["data"]!.AsObject());
        var review = CardOf(await Chats.NotifiedAsync(TeamsUser.LiNa, RecordReviewKind.ReviewRequested, n => n.SubjectId == againDelete["recordId"]!.GetValue<string>()));
        var (verified, _) = await _teams.ExecuteAsync(TeamsUser.LiNa, RecordCards.VerifyVerb, Copy(Action(review, RecordCards.VerifyVerb)!["data"]!.AsObject()), locale: "zh-CN");
        Assert.NotNull(verified);
        var (mine, _) = await _teams.ExecuteAsync(TeamsUser.ChenJie, RecordCards.ViewVerb, new JsonObject { ["verb"] = RecordCards.ViewVerb, ["recordId"] = againDelete["recordId"]!.DeepClone() }, locale: "zh-CN");
        Assert.Null(Action(mine!, RecordCards.DeleteVerb));
        againDelete["confirm"] = true;
        var locked = await _teams.ExecuteAsync(TeamsUser.ChenJie, RecordCards.DeleteVerb, againDelete, locale: "zh-CN");
        Assert.Equal("“11月工作总结”已于2026-12-03 08:10经组长核实并锁定，不能删除。",
            MessageOf(locked.Answer).Replace("\u2060", string.Empty, StringComparison.Ordinal).Replace('\u00a0', ' ').Replace('\u2011', '-'));
        await using (var db = _bot.CreateDbContext())
        {
            var record = await db.Set<ManagerRecord>().Include(r => r.Files).SingleAsync();
            Assert.Equal((RecordStatus.Verified, 1), (record.Status, record.Files.Count));
            Assert.NotNull(await _bot.Services.GetRequiredService<IRecordStore>().ReadAsync(record.Files[0].StorageKey, default));
        }
    }

    [Fact]
    public async Task TwoFilingsOfOnePeriod_AtTheSameMoment_MakeOneRecordWithTwoRevisions_AndAFileIsFiledOnce()
    {
        var first = await SendSummaryAsync();
        Assert.StartsWith("已保存", Chats.TextOf(await SendFileAsync(TeamsUser.ChenJie, "补充分析.pdf", "pdf", [1, 2, 3])), StringComparison.Ordinal);
        string second;
        await using (var db = _bot.CreateDbContext())
        {
            second = (await db.Set<RecordFile>().SingleAsync(f => f.FileName == "补充分析.pdf")).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        // Two devices (or a second tap) file November's summary at once, each with its own file.
        var answers = await Task.WhenAll(
            _teams.ExecuteAsync(TeamsUser.ChenJie, RecordCards.SubmitVerb, Filing("chen-jie", "monthly-summary", "2026-11", "11月工作总结", string.Empty, first), locale: "zh-CN"),
            _teams.ExecuteAsync(TeamsUser.ChenJie, RecordCards.SubmitVerb, Filing("chen-jie", "monthly-summary", "2026-11", "11月工作总结", string.Empty, second), locale: "zh-CN"));
        Assert.All(answers, a => Assert.Equal("月度工作总结：11月工作总结", Title(a.Card!)));
        await using (var db = _bot.CreateDbContext())
        {
            var record = await db.Set<ManagerRecord>().Include(r => r.Files).SingleAsync();
            Assert.Equal((2, 2), (record.CurrentRevision, record.Files.Count));
            Assert.Equal(["record.filed", "record.refiled"], await db.AuditEntries.Where(a => a.SubjectType == "Record").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        }

        // A special report has no period: two of them may exist. The same file filed by two at once goes to one.
        Assert.StartsWith("已保存", Chats.TextOf(await SendFileAsync(TeamsUser.ChenJie, "专题报告.pdf", "pdf", [7, 8, 9])), StringComparison.Ordinal);
        string report;
        await using (var db = _bot.CreateDbContext())
        {
            report = (await db.Set<RecordFile>().SingleAsync(f => f.RecordId == null)).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var racing = await Task.WhenAll(
            _teams.ExecuteAsync(TeamsUser.ChenJie, RecordCards.SubmitVerb, Filing("chen-jie", "special-report", string.Empty, "专题报告甲", string.Empty, report), locale: "zh-CN"),
            _teams.ExecuteAsync(TeamsUser.ChenJie, RecordCards.SubmitVerb, Filing("chen-jie", "special-report", string.Empty, "专题报告乙", string.Empty, report), locale: "zh-CN"));
        var refused = Assert.Single(racing, a => Title(a.Card!) == "提交资料");
        Assert.Contains("专题报告", refused.Card!.ToJsonString(Readable), StringComparison.Ordinal);
        await using (var db = _bot.CreateDbContext())
        {
            var reports = await db.Set<ManagerRecord>().Include(r => r.Files).Where(r => r.KindId == "special-report").ToListAsync();
            Assert.Equal(report, Assert.Single(Assert.Single(reports).Files).Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task TheDatabase_KeepsOneRecordPerManagerKindAndPeriod_ButManyOfAKindWithoutPeriod()
    {
        ManagerRecord Record(string kind, string period) => new()
        {
            Id = Guid.NewGuid(), TenantId = Tenant, TeamId = "east-1", ManagerId = "chen-jie", KindId = kind, PeriodKey = period, Title = "t",
            FirstFiledAt = _time.GetUtcNow(), LastFiledAt = _time.GetUtcNow(), CurrentRevision = 1,
        };

        await using (var db = _bot.CreateDbContext())
        {
            db.AddRange(Record("special-report", string.Empty), Record("special-report", string.Empty), Record("monthly-summary", "2026-11"));
            await db.SaveChangesAsync();
        }

        await using (var db = _bot.CreateDbContext())
        {
            db.Add(Record("monthly-summary", "2026-11"));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
    }
}
