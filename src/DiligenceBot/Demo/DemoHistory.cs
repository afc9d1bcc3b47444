using System.Globalization;
using DiligenceBot.Audit;
using DiligenceBot.Coaching;
using DiligenceBot.Data;
using DiligenceBot.Organisation;
using DiligenceBot.Reviews;
using DiligenceBot.Scheduling;
using DiligenceBot.Transfers;
using DiligenceBot.WorkLogs;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Demo;

/// <summary>What the demo history wrote.</summary>
public sealed record DemoHistoryCounts(int Logs, int Reviews, int Forms, int Observations, int Pulses, int Decisions, int Actions);

/// <summary>
/// About 60 working days of history for the demo organisation (seeds/directory.json), so a first run shows real
/// content: every manager's logs with revisions, reviews, returns and ratings, transfer forms in every state, the
/// leads' observations, the monthly pulses, coaching decisions and their actions, and last months' digest snapshots.
/// Deterministic: a fixed seed, every date counted back from today on the app's clock, working days and deadlines from
/// the team's own calendar and meeting (<see cref="ScheduleMath"/>), form numbers, routing and deadlines from
/// <see cref="TransferRegister"/>, coaching actions from the playbooks. Each manager follows a pattern the coaching
/// rules recognise as a different type: Wang Lei a strong start and weak finish each month, Chen Jie complacent
/// (good results slipping, the same requirement returned again and again), Zhao Min excellent, Sun Hao lacking
/// initiative (late and missing logs, a low motivation answer, hardly any forms).
/// </summary>
public sealed class DemoHistory(DiligenceDbContext db, TransferRegister transfers, HolidayCalendars calendars, CoachingLibrary library, TimeProvider time)
{
    /// <summary>The demo organisation's tenant (seeds/directory.json and .m365agentsplayground.yml).</summary>
    public const string TenantId = "fe71a704-0ed8-44e8-a9d0-9a48917cced0";

    /// <summary>Working days of history per manager.</summary>
    public const int WorkingDays = 60;

    private const int Seed = 20261128;

    private static readonly string[] Managers = ["wang-lei", "chen-jie", "zhao-min", "sun-hao"];

    private readonly Random _random = new(Seed);
    private readonly List<AuditEntry> _audit = [];

    /// <summary>
    /// True when the demo organisation is in the database and nothing has happened in it yet (no log, no form, no
    /// decision): the only state in which history is written.
    /// </summary>
    public async Task<bool> IsEmptyDemoAsync(CancellationToken cancellationToken)
    {
        var people = await db.People.CountAsync(p => p.TenantId == TenantId && Managers.Contains(p.Id) && p.TeamId != null, cancellationToken);
        return people == Managers.Length
            && !await db.WorkLogs.AnyAsync(l => l.TenantId == TenantId, cancellationToken)
            && !await db.Set<TransferForm>().AnyAsync(f => f.TenantId == TenantId, cancellationToken)
            && !await db.Set<CoachingAssessment>().AnyAsync(a => a.TenantId == TenantId, cancellationToken)
            && !await db.Set<PulseResponse>().AnyAsync(p => p.TenantId == TenantId, cancellationToken);
    }

    /// <summary>Writes the history when the demo database is empty; returns what was written (null: nothing, it was not empty).</summary>
    public async Task<DemoHistoryCounts?> WriteIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (!await IsEmptyDemoAsync(cancellationToken))
        {
            return null;
        }

        // In UTC whatever the clock hands out (a test clock may carry an offset): every instant written is UTC.
        var now = time.GetUtcNow().ToUniversalTime();
        var people = await db.People.AsNoTracking().Where(p => p.TenantId == TenantId && Managers.Contains(p.Id)).ToDictionaryAsync(p => p.Id, StringComparer.Ordinal, cancellationToken);
        var teams = await db.Teams.AsNoTracking().Where(t => t.TenantId == TenantId).ToDictionaryAsync(t => t.Id, StringComparer.Ordinal, cancellationToken);
        var plans = Managers.Select(id => Plan.For(people[id], teams[people[id].TeamId!])).ToList();

        var logs = 0;
        var reviews = 0;
        var pulses = 0;
        List<LeadObservation> observations;
        int decisions;
        int actions;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            foreach (var plan in plans)
            {
                var schedule = calendars.ScheduleOf(plan.Team);
                foreach (var log in Logs(plan, schedule, now))
                {
                    db.WorkLogs.Add(log);
                    logs++;
                    reviews += log.Reviews.Count;
                }

                var monthPulses = Pulses(plan, schedule, now).ToList();
                db.Set<PulseResponse>().AddRange(monthPulses);
                pulses += monthPulses.Count;
                db.Set<CoachingSnapshot>().AddRange(Snapshots(plan, now));
            }

            observations = Observations(plans, now).ToList();
            db.Set<LeadObservation>().AddRange(observations);
            (decisions, actions) = Decisions(plans, now);
            db.Set<AuditEntry>().AddRange(_audit);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
        _audit.Clear();

        // Forms last, each numbered by the register in the order sent (its own short transaction per form, as in use).
        var forms = await FormsAsync(plans, now, cancellationToken);
        db.Set<AuditEntry>().AddRange(_audit);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new DemoHistoryCounts(logs, reviews, forms, observations.Count, pulses, decisions, actions);
    }

    /// <summary>How one manager works: the knobs the coaching rules read.</summary>
    private sealed record Plan(
        Person Manager,
        Team Team,
        bool English,
        Func<DateOnly, int, double> OnTime,
        Func<DateOnly, int, double> Rating,
        double Missing,
        double Returns,
        bool LeadRepeatsOneRequirement,
        double FormsPerMonth,
        (int Confidence, int Motivation, int Fairness) Pulse)
    {
        /// <param name="age">Working days before the last day of history (0 = the last).</param>
        public static Plan For(Person manager, Team team) => manager.Id switch
        {
            // Early in the month on time and rated well; from the 21st late and rated lower.
            "wang-lei" => new Plan(manager, team, true,
                (day, _) => day.Day <= 10 ? 0.97 : day.Day >= 21 ? 0.3 : 0.9,
                (day, _) => day.Day >= 21 ? 2.8 : 4.4,
                0.0, 0.05, false, 2.0, (4, 4, 4)),
            // Dependable and well rated until about five weeks ago, slipping since; the same requirement keeps coming back.
            "chen-jie" => new Plan(manager, team, false,
                (_, _) => 0.95,
                (_, age) => age < 20 ? 3.6 : 4.6,
                0.0, 0.1, true, 1.5, (4, 3, 4)),
            // On time, well rated, no returns, valuable forms.
            "zhao-min" => new Plan(manager, team, false,
                (_, _) => 0.99,
                (_, _) => 4.7,
                0.0, 0.0, false, 3.0, (5, 5, 4)),
            // Often late or missing, hardly a form, and says his motivation is low.
            _ => new Plan(manager, team, true,
                (_, _) => 0.55,
                (_, _) => 3.3,
                0.1, 0.08, false, 0.3, (3, 2, 3)),
        };
    }

    // ---- Work logs -----------------------------------------------------------------------------------------------

    private IEnumerable<WorkLog> Logs(Plan plan, TeamSchedule schedule, DateTimeOffset now)
    {
        var days = History(schedule, now);
        var lead = plan.Team.LeadId!;
        var requirement = plan.English ? "List every customer by their full name, not a nickname." : "客户名称写全称，不要用简称。";
        for (var i = 0; i < days.Count; i++)
        {
            var day = days[i];
            var age = days.Count - 1 - i;
            if (_random.NextDouble() < plan.Missing)
            {
                continue;
            }

            var deadline = ScheduleMath.LogDeadline(schedule, day).ToUniversalTime();
            var onTime = _random.NextDouble() < plan.OnTime(day, age);
            var submitted = onTime ? deadline - Minutes(20, 14 * 60) : deadline + Minutes(5, 6 * 60);
            if (submitted >= now)
            {
                continue;
            }

            var log = new WorkLog
            {
                Id = NewGuid(),
                TenantId = TenantId,
                TeamId = plan.Team.Id,
                ManagerId = plan.Manager.Id,
                WorkDate = day,
                Status = WorkLogStatus.Submitted,
                CurrentRevision = 1,
                OnTime = onTime,
                FirstSubmittedAt = submitted,
                LastSubmittedAt = submitted,
                ConcurrencyStamp = NewGuid(),
            };
            log.Revisions.Add(Revision(plan, 1, day, submitted, onTime));
            Audit(submitted, plan.Manager.Id, "worklog.submitted", "WorkLog", log.Id.ToString(), 1, WorkLogCards.SubmitVerb);

            // The lead reviews within the working day; the newest logs may still be waiting.
            var reviewedAt = submitted + Minutes(40, 9 * 60);
            if (reviewedAt >= now || (age == 0 && _random.NextDouble() < 0.5))
            {
                yield return log;
                continue;
            }

            var rating = Rating(plan.Rating(day, age));
            var returned = plan.Returns > 0 && (_random.NextDouble() < plan.Returns || (plan.LeadRepeatsOneRequirement && age % 9 == 4));
            if (!returned)
            {
                Decide(log, lead, ReviewDecision.Approved, 1, _random.NextDouble() < 0.9 ? rating : null, reviewedAt, _random.NextDouble() < 0.25 ? Praise(plan.English) : null);
                if (rating == 5 && _random.NextDouble() < 0.3)
                {
                    // Marked as an example for the team.
                    log.PraisedById = lead;
                    log.PraisedAt = reviewedAt;
                }

                yield return log;
                continue;
            }

            var comment = plan.LeadRepeatsOneRequirement
                ? (Evaluation: plan.English ? "The visits are there, the details are not." : "拜访记录有了，细节不够。", Requirement: requirement, Suggestion: (string?)null)
                : ReturnComment(plan.English);
            Decide(log, lead, ReviewDecision.Returned, 1, Math.Min(rating, 3), reviewedAt, comment);
            var resubmitted = reviewedAt + Minutes(30, 5 * 60);
            if (resubmitted >= now)
            {
                yield return log;
                continue;
            }

            log.Revisions.Add(Revision(plan, 2, day, resubmitted, onTime));
            log.CurrentRevision = 2;
            log.Status = WorkLogStatus.Submitted;
            log.LastSubmittedAt = resubmitted;
            Audit(resubmitted, plan.Manager.Id, "worklog.submitted", "WorkLog", log.Id.ToString(), 2, WorkLogCards.SubmitVerb);
            var approvedAt = resubmitted + Minutes(30, 6 * 60);
            if (approvedAt < now)
            {
                Decide(log, lead, ReviewDecision.Approved, 2, Math.Min(5, rating + 1), approvedAt, null);
            }

            yield return log;
        }
    }

    private void Decide(WorkLog log, string leadId, ReviewDecision decision, int revision, int? rating, DateTimeOffset at, (string? Evaluation, string? Requirement, string? Suggestion)? comment)
    {
        log.Reviews.Add(new WorkLogReview
        {
            WorkLogId = log.Id,
            RevisionNumber = revision,
            ReviewerId = leadId,
            Decision = decision,
            Evaluation = comment?.Evaluation,
            Requirement = comment?.Requirement,
            Suggestion = comment?.Suggestion,
            QualityRating = rating,
            DecidedAt = at,
        });
        log.Status = decision == ReviewDecision.Approved ? WorkLogStatus.Approved : WorkLogStatus.Returned;
        log.QualityRating = rating;
        log.ReviewedById = leadId;
        log.ReviewedAt = at;
        Audit(at, leadId, decision == ReviewDecision.Approved ? "worklog.approved" : "worklog.returned", "WorkLog", log.Id.ToString(), revision,
            decision == ReviewDecision.Approved ? WorkLogCards.ApproveVerb : WorkLogCards.ReturnVerb);
    }

    private (string? Evaluation, string? Requirement, string? Suggestion) ReturnComment(bool english)
    {
        string[][] comments = english
            ?
            [
                ["Too short for a full day.", "Say what each customer ordered.", "Note the competitor's price when you see it."],
                ["The plan is vague.", "Name the shops you will visit today.", "Group the visits by street to save time."],
                ["Good market notes.", "Write who should solve each problem you report.", "Call logistics first when a shop runs out."],
            ]
            :
            [
                ["内容太简单，看不出一天的工作。", "写清楚每个客户的订货情况。", "看到竞品价格时顺手记下来。"],
                ["计划不够具体。", "今日计划要具体到客户和时间。", "同一条街的客户可以安排在同一天。"],
                ["市场信息写得不错。", "问题与需求要写明需要谁来解决。", "遇到断货先联系物流再上报。"],
            ];
        var c = comments[_random.Next(comments.Length)];
        return (c[0], c[1], _random.NextDouble() < 0.7 ? c[2] : null);
    }

    /// <summary>The comment of an approval with a comment (an evaluation, sometimes a suggestion).</summary>
    private (string? Evaluation, string? Requirement, string? Suggestion) Praise(bool english)
    {
        string[][] comments = english
            ?
            [
                ["Clear and complete; the market notes are useful.", "Keep writing the competitor's prices."],
                ["A good day's work, well planned."],
            ]
            :
            [
                ["内容详实，计划具体。", "继续保持记录竞品价格的习惯。"],
                ["市场信息很有价值，已转给品牌部。"],
            ];
        var c = comments[_random.Next(comments.Length)];
        return (c[0], null, c.Length > 1 ? c[1] : null);
    }

    private WorkLogRevision Revision(Plan plan, int number, DateOnly day, DateTimeOffset at, bool onTime)
    {
        string[] customers = plan.English
            ? ["Huamei Store", "Xinhua Kiosk", "East Street Tobacco & Wine", "Station Convenience", "Riverside Supermarket", "Lucky Newsstand"]
            : ["华美便利店", "新华报亭", "东街烟酒行", "车站便利店", "滨江超市", "好运报刊亭"];
        string[] market = plan.English
            ? ["A competitor is offering 5% off to kiosks near the station.", "The new slim brand sells out by Thursday.", "Two shops ask for more display material.", ""]
            : ["竞品在车站附近的报亭降价促销，每条便宜5元。", "新上市的细支烟周四前就卖完了。", "两家店希望增加陈列物料。", ""];
        string[] plans = plan.English
            ? ["Visit the three new shops on Nanjing Road.", "Follow up the display at Riverside Supermarket.", "Collect the orders in the east market."]
            : ["拜访南京路新开的三家店。", "跟进滨江超市的陈列情况。", "收集东市场片区的订单。"];
        var visited = customers.OrderBy(_ => _random.Next()).Take(2 + _random.Next(3)).ToList();
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["visits"] = (8 + _random.Next(10) + number).ToString(CultureInfo.InvariantCulture),
            ["customers"] = string.Join("\n", visited),
            ["volume"] = (6 + _random.Next(30)).ToString(CultureInfo.InvariantCulture), // cases
            ["focus"] = new[] { "routine", "routine", "promotion", "display", "new-customer" }[_random.Next(5)],
            ["plan"] = plans[_random.Next(plans.Length)],
        };
        if (market[_random.Next(market.Length)] is { Length: > 0 } news)
        {
            values["market"] = news;
        }

        return new WorkLogRevision
        {
            Number = number,
            Values = values,
            SubmittedAt = at,
            OnTime = onTime,
            SourceActivityId = $"demo:{plan.Manager.Id}:{day:yyyy-MM-dd}:{number}",
        };
    }

    // ---- Pulses, snapshots, observations, decisions ----------------------------------------------------------------

    private IEnumerable<PulseResponse> Pulses(Plan plan, TeamSchedule schedule, DateTimeOffset now)
    {
        var today = plan.Team.LocalDate(now);
        var history = History(schedule, now);
        foreach (var first in history.GroupBy(d => (d.Year, d.Month)).Select(g => g.Min()).Append(today))
        {
            // Pulses go out on the first working day of each month; the months whose first working day is in the history.
            if (ScheduleMath.PreviousWorkingDay(schedule, first) is { } before && before.Month == first.Month)
            {
                continue;
            }

            var answered = (ScheduleMath.MeetingStart(schedule, first) + TimeSpan.FromHours(2) + Minutes(10, 30 * 60)).ToUniversalTime();
            if (answered >= now)
            {
                continue;
            }

            var (confidence, motivation, fairness) = plan.Pulse;
            yield return new PulseResponse
            {
                Id = NewGuid(),
                TenantId = TenantId,
                ManagerId = plan.Manager.Id,
                Month = new DateOnly(first.Year, first.Month, 1),
                Confidence = confidence,
                Motivation = motivation,
                Fairness = fairness,
                AnsweredAt = answered,
            };
        }
    }

    /// <summary>The two previous months' digest snapshots, so the next digest shows what changed (Chen Jie was excellent).</summary>
    private IEnumerable<CoachingSnapshot> Snapshots(Plan plan, DateTimeOffset now)
    {
        var today = plan.Team.LocalDate(now);
        var month = new DateOnly(today.Year, today.Month, 1);
        foreach (var back in new[] { 2, 1 })
        {
            var (type, score) = plan.Manager.Id switch
            {
                "wang-lei" => ((ManagerType?)ManagerType.StrongStartWeakFinish, 0.75),
                "chen-jie" => back == 2 ? (ManagerType.Excellent, 0.8) : (ManagerType.Complacent, 0.7),
                "zhao-min" => (ManagerType.Excellent, 0.95),
                _ => (ManagerType.LacksInitiative, 0.85),
            };
            yield return new CoachingSnapshot
            {
                TenantId = TenantId,
                ManagerId = plan.Manager.Id,
                Month = month.AddMonths(-back),
                SuggestedType = type,
                Score = score,
                TakenAt = now.AddMonths(-back).AddDays(-today.Day + 1),
            };
        }
    }

    private IEnumerable<LeadObservation> Observations(List<Plan> plans, DateTimeOffset now)
    {
        (string Manager, ObservationKind Kind, int DaysAgo, string Note)[] notes =
        [
            ("wang-lei", ObservationKind.Praise, 40, "华美便利店店主当面表扬他服务周到。"),
            ("chen-jie", ObservationKind.Other, 12, "最近拜访时间明显变短，说老客户都熟了。"),
            ("zhao-min", ObservationKind.Praise, 18, "主动帮新同事熟悉片区，客户反馈很好。"),
            ("zhao-min", ObservationKind.Praise, 55, "竞品降价的信息报得又快又准。"),
            ("sun-hao", ObservationKind.FairnessGrievance, 38, "片区调整后觉得自己分到的客户太分散。"),
        ];
        foreach (var (managerId, kind, daysAgo, note) in notes)
        {
            var plan = plans.Single(p => p.Manager.Id == managerId);
            var day = plan.Team.LocalDate(now).AddDays(-daysAgo);
            var at = now.AddDays(-daysAgo).AddHours(-3);
            var observation = new LeadObservation
            {
                Id = NewGuid(),
                TenantId = TenantId,
                ManagerId = managerId,
                Kind = kind,
                Note = note,
                ObservedOn = day,
                RecordedById = plan.Team.LeadId!,
                RecordedAt = at,
            };
            Audit(at, observation.RecordedById, "coaching.observed", "LeadObservation", observation.Id.ToString(), null, null);
            yield return observation;
        }
    }

    /// <summary>
    /// Li Na confirmed "complacent" for Chen Jie three weeks ago (one action done since); Wang Lei first chose
    /// "discontented" for Sun Hao against the suggestion, with a reason, then confirmed the suggestion ten days ago
    /// (the earlier actions closed as "type changed", one of the new ones now overdue).
    /// </summary>
    private (int Decisions, int Actions) Decisions(List<Plan> plans, DateTimeOffset now)
    {
        var decisions = 0;
        var actions = 0;
        void Decide(string managerId, int number, ManagerType suggested, ManagerType chosen, string? reason, int daysAgo, int actionsDone)
        {
            var plan = plans.Single(p => p.Manager.Id == managerId);
            var at = now.AddDays(-daysAgo).AddHours(-2);
            var assessment = new CoachingAssessment
            {
                Id = NewGuid(),
                TenantId = TenantId,
                ManagerId = managerId,
                Number = number,
                SuggestedType = suggested,
                ChosenType = chosen,
                Reason = reason,
                DecidedById = plan.Team.LeadId!,
                DecidedAt = at,
            };
            db.Set<CoachingAssessment>().Add(assessment);
            Audit(at, assessment.DecidedById, "coaching.decided", "CoachingAssessment", assessment.Id.ToString(), null, null);
            decisions++;
            foreach (var stale in db.ChangeTracker.Entries<CoachingAction>().Select(e => e.Entity)
                .Where(a => a.ManagerId == managerId && a.Status == CoachingActionStatus.Open && a.Type != chosen))
            {
                stale.Status = CoachingActionStatus.Skipped;
                stale.ClosedAt = at;
                stale.ClosedById = assessment.DecidedById;
                stale.Note = "type changed";
            }

            var decidedOn = plan.Team.LocalDate(at);
            var done = 0;
            foreach (var action in library[chosen].Actions)
            {
                var due = decidedOn.AddDays(action.DueInDays);
                var closed = done < actionsDone && due.ToDateTime(TimeOnly.MinValue) < now.UtcDateTime;
                done += closed ? 1 : 0;
                db.Set<CoachingAction>().Add(new CoachingAction
                {
                    Id = NewGuid(),
                    TenantId = TenantId,
                    ManagerId = managerId,
                    AssessmentId = assessment.Id,
                    Type = chosen,
                    PlaybookActionId = action.Id,
                    Due = due,
                    Status = closed ? CoachingActionStatus.Done : CoachingActionStatus.Open,
                    ClosedById = closed ? assessment.DecidedById : null,
                    ClosedAt = closed ? due.ToDateTime(new TimeOnly(17, 0), DateTimeKind.Utc) : null,
                });
                actions++;
            }
        }

        Decide("chen-jie", 1, ManagerType.Complacent, ManagerType.Complacent, null, 21, 1);
        Decide("sun-hao", 1, ManagerType.LacksInitiative, ManagerType.Discontented, "他说片区调整后觉得不公平，先把这件事谈开。", 35, 1);
        Decide("sun-hao", 2, ManagerType.LacksInitiative, ManagerType.LacksInitiative, null, 10, 0);
        return (decisions, actions);
    }

    // ---- Transfer forms --------------------------------------------------------------------------------------------

    private async Task<int> FormsAsync(List<Plan> plans, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = await transfers.SettingsAsync(TenantId, cancellationToken);
        if (settings is null)
        {
            return 0;
        }

        var categories = (await transfers.Db.Set<TransferCategory>().AsNoTracking().Where(c => c.TenantId == TenantId && c.Active).OrderBy(c => c.SortOrder).ToListAsync(cancellationToken));
        var posts = (await transfers.PostsAsync(TenantId, cancellationToken)).ToDictionary(p => p.Id, StringComparer.Ordinal);
        var drafts = new List<(Plan Plan, DateTimeOffset SentAt, TransferCategory Category, int Index)>();
        foreach (var plan in plans)
        {
            var schedule = calendars.ScheduleOf(plan.Team);
            var days = History(schedule, now);
            var count = (int)Math.Round(plan.FormsPerMonth * days.Count / 21.0);
            for (var i = 0; i < count; i++)
            {
                // Spread over the history, the newest first for the few-forms manager (Sun Hao's only form is old).
                var day = days[plan.FormsPerMonth < 1 ? _random.Next(days.Count / 3) : _random.Next(days.Count)];
                var sent = (ScheduleMath.MeetingStart(schedule, day) + Minutes(60, 8 * 60)).ToUniversalTime();
                drafts.Add((plan, sent, categories[_random.Next(categories.Count)], drafts.Count));
            }
        }

        // Two forms sent today, so that "forms today" has something on the first run.
        foreach (var (managerId, minutesAgo) in new[] { ("chen-jie", 170), ("zhao-min", 50) })
        {
            var plan = plans.Single(p => p.Manager.Id == managerId);
            var zone = TimeZoneInfo.FindSystemTimeZoneById(plan.Team.TimeZone);
            var startOfToday = new DateTimeOffset(plan.Team.LocalDate(now).ToDateTime(TimeOnly.MinValue), zone.GetUtcOffset(now)).ToUniversalTime();
            var sent = now.AddMinutes(-minutesAgo);
            drafts.Add((plan, sent > startOfToday ? sent : startOfToday.AddMinutes(1 + drafts.Count % 30), categories[drafts.Count % categories.Count], drafts.Count));
        }

        var stored = 0;
        foreach (var (plan, sentAt, category, index) in drafts.OrderBy(d => d.SentAt).ThenBy(d => d.Index))
        {
            var post = await transfers.RouteAsync(category, settings, cancellationToken) ?? posts[settings.FallbackPostId];
            var form = NewForm(plan, category, post, sentAt, index);
            StartDeadlines(form, category, post, sentAt, acknowledgementDue: true);
            await LiveAsync(form, plan, posts, categories, now, index, cancellationToken);
            MarkPassedDeadlines(form, now);
            await transfers.StoreNewAsync(form, settings, cancellationToken);
            transfers.Db.ChangeTracker.Clear();
            stored++;
        }

        return stored;
    }

    private TransferForm NewForm(Plan plan, TransferCategory category, TransferPost post, DateTimeOffset sentAt, int index)
    {
        (string Zh, string En, string? Customer)[] contents =
        [
            ("竞品在车站附近的报亭降价促销，每条便宜5元，已经影响到我们两家客户的销量。", "A competitor cuts 5 yuan a carton at the kiosks near the station; two of our customers already sell less.", "新华报亭"),
            ("华美便利店反映上周到货有两箱外包装破损，要求更换。", "Huamei Store says two cases arrived damaged last week and asks for a replacement.", "华美便利店"),
            ("滨江超市的畅销规格连续两周断货，店主很着急。", "Riverside Supermarket has been out of the best-selling size for two weeks.", "滨江超市"),
            ("零售户希望增加新品的陈列物料和宣传单。", "Retailers ask for more display material and leaflets for the new brand.", null),
            ("有零售户询问明年许可证续期的新规定。", "A retailer asks about next year's licence renewal rules.", "东街烟酒行"),
        ];
        var content = contents[index % contents.Length];
        var form = new TransferForm
        {
            Id = NewGuid(),
            TenantId = TenantId,
            Number = string.Empty,
            DraftId = NewGuid(),
            ProviderId = plan.Manager.Id,
            ProviderTeamId = plan.Team.Id,
            CategoryId = category.Id,
            Urgency = index % 7 == 3 ? TransferUrgency.Urgent : TransferUrgency.Normal,
            Content = plan.English ? content.En : content.Zh,
            Request = index % 2 == 0 ? (plan.English ? "Please answer this week." : "请相关部门本周内答复。") : null,
            Customer = content.Customer,
            PostId = post.Id,
            State = TransferState.Sent,
            Revision = 1,
            SentAt = sentAt,
            ConcurrencyStamp = NewGuid(),
        };
        form.Steps.Add(new TransferStep { FromRevision = 0, Kind = TransferStepKind.Submitted, ActorId = plan.Manager.Id, At = sentAt, ToPostId = post.Id, SourceActivityId = $"demo:form:{index}" });
        Audit(sentAt, plan.Manager.Id, "transfer.submitted", "TransferForm", form.Id.ToString(), 1, null);
        return form;
    }

    /// <summary>
    /// What happened to the form since it was sent, by its age: acknowledged, handled, closed with a rating; one in
    /// seven forwarded to another post first, one in nine reopened once and handled again; most rated by the lead.
    /// </summary>
    private async Task LiveAsync(TransferForm form, Plan plan, Dictionary<string, TransferPost> posts,
        List<TransferCategory> categories, DateTimeOffset now, int index, CancellationToken cancellationToken)
    {
        var category = categories.Single(c => c.Id == form.CategoryId);
        var at = form.SentAt;
        bool Next(double minHours, double maxHours)
        {
            var next = at + TimeSpan.FromHours(minHours + ((maxHours - minHours) * _random.NextDouble()));
            if (next >= now)
            {
                return false;
            }

            at = next;
            return true;
        }

        async Task<string?> ReceiverAsync() => (await transfers.ReceiversAsync(posts[form.PostId], cancellationToken)).Select(r => r.Id).FirstOrDefault();

        if (index % 7 == 5 && Next(0.5, 3) && posts.Values.FirstOrDefault(p => p.Id != form.PostId && p.MemberIds.Count > 0) is { } other && await ReceiverAsync() is { } forwarder)
        {
            form.Steps.Add(Step(form, TransferStepKind.Forwarded, forwarder, at, text: plan.English ? "This is for another department." : "这件事归其他部门处理。", from: form.PostId, to: other.Id));
            form.PostId = other.Id;
            form.State = TransferState.Sent;
            StartDeadlines(form, category, other, at, acknowledgementDue: true);
        }

        if (await ReceiverAsync() is not { } receiver || !Next(0.3, 5))
        {
            return;
        }

        form.State = TransferState.Acknowledged;
        form.ReceivedAt = at;
        form.ReceivedById = receiver;
        form.Steps.Add(Step(form, TransferStepKind.Acknowledged, receiver, at));
        if (Next(2, 30))
        {
            Handle(form, receiver, at);
            if (index % 9 == 2 && Next(1, 20))
            {
                form.State = TransferState.Reopened;
                form.ReopenCount = 1;
                form.ReopenReason = "零售户说问题还没有解决。";
                form.Steps.Add(Step(form, TransferStepKind.Reopened, form.ProviderId, at, text: form.ReopenReason));
                StartDeadlines(form, category, posts[form.PostId], at, acknowledgementDue: false);
                if (Next(2, 20))
                {
                    Handle(form, receiver, at);
                }
            }

            if (form.State == TransferState.Handled && index % 4 != 1 && Next(1, 24))
            {
                form.State = TransferState.Closed;
                form.ClosedAt = at;
                form.HandlingRating = 3 + _random.Next(3);
                form.Steps.Add(Step(form, TransferStepKind.Closed, form.ProviderId, at, rating: form.HandlingRating));
            }
        }

        // The lead rates the information's value at the daily check, for most forms older than a day.
        if (form.SentAt < now.AddDays(-1) && _random.NextDouble() < 0.8)
        {
            form.ValueRating = plan.Manager.Id == "zhao-min" ? 4 + _random.Next(2) : 2 + _random.Next(3);
            form.ValueRatedById = plan.Team.LeadId;
            form.ValueRatedAt = form.SentAt + TimeSpan.FromHours(20);
        }

    }

    private void Handle(TransferForm form, string receiver, DateTimeOffset at)
    {
        form.State = TransferState.Handled;
        form.HandledAt = at;
        form.HandledById = receiver;
        form.HandlingOpinion = "已安排专人跟进，结果见反馈。";
        form.Feedback = "已联系零售户并处理完毕。";
        form.Steps.Add(Step(form, TransferStepKind.Handled, receiver, at, text: form.HandlingOpinion));
    }

    private TransferStep Step(TransferForm form, TransferStepKind kind, string actor, DateTimeOffset at, string? text = null, int? rating = null, string? from = null, string? to = null)
    {
        var step = new TransferStep { FromRevision = form.Revision, Kind = kind, ActorId = actor, At = at, Text = text, Rating = rating, FromPostId = from, ToPostId = to };
        form.Revision++;
        Audit(at, actor, "transfer." + kind.ToString().ToLowerInvariant(), "TransferForm", form.Id.ToString(), form.Revision, null);
        return step;
    }

    /// <summary>The register's deadlines, stored as the app stores every instant: in UTC.</summary>
    private void StartDeadlines(TransferForm form, TransferCategory category, TransferPost post, DateTimeOffset from, bool acknowledgementDue)
    {
        transfers.StartDeadlines(form, category.For(form.Urgency), post, from, acknowledgementDue);
        form.AckDueAt = form.AckDueAt.ToUniversalTime();
        form.AckEscalateAt = form.AckEscalateAt.ToUniversalTime();
        form.HandleDueAt = form.HandleDueAt.ToUniversalTime();
    }

    /// <summary>Deadlines that passed while the form waited are marked as the deadline job would have marked them, so the first run sends no stale reminders.</summary>
    private static void MarkPassedDeadlines(TransferForm form, DateTimeOffset now)
    {
        var acknowledged = form.ReceivedAt ?? now;
        if (form.AckDueAt <= acknowledged && form.AckDueAt <= now)
        {
            form.RemindedAt = form.AckDueAt;
        }

        if (form.AckEscalateAt <= acknowledged && form.AckEscalateAt <= now)
        {
            form.AckEscalatedAt = form.AckEscalateAt;
        }

        var handled = form.IsOpen ? now : form.HandledAt ?? form.ClosedAt ?? now;
        if (form.HandleDueAt <= handled && form.HandleDueAt <= now)
        {
            form.HandleEscalatedAt = form.HandleDueAt;
        }
    }

    // ---- Helpers ---------------------------------------------------------------------------------------------------

    /// <summary>
    /// The last <see cref="WorkingDays"/> working days whose logs were due by <paramref name="now"/> (the team's log covers
    /// the previous working day and is due at the next meeting, or covers the same day), oldest first.
    /// </summary>
    private static List<DateOnly> History(TeamSchedule schedule, DateTimeOffset now)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone);
        var today = ScheduleMath.LocalDate(zone, now);
        DateOnly? last = ScheduleMath.IsWorkingDay(schedule, today) ? today : ScheduleMath.PreviousWorkingDay(schedule, today);
        while (last is { } covered && ScheduleMath.LogDeadline(schedule, covered) > now)
        {
            last = ScheduleMath.PreviousWorkingDay(schedule, covered);
        }

        var days = new List<DateOnly>(WorkingDays);
        for (var d = last; d is { } day && days.Count < WorkingDays; d = ScheduleMath.PreviousWorkingDay(schedule, day))
        {
            days.Add(day);
        }

        days.Reverse();
        return days;
    }

    private void Audit(DateTimeOffset at, string actor, string action, string subjectType, string subjectId, int? revision, string? verb) =>
        _audit.Add(new AuditEntry
        {
            TenantId = TenantId,
            At = at,
            ActorId = actor,
            Action = action,
            SubjectType = subjectType,
            SubjectId = subjectId,
            Revision = revision,
            SourceVerb = verb,
            SourceActivityId = "demo-history",
        });

    private TimeSpan Minutes(int min, int max) => TimeSpan.FromMinutes(_random.Next(min, max));

    private int Rating(double mean)
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        var normal = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        return Math.Clamp((int)Math.Round(mean + (0.5 * normal)), 1, 5);
    }

    private Guid NewGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
