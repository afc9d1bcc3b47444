using System.Globalization;
using System.Text.Json.Nodes;
using DiligenceBot.Assessment;
using DiligenceBot.Localization;
using DiligenceBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DiligenceBot.Tests.WorkLogs.WorkLogDriver;

namespace DiligenceBot.Tests.Assessment;

/// <summary>
/// Publishing, the manager's answer and objections through /api/messages, on the same organisation and clock as the
/// drafts (Thursday 3 December 2026 in Shanghai): Li Na leads East 1 (Wang Lei, Chen Jie) and reports to Liu Yang, who
/// decides objections; a scorecard published today may be answered until the end of the third working day after it,
/// Tuesday 8 December.
/// </summary>
public sealed partial class ScorecardFlowTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);
    private static readonly DateOnly RespondBy = new(2026, 12, 8);

    private static string En(DateOnly day) => CardDates.Long(day, Language.EnUs);

    private static string Zh(DateOnly day) => CardDates.Long(day, Language.ZhCn);

    /// <summary>The ids of every input on a card.</summary>
    private static List<string> InputIds(JsonNode node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() is { } t && t.StartsWith("Input.", StringComparison.Ordinal) => [o["id"]!.GetValue<string>()],
        JsonObject o => [.. o.Where(p => p.Value is not null).SelectMany(p => InputIds(p.Value!))],
        JsonArray a => [.. a.Where(x => x is not null).SelectMany(x => InputIds(x!))],
        _ => [],
    };

    private static string? Value(JsonObject card, string id) => ById(card, id)?["value"]?.GetValue<string>();

    /// <summary>The lead's draft card of a manager and period, with its inputs.</summary>
    private async Task<JsonObject> DraftAsync(TeamsUser lead, string period, string managerId) =>
        (await _t.ExecuteAsync(lead, ScorecardCards.ScorecardVerb, new JsonObject { ["verb"] = ScorecardCards.ScorecardVerb, ["period"] = period, ["managerId"] = managerId })).Card!;

    /// <summary>The Publish button's data with every not-measured indicator scored <paramref name="points"/> with a reason, then <paramref name="change"/>.</summary>
    private static JsonObject Filled(JsonObject draft, string points = "1", Action<JsonObject>? change = null)
    {
        var data = Copy(Action(draft, ScorecardCards.PublishVerb)!["data"]!.AsObject());
        foreach (var id in InputIds(draft).Where(i => i.StartsWith("score.", StringComparison.Ordinal)))
        {
            data[id] = points;
            data[ScorecardCards.ScoreReasonInput(id["score.".Length..])] = "No figures imported for this period";
        }

        change?.Invoke(data);
        return data;
    }

    private async Task<JsonObject> PublishAsync(string period = "2026-11", string points = "1", Action<JsonObject>? change = null)
    {
        var draft = await DraftAsync(TeamsUser.LiNa, period, "chen-jie");
        return (await _t.ExecuteAsync(TeamsUser.LiNa, ScorecardCards.PublishVerb, Filled(draft, points, change))).Card!;
    }

    private async Task<PublishedScorecard> StoredAsync(string period = "2026-11")
    {
        await using var db = _bot.CreateDbContext();
        return await db.Set<PublishedScorecard>().AsNoTracking().Include(s => s.Dimensions).Include(s => s.Indicators).SingleAsync(s => s.ManagerId == "chen-jie" && s.PeriodKey == period);
    }

    private async Task<List<string>> AuditAsync()
    {
        await using var db = _bot.CreateDbContext();
        return await db.AuditEntries.Where(a => a.SubjectType == ScorecardBook.SubjectType).OrderBy(a => a.Id).Select(a => a.Action + " " + a.ActorId).ToListAsync();
    }

    private static JsonObject Data(string verb, Guid id, JsonObject? inputs = null)
    {
        var data = inputs is null ? new JsonObject() : Copy(inputs);
        data["verb"] = verb;
        data["scorecardId"] = id.ToString();
        return data;
    }

    [Fact]
    public async Task Lead_ScoresWhatWasNotMeasured_AdjustsWithReasons_AndPublishes_TheCardComingBackWithWhatWasTypedOnEachError()
    {
        var draft = await DraftAsync(TeamsUser.LiNa, "2026-11", "chen-jie");
        Assert.Contains("score.volume", InputIds(draft));
        Assert.DoesNotContain("score.logs-on-time", InputIds(draft));
        Assert.Contains("adjust.economic-results", InputIds(draft));
        // Adjusting opens with a button (hidden until then), so the card reads short on a phone.
        Assert.False(ById(draft, "adjusting.economic-results")!["isVisible"]!.GetValue<bool>());

        // Only the volume scored (above its 8 points, no reason), an adjustment beyond its ±2, another without a reason.
        var publish = Copy(Action(draft, ScorecardCards.PublishVerb)!["data"]!.AsObject());
        publish["score.volume"] = "9";
        publish["adjust.process-execution"] = "5";
        publish["adjust.basic-records"] = "1";
        var (back, _) = await _t.ExecuteAsync(TeamsUser.LiNa, ScorecardCards.PublishVerb, publish);
        Assert.StartsWith("Not published: score what was not measured first (Sales value against target, ", Text(back!, "notice"), StringComparison.Ordinal);
        Assert.Equal("Your points for Volume against target (0 to 8) must be a number from 0 to 8.", Text(back!, "error.score.volume"));
        Assert.Equal("Say why you give Volume against target these points.", Text(back!, "error.scoreReason.volume"));
        Assert.Equal("Sales value against target was not measured: give it points before publishing.", Text(back!, "error.score.value"));
        Assert.Equal("Adjust Process and system execution (up to ±2 points; empty for none) must be a number from -2 to 2.", Text(back!, "error.adjust.process-execution"));
        Assert.Equal("Say why you adjust Basic records management.", Text(back!, "error.adjustReason.basic-records"));
        Assert.Equal(("9", "5", "1"), (Value(back!, "score.volume"), Value(back!, "adjust.process-execution"), Value(back!, "adjust.basic-records")));
        Assert.Null(ById(back!, "adjusting.process-execution")!["isVisible"]);
        Assert.False(ById(back!, "adjusting.marketing-service")!["isVisible"]!.GetValue<bool>());

        // Every indicator scored, but the economic results would pass their weight: refused naming the bounds.
        var over = Filled(draft, change: d =>
        {
            d["score.volume"] = "8";
            d["score.value"] = "7";
            d["adjust.economic-results"] = "1";
            d["adjustReason.economic-results"] = "Opened two shops";
        });
        (back, _) = await _t.ExecuteAsync(TeamsUser.LiNa, ScorecardCards.PublishVerb, over);
        Assert.Equal("Not saved: please correct what is marked below.", Text(back!, "notice"));
        Assert.Equal("With this adjustment Economic results would have 16 points; a dimension stays within 0 and 15.", Text(back!, "error.adjust.economic-results"));
        Assert.Equal("Opened two shops", Value(back!, "adjustReason.economic-results"));
        await using (var db = _bot.CreateDbContext())
        {
            Assert.Equal(0, await db.Set<PublishedScorecard>().CountAsync());
        }

        Assert.Empty(await AuditAsync());

        over["adjust.economic-results"] = "-1";
        over["adjustReason.economic-results"] = "Two shops lost to a competitor";
        (var card, _) = await _t.ExecuteAsync(TeamsUser.LiNa, ScorecardCards.PublishVerb, over);
        Assert.Equal($"Published. Chen Jie 陈杰 has been sent it and may acknowledge or object by the end of {En(RespondBy)}.", Text(card!, "notice"));
        Assert.Equal($"Published by Li Na 李娜 on {En(Today)}. Chen Jie 陈杰 may acknowledge or object by the end of {En(RespondBy)}.", Text(card!, "status"));
        Assert.Equal(CardDates.KeepCounts("Volume against target: not measured; the lead gave 8/8: No figures imported for this period"), Text(card!, "indicator.volume"));
        Assert.Equal(CardDates.KeepCounts("Work logs on time: 90% → 3/5"), Text(card!, "indicator.logs-on-time"));
        Assert.Equal("Adjusted by the lead (-1 points): Two shops lost to a competitor", Text(card!, "adjustment.economic-results"));
        Assert.StartsWith("Economic results · 14/15", Text(card!, "dimension.economic-results"), StringComparison.Ordinal);
        Assert.Null(Action(card!, ScorecardCards.PublishVerb));

        var stored = await StoredAsync();
        Assert.Equal(ScorecardState.Published, stored.State);
        Assert.Equal(("li-na", RespondBy, "liu-yang"), (stored.PublishedById, stored.RespondBy, stored.DeciderId));
        Assert.Equal(stored.Dimensions.Sum(d => d.Scored + d.Adjustment), stored.Total);
        Assert.Equal($"Total: {stored.Total.ToString("0.#", CultureInfo.InvariantCulture)}/100", Text(card!, "total"));
        var volume = stored.Indicators.Single(i => i.IndicatorId == "volume");
        Assert.Equal((8m, (double?)null, "No figures imported for this period"), (volume.Points, volume.Value, volume.Reason));
        Assert.Equal(0.9, stored.Indicators.Single(i => i.IndicatorId == "logs-on-time").Value!.Value, 2);
        Assert.Equal(["scorecard.published li-na"], await AuditAsync());

        // The manager gets it, in Chinese, to acknowledge or object; no ranking (the tenant does not show it).
        var sent = CardOf(await Chats.NotifiedAsync(TeamsUser.ChenJie, ScorecardBook.Published));
        Assert.Equal($"Chen Jie 陈杰·{ZhMonth(11)}考核", Title(sent));
        Assert.Equal($"由Li Na 李娜于{Zh(Today)}发布。请在{Zh(RespondBy)}前确认，或说明理由提出异议。", Text(sent, "status"));
        Assert.Equal("这是首次发布的同类考核，暂无可比较的上期结果。", Text(sent, "change"));
        Assert.Null(ById(sent, "rank"));
        Assert.NotNull(Action(sent, ScorecardCards.AcknowledgeVerb));
        Assert.NotNull(Action(sent, ScorecardCards.ObjectVerb));

        // Published is locked: publishing again (a second tap, another delegate) changes nothing.
        (back, _) = await _t.ExecuteAsync(TeamsUser.LiNa, ScorecardCards.PublishVerb, over);
        Assert.Equal($"Published by Li Na 李娜 on {En(Today)}, and locked: a published scorecard changes only through an objection.", Text(back!, "notice"));
        Assert.Equal(["scorecard.published li-na"], await AuditAsync());
        // The lead's draft of that manager and period is now the published card.
        var reopened = await CardReplyAsync(TeamsUser.LiNa, "scorecard 2026-11 Chen Jie");
        Assert.Null(Action(reopened, ScorecardCards.PublishVerb));
        Assert.Equal(Text(card!, "total"), Text(reopened, "total"));
        var team = await CardReplyAsync(TeamsUser.LiNa, "scorecard 2026-11");
        Assert.Equal($"Published: {stored.Total.ToString("0.#", CultureInfo.InvariantCulture)}/100", Text(team, "published.chen-jie"));
    }

    [Fact]
    public async Task Manager_NeverSeesADraft_SeesTheChangeSinceTheLastPeriod_AndAcknowledges()
    {
        Assert.Equal($"您{ZhMonth(11)}的考核尚未发布。", await TextReplyAsync(TeamsUser.ChenJie, "我的考核 2026-11", "zh-CN"));

        await PublishAsync("2026-10", points: "1");
        await PublishAsync("2026-11", points: "2");
        var october = await StoredAsync("2026-10");
        var november = await StoredAsync("2026-11");
        var change = november.Total - october.Total;
        Assert.True(change > 0);

        var card = await CardReplyAsync(TeamsUser.ChenJie, "考核", "zh-CN");
        Assert.Equal($"Chen Jie 陈杰·{ZhMonth(11)}考核", Title(card));
        Assert.Equal($"较{ZhMonth(10)}（{october.Total.ToString("0.#", CultureInfo.InvariantCulture)}分）变化+{change.ToString("0.#", CultureInfo.InvariantCulture)}分", Text(card, "change"));
        Assert.Equal($"总分：{november.Total.ToString("0.#", CultureInfo.InvariantCulture)}/100分", Text(card, "total"));
        Assert.Contains("（较上期+", Text(card, "dimension.economic-results"), StringComparison.Ordinal);
        var octoberCard = await CardReplyAsync(TeamsUser.ChenJie, "我的考核 2026-10", "zh-CN");
        Assert.Equal($"Chen Jie 陈杰·{ZhMonth(10)}考核", Title(octoberCard));

        var (answered, _) = await _t.ExecuteAsync(TeamsUser.ChenJie, ScorecardCards.AcknowledgeVerb, Data(ScorecardCards.AcknowledgeVerb, november.Id), locale: "zh-CN");
        Assert.Equal("已确认，谢谢。", Text(answered!, "notice"));
        Assert.Equal($"由Li Na 李娜于{Zh(Today)}发布，已于{Zh(Today)}确认。", Text(answered!, "status"));
        Assert.Null(Action(answered!, ScorecardCards.ObjectVerb));
        Assert.Equal(ScorecardState.Acknowledged, (await StoredAsync()).State);

        // The same tap delivered again answers the same; objecting now is refused; nothing more is audited.
        (answered, _) = await _t.ExecuteAsync(TeamsUser.ChenJie, ScorecardCards.AcknowledgeVerb, Data(ScorecardCards.AcknowledgeVerb, november.Id), locale: "zh-CN");
        Assert.Equal($"由Li Na 李娜于{Zh(Today)}发布，已于{Zh(Today)}确认。", Text(answered!, "status"));
        var (_, refused) = await _t.ExecuteAsync(TeamsUser.ChenJie, ScorecardCards.ObjectVerb,
            Data(ScorecardCards.ObjectVerb, november.Id, new JsonObject { [ScorecardCards.ReasonInput] = "不同意" }), locale: "zh-CN");
        Assert.Equal("您已对该考核作出答复。", MessageOf(refused));
        Assert.Equal(["scorecard.published li-na", "scorecard.published li-na", "scorecard.acknowledged chen-jie"], await AuditAsync());
    }

    [Fact]
    public async Task AnObjection_GoesToTheLeadsOwnManager_WhoAlone_AmendsWithinTheBounds_AndBothSeeTheOutcome()
    {
        await PublishAsync();
        var id = (await StoredAsync()).Id;

        var (back, _) = await _t.ExecuteAsync(TeamsUser.ChenJie, ScorecardCards.ObjectVerb, Data(ScorecardCards.ObjectVerb, id, new JsonObject { [ScorecardCards.ReasonInput] = "  " }), locale: "zh-CN");
        Assert.Equal("请填写提出异议的理由。", Text(back!, "error.reason"));
        Assert.Equal(ScorecardState.Published, (await StoredAsync()).State);

        const string reason = "十一月有两次拜访写在日志里，但没有计入拜访达成率。";
        var (objected, _) = await _t.ExecuteAsync(TeamsUser.ChenJie, ScorecardCards.ObjectVerb, Data(ScorecardCards.ObjectVerb, id, new JsonObject { [ScorecardCards.ReasonInput] = reason }), locale: "zh-CN");
        Assert.Equal("您的异议已发送给Liu Yang 刘洋处理。", Text(objected!, "notice"));
        Assert.Equal($"异议（{Zh(Today)}）：{reason}", Text(objected!, "objection"));

        var toLiu = CardOf(await Chats.NotifiedAsync(LiuYang, ScorecardBook.Objected));
        Assert.Equal($"异议（{Zh(Today)}）：{reason}", Text(toLiu, "objection"));
        var stored = await StoredAsync();
        var customers = stored.Dimensions.Single(d => d.DimensionId == "customer-management");
        Assert.Equal(customers.Published.ToString("0.#", CultureInfo.InvariantCulture), Value(toLiu, "amend.customer-management"));
        Assert.NotNull(Action(toLiu, ScorecardCards.UpholdVerb));

        // Only Liu Yang decides: not the lead, not another lead.
        foreach (var other in new[] { TeamsUser.LiNa, TeamsUser.WangLei })
        {
            var (_, refused) = await _t.ExecuteAsync(other, ScorecardCards.AmendVerb, Data(ScorecardCards.AmendVerb, id, new JsonObject { ["amend.customer-management"] = "20", [ScorecardCards.DecisionReasonInput] = "ok" }));
            Assert.Equal("Only Liu Yang 刘洋, the lead's own manager, decides on this objection.", MessageOf(refused));
        }

        // Beyond the lead's bounds (what the indicators scored ± 5, within 0 and 25): the card comes back with it.
        var low = Math.Max(0, customers.Scored - 5).ToString("0.#", CultureInfo.InvariantCulture);
        var high = Math.Min(25, customers.Scored + 5).ToString("0.#", CultureInfo.InvariantCulture);
        var (again, _) = await _t.ExecuteAsync(LiuYang, ScorecardCards.AmendVerb,
            Data(ScorecardCards.AmendVerb, id, new JsonObject { ["amend.customer-management"] = "24.5", [ScorecardCards.DecisionReasonInput] = "补计两次拜访" }), locale: "zh-CN");
        Assert.Equal($"“客户管理的得分（{low}至{high}分）”必须是{low}到{high}之间的数字。", Text(again!, "error.amend.customer-management"));
        Assert.Equal(("24.5", "补计两次拜访"), (Value(again!, "amend.customer-management"), Value(again!, ScorecardCards.DecisionReasonInput)));
        Assert.Equal(ScorecardState.Objected, (await StoredAsync()).State);

        var amended = customers.Published + 2;
        var (decided, _) = await _t.ExecuteAsync(LiuYang, ScorecardCards.AmendVerb,
            Data(ScorecardCards.AmendVerb, id, new JsonObject { ["amend.customer-management"] = amended.ToString(CultureInfo.InvariantCulture), [ScorecardCards.DecisionReasonInput] = "补计两次拜访" }), locale: "zh-CN");
        Assert.Equal("已处理，并已通知Chen Jie 陈杰和组长。", Text(decided!, "notice"));
        stored = await StoredAsync();
        Assert.Equal((ScorecardState.Amended, "liu-yang", "补计两次拜访"), (stored.State, stored.DecidedById, stored.DecisionReason));
        Assert.Equal(amended, stored.Dimensions.Single(d => d.DimensionId == "customer-management").AmendedPoints);

        var toChen = CardOf(await Chats.NotifiedAsync(TeamsUser.ChenJie, ScorecardBook.Decided));
        Assert.Equal($"Liu Yang 刘洋于{Zh(Today)}修改了考核：补计两次拜访", Text(toChen, "decision"));
        Assert.Equal($"总分：{(stored.Total + 2).ToString("0.#", CultureInfo.InvariantCulture)}/100分（发布时{stored.Total.ToString("0.#", CultureInfo.InvariantCulture)}分，经异议修改）", Text(toChen, "total"));
        var toLead = CardOf(await Chats.NotifiedAsync(TeamsUser.LiNa, ScorecardBook.Decided));
        Assert.Equal($"Amended by Liu Yang 刘洋 on {En(Today)}: 补计两次拜访", Text(toLead, "decision"));
        Assert.Equal(["scorecard.published li-na", "scorecard.objected chen-jie", "scorecard.amended liu-yang"], await AuditAsync());
    }

    [Fact]
    public async Task AnObjection_Upheld_NeedsAReason_AndTheManagerIsTold()
    {
        await PublishAsync();
        var id = (await StoredAsync()).Id;
        await _t.ExecuteAsync(TeamsUser.ChenJie, ScorecardCards.ObjectVerb, Data(ScorecardCards.ObjectVerb, id, new JsonObject { [ScorecardCards.ReasonInput] = "日志质量评分偏低。" }), locale: "zh-CN");

        var (back, _) = await _t.ExecuteAsync(LiuYang, ScorecardCards.UpholdVerb, Data(ScorecardCards.UpholdVerb, id), locale: "zh-CN");
        Assert.Equal("请填写处理理由。", Text(back!, "error.decisionReason"));

        var (decided, _) = await _t.ExecuteAsync(LiuYang, ScorecardCards.UpholdVerb, Data(ScorecardCards.UpholdVerb, id, new JsonObject { [ScorecardCards.DecisionReasonInput] = "评分有日志评语为据。" }), locale: "zh-CN");
        Assert.Equal($"Liu Yang 刘洋于{Zh(Today)}维持原考核：评分有日志评语为据。", Text(decided!, "decision"));
        Assert.Equal(ScorecardState.Upheld, (await StoredAsync()).State);
        var toChen = CardOf(await Chats.NotifiedAsync(TeamsUser.ChenJie, ScorecardBook.Decided));
        Assert.Equal($"Liu Yang 刘洋于{Zh(Today)}维持原考核：评分有日志评语为据。", Text(toChen, "decision"));

        var (_, refused) = await _t.ExecuteAsync(LiuYang, ScorecardCards.AmendVerb, Data(ScorecardCards.AmendVerb, id, new JsonObject { [ScorecardCards.DecisionReasonInput] = "再改" }), locale: "zh-CN");
        Assert.Equal("该异议已处理。", MessageOf(refused));
    }

    [Fact]
    public async Task AfterTheDeadline_AnAnswerIsRefused_NamingTheDeadline()
    {
        await PublishAsync();
        var id = (await StoredAsync()).Id;

        // Wednesday 9 December: the third working day after publication (Tuesday 8th) is over.
        _time.SetUtcNow(new DateTimeOffset(2026, 12, 9, 9, 0, 0, TimeSpan.FromHours(8)));
        var (_, refused) = await _t.ExecuteAsync(TeamsUser.ChenJie, ScorecardCards.ObjectVerb, Data(ScorecardCards.ObjectVerb, id, new JsonObject { [ScorecardCards.ReasonInput] = "太晚了" }));
        Assert.Equal($"The time to acknowledge or object ended on {En(RespondBy)}; the scorecard stands.", MessageOf(refused));
        Assert.Equal(ScorecardState.Published, (await StoredAsync()).State);
        var card = await CardReplyAsync(TeamsUser.ChenJie, "my scorecard");
        Assert.Equal($"Published by Li Na 李娜 on {En(Today)}. No objection by the end of {En(RespondBy)}: it stands.", Text(card, "status"));
        Assert.Null(Action(card, ScorecardCards.ObjectVerb));
    }

    [Fact]
    public async Task OnlyTheTeamsLeadPublishes_OnceThePeriodIsOver_AndOnlyTheManagerAnswers()
    {
        var draft = await DraftAsync(TeamsUser.LiNa, "2026-11", "chen-jie");
        var publish = Filled(draft);

        // Another team's lead does not publish (nor open the draft).
        var (_, refused) = await _t.ExecuteAsync(TeamsUser.WangLei, ScorecardCards.PublishVerb, publish);
        Assert.Equal("Only the lead of East District 1 or a delegate publishes Chen Jie 陈杰's scorecard.", MessageOf(refused));

        // December is not over.
        var december = Copy(publish);
        december["period"] = "2026-12";
        (_, refused) = await _t.ExecuteAsync(TeamsUser.LiNa, ScorecardCards.PublishVerb, december);
        Assert.Equal($"December\u00a02026 is not over yet; its scorecard can be published from {En(new DateOnly(2027, 1, 1))}.", MessageOf(refused));
        await using (var db = _bot.CreateDbContext())
        {
            Assert.Equal(0, await db.Set<PublishedScorecard>().CountAsync());
        }

        await _t.ExecuteAsync(TeamsUser.LiNa, ScorecardCards.PublishVerb, publish);
        var id = (await StoredAsync()).Id;

        // Wang Lei is a manager too: he cannot answer Chen Jie's scorecard, and his own is not published.
        (_, refused) = await _t.ExecuteAsync(TeamsUser.WangLei, ScorecardCards.AcknowledgeVerb, Data(ScorecardCards.AcknowledgeVerb, id));
        Assert.Equal("Only the manager the scorecard is about acknowledges it or objects.", MessageOf(refused));
        Assert.Equal($"Your scorecard for November\u00a02026 has not been published.", await TextReplyAsync(TeamsUser.WangLei, "my scorecard 2026-11"));
        Assert.Equal(ScorecardState.Published, (await StoredAsync()).State);
    }
}
