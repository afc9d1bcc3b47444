using System.IO.Compression;
using System.Text.Json.Nodes;
using DiligenceBot.AppPackage;
using DiligenceBot.Tests.Infrastructure;

namespace DiligenceBot.Tests.AppPackage;

/// <summary>
/// The Teams app package: the packaging command fills in the app id and zips manifest, localization and icons;
/// the result is validated offline against Microsoft's manifest schema with icon size checks.
/// </summary>
public sealed class AppPackageTests
{
    private const string AppId = "7d3b9c41-5e2a-4f6b-9a8c-0d1e2f3a4b5c";
    private const string Host = "diligencebot.contoso.com";

    [Fact]
    public async Task PackagedApp_PassesTheTeamsSchemaAndIconChecks()
    {
        var zip = Path.Combine(Path.GetTempPath(), $"appPackage-{Guid.NewGuid():N}.zip");
        AppPackageCommand.Write(Path.Combine(RepoTools.RepoRoot, "manifests"), Guid.Parse(AppId), zip, Host);

        var (exitCode, output, error) = await RepoTools.RunNodeToolAsync("validate", "validate-manifest.mjs", zip);

        Assert.True(exitCode == 0, $"manifest validation failed:\n{output}\n{error}");
        Assert.Contains("0 failed", output, StringComparison.Ordinal);
        File.Delete(zip);
    }

    [Fact]
    public void PackagedApp_CarriesTheConfiguredAppId_AndBothLanguages()
    {
        var zip = Path.Combine(Path.GetTempPath(), $"appPackage-{Guid.NewGuid():N}.zip");
        AppPackageCommand.Write(Path.Combine(RepoTools.RepoRoot, "manifests"), Guid.Parse(AppId), zip, Host);

        using var archive = ZipFile.OpenRead(zip);
        Assert.Equal(["color.png", "manifest.json", "outline.png", "zh-cn.json"], archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        using var reader = new StreamReader(archive.GetEntry("manifest.json")!.Open());
        var manifest = JsonNode.Parse(reader.ReadToEnd())!;
        Assert.Equal(AppId, manifest["id"]!.GetValue<string>());
        Assert.Equal(AppId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal(["personal", "team", "groupChat"], manifest["bots"]![0]!["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        using var zh = new StreamReader(archive.GetEntry("zh-cn.json")!.Open());
        var zhText = zh.ReadToEnd();
        Assert.Contains("帮助", zhText, StringComparison.Ordinal);
        Assert.Contains("我的团队", zhText, StringComparison.Ordinal);

        // The dashboard: a personal tab and a channel tab on the app's host, Teams SSO for the app's own API.
        var tab = Assert.Single(manifest["staticTabs"]!.AsArray())!;
        Assert.Equal(("My teams", $"https://{Host}/dashboard/?view=today"), (tab["name"]!.GetValue<string>(), tab["contentUrl"]!.GetValue<string>()));
        Assert.Equal($"https://{Host}/dashboard/configure.html", manifest["configurableTabs"]![0]!["configurationUrl"]!.GetValue<string>());
        Assert.Equal((AppId, $"api://{Host}/{AppId}"), (manifest["webApplicationInfo"]!["id"]!.GetValue<string>(), manifest["webApplicationInfo"]!["resource"]!.GetValue<string>()));
        Assert.Equal([Host], manifest["validDomains"]!.AsArray().Select(d => d!.GetValue<string>()));
        archive.Dispose();
        File.Delete(zip);
    }

    [Fact]
    public void PackageCommand_WithoutAnAppId_ExplainsWhatToSet()
    {
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            var code = AppPackageCommand.Run(["--out", Path.Combine(Path.GetTempPath(), "never.zip"), "--app-id", "not-a-guid"]);
            Assert.Equal(2, code);
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.Contains("Bot:AppId", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://diligencebot.contoso.com")]
    [InlineData("diligencebot.contoso.com/dashboard")]
    [InlineData("")]
    public void PackageCommand_WithoutAHostName_ExplainsWhatToSet(string host)
    {
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            var code = AppPackageCommand.Run(["--out", Path.Combine(Path.GetTempPath(), "never.zip"), "--app-id", AppId, "--host", host]);
            Assert.Equal(2, code);
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.Contains("Dashboard:HostName", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommandsInTheManifest_AreCommandsTheBotUnderstands()
    {
        // Teams sends a command's title as the message text, in the user's language.
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepoTools.RepoRoot, "manifests", "manifest.json")))!;
        var zh = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepoTools.RepoRoot, "manifests", "zh-cn.json")))!.AsObject();
        var titles = manifest["bots"]![0]!["commandLists"]!.AsArray()
            .SelectMany(l => l!["commands"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()))
            .Concat(zh.Where(p => p.Key.EndsWith(".title", StringComparison.Ordinal)).Select(p => p.Value!.GetValue<string>()))
            .Distinct()
            .ToList();
        var table = new DiligenceBot.Conversations.BotVerbTable(
            new Microsoft.Extensions.DependencyInjection.ServiceCollection().AddHelp_ForTests());

        Assert.NotEmpty(titles);
        Assert.All(titles, t => Assert.True(table.Match(t) is not null, $"'{t}' is not understood by the bot"));
    }
}

internal static class HelpRegistrationForTests
{
    public static IEnumerable<DiligenceBot.Conversations.BotVerbRegistration> AddHelp_ForTests(this Microsoft.Extensions.DependencyInjection.IServiceCollection services)
    {
        DiligenceBot.Help.HelpRegistration.AddHelp(services);
        DiligenceBot.WorkLogs.WorkLogRegistration.AddWorkLogs(services);
        DiligenceBot.Transfers.TransferRegistration.AddTransfers(services);
        DiligenceBot.Coaching.CoachingRegistration.AddCoaching(services);
        DiligenceBot.Customers.CustomerRegistration.AddCustomers(services);
        return services.Where(d => d.ServiceType == typeof(DiligenceBot.Conversations.BotVerbRegistration))
            .Select(d => (DiligenceBot.Conversations.BotVerbRegistration)d.ImplementationInstance!);
    }
}
