namespace DiligenceBot.Localization;

/// <summary>
/// Every text the bot sends, in en-US and zh-CN. Grouped by feature; a test checks that each exists in both
/// languages and that placeholders match.
/// </summary>
public static partial class Texts
{
    /// <summary>Dates as people write them; <see cref="CardDates"/> keeps each on one line.</summary>
    public static class Dates
    {
        public static readonly Text Long = new("{0:dddd} {0:%d} {0:MMMM}", "{0:%M}月{0:%d}日（{0:dddd}）");
        public static readonly Text Short = new("{0:ddd} {0:%d} {0:MMM}", "{0:%M}月{0:%d}日（{0:ddd}）");
        public static readonly Text Month = new("{0:MMMM} {0:yyyy}", "{0:yyyy}年{0:%M}月");
        /// <summary>{0}: the year, {1}: the quarter (1-4).</summary>
        public static readonly Text Quarter = new("Q{1} {0}", "{0}年第{1}季度");
        public static readonly Text MonthOnly = new("{0:MMM}", "{0:%M}月");
        /// <summary>{0}: the quarter (1-4).</summary>
        public static readonly Text QuarterOnly = new("Q{0}", "第{0}季度");
        public static readonly Text FirstHalf = new("H1 {0}", "{0}年上半年");
        public static readonly Text SecondHalf = new("H2 {0}", "{0}年下半年");
    }

    public static class Common
    {
        public static readonly Text NotUnderstood = new(
            "Sorry, I did not understand \"{0}\". Type **help** to see what I can do.",
            "抱歉，我没有理解“{0}”。输入“帮助”查看我能做什么。");
        public static readonly Text CardOutOfDate = new(
            "This card is out of date. Type **help** to start again.",
            "此卡片已过期。输入“帮助”重新开始。");
        public static readonly Text PersonalChatOnly = new(
            "That is yours alone (your logs, your team, your forms, coaching), so I answer it only in your personal chat with me, not where others can see it. Open the chat with DiligenceBot and ask there.",
            "这项内容只属于您本人（您的日志、团队、信息表或辅导），因此我只在您与我的私聊中回答，不在他人可见的地方显示。请打开与勤勉助手的私聊后再试。");
        public static readonly Text SomethingWentWrong = new(
            "Something went wrong on my side; nothing was changed. Please try again in a moment.",
            "我这边出了点问题，没有做任何更改。请稍后再试。");
    }

    public static class Welcome
    {
        public static readonly Text Title = new("Welcome to DiligenceBot", "欢迎使用勤勉助手");
        public static readonly Text GreetingKnown = new(
            "Hello {0}! I help your team keep its daily rhythm: work logs before the morning meeting, field information passed to the right department, and reviews and coaching from your lead.",
            "{0}，您好！我帮助团队保持每天的节奏：例会前提交工作日志，把一线信息传递给相关部门，并由组长审阅和辅导。");
        public static readonly Text GreetingUnknown = new(
            "Hello! I help sales teams keep their daily rhythm: work logs, information transfer forms, reviews and coaching. Your administrator has not added you to the directory yet, so some features will not be available to you.",
            "您好！我帮助销售团队保持每天的节奏：工作日志、信息传递表、审阅和辅导。管理员尚未把您加入通讯录，因此部分功能暂时无法使用。");
        public static readonly Text GreetingTeam = new(
            "Hello, {0}! I am DiligenceBot. Mention me with **help** to see what I can do here; most work happens in a personal chat with me.",
            "大家好，{0}！我是勤勉助手。@我并输入“帮助”查看我能做什么；大部分工作在与我的私聊中完成。");
        public static readonly Text InstalledForYou = new(
            "Your organisation installed DiligenceBot for you, so that your daily work log, the reminders before your team's morning meeting and your lead's reviews reach you here. There is nothing to set up.",
            "公司已为您安装勤勉助手：今后每日工作日志、例会前的提醒和组长的审阅意见都会在这里送达。您无需做任何设置。");
        public static readonly Text InstalledForLead = new(
            "Your organisation installed DiligenceBot for you, so that your team's work logs, the reminders before the morning meeting and what waits for your review reach you here. There is nothing to set up.",
            "公司已为您安装勤勉助手：今后团队的工作日志、例会前的提醒和待您审阅的事项都会在这里送达。您无需做任何设置。");
        public static readonly Text ShowHelp = new("All commands", "全部命令");
        public static readonly Text ShowProfile = new("Who am I here?", "我的信息");
        public static readonly Text Greeting = new("Hello {0}! What would you like to do?", "{0}，您好！需要我做什么？");
        public static readonly Text GreetingAnonymous = new("Hello! What would you like to do?", "您好！需要我做什么？");
        public static readonly Text WriteLog = new("Today's log", "今天的日志");
        public static readonly Text SendTransfer = new("Transfer form", "信息传递表");
        public static readonly Text MyLogs = new("My logs", "我的日志");
        public static readonly Text TeamLogs = new("Team logs", "团队日志");
        public static readonly Text FormsToday = new("Forms today", "今日信息");
        public static readonly Text Coach = new("Coach", "辅导");
        public static readonly Text ForLeadsButtons = new("As a lead:", "作为组长：");
    }

    public static class Help
    {
        public static readonly Text Title = new("What I can do", "我能做什么");
        public static readonly Text Intro = new(
            "Or type a command in this chat; commands work in English and Chinese:",
            "也可以在此聊天中输入命令，中英文命令均可：");
        public static readonly Text CommandHelp = new("**help** — this list", "**帮助**：显示此列表");
        public static readonly Text CommandMe = new(
            "**me** — who I think you are: your role, team and daily meeting",
            "**我的信息**：我所了解的您的角色、团队和每日例会");
        public static readonly Text CommandLog = new(
            "**log** — today's work log: write it before the daily meeting, or see its review",
            "**日志**：今天的工作日志，例会前填写，或查看审阅结果");
        public static readonly Text CommandMyLogs = new("**my logs** — your last seven logs and their status", "**我的日志**：您最近七篇日志及其状态");
        public static readonly Text CommandTeamLogs = new(
            "**team logs** [yyyy-mm-dd] — leads: who submitted, who is late or missing, each log one tap away",
            "**团队日志** [年-月-日]：供组长查看谁已提交、谁迟交或未交，一键打开每篇日志");
        public static readonly Text CommandMeeting = new(
            "Admins: **meeting** TEAM HH:mm [60,15] changes a team's daily meeting and reminders; **reload** applies edited seed files (teams, people, log templates)",
            "管理员可用“例会时间 团队 时:分 [60,15]”修改团队的例会时间和提醒，用“重新加载”应用修改后的种子文件（团队、人员、日志模板）。");
        public static readonly Text CommandLogSetting = new(
            "Admins: **log setting** TEAM previous-day (the log covers the previous working day, due before the meeting) or **log setting** TEAM same-day HH:mm (it covers the day itself, due at that time)",
            "管理员可用“日志设置 团队 前一工作日”让日志记录前一个工作日、在例会前提交，或用“日志设置 团队 当天 时:分”让日志记录当天、在该时间前提交。");
        public static readonly Text ForManagers = new("For account managers", "客户经理");
        public static readonly Text ForLeads = new("For leads", "组长");
        public static readonly Text ManagersIntro = new(
            "Before each daily meeting I remind you to submit your work log; information you pick up in the field goes to the department that must act on it.",
            "每天例会前我会提醒您提交工作日志；您在市场上收集到的信息会传递给需要处理的部门。");
        public static readonly Text LeadsIntro = new(
            "Before the meeting you read and review your team's logs from a card; type **coach** and a name for advice on coaching each manager.",
            "例会前您可在卡片中阅读和审阅团队的日志；输入“辅导”加姓名，获取辅导每位客户经理的建议。");
        public static readonly Text ShowProfile = new("Who am I here?", "我的信息");
    }

    public static class Profile
    {
        public static readonly Text Title = new("Who you are here", "您的信息");
        public static readonly Text Unknown = new(
            "You are not in DiligenceBot's directory yet. Ask your administrator to add you (your Microsoft Entra object id is {0}).",
            "您还不在勤勉助手的通讯录中。请联系管理员添加您（您的Microsoft Entra对象ID：{0}）。");
        public static readonly Text Name = new("Name", "姓名");
        public static readonly Text ManagerIn = new("Account manager in", "所属团队（客户经理）");
        public static readonly Text LeadOf = new("Lead of", "担任组长");
        public static readonly Text YourLead = new("Your lead", "您的组长");
        public static readonly Text Meeting = new("Daily meeting", "每日例会");
        public static readonly Text MeetingAt = new("{0} ({1})", "{0}（{1}）");
        public static readonly Text LeadOfValue = new("{0} — meets at {1}", "{0}，例会时间{1}");
        public static readonly Text Admin = new("Administrator", "管理员");
        public static readonly Text Yes = new("Yes", "是");
        public static readonly Text BackToHelp = new("Back to help", "返回帮助");
    }

    public static class WorkLogs
    {
        public static readonly Text Submit = new("Submit log", "提交日志");
        public static readonly Text Resubmit = new("Submit revision", "提交修改");
        public static readonly Text FixErrors = new("Please fix the fields marked below; nothing was saved yet.", "请修改下面标出的内容；尚未保存。");
        public static readonly Text ErrorRequired = new("{0} is required.", "请填写“{0}”。");
        public static readonly Text ErrorChoice = new("Choose one of the options for {0}.", "请为“{0}”选择一个选项。");
        public static readonly Text ErrorDate = new("{0} must be a date (yyyy-mm-dd).", "“{0}”必须是日期（年-月-日）。");
        public static readonly Text ErrorDateRange = new("{0} cannot be before the log's day ({1}) or more than a year after it.", "“{0}”不能早于日志日期（{1}），也不能晚于一年之后。");
        public static readonly Text NotAManager = new(
            "Work logs are for account managers, and you are not in a team as one. Ask your administrator if this is wrong.",
            "工作日志由客户经理填写，您目前不是任何团队的客户经理。如有误请联系管理员。");
        public static readonly Text NotYourLog = new("This card is about someone else's log; nothing was changed.", "此卡片涉及他人的日志，未做任何更改。");
        public static readonly Text UnknownLog = new("This log no longer exists. Type **log** to start again.", "该日志不存在。输入“日志”重新开始。");
        public static readonly Text AlreadyApproved = new("This log was already approved and can no longer be changed.", "该日志已审阅通过，不能再修改。");
        public static readonly Text StaleRevision = new(
            "This card shows an older version of the log (revision {0}; the current one is {1}). Here is the current one; nothing was changed.",
            "此卡片显示的是旧版本（第{0}版，当前为第{1}版）。以下为当前版本；未做任何更改。");
        public static readonly Text StatusSubmitted = new("Waiting for your lead's review", "等待组长审阅");
        public static readonly Text StatusReturned = new("Returned by {0}: please revise and resubmit", "已被{0}退回：请修改后重新提交");
        public static readonly Text StatusApproved = new("Approved by {0}", "{0}已审阅通过");
        public static readonly Text OnTime = new("On time", "按时");
        public static readonly Text Late = new("Late", "迟交");
        public static readonly Text Revision = new("Revision {0}", "第{0}版");
        public static readonly Text Edit = new("Edit", "修改");
        public static readonly Text Revise = new("Revise", "修改并重新提交");
        public static readonly Text Rating = new("Quality rating", "质量评分");
        public static readonly Text RatingValue = new("{0} / 5", "{0} / 5");
        public static readonly Text Evaluation = new("Evaluation", "评价");
        public static readonly Text Requirement = new("Requirement", "要求");
        public static readonly Text Suggestion = new("Suggestion", "建议");
        public static readonly Text Approve = new("Approve", "通过");
        public static readonly Text ReturnConfirm = new("Return to {0}", "退回给{0}");
        public static readonly Text ErrorCommentNeeded = new("To return a log, write at least one of evaluation, requirement or suggestion.", "退回日志需至少填写评价、要求或建议中的一项。");
        public static readonly Text ErrorRating = new("Choose a quality rating from 1 to 5.", "请选择1到5的质量评分。");
        public static readonly Text NotAllowedToReview = new(
            "Only the lead of {0} (or a delegate named for the team) may review this log; nothing was changed.",
            "只有{0}的组长（或为该团队指定的代理人）可以审阅此日志；未做任何更改。");
        public static readonly Text AlreadyDecided = new(
            "This revision was already {0} by {1} at {2}; nothing was changed.",
            "此版本已于{2}被{1}{0}；未做任何更改。");
        public static readonly Text DecidedApproved = new("approved", "审阅通过");
        public static readonly Text DecidedReturned = new("returned", "退回");
        public static readonly Text DecisionApprovedBanner = new("Approved by {0} · {1}", "{0}已审阅通过 · {1}");
        public static readonly Text DecisionReturnedBanner = new("Returned by {0} · {1}", "已被{0}退回 · {1}");
        public static readonly Text WaitingForReview = new("Waiting for your review · revision {0}", "等待您审阅 · 第{0}版");
        public static readonly Text ReviewRequestedSummary = new("{0} submitted a work log", "{0}提交了工作日志");
        public static readonly Text ReturnedSummary = new("Your work log was returned", "您的工作日志被退回");
        public static readonly Text ApprovedSummary = new("Your work log was approved", "您的工作日志已审阅通过");
        public static readonly Text MyLogsTitle = new("My last seven logs", "我最近七篇日志");
        public static readonly Text NoLogsYet = new("No logs yet. Type **log** to write today's.", "还没有日志。输入“日志”填写今天的日志。");
        public static readonly Text Open = new("Open", "打开");
        public static readonly Text NotALead = new("Team logs are for leads (and their delegates); you do not lead a team.", "团队日志供组长（及其代理人）查看；您不负责任何团队。");
        public static readonly Text BadDate = new("\"{0}\" is not a date; write it as yyyy-mm-dd, e.g. team logs 2026-11-27.", "“{0}”不是日期；请按“年-月-日”填写，例如：“团队日志 2026-11-27”。");
        public static readonly Text StateMissing = new("Missing", "未提交");
        public static readonly Text StateSubmitted = new("Submitted", "已提交");
        public static readonly Text StateLate = new("Late", "迟交");
        public static readonly Text StateApproved = new("Approved", "已通过");
        public static readonly Text StateReturned = new("Returned", "已退回");
        public static readonly Text TeamCounts = new(
            "Submitted {0} · late {1} · missing {2} · approved {3} · returned {4}",
            "已提交{0} · 迟交{1} · 未提交{2} · 已通过{3} · 已退回{4}");
        public static readonly Text NoTemplate = new(
            "Your team has no work log template yet; ask your administrator to set one up.",
            "您的团队还没有工作日志模板，请联系管理员设置。");
        public static readonly Text LeadUnreachable = new(
            "Saved. Your lead has not installed DiligenceBot yet, so they will see it under team logs.",
            "已保存。您的组长尚未安装勤勉助手，可在“团队日志”中查看。");

        // What a log covers and when it is due, dates as people write them, and the review's richer cards.
        public static readonly Text DayToday = new("today", "今天");
        public static readonly Text DayTomorrow = new("tomorrow", "明天");
        public static readonly Text DayYesterday = new("yesterday", "昨天");
        public static readonly Text DayOn = new("on {0}", "{0}当天");
        public static readonly Text LogTitle = new("Work log for {0}", "{0}工作日志");
        public static readonly Text LogOfTitle = new("{0}: work log for {1}", "{0}的{1}工作日志");
        public static readonly Text CoversDueMeeting = new(
            "This log covers {0}; due before the {1} meeting {2}.",
            "本日志记录{0}的工作，请在{2}{1}例会前提交。");
        public static readonly Text CoversWasDueMeeting = new(
            "This log covers {0}; it was due before the {1} meeting {2}, so it will be marked late.",
            "本日志记录{0}的工作，原应在{2}{1}例会前提交，现在提交将记为迟交。");
        public static readonly Text CoversDueAt = new(
            "This log covers {0}; due at {1} {2}.",
            "本日志记录{0}的工作，请在{2}{1}前提交。");
        public static readonly Text CoversWasDueAt = new(
            "This log covers {0}; it was due at {1} {2}, so it will be marked late.",
            "本日志记录{0}的工作，原应在{2}{1}前提交，现在提交将记为迟交。");
        public static readonly Text TeamDueMeeting = new("Due before the {0} meeting {1}.", "应在{1}{0}例会前提交。");
        public static readonly Text TeamWasDueMeeting = new("Were due before the {0} meeting {1}.", "应在{1}{0}例会前提交（已截止）。");
        public static readonly Text TeamDueAt = new("Due at {0} {1}.", "应在{1}{0}前提交。");
        public static readonly Text TeamWasDueAt = new("Were due at {0} {1}.", "应在{1}{0}前提交（已截止）。");
        public static readonly Text RequiredNote = new("Fields marked * are required.", "带*的为必填项。");
        public static readonly Text WrongLogDay = new(
            "This card is for the log of {0}, which can no longer be submitted; the log open now covers {1}. Type **log** to open it.",
            "此卡片是{0}的日志，已无法提交；现在可填写的是{1}的日志。输入**日志**打开它。");
        public static readonly Text SubmittedAt = new("submitted {0}", "提交于{0}");
        public static readonly Text StateNotYetDue = new("Not yet due", "尚未到截止时间");
        public static readonly Text StateExample = new("Example", "优秀示例");
        public static readonly Text TeamLogsTitle = new("{0} · logs for {1}", "{0}·{1}的日志");
        public static readonly Text TeamsLogsTitle = new("Your teams' logs", "您团队的日志");
        public static readonly Text TeamCountsBeforeDue = new(
            "Submitted {0} · not yet due {1} · approved {2} · returned {3}",
            "已提交{0} · 尚未截止{1} · 已通过{2} · 已退回{3}");
        public static readonly Text ReturnedBy = new("Returned by {0}", "{0}已退回");
        public static readonly Text ApprovedBy = new("Approved by {0}", "{0}已通过");
        public static readonly Text Stars = new("{0} ({1})", "{0}（{1}）");
        public static readonly Text LabelSeparator = new(": ", "：");
        public static readonly Text ListSeparator = new("; ", "；");
        public static readonly Text ReviewHint = new(
            "Approve with or without a comment; to return, write at least one of evaluation, requirement, suggestion and give a rating.",
            "可直接通过，也可附上点评；退回时请至少填写评价、要求、建议中的一项并打分。");
        public static readonly Text ExampleToggle = new("Mark as an example for the team", "标为团队优秀示例（将通知客户经理）");
        public static readonly Text MarkExample = new("Mark as an example for the team", "标为团队优秀示例");
        public static readonly Text PraisedBanner = new("Marked as an example for the team by {0}", "{0}已将其标为团队优秀示例");
        public static readonly Text ErrorExampleNeedsApproval = new(
            "A returned log cannot be an example for the team; untick the example box or approve the log.",
            "被退回的日志不能作为团队优秀示例；请取消勾选“优秀示例”，或通过该日志。");
        public static readonly Text ExampleNeedsApproval = new(
            "Only an approved log can be marked as an example; nothing was changed.",
            "只有已通过的日志才能标为优秀示例；未做任何更改。");
        public static readonly Text PraisedSummary = new("{0} marked your work log for {1} as an example for the team", "{0}将您{1}的工作日志标为团队优秀示例");
        public static readonly Text ApprovedPraisedSummary = new(
            "Your work log was approved and marked as an example for the team",
            "您的工作日志已通过，并被标为团队优秀示例");
        public static readonly Text BestLogsButton = new("Best logs this month", "本月优秀日志");
        public static readonly Text BestLogsTitle = new("Best logs of {0}", "{0}优秀日志");
        public static readonly Text NoBestLogs = new(
            "No log has been marked as an example this month yet. Mark one from its review card.",
            "本月还没有日志被标为优秀示例。可在日志的审阅卡片上标记。");
        public static readonly Text NoBestLogsTeam = new("None yet this month.", "本月暂无。");
        public static readonly Text Saved = new("Saved.", "已保存。");
    }

    public static class Schedule
    {
        public static readonly Text ReloadAdminOnly = new("Only an administrator can reload the organisation's settings; nothing was changed.", "只有管理员可以重新加载组织设置；未做任何更改。");
        public static readonly Text Reloaded = new(
            "Reloaded teams, people, log templates, transfer routing and coaching playbooks and thresholds from the seed files ({0} change(s)); team schedules took effect at once.",
            "已从种子文件重新加载团队、人员、日志模板、信息路由以及辅导方案和阈值（{0}处更改）；团队日程已立即生效。");
        public static readonly Text ReloadFailed = new("The seed files could not be applied: {0}. Nothing was changed.", "种子文件无法应用：{0}。未做任何更改。");
        public static readonly Text AdminOnly = new("Only an administrator can change a team's schedule; nothing was changed.", "只有管理员可以修改团队日程；未做任何更改。");
        public static readonly Text MeetingUsage = new(
            "Write it as: meeting TEAM HH:mm [reminder minutes, e.g. 60,15] — for example: meeting east-1 09:00 60,15",
            "格式：“例会时间 团队 时:分 [提醒分钟]”，提醒分钟如“60,15”，例如：“例会时间 east-1 09:00 60,15”。");
        public static readonly Text UnknownTeam = new("There is no team \"{0}\" in your organisation; nothing was changed.", "您的组织中没有团队“{0}”；未做任何更改。");
        public static readonly Text MeetingChanged = new(
            "{0} now meets at {1} ({2}); managers are reminded {3} minutes before. The schedule took effect at once.",
            "{0}的例会时间已改为{1}（{2}），提前{3}分钟提醒客户经理。日程已立即生效。");
        public static readonly Text LogSettingUsage = new(
            "Write it as: log setting TEAM previous-day, or log setting TEAM same-day HH:mm — for example: log setting east-1 same-day 18:00",
            "格式：“日志设置 团队 前一工作日”或“日志设置 团队 当天 时:分”，例如：“日志设置 east-1 当天 18:00”。");
        public static readonly Text LogSettingPreviousDay = new(
            "{0}'s log now covers the previous working day and is due before the {1} meeting ({2}). The schedule took effect at once.",
            "{0}的日志现记录前一个工作日的工作，须在{1}例会前提交（{2}）。日程已立即生效。");
        public static readonly Text LogSettingSameDay = new(
            "{0}'s log now covers the day itself and is due at {1} ({2}) that day. The schedule took effect at once.",
            "{0}的日志现记录当天的工作，须在当天{1}前提交（{2}）。日程已立即生效。");
        public static readonly Text ReminderSummary = new("Your work log is due in {0} minutes", "您的工作日志还有{0}分钟截止");
        public static readonly Text ReminderIn = new("Reminder: your work log is due in {0} minutes.", "提醒：您的工作日志还有{0}分钟截止。");
        public static readonly Text DigestNotice = new(
            "The daily meeting starts at {0}: who submitted, who is late, who is missing.",
            "例会将于{0}开始：谁已提交、谁迟交、谁未交。");
        public static readonly Text DigestSummary = new("Before your meeting: {0} submitted, {1} missing", "例会前：已提交{0}人，未交{1}人");
        public static readonly Text ReviewReminderNotice = new(
            "{0} log(s) from {1} are still waiting for your review; the meeting started at {2}.",
            "{1}有{0}篇日志仍在等待您审阅；例会已于{2}开始。");
        public static readonly Text ReviewReminderNoticeTeams = new(
            "{0} log(s) are still waiting for your review; the meeting started at {1}.",
            "您所带团队有{0}篇日志仍在等待您审阅；例会已于{1}开始。");
        public static readonly Text ReviewReminderSummary = new("Logs are waiting for your review", "有日志等待您审阅");
        public static readonly Text MissingToLead = new(
            "Why you get this: {0} has not submitted a work log for {1} consecutive working days (as of {2}). A short talk may help.",
            "提醒原因：{0}已连续{1}个工作日未提交工作日志（截至{2}）。不妨找其谈一谈。");
        public static readonly Text MissingToLeadsManager = new(
            "Why you get this: {0} ({1}, lead {2}) has not submitted a work log for {3} consecutive working days (as of {4}).",
            "提醒原因：{0}（{1}，组长{2}）已连续{3}个工作日未提交工作日志（截至{4}）。");
        public static readonly Text Unreachable = new(
            "Why you get this: I could not reach {0} to remind them about the work log for {1} — Teams says the bot is no longer in their chat. Please ask them to open DiligenceBot again.",
            "提醒原因：我无法联系{0}，提醒其提交{1}的工作日志——Teams显示机器人已不在其聊天中。请让其重新打开勤勉助手。");
    }
}
