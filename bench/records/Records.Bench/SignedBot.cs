using DiligenceBot.Testing;

namespace DiligenceBot.Bench;

/// <summary>
/// What every records bench runs against: DiligenceBot (the Release build, its own process, SQLite) with an app id, so
/// every activity's token is checked against a local OpenID issuer, and a local connector it replies to; a seed of one
/// team written to a work folder that goes when the bench ends (unless kept).
/// </summary>
public sealed class SignedBot : IAsyncDisposable
{
    public const string AppId = "6d1f0c8e-3b2a-4f4e-9c11-7a5b2e0d9f31";

    private readonly bool _keep;

    private SignedBot(string workDir, LocalConnector connector, LocalOpenIdIssuer issuer, BotProcess bot, bool keep)
    {
        WorkDir = workDir;
        Connector = connector;
        Issuer = issuer;
        Bot = bot;
        _keep = keep;
    }

    public string WorkDir { get; }

    public LocalConnector Connector { get; }

    public LocalOpenIdIssuer Issuer { get; }

    public BotProcess Bot { get; }

    /// <summary>Starts the stand-ins and the bot on <paramref name="seed"/>; null when another bench kept the machine busy too long.</summary>
    public static async Task<SignedBot?> StartAsync(string name, BenchSeed seed, Dictionary<string, string> options)
    {
        var repo = options.GetValueOrDefault("repo") ?? throw new ArgumentException("--repo is required");
        var botDll = options.GetValueOrDefault("bot-dll") ?? Path.Combine(repo, "src/DiligenceBot/bin/Release/net10.0/DiligenceBot.dll");
        var workDir = Path.Combine(Path.GetTempPath(), $"diligencebot-bench-{name}-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(workDir);
        var seedFolder = Path.Combine(workDir, "seeds");
        seed.WriteTo(seedFolder, Path.Combine(repo, "seeds"));

        var connector = await LocalConnector.StartAsync();
        var issuer = await LocalOpenIdIssuer.StartAsync();
        if (!await BenchTools.WaitForQuietAsync(TimeSpan.FromMinutes(15)))
        {
            Console.WriteLine("Inbound.Bench is still running after 15 minutes; giving up.");
            await connector.DisposeAsync();
            await issuer.DisposeAsync();
            return null;
        }

        var environment = BenchTools.BotEnvironment(options, new Dictionary<string, string>());
        environment["Bot__AppId"] = AppId;
        environment["Bot__AppPassword"] = "bench-secret";
        environment["Bot__OpenIdMetadataUrl"] = issuer.MetadataUrl;
        environment["Bot__LoginAuthority"] = issuer.LoginAuthority;
        environment["Bot__TrustedServiceUrls__0"] = connector.ServiceUrl;
        Console.WriteLine("starting DiligenceBot (Release, SQLite, with an app id: every activity's token is checked)...");
        var bot = await BotProcess.StartAsync(botDll, workDir, seedFolder, environment, TimeSpan.FromSeconds(120));
        Console.WriteLine($"bot up at {bot.BaseAddress} (pid {bot.ProcessId}); log {bot.LogPath}");
        return new SignedBot(workDir, connector, issuer, bot, options.ContainsKey("keep"));
    }

    /// <summary>A token as the Bot Connector signs it, valid for an hour.</summary>
    public string Token() => Issuer.CreateToken(new TokenSpec { Audience = AppId, ServiceUrl = Connector.ServiceUrl, ExpiresOffset = TimeSpan.FromHours(1) });

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await Connector.DisposeAsync();
        await Issuer.DisposeAsync();
        if (_keep)
        {
            Console.WriteLine($"kept {WorkDir}");
            return;
        }

        try
        {
            Directory.Delete(WorkDir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
