using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DiligenceBot.Tests.Infrastructure;

namespace DiligenceBot.Tests.EndToEnd;

/// <summary>
/// One message the Playground pushed on its conversation websocket
/// (<c>ws://127.0.0.1:PORT/_ws_conversation/v1/conversations/stream</c>). Observed shapes (0.2.28):
/// <code>
/// {"action":"createMessage","actionConversationId":"a:1-personal-wang-lei",
///  "message":{"messageId":"1795894613120","timestamp":1795894613120,"from":{"id":"28:…"},
///             "text":"…"?,"attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{…}}],
///             "attachmentLayout":"list","mentions":[],"directLineConversationId":"a:1-personal-wang-lei"}}
/// {"action":"updateMessage", …same, messageId = the updated activity's id…}   (the bot's PUT …/activities/{id})
/// {"action":"typing","actionConversationId":"…"}                               (the bot's typing activity)
/// </code>
/// Only what the bot sends appears here: the user's own messages do not, and neither does an
/// <c>adaptiveCard/action</c> invoke answer (the browser applies that itself from the invoke's HTTP response).
/// </summary>
public sealed record PlaygroundStreamMessage(int Index, JsonObject Raw)
{
    public const string CreateMessage = "createMessage";
    public const string UpdateMessage = "updateMessage";
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public string? Action => Raw["action"]?.GetValue<string>();

    public string? ConversationId => Raw["actionConversationId"]?.GetValue<string>();

    public JsonObject? Message => Raw["message"] as JsonObject;

    public string? MessageId => Message?["messageId"]?.GetValue<string>();

    public string? FromId => Message?["from"]?["id"]?.GetValue<string>();

    public string? Text => Message?["text"]?.GetValue<string>();

    public JsonArray Attachments => Message?["attachments"] as JsonArray ?? [];

    /// <summary>The first Adaptive Card attachment's content, if any.</summary>
    public JsonObject? Card =>
        Attachments.OfType<JsonObject>().FirstOrDefault(a => a["contentType"]?.GetValue<string>() == AdaptiveCardContentType)?["content"] as JsonObject;

    /// <summary>The text of the card's TextBlock with id "title".</summary>
    public string? CardTitle => Card is { } card ? PlaygroundCards.Title(card) : null;

    public override string ToString() => $"#{Index} {Raw.ToJsonString()}";
}

/// <summary>Small readers for Adaptive Card JSON.</summary>
public static class PlaygroundCards
{
    /// <summary>The text of the card's TextBlock with id "title" (anywhere in the body).</summary>
    public static string? Title(JsonObject card) =>
        Elements(card).FirstOrDefault(e => e["id"]?.GetValue<string>() == "title")?["text"]?.GetValue<string>();

    /// <summary>Every element of the body, containers flattened.</summary>
    public static IEnumerable<JsonObject> Elements(JsonObject card)
    {
        foreach (var node in card["body"] as JsonArray ?? [])
        {
            if (node is not JsonObject element)
            {
                continue;
            }

            yield return element;
            if (element["items"] is JsonArray)
            {
                foreach (var inner in Elements(new JsonObject { ["body"] = element["items"]!.DeepClone() }))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>The card's Action.Execute with this verb, or null.</summary>
    public static JsonObject? ExecuteAction(JsonObject card, string verb) =>
        (card["actions"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(a =>
            a["type"]?.GetValue<string>() == "Action.Execute" && a["verb"]?.GetValue<string>() == verb);
}

/// <summary>
/// The real Microsoft 365 Agents Playground (npm <c>@microsoft/m365agentsplayground</c> 0.2.28, pinned in
/// tools/playground) as a child process pointed at a bot, driven through its scripted HTTP routes and observed
/// through its conversation websocket — the same routes its browser client uses, without a browser.
/// It reads <c>.m365agentsplayground.yml</c> (the demo organisation) from the repository root.
/// </summary>
public sealed partial class PlaygroundProcess : IAsyncDisposable
{
    public const string PersonalChatId = "a:1-personal-wang-lei";
    public const string CurrentUserId = "29:1-wang-lei";
    public const string BotId = "28:69c2e885-220b-4e2b-8fe2-f0226230507e";
    /// <summary>How long a wait for the Playground may take before the test fails (a loaded machine is slow, not wrong).</summary>
    public static readonly TimeSpan DefaultTimeout = Outbox.Patience;

    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    private readonly Process _process;
    private readonly object _gate = new();
    private readonly StringBuilder _output = new();
    private readonly List<PlaygroundStreamMessage> _messages = [];
    private readonly CancellationTokenSource _stop = new();
    private ClientWebSocket? _socket;
    private Task? _receiveLoop;
    private string? _streamError;

    private PlaygroundProcess(Process process)
    {
        _process = process;

        // Should the test host exit without disposing the fixture, do not leave node listening behind.
        AppDomain.CurrentDomain.ProcessExit += KillOnHostExit;
    }

    public static string PlaygroundFolder => Path.Combine(RepoTools.RepoRoot, "tools", "playground");

    public static string CliPath => Path.Combine(PlaygroundFolder, "node_modules", "@microsoft", "m365agentsplayground", "cli.js");

    /// <summary>The port it actually listens on (it silently takes another one when the asked port is busy).</summary>
    public int Port { get; private set; }

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The serviceUrl it puts in activities: its Bot Connector emulation.</summary>
    public string ServiceUrl => $"http://localhost:{Port}/_connector";

    public HttpClient Http { get; private set; } = null!;

    /// <summary>What the Playground printed so far (stdout and stderr).</summary>
    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Every websocket message received so far, in order.</summary>
    public IReadOnlyList<PlaygroundStreamMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return _messages.ToArray();
            }
        }
    }

    /// <summary>How many websocket messages have arrived: a marker for "what came after this point".</summary>
    public int MessageCount
    {
        get
        {
            lock (_gate)
            {
                return _messages.Count;
            }
        }
    }

    /// <summary>
    /// Starts the Playground against <c>{bot}/api/messages</c>, waits for "Listening on PORT" and a pong, and
    /// opens the conversation stream. Runs <c>npm ci</c> in tools/playground first if the package is missing.
    /// </summary>
    public static async Task<PlaygroundProcess> StartAsync(Uri botBaseAddress, TimeSpan? startTimeout = null)
    {
        await EnsureInstalledAsync();

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoTools.RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        var endpoint = new Uri(botBaseAddress, "/api/messages").ToString();
        foreach (var arg in new[] { CliPath, "-e", endpoint, "-c", "msteams", "-p", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture), "--disable-telemetry" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["APPLICATION_INSIGHTS_NO_STATSBEAT"] = "true";
        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        start.Environment["M365_AGENTS_PLAYGROUND_CONFIG_PATH"] = Path.Combine(RepoTools.RepoRoot, ".m365agentsplayground.yml");
        start.Environment["NO_COLOR"] = "1";

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var playground = new PlaygroundProcess(process);
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => playground.OnOutput(e.Data, listening);
        process.ErrorDataReceived += (_, e) => playground.OnOutput(e.Data, listening);
        process.Exited += (_, _) => listening.TrySetException(
            new InvalidOperationException($"The Playground exited before listening:\n{playground.Output}"));

        if (!process.Start())
        {
            throw new InvalidOperationException("Could not start node for the Playground.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var timeout = startTimeout ?? TimeSpan.FromSeconds(60);
            playground.Port = await listening.Task.WaitAsync(timeout);
            playground.BaseAddress = new Uri($"http://127.0.0.1:{playground.Port}/");
            playground.Http = new HttpClient { BaseAddress = playground.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
            await playground.WaitForPongAsync(timeout);
            await playground.ConnectStreamAsync();
            return playground;
        }
        catch (Exception ex) when (ex is TimeoutException or HttpRequestException or WebSocketException)
        {
            var output = playground.Output;
            await playground.DisposeAsync();
            throw new InvalidOperationException($"The Playground did not come up: {ex.Message}\n{output}", ex);
        }
        catch
        {
            await playground.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// What the browser client does the first time a conversation is opened
    /// (<c>POST /_debug/conversation/{id}/installation</c>): the Playground then sends the bot, concurrently,
    /// an <c>installationUpdate</c> (action "add") and a <c>conversationUpdate</c> with the user and the bot in
    /// membersAdded.
    /// </summary>
    public async Task OpenConversationFirstTimeAsync(string conversationId = PersonalChatId)
    {
        using var response = await Http.PostAsync(
            "_debug/conversation/" + Uri.EscapeDataString(conversationId) + "/installation",
            Json(new JsonObject { ["directLineConversationId"] = conversationId }));
        await EnsureSuccessAsync(response);
    }

    /// <summary>
    /// A user types a message (<c>POST /_conversation/v1/conversations/{id}/messages</c>). Returns the
    /// Playground's answer, <c>{"messageId":"…","timestamp":…}</c> (the id it gave the user's message).
    /// </summary>
    public async Task<JsonObject> SendTextAsync(string conversationId, string userId, string text)
    {
        var body = new JsonObject { ["from"] = new JsonObject { ["id"] = userId }, ["text"] = text, ["textFormat"] = "plain" };
        using var response = await Http.PostAsync("_conversation/v1/conversations/" + Uri.EscapeDataString(conversationId) + "/messages", Json(body));
        return await ReadObjectAsync(response);
    }

    /// <summary>
    /// A click on a card's Action.Execute (<c>POST /_conversation/v1/invoke</c>, name <c>adaptiveCard/action</c>),
    /// with the value the browser client builds from the card's action: <c>{"action":{type,title,verb,data}}</c>.
    /// Returns the Playground's answer: the bot's invoke response without its statusCode,
    /// e.g. <c>{"type":"application/vnd.microsoft.card.adaptive","value":{card}}</c>, which the browser puts in
    /// place of the card of message <paramref name="replyToId"/> (nothing goes on the websocket).
    /// </summary>
    public Task<JsonObject> InvokeAsync(string conversationId, string userId, string replyToId, JsonObject cardAction) =>
        InvokeAsync(new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["from"] = new JsonObject { ["id"] = userId },
            ["replyToId"] = replyToId,
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject
                {
                    ["type"] = cardAction["type"]?.DeepClone() ?? "Action.Execute",
                    ["title"] = cardAction["title"]?.DeepClone(),
                    ["verb"] = cardAction["verb"]?.DeepClone(),
                    ["data"] = cardAction["data"]?.DeepClone(),
                },
            },
        });

    /// <summary>Any invoke payload the Playground accepts, as is.</summary>
    public async Task<JsonObject> InvokeAsync(JsonObject payload)
    {
        using var response = await Http.PostAsync("_conversation/v1/invoke", Json(payload));
        return await ReadObjectAsync(response);
    }

    /// <summary>A click on a card's Action.Submit (<c>POST /_conversation/v1/submit</c>): a message with value and replyToId.</summary>
    public async Task SubmitAsync(string conversationId, string userId, string replyToId, JsonObject value)
    {
        var body = new JsonObject
        {
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["from"] = new JsonObject { ["id"] = userId },
            ["replyToId"] = replyToId,
            ["value"] = value,
        };
        using var response = await Http.PostAsync("_conversation/v1/submit", Json(body));
        await EnsureSuccessAsync(response);
    }

    /// <summary>
    /// The Playground's own starting point for a custom activity in a conversation
    /// (<c>GET /_internal/v1/customActivities/template</c>): <paramref name="type"/> is one of its templates
    /// ("install", "uninstall", "botAdded", "userAdded", …) or null for a bare activity of the current user.
    /// </summary>
    public async Task<JsonObject> GetCustomActivityTemplateAsync(string conversationId = PersonalChatId, string? type = null)
    {
        var query = "conversationId=" + Uri.EscapeDataString(conversationId) + (type is null ? string.Empty : "&type=" + Uri.EscapeDataString(type));
        using var response = await Http.GetAsync("_internal/v1/customActivities/template?" + query);
        return await ReadObjectAsync(response);
    }

    /// <summary>Any activity, forwarded to the bot verbatim (<c>POST /_internal/v1/customActivities</c>).</summary>
    public async Task SendCustomActivityAsync(JsonObject activity)
    {
        using var response = await Http.PostAsync("_internal/v1/customActivities", Json(activity));
        await EnsureSuccessAsync(response);
    }

    /// <summary>
    /// Polls the collected websocket messages (from index <paramref name="after"/> on) until one matches.
    /// Throws with everything received and the Playground's output when none does in time.
    /// </summary>
    public async Task<PlaygroundStreamMessage> WaitForMessageAsync(Func<PlaygroundStreamMessage, bool> predicate, int after = 0, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        var limit = timeout ?? DefaultTimeout;
        while (true)
        {
            var found = Messages.Skip(after).FirstOrDefault(predicate);
            if (found is not null)
            {
                return found;
            }

            if (deadline.Elapsed > limit)
            {
                throw new TimeoutException(
                    $"No matching Playground message within {limit.TotalSeconds:0.#} s (after #{after}). Stream error: {_streamError ?? "none"}.\n" +
                    $"Received:\n{string.Join("\n", Messages.Select(m => m.ToString()))}\nPlayground output:\n{Output}");
            }

            await Task.Delay(25);
        }
    }

    /// <summary>Waits for the bot's next new message in a conversation whose card has this title.</summary>
    public Task<PlaygroundStreamMessage> WaitForCardAsync(string title, int after, string conversationId = PersonalChatId, TimeSpan? timeout = null) =>
        WaitForMessageAsync(
            m => m.Action == PlaygroundStreamMessage.CreateMessage && m.ConversationId == conversationId && m.CardTitle == title,
            after,
            timeout);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_socket is { State: WebSocketState.Open })
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
                // The socket is aborted below.
            }
        }

        _socket?.Abort();
        _socket?.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }
        catch (TimeoutException)
        {
            // Killed; the OS reaps it.
        }

        AppDomain.CurrentDomain.ProcessExit -= KillOnHostExit;
        _process.Dispose();
        Http?.Dispose();
        _stop.Dispose();
    }

    [GeneratedRegex(@"Listening on (\d+)")]
    private static partial Regex ListeningLine();

    private static async Task EnsureInstalledAsync()
    {
        await InstallLock.WaitAsync();
        try
        {
            if (File.Exists(CliPath))
            {
                return;
            }

            var (code, output, error) = await RepoTools.RunAsync("npm", PlaygroundFolder, ["ci", "--no-audit", "--no-fund"]);
            if (code != 0 || !File.Exists(CliPath))
            {
                throw new InvalidOperationException($"npm ci in {PlaygroundFolder} failed ({code}):\n{output}\n{error}");
            }
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private void KillOnHostExit(object? sender, EventArgs e)
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Not started or already gone.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private static async Task EnsureSuccessAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new HttpRequestException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} → {(int)response.StatusCode}: {body}",
                null,
                response.StatusCode);
        }
    }

    private static async Task<JsonObject> ReadObjectAsync(HttpResponseMessage response)
    {
        await EnsureSuccessAsync(response);
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) as JsonObject
            ?? throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} answered with no JSON object: {text}");
    }

    private void OnOutput(string? line, TaskCompletionSource<int> listening)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _output.AppendLine(line);
        }

        if (ListeningLine().Match(line) is { Success: true } match)
        {
            listening.TrySetResult(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private async Task WaitForPongAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var pong = await Http.GetStringAsync("_debug/ping");
                if (pong == "pong")
                {
                    return;
                }
            }
            catch (HttpRequestException) when (clock.Elapsed < timeout)
            {
                // Not answering yet.
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException("GET /_debug/ping did not answer pong.");
            }

            await Task.Delay(100);
        }
    }

    private async Task ConnectStreamAsync()
    {
        _socket = new ClientWebSocket();
        using var connectTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await _socket.ConnectAsync(new Uri($"ws://127.0.0.1:{Port}/_ws_conversation/v1/conversations/stream"), connectTimeout.Token);
        _receiveLoop = Task.Run(ReceiveLoopAsync);
    }

    private async Task ReceiveLoopAsync()
    {
        var error = await JsonWebSocketReader.ReadAsync(_socket!, parsed =>
        {
            lock (_gate)
            {
                _messages.Add(new PlaygroundStreamMessage(_messages.Count, parsed));
            }
        }, _stop.Token);
        _streamError ??= error;
    }
}
