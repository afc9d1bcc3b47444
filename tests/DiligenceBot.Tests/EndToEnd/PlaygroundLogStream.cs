using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DiligenceBot.Tests.EndToEnd;

/// <summary>
/// One entry of the Playground's log panel, as pushed on <c>ws://127.0.0.1:PORT/_ws/log/stream</c>. Observed
/// shapes (0.2.28):
/// <code>
/// {"logAction":"appendLog","log":{"type":"bot","from":"Microsoft 365 Agents Playground","to":"User Application",
///   "activityName":"invoke","conversationId":"…","request":{"body":{the activity it POSTed to the bot}},
///   "response":{"statusCode":200,"body":{the bot's HTTP answer, e.g. an invoke response}}, …}}
/// {"logAction":"appendLog","log":{"type":"bot","from":"User Application","to":"Microsoft 365 Agents Playground",
///   "activityName":"message"|"createConversation"|…,"conversationId":"…" (the body's conversation.id),
///   "request":{"body":{what the bot sent to its connector}},"response":{"statusCode":201,"body":{"id":"…"}}, …}}
/// {"logAction":"appendLog","log":{"type":"text","displayText":"…", …}}   (its own notes and warnings)
/// </code>
/// Unlike the conversation stream, it shows every conversation (also those the current user is not in) and the
/// bot's answers to activities sent with <c>POST /_internal/v1/customActivities</c>, which that route does not
/// return. Messages appended before any client connected are buffered and flushed to the first one.
/// </summary>
public sealed record PlaygroundLogEntry(int Index, JsonObject Raw)
{
    public const string PlaygroundLabel = "Microsoft 365 Agents Playground";
    public const string BotLabel = "User Application";

    public JsonObject? Log => Raw["log"] as JsonObject;

    public string? Type => Str(Log?["type"]);

    public string? From => Str(Log?["from"]);

    public string? To => Str(Log?["to"]);

    public string? ActivityName => Str(Log?["activityName"]);

    public string? ConversationId => Str(Log?["conversationId"]);

    public string? DisplayText => Str(Log?["displayText"]);

    public JsonObject? RequestBody => Log?["request"]?["body"] as JsonObject;

    public int? StatusCode => Log?["response"]?["statusCode"] is JsonValue v && v.TryGetValue<int>(out var code) ? code : null;

    public JsonNode? ResponseBody => Log?["response"]?["body"];

    /// <summary>A call of the bot on the Playground's connector (reply, send, update, create conversation…).</summary>
    public bool IsBotToConnector => Type == "bot" && From == BotLabel && To == PlaygroundLabel;

    /// <summary>An activity the Playground POSTed to the bot, with the bot's answer.</summary>
    public bool IsPlaygroundToBot => Type == "bot" && From == PlaygroundLabel && To == BotLabel;

    public override string ToString() => $"#{Index} {Raw.ToJsonString()}";

    private static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}

/// <summary>A client of the Playground's log websocket: collects every entry, and waits for one that matches.</summary>
public sealed class PlaygroundLogStream : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly List<PlaygroundLogEntry> _entries = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly ClientWebSocket _socket = new();
    private Task? _receiveLoop;
    private string? _streamError;

    private PlaygroundLogStream()
    {
    }

    public IReadOnlyList<PlaygroundLogEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return _entries.ToArray();
            }
        }
    }

    /// <summary>How many entries have arrived: a marker for "what came after this point".</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public static async Task<PlaygroundLogStream> ConnectAsync(int port)
    {
        var stream = new PlaygroundLogStream();
        using var connectTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await stream._socket.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/_ws/log/stream"), connectTimeout.Token);
        stream._receiveLoop = Task.Run(stream.ReceiveLoopAsync);
        return stream;
    }

    /// <summary>Polls the entries (from index <paramref name="after"/> on) until one matches; throws with all of them when none does.</summary>
    public async Task<PlaygroundLogEntry> WaitForAsync(Func<PlaygroundLogEntry, bool> predicate, int after = 0, TimeSpan? timeout = null, string? what = null)
    {
        var clock = Stopwatch.StartNew();
        var limit = timeout ?? PlaygroundProcess.DefaultTimeout;
        while (true)
        {
            var found = Entries.Skip(after).FirstOrDefault(predicate);
            if (found is not null)
            {
                return found;
            }

            if (clock.Elapsed > limit)
            {
                throw new TimeoutException(
                    $"No Playground log entry {what ?? "matching"} within {limit.TotalSeconds:0.#} s (after #{after}). Stream error: {_streamError ?? "none"}.\n" +
                    $"Log entries:\n{Dump(after)}");
            }

            await Task.Delay(25);
        }
    }

    /// <summary>The entries from <paramref name="after"/> on, one a line, for failure messages.</summary>
    public string Dump(int after = 0) => string.Join("\n", Entries.Skip(after).Select(e => e.ToString()));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var closeTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", closeTimeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // Closing anyway.
            }
        }

        if (_receiveLoop is not null)
        {
            try
            {
                await _receiveLoop.WaitAsync(TimeSpan.FromSeconds(2));
            }
            catch (TimeoutException)
            {
                // Aborted below.
            }
        }

        _socket.Abort();
        _socket.Dispose();
        _stop.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var error = await JsonWebSocketReader.ReadAsync(_socket, parsed =>
        {
            lock (_gate)
            {
                _entries.Add(new PlaygroundLogEntry(_entries.Count, parsed));
            }
        }, _stop.Token);
        _streamError ??= error;
    }
}
