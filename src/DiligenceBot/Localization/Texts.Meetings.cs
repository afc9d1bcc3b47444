namespace DiligenceBot.Localization;

public static partial class Texts
{
    /// <summary>Meeting minutes (会议纪要), their action items (待办) and the managers' training records (培训记录).</summary>
    public static class Meetings
    {
        // Help.
        public static readonly Text CommandMinutes = new(
            "**minutes** — leads: record the minutes of a daily, weekly, monthly, special or training meeting, with its action items",
            "**会议纪要**：供组长记录例会、周会、月度会、专题会或培训会的纪要及待办事项");
        public static readonly Text CommandActions = new(
            "**actions** — your open action items from meetings (a lead: also the team's)",
            "**待办**：您在会议上领到的未完成事项（组长还可看到全组的）");
        public static readonly Text CommandTraining = new(
            "**training** [2026 H2] — your training record for the half-year skills assessment (a lead: the team's)",
            "**培训** [2026年下半年]：您本半年的培训记录，供半年技能考核使用（组长可看到全组的）");

        // Kinds.
        public static readonly Text KindDaily = new("Daily meeting", "例会");
        public static readonly Text KindWeekly = new("Weekly meeting", "周会");
        public static readonly Text KindMonthly = new("Monthly meeting", "月度会");
        public static readonly Text KindSpecial = new("Special meeting", "专题会");
        public static readonly Text KindTraining = new("Training", "培训会");

        // The form.
        public static readonly Text FormTitle = new("Meeting minutes", "会议纪要");
        public static readonly Text FormIntro = new(
            "Record what the meeting decided for {0}. The minutes go to the team and to {1}, who checks them.",
            "记录{0}会议的决定。纪要将发给组员，并交{1}审核。");
        public static readonly Text FormIntroNoChecker = new(
            "Record what the meeting decided for {0}. The minutes go to the team.",
            "记录{0}会议的决定。纪要将发给组员。");
        public static readonly Text FixErrors = new("Please fix what is marked below; nothing was saved yet.", "请修改下面标出的内容；尚未保存。");
        public static readonly Text Date = new("Meeting date", "会议日期");
        public static readonly Text Kind = new("Kind of meeting", "会议类型");
        public static readonly Text AttendanceHeading = new("Attendance", "出席情况");
        public static readonly Text AttendanceHint = new(
            "Everyone is marked present. Switch off whoever was absent and give the reason.",
            "默认全员出席。请关闭缺席人员的开关，并填写缺席原因。");
        public static readonly Text Present = new("{0}: present", "{0}：出席");
        public static readonly Text ReasonPlaceholder = new("Reason if absent", "缺席原因");
        public static readonly Text Topics = new("Topics discussed", "议题");
        public static readonly Text TopicsPlaceholder = new("What the meeting went through", "会议讨论了哪些内容");
        public static readonly Text Decisions = new("Decisions", "决定事项");
        public static readonly Text TrainingHeading = new("Training (training meetings only)", "培训内容（仅培训会填写）");
        public static readonly Text TrainingTopics = new("Training topics covered", "培训主题");
        public static readonly Text TrainingFormat = new("Format", "形式");
        public static readonly Text FormatSession = new("Session", "集中授课");
        public static readonly Text FormatStudyVisit = new("Study visit", "参观学习");
        public static readonly Text Place = new("Where (study visits)", "参观学习地点");
        public static readonly Text Hours = new("Hours", "培训时长（小时）");
        public static readonly Text ActionsHeading = new("Action items", "待办事项");
        public static readonly Text ActionsHint = new("Leave a row empty when it is not needed.", "不需要的行留空即可。");
        public static readonly Text ActionRow = new("Action item {0}", "待办事项{0}");
        public static readonly Text ActionText = new("What is to be done", "事项内容");
        public static readonly Text Owner = new("Owner", "负责人");
        public static readonly Text Due = new("Due date", "完成期限");
        public static readonly Text Save = new("Save and send", "保存并发送");
        public static readonly Text AddRow = new("Add an action item", "增加待办事项");

        // Validation.
        public static readonly Text ErrorDate = new("Choose the meeting's date (yyyy-mm-dd).", "请选择会议日期（年-月-日）。");
        public static readonly Text ErrorDateFuture = new(
            "The meeting cannot be in the future: today is {0} for the team.",
            "会议日期不能晚于今天：团队所在地今天是{0}。");
        public static readonly Text ErrorDailyTwice = new(
            "The daily meeting of {0} already has minutes, recorded by {1}.",
            "{0}的例会已有纪要，由{1}记录。");
        public static readonly Text ErrorKind = new("Choose the kind of meeting.", "请选择会议类型。");
        public static readonly Text ErrorAbsentReason = new("{0} was absent: give the reason.", "{0}缺席，请填写原因。");
        public static readonly Text ErrorReasonButPresent = new(
            "{0} is marked present but has an absence reason: switch them off or clear the reason.",
            "{0}标为出席，却填写了缺席原因：请关闭其开关，或清空原因。");
        public static readonly Text ErrorTrainingTopics = new("A training names at least one of the training topics it covered.", "培训会请至少选择一个培训主题。");
        public static readonly Text ErrorTrainingFormat = new("Choose session or study visit.", "请选择“集中授课”或“参观学习”。");
        public static readonly Text ErrorPlace = new("A study visit needs the place it went to.", "参观学习请填写地点。");
        public static readonly Text ErrorNotTraining = new(
            "Training topics, format, place and hours are for training meetings: choose the kind Training, or clear them.",
            "培训主题、形式、地点和时长只适用于培训会：请把会议类型选为“培训会”，或清空这些内容。");
        public static readonly Text ErrorOwnerMissing = new("Action item {0} needs an owner from the team.", "待办事项{0}需要从组员中选择负责人。");
        public static readonly Text ErrorOwnerNotInTeam = new("Action item {0}: the owner must be someone in the team.", "待办事项{0}的负责人必须是本组成员。");
        public static readonly Text ErrorDueMissing = new("Action item {0} needs a due date.", "待办事项{0}需要完成期限。");
        public static readonly Text ErrorDuePast = new(
            "Action item {0} is due in the past ({1}); the earliest due date is today, {2}.",
            "待办事项{0}的完成期限（{1}）已过，最早只能选今天（{2}）。");
        public static readonly Text ErrorDueFar = new("Action item {0} is due more than a year ahead.", "待办事项{0}的完成期限不能超过一年。");
        public static readonly Text ErrorActionTextMissing = new("Action item {0} has an owner or a due date but no text.", "待办事项{0}有负责人或期限，但没有内容。");

        // Refusals.
        public static readonly Text NotALead = new(
            "Only a team's lead (or a delegate) records its meeting minutes.",
            "只有组长（或其代理人）可以记录本组的会议纪要。");
        public static readonly Text NotKnown = new(
            "You are not in DiligenceBot's directory yet; ask your administrator to add you.",
            "您还不在勤勉助手的通讯录中，请联系管理员添加。");
        public static readonly Text UnknownMinutes = new("These minutes cannot be found.", "找不到这份会议纪要。");
        public static readonly Text NotYours = new("These minutes are not for you.", "这份会议纪要与您无关。");
        public static readonly Text OnlyChecker = new(
            "Only {0}, the lead's own manager, checks these minutes.",
            "只有组长的上级{0}可以审核这份纪要。");
        public static readonly Text AlreadyChecked = new("{0} already checked these minutes.", "{0}已审核过这份纪要。");
        public static readonly Text CheckCommentRequired = new("Write a short comment with your check.", "请填写简短的审核意见。");
        public static readonly Text PickTeam = new("Which team's meeting?", "记录哪个组的会议？");
        public static readonly Text PickTeamHint = new("You lead more than one team; choose the one that met.", "您负责多个小组，请选择开会的小组。");

        // The minutes as sent.
        public static readonly Text ViewKind = new("Meeting minutes · {0}", "会议纪要 · {0}");
        public static readonly Text Team = new("Team", "小组");
        public static readonly Text RecordedBy = new("Recorded by", "记录人");
        public static readonly Text Status = new("Check", "审核");
        public static readonly Text WaitingCheck = new("waiting for {0}", "待{0}审核");
        public static readonly Text NoChecker = new("nobody (the lead reports to no one in the directory)", "无（通讯录中组长没有上级）");
        public static readonly Text CheckedBy = new("checked by {0}, {1}", "{0}已审核，{1}");
        public static readonly Text PresentList = new("Present", "出席");
        public static readonly Text AbsentList = new("Absent", "缺席");
        public static readonly Text Nobody = new("nobody", "无");
        public static readonly Text AbsentEntry = new("{0} ({1})", "{0}（{1}）");
        public static readonly Text CheckComment = new("Check comment", "审核意见");
        public static readonly Text NoActions = new("No action items.", "没有待办事项。");
        public static readonly Text ActionLine = new("({0}) {1}", "（{0}）{1}");
        public static readonly Text ActionMeta = new("{0} · due {1} · {2}", "{0} · {1}前完成 · {2}");
        public static readonly Text Check = new("Mark checked", "审核");
        public static readonly Text CheckSend = new("Checked", "确认审核");
        public static readonly Text CheckPlaceholder = new("What is good, what to follow up", "哪些做得好，哪些需要跟进");
        public static readonly Text RecordedNotice = new("Saved. The minutes went to {0} people of the team{1}.", "已保存。纪要已发给{0}名组员{1}。");
        public static readonly Text RecordedNoticeChecker = new(" and to {0} to check", "，并交{0}审核");
        public static readonly Text SentNotice = new("{0} recorded the minutes of this meeting.", "{0}记录了这次会议的纪要。");
        public static readonly Text SentSummary = new("Minutes: {0}, {1}", "会议纪要：{0}，{1}");
        public static readonly Text CheckNotice = new("{0} recorded these minutes; please check them.", "{0}记录了这份纪要，请您审核。");
        public static readonly Text CheckedNotice = new("You checked these minutes.", "您已审核这份纪要。");
        public static readonly Text CheckedMessage = new("{0} checked the minutes of {1}: {2}", "{0}审核了{1}的纪要：{2}");
        public static readonly Text CheckedSummary = new("Minutes checked by {0}", "{0}已审核纪要");

        // Action items.
        public static readonly Text ItemKind = new("Action item", "待办事项");
        public static readonly Text From = new("From", "来自");
        public static readonly Text FromValue = new("{0}, {1}", "{0}，{1}");
        public static readonly Text State = new("Status", "状态");
        public static readonly Text StateOpen = new("open", "未完成");
        public static readonly Text StateBlocked = new("blocked", "受阻");
        public static readonly Text StateDone = new("done", "已完成");
        public static readonly Text StateOverdue = new("overdue", "已逾期");
        public static readonly Text Note = new("Note", "说明");
        public static readonly Text Done = new("Done", "已完成");
        public static readonly Text Blocked = new("Blocked", "受阻");
        public static readonly Text DoneNotePlaceholder = new("What was done (optional)", "完成情况（选填）");
        public static readonly Text BlockedNotePlaceholder = new("What stands in the way, and what help you need", "遇到什么阻碍，需要什么帮助");
        public static readonly Text BlockedNoteRequired = new("Say what blocks it.", "请说明受阻原因。");
        public static readonly Text MarkDone = new("Mark done", "确认完成");
        public static readonly Text MarkBlocked = new("Mark blocked", "确认受阻");
        public static readonly Text AssignedNotice = new("{0} gave you this action item at the meeting.", "{0}在会上给您布置了这项待办事项。");
        public static readonly Text AssignedSummary = new("New action item, due {0}", "新的待办事项，{0}前完成");
        public static readonly Text DueNotice = new("This action item is due today.", "这项待办事项今天到期。");
        public static readonly Text DueSummary = new("An action item is due today", "有一项待办事项今天到期");
        public static readonly Text OverdueNotice = new("{0}'s action item was due on {1} and is still open.", "{0}的待办事项应于{1}完成，目前仍未完成。");
        public static readonly Text OverdueSummary = new("Overdue action item: {0}", "逾期待办事项：{0}");
        public static readonly Text BlockedNotice = new("{0} marked this action item blocked.", "{0}将这项待办事项标为受阻。");
        public static readonly Text BlockedSummary = new("Blocked action item: {0}", "受阻待办事项：{0}");
        public static readonly Text DoneSaved = new("Marked done. Thank you!", "已标为完成，谢谢！");
        public static readonly Text BlockedSaved = new("Marked blocked; your lead sees your note.", "已标为受阻，组长会看到您的说明。");
        public static readonly Text AlreadyDone = new("This action item is already done.", "这项待办事项已经完成。");
        public static readonly Text NotYourItem = new("This action item is not yours.", "这不是您的待办事项。");
        public static readonly Text UnknownItem = new("This action item cannot be found.", "找不到这项待办事项。");
        public static readonly Text ItemChanged = new("This action item changed meanwhile; here it is as it is now.", "这项待办事项已有变化，以下是最新情况。");

        // The lists.
        public static readonly Text MyActionsTitle = new("My action items", "我的待办");
        public static readonly Text TeamActions = new("Open action items of {0}", "{0}未完成的待办");
        public static readonly Text NoOpenActions = new("Nothing open. Well done!", "没有未完成的事项。做得好！");
        public static readonly Text Open = new("Open", "打开");
        public static readonly Text OverdueDigest = new("Overdue action items", "逾期待办事项");

        // Missing minutes.
        public static readonly Text MissingMinutes = new(
            "The daily meeting of {0} on {1} has no minutes yet. Record them while the meeting is fresh.",
            "{0}在{1}的例会还没有纪要，请趁记忆犹新时记录。");
        public static readonly Text MissingSummary = new("Minutes of {0}'s daily meeting are missing", "{0}例会纪要未记录");
        public static readonly Text RecordNow = new("Record minutes", "记录纪要");

        // Training record.
        public static readonly Text TrainingTitle = new("Training record, {0}", "培训记录：{0}");
        public static readonly Text HalfYear1 = new("{0} H1", "{0}年上半年");
        public static readonly Text HalfYear2 = new("{0} H2", "{0}年下半年");
        public static readonly Text TrainingIntro = new(
            "Trainings you attended, from the training minutes; kept for the half-year skills assessment.",
            "根据培训会纪要统计的您参加的培训，供半年技能考核使用。");
        public static readonly Text TrainingTotal = new("Trainings: {1}; hours: {0}; topics covered: {2} of 6", "共{1}次培训、{0}小时，覆盖6个主题中的{2}个");
        public static readonly Text TopicLine = new("{0}: {1} hours", "{0}：{1}小时");
        public static readonly Text TopicMissing = new("{0}: not yet", "{0}：尚未参加");
        public static readonly Text SessionLine = new("{0} · {1} hours · {2}", "{0} · {1}小时 · {2}");
        public static readonly Text NoTraining = new("No training attended in this half-year yet.", "本半年尚未参加培训。");
        public static readonly Text MyTraining = new("My training, {0}", "我的培训：{0}");
        public static readonly Text TeamTrainingTitle = new("Team training, {0}", "团队培训：{0}");
        public static readonly Text ManagerLine = new("{0}: {1} hours, {2} of 6 topics", "{0}：{1}小时，覆盖6个主题中的{2}个");
        public static readonly Text BadHalfYear = new(
            "Write the half-year as 2026 H1 or 2026 H2.",
            "请按“2026年上半年”或“2026 H2”的格式输入半年。");
    }
}
