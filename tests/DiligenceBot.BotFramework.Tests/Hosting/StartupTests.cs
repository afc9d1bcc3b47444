using DiligenceBot.BotFramework.Hosting;
using Microsoft.Extensions.Options;

namespace DiligenceBot.BotFramework.Tests.Hosting;

/// <summary>Start-up checks: local development mode is loud, and refused outside Development; bad settings name their key.</summary>
public sealed class StartupTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("Test")]
    [InlineData("Testing")]
    [InlineData("Dev")]
    [InlineData("Development2")]
    [InlineData("Local")]
    public async Task NoAppId_OutsideDevelopment_RefusesToStart_NamingTheKeyAndTheEnvironment(string environment)
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            ProtocolHost.StartAsync(new Dictionary<string, string?>(), environment: environment));

        Assert.Contains("Bot:AppId is empty", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"'{environment}'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bot:SigningKeyMaxAge", "12:00:00")]
    [InlineData("Bot:SigningKeyFetchTimeout", "00:00:00")]
    [InlineData("Bot:SigningKeyRetryDelay", "00:10:00")]
    [InlineData("Bot:SigningKeyMinRefreshInterval", "2.00:00:00")]
    [InlineData("Bot:SigningKeyMaxDocumentBytes", "100")]
    public async Task InvalidSigningKeySettings_StopStartUp_NamingTheKey(string key, string value)
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            ProtocolHost.StartAsync(new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(key + " must", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoAppId_InDevelopment_StartsWithALoudWarning()
    {
        await using var host = await ProtocolHost.StartAsync(new Dictionary<string, string?>(), environment: "Development");

        Assert.Contains(host.Logs.Lines, l => l.StartsWith("Warning: LOCAL DEVELOPMENT MODE", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("SingleTenant", null, "Bot:TenantId")]
    [InlineData("MultiTenant", null, "Bot:AppPassword")]
    [InlineData("Sideways", null, "Bot:AppType")]
    public async Task InvalidCredentialsSettings_StopStartUp_NamingTheKey(string appType, string? tenant, string key)
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => ProtocolHost.StartAsync(new Dictionary<string, string?>
        {
            ["Bot:AppId"] = ProtocolHost.AppId,
            ["Bot:AppType"] = appType,
            ["Bot:TenantId"] = tenant,
            ["Bot:AppPassword"] = appType == "MultiTenant" ? null : "secret",
        }));

        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, null, null, true)]
    [InlineData(2, null, null, false)]
    [InlineData(16, null, null, false)]
    [InlineData(1, "DOTNET_TC_CallCountingDelayMs", "0", false)]
    [InlineData(1, "COMPlus_TC_CallCountingDelayMs", "0", false)]
    [InlineData(1, "DOTNET_TieredCompilation", "0", false)]
    [InlineData(1, "DOTNET_TieredPGO", "0", true)]
    public void OneCpuHost_IsToldHowToKeepTheRequestPathOptimised(int cpus, string? variable, string? value, bool warned)
    {
        var environment = new Dictionary<string, string?>();
        if (variable is not null)
        {
            environment[variable] = value;
        }

        Assert.Equal(warned, HostingNotices.NeedsTieringAdvice(cpus, name => environment.GetValueOrDefault(name)));
    }
}

