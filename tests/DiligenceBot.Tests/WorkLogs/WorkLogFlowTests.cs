using System.Text.Json.Nodes;
using DiligenceBot.Testing;
using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.WorkLogs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static DiligenceBot.Tests.WorkLogs.WorkLogDriver;
using DiligenceBot.Reviews;

namespace DiligenceBot.Tests.WorkLogs;

/// <summary>
/// The daily work log through /api/messages with the local connector, as each person sees it: Wang Lei (manager
/// in East 1) submits, Li Na (lead of East 1) reviews, returns, and approves. Runs on SQLite, and on PostgreSQL
/// when test.sh points the suite at it. The clock is Monday 2026-11-30, 08:10 in Shanghai (meeting 08:30): East 1's
/// log covers the previous working day, so the log open now is Friday 27 November's, due at 08:30 today.
/// </summary>
public sealed class WorkLogFlowTests : IAsyncLifetime
{
    private const string Today = "2026-11-27";
    private const string FridayEn = "Friday\u00a027\u00a0November";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 0, 10, 0, TimeSpan.Zero));
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
        await _teams.InstallAsync(TeamsUser.ChenJie);
        _connector.Clear();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private async Task<string> SubmitValidAsync(TeamsUser user, string? activityId = null)
    {
        var (card, answer) = await _teams.ExecuteAsync(user, "worklog.submit", SubmitData(Today, 0, ValidInputs()), activityId);
        Assert.True(card is not null, answer.ToJsonString());
        await using var db = _bot.CreateDbContext();
        return (await db.WorkLogs.SingleAsync(l => l.ManagerId == (user == TeamsUser.WangLei ? "wang-lei" : "chen-jie"))).Id.ToString();
    }

    [Fact]
    public async Task Log_OpensTodaysForm_FromTheTeamsTemplate_InTheUsersLanguage()
    {
        var form = CardOf(await Chats.SayAsync(TeamsUser.WangLei, "log"));
        var zh = CardOf(await Chats.SayAsync(TeamsUser.ChenJie, "日志", "zh-CN"));

        Assert.Single(await Chats.SettledSentToAsync(TeamsUser.WangLei));
        Assert.Single(Chats.SentTo(TeamsUser.ChenJie));
        Assert.Equal($"Work log for {FridayEn}", Title(form));
        Assert.Equal($"This log covers {FridayEn}; due before the 08:30 meeting today.", Text(form, "covers"));
        // One required marker: the host's (isRequired), none in the label.
        Assert.Equal("Visits made", ById(form, "f.visits")!["label"]!.GetValue<string>());
        Assert.True(ById(form, "f.visits")!["isRequired"]!.GetValue<bool>());
        Assert.Equal("Orders taken (cases)", ById(form, "f.volume")!["label"]!.GetValue<string>());
        Assert.Equal("Input.Number", ById(form, "f.visits")!["type"]!.GetValue<string>());
        Assert.Equal(5, ById(form, "f.focus")!["choices"]!.AsArray().Count);
        Assert.Equal("Input.Date", ById(form, "f.nextKeyVisit")!["type"]!.GetValue<string>());
        var submit = Action(form, "worklog.submit")!;
        Assert.Equal(Today, submit["data"]!["workDate"]!.GetValue<string>());
        Assert.Equal($"{ZhDate(11, 27)}工作日志", Title(zh));
        Assert.Equal($"本日志记录{ZhDate(11, 27)}的工作，请在今天08:30例会前提交。", Text(zh, "covers"));
        Assert.Equal("拜访户数", ById(zh, "f.visits")!["label"]!.GetValue<string>());
        Assert.Equal("订货量（箱）", ById(zh, "f.volume")!["label"]!.GetValue<string>());
    }

    [Fact]
    public async Task Submit_WithBadInput_ShowsEachErrorNextToItsField_KeepsWhatWasTyped_AndStoresNothing()
    {
        var inputs = ValidInputs();
        inputs["f.visits"] = "many";
        inputs["f.customers.unregistered"] = "<script>alert(1)</script> Huamei";
        inputs["f.plan"] = "";
        inputs["f.focus"] = "sleeping";
        inputs["f.market"] = new string('x', 1001);
        inputs["f.nextKeyVisit"] = "2026-11-01";

        var (card, _) = await _teams.ExecuteAsync(TeamsUser.WangLei, "worklog.submit", SubmitData(Today, 0, inputs));

        Assert.NotNull(card);
        Assert.Equal("Please fix the fields marked below; nothing was saved yet.", Text(card, "errors"));
        Assert.Equal("Visits made must be a number from 0 to 60.", Text(card, "error.visits"));
        Assert.Contains("HTML or script", Text(card, "error.customers"), StringComparison.Ordinal);
        Assert.Equal("Plan for today is required.", Text(card, "error.plan"));
        Assert.Equal("Choose one of the options for Main focus of the day.", Text(card, "error.focus"));
        Assert.Equal("Market information picked up may have at most 1000 characters (now 1001).", Text(card, "error.market"));
        Assert.Contains("cannot be before the log's day (2026\u201111\u201127)", Text(card, "error.nextKeyVisit"), StringComparison.Ordinal);
        Assert.Null(ById(card, "error.volume"));
        // Everything typed is still in the form.
        Assert.Equal("<script>alert(1)</script> Huamei", ById(card, "f.customers.unregistered")!["value"]!.GetValue<string>());
        Assert.Equal(new string('x', 1001), ById(card, "f.market")!["value"]!.GetValue<string>());
        Assert.Equal(85, ById(card, "f.volume")!["value"]!.GetValue<double>());
        await using var db = _bot.CreateDbContext();
        Assert.Empty(db.WorkLogs);
        Assert.Empty(db.Notifications);
    }

    [Fact]
    public async Task Submit_StoresTheLogOnTime_ReplacesTheFormWithASummary_AndTheLeadGetsTheReviewCard()
    {
        var (card, _) = await _teams.ExecuteAsync(TeamsUser.WangLei, "worklog.submit", SubmitData(Today, 0, ValidInputs()));

        Assert.Equal($"Work log for {FridayEn}", Title(card!));
        Assert.Equal("Waiting for your lead's review · On time · Revision 1", Text(card!, "status"));
        // Saved, said plainly (not in an alarming colour): the lead has the bot, so nothing about installing it.
        Assert.Equal("Saved.", Text(card!, "notice"));
        Assert.Null(ById(card!, "notice")!["color"]);
        Assert.Equal("Brand promotion", Answer(card!, "answer.focus"));
        Assert.Equal("Orders taken (cases)\n85", Shown(card!, "answer.volume"));
        // A multi-line answer keeps its lines; shops not in the register are marked so.
        Assert.Equal("Huamei Store (not registered)\nXinhua Kiosk (not registered)", Answer(card!, "answer.customers"));
        Assert.Equal("worklog.view", card!["refresh"]!["action"]!["verb"]!.GetValue<string>());
        Assert.Equal(TeamsUser.WangLei.Id, card["refresh"]!["userIds"]![0]!.GetValue<string>());
        await using (var db = _bot.CreateDbContext())
        {
            var log = await db.WorkLogs.Include(l => l.Revisions).SingleAsync();
            Assert.True(log.OnTime);
            Assert.Equal(WorkLogStatus.Submitted, log.Status);
            Assert.Equal("12", Assert.Single(log.Revisions).Values["visits"]);
            var audit = await db.AuditEntries.SingleAsync();
            Assert.Equal(("wang-lei", "worklog.submitted", 1, "worklog.submit"), (audit.ActorId, audit.Action, audit.Revision, audit.SourceVerb));
        }

        // Li Na's Teams is in Chinese: the review card comes in Chinese, with Approve and Return.
        var review = CardOf(await Chats.NotifiedAsync(TeamsUser.LiNa, WorkLogBook.ReviewRequested));
        Assert.Single(await Chats.SettledSentToAsync(TeamsUser.LiNa));
        Assert.Equal($"Wang Lei 王磊的{ZhDate(11, 27)}工作日志", Title(review));
        Assert.Equal("Huamei Store（未登记）\nXinhua Kiosk（未登记）", Answer(review, "answer.customers"));
        Assert.StartsWith("按时 · 第1版", Text(review, "status"), StringComparison.Ordinal);
        Assert.Equal("通过", Action(review, "worklog.approve")!["title"]!.GetValue<string>());
        Assert.NotNull(Action(review, "worklog.return"));
        Assert.Equal(1, Action(review, "worklog.approve")!["data"]!["revision"]!.GetValue<int>());
    }

    [Fact]
    public async Task Submit_WhenTheLeadHasNotInstalledTheBot_SaysWhereTheLeadWillSeeIt()
    {
        // Li Na has never installed the bot (her reference is gone): a lead the bot cannot reach yet. (Removing the app is
        // another matter: see Uninstall_StopsEveryMessageToThem….)
        await using (var db = _bot.CreateDbContext())
        {
            await db.ConversationRecords.Where(c => c.AadObjectId == TeamsUser.LiNa.AadObjectId).ExecuteDeleteAsync();
        }

        var (card, _) = await _teams.ExecuteAsync(TeamsUser.WangLei, "worklog.submit", SubmitData(Today, 0, ValidInputs()));

        Assert.Equal("Saved. Your lead has not installed DiligenceBot yet, so they will see it under team logs.", Text(card!, "notice"));
        Assert.Null(ById(card!, "notice")!["color"]);
        await Chats.Outbox.DrainedAsync();
        await using (var db = _bot.CreateDbContext())
        {
            Assert.Single(db.WorkLogs);
            Assert.Equal(DiligenceBot.Notifications.NotificationStatus.Undeliverable, (await db.Notifications.SingleAsync()).Status);
        }

        // When she installs the bot again, the review request she missed reaches her.
        _connector.Clear();
        await _teams.InstallAsync(TeamsUser.LiNa, "zh-CN");
        var review = await Chats.NotifiedAsync(TeamsUser.LiNa, WorkLogBook.ReviewRequested);
        Assert.Equal($"Wang Lei 王磊的{ZhDate(11, 27)}工作日志", Title(CardOf(review)));
        Assert.Contains(review, Chats.SentTo(TeamsUser.LiNa));
    }

    [Fact]
    public async Task Uninstall_StopsEveryMessageToThem_ADueReminderIsNotSent_AndAReinstallResumes()
    {
        // A message already waiting for Chen Jie (due in fifteen minutes) when he removes the app.
        long waitingId;
        await using (var db = _bot.CreateDbContext())
        {
            var waiting = DiligenceBot.Notifications.Notification.Create(Activities.TenantId, DiligenceBot.Scheduling.TeamScheduleJob.Reminder, "east-1:2026-11-27", 99, "chen-jie", _time.GetUtcNow());
            waiting.NextAttemptAt = _time.GetUtcNow().AddMinutes(15);
            db.Notifications.Add(waiting);
            await db.SaveChangesAsync();
            waitingId = waiting.Id;
        }

        await _bot.PostActivityAsync(Activities.InstallationRemove(_connector.ServiceUrl, TeamsUser.ChenJie));

        await using (var db = _bot.CreateDbContext())
        {
            var dropped = await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == waitingId);
            Assert.Equal((DiligenceBot.Notifications.NotificationStatus.Dropped, "uninstalled"), (dropped.Status, dropped.LastError));
            var audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "conversation.uninstalled");
            Assert.Equal(("chen-jie", "person", "chen-jie"), (audit.ActorId, audit.SubjectType, audit.SubjectId));
        }

        // 08:15, the reminder before the meeting: Wang Lei gets his; Chen Jie's is dropped, not sent, not kept for later.
        _time.Advance(TimeSpan.FromMinutes(5));
        await using (var scope = _bot.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DiligenceBot.Scheduling.TeamScheduleJob>().RunAsync("east-1", CancellationToken.None);
        }

        await Chats.Outbox.SentAsync(TeamsUser.WangLei, DiligenceBot.Scheduling.TeamScheduleJob.Reminder);
        _time.Advance(TimeSpan.FromMinutes(10)); // 08:25: the waiting one's time has come too
        _bot.Services.GetRequiredService<DiligenceBot.Notifications.NotificationDispatcher>().Wake();
        await Chats.Outbox.DrainedAsync();
        Assert.Empty(Chats.SentTo(TeamsUser.ChenJie));
        await using (var db = _bot.CreateDbContext())
        {
            var his = await db.Notifications.AsNoTracking().Where(n => n.RecipientId == "chen-jie").ToListAsync();
            Assert.Equal(2, his.Count);
            Assert.All(his, n => Assert.Equal(DiligenceBot.Notifications.NotificationStatus.Dropped, n.Status));
        }

        // He installs the app again: what was dropped stays dropped; what comes from now on reaches him.
        await _teams.InstallAsync(TeamsUser.ChenJie);
        await using (var db = _bot.CreateDbContext())
        {
            var fresh = DiligenceBot.Notifications.Notification.Create(Activities.TenantId, DiligenceBot.Scheduling.TeamScheduleJob.Reminder, "east-1:2026-11-27", 98, "chen-jie", _time.GetUtcNow());
            db.Notifications.Add(fresh);
            await db.SaveChangesAsync();
        }

        _bot.Services.GetRequiredService<DiligenceBot.Notifications.NotificationDispatcher>().Wake();
        var resumed = await Chats.Outbox.SentAsync(TeamsUser.ChenJie, DiligenceBot.Scheduling.TeamScheduleJob.Reminder, n => n.Revision == 98);
        Assert.Single(resumed);
        await using (var db = _bot.CreateDbContext())
        {
            Assert.Equal(2, await db.Notifications.CountAsync(n => n.RecipientId == "chen-jie" && n.Status == DiligenceBot.Notifications.NotificationStatus.Dropped));
        }

        Assert.Equal(2, Chats.SentTo(TeamsUser.ChenJie).Count); // the welcome and the new reminder
    }

    [Fact]
    public async Task Submit_AfterTheMeetingStarted_IsStoredAsLate()
    {
        _time.Advance(TimeSpan.FromMinutes(25)); // 08:35 in Shanghai

        var (card, _) = await _teams.ExecuteAsync(TeamsUser.ChenJie, "worklog.submit", SubmitData(Today, 0, ValidInputs()));

        Assert.Contains("Late", Text(card!, "status"), StringComparison.Ordinal);
        await using var db = _bot.CreateDbContext();
        Assert.False((await db.WorkLogs.SingleAsync()).OnTime);
    }

    [Fact]
    public async Task TheSameSubmission_DeliveredThreeTimes_StoresOneRevision_AndNotifiesOnce()
    {
        var data = SubmitData(Today, 0, ValidInputs());
        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _teams.ExecuteAsync(TeamsUser.WangLei, "worklog.submit", data, activityId: "f:resent-1")));

        Assert.All(answers, a => Assert.Equal($"Work log for {FridayEn}", Title(a.Card!)));
        Assert.Single(await Chats.SettledSentToAsync(TeamsUser.LiNa));
        await using var db = _bot.CreateDbContext();
        var log = await db.WorkLogs.Include(l => l.Revisions).SingleAsync();
        Assert.Single(log.Revisions);
        Assert.Single(db.Notifications);
        Assert.Single(db.AuditEntries);
    }

    [Fact]
    public async Task Submit_ForAnotherDay_OrSomeoneElsesLog_IsRefused_AndNothingChanges()
    {
        var logId = await SubmitValidAsync(TeamsUser.WangLei);

        var (_, yesterday) = await _teams.ExecuteAsync(TeamsUser.ChenJie, "worklog.submit", SubmitData("2026-11-26", 0, ValidInputs()));
        var inputs = ValidInputs("Chen Jie rewriting Wang Lei's plan");
        var (_, hijack) = await _teams.ExecuteAsync(TeamsUser.ChenJie, "worklog.submit", SubmitData(Today, 1, inputs, logId));

        Assert.Equal($"This card is for the log of Thursday\u00a026\u00a0November, which can no longer be submitted; the log open now covers {FridayEn}. Type **log** to open it.", MessageOf(yesterday));
        Assert.Equal("This card is about someone else's log; nothing was changed.", MessageOf(hijack));
        await using var db = _bot.CreateDbContext();
        var log = await db.WorkLogs.Include(l => l.Revisions).SingleAsync();
        Assert.Equal("wang-lei", log.ManagerId);
        Assert.Single(log.Revisions);
    }

    [Fact]
    public async Task FullFlow_Submit_Return_Resubmit_Approve_WithTheCardsEachPersonSees()
    {
        var logId = await SubmitValidAsync(TeamsUser.WangLei);
        var review1 = CardOf(await Chats.NotifiedAsync(TeamsUser.LiNa, WorkLogBook.ReviewRequested, n => n.Revision == 1));
        var returnData = Copy(Action(review1, "worklog.return")!["data"]!.AsObject());

        // Returning needs a comment and a rating: the card says so, keeps what was typed, nothing changes.
        returnData["c.suggestion"] = "";
        returnData["c.example"] = "true";
        var (incomplete, _) = await _teams.ExecuteAsync(TeamsUser.LiNa, "worklog.return", Copy(returnData), locale: "zh-CN");
        Assert.Contains("至少填写评价、要求或建议中的一项", Text(incomplete!, "errors"), StringComparison.Ordinal);
        Assert.Contains("请选择1到5的质量评分", Text(incomplete!, "errors"), StringComparison.Ordinal);
        Assert.Contains("被退回的日志不能作为团队优秀示例", Text(incomplete!, "errors"), StringComparison.Ordinal);
        Assert.Equal("true", ById(incomplete!, "c.example")!["value"]!.GetValue<string>());
        returnData["c.example"] = "false";

        // Someone outside the team's review chain is refused.
        var (_, outsider) = await _teams.ExecuteAsync(TeamsUser.ChenJie, "worklog.approve", Copy(Action(review1, "worklog.approve")!["data"]!.AsObject()));
        Assert.Equal("Only the lead of East District 1 (or a delegate named for the team) may review this log; nothing was changed.", MessageOf(outsider));

        // Li Na returns it with an evaluation, a requirement and a rating.
        returnData["c.evaluation"] = "客户记录太简略";
        returnData["c.requirement"] = "写清每家店的订货量";
        returnData["c.rating"] = "3";
        var (returned, _) = await _teams.ExecuteAsync(TeamsUser.LiNa, "worklog.return", returnData, locale: "zh-CN");
        Assert.StartsWith("已被Li Na 李娜退回", Text(returned!, "decision"), StringComparison.Ordinal);
        Assert.Null(Action(returned!, "worklog.approve"));

        // Wang Lei gets his log back, prefilled, with the comment on top.
        var revise = CardOf(await Chats.NotifiedAsync(TeamsUser.WangLei, WorkLogBook.Returned));
        Assert.Equal($"Work log for {FridayEn}", Title(revise));
        // Returned, said in words with the rating, not by colour alone; each part of the comment below.
        Assert.Equal("Returned by Li Na 李娜 · 3 / 5", Text(revise, "comment-heading"));
        Assert.Equal("Evaluation\n客户记录太简略", Shown(revise, "comment.evaluation"));
        Assert.Equal("Visit the three new shops on Nanjing Road", ById(revise, "f.plan")!["value"]!.GetValue<string>());
        var resubmit = Copy(Action(revise, "worklog.submit")!["data"]!.AsObject());
        Assert.Equal(1, resubmit["baseRevision"]!.GetValue<int>());

        // He revises and resubmits: revision 2, and Li Na gets a new review card.
        foreach (var (k, v) in ValidInputs("Huamei 20 cases, Xinhua 12 cases; visit Nanjing Road shops"))
        {
            resubmit[k] = v?.DeepClone();
        }

        var (summary2, _) = await _teams.ExecuteAsync(TeamsUser.WangLei, "worklog.submit", resubmit);
        Assert.Equal("Waiting for your lead's review · On time · Revision 2", Text(summary2!, "status"));
        var review2 = CardOf(await Chats.NotifiedAsync(TeamsUser.LiNa, WorkLogBook.ReviewRequested, n => n.Revision == 2));
        Assert.StartsWith("按时 · 第2版", Text(review2, "status"), StringComparison.Ordinal);

        // The old review card (revision 1) can no longer decide anything.
        var (stale, _) = await _teams.ExecuteAsync(TeamsUser.LiNa, "worklog.approve", Copy(Action(review1, "worklog.approve")!["data"]!.AsObject()), locale: "zh-CN");
        Assert.Contains("已于", Text(stale!, "notice"), StringComparison.Ordinal);

        // Li Na approves revision 2 with a rating of 4, a comment, and marks it as an example for the team.
        var approveData = Copy(Action(review2, "worklog.approve")!["data"]!.AsObject());
        approveData["c.rating"] = "4";
        approveData["c.evaluation"] = "订货量写清楚了\n客户名单完整";
        approveData["c.example"] = "true";
        var (approved, _) = await _teams.ExecuteAsync(TeamsUser.LiNa, "worklog.approve", approveData, locale: "zh-CN");
        Assert.StartsWith("Li Na 李娜已审阅通过", Text(approved!, "decision"), StringComparison.Ordinal);
        Assert.Equal("评价\n订货量写清楚了\n客户名单完整", Shown(approved!, "comment.evaluation"));
        Assert.Equal("Li Na 李娜已将其标为团队优秀示例", Text(approved!, "praised"));

        var toWang = await Chats.NotifiedAsync(TeamsUser.WangLei, WorkLogBook.Approved);
        Assert.Equal("Your work log was approved and marked as an example for the team", toWang.Body!["summary"]!.GetValue<string>());
        var final = CardOf(toWang);
        Assert.Equal("Approved by Li Na 李娜 · 4 / 5 · On time · Revision 2", Text(final, "status"));
        Assert.Equal("Marked as an example for the team by Li Na 李娜", Text(final, "praised"));
        Assert.Equal("Approved by Li Na 李娜 · 4 / 5", Text(final, "comment-heading"));
        Assert.Equal("订货量写清楚了\n客户名单完整", Answer(final, "comment.evaluation"));
        Assert.Null(Action(final, "worklog.edit"));

        // Deciding twice: the same approval again changes nothing; the delegate is told it is decided.
        var (again, _) = await _teams.ExecuteAsync(TeamsUser.LiNa, "worklog.approve", approveData, locale: "zh-CN");
        Assert.Null(ById(again!, "notice"));
        var liuYang = new TeamsUser("29:1-liu-yang", "Liu Yang 刘洋", "944cedb3-3940-469a-a27e-ff773a2307f2");
        var (delegateTry, _) = await _teams.ExecuteAsync(liuYang, "worklog.return", approveData);
        Assert.StartsWith("This revision was already approved by Li Na 李娜", Text(delegateTry!, "notice"), StringComparison.Ordinal);

        // An approved log can no longer be edited.
        var (edit, _) = await _teams.ExecuteAsync(TeamsUser.WangLei, "worklog.edit", new JsonObject { ["verb"] = "worklog.edit", ["logId"] = logId });
        Assert.Equal("This log was already approved and can no longer be changed.", Text(edit!, "notice"));

        await using var db = _bot.CreateDbContext();
        var log = await db.WorkLogs.Include(l => l.Revisions).Include(l => l.Reviews).SingleAsync();
        Assert.Equal((WorkLogStatus.Approved, 2, 4, "li-na"), (log.Status, log.CurrentRevision, log.QualityRating, log.PraisedById));
        Assert.Equal("订货量写清楚了\n客户名单完整", log.Reviews.Single(r => r.RevisionNumber == 2).Evaluation);
        Assert.Equal(2, log.Revisions.Count);
        Assert.Equal([(1, ReviewDecision.Returned), (2, ReviewDecision.Approved)], log.Reviews.OrderBy(r => r.RevisionNumber).Select(r => (r.RevisionNumber, r.Decision)));
        var trail = await db.AuditEntries.OrderBy(a => a.Id).Select(a => new { a.ActorId, a.Action, a.Revision }).ToListAsync();
        Assert.Equal(
            ["wang-lei worklog.submitted 1", "li-na worklog.returned 1", "wang-lei worklog.resubmitted 2", "li-na worklog.approved 2", "li-na worklog.praised 2"],
            trail.Select(a => $"{a.ActorId} {a.Action} {a.Revision}"));
    }

    [Fact]
    public async Task TeamLogs_ShowsTheLeadEachManagersState_AndMyLogsShowsTheManagersOwn()
    {
        await SubmitValidAsync(TeamsUser.WangLei);

        // Li Na also gets Wang Lei's review card from the outbox, at any moment among these replies.
        var team = CardOf(await Chats.SayAsync(TeamsUser.LiNa, "team logs"));
        var mine = CardOf(await Chats.SayAsync(TeamsUser.WangLei, "my logs"));
        var notLead = Chats.TextOf(await Chats.SayAsync(TeamsUser.ChenJie, "team logs"));
        var badDate = Chats.TextOf(await Chats.SayAsync(TeamsUser.LiNa, "团队日志 yesterday", "zh-CN"));

        // Before the meeting the lead sees the logs read at it (Friday's); Chen Jie's is not yet due, not "missing".
        Assert.Equal($"East District 1 · logs for {FridayEn}", Title(team));
        Assert.Equal("Due before the 08:30 meeting today.", Text(team, "due.east-1"));
        Assert.Equal("Submitted 1 · not yet due 1 · approved 0 · returned 0", Text(team, "counts"));
        Assert.Equal("worklog.review", Action(ById(team, "row.wang-lei")!, "worklog.review")!["verb"]!.GetValue<string>());
        Assert.Equal("Chen Jie 陈杰\nNot yet due", Shown(team, "row.chen-jie"));
        Assert.Null(ById(team, "row.chen-jie")!["items"]![1]!["color"]);
        Assert.NotNull(Action(team, "worklog.best"));
        Assert.Equal("My last seven logs", Title(mine));
        Assert.Equal("Fri\u00a027\u00a0Nov\nSubmitted", Shown(mine, "row.2026-11-27"));
        Assert.Single(Actions(mine), a => a["verb"]?.GetValue<string>() == "worklog.view");
        Assert.Equal("Team logs are for leads (and their delegates); you do not lead a team.", notLead);
        Assert.Equal("“yesterday”不是日期；请按“年-月-日”填写，例如：“团队日志 2026-11-27”。", badDate);

        // After the meeting started, the same list says Missing, in red.
        _time.Advance(TimeSpan.FromMinutes(25));
        var (late, _) = await _teams.ExecuteAsync(TeamsUser.LiNa, "worklog.team", new JsonObject { ["verb"] = "worklog.team" });
        Assert.Equal("Submitted 1 · late 0 · missing 1 · approved 0 · returned 0", Text(late!, "counts"));
        Assert.Equal("Chen Jie 陈杰\nMissing", Shown(late!, "row.chen-jie"));
        Assert.Equal("attention", ById(late!, "row.chen-jie")!["items"]![1]!["color"]!.GetValue<string>(), ignoreCase: true);
    }

    [Fact]
    public async Task ALeadOfSeveralTeams_SeesEveryTeamsLogs_GroupedByTeam()
    {
        await using (var db = _bot.CreateDbContext())
        {
            (await db.Teams.SingleAsync(t => t.Id == "east-2")).LeadId = "li-na";
            await db.SaveChangesAsync();
        }

        await SubmitValidAsync(TeamsUser.WangLei);

        var (card, _) = await _teams.ExecuteAsync(TeamsUser.LiNa, "worklog.team", new JsonObject { ["verb"] = "worklog.team" });

        Assert.Equal("Your teams' logs", Title(card!));
        Assert.Equal($"East District 1 · logs for {FridayEn}", Text(card!, "team.east-1"));
        Assert.Equal($"East District 2 · logs for {FridayEn}", Text(card!, "team.east-2"));
        Assert.Contains("Wang Lei 王磊", Shown(card!, "section.east-1"), StringComparison.Ordinal);
        Assert.DoesNotContain("Wang Lei 王磊", Shown(card!, "section.east-2"), StringComparison.Ordinal);
        Assert.Equal("Submitted 1 · not yet due 1 · approved 0 · returned 0", Text(card!, "counts.east-1"));
    }

    [Fact]
    public async Task TheLead_MarksAnApprovedLogAsAnExample_TheManagerIsTold_AndItIsAmongTheBestLogsOfTheMonth()
    {
        var logId = await SubmitValidAsync(TeamsUser.WangLei);
        var review = CardOf(await Chats.NotifiedAsync(TeamsUser.LiNa, WorkLogBook.ReviewRequested));
        var approve = Copy(Action(review, "worklog.approve")!["data"]!.AsObject());
        approve["c.rating"] = "5";
        var (approved, _) = await _teams.ExecuteAsync(TeamsUser.LiNa, "worklog.approve", approve);
        var (_, early) = await _teams.ExecuteAsync(TeamsUser.ChenJie, "worklog.praise", new JsonObject { ["verb"] = "worklog.praise", ["logId"] = logId });
        Assert.Equal("Only the lead of East District 1 (or a delegate named for the team) may review this log; nothing was changed.", MessageOf(early));

        var (praised, _) = await _teams.ExecuteAsync(TeamsUser.LiNa, "worklog.praise", Copy(Action(approved!, "worklog.praise")!["data"]!.AsObject()));

        Assert.Equal("Marked as an example for the team by Li Na 李娜", Text(praised!, "praised"));
        Assert.Null(Action(praised!, "worklog.praise"));
        var toWang = await Chats.NotifiedAsync(TeamsUser.WangLei, WorkLogBook.Praised);
        Assert.Equal($"Li Na 李娜 marked your work log for {FridayEn} as an example for the team", toWang.Body!["summary"]!.GetValue<string>());
        Assert.Equal("Marked as an example for the team by Li Na 李娜", Text(CardOf(toWang), "praised"));

        var (best, _) = await _teams.ExecuteAsync(TeamsUser.LiNa, "worklog.best", new JsonObject { ["verb"] = "worklog.best" }, locale: "zh-CN");
        Assert.Equal($"{ZhMonth(11)}优秀日志", Title(best!));
        Assert.Equal($"Wang Lei 王磊\n{ZhDate(11, 27, shortForm: true)} · 已通过 · 5 / 5 · 优秀示例", Shown(best!, "best." + logId));
        await using var db = _bot.CreateDbContext();
        Assert.NotNull((await db.WorkLogs.SingleAsync()).PraisedAt);
    }

    [Theory]
    [InlineData("worklog.submit", """{"verb":"worklog.submit","baseRevision":0}""", "This card is out of date. Type **help** to start again.")]
    [InlineData("worklog.submit", """{"verb":"worklog.submit","logId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","baseRevision":1}""", "This log no longer exists. Type **log** to start again.")]
    [InlineData("worklog.approve", """{"verb":"worklog.approve","logId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","revision":1}""", "This log no longer exists. Type **log** to start again.")]
    [InlineData("worklog.approve", """{"verb":"worklog.approve","logId":"not-a-guid","revision":"x"}""", "This log no longer exists. Type **log** to start again.")]
    public async Task UnknownOrMalformedCardData_GetsAClearMessage_AndNothingIsStored(string verb, string data, string message)
    {
        var (_, answer) = await _teams.ExecuteAsync(TeamsUser.WangLei, verb, JsonNode.Parse(data)!.AsObject());

        Assert.Equal(message, MessageOf(answer));
        await using var db = _bot.CreateDbContext();
        Assert.Empty(db.WorkLogs);
        Assert.Empty(db.AuditEntries);
    }

    [Fact]
    public async Task RefreshOfTheLeadsCard_ForSomeoneOutsideTheTeam_RevealsNothing()
    {
        var logId = await SubmitValidAsync(TeamsUser.WangLei);

        var (card, answer) = await _teams.ExecuteAsync(TeamsUser.ChenJie, "worklog.review", new JsonObject { ["verb"] = "worklog.review", ["logId"] = logId });

        Assert.Null(card);
        Assert.Equal("This card is about someone else's log; nothing was changed.", MessageOf(answer));
    }
}
