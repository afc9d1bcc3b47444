namespace DiligenceBot.Localization;

public static partial class Texts
{
    /// <summary>The other records (analyses, summaries, cases, signed documents): files, the form, the list, the record.</summary>
    public static class Records
    {
        public static readonly Text NoPeriod = new("No period", "不分期");
        public static readonly Text CommandRecords = new(
            "**records** [YYYY-MM] — your other records of a month (analyses, summaries, cases, signed documents); send me the files here, then **records file** files them; a lead sees the team's",
            "**资料** [YYYY-MM]：您某月的其他资料（分析、总结、案例、客户签字资料）；先把文件发给我，再输入“提交资料”归档；组长可查看本组资料");

        public static readonly Text NotInDirectory = new(
            "You are not in the directory yet, so you have no records; please ask your administrator.",
            "您尚未加入通讯录，暂无资料，请联系管理员。");
        public static readonly Text NotAManager = new(
            "Only an account manager in a team files records.",
            "只有团队中的客户经理可以提交资料。");
        public static readonly Text PersonalOnly = new(
            "Send record files to me in our personal chat.",
            "请在与我的私聊中发送资料文件。");
        public static readonly Text WrongType = new(
            "“{0}” is not a file type records accept; send one of: {1}.",
            "资料不接受“{0}”类型的文件，请发送以下类型之一：{1}。");
        public static readonly Text TooBig = new(
            "“{0}” is larger than {1} MB; send a smaller file.",
            "“{0}”超过{1}MB，请发送较小的文件。");
        public static readonly Text DownloadFailed = new(
            "I could not fetch “{0}” from Teams; nothing was kept. Please send it again.",
            "无法从Teams获取“{0}”，未保存任何内容，请重新发送。");
        public static readonly Text StoreUnavailable = new(
            "The record file store is not answering, so nothing was kept. Please send the file again in a few minutes.",
            "资料文件库暂时无法访问，本次未保存任何内容。请过几分钟再重新发送文件。");
        public static readonly Text StoreNotAnswering = new(
            "The record file store is not answering; nothing was changed. Please try again in a few minutes.",
            "资料文件库暂时无法访问，未做任何更改。请过几分钟再试。");
        public static readonly Text FileKept = new(
            "Kept “{0}” ({1} KB) for your records. Type **records file** to file it with a record.",
            "已保存“{0}”（{1}KB），可作为资料归档。输入“提交资料”即可归档。");

        public static readonly Text FormTitle = new("File a record", "提交资料");
        public static readonly Text Kind = new("Kind of record", "资料类别");
        public static readonly Text Period = new("Period", "所属期间");
        public static readonly Text PeriodHint = new(
            "Month 2026\u201111, quarter 2026\u2011Q4 or half-year 2026\u2011H2, as the kind needs; leave empty for a kind without a period.",
            "按类别填写月份2026\u201111、季度2026\u2011Q4或半年2026\u2011H2；不分期的类别请留空。");
        public static readonly Text RecordTitle = new("Title", "标题");
        public static readonly Text Customers = new("Related customers", "相关客户");
        public static readonly Text Files = new("Files", "文件");
        public static readonly Text FileChoice = new("{0} ({1} KB)", "{0}（{1}KB，待归档）");
        public static readonly Text CustomersLine = new("{0}: {1}", "{0}：{1}");
        public static readonly Text NoFiles = new(
            "No files are waiting: send the record's files to me in this chat first, then open this form again.",
            "暂无待归档的文件：请先在本聊天中把资料文件发给我，再打开此表单。");
        public static readonly Text Submit = new("File record", "提交资料");

        public static readonly Text ErrorKind = new("Choose the kind of record.", "请选择资料类别。");
        public static readonly Text ErrorPeriod = new(
            "{0} is filed per {1}: write the period as {2}.",
            "“{0}”按{1}提交，请将期间写成{2}。");
        public static readonly Text PerMonth = new("month", "月");
        public static readonly Text PerQuarter = new("quarter", "季度");
        public static readonly Text PerHalfYear = new("half-year", "半年");
        public static readonly Text ErrorFuturePeriod = new("{0} has not begun yet; file records for periods that have.", "{0}尚未开始，请提交已开始期间的资料。");
        public static readonly Text ErrorCustomersNeeded = new(
            "{0} names at least one customer: pick one of yours, or write a shop not registered yet.",
            "“{0}”须至少关联一家客户：请选择您的客户，或填写尚未登记的零售户。");
        public static readonly Text ErrorFilesNeeded = new(
            "Choose at least one of the files you sent me.",
            "请至少选择一个您发给我的文件。");
        public static readonly Text ErrorTooManyFiles = new(
            "A record holds at most {0} files.",
            "每份资料最多{0}个文件。");
        public static readonly Text ErrorLocked = new(
            "Your {0} for {1} was verified by your lead on {2} and is locked: it can no longer be changed, deleted or filed again.",
            "您{1}的“{0}”已于{2}经组长核实并锁定，不能再修改、删除或重新提交。");
        public static readonly Text ForOtherManager = new(
            "This form is {0}'s; you can file records only for yourself.",
            "此表单属于{0}，您只能为自己提交资料。");
        public static readonly Text FileGone = new(
            "A file on this form is no longer waiting to be filed; open the form again.",
            "表单中的某个文件已不在待归档列表中，请重新打开表单。");

        public static readonly Text ListTitle = new("Records for {0}", "{0}资料");
        public static readonly Text ListTitleTeam = new("Team records for {0}", "{0}团队资料");
        public static readonly Text ListNone = new("No records for {0} yet.", "{0}暂无资料。");
        public static readonly Text ListLine = new("{0} · {1} · {2} file(s)", "{0}·{1}·{2}个文件");
        public static readonly Text Unfiled = new(
            "{0} file(s) you sent are waiting to be filed.",
            "您发送的{0}个文件尚待归档。");
        public static readonly Text FileRecordButton = new("File a record", "提交资料");
        public static readonly Text OpenButton = new("Open", "查看");
        public static readonly Text BadMonth = new(
            "Write the month as YYYY-MM, e.g. records 2026-11.",
            "请按YYYY-MM填写月份，例如：资料2026-11。");

        public static readonly Text RecordTitleOf = new("{0}: {1}", "{0}：{1}");
        public static readonly Text Manager = new("Account manager", "客户经理");
        public static readonly Text Filed = new("Filed", "提交时间");
        public static readonly Text Revision = new("Filing {0}", "第{0}次提交");
        public static readonly Text None = new("None", "无");
        public static readonly Text FileLine = new("{0} · {1} KB · SHA‑256 {2}…", "{0}·{1}KB·校验值{2}…");
        public static readonly Text StatusSubmitted = new("Waiting for the lead", "待组长核实");
        public static readonly Text StatusReturned = new("Returned", "已退回");
        public static readonly Text StatusVerified = new("Verified · locked", "已核实·已锁定");
        public static readonly Text UnknownRecord = new("That record no longer exists.", "该资料已不存在。");
        public static readonly Text NotAllowed = new(
            "Only {0}, their lead chain and admins see {0}'s records.",
            "只有{0}本人、其上级组长和管理员可以查看{0}的资料。");
        public static readonly Text NotAllowedToReview = new(
            "Only the lead of {0} or a delegate verifies its records.",
            "只有{0}的组长或其代理人可以核实本组资料。");
        public static readonly Text StaleRevision = new(
            "This card shows filing {0}; the record has been filed again (filing {1}). Here it is as it stands.",
            "此卡片显示的是第{0}次提交，该资料已重新提交（第{1}次），以下为最新内容。");
        public static readonly Text ReviewRequestedSummary = new("{0} filed “{1}” for you to verify.", "{0}提交了“{1}”，请核实。");
        public static readonly Text VerifiedSummary = new("Your lead verified “{0}”; it is now locked.", "组长已核实“{0}”，该资料现已锁定。");
        public static readonly Text ReturnedSummary = new("Your lead returned “{0}”; file it again with the changes asked for.", "组长退回了“{0}”，请按要求修改后重新提交。");
        public static readonly Text DeleteButton = new("Delete", "删除");
        public static readonly Text DeleteConfirmTitle = new("Delete this record?", "删除此资料？");
        public static readonly Text DeleteConfirmNotice = new(
            "“{0}” and its {1} file(s) will be deleted for good, and your lead will no longer see it. Tap Delete for good to confirm.",
            "“{0}”及其{1}个文件将被永久删除，组长也将无法再查看。请点击“永久删除”确认。");
        public static readonly Text DeleteForGood = new("Delete for good", "永久删除");
        public static readonly Text KeepButton = new("Keep it", "保留");
        public static readonly Text ListButton = new("My records", "我的资料");
        public static readonly Text DeletedTitle = new("Record deleted", "资料已删除");
        public static readonly Text Deleted = new(
            "Deleted “{0}” and its {1} file(s).",
            "已删除“{0}”及其{1}个文件。");
        public static readonly Text DeleteLocked = new(
            "“{0}” was verified by your lead on {1} and is locked: it cannot be deleted.",
            "“{0}”已于{1}经组长核实并锁定，不能删除。");
        public static readonly Text DeleteNotYours = new(
            "Only {0}, who filed this record, can delete it; a lead returns it instead.",
            "只有提交人{0}可以删除此资料；组长如需修改，请退回。");

        public static readonly Text ReminderTitle = new("{0} for {1}", "{1}的{0}");
        public static readonly Text ReminderNotice = new(
            "Reminder: your {0} for {1} is due by the end of {2}. Send me its files in this chat, then file it here.",
            "提醒：您{1}的“{0}”须在{2}前提交。请先在本聊天中把文件发给我，再点击下方按钮提交。");
        public static readonly Text ReminderSummary = new(
            "Your {0} for {1} is due by the end of {2}",
            "您{1}的“{0}”须在{2}前提交");
        public static readonly Text FileItButton = new("File it", "立即提交");
        public static readonly Text MissingTitle = new("Records still missing", "尚未提交的资料");
        public static readonly Text MissingToLead = new(
            "Why you get this: these records of {0} were due and are still missing.",
            "提醒原因：{0}的以下资料已过截止日，仍未提交。");
        public static readonly Text MissingToLeadsManager = new(
            "Why you get this: these records of {0} (lead {1}) are still missing {2} working days after they were due.",
            "提醒原因：{0}（组长{1}）的以下资料已过截止日{2}个工作日，仍未提交。");
        public static readonly Text MissingLine = new("{0} for {1}, due by the end of {2}", "{1}“{0}”，截止日{2}");
        public static readonly Text MissingSummary = new(
            "Records of {0} are still missing",
            "{0}有资料尚未提交");

        public static readonly Text ErrorCommentNeeded = new(
            "To return a record, write at least one of evaluation, requirement or suggestion.",
            "退回资料需至少填写评价、要求或建议中的一项。");
    }
}
