namespace DiligenceBot.Localization;

public static partial class Texts
{
    /// <summary>Coaching: the lead's card, the manager's monthly pulse, the digest, reminders, tips.</summary>
    public static class Coaching
    {
        // Help.
        public static readonly Text CommandPulse = new(
            "**pulse** — this month's three quick questions (confidence, motivation, fairness) for your lead",
            "**月度状态**：本月三个简单问题（信心、干劲、公平感），供组长参考");
        public static readonly Text CommandCoach = new(
            "**coach** [NAME] — leads: how to coach one of your managers: suggested type with its evidence, playbook, actions",
            "**辅导** [姓名]：供组长了解如何辅导客户经理，包括建议类型及依据、辅导方案和行动");

        // The lead's card.
        public static readonly Text CardTitle = new("Coaching: {0}", "辅导：{0}");
        public static readonly Text Confidential = new(
            "{0} · visible only to this manager's lead chain; the manager never sees a type label.",
            "{0} · 仅该客户经理的上级可见；本人看不到任何类型标签。");
        public static readonly Text FixErrors = new("Please fix what is marked; nothing was saved yet.", "请修改标出的内容；尚未保存。");
        public static readonly Text Suggested = new("What the evidence suggests", "根据数据的建议");
        public static readonly Text SuggestedType = new("{0} (strength {1})", "{0}（强度{1}）");
        public static readonly Text SuggestedWeakly = new("Possibly {0} (the evidence is still weak)", "可能是{0}（依据尚不充分）");
        public static readonly Text ShowFigures = new("Figures", "数据");
        public static readonly Text ShowPlaybook = new("Playbook", "辅导方案");
        public static readonly Text ShowHistory = new("History", "以往记录");
        public static readonly Text ReasonOptional = new("Reason (optional)", "理由（选填）");
        public static readonly Text AlsoIndicated = new("Also indicated:", "其他迹象：");
        public static readonly Text NotEnoughData = new(
            "Not enough data yet to suggest a type ({0} working days in the last 30). Record observations and look again later.",
            "数据还不足以给出建议（近30天仅{0}个工作日）。可以先记录观察，稍后再看。");
        public static readonly Text NothingStandsOut = new(
            "No type stands out from the evidence. You can still choose one from what you know.",
            "数据中没有明显的类型倾向。您仍可根据了解的情况选择一个类型。");
        public static readonly Text OnTime30 = new("On time (30 days)", "准时率（30天）");
        public static readonly Text OnTime90 = new("On time (90 days)", "准时率（90天）");
        public static readonly Text Rating30 = new("Average rating (30 days)", "平均评分（30天）");
        public static readonly Text Rating90 = new("Average rating (90 days)", "平均评分（90天）");
        public static readonly Text Returned30 = new("Logs returned (30 days)", "退回日志（30天）");
        public static readonly Text Transfers30 = new("Transfer forms raised (30 days)", "提交信息传递表（30天）");
        public static readonly Text TransferValue90 = new("Average value of forms (90 days)", "信息平均价值（90天）");
        public static readonly Text Complaints90 = new("Customer complaints recorded (90 days)", "记录的客户投诉（90天）");
        public static readonly Text Pulse = new("Latest monthly pulse", "最近一次月度状态");
        public static readonly Text PulseValue = new(
            "confidence {0} · motivation {1} · fairness {2} ({3})",
            "信心{0}分，干劲{1}分，公平感{2}分（{3}）");
        public static readonly Text PulseNone = new("not answered", "未填写");
        public static readonly Text Decision = new("Your decision", "您的判断");
        public static readonly Text NotDecided = new(
            "Not confirmed yet: confirm the suggestion or choose another type; the playbook's actions are then scheduled.",
            "尚未确认：请确认建议或选择其他类型，确认后将安排辅导行动。");
        public static readonly Text Decided = new("Confirmed on {2}: {0}, by {1}", "{2}已确认：{0}（{1}）");
        public static readonly Text ReasonWas = new("Reason: {0}", "理由：{0}");
        public static readonly Text History = new("Earlier decisions:", "以往判断：");
        public static readonly Text PlaybookTitle = new("Playbook: {0}", "辅导方案：{0}");
        public static readonly Text LookInto = new("Look into", "了解什么");
        public static readonly Text HowToTalk = new("How to talk", "怎样谈");
        public static readonly Text WhatToDo = new("What to do", "做什么");
        public static readonly Text ActionsAfterConfirm = new("Scheduled once you confirm: {0}", "确认后将安排：{0}");
        public static readonly Text OpenActions = new("Open actions", "待完成的行动");
        public static readonly Text ActionDue = new("{0} — due {1}", "{0}（{1}前完成）");
        public static readonly Text ActionOverdue = new("{0} — overdue since {1}", "{0}（已于{1}逾期）");
        public static readonly Text MarkDone = new("Done", "已完成");
        public static readonly Text MarkSkipped = new("Skip", "跳过");
        public static readonly Text Observations = new("Recent observations:", "近期观察：");
        public static readonly Text SendTip = new("Send tip", "发送建议");
        public static readonly Text TipPreview = new(
            "This tip goes to {0} from the bot, with your name; it does not mention any type:",
            "这条建议将以您的名义由机器人发给{0}，其中不会提及任何类型：");
        public static readonly Text SendTipConfirm = new("Send this tip", "发送这条建议");
        public static readonly Text TypeLabel = new("Type", "类型");
        public static readonly Text ErrorType = new("Choose one of the seven types.", "请从七种类型中选择一种。");
        public static readonly Text ReasonLabel = new(
            "Reason (required when you choose another type than the suggestion)",
            "理由（选择与建议不同的类型时必填）");
        public static readonly Text ReasonShort = new("Reason", "理由");
        public static readonly Text ReasonPlaceholder = new("What do you see that the figures do not show?", "您看到了哪些数据没有反映的情况？");
        public static readonly Text Confirm = new("Decide", "确认类型");
        public static readonly Text Change = new("Change", "更改类型");
        public static readonly Text ConfirmButton = new("Save the type", "保存类型");
        public static readonly Text ObservationKind = new("What you observed", "观察类别");
        public static readonly Text ErrorKind = new("Choose what kind of observation this is.", "请选择观察类别。");
        public static readonly Text ObservationNote = new("Note", "说明");
        public static readonly Text ObservationPlaceholder = new("What happened, when, with whom?", "发生了什么？什么时候？涉及谁？");
        public static readonly Text Observe = new("Observe", "记录观察");
        public static readonly Text ObserveButton = new("Save the observation", "保存观察");
        public static readonly Text KindComplaint = new("Customer complaint", "客户投诉");
        public static readonly Text KindFairness = new("Grievance about fairness", "对公平的不满");
        public static readonly Text KindMorale = new("Low morale", "士气低落");
        public static readonly Text KindConfidence = new("Low confidence", "缺乏信心");
        public static readonly Text KindPraise = new("Praise", "表扬");
        public static readonly Text KindOther = new("Other", "其他");

        // Picking a manager.
        public static readonly Text PickTitle = new("Whom do you want to coach?", "您要辅导谁？");
        public static readonly Text PickIntro = new(
            "Type **coach** and a name, or choose below.",
            "输入“辅导”加姓名，或在下面选择。");

        // Refusals and notices.
        public static readonly Text NotKnown = new(
            "You are not in DiligenceBot's directory, so coaching is not available to you. Ask your administrator to add you.",
            "您不在勤勉助手的通讯录中，无法使用辅导功能。请联系管理员添加您。");
        public static readonly Text NobodyToCoach = new(
            "Coaching cards are for leads: nobody in the directory reports to you.",
            "辅导卡片供组长使用：通讯录中没有向您汇报的人员。");
        public static readonly Text NoMatch = new("Nobody you coach is called \"{0}\".", "您辅导的人员中没有叫“{0}”的。");
        public static readonly Text SeveralMatch = new("Several people match \"{0}\"; choose one.", "有多人与“{0}”匹配，请选择一位。");
        public static readonly Text NotInLeadChain = new(
            "Only {0}'s lead chain (their team lead and those the lead reports to) can open their coaching card.",
            "只有{0}的上级（其组长及组长的上级）可以打开其辅导卡片。");
        public static readonly Text UnknownManager = new(
            "This card is about someone who is not in your organisation's directory any more.",
            "此卡片涉及的人员已不在贵组织的通讯录中。");
        public static readonly Text Saved = new("Saved: {0}. The playbook's actions are scheduled below.", "已保存：{0}。辅导行动已安排在下方。");
        public static readonly Text SavedSame = new("Saved: {0}, confirmed again; the open actions stay as they are.", "已保存：再次确认为{0}；待完成的行动保持不变。");
        public static readonly Text StaleDecision = new(
            "{0} decided meanwhile; this is the card as it is now. Nothing was saved from your card.",
            "{0}刚刚已作出判断；这是最新的卡片。您卡片上的内容未保存。");
        public static readonly Text ReasonRequired = new(
            "Reason is required when you choose another type than the suggestion.",
            "选择与建议不同的类型时，请填写理由。");
        public static readonly Text ObservationSaved = new("Observation saved.", "观察已保存。");
        public static readonly Text ActionDoneNotice = new("Recorded as done: {0}", "已记录为完成：{0}");
        public static readonly Text ActionSkippedNotice = new("Recorded as skipped: {0}", "已记录为跳过：{0}");
        public static readonly Text ActionAlreadyClosed = new(
            "This action was already recorded ({0}); nothing was changed.",
            "此行动已有记录（{0}）；未做任何更改。");
        public static readonly Text StatusDone = new("done", "已完成");
        public static readonly Text StatusSkipped = new("skipped", "已跳过");
        public static readonly Text UnknownAction = new(
            "This action does not exist (or belongs to another organisation).",
            "该行动不存在（或属于其他组织）。");
        public static readonly Text TipSent = new("Tip sent to {0}.", "建议已发送给{0}。");
        public static readonly Text NoTip = new("Confirm a type first: tips come from its playbook.", "请先确认类型：建议来自对应的辅导方案。");

        // The manager's monthly pulse.
        public static readonly Text PulseTitle = new("Monthly pulse · {0}", "月度状态 · {0}");
        public static readonly Text PulseIntro = new(
            "Three quick questions, 1 (low) to 5 (high). Your lead reads the answers to support you better.",
            "三个简单问题，1分最低，5分最高。您的组长会参考您的回答，以便更好地支持您。");
        public static readonly Text PulseConfidence = new("How confident do you feel in your work with customers?", "您在客户工作中有多大信心？");
        public static readonly Text PulseMotivation = new("How motivated do you feel this month?", "本月您的干劲如何？");
        public static readonly Text PulseFairness = new("How fairly do you feel treated (targets, areas, rewards)?", "您觉得在指标、片区、奖励等方面受到的对待公平吗？");
        public static readonly Text Scale1 = new("1 (low)", "1（低）");
        public static readonly Text Scale5 = new("5 (high)", "5（高）");
        public static readonly Text PulseSend = new("Send", "提交");
        public static readonly Text PulseFix = new("Please answer each question; nothing was saved yet.", "请回答每个问题；尚未保存。");
        public static readonly Text ErrorScale = new("Choose a value from 1 to 5.", "请选择1到5之间的数值。");
        public static readonly Text PulseThanks = new("Thank you, your answers are recorded.", "谢谢，您的回答已记录。");
        public static readonly Text PulseUpdated = new("Thank you, your answers are updated.", "谢谢，您的回答已更新。");
        public static readonly Text PulseWhoSees = new(
            "Your lead and the people your lead reports to see these answers. You can change them until the end of the month.",
            "您的组长及其上级可以看到这些回答。月底前您可以修改。");
        public static readonly Text PulseChange = new("Change my answers", "修改回答");
        public static readonly Text PulseNotForYou = new(
            "The monthly pulse is for account managers in a team; you are not in one.",
            "月度状态调查面向团队中的客户经理；您不在任何团队中。");
        public static readonly Text PulseForLeads = new(
            "The monthly pulse is answered by account managers; you lead {0}, so you read your managers' answers on their coaching cards (type **coach**).",
            "月度状态由客户经理填写；您是{0}的组长，可在客户经理的辅导卡片中查看他们的回答（输入“辅导”）。");
        public static readonly Text PulseMonthOver = new(
            "That month's pulse is closed; here is this month's.",
            "该月的调查已结束；这是本月的调查。");
        public static readonly Text PulseSummary = new("Your monthly pulse: three quick questions", "月度状态：三个简单问题");

        // The monthly digest.
        public static readonly Text DigestTitle = new("Coaching digest · {0} · {1}", "辅导月报 · {0} · {1}");
        public static readonly Text DigestIntro = new(
            "What the evidence suggests for each manager now, what changed since last month, and actions overdue.",
            "每位客户经理目前的建议类型、与上月相比的变化，以及逾期的辅导行动。");
        public static readonly Text NoSuggestion = new("no clear type", "无明显类型");
        public static readonly Text DigestFirst = new("first digest", "首次月报");
        public static readonly Text DigestSame = new("same as last month", "与上月相同");
        public static readonly Text DigestChanged = new("last month: {0}", "上月：{0}");
        public static readonly Text DigestSuggested = new("Suggested: {0} — {1}", "建议：{0}，{1}");
        public static readonly Text DigestConfirmed = new("Your decision: {0}", "您的判断：{0}");
        public static readonly Text DigestNotConfirmed = new("not confirmed yet", "尚未确认");
        public static readonly Text DigestActions = new("Open actions: {0}, overdue: {1}", "待完成行动：{0}，逾期：{1}");
        public static readonly Text DigestEmpty = new("Your teams have no account managers.", "您的团队中没有客户经理。");
        public static readonly Text DigestSummary = new("Coaching digest for {0}", "{0}辅导月报");
        public static readonly Text OpenCard = new("Open coaching card", "打开辅导卡片");

        // Action reminders.
        public static readonly Text ReminderTitle = new("Coaching action for {0}", "{0}的辅导行动");
        public static readonly Text ReminderDue = new("Due today ({1}): {0}", "今天（{1}）到期：{0}");
        public static readonly Text ReminderOverdue = new("Overdue since {1}: {0}", "已于{1}逾期：{0}");
        public static readonly Text ReminderWhy = new(
            "You get this because you scheduled this action when you confirmed the manager's type; it comes on the due day and weekly while open.",
            "您收到此提醒，是因为您确认类型时安排了这项行动；到期当天提醒，未完成则每周提醒一次。");
        public static readonly Text ReminderSummary = new("Coaching action due for {0}", "{0}的辅导行动到期");

        // Tips to the manager.
        public static readonly Text TipTitle = new("A tip for your work", "工作小建议");
        public static readonly Text TipFrom = new("Shared by {0} through DiligenceBot.", "由{0}通过勤勉助手分享。");
        public static readonly Text TipSummary = new("A tip from your lead", "来自组长的小建议");
    }
}
