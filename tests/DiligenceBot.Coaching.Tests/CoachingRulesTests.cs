using static DiligenceBot.Coaching.ManagerType;
using static DiligenceBot.Coaching.Tests.EvidenceBuilder;

namespace DiligenceBot.Coaching.Tests;

/// <summary>
/// The rules, table-driven with the default thresholds. The default calendar: AsOf Monday 2025-06-30, so the long
/// window holds 64 weekdays (2025-04-02..06-30; 21 on days 1–10, 22 on days 21–30, 43 before June) and the short
/// window is June (21 weekdays: 7 on days 1–10, 8 on days 11–20, 6 on days 21–30).
/// </summary>
public sealed class CoachingRulesTests
{
    /// <summary>One row: the evidence, the exact ranking expected, and for the top candidate its score and reason fragments.</summary>
    private sealed record Case(
        Func<ManagerEvidence> Evidence,
        ManagerType[] Ranking,
        double? TopScore = null,
        string[]? En = null,
        string[]? Zh = null,
        bool Insufficient = false);

    private static EvidenceBuilder Good() => new EvidenceBuilder().Weekdays(rating: 4);

    private static EvidenceBuilder Star() => new EvidenceBuilder().Weekdays(rating: 5);

    private static bool JuneMiddle(DateOnly d) => IsJune(d) && IsMiddle(d);

    private static bool BeforeJuneMiddle(DateOnly d) => d.Month < 6 && IsMiddle(d);

    private static bool Monday(DateOnly d) => d.DayOfWeek == DayOfWeek.Monday;

    private static readonly Dictionary<string, Case> Cases = new()
    {
        // ---- Plain good performer: nothing alarming, and not Excellent unless sustained at the Excellent bar.
        ["Good performer (on time, rated 4) → nothing"] = new(() => Good().Build(), []),
        ["Good performer with a valuable form and praise → nothing (not at the Excellent bar)"] = new(
            () => Good().Transfer(5, 5).Observe(3, ObservationKind.Praise).Build(),
            []),

        // ---- Excellent
        ["Excellent: 40 working days, on time, rated 5 (just over)"] = new(
            () => new EvidenceBuilder().Weekdays(new DateOnly(2025, 5, 6), DefaultAsOf, rating: 5).Build(),
            [Excellent], 0.7,
            ["On time 100% of 40 working days in the last 90 days, 100% in the last 30.", "Average log rating 5.0 over the last 90 days, 5.0 over the last 30; 0 of 40 logs returned.", "No customer complaints"],
            ["近90天40个工作日准时率100%，近30天100%", "近90天没有客户投诉"]),
        ["Excellent: 39 working days (just under: not sustained)"] = new(
            () => new EvidenceBuilder().Weekdays(new DateOnly(2025, 5, 7), DefaultAsOf, rating: 5).Build(),
            []),
        ["Excellent: ratings 4.2 in both windows (Mondays 5, other days 4; just over)"] = new(
            () => Good().Rate(Monday, 5).Build(),
            [Excellent], 0.7,
            ["Average log rating 4.2 over the last 90 days, 4.2 over the last 30; 0 of 64 logs returned."],
            ["近90天日志平均评分4.2，近30天4.2；64篇日志退回0篇"]),
        ["Excellent: short-window rating 4.19 (just under)"] = new(
            () => Good().Rate(Monday, 5).Rate(d => d == DefaultAsOf, 4).Build(),
            []),
        ["Excellent: 2 late days in the last 30 (90%, just over)"] = new(
            () => Star().Late(JuneMiddle, limit: 2).Build(),
            [Excellent], 0.7,
            ["On time 97% of 64 working days in the last 90 days, 90% in the last 30."]),
        ["Excellent: 3 late days in the last 30 (86%, just under)"] = new(
            () => Star().Late(JuneMiddle, limit: 3).Build(),
            []),
        ["Excellent: 6 of 64 logs returned (9%, just over)"] = new(
            () => Star().Return(_ => true, limit: 6).Build(),
            [Excellent], 0.7,
            ["6 of 64 logs returned"]),
        ["Excellent: 7 of 64 logs returned (11%, just under)"] = new(
            () => Star().Return(_ => true, limit: 7).Build(),
            []),
        ["Excellent: valuable transfer forms and praise add to the score"] = new(
            () => Star().Transfer(10, 5).Transfer(40, 4).Observe(20, ObservationKind.Praise).Build(),
            [Excellent], 0.95,
            ["2 transfer forms in the last 90 days rated 4.5 on average for their value.", "Praised by the lead once in the last 90 days."],
            ["近90天信息传递表2份，价值平均评分4.5", "近90天组长记录表扬1次"]),
        ["Excellent: transfer forms of middling value add nothing"] = new(
            () => Star().Transfer(10, 3).Transfer(40, 4).Build(),
            [Excellent], 0.7),
        ["Excellent: strong plan execution adds to the score"] = new(
            () => Star().Plan(0, 0.96).Plan(30, 1.0).Build(),
            [Excellent], 0.8,
            ["Plan completion averaged 98% over 2 plans in the last 90 days."]),
        ["Excellent: ruled out by weak plan execution"] = new(
            () => Star().Plan(0, 0.6).Build(),
            []),
        ["Excellent: ruled out by a late plan, even one carried out well"] = new(
            () => Star().Plan(30, 1.0, PlanSubmission.Late).Build(),
            []),
        ["Excellent: ruled out by a missing plan"] = new(
            () => Star().MissingPlan(30).Build(),
            []),
        ["Excellent: a month with no visits planned counts neither way"] = new(
            () => Star().Plan(30, double.NaN).Build(),
            [Excellent], 0.7),
        ["Excellent: ruled out by an old customer complaint"] = new(
            () => Star().Complaint(45).Build(),
            []),
        ["Excellent: a recent complaint suggests complaints, never Excellent"] = new(
            () => Star().Complaint(5).Build(),
            [CustomerComplaints], 0.6),

        // ---- Complacent (and where it meets Excellent)
        ["Complacent: rating 5.0 → 4.5 in the last 30 (drop 0.52, just over)"] = new(
            () => Star().Rate(IsJune, 4, limit: 11).Build(),
            [Complacent], 0.605,
            ["Good results over the last 90 days: on time 100%, average rating 4.8.", "Average rating 4.5 in the last 30 days, down from 5.0 in the 60 days before."],
            ["近90天成绩良好：准时率100%，平均评分4.8", "近30天平均评分4.5，低于之前60天的5.0"]),
        ["Complacent: rating drop 0.48 (just under) → Excellent instead"] = new(
            () => Star().Rate(IsJune, 4, limit: 10).Build(),
            [Excellent], 0.7),
        ["Complacent: on time 100% → 81% in the last 30 (just over)"] = new(
            () => Good().Late(JuneMiddle, limit: 4).Build(),
            [Complacent], 0.62,
            ["On time 81% in the last 30 days, down from 100% in the 60 days before."],
            ["近30天准时率81%，低于之前60天的100%"]),
        ["Complacent: on time 100% → 86% (just under)"] = new(
            () => Good().Late(JuneMiddle, limit: 3).Build(),
            []),
        ["Complacent: needs good results (ratings 4 → 3 is low confidence, not complacency)"] = new(
            () => Good().Rate(IsJune, 3).Build(),
            [LacksConfidence], 0.35),
        ["Complacent: the same requirement 3 times (English, over requirement and suggestion parts)"] = new(
            () => Good()
                .Comment(50, requirement: "Write down each shop's stock level.")
                .Comment(20, suggestion: "Please write down each shop's stock levels.")
                .Comment(5, requirement: "Write down the stock level of each shop.", evaluation: "Good visit notes.")
                .Build(),
            [Complacent], 0.6,
            ["The same requirement was given 3 times in the last 90 days: “Write down each shop's stock level.”"],
            ["近90天同一要求被提出3次：“Write down each shop's stock level.”"]),
        ["Complacent: the same requirement 3 times (Chinese)"] = new(
            () => Good()
                .Comment(60, requirement: "请写明每家零售户的库存情况")
                .Comment(30, requirement: "要写明每家零售户的库存。")
                .Comment(2, suggestion: "请写清楚每家零售户的库存情况！")
                .Build(),
            [Complacent], 0.6,
            ["The same requirement was given 3 times"],
            ["近90天同一要求被提出3次：“请写明每家零售户的库存情况”"]),
        ["Complacent: the same suggestion 3 times is quoted as a suggestion"] = new(
            () => Good()
                .Comment(40, suggestion: "请写明每家零售户的库存情况")
                .Comment(30, suggestion: "要写明每家零售户的库存。")
                .Comment(2, requirement: "请写清楚每家零售户的库存情况！")
                .Build(),
            [Complacent], 0.6,
            ["The same suggestion was given 3 times"],
            ["同一建议被提出3次"]),
        ["Complacent: only 2 similar comments (just under)"] = new(
            () => Good()
                .Comment(60, requirement: "请写明每家零售户的库存情况")
                .Comment(30, requirement: "要写明每家零售户的库存。")
                .Comment(2, requirement: "记录竞品的零售价格")
                .Build(),
            []),
        ["Complacent: a similar comment 90 days ago is outside the window"] = new(
            () => Good()
                .Comment(90, requirement: "Write down each shop's stock level.")
                .Comment(20, requirement: "Please write down each shop's stock levels.")
                .Comment(5, requirement: "Write down the stock level of each shop.")
                .Build(),
            []),
        ["Complacent: a similar comment 89 days ago is inside the window"] = new(
            () => Good()
                .Comment(89, requirement: "Write down each shop's stock level.")
                .Comment(20, requirement: "Please write down each shop's stock levels.")
                .Comment(5, requirement: "Write down the stock level of each shop.")
                .Build(),
            [Complacent], 0.6),
        ["Complacent: different requirements sharing a template are not repeats"] = new(
            () => Good()
                .Comment(50, requirement: "Write down each shop's display space.")
                .Comment(20, requirement: "Write down each shop's stock level.")
                .Comment(5, requirement: "Write down each shop's visit time.")
                .Build(),
            []),
        ["Complacent: repeated praise (evaluation part) is not ignored feedback"] = new(
            () => Good()
                .Comment(50, evaluation: "Good work, keep it up.")
                .Comment(20, evaluation: "Good work, keep it up!")
                .Comment(5, evaluation: "Good work, keep it up.")
                .Build(),
            []),
        ["Complacent: very short comments are not compared"] = new(
            () => Good().Comment(50, requirement: "OK").Comment(20, requirement: "OK").Comment(5, requirement: "OK").Build(),
            []),
        ["Complacent: excellent figures but ignored feedback → Complacent, not Excellent"] = new(
            () => Star()
                .Comment(50, requirement: "Write down each shop's stock level.")
                .Comment(20, requirement: "Please write down each shop's stock levels.")
                .Comment(5, requirement: "Write down the stock level of each shop.")
                .Build(),
            [Complacent], 0.6),
        ["Complacent: falling trend and ignored feedback together score higher"] = new(
            () => Good().Late(JuneMiddle, limit: 4)
                .Comment(50, requirement: "Write down each shop's stock level.")
                .Comment(20, requirement: "Please write down each shop's stock levels.")
                .Comment(5, requirement: "Write down the stock level of each shop.")
                .Build(),
            [Complacent], 0.77,
            ["On time 81% in the last 30 days", "The same requirement was given 3 times"]),

        // ---- Strong start, weak finish
        ["Strong start, weak finish: on time 95% early, 41% late"] = new(
            () => Good().Late(IsEarly, limit: 1).Late(IsLate, limit: 13).Build(),
            [StrongStartWeakFinish], 0.722,
            ["On time 95% on days 1–10, 41% on days 21–30 (21 and 22 working days in the last 90 days)."],
            ["1–10日准时率95%，21–30日41%（近90天分别21和22个工作日）"]),
        ["Strong start, weak finish: drop 32 points (just over)"] = new(
            () => Good().Late(IsLate, limit: 7).Build(),
            [StrongStartWeakFinish], 0.609,
            ["On time 100% on days 1–10, 68% on days 21–30"]),
        ["Strong start, weak finish: drop 27 points (just under)"] = new(
            () => Good().Late(IsLate, limit: 6).Build(),
            []),
        ["Strong start, weak finish: early on time 81% (just over)"] = new(
            () => Good().Late(IsEarly, limit: 4).Late(IsLate, limit: 12).Build(),
            [StrongStartWeakFinish], 0.627,
            ["On time 81% on days 1–10, 45% on days 21–30"]),
        ["Strong start, weak finish: early on time 76% is no strong start (just under)"] = new(
            () => Good().Late(IsEarly, limit: 5).Late(IsLate, limit: 12).Build(),
            []),
        ["Strong start, weak finish: 6 late-month days are enough"] = new(
            () => new EvidenceBuilder().Weekdays(new DateOnly(2025, 6, 1), DefaultAsOf).Late(IsLate).Build(),
            [StrongStartWeakFinish], 0.95,
            ["On time 100% on days 1–10, 0% on days 21–30 (7 and 6 working days in the last 90 days)."]),
        ["Strong start, weak finish: 5 late-month days are too few"] = new(
            () => new EvidenceBuilder(new DateOnly(2025, 6, 27)).Weekdays(new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 27)).Late(IsLate).Build(),
            []),
        ["Strong start, weak finish: ratings 5.0 early, 4.0 late (drop exactly 1)"] = new(
            () => Star().Rate(IsLate, 4).Build(),
            [StrongStartWeakFinish], 0.6,
            ["Average log rating 5.0 on days 1–10, 4.0 on days 21–30 (21 and 22 rated logs)."],
            ["日志平均评分：1–10日5.0，21–30日4.0"]),
        ["Strong start, weak finish: rating drop 0.95 (just under) → Excellent"] = new(
            () => Star().Rate(IsLate, 4).Rate(IsLate, 5, limit: 1).Build(),
            [Excellent], 0.7),
        ["Strong start, weak finish: both drops and a weak plan, capped at 1"] = new(
            () => Good().Late(IsLate).Rate(IsLate, 2).Plan(0, 0.6).Build(),
            [StrongStartWeakFinish], 1.0,
            ["On time 100% on days 1–10, 0% on days 21–30", "Average log rating 4.0 on days 1–10, 2.0 on days 21–30", "Plan completion averaged 60% over 1 plan in the last 90 days."]),
        ["Strong start, weak finish ranks above a low-motivation pulse"] = new(
            () => Good().Late(IsEarly, limit: 1).Late(IsLate, limit: 13).Pulse(3, motivation: 2).Build(),
            [StrongStartWeakFinish, LacksInitiative], 0.722),

        // ---- Lacks confidence
        ["Lacks confidence: pulse confidence 2 (just over)"] = new(
            () => Good().Pulse(10, confidence: 2).Build(),
            [LacksConfidence], 0.45,
            ["Monthly pulse: confidence 2/5."],
            ["月度自评：信心2/5。"]),
        ["Lacks confidence: pulse confidence 3 (just under)"] = new(
            () => Good().Pulse(10, confidence: 3).Build(),
            []),
        ["Lacks confidence: plans returned twice support it"] = new(
            () => Good().Pulse(10, confidence: 2).Plan(0, 0.9, returns: 1).Plan(30, 0.9, returns: 1).Build(),
            [LacksConfidence], 0.55,
            ["Monthly plans returned by the lead 2 times in the last 90 days (2 plans)."],
            ["近90天月度营销计划被组长退回2次（共2份）。"]),
        ["Lacks confidence: one return of a plan is not many (just under)"] = new(
            () => Good().Pulse(10, confidence: 2).Plan(0, 0.9, returns: 1).Build(),
            [LacksConfidence], 0.45),
        ["Lacks confidence: returned plans alone suggest nothing"] = new(
            () => Good().Plan(0, 0.9, returns: 3).Build(),
            []),
        ["Lacks confidence: the previous pulse is shown"] = new(
            () => Good().Pulse(40, confidence: 4).Pulse(10, confidence: 2).Build(),
            [LacksConfidence], 0.45,
            ["Monthly pulse: confidence 2/5 (previous 4/5)."],
            ["月度自评：信心2/5（上次4/5）。"]),
        ["Lacks confidence: a newer pulse supersedes an old low one"] = new(
            () => Good().Pulse(40, confidence: 2).Pulse(10, confidence: 4).Build(),
            []),
        ["Lacks confidence: the lead's observation"] = new(
            () => Good().Observe(15, ObservationKind.LowConfidence).Build(),
            [LacksConfidence], 0.35,
            ["The lead recorded low confidence once in the last 90 days."],
            ["近90天组长记录信心不足1次"]),
        ["Lacks confidence: rated 3.0 while on time (just over)"] = new(
            () => Good().Rate(_ => true, 3).Build(),
            [LacksConfidence], 0.35,
            ["Average log rating 3.0 in the last 30 days although 100% of logs were on time."],
            ["近30天日志平均评分3.0，而准时率为100%"]),
        ["Lacks confidence: rated 3.05 (just under)"] = new(
            () => Good().Rate(_ => true, 3).Rate(IsJune, 4, limit: 1).Build(),
            []),
        ["Lacks confidence: low ratings from a manager who is often late are not it"] = new(
            () => Good().Rate(_ => true, 3).Late(JuneMiddle, limit: 5).Build(),
            []),
        ["Lacks confidence: 7 of 21 returned supports a low pulse (just over)"] = new(
            () => Good().Pulse(10, confidence: 2).Return(IsJune, limit: 7).Build(),
            [LacksConfidence], 0.6,
            ["Monthly pulse: confidence 2/5.", "7 of 21 logs returned in the last 30 days (33%)."],
            ["近30天21篇日志退回7篇（33%）"]),
        ["Lacks confidence: 6 of 21 returned adds nothing (just under)"] = new(
            () => Good().Pulse(10, confidence: 2).Return(IsJune, limit: 6).Build(),
            [LacksConfidence], 0.45),
        ["Lacks confidence: many returns alone suggest nothing"] = new(
            () => Good().Return(IsJune, limit: 10).Build(),
            []),

        // ---- Lacks initiative
        ["Lacks initiative: pulse motivation 2 (just over)"] = new(
            () => Good().Pulse(10, motivation: 2).Build(),
            [LacksInitiative], 0.6,
            ["Monthly pulse: motivation 2/5.", "No transfer forms raised in the last 30 days."],
            ["月度自评：积极性2/5。"]),
        ["Lacks initiative: pulse motivation 3 (just under)"] = new(
            () => Good().Pulse(10, motivation: 3).Build(),
            []),
        ["Lacks initiative: on time 67% with 2 logs missing and no forms (just over)"] = new(
            () => Good().Late(BeforeJuneMiddle).Late(JuneMiddle, limit: 7).Missing(JuneMiddle, limit: 2).Build(),
            [LacksInitiative], 0.55,
            ["On time 67% of 21 working days in the last 30 days (2 logs missing).", "No transfer forms raised in the last 30 days."],
            ["近30天21个工作日准时率67%（缺交2篇）", "近30天没有提交信息传递表"]),
        ["Lacks initiative: on time 71% (just under)"] = new(
            () => Good().Late(BeforeJuneMiddle).Late(JuneMiddle, limit: 6).Build(),
            []),
        ["Lacks initiative: one form is still few"] = new(
            () => Good().Late(BeforeJuneMiddle).Late(JuneMiddle, limit: 7).Transfer(3).Build(),
            [LacksInitiative], 0.55,
            ["Only 1 transfer form raised in the last 30 days."],
            ["近30天只提交信息传递表1份"]),
        ["Lacks initiative: two forms are not few"] = new(
            () => Good().Late(BeforeJuneMiddle).Late(JuneMiddle, limit: 7).Transfer(3).Transfer(29).Build(),
            [LacksInitiative], 0.4),
        ["Lacks initiative: a form 30 days ago is outside the short window"] = new(
            () => Good().Late(BeforeJuneMiddle).Late(JuneMiddle, limit: 7).Transfer(3).Transfer(30).Build(),
            [LacksInitiative], 0.55),
        ["Lacks initiative: weak plan execution supports it"] = new(
            () => Good().Late(BeforeJuneMiddle).Late(JuneMiddle, limit: 7).Plan(0, 0.5).Build(),
            [LacksInitiative], 0.7,
            ["Plan completion averaged 50% over 1 plan in the last 90 days."]),
        ["Lacks initiative: a weak plan alone suggests nothing"] = new(
            () => Good().Plan(0, 0.5).Build(),
            []),
        ["Lacks initiative: a late plan supports it"] = new(
            () => Good().Late(BeforeJuneMiddle).Late(JuneMiddle, limit: 7).Plan(0, 0.9, PlanSubmission.Late).Build(),
            [LacksInitiative], 0.65,
            ["Monthly plans in the last 90 days: 1 late, 0 not submitted."],
            ["近90天月度营销计划迟交1份，未交0份。"]),
        ["Lacks initiative: a missing plan supports it"] = new(
            () => Good().Late(BeforeJuneMiddle).Late(JuneMiddle, limit: 7).MissingPlan(30).Build(),
            [LacksInitiative], 0.65,
            ["Monthly plans in the last 90 days: 0 late, 1 not submitted."]),
        ["Lacks initiative: a missing plan older than the long window does not count"] = new(
            () => Good().Late(BeforeJuneMiddle).Late(JuneMiddle, limit: 7).MissingPlan(90).Build(),
            [LacksInitiative], 0.55),
        ["Lacks initiative: plans on time add nothing, and a late plan alone suggests nothing"] = new(
            () => Good().Plan(0, 0.9).Plan(30, 0.9, PlanSubmission.Late).Build(),
            []),

        // ---- Customer complaints
        ["Customer complaints: 1 in the last 30 days (just over)"] = new(
            () => Good().Complaint(29).Build(),
            [CustomerComplaints], 0.6,
            ["1 customer complaint recorded in the last 90 days (1 in the last 30)."],
            ["近90天记录客户投诉1次（近30天1次）"]),
        ["Customer complaints: 1, 30 days ago (just under)"] = new(
            () => Good().Complaint(30).Build(),
            []),
        ["Customer complaints: 2 in the last 90 days (just over)"] = new(
            () => Good().Complaint(45).Complaint(89).Build(),
            [CustomerComplaints], 0.7,
            ["2 customer complaints recorded in the last 90 days (0 in the last 30)."],
            ["近90天记录客户投诉2次（近30天0次）"]),
        ["Customer complaints: the second one 90 days ago is outside the window"] = new(
            () => Good().Complaint(45).Complaint(90).Build(),
            []),
        ["Customer complaints: 4 complaints score higher"] = new(
            () => Good().Complaint(3).Complaint(20).Complaint(45).Complaint(80).Build(),
            [CustomerComplaints], 0.9),

        // ---- Discontented
        ["Discontented: pulse fairness 2 (just over)"] = new(
            () => Good().Pulse(10, fairness: 2).Build(),
            [Discontented], 0.5,
            ["Monthly pulse: sense of fairness 2/5."],
            ["月度自评：公平感2/5。"]),
        ["Discontented: pulse fairness 3 (just under)"] = new(
            () => Good().Pulse(10, fairness: 3).Build(),
            []),
        ["Discontented: fairness fell since the previous pulse"] = new(
            () => Good().Pulse(40, fairness: 4).Pulse(10, fairness: 2).Build(),
            [Discontented], 0.5,
            ["Monthly pulse: sense of fairness 2/5 (previous 4/5)."],
            ["月度自评：公平感2/5（上次4/5）。"]),
        ["Discontented: a grievance about fairness"] = new(
            () => Good().Observe(20, ObservationKind.FairnessGrievance).Build(),
            [Discontented], 0.45,
            ["The lead recorded a grievance about fairness once in the last 90 days."],
            ["近90天组长记录对公平的不满1次"]),
        ["Discontented: low morale twice"] = new(
            () => Good().Observe(20, ObservationKind.LowMorale).Observe(50, ObservationKind.LowMorale).Build(),
            [Discontented], 0.3,
            ["The lead recorded low morale 2 times in the last 90 days."],
            ["近90天组长记录情绪低落2次"]),
        ["Discontented: low fairness and motivation rank above lacking initiative"] = new(
            () => Good().Pulse(10, motivation: 2, fairness: 2).Build(),
            [Discontented, LacksInitiative], 0.65,
            ["Monthly pulse: sense of fairness 2/5.", "Monthly pulse: motivation 2/5."]),
        ["Discontented: an 'other' observation suggests nothing"] = new(
            () => Good().Observe(5, ObservationKind.Other).Build(),
            []),

        // ---- Insufficient evidence
        ["Insufficient: no data at all"] = new(
            () => new EvidenceBuilder().Build(),
            [], Insufficient: true),
        ["Insufficient: 9 working days"] = new(
            () => new EvidenceBuilder().Weekdays(new DateOnly(2025, 6, 18), DefaultAsOf).Build(),
            [], Insufficient: true),
        ["Insufficient: 10 working days are enough to judge (and show nothing)"] = new(
            () => new EvidenceBuilder().Weekdays(new DateOnly(2025, 6, 17), DefaultAsOf).Build(),
            []),
        ["Insufficient: 9 days all late do not suggest lacking initiative"] = new(
            () => new EvidenceBuilder().Weekdays(new DateOnly(2025, 6, 18), DefaultAsOf).Late(_ => true).Build(),
            [], Insufficient: true),
        ["Insufficient: 10 days all late do"] = new(
            () => new EvidenceBuilder().Weekdays(new DateOnly(2025, 6, 17), DefaultAsOf).Late(_ => true).Build(),
            [LacksInitiative], 0.55),
        ["Insufficient: a neutral pulse with 9 days says nothing"] = new(
            () => new EvidenceBuilder().Weekdays(new DateOnly(2025, 6, 18), DefaultAsOf).Pulse(5).Build(),
            [], Insufficient: true),
        ["Insufficient: a low fairness pulse alone is enough"] = new(
            () => new EvidenceBuilder().Weekdays(new DateOnly(2025, 6, 18), DefaultAsOf).Pulse(5, fairness: 1).Build(),
            [Discontented], 0.5,
            ["Monthly pulse: sense of fairness 1/5."]),
        ["Insufficient: a recent complaint alone is enough"] = new(
            () => new EvidenceBuilder().Complaint(3).Build(),
            [CustomerComplaints], 0.6),
        ["Insufficient: praise alone is not Excellent"] = new(
            () => new EvidenceBuilder().Observe(3, ObservationKind.Praise).Build(),
            [], Insufficient: true),
        ["Insufficient: a pulse 90 days ago is outside the window"] = new(
            () => new EvidenceBuilder().Pulse(90, confidence: 1).Build(),
            [], Insufficient: true),
        ["Insufficient: a pulse 89 days ago is inside the window"] = new(
            () => new EvidenceBuilder().Pulse(89, confidence: 1).Build(),
            [LacksConfidence], 0.45),

        // ---- Ties: equal scores follow CoachingRules.TieBreakOrder
        ["Tie: grievance and low confidence pulse both 0.45 → Discontented first"] = new(
            () => Good().Observe(20, ObservationKind.FairnessGrievance).Pulse(10, confidence: 2).Build(),
            [Discontented, LacksConfidence], 0.45),
        ["Tie: complaint 0.6 and low confidence with many returns 0.6 → complaints first"] = new(
            () => Good().Complaint(3).Pulse(10, confidence: 2).Return(IsJune, limit: 7).Build(),
            [CustomerComplaints, LacksConfidence], 0.6),
        ["Tie: weak finish 0.6 and low motivation with no forms 0.6 → weak finish first"] = new(
            () => Star().Rate(IsLate, 4).Pulse(10, motivation: 2).Build(),
            [StrongStartWeakFinish, LacksInitiative], 0.6),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Suggests_the_expected_types_with_their_figures(string name)
    {
        var c = Cases[name];

        var result = CoachingRules.Classify(c.Evidence(), CoachingThresholds.Default);

        Assert.Equal(c.Ranking, result.Ranked.Select(r => r.Type).ToArray());
        Assert.Equal(c.Insufficient, result.InsufficientEvidence);
        if (c.TopScore is { } score)
        {
            Assert.Equal(score, result.Top!.Score, precision: 3);
        }

        var en = string.Join("\n", result.Top?.Reasons.Select(r => r.EnUs) ?? []);
        foreach (var fragment in c.En ?? [])
        {
            Assert.Contains(fragment, en, StringComparison.Ordinal);
        }

        var zh = string.Join("\n", result.Top?.Reasons.Select(r => r.ZhCn) ?? []);
        foreach (var fragment in c.Zh ?? [])
        {
            Assert.Contains(fragment, zh, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Every_candidate_is_scored_and_explained_in_both_languages(string name)
    {
        var result = CoachingRules.Classify(Cases[name].Evidence(), CoachingThresholds.Default);

        for (var i = 0; i < result.Ranked.Count; i++)
        {
            var candidate = result.Ranked[i];
            Assert.InRange(candidate.Score, 0.001, 1.0);
            Assert.NotEmpty(candidate.Reasons);
            Assert.All(candidate.Reasons, r =>
            {
                Assert.Matches(@"\d", r.EnUs);
                Assert.Matches(@"\d", r.ZhCn);
                Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", r.ZhCn);
                Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", r.EnUs.Split('“')[0]);
            });
            if (i > 0)
            {
                var before = result.Ranked[i - 1];
                Assert.True(
                    before.Score > candidate.Score
                    || (before.Score == candidate.Score && Rank(before.Type) < Rank(candidate.Type)),
                    $"{before.Type} ({before.Score}) is ranked above {candidate.Type} ({candidate.Score})");
            }
        }

        static int Rank(ManagerType type) => CoachingRules.TieBreakOrder.ToList().IndexOf(type);
    }

    [Fact]
    public void Equal_scores_follow_the_tie_break_order()
    {
        var t = CoachingThresholds.Default;
        t.CustomerComplaints.BaseScore = 0.5;
        t.Discontented.PulseFairnessWeight = 0.5;
        t.LacksConfidence.PulseWeight = 0.5;
        t.LacksInitiative.PulseWeight = 0.5;
        t.Discontented.LowMotivationWeight = 0;
        t.LacksInitiative.FewTransfersWeight = 0;
        var evidence = Good().Complaint(3).Pulse(5, confidence: 1, motivation: 1, fairness: 1).Build();

        var result = CoachingRules.Classify(evidence, t);

        Assert.Equal([CustomerComplaints, Discontented, LacksConfidence, LacksInitiative], result.Ranked.Select(r => r.Type));
        Assert.All(result.Ranked, r => Assert.Equal(0.5, r.Score));
        Assert.Equal(Enum.GetValues<ManagerType>().Order(), CoachingRules.TieBreakOrder.Order());
    }

    [Fact]
    public void Summary_holds_the_figures_the_rules_looked_at()
    {
        var evidence = Good()
            .Rate(IsJune, 5, limit: 7)
            .Return(IsJune, limit: 2)
            .Late(JuneMiddle, limit: 1)
            .Transfer(3, 5).Transfer(40, 3).Transfer(60)
            .Complaint(50)
            .Pulse(70, 2, 2, 2).Pulse(5, 3, 4, 5)
            .Build();

        var s = CoachingRules.Classify(evidence, CoachingThresholds.Default).Summary;

        Assert.Equal(21, s.WorkingDays30);
        Assert.Equal(20.0 / 21, s.OnTimeRate30!.Value, precision: 9);
        Assert.Equal(63.0 / 64, s.OnTimeRate90!.Value, precision: 9);
        Assert.Equal(91.0 / 21, s.AverageRating30!.Value, precision: 9);
        Assert.Equal(263.0 / 64, s.AverageRating90!.Value, precision: 9);
        Assert.Equal(2, s.Returned30);
        Assert.Equal(1, s.Transfers30);
        Assert.Equal(4.0, s.AverageTransferValue90!.Value, precision: 9);
        Assert.Equal(1, s.Complaints90);
        Assert.Equal(new PulseAnswer(DefaultAsOf.AddDays(-5), 3, 4, 5), s.LatestPulse);
    }

    [Fact]
    public void Summary_of_nothing_is_empty()
    {
        var s = CoachingRules.Classify(new EvidenceBuilder().Build(), CoachingThresholds.Default).Summary;

        Assert.Equal(new EvidenceSummary(0, null, null, null, null, 0, 0, null, 0, null), s);
    }

    [Theory]
    [InlineData(90, 1.0)] // AsOf − 90 (Tuesday 04-01) is outside the long window
    [InlineData(89, 63.0 / 64)] // AsOf − 89 (Wednesday 04-02) is the window's first day: now late
    [InlineData(-1, 1.0)] // after AsOf
    public void Days_outside_the_long_window_are_ignored(int daysAgo, double onTime90)
    {
        var b = Good();
        b.Day(b.Ago(daysAgo), onTime: false);

        var s = CoachingRules.Classify(b.Build(), CoachingThresholds.Default).Summary;

        Assert.Equal(onTime90, s.OnTimeRate90!.Value, precision: 9);
        Assert.Equal(21, s.WorkingDays30);
    }

    [Theory]
    [InlineData(30, 21, 1.0)] // Saturday 05-31: in the long window, not the short one
    [InlineData(29, 22, 21.0 / 22)] // Sunday 06-01: the short window's first day
    public void Short_window_starts_after_AsOf_minus_ShortWindowDays(int daysAgo, int workingDays30, double onTime30)
    {
        var b = Good();
        b.Day(b.Ago(daysAgo), onTime: false);

        var s = CoachingRules.Classify(b.Build(), CoachingThresholds.Default).Summary;

        Assert.Equal(workingDays30, s.WorkingDays30);
        Assert.Equal(onTime30, s.OnTimeRate30!.Value, precision: 9);
        Assert.Equal(64.0 / 65, s.OnTimeRate90!.Value, precision: 9);
    }

    [Fact]
    public void Windows_follow_the_thresholds()
    {
        // With a 60-day long window the complaint 70 days ago and the first month of logs no longer count.
        var t = CoachingThresholds.Default;
        t.LongWindowDays = 60;
        var evidence = Good().Complaint(70).Complaint(20).Build();

        var result = CoachingRules.Classify(evidence, t);

        Assert.Equal(1, result.Summary.Complaints90);
        var reason = Assert.Single(result.Top!.Reasons);
        Assert.Equal("1 customer complaint recorded in the last 60 days (1 in the last 30).", reason.EnUs);
    }

    [Fact]
    public void Classify_is_pure()
    {
        var evidence = Good().Late(IsEarly, limit: 1).Late(IsLate, limit: 13).Pulse(3, motivation: 2).Build();
        var t = CoachingThresholds.Default;

        var first = CoachingRules.Classify(evidence, t);
        var second = CoachingRules.Classify(evidence, t);

        Assert.Equal(first.Summary, second.Summary);
        Assert.Equal(first.Ranked.Select(r => (r.Type, r.Score)), second.Ranked.Select(r => (r.Type, r.Score)));
        Assert.Equal(CoachingThresholds.Default.ToJson(), t.ToJson());
    }
}
