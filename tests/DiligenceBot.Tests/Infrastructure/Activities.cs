using System.Text.Json.Nodes;

namespace DiligenceBot.Tests.Infrastructure;

/// <summary>A demo-organisation user as Teams identifies them.</summary>
public sealed record TeamsUser(string Id, string Name, string AadObjectId)
{
    /// <summary>Wang Lei: manager in East 1, lead of East 2 (the Playground's current user).</summary>
    public static readonly TeamsUser WangLei = new("29:1-wang-lei", "Wang Lei 王磊", "a3c4b5ff-78b0-4313-9df2-a1e60bc975b5");
    /// <summary>Li Na: lead of East 1.</summary>
    public static readonly TeamsUser LiNa = new("29:1-li-na", "Li Na 李娜", "2b6e4b6c-6e82-40d0-842c-b1d3ffbd0a33");
    /// <summary>Chen Jie: manager in East 1.</summary>
    public static readonly TeamsUser ChenJie = new("29:1-chen-jie", "Chen Jie 陈杰", "b4a7088a-da51-4de1-9744-9dc84098a62f");
    /// <summary>Liu Yang: administrator, the East 1 lead's own manager and a delegate of East 1.</summary>
    public static readonly TeamsUser LiuYang = new("29:1-liu-yang", "Liu Yang 刘洋", "944cedb3-3940-469a-a27e-ff773a2307f2");
    /// <summary>Someone in the tenant who is not in the directory.</summary>
    public static readonly TeamsUser Stranger = new("29:1-stranger", "Stranger", "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f");
}

/// <summary>Activities shaped the way Teams sends them (personal chat unless said otherwise).</summary>
public static class Activities
{
    public const string TenantId = "fe71a704-0ed8-44e8-a9d0-9a48917cced0";
    public const string BotId = "28:69c2e885-220b-4e2b-8fe2-f0226230507e";

    public static JsonObject Message(string serviceUrl, TeamsUser user, string text, string locale = "en-US", string? conversationId = null) =>
        Base("message", serviceUrl, user, locale, conversationId, extra: new JsonObject { ["text"] = text, ["textFormat"] = "plain" });

    /// <summary>A file sent in the personal chat the way Teams sends it: a file download info attachment whose pre-authenticated URL serves it.</summary>
    public static JsonObject FileMessage(string serviceUrl, TeamsUser user, string name, string fileType, string downloadUrl, string locale = "en-US", string text = "")
    {
        var activity = Message(serviceUrl, user, text, locale);
        if (text.Length == 0)
        {
            activity.Remove("text");
        }

        activity["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = "application/vnd.microsoft.teams.file.download.info",
            ["contentUrl"] = "https://contoso.sharepoint.com/personal/user/Documents/" + name,
            ["name"] = name,
            ["content"] = new JsonObject { ["downloadUrl"] = downloadUrl, ["uniqueId"] = Guid.NewGuid().ToString(), ["fileType"] = fileType },
        });
        return activity;
    }

    public static JsonObject Submit(string serviceUrl, TeamsUser user, JsonObject value, string replyToId, string locale = "en-US") =>
        Base("message", serviceUrl, user, locale, null, extra: new JsonObject { ["value"] = value, ["replyToId"] = replyToId });

    public static JsonObject Execute(string serviceUrl, TeamsUser user, string verb, JsonObject? data = null, string locale = "en-US", string replyToId = "card-activity-1") =>
        Base("invoke", serviceUrl, user, locale, null, extra: new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["replyToId"] = replyToId,
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data?.DeepClone() ?? new JsonObject { ["verb"] = verb } },
                ["trigger"] = "manual",
            },
        });

    public static JsonObject InstallationAdd(string serviceUrl, TeamsUser user, string locale = "en-US") =>
        Base("installationUpdate", serviceUrl, user, locale, null, extra: new JsonObject { ["action"] = "add" });

    public static JsonObject InstallationRemove(string serviceUrl, TeamsUser user) =>
        Base("installationUpdate", serviceUrl, user, "en-US", null, extra: new JsonObject { ["action"] = "remove" });

    public static JsonObject ConversationUpdate(string serviceUrl, TeamsUser user, JsonArray? added = null, JsonArray? removed = null) =>
        Base("conversationUpdate", serviceUrl, user, "en-US", null, extra: new JsonObject
        {
            ["membersAdded"] = added,
            ["membersRemoved"] = removed,
        });

    public static string PersonalConversationId(TeamsUser user) => "a:1-personal-" + user.Id[5..];

    private static JsonObject Base(string type, string serviceUrl, TeamsUser user, string locale, string? conversationId, JsonObject extra)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = "f:" + Guid.NewGuid().ToString("N"),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["localTimestamp"] = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("O"),
            ["localTimezone"] = "Asia/Shanghai",
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = user.Id, ["name"] = user.Name, ["aadObjectId"] = user.AadObjectId },
            ["conversation"] = new JsonObject
            {
                ["conversationType"] = "personal",
                ["tenantId"] = TenantId,
                ["id"] = conversationId ?? PersonalConversationId(user),
            },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "DiligenceBot" },
            ["entities"] = new JsonArray(new JsonObject
            {
                ["type"] = "clientInfo",
                ["locale"] = locale,
                ["country"] = "CN",
                ["platform"] = "Web",
                ["timezone"] = "Asia/Shanghai",
            }),
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
            ["locale"] = locale,
        };
        foreach (var (key, value) in extra)
        {
            if (value is not null)
            {
                activity[key] = value.DeepClone();
            }
        }

        return activity;
    }
}
