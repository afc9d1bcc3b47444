namespace DiligenceBot.Localization;

/// <summary>
/// Every text the bot sends, in en-US and zh-CN. Grouped by feature; a test checks that each exists in both
/// languages and that placeholders match.
/// </summary>
public static class Texts
{
    public static class Common
    {
        public static readonly Text BotName = new("DiligenceBot", "勤勉助手");
        public static readonly Text NotUnderstood = new(
            "Sorry, I did not understand \"{0}\". Type **help** to see what I can do.",
            "抱歉，我没有理解“{0}”。输入 **帮助** 查看我能做什么。");
        public static readonly Text CardOutOfDate = new(
            "This card is out of date. Type **help** to start again.",
            "此卡片已过期。输入 **帮助** 重新开始。");
        public static readonly Text SomethingWentWrong = new(
            "Something went wrong on my side; nothing was changed. Please try again in a moment.",
            "我这边出了点问题，没有做任何更改。请稍后再试。");
    }

    public static class Welcome
    {
        public static readonly Text Title = new("Welcome to DiligenceBot", "欢迎使用勤勉助手");
        public static readonly Text GreetingKnown = new(
            "Hello {0}! I help your team keep its daily rhythm: work logs before the morning meeting, field information passed to the right department, and reviews and coaching from your lead.",
            "{0}，您好！我帮助团队保持每天的节奏：例会前提交工作日志，把一线信息传递给相关部门，并由组长审阅和辅导。");
        public static readonly Text GreetingUnknown = new(
            "Hello! I help sales teams keep their daily rhythm: work logs, information transfer forms, reviews and coaching. Your administrator has not added you to the directory yet, so some features will not be available to you.",
            "您好！我帮助销售团队保持每天的节奏：工作日志、信息传递表、审阅和辅导。管理员尚未把您加入通讯录，因此部分功能暂时无法使用。");
        public static readonly Text GreetingTeam = new(
            "Hello, {0}! I am DiligenceBot. Mention me with **help** to see what I can do here; most work happens in a personal chat with me.",
            "大家好，{0}！我是勤勉助手。@我并输入 **帮助** 查看我能做什么；大部分工作在与我的私聊中完成。");
        public static readonly Text ShowHelp = new("What can you do?", "你能做什么？");
        public static readonly Text ShowProfile = new("Who am I here?", "我的信息");
    }

    public static class Help
    {
        public static readonly Text Title = new("What I can do", "我能做什么");
        public static readonly Text Intro = new(
            "Type a command in this chat, or use the buttons below. Commands work in English and Chinese.",
            "在此聊天中输入命令，或使用下面的按钮。命令支持中文和英文。");
        public static readonly Text CommandHelp = new("**help** — this list", "**帮助** — 显示此列表");
        public static readonly Text CommandMe = new(
            "**me** — who I think you are: your role, team and daily meeting",
            "**我的信息** — 我所知道的你：角色、团队和每日例会");
        public static readonly Text ForManagers = new("For account managers", "客户经理");
        public static readonly Text ForLeads = new("For leads", "组长");
        public static readonly Text ManagersIntro = new(
            "Before each daily meeting I remind you to submit your work log; information you pick up in the field goes to the department that must act on it.",
            "每天例会前我会提醒您提交工作日志；您在市场上收集到的信息会传递给需要处理的部门。");
        public static readonly Text LeadsIntro = new(
            "Before the meeting you read and review your team's logs from a card; scorecards and coaching advice follow.",
            "例会前您可在卡片中阅读和审阅团队的日志；之后还有评分和辅导建议。");
        public static readonly Text ShowProfile = new("Who am I here?", "我的信息");
    }

    public static class Profile
    {
        public static readonly Text Title = new("Who you are here", "您的信息");
        public static readonly Text Unknown = new(
            "You are not in DiligenceBot's directory yet. Ask your administrator to add you (your Microsoft Entra object id is {0}).",
            "您还不在勤勉助手的通讯录中。请联系管理员添加您（您的 Microsoft Entra 对象 ID：{0}）。");
        public static readonly Text Name = new("Name", "姓名");
        public static readonly Text ManagerIn = new("Account manager in", "所属团队（客户经理）");
        public static readonly Text LeadOf = new("Lead of", "担任组长");
        public static readonly Text YourLead = new("Your lead", "您的组长");
        public static readonly Text Meeting = new("Daily meeting", "每日例会");
        public static readonly Text MeetingAt = new("{0} ({1})", "{0}（{1}）");
        public static readonly Text Admin = new("Administrator", "管理员");
        public static readonly Text Yes = new("Yes", "是");
        public static readonly Text BackToHelp = new("Back to help", "返回帮助");
    }
}
