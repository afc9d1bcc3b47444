namespace DiligenceBot.Localization;

public static partial class Texts
{
    /// <summary>Information transfer forms (信息传递表).</summary>
    public static class Transfers
    {
        // The form.
        public static readonly Text FormTitle = new("Information transfer form", "信息传递表");
        public static readonly Text FormIntro = new(
            "Pass what you picked up in the field to the post that must act on it. When you send it, it is numbered and goes to the post that handles its category. Fields marked * are required.",
            "把您在市场上收集到的信息传递给需要处理的岗位。发送后自动编号，并按类别送达负责的岗位。带*的为必填项。");
        public static readonly Text Category = new("Category", "类别");
        public static readonly Text Urgency = new("Urgency", "紧急程度");
        public static readonly Text UrgencyNormal = new("Normal", "一般");
        public static readonly Text UrgencyUrgent = new("Urgent", "紧急");
        public static readonly Text Content = new("Content", "信息内容");
        public static readonly Text ContentPlaceholder = new("What did you see or hear, where and when?", "看到或听到了什么？在哪里？什么时候？");
        public static readonly Text Request = new("Suggestion or request", "建议或要求");
        public static readonly Text Customer = new("Related customer", "相关客户");
        public static readonly Text CustomerPlaceholder = new("Shop name or licence number (optional)", "零售户名称或许可证号（选填）");
        public static readonly Text Send = new("Send", "发送");
        public static readonly Text FixErrors = new("Please fix the fields marked below; nothing was sent yet.", "请修改下面标出的内容；尚未发送。");
        public static readonly Text FixActionErrors = new("Please fix what is marked below; nothing was changed yet.", "请修改下面标出的内容；尚未做任何更改。");

        // Validation.
        public static readonly Text ErrorRequired = new("{0} is required.", "请填写“{0}”。");
        public static readonly Text ErrorCategory = new("Choose one of the categories.", "请选择一个类别。");
        public static readonly Text ErrorUrgency = new("Choose normal or urgent.", "请选择“一般”或“紧急”。");
        public static readonly Text ErrorRating = new("Choose a rating from 1 to 5.", "请选择1到5的评分。");
        public static readonly Text ErrorPost = new("Choose the post to forward it to (another post than the one that has it now).", "请选择要转交的岗位（不能是当前岗位）。");

        // Refusals.
        public static readonly Text NotKnown = new(
            "You are not in DiligenceBot's directory, so you cannot send or handle forms. Ask your administrator to add you.",
            "您不在勤勉助手的通讯录中，无法发送或处理信息表。请联系管理员添加您。");
        public static readonly Text NotSetUp = new(
            "Information transfer is not set up for your organisation yet; ask your administrator.",
            "您的组织尚未设置信息传递，请联系管理员。");
        public static readonly Text NoRoute = new(
            "No receiving post is set up for this category, so nothing was sent. Please ask your administrator.",
            "此类别没有设置接收岗位，因此未发送。请联系管理员。");
        public static readonly Text UnknownForm = new(
            "This form does not exist (or belongs to another organisation). Type **my forms** to see yours.",
            "该信息表不存在（或属于其他组织）。输入“我的信息表”查看您的信息表。");
        public static readonly Text NotAReceiver = new(
            "Only the receiving post ({0}) or its lead can do this; nothing was changed.",
            "只有接收岗位（{0}）或其负责人可以执行此操作；未做任何更改。");
        public static readonly Text NotTheProvider = new(
            "Only {0}, who sent this form, can do this; nothing was changed.",
            "只有提交此信息表的{0}可以执行此操作；未做任何更改。");
        public static readonly Text NotTheLead = new(
            "Only the lead of the provider's team (or a delegate) can rate the value of this information; nothing was changed.",
            "只有提供人所在团队的组长（或代理人）可以评价此信息的价值；未做任何更改。");
        public static readonly Text NotYourForm = new(
            "This card is about someone else's form; nothing was shown or changed.",
            "此卡片涉及他人的信息表；未显示或更改任何内容。");
        public static readonly Text Stale = new(
            "This card was out of date: the form has moved on (now: {0}). Here is its current state; nothing was changed.",
            "此卡片已过期：信息表已有新进展（当前：{0}）。以下为当前状态；未做任何更改。");
        public static readonly Text AlreadyDone = new(
            "{0} already {1} this form at {2}; nothing was changed.",
            "{0}已于{2}{1}了此信息表；未做任何更改。");
        public static readonly Text WrongState = new(
            "That is not possible now: the form is {0}. Nothing was changed.",
            "当前无法执行此操作：信息表状态为“{0}”。未做任何更改。");
        public static readonly Text ReopenedOnce = new(
            "This form was already reopened once; now it can only be closed. Nothing was changed.",
            "此信息表已退回重办过一次，现在只能关闭。未做任何更改。");
        public static readonly Text ReceiversUnreachable = new(
            "Sent. Nobody in {0} has installed DiligenceBot yet, so they will find it under forms to handle.",
            "已发送。{0}尚无人安装勤勉助手，他们可在“待处理信息”中看到。");
        public static readonly Text SentNotice = new("Sent as {0} to {1}.", "已发送，编号{0}，接收岗位：{1}。");

        // What was done, as "{who} already {did} this form".
        public static readonly Text DidSubmit = new("sent", "发送");
        public static readonly Text DidAcknowledge = new("acknowledged", "确认接收");
        public static readonly Text DidHandle = new("handled", "处理");
        public static readonly Text DidForward = new("forwarded", "转交");
        public static readonly Text DidReopen = new("reopened", "退回重办");
        public static readonly Text DidClose = new("closed", "关闭");

        // States.
        public static readonly Text StateSent = new("waiting for acknowledgement", "待接收");
        public static readonly Text StateAcknowledged = new("acknowledged, being handled", "已接收，处理中");
        public static readonly Text StateHandled = new("handled, waiting for the provider", "已处理，待提供人确认");
        public static readonly Text StateReopened = new("reopened, being handled again", "已退回重办");
        public static readonly Text StateClosed = new("closed", "已关闭");
        public static readonly Text Escalated = new("escalated", "已督办");
        public static readonly Text Overdue = new("overdue", "已超时");

        // The form's card.
        public static readonly Text ViewTitle = new("Information transfer {0}", "信息传递表{0}");
        public static readonly Text Number = new("Number", "编号");
        public static readonly Text Provider = new("Provider", "提供人");
        public static readonly Text SentAt = new("Time sent", "发出时间");
        public static readonly Text Receiver = new("Receiver", "接收人");
        public static readonly Text ReceiverValue = new("{0} · {1}", "{0} · {1}");
        public static readonly Text ReceivedAt = new("Time received", "接收时间");
        public static readonly Text Opinion = new("Handling opinion", "处理意见");
        public static readonly Text Feedback = new("Feedback to the provider", "反馈");
        public static readonly Text HandlingRating = new("Rating of the handling", "处理评价");
        public static readonly Text ClosingComment = new("Provider's comment", "提供人意见");
        public static readonly Text ReopenReason = new("Reason for reopening", "退回理由");
        public static readonly Text ValueRating = new("Value of the information", "信息价值");
        public static readonly Text RatingValue = new("{0} / 5", "{0} / 5");
        public static readonly Text RatedBy = new("{0} / 5 ({1})", "{0} / 5（{1}）");
        public static readonly Text AckBy = new("Acknowledge by", "接收期限");
        public static readonly Text HandleBy = new("Handle by", "处理期限");
        public static readonly Text History = new("History", "处理记录");
        public static readonly Text HistorySubmitted = new("{0} · {1} sent it to {2}", "{0} · {1}发送至{2}");
        public static readonly Text HistoryAcknowledged = new("{0} · {1} acknowledged it", "{0} · {1}确认接收");
        public static readonly Text HistoryHandled = new("{0} · {1} handled it", "{0} · {1}已处理");
        public static readonly Text HistoryForwarded = new("{0} · {1} forwarded it to {2}: {3}", "{0} · {1}转交{2}：{3}");
        public static readonly Text HistoryReopened = new("{0} · {1} reopened it: {2}", "{0} · {1}退回重办：{2}");
        public static readonly Text HistoryClosed = new("{0} · {1} closed it, rating {2} / 5", "{0} · {1}已关闭，评分{2}/5");

        // The card's actions.
        public static readonly Text Acknowledge = new("Acknowledge", "确认接收");
        public static readonly Text Handle = new("Handle", "处理");
        public static readonly Text HandleConfirm = new("Send the handling opinion", "提交处理意见");
        public static readonly Text Forward = new("Forward", "转交");
        public static readonly Text ForwardTo = new("Forward to", "转交给");
        public static readonly Text ForwardReason = new("Reason for forwarding", "转交理由");
        public static readonly Text ForwardConfirm = new("Forward", "确认转交");
        public static readonly Text Close = new("Close", "评价并关闭");
        public static readonly Text CloseRating = new("Your rating of the handling", "您对处理结果的评分");
        public static readonly Text CloseComment = new("Comment (optional)", "意见（选填）");
        public static readonly Text Comment = new("Your comment", "您的意见");
        public static readonly Text CloseConfirm = new("Close the form", "确认关闭");
        public static readonly Text Reopen = new("Reopen", "退回重办");
        public static readonly Text ReopenHint = new("Not resolved? You can reopen a form once, saying why.", "问题未解决？每张信息表可退回重办一次，请说明理由。");
        public static readonly Text ReopenConfirm = new("Reopen", "确认退回");
        public static readonly Text RateValue = new("Rate value", "评价价值");
        public static readonly Text RateValueConfirm = new("Save the rating", "保存评分");
        public static readonly Text Open = new("Open", "打开");

        // Lists.
        public static readonly Text MyFormsTitle = new("My forms", "我的信息表");
        public static readonly Text NoFormsYet = new("You have not sent any forms yet. Type **transfer** to send one.", "您还没有发送过信息表。输入“信息传递”发送一张。");
        public static readonly Text InboxTitle = new("Forms to handle", "待处理信息");
        public static readonly Text InboxEmpty = new("Nothing waits for you or your post.", "您和您的岗位没有待处理的信息。");
        public static readonly Text NotAReceiverAnywhere = new(
            "You are not in a receiving post, so no forms come to you. Type **my forms** for the ones you sent.",
            "您不在任何接收岗位，不会收到信息表。输入“我的信息表”查看您发送的信息表。");
        public static readonly Text TodayTitle = new("{0} · forms of {1}", "{0} · {1}的信息表");
        public static readonly Text TodayTitleTeams = new("Your teams' forms", "您所带团队的信息表");
        public static readonly Text TodayCounts = new(
            "Sent {0} · waiting {1} · being handled {2} · handled {3} · closed {4} · escalated {5}",
            "共{0}张：待接收{1}，处理中{2}，已处理{3}，已关闭{4}，已督办{5}");
        public static readonly Text TodayEmpty = new("Nobody in the team sent a form on this day.", "当天团队没有人发送信息表。");
        public static readonly Text NotALead = new(
            "Forms today is for leads (and their delegates); you do not lead a team.",
            "“今日信息”供组长（及其代理人）查看；您不负责任何团队。");
        public static readonly Text BadDate = new(
            "\"{0}\" is not a date; write it as yyyy-mm-dd, e.g. forms today 2026-11-27.",
            "“{0}”不是日期；请按“年-月-日”填写，例如：“今日信息 2026-11-27”。");
        public static readonly Text Due = new("due {0}", "期限{0}");

        // Messages sent to people.
        public static readonly Text RoutedSummary = new("{0} passed you information: {1}", "{0}向您传递了信息：{1}");
        public static readonly Text RoutedNotice = new("New for {0}: please acknowledge it by {1}.", "{0}收到新信息：请于{1}前确认接收。");
        public static readonly Text ForwardedNotice = new(
            "{0} forwarded this form to {1} ({2}). Please acknowledge it by {3}.",
            "{0}将此信息表转交{1}（{2}）。请于{3}前确认接收。");
        public static readonly Text HandledSummary = new("Your form {0} was handled", "您的信息表{0}已处理");
        public static readonly Text HandledNotice = new(
            "{0} handled your form. Rate the handling and close it, or reopen it once if it is not resolved.",
            "{0}已处理您的信息表。请评价并关闭；如未解决，可退回重办一次。");
        public static readonly Text ReopenedSummary = new("Form {0} was reopened", "信息表{0}被退回重办");
        public static readonly Text ReopenedNotice = new("{0} reopened this form ({1}). Please handle it again by {2}.", "{0}将此信息表退回重办（{1}）。请于{2}前重新处理。");
        public static readonly Text ClosedSummary = new("Form {0} was closed with a rating of {1} / 5", "信息表{0}已关闭，评分{1}/5");
        public static readonly Text ReminderSummary = new("Reminder: form {0} waits for acknowledgement", "提醒：信息表{0}待确认接收");
        public static readonly Text ReminderNotice = new(
            "Reminder: this form was to be acknowledged by {0}. Please acknowledge it now.",
            "提醒：此信息表应于{0}前确认接收，请尽快确认。");
        public static readonly Text EscalatedSummary = new("Escalated to you: form {0}", "督办：信息表{0}");
        public static readonly Text EscalatedAckNotice = new(
            "Why you get this: nobody in {0} acknowledged this form within {1} working hours (due {2}). You can act on it here.",
            "提醒原因：{0}未在{1}个工作小时内确认接收此信息表（期限{2}）。您可以在此直接处理。");
        public static readonly Text EscalatedHandleNotice = new(
            "Why you get this: {0} did not handle this form within {1} working hours (due {2}). You can act on it here.",
            "提醒原因：{0}未在{1}个工作小时内处理此信息表（期限{2}）。您可以在此直接处理。");
        public static readonly Text ProviderAckEscalated = new(
            "Your form {0} was escalated to {1}: {2} did not acknowledge it in time (due {3}).",
            "您的信息表{0}已上报{1}督办：{2}未按时确认接收（期限{3}）。");
        public static readonly Text ProviderHandleEscalated = new(
            "Your form {0} was escalated to {1}: {2} did not handle it in time (due {3}).",
            "您的信息表{0}已上报{1}督办：{2}未按时处理（期限{3}）。");

        // The routing table (admins).
        public static readonly Text RoutingTitle = new("Routing of information transfer forms", "信息传递分派表");
        public static readonly Text RoutingGoesTo = new("Goes to {0}.", "送达{0}。");
        public static readonly Text RoutingDeadlines = new(
            "{0}: acknowledged within {1} working hours (escalated after {2}), handled within {3}.",
            "{0}：{1}个工作小时内确认接收（超过{2}个工作小时上报督办），{3}个工作小时内处理完毕。");
        public static readonly Text RoutingNormal = new("Normal", "一般");
        public static readonly Text RoutingUrgent = new("Urgent", "紧急");
        public static readonly Text RoutingFallback = new("When a post has nobody", "岗位无人时转至");
        public static readonly Text RoutingNobody = new("nobody", "无人");
        public static readonly Text RoutingLead = new("lead {0}", "负责人{0}");
        public static readonly Text RoutingHint = new(
            "Deadlines count the receiving post's working hours. To change where a category goes, type: routing CATEGORY POST, e.g. routing complaint office.",
            "期限按接收岗位的工作时间计算。如需修改某类信息的接收岗位，请输入“信息路由 类别 岗位”，例如：“信息路由 complaint office”。");
        public static readonly Text RoutingAdminOnly = new("Only an administrator can see or change the routing; nothing was changed.", "只有管理员可以查看或修改分派；未做任何更改。");
        public static readonly Text RoutingUsage = new(
            "Write it as: routing CATEGORY POST — for example: routing complaint office",
            "格式：“信息路由 类别 岗位”，例如：“信息路由 complaint office”。");
        public static readonly Text RoutingUnknown = new(
            "There is no category \"{0}\" or no active post \"{1}\" in your organisation; nothing was changed.",
            "您的组织中没有类别“{0}”或没有启用的岗位“{1}”；未做任何更改。");
        public static readonly Text RoutingChanged = new("{0} now goes to {1}.", "{0}现在分派给{1}。");

        // Help lines (HelpCards lists them).
        public static readonly Text CommandTransfer = new(
            "**transfer** — pass field information to the post that must act on it (numbered, routed, followed up)",
            "**信息传递**：把一线信息传递给需要处理的岗位（自动编号、分派、跟踪）");
        public static readonly Text CommandMyForms = new("**my forms** — the forms you sent and where each one is", "**我的信息表**：您发送的信息表及其进展");
        public static readonly Text CommandInbox = new(
            "**forms to handle** — receivers: forms waiting for you or your post, most urgent first",
            "**待处理信息**：供接收人查看等待您或您岗位处理的信息表，最紧急的在前");
        public static readonly Text CommandToday = new(
            "**forms today** [yyyy-mm-dd] — leads: your team's forms of the day, their states, and rating their value",
            "**今日信息** [年-月-日]：供组长查看团队当天的信息表、进展及信息价值评分");
        public static readonly Text CommandRouting = new(
            "**routing** [CATEGORY] [POST] — admins: where each category of information goes, and its deadlines",
            "**信息路由** [类别] [岗位]：供管理员查看各类信息的接收岗位及处理期限");
    }
}
