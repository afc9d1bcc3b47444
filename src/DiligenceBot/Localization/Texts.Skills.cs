namespace DiligenceBot.Localization;

public static partial class Texts
{
    /// <summary>The half-year skills assessment (技能评估) and its quiz (技能测验).</summary>
    public static class Skills
    {
        public static readonly Text CommandSkills = new(
            "**skills** [YYYY-H1 | YYYY-H2] [name] — leads: rate each manager's skills for the half-year with evidence, send a quiz, see the results; managers: your own result",
            "**技能评估** [YYYY-H1 | YYYY-H2] [姓名]：组长按半年为客户经理的各项技能评分并写明依据、发送测验、查看结果；客户经理查看本人的结果");
        public static readonly Text CommandExport = new(
            "**skills export** [YYYY-H1 | YYYY-H2] — leads: the team's skills results for the half-year as an XLSX file",
            "**技能评估导出** [YYYY-H1 | YYYY-H2]：组长把团队本半年的技能评估结果导出为XLSX文件");

        public static readonly Text NotInDirectory = new(
            "You are not in the directory yet; please ask your administrator.",
            "您尚未加入通讯录，请联系管理员。");
        public static readonly Text ForLeads = new(
            "The skills assessment is run by a team's lead (and delegates); the managers above the lead and admins see the results. You will get your own result when your lead completes it.",
            "技能评估由组长（及代理人）进行，组长的上级和管理员可以查看结果。组长完成评估后，结果会发给您。");
        public static readonly Text NotYours = new(
            "{0} is not in a team you lead or oversee; only {0}'s lead chain and admins see {0}'s skills assessment.",
            "{0}不在您带领或分管的团队中；只有{0}的上级和管理员可以查看{0}的技能评估。");
        public static readonly Text NotYourself = new(
            "You do not assess yourself; your own lead does.",
            "不能为自己评估，您的技能评估由您的上级负责。");
        public static readonly Text UnknownManager = new(
            "There is no account manager called “{0}” here. Type **skills** to see your teams.",
            "这里没有名为“{0}”的客户经理。输入“技能评估”可查看您的团队。");
        public static readonly Text SeveralMatch = new(
            "“{0}” could be {1}; write the full name.",
            "“{0}”可能是{1}，请写全名。");
        public static readonly Text ListSeparator = new(", ", "、");
        public static readonly Text NoManagers = new(
            "There are no account managers in your teams to assess yet.",
            "您的团队中暂无需要评估的客户经理。");
        public static readonly Text BadHalf = new(
            "Write the half-year as YYYY-H1 or YYYY-H2, e.g. skills 2026-H2 or skills 2026-H2 Chen Jie.",
            "请按YYYY-H1或YYYY-H2填写半年，例如“技能评估 2026-H2”或“技能评估 2026-H2 陈杰”。");
        public static readonly Text FutureHalf = new(
            "{0} has not begun yet; choose a half-year that has.",
            "{0}尚未开始，请选择已开始的半年。");
        public static readonly Text ExportBadHalf = new(
            "Write the half-year as YYYY-H1 or YYYY-H2, e.g. skills export 2026-H2.",
            "请按YYYY-H1或YYYY-H2填写半年，例如“技能评估导出 2026-H2”。");
        public static readonly Text ExportForLeads = new(
            "The skills export is for a team's lead, the managers above the lead and admins; type **skills** to see your own result.",
            "技能评估导出供组长、组长的上级和管理员使用；输入“技能评估”可查看您本人的结果。");

        public static readonly Text TeamsTitle = new("Skills assessment · {0}", "{0}技能评估");
        public static readonly Text TeamTitle = new("{0} · {1}", "{0}·{1}");
        public static readonly Text Nobody = new("No account managers in this team.", "本组暂无客户经理。");
        public static readonly Text RowNotRated = new("Not assessed yet", "尚未评估");
        public static readonly Text RowRated = new("Average {0} of 5 · {1} weak", "平均{0}分（满分5分）·{1}项薄弱");
        public static readonly Text RowQuizOpen = new("Quiz sent, not answered yet", "测验已发出，尚未作答");
        public static readonly Text RowQuizAnswered = new("Quiz: {0} of {1} right", "测验：{1}题答对{0}题");
        public static readonly Text OpenButton = new("Open", "打开");
        public static readonly Text ExportButton = new("Export (XLSX)", "导出（XLSX）");
        public static readonly Text BackToTeam = new("Back to the team", "返回团队");

        public static readonly Text ManagerTitle = new("Skills assessment · {0} · {1}", "{0}·{1}技能评估");
        public static readonly Text RateIntro = new(
            "Rate each area from 1 to 5 and write what the rating rests on (visits you joined, records, the quiz). 1 = far below what the post needs, 3 = meets it, 5 = an example to the team. An area rated {0} or lower, or a quiz topic below {1} % right, is weak.",
            "请为每一项评1至5分，并写明评分依据（陪访所见、工作记录、测验情况等）。1分为远未达到岗位要求，3分为达到要求，5分为可作全组表率。评分在{0}分及以下，或测验正确率低于{1}%的项目，列为薄弱项。");
        public static readonly Text TopicsHeading = new("The six training topics", "六项培训内容");
        public static readonly Text OthersHeading = new("Skills of the post", "岗位技能");
        public static readonly Text TrainingNone = new("Training this half-year: none on this topic", "本半年培训：未参加此内容的培训");
        public static readonly Text TrainingLine = new("Training this half-year: {0} session(s), {1} h, latest {2}", "本半年培训：{0}次，共{1}小时，最近一次在{2}");
        public static readonly Text QuizLine = new("Quiz: {0} of {1} right", "测验：{1}题答对{0}题");
        public static readonly Text RatingLabel = new("Rating (1–5)", "评分（1～5分）");
        public static readonly Text RatingPlaceholder = new("Choose", "请选择");
        public static readonly Text EvidenceLabel = new("Evidence", "评分依据");
        public static readonly Text QuizNotSent = new("Quiz: not sent this half-year (optional).", "测验：本半年尚未发送（可选）。");
        public static readonly Text QuizOpen = new("Quiz: sent on {0}, not answered yet.", "测验：已于{0}发出，尚未作答。");
        public static readonly Text QuizAnsweredLine = new("Quiz: answered on {0}, {1} of {2} right ({3} %).", "测验：已于{0}作答，{2}题答对{1}题（{3}%）。");
        public static readonly Text CompletedLine = new(
            "Completed by {0} on {1}, revision {2}. Submitting again makes a new revision and sends it to the manager again.",
            "{0}已于{1}完成评估，当前为第{2}版。再次提交将生成新版本并重新发给客户经理。");
        public static readonly Text CompleteButton = new("Complete", "完成评估");
        public static readonly Text SendQuizButton = new("Send a quiz", "发送测验");
        public static readonly Text ReadOnlyNote = new(
            "Only the team's lead or a delegate rates and sends quizzes; you see the result once it is completed.",
            "只有组长或代理人可以评分和发送测验；评估完成后您可以查看结果。");
        public static readonly Text NotRatedYet = new("{0} has not been assessed for {1} yet.", "{0}尚未进行{1}的技能评估。");

        public static readonly Text RatingMissing = new("{0}: choose a rating from 1 to 5.", "{0}：请选择1至5分。");
        public static readonly Text RatingOutOfRange = new("{0}: a rating is a whole number from 1 to 5, not “{1}”.", "{0}：评分应为1至5的整数，不能是“{1}”。");
        public static readonly Text EvidenceMissing = new("{0}: write what the rating rests on.", "{0}：请填写评分依据。");
        public static readonly Text EvidenceTooLong = new("{0}: the evidence is at most {1} characters.", "{0}：评分依据不能超过{1}个字。");
        public static readonly Text FixErrors = new("Nothing was saved; please correct the items marked below.", "尚未保存，请修改下面标出的内容。");
        public static readonly Text ChangedMeanwhile = new(
            "{0} completed this assessment meanwhile; here it is as it stands now. Submit again to make a new revision.",
            "{0}已在此期间完成了这份评估，以下为最新内容。如需修改，请再次提交生成新版本。");
        public static readonly Text CompletedNotice = new("Completed and sent to {0}.", "已完成并发给{0}。");

        public static readonly Text QuizStillOpen = new(
            "{0} has not answered the quiz sent on {1} yet; a new quiz can go once that one is answered.",
            "{0}尚未作答{1}发出的测验；该测验作答后才能发送新的测验。");
        public static readonly Text BankUsedUp = new(
            "{0} has been asked every question of the question bank in {1}; no quiz was sent. Add questions to seeds/skills-quiz.json, or rate without a quiz.",
            "{1}年题库中的题目已全部向{0}出过，本次未发送测验。请在seeds/skills-quiz.json中补充题目，或不经测验直接评分。");
        public static readonly Text QuizSentNotice = new("Quiz sent to {0}: {1} questions.", "已向{0}发送测验，共{1}题。");
        public static readonly Text QuizUsedUpTopics = new(
            "No questions left this year on: {0}.", "以下内容本年度已无新题：{0}。");

        public static readonly Text QuizTitle = new("Skills quiz · {0}", "{0}技能测验");
        public static readonly Text QuizIntro = new(
            "From {0}: {1} questions on the training topics. Choose one answer to each; once you submit, the answers cannot be changed.",
            "{0}发来的测验，共{1}题，涉及各项培训内容。每题选择一个答案；提交后不能修改。");
        /// <summary>"Q1." rather than "1.": a text starting "1. " is drawn as a numbered list.</summary>
        public static readonly Text QuestionLabel = new("Q{0}. {1}", "第{0}题：{1}");
        public static readonly Text SubmitAnswers = new("Submit answers", "提交答案");
        public static readonly Text AnswerMissing = new("Choose an answer.", "请选择一个答案。");
        public static readonly Text QuizScore = new("You answered {0} of {1} right ({2} %).", "共{1}题，您答对{0}题（正确率{2}%）。");
        public static readonly Text QuizTopicScore = new("{0}: {1} of {2}", "{0}：{2}题答对{1}题");
        public static readonly Text YourAnswer = new("Your answer: {0}", "您的答案：{0}");
        public static readonly Text RightAnswer = new("Right answer: {0}", "正确答案：{0}");
        public static readonly Text Right = new("Right", "正确");
        public static readonly Text Wrong = new("Wrong", "错误");
        public static readonly Text QuizNotYours = new("This quiz was sent to another account manager; only they answer it.", "这份测验是发给其他客户经理的，只能由本人作答。");
        public static readonly Text QuizAlreadyAnswered = new("You answered this quiz on {0}; answers cannot be changed.", "您已于{0}作答这份测验，答案不能修改。");
        public static readonly Text QuizSentSummary = new("{0} sent you a skills quiz", "{0}给您发来一份技能测验");
        public static readonly Text QuizAnsweredSummary = new("{0} answered the skills quiz: {1} of {2} right", "{0}已完成技能测验：{2}题答对{1}题");

        public static readonly Text ResultTitle = new("Skills assessment · {0} · {1}", "{0}·{1}技能评估结果");
        public static readonly Text ResultBy = new("Assessed by {0} on {1}, revision {2}", "评估人：{0}，{1}，第{2}版");
        public static readonly Text Average = new("Average: {0} of 5", "平均：{0}分（满分5分）");
        public static readonly Text AreaLine = new("{0}: {1} of 5", "{0}：{1}分");
        public static readonly Text AreaWithQuiz = new("{0}: {1} of 5 · quiz {2} of {3}", "{0}：{1}分·测验{3}题答对{2}题");
        public static readonly Text WeakHeading = new("To work on", "需要加强");
        public static readonly Text NoWeak = new("No weak areas this half-year.", "本半年没有薄弱项。");
        public static readonly Text WeakBecauseRating = new("Rated {0} of 5", "评分{0}分");
        public static readonly Text WeakBecauseQuiz = new("quiz {0} % right", "测验正确率{0}%");
        public static readonly Text Coaching = new("Coaching: {0}", "辅导措施：{0}");
        public static readonly Text TrainingProposed = new("Training: {0}", "培训安排：{0}");
        public static readonly Text TrainingSession = new("{0} ({1} h, attended)", "{0}培训{1}小时，已参加");
        public static readonly Text TrainingMissed = new("{0} ({1} h, not attended: read the minutes)", "{0}培训{1}小时，未参加，请阅读纪要");
        public static readonly Text SessionSeparator = new("; ", "；");
        public static readonly Text TrainingNoneProposed = new("Training: none on this topic in the last year; ask your lead to arrange one.", "培训安排：近一年本组没有此内容的培训，请组长安排。");
        public static readonly Text OpenTraining = new("Minutes of {0}", "{0}的纪要");
        public static readonly Text ResultSummary = new("Your skills assessment for {0}", "您{0}的技能评估结果");
        public static readonly Text NoResult = new("You have no skills assessment for {0} yet.", "您{0}的技能评估尚未完成。");

        public static readonly Text ExportOffer = new("Skills results of {0} for {1} (XLSX)", "{0}{1}技能评估结果（XLSX）");
        public static readonly Text ExportFileName = new("Skills_{0}_{1}", "技能评估_{0}_{1}");
        public static readonly Text ExportAllTeams = new("all teams", "全部团队");
        public static readonly Text ExportNotYourTeam = new("{0} is not a team you lead or oversee.", "{0}不是您带领或分管的团队。");
        public static readonly Text ColumnManager = new("Account manager", "客户经理");
        public static readonly Text ColumnTeam = new("Team", "团队");
        public static readonly Text ColumnHalf = new("Half-year", "半年");
        public static readonly Text ColumnRatedBy = new("Assessed by", "评估人");
        public static readonly Text ColumnRatedOn = new("Assessed on", "评估日期");
        public static readonly Text ColumnRevision = new("Revision", "版本");
        public static readonly Text ColumnAverage = new("Average", "平均分");
        public static readonly Text ColumnQuiz = new("Quiz right (%)", "测验正确率（%）");
        public static readonly Text ColumnWeak = new("Weak areas", "薄弱项");
    }
}
