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
            "Not measured: DiligenceBot has no data for it in this period. Import the figures or the customers' evaluations (type **figures template** or **evaluations template** for the file to fill in), or score the indicator yourself with a reason. It is never counted as 0 or as full marks without your reason.",
            "未计量：本期DiligenceBot没有该项数据。您可以导入业绩数据或零售客户评价（输入“业绩模板”或“评价模板”获取填写模板），也可以说明理由后自行评分。未经您说明理由，不会按0分或满分计算。");
        public static readonly Text OpenButton = new("Open", "查看");
        public static readonly Text BackToTeam = new("All managers", "全部客户经理");
        public static readonly Text Nobody = new("No account managers in this team.", "本组暂无客户经理。");
        public static readonly Text ListSeparator = new(", ", "、");

        public static readonly Text CommandExport = new(
            "**scorecard export** [YYYY-MM | YYYY-Qn] — leads: the scorecards of your managers as an XLSX file (one row per manager)",
            "**考核导出** [YYYY-MM | YYYY-Qn]：组长将客户经理的考核导出为XLSX文件（每人一行）");

        // The scorecards as an XLSX file (the team card's Export button, "scorecard export" / "考核 导出").
        public static readonly Text ExportButton = new("Export (XLSX)", "导出（XLSX）");
        public static readonly Text ExportForLeads = new(
            "Scorecards are exported by a team's lead, the managers above the lead and admins; type **my scorecard** for your own.",
            "考核由组长、组长的上级和管理员导出；查看本人考核请输入“我的考核”。");
        public static readonly Text ExportNotYourTeam = new(
            "{0} is not a team you lead or oversee; only its lead chain and admins export its scorecards.",
            "{0}不是您带领或分管的团队；只有该团队的上级和管理员可以导出其考核。");
        public static readonly Text ExportBadPeriod = new(
            "Write the month as YYYY-MM or the quarter as YYYY-Qn, e.g. scorecard export 2026-11 or scorecard export 2026-Q4.",
            "请按YYYY-MM填写月份或按YYYY-Qn填写季度，例如“考核导出 2026-11”或“考核导出 2026-Q4”。");
        public static readonly Text ExportFileName = new("Scorecards_{0}_{1}", "考核_{0}_{1}");
        public static readonly Text ExportAllTeams = new("All teams", "全部团队");
        public static readonly Text ExportOffer = new(
            "Scorecards of {0}, {1}: one row per manager.",
            "{0}{1}考核，每位客户经理一行。");
        public static readonly Text ColumnManager = new("Account manager", "客户经理");
        public static readonly Text ColumnTeam = new("Team", "团队");
        public static readonly Text ColumnPeriod = new("Period", "考核期");
        public static readonly Text ColumnState = new("State", "状态");
        public static readonly Text ColumnTotal = new("Total", "总分");
        public static readonly Text ColumnNotMeasured = new("Indicators not measured", "未计量指标数");
        public static readonly Text ColumnAdjustments = new("Adjustments and reasons", "调整及理由");
        public static readonly Text StateDraft = new("draft", "草稿");
        public static readonly Text StatePublished = new("published", "已发布");
        public static readonly Text StateAcknowledged = new("acknowledged", "已确认");
        public static readonly Text StateObjected = new("objected", "有异议");
        public static readonly Text StateUpheld = new("upheld", "维持原评分");
        public static readonly Text StateAmended = new("amended", "已修改评分");
        public static readonly Text AdjustmentCell = new("{0} {1}: {2}", "{0}{1}分：{2}");
        public static readonly Text AdjustmentSeparator = new("; ", "；");

        public static readonly Text CommandMyScorecard = new(
            "**my scorecard** [YYYY-MM | YYYY-Qn] — your own published scorecard (the latest unless you name a period): acknowledge it or object with a reason",
            "**我的考核** [YYYY-MM | YYYY-Qn]：查看本人已发布的考核（默认最近一期），确认或说明理由提出异议");

        // The lead's draft: scoring what was not measured, adjusting, publishing.
        public static readonly Text ScoreLabel = new("Your points for {0} (0 to {1})", "您对{0}的评分（0至{1}分）");
        public static readonly Text ScoreReasonLabel = new("Why these points", "评分理由");
        public static readonly Text AdjustLabel = new("Adjust {0} (up to ±{1} points; empty for none)", "调整{0}（最多±{1}分，不调整请留空）");
        public static readonly Text AdjustButton = new("Adjust with a reason", "说明理由并调整");
        public static readonly Text AdjustReasonLabel = new("Why the adjustment", "调整理由");
        public static readonly Text ScoreMissing = new("{0} was not measured: give it points before publishing.", "“{0}”未计量，请先评分再发布。");
        public static readonly Text ScoreReasonMissing = new("Say why you give {0} these points.", "请说明“{0}”的评分理由。");
        public static readonly Text AdjustOutOfBounds = new(
            "With this adjustment {0} would have {1} points; a dimension stays within 0 and {2}.",
            "按此调整，“{0}”将为{1}分；该维度得分须在0至{2}分之间。");
        public static readonly Text AdjustReasonMissing = new("Say why you adjust {0}.", "请说明调整“{0}”的理由。");
        public static readonly Text ReasonTooLong = new("A reason may be at most {0} characters.", "理由最多{0}个字。");
        public static readonly Text OneDecimal = new("{0}: points go to one decimal at most, e.g. 3.5.", "{0}：分数最多保留一位小数，例如3.5。");
        public static readonly Text PublishNote = new(
            "Publishing sends the manager this scorecard with your points and reasons; it is then locked (changes only through an objection).",
            "发布后，客户经理将收到本考核及您的评分和理由；发布后不可再改，只能经异议处理修改。");
        public static readonly Text PublishButton = new("Publish", "发布");
        public static readonly Text Unscored = new("Not published: score what was not measured first ({0}).", "尚未发布：请先为未计量的指标评分（{0}）。");
        public static readonly Text FixErrors = new("Not saved: please correct what is marked below.", "尚未保存：请修改下方标出的内容。");
        public static readonly Text PublishLeadsOnly = new(
            "Only the lead of {1} or a delegate publishes {0}'s scorecard.",
            "{0}的考核只能由{1}的组长或代理人发布。");
        public static readonly Text NotOverYet = new(
            "{0} is not over yet; its scorecard can be published from {1}.",
            "{0}尚未结束，自{1}起才能发布考核。");
        public static readonly Text AlreadyPublished = new(
            "Published by {0} on {1}, and locked: a published scorecard changes only through an objection.",
            "该考核已由{0}于{1}发布，不可再改；已发布的考核只能经异议处理修改。");
        public static readonly Text PublishedNotice = new(
            "Published. {0} has been sent it and may acknowledge or object by the end of {1}.",
            "已发布并发送给{0}，其可在{1}前确认或提出异议。");
        public static readonly Text RowPublished = new("Published: {0}/100", "已发布：{0}/100分");
        public static readonly Text DraftsReady = new(
            "The {0} drafts are ready as of {1}: open each manager, score what was not measured, adjust with a reason where you see fit, and publish.",
            "{0}考核草稿已于{1}生成：请逐一查看客户经理，为未计量的指标评分，如需调整请说明理由，然后发布。");
        public static readonly Text DraftsSummary = new("Scorecard drafts for {0} are ready", "{0}考核草稿已生成");

        // A published scorecard.
        public static readonly Text AnAdmin = new("an admin", "管理员");
        public static readonly Text StatusAnswer = new(
            "Published by {0} on {1}. Acknowledge it, or object with a reason, by the end of {2}.",
            "由{0}于{1}发布。请在{2}前确认，或说明理由提出异议。");
        public static readonly Text StatusWaiting = new(
            "Published by {0} on {1}. {2} may acknowledge or object by the end of {3}.",
            "由{0}于{1}发布。{2}可在{3}前确认或提出异议。");
        public static readonly Text StatusStands = new(
            "Published by {0} on {1}. No objection by the end of {2}: it stands.",
            "由{0}于{1}发布。截至{2}未提出异议，考核结果生效。");
        public static readonly Text StatusAcknowledged = new("Published by {0} on {1}; acknowledged on {2}.", "由{0}于{1}发布，已于{2}确认。");
        public static readonly Text StatusPublished = new("Published by {0} on {1}.", "由{0}于{1}发布。");
        public static readonly Text ObjectionLine = new("Objection ({0}): {1}", "异议（{0}）：{1}");
        public static readonly Text ObjectionWith = new("{0} decides on the objection.", "由{0}处理该异议。");
        public static readonly Text UpheldLine = new("Upheld by {0} on {1}: {2}", "{0}于{1}维持原考核：{2}");
        public static readonly Text AmendedLine = new("Amended by {0} on {1}: {2}", "{0}于{1}修改了考核：{2}");
        public static readonly Text Total = new("Total: {0}/100", "总分：{0}/100分");
        public static readonly Text TotalAmended = new("Total: {0}/100 (published as {1}, amended on objection)", "总分：{0}/100分（发布时{1}分，经异议修改）");
        public static readonly Text Change = new("{0} since {1} ({2})", "较{1}（{2}分）变化{0}分");
        public static readonly Text FirstPublished = new("The first published scorecard of this kind: no earlier one to compare.", "这是首次发布的同类考核，暂无可比较的上期结果。");
        public static readonly Text Rank = new("Rank {0} of {1} in {2} (published scorecards)", "在{2}已发布的{1}份考核中排名第{0}");
        public static readonly Text DimensionChange = new("{0} · {1}/{2} ({3} since last)", "{0}·{1}/{2}分（较上期{3}分）");
        public static readonly Text IndicatorScored = new("{0}: not measured; the lead gave {1}/{2}: {3}", "{0}：未计量，组长评{1}/{2}分，理由：{3}");
        public static readonly Text AdjustmentLine = new("Adjusted by the lead ({0} points): {1}", "组长调整{0}分，理由：{1}");
        public static readonly Text AmendedPoints = new("Amended on objection to {0} points (published {1})", "经异议修改为{0}分（发布时{1}分）");
        public static readonly Text AmendLabel = new("Points for {0} ({1} to {2})", "{0}的得分（{1}至{2}分）");
        public static readonly Text ObjectionLabel = new("Your reason, if you object", "如有异议，请填写理由");
        public static readonly Text AcknowledgeButton = new("Acknowledge", "确认");
        public static readonly Text ObjectButton = new("Object", "提出异议");
        public static readonly Text DecisionLabel = new("Reason for your decision", "处理理由");
        public static readonly Text UpholdButton = new("Uphold", "维持原评分");
        public static readonly Text AmendButton = new("Amend", "修改考核");
        public static readonly Text NoneYet = new(
            "You have no published scorecard yet; your lead publishes it after the month ends.",
            "您还没有已发布的考核；组长会在月末后发布。");
        public static readonly Text NoneForPeriod = new("Your scorecard for {0} has not been published.", "您{0}的考核尚未发布。");
        public static readonly Text AnswerOwnOnly = new("Only the manager the scorecard is about acknowledges it or objects.", "只有被考核的客户经理本人可以确认或提出异议。");
        public static readonly Text AlreadyAnswered = new("You have already answered this scorecard.", "您已对该考核作出答复。");
        public static readonly Text DeadlinePassed = new(
            "The time to acknowledge or object ended on {0}; the scorecard stands.",
            "确认或提出异议的期限已于{0}截止，考核结果生效。");
        public static readonly Text ObjectionReasonMissing = new("Say why you object.", "请填写提出异议的理由。");
        public static readonly Text ObjectionSent = new("Your objection has been sent to {0}, who decides on it.", "您的异议已发送给{0}处理。");
        public static readonly Text AcknowledgedNotice = new("Acknowledged. Thank you.", "已确认，谢谢。");
        public static readonly Text DecideOnly = new("Only {0}, the lead's own manager, decides on this objection.", "该异议只能由组长的上级{0}处理。");
        public static readonly Text AlreadyDecided = new("This objection has already been decided.", "该异议已处理。");
        public static readonly Text NoObjection = new("There is no objection to decide on this scorecard.", "该考核没有待处理的异议。");
        public static readonly Text DecisionReasonMissing = new("Say why you decide so.", "请填写处理理由。");
        public static readonly Text AmendNothing = new(
            "To amend, change at least one dimension's points; otherwise uphold the scorecard.",
            "修改考核须至少改动一个维度的得分；如不改动，请选择维持原考核。");
        public static readonly Text DecidedNotice = new("Decided. {0} and the lead have been told.", "已处理，并已通知{0}和组长。");
        public static readonly Text PublishedSummary = new("Your scorecard for {0} has been published", "您{0}的考核已发布");
        public static readonly Text ObjectedSummary = new("{0} objects to the scorecard for {1}", "{0}对{1}的考核提出异议");
        public static readonly Text DecidedSummary = new("The objection to {0}'s scorecard for {1} has been decided", "{0}{1}考核的异议已处理");
    }
}
