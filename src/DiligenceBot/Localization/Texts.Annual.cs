namespace DiligenceBot.Localization;

public static partial class Texts
{
    /// <summary>The yearly review (assessment): scores of the year, the lead's overall evaluation, proposals and decisions.</summary>
    public static class Annual
    {
        public static readonly Text CommandAnnual = new(
            "**annual** [YYYY] [name] — leads: the yearly review of your managers (the year's scores, ranks, coaching), your overall evaluation and the proposals to your own manager; **annual export** as an XLSX file",
            "**年度考评** [YYYY] [姓名]：组长查看客户经理的年度考评（全年得分、排名、辅导），填写总体评价，并向您的上级提出建议；输入“年度考评导出”可获得XLSX文件");
        public static readonly Text CommandMyAnnual = new(
            "**my annual review** [YYYY] — your own yearly review, once it is finished",
            "**我的年度考评** [YYYY]：查看您本人已完成的年度考评");

        public static readonly Text ForLeads = new(
            "Yearly reviews are written by a team's lead and read by the managers above the lead and admins; you will get your own review once it is finished.",
            "年度考评由组长填写，组长的上级和管理员可以查看；您的年度考评完成后会发给您。");
        public static readonly Text ExportForLeads = new(
            "The yearly reviews are exported by a team's lead, the managers above the lead and admins; type **my annual review** to see your own.",
            "年度考评由组长、组长的上级和管理员导出；输入“我的年度考评”可查看您本人的考评。");
        public static readonly Text NotYours = new(
            "{0} is not in a team you lead or oversee; only {0}'s lead chain and admins see {0}'s yearly review.",
            "{0}不在您带领或分管的团队中；只有{0}的上级和管理员可以查看{0}的年度考评。");
        public static readonly Text NotYourself = new(
            "You do not review yourself; your own lead does.",
            "不能为自己做年度考评，您的年度考评由您的上级负责。");
        public static readonly Text UnknownManager = new(
            "There is no account manager called “{0}” here. Type **annual** to see your teams.",
            "这里没有名为“{0}”的客户经理。输入“年度考评”可查看您的团队。");
        public static readonly Text BadYear = new(
            "Write the year as YYYY, e.g. annual 2026 or annual 2026 Chen Jie.",
            "请按YYYY填写年份，例如“年度考评 2026”或“年度考评 2026 陈杰”。");
        public static readonly Text FutureYear = new(
            "{0} has not begun yet; choose a year that has.",
            "{0}年尚未开始，请选择已开始的年份。");
        public static readonly Text NotFinished = new(
            "Your yearly review of {0} is not finished yet; you will get it once it is.",
            "您{0}年的年度考评尚未完成，完成后会发给您。");
        public static readonly Text NoneFinished = new(
            "You have no finished yearly review yet; your lead writes it after the year ends.",
            "您还没有已完成的年度考评；组长会在年度结束后填写。");

        public static readonly Text TeamsTitle = new("Yearly review · {0}", "{0}年度考评");
        /// <summary>{0}: the team, {1}: the year.</summary>
        public static readonly Text TeamTitle = new("{0} · yearly review · {1}", "{0}·{1}年度考评");
        public static readonly Text ManagerTitle = new("{0} · yearly review · {1}", "{0}·{1}年度考评");
        public static readonly Text Progress = new("Reviews submitted: {0} of {1}.", "已提交考评：{0}/{1}人。");
        public static readonly Text OpenButton = new("Open", "打开");
        public static readonly Text BackToTeam = new("All managers", "全部客户经理");
        public static readonly Text ExportButton = new("Export (XLSX)", "导出（XLSX）");
        public static readonly Text ScoreNote = new(
            "The yearly score is the mean of the year's published monthly scorecards (as amended after an objection); a month without a published scorecard is left out, never counted as 0. Equal scores share a place.",
            "年度得分为全年已发布月度考评总分的平均值（如因异议调整，按调整后计算）；未发布考评的月份不计入，绝不按0分计算。得分相同者名次相同。");

        /// <summary>{0}: the yearly score, {1}: the months it counts.</summary>
        public static readonly Text Score = new("Yearly score {0} ({1} months published)", "年度得分{0}分（已发布{1}个月）");
        public static readonly Text NoScore = new("No monthly scorecard published this year: no yearly score, not ranked", "本年度没有已发布的月度考评：无年度得分，不参与排名");
        public static readonly Text Ranks = new("Rank {0} of {1} in the team · {2} of {3} in the organisation", "排名：组内{0}/{1}，全公司{2}/{3}");
        public static readonly Text TeamRank = new("{0} of {1} in {2}", "{2}第{0}名（共{1}人）");
        public static readonly Text OrganisationRank = new("{0} of {1} in the organisation", "全公司第{0}名（共{1}人）");
        public static readonly Text Separator = new(" · ", "；");
        public static readonly Text MonthsHeading = new("Monthly scorecards", "月度考评");
        public static readonly Text QuartersHeading = new("Quarterly scorecards", "季度考评");
        public static readonly Text Points = new("{0}/100", "{0}分");
        public static readonly Text NotPublished = new("not published", "未发布");
        public static readonly Text Skills = new("Half-year skills assessment: not assessed.", "半年度技能评估：未评估。");
        /// <summary>{0}: the half-year, {1}: the mean rating, {2}: the weak areas.</summary>
        public static readonly Text SkillsResult = new(
            "Half-year skills assessment ({0}): {1} of 5 on average; weak: {2}.",
            "半年度技能评估（{0}）：平均{1}分（满分5分）；薄弱项：{2}。");
        public static readonly Text SkillsNoWeak = new(
            "Half-year skills assessment ({0}): {1} of 5 on average; no weak area.",
            "半年度技能评估（{0}）：平均{1}分（满分5分）；无薄弱项。");
        public static readonly Text NoTypeConfirmed = new("No manager type confirmed in coaching in {0}.", "{0}年辅导中未确认客户经理类型。");
        public static readonly Text TypesConfirmed = new("Types confirmed in coaching: {0}.", "辅导中确认的类型：{0}。");
        /// <summary>{0}: the type, {1}: the day (a Chinese day has its weekday in brackets already, so the type follows it).</summary>
        public static readonly Text TypeOn = new("{0} ({1})", "{1}确认为{0}");
        public static readonly Text Actions = new("Coaching actions due this year: {0} done, {1} open, {2} skipped.", "本年度到期的辅导行动：已完成{0}项，未完成{1}项，已跳过{2}项。");

        public static readonly Text StatusWrite = new(
            "Not submitted yet: write your overall evaluation of the year and submit it.",
            "尚未提交：请填写全年总体评价后提交。");
        public static readonly Text StatusNotSubmitted = new(
            "The lead has not submitted this review yet.",
            "组长尚未提交此考评。");
        /// <summary>{0}: the year, {1}: the day it can be submitted from.</summary>
        public static readonly Text StatusYearNotOver = new(
            "{0} is not over yet: the review is submitted from {1}.",
            "{0}年尚未结束，考评可于{1}起提交。");
        public static readonly Text StatusSubmitted = new("Submitted by {0} on {1}.", "由{0}于{1}提交。");
        public static readonly Text EvaluationLabel = new("Overall evaluation of the year (required)", "全年总体评价（必填）");
        public static readonly Text EvaluationBy = new("Overall evaluation by {0}", "{0}的总体评价");
        public static readonly Text EvaluationMissing = new(
            "Write your overall evaluation of {0} before submitting: it is required.",
            "提交前请填写对{0}的总体评价，此项为必填。");
        public static readonly Text NotSubmitted = new("Not submitted: please correct what is marked below.", "未提交：请修改下方标出的内容。");
        public static readonly Text SubmitNote = new(
            "Once submitted, the review is locked. When every manager of the team is submitted, the team's top and bottom shares by yearly score are proposed to your own manager, who decides what follows.",
            "考评提交后即锁定。全组考评都提交后，按年度得分排名靠前和靠后的人员将提交给您的上级，由其决定后续安排。");
        public static readonly Text SubmitButton = new("Submit review", "提交考评");
        public static readonly Text SubmitLeadsOnly = new(
            "Only the lead of {1} or a delegate submits {0}'s yearly review.",
            "只有{1}的组长或其代理人可以提交{0}的年度考评。");
        public static readonly Text SubmittedWaiting = new(
            "Submitted. When every manager of {0} is submitted, the team's top and bottom shares go to your own manager to decide.",
            "已提交。{0}全组考评提交后，排名靠前和靠后的人员将提交给您的上级决定。");
        /// <summary>{0}: the team, {1}: how many were proposed, {2}: the decider.</summary>
        public static readonly Text SubmittedComplete = new(
            "Submitted: every review of {0} is in. {1} proposed to {2} to decide; the others have been sent their reviews.",
            "已提交：{0}全组考评均已提交。{1}人已提交给{2}决定，其他人已收到各自的考评。");
        public static readonly Text AlreadySubmitted = new(
            "Submitted by {0} on {1}, and locked: a submitted review does not change.",
            "已由{0}于{1}提交并锁定，提交后的考评不能更改。");
        public static readonly Text WaitingForTeam = new(
            "Proposals are made once every manager of the team is submitted.",
            "全组考评提交后才会提出建议。");
        public static readonly Text NotProposed = new("Not proposed: within the team's middle.", "未列入建议：处于本组中间段。");
        /// <summary>{0}: the proposal, {1}: the decider.</summary>
        public static readonly Text ProposedTo = new("Proposed to {1}: {0}.", "已提交{1}：{0}。");
        public static readonly Text ProposalTop = new("among the team's best of the year", "列入本组年度优秀");
        public static readonly Text ProposalBottom = new("among the team's weakest of the year", "列入本组年度末位");

        public static readonly Text DecisionLabel = new("What follows", "后续安排");
        public static readonly Text DecisionAdvance = new("Advance", "晋升");
        public static readonly Text DecisionKeep = new("Keep in the role", "保持现岗");
        public static readonly Text DecisionImprovementPlan = new("Improvement plan", "改进计划");
        public static readonly Text DecisionExitReview = new("Exit review", "退出评审");
        public static readonly Text ReasonLabel = new("Reason (required)", "理由（必填）");
        public static readonly Text DecideButton = new("Decide", "确定");
        public static readonly Text DecisionMissing = new("Choose what follows.", "请选择后续安排。");
        public static readonly Text ReasonMissing = new("Say why you decide this.", "请说明作出此决定的理由。");
        public static readonly Text NotDecided = new("Not decided: please correct what is marked below.", "未作出决定：请修改下方标出的内容。");
        /// <summary>{0}: who decided, {1}: the day, {2}: the decision, {3}: the reason.</summary>
        public static readonly Text DecisionLine = new("Decided by {0} on {1}: {2}. {3}", "{0}于{1}决定：{2}。理由：{3}");
        public static readonly Text DecidedNotice = new("Decided. {0} and the lead have been told.", "已作出决定，已通知{0}和组长。");
        public static readonly Text AlreadyDecided = new("Already decided by {0}; a decision is made once.", "已由{0}作出决定；每项建议只能决定一次。");
        public static readonly Text DecideOnly = new(
            "Only {0}, the lead's own manager, decides this proposal.",
            "只有组长的上级{0}可以决定这项建议。");
        public static readonly Text NothingToDecide = new(
            "This review is not proposed for a decision.",
            "此考评没有待决定的建议。");

        public static readonly Text StateNotSubmitted = new("Not submitted", "未提交");
        public static readonly Text StateSubmitted = new("Submitted; waiting for the rest of the team", "已提交，等待全组提交");
        public static readonly Text StateProposed = new("Proposed, {0}: waiting for the decision", "已提出建议（{0}），等待决定");
        public static readonly Text StateDecided = new("Decided: {0}", "已决定：{0}");
        public static readonly Text StateFinished = new("Finished", "已完成");
        public static readonly Text StateSubmittedShort = new("Submitted", "已提交");
        public static readonly Text StateProposedShort = new("Proposed", "已提出建议");
        public static readonly Text StateDecidedShort = new("Decided", "已决定");

        public static readonly Text ProposedSummary = new("{0}'s yearly review of {1} is proposed to you to decide.", "{0}的{1}年度考评已提交给您决定。");
        public static readonly Text FinishedSummary = new("Your yearly review of {0} is finished.", "您的{0}年度考评已完成。");
        public static readonly Text DecidedSummary = new("{0}'s yearly review of {1} has been decided.", "{0}的{1}年度考评已有决定。");

        public static readonly Text ExportBadYear = new(
            "Write the year as YYYY, e.g. annual export 2026.",
            "请按YYYY填写年份，例如“年度考评导出 2026”。");
        public static readonly Text ExportNotYourTeam = new(
            "{0} is not a team you lead or oversee.",
            "{0}不是您带领或分管的团队。");
        /// <summary>{0}: the team (or all teams), {1}: the year.</summary>
        public static readonly Text ExportOffer = new("Yearly reviews of {0}, {1}, as an XLSX file.", "{0}{1}年度考评（XLSX文件）。");
        public static readonly Text ExportFileName = new("Yearly reviews_{0}_{1}", "年度考评_{0}_{1}年");
        public static readonly Text ColumnYear = new("Year", "年度");
        public static readonly Text ColumnScore = new("Yearly score", "年度得分");
        public static readonly Text ColumnMonths = new("Months published", "已发布月数");
        public static readonly Text ColumnTeamRank = new("Rank in team", "组内排名");
        public static readonly Text ColumnOrganisationRank = new("Rank in organisation", "全公司排名");
        public static readonly Text ColumnSkills = new("Skills (mean of 5)", "技能评估均分（满分5分）");
        public static readonly Text ColumnEvaluation = new("Overall evaluation", "总体评价");
        public static readonly Text ColumnState = new("State", "状态");
        public static readonly Text ColumnProposal = new("Proposal", "建议");
        public static readonly Text ColumnDecision = new("Decision", "决定");
        public static readonly Text ColumnReason = new("Reason", "理由");
        public static readonly Text ColumnDecidedBy = new("Decided by", "决定人");
    }
}
