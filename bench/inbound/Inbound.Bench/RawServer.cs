using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Inbound.Bench;

/// <summary>
/// The "limit" target: Kestrel with one endpoint that reads the activity, deserialises it into a typed model and
/// answers 200. No authentication, no handler, no reply to the connector. Runs as its own process
/// (<c>Inbound.Bench serve-raw PORT</c>) so that it is measured exactly like the other targets.
/// <para>
/// With a connector (<c>serve-raw PORT --reply</c>, the "reply floor" target) it does the least any bot must do
/// besides: before answering 200 it posts one reply to the activity's conversation, a pre-serialised message
/// with a card the size of the help card and the bearer token from <c>REPLY_TOKEN</c>, through a plain
/// <see cref="HttpClient"/>. No authentication, no routing, no serialisation per request: what is left is the
/// second HTTP exchange itself, the floor under any bot that replies before it answers.
/// </para>
/// </summary>
internal static class RawServer
{
    private static HttpClient? s_connector;
    private static byte[] s_reply = [];
    private static string? s_token;

    public static async Task<int> RunAsync(int port, bool reply)
    {
        if (reply)
        {
            s_connector = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) });
            s_reply = ReplyFloor.Message();
            s_token = Environment.GetEnvironmentVariable("REPLY_TOKEN");
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.Run(HandleAsync);
        await app.RunAsync();
        return 0;
    }

    private static async Task HandleAsync(HttpContext http)
    {
        if (HttpMethods.IsGet(http.Request.Method) && http.Request.Path == "/healthz")
        {
            await http.Response.WriteAsync("ok");
            return;
        }

        if (!HttpMethods.IsPost(http.Request.Method) || http.Request.Path != "/api/messages")
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        RawActivity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync(http.Request.Body, RawJsonContext.Default.RawActivity, http.RequestAborted);
        }
        catch (JsonException)
        {
            activity = null;
        }

        if (activity is not { Type.Length: > 0, Conversation.Id.Length: > 0 })
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (s_connector is not null)
        {
            var url = activity.ServiceUrl + "v3/conversations/" + Uri.EscapeDataString(activity.Conversation.Id) + "/activities/" + Uri.EscapeDataString(activity.Id ?? string.Empty);
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(s_reply) };
            request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
            if (s_token is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + s_token);
            }

            using var response = await s_connector.SendAsync(request, http.RequestAborted);
            if (!response.IsSuccessStatusCode)
            {
                http.Response.StatusCode = StatusCodes.Status502BadGateway;
                return;
            }
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
    }
}

/// <summary>The reply floor's message: the shape and size of the bot's help answer, serialised once.</summary>
internal static class ReplyFloor
{
    public static byte[] Message()
    {
        var items = new JsonArray();
        for (var i = 0; i < 24; i++)
        {
            items.Add(new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = $"**command {i}** — what this command does for a manager or a lead, in a line",
                ["wrap"] = true,
            });
        }

        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["fallbackText"] = "DiligenceBot help",
            ["body"] = new JsonArray(
                new JsonObject { ["type"] = "TextBlock", ["text"] = "DiligenceBot help", ["size"] = "Large", ["weight"] = "Bolder", ["wrap"] = true },
                new JsonObject { ["type"] = "Container", ["id"] = "commands", ["items"] = items }),
            ["actions"] = new JsonArray(
                new JsonObject { ["type"] = "Action.Execute", ["title"] = "Who am I?", ["verb"] = "help.profile" }),
            ["msteams"] = new JsonObject { ["width"] = "Full" },
        };
        var message = new JsonObject
        {
            ["type"] = "message",
            ["from"] = new JsonObject { ["id"] = "28:6d1f0c8e-3b2a-4f4e-9c11-7a5b2e0d9f31", ["name"] = "DiligenceBot" },
            ["recipient"] = new JsonObject { ["id"] = "29:1-bench-user", ["aadObjectId"] = "a3c4b5ff-78b0-4313-9df2-a1e60bc975b5" },
            ["conversation"] = new JsonObject { ["id"] = "a:1-bench-conversation", ["conversationType"] = "personal" },
            ["locale"] = "en-US",
            ["attachments"] = new JsonArray(
                new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["content"] = card }),
        };
        return System.Text.Encoding.UTF8.GetBytes(message.ToJsonString());
    }
}

/// <summary>The activity envelope as Teams sends it (what the raw endpoint deserialises).</summary>
internal sealed class RawActivity
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    public DateTimeOffset? Timestamp { get; set; }
    public DateTimeOffset? LocalTimestamp { get; set; }
    public string? LocalTimezone { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public RawAccount? From { get; set; }
    public RawConversation? Conversation { get; set; }
    public RawAccount? Recipient { get; set; }
    public string? Text { get; set; }
    public string? TextFormat { get; set; }
    public string? Locale { get; set; }
    public List<JsonElement>? Entities { get; set; }
    public JsonElement? ChannelData { get; set; }
}

internal sealed class RawAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadObjectId { get; set; }
}

internal sealed class RawConversation
{
    public string? Id { get; set; }
    public string? ConversationType { get; set; }
    public string? TenantId { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(RawActivity))]
internal sealed partial class RawJsonContext : JsonSerializerContext;
