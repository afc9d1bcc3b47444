using System.IO.Compression;

namespace DiligenceBot.AppPackage;

/// <summary>
/// <c>dotnet run --project src/DiligenceBot -- package [--out FILE] [--app-id GUID]</c>: writes the Teams app
/// package (manifest with the bot's app id filled in, its zh-CN localization and both icons) as a zip.
/// The app id comes from configuration (Bot:AppId: appsettings, user-secrets, environment Bot__AppId) unless
/// given on the command line; the host the app is served at (the dashboard tab's pages and the SSO resource) from
/// Dashboard:HostName unless given with --host.
/// </summary>
public static class AppPackageCommand
{
    public const string AppIdPlaceholder = "{{BotAppId}}";
    /// <summary>The host the app is reached at (its tab, its API, the SSO resource api://HOST/APPID).</summary>
    public const string HostPlaceholder = "{{HostName}}";

    public static int Run(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production"}.json", optional: true)
            .AddUserSecrets(typeof(AppPackageCommand).Assembly, optional: true)
            .AddEnvironmentVariables()
            .Build();

        var appId = Option(args, "--app-id") ?? configuration["Bot:AppId"];
        var output = Path.GetFullPath(Option(args, "--out") ?? Path.Combine("artifacts", "appPackage.zip"));
        var source = Option(args, "--manifests") ?? Path.Combine(AppContext.BaseDirectory, "manifests");

        if (!Guid.TryParse(appId, out var id))
        {
            Console.Error.WriteLine("Bot:AppId is not set to a GUID. Set it (user-secrets, environment variable Bot__AppId) or pass --app-id GUID.");
            return 2;
        }

        var host = Option(args, "--host") ?? configuration["Dashboard:HostName"];
        if (!IsHostName(host))
        {
            Console.Error.WriteLine("Dashboard:HostName is not set to the app's host name (e.g. diligencebot.contoso.com, no scheme or path). Set it or pass --host HOST.");
            return 2;
        }

        try
        {
            Write(source, id, output, host!);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            Console.Error.WriteLine($"The app package could not be written: {ex.Message}");
            return 1;
        }

        Console.WriteLine($"Teams app package written to {output}");
        return 0;
    }

    /// <summary>A bare host name (what Teams' validDomains and the tab URLs take): letters, digits, dots, hyphens, an optional port.</summary>
    public static bool IsHostName(string? host) =>
        host is { Length: > 0 and <= 253 } && Uri.CheckHostName(host.Split(':')[0]) == UriHostNameType.Dns && !host.Contains('/', StringComparison.Ordinal);

    /// <summary>Zips manifest.json (app id and host filled in), every localization file and the icons from <paramref name="source"/>.</summary>
    public static void Write(string source, Guid appId, string output, string hostName)
    {
        var manifestPath = Path.Combine(source, "manifest.json");
        if (!File.Exists(manifestPath))
        {
            throw new InvalidDataException($"{manifestPath} does not exist.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        if (File.Exists(output))
        {
            File.Delete(output);
        }

        using var zip = ZipFile.Open(output, ZipArchiveMode.Create);
        foreach (var file in Directory.EnumerateFiles(source).Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".png", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
            using var target = entry.Open();
            if (name.EndsWith(".json", StringComparison.Ordinal))
            {
                var text = File.ReadAllText(file).Replace(AppIdPlaceholder, appId.ToString("D"), StringComparison.Ordinal).Replace(HostPlaceholder, hostName, StringComparison.Ordinal);
                using var writer = new StreamWriter(target, new System.Text.UTF8Encoding(false));
                writer.Write(text);
            }
            else
            {
                using var input = File.OpenRead(file);
                input.CopyTo(target);
            }
        }
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
