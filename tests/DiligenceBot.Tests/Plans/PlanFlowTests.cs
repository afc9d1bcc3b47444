using System.Text.Json.Nodes;
using DiligenceBot.Customers;
using DiligenceBot.Plans;
using DiligenceBot.Reviews;
using DiligenceBot.Scheduling;
using DiligenceBot.Testing;
using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.Tests.WorkLogs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static DiligenceBot.Tests.WorkLogs.WorkLogDriver;

namespace DiligenceBot.Tests.Plans;

/// <summary>
/// The monthly marketing plan through /api/messages, as each person sees it (SQLite, and PostgreSQL when test.sh points
/// the suite at it). The clock is Monday 2026-09-21, 08:10 in Shanghai: East 1's managers owe October's plan by the
/// 25th. October 2026 has the National Day holiday (1–7 October) and a make-up working Saturday (10 October): its
/// working days are the 8th, 9th, 10th, 12th–16th, 19th–23rd and 26th–30th (18).
/// </summary>
public sealed class PlanFlowTests : IAsyncLifetime
{
    private const string Tenant = "fe71a704-0ed8-44e8-a9d0-9a48917cced0";
    private static readonly TeamsUser LiuYang = new("29:1-liu-yang", "Liu Yang 刘洋", "944cedb3-3940-469a-a27e-ff773a2307f2");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 9, 21, 0, 10, 0, TimeSpan.Zero));
    private LocalConnector _connector = null!;
    private BotApp _bot = null!;
    private WorkLogDriver _teams = null!;

    private Chats Chats => _teams.Chats;

    public async Task InitializeAsync()
    {
        _connector = await LocalConnector.StartAsync();
        _bot = new BotApp(time: _time).Start();
        _teams = new WorkLogDriver(_bot, _connector);
        await _teams.InstallAsync(TeamsUser.WangLei);
        await _teams.InstallAsync(TeamsUser.LiNa, "zh-CN");
        await _teams.InstallAsync(TeamsUser.ChenJie, "zh-CN");
        await _teams.InstallAsync(LiuYang, "zh-CN");
        await using var db = _bot.CreateDbContext();
        db.Customers.AddRange(
            Customer("L-1001", "Huamei Store", "wang-lei", 4),
            Customer("L-1002", "Xinhua Kiosk", "wang-lei", 2),
            Customer("L-2001", "东方便利", "chen-jie", 3));
        await db.SaveChangesAsync();
        _connector.Clear();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private Customer Customer(string licence, string name, string managerId, int visits) => new()
    {
        TenantId = Tenant, LicenceNumber = licence, Name = name, Address = "Nanjing Road 1", District = "Huangpu", Tier = "A",
        ManagerId = managerId, VisitsPerMonth = visits, CreatedAt = _time.GetUtcNow(), UpdatedAt = _time.GetUtcNow(),
    };

    private static string? Value(JsonObject card, string id) => ById(card, id)?["value"]?.ToString();

    /// <summary>The form's submit data with every input the card shows filled as the card holds it, then <paramref name="changes"/>.</summary>
    private static JsonObject Filled(JsonObject form, params (string Key, string Value)[] changes)
    {
        var data = Copy(Action(form, PlanCards.SubmitVerb)!["data"]!.AsObject());
        foreach (var input in Inputs(form))
        {
            data[input["id"]!.GetValue<string>()] = input["value"]?.ToString() ?? string.Empty;
        }

        foreach (var (key, value) in changes)
        {
            data[key] = value;
        }

        return data;
    }

    private static IEnumerable<JsonObject> Inputs(JsonNode node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() is { } t && t.StartsWith("Input.", StringComparison.Ordinal) => [o],
        JsonObject o => o.SelectMany(p => p.Value is null ? [] : Inputs(p.Value)),
        JsonArray a => a.SelectMany(n => n is null ? [] : Inputs(n)),
        _ => [],
    };

    private async Task<(string PlanId, JsonObject Summary)> SubmitOctoberAsync()
    {
        var form = CardOf(await Chats.SayAsync(TeamsUser.WangLei, "plan"));
        var (summary, answer) = await _teams.ExecuteAsync(TeamsUser.WangLei, PlanCards.SubmitVerb,
            Filled(form, ("p.volume", "320"), ("p.value", "96000.5"), ("p.brands", "Huangshan, Zhonghua"), ("p.measures", "Display help for the two new shops")));
        Assert.True(summary is not null, answer.ToJsonString());
        await using var db = _bot.CreateDbContext();
        return ((await db.Set<MarketingPlan>().SingleAsync(p => p.ManagerId == "wang-lei")).Id.ToString(), summary!);
    }

    [Fact]
    public async Task Plan_DraftsOctobersVisitsOverItsWorkingDays_AndSubmitStoresThePlan_AndTheLeadGetsTheReviewCard()
    {
        var form = CardOf(await Chats.SayAsync(TeamsUser.WangLei, "plan"));
        Assert.Equal("Marketing plan for October\u00a02026", Title(form));
        Assert.Equal("Due by the end of Friday\u00a025\u00a0September.", Text(form, "due"));

        // One input per working day: the make-up Saturday is there, the holiday week and ordinary weekends are not.
        var days = Inputs(form).Select(i => i["id"]!.GetValue<string>()).Where(id => id.StartsWith("v.", StringComparison.Ordinal)).ToList();
        Assert.Equal(18, days.Count);
        Assert.Contains("v.2026-10-10", days);
        Assert.DoesNotContain("v.2026-10-01", days);
        Assert.DoesNotContain("v.2026-10-17", days);

        // The draft: Huamei Store 4 times and Xinhua Kiosk twice, each on different days, spread over the month; none of Chen Jie's.
        var drafted = days.Select(d => (Day: d, Line: Value(form, d) ?? string.Empty)).ToList();
        var huamei = drafted.Where(d => d.Line.Contains("L-1001", StringComparison.Ordinal)).Select(d => d.Day).ToList();
        Assert.Equal(4, huamei.Count);
        Assert.Equal(2, drafted.Count(d => d.Line.Contains("L-1002", StringComparison.Ordinal)));
        Assert.DoesNotContain(drafted, d => d.Line.Contains("L-2001", StringComparison.Ordinal));
        Assert.Contains(huamei, d => string.CompareOrdinal(d, "v.2026-10-15") < 0);
        Assert.Contains(huamei, d => string.CompareOrdinal(d, "v.2026-10-21") > 0);

        // He moves a visit to the make-up Saturday and submits.
        var (summary, _) = await _teams.ExecuteAsync(TeamsUser.WangLei, PlanCards.SubmitVerb,
            Filled(form, ("p.volume", "320"), ("p.value", "96000.5"), ("p.brands", ""), ("p.measures", "Display help for the two new shops"), ("v.2026-10-10", "xinhua kiosk")));
        Assert.Equal("Saved; your lead will review it.", Text(summary!, "notice"));
        Assert.Equal("Waiting for your lead's review · On time · Revision 1", Text(summary!, "status"));

        await using var db = _bot.CreateDbContext();
        var plan = await db.Set<MarketingPlan>().Include(p => p.Revisions).SingleAsync();
        Assert.Equal((new DateOnly(2026, 10, 1), PlanStatus.Submitted, true), (plan.Month, plan.Status, plan.OnTime));
        var revision = plan.Revisions.Single();
        Assert.Equal((320m, 96000.5m, (string?)null), (revision.VolumeCases, revision.ValueYuan, revision.KeyBrands));
        var xinhua = (await db.Customers.SingleAsync(c => c.LicenceNumber == "L-1002")).Id;
        Assert.Contains(new PlannedVisit(new DateOnly(2026, 10, 10), xinhua), revision.Visits);
        Assert.True(revision.Visits.Count >= 6);

        var review = CardOf(await Chats.NotifiedAsync(TeamsUser.LiNa, PlanBook.ReviewRequested));
        Assert.Equal($"Wang Lei 王磊的{ZhMonth(10)}营销计划", Title(review));
        Assert.Contains("Huamei Store（L-1001）：计\u2060划\u20604\u2060次，要\u2060求\u20604\u2060次", Shown(review, "answer.visits"), StringComparison.Ordinal);
        Assert.NotNull(Action(review, PlanCards.ApproveVerb));
    }

    [Fact]
    public async Task Submit_WithBadInput_ReturnsTheCardWithWhatWasTyped_AndASpecificMessageForEachProblem_AndStoresNothing()
    {
        var form = CardOf(await Chats.SayAsync(TeamsUser.WangLei, "营销计划", "zh-CN"));
        var data = Filled(form,
            ("p.volume", "-5"),
            ("p.value", "12万"),
            ("p.measures", "   "),
            ("v.2026-10-01", "L-1001"),
            ("v.2026-10-12", "L-1001, 不存在的店"),
            ("v.2026-10-13", "L-2001"),
            ("v.2026-11-02", "L-1002"));
        var (card, answer) = await _teams.ExecuteAsync(TeamsUser.WangLei, PlanCards.SubmitVerb, data, locale: "zh-CN");
        Assert.True(card is not null, answer.ToJsonString());

        Assert.Equal("请修改下面标出的内容；尚未保存。", Text(card!, "errors"));
        Assert.Contains("销量（箱）", Text(card!, "error.p.volume"), StringComparison.Ordinal);
        Assert.Contains("销售额（元）", Text(card!, "error.p.value"), StringComparison.Ordinal);
        Assert.Equal("请填写“针对性服务措施”。", Text(card!, "error.p.measures"));
        Assert.Equal($"{ZhDate(10, 1, shortForm: true)}不是您团队的工作日（周末或节假日），请把这些拜访移到工作日。", Text(card!, "error.v.2026-10-01"));
        Assert.Equal("“不存在的店”不是已登记的客户，请填写您客户列表中的许可证号或名称。", Text(card!, "error.v.2026-10-12"));
        Assert.Equal("东方便利（L-2001）由其他客户经理负责，不是您的客户；请只安排您自己的客户。", Text(card!, "error.v.2026-10-13"));
        Assert.Equal($"{ZhDate(11, 2, shortForm: true)}不在{ZhMonth(10)}内，请只安排该月的日期。", Text(card!, "error.v.2026-11-02"));

        // Nothing typed is lost: the holiday's line comes back in its own input, the others as typed.
        Assert.Equal("L-1001", Value(card!, "v.2026-10-01"));
        Assert.Equal("L-1001, 不存在的店", Value(card!, "v.2026-10-12"));
        Assert.Equal("L-2001", Value(card!, "v.2026-10-13"));

        await using var db = _bot.CreateDbContext();
        Assert.False(await db.Set<MarketingPlan>().AnyAsync());
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action.StartsWith("plan.")));
    }

    [Fact]
    public async Task TheLead_ReturnsWithTheThreePartComment_TheManagerRevises_TheLeadApproves_AndOthersAreRefused()
    {
        var (planId, _) = await SubmitOctoberAsync();
        var review1 = CardOf(await Chats.NotifiedAsync(TeamsUser.LiNa, PlanBook.ReviewRequested, n => n.Revision == 1));
        var returnData = Copy(Action(review1, PlanCards.ReturnVerb)!["data"]!.AsObject());

        // Returning without a comment or a rating: the shared review says so, in the plan's words.
        var (incomplete, _) = await _teams.ExecuteAsync(TeamsUser.LiNa, PlanCards.ReturnVerb, Copy(returnData), locale: "zh-CN");
        Assert.Contains("退回计划需至少填写评价、要求或建议中的一项", Text(incomplete!, "errors"), StringComparison.Ordinal);
        Assert.Contains("请选择1到5的质量评分", Text(incomplete!, "errors"), StringComparison.Ordinal);

        // Chen Jie, a manager of the team, may not review it; the view refresh shows him nothing of it either.
        var (_, refused) = await _teams.ExecuteAsync(TeamsUser.ChenJie, PlanCards.ApproveVerb, Copy(Action(review1, PlanCards.ApproveVerb)!["data"]!.AsObject()));
        Assert.Equal("Only the lead of East District 1 (or a delegate named for the team) may review this plan; nothing was changed.", MessageOf(refused));
        var (_, peek) = await _teams.ExecuteAsync(TeamsUser.ChenJie, PlanCards.ReviewViewVerb, new JsonObject { ["verb"] = PlanCards.ReviewViewVerb, ["planId"] = planId });
        Assert.DoesNotContain("320", peek.ToJsonString(), StringComparison.Ordinal);

        returnData["c.requirement"] = "把华美的拜访增加到每周一次";
        returnData["c.rating"] = "3";
        var (returned, _) = await _teams.ExecuteAsync(TeamsUser.LiNa, PlanCards.ReturnVerb, returnData, locale: "zh-CN");
        Assert.StartsWith("已被Li Na 李娜退回", Text(returned!, "decision"), StringComparison.Ordinal);

        // Wang Lei gets the form back, prefilled, with the comment on top.
        var revise = CardOf(await Chats.NotifiedAsync(TeamsUser.WangLei, PlanBook.Returned));
        Assert.Equal("Returned by Li Na 李娜 · 3 / 5", Text(revise, "comment-heading"));
        Assert.Equal("Display help for the two new shops", Value(revise, "p.measures"));
        var (summary2, _) = await _teams.ExecuteAsync(TeamsUser.WangLei, PlanCards.SubmitVerb, Filled(revise, ("p.measures", "Display help for the two new shops\nWeekly visit to Huamei Store")));
        Assert.Equal("Waiting for your lead's review · On time · Revision 2", Text(summary2!, "status"));

        // The delegate (Liu Yang) approves revision 2 through the same review.
        var review2 = CardOf(await Chats.NotifiedAsync(TeamsUser.LiNa, PlanBook.ReviewRequested, n => n.Revision == 2));
        var approve = Copy(Action(review2, PlanCards.ApproveVerb)!["data"]!.AsObject());
        approve["c.rating"] = "4";
        var (approved, _) = await _teams.ExecuteAsync(LiuYang, PlanCards.ApproveVerb, approve, locale: "zh-CN");
        Assert.StartsWith("Liu Yang 刘洋已审阅通过", Text(approved!, "decision"), StringComparison.Ordinal);
        var toWang = await Chats.NotifiedAsync(TeamsUser.WangLei, PlanBook.Approved);
        Assert.Equal("Your marketing plan was approved", toWang.Body!["summary"]!.GetValue<string>());
        Assert.Null(Action(CardOf(toWang), PlanCards.EditVerb));

        // The old card cannot decide any more; an approved plan cannot be edited.
        var (stale, _) = await _teams.ExecuteAsync(TeamsUser.LiNa, PlanCards.ApproveVerb, Copy(Action(review1, PlanCards.ApproveVerb)!["data"]!.AsObject()), locale: "zh-CN");
        Assert.Contains("已于", Text(stale!, "notice"), StringComparison.Ordinal);
        var (edit, _) = await _teams.ExecuteAsync(TeamsUser.WangLei, PlanCards.EditVerb, new JsonObject { ["verb"] = PlanCards.EditVerb, ["planId"] = planId });
        Assert.Equal("This plan was already approved and can no longer be changed.", Text(edit!, "notice"));

        await using var db = _bot.CreateDbContext();
        var plan = await db.Set<MarketingPlan>().Include(p => p.Reviews).SingleAsync();
        Assert.Equal((PlanStatus.Approved, 2, 4), (plan.Status, plan.CurrentRevision, plan.QualityRating));
        Assert.Equal([(1, ReviewDecision.Returned, "li-na"), (2, ReviewDecision.Approved, "liu-yang")],
            plan.Reviews.OrderBy(r => r.RevisionNumber).Select(r => (r.RevisionNumber, r.Decision, r.ReviewerId)));
        var trail = await db.AuditEntries.Where(a => a.SubjectType == "MarketingPlan").OrderBy(a => a.Id).Select(a => a.ActorId + " " + a.Action + " " + a.Revision).ToListAsync();
        Assert.Equal(["wang-lei plan.submitted 1", "li-na plan.returned 1", "wang-lei plan.resubmitted 2", "liu-yang plan.approved 2"], trail);
    }

    [Fact]
    public async Task PlanSetting_ByAnAdmin_MovesTheDueDay_IsAudited_AndIsRefusedToOthers()
    {
        var refused = await Chats.SayAsync(TeamsUser.LiNa, "计划设置 east-1 20", "zh-CN");
        Assert.Equal("只有管理员可以修改团队日程；未做任何更改。", Chats.TextOf(refused));
        var usage = await Chats.SayAsync(LiuYang, "计划设置 east-1 31", "zh-CN");
        Assert.StartsWith("格式：“计划设置 团队 日期”", Chats.TextOf(usage), StringComparison.Ordinal);

        var changed = await Chats.SayAsync(LiuYang, "计划设置 east-1 20", "zh-CN");
        Assert.Equal("华东一组的下月营销计划现须在每月20日前提交；提醒随即按此发送。", Chats.TextOf(changed));
        var form = CardOf(await Chats.SayAsync(TeamsUser.WangLei, "plan"));
        Assert.Equal("Due by the end of Sunday\u00a020\u00a0September.", Text(form, "due"));

        // Submitted now (the 21st), after the new due day: late.
        var (summary, _) = await _teams.ExecuteAsync(TeamsUser.WangLei, PlanCards.SubmitVerb, Filled(form, ("p.volume", "1"), ("p.value", "2"), ("p.measures", "m")));
        Assert.Equal("Waiting for your lead's review · Late · Revision 1", Text(summary!, "status"));

        await using var db = _bot.CreateDbContext();
        Assert.Equal(20, (await db.Teams.SingleAsync(t => t.Id == "east-1")).PlanDueDay);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "team.plan-day-changed" && a.ActorId == "liu-yang"));
    }

    /// <summary>Moves the clock to a Shanghai time and runs East 1's schedule job once, as Hangfire's minutely trigger would.</summary>
    private async Task RunScheduleAsync(int month, int day, int hour, int minute)
    {
        _time.SetUtcNow(new DateTimeOffset(2026, month, day, hour, minute, 0, TimeSpan.FromHours(8)));
        await using var scope = _bot.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TeamScheduleJob>().RunAsync("east-1", CancellationToken.None);
    }

    [Fact]
    public async Task BeforeThePlanDay_ManagersWithoutAPlanAreReminded_WithTheDraft_AndAfterIt_TheLeadIsToldWhoseIsMissing()
    {
        // Tuesday 22 September at the meeting: one of the last three working days before the 25th (a holiday).
        await RunScheduleAsync(9, 22, 8, 29);
        await RunScheduleAsync(9, 22, 8, 30);
        var toWang = CardOf(await Chats.NotifiedAsync(TeamsUser.WangLei, PlanSchedule.Reminder));
        Assert.Equal("Marketing plan for October\u00a02026", Title(toWang));
        Assert.Equal("Reminder: your marketing plan for October\u00a02026 is due by the end of Friday\u00a025\u00a0September. I drafted the visit plan; adjust it and submit.", Text(toWang, "notice"));
        Assert.Contains("L-1001", Value(toWang, "v.2026-10-08") + Value(toWang, "v.2026-10-09") + Value(toWang, "v.2026-10-10") + Value(toWang, "v.2026-10-12") + Value(toWang, "v.2026-10-13"), StringComparison.Ordinal);
        await Chats.NotifiedAsync(TeamsUser.ChenJie, PlanSchedule.Reminder);

        // Wang Lei submits from the reminder; running again sends nothing twice.
        var (summary, _) = await _teams.ExecuteAsync(TeamsUser.WangLei, PlanCards.SubmitVerb, Filled(toWang, ("p.volume", "300"), ("p.value", "90000"), ("p.measures", "Display help")));
        Assert.NotNull(summary);
        await RunScheduleAsync(9, 22, 8, 31);

        // Monday 28 September, the first working day after the plan day: Li Na hears of Chen Jie's missing plan only.
        await RunScheduleAsync(9, 28, 8, 29);
        await RunScheduleAsync(9, 28, 8, 30);
        var toLiNa = await Chats.NotifiedAsync(TeamsUser.LiNa, PlanSchedule.MissingToLead);
        Assert.Equal($"提醒原因：Chen Jie 陈杰尚未提交{ZhMonth(10)}营销计划，截止日为{ZhDate(9, 25)}。", Chats.TextOf(toLiNa));

        await Chats.Outbox.DrainedAsync();
        await using var db = _bot.CreateDbContext();
        var plans = await db.Notifications.Where(n => n.Kind.StartsWith("plan.")).OrderBy(n => n.Id).Select(n => n.Kind + " " + n.RecipientId).ToListAsync();
        Assert.Equal(["plan.reminder chen-jie", "plan.reminder wang-lei", "plan.review-requested li-na", "plan.missing-lead li-na"], plans);
    }

    /// <summary>Wang Lei's October plan with exactly these visits (every other day left empty), submitted now.</summary>
    private async Task SubmitOctoberVisitsAsync(params (string Day, string Customers)[] visits)
    {
        var form = CardOf(await Chats.SayAsync(TeamsUser.WangLei, "plan"));
        var data = Filled(form, ("p.volume", "320"), ("p.value", "96000"), ("p.measures", "Display help for the two new shops\nPromote the new brand at Huamei Store"));
        foreach (var key in data.Select(p => p.Key).Where(k => k.StartsWith(PlanCards.DayPrefix, StringComparison.Ordinal)).ToList())
        {
            data[key] = visits.FirstOrDefault(v => "v." + v.Day == key).Customers ?? string.Empty;
        }

        var (summary, answer) = await _teams.ExecuteAsync(TeamsUser.WangLei, PlanCards.SubmitVerb, data);
        Assert.True(summary is not null && Text(summary, "status").StartsWith("Waiting", StringComparison.Ordinal), answer.ToJsonString());
    }

    /// <summary>The customers picker's value (what a log stores) for these registered customers.</summary>
    private async Task<string> PickedAsync(params string[] licences)
    {
        await using var db = _bot.CreateDbContext();
        return CustomerPicks.Encode(await db.Customers.Where(c => licences.Contains(c.LicenceNumber)).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync());
    }

    /// <summary>A log of Wang Lei's for a day of October naming customers (free text as before the picker, or picked ids) and, if given, the cases ordered.</summary>
    private async Task LogAsync(int day, string customers, string? volume = null)
    {
        await using var db = _bot.CreateDbContext();
        var values = new Dictionary<string, string> { ["customers"] = customers, ["visits"] = "3" };
        if (volume is not null)
        {
            values["volume"] = volume;
        }

        var at = _time.GetUtcNow();
        db.WorkLogs.Add(new DiligenceBot.WorkLogs.WorkLog
        {
            Id = Guid.NewGuid(), TenantId = Tenant, TeamId = "east-1", ManagerId = "wang-lei", WorkDate = new DateOnly(2026, 10, day), CurrentRevision = 1,
            FirstSubmittedAt = at, LastSubmittedAt = at, ConcurrencyStamp = Guid.NewGuid(),
            Revisions = [new DiligenceBot.WorkLogs.WorkLogRevision { Number = 1, Values = values, SubmittedAt = at }],
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task MidMonth_TheLeadsDigest_ShowsEachManagersPlanProgress_BehindPlanFirst_AndTeamPlansCountsTheSame()
    {
        // Five visits planned, three of them before Wednesday 14 October; logs name Huamei Store on a planned day and
        // Xinhua Kiosk on another day (it counts: one visit to it was planned so far), and Huamei Store on the 14th (today: not yet counted).
        // Logs written before the customers picker name them in free text; a picked customer counts by its id.
        await SubmitOctoberVisitsAsync(("2026-10-08", "L-1001"), ("2026-10-09", "L-1002"), ("2026-10-12", "L-1001"), ("2026-10-20", "L-1001, L-1002"));
        await LogAsync(8, "Huamei Store");
        await LogAsync(13, await PickedAsync("L-1002")); // picked in the log's customers picker
        await LogAsync(14, "Huamei Store");

        await RunScheduleAsync(10, 14, 8, 15);
        var digest = CardOf(await Chats.NotifiedAsync(TeamsUser.LiNa, TeamScheduleJob.Digest));
        Assert.Equal($"{ZhMonth(10)}营销计划执行进度\nWang Lei 王磊：截至目前计划拜访3次，已完成2次（67%），落后1次；全月计划5次\nChen Jie 陈杰：本月无营销计划", Shown(digest, "plan-progress"));
        Assert.Equal("Warning", ById(digest, "plan-progress.wang-lei")!["color"]!.GetValue<string>());

        var teams = CardOf(await Chats.SayAsync(TeamsUser.LiNa, "team plans"));
        Assert.Equal("This month: 2\u00a0of\u00a03\u00a0visits planned so far made (5\u00a0planned in the month)", Text(teams, "progress.wang-lei"));
        Assert.Equal("This month: no plan", Text(teams, "progress.chen-jie"));
    }

    [Fact]
    public async Task TheManager_MarksEachServiceMeasureDone_WithANote_OnlyOnce_AndNobodyElseMay()
    {
        await SubmitOctoberVisitsAsync(("2026-10-08", "L-1001"));
        Assert.Equal("You have no marketing plan for September\u00a02026.", Chats.TextOf(await Chats.SayAsync(TeamsUser.WangLei, "plan measures")));

        _time.SetUtcNow(new DateTimeOffset(2026, 10, 14, 10, 0, 0, TimeSpan.FromHours(8)));
        var card = CardOf(await Chats.SayAsync(TeamsUser.WangLei, "plan measures"));
        Assert.Equal("Service measures for October\u00a02026", Title(card));
        Assert.Equal("0 of 2 measures done", Text(card, "count"));
        Assert.Equal("(2) Promote the new brand at Huamei Store", Text(card, "measure.2"));
        var press = Copy(Action(card, PlanExecutionCards.MeasureDoneVerb)!["data"]!.AsObject());
        Assert.Equal(1, press["number"]!.GetValue<int>());

        // Chen Jie may not mark Wang Lei's measure.
        var (_, refused) = await _teams.ExecuteAsync(TeamsUser.ChenJie, PlanExecutionCards.MeasureDoneVerb, Copy(press));
        Assert.Equal("This card is about someone else's plan; nothing was changed.", MessageOf(refused));

        // A note too long comes back in its input with the reason beside it; nothing stored.
        var tooLong = Copy(press);
        tooLong["m.note.1"] = new string('x', 201);
        tooLong["m.note.2"] = "half written";
        var (again, _) = await _teams.ExecuteAsync(TeamsUser.WangLei, PlanExecutionCards.MeasureDoneVerb, tooLong);
        Assert.StartsWith("Note", Text(again!, "error.m.note.1"), StringComparison.Ordinal);
        Assert.Equal(new string('x', 201), Value(again!, "m.note.1"));
        Assert.Equal("half written", Value(again!, "m.note.2"));

        var done = Copy(press);
        done["m.note.1"] = "Helped both shops set up their displays";
        var (marked, _) = await _teams.ExecuteAsync(TeamsUser.WangLei, PlanExecutionCards.MeasureDoneVerb, done);
        Assert.Equal("Marked done.", Text(marked!, "notice"));
        Assert.Equal("1 of 2 measures done", Text(marked!, "count"));
        Assert.Equal("Done on Wed\u00a014\u00a0Oct: Helped both shops set up their displays", Text(marked!, "state.1"));
        Assert.Null(ById(marked!, "m.note.1"));

        // The same press again (a re-sent card) changes nothing.
        var (twice, _) = await _teams.ExecuteAsync(TeamsUser.WangLei, PlanExecutionCards.MeasureDoneVerb, Copy(done), locale: "zh-CN");
        Assert.Equal($"该措施已于{ZhDate(10, 14, shortForm: true)}标记完成，未做任何更改。", Text(twice!, "notice"));

        await using (var db = _bot.CreateDbContext())
        {
            var mark = await db.Set<PlanMeasureDone>().SingleAsync();
            Assert.Equal((1, "Display help for the two new shops", "Helped both shops set up their displays"), (mark.Number, mark.Text, mark.Note));
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "plan.measure-done" && a.ActorId == "wang-lei"));
        }

        // The plan's own card opens its measures, also in the month after; from the month after that it no longer does.
        string planId;
        await using (var db = _bot.CreateDbContext())
        {
            planId = (await db.Set<MarketingPlan>().SingleAsync()).Id.ToString();
        }

        var view = new JsonObject { ["verb"] = PlanCards.ViewVerb, ["planId"] = planId };
        var (summary, _) = await _teams.ExecuteAsync(TeamsUser.WangLei, PlanCards.ViewVerb, Copy(view));
        var open = Action(summary!, PlanExecutionCards.MeasuresVerb)!;
        Assert.Equal("Service measures", open["title"]!.GetValue<string>());

        _time.SetUtcNow(new DateTimeOffset(2026, 11, 3, 10, 0, 0, TimeSpan.FromHours(8)));
        Assert.Equal("You have no marketing plan for November\u00a02026.", Chats.TextOf(await Chats.SayAsync(TeamsUser.WangLei, "plan measures")));
        var (october, _) = await _teams.ExecuteAsync(TeamsUser.WangLei, PlanExecutionCards.MeasuresVerb, Copy(open["data"]!.AsObject()));
        Assert.Equal(("Service measures for October\u00a02026", "1 of 2 measures done"), (Title(october!), Text(october!, "count")));
        Assert.Equal("Service measures for October\u00a02026", Title(CardOf(await Chats.SayAsync(TeamsUser.WangLei, "plan measures 2026-10"))));
        Assert.Equal("December\u00a02026 has not started yet; mark its measures done once they are.", Chats.TextOf(await Chats.SayAsync(TeamsUser.WangLei, "plan measures 2026-12")));
        Assert.Equal("“2026-13”不是有效的月份，请按YYYY-MM填写，例如：“计划措施 2026-10”。", Chats.TextOf(await Chats.SayAsync(TeamsUser.WangLei, "计划措施 2026-13", "zh-CN")));

        _time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(8)));
        var (december, _) = await _teams.ExecuteAsync(TeamsUser.WangLei, PlanCards.ViewVerb, Copy(view));
        Assert.Null(Action(december!, PlanExecutionCards.MeasuresVerb));
    }

    [Fact]
    public async Task OnTheNextMonthsFirstWorkingDay_TheManagerAndTheLeadGetTheExecutionReport_AndPlanReportShowsItOnDemand()
    {
        // Huamei Store three times, Xinhua Kiosk twice.
        await SubmitOctoberVisitsAsync(("2026-10-08", "L-1001"), ("2026-10-09", "L-1002"), ("2026-10-20", "L-1001, L-1002"), ("2026-10-30", "L-1001"));
        await LogAsync(8, "Huamei Store", "40.5");
        await LogAsync(20, await PickedAsync("L-1001", "L-1002"), "60");
        await LogAsync(22, "huamei store", "10");
        await using (var db = _bot.CreateDbContext())
        {
            var plan = await db.Set<MarketingPlan>().SingleAsync();
            db.Add(new PlanMeasureDone { PlanId = plan.Id, Number = 2, Text = "Promote the new brand at Huamei Store", Note = "Poster up", DoneAt = new DateTimeOffset(2026, 10, 21, 2, 0, 0, TimeSpan.Zero) });
            await db.SaveChangesAsync();
        }

        // Friday 30 October: nothing yet. Monday 2 November, the first working day, at the meeting: the reports.
        await RunScheduleAsync(10, 30, 8, 30);
        await RunScheduleAsync(11, 2, 8, 29);
        await RunScheduleAsync(11, 2, 8, 30);
        await RunScheduleAsync(11, 2, 8, 31);
        var toWang = CardOf(await Chats.NotifiedAsync(TeamsUser.WangLei, PlanReports.ToManager));
        Assert.Equal("Wang Lei 王磊: plan execution in October\u00a02026", Title(toWang));
        Assert.Equal("The whole month", Text(toWang, "period"));
        Assert.Equal("Visits: 4 of 5 planned made (80%)", Text(toWang, "coverage"));
        Assert.Equal("Volume: 320 cases planned, 110.5 reported in the logs", Text(toWang, "goal.volume"));
        Assert.Equal("Value: 96,000 yuan planned; no figures in the logs", Text(toWang, "goal.value"));
        Assert.Equal("(1) Display help for the two new shops: not done", Text(toWang, "measure.1"));
        Assert.Equal("(2) Promote the new brand at Huamei Store: Done on Wed\u00a021\u00a0Oct: Poster up", Text(toWang, "measure.2"));
        Assert.Equal("Huamei Store (L-1001): 3\u00a0of\u00a03\u00a0planned made; visits in all: 3", Text(toWang, "customer.L-1001"));
        Assert.Equal("Xinhua Kiosk (L-1002): 1\u00a0of\u00a02\u00a0planned made; visits in all: 1", Text(toWang, "customer.L-1002"));

        var toLiNa = CardOf(await Chats.NotifiedAsync(TeamsUser.LiNa, PlanReports.ToLead));
        Assert.Equal($"华东一组{ZhMonth(10)}营销计划执行情况", Title(toLiNa));
        Assert.Equal("计划拜访5次，完成4次（80%）；服务措施完成1项，共2项", Text(toLiNa, "report.wang-lei"));
        Assert.Equal("无营销计划", Text(toLiNa, "report.chen-jie"));

        await Chats.Outbox.DrainedAsync();
        await using (var db = _bot.CreateDbContext())
        {
            var sent = await db.Notifications.Where(n => n.Kind.StartsWith("plan.report")).OrderBy(n => n.Id).Select(n => n.Kind + " " + n.RecipientId).ToListAsync();
            Assert.Equal(["plan.report wang-lei", "plan.report-team li-na"], sent);
        }

        // On demand: the manager his own, the lead a manager of her team from her card; others are refused.
        var mine = CardOf(await Chats.SayAsync(TeamsUser.WangLei, "plan report 2026-10"));
        Assert.Equal("Visits: 4 of 5 planned made (80%)", Text(mine, "coverage"));
        Assert.Equal("“2026-13” is not a month: write it as YYYY-MM, for example: plan report 2026-10", Chats.TextOf(await Chats.SayAsync(TeamsUser.WangLei, "plan report 2026-13")));
        Assert.Equal($"{ZhMonth(12)}尚未开始，开始后才能查看该月计划的执行情况。", Chats.TextOf(await Chats.SayAsync(TeamsUser.WangLei, "计划执行 2026-12", "zh-CN")));
        Assert.Equal($"您没有{ZhMonth(10)}的营销计划。", Chats.TextOf(await Chats.SayAsync(TeamsUser.ChenJie, "计划执行 2026-10", "zh-CN")));

        var open = Copy(Action(toLiNa, PlanExecutionCards.ReportVerb)!["data"]!.AsObject());
        var (_, refused) = await _teams.ExecuteAsync(TeamsUser.ChenJie, PlanExecutionCards.ReportVerb, Copy(open));
        Assert.Equal("Only the manager, the lead of their team and its delegates may see this plan; nothing is shown.", MessageOf(refused));
        var (wangsReport, _) = await _teams.ExecuteAsync(TeamsUser.LiNa, PlanExecutionCards.ReportVerb, open, locale: "zh-CN");
        Assert.Equal("拜访：计划5次，完成4次（80%）", Text(wangsReport!, "coverage"));
        Assert.Equal("Xinhua Kiosk（L-1002）：计\u2060划\u20602\u2060次，按计划完\u2060成\u20601\u2060次，共拜\u2060访\u20601\u2060次", Text(wangsReport!, "customer.L-1002"));
    }
}
