namespace DiligenceBot.Localization;

public static partial class Texts
{
    /// <summary>The leads' dashboard tab: its API's refusals and every text its page shows.</summary>
    public static class Dashboard
    {
        // The API's problems (problem+json "title" and "detail").
        public static readonly Text ProblemNotInDirectory = new(
            "You are not in the directory of this tenant yet; please ask your administrator.",
            "您尚未加入本租户的通讯录，请联系管理员。");
        public static readonly Text ProblemNotALead = new(
            "The dashboard shows the teams you lead or oversee, and you lead or oversee none.",
            "仪表板显示您带领或分管的团队，而您目前没有带领或分管的团队。");
        public static readonly Text ProblemBadDate = new(
            "“{0}” is not a date; write it as YYYY-MM-DD, e.g. 2026-12-01.",
            "“{0}”不是日期，请按YYYY-MM-DD填写，例如2026-12-01。");
        public static readonly Text ProblemDateOutOfRange = new(
            "{0} is outside the years the dashboard shows (2000 to 2099).",
            "{0}超出仪表板可显示的年份（2000年至2099年）。");
        public static readonly Text ProblemRangeBackwards = new(
            "The range ends ({1}) before it starts ({0}).",
            "结束日期（{1}）早于开始日期（{0}）。");
        public static readonly Text ProblemRangeTooLong = new(
            "The range covers {0} days; at most {1} days can be shown at once.",
            "所选范围共{0}天，一次最多显示{1}天。");
        public static readonly Text ProblemUnknownTeam = new(
            "There is no team “{0}” among the teams you see.",
            "您可查看的团队中没有“{0}”。");
        public static readonly Text ProblemUnknownManager = new(
            "There is no account manager “{0}” among those you see.",
            "您可查看的客户经理中没有“{0}”。");
        public static readonly Text ProblemUnknownLog = new(
            "There is no work log “{0}” among those you see.",
            "您可查看的工作日志中没有“{0}”。");
        public static readonly Text ProblemBadFormat = new(
            "Choose the file type xlsx or csv (not “{0}”).",
            "请选择文件类型xlsx或csv（而非“{0}”）。");
        public static readonly Text ProblemBadRequest = new("The request cannot be answered", "无法处理该请求");
        public static readonly Text ProblemForbidden = new("Not for you", "无权查看");
        public static readonly Text ProblemNotFound = new("Not found", "未找到");

        // The page.
        public static readonly Text PageTitle = new("My teams", "我的团队");
        public static readonly Text PageSignedInAs = new("Signed in as {0}", "当前用户：{0}");
        public static readonly Text PageDemoBanner = new(
            "Demo sign-in (Development only): not Teams single sign-on. Choose whom to see the dashboard as:",
            "演示登录（仅限开发环境），并非Teams单点登录。请选择以谁的身份查看：");
        public static readonly Text PageDemoPerson = new("Demo person", "演示人员");
        public static readonly Text PageOpenInTeams = new(
            "Open the dashboard from its tab in Teams (“My teams”).",
            "请在Teams中通过“我的团队”标签页打开仪表板。");
        public static readonly Text PageConfigureHint = new(
            "This tab shows everyone who opens it the teams they lead or oversee: a lead their teams, the lead's own manager the teams below, admins every team. Select Save to add it.",
            "此标签页向每位打开者显示其带领或分管的团队：组长看到自己的团队，组长的上级看到下属团队，管理员看到全部团队。选择“保存”即可添加。");
        public static readonly Text PageHeatmapLabel = new("Punctuality of {0}: work logs by account manager and working day", "{0}准时情况：按客户经理和工作日显示的工作日志");
        public static readonly Text PageTodayChartLabel = new("Work logs of {0} by state", "{0}工作日志状态分布");
        public static readonly Text PageLoading = new("Loading…", "正在加载……");
        public static readonly Text PageSignInFailed = new(
            "Teams could not sign you in to the dashboard ({0}). Close the tab and open it again; if it happens again, tell your administrator.",
            "Teams未能让您登录仪表板（{0}）。请关闭此标签页后重新打开；如仍出现，请告知管理员。");
        public static readonly Text PageLoadFailed = new("The dashboard could not load this ({0}).", "仪表板未能加载此内容（{0}）。");
        public static readonly Text PageTabToday = new("Today", "今日");
        public static readonly Text PageTabPunctuality = new("Punctuality", "准时情况");
        public static readonly Text PageTeam = new("Team", "团队");
        public static readonly Text PageAllTeams = new("All my teams", "我的全部团队");
        public static readonly Text PageFrom = new("From", "开始日期");
        public static readonly Text PageTo = new("To", "结束日期");
        public static readonly Text PageShow = new("Show", "显示");
        public static readonly Text PageExportXlsx = new("Export (XLSX)", "导出（XLSX）");
        public static readonly Text PageExportCsv = new("Export (CSV)", "导出（CSV）");
        public static readonly Text PageShowTable = new("Show as table", "以表格显示");
        public static readonly Text PageShowChart = new("Show as chart", "以图表显示");
        public static readonly Text PageBack = new("Back", "返回");
        public static readonly Text PageNoManagers = new("No account managers in this team yet.", "该团队暂无客户经理。");
        public static readonly Text PageLogsOf = new("Logs of {0}, due {1}", "{0}的日志，截止时间{1}");
        public static readonly Text PageManager = new("Account manager", "客户经理");
        public static readonly Text PageLog = new("Work log", "工作日志");
        public static readonly Text PageSubmittedAt = new("Submitted", "提交时间");
        public static readonly Text PageFormsOpen = new("Open forms", "未办结信息表");
        public static readonly Text PageFormsOverdue = new("Forms overdue", "逾期信息表");
        public static readonly Text PageActionsOpen = new("Open action items", "未完成待办");
        public static readonly Text PageActionsOverdue = new("Action items overdue", "逾期待办");
        public static readonly Text PageOnTime = new("On time", "按时");
        public static readonly Text PageLate = new("Late", "迟交");
        public static readonly Text PageMissing = new("Missing", "未交");
        public static readonly Text PageNotYetDue = new("Not yet due", "未到截止时间");
        public static readonly Text PageStatusSubmitted = new("Waiting for review", "待审阅");
        public static readonly Text PageStatusReturned = new("Returned", "已退回");
        public static readonly Text PageStatusApproved = new("Approved", "已通过");
        public static readonly Text PageDay = new("Day", "日期");
        public static readonly Text PageRating = new("Rating", "评分");
        public static readonly Text PagePunctualityOf = new("Work logs from {0} to {1}", "{0}至{1}的工作日志");
        public static readonly Text PageHeatmapHint = new(
            "One row per account manager, one column per working day; choose a cell to open the log or the manager.",
            "每行一位客户经理，每列一个工作日；选择单元格可打开该日志或该客户经理。");
        public static readonly Text PageTotals = new("On time / late / missing", "按时／迟交／未交");
        public static readonly Text PageManagerLogs = new("Work logs", "工作日志");
        public static readonly Text PageManagerForms = new("Open information transfer forms", "未办结的信息传递表");
        public static readonly Text PageManagerActions = new("Open action items", "未完成的待办事项");
        public static readonly Text PageNone = new("None.", "无。");
        public static readonly Text PageFormNumber = new("Number", "编号");
        public static readonly Text PageFormState = new("State", "状态");
        public static readonly Text PageFormDue = new("Handle by", "办理期限");
        public static readonly Text PageOverdue = new("Overdue", "已逾期");
        public static readonly Text PageActionText = new("Action item", "待办事项");
        public static readonly Text PageActionDue = new("Due", "截止日期");
        public static readonly Text PageActionBlocked = new("Blocked", "受阻");
        public static readonly Text PageRecordTitle = new("Work log of {0} for {1}", "{0}的工作日志（{1}）");
        public static readonly Text PageRevision = new("Revision {0}", "第{0}版");
        public static readonly Text PageReviews = new("Reviews", "审阅记录");
        public static readonly Text PageNoReviews = new("Not reviewed yet.", "尚未审阅。");
        public static readonly Text PageReviewApproved = new("Approved by {0}", "{0}审阅通过");
        public static readonly Text PageReviewReturned = new("Returned by {0}", "{0}退回");
        public static readonly Text PageEvaluation = new("Evaluation", "评价");
        public static readonly Text PageRequirement = new("Requirement", "要求");
        public static readonly Text PageSuggestion = new("Suggestion", "建议");
        public static readonly Text PageFormSent = new("Sent", "已发送");
        public static readonly Text PageFormAcknowledged = new("Acknowledged", "已签收");
        public static readonly Text PageFormReopened = new("Reopened", "已重新打开");
    }
}
