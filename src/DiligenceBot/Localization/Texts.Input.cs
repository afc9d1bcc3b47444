namespace DiligenceBot.Localization;

public static partial class Texts
{
    /// <summary>What every card input says when what was typed cannot be taken (see Input/UserText and Input/UserNumber).</summary>
    public static class Input
    {
        public static readonly Text Required = new("{0} is required.", "请填写“{0}”。");
        public static readonly Text TooLong = new("{0} may have at most {1} characters (now {2}).", "“{0}”最多{1}个字（现在{2}个）。");
        public static readonly Text TooShort = new("{0} needs at least {1} characters.", "“{0}”至少需要{1}个字。");
        public static readonly Text Markup = new("{0} contains HTML or script markup (< >); please write plain text.", "“{0}”包含HTML或脚本标记（< >），请填写纯文本。");
        public static readonly Text Control = new(
            "{0} contains control characters that cannot be shown (they often come with pasted text); please remove them.",
            "“{0}”包含无法显示的控制字符（常随粘贴的文本带入），请删除后再提交。");
        public static readonly Text Number = new("{0} must be a number from {1} to {2}.", "“{0}”必须是{1}到{2}之间的数字。");
        public static readonly Text NotFinite = new(
            "{0} must be an ordinary number from {1} to {2}; “{3}” is not one.",
            "“{0}”必须是{1}到{2}之间的普通数字，“{3}”不是有效数字。");
        public static readonly Text NotIssued = new(
            "This card carries a number ({0}) that I never issued, so nothing was changed. Open the card again from the chat.",
            "此卡片带有系统从未发出的编号（{0}），未做任何更改。请在聊天中重新打开卡片。");
    }
}
