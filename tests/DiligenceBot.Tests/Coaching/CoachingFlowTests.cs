using System.Text.Json.Nodes;
using DiligenceBot.Audit;
using DiligenceBot.Coaching;
using DiligenceBot.Scheduling;
using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.Tests.WorkLogs;
using DiligenceBot.Testing;
using DiligenceBot.WorkLogs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static DiligenceBot.Tests.Transfers.TransferDriver;
using static DiligenceBot.Tests.WorkLogs.WorkLogDriver;

namespace DiligenceBot.Tests.Coaching;

/// <summary>
/// Coaching through /api/messages with the local connector, as each person sees it. East 1: Li Na leads Wang Lei and
/// Chen Jie and reports to Liu Yang; East 2: Wang Lei leads Zhao Min and Sun Hao. So Chen Jie's lead chain is Li Na
/// and Liu Yang; Wang Lei, his colleague, is not in it. The clock is Monday 2026-11-30, 10:00 in Shanghai. Runs on
/// SQLite, and on PostgreSQL when test.sh points the suite at it.
/// </summary>
public sealed class CoachingFlowTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(At(2026, 11, 30, 10, 0));
    private LocalConnector _connector = null!;
    private BotApp _bot = null!;
    private WorkLogDriver _t = null!;

    private static DateTimeOffset At(int y, int mo, int d, int h, int mi) => new(y, mo, d, h, mi, 0, TimeSpan.FromHours(8));

    private static string[] TypeNames => Enum.GetValues<ManagerType>()
        .SelectMany(t => new[] { CoachingCardSchemaTests.Library[t].Name.En, CoachingCardSchemaTests.Library[t].Name.Zh }).ToArray();

    public async Task InitializeAsync()
    {
        _connector = await LocalConnector.StartAsync();
        _bot = new BotApp(time: _time).Start();
        _t = new WorkLogDriver(_bot, _connector);
        await _t.InstallAsync(TeamsUser.WangLei);
        await _t.InstallAsync(TeamsUser.LiNa);
        await _t.InstallAsync(TeamsUser.ChenJie, "zh-CN");
        await _t.InstallAsync(LiuYang, "zh-CN");
        await _t.InstallAsync(ZhaoMin, "zh-CN");
        await _t.InstallAsync(SunHao);
        _connector.Clear();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private Chats Chats => _t.Chats;

    /// <summary>The card the bot answers <paramref name="text"/> with.</summary>
    private async Task<JsonObject> CardReplyAsync(TeamsUser user, string text, string locale = "en-US") => CardOf(await Chats.SayAsync(user, text, locale));

    /// <summary>The text the bot answers <paramref name="text"/> with.</summary>
    private async Task<string> TextReplyAsync(TeamsUser user, string text, string locale = "en-US") => Chats.TextOf(await Chats.SayAsync(user, text, locale));

    private static JsonObject Press(JsonObject card, string verb, params (string Key, string Value)[] typed)
    {
        var data = Copy((Action(card, verb) ?? throw new InvalidOperationException($"no {verb} on {Json(card)}"))["data"]!.AsObject());
        foreach (var (key, value) in typed)
        {
            data[key] = value;
        }

        return data;
    }

    private async Task<JsonObject> OpenAsync(TeamsUser lead, string managerId)
    {
        var (card, answer) = await _t.ExecuteAsync(lead, CoachingCards.OpenVerb, new JsonObject { ["verb"] = CoachingCards.OpenVerb, ["managerId"] = managerId });
        return card ?? throw new InvalidOperationException(Json(answer));
    }

    private async Task ObserveAsync(TeamsUser lead, string managerId, string kind, string note)
    {
        var card = await OpenAsync(lead, managerId);
        var (saved, answer) = await _t.ExecuteAsync(lead, CoachingCards.ObserveVerb,
            Press(card, CoachingCards.ObserveVerb, (CoachingCards.ObservationKindInput, kind), (CoachingCards.ObservationNoteInput, note)));
        Assert.True(saved is not null && Text(saved, "notice") == "Observation saved.", Json(answer));
    }

    [Fact]
    public async Task Coach_OpensTheCard_ForTheManagersLeadChainOnly_AndRefusesEveryoneElseWithoutAnyLabel()
    {
        var lead = await CardReplyAsync(TeamsUser.LiNa, "coach Chen");
        var director = await CardReplyAsync(LiuYang, "辅导 陈杰", "zh-CN");
        var wang = await TextReplyAsync(TeamsUser.WangLei, "coach Chen Jie");
        var chen = await TextReplyAsync(TeamsUser.ChenJie, "辅导 陈杰", "zh-CN");
        var sun = await TextReplyAsync(SunHao, "coach chen-jie");

        Assert.Equal("Coaching: Chen Jie 陈杰", Title(lead));
        Assert.StartsWith("East District 1 · visible only to this manager's lead chain", Text(lead, "confidential"), StringComparison.Ordinal);
        Assert.Equal(("coach.open", TeamsUser.LiNa.Id), (lead["refresh"]!["action"]!["verb"]!.GetValue<string>(), lead["refresh"]!["userIds"]![0]!.GetValue<string>()));
        Assert.NotNull(Action(lead, CoachingCards.DecideVerb));
        Assert.NotNull(Action(lead, CoachingCards.ObserveVerb));
        Assert.Equal("辅导：Chen Jie 陈杰", Title(director));

        Assert.Equal("Only Chen Jie 陈杰's lead chain (their team lead and those the lead reports to) can open their coaching card.", wang);
        Assert.Equal("只有Chen Jie 陈杰的上级（其组长及组长的上级）可以打开其辅导卡片。", chen);
        Assert.Equal("Only Chen Jie 陈杰's lead chain (their team lead and those the lead reports to) can open their coaching card.", sun);
        Assert.Equal("Coaching cards are for leads: nobody in the directory reports to you.", await TextReplyAsync(SunHao, "coach"));
        foreach (var refused in new[] { TeamsUser.WangLei, TeamsUser.ChenJie, SunHao })
        {
            Assert.DoesNotContain(await Chats.SettledSentToAsync(refused), r => TypeNames.Any(n => Json(r.Body!).Contains(n, StringComparison.Ordinal)));
        }

        // A card button pressed by someone outside the chain is refused the same way.
        var (_, pressed) = await _t.ExecuteAsync(TeamsUser.WangLei, CoachingCards.OpenVerb, new JsonObject { ["verb"] = CoachingCards.OpenVerb, ["managerId"] = "chen-jie" });
        Assert.Equal("Only Chen Jie 陈杰's lead chain (their team lead and those the lead reports to) can open their coaching card.", MessageOf(pressed));

        // Two steps up the chain (the lead's own manager) may press it.
        var (fromDirector, _) = await _t.ExecuteAsync(LiuYang, CoachingCards.OpenVerb, new JsonObject { ["verb"] = CoachingCards.OpenVerb, ["managerId"] = "chen-jie" });
        Assert.Equal("Coaching: Chen Jie 陈杰", Title(fromDirector!));
    }

    [Fact]
    public async Task Coach_WithoutAName_OrMatchingSeveral_LetsTheLeadPick_AndAnUnknownNameSaysSo()
    {
        var pick = await CardReplyAsync(TeamsUser.WangLei, "coach");
        var unknown = await CardReplyAsync(LiuYang, "辅导 Xu", "zh-CN");
        var all = await CardReplyAsync(LiuYang, "辅导", "zh-CN");

        Assert.Equal("Whom do you want to coach?", Title(pick));
        Assert.Equal(["Sun Hao 孙浩", "Zhao Min 赵敏"], Actions(pick).Select(a => a["title"]!.GetValue<string>()));
        Assert.Equal("您辅导的人员中没有叫“Xu”的。", Text(unknown, "notice"));
        Assert.Equal(["Chen Jie 陈杰", "Sun Hao 孙浩", "Wang Lei 王磊", "Zhao Min 赵敏"], Actions(all).Select(a => a["title"]!.GetValue<string>()));
    }

    /// <summary>Stores approved logs (rated 4) for every working day of East 1 from <paramref name="from"/> to yesterday.</summary>
    private async Task SeedLogsAsync(string managerId, DateOnly from, Func<DateOnly, bool> onTime)
    {
        await using var db = _bot.CreateDbContext();
        var schedule = _bot.Services.GetRequiredService<HolidayCalendars>().ScheduleOf(await db.Teams.SingleAsync(t => t.Id == "east-1"));
        for (var day = from; day < new DateOnly(2026, 11, 30); day = day.AddDays(1))
        {
            if (!ScheduleMath.IsWorkingDay(schedule, day))
            {
                continue;
            }

            var punctual = onTime(day);
            var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(punctual ? 8 : 11, 0)), TimeSpan.FromHours(8));
            db.WorkLogs.Add(new WorkLog
            {
                Id = Guid.NewGuid(), TenantId = Activities.TenantId, TeamId = "east-1", ManagerId = managerId, WorkDate = day, Status = WorkLogStatus.Approved,
                CurrentRevision = 1, OnTime = punctual, FirstSubmittedAt = at, LastSubmittedAt = at, QualityRating = 4, ConcurrencyStamp = Guid.NewGuid(),
            });
        }

        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task ATeamThatStartedLastWeek_IsNotMissingMonthsOfLogs_ItHasTooLittleDataYet()
    {
        await SeedLogsAsync("chen-jie", new DateOnly(2026, 11, 23), _ => true);

        var card = await OpenAsync(TeamsUser.LiNa, "chen-jie");

        // Five working days: today's log covers today and is not due until tomorrow's meeting, so it is not missing.
        Assert.Equal("Not enough data yet to suggest a type (5 working days in the last 30). Record observations and look again later.", Text(card, "suggestion"));
        Assert.Equal("100%", Facts(card, "figures")["On time (30\u00a0days)"]);
        Assert.Null(ById(card, "reason.0"));
        Assert.Equal("Reason (optional)", ById(card, CoachingCards.ReasonInput)!["label"]!.GetValue<string>());

        // With nothing suggested, the lead may choose any type without giving a reason.
        var (decided, _) = await _t.ExecuteAsync(TeamsUser.LiNa, CoachingCards.DecideVerb, Press(card, CoachingCards.DecideVerb, (CoachingCards.TypeInput, "lacksConfidence")));
        Assert.Equal("Saved: Lacks confidence. The playbook's actions are scheduled below.", Text(decided!, "notice"));
        await using var db = _bot.CreateDbContext();
        var assessment = await db.CoachingAssessments.SingleAsync();
        Assert.Equal(((ManagerType?)null, ManagerType.LacksConfidence, (string?)null), (assessment.SuggestedType, assessment.ChosenType, assessment.Reason));
    }

    [Fact]
    public async Task TheSuggestion_ComesFromTheLogs_WithTheEvidenceInPlainWords()
    {
        // Chen Jie, September to November: on time on the first twenty days of each month, late from the 21st.
        await SeedLogsAsync("chen-jie", new DateOnly(2026, 9, 1), day => day.Day <= 20);

        var card = await OpenAsync(TeamsUser.LiNa, "chen-jie");

        Assert.StartsWith("Strong start, weak finish (strength ", Text(card, "suggestion"), StringComparison.Ordinal);
        Assert.Contains("days 1–10", Text(card, "reason.0"), StringComparison.Ordinal);
        Assert.Contains("100%", Text(card, "reason.0"), StringComparison.Ordinal);
        Assert.Contains("0%", Text(card, "reason.0"), StringComparison.Ordinal);
        Assert.Equal("4.0", Facts(card, "figures")["Average rating (30\u00a0days)"]);
        Assert.StartsWith("**What to do**", Text(card, "playbook.whatToDo"), StringComparison.Ordinal);
        Assert.Contains("Scheduled once you confirm:", Text(card, "playbook.actions"), StringComparison.Ordinal);
        var zh = await CardReplyAsync(LiuYang, "辅导 陈杰", "zh-CN");
        Assert.StartsWith("虎头蛇尾型（强度", Text(zh, "suggestion"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanExecution_IsEvidence_TheCoachingCardNamesIt()
    {
        // Chen Jie's strong start and weak finish, and his September and October plans: visits to his shop that no log records.
        await SeedLogsAsync("chen-jie", new DateOnly(2026, 9, 1), day => day.Day <= 20);
        await using (var db = _bot.CreateDbContext())
        {
            var at = At(2026, 8, 24, 9, 0);
            var shop = new DiligenceBot.Customers.Customer
            {
                TenantId = Activities.TenantId, LicenceNumber = "L-2001", Name = "东方便利", Address = "Nanjing Road 1", District = "Huangpu", Tier = "A", ManagerId = "chen-jie",
                VisitsPerMonth = 2, CreatedAt = at, UpdatedAt = at,
            };
            db.Customers.Add(shop);
            await db.SaveChangesAsync();
            foreach (var month in new[] { new DateOnly(2026, 9, 1), new DateOnly(2026, 10, 1) })
            {
                db.Add(new DiligenceBot.Plans.MarketingPlan
                {
                    Id = Guid.NewGuid(), TenantId = Activities.TenantId, TeamId = "east-1", ManagerId = "chen-jie", Month = month, Status = DiligenceBot.Plans.PlanStatus.Approved,
                    CurrentRevision = 1, OnTime = true, FirstSubmittedAt = at, LastSubmittedAt = at, ConcurrencyStamp = Guid.NewGuid(),
                    Revisions =
                    [
                        new DiligenceBot.Plans.MarketingPlanRevision
                        {
                            Number = 1, Measures = "陈列指导", SubmittedAt = at,
                            Visits = [new(month.AddDays(7), shop.Id), new(month.AddDays(14), shop.Id)],
                        },
                    ],
                });
            }

            await db.SaveChangesAsync();
        }

        var card = await OpenAsync(TeamsUser.LiNa, "chen-jie");

        Assert.StartsWith("Strong start, weak finish (strength ", Text(card, "suggestion"), StringComparison.Ordinal);
        var reasons = Enumerable.Range(0, 10).Select(i => ById(card, $"reason.{i}")?["text"]?.GetValue<string>()).OfType<string>().ToList();
        Assert.Contains(reasons, r => r.Contains("Plan completion averaged 0% over 2 plans in the last 90 days.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheLeadConfirms_TheActionsAreScheduled_AnotherTypeNeedsAReason_AndTheHistoryIsKept()
    {
        await ObserveAsync(TeamsUser.LiNa, "chen-jie", "customerComplaint", "Huamei Store complained he skipped two visits.");
        await ObserveAsync(TeamsUser.LiNa, "chen-jie", "customerComplaint", "Jinjiang Mart says the order was wrong again.");
        var card = await OpenAsync(TeamsUser.LiNa, "chen-jie");
        Assert.StartsWith("Draws customer complaints (strength ", Text(card, "suggestion"), StringComparison.Ordinal);
        Assert.Equal("2", Facts(card, "figures")["Customer complaints recorded (90\u00a0days)"]);
        Assert.Contains("Jinjiang Mart says the order was wrong again.", Text(card, "observations"), StringComparison.Ordinal);
        Assert.Equal("customerComplaints", ById(card, CoachingCards.TypeInput)!["value"]!.GetValue<string>());

        // Confirming the suggestion needs no reason; the same press delivered three times saves once.
        var confirm = Press(card, CoachingCards.DecideVerb, (CoachingCards.TypeInput, "customerComplaints"));
        JsonObject? decided = null;
        for (var i = 0; i < 3; i++)
        {
            (decided, _) = await _t.ExecuteAsync(TeamsUser.LiNa, CoachingCards.DecideVerb, confirm, activityId: "decide-1");
        }

        Assert.Equal("Saved: Draws customer complaints. The playbook's actions are scheduled below.", Text(decided!, "notice"));
        Assert.Equal("Confirmed on 2026\u201111\u201130: Draws customer complaints, by Li Na 李娜", Text(decided!, "current"));
        await using (var db = _bot.CreateDbContext())
        {
            var assessment = await db.CoachingAssessments.SingleAsync();
            Assert.Equal((ManagerType.CustomerComplaints, ManagerType.CustomerComplaints, "li-na", (string?)null),
                (assessment.SuggestedType, assessment.ChosenType, assessment.DecidedById, assessment.Reason));
            var actions = await db.CoachingActions.OrderBy(a => a.Due).ToListAsync();
            Assert.Equal(
                [("complaint-fact-review", new DateOnly(2026, 12, 5)), ("relationship-repair-visit", new DateOnly(2026, 12, 10)), ("service-skills-session", new DateOnly(2026, 12, 14)), ("area-change-discussion-complaints", new DateOnly(2026, 12, 30))],
                actions.Select(a => (a.PlaybookActionId, a.Due)));
            Assert.All(actions, a => Assert.Equal(CoachingActionStatus.Open, a.Status));
            Assert.Single(await db.AuditEntries.Where(a => a.Action == "coaching.decided").ToListAsync());
        }

        Assert.Contains("— due 2026\u201112\u201105", Text(decided!, "action." + ActionIdOf(decided!, 0)), StringComparison.Ordinal);

        // Another type without a reason: refused next to the field, what was chosen kept, nothing stored.
        var change = Press(decided!, CoachingCards.DecideVerb, (CoachingCards.TypeInput, "discontented"), (CoachingCards.ReasonInput, "  "));
        var (missing, _) = await _t.ExecuteAsync(TeamsUser.LiNa, CoachingCards.DecideVerb, change);
        Assert.Equal("Reason is required when you choose another type than the suggestion.", Text(missing!, "error." + CoachingCards.ReasonInput));
        Assert.Equal("discontented", ById(missing!, CoachingCards.TypeInput)!["value"]!.GetValue<string>());
        var (markup, _) = await _t.ExecuteAsync(TeamsUser.LiNa, CoachingCards.DecideVerb, Press(decided!, CoachingCards.DecideVerb, (CoachingCards.TypeInput, "discontented"), (CoachingCards.ReasonInput, "<script>x</script>")));
        Assert.Equal("Reason contains HTML or script markup (< >); please write plain text.", Text(markup!, "error." + CoachingCards.ReasonInput));
        Assert.Equal("<script>x</script>", ById(markup!, CoachingCards.ReasonInput)!["value"]!.GetValue<string>());
        var (unknown, _) = await _t.ExecuteAsync(TeamsUser.LiNa, CoachingCards.DecideVerb, Press(decided!, CoachingCards.DecideVerb, (CoachingCards.TypeInput, "grumpy")));
        Assert.Equal("Choose one of the seven types.", Text(unknown!, "error." + CoachingCards.TypeInput));
        await using (var db = _bot.CreateDbContext())
        {
            Assert.Equal(1, await db.CoachingAssessments.CountAsync());
        }

        // With a reason: saved; the complaint actions are closed as skipped, the new playbook's scheduled.
        var (changed, _) = await _t.ExecuteAsync(TeamsUser.LiNa, CoachingCards.DecideVerb,
            Press(decided!, CoachingCards.DecideVerb, (CoachingCards.TypeInput, "discontented"), (CoachingCards.ReasonInput, "The complaints follow his area change; he feels it was unfair.")));
        Assert.Equal("Confirmed on 2026\u201111\u201130: Discontented, by Li Na 李娜", Text(changed!, "current"));
        Assert.Equal("Reason: The complaints follow his area change; he feels it was unfair.", Text(changed!, "current.reason"));
        Assert.Contains("Draws customer complaints", Text(changed!, "history"), StringComparison.Ordinal);
        await using (var db = _bot.CreateDbContext())
        {
            Assert.Equal(2, await db.CoachingAssessments.CountAsync());
            var byStatus = await db.CoachingActions.GroupBy(a => new { a.Type, a.Status }).Select(g => new { g.Key.Type, g.Key.Status, Count = g.Count() }).ToListAsync();
            Assert.Contains(byStatus, g => g.Type == ManagerType.CustomerComplaints && g.Status == CoachingActionStatus.Skipped && g.Count == 4);
            Assert.Contains(byStatus, g => g.Type == ManagerType.Discontented && g.Status == CoachingActionStatus.Open && g.Count == 3);
        }

        // The old card (based on the first decision) is answered with the current state, nothing saved from it.
        var (stale, _) = await _t.ExecuteAsync(LiuYang, CoachingCards.DecideVerb, Press(decided!, CoachingCards.DecideVerb, (CoachingCards.TypeInput, "excellent"), (CoachingCards.ReasonInput, "Best in the region")), locale: "zh-CN");
        Assert.Equal("Li Na 李娜刚刚已作出判断；这是最新的卡片。您卡片上的内容未保存。", Text(stale!, "notice"));
        Assert.Equal("Best in the region", ById(stale!, CoachingCards.ReasonInput)!["value"]!.GetValue<string>());
        await using (var db = _bot.CreateDbContext())
        {
            Assert.Equal(2, await db.CoachingAssessments.CountAsync());
        }
    }

    private static string ActionIdOf(JsonObject card, int index) =>
        Actions(card).Where(a => a["verb"]?.GetValue<string>() == CoachingCards.ActionVerb).Select(a => a["data"]!["actionId"]!.GetValue<string>()).Distinct().ElementAt(index);

    [Fact]
    public async Task ActionsAreRecordedDoneOrSkipped_Once_AndOnlyByTheLeadChain()
    {
        var card = await OpenAsync(TeamsUser.LiNa, "chen-jie");
        var (decided, _) = await _t.ExecuteAsync(TeamsUser.LiNa, CoachingCards.DecideVerb,
            Press(card, CoachingCards.DecideVerb, (CoachingCards.TypeInput, "excellent"), (CoachingCards.ReasonInput, "Top volumes three months running")));
        var first = ActionIdOf(decided!, 0);
        var done = new JsonObject { ["verb"] = CoachingCards.ActionVerb, ["actionId"] = first, ["outcome"] = "done" };

        var (_, refused) = await _t.ExecuteAsync(TeamsUser.WangLei, CoachingCards.ActionVerb, done);
        Assert.Equal("Only Chen Jie 陈杰's lead chain (their team lead and those the lead reports to) can open their coaching card.", MessageOf(refused));
        var (recorded, _) = await _t.ExecuteAsync(TeamsUser.LiNa, CoachingCards.ActionVerb, done);
        Assert.Equal("Recorded as done: " + CoachingCardSchemaTests.Library.FindAction(ManagerType.Excellent, "public-praise-daily-meeting")!.En, Text(recorded!, "notice"));
        Assert.Null(ById(recorded!, "action." + first));
        var (again, _) = await _t.ExecuteAsync(LiuYang, CoachingCards.ActionVerb, new JsonObject { ["verb"] = CoachingCards.ActionVerb, ["actionId"] = first, ["outcome"] = "skipped" }, locale: "zh-CN");
        Assert.Equal("此行动已有记录（已完成）；未做任何更改。", Text(again!, "notice"));
        var (_, bad) = await _t.ExecuteAsync(TeamsUser.LiNa, CoachingCards.ActionVerb, new JsonObject { ["verb"] = CoachingCards.ActionVerb, ["actionId"] = Guid.NewGuid().ToString(), ["outcome"] = "done" });
        Assert.Equal("This action does not exist (or belongs to another organisation).", MessageOf(bad));

        await using var db = _bot.CreateDbContext();
        var action = await db.CoachingActions.SingleAsync(a => a.Id == Guid.Parse(first));
        Assert.Equal((CoachingActionStatus.Done, "li-na"), (action.Status, action.ClosedById));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "coaching.action-done"));
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action == "coaching.action-skipped"));
    }

    [Fact]
    public async Task AnObservationWithBadInput_IsMarkedInTheCard_KeepsWhatWasTyped_AndStoresNothing()
    {
        var card = await OpenAsync(TeamsUser.LiNa, "chen-jie");
        var (bad, _) = await _t.ExecuteAsync(TeamsUser.LiNa, CoachingCards.ObserveVerb,
            Press(card, CoachingCards.ObserveVerb, (CoachingCards.ObservationKindInput, "gossip"), (CoachingCards.ObservationNoteInput, new string('x', 501))));
        Assert.StartsWith("Please fix what is marked; nothing was saved yet.", Text(bad!, "errors"), StringComparison.Ordinal);
        Assert.Contains("Choose what kind of observation this is.", Text(bad!, "errors"), StringComparison.Ordinal);
        Assert.Contains("Note may have at most 500 characters (now 501).", Text(bad!, "errors"), StringComparison.Ordinal);
        Assert.Equal(new string('x', 501), ById(bad!, CoachingCards.ObservationNoteInput)!["value"]!.GetValue<string>());
        var (empty, _) = await _t.ExecuteAsync(LiuYang, CoachingCards.ObserveVerb, Press(card, CoachingCards.ObserveVerb, (CoachingCards.ObservationKindInput, "praise")), locale: "zh-CN");
        Assert.Contains("请填写“说明”。", Text(empty!, "errors"), StringComparison.Ordinal);
        Assert.Equal("praise", ById(empty!, CoachingCards.ObservationKindInput)!["value"]!.GetValue<string>());

        await using var db = _bot.CreateDbContext();
        Assert.Equal(0, await db.Set<LeadObservation>().CountAsync());
        Assert.Equal(0, await db.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task ATip_ReachesTheManager_InTheirLanguage_NamingNoType_AndOnceForOnePress()
    {
        var card = await OpenAsync(TeamsUser.LiNa, "chen-jie");
        Assert.Null(Action(card, CoachingCards.TipVerb));
        var (decided, _) = await _t.ExecuteAsync(TeamsUser.LiNa, CoachingCards.DecideVerb,
            Press(card, CoachingCards.DecideVerb, (CoachingCards.TypeInput, "lacksConfidence"), (CoachingCards.ReasonInput, "Hesitant with the new large stores")));
        var preview = Text(decided!, "tip");
        Assert.Equal(CoachingCardSchemaTests.Library[ManagerType.LacksConfidence].ManagerTips[0].En, preview);

        var press = Press(decided!, CoachingCards.TipVerb);
        var (sent, _) = await _t.ExecuteAsync(TeamsUser.LiNa, CoachingCards.TipVerb, press);
        await _t.ExecuteAsync(TeamsUser.LiNa, CoachingCards.TipVerb, press);
        Assert.Equal("Tip sent to Chen Jie 陈杰.", Text(sent!, "notice"));
        Assert.Equal(CoachingCardSchemaTests.Library[ManagerType.LacksConfidence].ManagerTips[1].En, Text(sent!, "tip"));

        var tip = CardOf(await Chats.NotifiedAsync(TeamsUser.ChenJie, CoachingDesk.TipKind));
        Assert.Equal("工作小建议", Title(tip));
        Assert.Equal(CoachingCardSchemaTests.Library[ManagerType.LacksConfidence].ManagerTips[0].Zh, Text(tip, "tip"));
        Assert.Equal("由Li Na 李娜通过勤勉助手分享。", Text(tip, "from"));
        Assert.DoesNotContain(TypeNames, n => Json(tip).Contains(n, StringComparison.Ordinal));
        Assert.Single(await Chats.SettledSentToAsync(TeamsUser.ChenJie));
    }

    [Fact]
    public async Task ThePulse_IsAnsweredByTheManager_ValidatedWithAnswersKept_AndShowsOnTheLeadsCard()
    {
        await SeedLogsAsync("chen-jie", new DateOnly(2026, 9, 1), _ => true);
        var pulse = await CardReplyAsync(TeamsUser.ChenJie, "月度状态", "zh-CN");
        Assert.Equal($"月度状态 · {ZhMonth(11)}", Title(pulse));

        var (bad, _) = await _t.ExecuteAsync(TeamsUser.ChenJie, CoachingCards.PulseSubmitVerb,
            Press(pulse, CoachingCards.PulseSubmitVerb, (CoachingCards.ConfidenceInput, "4"), (CoachingCards.MotivationInput, "9")), locale: "zh-CN");
        Assert.Equal("请回答每个问题；尚未保存。", Text(bad!, "errors"));
        Assert.Equal("请选择1到5之间的数值。", Text(bad!, "error." + CoachingCards.MotivationInput));
        Assert.Equal("请选择1到5之间的数值。", Text(bad!, "error." + CoachingCards.FairnessInput));
        Assert.Equal("4", ById(bad!, CoachingCards.ConfidenceInput)!["value"]!.GetValue<string>());
        await using (var db = _bot.CreateDbContext())
        {
            Assert.Equal(0, await db.Set<PulseResponse>().CountAsync());
        }

        var answer = Press(pulse, CoachingCards.PulseSubmitVerb, (CoachingCards.ConfidenceInput, "4"), (CoachingCards.MotivationInput, "3"), (CoachingCards.FairnessInput, "1"));
        var (thanks, _) = await _t.ExecuteAsync(TeamsUser.ChenJie, CoachingCards.PulseSubmitVerb, answer, locale: "zh-CN");
        Assert.Equal("谢谢，您的回答已记录。", Text(thanks!, "notice"));
        var (updated, _) = await _t.ExecuteAsync(TeamsUser.ChenJie, CoachingCards.PulseSubmitVerb,
            Press(pulse, CoachingCards.PulseSubmitVerb, (CoachingCards.ConfidenceInput, "4"), (CoachingCards.MotivationInput, "2"), (CoachingCards.FairnessInput, "1")), locale: "zh-CN");
        Assert.Equal("谢谢，您的回答已更新。", Text(updated!, "notice"));
        Assert.DoesNotContain(TypeNames, n => Json(updated!).Contains(n, StringComparison.Ordinal));

        var lead = await OpenAsync(TeamsUser.LiNa, "chen-jie");
        Assert.Equal("confidence 4 · motivation 2 · fairness 1 (2026\u201111\u201130)", Facts(lead, "figures")["Latest monthly pulse"]);
        Assert.StartsWith("Discontented (strength ", Text(lead, "suggestion"), StringComparison.Ordinal);

        await using (var db = _bot.CreateDbContext())
        {
            var stored = await db.Set<PulseResponse>().SingleAsync();
            Assert.Equal((new DateOnly(2026, 11, 1), 4, 2, 1), (stored.Month, stored.Confidence, stored.Motivation, stored.Fairness));
        }

        // A lead who is in no team is not asked, and is told why (not that they are in no team).
        Assert.Equal("The monthly pulse is answered by account managers; you lead East District 1, so you read your managers' answers on their coaching cards (type **coach**).", await TextReplyAsync(TeamsUser.LiNa, "pulse"));
    }

    [Fact]
    public async Task TheMonthlyJob_AsksForThePulse_SendsTheLeadsDigest_AndRemindsDueActions_EachOnce()
    {
        // Li Na confirms a type for Chen Jie on Monday; "public praise" is due in two days.
        var card = await OpenAsync(TeamsUser.LiNa, "chen-jie");
        await _t.ExecuteAsync(TeamsUser.LiNa, CoachingCards.DecideVerb,
            Press(card, CoachingCards.DecideVerb, (CoachingCards.TypeInput, "excellent"), (CoachingCards.ReasonInput, "Top volumes three months running")));

        async Task RunJobAsync()
        {
            await using var scope = _bot.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<CoachingJob>().RunAsync(CancellationToken.None);
        }

        // Monday 10:00 is not the first working day of a month: nothing.
        await RunJobAsync();
        await using (var db = _bot.CreateDbContext())
        {
            Assert.Equal(0, await db.Notifications.CountAsync());
        }

        // Tuesday 1 December, 09:00: East 1's meeting (08:30) is not an hour old yet; at 10:01 East 1's and East 2's (09:00) are.
        _time.SetUtcNow(At(2026, 12, 1, 9, 0));
        await RunJobAsync();
        await using (var db = _bot.CreateDbContext())
        {
            Assert.Equal(0, await db.Notifications.CountAsync());
        }

        _time.SetUtcNow(At(2026, 12, 1, 10, 1));
        await RunJobAsync();
        await RunJobAsync();

        var pulse = CardOf(await Chats.NotifiedAsync(TeamsUser.ChenJie, CoachingDesk.PulseKind));
        Assert.Equal($"月度状态 · {ZhMonth(12)}", Title(pulse));
        Assert.Equal("Monthly pulse · December\u00a02026", Title(CardOf(await Chats.NotifiedAsync(TeamsUser.WangLei, CoachingDesk.PulseKind))));
        Assert.Equal($"月度状态 · {ZhMonth(12)}", Title(CardOf(await Chats.NotifiedAsync(ZhaoMin, CoachingDesk.PulseKind))));
        Assert.Equal("Monthly pulse · December\u00a02026", Title(CardOf(await Chats.NotifiedAsync(SunHao, CoachingDesk.PulseKind))));
        var digest = CardOf(await Chats.NotifiedAsync(TeamsUser.LiNa, CoachingDesk.DigestKind));
        Assert.Equal("Coaching digest · East District 1 · December\u00a02026", Title(digest));
        Assert.Contains("Your decision: Excellent", Text(digest, "row.chen-jie.text"), StringComparison.Ordinal);
        Assert.Contains("first digest", Text(digest, "row.chen-jie.text"), StringComparison.Ordinal);
        Assert.Contains("Open actions: 4, overdue: 0", Text(digest, "row.chen-jie.text"), StringComparison.Ordinal);
        Assert.Contains("Your decision: not confirmed yet", Text(digest, "row.wang-lei.text"), StringComparison.Ordinal);
        Assert.Equal("Coaching digest · East District 2 · December\u00a02026", Title(CardOf(await Chats.NotifiedAsync(TeamsUser.WangLei, CoachingDesk.DigestKind))));
        Assert.Equal(2, (await Chats.SettledSentToAsync(TeamsUser.WangLei)).Count);
        Assert.Single(Chats.SentTo(TeamsUser.LiNa));
        await using (var db = _bot.CreateDbContext())
        {
            Assert.Equal(4, await db.Set<CoachingSnapshot>().CountAsync(s => s.Month == new DateOnly(2026, 12, 1)));
            Assert.Equal(4, await db.Notifications.CountAsync(n => n.Kind == CoachingDesk.PulseKind));
            Assert.Equal(2, await db.Notifications.CountAsync(n => n.Kind == CoachingDesk.DigestKind));
            Assert.Equal(0, await db.Notifications.CountAsync(n => n.Kind == CoachingDesk.ActionDueKind));
        }

        // Wednesday 2 December: the praise is due; Li Na is reminded once, again a week later if still open.
        _time.SetUtcNow(At(2026, 12, 2, 9, 31));
        await RunJobAsync();
        await RunJobAsync();
        var reminder = CardOf(await Chats.NotifiedAsync(TeamsUser.LiNa, CoachingDesk.ActionDueKind));
        Assert.Equal("Coaching action for Chen Jie 陈杰", Title(reminder));
        var praise = CoachingCardSchemaTests.Library.FindAction(ManagerType.Excellent, "public-praise-daily-meeting")!.En;
        Assert.Equal("Due today (2026\u201112\u201102): " + praise, Text(reminder, "action"));
        Assert.NotNull(Action(reminder, CoachingCards.ActionVerb));
        _time.SetUtcNow(At(2026, 12, 9, 9, 31));
        await RunJobAsync();
        var week2 = (await Chats.AllNotifiedAsync(TeamsUser.LiNa, CoachingDesk.ActionDueKind)).Skip(1).Select(CardOf).ToList();
        Assert.Equal(2, week2.Count);
        var overdue = Assert.Single(week2, c => Text(c, "action") == "Overdue since 2026\u201112\u201102: " + praise);
        Assert.Single(week2, c => Text(c, "action").StartsWith("Overdue since 2026\u201112\u201107: ", StringComparison.Ordinal));

        // Recorded as done from the reminder: no more reminders for it.
        await _t.ExecuteAsync(TeamsUser.LiNa, CoachingCards.ActionVerb, Press(overdue, CoachingCards.ActionVerb));
        _time.SetUtcNow(At(2026, 12, 16, 9, 31));
        await RunJobAsync();
        await using (var db = _bot.CreateDbContext())
        {
            var praiseId = (await db.CoachingActions.SingleAsync(a => a.PlaybookActionId == "public-praise-daily-meeting")).Id.ToString();
            Assert.Equal([0, 1], await db.Notifications.Where(n => n.Kind == CoachingDesk.ActionDueKind && n.SubjectId == praiseId).Select(n => n.Revision).OrderBy(r => r).ToListAsync());
            Assert.All(await db.Notifications.Where(n => n.Kind == CoachingDesk.ActionDueKind).ToListAsync(), n => Assert.Equal("li-na", n.RecipientId));
        }
    }
}
