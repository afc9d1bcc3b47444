using System.Text.Json.Nodes;
using DiligenceBot.Meetings;
using DiligenceBot.Notifications;
using DiligenceBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static DiligenceBot.Tests.WorkLogs.WorkLogDriver;

namespace DiligenceBot.Tests.EndToEnd;

/// <summary>
/// Meeting minutes through the real Agents Playground: Wang Lei (the Playground's current user, lead of East 2) types
/// "minutes", records the daily meeting with Sun Hao absent and an action item he owns himself, gets the item's card
/// in his personal chat and marks it done with a note. The bot's clock is real: the meeting date and the due date are
/// the day the form proposes (today in Shanghai).
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class PlaygroundMinutesTests(PlaygroundWithLogFixture fixture, ITestOutputHelper output) : IClassFixture<PlaygroundWithLogFixture>
{
    private const string WangLeiChat = PlaygroundProcess.PersonalChatId;
    private const string ItemText = "Bring the new brand's posters to Sun Hao's shops";

    private PlaygroundProcess Playground => fixture.Playground;

    [Fact]
    public async Task WangLeiRecordsMinutesWithAnActionItem_GetsItsCard_AndMarksItDone()
    {
        var start = Playground.MessageCount;
        await Playground.OpenConversationFirstTimeAsync(WangLeiChat);
        await Playground.WaitForCardAsync("Welcome to DiligenceBot", start);

        // 1. "minutes": the form for East 2, its managers preselected as present.
        start = Playground.MessageCount;
        await Playground.SendTextAsync(WangLeiChat, TeamsUser.WangLei.Id, "minutes");
        var formMessage = await Playground.WaitForCardAsync("Meeting minutes", start);
        var form = formMessage.Card!;
        Assert.Equal("true", ById(form, MinutesCards.PresentInput("sun-hao"))!["value"]!.GetValue<string>());
        Assert.Equal("true", ById(form, MinutesCards.PresentInput("zhao-min"))!["value"]!.GetValue<string>());
        var today = ById(form, MinutesCards.DateInput)!["value"]!.GetValue<string>();

        // 2. He fills it in and clicks Save and send: Teams merges the inputs into the Action.Execute data.
        var save = (JsonObject)PlaygroundCards.ExecuteAction(form, MinutesCards.SubmitVerb)!.DeepClone();
        var inputs = new JsonObject
        {
            [MinutesCards.DateInput] = today,
            [MinutesCards.KindInput] = "Daily",
            [MinutesCards.PresentInput("zhao-min")] = "true",
            [MinutesCards.PresentInput("sun-hao")] = "false",
            [MinutesCards.ReasonInput("sun-hao")] = "Visiting a customer with a complaint",
            [MinutesCards.TopicsInput] = "The new brand's launch; late deliveries in the north.",
            [MinutesCards.ActionTextInput(1)] = ItemText,
            [MinutesCards.OwnerInput(1)] = "wang-lei",
            [MinutesCards.DueInput(1)] = today,
        };
        foreach (var (key, value) in inputs)
        {
            save["data"]![key] = value?.DeepClone();
        }

        var saved = await Playground.InvokeAsync(WangLeiChat, TeamsUser.WangLei.Id, formMessage.MessageId!, save);
        Assert.Equal(PlaygroundStreamMessage.AdaptiveCardContentType, saved["type"]?.GetValue<string>());
        var minutes = Assert.IsType<JsonObject>(saved["value"]);
        Assert.Equal("Daily meeting", Title(minutes));
        Assert.Equal("Sun Hao 孙浩 (Visiting a customer with a complaint)", Answer(minutes, "absent"));
        Assert.Contains(ItemText, Shown(minutes, "actions"), StringComparison.Ordinal);
        output.WriteLine("minutes saved");

        // 3. The action item's card arrives in his chat, with Done and Blocked.
        var itemMessage = await Playground.WaitForMessageAsync(
            m => m.Action == PlaygroundStreamMessage.CreateMessage && m.ConversationId == WangLeiChat && m.CardTitle == ItemText, start);
        var item = itemMessage.Card!;
        Assert.Equal("Wang Lei 王磊 gave you this action item at the meeting.", Text(item, "notice"));
        Assert.NotNull(Action(item, ActionItemCards.BlockedVerb));
        var done = (JsonObject)Action(item, ActionItemCards.DoneVerb)!.DeepClone();
        done["data"]![ActionItemCards.DoneNoteInput] = "Posters are up in all four shops.";

        // 4. He marks it done: the card he clicked becomes the done item.
        var answered = await Playground.InvokeAsync(WangLeiChat, TeamsUser.WangLei.Id, itemMessage.MessageId!, done);
        var doneCard = Assert.IsType<JsonObject>(answered["value"]);
        Assert.Equal("Marked done. Thank you!", Text(doneCard, "notice"));
        Assert.Equal("done", Text(doneCard, "state"));
        Assert.Equal("Posters are up in all four shops.", Answer(doneCard, "note"));
        Assert.Null(Action(doneCard, ActionItemCards.DoneVerb));
        output.WriteLine("action item done");

        await new Outbox(fixture.Bot).DrainedAsync();
        await using var db = fixture.Bot.CreateDbContext();
        var stored = await db.Set<ActionItem>().AsNoTracking().SingleAsync();
        Assert.Equal((ActionItemState.Done, "wang-lei", "Posters are up in all four shops."), (stored.State, stored.OwnerId, stored.Note));
        var assigned = await db.Notifications.AsNoTracking().SingleAsync(n => n.Kind == MinutesRegister.Assigned);
        Assert.Equal(("wang-lei", NotificationStatus.Sent), (assigned.RecipientId, assigned.Status));
    }
}
