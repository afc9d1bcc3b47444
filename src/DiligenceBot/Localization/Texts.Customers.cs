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
            "**customers template**, **figures template**, **evaluations template** — import templates; send the filled XLSX or CSV file to me here to import customers, managers' monthly figures or retail customers' evaluations (leads and admins)",
            "**客户模板**、**业绩模板**、**评价模板**：导入模板；填好后把XLSX或CSV文件发给我，即可导入客户、客户经理月度业绩或零售客户评价（组长和管理员）");

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
        public static readonly Text ColumnVisits = new("Visits per month", "每月拜访次数");

        public static readonly Text ImportDone = new(
            "Imported {0} customers from “{1}”: {2} new, {3} updated, {4} moved to another manager.",
            "已从“{1}”导入{0}家客户：新增{2}家，更新{3}家，{4}家更换了客户经理。");
        public static readonly Text RegisterChanged = new(
            "The customer register changed while your file was being checked (another import, probably), so nothing was stored. Please send the file again.",
            "在检查您的文件期间，客户名册发生了变化（可能有人同时导入），因此未保存任何内容。请重新发送该文件。");
        public static readonly Text ProblemDuplicate = new("Licence number {0} also appears in row {1}.", "许可证号{0}与第{1}行重复。");
        public static readonly Text ProblemVisits = new("Visits per month must be a whole number from 0 to {0}.", "每月拜访次数必须是0到{0}之间的整数。");
        public static readonly Text ProblemLicence = new(
            "A licence number has letters and digits only (and - or /).",
            "许可证号只能包含字母和数字（以及-或/）。");
        public static readonly Text Word = new("customers", "客户");
        public static readonly Text TemplateCommand = new("customers template", "客户模板");
        /// <summary>File names, without the extension (".xlsx" is added).</summary>
        public static readonly Text TemplateFileName = new("customers-template", "客户导入模板");
        public static readonly Text TemplateOffer = new(
            "The customer import template: one row per customer, the column names in the first row (English or Chinese).",
            "客户导入模板：每行一家客户，第一行为列名（中英文均可）。");
        public static readonly Text FileDeclined = new("All right, I did not send the file.", "好的，文件未发送。");
        public static readonly Text FileGone = new(
            "That file is no longer available; ask me again.",
            "该文件已失效，请重新向我索取。");
        public static readonly Text FileUploadFailed = new(
            "I could not put the file in your OneDrive; please ask me again.",
            "无法将文件保存到您的OneDrive，请重新向我索取。");
    }
}
