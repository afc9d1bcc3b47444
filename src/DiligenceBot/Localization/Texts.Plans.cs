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
