using System.Text.Json.Nodes;
using DiligenceBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Tests.EndToEnd;

/// <summary>One bot (local development mode, no app id) and one real Agents Playground pointed at it, per test class.</summary>
public sealed class PlaygroundFixture : IAsyncLifetime
{
    public BotApp Bot { get; private set; } = null!;

    public PlaygroundProcess Playground { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Bot = new BotApp().Start();
        Playground = await PlaygroundProcess.StartAsync(Bot.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        if (Playground is not null)
        {
            await Playground.DisposeAsync();
        }

        if (Bot is not null)
        {
            await Bot.DisposeAsync();
        }
    }
}

/// <summary>
/// The bot as the Microsoft 365 Agents Playground (the local Teams emulator, npm 0.2.28) drives it: the
/// activities come from the Playground's own generators (installationUpdate + conversationUpdate on first open,
/// typed messages, adaptiveCard/action invokes, custom activities), the bot answers through the Playground's
/// connector, and the assertions read what the Playground would show (its websocket stream and invoke answers).
/// The tests share one Playground: each one looks only at what arrived after its own starting point.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class PlaygroundEndToEndTests(PlaygroundFixture fixture) : IClassFixture<PlaygroundFixture>
{
    private const string Chat = PlaygroundProcess.PersonalChatId;
    private const string Me = PlaygroundProcess.CurrentUserId;

    private PlaygroundProcess Playground => fixture.Playground;

    [Fact]
    public async Task OpenPersonalChat_FirstTime_WelcomeCardArrivesOnce()
    {
        var start = Playground.MessageCount;

        await Playground.OpenConversationFirstTimeAsync(Chat);

        var welcome = await Playground.WaitForCardAsync("Welcome to DiligenceBot", start);
        Assert.Equal(PlaygroundProcess.BotId, welcome.FromId);
        var attachment = Assert.IsType<JsonObject>(Assert.Single(welcome.Attachments));
        Assert.Equal(PlaygroundStreamMessage.AdaptiveCardContentType, attachment["contentType"]!.GetValue<string>());
        var card = welcome.Card!;
        Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        Assert.Contains(AllText(card), t => t.StartsWith("Hello Wang Lei 王磊!", StringComparison.Ordinal));
        Assert.NotNull(PlaygroundCards.ExecuteAction(card, "help.show"));
        Assert.NotNull(PlaygroundCards.ExecuteAction(card, "profile.show"));

        // The Playground sends installationUpdate and conversationUpdate together: only one welcome.
        // A typed "help" afterwards is the fence: anything the install caused has arrived before its answer.
        var fence = Playground.MessageCount;
        await Playground.SendTextAsync(Chat, Me, "help");
        var help = await Playground.WaitForCardAsync("What I can do", fence);
        var botMessages = Playground.Messages
            .Where(m => m.Index >= start && m.Index < help.Index && m.Action == PlaygroundStreamMessage.CreateMessage)
            .ToList();
        Assert.Equal(new[] { welcome.Index }, botMessages.Select(m => m.Index).ToArray());

        // And the reference for proactive messages points at the Playground's connector.
        await using var db = fixture.Bot.CreateDbContext();
        var reference = await db.ConversationRecords.SingleAsync(r => r.ConversationId == Chat && r.UserId == Me);
        Assert.Equal(Playground.ServiceUrl, reference.ServiceUrl.TrimEnd('/'));
        Assert.Equal(Activities.TenantId, reference.TenantId);
        Assert.Equal(TeamsUser.WangLei.AadObjectId, reference.AadObjectId);
        Assert.Null(reference.RetiredAt);
    }

    [Fact]
    public async Task Help_TypedByCurrentUser_HelpCardArrives()
    {
        var start = Playground.MessageCount;

        var sent = await Playground.SendTextAsync(Chat, Me, "help");

        Assert.False(string.IsNullOrEmpty(sent["messageId"]?.GetValue<string>()));
        var help = await Playground.WaitForCardAsync("What I can do", start);
        Assert.Equal(PlaygroundProcess.BotId, help.FromId);
        Assert.False(string.IsNullOrEmpty(help.MessageId));
        Assert.NotEqual(sent["messageId"]!.GetValue<string>(), help.MessageId);
        var card = help.Card!;
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        Assert.Contains(PlaygroundCards.Elements(card), e => e["id"]?.GetValue<string>() == "commands");
        var profile = PlaygroundCards.ExecuteAction(card, "profile.show");
        Assert.NotNull(profile);
        Assert.Equal("profile.show", profile["data"]?["verb"]?.GetValue<string>());
    }

    [Fact]
    public async Task ProfileShow_ExecutedOnHelpCard_ReplacesTheHelpCardWithTheProfile()
    {
        var start = Playground.MessageCount;
        await Playground.SendTextAsync(Chat, Me, "help");
        var help = await Playground.WaitForCardAsync("What I can do", start);
        var profileAction = PlaygroundCards.ExecuteAction(help.Card!, "profile.show")!;

        var clicked = Playground.MessageCount;
        var answer = await Playground.InvokeAsync(Chat, Me, help.MessageId!, profileAction);

        // The Playground hands the bot's invoke answer to its page, which puts the card in place of the help
        // card (message help.MessageId, the invoke's replyToId); it forwards type and value, not statusCode.
        Assert.Equal(PlaygroundStreamMessage.AdaptiveCardContentType, answer["type"]?.GetValue<string>());
        var profile = Assert.IsType<JsonObject>(answer["value"]);
        Assert.Equal("1.5", profile["version"]!.GetValue<string>());
        Assert.Equal("Who you are here", PlaygroundCards.Title(profile));
        var facts = PlaygroundCards.Elements(profile).Single(e => e["id"]?.GetValue<string>() == "profile");
        Assert.Equal("FactSet", facts["type"]!.GetValue<string>());
        var values = facts["facts"]!.AsArray().Select(f => f!["value"]!.GetValue<string>()).ToList();
        Assert.Contains("Wang Lei 王磊", values);
        Assert.Contains("East District 1", values);
        Assert.Contains(values, v => v.StartsWith("East District 2", StringComparison.Ordinal));
        var back = PlaygroundCards.ExecuteAction(profile, "help.show");
        Assert.NotNull(back);

        // Replaced in place: no new message (and no separate update) for the click.
        var fence = Playground.MessageCount;
        await Playground.SendTextAsync(Chat, Me, "help");
        var fenceCard = await Playground.WaitForCardAsync("What I can do", fence);
        Assert.DoesNotContain(Playground.Messages, m => m.Index >= clicked && m.Index < fenceCard.Index);

        // The same activity id now holds the profile card: its "Back to help" goes through that id again.
        var again = await Playground.InvokeAsync(Chat, Me, help.MessageId!, back);
        Assert.Equal(PlaygroundStreamMessage.AdaptiveCardContentType, again["type"]?.GetValue<string>());
        Assert.Equal("What I can do", PlaygroundCards.Title(again["value"]!.AsObject()));
    }

    [Fact]
    public async Task ProfileShow_SubmittedOnHelpCard_UpdatesTheSameActivity()
    {
        var start = Playground.MessageCount;
        await Playground.SendTextAsync(Chat, Me, "help");
        var help = await Playground.WaitForCardAsync("What I can do", start);

        // Action.Submit with the same data: the bot updates the card's activity through the connector (PUT),
        // which the Playground reports as updateMessage for that id.
        var clicked = Playground.MessageCount;
        await Playground.SubmitAsync(Chat, Me, help.MessageId!, new JsonObject { ["verb"] = "profile.show" });

        var updated = await Playground.WaitForMessageAsync(
            m => m.Action is PlaygroundStreamMessage.UpdateMessage or PlaygroundStreamMessage.CreateMessage, clicked);
        Assert.Equal(PlaygroundStreamMessage.UpdateMessage, updated.Action);
        Assert.Equal(help.MessageId, updated.MessageId);
        Assert.Equal(Chat, updated.ConversationId);
        Assert.Equal("Who you are here", updated.CardTitle);
        Assert.Contains(AllText(updated.Card!), t => t == "Wang Lei 王磊");
    }

    [Fact]
    public async Task Help_InChineseFromTheCustomActivityEditor_ChineseHelpCardArrives()
    {
        // The Playground's generated messages are always en-US; its custom activity editor (this template,
        // edited and sent as is) is how a zh-CN client is played.
        var activity = await Playground.GetCustomActivityTemplateAsync(Chat);
        activity["type"] = "message";
        activity["id"] = Guid.NewGuid().ToString();
        activity["text"] = "帮助";
        activity["textFormat"] = "plain";
        activity["locale"] = "zh-CN";
        activity["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "zh-CN", ["timezone"] = "Asia/Shanghai" });
        var start = Playground.MessageCount;

        await Playground.SendCustomActivityAsync(activity);

        var help = await Playground.WaitForCardAsync("我能做什么", start);
        Assert.Equal(PlaygroundProcess.BotId, help.FromId);
        Assert.Equal("1.5", help.Card!["version"]!.GetValue<string>());
        Assert.Equal("我的信息", PlaygroundCards.ExecuteAction(help.Card, "profile.show")?["title"]?.GetValue<string>());
    }

    private static IEnumerable<string> AllText(JsonNode node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key is "text" or "title" or "value" && p.Value is JsonValue v && v.TryGetValue<string>(out var s)
            ? [s]
            : p.Value is null ? [] : AllText(p.Value)),
        JsonArray a => a.SelectMany(x => x is null ? [] : AllText(x)),
        _ => [],
    };
}
