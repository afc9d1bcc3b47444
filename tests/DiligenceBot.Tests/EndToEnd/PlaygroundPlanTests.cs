using System.Text.Json.Nodes;
using DiligenceBot.Notifications;
using DiligenceBot.Plans;
using DiligenceBot.Reviews;
using DiligenceBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static DiligenceBot.Tests.WorkLogs.WorkLogDriver;

namespace DiligenceBot.Tests.EndToEnd;

/// <summary>
/// The monthly marketing plan through the real Agents Playground: Wang Lei (the Playground's current user, account
/// manager in East 1) types "plan" and submits next month's plan from the form; his lead Li Na, another configured
/// user, gets the review card in a 1:1 chat the bot creates and approves it (a custom invoke, <see cref="PlaygroundOtherUser"/>);
/// Wang Lei is told in his chat. The bot's clock is real: the month is next month in Shanghai.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class PlaygroundPlanTests(PlaygroundWithLogFixture fixture, ITestOutputHelper output) : IClassFixture<PlaygroundWithLogFixture>
{
    private const string WangLeiChat = PlaygroundProcess.PersonalChatId;
    private const string Measures = "Display help for the two new shops on Nanjing Road";

    private PlaygroundProcess Playground => fixture.Playground;

    private PlaygroundOtherUser LiNa { get; } = new(fixture, TeamsUser.LiNa);

    [Fact]
    public async Task WangLeiSubmitsNextMonthsPlan_LiNaApprovesItFromHerReviewCard_AndHeIsTold()
    {
        var start = Playground.MessageCount;
        await Playground.OpenConversationFirstTimeAsync(WangLeiChat);
        await Playground.WaitForCardAsync("Welcome to DiligenceBot", start);
        await LiNa.InstallInTeamAsync();
        output.WriteLine("Wang Lei's chat opened; Li Na reachable");

        // 1. "plan": next month's form. He fills in the goals and measures and clicks Submit plan: Teams merges every
        // input, as the card holds it, into the Action.Execute data.
        start = Playground.MessageCount;
        await Playground.SendTextAsync(WangLeiChat, TeamsUser.WangLei.Id, "plan");
        var formMessage = await Playground.WaitForMessageAsync(
            m => m.Action == PlaygroundStreamMessage.CreateMessage && m.ConversationId == WangLeiChat && m.CardTitle?.StartsWith("Marketing plan for ", StringComparison.Ordinal) == true,
            start);
        var form = formMessage.Card!;
        var title = Title(form);
        var submit = (JsonObject)PlaygroundCards.ExecuteAction(form, PlanCards.SubmitVerb)!.DeepClone();
        foreach (var input in Inputs(form))
        {
            submit["data"]![input["id"]!.GetValue<string>()] = input["value"]?.ToString() ?? string.Empty;
        }

        submit["data"]![PlanCards.VolumeInput] = "300";
        submit["data"]![PlanCards.ValueInput] = "90000";
        submit["data"]![PlanCards.MeasuresInput] = Measures;
        var submitted = await Playground.InvokeAsync(WangLeiChat, TeamsUser.WangLei.Id, formMessage.MessageId!, submit);
        Assert.Equal(PlaygroundStreamMessage.AdaptiveCardContentType, submitted["type"]?.GetValue<string>());
        var summary = Assert.IsType<JsonObject>(submitted["value"]);
        Assert.Equal(title, Title(summary));
        Assert.StartsWith("Waiting for your lead's review · ", Text(summary, "status"), StringComparison.Ordinal);
        Assert.Equal("Saved; your lead will review it.", Text(summary, "notice"));
        output.WriteLine($"submitted: {title}");

        // 2. The review card reaches Li Na's 1:1 chat; she rates it 4 and approves it.
        var (liNaChat, reviewActivityId, reviewSent) = await LiNa.FirstMessageAsync();
        Assert.Equal("Wang Lei 王磊 submitted a marketing plan", reviewSent["summary"]?.GetValue<string>());
        var review = PlaygroundOtherUser.CardIn(reviewSent);
        Assert.Equal("Wang Lei 王磊: marketing plan for " + title!["Marketing plan for ".Length..], Title(review));
        Assert.Equal(Measures, Answer(review, "answer.measures"));
        var approve = PlaygroundCards.ExecuteAction(review, PlanCards.ApproveVerb);
        Assert.Equal("Approve", approve?["title"]?.GetValue<string>());
        var data = (JsonObject)approve!["data"]!.DeepClone();
        data["c.rating"] = "4";
        var approvedAt = Playground.MessageCount;
        var answer = await LiNa.PressAsync(liNaChat, reviewActivityId, PlanCards.ApproveVerb, "Approve", data);
        var decided = Assert.IsType<JsonObject>(answer["value"]);
        Assert.StartsWith("Approved by Li Na 李娜 · ", Text(decided, "decision"), StringComparison.Ordinal);
        Assert.Null(PlaygroundCards.ExecuteAction(decided, PlanCards.ApproveVerb));
        output.WriteLine("Li Na approved");

        // 3. Wang Lei gets the approved plan in his chat, no longer editable.
        var notified = await Playground.WaitForMessageAsync(
            m => m.Action == PlaygroundStreamMessage.CreateMessage && m.ConversationId == WangLeiChat && m.CardTitle == title, approvedAt);
        Assert.StartsWith("Approved by Li Na 李娜 · 4 / 5 · ", Text(notified.Card!, "status"), StringComparison.Ordinal);
        Assert.Null(PlaygroundCards.ExecuteAction(notified.Card!, PlanCards.EditVerb));

        await new Outbox(fixture.Bot).DrainedAsync();
        await using var db = fixture.Bot.CreateDbContext();
        var plan = await db.Set<MarketingPlan>().AsNoTracking().Include(p => p.Reviews).SingleAsync();
        Assert.Equal((PlanStatus.Approved, "wang-lei", "li-na", (int?)4), (plan.Status, plan.ManagerId, plan.ReviewedById, plan.QualityRating));
        Assert.Equal(ReviewDecision.Approved, Assert.Single(plan.Reviews).Decision);
        var notices = await db.Notifications.AsNoTracking().Where(n => n.Kind.StartsWith("plan.")).OrderBy(n => n.Id).ToListAsync();
        Assert.Equal([(PlanBook.ReviewRequested, "li-na"), (PlanBook.Approved, "wang-lei")], notices.Select(n => (n.Kind, n.RecipientId)));
        Assert.All(notices, n => Assert.Equal(NotificationStatus.Sent, n.Status));
    }

    private static IEnumerable<JsonObject> Inputs(JsonNode node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() is { } t && t.StartsWith("Input.", StringComparison.Ordinal) => [o],
        JsonObject o => o.SelectMany(p => p.Value is null ? [] : Inputs(p.Value)),
        JsonArray a => a.SelectMany(n => n is null ? [] : Inputs(n)),
        _ => [],
    };
}
