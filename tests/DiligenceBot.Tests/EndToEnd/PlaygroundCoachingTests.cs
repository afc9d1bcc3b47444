using System.Text.Json.Nodes;
using DiligenceBot.Coaching;
using DiligenceBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static DiligenceBot.Tests.WorkLogs.WorkLogDriver;

namespace DiligenceBot.Tests.EndToEnd;

/// <summary>
/// Coaching through the real Agents Playground: Wang Lei, its current user, leads East 2. He types "coach Zhao"
/// and gets Zhao Min's coaching card, records an observation and confirms a type from the card (Action.Execute
/// invokes, answered with the card that replaces it); the scheduled actions show on the card and are stored.
/// "coach Chen Jie" (his colleague in East 1, whose lead chain he is not in) is refused without any label.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class PlaygroundCoachingTests(PlaygroundWithLogFixture fixture, ITestOutputHelper output) : IClassFixture<PlaygroundWithLogFixture>
{
    private const string WangLeiChat = PlaygroundProcess.PersonalChatId;

    private PlaygroundProcess Playground => fixture.Playground;

    [Fact]
    public async Task WangLeiCoachesZhaoMin_FromTheCard_AndIsRefusedForHisColleague()
    {
        var start = Playground.MessageCount;
        await Playground.OpenConversationFirstTimeAsync(WangLeiChat);
        await Playground.WaitForCardAsync("Welcome to DiligenceBot", start);

        // 1. "coach Zhao": the card for Zhao Min, with the decision and observation forms.
        start = Playground.MessageCount;
        await Playground.SendTextAsync(WangLeiChat, TeamsUser.WangLei.Id, "coach Zhao");
        var cardMessage = await Playground.WaitForCardAsync("Coaching: Zhao Min 赵敏", start);
        var card = cardMessage.Card!;
        Assert.StartsWith("East District 2 · visible only to this manager's lead chain", Text(card, "confidential"), StringComparison.Ordinal);
        output.WriteLine("coaching card: " + Text(card, "suggestion"));

        // 2. He records an observation: the card comes back with it.
        var observe = (JsonObject)Action(card, CoachingCards.ObserveVerb)!.DeepClone();
        observe["data"]![CoachingCards.ObservationKindInput] = "fairnessGrievance";
        observe["data"]![CoachingCards.ObservationNoteInput] = "Feels the new area split favoured others.";
        var observed = await Playground.InvokeAsync(WangLeiChat, TeamsUser.WangLei.Id, cardMessage.MessageId!, observe);
        var afterObservation = Assert.IsType<JsonObject>(observed["value"]);
        Assert.Equal("Observation saved.", Text(afterObservation, "notice"));
        Assert.Contains("Grievance about fairness — Feels the new area split favoured others.", Text(afterObservation, "observations"), StringComparison.Ordinal);
        Assert.StartsWith("Discontented (strength ", Text(afterObservation, "suggestion"), StringComparison.Ordinal);

        // 3. He confirms the suggestion: the playbook's actions are scheduled.
        var decide = (JsonObject)Action(afterObservation, CoachingCards.DecideVerb)!.DeepClone();
        decide["data"]![CoachingCards.TypeInput] = "discontented";
        var decided = Assert.IsType<JsonObject>((await Playground.InvokeAsync(WangLeiChat, TeamsUser.WangLei.Id, cardMessage.MessageId!, decide))["value"]);
        Assert.Equal("Saved: Discontented. The playbook's actions are scheduled below.", Text(decided, "notice"));
        // Dates on cards are written by CardDates, with non-breaking hyphens (U+2011) so they never break on a phone.
        Assert.Matches(@"^Confirmed on \d{4}\u2011\d{2}\u2011\d{2}: Discontented, by Wang Lei 王磊$", Text(decided, "current"));
        Assert.NotNull(Action(decided, CoachingCards.ActionVerb));
        await using (var db = fixture.Bot.CreateDbContext())
        {
            var assessment = await db.CoachingAssessments.AsNoTracking().SingleAsync(a => a.ManagerId == "zhao-min");
            Assert.Equal((ManagerType.Discontented, "wang-lei"), (assessment.ChosenType, assessment.DecidedById));
            Assert.Equal(3, await db.CoachingActions.CountAsync(a => a.ManagerId == "zhao-min" && a.Status == CoachingActionStatus.Open));
        }

        // 4. His colleague's card is not his to see.
        start = Playground.MessageCount;
        await Playground.SendTextAsync(WangLeiChat, TeamsUser.WangLei.Id, "coach Chen Jie");
        var refused = await Playground.WaitForMessageAsync(
            m => m.Action == PlaygroundStreamMessage.CreateMessage && m.ConversationId == WangLeiChat && m.FromId == PlaygroundProcess.BotId && m.Text is not null, start);
        Assert.Equal("Only Chen Jie 陈杰's lead chain (their team lead and those the lead reports to) can open their coaching card.", refused.Text);
    }
}
