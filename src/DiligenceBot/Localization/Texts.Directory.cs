namespace DiligenceBot.Localization;

public static partial class Texts
{
    /// <summary>The directory sync from Microsoft Graph (组织架构同步).</summary>
    public static class Directory
    {
        public static readonly Text AdminOnly = new("Only an administrator can sync the directory; nothing was changed.", "只有管理员可以同步组织架构；未做任何更改。");
        public static readonly Text SeedsSource = new(
            "This organisation comes from the seed files, not from Microsoft Graph: an administrator edits them and types reload.",
            "本组织的人员来自种子文件，而不是Microsoft Graph：请管理员修改种子文件后输入“重新加载”。");
        public static readonly Text Title = new("Directory sync", "组织架构同步");
        public static readonly Text NothingYet = new("No sync has run yet.", "尚未进行过同步。");
        public static readonly Text LastRun = new("Last sync: {0}, {1}.", "上次同步：{0}，{1}。");
        public static readonly Text Applied = new("applied", "已完成");
        public static readonly Text Pending = new("waiting for your confirmation", "等待您确认");
        public static readonly Text Confirmed = new("confirmed and applied", "已确认并完成");
        public static readonly Text Discarded = new("replaced by a later sync", "已被后续同步取代");
        public static readonly Text Failed = new("failed; nothing was changed", "失败，未做任何更改");
        public static readonly Text Counts = new("{0} joined, {1} moved, {2} left, {3} updated; {4} people in the directory.", "新加入{0}人，调动{1}人，离开{2}人，信息更新{3}人；目前共{4}人。");
        public static readonly Text Reason = new("Reason: {0}", "原因：{0}");
        public static readonly Text PendingIntro = new(
            "This sync would move or deactivate {0} of {1} people, more than the guard allows, so nothing was applied. Check the lists, then confirm to apply it.",
            "本次同步将调动或停用{1}人中的{0}人，超过了安全上限，因此尚未执行。请核对以下名单，确认后再执行。");
        public static readonly Text Joins = new("Joining", "新加入");
        public static readonly Text Moves = new("Moving to another team or manager", "调到其他团队或上级");
        public static readonly Text Leaves = new("Leaving (deactivated; their records stay, their open duties go to their lead)", "离开（停用；记录保留，未完成的事项转给其上级）");
        public static readonly Text Conflicts = new("Conflicts", "冲突");
        public static readonly Text More = new("… and {0} more", "……另有{0}人");
        public static readonly Text InstallStatus = new(
            "App installed for {0} people by the organisation; {1} waiting to be installed; {2} could not be installed.",
            "已由公司为{0}人安装本应用；{1}人等待安装；{2}人未能安装。");
        public static readonly Text InstallFailed = new("Not installed (the reason Microsoft Graph gave)", "未能安装（Microsoft Graph给出的原因）");
        public static readonly Text Confirm = new("Confirm and apply", "确认并执行");
        public static readonly Text SyncNow = new("Sync now", "立即同步");
        public static readonly Text Started = new("The sync has started; type sync in a minute to see what it did.", "同步已开始，请稍后输入“同步”查看结果。");
        public static readonly Text NoLongerPending = new("That dry run is no longer waiting (a later sync replaced it or it was applied); here is the current state.", "该预览已失效（已被后续同步取代或已执行），以下为当前状态。");
    }
}
