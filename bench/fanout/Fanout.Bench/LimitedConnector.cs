using System.Diagnostics;
using System.Globalization;
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

namespace DiligenceBot.Bench;

/// <summary>One request the bot made while the limits were enforced.</summary>
public sealed record ConnectorEvent(long Ticks, string Method, string ConversationId, bool IsReply, int Status, string Reason, int BodyBytes);

/// <summary>
/// A Bot Connector on loopback that enforces Teams' published throttling limits for bot messages, once
/// <see cref="Enforce"/> is called (before that, during set-up, it accepts everything):
/// <list type="bullet">
/// <item>per app per tenant: 50 requests in any sliding 1 s window (this connector serves one tenant and one app);</item>
/// <item>per conversation: 7 in any 1 s, 8 in any 2 s, 60 in any 30 s;</item>
/// <item>and, on top, a seeded random share of otherwise acceptable sends answered 429 with <c>Retry-After: 1</c>.</item>
/// </list>
/// A request over a limit gets 429 with <c>Retry-After</c> = whole seconds until that window has room again (at
/// least 1). Only accepted requests occupy the windows. Every activity send (POST/PUT under
/// /v3/conversations/{id}/activities) is subject to the limits.
/// </summary>
public sealed class LimitedConnector : IAsyncDisposable
{
    public const int TenantPerSecond = 50;

    private static readonly (int Count, double Seconds, string Name)[] ConversationLimits = [(7, 1, "conversation 7/1s"), (8, 2, "conversation 8/2s"), (60, 30, "conversation 60/30s")];

    private readonly WebApplication _app;
    private readonly Stopwatch _clock;
    private readonly object _gate = new();
    private readonly Queue<long> _tenant = new();
    private readonly Dictionary<string, Queue<long>> _conversations = new(StringComparer.Ordinal);
    private readonly List<ConnectorEvent> _events = [];
    private readonly HashSet<string> _delivered = new(StringComparer.Ordinal);
    private int _deliveredSends;
    private Random _random = new(1);
    private double _injectShare;
    private bool _enforcing;
    private int _setupRequests;
    private int _nextId;

    private LimitedConnector(WebApplication app, Stopwatch clock)
    {
        _app = app;
        _clock = clock;
    }

    public string ServiceUrl { get; private set; } = string.Empty;

    /// <summary>Requests answered while not enforcing (the set-up: welcome cards).</summary>
    public int SetupRequests
    {
        get
        {
            lock (_gate)
            {
                return _setupRequests;
            }
        }
    }

    public static async Task<LimitedConnector> StartAsync(Stopwatch clock)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var connector = new LimitedConnector(app, clock);
        app.Run(connector.HandleAsync);
        await app.StartAsync();
        connector.ServiceUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
        return connector;
    }

    /// <summary>Forgets everything seen so far and enforces the limits from now on.</summary>
    public void Enforce(double injectShare, int seed)
    {
        lock (_gate)
        {
            _tenant.Clear();
            _conversations.Clear();
            _events.Clear();
            _delivered.Clear();
            _deliveredSends = 0;
            _random = new Random(seed);
            _injectShare = injectShare;
            _enforcing = true;
        }
    }

    public IReadOnlyList<ConnectorEvent> Events()
    {
        lock (_gate)
        {
            return _events.ToArray();
        }
    }

    /// <summary>Conversations that got at least one accepted send (not a reply) since <see cref="Enforce"/>, and all accepted sends.</summary>
    public (int Conversations, int Sends) Delivered()
    {
        lock (_gate)
        {
            return (_delivered.Count, _deliveredSends);
        }
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        var length = 0;
        if (ctx.Request.ContentLength is > 0 || ctx.Request.Headers.TransferEncoding.Count > 0)
        {
            using var buffer = new MemoryStream();
            await ctx.Request.Body.CopyToAsync(buffer);
            length = (int)buffer.Length;
            try
            {
                JsonDocument.Parse(buffer.ToArray()).Dispose();
            }
            catch (JsonException)
            {
                await Json(ctx, 400, Error("BadSyntax", "Invalid JSON"));
                return;
            }
        }

        var segments = (ctx.Request.Path.Value ?? string.Empty).Trim('/').Split('/');
        var method = ctx.Request.Method;
        if (method is "POST" or "PUT" && segments.Length >= 4 && segments[0] == "v3" && segments[1] == "conversations" && segments[3] == "activities")
        {
            var conversationId = Uri.UnescapeDataString(segments[2]);
            var isReply = segments.Length > 4;
            var (status, retryAfter, reason) = Decide(conversationId);
            lock (_gate)
            {
                if (_enforcing)
                {
                    _events.Add(new ConnectorEvent(_clock.ElapsedTicks, method, conversationId, isReply, status, reason, length));
                    if (status != 429 && !isReply)
                    {
                        _delivered.Add(conversationId);
                        _deliveredSends++;
                    }
                }
                else
                {
                    _setupRequests++;
                }
            }

            if (status == 429)
            {
                ctx.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await Json(ctx, 429, Error("Throttled", "Too many requests: " + reason));
                return;
            }

            await Json(ctx, method == "PUT" ? 200 : 201, new JsonObject { ["id"] = "activity-" + Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture) });
            return;
        }

        if (method == "POST" && segments is ["v3", "conversations"])
        {
            await Json(ctx, 201, new JsonObject { ["id"] = "a:1-created-" + Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture) });
            return;
        }

        await Json(ctx, 404, Error("NotFound", "Unknown route"));
    }

    private (int Status, int RetryAfterSeconds, string Reason) Decide(string conversationId)
    {
        lock (_gate)
        {
            if (!_enforcing)
            {
                return (201, 0, "setup");
            }

            var now = _clock.ElapsedTicks;
            var second = Stopwatch.Frequency;
            while (_tenant.Count > 0 && _tenant.Peek() <= now - second)
            {
                _tenant.Dequeue();
            }

            if (_tenant.Count >= TenantPerSecond)
            {
                return (429, WholeSeconds(_tenant.Peek() + second - now), "tenant 50/s");
            }

            if (!_conversations.TryGetValue(conversationId, out var sent))
            {
                sent = new Queue<long>();
                _conversations[conversationId] = sent;
            }

            while (sent.Count > 0 && sent.Peek() <= now - (30 * second))
            {
                sent.Dequeue();
            }

            foreach (var (count, seconds, name) in ConversationLimits)
            {
                var window = (long)(seconds * second);
                var inWindow = sent.Where(t => t > now - window).ToList();
                if (inWindow.Count >= count)
                {
                    return (429, WholeSeconds(inWindow[0] + window - now), name);
                }
            }

            if (_injectShare > 0 && _random.NextDouble() < _injectShare)
            {
                return (429, 1, "injected");
            }

            _tenant.Enqueue(now);
            sent.Enqueue(now);
            return (201, 0, "ok");
        }
    }

    private static int WholeSeconds(long ticks) => Math.Max(1, (int)Math.Ceiling((double)ticks / Stopwatch.Frequency));

    private static JsonObject Error(string code, string message) => new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };

    private static Task Json(HttpContext ctx, int status, JsonNode body)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        return ctx.Response.WriteAsync(body.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
