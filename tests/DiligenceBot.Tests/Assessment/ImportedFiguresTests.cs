using System.Text;
using System.Text.Json.Nodes;
using DiligenceBot.Assessment;
using DiligenceBot.Customers;
using DiligenceBot.Imports;
using DiligenceBot.Localization;
using DiligenceBot.Testing;
using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.Tests.WorkLogs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;
using static DiligenceBot.Tests.WorkLogs.WorkLogDriver;

namespace DiligenceBot.Tests.Assessment;

/// <summary>
/// Managers' figures and retail customers' evaluations imported from files sent in the 1:1 chat (the one import
/// mechanism the customer register uses, the kind found from the header), then read by the draft scorecards; through
/// /api/messages on SQLite, and PostgreSQL when test.sh points the suite at it. The clock is Thursday 3 December 2026
/// in Shanghai. East 1: Li Na leads Wang Lei and Chen Jie; East 2: Wang Lei leads Zhao Min; Liu Yang is an admin.
/// Chen Jie serves two registered customers, L-2001 and L-2002; Wang Lei serves L-3001.
/// </summary>
public sealed class ImportedFiguresTests : IAsyncLifetime
{
    private static readonly string[] FiguresEn =
        ["Account manager (email)", "Month (YYYY-MM)", "Volume target (cases)", "Volume sold (cases)", "Sales value target (yuan)", "Sales value (yuan)", "Volume forecast (cases)"];
    private static readonly string[] FiguresZh = ["客户经理（邮箱）", "月份", "销量目标（箱）", "实际销量（箱）", "销售额目标（元）", "实际销售额（元）", "预测销量（箱）"];
    private static readonly string[] EvaluationsEn =
    [
        "Licence number", "Account manager", "Month", "Visit regularity (1-5)", "Service attitude (1-5)", "Policy explanation (1-5)", "Problem solving (1-5)",
        "Fairness and integrity (1-5)", "Comment",
    ];
    private static readonly string[] EvaluationsZh = ["许可证号", "客户经理", "月份", "拜访规律性", "服务态度", "政策宣传解释", "解决问题", "公平诚信", "意见建议"];

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.FromHours(8)));
    private LocalConnector _connector = null!;
    private LocalOneDrive _drive = null!;
    private BotApp _bot = null!;
    private WorkLogDriver _t = null!;

    public async Task InitializeAsync()
    {
        _connector = await LocalConnector.StartAsync();
        _drive = await LocalOneDrive.StartAsync();
        _bot = new BotApp(time: _time).Start();
        _t = new WorkLogDriver(_bot, _connector);
        await using var db = _bot.CreateDbContext();
        foreach (var (licence, name, manager) in new[] { ("L-2001", "东方便利", "chen-jie"), ("L-2002", "西城烟酒", "chen-jie"), ("L-3001", "北站商店", "wang-lei") })
        {
            db.Customers.Add(new Customer
            {
                TenantId = Activities.TenantId, LicenceNumber = licence, Name = name, Address = "南京路1号", District = "黄浦", Tier = "A",
                ManagerId = manager, VisitsPerMonth = 2, CreatedAt = _time.GetUtcNow(), UpdatedAt = _time.GetUtcNow(),
            });
        }

        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _drive.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private static byte[] Csv(string[] header, params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", [string.Join(",", header), .. lines]) + "\r\n");

    private static byte[] Xlsx(string[] header, params object?[][] rows)
    {
        var table = rows.Select(r => header.Select((h, i) => (h, v: r[i])).ToDictionary(x => x.h, x => x.v)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(table, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>Sends a file in the personal chat the way Teams does; every reply of the bot to it.</summary>
    private async Task<IReadOnlyList<ConnectorRequest>> SendFileAsync(TeamsUser user, string name, byte[] content, string locale = "en-US")
    {
        var activity = Activities.FileMessage(_connector.ServiceUrl, user, name, Path.GetExtension(name).TrimStart('.'), _drive.Share(content), locale);
        using (var response = await _bot.PostActivityAsync(activity))
        {
            Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}");
        }

        return _t.Chats.RepliesTo(activity["id"]!.GetValue<string>());
    }

    private async Task<string> ImportedAsync(TeamsUser user, string name, byte[] content, string locale = "en-US") =>
        Chats.TextOf(Assert.Single(await SendFileAsync(user, name, content, locale)));

    /// <summary>The problems a refused import's card lists, one "row·column|problem" per line (the card comes after the report's consent card).</summary>
    private static List<string> ProblemsOf(IReadOnlyList<ConnectorRequest> replies)
    {
        Assert.Equal(2, replies.Count);
        Assert.Equal("application/vnd.microsoft.teams.card.file.consent", replies[0].Body!["attachments"]![0]!["contentType"]!.GetValue<string>());
        return CardOf(replies[1])["body"]!.AsArray()
            .Where(e => e!["id"]?.GetValue<string>().StartsWith("problem-", StringComparison.Ordinal) == true)
            .Select(e => string.Join("|", e!["items"]!.AsArray().Select(t => t!["text"]!.GetValue<string>())))
            .ToList();
    }

    private async Task<JsonObject> ScorecardAsync(TeamsUser user, string text, string locale = "en-US") => CardOf(await _t.Chats.SayAsync(user, text, locale));

    private async Task AssertNothingStoredAsync()
    {
        await using var db = _bot.CreateDbContext();
        Assert.Empty(await db.Set<ManagerFigures>().ToListAsync());
        Assert.Empty(await db.Set<CustomerEvaluation>().ToListAsync());
        Assert.Empty(await db.AuditEntries.Where(a => a.Action == "figures.imported" || a.Action == "evaluations.imported").ToListAsync());
    }

    [Fact]
    public async Task Lead_ImportsFigures_AndTheDraftScorecardMeasuresEconomicResultsAndTheForecast()
    {
        var before = await ScorecardAsync(TeamsUser.LiNa, "scorecard 2026-11 Chen Jie");
        Assert.Equal(CardDates.KeepCounts("Volume against target: not measured; you score it with a reason (of 8)"), Text(before, "indicator.volume"));

        var answer = await ImportedAsync(TeamsUser.LiNa, "figures.csv", Csv(FiguresEn,
            "chen.jie@diligence.example,2026-11,320,304,2000000,2000000,342",
            "wang-lei,2026-11,200,150,1500000,1500000.50,150"));

        Assert.Equal("Imported 2 rows of figures from “figures.csv”: 2 new, 0 replacing the figures imported before for the same manager and month. Scorecards now read them.", answer);
        var card = await ScorecardAsync(TeamsUser.LiNa, "scorecard 2026-11 Chen Jie");
        // 304 of 320 cases: 95 %, three quarters of the way from 80 % to 100 %: 6 of 8 points.
        Assert.Equal(CardDates.KeepCounts("Volume against target: 95% → 6/8"), Text(card, "indicator.volume"));
        Assert.Equal(CardDates.KeepCounts("Sales value against target: 100% → 7/7"), Text(card, "indicator.value"));
        // Forecast 342, sold 304: |342 − 304| / 304 = 12.5 %, 70 % of the way from 30 % down to 5 %: 7 of 10 points.
        Assert.Equal(CardDates.KeepCounts("Forecast deviation: 13% → 7/10"), Text(card, "indicator.forecast-error"));
        Assert.StartsWith("Economic results · 13/15", Text(card, "dimension.economic-results"), StringComparison.Ordinal);

        // Wang Lei sold 75 % of his volume target: below 80 %, measured and worth nothing.
        var wang = await ScorecardAsync(TeamsUser.LiNa, "scorecard 2026-11 Wang Lei");
        Assert.Equal(CardDates.KeepCounts("Volume against target: 75% → 0/8"), Text(wang, "indicator.volume"));

        await using var db = _bot.CreateDbContext();
        var stored = await db.Set<ManagerFigures>().SingleAsync(f => f.ManagerId == "chen-jie");
        Assert.Equal((new DateOnly(2026, 11, 1), 320m, 304m, 2_000_000m, 2_000_000m, 342m, "li-na"),
            (stored.Month, stored.VolumeTargetCases, stored.VolumeCases, stored.ValueTargetYuan, stored.ValueYuan, stored.ForecastCases, stored.ImportedById));
        Assert.Equal(1_500_000.5m, (await db.Set<ManagerFigures>().SingleAsync(f => f.ManagerId == "wang-lei")).ValueYuan);
        Assert.Single(await db.AuditEntries.Where(a => a.Action == "figures.imported" && a.ActorId == "li-na").ToListAsync());
    }

    /// <summary>A re-import replaces a manager's month (and says so); a quarter sums its months.</summary>
    [Fact]
    public async Task Reimport_ReplacesTheSameManagerAndMonth_AndAQuarterSumsItsMonths()
    {
        await ImportedAsync(TeamsUser.LiNa, "figures.csv", Csv(FiguresEn, "chen.jie@diligence.example,2026-11,320,100,2000000,100000,100"));

        var answer = await ImportedAsync(TeamsUser.LiuYang, "业绩.xlsx", Xlsx(FiguresZh,
            ["chen.jie@diligence.example", "2026-10", 300, 300, 1_800_000, 1_800_000, 280],
            ["chen.jie@diligence.example", "２０２６－１１", "320", "304", 2_000_000, 2_000_000, 342]), "zh-CN");

        Assert.Equal("已从“业绩.xlsx”导入2行业绩：新增1行，1行替换了同一客户经理同月此前导入的业绩。考核将按新数据计算。", answer);
        await using (var db = _bot.CreateDbContext())
        {
            Assert.Equal([(new DateOnly(2026, 10, 1), 300m), (new DateOnly(2026, 11, 1), 304m)],
                (await db.Set<ManagerFigures>().Where(f => f.ManagerId == "chen-jie").OrderBy(f => f.Month).ToListAsync()).Select(f => (f.Month, f.VolumeCases)));
        }

        var november = await ScorecardAsync(TeamsUser.LiNa, "scorecard 2026-11 Chen Jie");
        Assert.Equal(CardDates.KeepCounts("Volume against target: 95% → 6/8"), Text(november, "indicator.volume"));
        var quarter = await ScorecardAsync(TeamsUser.LiNa, "scorecard 2026-Q4 Chen Jie");
        // October and November summed: 604 of 620 cases (97 %: 7.0 of 8). October forecast 20 cases short, November 38
        // over: 58 over 604 sold (9.6 %: 8.2 of 10); the misses do not cancel out (18 over 604 would be full marks).
        Assert.Equal(CardDates.KeepCounts("Volume against target: 97% → 7/8"), Text(quarter, "indicator.volume"));
        Assert.Equal(CardDates.KeepCounts("Forecast deviation: 10% → 8.2/10"), Text(quarter, "indicator.forecast-error"));
    }

    [Fact]
    public async Task BadFigureRows_AreEachNamed_InTheUsersLanguage_AndNothingIsStored()
    {
        var replies = await SendFileAsync(TeamsUser.LiNa, "业绩.csv", Csv(FiguresZh,
            "chen.jie@diligence.example,2026-11,320,304,2000000,2000000,342",
            "nobody@diligence.example,2026-11,320,304,2000000,2000000,342",
            "zhao.min@diligence.example,2026-11,320,304,2000000,2000000,342",
            "wang.lei@diligence.example,2026-13,320,304,2000000,2000000,342",
            "wang.lei@diligence.example,2027-01,320,304,2000000,2000000,342",
            "wang.lei@diligence.example,2026-10,320,-5,很多,2000000,30.555",
            "wang.lei@diligence.example,2026-09,0,304,2000000,2000000,342",
            "chen.jie@diligence.example,2026-11,300,300,1000000,1000000,300"), "zh-CN");

        Assert.Equal(
            [
                "第3行·客户经理（邮箱）|通讯录中没有客户经理“nobody@diligence.example”（请填写客户经理的邮箱）。",
                "第4行·客户经理（邮箱）|zhao.min@diligence.example不是您所带团队的客户经理。",
                $"第5行·月份（YYYY-MM）|“月份（YYYY-MM）”请按年月填写，例如{RecordPeriodExample()}。",
                $"第6行·月份（YYYY-MM）|{CardDates.Month(new DateOnly(2027, 1, 1), Language.ZhCn)}尚未开始，请导入已开始的月份。",
                "第7行·实际销量（箱）|“实际销量（箱）”必须是0到1,000,000之间的数字，最多保留两位小数。",
                "第7行·销售额目标（元）|“销售额目标（元）”必须是0到10,000,000,000之间的数字，最多保留两位小数。",
                "第7行·预测销量（箱）|“预测销量（箱）”必须是0到1,000,000之间的数字，最多保留两位小数。",
                "第8行·销量目标（箱）|“销量目标（箱）”必须大于0，完成率以此计算。",
                $"第9行·月份（YYYY-MM）|“chen.jie@diligence.example”{ZhMonth(11)}的业绩已在第2行填写。",
            ],
            ProblemsOf(replies));
        await AssertNothingStoredAsync();
    }

    private static string RecordPeriodExample() => DiligenceBot.Records.RecordPeriod.Holding(DiligenceBot.Records.RecordPeriodKind.Monthly, new DateOnly(2026, 12, 1)).Example;

    [Fact]
    public async Task Evaluations_FeedCustomerManagementAndMarketingService_AsAverages_NeverPerCustomer()
    {
        var answer = await ImportedAsync(TeamsUser.LiNa, "evaluations.xlsx", Xlsx(EvaluationsEn,
            ["L-2001", "chen.jie@diligence.example", "2026-11", 5, 4, 4, 4, 5, "Comes every Tuesday, very reliable."],
            ["l-2002", "chen-jie", "2026-11", 3, 5, 3, 4, 5, null]));

        Assert.Equal(
            "Imported 2 customers' evaluations from “evaluations.xlsx”: 2 new, 0 replacing an evaluation imported before for the same customer, manager and month. Scorecards now read them; managers see only averages.",
            answer);
        var card = await ScorecardAsync(TeamsUser.LiNa, "scorecard 2026-11 Chen Jie");
        // Customer management: visit regularity, problem solving, fairness — (5+4+5)/3 and (3+4+5)/3, averaging 4.33: 9.3 of 10.
        Assert.Equal(CardDates.KeepCounts("Retail customers' evaluation: 4.3 → 9.3/10"), Text(card, "indicator.customer-rating"));
        // Marketing service: service attitude and policy explanation — (4+4)/2 and (5+3)/2: 4.0, 6.4 of 8.
        Assert.Equal(CardDates.KeepCounts("Retail customers' evaluation of the service: 4.0 → 6.4/8"), Text(card, "indicator.service-rating"));
        var json = card.ToJsonString();
        Assert.DoesNotContain("L-2001", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Tuesday", json, StringComparison.Ordinal);

        await using var db = _bot.CreateDbContext();
        var stored = await db.Set<CustomerEvaluation>().OrderBy(e => e.CustomerId).ToListAsync();
        Assert.Equal(
            [("chen-jie", 5, 4, 4, 4, 5, "Comes every Tuesday, very reliable."), ("chen-jie", 3, 5, 3, 4, 5, null)],
            stored.Select(e => (e.ManagerId, e.VisitRegularity, e.ServiceAttitude, e.PolicyExplanation, e.ProblemSolving, e.FairnessIntegrity, e.Comment)));

        // The same customer, manager and month again replaces the evaluation.
        var again = await ImportedAsync(TeamsUser.LiNa, "评价.csv", Csv(EvaluationsZh, "L-2001,chen.jie@diligence.example,2026-11,1,1,1,1,1,"), "zh-CN");
        Assert.Equal("已从“评价.csv”导入1条客户评价：新增0条，1条替换了同一客户对同一客户经理同月此前导入的评价。考核将按新数据计算；客户经理只能看到平均分。", again);
        Assert.Equal(2, await db.Set<CustomerEvaluation>().CountAsync());
    }

    [Fact]
    public async Task AnEvaluationOfACustomerTheManagerDoesNotServe_OrNotRegistered_OrBadScores_IsRefused_AndNothingIsStored()
    {
        var replies = await SendFileAsync(TeamsUser.LiNa, "evaluations.csv", Csv(EvaluationsEn,
            "L-2001,chen.jie@diligence.example,2026-11,5,4,4,4,5,Fine",
            "L-3001,chen.jie@diligence.example,2026-11,5,4,4,4,5,",
            "L-9999,chen.jie@diligence.example,2026-11,5,4,4,4,5,",
            "L-2002,chen.jie@diligence.example,2026-11,6,4,3.5,,5,",
            "L-2001,chen.jie@diligence.example,2026-11,5,5,5,5,5,Twice"));

        Assert.Equal(
            [
                "Row 3 · Licence number|Customer L-3001 is not served by chen.jie@diligence.example; only the customers a manager serves evaluate that manager.",
                "Row 4 · Licence number|No customer with licence number L-9999 in the register; import the customer first.",
                "Row 5 · Visit regularity (1-5)|Visit regularity (1-5) must be a whole number from 1 to 5.",
                "Row 5 · Policy explanation (1-5)|Policy explanation (1-5) must be a whole number from 1 to 5.",
                "Row 5 · Problem solving (1-5)|Problem solving (1-5) must be a whole number from 1 to 5.",
                $"Row 6 · Licence number|Customer L-2001 already evaluates this manager for {CardDates.Month(new DateOnly(2026, 11, 1), Language.EnUs)} in row 2.",
            ],
            ProblemsOf(replies));
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task AManager_CannotImport_AndALeadCannotImportForAnotherLeadsManager()
    {
        var manager = await ImportedAsync(TeamsUser.ChenJie, "figures.csv", Csv(FiguresEn, "chen.jie@diligence.example,2026-11,320,304,2000000,2000000,342"));
        Assert.Equal("Only a lead or an administrator can import customers, figures or evaluations; nothing was imported.", manager);

        // Wang Lei leads East 2 (Zhao Min), not East 1 (Chen Jie).
        var replies = await SendFileAsync(TeamsUser.WangLei, "evaluations.csv", Csv(EvaluationsEn, "L-2001,chen.jie@diligence.example,2026-11,5,4,4,4,5,"));
        Assert.Equal(["Row 2 · Account manager (email)|chen.jie@diligence.example is not an account manager of a team you lead."], ProblemsOf(replies));
        await AssertNothingStoredAsync();
    }

    [Theory]
    [InlineData("figures template", "en-US", "figures-template.xlsx")]
    [InlineData("template figures", "en-US", "figures-template.xlsx")]
    [InlineData("模板 业绩", "zh-CN", "业绩导入模板.xlsx")]
    [InlineData("评价模板", "zh-CN", "客户评价导入模板.xlsx")]
    [InlineData("客户评价模板", "zh-CN", "客户评价导入模板.xlsx")]
    [InlineData("template evaluations", "en-US", "evaluations-template.xlsx")]
    [InlineData("客户模板", "zh-CN", "客户导入模板.xlsx")]
    public async Task Templates_AreOfferedByKind_AndTheirHeaderIsReadAsThatKind(string typed, string locale, string fileName)
    {
        var activity = Activities.Message(_connector.ServiceUrl, TeamsUser.LiNa, typed, locale);
        await _bot.PostActivityAsync(activity);
        var replies = _t.Chats.RepliesTo(activity["id"]!.GetValue<string>());

        var consent = replies.Select(r => r.Body!["attachments"]?[0]).Single(a => a?["contentType"]?.GetValue<string>() == "application/vnd.microsoft.teams.card.file.consent")!;
        Assert.Equal(fileName, consent["name"]!.GetValue<string>());
        byte[] template;
        await using (var db = _bot.CreateDbContext())
        {
            template = (await db.FileOffers.SingleAsync()).Content;
        }

        // The template sent back with only its header is read as its own kind: no rows under the header, not "no kind".
        using var read = new MemoryStream(template);
        var header = ((IDictionary<string, object?>)read.Query(useHeaderRow: false, excelType: ExcelType.XLSX).First()).Values.Select(v => v?.ToString()).ToArray();
        var answer = await ImportedAsync(TeamsUser.LiNa, fileName, ImportSheet.WriteXlsx(header!, []), locale);
        Assert.Equal(locale == "zh-CN" ? "文件表头下没有数据，未导入任何数据。" : "The file has no rows under its header; nothing was imported.", answer);
    }

    [Fact]
    public async Task Template_Alone_NamesTheKinds_AndAFileOfNoKindSaysWhichTemplatesThereAre()
    {
        Assert.Equal("Import templates: type **customers template**, **figures template**, **evaluations template**. Fill one in and send it to me here; I tell the kind of file from its first row.",
            Chats.TextOf(await _t.Chats.SayAsync(TeamsUser.LiNa, "template")));

        var answer = await ImportedAsync(TeamsUser.LiNa, "orders.csv", Csv(["Order", "Brand", "Cartons"], "1,Zhonghua,20"), "zh-CN");
        Assert.Equal("“orders.csv”第一行的列名不属于我能导入的任何文件（客户、业绩、客户评价），未导入任何数据。如需模板，请输入“客户模板”、“业绩模板”、“评价模板”。", answer);

        var missing = await ImportedAsync(TeamsUser.LiNa, "figures.csv", Csv(["Account manager", "Month", "Volume target"], "chen-jie,2026-11,3"));
        Assert.Equal(
            "The first row must name the columns; missing: Volume sold (cases), Sales value target (yuan), Sales value (yuan), Volume forecast (cases). Type **figures template** for the template. Nothing was imported.",
            missing);
        await AssertNothingStoredAsync();
    }
}
