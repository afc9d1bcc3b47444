namespace DiligenceBot.Localization;

public static partial class Texts
{
    /// <summary>The monthly marketing plan: the form and its draft, the summary, the lead's review and team card, reminders.</summary>
    public static class Plans
    {
        public static readonly Text CommandPlan = new(
            "**plan** — next month's marketing plan: goals, service measures and the visit plan I draft from your customers; a lead sees each manager's plan and progress",
            "**营销计划**：下月营销计划，包括目标、服务措施和我根据您的客户起草的拜访计划；组长可查看每位客户经理的计划和进度");
        public static readonly Text CommandPlanSetting = new(
            "Admins: **plan setting** TEAM DAY sets the day of the month next month's plans are due (1–28, default 25)",
            "管理员可用“计划设置 团队 日期”设置下月营销计划每月的截止日（1至28日，默认25日）。");

        public static readonly Text Title = new("Marketing plan for {0}", "{0}营销计划");
        public static readonly Text TitleOf = new("{0}: marketing plan for {1}", "{0}的{1}营销计划");
        public static readonly Text DueBy = new("Due by the end of {0}.", "请在{0}前提交。");
        public static readonly Text Goals = new("Goals", "目标");
        public static readonly Text Volume = new("Volume (cases)", "销量（箱）");
        public static readonly Text Value = new("Value (yuan)", "销售额（元）");
        public static readonly Text KeyBrands = new("Key brands", "重点品牌");
        public static readonly Text KeyBrandsHint = new("e.g. Huangshan, Zhonghua", "例如：黄山、中华");
        public static readonly Text Measures = new("Targeted service measures", "针对性服务措施");
        public static readonly Text MeasuresHint = new(
            "What you will do for which customers this month",
            "本月将为哪些客户做哪些服务");
        public static readonly Text VisitPlan = new("Visit plan", "拜访计划");
        public static readonly Text VisitPlanHint = new(
            "I drafted it from each customer's required visits over the month's working days. Under each day, list the licence numbers (or names) of the customers to visit, separated by commas.",
            "我已按每家客户要求的拜访次数，把拜访分配到本月各工作日。请在每天下面填写当天要拜访客户的许可证号（或名称），用逗号分隔。");
        public static readonly Text NoCustomers = new(
            "No customers are registered for you yet, so there is nothing to draft; ask your lead to import them, or list customers by licence number under each day.",
            "您名下暂无登记的客户，无法起草拜访计划；请让组长导入客户，或在每天下面填写客户许可证号。");
        public static readonly Text ShowCustomers = new("Show my {0} customers", "查看我的{0}家客户");
        public static readonly Text CustomerLine = new("{0} · {1} · {2} visits a month", "{0}·{1}·每月{2}次");
        public static readonly Text Submit = new("Submit plan", "提交计划");
        public static readonly Text VisitsPerCustomer = new("Visits per customer ({0} planned)", "各客户拜访次数（共计划{0}次）");
        public static readonly Text PlannedLine = new("{0} ({1}): {2} of {3} required", "{0}（{1}）：计划{2}次，要求{3}次");
        public static readonly Text VisitsPerDay = new("Visits per day", "每日拜访");
        public static readonly Text NameSeparator = new(", ", "、");

        public static readonly Text NotAManager = new(
            "Marketing plans are written by account managers, and you are not in a team as one. Ask your administrator if this is wrong.",
            "营销计划由客户经理填写，您目前不是任何团队的客户经理。如有误请联系管理员。");
        public static readonly Text UnknownPlan = new("This plan no longer exists. Type **plan** to start again.", "该计划不存在。输入“营销计划”重新开始。");
        public static readonly Text NotYourPlan = new("This card is about someone else's plan; nothing was changed.", "此卡片涉及他人的计划，未做任何更改。");
        public static readonly Text AlreadyApproved = new("This plan was already approved and can no longer be changed.", "该计划已审阅通过，不能再修改。");
        public static readonly Text StaleRevision = new(
            "This card shows an older version of the plan (revision {0}; the current one is {1}). Here is the current one; nothing was changed.",
            "此卡片显示的是计划的旧版本（第{0}版，当前为第{1}版）。以下为当前版本；未做任何更改。");
        public static readonly Text WrongMonth = new(
            "This card is for the plan of {0}, which can no longer be submitted; the plan open now is for {1}. Type **plan** to open it.",
            "此卡片是{0}的计划，已无法提交；现在可填写的是{1}的计划。输入“营销计划”打开它。");
        public static readonly Text NotAllowedToReview = new(
            "Only the lead of {0} (or a delegate named for the team) may review this plan; nothing was changed.",
            "只有{0}的组长（或为该团队指定的代理人）可以审阅此计划；未做任何更改。");
        public static readonly Text ErrorCommentNeeded = new(
            "To return a plan, write at least one of evaluation, requirement or suggestion.",
            "退回计划需至少填写评价、要求或建议中的一项。");
        public static readonly Text ErrorNotWorkingDay = new(
            "{0} is not a working day of your team (a weekend or a holiday); move these visits to a working day.",
            "{0}不是您团队的工作日（周末或节假日），请把这些拜访移到工作日。");
        public static readonly Text ErrorOutsideMonth = new("{0} is not in {1}; plan only that month's days.", "{0}不在{1}内，请只安排该月的日期。");
        public static readonly Text ErrorUnknownCustomer = new(
            "“{0}” is not a registered customer; write a licence number or name from your customer list.",
            "“{0}”不是已登记的客户，请填写您客户列表中的许可证号或名称。");
        public static readonly Text ErrorOthersCustomer = new(
            "{0} ({1}) is served by another manager, not by you; plan only your own customers.",
            "{0}（{1}）由其他客户经理负责，不是您的客户；请只安排您自己的客户。");
        public static readonly Text Saved = new("Saved; your lead will review it.", "已保存，等待组长审阅。");
        public static readonly Text LeadUnreachable = new(
            "Saved. Your lead has not installed DiligenceBot yet, so they will see it when they type **plan**.",
            "已保存。您的组长尚未安装勤勉助手，可输入“营销计划”查看。");
        public static readonly Text ReviewRequestedSummary = new("{0} submitted a marketing plan", "{0}提交了营销计划");
        public static readonly Text ReturnedSummary = new("Your marketing plan was returned", "您的营销计划被退回");
        public static readonly Text ApprovedSummary = new("Your marketing plan was approved", "您的营销计划已审阅通过");

        public static readonly Text TeamsTitle = new("Your teams' marketing plans", "团队营销计划");
        public static readonly Text TeamHeading = new("{0} · plans for {1}, due by the end of {2}", "{0}·{1}计划，{2}前提交");
        public static readonly Text StateMissing = new("Not submitted", "未提交");
        public static readonly Text Progress = new(
            "This month: {0} of {1} visits planned so far made ({2} planned in the month)",
            "本月：截至目前计划拜访{1}次，已完成{0}次（全月计划{2}次）");
        public static readonly Text NoPlanThisMonth = new("This month: no plan", "本月：无计划");

        // Plan progress in the lead's pre-meeting digest.
        public static readonly Text DigestHeading = new("Marketing plans of {0} so far", "{0}营销计划执行进度");
        public static readonly Text DigestBehind = new(
            "{0}: {1} of {2} planned visits made so far ({3}%), {4} behind; {5} planned in the month",
            "{0}：截至目前计划拜访{2}次，已完成{1}次（{3}%），落后{4}次；全月计划{5}次");
        public static readonly Text DigestOnPlan = new(
            "{0}: all {1} planned visits made so far; {2} planned in the month",
            "{0}：截至目前计划拜访{1}次，均已完成；全月计划{2}次");
        public static readonly Text DigestNothingYet = new(
            "{0}: no visits planned so far; {1} planned in the month",
            "{0}：截至目前尚无计划拜访；全月计划{1}次");
        public static readonly Text DigestNoPlan = new("{0}: no plan for this month", "{0}：本月无营销计划");

        // Service measures marked done.
        public static readonly Text CommandMeasures = new(
            "**plan measures** [YYYY-MM] — the service measures of your plan (this month's unless you name one), to mark each one done with a short note",
            "**计划措施** [YYYY-MM]：营销计划中的服务措施（默认本月），可逐项标记完成并附简短说明");
        public static readonly Text MeasuresTitle = new("Service measures for {0}", "{0}服务措施");
        public static readonly Text OpenMeasures = new("Service measures", "服务措施");
        public static readonly Text MeasureLine = new("({0}) {1}", "（{0}）{1}");
        public static readonly Text MeasureDoneOn = new("Done on {0}: {1}", "已于{0}完成：{1}");
        public static readonly Text MeasureDoneOnNoNote = new("Done on {0}", "已于{0}完成");
        public static readonly Text MeasureOpen = new("Not done yet", "尚未完成");
        public static readonly Text MeasureNote = new("Note", "说明");
        public static readonly Text MeasureNoteHint = new("What was done, briefly (optional)", "简要说明完成情况（可不填）");
        public static readonly Text MarkDone = new("Mark done", "标记完成");
        public static readonly Text MeasuresDoneCount = new("{0} of {1} measures done", "已完成{0}项，共{1}项");
        public static readonly Text MeasureMarked = new("Marked done.", "已标记为完成。");
        public static readonly Text MeasureAlreadyDone = new("This measure was already marked done on {0}; nothing was changed.", "该措施已于{0}标记完成，未做任何更改。");
        public static readonly Text MeasureChanged = new(
            "Your plan's measures changed since this card was sent (revision {0} is current); here they are as they stand.",
            "此卡片发出后计划的服务措施已修改（当前为第{0}版），以下是最新内容。");
        public static readonly Text MeasureMonthClosed = new(
            "Measures can be marked done during the plan's month and the month after; {0} is closed.",
            "服务措施只能在计划当月及次月内标记完成；{0}的计划已截止。");
        public static readonly Text MeasureNotStarted = new(
            "{0} has not started yet; mark its measures done once they are.",
            "{0}尚未开始，请在措施完成后再标记。");
        public static readonly Text NoPlanForMonth = new("You have no marketing plan for {0}.", "您没有{0}的营销计划。");
        public static readonly Text NoMeasures = new("Your plan has no service measures.", "您的计划中没有服务措施。");

        // The execution report.
        public static readonly Text CommandReport = new(
            "**plan report** [YYYY-MM] — how a month's plan was carried out: visits per customer against the plan, measures done, goals against the logs; a lead sees the team",
            "**计划执行** [YYYY-MM]：某月营销计划的执行情况，包括各客户计划与实际拜访、服务措施完成情况、目标与日志数据对比；组长可查看全组");
        public static readonly Text ReportTitle = new("{0}: plan execution in {1}", "{0}的{1}营销计划执行情况");
        public static readonly Text TeamReportTitle = new("Plan execution in {0}", "{0}营销计划执行情况");
        public static readonly Text ReportUpTo = new("Up to {0}", "截至{0}");
        public static readonly Text ReportWholeMonth = new("The whole month", "全月");
        public static readonly Text ReportVisits = new("Visits: {0} of {1} planned made ({2}%)", "拜访：计划{1}次，完成{0}次（{2}%）");
        public static readonly Text ReportNoVisitsPlanned = new("Visits: none planned so far", "拜访：截至目前无计划拜访");
        public static readonly Text ReportVolume = new("Volume: {0} cases planned, {1} reported in the logs", "销量：计划{0}箱，日志记录{1}箱");
        public static readonly Text ReportVolumeNoFigures = new("Volume: {0} cases planned; no figures in the logs", "销量：计划{0}箱，日志中无数据");
        public static readonly Text ReportValue = new("Value: {0} yuan planned; no figures in the logs", "销售额：计划{0}元，日志中无数据");
        public static readonly Text ReportMeasures = new("Service measures: {0} of {1} done", "服务措施：完成{0}项，共{1}项");
        public static readonly Text ReportMeasureOpen = new("({0}) {1}: not done", "（{0}）{1}：未完成");
        public static readonly Text ReportMeasureDone = new("({0}) {1}: {2}", "（{0}）{1}：{2}");
        public static readonly Text ReportPerCustomer = new("Per customer", "各客户拜访");
        public static readonly Text ReportCustomerLine = new("{0} ({1}): {2} of {3} planned made; visits in all: {4}", "{0}（{1}）：计划{3}次，按计划完成{2}次，共拜访{4}次");
        public static readonly Text ReportTeamRow = new("{0} of {1} planned visits ({2}%); {3} of {4} measures done", "计划拜访{1}次，完成{0}次（{2}%）；服务措施完成{3}项，共{4}项");
        public static readonly Text ReportTeamRowNothingPlanned = new("No visits planned so far; {0} of {1} measures done", "截至目前无计划拜访；服务措施完成{0}项，共{1}项");
        public static readonly Text ReportNoPlan = new("No plan", "无营销计划");
        public static readonly Text ReportSummary = new("Your plan's execution in {0}", "您{0}营销计划的执行情况");
        public static readonly Text TeamReportSummary = new("{0}: plan execution in {1}", "{0}{1}营销计划执行情况");
        public static readonly Text ErrorBadMonth = new(
            "“{0}” is not a month: write it as YYYY-MM, for example: {1} 2026-10",
            "“{0}”不是有效的月份，请按YYYY-MM填写，例如：“{1} 2026-10”。");
        public static readonly Text CommandWordReport = new("plan report", "计划执行");
        public static readonly Text CommandWordMeasures = new("plan measures", "计划措施");
        public static readonly Text ErrorMonthNotStarted = new(
            "{0} has not started yet; its plan's execution can be seen from its first day.",
            "{0}尚未开始，开始后才能查看该月计划的执行情况。");
        public static readonly Text NotYourTeam = new(
            "Only the manager, the lead of their team and its delegates may see this plan; nothing is shown.",
            "只有客户经理本人、其组长和团队代理人可以查看此计划。");

        public static readonly Text SettingUsage = new(
            "Write it as: plan setting TEAM DAY, the day 1 to 28 — for example: plan setting east-1 25",
            "格式：“计划设置 团队 日期”，日期为1至28，例如：“计划设置 east-1 25”。");
        public static readonly Text SettingChanged = new(
            "{0}'s marketing plans for the next month are now due by the end of day {1} of each month; reminders follow at once.",
            "{0}的下月营销计划现须在每月{1}日前提交；提醒随即按此发送。");
        public static readonly Text ReminderSummary = new("Your marketing plan for {0} is due by the end of {1}", "您的{0}营销计划须在{1}前提交");
        public static readonly Text ReminderNotice = new(
            "Reminder: your marketing plan for {0} is due by the end of {1}. I drafted the visit plan; adjust it and submit.",
            "提醒：您的{0}营销计划须在{1}前提交。拜访计划已为您起草，请调整后提交。");
        public static readonly Text MissingToLead = new(
            "Why you get this: {0} has not submitted the marketing plan for {1}, which was due by the end of {2}.",
            "提醒原因：{0}尚未提交{1}营销计划，截止日为{2}。");
    }
}
