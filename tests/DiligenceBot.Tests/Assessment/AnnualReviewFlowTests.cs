using System.Text.Json.Nodes;
using DiligenceBot.Assessment;
using DiligenceBot.Coaching;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;
using DiligenceBot.Testing;
using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.Tests.WorkLogs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static DiligenceBot.Tests.WorkLogs.WorkLogDriver;

namespace DiligenceBot.Tests.Assessment;

/// <summary>
/// The yearly review through /api/messages (SQLite, and PostgreSQL when the suite is pointed at it), on Tuesday 12
/// January 2027, 10:00 in Shanghai: 2026 is over. A year of published monthly scorecards is seeded: Chen Jie (East 1)
/// 81 to 92 in the months of 2026 but March (none published) and December amended from 92 to 95 on an objection,
/// so his yearly score is 1,045 - 83 - 92 + 95 = 958 over 11 months, 87.1; Wang Lei (East 1) 70 every month; in East
/// 2, Zhao Min 90 and Sun Hao 60. Li Na leads East 1 and reports to Liu Yang, who decides the proposals.
/// </summary>
public sealed class AnnualReviewFlowTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2027, 1, 12);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2027, 1, 12, 10, 0, 0, TimeSpan.FromHours(8)));
    private LocalConnector _connector = null!;
    private BotApp _bot = null!;
    private WorkLogDriver _t = null!;

    private Chats Chats => _t.Chats;

    public async Task InitializeAsync()
    {
        _connector = await LocalConnector.StartAsync();
        _bot = new BotApp(time: _time).Start();
        _t = new WorkLogDriver(_bot, _connector);
        foreach (var user in new[] { TeamsUser.WangLei, TeamsUser.LiNa, TeamsUser.ChenJie, TeamsUser.LiuYang })
        {
            await _t.InstallAsync(user, user == TeamsUser.ChenJie || user == TeamsUser.LiuYang ? "zh-CN" : "en-US");
        }

        await using var db = _bot.CreateDbContext();
        for (var month = 1; month <= 12; month++)
        {
            if (month != 3)
            {
                db.Add(Published("east-1", "chen-jie", $"2026-{month:00}", 80 + month, amendedTo: month == 12 ? 95 : null));
            }

            db.Add(Published("east-1", "wang-lei", $"2026-{month:00}", 70));
            db.Add(Published("east-2", "zhao-min", $"2026-{month:00}", 90));
            db.Add(Published("east-2", "sun-hao", $"2026-{month:00}", 60));
        }

        foreach (var quarter in new[] { 1, 3, 4 })
        {
            db.Add(Published("east-1", "chen-jie", $"2026-Q{quarter}", 84 + quarter));
        }

        db.CoachingAssessments.Add(new CoachingAssessment
        {
            Id = Guid.NewGuid(), TenantId = Activities.TenantId, ManagerId = "chen-jie", Number = 1, ChosenType = ManagerType.Excellent,
            DecidedById = "li-na", DecidedAt = new DateTimeOffset(2026, 5, 6, 9, 0, 0, TimeSpan.FromHours(8)),
        });
        db.Add(new SkillsAssessment
        {
            Id = Guid.NewGuid(), TenantId = Activities.TenantId, TeamId = "east-1", ManagerId = "chen-jie", HalfKey = "2026-H2", Year = 2026, RatedById = "li-na",
            RatedAt = new DateTimeOffset(2026, 12, 20, 9, 0, 0, TimeSpan.Zero), Revision = 1, ConcurrencyStamp = Guid.NewGuid(),
            Areas =
            [
                new SkillsAreaResult { AreaId = "product", NameEn = "Product knowledge", NameZh = "产品知识", IsTopic = true, Order = 1, Rating = 4, Evidence = "讲清了三个新品规格" },
                new SkillsAreaResult { AreaId = "market", NameEn = "Market knowledge", NameZh = "市场知识", IsTopic = true, Order = 2, Rating = 2, Evidence = "说不出片区竞品价格", Weak = true },
                new SkillsAreaResult { AreaId = "communication", NameEn = "Communication", NameZh = "沟通技巧", IsTopic = true, Order = 3, Rating = 5, Evidence = "投诉处理得当" },
            ],
        });
        await db.SaveChangesAsync();
        _connector.Clear();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    /// <summary>A published monthly or quarterly scorecard, acknowledged (or amended on an objection to <paramref name="amendedTo"/>).</summary>
    private static PublishedScorecard Published(string teamId, string managerId, string period, decimal total, decimal? amendedTo = null) => new()
    {
        Id = Guid.NewGuid(), TenantId = Activities.TenantId, TeamId = teamId, ManagerId = managerId, PeriodKey = period, Total = total,
        State = amendedTo is null ? ScorecardState.Acknowledged : ScorecardState.Amended, PublishedById = teamId == "east-1" ? "li-na" : "wang-lei",
        PublishedAt = new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero), RespondBy = new DateOnly(2026, 6, 4), ConcurrencyStamp = Guid.NewGuid(),
        Dimensions =
        [
            new PublishedDimension
            {
                DimensionId = "customer-management", NameEn = "Customer management", NameZh = "客户管理", Weight = 100, MaxAdjustment = 5, Scored = total, AmendedPoints = amendedTo,
            },
        ],
    };

    private async Task<JsonObject> CardReplyAsync(TeamsUser user, string text, string locale = "en-US") => CardOf(await Chats.SayAsync(user, text, locale));

    private async Task<string> TextReplyAsync(TeamsUser user, string text, string locale = "en-US") => Chats.TextOf(await Chats.SayAsync(user, text, locale));

    private Task<(JsonObject? Card, JsonObject Answer)> OpenAsync(TeamsUser user, string managerId, string year = "2026", string locale = "en-US") =>
        _t.ExecuteAsync(user, AnnualCards.AnnualVerb, new JsonObject { ["verb"] = AnnualCards.AnnualVerb, ["year"] = year, ["managerId"] = managerId }, locale: locale);

    private static JsonObject Submit(string managerId, string evaluation, string year = "2026") =>
        new() { ["verb"] = AnnualCards.SubmitVerb, ["year"] = year, ["managerId"] = managerId, [AnnualCards.EvaluationInput] = evaluation };

    private static JsonObject Decide(Guid reviewId, string? decision, string reason)
    {
        var data = new JsonObject { ["verb"] = AnnualCards.DecideVerb, ["reviewId"] = reviewId.ToString(), [AnnualCards.ReasonInput] = reason };
        if (decision is not null)
        {
            data[AnnualCards.DecisionInput] = decision;
        }

        return data;
    }

    private async Task<List<AnnualReview>> ReviewsAsync()
    {
        await using var db = _bot.CreateDbContext();
        return await db.Set<AnnualReview>().AsNoTracking().OrderBy(r => r.ManagerId).ToListAsync();
    }

    private async Task<List<string>> AuditAsync()
    {
        await using var db = _bot.CreateDbContext();
        return await db.AuditEntries.Where(a => a.SubjectType == AnnualBook.SubjectType).OrderBy(a => a.Id).Select(a => a.Action + " " + a.ActorId).ToListAsync();
    }

    private static List<(string Title, string Value)> Facts(JsonObject card, string id) =>
        [.. ById(card, id)!["facts"]!.AsArray().Select(f => (f!["title"]!.GetValue<string>(), f["value"]!.GetValue<string>()))];

    private static string En(DateOnly day) => CardDates.Long(day, Language.EnUs);

    [Fact]
    public async Task TheLeadReviewsTheYear_SubmitsTheTeam_TheLeadsManagerDecidesTheProposals_TheManagerAndTheLeadSeeTheOutcome()
    {
        // The team card: each manager with the yearly score, the ranks in the team and in the organisation, best first.
        var team = await CardReplyAsync(TeamsUser.LiNa, "annual 2026");
        Assert.Equal("East District 1 · yearly review · 2026", Title(team));
        Assert.Equal("Reviews submitted: 0 of 2.", Text(team, "progress"));
        Assert.Equal(CardDates.KeepCounts("Yearly score 87.1 (11 months published)"), Text(team, "score.chen-jie"));
        Assert.Equal(CardDates.KeepCounts("Rank 1 of 2 in the team · 2 of 4 in the organisation"), Text(team, "rank.chen-jie"));
        Assert.Equal(CardDates.KeepCounts("Yearly score 70 (12 months published)"), Text(team, "score.wang-lei"));
        Assert.Equal(CardDates.KeepCounts("Rank 2 of 2 in the team · 3 of 4 in the organisation"), Text(team, "rank.wang-lei"));
        Assert.Equal("Not submitted", Text(team, "state.chen-jie"));
        var rows = team.ToJsonString();
        Assert.True(rows.IndexOf("row.chen-jie", StringComparison.Ordinal) < rows.IndexOf("row.wang-lei", StringComparison.Ordinal), rows);

        // One manager's card: the twelve months (March not published, never 0; December as amended), the quarters, the
        // skills, the year's coaching; the evaluation to write.
        var open = Actions(ById(team, "row.chen-jie")!).Single();
        var (card, _) = await _t.ExecuteAsync(TeamsUser.LiNa, AnnualCards.AnnualVerb, open["data"]!.AsObject());
        Assert.Equal("Chen Jie 陈杰 · yearly review · 2026", Title(card!));
        var months = Facts(card!, "months");
        Assert.Equal(12, months.Count);
        Assert.Equal(("Jan", "81/100"), months[0]);
        Assert.Equal(("Mar", "not published"), months[2]);
        Assert.Equal(("Dec", "95/100"), months[11]);
        Assert.Equal([("Q1", "85/100"), ("Q2", "not published"), ("Q3", "87/100"), ("Q4", "88/100")], Facts(card!, "quarters"));
        // The year's latest skills result: the mean of 4, 2 and 5, and the weak area.
        Assert.Equal($"Half-year skills assessment ({CardDates.HalfYear(new DateOnly(2026, 7, 1), Language.EnUs)}): 3.7 of 5 on average; weak: Market knowledge.", Text(card!, "skills"));
        var (wangCard, _) = await OpenAsync(TeamsUser.LiNa, "wang-lei");
        Assert.Equal("Half-year skills assessment: not assessed.", Text(wangCard!, "skills"));
        Assert.Equal($"Types confirmed in coaching: Excellent ({En(new DateOnly(2026, 5, 6))}).", Text(card!, "coaching"));
        Assert.Equal(CardDates.KeepCounts("1 of 2 in East District 1 · 2 of 4 in the organisation"), Text(card!, "rank"));
        Assert.NotNull(Action(card!, AnnualCards.SubmitVerb));

        // No evaluation: refused on the card, nothing stored; markup in it: refused with the text kept.
        var (back, _) = await _t.ExecuteAsync(TeamsUser.LiNa, AnnualCards.SubmitVerb, Submit("chen-jie", "  \u3000 "));
        Assert.Equal("Not submitted: please correct what is marked below.", Text(back!, "notice"));
        Assert.Equal("Write your overall evaluation of Chen Jie 陈杰 before submitting: it is required.", Text(back!, "error.evaluation"));
        (back, _) = await _t.ExecuteAsync(TeamsUser.LiNa, AnnualCards.SubmitVerb, Submit("chen-jie", "A <b>strong</b> year"));
        Assert.StartsWith("Overall evaluation of the year (required) contains HTML", Text(back!, "error.evaluation"), StringComparison.Ordinal);
        Assert.Equal("A <b>strong</b> year", ById(back!, AnnualCards.EvaluationInput)!["value"]!.GetValue<string>());
        Assert.Empty(await ReviewsAsync());
        Assert.Empty(await AuditAsync());

        // Submitted: locked, waiting for the rest of the team; a second tap changes nothing.
        (back, _) = await _t.ExecuteAsync(TeamsUser.LiNa, AnnualCards.SubmitVerb, Submit("chen-jie", "Served every shop on his rounds; best customer evaluations in the team."));
        Assert.Equal("Submitted. When every manager of East District 1 is submitted, the team's top and bottom shares go to your own manager to decide.", Text(back!, "notice"));
        Assert.Equal("Served every shop on his rounds; best customer evaluations in the team.", Text(back!, "evaluation"));
        Assert.Equal("Proposals are made once every manager of the team is submitted.", Text(back!, "proposal"));
        Assert.Null(Action(back!, AnnualCards.SubmitVerb));
        (back, _) = await _t.ExecuteAsync(TeamsUser.LiNa, AnnualCards.SubmitVerb, Submit("chen-jie", "Another text"));
        Assert.Equal($"Submitted by Li Na 李娜 on {En(Today)}, and locked: a submitted review does not change.", Text(back!, "notice"));
        var chen = Assert.Single(await ReviewsAsync());
        Assert.Equal((AnnualState.Submitted, 87.1m, 11, "Served every shop on his rounds; best customer evaluations in the team."),
            (chen.State, chen.YearlyScore, chen.MonthsScored, chen.Evaluation));

        // The team's last review: the top (20 %) and bottom (10 %) shares, at least one each, go to Li Na's own manager.
        (back, _) = await _t.ExecuteAsync(TeamsUser.LiNa, AnnualCards.SubmitVerb, Submit("wang-lei", "Steady, but his plans were late half the year."));
        Assert.Equal("Submitted: every review of East District 1 is in. 2 proposed to Liu Yang 刘洋 to decide; the others have been sent their reviews.", Text(back!, "notice"));
        Assert.Equal("Proposed to Liu Yang 刘洋: among the team's weakest of the year.", Text(back!, "proposal"));
        var reviews = await ReviewsAsync();
        Assert.Equal([("chen-jie", AnnualState.Proposed, AnnualProposal.Top, 1, "liu-yang"), ("wang-lei", AnnualState.Proposed, AnnualProposal.Bottom, 2, "liu-yang")],
            reviews.Select(r => (r.ManagerId, r.State, r.Proposal, r.TeamRank!.Value, r.DeciderId!)).ToList());
        Assert.Equal(["annual.submitted li-na", "annual.submitted li-na", "annual.proposed li-na", "annual.proposed li-na"], await AuditAsync());

        // Not finished for the manager yet; nobody but the decider decides.
        Assert.Equal("您还没有已完成的年度考评；组长会在年度结束后填写。", await TextReplyAsync(TeamsUser.ChenJie, "年度考评", "zh-CN"));
        var (none, refused) = await _t.ExecuteAsync(TeamsUser.LiNa, AnnualCards.DecideVerb, Decide(chen.Id, "advance", "Best year"));
        Assert.Null(none);
        Assert.Equal("Only Liu Yang 刘洋, the lead's own manager, decides this proposal.", MessageOf(refused));
        (_, refused) = await _t.ExecuteAsync(TeamsUser.ChenJie, AnnualCards.DecideVerb, Decide(chen.Id, "advance", "我自己"), locale: "zh-CN");
        Assert.Equal("只有组长的上级Liu Yang 刘洋可以决定这项建议。", MessageOf(refused));

        // The decider gets each proposal, in Chinese, to decide.
        var proposed = CardOf(await Chats.NotifiedAsync(TeamsUser.LiuYang, AnnualBook.Proposed, n => n.SubjectId == chen.Id.ToString()));
        Assert.Equal("Chen Jie 陈杰·2026年度考评", Title(proposed));
        Assert.Equal("Chen Jie 陈杰的2026年度考评已提交给您决定。", Text(proposed, "notice"));
        Assert.Equal("已提交Liu Yang 刘洋：列入本组年度优秀。", Text(proposed, "proposal"));
        Assert.Equal(["advance", "keep", "improvementPlan", "exitReview"],
            ById(proposed, AnnualCards.DecisionInput)!["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()).ToList());
        Assert.Single(await Chats.AllNotifiedAsync(TeamsUser.LiuYang, AnnualBook.Proposed, n => n.SubjectId == reviews[1].Id.ToString()));

        // A decision without a reason comes back with the choice kept; then decided, once.
        var decide = Action(proposed, AnnualCards.DecideVerb)!["data"]!.AsObject();
        var (error, _) = await _t.ExecuteAsync(TeamsUser.LiuYang, AnnualCards.DecideVerb, Decide(chen.Id, "advance", " "), locale: "zh-CN");
        Assert.Equal("请说明作出此决定的理由。", Text(error!, "error.decisionReason"));
        Assert.Equal("advance", ById(error!, AnnualCards.DecisionInput)!["value"]!.GetValue<string>());
        (error, _) = await _t.ExecuteAsync(TeamsUser.LiuYang, AnnualCards.DecideVerb, Decide(chen.Id, null, "全年表现最好"), locale: "zh-CN");
        Assert.Equal("请选择后续安排。", Text(error!, "error.decision"));
        Assert.Equal("全年表现最好", ById(error!, AnnualCards.ReasonInput)!["value"]!.GetValue<string>());
        Assert.Equal(AnnualState.Proposed, (await ReviewsAsync())[0].State);

        var data = Copy(decide);
        data[AnnualCards.DecisionInput] = "advance";
        data[AnnualCards.ReasonInput] = "全年客户评价最好，可带新人";
        var (decided, _) = await _t.ExecuteAsync(TeamsUser.LiuYang, AnnualCards.DecideVerb, data, locale: "zh-CN");
        Assert.Equal("已作出决定，已通知Chen Jie 陈杰和组长。", Text(decided!, "notice"));
        Assert.Equal($"Liu Yang 刘洋于{CardDates.Long(Today, Language.ZhCn)}决定：晋升。理由：全年客户评价最好，可带新人", Text(decided!, "decision"));
        Assert.Null(Action(decided!, AnnualCards.DecideVerb));
        chen = (await ReviewsAsync())[0];
        Assert.Equal((AnnualState.Decided, AnnualDecision.Advance, "liu-yang"), (chen.State, chen.Decision!.Value, chen.DecidedById!));

        // The same card again (stale): refused with the review as it stands.
        data[AnnualCards.DecisionInput] = "exitReview";
        var (stale, _) = await _t.ExecuteAsync(TeamsUser.LiuYang, AnnualCards.DecideVerb, data, locale: "zh-CN");
        Assert.Equal("已由Liu Yang 刘洋作出决定；每项建议只能决定一次。", Text(stale!, "notice"));
        Assert.Contains("晋升", Text(stale!, "decision"), StringComparison.Ordinal);
        Assert.Equal(AnnualDecision.Advance, (await ReviewsAsync())[0].Decision);
        Assert.Equal(["annual.submitted li-na", "annual.submitted li-na", "annual.proposed li-na", "annual.proposed li-na", "annual.decided liu-yang"], await AuditAsync());

        // The manager is told the outcome after the decision (no ranks: the tenant does not show them); the lead too.
        var mine = CardOf(await Chats.NotifiedAsync(TeamsUser.ChenJie, AnnualBook.Finished));
        Assert.Equal("您的2026年度考评已完成。", Text(mine, "notice"));
        Assert.Equal($"Liu Yang 刘洋于{CardDates.Long(Today, Language.ZhCn)}决定：晋升。理由：全年客户评价最好，可带新人", Text(mine, "decision"));
        Assert.Equal("Served every shop on his rounds; best customer evaluations in the team.", Text(mine, "evaluation"));
        Assert.Null(ById(mine, "rank"));
        Assert.Null(ById(mine, "proposal"));
        Assert.Empty(Actions(mine));
        var own = await CardReplyAsync(TeamsUser.ChenJie, "我的年度考评 2026", "zh-CN");
        Assert.Equal(Text(mine, "decision"), Text(own, "decision"));
        var lead = CardOf(await Chats.NotifiedAsync(TeamsUser.LiNa, AnnualBook.Decided));
        Assert.Equal($"Decided by Liu Yang 刘洋 on {En(Today)}: Advance. 全年客户评价最好，可带新人", Text(lead, "decision"));
        await using (var db = _bot.CreateDbContext())
        {
            // Wang Lei's proposal is not decided yet: he has been sent nothing.
            Assert.False(await db.Notifications.AnyAsync(n => n.RecipientId == "wang-lei" && n.Kind.StartsWith("annual.")));
        }

        // The team card shows where each stands.
        team = await CardReplyAsync(TeamsUser.LiNa, "annual");
        Assert.Equal("Decided: Advance", Text(team, "state.chen-jie"));
        Assert.Equal("Proposed, among the team's weakest of the year: waiting for the decision", Text(team, "state.wang-lei"));
    }

    [Fact]
    public async Task TheTeamsYearlyReview_ExportsToXlsx_WithTheMonthsTheRanksAndTheDecisions()
    {
        await _t.ExecuteAsync(TeamsUser.LiNa, AnnualCards.SubmitVerb, Submit("chen-jie", "好"));
        await _t.ExecuteAsync(TeamsUser.LiNa, AnnualCards.SubmitVerb, Submit("wang-lei", "一般"));
        var wang = (await ReviewsAsync())[1];
        await _t.ExecuteAsync(TeamsUser.LiuYang, AnnualCards.DecideVerb, Decide(wang.Id, "improvementPlan", "计划执行差"), locale: "zh-CN");

        var team = await CardReplyAsync(TeamsUser.LiNa, "年度考评 2026", "zh-CN");
        var export = Action(team, AnnualCards.ExportVerb)!;
        _connector.Clear();
        var (card, answer) = await _t.ExecuteAsync(TeamsUser.LiNa, AnnualCards.ExportVerb, Copy(export["data"]!.AsObject()), locale: "zh-CN");
        Assert.Null(card);
        Assert.Equal("华东一组2026年度考评（XLSX文件）。", MessageOf(answer));
        var consent = FileConsents.Sent(_connector);
        Assert.Equal("年度考评_华东一组_2026年.xlsx", consent["name"]!.GetValue<string>());
        await using var drive = await LocalOneDrive.StartAsync();
        var rows = await FileConsents.AcceptAsync(_bot, _connector, drive, TeamsUser.LiNa, consent, "zh-CN");

        Assert.Equal(3, rows.Count);
        Assert.Equal(
            ["客户经理", "团队", "年度", "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月", "第1季度", "第2季度", "第3季度", "第4季度",
                "年度得分", "已发布月数", "组内排名", "全公司排名", "技能评估均分（满分5分）", "总体评价", "状态", "建议", "决定", "理由", "决定人"],
            rows[0]);
        Assert.Equal(
            ["Chen Jie 陈杰", "华东一组", "2026", "81", "82", "", "84", "85", "86", "87", "88", "89", "90", "91", "95", "85", "", "87", "88",
                "87.1", "11", "1", "2", "3.7", "好", "已提出建议", "列入本组年度优秀", "", "", ""],
            rows[1]);
        Assert.Equal(["Wang Lei 王磊", "华东一组", "2026", .. Enumerable.Repeat("70", 12), "", "", "", "", "70", "12", "2", "3", "", "一般", "已决定", "列入本组年度末位", "改进计划", "计划执行差", "Liu Yang 刘洋"],
            rows[2]);

        // A manager is refused the export; a year not written as one is refused.
        Assert.Equal("年度考评由组长、组长的上级和管理员导出；输入“我的年度考评”可查看您本人的考评。", await TextReplyAsync(TeamsUser.ChenJie, "年度考评导出", "zh-CN"));
        Assert.Equal("Write the year as YYYY, e.g. annual export 2026.", await TextReplyAsync(TeamsUser.LiNa, "annual export 26"));
    }

    [Fact]
    public async Task TheYearUnderWay_IsNotSubmitted_AndAFutureYearIsRefused()
    {
        var (card, _) = await OpenAsync(TeamsUser.LiNa, "chen-jie", "2027");
        Assert.Equal($"2027 is not over yet: the review is submitted from {En(new DateOnly(2028, 1, 1))}.", Text(card!, "status"));
        Assert.Null(Action(card!, AnnualCards.SubmitVerb));
        Assert.Null(ById(card!, AnnualCards.EvaluationInput));
        Assert.Equal("No monthly scorecard published this year: no yearly score, not ranked", Text(card!, "score"));
        var (_, refused) = await _t.ExecuteAsync(TeamsUser.LiNa, AnnualCards.SubmitVerb, Submit("chen-jie", "Too early", "2027"));
        Assert.Equal($"2027 is not over yet: the review is submitted from {En(new DateOnly(2028, 1, 1))}.", MessageOf(refused));
        Assert.Empty(await ReviewsAsync());
        Assert.Equal("2028 has not begun yet; choose a year that has.", await TextReplyAsync(TeamsUser.LiNa, "annual 2028"));
        Assert.Equal("Write the year as YYYY, e.g. annual 2026 or annual 2026 Chen Jie.", await TextReplyAsync(TeamsUser.LiNa, "annual 26"));
    }

    [Fact]
    public async Task WrongPeople_AndAnotherTenant_AreRefused()
    {
        await using (var db = _bot.CreateDbContext())
        {
            db.Teams.Add(new Team { Id = "west-9", TenantId = "other-tenant", NameEn = "West 9", NameZh = "西九组", MeetingTime = new TimeOnly(8, 30) });
            db.People.Add(new Person { Id = "ma-li", TenantId = "other-tenant", AadObjectId = Guid.NewGuid().ToString(), DisplayName = "Ma Li 马丽", TeamId = "west-9" });
            db.Add(new AnnualReview
            {
                Id = Guid.NewGuid(), TenantId = "other-tenant", TeamId = "west-9", ManagerId = "ma-li", Year = 2026, State = AnnualState.Proposed, Evaluation = "x",
                SubmittedById = "someone", Proposal = AnnualProposal.Bottom, DeciderId = "liu-yang", ConcurrencyStamp = Guid.NewGuid(),
            });
            await db.SaveChangesAsync();
        }

        // A manager: never another's review, never the team's.
        Assert.Equal("年度考评由组长填写，组长的上级和管理员可以查看；您的年度考评完成后会发给您。", await TextReplyAsync(TeamsUser.ChenJie, "年度考评 2026 王磊", "zh-CN"));
        // Wang Lei leads East 2, not East 1: neither Chen Jie's review nor his own.
        Assert.Equal("Chen Jie 陈杰 is not in a team you lead or oversee; only Chen Jie 陈杰's lead chain and admins see Chen Jie 陈杰's yearly review.",
            await TextReplyAsync(TeamsUser.WangLei, "annual Chen Jie"));
        Assert.Equal("You do not review yourself; your own lead does.", await TextReplyAsync(TeamsUser.WangLei, "annual Wang Lei"));
        var (_, refused) = await _t.ExecuteAsync(TeamsUser.WangLei, AnnualCards.SubmitVerb, Submit("chen-jie", "Fine"));
        Assert.Equal("Only the lead of East District 1 or a delegate submits Chen Jie 陈杰's yearly review.", MessageOf(refused));
        // The lead chain reads a team it oversees and does not submit for it (Liu Yang is above East 2's lead, not its delegate).
        var (card, _) = await OpenAsync(TeamsUser.LiuYang, "zhao-min", locale: "zh-CN");
        Assert.Null(Action(card!, AnnualCards.SubmitVerb));
        Assert.Equal("组长尚未提交此考评。", Text(card!, "status"));

        // Another tenant's manager and review do not exist here.
        Assert.Equal("There is no account manager called “Ma Li” here. Type **annual** to see your teams.", await TextReplyAsync(TeamsUser.LiNa, "annual Ma Li"));
        (_, refused) = await OpenAsync(TeamsUser.LiNa, "ma-li");
        Assert.Equal("There is no account manager called “ma-li” here. Type **annual** to see your teams.", MessageOf(refused));
        var other = Assert.Single(await ReviewsAsync());
        (_, refused) = await _t.ExecuteAsync(TeamsUser.LiuYang, AnnualCards.DecideVerb, Decide(other.Id, "keep", "x"));
        Assert.Equal("This card is out of date. Type **help** to start again.", MessageOf(refused));
        Assert.Null(Assert.Single(await ReviewsAsync()).Decision);
    }
}
