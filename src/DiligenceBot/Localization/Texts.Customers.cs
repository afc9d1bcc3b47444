namespace DiligenceBot.Localization;

public static partial class Texts
{
    /// <summary>The customer register: the list, the import from a file and its error report, the template.</summary>
    public static class Customers
    {
        public static readonly Text CommandCustomers = new(
            "**customers** — your customers and their visits this month (**customers NAME** searches); a lead sees the team's",
            "**客户**：您的客户及本月拜访情况（在“客户”后加名称或许可证号即可搜索）；组长可查看本组客户");
        public static readonly Text CommandImport = new(
            "**customers template** — the import template; send the filled XLSX or CSV file to me here to import customers (leads and admins)",
            "**客户模板**：导入模板；填好后把XLSX或CSV文件发给我即可导入客户（组长和管理员）");

        public static readonly Text Title = new("Customers", "客户");
        public static readonly Text TitleSearch = new("Customers matching “{0}”", "与“{0}”匹配的客户");
        public static readonly Text Summary = new(
            "{0} customers; {1} visited as often as required this month.",
            "共{0}家客户，本月{1}家已达到要求的拜访次数。");
        public static readonly Text None = new("No customers are registered for you yet.", "您名下暂无登记的客户。");
        public static readonly Text NoneFound = new("No customer matches “{0}”.", "没有与“{0}”匹配的客户。");
        public static readonly Text More = new("… and {0} more; search by name or licence number to narrow the list.", "……另有{0}家，请按名称或许可证号搜索以缩小范围。");
        public static readonly Text Visits = new("{0} of {1} visits", "已拜访{0}/{1}次");
        public static readonly Text ServedBy = new("{0} · {1} · tier {2} · {3}", "{0}·{1}·{2}档·{3}");
        public static readonly Text SearchLabel = new("Name or licence number", "名称或许可证号");
        public static readonly Text SearchButton = new("Search", "搜索");
        // The customers picker (Teams' type-ahead over the register) and what it stores.
        public static readonly Text PickerChoice = new("{0} ({1})", "{0}（{1}）");
        public static readonly Text PickerPlaceholder = new("Type a name or licence number", "输入名称或许可证号查找");
        public static readonly Text UnregisteredLabel = new("Not registered yet", "尚未登记的客户");
        public static readonly Text UnregisteredPlaceholder = new("Shops not in the register, one per line", "不在客户名册中的零售户，每行一个");
        public static readonly Text NotRegistered = new("{0} (not registered)", "{0}（未登记）");
        public static readonly Text ErrorPickFromList = new(
            "For {0}, pick customers from the list (type a name or licence number); write shops not registered yet below it.",
            "“{0}”请从列表中选择客户（输入名称或许可证号查找）；尚未登记的零售户请写在下方。");
        public static readonly Text ErrorNotYours = new(
            "{1}: not one of your customers, so it cannot be in {0}; pick again.",
            "{1}：不是您的客户，不能填入“{0}”，请重新选择。");
        public static readonly Text NotInDirectory = new(
            "You are not in the directory yet, so I cannot show customers; please ask your administrator.",
            "您尚未加入通讯录，无法查看客户，请联系管理员。");

        public static readonly Text ColumnLicence = new("Licence number", "许可证号");
        public static readonly Text ColumnName = new("Customer name", "客户名称");
        public static readonly Text ColumnAddress = new("Address", "地址");
        public static readonly Text ColumnDistrict = new("District", "区域");
        public static readonly Text ColumnTier = new("Tier", "档位");
        public static readonly Text ColumnManager = new("Account manager (email)", "客户经理（邮箱）");
        public static readonly Text ColumnVisits = new("Visits per month", "每月拜访次数");
        public static readonly Text ProblemAt = new("Row {0} · {1}", "第{0}行·{1}");
        public static readonly Text ColumnRow = new("Row", "行");
        public static readonly Text ColumnColumn = new("Column", "列");
        public static readonly Text ColumnProblem = new("Problem", "问题");

        public static readonly Text ImportOnlyLeads = new(
            "Only a lead or an administrator can import customers; nothing was imported.",
            "只有组长或管理员可以导入客户，未导入任何数据。");
        public static readonly Text ImportPersonalOnly = new(
            "Please send the file to me in our personal chat; nothing was imported.",
            "请在与我的私聊中发送文件，未导入任何数据。");
        public static readonly Text ImportWrongType = new(
            "I can import customers from an XLSX or CSV file only (this one is “{0}”); nothing was imported.",
            "我只能从XLSX或CSV文件导入客户（此文件为“{0}”），未导入任何数据。");
        public static readonly Text ImportTooBig = new(
            "The file is larger than {0} MB; please split it. Nothing was imported.",
            "文件超过{0}MB，请拆分后再发送，未导入任何数据。");
        public static readonly Text ImportUnreadable = new(
            "I could not read the file “{0}” (it is damaged, not really {1}, or text in neither UTF-8 nor GBK); nothing was imported.",
            "无法读取文件“{0}”（文件已损坏、并非{1}格式，或文本编码既不是UTF-8也不是GBK），未导入任何数据。");
        public static readonly Text ImportDownloadFailed = new(
            "I could not fetch the file from Teams; please send it again. Nothing was imported.",
            "无法从Teams获取该文件，请重新发送，未导入任何数据。");
        public static readonly Text ImportEmptyFile = new(
            "“{0}” is empty; nothing was imported. Type **customers template** for the template.",
            "“{0}”是空文件，未导入任何数据。输入“客户模板”获取模板。");
        public static readonly Text ImportEmpty = new(
            "The file has no customer rows under its header; nothing was imported.",
            "文件表头下没有客户数据，未导入任何数据。");
        public static readonly Text ImportTooManyRows = new(
            "The file has more than {0} rows; please split it. Nothing was imported.",
            "文件超过{0}行，请拆分后再发送，未导入任何数据。");
        public static readonly Text ImportMissingColumns = new(
            "The first row must name the columns; missing: {0}. Type **customers template** for the template. Nothing was imported.",
            "第一行必须是列名，缺少：{0}。输入“客户模板”获取模板。未导入任何数据。");
        public static readonly Text ImportDone = new(
            "Imported {0} customers from “{1}”: {2} new, {3} updated, {4} moved to another manager.",
            "已从“{1}”导入{0}家客户：新增{2}家，更新{3}家，{4}家更换了客户经理。");
        public static readonly Text ImportFailedTitle = new("Nothing was imported", "未导入任何数据");
        public static readonly Text ImportFailed = new(
            "“{0}” has {1} problems in {2} rows. Nothing was imported: correct the file and send it again. Every problem is in the XLSX report below.",
            "“{0}”中有{2}行共{1}处问题，未导入任何数据。请修改文件后重新发送。全部问题见下方的XLSX报告。");
        public static readonly Text ImportFailedMore = new("… and {0} more problems, listed in the report file.", "……另有{0}处问题，详见报告文件。");

        public static readonly Text ProblemDuplicate = new("Licence number {0} also appears in row {1}.", "许可证号{0}与第{1}行重复。");
        public static readonly Text ProblemUnknownManager = new(
            "No account manager “{0}” in the directory (write the manager's email).",
            "通讯录中没有客户经理“{0}”（请填写客户经理的邮箱）。");
        public static readonly Text ProblemNotYourTeam = new(
            "{0} is not an account manager of a team you lead.",
            "{0}不是您所带团队的客户经理。");
        public static readonly Text ProblemVisits = new("Visits per month must be a whole number from 0 to {0}.", "每月拜访次数必须是0到{0}之间的整数。");
        public static readonly Text ProblemLicence = new(
            "A licence number has letters and digits only (and - or /).",
            "许可证号只能包含字母和数字（以及-或/）。");
        public static readonly Text ProblemFormula = new(
            "The cell holds a formula; please paste its value instead.",
            "单元格中是公式，请改为粘贴数值。");

        /// <summary>File names, without the extension (".xlsx" is added).</summary>
        public static readonly Text TemplateFileName = new("customers-template", "客户导入模板");
        public static readonly Text ErrorsFileName = new("customer-import-problems", "客户导入问题");
        public static readonly Text TemplateOffer = new(
            "The customer import template: one row per customer, the column names in the first row (English or Chinese).",
            "客户导入模板：每行一家客户，第一行为列名（中英文均可）。");
        public static readonly Text ErrorsOffer = new("Every problem of the import, one per row.", "本次导入的全部问题，每行一处。");
        public static readonly Text FileDeclined = new("All right, I did not send the file.", "好的，文件未发送。");
        public static readonly Text FileGone = new(
            "That file is no longer available; ask me again.",
            "该文件已失效，请重新向我索取。");
        public static readonly Text FileUploadFailed = new(
            "I could not put the file in your OneDrive; please ask me again.",
            "无法将文件保存到您的OneDrive，请重新向我索取。");
    }
}
