using System.Globalization;
using System.Text.Json.Nodes;
using DiligenceBot.Assessment;
using DiligenceBot.Localization;
using DiligenceBot.Notifications;
using DiligenceBot.Records;
using DiligenceBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static DiligenceBot.Tests.Transfers.TransferDriver;
using static DiligenceBot.Tests.WorkLogs.WorkLogDriver;

namespace DiligenceBot.Tests.EndToEnd;

/// <summary>
/// The monthly scorecard's objection flow through the real Agents Playground: Wang Lei (the Playground's current user)
/// leads East 2 and reports to Liu Yang. He types "scorecard", opens Sun Hao's draft of last month from the team's card,
/// scores what was not measured with reasons and publishes it; Sun Hao (another configured user,
/// <see cref="PlaygroundOtherUser"/>) gets the published card in his 1:1 chat and objects; Liu Yang, the lead's own
/// manager, gets the objection card in his (in Chinese, his Teams client's language) and amends customer management with a reason;
/// Sun Hao gets the amended outcome, and Wang Lei the decision in his chat. The bot's clock is real: "last month" is
/// last month in Shanghai, with no imported figures, so its sales indicators are honestly not measured.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class PlaygroundScorecardTests(PlaygroundWithLogFixture fixture, ITestOutputHelper output) : IClassFixture<PlaygroundWithLogFixture>
{
    private const string WangLeiChat = PlaygroundProcess.PersonalChatId;
    private const string ScoreReason = "No sales figures were imported for the month";
    private const string Objection = "Two visits in my work logs were not counted in visit coverage.";
    private const string Decision = "补计两次拜访，客户管理加一分。";
    private const string Amended = "customer-management";

    private PlaygroundProcess Playground => fixture.Playground;

    private PlaygroundOtherUser SunHaoUser { get; } = new(fixture, SunHao);

    private PlaygroundOtherUser LiuYang { get; } = new(fixture, TeamsUser.LiuYang);

    [Fact]
    public async Task WangLeiPublishesSunHaosMonth_SunHaoObjects_LiuYangAmends_AndSunHaoSeesTheOutcome()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        var month = RecordPeriod.Holding(RecordPeriodKind.Monthly, today).Previous;
        var (monthEn, monthZh) = (month.Name(Language.EnUs), month.Name(Language.ZhCn));
        var (todayEn, todayZh) = (CardDates.Long(today, Language.EnUs), CardDates.Long(today, Language.ZhCn));
        var cardTitle = $"Sun Hao 孙浩 · scorecard · {monthEn}";

        var start = Playground.MessageCount;
        await Playground.OpenConversationFirstTimeAsync(WangLeiChat);
        await Playground.WaitForCardAsync("Welcome to DiligenceBot", start);
        await SunHaoUser.InstallInTeamAsync();
        await LiuYang.InstallInTeamAsync(locale: "zh-CN");
        output.WriteLine($"Wang Lei's chat opened; Sun Hao and Liu Yang reachable; the month is {month.Key}");

        // 1. "scorecard": last month's drafts of East 2, each opening its own card; he opens Sun Hao's.
        start = Playground.MessageCount;
        await Playground.SendTextAsync(WangLeiChat, TeamsUser.WangLei.Id, "scorecard");
        var teamMessage = await Playground.WaitForCardAsync($"East District 2 · Scorecards · {monthEn}", start);
        var team = teamMessage.Card!;
        Assert.NotNull(ById(team, "row.zhao-min"));
        var open = Actions(team).Single(a => a["verb"]?.GetValue<string>() == ScorecardCards.ScorecardVerb && a["data"]?["managerId"]?.GetValue<string>() == "sun-hao");
        Assert.Equal("Open", open["title"]?.GetValue<string>());
        var opened = await Playground.InvokeAsync(WangLeiChat, TeamsUser.WangLei.Id, teamMessage.MessageId!, (JsonObject)open.DeepClone());
        var draft = Assert.IsType<JsonObject>(opened["value"]);
        Assert.Equal(cardTitle, Title(draft));
        Assert.Equal("Draft from what DiligenceBot measures over the whole period. Not published: the manager does not see it.", Text(draft, "status"));
        var scores = InputIds(draft).Where(i => i.StartsWith("score.", StringComparison.Ordinal)).ToList();
        Assert.Equal($"{scores.Count} indicators not measured", Text(team, "notmeasured.sun-hao"));
        Assert.Contains("score.volume", scores);
        Assert.Contains("score.value", scores);
        Assert.Equal(CardDates.KeepCounts("Volume against target: not measured; you score it with a reason (of 8)"), Text(draft, "indicator.volume"));
        output.WriteLine($"draft opened; not measured: {string.Join(", ", scores)}");

        // 2. He gives each not-measured indicator 1 point with a reason and clicks Publish (Teams merges the inputs).
        var publish = (JsonObject)Action(draft, ScorecardCards.PublishVerb)!.DeepClone();
        foreach (var id in scores)
        {
            publish["data"]![id] = "1";
            publish["data"]![ScorecardCards.ScoreReasonInput(id["score.".Length..])] = ScoreReason;
        }

        var publishedAnswer = await Playground.InvokeAsync(WangLeiChat, TeamsUser.WangLei.Id, teamMessage.MessageId!, publish);
        var published = Assert.IsType<JsonObject>(publishedAnswer["value"]);
        var stored = await StoredAsync();
        var respondBy = CardDates.Long(stored.RespondBy, Language.EnUs);
        var total = Points(stored.Total);
        Assert.Equal($"Published. Sun Hao 孙浩 has been sent it and may acknowledge or object by the end of {respondBy}.", Text(published, "notice"));
        Assert.Equal($"Published by Wang Lei 王磊 on {todayEn}. Sun Hao 孙浩 may acknowledge or object by the end of {respondBy}.", Text(published, "status"));
        Assert.Equal(CardDates.KeepCounts($"Volume against target: not measured; the lead gave 1/8: {ScoreReason}"), Text(published, "indicator.volume"));
        Assert.Equal($"Total: {total}/100", Text(published, "total"));
        Assert.Null(Action(published, ScorecardCards.PublishVerb));
        Assert.Equal((ScorecardState.Published, "wang-lei", "liu-yang"), (stored.State, stored.PublishedById, stored.DeciderId));
        Assert.Equal(stored.Dimensions.Sum(d => d.Scored + d.Adjustment), stored.Total);
        Assert.True(stored.RespondBy > today);
        output.WriteLine($"published: {total}/100, answer by {stored.RespondBy}");

        // 3. Sun Hao's 1:1 chat gets his scorecard, in English, to acknowledge or object; he objects with a reason.
        var (sunChat, sunCardId, sunSent) = await SunHaoUser.FirstMessageAsync();
        Assert.Equal($"Your scorecard for {monthEn} has been published", sunSent["summary"]?.GetValue<string>());
        var toSun = PlaygroundOtherUser.CardIn(sunSent);
        Assert.Equal(cardTitle, Title(toSun));
        Assert.Equal($"Published by Wang Lei 王磊 on {todayEn}. Acknowledge it, or object with a reason, by the end of {respondBy}.", Text(toSun, "status"));
        Assert.Equal($"Total: {total}/100", Text(toSun, "total"));
        Assert.Equal(CardDates.KeepCounts($"Volume against target: not measured; the lead gave 1/8: {ScoreReason}"), Text(toSun, "indicator.volume"));
        Assert.NotNull(Action(toSun, ScorecardCards.AcknowledgeVerb));
        var objectAction = Action(toSun, ScorecardCards.ObjectVerb)!;
        Assert.Equal("Object", objectAction["title"]?.GetValue<string>());
        var objectData = (JsonObject)objectAction["data"]!.DeepClone();
        objectData[ScorecardCards.ReasonInput] = Objection;
        var objected = Assert.IsType<JsonObject>((await SunHaoUser.PressAsync(sunChat, sunCardId, ScorecardCards.ObjectVerb, "Object", objectData))["value"]);
        Assert.Equal("Your objection has been sent to Liu Yang 刘洋, who decides on it.", Text(objected, "notice"));
        Assert.Equal($"Objection ({todayEn}): {Objection}", Text(objected, "objection"));
        Assert.Equal("Liu Yang 刘洋 decides on the objection.", Text(objected, "decider"));
        Assert.Null(Action(objected, ScorecardCards.ObjectVerb));
        output.WriteLine("Sun Hao objected");

        // 4. Liu Yang, Wang Lei's own manager, gets the objection in Chinese and amends customer management by one point.
        var (liuChat, liuCardId, liuSent) = await LiuYang.FirstMessageAsync();
        Assert.True(liuSent.ContainsKey("summary"), liuSent.ToJsonString());
        Assert.Equal($"Sun Hao 孙浩对{monthZh}的考核提出异议", liuSent["summary"]?.GetValue<string>());
        var toLiu = PlaygroundOtherUser.CardIn(liuSent);
        Assert.Equal($"Sun Hao 孙浩·{monthZh}考核", Title(toLiu));
        Assert.Equal($"异议（{todayZh}）：{Objection}", Text(toLiu, "objection"));
        var customers = stored.Dimensions.Single(d => d.DimensionId == Amended);
        var was = customers.Scored + customers.Adjustment;
        Assert.Equal(Points(was), ById(toLiu, "amend." + Amended)?["value"]?.GetValue<string>());
        var amended = was + 1 <= Math.Min(customers.Weight, customers.Scored + 5) ? was + 1 : was - 1;
        var amend = Action(toLiu, ScorecardCards.AmendVerb)!;
        Assert.Equal("修改考核", amend["title"]?.GetValue<string>());
        Assert.NotNull(Action(toLiu, ScorecardCards.UpholdVerb));
        var amendData = (JsonObject)amend["data"]!.DeepClone();
        amendData["amend." + Amended] = Points(amended);
        amendData[ScorecardCards.DecisionReasonInput] = Decision;
        var decidedAt = fixture.Log.Count;
        var wangLeiBefore = Playground.MessageCount;
        var decided = Assert.IsType<JsonObject>((await LiuYang.PressAsync(liuChat, liuCardId, ScorecardCards.AmendVerb, "修改考核", amendData, locale: "zh-CN"))["value"]);
        Assert.Equal("已处理，并已通知Sun Hao 孙浩和组长。", Text(decided, "notice"));
        Assert.Equal($"Liu Yang 刘洋于{todayZh}修改了考核：{Decision}", Text(decided, "decision"));
        Assert.Null(Action(decided, ScorecardCards.AmendVerb));
        output.WriteLine($"Liu Yang amended customer management from {was} to {amended}");

        // 5. Sun Hao gets the outcome in the same chat: the amended dimension and total, with the reason.
        var amendedTotal = Points(stored.Total - was + amended);
        var (_, outcomeSent) = await SunHaoUser.NextMessageAsync(sunChat, decidedAt);
        Assert.Equal($"The objection to Sun Hao 孙浩's scorecard for {monthEn} has been decided", outcomeSent["summary"]?.GetValue<string>());
        var outcome = PlaygroundOtherUser.CardIn(outcomeSent);
        Assert.Equal(cardTitle, Title(outcome));
        Assert.Equal($"Amended by Liu Yang 刘洋 on {todayEn}: {Decision}", Text(outcome, "decision"));
        Assert.Equal($"Total: {amendedTotal}/100 (published as {total}, amended on objection)", Text(outcome, "total"));
        Assert.Equal($"Amended on objection to {Points(amended)} points (published {Points(was)})", Text(outcome, "amended." + Amended));
        Assert.Null(Action(outcome, ScorecardCards.ObjectVerb));
        Assert.Null(Action(outcome, ScorecardCards.AcknowledgeVerb));

        // 6. Wang Lei, the lead, is told in his chat too.
        var toLead = await Playground.WaitForMessageAsync(
            m => m.Action == PlaygroundStreamMessage.CreateMessage && m.ConversationId == WangLeiChat && m.CardTitle == cardTitle, wangLeiBefore);
        Assert.Equal($"Amended by Liu Yang 刘洋 on {todayEn}: {Decision}", Text(toLead.Card!, "decision"));
        Assert.Equal($"Total: {amendedTotal}/100 (published as {total}, amended on objection)", Text(toLead.Card!, "total"));
        output.WriteLine("Sun Hao and Wang Lei got the outcome");

        await new Outbox(fixture.Bot).DrainedAsync();
        stored = await StoredAsync();
        Assert.Equal((ScorecardState.Amended, "liu-yang", Decision, Objection), (stored.State, stored.DecidedById, stored.DecisionReason, stored.ObjectionReason));
        Assert.Equal(amended, stored.Dimensions.Single(d => d.DimensionId == Amended).AmendedPoints);
        Assert.All(stored.Dimensions.Where(d => d.DimensionId != Amended), d => Assert.Null(d.AmendedPoints));
        Assert.All(stored.Indicators.Where(i => scores.Contains("score." + i.IndicatorId)), i => Assert.Equal((1m, (double?)null, ScoreReason), (i.Points, i.Value, i.Reason)));
        await using var db = fixture.Bot.CreateDbContext();
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.SubjectType == ScorecardBook.SubjectType).OrderBy(a => a.Id).Select(a => a.Action + " " + a.ActorId).ToListAsync();
        Assert.Equal(["scorecard.published wang-lei", "scorecard.objected sun-hao", "scorecard.amended liu-yang"], audit);
        var notices = await db.Notifications.AsNoTracking().Where(n => n.SubjectId == stored.Id.ToString()).OrderBy(n => n.Id).ToListAsync();
        (string, string)[] expected = [(ScorecardBook.Published, "sun-hao"), (ScorecardBook.Objected, "liu-yang"), (ScorecardBook.Decided, "sun-hao"), (ScorecardBook.Decided, "wang-lei")];
        Assert.Equal(expected.Order(), notices.Select(n => (n.Kind, n.RecipientId)).Order());
        Assert.All(notices, n => Assert.Equal(NotificationStatus.Sent, n.Status));
    }

    private async Task<PublishedScorecard> StoredAsync()
    {
        await using var db = fixture.Bot.CreateDbContext();
        return await db.Set<PublishedScorecard>().AsNoTracking().Include(s => s.Dimensions).Include(s => s.Indicators).SingleAsync(s => s.ManagerId == "sun-hao");
    }

    private static string Points(decimal points) => points.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>The ids of every input on a card.</summary>
    private static List<string> InputIds(JsonNode node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() is { } t && t.StartsWith("Input.", StringComparison.Ordinal) => [o["id"]!.GetValue<string>()],
        JsonObject o => [.. o.Where(p => p.Value is not null).SelectMany(p => InputIds(p.Value!))],
        JsonArray a => [.. a.Where(x => x is not null).SelectMany(x => InputIds(x!))],
        _ => [],
    };
}
