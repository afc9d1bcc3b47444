using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DiligenceBot.Notifications;
using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.Transfers;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static DiligenceBot.Tests.Transfers.TransferDriver;
using static DiligenceBot.Tests.WorkLogs.WorkLogDriver;

namespace DiligenceBot.Tests.EndToEnd;

/// <summary>
/// An information transfer form through the real Agents Playground: Wang Lei (the Playground's current user) opens
/// the form by typing "transfer" and sends a customer complaint; it goes to the customer service post, whose
/// receiver Sun Hao is only another configured user of the Playground. Sun Hao is made reachable the way the work
/// log test makes Li Na reachable (the Playground's team install template, sent by him); his cards are read from
/// the log stream, and he acts through <c>POST /_internal/v1/customActivities</c>, whose invoke answers appear only
/// in the log stream. Wang Lei gets the handled form back in his personal chat.
/// The bot's clock is real, so deadlines and times are not asserted, and the form's number is read from its card.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class PlaygroundTransferTests(PlaygroundWithLogFixture fixture, ITestOutputHelper output) : IClassFixture<PlaygroundWithLogFixture>
{
    private const string WangLeiChat = PlaygroundProcess.PersonalChatId;
    private const string TeamConversation = "19:diligence-demo-team@thread.tacv2";
    private const string Content = "Huamei Store says the last delivery was two cases short.";
    private const string Request = "Please deliver the missing cases this week.";
    private const string Opinion = "Two cases re-delivered with today's round.";
    private const string Feedback = "Delivered at 14:00; the driver apologised.";

    private PlaygroundProcess Playground => fixture.Playground;

    private PlaygroundLogStream Log => fixture.Log;

    [Fact]
    public async Task WangLeiSendsAComplaint_SunHaoAcknowledgesAndHandlesIt_WangLeiGetsTheHandlingOpinion()
    {
        // Wang Lei opens his personal chat with the bot for the first time.
        var start = Playground.MessageCount;
        await Playground.OpenConversationFirstTimeAsync(WangLeiChat);
        await Playground.WaitForCardAsync("Welcome to DiligenceBot", start);

        // Sun Hao adds the app to the team (the Playground's install template, from him): now the bot can reach him.
        var install = await Playground.GetCustomActivityTemplateAsync(TeamConversation, "install");
        Assert.Equal("installationUpdate", install["type"]?.GetValue<string>());
        install["id"] = Guid.NewGuid().ToString();
        install["from"] = SunHaoAccount();
        var (installStatus, _) = await PostCustomActivityAsync(install);
        Assert.Equal(HttpStatusCode.OK, installStatus);
        var installed = await Log.WaitForAsync(e => e.IsPlaygroundToBot && RequestId(e) == install["id"]!.GetValue<string>(), what: "for Sun Hao's install");
        Assert.Equal(200, installed.StatusCode);
        await using (var db = fixture.Bot.CreateDbContext())
        {
            var reference = await db.ConversationRecords.AsNoTracking().SingleAsync(r => r.UserId == SunHao.Id);
            Assert.Equal((TeamConversation, SunHao.AadObjectId, (DateTimeOffset?)null), (reference.ConversationId, reference.AadObjectId, reference.RetiredAt));
        }

        output.WriteLine("Sun Hao installed the app in the team");

        // 1. Wang Lei types "transfer": the form arrives in his chat.
        start = Playground.MessageCount;
        await Playground.SendTextAsync(WangLeiChat, TeamsUser.WangLei.Id, "transfer");
        var formMessage = await Playground.WaitForMessageAsync(
            m => m.Action == PlaygroundStreamMessage.CreateMessage && m.ConversationId == WangLeiChat && m.CardTitle == "Information transfer form", start);
        Assert.Equal(PlaygroundProcess.BotId, formMessage.FromId);
        var form = formMessage.Card!;
        Assert.Contains("Customer complaint", ById(form, TransferCards.CategoryInput)!["choices"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()));
        foreach (var input in new[] { TransferCards.UrgencyInput, TransferCards.ContentInput, TransferCards.RequestInput, TransferCards.CustomerInput })
        {
            Assert.NotNull(ById(form, input));
        }

        var submitAction = PlaygroundCards.ExecuteAction(form, TransferCards.SubmitVerb);
        Assert.NotNull(submitAction);

        // He fills it in and clicks Send: Teams merges the inputs into the Action.Execute data.
        var filled = (JsonObject)submitAction.DeepClone();
        foreach (var (key, value) in Inputs(content: Content, request: Request))
        {
            filled["data"]![key] = value?.DeepClone();
        }

        var submitted = await Playground.InvokeAsync(WangLeiChat, TeamsUser.WangLei.Id, formMessage.MessageId!, filled);
        Assert.Equal(PlaygroundStreamMessage.AdaptiveCardContentType, submitted["type"]?.GetValue<string>());
        var sent = Assert.IsType<JsonObject>(submitted["value"]);
        var title = Title(sent);
        // The form number is the title; the kind of form sits above it.
        Assert.Matches(@"^XX-\d{4}-\d{6}$", title);
        Assert.Equal("Information transfer form", Text(sent, "kind"));
        var number = title;
        Assert.Equal("Customer complaint · Normal · waiting for acknowledgement", Text(sent, "status"));
        Assert.Equal($"Sent as {number} to Customer service.", Text(sent, "notice"));
        Assert.Equal((number, "Wang Lei 王磊", "Customer service", "Huamei Store", Request),
            (FormFacts(sent)["Number"], FormFacts(sent)["Provider"], FormFacts(sent)["Receiver"], FormFacts(sent)["Related customer"], FormFacts(sent)["Suggestion or request"]));
        Assert.Null(Action(sent, TransferCards.AcknowledgeVerb));
        output.WriteLine($"Wang Lei sent {number}");

        // 2. The bot creates Sun Hao's 1:1 chat and sends him the form with his actions.
        var created = await Log.WaitForAsync(
            e => e.IsBotToConnector && e.ActivityName == "createConversation"
                 && e.RequestBody?["members"]?.AsArray().Any(m => m?["id"]?.GetValue<string>() == SunHao.Id) == true,
            what: "for the bot creating Sun Hao's 1:1 chat");
        Assert.Equal(201, created.StatusCode);
        var sunChat = created.ResponseBody!["id"]!.GetValue<string>();
        var routedSent = await Log.WaitForAsync(
            e => e.IsBotToConnector && e.ActivityName == "message" && e.ConversationId == sunChat, created.Index, what: "for the form to Sun Hao");
        Assert.Equal(201, routedSent.StatusCode);
        var routedActivityId = routedSent.ResponseBody!["id"]!.GetValue<string>();
        Assert.Equal("Wang Lei 王磊 passed you information: Customer complaint", routedSent.RequestBody!["summary"]?.GetValue<string>());
        var toSun = CardIn(routedSent.RequestBody);
        Assert.Equal(title, Title(toSun));
        Assert.StartsWith("New for Customer service: please acknowledge it by ", Text(toSun, "notice"), StringComparison.Ordinal);
        Assert.Equal(SunHao.Id, toSun["refresh"]?["userIds"]?[0]?.GetValue<string>());
        Assert.NotNull(Action(toSun, TransferCards.AcknowledgeVerb));
        Assert.NotNull(Action(toSun, TransferCards.HandleVerb));
        Assert.NotNull(Action(toSun, TransferCards.ForwardVerb));
        output.WriteLine($"form delivered to Sun Hao's chat {sunChat}");

        // 3. Sun Hao clicks Acknowledge on his card.
        var acked = await SunHaoPressesAsync(sunChat, routedActivityId, "Acknowledge", Press(toSun, TransferCards.AcknowledgeVerb));
        Assert.Equal(title, Title(acked));
        Assert.EndsWith("acknowledged, being handled", Text(acked, "status"), StringComparison.Ordinal);
        Assert.Equal("Customer service · Sun Hao 孙浩", FormFacts(acked)["Receiver"]);
        Assert.True(FormFacts(acked).ContainsKey("Time received"));
        Assert.Null(Action(acked, TransferCards.AcknowledgeVerb));
        output.WriteLine("Sun Hao acknowledged");

        // 4. He writes his handling opinion and the feedback, and clicks Handle on the card he now has.
        var handledAt = Playground.MessageCount;
        var handled = await SunHaoPressesAsync(sunChat, routedActivityId, "Handle",
            Press(acked, TransferCards.HandleVerb, (TransferCards.OpinionInput, Opinion), (TransferCards.FeedbackInput, Feedback)));
        Assert.EndsWith("handled, waiting for the provider", Text(handled, "status"), StringComparison.Ordinal);
        Assert.Equal(Opinion, FormFacts(handled)["Handling opinion"]);
        Assert.Null(Action(handled, TransferCards.HandleVerb));
        output.WriteLine("Sun Hao handled it");

        // 5. Wang Lei gets the handled form in his personal chat, with Close and Reopen.
        var feedback = await Playground.WaitForMessageAsync(
            m => m.Action == PlaygroundStreamMessage.CreateMessage && m.ConversationId == WangLeiChat && m.CardTitle == title, handledAt);
        Assert.Equal(PlaygroundProcess.BotId, feedback.FromId);
        var toWang = feedback.Card!;
        Assert.Equal("Sun Hao 孙浩 handled your form. Rate the handling and close it, or reopen it once if it is not resolved.", Text(toWang, "notice"));
        Assert.EndsWith("handled, waiting for the provider", Text(toWang, "status"), StringComparison.Ordinal);
        Assert.Equal((Opinion, Feedback), (FormFacts(toWang)["Handling opinion"], FormFacts(toWang)["Feedback to the provider"]));
        Assert.NotNull(Action(toWang, TransferCards.CloseVerb));
        Assert.NotNull(Action(toWang, TransferCards.ReopenVerb));
        output.WriteLine("Wang Lei got the feedback");

        // Wang Lei never saw Sun Hao's cards in his chat: they went only to Sun Hao's.
        Assert.DoesNotContain(Playground.Messages, m => m.ConversationId == WangLeiChat && m.Card is { } c && ById(c, "notice")?["text"]?.GetValue<string>()?.StartsWith("New for Customer service", StringComparison.Ordinal) == true);

        // The dispatcher records a send after the connector's 201, which the Playground may show first.
        await new Outbox(fixture.Bot).DrainedAsync();
        await using (var db = fixture.Bot.CreateDbContext())
        {
            var stored = await db.Set<TransferForm>().AsNoTracking().SingleAsync(f => f.Number == number);
            Assert.Equal((TransferState.Handled, "customer-service", Opinion, 3), (stored.State, stored.PostId, stored.HandlingOpinion, stored.Revision));
            var notices = await db.Notifications.AsNoTracking().Where(n => n.Kind.StartsWith("transfer.")).OrderBy(n => n.Id).ToListAsync();
            Assert.Equal([(TransferRegister.Routed, "sun-hao"), (TransferRegister.Handled, "wang-lei")], notices.Select(n => (n.Kind, n.RecipientId)));
            Assert.All(notices, n => Assert.Equal(NotificationStatus.Sent, n.Status));
        }
    }

    /// <summary>Sun Hao clicks a button on his card (an invoke from him, as a custom activity); the bot's answer card, read from the log panel.</summary>
    private async Task<JsonObject> SunHaoPressesAsync(string chat, string cardActivityId, string buttonTitle, JsonObject data)
    {
        var invoke = await Playground.GetCustomActivityTemplateAsync(chat);
        invoke["type"] = "invoke";
        invoke["name"] = "adaptiveCard/action";
        invoke["id"] = Guid.NewGuid().ToString();
        invoke["from"] = SunHaoAccount();
        invoke["replyToId"] = cardActivityId;
        invoke["locale"] = "en-US";
        invoke["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US", ["timezone"] = "Asia/Shanghai" });
        invoke["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Activities.TenantId }, ["source"] = new JsonObject { ["name"] = "message" } };
        invoke["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["title"] = buttonTitle, ["verb"] = data["verb"]!.GetValue<string>(), ["data"] = data },
            ["trigger"] = "manual",
        };
        Assert.Equal(chat, invoke["conversation"]?["id"]?.GetValue<string>());

        var (status, body) = await PostCustomActivityAsync(invoke);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(string.Empty, body);
        var answered = await Log.WaitForAsync(e => e.IsPlaygroundToBot && RequestId(e) == invoke["id"]!.GetValue<string>(), what: $"for the bot's answer to Sun Hao's {buttonTitle}");
        Assert.Equal("invoke", answered.ActivityName);
        Assert.Equal(200, answered.StatusCode);
        var answer = Assert.IsType<JsonObject>(answered.ResponseBody);
        Assert.True(PlaygroundStreamMessage.AdaptiveCardContentType == answer["type"]?.GetValue<string>(), answer.ToJsonString());
        return Assert.IsType<JsonObject>(answer["value"]);
    }

    private static JsonObject SunHaoAccount() => new()
    {
        ["id"] = SunHao.Id,
        ["name"] = SunHao.Name,
        ["aadObjectId"] = SunHao.AadObjectId,
    };

    private static string? RequestId(PlaygroundLogEntry entry) => entry.RequestBody?["id"]?.GetValue<string>();

    private static JsonObject CardIn(JsonObject activity)
    {
        var attachment = Assert.IsType<JsonObject>(Assert.Single(activity["attachments"]!.AsArray()));
        Assert.Equal(PlaygroundStreamMessage.AdaptiveCardContentType, attachment["contentType"]?.GetValue<string>());
        return Assert.IsType<JsonObject>(attachment["content"]);
    }

    /// <summary>POST /_internal/v1/customActivities, keeping the Playground's own answer (status and body).</summary>
    private async Task<(HttpStatusCode Status, string Body)> PostCustomActivityAsync(JsonObject activity)
    {
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await Playground.Http.PostAsync("_internal/v1/customActivities", content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
