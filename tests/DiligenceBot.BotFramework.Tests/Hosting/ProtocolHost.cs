using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using DiligenceBot.BotFramework.Authentication;
using DiligenceBot.BotFramework.Hosting;
using DiligenceBot.BotFramework.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using DiligenceBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DiligenceBot.BotFramework.Tests.Hosting;

/// <summary>
/// The protocol layer alone on Kestrel (loopback), with a handler that records what reached it and log
/// capture, so tests can assert "401 and no handler ran" and "rejection logged with the activity id".
/// </summary>
public sealed class ProtocolHost : IAsyncDisposable
{
    public const string AppId = "4b7e2d1c-0a9f-4e3d-8c2b-1a0f9e8d7c6b";

    private readonly WebApplication _app;

    private ProtocolHost(WebApplication app, RecordingHandler handler, CapturedLogs logs)
    {
        _app = app;
        Handler = handler;
        Logs = logs;
    }

    public RecordingHandler Handler { get; }
    public CapturedLogs Logs { get; }
    public HttpClient Http { get; private set; } = null!;
    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Starts the host. Without a <paramref name="environment"/>, a host with a Bot:AppId runs as "Testing" (like
    /// production: https key server required) and one without runs as "Development" (the only environment that
    /// accepts local development mode). <paramref name="keyServer"/>'s self-signed certificate is trusted for the
    /// signing keys and the outbound token.
    /// </summary>
    public static async Task<ProtocolHost> StartAsync(IDictionary<string, string?> settings, string? environment = null, LocalOpenIdIssuer? keyServer = null, TimeProvider? time = null)
    {
        environment ??= settings.TryGetValue("Bot:AppId", out var appId) && !string.IsNullOrEmpty(appId) ? "Testing" : Environments.Development;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(settings);
        var logs = new CapturedLogs();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Services.AddBotFramework();
        if (keyServer is not null)
        {
            builder.Services.AddHttpClient(nameof(SigningKeyCache)).ConfigurePrimaryHttpMessageHandler(keyServer.CreateTrustingHandler);
            builder.Services.AddHttpClient(nameof(BotTokenProvider)).ConfigurePrimaryHttpMessageHandler(keyServer.CreateTrustingHandler).ConfigureHttpClient(c => c.Timeout = LocalOpenIdIssuer.PatientTimeout);
        }

        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        var handler = new RecordingHandler();
        builder.Services.AddSingleton<IBotHandler>(handler);
        var app = builder.Build();
        app.MapBotMessages();
        await app.StartAsync();
        var host = new ProtocolHost(app, handler, logs);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.Http = new HttpClient { BaseAddress = new Uri(address) };
        return host;
    }

    public async Task<HttpResponseMessage> PostAsync(string body, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostAsync(JsonObject activity, string? token = null) => PostAsync(activity.ToJsonString(), token);

    /// <summary>A message activity as Teams sends it.</summary>
    public static JsonObject Message(string serviceUrl, string text = "help", string channelId = "msteams") => new()
    {
        ["type"] = "message",
        ["id"] = "1700000000000",
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = channelId,
        ["from"] = new JsonObject { ["id"] = "29:1-user", ["aadObjectId"] = "a3c4b5ff-78b0-4313-9df2-a1e60bc975b5" },
        ["conversation"] = new JsonObject { ["id"] = "a:1-conv", ["conversationType"] = "personal", ["tenantId"] = "fe71a704-0ed8-44e8-a9d0-9a48917cced0" },
        ["recipient"] = new JsonObject { ["id"] = "28:bot" },
        ["text"] = text,
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "fe71a704-0ed8-44e8-a9d0-9a48917cced0" } },
    };

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Records every turn that reached the application.</summary>
public sealed class RecordingHandler : IBotHandler
{
    private readonly ConcurrentQueue<Activity> _turns = new();

    public IReadOnlyList<Activity> Turns => _turns.ToArray();

    /// <summary>What to answer invokes with.</summary>
    public InvokeResponse? InvokeAnswer { get; set; }

    /// <summary>When set, the handler throws (to check that internals never leak).</summary>
    public Exception? Throw { get; set; }

    public Task<InvokeResponse?> OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        _turns.Enqueue(turn.Activity);
        if (Throw is not null)
        {
            throw Throw;
        }

        return Task.FromResult(turn.Activity.Type == ActivityTypes.Invoke ? InvokeAnswer : null);
    }
}

/// <summary>A logger provider that keeps formatted messages.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._lines.Enqueue($"{logLevel}: {formatter(state, exception)}{(exception is null ? string.Empty : " | " + exception.Message)}");
    }
}
