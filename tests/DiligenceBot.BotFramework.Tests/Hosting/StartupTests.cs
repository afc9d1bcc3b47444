using DiligenceBot.BotFramework.Hosting;
using Microsoft.Extensions.DependencyInjection;
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
    [InlineData("Bot:OutboundTokenTries", "0")]
    [InlineData("Bot:OutboundTokenTries", "11")]
    [InlineData("Bot:OutboundTokenTryDelay", "-00:00:01")]
    [InlineData("Bot:OutboundTokenTryDelay", "00:01:00")]
    [InlineData("Bot:OutboundTokenRetryDelay", "00:00:00")]
    [InlineData("Bot:OutboundTokenRetryDelay", "00:05:00")]
    [InlineData("Bot:OutboundTokenMaxRetryDelay", "02:00:00")]
    public async Task InvalidSigningKeyOrTokenRetrySettings_StopStartUp_NamingTheKey(string key, string value)
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            ProtocolHost.StartAsync(new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(key + " must", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutboundTokenRetrySettings_WithinTheirBounds_Start()
    {
        await using var host = await ProtocolHost.StartAsync(new Dictionary<string, string?>
        {
            ["Bot:OutboundTokenTries"] = "10",
            ["Bot:OutboundTokenTryDelay"] = "00:00:00",
            ["Bot:OutboundTokenRetryDelay"] = "00:00:30",
            ["Bot:OutboundTokenMaxRetryDelay"] = "00:30:00",
        });

        Assert.Equal(10, host.Services.GetRequiredService<IOptions<BotOptions>>().Value.OutboundTokenTries);
    }

    [Theory]
    [InlineData("Testing")]
    [InlineData("Production")]
    public async Task LoginAuthorityOverHttp_OutsideDevelopment_RefusesToStart_NamingTheKeyAndTheEnvironment(string environment)
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => ProtocolHost.StartAsync(new Dictionary<string, string?>
        {
            ["Bot:AppId"] = ProtocolHost.AppId,
            ["Bot:AppPassword"] = "secret",
            ["Bot:LoginAuthority"] = "http://login.example.test",
        }, environment: environment));

        Assert.Contains($"Bot:LoginAuthority must be an https URL outside the Development environment (this is '{environment}'", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Bot:OpenIdMetadataUrl", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginAuthorityOverHttp_InDevelopment_Starts()
    {
        await using var host = await ProtocolHost.StartAsync(new Dictionary<string, string?>
        {
            ["Bot:AppId"] = ProtocolHost.AppId,
            ["Bot:AppPassword"] = "secret",
            ["Bot:LoginAuthority"] = "http://127.0.0.1:9",
        }, environment: "Development");

        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains("LOCAL DEVELOPMENT MODE", StringComparison.Ordinal));
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

