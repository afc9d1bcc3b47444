using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DiligenceBot.Testing;

/// <summary>
/// One request the bot made to the connector. The body is kept as the bytes that arrived and parsed into a
/// <see cref="JsonNode"/> only when a test reads <see cref="Body"/>: the connector stands in for a remote service,
/// so under load (bench/inbound) it should take as little of the machine as it can.
/// </summary>
public sealed class ConnectorRequest(string method, string path, string? authorization, byte[]? rawBody, DateTimeOffset at)
{
    private readonly Lazy<JsonNode?> _body = new(() => rawBody is null ? null : JsonNode.Parse(rawBody));
    private readonly Lazy<string> _contentHash = new(() => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(rawBody ?? [])));

    public string Method { get; } = method;
    public string Path { get; } = path;
    public string? Authorization { get; } = authorization;
    public DateTimeOffset At { get; } = at;

    /// <summary>Size of the body in bytes (0 when there was none).</summary>
    public int BodyLength { get; } = rawBody?.Length ?? 0;

    /// <summary>The JSON body as sent (null when there was none).</summary>
    public JsonNode? Body => _body.Value;

    /// <summary>
    /// The activity id the connector answered with (a sent or replied activity), set before the answer leaves, so
    /// the bot can only have stored it (e.g. as a notification's sent activity id) after this is set.
    /// </summary>
    public string? ActivityId { get; internal set; }

    /// <summary>SHA-256 of the body as sent (hex): two sends with the same hash carried the same content.</summary>
    public string ContentHash => _contentHash.Value;

    /// <summary>The status code answered; 0 while unanswered or when the answer never came (an injected timeout).</summary>
    public int Status { get; internal set; }

    /// <summary>The conversation id of a request under /v3/conversations/{id}/..., else null.</summary>
    public string? ConversationId => Segments is ["v3", "conversations", var id, ..] ? Uri.UnescapeDataString(id) : null;

    /// <summary>A new message to a conversation (POST .../activities, not a reply, update or delete).</summary>
    public bool IsSend => Method == "POST" && Segments is ["v3", "conversations", _, "activities"];

    private string[] Segments => _segments ??= Path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    private string[]? _segments;
}

/// <summary>Kinds of fault <see cref="LocalConnector.InjectFaults"/> answers a send with.</summary>
public enum ConnectorFault
{
    InternalServerError = 500,
    BadGateway = 502,
    ServiceUnavailable = 503,
    /// <summary>No answer: the request is held until the client gives up (or the hold ends, then the connection is aborted).</summary>
    Timeout = 0,
}

/// <summary>A scripted answer for the next request(s) to a path: status, optional Retry-After and error code.</summary>
public sealed record ScriptedAnswer(int Status, int? RetryAfterSeconds = null, string? ErrorCode = null);

/// <summary>
/// A local Bot Connector (the Teams service at a serviceUrl) over real HTTP on loopback. Implements the v3
/// conversation endpoints, records every request, and answers the way Teams does when told to:
/// 429 with Retry-After, 5xx, 403 BotNotInConversationRoster, 404 ConversationNotFound.
/// </summary>
public sealed class LocalConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ConnectorRequest> _requests = new();
    private readonly ConcurrentQueue<ScriptedAnswer> _script = new();
    private readonly ConcurrentDictionary<string, List<JsonObject>> _members = new();
    private readonly ConcurrentDictionary<ConnectorFault, int> _faults = new();
    private readonly object _faultLock = new();
    private Random _faultRandom = new(1);
    private double _faultShare;
    private TimeSpan _faultHold;
    private Task? _sendGate;
    private int _nextId;
    private TaskCompletionSource _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LocalConnector(WebApplication app) => _app = app;

    /// <summary>The serviceUrl to put in activities, ending with a slash like Teams' own.</summary>
    public string ServiceUrl { get; private set; } = string.Empty;

    public IReadOnlyList<ConnectorRequest> Requests => _requests.ToArray();

    /// <summary>Activities the bot sent (send, reply or update), in order.</summary>
    public IReadOnlyList<ConnectorRequest> SentActivities =>
        _requests.Where(r => r.Path.Contains("/activities", StringComparison.Ordinal) && r.Method is "POST" or "PUT").ToArray();

    public static async Task<LocalConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var connector = new LocalConnector(app);
        app.Run(connector.HandleAsync);
        await app.StartAsync();
        connector.ServiceUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
        return connector;
    }

    /// <summary>Queues answers for the next requests, whatever their path; afterwards requests succeed.</summary>
    public void Script(params ScriptedAnswer[] answers)
    {
        foreach (var a in answers)
        {
            _script.Enqueue(a);
        }
    }

    /// <summary>
    /// Fault mode: from now on a seeded random <paramref name="share"/> of the sends (POST .../activities) fails, in
    /// equal parts 500, 502, 503 and a timeout (held <paramref name="hold"/>, default 30 s, or until the client gives
    /// up, then dropped). A failed send is not delivered. A share of 0 ends fault mode. Scripted answers go first.
    /// </summary>
    public void InjectFaults(double share, int seed = 1, TimeSpan? hold = null)
    {
        lock (_faultLock)
        {
            _faultShare = share;
            _faultRandom = new Random(seed);
            _faultHold = hold ?? TimeSpan.FromSeconds(30);
        }
    }

    /// <summary>
    /// Slow answers: from now on every send (POST .../activities) is accepted only when <paramref name="until"/> has
    /// completed — the message is Teams', the answer is late (a slow connector, or a sender starved before it reads the
    /// answer). Null ends it.
    /// </summary>
    public void HoldSends(Task? until) => Volatile.Write(ref _sendGate, until);

    /// <summary>How many sends each kind of injected fault answered.</summary>
    public IReadOnlyDictionary<ConnectorFault, int> FaultsInjected => new Dictionary<ConnectorFault, int>(_faults);

    /// <summary>Sends (not replies or updates) the connector accepted (2xx), in order.</summary>
    public IReadOnlyList<ConnectorRequest> AcceptedSends => _requests.Where(r => r.IsSend && r.Status is >= 200 and < 300).ToArray();

    /// <summary>
    /// Duplicates by content: for each conversation, accepted sends beyond the first with the same content — the same
    /// body, or the same <paramref name="content"/> key when given (for messages that carry a changing detail, such
    /// as "in 10 minutes"). Returns the number of extra copies per conversation that got any.
    /// </summary>
    public IReadOnlyDictionary<string, int> DuplicatesByContent(Func<ConnectorRequest, string>? content = null) =>
        AcceptedSends
            .GroupBy(r => (r.ConversationId ?? string.Empty, content?.Invoke(r) ?? r.ContentHash))
            .Where(g => g.Count() > 1)
            .GroupBy(g => g.Key.Item1, g => g.Count() - 1, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(), StringComparer.Ordinal);

    private ConnectorFault? NextFault()
    {
        lock (_faultLock)
        {
            if (_faultShare <= 0 || _faultRandom.NextDouble() >= _faultShare)
            {
                return null;
            }

            return _faultRandom.Next(4) switch
            {
                0 => ConnectorFault.InternalServerError,
                1 => ConnectorFault.BadGateway,
                2 => ConnectorFault.ServiceUnavailable,
                _ => ConnectorFault.Timeout,
            };
        }
    }

    /// <summary>Sets the roster returned by pagedmembers (pages of <paramref name="pageSize"/>).</summary>
    public void SetMembers(string conversationId, IEnumerable<JsonObject> members) => _members[conversationId] = members.ToList();

    public void Clear()
    {
        _requests.Clear();
        _script.Clear();
    }

    /// <summary>
    /// Waits until the connector has answered a request that matches (it may have arrived before the call) and
    /// returns it; null when none did within <paramref name="timeout"/>. Woken by each answer, no polling.
    /// </summary>
    public async Task<ConnectorRequest?> WaitForAsync(Func<ConnectorRequest, bool> match, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var answered = Volatile.Read(ref _answered).Task;
            if (_requests.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            var left = until - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                return null;
            }

            try
            {
                await answered.WaitAsync(left);
            }
            catch (TimeoutException)
            {
                return _requests.FirstOrDefault(match);
            }
        }
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        try
        {
            await AnswerAsync(ctx);
        }
        finally
        {
            Interlocked.Exchange(ref _answered, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
    }

    private async Task AnswerAsync(HttpContext ctx)
    {
        byte[]? raw = null;
        var textIsNull = false;
        if (ctx.Request.ContentLength is > 0 || ctx.Request.Headers.TransferEncoding.Count > 0)
        {
            raw = await ReadBodyAsync(ctx.Request);
            if (!TryCheckJson(raw, out textIsNull))
            {
                await Error(ctx, 400, "BadSyntax", "Invalid JSON");
                return;
            }
        }

        var path = ctx.Request.Path.Value ?? string.Empty;
        var recorded = new ConnectorRequest(ctx.Request.Method, path, ctx.Request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null, raw, DateTimeOffset.UtcNow);
        _requests.Enqueue(recorded);
        ctx.Response.OnStarting(() =>
        {
            // Kestrel still "starts" a response whose connection was aborted (an injected timeout): that one got no answer.
            recorded.Status = ctx.RequestAborted.IsCancellationRequested ? 0 : ctx.Response.StatusCode;
            return Task.CompletedTask;
        });

        if (_script.TryDequeue(out var scripted))
        {
            if (scripted.RetryAfterSeconds is { } seconds)
            {
                ctx.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            var code = scripted.ErrorCode ?? scripted.Status switch
            {
                403 => "BotNotInConversationRoster",
                404 => "ConversationNotFound",
                429 => "Throttled",
                _ => "ServiceError",
            };
            await Error(ctx, scripted.Status, code, "Scripted answer");
            return;
        }

        if (recorded.IsSend && NextFault() is { } fault)
        {
            _faults.AddOrUpdate(fault, 1, (_, n) => n + 1);
            if (fault == ConnectorFault.Timeout)
            {
                try
                {
                    await Task.Delay(_faultHold, ctx.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // The client gave up.
                }

                ctx.Abort();
                return;
            }

            await Error(ctx, (int)fault, fault == ConnectorFault.InternalServerError ? "InternalServerError" : "ServiceError", "Injected fault");
            return;
        }

        // Teams rejects bot messages with "text": null and unknown shapes; be as strict.
        if (textIsNull)
        {
            await Error(ctx, 400, "BadArgument", "text must not be null");
            return;
        }

        var segments = path.Trim('/').Split('/');
        switch (ctx.Request.Method, segments)
        {
            case ("POST", ["v3", "conversations"]):
                var body = recorded.Body;
                var tenant = body?["tenantId"]?.GetValue<string>() ?? body?["channelData"]?["tenant"]?["id"]?.GetValue<string>();
                if (string.IsNullOrEmpty(tenant))
                {
                    await Error(ctx, 400, "BadArgument", "Tenant id is required");
                    return;
                }

                await Json(ctx, 201, new JsonObject { ["id"] = "a:1-created-" + Interlocked.Increment(ref _nextId) });
                return;
            case ("POST", ["v3", "conversations", _, "activities", ..]):
                if (Volatile.Read(ref _sendGate) is { } gate && recorded.IsSend)
                {
                    await gate.WaitAsync(ctx.RequestAborted);
                }

                recorded.ActivityId = "activity-" + Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Json(ctx, 201, "{\"id\":\"" + recorded.ActivityId + "\"}");
                return;
            case ("PUT", ["v3", "conversations", _, "activities", var id]):
                await Json(ctx, 200, new JsonObject { ["id"] = id });
                return;
            case ("DELETE", ["v3", "conversations", _, "activities", _]):
                ctx.Response.StatusCode = 200;
                return;
            case ("GET", ["v3", "conversations", var conversationId, "pagedmembers"]):
                await Paged(ctx, Uri.UnescapeDataString(conversationId));
                return;
            default:
                await Error(ctx, 404, "NotFound", "Unknown route");
                return;
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength is > 0 and var length)
        {
            var buffer = new byte[length];
            var read = 0;
            while (read < buffer.Length)
            {
                var n = await request.Body.ReadAsync(buffer.AsMemory(read));
                if (n == 0)
                {
                    return buffer[..read];
                }

                read += n;
            }

            return buffer;
        }

        using var copy = new MemoryStream();
        await request.Body.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>
    /// One forward-only pass over the body: false when it is not JSON; <paramref name="textIsNull"/> when the
    /// top-level object has <c>"text": null</c>.
    /// </summary>
    private static bool TryCheckJson(byte[] body, out bool textIsNull)
    {
        textIsNull = false;
        var reader = new Utf8JsonReader(body);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("text"u8))
                {
                    reader.Read();
                    textIsNull |= reader.TokenType == JsonTokenType.Null;
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        reader.Skip();
                    }
                }
            }

            return reader.BytesConsumed > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private async Task Paged(HttpContext ctx, string conversationId)
    {
        if (!_members.TryGetValue(conversationId, out var members))
        {
            await Error(ctx, 404, "ConversationNotFound", "Conversation not found");
            return;
        }

        var size = int.TryParse(ctx.Request.Query["pageSize"], out var s) ? s : 100;
        var start = int.TryParse(ctx.Request.Query["continuationToken"], out var c) ? c : 0;
        var page = new JsonArray(members.Skip(start).Take(size).Select(m => (JsonNode)m.DeepClone()).ToArray());
        var result = new JsonObject { ["members"] = page };
        if (start + size < members.Count)
        {
            result["continuationToken"] = (start + size).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await Json(ctx, 200, result);
    }

    private static Task Json(HttpContext ctx, int status, JsonNode body) => Json(ctx, status, body.ToJsonString());

    private static Task Json(HttpContext ctx, int status, string json)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        return ctx.Response.WriteAsync(json);
    }

    private static Task Error(HttpContext ctx, int status, string code, string message) =>
        Json(ctx, status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
