namespace DiligenceBot.Localization;

public static partial class Texts
{
    /// <summary>Every import from a file sent in chat (customers, figures, evaluations): refusals, the problem report, the shared cell checks.</summary>
    public static class Imports
    {
        public static readonly Text Command = new("**{0}**", "“{0}”");
        public static readonly Text Templates = new(
            "Import templates: type {0}. Fill one in and send it to me here; I tell the kind of file from its first row.",
            "导入模板：请输入{0}。填好后发给我即可，我会根据第一行判断文件类别。");
        public static readonly Text NotInDirectory = new(
            "You are not in the directory yet, so I cannot send templates; please ask your administrator.",
            "您尚未加入通讯录，无法获取模板，请联系管理员。");
        public static readonly Text OnlyLeads = new(
            "Only a lead or an administrator can import customers, figures or evaluations; nothing was imported.",
            "只有组长或管理员可以导入客户、业绩或评价，未导入任何数据。");
        public static readonly Text PersonalOnly = new(
            "Please send the file to me in our personal chat; nothing was imported.",
            "请在与我的私聊中发送文件，未导入任何数据。");
        public static readonly Text WrongType = new(
            "I can import from an XLSX or CSV file only (this one is “{0}”); nothing was imported.",
            "我只能从XLSX或CSV文件导入（此文件为“{0}”），未导入任何数据。");
        public static readonly Text TooBig = new(
            "The file is larger than {0} MB; please split it. Nothing was imported.",
            "文件超过{0}MB，请拆分后再发送，未导入任何数据。");
        public static readonly Text Unreadable = new(
            "I could not read the file “{0}” (it is damaged, not really {1}, or text in neither UTF-8 nor GBK); nothing was imported.",
            "无法读取文件“{0}”（文件已损坏、并非{1}格式，或文本编码既不是UTF-8也不是GBK），未导入任何数据。");
        public static readonly Text DownloadFailed = new(
            "I could not fetch the file from Teams; please send it again. Nothing was imported.",
            "无法从Teams获取该文件，请重新发送，未导入任何数据。");
        public static readonly Text EmptyFile = new(
            "“{0}” is empty; nothing was imported. For a template type {1}.",
            "“{0}”是空文件，未导入任何数据。如需模板，请输入{1}。");
        public static readonly Text UnknownHeader = new(
            "The first row of “{0}” names the columns of no file I import (customers, figures, customers' evaluations); nothing was imported. For a template type {1}.",
            "“{0}”第一行的列名不属于我能导入的任何文件（客户、业绩、客户评价），未导入任何数据。如需模板，请输入{1}。");
        public static readonly Text NoRows = new(
            "The file has no rows under its header; nothing was imported.",
            "文件表头下没有数据，未导入任何数据。");
        public static readonly Text TooManyRows = new(
            "The file has more than {0} rows; please split it. Nothing was imported.",
            "文件超过{0}行，请拆分后再发送，未导入任何数据。");
        public static readonly Text MissingColumns = new(
            "The first row must name the columns; missing: {0}. Type **{1}** for the template. Nothing was imported.",
            "第一行必须是列名，缺少：{0}。输入“{1}”获取模板。未导入任何数据。");
        public static readonly Text FailedTitle = new("Nothing was imported", "未导入任何数据");
        public static readonly Text Failed = new(
            "“{0}” has {1} problems in {2} rows. Nothing was imported: correct the file and send it again. Every problem is in the XLSX report below.",
            "“{0}”中有{2}行共{1}处问题，未导入任何数据。请修改文件后重新发送。全部问题见下方的XLSX报告。");
        public static readonly Text FailedMore = new("… and {0} more problems, listed in the report file.", "……另有{0}处问题，详见报告文件。");
        public static readonly Text ProblemAt = new("Row {0} · {1}", "第{0}行·{1}");
        public static readonly Text ColumnRow = new("Row", "行");
        public static readonly Text ColumnColumn = new("Column", "列");
        public static readonly Text ColumnProblem = new("Problem", "问题");
        /// <summary>{0}: the kind's word (customers, 业绩); without the extension.</summary>
        public static readonly Text ErrorsFileName = new("{0}-import-problems", "{0}导入问题");
        public static readonly Text ErrorsOffer = new("Every problem of the import, one per row.", "本次导入的全部问题，每行一处。");

        public static readonly Text ColumnManager = new("Account manager (email)", "客户经理（邮箱）");
        public static readonly Text ColumnMonth = new("Month (YYYY-MM)", "月份（YYYY-MM）");
        public static readonly Text ProblemFormula = new(
            "The cell holds a formula; please paste its value instead.",
            "单元格中是公式，请改为粘贴数值。");
        public static readonly Text ProblemUnknownManager = new(
            "No account manager “{0}” in the directory (write the manager's email).",
            "通讯录中没有客户经理“{0}”（请填写客户经理的邮箱）。");
        public static readonly Text ProblemNotYourTeam = new(
            "{0} is not an account manager of a team you lead.",
            "{0}不是您所带团队的客户经理。");
        /// <summary>{0}: the column, {1}: the largest amount.</summary>
        public static readonly Text ProblemAmount = new(
            "{0} must be a number from 0 to {1}, with at most two decimals.",
            "“{0}”必须是0到{1}之间的数字，最多保留两位小数。");
        /// <summary>{0}: the column, {1}: an example month.</summary>
        public static readonly Text ProblemMonth = new(
            "Write {0} as year and month, e.g. {1}.",
            "“{0}”请按年月填写，例如{1}。");
        public static readonly Text ProblemFutureMonth = new(
            "{0} has not begun yet; import a month that has.",
            "{0}尚未开始，请导入已开始的月份。");
    }

    /// <summary>Managers' monthly figures (volume and value against target, the volume forecast), imported for the scorecards.</summary>
    public static class Figures
    {
        public static readonly Text Word = new("figures", "业绩");
        public static readonly Text TemplateCommand = new("figures template", "业绩模板");
        public static readonly Text TemplateFileName = new("figures-template", "业绩导入模板");
        public static readonly Text TemplateOffer = new(
            "The figures import template: one row per account manager and month; volumes in cases (1 case = 50 cartons), values in yuan; the column names in the first row (English or Chinese).",
            "业绩导入模板：每位客户经理每月一行；销量以箱为单位（1箱=50条），销售额以元为单位；第一行为列名（中英文均可）。");
        public static readonly Text ColumnVolumeTarget = new("Volume target (cases)", "销量目标（箱）");
        public static readonly Text ColumnVolumeActual = new("Volume sold (cases)", "实际销量（箱）");
        public static readonly Text ColumnValueTarget = new("Sales value target (yuan)", "销售额目标（元）");
        public static readonly Text ColumnValueActual = new("Sales value (yuan)", "实际销售额（元）");
        public static readonly Text ColumnForecast = new("Volume forecast (cases)", "预测销量（箱）");
        public static readonly Text ProblemTargetZero = new(
            "{0} must be more than 0: results are measured against it.",
            "“{0}”必须大于0，完成率以此计算。");
        /// <summary>{0}: the manager as typed, {1}: the month, {2}: the other row.</summary>
        public static readonly Text ProblemDuplicate = new(
            "{0} already has figures for {1} in row {2}.",
            "“{0}”{1}的业绩已在第{2}行填写。");
        /// <summary>{0}: rows, {1}: the file, {2}: new, {3}: replaced.</summary>
        public static readonly Text Done = new(
            "Imported {0} rows of figures from “{1}”: {2} new, {3} replacing the figures imported before for the same manager and month. Scorecards now read them.",
            "已从“{1}”导入{0}行业绩：新增{2}行，{3}行替换了同一客户经理同月此前导入的业绩。考核将按新数据计算。");
    }

    /// <summary>Retail customers' evaluations of their account manager, imported; managers only ever see aggregates.</summary>
    public static class Evaluations
    {
        public static readonly Text Word = new("evaluations", "评价");
        public static readonly Text TemplateCommand = new("evaluations template", "评价模板");
        public static readonly Text TemplateFileName = new("evaluations-template", "客户评价导入模板");
        public static readonly Text TemplateOffer = new(
            "The customers' evaluations import template: one row per customer, manager and month; each item scored 1 (poor) to 5 (very good); the customer must be in the register and served by that manager.",
            "客户评价导入模板：每家客户、每位客户经理、每月一行；各项按1分（差）到5分（很好）评分；客户须在客户名册中并由该客户经理服务。");
        public static readonly Text ColumnVisits = new("Visit regularity (1-5)", "拜访规律性（1～5分）");
        public static readonly Text ColumnAttitude = new("Service attitude (1-5)", "服务态度（1～5分）");
        public static readonly Text ColumnPolicy = new("Policy explanation (1-5)", "政策宣传解释（1～5分）");
        public static readonly Text ColumnProblems = new("Problem solving (1-5)", "解决问题（1～5分）");
        public static readonly Text ColumnFairness = new("Fairness and integrity (1-5)", "公平诚信（1～5分）");
        public static readonly Text ColumnComment = new("Comment", "意见建议");
        public static readonly Text ProblemScore = new("{0} must be a whole number from 1 to 5.", "“{0}”必须是1到5之间的整数。");
        public static readonly Text ProblemNotRegistered = new(
            "No customer with licence number {0} in the register; import the customer first.",
            "客户名册中没有许可证号为{0}的客户，请先导入该客户。");
        /// <summary>{0}: the licence number, {1}: the manager as typed.</summary>
        public static readonly Text ProblemNotServed = new(
            "Customer {0} is not served by {1}; only the customers a manager serves evaluate that manager.",
            "客户{0}不由{1}服务；只有客户经理所服务的客户才能评价该客户经理。");
        /// <summary>{0}: the licence number, {1}: the month, {2}: the other row.</summary>
        public static readonly Text ProblemDuplicate = new(
            "Customer {0} already evaluates this manager for {1} in row {2}.",
            "客户{0}对该客户经理{1}的评价已在第{2}行填写。");
        /// <summary>{0}: the licence number, {1}: the month.</summary>
        public static readonly Text ProblemAnsweredOnSurvey = new(
            "Customer {0} already answered the survey for {1}; the customer's own answer is kept, so leave this row out.",
            "客户{0}已通过问卷提交{1}的评价，以客户本人的答复为准，请删除此行。");
        /// <summary>{0}: rows, {1}: the file, {2}: new, {3}: replaced.</summary>
        public static readonly Text Done = new(
            "Imported {0} customers' evaluations from “{1}”: {2} new, {3} replacing an evaluation imported before for the same customer, manager and month. Scorecards now read them; managers see only averages.",
            "已从“{1}”导入{0}条客户评价：新增{2}条，{3}条替换了同一客户对同一客户经理同月此前导入的评价。考核将按新数据计算；客户经理只能看到平均分。");
    }
}
