using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DiligenceBot.Customers;
using DiligenceBot.Meetings;
using DiligenceBot.Organisation;
using DiligenceBot.Plans;
using DiligenceBot.Records;
using DiligenceBot.Reviews;
using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.Tests.WorkLogs;
using DiligenceBot.Testing;
using DiligenceBot.WorkLogs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static DiligenceBot.Tests.WorkLogs.WorkLogDriver;

namespace DiligenceBot.Tests.Records;

/// <summary>
/// The four record checks through /api/messages (SQLite, and PostgreSQL when the suite is pointed at it). The clock is
/// Thursday 3 December 2026, 08:10 in Shanghai: November's monthly summaries are due today, so "check" looks back at
/// November. East 1's November: Chen Jie 陈杰 logged 19 of the 21 working days (two late, one returned once, one still
/// waiting, one naming an unregistered shop), has an approved plan, attended one of two daily meetings, filed October's
/// summary (verified), a marketing case (returned) and a special report whose file the store lost; Wang Lei 王磊 wrote
/// one approved log and nothing else.
/// </summary>
public sealed class RecordCheckFlowTests : IAsyncLifetime
{
    private const string Tenant = Activities.TenantId;
    private static readonly TeamsUser LiuYang = new("29:1-liu-yang", "Liu Yang 刘洋", "944cedb3-3940-469a-a27e-ff773a2307f2");
    private static readonly DateOnly November = new(2026, 11, 1);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 0, 10, 0, TimeSpan.Zero));
    private LocalConnector _connector = null!;
    private BotApp _bot = null!;
    private WorkLogDriver _teams = null!;

    private Chats Chats => _teams.Chats;

    public async Task InitializeAsync()
    {
        _connector = await LocalConnector.StartAsync();
        _bot = new BotApp(time: _time).Start();
        _teams = new WorkLogDriver(_bot, _connector);
        foreach (var user in new[] { TeamsUser.WangLei, TeamsUser.LiNa, TeamsUser.ChenJie, LiuYang })
        {
            await _teams.InstallAsync(user, user == TeamsUser.WangLei ? "en-US" : "zh-CN");
        }

        await SeedNovemberAsync();
        _connector.Clear();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private static DateTimeOffset Shanghai(int month, int day, int hour = 9) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    private async Task SeedNovemberAsync()
    {
        var store = _bot.Services.GetRequiredService<IRecordStore>();
        await using var db = _bot.CreateDbContext();
        var dongfang = new Customer
        {
            TenantId = Tenant, LicenceNumber = "L-2001", Name = "东方便利", Address = "Nanjing Road 1", District = "Huangpu", Tier = "A",
            ManagerId = "chen-jie", VisitsPerMonth = 4, CreatedAt = Shanghai(10, 1), UpdatedAt = Shanghai(10, 1),
        };
        db.Customers.AddRange(dongfang, new Customer
        {
            TenantId = Tenant, LicenceNumber = "L-1001", Name = "Huamei Store", Address = "Nanjing Road 2", District = "Huangpu", Tier = "A",
            ManagerId = "wang-lei", VisitsPerMonth = 4, CreatedAt = Shanghai(10, 1), UpdatedAt = Shanghai(10, 1),
        });
        await db.SaveChangesAsync();

        WorkLog Log(string managerId, int day, string customers, WorkLogStatus status, bool onTime = true, bool returnedFirst = false)
        {
            var at = Shanghai(11, day, 20);
            var log = new WorkLog
            {
                Id = Guid.NewGuid(), TenantId = Tenant, TeamId = "east-1", ManagerId = managerId, WorkDate = new DateOnly(2026, 11, day), Status = status,
                CurrentRevision = returnedFirst ? 2 : 1, OnTime = onTime, FirstSubmittedAt = at, LastSubmittedAt = at, ConcurrencyStamp = Guid.NewGuid(),
                Revisions = [new WorkLogRevision { Number = 1, Values = new() { ["customers"] = customers }, SubmittedAt = at }],
            };
            if (returnedFirst)
            {
                log.Revisions.Add(new WorkLogRevision { Number = 2, Values = new() { ["customers"] = customers }, SubmittedAt = at });
                log.Reviews.Add(new WorkLogReview { RevisionNumber = 1, ReviewerId = "li-na", Decision = ReviewDecision.Returned, Requirement = "写清销量", DecidedAt = at });
            }

            if (status == WorkLogStatus.Approved)
            {
                log.Reviews.Add(new WorkLogReview { RevisionNumber = log.CurrentRevision, ReviewerId = "li-na", Decision = ReviewDecision.Approved, DecidedAt = at });
            }

            return log;
        }

        for (var day = new DateOnly(2026, 11, 2); day.Month == 11; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || day.Day is 9 or 20)
            {
                continue;
            }

            db.WorkLogs.Add(Log("chen-jie", day.Day, day.Day == 10 ? "路口新开的小店" : "东方便利",
                day.Day == 12 ? WorkLogStatus.Submitted : WorkLogStatus.Approved, onTime: day.Day is not (16 or 17), returnedFirst: day.Day == 11));
        }

        db.WorkLogs.Add(Log("wang-lei", 2, "Huamei Store", WorkLogStatus.Approved));
        db.Set<MarketingPlan>().Add(new MarketingPlan
        {
            Id = Guid.NewGuid(), TenantId = Tenant, TeamId = "east-1", ManagerId = "chen-jie", Month = November, Status = PlanStatus.Approved, CurrentRevision = 1,
            OnTime = true, FirstSubmittedAt = Shanghai(10, 20), LastSubmittedAt = Shanghai(10, 20), ConcurrencyStamp = Guid.NewGuid(),
            Revisions = [new MarketingPlanRevision { Number = 1, Measures = "陈列指导", SubmittedAt = Shanghai(10, 20) }],
            Reviews = [new MarketingPlanReview { RevisionNumber = 1, ReviewerId = "li-na", Decision = ReviewDecision.Approved, DecidedAt = Shanghai(10, 21) }],
        });
        MeetingMinutes Minutes(int day, bool chenPresent) => new()
        {
            Id = Guid.NewGuid(), TenantId = Tenant, TeamId = "east-1", DraftId = Guid.NewGuid(), MeetingDate = new DateOnly(2026, 11, day), Kind = MeetingKind.Daily,
            RecordedById = "li-na", RecordedAt = Shanghai(11, day), Topics = "销量", Revision = 1, ConcurrencyStamp = Guid.NewGuid(),
            Attendance =
            [
                new MeetingAttendance { PersonId = "chen-jie", Present = chenPresent, AbsenceReason = chenPresent ? null : "病假" },
                new MeetingAttendance { PersonId = "wang-lei", Present = true },
            ],
        };
        db.Set<MeetingMinutes>().AddRange(Minutes(5, true), Minutes(19, false));

        async Task<RecordFile> FileAsync(string name, byte[] content, bool lost = false)
        {
            var key = lost ? $"{Tenant}/2026/11/{Guid.NewGuid():N}" : await store.SaveAsync(Tenant, content, default);
            return new RecordFile
            {
                TenantId = Tenant, OwnerId = "chen-jie", FileName = name, FileType = "pdf", SizeBytes = content.Length,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), StorageKey = key, ReceivedAt = Shanghai(11, 2),
            };
        }

        ManagerRecord Record(string kind, string period, string title, RecordStatus status, int day, RecordFile file, params long[] customers)
        {
            var record = new ManagerRecord
            {
                Id = Guid.NewGuid(), TenantId = Tenant, TeamId = "east-1", ManagerId = "chen-jie", KindId = kind, PeriodKey = period, Title = title,
                CustomerIds = [.. customers], Status = status, CurrentRevision = 1, FirstFiledAt = Shanghai(11, day), LastFiledAt = Shanghai(11, day),
                ConcurrencyStamp = Guid.NewGuid(), Files = [file],
            };
            if (status != RecordStatus.Submitted)
            {
                record.Reviews.Add(new RecordReview
                {
                    RevisionNumber = 1, ReviewerId = "li-na", DecidedAt = Shanghai(11, day + 1),
                    Decision = status == RecordStatus.Verified ? ReviewDecision.Approved : ReviewDecision.Returned, Requirement = "补充照片",
                });
                record.VerifiedAt = status == RecordStatus.Verified ? Shanghai(11, day + 1) : null;
                record.VerifiedById = status == RecordStatus.Verified ? "li-na" : null;
            }

            return record;
        }

        // The special report names no registered customer, only a shop not registered yet: classified all the same.
        var report = Record("special-report", string.Empty, "新品反馈专题", RecordStatus.Submitted, 25, await FileAsync("反馈.pdf", [7, 8, 9], lost: true));
        report.UnregisteredCustomers = "车站旁新开的烟酒店";
        db.Set<ManagerRecord>().AddRange(
            Record("monthly-summary", "2026-10", "10月工作总结", RecordStatus.Verified, 3, await FileAsync("10月总结.pdf", [1, 2, 3])),
            Record("marketing-case", string.Empty, "东方便利陈列案例", RecordStatus.Returned, 20, await FileAsync("案例.pdf", [4, 5, 6]), dongfang.Id),
            report);
        await db.SaveChangesAsync();
    }

    /// <summary>What a reader sees: word joiners gone, no-break spaces and hyphens as plain ones.</summary>
    private static string Plain(string text) => text.Replace("\u2060", string.Empty, StringComparison.Ordinal).Replace('\u00a0', ' ').Replace('\u2011', '-');

    private static string PlainText(JsonObject card, string id) => Plain(Text(card, id));

    private static List<string> Behind(JsonObject card) =>
        Enumerable.Range(1, 30).Select(i => ById(card, "behind." + i)).TakeWhile(e => e is not null).Select(e => Plain(Shown(card, e!["id"]!.GetValue<string>()))).ToList();

    [Fact]
    public async Task Lead_ChecksLastMonth_TeamCardRanksManagers_ManagerCardHasTheFiguresOfEachCheck()
    {
        var team = CardOf(await Chats.SayAsync(TeamsUser.LiNa, "检查", "zh-CN"));
        Assert.Equal("华东一组·2026年11月资料检查", Plain(Title(team)));
        Assert.Equal("全月。", Text(team, "period"));
        Assert.Equal("四项检查达标0项", PlainText(team, "met.chen-jie"));
        Assert.Equal("未达标：完整、准确、分类、保管", PlainText(team, "notmet.chen-jie"));
        Assert.Equal("四项检查达标2项", PlainText(team, "met.wang-lei"));
        Assert.Equal("未达标：完整", PlainText(team, "notmet.wang-lei"));
        Assert.Equal("不计：保管", PlainText(team, "notmeasured.wang-lei"));
        var json = Json(team);
        Assert.True(json.IndexOf("row.chen-jie", StringComparison.Ordinal) < json.IndexOf("row.wang-lei", StringComparison.Ordinal), "most checks not met first");

        var chen = CardOf(await Chats.SayAsync(TeamsUser.LiNa, "check 2026-11 Chen Jie"));
        Assert.Equal("Record checks · Chen Jie 陈杰 · November 2026", Plain(Title(chen)));
        Assert.Equal("Complete: not met", Text(chen, "verdict.complete"));
        Assert.Equal("Logs: 19 of 21 working days (17 on time)", PlainText(chen, "figure.complete.1"));
        Assert.Equal("Plan for November 2026: submitted", PlainText(chen, "figure.complete.2"));
        Assert.Equal("Meetings: attended 1 of 2", PlainText(chen, "figure.complete.3"));
        Assert.Equal("Required records due: 1 of 1 filed", PlainText(chen, "figure.complete.4"));
        Assert.Equal("Correct: not met", Text(chen, "verdict.correct"));
        Assert.Equal("Approved or verified by the lead: 20 of 23", PlainText(chen, "figure.correct.1"));
        Assert.Equal("Returned: 2 time(s) (logs 1, plan 0, records 1)", PlainText(chen, "figure.correct.2"));
        Assert.Equal("Waiting for the lead: 2", PlainText(chen, "figure.correct.3"));
        Assert.Equal("Classified: not met", Text(chen, "verdict.classified"));
        Assert.Equal("Records classified by kind and period or customers: 3 of 3", PlainText(chen, "figure.classified.1"));
        Assert.Equal("Logs naming registered customers: 18 of 19", PlainText(chen, "figure.classified.2"));
        Assert.Equal("Kept safe: not met", Text(chen, "verdict.kept"));
        Assert.Equal("Records verified and locked: 1 of 3", PlainText(chen, "figure.kept.1"));
        Assert.Equal("Files retrievable intact: 2 of 3", PlainText(chen, "figure.kept.2"));

        // The team card's Open is the manager's card, in the lead's language.
        var open = Action(team, RecordCheckCards.CheckVerb)!;
        Assert.Equal("chen-jie", open["data"]!["managerId"]!.GetValue<string>());
        var (wang, _) = await _teams.ExecuteAsync(TeamsUser.LiNa, RecordCheckCards.CheckVerb,
            new JsonObject { ["verb"] = RecordCheckCards.CheckVerb, ["managerId"] = "wang-lei", ["month"] = "2026-11" }, locale: "zh-CN");
        Assert.Equal("完整：未达标", Text(wang!, "verdict.complete"));
        Assert.Equal("日志：21个工作日已交1篇（准时1篇）", PlainText(wang!, "figure.complete.1"));
        Assert.Equal("2026年11月营销计划：未提交", PlainText(wang!, "figure.complete.2"));
        Assert.Equal("到期应交资料：1份中已交0份", PlainText(wang!, "figure.complete.4"));
        Assert.Equal("准确：达标", Text(wang!, "verdict.correct"));
        Assert.Equal("分类：达标", Text(wang!, "verdict.classified"));
        Assert.Equal("保管：不计：暂无可查内容", Text(wang!, "verdict.kept"));
    }

    [Fact]
    public async Task WhatIsBehind_ListsTheMisses_AndOpensThemWithTheirOwnVerbs()
    {
        async Task<JsonObject> BehindAsync(string check) => (await _teams.ExecuteAsync(TeamsUser.LiNa, RecordCheckCards.BehindVerb,
            new JsonObject { ["verb"] = RecordCheckCards.BehindVerb, ["managerId"] = "chen-jie", ["month"] = "2026-11", ["check"] = check })).Card!;

        var complete = await BehindAsync("complete");
        Assert.Equal(["Log for Mon 9 Nov: missing", "Log for Fri 20 Nov: missing", "Daily meeting on Thu 19 Nov: absent (病假)"], Behind(complete));
        Assert.Equal(MinutesCards.ViewVerb, Action(ById(complete, "behind.3")!, MinutesCards.ViewVerb)!["verb"]!.GetValue<string>());

        var correct = await BehindAsync("correct");
        Assert.Equal(["Log for Wed 11 Nov: returned 1 time(s)", "“东方便利陈列案例”: returned 1 time(s)"], Behind(correct));
        var returned = Action(ById(correct, "behind.2")!, RecordCards.ViewVerb)!;
        var (record, _) = await _teams.ExecuteAsync(TeamsUser.LiNa, RecordCards.ViewVerb, returned["data"]!.AsObject());
        Assert.Equal("Marketing case: 东方便利陈列案例", Title(record!));
        var log = Action(ById(correct, "behind.1")!, WorkLogCards.ReviewViewVerb)!;
        Assert.NotNull((await _teams.ExecuteAsync(TeamsUser.LiNa, WorkLogCards.ReviewViewVerb, log["data"]!.AsObject())).Card);

        Assert.Equal(["Log for Tue 10 Nov: names no registered customer"], Behind(await BehindAsync("classified")));
        Assert.Equal(
            ["“东方便利陈列案例”: Returned", "“新品反馈专题”: Waiting for the lead", "“新品反馈专题”: the file 反馈.pdf cannot be retrieved intact"],
            Behind(await BehindAsync("kept")));
    }

    [Fact]
    public async Task AdminSeesEveryTeam_AndTheMonthSoFar_ButNoMonthAhead()
    {
        var all = CardOf(await Chats.SayAsync(LiuYang, "check 2026-12"));
        Assert.Equal("Record checks · December 2026", Plain(Title(all)));
        Assert.NotNull(ById(all, "section.east-1"));
        Assert.NotNull(ById(all, "section.east-2"));
        Assert.Equal("This month so far: up to Wednesday 2 December.", Plain(Text(all, "period.east-1")));
        Assert.NotNull(ById(all, "row.zhao-min"));

        Assert.Equal("January 2027 has not begun yet; check a month that has.", Plain(Chats.TextOf(await Chats.SayAsync(LiuYang, "check 2027-01"))));
    }

    [Fact]
    public async Task Refusals_SaySpecificallyWhy_InTheAskersLanguage()
    {
        await using (var db = _bot.CreateDbContext())
        {
            db.Teams.Add(new Team { Id = "west-9", TenantId = "other-tenant", NameEn = "West 9", NameZh = "西九组", MeetingTime = new TimeOnly(8, 30) });
            db.People.Add(new Person { Id = "ma-li", TenantId = "other-tenant", AadObjectId = Guid.NewGuid().ToString(), DisplayName = "Ma Li 马丽", TeamId = "west-9" });
            await db.SaveChangesAsync();
        }

        Assert.Equal("资料检查由组长、其代理人、组长的上级和管理员使用。输入“资料”可查看您自己的资料。",
            Chats.TextOf(await Chats.SayAsync(TeamsUser.ChenJie, "检查", "zh-CN")));
        Assert.Equal("资料检查由组长、其代理人、组长的上级和管理员使用。输入“资料”可查看您自己的资料。",
            Chats.TextOf(await Chats.SayAsync(TeamsUser.ChenJie, "检查 2026-11 王磊", "zh-CN")));
        Assert.Equal("Chen Jie 陈杰 is not in a team you lead or oversee; only Chen Jie 陈杰's lead chain and admins check Chen Jie 陈杰's records.",
            Chats.TextOf(await Chats.SayAsync(TeamsUser.WangLei, "check Chen Jie")));
        Assert.Equal("You do not check your own records; type **records** to see them.", Chats.TextOf(await Chats.SayAsync(TeamsUser.WangLei, "check Wang Lei")));
        Assert.Equal("这里没有名为“Ma Li”的客户经理。输入“检查”可查看您的团队。", Chats.TextOf(await Chats.SayAsync(TeamsUser.LiNa, "检查 Ma Li", "zh-CN")));
        var (card, forged) = await _teams.ExecuteAsync(TeamsUser.LiNa, RecordCheckCards.CheckVerb,
            new JsonObject { ["verb"] = RecordCheckCards.CheckVerb, ["managerId"] = "ma-li", ["month"] = "2026-11" });
        Assert.Null(card);
        Assert.Equal("There is no account manager called “ma-li” here. Type **check** to see your teams.", MessageOf(forged));
        var (behind, other) = await _teams.ExecuteAsync(TeamsUser.WangLei, RecordCheckCards.BehindVerb,
            new JsonObject { ["verb"] = RecordCheckCards.BehindVerb, ["managerId"] = "chen-jie", ["month"] = "2026-11", ["check"] = "kept" });
        Assert.Null(behind);
        Assert.StartsWith("Chen Jie 陈杰 is not in a team you lead or oversee", MessageOf(other), StringComparison.Ordinal);

        Assert.Equal("Write the month as YYYY-MM, e.g. check 2026-11 or check 2026-11 Chen Jie.", Chats.TextOf(await Chats.SayAsync(TeamsUser.LiNa, "check 2026-13")));
        Assert.Equal("请按YYYY-MM填写月份，例如“检查 2026-11”或“检查 2026-11 陈杰”。", Chats.TextOf(await Chats.SayAsync(TeamsUser.LiNa, "检查 2026年11月 陈杰", "zh-CN")));
        Assert.Equal("There is no account manager called “Nobody” here. Type **check** to see your teams.", Chats.TextOf(await Chats.SayAsync(TeamsUser.LiNa, "check Nobody")));
    }

    [Fact]
    public async Task Checks_AreOneComputation_ForAnyNumberOfManagers_AndTheSameForOneOrAll()
    {
        await using var scope = _bot.Services.CreateAsyncScope();
        var checks = scope.ServiceProvider.GetRequiredService<RecordChecks>();
        var db = scope.ServiceProvider.GetRequiredService<DiligenceBot.Data.DiligenceDbContext>();
        var people = await db.People.Where(p => p.TenantId == Tenant && p.TeamId != null).OrderBy(p => p.Id).ToListAsync();
        var all = await checks.OfAsync(people, November, default);
        var chen = Assert.Single(await checks.OfAsync([people.Single(p => p.Id == "chen-jie")], November, default));
        var same = all.Single(c => c.Manager.Id == "chen-jie");
        Assert.Equal((chen.Complete, chen.Correct, chen.Classified, chen.Kept), (same.Complete, same.Correct, same.Classified, same.Kept));
        Assert.Equal(new Share(19, 21), chen.Complete.Logs);
        Assert.Equal(CheckVerdict.NotMeasured, all.Single(c => c.Manager.Id == "zhao-min").Kept.Verdict);
        Assert.Equal(new DateOnly(2026, 11, 1), checks.DefaultMonth(chen.Team));
    }
}
