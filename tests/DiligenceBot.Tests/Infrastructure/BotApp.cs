using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using DiligenceBot.Data;
using DiligenceBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DiligenceBot.Tests.Infrastructure;

/// <summary>
/// The whole bot on Kestrel on a loopback port, on its own SQLite file, seeded with the demo organisation.
/// With an issuer it runs authenticated (Bot:AppId set, keys and tokens from the local issuer); without one it
/// runs in local development mode like the Agents Playground expects.
/// </summary>
public sealed class BotApp : WebApplicationFactory<Program>
{
    public const string AppId = "9a1c1f5e-7d0b-4f43-8a7e-2a9f4c7b1d11";

    private readonly LocalOpenIdIssuer? _issuer;
    private readonly Dictionary<string, string?> _settings;
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"diligencebot-test-{Guid.NewGuid():N}.db");
    private readonly string _recordFiles = Path.Combine(Path.GetTempPath(), $"diligencebot-test-records-{Guid.NewGuid():N}");

    /// <summary>
    /// The provider under test: SQLite by default; DILIGENCEBOT_TEST_DB_PROVIDER=PostgreSql|SqlServer with
    /// DILIGENCEBOT_TEST_DB_CONNECTION (server part only) runs the same tests on a server, one database per app.
    /// </summary>
    private static readonly string Provider = Environment.GetEnvironmentVariable("DILIGENCEBOT_TEST_DB_PROVIDER") ?? DatabaseProviders.Sqlite;

    private readonly string _connectionString = Provider == DatabaseProviders.Sqlite
        ? string.Empty
        : $"{Environment.GetEnvironmentVariable("DILIGENCEBOT_TEST_DB_CONNECTION")};Database=diligencebot_test_{Guid.NewGuid():N}";

    private readonly TimeProvider? _time;
    private readonly bool _ownsDatabase = true;

    private readonly string _environment;

    private readonly LogCapture? _logs;

    /// <summary>Stand-ins a test puts in place of the app's own (e.g. the Graph credential).</summary>
    private readonly Action<IServiceCollection>? _services;

    /// <summary>
    /// Without an <paramref name="environment"/>, an authenticated app (an issuer, or a Bot:AppId in the settings)
    /// runs as "Testing", like production (https key server required), and one without runs as "Development", the
    /// only environment that accepts local development mode.
    /// </summary>
    public BotApp(LocalOpenIdIssuer? issuer = null, IDictionary<string, string?>? settings = null, TimeProvider? time = null, BotApp? shareDatabaseWith = null, string? environment = null, LogCapture? logs = null, Action<IServiceCollection>? services = null)
    {
        _logs = logs;
        _services = services;
        var authenticated = issuer is not null || (settings?.TryGetValue("Bot:AppId", out var appId) == true && !string.IsNullOrEmpty(appId));
        _environment = environment ?? (authenticated ? "Testing" : "Development");
        _issuer = issuer;
        _time = time;
        if (shareDatabaseWith is not null)
        {
            // A second instance of the same deployment: same database (and so the same Hangfire storage).
            _databasePath = shareDatabaseWith._databasePath;
            _recordFiles = shareDatabaseWith._recordFiles;
            _connectionString = shareDatabaseWith._connectionString;
            _ownsDatabase = false;
        }

        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>Starts the real server and returns this.</summary>
    public BotApp Start()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("Database:ConnectionString", Provider == DatabaseProviders.Sqlite ? $"Data Source={_databasePath}" : _connectionString);
        builder.UseSetting("Bot:ConnectorBaseDelay", "00:00:00.010");
        builder.UseSetting("Bot:OutboundTokenTryDelay", "00:00:00.010");
        // Hangfire is off unless a test asks for it (Scheduling:Enabled=true): its server is exercised on purpose.
        builder.UseSetting("Scheduling:Enabled", "false");
        // Unauthenticated test apps run as Development, where the demo history is written by default; a test asks for it.
        builder.UseSetting("Database:DemoHistory", "false");
        // Record files go to the app's own folder, removed with its database.
        builder.UseSetting("Records:FolderPath", _recordFiles);
        if (_issuer is not null)
        {
            builder.UseSetting("Bot:AppId", AppId);
            builder.UseSetting("Bot:AppPassword", "local-test-secret");
            builder.UseSetting("Bot:OpenIdMetadataUrl", _issuer.SecureMetadataUrl);
            builder.UseSetting("Bot:LoginAuthority", _issuer.SecureLoginAuthority);
            builder.UseSetting("Bot:SigningKeyMinRefreshInterval", "00:00:00");
        }

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            if (_time is not null)
            {
                // The app reads the test's clock as it reads the system clock: in UTC.
                services.AddSingleton<TimeProvider>(new SystemLikeClock(_time));
            }

            if (_issuer is not null)
            {
                // The issuer's key server and login authority are https with its own certificate; only the
                // signing-key and token clients trust it.
                services.AddHttpClient(nameof(DiligenceBot.BotFramework.Authentication.SigningKeyCache)).ConfigurePrimaryHttpMessageHandler(_issuer.CreateTrustingHandler);
                services.AddHttpClient(nameof(DiligenceBot.BotFramework.Authentication.BotTokenProvider)).ConfigurePrimaryHttpMessageHandler(_issuer.CreateTrustingHandler).ConfigureHttpClient(c => c.Timeout = LocalOpenIdIssuer.PatientTimeout);
            }

            _services?.Invoke(services);
        });

        if (_logs is not null)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(_logs));
        }
    }

    /// <summary>POSTs an activity to /api/messages, with a bearer token when given.</summary>
    public async Task<HttpResponseMessage> PostActivityAsync(JsonObject activity, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Http.SendAsync(request);
    }

    /// <summary>A fresh DbContext on the app's database, to assert what was stored.</summary>
    public DiligenceDbContext CreateDbContext() =>
        Services.CreateScope().ServiceProvider.GetRequiredService<DiligenceDbContext>();

    private bool _disposed;

    public override async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_ownsDatabase && Provider != DatabaseProviders.Sqlite && Http is not null)
        {
            await using var db = CreateDbContext();
            await db.Database.EnsureDeletedAsync();
        }

        Http?.Dispose();
        await base.DisposeAsync();
        if (!_ownsDatabase)
        {
            return;
        }

        if (Directory.Exists(_recordFiles))
        {
            Directory.Delete(_recordFiles, recursive: true);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            try
            {
                File.Delete(_databasePath + suffix);
            }
            catch (IOException)
            {
                // Best effort: the temp folder is cleaned eventually.
            }
        }
    }
}
