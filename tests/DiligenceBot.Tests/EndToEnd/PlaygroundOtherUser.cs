using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DiligenceBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Tests.EndToEnd;

/// <summary>
/// A configured user of the Agents Playground who is not its current user (the Playground plays Wang Lei), e.g. Li Na,
/// his lead: how they become reachable, how the bot's cards reach their 1:1 chat, and how they press a button on one.
/// See <see cref="PlaygroundWorkLogTests"/> for what the Playground does with each step (0.2.28, observed).
/// </summary>
public sealed class PlaygroundOtherUser(PlaygroundWithLogFixture fixture, TeamsUser user)
{
    public const string TeamConversation = "19:diligence-demo-team@thread.tacv2";

    private PlaygroundProcess Playground => fixture.Playground;

    private PlaygroundLogStream Log => fixture.Log;

    public JsonObject From() => new()
    {
        ["id"] = user.Id,
        ["name"] = user.Name,
        ["aadObjectId"] = user.AadObjectId,
    };

    /// <summary>
    /// The user adds the app to the team East District (the Playground's own install template for the team, sent by
    /// them): the bot keeps a reference with their Teams user id, which makes them reachable. It has to come before anything is
    /// sent to her: the dispatcher marks a notification for someone it cannot reach Undeliverable, for good. With
    /// <paramref name="locale"/>, their Teams client's language (the bot writes to them in it, the team's welcome too); otherwise the template's.
    /// </summary>
    public async Task InstallInTeamAsync(string? locale = null)
    {
        var install = await Playground.GetCustomActivityTemplateAsync(TeamConversation, "install");
        Assert.Equal("installationUpdate", install["type"]?.GetValue<string>());
        install["id"] = Guid.NewGuid().ToString();
        install["from"] = From();
        if (locale is not null)
        {
            install["locale"] = locale;
        }

        var teamStart = Playground.MessageCount;
        var (installStatus, installBody) = await PostCustomActivityAsync(install);
        Assert.Equal(HttpStatusCode.OK, installStatus);
        Assert.Equal(string.Empty, installBody);
        var installed = await Log.WaitForAsync(e => e.IsPlaygroundToBot && RequestId(e) == install["id"]!.GetValue<string>(), what: $"for {user.Name}'s install");
        Assert.Equal(200, installed.StatusCode);
        var teamWelcome = await Playground.WaitForMessageAsync(
            m => m.Action == PlaygroundStreamMessage.CreateMessage && m.ConversationId == TeamConversation && m.CardTitle == (locale?.StartsWith("zh", StringComparison.Ordinal) == true ? "欢迎使用勤勉助手" : "Welcome to DiligenceBot"), teamStart);
        Assert.Equal(PlaygroundProcess.BotId, teamWelcome.FromId);
        await using var db = fixture.Bot.CreateDbContext();
        var reference = await db.ConversationRecords.AsNoTracking().SingleAsync(r => r.UserId == user.Id);
        Assert.Equal((TeamConversation, "channel", user.AadObjectId, (DateTimeOffset?)null),
            (reference.ConversationId, reference.ConversationType, reference.AadObjectId, reference.RetiredAt));
    }

    /// <summary>
    /// The bot creates the user's 1:1 chat through the Playground's connector (<c>POST /v3/conversations</c>) and sends
    /// a message there: read from the log panel, since the conversation websocket carries only the current user's chats.
    /// Only the chat created for this user counts, so several other users can be reached in one test.
    /// </summary>
    public async Task<(string ChatId, string ActivityId, JsonObject Activity)> FirstMessageAsync()
    {
        var created = await Log.WaitForAsync(
            e => e.IsBotToConnector && e.ActivityName == "createConversation"
                 && e.RequestBody?["members"]?.AsArray().Any(m => m?["id"]?.GetValue<string>() == user.Id) == true,
            what: $"for the bot creating {user.Name}'s 1:1 chat");
        Assert.Equal(201, created.StatusCode);
        Assert.False(created.RequestBody!["isGroup"]!.GetValue<bool>());
        Assert.Equal(user.Id, Assert.Single(created.RequestBody["members"]!.AsArray())!["id"]!.GetValue<string>());
        Assert.Equal(Activities.TenantId, created.RequestBody["tenantId"]?.GetValue<string>());
        var chat = created.ResponseBody!["id"]!.GetValue<string>();
        Assert.NotEqual(PlaygroundProcess.PersonalChatId, chat);

        var sent = await Log.WaitForAsync(e => e.IsBotToConnector && e.ActivityName == "message" && e.ConversationId == chat, created.Index, what: $"for the card to {user.Name}");
        Assert.Equal(201, sent.StatusCode);
        var activityId = sent.ResponseBody!["id"]!.GetValue<string>();
        Assert.False(string.IsNullOrEmpty(activityId));
        return (chat, activityId, sent.RequestBody!);
    }

    /// <summary>
    /// A later message of the bot in the user's 1:1 chat (the chat it created for them is reused), sent after log entry
    /// <paramref name="after"/>: its activity id and the activity.
    /// </summary>
    public async Task<(string ActivityId, JsonObject Activity)> NextMessageAsync(string chatId, int after)
    {
        var sent = await Log.WaitForAsync(e => e.IsBotToConnector && e.ActivityName == "message" && e.ConversationId == chatId, after, what: $"for the next message to {user.Name}");
        Assert.Equal(201, sent.StatusCode);
        var activityId = sent.ResponseBody!["id"]!.GetValue<string>();
        Assert.False(string.IsNullOrEmpty(activityId));
        return (activityId, sent.RequestBody!);
    }

    /// <summary>
    /// The user presses an Action.Execute button on the card of message <paramref name="replyToId"/> in their chat: an
    /// invoke from them, sent as a custom activity. That route answers 200 with an empty body before it forwards the activity;
    /// the bot's answer (<c>{statusCode, type, value}</c>) is read from the log panel.
    /// </summary>
    public async Task<JsonObject> PressAsync(string chatId, string replyToId, string verb, string title, JsonObject data, string locale = "en-US")
    {
        var invoke = await Playground.GetCustomActivityTemplateAsync(chatId);
        invoke["type"] = "invoke";
        invoke["name"] = "adaptiveCard/action";
        invoke["id"] = Guid.NewGuid().ToString();
        invoke["from"] = From();
        invoke["replyToId"] = replyToId;
        invoke["locale"] = locale;
        invoke["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = locale, ["timezone"] = "Asia/Shanghai" });
        invoke["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Activities.TenantId }, ["source"] = new JsonObject { ["name"] = "message" } };
        invoke["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["title"] = title, ["verb"] = verb, ["data"] = data.DeepClone() },
            ["trigger"] = "manual",
        };
        Assert.Equal(chatId, invoke["conversation"]?["id"]?.GetValue<string>());

        var (status, body) = await PostCustomActivityAsync(invoke);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(string.Empty, body);
        var answered = await Log.WaitForAsync(e => e.IsPlaygroundToBot && RequestId(e) == invoke["id"]!.GetValue<string>(), what: $"for the bot's answer to {user.Name}'s {title}");
        Assert.Equal("invoke", answered.ActivityName);
        Assert.Equal(200, answered.StatusCode);
        var answer = Assert.IsType<JsonObject>(answered.ResponseBody);
        Assert.Equal(200, answer["statusCode"]?.GetValue<int>());
        return answer;
    }

    public static JsonObject CardIn(JsonObject activity)
    {
        var attachment = Assert.IsType<JsonObject>(Assert.Single(activity["attachments"]!.AsArray()));
        Assert.Equal(PlaygroundStreamMessage.AdaptiveCardContentType, attachment["contentType"]?.GetValue<string>());
        return Assert.IsType<JsonObject>(attachment["content"]);
    }

    private static string? RequestId(PlaygroundLogEntry entry) => entry.RequestBody?["id"]?.GetValue<string>();

    /// <summary>POST /_internal/v1/customActivities, keeping the Playground's own answer (status and body).</summary>
    private async Task<(HttpStatusCode Status, string Body)> PostCustomActivityAsync(JsonObject activity)
    {
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await Playground.Http.PostAsync("_internal/v1/customActivities", content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
