using System.Text.Json.Nodes;
using DiligenceBot.Audit;
using DiligenceBot.Notifications;
using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.Testing;
using DiligenceBot.Transfers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static DiligenceBot.Tests.Transfers.TransferDriver;
using static DiligenceBot.Tests.WorkLogs.WorkLogDriver;

namespace DiligenceBot.Tests.Transfers;

/// <summary>
/// Information transfer forms through /api/messages with the local connector, as each person sees them: Wang Lei
/// (manager in East 1) sends, Sun Hao (customer service) acknowledges, handles or forwards, Liu Yang (the office,
/// and lead of customer service) receives forwarded forms, Li Na (lead of East 1) checks her team's forms and rates
/// their value. Runs on SQLite, and on PostgreSQL when test.sh points the suite at it. The clock is Monday
/// 2026-11-30, 10:00 in Shanghai; the posts work 08:30–17:30 on working days; a normal complaint is to be
/// acknowledged within 2 working hours (escalated after 4) and handled within 16.
/// </summary>
public sealed class TransferFlowTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(At(2026, 11, 30, 10, 0));
    private LocalConnector _connector = null!;
    private BotApp _bot = null!;
    private TransferDriver _t = null!;

    private Chats Chats => _t.Teams.Chats;

    private static DateTimeOffset At(int y, int mo, int d, int h, int mi) => new(y, mo, d, h, mi, 0, TimeSpan.FromHours(8));

    public async Task InitializeAsync()
    {
        _connector = await LocalConnector.StartAsync();
        _bot = new BotApp(time: _time).Start();
        _t = new TransferDriver(_bot, _connector);
        await _t.Teams.InstallAsync(TeamsUser.WangLei);
        await _t.Teams.InstallAsync(TeamsUser.LiNa, "zh-CN");
        await _t.Teams.InstallAsync(TeamsUser.ChenJie);
        await _t.Teams.InstallAsync(SunHao);
        await _t.Teams.InstallAsync(LiuYang, "zh-CN");
        await _t.Teams.InstallAsync(ZhaoMin, "zh-CN");
        _connector.Clear();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private async Task<(int Forms, int Steps, int Audits, int Notifications)> CountsAsync()
    {
        await using var db = _bot.CreateDbContext();
        return (await db.Set<TransferForm>().CountAsync(), await db.Set<TransferStep>().CountAsync(), await db.AuditEntries.CountAsync(), await db.Notifications.CountAsync());
    }

    [Fact]
    public async Task Transfer_OpensTheForm_WithTheSeededCategories_InTheUsersLanguage()
    {
        var form = CardOf(await Chats.SayAsync(TeamsUser.WangLei, "transfer"));
        var zh = CardOf(await Chats.SayAsync(TeamsUser.ChenJie, "信息传递", "zh-CN"));

        Assert.Single(await Chats.SettledSentToAsync(TeamsUser.WangLei));
        Assert.Single(Chats.SentTo(TeamsUser.ChenJie));
        Assert.Equal("Information transfer form", Title(form));
        Assert.Equal(
            ["Market intelligence", "Competitor activity", "Customer complaint", "Product quality", "Supply or stock request", "Policy question", "Other"],
            ById(form, "t.category")!["choices"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()));
        Assert.Equal("normal", ById(form, "t.urgency")!["value"]!.GetValue<string>());
        Assert.Equal(1000, ById(form, "t.content")!["maxLength"]!.GetValue<int>());
        Assert.True(Guid.TryParse(Action(form, "transfer.submit")!["data"]!["draftId"]!.GetValue<string>(), out _));
        Assert.Equal("信息传递表", Title(zh));
        Assert.Equal("客户投诉", ById(zh, "t.category")!["choices"]![2]!["title"]!.GetValue<string>());
        Assert.Equal("发送", Action(zh, "transfer.submit")!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Submit_WithBadInput_SaysWhatIsWrongInTheUsersLanguage_KeepsWhatWasTyped_AndStoresNothing()
    {
        var draft = Guid.NewGuid();
        var bad = Inputs(category: "gossip", content: "   ", urgency: "whenever", request: new string('x', 501), customer: "<b>Huamei</b>");

        var (card, _) = await _t.Teams.ExecuteAsync(TeamsUser.WangLei, TransferCards.SubmitVerb, SubmitData(draft, bad));
        var (zh, _) = await _t.Teams.ExecuteAsync(TeamsUser.ChenJie, TransferCards.SubmitVerb, SubmitData(Guid.NewGuid(), Inputs(content: "")), locale: "zh-CN");

        Assert.Equal("Please fix the fields marked below; nothing was sent yet.", Text(card!, "errors"));
        Assert.Equal("Choose one of the categories.", Text(card!, "error.t.category"));
        Assert.Equal("Choose normal or urgent.", Text(card!, "error.t.urgency"));
        Assert.Equal("Content is required.", Text(card!, "error.t.content"));
        Assert.Equal("Suggestion or request may have at most 500 characters (now 501).", Text(card!, "error.t.request"));
        Assert.Equal("Related customer contains HTML or script markup (< >); please write plain text.", Text(card!, "error.t.customer"));
        Assert.Equal("<b>Huamei</b>", ById(card!, "t.customer")!["value"]!.GetValue<string>());
        Assert.Equal(new string('x', 501), ById(card!, "t.request")!["value"]!.GetValue<string>());
        Assert.Equal(draft.ToString(), Action(card!, "transfer.submit")!["data"]!["draftId"]!.GetValue<string>());
        Assert.Equal("请填写“信息内容”。", Text(zh!, "error.t.content"));
        Assert.Equal((0, 0, 0, 0), await CountsAsync());
        await using var db = _bot.CreateDbContext();
        Assert.Empty(db.Set<TransferCounter>());
    }

    [Fact]
    public async Task Lifecycle_Send_Acknowledge_Handle_Reopen_HandleAgain_Close_WithTheCardEachPersonSees()
    {
        // Wang Lei sends a complaint: numbered, routed to customer service, his card shows where it is.
        var (sent, _) = await _t.Teams.ExecuteAsync(TeamsUser.WangLei, TransferCards.SubmitVerb, SubmitData(Guid.NewGuid(), Inputs()));
        Assert.Equal("XX-2026-000001", Title(sent!));
        Assert.Equal("Information transfer form", Text(sent!, "kind"));
        Assert.Equal("Customer complaint · Normal · waiting for acknowledgement", Text(sent!, "status"));
        Assert.Equal("Sent as XX-2026-000001 to Customer service.", Text(sent!, "notice"));
        var facts = FormFacts(sent!);
        Assert.Equal(("XX-2026-000001", "Wang Lei 王磊", "2026\u201111\u201130\u00a010:00", "Customer service", "Huamei Store"),
            (facts["Number"], facts["Provider"], facts["Time sent"], facts["Receiver"], facts["Related customer"]));
        Assert.Equal("Please deliver the missing cases this week.", facts["Suggestion or request"]);
        Assert.Equal(("2026\u201111\u201130\u00a012:00", "2026\u201112\u201101\u00a017:00"), (Facts(sent!, "deadlines")["Acknowledge by"], Facts(sent!, "deadlines")["Handle by"]));
        Assert.Null(Action(sent!, TransferCards.AcknowledgeVerb));
        Assert.Equal(("transfer.view", TeamsUser.WangLei.Id), (sent!["refresh"]!["action"]!["verb"]!.GetValue<string>(), sent["refresh"]!["userIds"]![0]!.GetValue<string>()));

        // Sun Hao gets the form with his actions, refreshed for him.
        var routed = await Chats.NotifiedAsync(SunHao, TransferRegister.Routed);
        Assert.Equal("Wang Lei 王磊 passed you information: Customer complaint", routed.Body!["summary"]!.GetValue<string>());
        var toSun = CardOf(routed);
        Assert.Equal("New for Customer service: please acknowledge it by 2026\u201111\u201130\u00a012:00.", Text(toSun, "notice"));
        Assert.Equal(SunHao.Id, toSun["refresh"]!["userIds"]![0]!.GetValue<string>());
        Assert.NotNull(Action(toSun, TransferCards.HandleVerb));
        Assert.NotNull(Action(toSun, TransferCards.ForwardVerb));

        // He acknowledges at 10:20: the time received is stamped.
        _time.Advance(TimeSpan.FromMinutes(20));
        var (acked, _) = await _t.Teams.ExecuteAsync(SunHao, TransferCards.AcknowledgeVerb, Press(toSun, TransferCards.AcknowledgeVerb));
        Assert.EndsWith("acknowledged, being handled", Text(acked!, "status"), StringComparison.Ordinal);
        Assert.Equal(("Customer service · Sun Hao 孙浩", "2026\u201111\u201130\u00a010:20"), (FormFacts(acked!)["Receiver"], FormFacts(acked!)["Time received"]));
        Assert.Null(Action(acked!, TransferCards.AcknowledgeVerb));

        // He handles it an hour later; Wang Lei gets the feedback with Close and Reopen.
        _time.Advance(TimeSpan.FromHours(1));
        var (handled, _) = await _t.Teams.ExecuteAsync(SunHao, TransferCards.HandleVerb, Press(acked!, TransferCards.HandleVerb,
            (TransferCards.OpinionInput, "Two cases re-delivered with today's round."), (TransferCards.FeedbackInput, "Delivered at 14:00; the driver apologised.")));
        Assert.EndsWith("handled, waiting for the provider", Text(handled!, "status"), StringComparison.Ordinal);
        Assert.Null(Action(handled!, TransferCards.HandleVerb));
        var toWang = CardOf(await Chats.NotifiedAsync(TeamsUser.WangLei, TransferRegister.Handled, n => n.Revision == 3));
        Assert.Equal("Sun Hao 孙浩 handled your form. Rate the handling and close it, or reopen it once if it is not resolved.", Text(toWang, "notice"));
        Assert.Equal(("Two cases re-delivered with today's round.", "Delivered at 14:00; the driver apologised."),
            (FormFacts(toWang)["Handling opinion"], FormFacts(toWang)["Feedback to the provider"]));

        // Not resolved: he reopens it, once; Sun Hao has it again with a new handling deadline.
        var (reopened, _) = await _t.Teams.ExecuteAsync(TeamsUser.WangLei, TransferCards.ReopenVerb, Press(toWang, TransferCards.ReopenVerb, (TransferCards.ReopenReasonInput, "Only one case arrived.")));
        Assert.EndsWith("reopened, being handled again", Text(reopened!, "status"), StringComparison.Ordinal);
        Assert.Null(Action(reopened!, TransferCards.CloseVerb));
        var again = CardOf(await Chats.NotifiedAsync(SunHao, TransferRegister.Reopened));
        Assert.Equal("Wang Lei 王磊 reopened this form (Only one case arrived.). Please handle it again by 2026\u201112\u201102\u00a009:20.", Text(again, "notice"));
        await _t.Teams.ExecuteAsync(SunHao, TransferCards.HandleVerb, Press(again, TransferCards.HandleVerb, (TransferCards.OpinionInput, "The second case was found at the depot and delivered.")));

        // Handled again: he can only close it now, and rates the handling 4.
        var final = CardOf(await Chats.NotifiedAsync(TeamsUser.WangLei, TransferRegister.Handled, n => n.Revision == 5));
        Assert.Null(Action(final, TransferCards.ReopenVerb));
        var (closed, _) = await _t.Teams.ExecuteAsync(TeamsUser.WangLei, TransferCards.CloseVerb, Press(final, TransferCards.CloseVerb, (TransferCards.RatingInput, "4"), (TransferCards.CommentInput, "Sorted, thanks.")));
        Assert.EndsWith("closed", Text(closed!, "status"), StringComparison.Ordinal);
        Assert.Equal(("4 / 5", "Sorted, thanks."), (FormFacts(closed!)["Rating of the handling"], FormFacts(closed!)["Provider's comment"]));
        Assert.Null(closed!["actions"]);
        Assert.Null(ById(closed!, "deadlines"));
        var closedNote = (await Chats.NotifiedAsync(SunHao, TransferRegister.Closed)).Body!;
        Assert.Equal("Form XX-2026-000001 was closed with a rating of 4 / 5", closedNote["summary"]!.GetValue<string>());

        await using var db = _bot.CreateDbContext();
        var form = await db.Set<TransferForm>().Include(f => f.Steps).SingleAsync();
        Assert.Equal((TransferState.Closed, 6, 4, 1), (form.State, form.Revision, form.HandlingRating, form.ReopenCount));
        Assert.Equal("The second case was found at the depot and delivered.", form.HandlingOpinion);
        Assert.Equal(
            [TransferStepKind.Submitted, TransferStepKind.Acknowledged, TransferStepKind.Handled, TransferStepKind.Reopened, TransferStepKind.Handled, TransferStepKind.Closed],
            form.Steps.OrderBy(s => s.FromRevision).Select(s => s.Kind));
        var trail = await db.AuditEntries.Where(a => a.SubjectType == "TransferForm").OrderBy(a => a.Id).Select(a => new { a.ActorId, a.Action, a.Revision }).ToListAsync();
        Assert.Equal(
            ["wang-lei transfer.submitted 1", "sun-hao transfer.acknowledged 2", "sun-hao transfer.handled 3", "wang-lei transfer.reopened 4", "sun-hao transfer.handled 5", "wang-lei transfer.closed 6"],
            trail.Select(a => $"{a.ActorId} {a.Action} {a.Revision}"));
    }

    [Fact]
    public async Task Forward_NeedsAReason_AndMovesTheFormToTheOtherPost_WhoseReceiverGetsIt_WithFreshDeadlines()
    {
        var form = await _t.SubmitAsync(TeamsUser.WangLei);
        var toSun = CardOf(await Chats.NotifiedAsync(SunHao, TransferRegister.Routed));

        var (noReason, _) = await _t.Teams.ExecuteAsync(SunHao, TransferCards.ForwardVerb, Press(toSun, TransferCards.ForwardVerb, (TransferCards.PostInput, "office"), (TransferCards.ForwardReasonInput, "  ")));
        var (samePost, _) = await _t.Teams.ExecuteAsync(SunHao, TransferCards.ForwardVerb, Press(toSun, TransferCards.ForwardVerb, (TransferCards.PostInput, "customer-service"), (TransferCards.ForwardReasonInput, "Mine")));
        Assert.Contains("Reason for forwarding is required.", Text(noReason!, "errors"), StringComparison.Ordinal);
        Assert.Equal("office", ById(noReason!, "t.post")!["value"]!.GetValue<string>());
        Assert.Contains("Choose the post to forward it to", Text(samePost!, "errors"), StringComparison.Ordinal);
        Assert.Equal(1, (await _t.FormAsync(form.Id)).Revision);

        _time.Advance(TimeSpan.FromMinutes(30));
        var (forwarded, _) = await _t.Teams.ExecuteAsync(SunHao, TransferCards.ForwardVerb,
            Press(toSun, TransferCards.ForwardVerb, (TransferCards.PostInput, "office"), (TransferCards.ForwardReasonInput, "It is about the delivery policy.")));

        // Sun Hao's answer shows where it went, without actions: it is no longer his post's.
        Assert.Equal("Office", FormFacts(forwarded!)["Receiver"]);
        Assert.Null(Action(forwarded!, TransferCards.AcknowledgeVerb));
        // Liu Yang (the office, in Chinese) gets it, with two working hours from now to acknowledge.
        var toLiu = CardOf(await Chats.NotifiedAsync(LiuYang, TransferRegister.Routed));
        Assert.Equal("Sun Hao 孙浩将此信息表转交办公室（It is about the delivery policy.）。请于2026\u201111\u201130\u00a012:30前确认接收。", Text(toLiu, "notice"));
        Assert.Contains("转交办公室：It is about the delivery policy.", Text(toLiu, "step.1"), StringComparison.Ordinal);
        Assert.NotNull(Action(toLiu, TransferCards.AcknowledgeVerb));
        // Sun Hao's old card can no longer act on it.
        var (_, refused) = await _t.Teams.ExecuteAsync(SunHao, TransferCards.AcknowledgeVerb, Press(toSun, TransferCards.AcknowledgeVerb));
        Assert.Equal("Only the receiving post (Office) or its lead can do this; nothing was changed.", MessageOf(refused));

        var stored = await _t.FormAsync(form.Id);
        Assert.Equal(("office", TransferState.Sent, 2, null), (stored.PostId, stored.State, stored.Revision, stored.ReceivedAt));
        Assert.Equal(At(2026, 11, 30, 12, 30), stored.AckDueAt);
        var step = stored.Steps.Single(s => s.Kind == TransferStepKind.Forwarded);
        Assert.Equal(("customer-service", "office", "sun-hao"), (step.FromPostId, step.ToPostId, step.ActorId));
    }

    [Fact]
    public async Task OnlyTheReceivingPost_AndTheProvider_MayTakeTheirSteps_OthersAreToldSo_AndNothingChanges()
    {
        var form = await _t.SubmitAsync(TeamsUser.WangLei);
        var toSun = CardOf(await Chats.NotifiedAsync(SunHao, TransferRegister.Routed));
        var ack = Press(toSun, TransferCards.AcknowledgeVerb);
        var before = await CountsAsync();

        var (_, chen) = await _t.Teams.ExecuteAsync(TeamsUser.ChenJie, TransferCards.AcknowledgeVerb, ack);
        var (_, wang) = await _t.Teams.ExecuteAsync(TeamsUser.WangLei, TransferCards.HandleVerb, StepData(TransferCards.HandleVerb, form.Id, 1, (TransferCards.OpinionInput, "Done it myself")));
        var (_, sunClose) = await _t.Teams.ExecuteAsync(SunHao, TransferCards.CloseVerb, StepData(TransferCards.CloseVerb, form.Id, 1, (TransferCards.RatingInput, "5")));
        var (_, zhaoView) = await _t.Teams.ExecuteAsync(ZhaoMin, TransferCards.ViewVerb, new JsonObject { ["verb"] = TransferCards.ViewVerb, ["formId"] = form.Id.ToString() }, locale: "zh-CN");
        var (_, stranger) = await _t.Teams.ExecuteAsync(TeamsUser.Stranger, TransferCards.AcknowledgeVerb, ack);
        var (_, hijack) = await _t.Teams.ExecuteAsync(TeamsUser.ChenJie, TransferCards.SubmitVerb, SubmitData(form.DraftId, Inputs(content: "Chen Jie's version")));
        var (_, rate) = await _t.Teams.ExecuteAsync(TeamsUser.ChenJie, TransferCards.RateValueVerb, new JsonObject { ["verb"] = TransferCards.RateValueVerb, ["formId"] = form.Id.ToString(), ["t.value"] = "5" });

        Assert.Equal("Only the receiving post (Customer service) or its lead can do this; nothing was changed.", MessageOf(chen));
        Assert.Equal("Only the receiving post (Customer service) or its lead can do this; nothing was changed.", MessageOf(wang));
        Assert.Equal("Only Wang Lei 王磊, who sent this form, can do this; nothing was changed.", MessageOf(sunClose));
        Assert.Equal("此卡片涉及他人的信息表；未显示或更改任何内容。", MessageOf(zhaoView));
        Assert.StartsWith("You are not in DiligenceBot's directory", MessageOf(stranger), StringComparison.Ordinal);
        Assert.Equal("This card is about someone else's form; nothing was shown or changed.", MessageOf(hijack));
        Assert.Equal("Only the lead of the provider's team (or a delegate) can rate the value of this information; nothing was changed.", MessageOf(rate));
        Assert.Equal(before, await CountsAsync());
        var stored = await _t.FormAsync(form.Id);
        Assert.Equal((1, TransferState.Sent, "Huamei Store says the last delivery was two cases short."), (stored.Revision, stored.State, stored.Content));

        // The post's lead may act on it.
        var (byLead, _) = await _t.Teams.ExecuteAsync(LiuYang, TransferCards.AcknowledgeVerb, ack, locale: "zh-CN");
        Assert.Equal("客户服务部 · Liu Yang 刘洋", FormFacts(byLead!)["接收人"]);
    }

    [Fact]
    public async Task DuplicateDeliveries_OfAnyStep_ChangeNothingTwice()
    {
        // The same submission, delivered three times at once: one form, one number, one message to the receiver.
        var submit = SubmitData(Guid.NewGuid(), Inputs());
        var sends = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _t.Teams.ExecuteAsync(TeamsUser.WangLei, TransferCards.SubmitVerb, submit, activityId: "f:same-send")));
        Assert.All(sends, s => Assert.Equal("XX-2026-000001", Title(s.Card!)));

        // The same acknowledgement three times at once, the same handling twice.
        var toSun = CardOf(await Chats.NotifiedAsync(SunHao, TransferRegister.Routed));
        var acks = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _t.Teams.ExecuteAsync(SunHao, TransferCards.AcknowledgeVerb, Press(toSun, TransferCards.AcknowledgeVerb))));
        Assert.All(acks, a => Assert.Null(ById(a.Card!, "notice")));
        var handle = Press(acks[0].Card!, TransferCards.HandleVerb, (TransferCards.OpinionInput, "Re-delivered."));
        var (first, _) = await _t.Teams.ExecuteAsync(SunHao, TransferCards.HandleVerb, handle, activityId: "f:handle-1");
        var (second, _) = await _t.Teams.ExecuteAsync(SunHao, TransferCards.HandleVerb, handle, activityId: "f:handle-1");
        Assert.Equal(Json(first!["body"]!), Json(second!["body"]!));

        Assert.Single(await Chats.SettledSentToAsync(TeamsUser.WangLei));
        Assert.Single(Chats.SentTo(SunHao));
        await using var db = _bot.CreateDbContext();
        var form = await db.Set<TransferForm>().Include(f => f.Steps).SingleAsync();
        Assert.Equal((3, 3), (form.Revision, form.Steps.Count));
        Assert.Equal(1, (await db.Set<TransferCounter>().SingleAsync()).LastNumber);
        Assert.Equal(3, await db.AuditEntries.CountAsync());
        Assert.Equal(2, await db.Notifications.CountAsync());
    }

    [Fact]
    public async Task StaleCards_AreRefused_WithTheFormsCurrentState_AndWhoActed()
    {
        var form = await _t.SubmitAsync(TeamsUser.WangLei);
        var toSun = CardOf(await Chats.NotifiedAsync(SunHao, TransferRegister.Routed));
        await _t.Teams.ExecuteAsync(SunHao, TransferCards.AcknowledgeVerb, Press(toSun, TransferCards.AcknowledgeVerb));

        // Liu Yang, lead of the post, presses Acknowledge on the same (now stale) card, then Handle on it.
        var (ackAgain, _) = await _t.Teams.ExecuteAsync(LiuYang, TransferCards.AcknowledgeVerb, Press(toSun, TransferCards.AcknowledgeVerb));
        var (handleOld, _) = await _t.Teams.ExecuteAsync(LiuYang, TransferCards.HandleVerb, Press(toSun, TransferCards.HandleVerb, (TransferCards.OpinionInput, "Mine")), locale: "zh-CN");
        // A card from the future, and a close while it is still being handled.
        var (_, future) = await _t.Teams.ExecuteAsync(SunHao, TransferCards.HandleVerb, StepData(TransferCards.HandleVerb, form.Id, 9, (TransferCards.OpinionInput, "x")));
        var (early, _) = await _t.Teams.ExecuteAsync(TeamsUser.WangLei, TransferCards.CloseVerb, StepData(TransferCards.CloseVerb, form.Id, 2, (TransferCards.RatingInput, "5")));

        Assert.Equal("Sun Hao 孙浩 already acknowledged this form at 2026\u201111\u201130\u00a010:00; nothing was changed.", Text(ackAgain!, "notice"));
        Assert.Equal("Sun Hao 孙浩已于2026\u201111\u201130\u00a010:00确认接收了此信息表；未做任何更改。", Text(handleOld!, "notice"));
        Assert.Equal("This card carries a number (9) that I never issued, so nothing was changed. Open the card again from the chat.", MessageOf(future));
        Assert.Equal("That is not possible now: the form is acknowledged, being handled. Nothing was changed.", Text(early!, "notice"));
        var stored = await _t.FormAsync(form.Id);
        Assert.Equal((2, TransferState.Acknowledged, "sun-hao"), (stored.Revision, stored.State, stored.ReceivedById));
        Assert.Equal(2, stored.Steps.Count);
    }

    [Fact]
    public async Task TheLeadsDailyCheck_ListsTheTeamsForms_AndRatesTheirValue_WhileProvidersAndReceiversSeeTheirOwnLists()
    {
        await _t.SubmitAsync(TeamsUser.WangLei, Inputs("market", "Competitor X offers 5% off to kiosks near the station."));
        await _t.SubmitAsync(TeamsUser.ChenJie, Inputs("complaint"));
        var zhaos = await _t.SubmitAsync(ZhaoMin, Inputs("supply", "Three shops in Xinzhuang are out of stock."));

        var today = CardOf(await Chats.SayAsync(TeamsUser.LiNa, "今日信息", "zh-CN"));
        Assert.Equal($"华东一组 · {ZhDate(11, 30)}的信息表", Title(today));
        Assert.Equal("共2张：待接收2，处理中0，已处理0，已关闭0，已督办0", Text(today, "counts"));
        Assert.Equal("Wang Lei 王磊 · XX-2026-000001 · 市场信息 · 待接收", ById(today, "row.XX-2026-000001")!["columns"]![0]!["items"]![0]!["text"]!.GetValue<string>());
        Assert.Null(ById(today, "row.XX-2026-000003"));

        // She opens Wang Lei's form from the list and rates its value: she has no receiver's actions.
        var (leadCard, _) = await _t.Teams.ExecuteAsync(TeamsUser.LiNa, TransferCards.ViewVerb, Copy(Action(ById(today, "row.XX-2026-000001")!, TransferCards.ViewVerb)!["data"]!.AsObject()), locale: "zh-CN");
        Assert.Null(Action(leadCard!, TransferCards.AcknowledgeVerb));
        var (badRating, _) = await _t.Teams.ExecuteAsync(TeamsUser.LiNa, TransferCards.RateValueVerb, Press(leadCard!, TransferCards.RateValueVerb, (TransferCards.ValueInput, "9")), locale: "zh-CN");
        Assert.Contains("请选择1到5的评分。", Text(badRating!, "errors"), StringComparison.Ordinal);
        var rate = Press(leadCard!, TransferCards.RateValueVerb, (TransferCards.ValueInput, "5"));
        var (rated, _) = await _t.Teams.ExecuteAsync(TeamsUser.LiNa, TransferCards.RateValueVerb, rate, locale: "zh-CN");
        await _t.Teams.ExecuteAsync(TeamsUser.LiNa, TransferCards.RateValueVerb, rate, locale: "zh-CN");
        Assert.Equal("5 / 5（Li Na 李娜）", FormFacts(rated!)["信息价值"]);

        // Wang Lei leads East 2: he checks Zhao Min's form and may rate it; Sun Hao may not.
        var east2 = CardOf(await Chats.SayAsync(TeamsUser.WangLei, "forms today"));
        Assert.Equal("East District 2 · forms of Monday\u00a030\u00a0November", Title(east2));
        Assert.NotNull(ById(east2, "row.XX-2026-000003"));
        var (_, notLead) = await _t.Teams.ExecuteAsync(SunHao, TransferCards.RateValueVerb, new JsonObject { ["verb"] = TransferCards.RateValueVerb, ["formId"] = zhaos.Id.ToString(), ["t.value"] = "2" });
        Assert.StartsWith("Only the lead of the provider's team", MessageOf(notLead), StringComparison.Ordinal);

        var mine = CardOf(await Chats.SayAsync(TeamsUser.WangLei, "my forms"));
        Assert.Equal("My forms", Title(mine));
        Assert.Equal("XX-2026-000001 · Market intelligence · waiting for acknowledgement", ById(mine, "row.XX-2026-000001")!["columns"]![0]!["items"]![0]!["text"]!.GetValue<string>());

        // Sun Hao also gets Chen Jie's form from the outbox, at any moment around this reply.
        var inbox = CardOf(await Chats.SayAsync(SunHao, "forms to handle"));
        Assert.Equal("Forms to handle", Title(inbox));
        Assert.Equal("XX-2026-000002 · Customer complaint · Normal · waiting for acknowledgement · due 2026\u201111\u201130\u00a012:00",
            ById(inbox, "row.XX-2026-000002")!["columns"]![0]!["items"]![0]!["text"]!.GetValue<string>());
        Assert.Null(ById(inbox, "row.XX-2026-000001"));

        Assert.Equal("Forms today is for leads (and their delegates); you do not lead a team.", Chats.TextOf(await Chats.SayAsync(TeamsUser.ChenJie, "forms today")));
        Assert.Equal("您不在任何接收岗位，不会收到信息表。输入“我的信息表”查看您发送的信息表。", Chats.TextOf(await Chats.SayAsync(ZhaoMin, "待处理信息", "zh-CN")));
        Assert.Equal("“昨天”不是日期；请按“年-月-日”填写，例如：“今日信息 2026-11-27”。", Chats.TextOf(await Chats.SayAsync(TeamsUser.LiNa, "今日信息 昨天", "zh-CN")));

        await using var db = _bot.CreateDbContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "transfer.value-rated"));
    }

    [Fact]
    public async Task ALeadOfSeveralTeams_SeesEveryTeamsFormsToday_InOneCard_GroupedByTeam()
    {
        await using (var db = _bot.CreateDbContext())
        {
            (await db.Teams.SingleAsync(t => t.Id == "east-2")).LeadId = "li-na";
            await db.SaveChangesAsync();
        }

        await _t.SubmitAsync(TeamsUser.WangLei, Inputs("market", "Competitor X offers 5% off to kiosks near the station."));
        await _t.SubmitAsync(ZhaoMin, Inputs("supply", "Three shops in Xinzhuang are out of stock."));
        _connector.Clear();

        var card = CardOf(await Chats.SayAsync(TeamsUser.LiNa, "forms today"));
        var zh = CardOf(await Chats.SayAsync(TeamsUser.LiNa, "今日信息", "zh-CN"));

        Assert.Equal(2, Chats.SentTo(TeamsUser.LiNa).Count);
        Assert.Equal("Your teams' forms", Title(card));
        Assert.Equal("East District 1 · forms of Monday\u00a030\u00a0November", Text(card, "team.east-1"));
        Assert.Equal("East District 2 · forms of Monday\u00a030\u00a0November", Text(card, "team.east-2"));
        Assert.Contains("XX-2026-000001", Shown(card, "section.east-1"), StringComparison.Ordinal);
        Assert.DoesNotContain("XX-2026-000002", Shown(card, "section.east-1"), StringComparison.Ordinal);
        Assert.Contains("Zhao Min", Shown(card, "section.east-2"), StringComparison.Ordinal);
        Assert.Equal("Sent 1 · waiting 1 · being handled 0 · handled 0 · closed 0 · escalated 0", Text(card, "counts.east-2"));
        Assert.Equal("您所带团队的信息表", Title(zh));
        Assert.Equal($"华东二组 · {ZhDate(11, 30)}的信息表", Text(zh, "team.east-2"));
    }

    [Fact]
    public async Task Numbers_AreSequentialPerTenantAndYear_WithoutGapsOrDuplicates_UnderConcurrentFailedAndRepeatedSubmissions()
    {
        var senders = new[] { TeamsUser.WangLei, TeamsUser.ChenJie, SunHao, ZhaoMin };
        var drafts = Enumerable.Range(0, 12).Select(_ => Guid.NewGuid()).ToList();
        var work = new List<Task>();
        for (var i = 0; i < drafts.Count; i++)
        {
            var data = SubmitData(drafts[i], Inputs(content: $"Field note {i}"));
            work.Add(_t.Teams.ExecuteAsync(senders[i % senders.Length], TransferCards.SubmitVerb, data));
            if (i % 2 == 0)
            {
                // Invalid forms in between: refused before any number is taken.
                work.Add(_t.Teams.ExecuteAsync(senders[(i + 1) % senders.Length], TransferCards.SubmitVerb, SubmitData(Guid.NewGuid(), Inputs(content: ""))));
            }

            if (i % 4 == 1)
            {
                // The same card delivered again at the same moment: its copy loses on the draft and gives its number back.
                work.Add(_t.Teams.ExecuteAsync(senders[i % senders.Length], TransferCards.SubmitVerb, data));
            }
        }

        await Task.WhenAll(work);

        await using (var db = _bot.CreateDbContext())
        {
            var forms = await db.Set<TransferForm>().OrderBy(f => f.Sequence).ToListAsync();
            Assert.Equal(Enumerable.Range(1, 12), forms.Select(f => f.Sequence));
            Assert.Equal(Enumerable.Range(1, 12).Select(n => $"XX-2026-{n:000000}"), forms.Select(f => f.Number));
            Assert.Equal(drafts.Order(), forms.Select(f => f.DraftId).Order());
            Assert.Equal(12, (await db.Set<TransferCounter>().SingleAsync(c => c.Year == 2026)).LastNumber);
        }

        // The year is read in the organisation's time zone: 00:30 on 1 January in Shanghai is already 2027.
        _time.SetUtcNow(At(2027, 1, 1, 0, 30));
        Assert.Equal("XX-2027-000001", (await _t.SubmitAsync(TeamsUser.WangLei)).Number);
    }

    [Fact]
    public async Task AStoreThatFails_InsideTheNumberingTransaction_GivesItsNumberBack()
    {
        var first = await _t.SubmitAsync(TeamsUser.WangLei);

        await using (var scope = _bot.Services.CreateAsyncScope())
        {
            var register = scope.ServiceProvider.GetRequiredService<TransferRegister>();
            var settings = (await register.SettingsAsync(Activities.TenantId, CancellationToken.None))!;
            var clash = new TransferForm
            {
                Id = Guid.NewGuid(), TenantId = Activities.TenantId, Number = string.Empty, DraftId = first.DraftId, ProviderId = "chen-jie",
                CategoryId = "other", Content = "Clashes with the first form's draft", PostId = "office", Revision = 1, SentAt = register.Now,
            };
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => register.StoreNewAsync(clash, settings, CancellationToken.None));
        }

        await using (var db = _bot.CreateDbContext())
        {
            Assert.Equal(1, (await db.Set<TransferCounter>().SingleAsync()).LastNumber);
        }

        Assert.Equal("XX-2026-000002", (await _t.SubmitAsync(TeamsUser.ChenJie)).Number);
    }

    [Theory]
    [InlineData(TransferCards.SubmitVerb, """{"verb":"transfer.submit"}""", "This card is out of date. Type **help** to start again.")]
    [InlineData(TransferCards.AcknowledgeVerb, """{"verb":"transfer.acknowledge","formId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","revision":1}""", "This form does not exist (or belongs to another organisation). Type **my forms** to see yours.")]
    [InlineData(TransferCards.HandleVerb, """{"verb":"transfer.handle","formId":"not-a-guid","revision":"x"}""", "This form does not exist (or belongs to another organisation). Type **my forms** to see yours.")]
    [InlineData(TransferCards.ViewVerb, """{"verb":"transfer.view"}""", "This form does not exist (or belongs to another organisation). Type **my forms** to see yours.")]
    public async Task UnknownOrMalformedCardData_GetsAClearMessage_AndNothingIsStored(string verb, string data, string message)
    {
        var (_, answer) = await _t.Teams.ExecuteAsync(TeamsUser.WangLei, verb, JsonNode.Parse(data)!.AsObject());

        Assert.Equal(message, MessageOf(answer));
        Assert.Equal((0, 0, 0, 0), await CountsAsync());
    }

    [Fact]
    public async Task AStepWithoutItsRevision_IsTreatedAsAStaleCard()
    {
        var form = await _t.SubmitAsync(TeamsUser.WangLei);

        var (_, answer) = await _t.Teams.ExecuteAsync(SunHao, TransferCards.AcknowledgeVerb, new JsonObject { ["verb"] = TransferCards.AcknowledgeVerb, ["formId"] = form.Id.ToString() });

        Assert.Equal("This card is out of date. Type **help** to start again.", MessageOf(answer));
        Assert.Equal(1, (await _t.FormAsync(form.Id)).Revision);
    }

    [Fact]
    public async Task ActionSubmit_FromOlderClients_ReachesTheSameSteps_AndTheAnswerReplacesTheCard()
    {
        var form = await _t.SubmitAsync(TeamsUser.WangLei);
        var value = StepData(TransferCards.AcknowledgeVerb, form.Id, 1);

        using var response = await _bot.PostActivityAsync(Activities.Submit(_connector.ServiceUrl, SunHao, value, replyToId: "card-7"));

        var update = Assert.Single(_connector.SentActivities, r => r.Method == "PUT" && r.Path.EndsWith("/activities/card-7", StringComparison.Ordinal));
        Assert.EndsWith("acknowledged, being handled", Text(CardOf(update), "status"), StringComparison.Ordinal);
        Assert.Equal(TransferState.Acknowledged, (await _t.FormAsync(form.Id)).State);
    }

    [Fact]
    public async Task EveryStep_IsInTheAuditTrail_WithTheCardItCameFrom()
    {
        var form = await _t.SubmitAsync(TeamsUser.WangLei);
        await _t.Teams.ExecuteAsync(SunHao, TransferCards.AcknowledgeVerb, StepData(TransferCards.AcknowledgeVerb, form.Id, 1), activityId: "f:ack-42");

        await using var db = _bot.CreateDbContext();
        var entry = await db.Set<AuditEntry>().SingleAsync(a => a.Action == "transfer.acknowledged");
        Assert.Equal(("sun-hao", "TransferForm", form.Id.ToString(), 2, TransferCards.AcknowledgeVerb, "f:ack-42", "card-activity-1"),
            (entry.ActorId, entry.SubjectType, entry.SubjectId, entry.Revision, entry.SourceVerb, entry.SourceActivityId, entry.SourceCardActivityId));
        Assert.Empty(await db.Notifications.Where(n => n.Kind == TransferRegister.Routed && n.Status == NotificationStatus.Failed).ToListAsync());
    }

    [Fact]
    public async Task ACategoryWhosePostHasNobody_GoesToTheFallbackPost_AndWithNoneAtAll_NothingIsSent()
    {
        await using (var db = _bot.CreateDbContext())
        {
            var logistics = await db.Set<TransferPost>().SingleAsync(p => p.Id == "logistics");
            logistics.MemberIds = ["someone-who-left"];
            await db.SaveChangesAsync();
        }

        var supply = await _t.SubmitAsync(TeamsUser.WangLei, Inputs("supply", "Xinhua Kiosk is out of two brands."));
        Assert.Equal("office", supply.PostId);

        await using (var db = _bot.CreateDbContext())
        {
            var office = await db.Set<TransferPost>().SingleAsync(p => p.Id == "office");
            office.Active = false;
            await db.SaveChangesAsync();
        }

        var before = await CountsAsync();
        var (_, refused) = await _t.Teams.ExecuteAsync(TeamsUser.WangLei, TransferCards.SubmitVerb, SubmitData(Guid.NewGuid(), Inputs("supply")));
        Assert.Equal("No receiving post is set up for this category, so nothing was sent. Please ask your administrator.", MessageOf(refused));
        Assert.Equal(before, await CountsAsync());
        await using var check = _bot.CreateDbContext();
        Assert.Equal(1, (await check.Set<TransferCounter>().SingleAsync()).LastNumber);
    }

    [Fact]
    public async Task Routing_AnAdminSeesWhereEachCategoryGoes_AndSendsOneElsewhere_OthersAreRefused()
    {
        var table = CardOf(await Chats.SayAsync(LiuYang, "信息路由", "zh-CN"));
        Assert.Equal("信息传递分派表", Title(table));
        var routing = ById(table, "routing")!["items"]!.AsArray().Select(i => i!["text"]!.GetValue<string>()).ToList();
        Assert.Equal(
            [
                "客户投诉", "送达客户服务部（Sun Hao 孙浩；负责人Liu Yang 刘洋）。",
                "一般：2个工作小时内确认接收（超过4个工作小时上报督办），16个工作小时内处理完毕。",
                "紧急：0.5个工作小时内确认接收（超过1个工作小时上报督办），4个工作小时内处理完毕。",
            ],
            routing.Skip(routing.IndexOf("客户投诉")).Take(4));
        Assert.Equal(["岗位无人时转至", "办公室（Liu Yang 刘洋；负责人Gao Feng 高峰）"], routing[^2..]);

        var moved = CardOf(await Chats.SayAsync(LiuYang, "routing complaint office"));
        var nowhere = Chats.TextOf(await Chats.SayAsync(LiuYang, "routing complaint nowhere"));
        var usage = Chats.TextOf(await Chats.SayAsync(LiuYang, "routing complaint"));
        var notAdmin = Chats.TextOf(await Chats.SayAsync(TeamsUser.WangLei, "routing"));

        Assert.Equal("Customer complaint now goes to Office.", Text(moved, "notice"));
        Assert.Equal("There is no category \"complaint\" or no active post \"nowhere\" in your organisation; nothing was changed.", nowhere);
        Assert.Equal("Write it as: routing CATEGORY POST — for example: routing complaint office", usage);
        Assert.Equal("Only an administrator can see or change the routing; nothing was changed.", notAdmin);
        Assert.Equal("office", (await _t.SubmitAsync(TeamsUser.WangLei)).PostId);
        await using var db = _bot.CreateDbContext();
        Assert.Equal("liu-yang", (await db.AuditEntries.SingleAsync(a => a.Action == "transfer.route-changed")).ActorId);
    }

    [Fact]
    public async Task Lists_StayCurrent_ForThePersonTheyWereMadeFor()
    {
        await _t.SubmitAsync(TeamsUser.WangLei);
        var list = CardOf(await Chats.SayAsync(TeamsUser.LiNa, "forms today 2026-11-30"));
        var refresh = list["refresh"]!;
        Assert.Equal((TransferCards.TodayVerb, "2026-11-30", TeamsUser.LiNa.Id),
            (refresh["action"]!["verb"]!.GetValue<string>(), refresh["action"]!["data"]!["date"]!.GetValue<string>(), refresh["userIds"]![0]!.GetValue<string>()));

        // The refresh (an Action.Execute without typed arguments) answers the same day's list, now current.
        await _t.Teams.ExecuteAsync(SunHao, TransferCards.AcknowledgeVerb, StepData(TransferCards.AcknowledgeVerb, await FirstFormIdAsync(), 1));
        var (again, _) = await _t.Teams.ExecuteAsync(TeamsUser.LiNa, TransferCards.TodayVerb, refresh["action"]!["data"]!.AsObject(), locale: "zh-CN");
        Assert.Equal("共1张：待接收0，处理中1，已处理0，已关闭0，已督办0", Text(again!, "counts"));
    }

    private async Task<Guid> FirstFormIdAsync()
    {
        await using var db = _bot.CreateDbContext();
        return await db.Set<TransferForm>().OrderBy(f => f.Sequence).Select(f => f.Id).FirstAsync();
    }
}
