using System.Globalization;

namespace DiligenceBot.Coaching;

/// <summary>The plain-words reasons, in en-US and zh-CN, with the actual figures. Numbers are culture-invariant.</summary>
internal static class Wording
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Pct(double rate) =>
        Math.Round(rate * 100, MidpointRounding.AwayFromZero).ToString("0", Invariant) + "%";

    public static string Rating(double rating) => rating.ToString("0.0", Invariant);

    private static string Times(int n) => n == 1 ? "once" : $"{n} times";

    private static string Plural(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";

    public static string Quote(string text)
    {
        const int max = 40;
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut), "…");
    }

    private static EvidenceLine Line(FormattableString en, FormattableString zh) =>
        new(en.ToString(Invariant), zh.ToString(Invariant));

    // Strong start, weak finish

    public static EvidenceLine EarlyLateOnTime(in Tally early, in Tally late, int earlyLastDay, int lateFirstDay, int lateLastDay, int longDays) => Line(
        $"On time {Pct(early.OnTimeRate ?? 0)} on days 1–{earlyLastDay}, {Pct(late.OnTimeRate ?? 0)} on days {lateFirstDay}–{lateLastDay} ({early.Working} and {late.Working} working days in the last {longDays} days).",
        $"1–{earlyLastDay}日准时率{Pct(early.OnTimeRate ?? 0)}，{lateFirstDay}–{lateLastDay}日{Pct(late.OnTimeRate ?? 0)}（近{longDays}天分别{early.Working}和{late.Working}个工作日）。");

    public static EvidenceLine EarlyLateRating(in Tally early, in Tally late, int earlyLastDay, int lateFirstDay, int lateLastDay) => Line(
        $"Average log rating {Rating(early.AverageRating ?? 0)} on days 1–{earlyLastDay}, {Rating(late.AverageRating ?? 0)} on days {lateFirstDay}–{lateLastDay} ({early.Rated} and {late.Rated} rated logs).",
        $"日志平均评分：1–{earlyLastDay}日{Rating(early.AverageRating ?? 0)}，{lateFirstDay}–{lateLastDay}日{Rating(late.AverageRating ?? 0)}（分别{early.Rated}和{late.Rated}篇已评分）。");

    public static EvidenceLine PlanCompletion(double completion, int plans, int longDays) => Line(
        $"Plan completion averaged {Pct(completion)} over {Plural(plans, "plan", "plans")} in the last {longDays} days.",
        $"近{longDays}天{plans}份计划平均完成率{Pct(completion)}。");

    public static EvidenceLine PlansLate(int late, int missing, int longDays) => Line(
        $"Monthly plans in the last {longDays} days: {late} late, {missing} not submitted.",
        $"近{longDays}天月度营销计划迟交{late}份，未交{missing}份。");

    public static EvidenceLine PlanReturns(int returns, int plans, int longDays) => Line(
        $"Monthly plans returned by the lead {Plural(returns, "time", "times")} in the last {longDays} days ({Plural(plans, "plan", "plans")}).",
        $"近{longDays}天月度营销计划被组长退回{returns}次（共{plans}份）。");

    // Excellent

    public static EvidenceLine SustainedOnTime(in Tally longTally, in Tally shortTally, int longDays, int shortDays) => Line(
        $"On time {Pct(longTally.OnTimeRate ?? 0)} of {longTally.Working} working days in the last {longDays} days, {Pct(shortTally.OnTimeRate ?? 0)} in the last {shortDays}.",
        $"近{longDays}天{longTally.Working}个工作日准时率{Pct(longTally.OnTimeRate ?? 0)}，近{shortDays}天{Pct(shortTally.OnTimeRate ?? 0)}。");

    public static EvidenceLine SustainedRating(in Tally longTally, in Tally shortTally, int longDays, int shortDays) => Line(
        $"Average log rating {Rating(longTally.AverageRating ?? 0)} over the last {longDays} days, {Rating(shortTally.AverageRating ?? 0)} over the last {shortDays}; {longTally.Returned} of {longTally.Submitted} logs returned.",
        $"近{longDays}天日志平均评分{Rating(longTally.AverageRating ?? 0)}，近{shortDays}天{Rating(shortTally.AverageRating ?? 0)}；{longTally.Submitted}篇日志退回{longTally.Returned}篇。");

    public static EvidenceLine NoComplaintsNoDecline(int complaints, int longDays) => complaints == 0
        ? Line(
            $"No customer complaints in the last {longDays} days; no falling trend and no review comment repeated.",
            $"近{longDays}天没有客户投诉；成绩没有下滑，也没有被反复提出的同一意见。")
        : Line(
            $"Only {Plural(complaints, "customer complaint", "customer complaints")} in the last {longDays} days; no falling trend and no review comment repeated.",
            $"近{longDays}天客户投诉仅{complaints}次；成绩没有下滑，也没有被反复提出的同一意见。");

    public static EvidenceLine GoodTransfers(int rated, double value, int longDays) => Line(
        $"{Plural(rated, "transfer form", "transfer forms")} in the last {longDays} days rated {Rating(value)} on average for their value.",
        $"近{longDays}天信息传递表{rated}份，价值平均评分{Rating(value)}。");

    public static EvidenceLine Praised(int praise, int longDays) => Line(
        $"Praised by the lead {Times(praise)} in the last {longDays} days.",
        $"近{longDays}天组长记录表扬{praise}次。");

    // Complacent

    public static EvidenceLine GoodResults(in Tally longTally, int longDays) => Line(
        $"Good results over the last {longDays} days: on time {Pct(longTally.OnTimeRate ?? 0)}, average rating {Rating(longTally.AverageRating ?? 0)}.",
        $"近{longDays}天成绩良好：准时率{Pct(longTally.OnTimeRate ?? 0)}，平均评分{Rating(longTally.AverageRating ?? 0)}。");

    public static EvidenceLine RatingFalling(double recent, double before, int shortDays, int earlierDays) => Line(
        $"Average rating {Rating(recent)} in the last {shortDays} days, down from {Rating(before)} in the {earlierDays} days before.",
        $"近{shortDays}天平均评分{Rating(recent)}，低于之前{earlierDays}天的{Rating(before)}。");

    public static EvidenceLine OnTimeFalling(double recent, double before, int shortDays, int earlierDays) => Line(
        $"On time {Pct(recent)} in the last {shortDays} days, down from {Pct(before)} in the {earlierDays} days before.",
        $"近{shortDays}天准时率{Pct(recent)}，低于之前{earlierDays}天的{Pct(before)}。");

    public static EvidenceLine FeedbackRepeated(RepeatedFeedback repeated, int longDays) => repeated.IsSuggestion
        ? Line(
            $"The same suggestion was given {repeated.Count} times in the last {longDays} days: “{Quote(repeated.Text)}”.",
            $"近{longDays}天同一建议被提出{repeated.Count}次：“{Quote(repeated.Text)}”。")
        : Line(
            $"The same requirement was given {repeated.Count} times in the last {longDays} days: “{Quote(repeated.Text)}”.",
            $"近{longDays}天同一要求被提出{repeated.Count}次：“{Quote(repeated.Text)}”。");

    // Lacks confidence

    public static EvidenceLine PulseConfidence(PulseAnswer pulse, PulseAnswer? previous) =>
        PulseLine("confidence", "信心", pulse.Confidence, previous?.Confidence);

    public static EvidenceLine LowConfidenceObserved(int count, int longDays) => LeadRecorded("low confidence", "信心不足", count, longDays);

    public static EvidenceLine LowRatingWhileOnTime(in Tally shortTally, int shortDays) => Line(
        $"Average log rating {Rating(shortTally.AverageRating ?? 0)} in the last {shortDays} days although {Pct(shortTally.OnTimeRate ?? 0)} of logs were on time.",
        $"近{shortDays}天日志平均评分{Rating(shortTally.AverageRating ?? 0)}，而准时率为{Pct(shortTally.OnTimeRate ?? 0)}。");

    public static EvidenceLine ManyReturns(in Tally shortTally, int shortDays) => Line(
        $"{shortTally.Returned} of {shortTally.Submitted} logs returned in the last {shortDays} days ({Pct(shortTally.ReturnRate ?? 0)}).",
        $"近{shortDays}天{shortTally.Submitted}篇日志退回{shortTally.Returned}篇（{Pct(shortTally.ReturnRate ?? 0)}）。");

    // Lacks initiative

    public static EvidenceLine PulseMotivation(PulseAnswer pulse, PulseAnswer? previous) =>
        PulseLine("motivation", "积极性", pulse.Motivation, previous?.Motivation);

    public static EvidenceLine LateLogs(in Tally shortTally, int shortDays) => shortTally.Missing == 0
        ? Line(
            $"On time {Pct(shortTally.OnTimeRate ?? 0)} of {shortTally.Working} working days in the last {shortDays} days.",
            $"近{shortDays}天{shortTally.Working}个工作日准时率{Pct(shortTally.OnTimeRate ?? 0)}。")
        : Line(
            $"On time {Pct(shortTally.OnTimeRate ?? 0)} of {shortTally.Working} working days in the last {shortDays} days ({Plural(shortTally.Missing, "log", "logs")} missing).",
            $"近{shortDays}天{shortTally.Working}个工作日准时率{Pct(shortTally.OnTimeRate ?? 0)}（缺交{shortTally.Missing}篇）。");

    public static EvidenceLine FewTransfers(int transfers, int shortDays) => transfers == 0
        ? Line(
            $"No transfer forms raised in the last {shortDays} days.",
            $"近{shortDays}天没有提交信息传递表。")
        : Line(
            $"Only {Plural(transfers, "transfer form", "transfer forms")} raised in the last {shortDays} days.",
            $"近{shortDays}天只提交信息传递表{transfers}份。");

    // Customer complaints

    public static EvidenceLine Complaints(int longCount, int shortCount, int longDays, int shortDays) => Line(
        $"{Plural(longCount, "customer complaint", "customer complaints")} recorded in the last {longDays} days ({shortCount} in the last {shortDays}).",
        $"近{longDays}天记录客户投诉{longCount}次（近{shortDays}天{shortCount}次）。");

    // Discontented

    public static EvidenceLine PulseFairness(PulseAnswer pulse, PulseAnswer? previous) =>
        PulseLine("sense of fairness", "公平感", pulse.Fairness, previous?.Fairness);

    public static EvidenceLine Grievances(int count, int longDays) => LeadRecorded("a grievance about fairness", "对公平的不满", count, longDays);

    public static EvidenceLine LowMorale(int count, int longDays) => LeadRecorded("low morale", "情绪低落", count, longDays);

    /// <summary>One answer of the monthly pulse, with the previous month's when there is one.</summary>
    private static EvidenceLine PulseLine(string en, string zh, int value, int? previous) => Line(
        $"Monthly pulse: {en} {value}/5{(previous is null ? "" : $" (previous {previous}/5)")}.",
        $"月度自评：{zh}{value}/5{(previous is null ? "" : $"（上次{previous}/5）")}。");

    /// <summary>How often the lead recorded an observation of one kind in the long window.</summary>
    private static EvidenceLine LeadRecorded(string en, string zh, int count, int longDays) => Line(
        $"The lead recorded {en} {Times(count)} in the last {longDays} days.",
        $"近{longDays}天组长记录{zh}{count}次。");
}
