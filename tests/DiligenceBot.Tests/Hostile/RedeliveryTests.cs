using System.Text.Json.Nodes;
using DiligenceBot.Coaching;
using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.Tests.WorkLogs;
using DiligenceBot.Testing;
using DiligenceBot.Transfers;
using DiligenceBot.WorkLogs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static DiligenceBot.Tests.Transfers.TransferDriver;
using static DiligenceBot.Tests.WorkLogs.WorkLogDriver;

namespace DiligenceBot.Tests.Hostile;

/// <summary>
/// Teams re-sends an activity it got no answer to: every mutating verb, delivered three times (same activity id, same
/// card data), writes its record and its audit row once and, on the second and third delivery, changes not one row
/// of the database — no timestamp either. Walks a whole day: a log submitted, returned, revised and approved; forms
/// sent, acknowledged, handled, closed, reopened, forwarded and rated; a coaching decision, an observation, an action,
/// a tip and a pulse.
/// </summary>
public sealed class RedeliveryTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(8)));
    private LocalConnector _connector = null!;
    private BotApp _bot = null!;
    private WorkLogDriver _t = null!;

    public async Task InitializeAsync()
    {
        _connector = await LocalConnector.StartAsync();
        _bot = new BotApp(time: _time).Start();
        _t = new WorkLogDriver(_bot, _connector);
        foreach (var user in new[] { TeamsUser.WangLei, TeamsUser.LiNa, TeamsUser.ChenJie, SunHao, LiuYang, ZhaoMin })
        {
            await _t.InstallAsync(user);
        }
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    /// <summary>Sends the same activity three times; returns the card of the first answer, after checking the other two changed nothing.</summary>
    private async Task<JsonObject> ThriceAsync(TeamsUser user, string verb, JsonObject data, int audits = 1)
    {
        var id = "redelivered-" + Guid.NewGuid().ToString("N");
        var (card, answer) = await _t.ExecuteAsync(user, verb, data, activityId: id);
        Assert.True(card is not null, $"{verb}: {answer.ToJsonString()}");
        _time.Advance(TimeSpan.FromMinutes(1));
        var after = await QuietAsync();
        for (var i = 0; i < 2; i++)
        {
            var (again, againAnswer) = await _t.ExecuteAsync(user, verb, data, activityId: id);
            Assert.True(again is not null, $"{verb} again: {againAnswer.ToJsonString()}");
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        var now = await QuietAsync();
        Assert.True(now == after, $"{verb} delivered again changed:\n{DatabaseSnapshot.Difference(after, now)}");
        await using var db = _bot.CreateDbContext();
        Assert.Equal(audits, await db.AuditEntries.CountAsync(a => a.SourceActivityId == id));
        return card!;
    }

    private async Task<string> QuietAsync()
    {
        var last = await DatabaseSnapshot.TakeAsync(_bot);
        for (var i = 0; i < 100; i++)
        {
            await Task.Delay(150);
            var now = await DatabaseSnapshot.TakeAsync(_bot);
            // Quiet: nothing changed in a while and no notification still waiting to go out.
            if (now == last && !now.Contains("|Status=Pending|", StringComparison.Ordinal))
            {
                return now;
            }

            last = now;
        }

        return last;
    }

    [Fact]
    public async Task EveryMutatingVerb_DeliveredThreeTimes_IsStoredAndAuditedOnce()
    {
        // Work logs: submit, return, revise, approve.
        var summary = await ThriceAsync(TeamsUser.WangLei, WorkLogCards.SubmitVerb, SubmitData("2026-11-30", 0, ValidInputs()));
        Guid logId;
        await using (var db = _bot.CreateDbContext())
        {
            logId = (await db.WorkLogs.SingleAsync()).Id;
        }

        await ThriceAsync(TeamsUser.LiNa, WorkLogCards.ReturnVerb, new JsonObject
        {
            ["verb"] = WorkLogCards.ReturnVerb, ["logId"] = logId.ToString(), ["revision"] = 1,
            [WorkLogCards.RequirementInput] = "Name every shop you visited.", [WorkLogCards.RatingInput] = "2",
        });
        await ThriceAsync(TeamsUser.WangLei, WorkLogCards.SubmitVerb, SubmitData("2026-11-30", 1, ValidInputs("Visit the two new kiosks by the station"), logId.ToString()));
        await ThriceAsync(TeamsUser.LiNa, WorkLogCards.ApproveVerb, new JsonObject
        {
            ["verb"] = WorkLogCards.ApproveVerb, ["logId"] = logId.ToString(), ["revision"] = 2, [WorkLogCards.RatingInput] = "4",
        });

        // Transfer forms: every step.
        var first = await ThriceAsync(TeamsUser.WangLei, TransferCards.SubmitVerb, SubmitData(Guid.NewGuid(), Inputs()));
        var second = await ThriceAsync(TeamsUser.WangLei, TransferCards.SubmitVerb, SubmitData(Guid.NewGuid(), Inputs(content: "Jinjiang Mart wants the new display stand.")));
        Guid firstId, secondId;
        await using (var db = _bot.CreateDbContext())
        {
            var forms = await db.Set<TransferForm>().OrderBy(f => f.Sequence).ToListAsync();
            (firstId, secondId) = (forms[0].Id, forms[1].Id);
        }

        await ThriceAsync(SunHao, TransferCards.AcknowledgeVerb, StepData(TransferCards.AcknowledgeVerb, firstId, 1));
        await ThriceAsync(SunHao, TransferCards.HandleVerb, StepData(TransferCards.HandleVerb, firstId, 2, (TransferCards.OpinionInput, "Delivered the missing cases.")));
        await ThriceAsync(TeamsUser.WangLei, TransferCards.ReopenVerb, StepData(TransferCards.ReopenVerb, firstId, 3, (TransferCards.ReopenReasonInput, "Two cases are still missing.")));
        await ThriceAsync(SunHao, TransferCards.HandleVerb, StepData(TransferCards.HandleVerb, firstId, 4, (TransferCards.OpinionInput, "Delivered the last two cases.")));
        await ThriceAsync(TeamsUser.WangLei, TransferCards.CloseVerb, StepData(TransferCards.CloseVerb, firstId, 5, (TransferCards.RatingInput, "5")));
        await ThriceAsync(SunHao, TransferCards.ForwardVerb,
            StepData(TransferCards.ForwardVerb, secondId, 1, (TransferCards.PostInput, "office"), (TransferCards.ForwardReasonInput, "It is about the display budget.")));
        await ThriceAsync(TeamsUser.LiNa, TransferCards.RateValueVerb,
            new JsonObject { ["verb"] = TransferCards.RateValueVerb, ["formId"] = secondId.ToString(), [TransferCards.ValueInput] = "4" });
        Assert.NotNull(first);
        Assert.NotNull(second);

        // Coaching: a decision, an observation, an action recorded, a tip; the manager's pulse.
        var (coach, _) = await _t.ExecuteAsync(TeamsUser.LiNa, CoachingCards.OpenVerb, new JsonObject { ["verb"] = CoachingCards.OpenVerb, ["managerId"] = "chen-jie" });
        var decided = await ThriceAsync(TeamsUser.LiNa, CoachingCards.DecideVerb,
            Press(coach!, CoachingCards.DecideVerb, (CoachingCards.TypeInput, "excellent"), (CoachingCards.ReasonInput, "Top volumes three months running")));
        await ThriceAsync(TeamsUser.LiNa, CoachingCards.ObserveVerb,
            Press(decided, CoachingCards.ObserveVerb, (CoachingCards.ObservationKindInput, "praise"), (CoachingCards.ObservationNoteInput, "Huamei Store praised his display work.")));
        var actionId = Actions(decided).First(a => a["verb"]?.GetValue<string>() == CoachingCards.ActionVerb)["data"]!["actionId"]!.GetValue<string>();
        await ThriceAsync(TeamsUser.LiNa, CoachingCards.ActionVerb, new JsonObject { ["verb"] = CoachingCards.ActionVerb, ["actionId"] = actionId, ["outcome"] = "done" });
        await ThriceAsync(TeamsUser.LiNa, CoachingCards.TipVerb, Press(decided, CoachingCards.TipVerb));
        var (pulse, _) = await _t.ExecuteAsync(TeamsUser.ChenJie, CoachingCards.PulseOpenVerb, new JsonObject { ["verb"] = CoachingCards.PulseOpenVerb });
        await ThriceAsync(TeamsUser.ChenJie, CoachingCards.PulseSubmitVerb,
            Press(pulse!, CoachingCards.PulseSubmitVerb, (CoachingCards.ConfidenceInput, "4"), (CoachingCards.MotivationInput, "3"), (CoachingCards.FairnessInput, "1")));
        Assert.NotNull(summary);
    }

    [Fact]
    public async Task TheSameObservation_SentAgainUnderANewActivityId_IsRecordedOnce()
    {
        var (coach, _) = await _t.ExecuteAsync(TeamsUser.LiNa, CoachingCards.OpenVerb, new JsonObject { ["verb"] = CoachingCards.OpenVerb, ["managerId"] = "chen-jie" });
        var press = Press(coach!, CoachingCards.ObserveVerb, (CoachingCards.ObservationKindInput, "praise"), (CoachingCards.ObservationNoteInput, "Huamei Store praised his display work."));
        for (var i = 0; i < 3; i++)
        {
            var (card, _) = await _t.ExecuteAsync(TeamsUser.LiNa, CoachingCards.ObserveVerb, press);
            Assert.Equal("Observation saved.", Text(card!, "notice"));
        }

        await using var db = _bot.CreateDbContext();
        Assert.Equal(1, await db.Set<LeadObservation>().CountAsync());
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "coaching.observed"));
    }
}
