using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Inbound.Bench;

/// <summary>
/// The "limit" target: Kestrel with one endpoint that reads the activity, deserialises it into a typed model and
/// answers 200. No authentication, no handler, no reply to the connector. Runs as its own process
/// (<c>Inbound.Bench serve-raw PORT</c>) so that it is measured exactly like the other two targets.
/// </summary>
internal static class RawServer
{
    public static async Task<int> RunAsync(int port)
    {
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

        http.Response.StatusCode = activity is { Type.Length: > 0, Conversation.Id.Length: > 0 }
            ? StatusCodes.Status200OK
            : StatusCodes.Status400BadRequest;
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
