using System.Text.Json.Nodes;
using DiligenceBot.Meetings;
using DiligenceBot.Notifications;
using DiligenceBot.Scheduling;
using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static DiligenceBot.Tests.Transfers.TransferDriver;
using static DiligenceBot.Tests.WorkLogs.WorkLogDriver;

namespace DiligenceBot.Tests.Meetings;

/// <summary>
/// Meeting minutes, action items and training records through /api/messages with the local connector, as each
/// person sees them: Li Na (lead of East 1: Wang Lei and Chen Jie) records the minutes, Liu Yang (her own manager)
/// checks them, Wang Lei owns an action item. Runs on SQLite, and on PostgreSQL when test.sh points the suite at it.
/// The clock is Monday 2026-11-30, 10:00 in Shanghai (East 1 meets at 08:30).
/// </summary>
public sealed class MinutesFlowTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(At(2026, 11, 30, 10, 0));
    private LocalConnector _connector = null!;
    private BotApp _bot = null!;
    private DiligenceBot.Tests.WorkLogs.WorkLogDriver _teams = null!;

    private Chats Chats => _teams.Chats;

    private static DateTimeOffset At(int y, int mo, int d, int h, int mi) => new(y, mo, d, h, mi, 0, TimeSpan.FromHours(8));

    public async Task InitializeAsync()
    {
        _connector = await LocalConnector.StartAsync();
        _bot = new BotApp(time: _time).Start();
        _teams = new DiligenceBot.Tests.WorkLogs.WorkLogDriver(_bot, _connector);
        await _teams.InstallAsync(TeamsUser.WangLei);
        await _teams.InstallAsync(TeamsUser.LiNa);
        await _teams.InstallAsync(TeamsUser.ChenJie);
        await _teams.InstallAsync(LiuYang, "zh-CN");
        _connector.Clear();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    /// <summary>A daily meeting today: Chen Jie absent (sick), one action item for Wang Lei due Wednesday.</summary>
    private static JsonObject Inputs(Action<JsonObject>? change = null)
    {
        var inputs = new JsonObject
        {
            [MinutesCards.DateInput] = "2026-11-30",
            [MinutesCards.KindInput] = "Daily",
            [MinutesCards.PresentInput("wang-lei")] = "true",
            [MinutesCards.ReasonInput("wang-lei")] = "",
            [MinutesCards.PresentInput("chen-jie")] = "false",
            [MinutesCards.ReasonInput("chen-jie")] = "Sick leave",
            [MinutesCards.TopicsInput] = "Last week's sales; the new brand's launch in December.",
            [MinutesCards.DecisionsInput] = "Every manager introduces the new brand to five shops this week.",
            [MinutesCards.TrainingTopicsInput] = "",
            [MinutesCards.FormatInput] = "",
            [MinutesCards.PlaceInput] = "",
            [MinutesCards.HoursInput] = "",
            [MinutesCards.ActionTextInput(1)] = "Put the new brand's posters up at Huamei Store",
            [MinutesCards.OwnerInput(1)] = "wang-lei",
            [MinutesCards.DueInput(1)] = "2026-12-02",
            [MinutesCards.ActionTextInput(2)] = "",
            [MinutesCards.OwnerInput(2)] = "",
            [MinutesCards.DueInput(2)] = "",
        };
        change?.Invoke(inputs);
        return inputs;
    }

    private static JsonObject SubmitData(Guid draft, JsonObject inputs, string teamId = "east-1", int rows = 2)
    {
        var data = new JsonObject { ["verb"] = MinutesCards.SubmitVerb, ["draftId"] = draft.ToString(), ["teamId"] = teamId, ["rows"] = rows };
        foreach (var (k, v) in inputs)
        {
            data[k] = v?.DeepClone();
        }

        return data;
    }

    /// <summary>Li Na sends the minutes; the answer's card and the stored minutes.</summary>
    private async Task<(JsonObject Card, MeetingMinutes Minutes)> RecordAsync(JsonObject? inputs = null, TeamsUser? lead = null, string teamId = "east-1")
    {
        var draft = Guid.NewGuid();
        var (card, answer) = await _teams.ExecuteAsync(lead ?? TeamsUser.LiNa, MinutesCards.SubmitVerb, SubmitData(draft, inputs ?? Inputs(), teamId));
        Assert.True(card is not null, answer.ToJsonString());
        await using var db = _bot.CreateDbContext();
        var minutes = await db.Set<MeetingMinutes>().AsNoTracking().Include(m => m.Attendance).Include(m => m.ActionItems).SingleAsync(m => m.DraftId == draft);
        return (card!, minutes);
    }

    private async Task<(int Minutes, int Attendance, int Items, int Notifications)> CountsAsync()
    {
        await using var db = _bot.CreateDbContext();
        return (await db.Set<MeetingMinutes>().CountAsync(), await db.Set<MeetingAttendance>().CountAsync(), await db.Set<ActionItem>().CountAsync(), await db.Notifications.CountAsync());
    }

    [Fact]
    public async Task Lead_RecordsMinutes_StoredWithAttendanceAndItems_SentToTheTeamAndTheLeadsManager()
    {
        var form = CardOf(await Chats.SayAsync(TeamsUser.LiNa, "minutes"));
        Assert.Equal("Meeting minutes", Title(form));
        Assert.Equal("true", ById(form, MinutesCards.PresentInput("wang-lei"))!["value"]!.GetValue<string>());
        Assert.Equal("true", ById(form, MinutesCards.PresentInput("chen-jie"))!["value"]!.GetValue<string>());
        Assert.Contains("Liu Yang", Text(form, "intro"), StringComparison.Ordinal);
        var owners = ById(form, MinutesCards.OwnerInput(1))!["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()).ToList();
        Assert.Equal(["chen-jie", "wang-lei", "li-na", "liu-yang"], owners);

        var (card, minutes) = await RecordAsync();

        Assert.Contains("2 people", Text(card, "notice"), StringComparison.Ordinal);
        Assert.Equal(MeetingKind.Daily, minutes.Kind);
        Assert.Equal(new DateOnly(2026, 11, 30), minutes.MeetingDate);
        Assert.Equal("li-na", minutes.RecordedById);
        Assert.Equal("liu-yang", minutes.CheckerId);
        Assert.Equal("Sick leave", minutes.Attendance.Single(a => a.PersonId == "chen-jie" && !a.Present).AbsenceReason);
        Assert.True(minutes.Attendance.Single(a => a.PersonId == "wang-lei").Present);
        var item = Assert.Single(minutes.ActionItems);
        Assert.Equal(("wang-lei", new DateOnly(2026, 12, 2), ActionItemState.Open), (item.OwnerId, item.DueDate, item.State));
        Assert.Equal(At(2026, 12, 2, 8, 30), item.RemindAt);
        Assert.Equal(At(2026, 12, 3, 0, 0), item.OverdueAt);

        // Everyone on the list (the absent too: they most need to know), and the lead's own manager with the check.
        Assert.Contains("Sick leave", Shown(CardOf(await Chats.NotifiedAsync(TeamsUser.ChenJie, MinutesRegister.Recorded)), "absent"), StringComparison.Ordinal);
        var toChecker = CardOf(await Chats.NotifiedAsync(LiuYang, MinutesRegister.Recorded));
        Assert.Equal("例会", Title(toChecker));
        Assert.NotNull(Action(toChecker, MinutesCards.CheckVerb));
        var toOwner = CardOf(await Chats.NotifiedAsync(TeamsUser.WangLei, MinutesRegister.Assigned));
        Assert.Equal("Put the new brand's posters up at Huamei Store", Text(toOwner, "title"));
        Assert.NotNull(Action(toOwner, ActionItemCards.DoneVerb));
        Assert.Null(Action(CardOf(await Chats.NotifiedAsync(TeamsUser.WangLei, MinutesRegister.Recorded)), MinutesCards.CheckVerb));
    }

    [Fact]
    public async Task BadInput_ReturnsTheFormWithEverythingTyped_AndTheReasons_StoringNothing()
    {
        var before = await CountsAsync();
        var inputs = Inputs(i =>
        {
            i[MinutesCards.DateInput] = "2026-12-01";
            i[MinutesCards.ReasonInput("chen-jie")] = "";
            i[MinutesCards.OwnerInput(1)] = "";
            i[MinutesCards.ActionTextInput(2)] = "Call the district office about the new permit rules";
            i[MinutesCards.OwnerInput(2)] = "zhao-min";
            i[MinutesCards.DueInput(2)] = "2026-11-27";
            i[MinutesCards.HoursInput] = "2";
        });

        var (card, _) = await _teams.ExecuteAsync(TeamsUser.LiNa, MinutesCards.SubmitVerb, SubmitData(Guid.NewGuid(), inputs), locale: "zh-CN");

        Assert.NotNull(card);
        Assert.Equal("请修改下面标出的内容；尚未保存。", Text(card!, "errors"));
        Assert.Equal("会议日期不能晚于今天：团队所在地今天是2026\u201111\u201130。", Text(card!, "error." + MinutesCards.DateInput));
        Assert.Equal("Chen Jie 陈杰缺席，请填写原因。", Text(card!, "error." + MinutesCards.ReasonInput("chen-jie")));
        Assert.Equal("待办事项1需要从组员中选择负责人。", Text(card!, "error." + MinutesCards.OwnerInput(1)));
        Assert.Equal("待办事项2的负责人必须是本组成员。", Text(card!, "error." + MinutesCards.OwnerInput(2)));
        Assert.Equal("待办事项2的完成期限（2026\u201111\u201127）已过，最早只能选今天（2026\u201111\u201130）。", Text(card!, "error." + MinutesCards.DueInput(2)));
        Assert.Contains("培训会", Text(card!, "error." + MinutesCards.TrainingTopicsInput), StringComparison.Ordinal);
        // Nothing typed is lost.
        Assert.Equal("Call the district office about the new permit rules", ById(card!, MinutesCards.ActionTextInput(2))!["value"]!.GetValue<string>());
        Assert.Equal("false", ById(card!, MinutesCards.PresentInput("chen-jie"))!["value"]!.GetValue<string>());
        Assert.Equal(inputs[MinutesCards.TopicsInput]!.GetValue<string>(), ById(card!, MinutesCards.TopicsInput)!["value"]!.GetValue<string>());
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task ASecondDailyMeeting_OnTheSameDay_IsRefusedOnTheDate()
    {
        await RecordAsync();
        var before = await CountsAsync();

        var (card, _) = await _teams.ExecuteAsync(TeamsUser.LiNa, MinutesCards.SubmitVerb, SubmitData(Guid.NewGuid(), Inputs()));

        Assert.Equal("The daily meeting of 2026\u201111\u201130 already has minutes, recorded by Li Na 李娜.", Text(card!, "error." + MinutesCards.DateInput));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task NonLeads_AreRefused_AndAForgedSubmissionStoresNothing()
    {
        Assert.Equal("Only a team's lead (or a delegate) records its meeting minutes.", Chats.TextOf(await Chats.SayAsync(TeamsUser.ChenJie, "minutes")));
        // Wang Lei leads East 2, not East 1.
        var (card, answer) = await _teams.ExecuteAsync(TeamsUser.WangLei, MinutesCards.SubmitVerb, SubmitData(Guid.NewGuid(), Inputs()));
        Assert.Null(card);
        Assert.Equal("Only a team's lead (or a delegate) records its meeting minutes.", MessageOf(answer));
        var (_, stranger) = await _teams.ExecuteAsync(TeamsUser.Stranger, MinutesCards.SubmitVerb, SubmitData(Guid.NewGuid(), Inputs()));
        Assert.Contains("directory", MessageOf(stranger), StringComparison.Ordinal);
        Assert.Equal((0, 0, 0, 0), await CountsAsync());
    }

    [Fact]
    public async Task TheSameCardSentTwice_IsOneRecord()
    {
        var draft = Guid.NewGuid();
        await _teams.ExecuteAsync(TeamsUser.LiNa, MinutesCards.SubmitVerb, SubmitData(draft, Inputs()));
        var (card, _) = await _teams.ExecuteAsync(TeamsUser.LiNa, MinutesCards.SubmitVerb, SubmitData(draft, Inputs()));

        Assert.Equal("Daily meeting", Title(card!));
        Assert.Equal(1, (await CountsAsync()).Minutes);
    }

    [Fact]
    public async Task TheLeadsManager_ChecksTheMinutes_WithAComment_NobodyElse()
    {
        var (_, minutes) = await RecordAsync();
        var data = new JsonObject { ["verb"] = MinutesCards.CheckVerb, ["minutesId"] = minutes.Id.ToString(), ["revision"] = 1 };

        var (_, refused) = await _teams.ExecuteAsync(TeamsUser.WangLei, MinutesCards.CheckVerb, Copy(data));
        Assert.Equal("Only Liu Yang 刘洋, the lead's own manager, checks these minutes.", MessageOf(refused));

        var empty = Copy(data);
        empty[MinutesCards.CheckCommentInput] = "  ";
        var (again, _) = await _teams.ExecuteAsync(LiuYang, MinutesCards.CheckVerb, empty, locale: "zh-CN");
        Assert.Equal("请填写“审核意见”。", Text(again!, "error." + MinutesCards.CheckCommentInput));

        var check = CardOf(await Chats.NotifiedAsync(LiuYang, MinutesRegister.Recorded));
        var pressed = Press(check, MinutesCards.CheckVerb, (MinutesCards.CheckCommentInput, "记录清楚。请跟进新品海报的张贴。"));
        var (done, _) = await _teams.ExecuteAsync(LiuYang, MinutesCards.CheckVerb, pressed, locale: "zh-CN");

        Assert.Equal("您已审核这份纪要。", Text(done!, "notice"));
        Assert.Null(Action(done!, MinutesCards.CheckVerb));
        await using (var db = _bot.CreateDbContext())
        {
            var stored = await db.Set<MeetingMinutes>().AsNoTracking().SingleAsync(m => m.Id == minutes.Id);
            Assert.Equal(("记录清楚。请跟进新品海报的张贴。", 2), (stored.CheckComment, stored.Revision));
            Assert.NotNull(stored.CheckedAt);
        }

        var toLead = CardOf(await Chats.NotifiedAsync(TeamsUser.LiNa, MinutesRegister.Checked));
        Assert.Contains("记录清楚。", Text(toLead, "notice"), StringComparison.Ordinal);
        var (twice, _) = await _teams.ExecuteAsync(LiuYang, MinutesCards.CheckVerb, pressed, locale: "zh-CN");
        Assert.Equal("Liu Yang 刘洋已审核过这份纪要。", Text(twice!, "notice"));
    }

    [Fact]
    public async Task TheOwner_MarksTheItemBlocked_ThenDone_TheLeadHearsOfTheBlock_OthersCannot()
    {
        await RecordAsync();
        var card = CardOf(await Chats.NotifiedAsync(TeamsUser.WangLei, MinutesRegister.Assigned));

        var (noNote, _) = await _teams.ExecuteAsync(TeamsUser.WangLei, ActionItemCards.BlockedVerb, Press(card, ActionItemCards.BlockedVerb, (ActionItemCards.BlockedNoteInput, "")));
        Assert.Equal("Say what blocks it.", Text(noNote!, "error.note"));

        var (_, notYours) = await _teams.ExecuteAsync(TeamsUser.ChenJie, ActionItemCards.DoneVerb, Press(card, ActionItemCards.DoneVerb));
        Assert.Equal("This action item is not yours.", MessageOf(notYours));

        var (blocked, _) = await _teams.ExecuteAsync(TeamsUser.WangLei, ActionItemCards.BlockedVerb,
            Press(card, ActionItemCards.BlockedVerb, (ActionItemCards.BlockedNoteInput, "The posters have not arrived from the brand office.")));
        Assert.Equal("Marked blocked; your lead sees your note.", Text(blocked!, "notice"));
        var toLead = CardOf(await Chats.NotifiedAsync(TeamsUser.LiNa, MinutesRegister.Blocked));
        Assert.Equal("The posters have not arrived from the brand office.", Answer(toLead, "note"));
        Assert.Null(Action(toLead, ActionItemCards.DoneVerb));

        // The first card is a revision behind now: it shows the item as it is.
        var (stale, _) = await _teams.ExecuteAsync(TeamsUser.WangLei, ActionItemCards.DoneVerb, Press(card, ActionItemCards.DoneVerb));
        Assert.Equal("This action item changed meanwhile; here it is as it is now.", Text(stale!, "notice"));

        var (done, _) = await _teams.ExecuteAsync(TeamsUser.WangLei, ActionItemCards.DoneVerb, Press(blocked!, ActionItemCards.DoneVerb, (ActionItemCards.DoneNoteInput, "Printed them ourselves.")));
        Assert.Equal("Marked done. Thank you!", Text(done!, "notice"));
        Assert.Null(Action(done!, ActionItemCards.DoneVerb));
        await using var db = _bot.CreateDbContext();
        var item = await db.Set<ActionItem>().AsNoTracking().SingleAsync();
        Assert.Equal((ActionItemState.Done, "Printed them ourselves.", 3), (item.State, item.Note, item.Revision));
        Assert.Equal(["action.blocked", "action.done"], await db.AuditEntries.Where(a => a.SubjectType == nameof(ActionItem)).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }

    [Fact]
    public async Task OnTheDueDay_TheOwnerIsReminded_AfterIt_TheLeadIsTold_AndTheDigestListsIt()
    {
        await RecordAsync();

        await RunJobAtAsync(At(2026, 12, 2, 8, 29));
        Assert.Empty(await KindsAsync(MinutesRegister.DueToday));
        await RunJobAtAsync(At(2026, 12, 2, 8, 31));
        var due = CardOf(await Chats.NotifiedAsync(TeamsUser.WangLei, MinutesRegister.DueToday));
        Assert.Equal("This action item is due today.", Text(due, "notice"));
        await RunJobAtAsync(At(2026, 12, 2, 8, 40));
        Assert.Single(await KindsAsync(MinutesRegister.DueToday));

        await RunJobAtAsync(At(2026, 12, 3, 0, 1));
        var overdue = CardOf(await Chats.NotifiedAsync(TeamsUser.LiNa, MinutesRegister.Overdue));
        Assert.Equal("Wang Lei 王磊's action item was due on 2026\u201112\u201102 and is still open.", Text(overdue, "notice"));
        Assert.Equal("overdue", Text(overdue, "state"));

        // The lead's digest before Thursday's meeting (08:15) lists it under the logs.
        _time.SetUtcNow(At(2026, 12, 3, 8, 15).AddSeconds(20));
        await using (var scope = _bot.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TeamScheduleJob>().RunAsync("east-1", CancellationToken.None);
        }

        var digest = CardOf(await Chats.NotifiedAsync(TeamsUser.LiNa, TeamScheduleJob.Digest));
        Assert.Contains("Put the new brand's posters up at Huamei Store", Shown(digest, "overdue-actions"), StringComparison.Ordinal);

        // actions: the owner's own list, and the lead's team list.
        var mine = CardOf(await Chats.SayAsync(TeamsUser.WangLei, "actions"));
        Assert.Contains("Wang Lei 王磊 · due 2026\u201112\u201102 · overdue", Shown(mine, "section.mine"), StringComparison.Ordinal);
        var team = CardOf(await Chats.SayAsync(TeamsUser.LiNa, "待办", "zh-CN"));
        Assert.Contains("没有未完成的事项。", Shown(team, "section.mine"), StringComparison.Ordinal);
        Assert.Contains("Wang Lei 王磊 · 2026\u201112\u201102前完成 · 已逾期", Shown(team, "section.east-1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADoneItem_IsNeitherRemindedNorOverdue()
    {
        var (_, minutes) = await RecordAsync();
        var card = CardOf(await Chats.NotifiedAsync(TeamsUser.WangLei, MinutesRegister.Assigned));
        await _teams.ExecuteAsync(TeamsUser.WangLei, ActionItemCards.DoneVerb, Press(card, ActionItemCards.DoneVerb));

        await RunJobAtAsync(At(2026, 12, 3, 0, 1));

        Assert.Empty(await KindsAsync(MinutesRegister.DueToday));
        Assert.Empty(await KindsAsync(MinutesRegister.Overdue));
        Assert.Single(minutes.ActionItems);
    }

    [Fact]
    public async Task NoDailyMinutes_TwoHoursAfterTheMeeting_TheLeadIsReminded_WithTheFormOneTapAway()
    {
        _time.SetUtcNow(At(2026, 12, 1, 10, 30).AddSeconds(20));
        await using (var scope = _bot.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TeamScheduleJob>().RunAsync("east-1", CancellationToken.None);
        }

        var reminder = CardOf(await Chats.NotifiedAsync(TeamsUser.LiNa, MinutesRegister.Missing));
        Assert.Equal("The daily meeting of East District 1 on 2026\u201112\u201101 has no minutes yet. Record them while the meeting is fresh.", Text(reminder, "missing"));
        var (form, _) = await _teams.ExecuteAsync(TeamsUser.LiNa, MinutesCards.OpenVerb, Press(reminder, MinutesCards.OpenVerb));
        Assert.Equal("2026-12-01", ById(form!, MinutesCards.DateInput)!["value"]!.GetValue<string>());

        // Wang Lei's East 2 meets at 09:00: its minutes exist, so he is not reminded at 11:00.
        var east2 = new JsonObject
        {
            [MinutesCards.DateInput] = "2026-12-01",
            [MinutesCards.KindInput] = "Daily",
            [MinutesCards.TopicsInput] = "Visits this week.",
        };
        await RecordAsync(east2, TeamsUser.WangLei, "east-2");
        _time.SetUtcNow(At(2026, 12, 1, 11, 0).AddSeconds(20));
        await using (var scope = _bot.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TeamScheduleJob>().RunAsync("east-2", CancellationToken.None);
        }

        Assert.Single(await KindsAsync(MinutesRegister.Missing));
    }

    [Fact]
    public async Task TrainingMinutes_MakeEachAttendeesTrainingRecord_TheLeadSeesTheTeams()
    {
        var training = Inputs(i =>
        {
            i[MinutesCards.KindInput] = "Training";
            i[MinutesCards.TrainingTopicsInput] = "product,sales";
            i[MinutesCards.FormatInput] = MinutesCards.StudyVisit;
            i[MinutesCards.PlaceInput] = "";
            i[MinutesCards.HoursInput] = "2.5";
        });
        var (noPlace, _) = await _teams.ExecuteAsync(TeamsUser.LiNa, MinutesCards.SubmitVerb, SubmitData(Guid.NewGuid(), training));
        Assert.Equal("A study visit needs the place it went to.", Text(noPlace!, "error." + MinutesCards.PlaceInput));
        Assert.Equal(0, (await CountsAsync()).Minutes);

        training[MinutesCards.PlaceInput] = "Nanjing cigarette factory";
        var (card, minutes) = await RecordAsync(training);
        Assert.Equal(["product", "sales"], minutes.TrainingTopicIds);
        Assert.Equal(((TrainingFormat?)TrainingFormat.StudyVisit, (string?)"Nanjing cigarette factory", (double?)2.5), (minutes.TrainingFormat, minutes.StudyVisitPlace, minutes.TrainingHours));
        Assert.Equal("Product knowledge; Sales management", Facts(card, "training")["Training topics covered"]);
        // A session a week earlier that Chen Jie attended and Wang Lei missed.
        _time.SetUtcNow(At(2026, 12, 7, 10, 0));
        await RecordAsync(Inputs(i =>
        {
            i[MinutesCards.DateInput] = "2026-12-07";
            i[MinutesCards.KindInput] = "Training";
            i[MinutesCards.TrainingTopicsInput] = "communication";
            i[MinutesCards.HoursInput] = "1.5";
            i[MinutesCards.PresentInput("chen-jie")] = "true";
            i[MinutesCards.ReasonInput("chen-jie")] = "";
            i[MinutesCards.PresentInput("wang-lei")] = "false";
            i[MinutesCards.ReasonInput("wang-lei")] = "Visiting a customer with a complaint";
            i[MinutesCards.DueInput(1)] = "2026-12-09";
        }));

        var chen = CardOf(await Chats.SayAsync(TeamsUser.ChenJie, "培训", "zh-CN"));
        Assert.Equal("培训记录：2026年下半年", Title(chen));
        Assert.Equal("共1次培训、1.5小时，覆盖6个主题中的1个", Text(chen, "total"));
        Assert.Equal("沟通技巧：1.5小时", Text(chen, "topic.communication"));
        Assert.Equal("产品知识：尚未参加", Text(chen, "topic.product"));
        var lead = CardOf(await Chats.SayAsync(TeamsUser.LiNa, "training"));
        Assert.Equal("Team training, 2026 H2", Title(lead));
        Assert.Equal("Wang Lei 王磊: 2.5 hours, 2 of 6 topics", Text(lead, "manager.wang-lei"));
        Assert.Equal("Chen Jie 陈杰: 1.5 hours, 1 of 6 topics", Text(lead, "manager.chen-jie"));
        // Wang Lei is a manager in East 1 and the lead of East 2: his own line first, then East 2's.
        var wang = CardOf(await Chats.SayAsync(TeamsUser.WangLei, "training 2026 H2"));
        Assert.Equal("Wang Lei 王磊: 2.5 hours, 2 of 6 topics", Text(wang, "manager.wang-lei.mine"));
        Assert.Contains("Zhao Min 赵敏: 0 hours, 0 of 6 topics", Shown(wang, "section.east-2"), StringComparison.Ordinal);
        var earlier = CardOf(await Chats.SayAsync(TeamsUser.ChenJie, "training 2026 H1"));
        Assert.Equal("No training attended in this half-year yet.", Text(earlier, "none"));
        Assert.Equal("Write the half-year as 2026 H1 or 2026 H2.", Chats.TextOf(await Chats.SayAsync(TeamsUser.ChenJie, "training last year")));
    }

    private async Task RunJobAtAsync(DateTimeOffset at)
    {
        _time.SetUtcNow(at);
        await using var scope = _bot.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ActionItemJob>().RunAsync(CancellationToken.None);
    }

    private async Task<List<Notification>> KindsAsync(string kind)
    {
        await using var db = _bot.CreateDbContext();
        return await db.Notifications.Where(n => n.Kind == kind).OrderBy(n => n.Id).ToListAsync();
    }
}
