using System.Text.Json;
using System.Text.Json.Serialization;

namespace DiligenceBot.BotFramework.Schema;

/// <summary>
/// An activity as received on <c>/api/messages</c>. Read model: fields the product uses are typed,
/// everything else is kept in <see cref="Properties"/> so nothing the channel sent is lost. The schema allows
/// <c>null</c> inside its arrays; those holes are dropped on reading, so no reader ever meets a null element.
/// </summary>
public sealed class Activity : IJsonOnDeserialized
{
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("timestamp")] public DateTimeOffset? Timestamp { get; set; }
    [JsonPropertyName("localTimestamp")] public DateTimeOffset? LocalTimestamp { get; set; }
    [JsonPropertyName("localTimezone")] public string? LocalTimezone { get; set; }
    [JsonPropertyName("serviceUrl")] public string? ServiceUrl { get; set; }
    [JsonPropertyName("channelId")] public string? ChannelId { get; set; }
    [JsonPropertyName("from")] public ChannelAccount? From { get; set; }
    [JsonPropertyName("conversation")] public ConversationAccount? Conversation { get; set; }
    [JsonPropertyName("recipient")] public ChannelAccount? Recipient { get; set; }
    [JsonPropertyName("textFormat")] public string? TextFormat { get; set; }
    [JsonPropertyName("text")] public string? Text { get; set; }
    [JsonPropertyName("locale")] public string? Locale { get; set; }
    [JsonPropertyName("attachments")] public List<Attachment>? Attachments { get; set; }
    [JsonPropertyName("entities")] public List<Entity>? Entities { get; set; }
    [JsonPropertyName("channelData")] public TeamsChannelData? ChannelData { get; set; }
    [JsonPropertyName("action")] public string? Action { get; set; }
    [JsonPropertyName("replyToId")] public string? ReplyToId { get; set; }
    [JsonPropertyName("value")] public JsonElement? Value { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("membersAdded")] public List<ChannelAccount>? MembersAdded { get; set; }
    [JsonPropertyName("membersRemoved")] public List<ChannelAccount>? MembersRemoved { get; set; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? Properties { get; set; }

    void IJsonOnDeserialized.OnDeserialized()
    {
        Attachments?.RemoveAll(static a => a is null);
        Entities?.RemoveAll(static e => e is null);
        MembersAdded?.RemoveAll(static m => m is null);
        MembersRemoved?.RemoveAll(static m => m is null);
    }

    /// <summary>
    /// What is wrong with the identifiers of the activity's envelope, or null. Teams' ids are short; one longer than
    /// the bot stores (an id of several kilobytes, say) is a forged or broken activity, refused before anything reads it.
    /// </summary>
    public string? EnvelopeProblem()
    {
        static bool TooLong(string? value, int max) => value is not null && value.Length > max;
        return TooLong(Id, ActivityLimits.Id) || TooLong(ReplyToId, ActivityLimits.Id) ? "The activity's id or replyToId is too long."
            : TooLong(Conversation?.Id, ActivityLimits.ConversationId) ? "The activity's conversation.id is too long."
            : TooLong(From?.Id, ActivityLimits.AccountId) || TooLong(Recipient?.Id, ActivityLimits.AccountId) ? "The activity's from.id or recipient.id is too long."
            : TooLong(From?.AadObjectId, ActivityLimits.ShortId) ? "The activity's from.aadObjectId is too long."
            : TooLong(ServiceUrl, ActivityLimits.ServiceUrl) ? "The activity's serviceUrl is too long."
            : TooLong(ChannelId, ActivityLimits.ChannelId) ? "The activity's channelId is too long."
            : TooLong(ChannelData?.Tenant?.Id, ActivityLimits.ShortId) || TooLong(Conversation?.TenantId, ActivityLimits.ShortId) ? "The activity's tenant id is too long."
            : TooLong(Type, ActivityLimits.Name) || TooLong(Name, ActivityLimits.Name) || TooLong(Action, ActivityLimits.Name) ? "The activity's type, name or action is too long."
            : null;
    }

    /// <summary>The tenant the activity comes from: Teams puts it in channelData, newer clients also in conversation.</summary>
    [JsonIgnore]
    public string? TenantId => ChannelData?.Tenant?.Id ?? Conversation?.TenantId;

    /// <summary>The mentions carried by the activity.</summary>
    public IEnumerable<Mention> GetMentions() =>
        (Entities ?? []).Where(e => e.Type == Entity.MentionType).Select(e => e.AsMention()).OfType<Mention>();

    /// <summary>The Teams client's own report of its locale and time zone, when present.</summary>
    public ClientInfo? GetClientInfo() =>
        (Entities ?? []).Where(e => e.Type == Entity.ClientInfoType).Select(e => e.AsClientInfo()).FirstOrDefault();

    /// <summary>
    /// The text with the bot's own @mention removed and whitespace trimmed: what the user typed as a command.
    /// </summary>
    public string GetCommandText()
    {
        var text = Text ?? string.Empty;
        foreach (var mention in GetMentions())
        {
            if (mention.Mentioned?.Id is { } id && id == Recipient?.Id && !string.IsNullOrEmpty(mention.Text))
            {
                text = text.Replace(mention.Text, string.Empty, StringComparison.Ordinal);
            }
        }

        // Teams may send the mention as <at>Name</at> without an entity in some clients.
        var at = text.IndexOf("<at>", StringComparison.OrdinalIgnoreCase);
        while (at >= 0)
        {
            var end = text.IndexOf("</at>", at, StringComparison.OrdinalIgnoreCase);
            if (end < 0)
            {
                break;
            }

            text = text.Remove(at, end + 5 - at);
            at = text.IndexOf("<at>", StringComparison.OrdinalIgnoreCase);
        }

        return text.Trim();
    }

    /// <summary>The reference needed to message this conversation later (proactively).</summary>
    public ConversationReference GetConversationReference() => new()
    {
        ActivityId = Id,
        User = From,
        Bot = Recipient,
        Conversation = Conversation,
        ChannelId = ChannelId,
        Locale = Locale,
        ServiceUrl = ServiceUrl,
    };
}

/// <summary>A user or bot account on a channel.</summary>
public sealed class ChannelAccount
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("aadObjectId")] public string? AadObjectId { get; set; }
    [JsonPropertyName("role")] public string? Role { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Properties { get; set; }
}

/// <summary>The conversation an activity belongs to.</summary>
public sealed class ConversationAccount
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("isGroup")] public bool? IsGroup { get; set; }
    /// <summary>personal, groupChat or channel.</summary>
    [JsonPropertyName("conversationType")] public string? ConversationType { get; set; }
    [JsonPropertyName("tenantId")] public string? TenantId { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Properties { get; set; }
}

/// <summary>An attachment: for this bot, an Adaptive Card.</summary>
public sealed class Attachment
{
    [JsonPropertyName("contentType")] public string? ContentType { get; set; }
    [JsonPropertyName("contentUrl")] public string? ContentUrl { get; set; }
    [JsonPropertyName("content")] public JsonElement? Content { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Properties { get; set; }
}

/// <summary>An entity attached to an activity (mention, clientInfo, ...); the type decides the shape.</summary>
public sealed class Entity
{
    public const string MentionType = "mention";
    public const string ClientInfoType = "clientInfo";

    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Properties { get; set; }

    public Mention? AsMention()
    {
        if (Type != MentionType || Properties is null)
        {
            return null;
        }

        // Read field by field: a mention whose fields have the wrong type is a mention of nobody, not a failure.
        return new Mention
        {
            Mentioned = Properties.TryGetValue("mentioned", out var m) && m.ValueKind == JsonValueKind.Object
                ? new ChannelAccount { Id = StringOf(m, "id"), Name = StringOf(m, "name"), AadObjectId = StringOf(m, "aadObjectId") }
                : null,
            Text = Read("text"),
        };
    }

    private string? Read(string name) =>
        Properties!.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public ClientInfo? AsClientInfo()
    {
        if (Type != ClientInfoType || Properties is null)
        {
            return null;
        }

        return new ClientInfo(Read("locale"), Read("country"), Read("platform"), Read("timezone"));
    }
}

/// <summary>The longest identifiers an activity may carry (what the bot's storage holds; Teams' own are far shorter).</summary>
public static class ActivityLimits
{
    public const int Id = 256;
    public const int ConversationId = 512;
    public const int AccountId = 256;
    public const int ShortId = 64;
    public const int ServiceUrl = 512;
    public const int ChannelId = 32;
    public const int Name = 64;
}

/// <summary>An @mention of an account in a message.</summary>
public sealed class Mention
{
    public ChannelAccount? Mentioned { get; init; }
    public string? Text { get; init; }
}

/// <summary>What the Teams client says about itself (entity type clientInfo).</summary>
public sealed record ClientInfo(string? Locale, string? Country, string? Platform, string? TimeZone);

/// <summary>Teams' channelData: tenant, team and channel.</summary>
public sealed class TeamsChannelData
{
    [JsonPropertyName("tenant")] public TenantInfo? Tenant { get; set; }
    [JsonPropertyName("team")] public TeamInfo? Team { get; set; }
    [JsonPropertyName("channel")] public ChannelInfo? Channel { get; set; }
    [JsonPropertyName("eventType")] public string? EventType { get; set; }
    [JsonPropertyName("source")] public JsonElement? Source { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Properties { get; set; }
}

public sealed class TenantInfo
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Properties { get; set; }
}

public sealed class TeamInfo
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("aadGroupId")] public string? AadGroupId { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Properties { get; set; }
}

public sealed class ChannelInfo
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Properties { get; set; }
}

/// <summary>What is needed to send to a conversation later, without an incoming activity.</summary>
public sealed class ConversationReference
{
    [JsonPropertyName("activityId")] public string? ActivityId { get; set; }
    [JsonPropertyName("user")] public ChannelAccount? User { get; set; }
    [JsonPropertyName("bot")] public ChannelAccount? Bot { get; set; }
    [JsonPropertyName("conversation")] public ConversationAccount? Conversation { get; set; }
    [JsonPropertyName("channelId")] public string? ChannelId { get; set; }
    [JsonPropertyName("locale")] public string? Locale { get; set; }
    [JsonPropertyName("serviceUrl")] public string? ServiceUrl { get; set; }
}
