namespace DiligenceBot.Localization;

public static partial class Texts
{
    /// <summary>The four record checks (complete, correct, classified, kept safe) a lead runs each month.</summary>
    public static class RecordChecks
    {
        public static readonly Text CommandCheck = new(
            "**check** [YYYY-MM] [name] — leads: the four record checks (complete, correct, classified, kept safe) of your managers for a month; last month during its first working days, then this month so far",
            "**检查** [YYYY-MM] [姓名]：组长查看客户经理某月资料的四项检查（完整、准确、分类、保管）；月初资料到期前默认上月，之后默认本月至今");

        public static readonly Text NotInDirectory = new(
            "You are not in the directory yet; please ask your administrator.",
            "您尚未加入通讯录，请联系管理员。");
        public static readonly Text NotALead = new(
            "The record checks are for a team's lead, their delegates, the managers above the lead and admins. Type **records** to see your own records.",
            "资料检查由组长、其代理人、组长的上级和管理员使用。输入“资料”可查看您自己的资料。");
        public static readonly Text NotYours = new(
            "{0} is not in a team you lead or oversee; only {0}'s lead chain and admins check {0}'s records.",
            "{0}不在您带领或分管的团队中；只有{0}的上级和管理员可以检查{0}的资料。");
        public static readonly Text NotYourself = new(
            "You do not check your own records; type **records** to see them.",
            "不能检查自己的资料；输入“资料”即可查看。");
        public static readonly Text UnknownManager = new(
            "There is no account manager called “{0}” here. Type **check** to see your teams.",
            "这里没有名为“{0}”的客户经理。输入“检查”可查看您的团队。");
        public static readonly Text SeveralMatch = new(
            "“{0}” could be {1}; write the full name.",
            "“{0}”可能是{1}，请写全名。");
        public static readonly Text BadMonth = new(
            "Write the month as YYYY-MM, e.g. check 2026-11 or check 2026-11 Chen Jie.",
            "请按YYYY-MM填写月份，例如“检查 2026-11”或“检查 2026-11 陈杰”。");
        public static readonly Text FutureMonth = new(
            "{0} has not begun yet; check a month that has.",
            "{0}尚未开始，请检查已开始的月份。");
        public static readonly Text NoManagers = new(
            "There are no account managers in your teams to check yet.",
            "您的团队中暂无可检查的客户经理。");

        public static readonly Text TeamsTitle = new("Record checks · {0}", "{0}资料检查");
        public static readonly Text TeamTitle = new("{0} · record checks · {1}", "{0}·{1}资料检查");
        public static readonly Text ManagerTitle = new("Record checks · {0} · {1}", "{0}·{1}资料检查");
        public static readonly Text WholeMonth = new("The whole month.", "全月。");
        public static readonly Text UpTo = new("This month so far: up to {0}.", "本月至今：截至{0}。");
        public static readonly Text Nobody = new("No account managers in this team.", "本组暂无客户经理。");

        public static readonly Text Complete = new("Complete", "完整");
        public static readonly Text Correct = new("Correct", "准确");
        public static readonly Text Classified = new("Classified", "分类");
        public static readonly Text Kept = new("Kept safe", "保管");
        public static readonly Text Met = new("met", "达标");
        public static readonly Text NotMet = new("not met", "未达标");
        public static readonly Text NotMeasured = new("not measured: nothing to check yet", "不计：暂无可查内容");
        public static readonly Text Heading = new("{0}: {1}", "{0}：{1}");
        public static readonly Text ListSeparator = new(", ", "、");
        public static readonly Text RowMet = new("{0} of 4 checks met", "四项检查达标{0}项");
        public static readonly Text RowNotMet = new("Not met: {0}", "未达标：{0}");
        public static readonly Text RowNotMeasured = new("Not measured: {0}", "不计：{0}");

        public static readonly Text Logs = new("Logs: {0} of {1} working days ({2} on time)", "日志：{1}个工作日已交{0}篇（准时{2}篇）");
        public static readonly Text LogsNoneDue = new("Logs: none due yet", "日志：暂无应交");
        public static readonly Text PlanPresent = new("Plan for {0}: submitted", "{0}营销计划：已提交");
        public static readonly Text PlanMissing = new("Plan for {0}: missing", "{0}营销计划：未提交");
        public static readonly Text Meetings = new("Meetings: attended {0} of {1}", "会议：应到{1}次，出席{0}次");
        public static readonly Text MeetingsNone = new("Meetings: no minutes recorded yet", "会议：暂无会议纪要");
        public static readonly Text Required = new("Required records due: {0} of {1} filed", "到期应交资料：{1}份中已交{0}份");
        public static readonly Text RequiredNone = new("Required records: none fell due", "应交资料：本月无到期");
        public static readonly Text Approved = new("Approved or verified by the lead: {0} of {1}", "经组长通过或核实：{1}项中{0}项");
        public static readonly Text Returns = new("Returned: {0} time(s) (logs {1}, plan {2}, records {3})", "退回：{0}次（日志{1}次、计划{2}次、资料{3}次）");
        public static readonly Text Waiting = new("Waiting for the lead: {0}", "待组长审阅：{0}项");
        public static readonly Text RecordsClassified = new("Records classified by kind and period or customers: {0} of {1}", "按类别及期间或客户归类的资料：{1}份中{0}份");
        public static readonly Text LogsWithCustomers = new("Logs naming registered customers: {0} of {1}", "列明已登记客户的日志：{1}篇中{0}篇");
        public static readonly Text NoRecordsFiled = new("Records: none filed this month", "资料：本月未提交");
        public static readonly Text NoLogs = new("Logs: none yet", "日志：暂无");
        public static readonly Text Locked = new("Records verified and locked: {0} of {1}", "已核实并锁定的资料：{1}份中{0}份");
        public static readonly Text Retrievable = new("Files retrievable intact: {0} of {1}", "可完整调取的文件：{1}个中{0}个");

        public static readonly Text ShowBehind = new("What is behind", "查看明细");
        public static readonly Text BackToManager = new("Back to the checks", "返回检查");
        public static readonly Text BackToTeam = new("All managers", "全部客户经理");
        public static readonly Text BehindTitle = new("{0} · {1} · {2}", "{0}·{1}·{2}");
        public static readonly Text NothingBehind = new("Nothing missing, returned or open here.", "此项无缺漏、退回或待办。");
        public static readonly Text MissingLog = new("Log for {0}: missing", "{0}日志：未提交");
        public static readonly Text Absent = new("{0} on {1}: absent", "{1}{0}：缺席");
        public static readonly Text AbsentBecause = new("{0} on {1}: absent ({2})", "{1}{0}：缺席（{2}）");
        public static readonly Text RecordMissing = new("{0}, {1}: missing (due {2})", "{0}（{1}）：未提交，应于{2}前提交");
        public static readonly Text LogReturned = new("Log for {0}: returned {1} time(s)", "{0}日志：退回{1}次");
        public static readonly Text PlanReturned = new("Plan for {0}: returned {1} time(s)", "{0}营销计划：退回{1}次");
        public static readonly Text RecordReturned = new("“{0}”: returned {1} time(s)", "“{0}”：退回{1}次");
        public static readonly Text RecordNoCustomers = new("“{0}” ({1}): names no customer", "“{0}”（{1}）：未关联客户");
        public static readonly Text RecordUnknownKind = new("“{0}”: its kind is no longer known", "“{0}”：资料类别已不存在");
        public static readonly Text LogNoCustomers = new("Log for {0}: names no registered customer", "{0}日志：未列明已登记客户");
        public static readonly Text RecordOpen = new("“{0}”: {1}", "“{0}”：{1}");
        public static readonly Text FileLost = new("“{0}”: the file {1} cannot be retrieved intact", "“{0}”：文件{1}无法完整调取");
    }
}
