using System.Text.Json.Serialization;
using DiligenceBot.BotFramework.Cards;

namespace DiligenceBot.BotFramework.Schema;

/// <summary>Source-generated JSON for every wire type: camelCase, nulls omitted, enums as camelCase strings.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    AllowTrailingCommas = false,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow,
    MaxDepth = 64)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(OutgoingActivity))]
[JsonSerializable(typeof(AdaptiveCard))]
[JsonSerializable(typeof(AdaptiveCardInvokeResponse))]
[JsonSerializable(typeof(AdaptiveCardInvokeValue))]
[JsonSerializable(typeof(SearchInvokeValue))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(ConversationResourceResponse))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(PagedMembersResult))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(ChannelAccount))]
[JsonSerializable(typeof(ConversationReference))]
[JsonSerializable(typeof(TeamsChannelData))]
public sealed partial class BotJsonContext : JsonSerializerContext;
