namespace DiligenceBot.Localization;

public static partial class Texts
{
    /// <summary>The monthly and quarterly 100-point scorecards (assessment).</summary>
    public static class Scorecards
    {
        public static readonly Text CommandScorecard = new(
            "**scorecard** [YYYY-MM | YYYY-Qn] [name] — leads: the draft 100-point scorecards of your managers from what DiligenceBot measures (last month unless you name one)",
            "**考核** [YYYY-MM | YYYY-Qn] [姓名]：组长查看客户经理的百分制考核草稿，依据DiligenceBot记录的数据（默认上月）");

        public static readonly Text NotInDirectory = new(
            "You are not in the directory yet; please ask your administrator.",
            "您尚未加入通讯录，请联系管理员。");
        public static readonly Text ForLeads = new(
            "Scorecards are drafted for a team's lead, the managers above the lead and admins; you will see your own scorecard once your lead publishes it.",
            "考核草稿由组长、组长的上级和管理员查看；您的考核结果经组长发布后会发给您。");
        public static readonly Text NotYours = new(
            "{0} is not in a team you lead or oversee; only {0}'s lead chain and admins see {0}'s scorecard.",
            "{0}不在您带领或分管的团队中；只有{0}的上级和管理员可以查看{0}的考核。");
        public static readonly Text NotYourself = new(
            "You do not score yourself; your own lead does.",
            "不能为自己评分，您的考核由您的上级负责。");
        public static readonly Text UnknownManager = new(
            "There is no account manager called “{0}” here. Type **scorecard** to see your teams.",
            "这里没有名为“{0}”的客户经理。输入“考核”可查看您的团队。");
        public static readonly Text SeveralMatch = new(
            "“{0}” could be {1}; write the full name.",
            "“{0}”可能是{1}，请写全名。");
        public static readonly Text BadPeriod = new(
            "Write the month as YYYY-MM or the quarter as YYYY-Qn, e.g. scorecard 2026-11 or scorecard 2026-Q4 Chen Jie.",
            "请按YYYY-MM填写月份或按YYYY-Qn填写季度，例如“考核 2026-11”或“考核 2026-Q4 陈杰”。");
        public static readonly Text FuturePeriod = new(
            "{0} has not begun yet; choose a month or quarter that has.",
            "{0}尚未开始，请选择已开始的月份或季度。");
        public static readonly Text NoManagers = new(
            "There are no account managers in your teams to score yet.",
            "您的团队中暂无需要考核的客户经理。");

        public static readonly Text TeamsTitle = new("Scorecards · {0}", "{0}考核");
        public static readonly Text TeamTitle = new("{0} · {1}", "{0}·{1}");
        public static readonly Text ManagerTitle = new("{0} · scorecard · {1}", "{0}·{1}考核");
        public static readonly Text Draft = new(
            "Draft from what DiligenceBot measures, to {0}. Not published: the manager does not see it.",
            "草稿，依据DiligenceBot截至{0}记录的数据；尚未发布，客户经理看不到。");
        public static readonly Text DraftWhole = new(
            "Draft from what DiligenceBot measures over the whole period. Not published: the manager does not see it.",
            "草稿，依据DiligenceBot记录的整期数据；尚未发布，客户经理看不到。");
        public static readonly Text Measured = new("{0} of {1} points measured", "已计量{1}分中的{0}分");
        public static readonly Text RowTotal = new("{0} points from {1} measured", "已计量{1}分，得{0}分");
        public static readonly Text RowNotMeasured = new("{0} indicators not measured", "{0}项指标未计量");
        public static readonly Text AllMeasured = new("Every indicator measured", "全部指标已计量");
        public static readonly Text DimensionHeading = new("{0} · {1}/{2}", "{0}·{1}/{2}分");
        public static readonly Text IndicatorLine = new("{0}: {1} → {2}/{3}", "{0}：{1}，得{2}/{3}分");
        public static readonly Text IndicatorNotMeasured = new("{0}: not measured; you score it with a reason (of {1})", "{0}：未计量，由您说明理由后评分（满分{1}分）");
        public static readonly Text NotMeasuredNote = new(
            "Not measured: DiligenceBot has no data for it in this period (imported figures and customers' evaluations are not in yet). It is never counted as 0 or as full marks without your reason.",
            "未计量：本期DiligenceBot没有该项数据（销量等导入数据和零售客户评价尚未接入）。未经您说明理由，不会按0分或满分计算。");
        public static readonly Text OpenButton = new("Open", "查看");
        public static readonly Text BackToTeam = new("All managers", "全部客户经理");
        public static readonly Text Nobody = new("No account managers in this team.", "本组暂无客户经理。");
        public static readonly Text ListSeparator = new(", ", "、");
    }
}
