namespace DiligenceBot.Localization;

public static partial class Texts
{
    /// <summary>The retail customers' survey: the links a lead issues, the page customers answer, the leads' view.</summary>
    public static class Surveys
    {
        public static readonly Text CommandSurvey = new(
            "**survey** name [YYYY-MM] [sample N] — leads: signed survey links and printable QR codes for the customers a manager serves (all, or N at random)",
            "**客户评价** [姓名] [YYYY-MM] [抽样N]：组长为客户经理服务的零售客户生成签名问卷链接和可打印的二维码（姓名必填；全部客户或随机抽取N家）");

        // The lead's side: issuing links.
        public static readonly Text ForLeads = new(
            "Survey links are issued by a team's lead, the managers above the lead and admins.",
            "问卷链接由组长、组长的上级和管理员生成。");
        public static readonly Text NotYourself = new(
            "You do not survey your own customers; your lead does.",
            "不能为自己的客户生成问卷，由您的上级负责。");
        public static readonly Text NotYours = new(
            "{0} is not in a team you lead or oversee; only {0}'s lead chain and admins survey {0}'s customers.",
            "{0}不在您带领或分管的团队中；只有{0}的上级和管理员可以调查{0}的客户。");
        public static readonly Text NotConfigured = new(
            "Survey links are not set up yet: an administrator sets Survey:SigningKey and Survey:PublicBaseUrl (see the README).",
            "问卷链接尚未配置：请管理员设置Survey:SigningKey和Survey:PublicBaseUrl（见README）。");
        public static readonly Text Usage = new(
            "Name the account manager, then the month and the sample if you want them, e.g. survey Chen Jie 2026-11 sample 20.",
            "请写明客户经理，需要时再写月份和抽样数，例如“客户评价 陈杰 2026-11 抽样 20”。");
        /// <summary>{0}: the manager, {1}: the month.</summary>
        public static readonly Text NoCustomers = new(
            "{0} serves no customers in the register, so there is no one to survey for {1}.",
            "客户名册中没有{0}服务的客户，{1}无可调查的客户。");
        /// <summary>{0}: the manager, {1}: the month.</summary>
        public static readonly Text AllAnswered = new(
            "Every customer of {0} has already answered the survey for {1}.",
            "{0}服务的客户均已提交{1}的问卷。");
        public static readonly Text TooManyLinks = new(
            "That would be {0} links; at most {1} are issued at once. Ask for a sample, e.g. sample 200.",
            "将生成{0}个链接，一次最多{1}个。请抽样，例如“抽样 200”。");
        /// <summary>{0}: the manager, {1}: the month.</summary>
        public static readonly Text FileName = new("Survey links_{0}_{1}", "客户评价问卷_{0}_{1}");
        /// <summary>{0}: links, {1}: the manager, {2}: the month, {3}: valid until.</summary>
        public static readonly Text Issued = new(
            "{0} survey links for {1}'s customers, {2}, valid until {3}: the list of links and a page of QR codes to print. Each link is answered once; links handed out before for the same customers and month no longer open.",
            "已为{1}的客户生成{2}问卷链接{0}个，有效期至{3}：附链接清单和可打印的二维码页。每个链接只能提交一次；此前发给同一客户同月的链接已失效。");
        public static readonly Text LinksOffer = new("{0} survey links: customer, licence number, link, valid until.", "问卷链接{0}个：客户、许可证号、链接、有效期。");
        public static readonly Text QrOffer = new(
            "{0} QR codes to print (open the file in a browser and print it): one per customer, with its name.",
            "可打印的二维码{0}个（用浏览器打开后打印），每家客户一个，标有客户名称。");
        public static readonly Text ColumnCustomer = new("Customer", "客户");
        public static readonly Text ColumnLink = new("Survey link", "问卷链接");
        public static readonly Text ColumnValidUntil = new("Valid until", "有效期至");
        /// <summary>{0}: the manager, {1}: the month.</summary>
        public static readonly Text QrTitle = new("Customer survey · {0} · {1}", "客户评价问卷·{0}·{1}");
        public static readonly Text QrLabel = new("QR code of the survey for {0}", "{0}的问卷二维码");
        /// <summary>{0}: the manager, {1}: the month, {2}: valid until.</summary>
        public static readonly Text QrAsk = new(
            "Scan to tell us how {0} served you in {1} (two minutes, until {2}).",
            "请扫码评价客户经理{0}在{1}的服务（约两分钟，{2}前有效）。");

        // The customer's side: the survey page.
        public static readonly Text Title = new("How is your account manager doing?", "客户经理服务评价");
        /// <summary>{0}: the manager, {1}: the month.</summary>
        public static readonly Text Intro = new(
            "Please rate the service of your account manager {0} in {1}: five questions, each from 1 (very poor) to 5 (very good), and a comment if you wish.",
            "请评价客户经理{0}在{1}的服务：共五项，每项1分（很差）至5分（很好），也可以留下意见建议。");
        public static readonly Text Privacy = new(
            "Your answers go to the account manager's supervisor. The account manager sees only the average of all customers' answers, never yours alone.",
            "您的回答由客户经理的上级查阅；客户经理只能看到所有客户的平均分，看不到您的单独回答。");
        public static readonly Text ItemVisits = new("Visit regularity", "拜访规律性");
        public static readonly Text QuestionVisits = new("Does the account manager visit you regularly, as agreed?", "客户经理是否按约定定期上门拜访？");
        public static readonly Text ItemAttitude = new("Service attitude", "服务态度");
        public static readonly Text QuestionAttitude = new("Is the account manager courteous, patient and helpful?", "客户经理是否热情、耐心、周到？");
        public static readonly Text ItemPolicy = new("Policy explanation", "政策宣传解释");
        public static readonly Text QuestionPolicy = new("Does the account manager explain policies and products clearly?", "客户经理是否把政策和产品讲解清楚？");
        public static readonly Text ItemProblems = new("Problem solving", "解决问题");
        public static readonly Text QuestionProblems = new("When you raise a problem, is it solved or followed up?", "您提出的问题是否得到解决或跟进？");
        public static readonly Text ItemFairness = new("Fairness and integrity", "公平诚信");
        public static readonly Text QuestionFairness = new("Does the account manager treat every customer fairly and keep their word?", "客户经理是否公平对待每家客户、说到做到？");
        public static readonly Text Scale1 = new("very poor", "很差");
        public static readonly Text Scale2 = new("poor", "较差");
        public static readonly Text Scale3 = new("fair", "一般");
        public static readonly Text Scale4 = new("good", "较好");
        public static readonly Text Scale5 = new("very good", "很好");
        /// <summary>{0}: the score, {1}: its word.</summary>
        public static readonly Text ScaleOption = new("{0} – {1}", "{0}分·{1}");
        public static readonly Text CommentLabel = new("Comment (optional)", "意见建议（选填）");
        public static readonly Text CommentHint = new("At most {0} characters.", "最多{0}字。");
        public static readonly Text Submit = new("Send my answers", "提交评价");
        public static readonly Text ErrorsTitle = new("Please check your answers", "请检查以下内容");
        public static readonly Text ChooseOne = new("{0}: choose a score from 1 to 5.", "“{0}”：请选择1到5分。");
        public static readonly Text ThanksTitle = new("Thank you", "感谢您的评价");
        public static readonly Text Thanks = new(
            "Your answers about {0} are saved. They help us serve you better.",
            "您对{0}的评价已保存，我们将据此改进服务。");
        public static readonly Text AnsweredTitle = new("Already answered", "已提交");
        public static readonly Text Answered = new(
            "This survey has already been answered; each link takes one answer. Thank you.",
            "此问卷已提交，每个链接只能提交一次。感谢您的支持。");
        public static readonly Text ExpiredTitle = new("This link has expired", "链接已失效");
        public static readonly Text Expired = new(
            "This survey link is no longer valid. If you would still like to answer, ask your account manager's supervisor for a new one.",
            "此问卷链接已失效。如仍希望评价，请向客户经理的上级索取新链接。");
        public static readonly Text NotFoundTitle = new("Survey not found", "未找到问卷");
        public static readonly Text NotFound = new(
            "This link does not open a survey. Check that it was copied completely, or scan the QR code again.",
            "此链接无法打开问卷。请检查链接是否完整，或重新扫描二维码。");
        public static readonly Text TooManyTitle = new("Too many requests", "请求过于频繁");
        public static readonly Text TooMany = new(
            "Too many requests came from here. Please try again in {0} seconds; your survey link stays valid.",
            "请求过于频繁，请{0}秒后再试；您的问卷链接仍然有效。");

        // The leads' view of the evaluations per customer.
        public static readonly Text CommandEvaluations = new(
            "**evaluations** name [YYYY-MM] — leads: each customer's evaluation of a manager for a month, surveyed or imported, with the averages; Export sends the list as a file",
            "**评价结果** [姓名] [YYYY-MM]：组长查看客户经理某月每家客户的评价（姓名必填；问卷或导入）及平均分，可导出为文件");
        public static readonly Text EvaluationsForLeads = new(
            "Each customer's evaluation is for a team's lead, the managers above the lead and admins; your scorecard shows the averages of your customers' evaluations.",
            "每家客户的评价仅由组长、组长的上级和管理员查看；您的考核中可以看到客户评价的平均分。");
        public static readonly Text NotYoursEvaluations = new(
            "{0} is not in a team you lead or oversee; only {0}'s lead chain and admins see {0}'s customers' evaluations.",
            "{0}不在您带领或分管的团队中；只有{0}的上级和管理员可以查看{0}的客户评价。");
        public static readonly Text EvaluationsUsage = new(
            "Name the account manager and, if you want, the month, e.g. evaluations Chen Jie 2026-11.",
            "请写明客户经理，需要时再写月份，例如“评价结果 陈杰 2026-11”。");
        public static readonly Text ExportUsage = new(
            "Name the account manager and, if you want, the month, e.g. evaluations export Chen Jie 2026-11.",
            "请写明客户经理，需要时再写月份，例如“评价导出 陈杰 2026-11”。");
        /// <summary>{0}: the manager, {1}: the month.</summary>
        public static readonly Text EvaluationsTitle = new("{0} · customers' evaluations · {1}", "{0}·{1}客户评价");
        /// <summary>{0}: all, {1}: surveyed, {2}: imported.</summary>
        public static readonly Text EvaluationsCount = new("{0} customers evaluated: {1} by survey, {2} imported. Averages of the five items:", "共{0}家客户评价：问卷{1}家，导入{2}家。五项平均分：");
        /// <summary>{0}: the manager, {1}: the month.</summary>
        public static readonly Text NoEvaluations = new(
            "No customer has evaluated {0} for {1} yet. Type survey {0} for links, or import the evaluations.",
            "{1}尚无客户评价{0}。可输入“客户评价 {0}”生成问卷链接，或导入评价。");
        /// <summary>{0}: the customer, {1}: the licence number.</summary>
        public static readonly Text CustomerHeading = new("{0} ({1})", "{0}（{1}）");
        public static readonly Text ScoreCell = new("{0} {1}", "{0}{1}分");
        public static readonly Text ScoreSeparator = new(" · ", "，");
        public static readonly Text CommentLine = new("Comment: {0}", "意见建议：{0}");
        public static readonly Text SourceSurvey = new("Answered on the survey page", "问卷答复");
        public static readonly Text SourceImport = new("Imported", "导入");
        public static readonly Text ColumnSource = new("Source", "来源");
        /// <summary>{0}: the manager, {1}: the month.</summary>
        public static readonly Text ExportFileName = new("Customer evaluations_{0}_{1}", "客户评价_{0}_{1}");
        /// <summary>{0}: rows, {1}: the manager, {2}: the month.</summary>
        public static readonly Text ExportOffer = new("{0} customers' evaluations of {1}, {2}, one row per customer.", "{1}{2}的客户评价{0}条，每家客户一行。");
    }
}
