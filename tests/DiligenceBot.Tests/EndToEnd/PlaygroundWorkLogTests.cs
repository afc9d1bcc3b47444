using System.Diagnostics;
using System.Text.Json.Nodes;
using DiligenceBot.Notifications;
using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.WorkLogs;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static DiligenceBot.Tests.WorkLogs.WorkLogDriver;
using DiligenceBot.Reviews;

namespace DiligenceBot.Tests.EndToEnd;

/// <summary>
/// The daily work log through the real Agents Playground (npm 0.2.28): Wang Lei (the Playground's current user,
/// account manager in East 1) writes and submits today's log in his personal chat; his lead Li Na, who is only
/// another configured user of the Playground, gets the review card in a 1:1 chat the bot creates, and approves
/// it through the Playground's custom activity route; both see the result.
/// <para>
/// What the Playground does here (0.2.28, observed):
/// <list type="bullet">
/// <item>A personal chat id it does not know (e.g. <c>a:1-personal-li-na</c>) is no way in: the bot's reply to
/// an install there gets 404 ConversationNotFound, and the bot rightly retires that reference.</item>
/// <item>An <c>installationUpdate</c> (its "install" template) in the team, with <c>from</c> edited to Li Na,
/// is what Teams sends when she adds the app to East District: the bot keeps a reference carrying her Teams user
/// id, and later creates her 1:1 chat with <c>POST /v3/conversations</c>. The Playground answers 201 with a new
/// id (<c>{guid}@test.user</c>), accepts messages into it (201), and keeps them — but never pushes them on the
/// conversation websocket, which only carries chats the current user is in. They are visible in its log panel
/// (<c>/_ws/log/stream</c>), which is where this test reads Li Na's review card.</item>
/// <item><c>POST /_internal/v1/customActivities</c> answers 200 with an empty body before it even forwards the
/// activity: the bot's answer to a custom <c>invoke</c> is not returned to the caller. It appears only in the log
/// panel, as the response of the Playground → bot entry for that activity id.</item>
/// </list>
/// </para>
/// The bot's "today" is the real date in Asia/Shanghai, so dates come from the form card, and on-time/late is
/// not asserted.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class PlaygroundWorkLogTests(PlaygroundWithLogFixture fixture, ITestOutputHelper output) : IClassFixture<PlaygroundWithLogFixture>
{
    private const string WangLeiChat = PlaygroundProcess.PersonalChatId;
    private const string LeadApproved = "Approved by Li Na 李娜";

    private PlaygroundProcess Playground => fixture.Playground;

    private PlaygroundOtherUser LiNa { get; } = new(fixture, TeamsUser.LiNa);

    [Fact]
    public async Task WangLeiSubmits_LiNaApprovesFromHerReviewCard_BothCardsShowTheApproval()
    {
        var clock = Stopwatch.StartNew();
        var lap = TimeSpan.Zero;
        void Step(string what)
        {
            output.WriteLine($"{clock.Elapsed.TotalSeconds,6:0.00} s (+{(clock.Elapsed - lap).TotalMilliseconds,5:0} ms) {what}");
            lap = clock.Elapsed;
        }

        // Wang Lei opens his personal chat with the bot for the first time (what the browser client does).
        var start = Playground.MessageCount;
        await Playground.OpenConversationFirstTimeAsync(WangLeiChat);
        await Playground.WaitForCardAsync("Welcome to DiligenceBot", start);
        Step("Wang Lei's personal chat opened, welcome card arrived");

        // Li Na adds the app to the team East District: the Playground's own install template for the team,
        // sent by her. This is what makes her reachable: a reference with her Teams user id. It has to come before
        // the submit: the dispatcher marks a notification for someone it cannot reach Undeliverable, for good.
        await LiNa.InstallInTeamAsync();
        Step("Li Na installed the app in the team (custom installationUpdate), team welcome arrived");

        // 1. Wang Lei types "log": today's form arrives on the conversation websocket.
        start = Playground.MessageCount;
        await Playground.SendTextAsync(WangLeiChat, TeamsUser.WangLei.Id, "log");
        var formMessage = await Playground.WaitForMessageAsync(
            m => m.Action == PlaygroundStreamMessage.CreateMessage && m.ConversationId == WangLeiChat && m.CardTitle?.StartsWith("Work log for ", StringComparison.Ordinal) == true,
            start);
        var form = formMessage.Card!;
        var formTitle = Title(form);
        foreach (var input in new[] { "f.visits", "f.customers", "f.volume", "f.focus", "f.market", "f.problems", "f.plan", "f.nextKeyVisit" })
        {
            Assert.NotNull(ById(form, input));
        }

        var submitAction = PlaygroundCards.ExecuteAction(form, WorkLogCards.SubmitVerb);
        Assert.NotNull(submitAction);
        var workDate = submitAction["data"]!["workDate"]!.GetValue<string>();
        Assert.True(DateOnly.TryParseExact(workDate, "yyyy-MM-dd", out _), workDate);
        Assert.StartsWith("This log covers ", Text(form, "covers"), StringComparison.Ordinal);
        Step($"form for {workDate} arrived");

        // He fills it in and clicks Submit: Teams merges the inputs into the Action.Execute data.
        var filled = (JsonObject)submitAction.DeepClone();
        foreach (var (key, value) in ValidInputs())
        {
            filled["data"]![key] = value?.DeepClone();
        }

        var clicked = Playground.MessageCount;
        var submitted = await Playground.InvokeAsync(WangLeiChat, TeamsUser.WangLei.Id, formMessage.MessageId!, filled);

        Assert.Equal(PlaygroundStreamMessage.AdaptiveCardContentType, submitted["type"]?.GetValue<string>());
        var summary = Assert.IsType<JsonObject>(submitted["value"]);
        Assert.Equal(formTitle, Title(summary));
        var submittedStatus = Text(summary, "status");
        Assert.StartsWith("Waiting for your lead's review · ", submittedStatus, StringComparison.Ordinal);
        Assert.EndsWith(" · Revision 1", submittedStatus, StringComparison.Ordinal);
        Assert.Equal("Brand promotion", Answer(summary, "answer.focus"));
        Assert.Equal("Visit the three new shops on Nanjing Road", Answer(summary, "answer.plan"));
        Assert.NotNull(PlaygroundCards.ExecuteAction(summary, WorkLogCards.EditVerb));
        Step("submitted: the invoke answer is his summary card");

        // 2. The bot creates Li Na's 1:1 chat through the Playground's connector and sends her the review card.
        var (liNaChat, reviewActivityId, reviewSent) = await LiNa.FirstMessageAsync();
        Assert.Equal("Wang Lei 王磊 submitted a work log", reviewSent["summary"]?.GetValue<string>());
        var review = PlaygroundOtherUser.CardIn(reviewSent);
        Assert.Equal($"Wang Lei 王磊: {formTitle[0].ToString().ToLowerInvariant()}{formTitle[1..]}", Title(review));
        Assert.Contains("Revision 1", Text(review, "status"), StringComparison.Ordinal);
        Assert.Equal("Waiting for your review · revision 1", Text(review, "decision"));
        Assert.Equal("Visit the three new shops on Nanjing Road", Answer(review, "answer.plan"));
        Assert.NotNull(ById(review, WorkLogCards.RatingInput));
        var approve = PlaygroundCards.ExecuteAction(review, WorkLogCards.ApproveVerb);
        Assert.NotNull(approve);
        Assert.Equal("Approve", approve["title"]?.GetValue<string>());
        var approveData = Assert.IsType<JsonObject>(approve["data"]);
        Assert.Equal(WorkLogCards.ApproveVerb, approveData["verb"]?.GetValue<string>());
        Assert.Equal(1, approveData["revision"]!.GetValue<int>());
        var logId = approveData["logId"]!.GetValue<string>();
        Assert.Equal(logId, summary["refresh"]?["action"]?["data"]?["logId"]?.GetValue<string>());
        // The dispatcher records the send after the connector's 201, which the log panel may show first.
        var notice = Assert.Single(await new Outbox(fixture.Bot).SentAsync(TeamsUser.LiNa, WorkLogBook.ReviewRequested));
        Assert.Equal(("li-na", reviewActivityId), (notice.RecipientId, notice.SentActivityId));
        await using (var db = fixture.Bot.CreateDbContext())
        {
            Assert.Equal(1, await db.Notifications.CountAsync(n => n.Kind == WorkLogBook.ReviewRequested));
        }

        Step($"review card delivered to Li Na's 1:1 chat {liNaChat} (201, activity {reviewActivityId})");

        // 3. Li Na picks 5 stars and clicks Approve on her card: an invoke from her, sent as a custom activity.
        var decisionData = (JsonObject)approveData.DeepClone();
        decisionData[WorkLogCards.RatingInput] = "5";
        var approvedAt = Playground.MessageCount;

        // The route does not return the bot's answer; its log panel does.
        var answer = await LiNa.PressAsync(liNaChat, reviewActivityId, WorkLogCards.ApproveVerb, "Approve", decisionData);
        Assert.Equal(PlaygroundStreamMessage.AdaptiveCardContentType, answer["type"]?.GetValue<string>());
        var decided = Assert.IsType<JsonObject>(answer["value"]);
        Assert.Equal($"Wang Lei 王磊: {formTitle[0].ToString().ToLowerInvariant()}{formTitle[1..]}", Title(decided));
        Assert.StartsWith(LeadApproved + " · ", Text(decided, "decision"), StringComparison.Ordinal);
        Assert.Null(ById(decided, "notice"));
        Assert.Null(PlaygroundCards.ExecuteAction(decided, WorkLogCards.ApproveVerb));
        Assert.Null(ById(decided, WorkLogCards.RatingInput));
        Assert.Contains("5 / 5", Shown(decided, "rating"), StringComparison.Ordinal);
        Step("Li Na approved (custom invoke): the decided card is the bot's answer, read from the log panel");

        // Wang Lei gets the approval in his personal chat.
        var notified = await Playground.WaitForMessageAsync(
            m => m.Action == PlaygroundStreamMessage.CreateMessage && m.ConversationId == WangLeiChat && m.CardTitle == formTitle, approvedAt);
        Assert.Equal(PlaygroundProcess.BotId, notified.FromId);
        var approvedStatus = Text(notified.Card!, "status");
        Assert.StartsWith(LeadApproved + " · ", approvedStatus, StringComparison.Ordinal);
        // The rating, then on time or late (the Playground runs on the wall clock, so either), then the revision.
        Assert.Matches(@" · 5 / 5 · (On time|Late) · Revision 1$", approvedStatus);
        Assert.Null(PlaygroundCards.ExecuteAction(notified.Card!, WorkLogCards.EditVerb));
        Step("approval notification arrived in Wang Lei's chat");

        // His summary card (which replaced the form) refreshes to the same state when Teams shows it again.
        var refresh = Assert.IsType<JsonObject>(summary["refresh"]?["action"]);
        var refreshed = await Playground.InvokeAsync(WangLeiChat, TeamsUser.WangLei.Id, formMessage.MessageId!, refresh);
        Assert.Equal(PlaygroundStreamMessage.AdaptiveCardContentType, refreshed["type"]?.GetValue<string>());
        Assert.Equal(approvedStatus, Text(refreshed["value"]!.AsObject(), "status"));
        Step("Wang Lei's summary card refreshes to the approved state");

        // Wang Lei never saw his lead's card, neither in his chat nor in the team: it went only to Li Na's chat.
        Assert.DoesNotContain(Playground.Messages, m => m.Index >= clicked && m.CardTitle?.StartsWith("Wang Lei 王磊: work log for ", StringComparison.Ordinal) == true);

        await new Outbox(fixture.Bot).DrainedAsync();
        await using (var db = fixture.Bot.CreateDbContext())
        {
            var log = await db.WorkLogs.AsNoTracking().Include(l => l.Reviews).SingleAsync(l => l.Id == Guid.Parse(logId));
            Assert.Equal((WorkLogStatus.Approved, "li-na", (int?)5), (log.Status, log.ReviewedById, log.QualityRating));
            Assert.Equal(ReviewDecision.Approved, Assert.Single(log.Reviews).Decision);
            var notices = await db.Notifications.AsNoTracking().OrderBy(n => n.Id).ToListAsync();
            Assert.Equal(
                [(WorkLogBook.ReviewRequested, "li-na"), (WorkLogBook.Approved, "wang-lei")],
                notices.Select(n => (n.Kind, n.RecipientId)));
            Assert.All(notices, n => Assert.Equal(NotificationStatus.Sent, n.Status));
        }
    }
}
