using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DiligenceBot.BotFramework.Cards;

namespace DiligenceBot.BotFramework.Schema;

/// <summary>
/// An activity the bot sends. Input model, separate from the read model: only what the bot may set,
/// serialised with nulls omitted (Teams-compatible connectors reject <c>"text": null</c>).
/// </summary>
public sealed class OutgoingActivity
{
    [JsonPropertyName("type")] public string Type { get; set; } = ActivityTypes.Message;
    [JsonPropertyName("from")] public ChannelAccount? From { get; set; }
    [JsonPropertyName("recipient")] public ChannelAccount? Recipient { get; set; }
    [JsonPropertyName("conversation")] public ConversationAccount? Conversation { get; set; }
    [JsonPropertyName("replyToId")] public string? ReplyToId { get; set; }
    [JsonPropertyName("text")] public string? Text { get; set; }
    [JsonPropertyName("textFormat")] public string? TextFormat { get; set; }
    [JsonPropertyName("locale")] public string? Locale { get; set; }
    [JsonPropertyName("summary")] public string? Summary { get; set; }
    [JsonPropertyName("attachments")] public List<OutgoingAttachment>? Attachments { get; set; }
    [JsonPropertyName("entities")] public List<JsonObject>? Entities { get; set; }
    [JsonPropertyName("channelData")] public JsonObject? ChannelData { get; set; }

    public static OutgoingActivity FromText(string text) => new() { Text = text, TextFormat = "markdown" };

    public static OutgoingActivity FromCard(AdaptiveCard card, string? summary = null) => new()
    {
        Summary = summary,
        Attachments = [new OutgoingAttachment { ContentType = ContentTypes.AdaptiveCard, Content = card }],
    };
}

/// <summary>An attachment the bot sends: an Adaptive Card, or a Teams file card (file consent, file info).</summary>
public sealed class OutgoingAttachment
{
    [JsonPropertyName("contentType")] public string ContentType { get; set; } = ContentTypes.AdaptiveCard;
    [JsonPropertyName("contentUrl")] public string? ContentUrl { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("content")]
    [JsonConverter(typeof(AdaptiveCardContentConverter))]
    public AdaptiveCard? Content { get; set; }

    /// <summary>The <c>content</c> of an attachment that is not an Adaptive Card (written only when <see cref="Content"/> is null).</summary>
    [JsonExtensionData] public Dictionary<string, JsonElement>? OtherContent { get; set; }

    /// <summary>An attachment whose content is plain JSON, e.g. a Teams file consent or file info card.</summary>
    public static OutgoingAttachment Other(string contentType, string name, string? contentUrl, JsonObject content)
    {
        using var document = JsonDocument.Parse(content.ToJsonString());
        return new OutgoingAttachment
        {
            ContentType = contentType,
            Name = name,
            ContentUrl = contentUrl,
            OtherContent = new Dictionary<string, JsonElement> { ["content"] = document.RootElement.Clone() },
        };
    }
}

/// <summary>Parameters of POST /v3/conversations (create a 1:1 conversation).</summary>
public sealed class ConversationParameters
{
    [JsonPropertyName("isGroup")] public bool IsGroup { get; set; }
    [JsonPropertyName("bot")] public ChannelAccount? Bot { get; set; }
    [JsonPropertyName("members")] public List<ChannelAccount>? Members { get; set; }
    [JsonPropertyName("tenantId")] public string? TenantId { get; set; }
    [JsonPropertyName("channelData")] public TeamsChannelData? ChannelData { get; set; }
}

/// <summary>Answer of POST /v3/conversations.</summary>
public sealed class ConversationResourceResponse
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("activityId")] public string? ActivityId { get; set; }
    [JsonPropertyName("serviceUrl")] public string? ServiceUrl { get; set; }
}

/// <summary>Answer of a send, reply or update: the activity's id.</summary>
public sealed class ResourceResponse
{
    [JsonPropertyName("id")] public string? Id { get; set; }
}

/// <summary>A conversation member as Teams returns it.</summary>
public sealed class TeamsChannelAccount
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("aadObjectId")] public string? AadObjectId { get; set; }
    [JsonPropertyName("email")] public string? Email { get; set; }
    [JsonPropertyName("userPrincipalName")] public string? UserPrincipalName { get; set; }
    [JsonPropertyName("givenName")] public string? GivenName { get; set; }
    [JsonPropertyName("surname")] public string? Surname { get; set; }
    [JsonPropertyName("tenantId")] public string? TenantId { get; set; }
    [JsonPropertyName("userRole")] public string? UserRole { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Properties { get; set; }
}

/// <summary>One page of GET /v3/conversations/{id}/pagedmembers.</summary>
public sealed class PagedMembersResult : IJsonOnDeserialized
{
    [JsonPropertyName("continuationToken")] public string? ContinuationToken { get; set; }
    [JsonPropertyName("members")] public List<TeamsChannelAccount>? Members { get; set; }

    void IJsonOnDeserialized.OnDeserialized() => Members?.RemoveAll(static m => m is null);
}

/// <summary>The connector's error body: <c>{"error":{"code":..,"message":..}}</c>.</summary>
public sealed class ErrorResponse
{
    [JsonPropertyName("error")] public ErrorDetail? Error { get; set; }
}

public sealed class ErrorDetail
{
    [JsonPropertyName("code")] public string? Code { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }
}

/// <summary>
/// The HTTP answer to an invoke activity. For <c>adaptiveCard/action</c> and <c>application/search</c> the body is an
/// <see cref="AdaptiveCardInvokeResponse"/> (a search answers with <see cref="AdaptiveCardInvokeResponse.SearchResults"/>).
/// </summary>
public sealed record InvokeResponse(int Status, AdaptiveCardInvokeResponse? Body);

/// <summary>The Universal Actions answer: a card that replaces the one clicked, a message, or an error.</summary>
public sealed class AdaptiveCardInvokeResponse
{
    [JsonPropertyName("statusCode")] public int StatusCode { get; set; }
    [JsonPropertyName("type")] public string Type { get; set; } = ContentTypes.AdaptiveCard;
    [JsonPropertyName("value")] public JsonNode? Value { get; set; }

    public static AdaptiveCardInvokeResponse Card(AdaptiveCard card) => new()
    {
        StatusCode = 200,
        Type = ContentTypes.AdaptiveCard,
        Value = card.FrozenJson is { } json ? JsonNode.Parse(json.Span) : JsonSerializer.SerializeToNode(card, BotJsonContext.Default.AdaptiveCard),
    };

    public static AdaptiveCardInvokeResponse Message(string text) => new()
    {
        StatusCode = 200,
        Type = ContentTypes.ActivityMessage,
        Value = JsonValue.Create(text),
    };

    /// <summary>The answer to an <c>application/search</c> invoke: the choices matching what was typed, in order.</summary>
    public static AdaptiveCardInvokeResponse SearchResults(IEnumerable<Choice> choices) => new()
    {
        StatusCode = 200,
        Type = ContentTypes.SearchResponse,
        Value = new JsonObject
        {
            ["results"] = new JsonArray([.. choices.Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["value"] = c.Value })]),
        },
    };

    /// <summary>An error the client shows; <paramref name="statusCode"/> is 4xx for the user's mistakes.</summary>
    public static AdaptiveCardInvokeResponse Error(int statusCode, string code, string message) => new()
    {
        StatusCode = statusCode,
        Type = ContentTypes.Error,
        Value = new JsonObject { ["code"] = code, ["message"] = message },
    };
}

/// <summary>The <c>value</c> of an adaptiveCard/action invoke.</summary>
public sealed class AdaptiveCardInvokeValue
{
    [JsonPropertyName("action")] public AdaptiveCardInvokeAction? Action { get; set; }
    [JsonPropertyName("trigger")] public string? Trigger { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Properties { get; set; }
}

/// <summary>
/// The <c>value</c> of an <c>application/search</c> invoke (dynamic type-ahead): what was typed, the page asked for,
/// the dataset the card named, and (with <c>associatedInputs</c>) the card's other inputs.
/// </summary>
public sealed class SearchInvokeValue
{
    [JsonPropertyName("queryText")] public string? QueryText { get; set; }
    [JsonPropertyName("queryOptions")] public SearchQueryOptions? QueryOptions { get; set; }
    [JsonPropertyName("dataset")] public string? Dataset { get; set; }
    [JsonPropertyName("data")] public JsonElement? Data { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Properties { get; set; }
}

public sealed class SearchQueryOptions
{
    [JsonPropertyName("skip")] public int? Skip { get; set; }
    [JsonPropertyName("top")] public int? Top { get; set; }
}

public sealed class AdaptiveCardInvokeAction
{
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("verb")] public string? Verb { get; set; }
    [JsonPropertyName("data")] public JsonElement? Data { get; set; }
}
