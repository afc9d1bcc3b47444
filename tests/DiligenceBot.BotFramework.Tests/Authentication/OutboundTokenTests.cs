using DiligenceBot.BotFramework.Authentication;
using DiligenceBot.BotFramework.Connector;
using DiligenceBot.BotFramework.Hosting;
using DiligenceBot.BotFramework.Schema;
using DiligenceBot.BotFramework.Tests.Hosting;
using DiligenceBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace DiligenceBot.BotFramework.Tests.Authentication;

/// <summary>
/// The outbound token: fetched by client credentials from the configured authority, cached, refreshed before
/// it expires, and sent only to trusted service URLs.
/// </summary>
public sealed class OutboundTokenTests : IAsyncLifetime
{
    private LocalOpenIdIssuer _issuer = null!;
    private LocalConnector _connector = null!;

    public async Task InitializeAsync()
    {
        _issuer = await LocalOpenIdIssuer.StartAsync();
        _connector = await LocalConnector.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    private readonly CapturedLogs _logs = new();

    private ServiceProvider Services(string appType = BotAppTypes.MultiTenant, TimeProvider? time = null, bool trustConnector = true, string tryDelay = "00:00:00.010", IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Bot:AppId"] = "4b7e2d1c-0a9f-4e3d-8c2b-1a0f9e8d7c6b",
            ["Bot:AppPassword"] = "client-secret-value",
            ["Bot:AppType"] = appType,
            ["Bot:TenantId"] = "fe71a704-0ed8-44e8-a9d0-9a48917cced0",
            ["Bot:LoginAuthority"] = _issuer.SecureLoginAuthority,
            ["Bot:ManagedIdentityEndpoint"] = _issuer.ManagedIdentityEndpoint,
            ["Bot:ConnectorMaxRetries"] = "0",
            ["Bot:OutboundTokenTryDelay"] = tryDelay,
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        if (trustConnector)
        {
            settings["Bot:TrustedServiceUrls:0"] = _connector.ServiceUrl;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSingleton<IHostEnvironment>(new TestEnvironment());
        services.AddLogging(b => b.AddProvider(_logs));
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddBotFramework();
        services.AddHttpClient(nameof(BotTokenProvider)).ConfigurePrimaryHttpMessageHandler(_issuer.CreateTrustingHandler).ConfigureHttpClient(c => c.Timeout = LocalOpenIdIssuer.PatientTimeout);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task Send_ToATrustedServiceUrl_CarriesTheBotsToken_FetchedOnce()
    {
        await using var services = Services();
        var client = services.GetRequiredService<IConnectorClient>();

        await client.SendToConversationAsync(_connector.ServiceUrl, "a:1-conv", OutgoingActivity.FromText("one"));
        await client.SendToConversationAsync(_connector.ServiceUrl, "a:1-conv", OutgoingActivity.FromText("two"));

        Assert.All(_connector.Requests, r => Assert.StartsWith("Bearer ey", r.Authorization, StringComparison.Ordinal));
        Assert.Equal(1, _issuer.TokenRequests);
        Assert.Equal("/botframework.com/oauth2/v2.0/token", _issuer.LastTokenRequestPath);
        Assert.Equal("https://api.botframework.com/.default", _issuer.LastTokenRequest!["scope"]);
        Assert.Equal("client_credentials", _issuer.LastTokenRequest["grant_type"]);
    }

    [Fact]
    public async Task SingleTenant_AsksTheAppsOwnTenant()
    {
        await using var services = Services(BotAppTypes.SingleTenant);

        await services.GetRequiredService<IConnectorClient>().SendToConversationAsync(_connector.ServiceUrl, "a:1-conv", OutgoingActivity.FromText("x"));

        Assert.Equal("/fe71a704-0ed8-44e8-a9d0-9a48917cced0/oauth2/v2.0/token", _issuer.LastTokenRequestPath);
    }

    [Fact]
    public async Task ManagedIdentity_GetsItsTokenFromTheInstanceMetadataService()
    {
        await using var services = Services(BotAppTypes.UserAssignedMsi);

        var result = await services.GetRequiredService<IConnectorClient>().SendToConversationAsync(_connector.ServiceUrl, "a:1-conv", OutgoingActivity.FromText("x"));

        Assert.True(result.Succeeded);
        Assert.StartsWith("Bearer ey", Assert.Single(_connector.Requests).Authorization, StringComparison.Ordinal);
        Assert.Equal("/metadata/identity/oauth2/token", _issuer.LastTokenRequestPath);
        Assert.Equal("https://api.botframework.com", _issuer.LastTokenRequest!["resource"]);
        Assert.Equal("4b7e2d1c-0a9f-4e3d-8c2b-1a0f9e8d7c6b", _issuer.LastTokenRequest["client_id"]);
    }

    [Fact]
    public async Task Token_IsRefreshedBeforeItExpires()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var services = Services(time: time);
        var tokens = services.GetRequiredService<IBotTokenProvider>();

        await tokens.GetTokenAsync(default);
        time.Advance(TimeSpan.FromMinutes(50));
        await tokens.GetTokenAsync(default);
        Assert.Equal(1, _issuer.TokenRequests);

        // The issuer's tokens live 3599 s; at 55+ minutes the provider fetches a fresh one (the one it has is
        // still valid and used meanwhile).
        time.Advance(TimeSpan.FromMinutes(5));
        var during = await tokens.GetTokenAsync(default);
        for (var i = 0; i < 500 && _issuer.TokenRequests < 2; i++)
        {
            await Task.Delay(20);
        }

        Assert.Equal(2, _issuer.TokenRequests);
        Assert.NotNull(during);
    }

    [Theory]
    [InlineData(IssuerFault.ServerError, "answered 500")]
    [InlineData(IssuerFault.Unavailable, "answered 503")]
    [InlineData(IssuerFault.Reset, "HttpRequestException")]
    [InlineData(IssuerFault.Junk, "not JSON (text/html)")]
    public async Task FailingTokenEndpoint_IsRetriedWithBackOff_LoggedByName_AndTheSendFailsWithoutAnException(IssuerFault fault, string logged)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var services = Services(time: time, tryDelay: "00:00:00");
        var client = services.GetRequiredService<IConnectorClient>();
        _issuer.TokenFault = fault;

        var result = await client.SendToConversationAsync(_connector.ServiceUrl, "a:1-conv", OutgoingActivity.FromText("x"));

        Assert.Equal((ConnectorOutcome.Failed, "TokenUnavailable"), (result.Outcome, result.ErrorCode));
        Assert.Empty(_connector.Requests);
        Assert.Equal(3, _issuer.TokenRequests);
        var endpoint = $"{_issuer.SecureLoginAuthority}/botframework.com/oauth2/v2.0/token";
        Assert.Equal(3, _logs.Lines.Count(l => l.Contains($"Outbound token request to {endpoint} failed", StringComparison.Ordinal) && l.Contains(logged, StringComparison.Ordinal)));
        Assert.DoesNotContain(_logs.Lines, l => l.Contains("client-secret-value", StringComparison.Ordinal));

        // Backing off: the next send does not ask the endpoint again.
        var again = await client.SendToConversationAsync(_connector.ServiceUrl, "a:1-conv", OutgoingActivity.FromText("y"));
        Assert.Equal(ConnectorOutcome.Failed, again.Outcome);
        Assert.Equal(3, _issuer.TokenRequests);

        // Once the back-off is over and the endpoint answers, sends carry a token again.
        _issuer.TokenFault = IssuerFault.None;
        time.Advance(TimeSpan.FromSeconds(3));
        var recovered = await client.SendToConversationAsync(_connector.ServiceUrl, "a:1-conv", OutgoingActivity.FromText("z"));
        Assert.True(recovered.Succeeded);
        Assert.StartsWith("Bearer ey", Assert.Single(_connector.Requests).Authorization, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public async Task FailingTokenEndpoint_IsTriedTheConfiguredNumberOfTimes_ThenLeftAloneForTheConfiguredDelay(int tries)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var services = Services(time: time, tryDelay: "00:00:00", more: new Dictionary<string, string?>
        {
            ["Bot:OutboundTokenTries"] = tries.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Bot:OutboundTokenRetryDelay"] = "00:00:10",
        });
        var tokens = services.GetRequiredService<IBotTokenProvider>();
        _issuer.TokenFault = IssuerFault.Unavailable;

        await Assert.ThrowsAsync<BotAuthenticationException>(async () => await tokens.GetTokenAsync(default));

        Assert.Equal(tries, _issuer.TokenRequests);
        Assert.Equal(tries, _logs.Lines.Count(l => l.Contains("answered 503", StringComparison.Ordinal) && l.Contains($"of {tries}", StringComparison.Ordinal)));

        // Within the configured delay the endpoint is not asked again; after it, one more fetch with as many tries.
        time.Advance(TimeSpan.FromSeconds(9));
        await Assert.ThrowsAsync<BotAuthenticationException>(async () => await tokens.GetTokenAsync(default));
        Assert.Equal(tries, _issuer.TokenRequests);
        time.Advance(TimeSpan.FromSeconds(2));
        await Assert.ThrowsAsync<BotAuthenticationException>(async () => await tokens.GetTokenAsync(default));
        Assert.Equal(2 * tries, _issuer.TokenRequests);
    }

    [Fact]
    public async Task TokenDueForRenewal_IsStillUsed_WhileTheEndpointFails_UntilItExpires()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var services = Services(time: time, tryDelay: "00:00:00");
        var tokens = services.GetRequiredService<IBotTokenProvider>();
        var first = await tokens.GetTokenAsync(default);

        _issuer.TokenFault = IssuerFault.Unavailable;
        time.Advance(TimeSpan.FromMinutes(56));
        Assert.Equal(first, await tokens.GetTokenAsync(default));

        time.Advance(TimeSpan.FromMinutes(4));
        await Assert.ThrowsAsync<BotAuthenticationException>(async () => await tokens.GetTokenAsync(default));
    }

    [Fact]
    public async Task ManagedIdentityFailure_IsLoggedWithoutTheQuery()
    {
        await using var services = Services(BotAppTypes.UserAssignedMsi, tryDelay: "00:00:00");
        _issuer.TokenFault = IssuerFault.ServerError;

        await Assert.ThrowsAsync<BotAuthenticationException>(async () => await services.GetRequiredService<IBotTokenProvider>().GetTokenAsync(default));

        Assert.Contains(_logs.Lines, l => l.Contains($"{_issuer.ManagedIdentityEndpoint} failed", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Lines, l => l.Contains("client_id", StringComparison.Ordinal) || l.Contains("api-version", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Send_ToAnUntrustedServiceUrl_IsRefused_AndNothingLeavesTheBot()
    {
        await using var services = Services(trustConnector: false);

        var result = await services.GetRequiredService<IConnectorClient>().SendToConversationAsync(_connector.ServiceUrl, "a:1-conv", OutgoingActivity.FromText("x"));

        Assert.Equal(ConnectorOutcome.Untrusted, result.Outcome);
        Assert.Empty(_connector.Requests);
        Assert.Equal(0, _issuer.TokenRequests);
    }

    [Fact]
    public async Task ServiceUrl_IsTrusted_OnceAnAuthenticatedActivityBroughtIt()
    {
        await using var services = Services(trustConnector: false);
        services.GetRequiredService<TrustedServiceUrls>().Trust(_connector.ServiceUrl);

        var result = await services.GetRequiredService<IConnectorClient>().SendToConversationAsync(_connector.ServiceUrl, "a:1-conv", OutgoingActivity.FromText("x"));

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void TrustedServiceUrls_MatchByPrefix_NotByLookalikeHost()
    {
        var trusted = new TrustedServiceUrls(Microsoft.Extensions.Options.Options.Create(new BotOptions { TrustedServiceUrls = ["https://smba.trafficmanager.net/amer/"] }));

        Assert.True(trusted.IsTrusted(new Uri("https://smba.trafficmanager.net/amer/v3/conversations/x/activities")));
        Assert.False(trusted.IsTrusted(new Uri("https://smba.trafficmanager.net.evil.example/amer/v3/conversations")));
        Assert.False(trusted.IsTrusted(new Uri("http://smba.trafficmanager.net/amer/v3/conversations")));
        Assert.False(trusted.IsTrusted(new Uri("https://smba.trafficmanager.net/emea/v3/conversations")));
    }

    [Fact]
    public void TrustedServiceUrls_KeepEveryUrlTrusted_AsNewOnesArrive()
    {
        var trusted = new TrustedServiceUrls(Microsoft.Extensions.Options.Options.Create(new BotOptions { TrustedServiceUrls = ["https://smba.trafficmanager.net/amer/"] }));

        trusted.Trust("https://smba.trafficmanager.net/emea/");
        trusted.Trust("https://smba.trafficmanager.net/emea/");
        trusted.Trust("HTTPS://SMBA.trafficmanager.net/apac");
        trusted.Trust("not a url");

        Assert.True(trusted.IsTrusted(new Uri("https://smba.trafficmanager.net/amer/v3/conversations/x/activities")));
        Assert.True(trusted.IsTrusted(new Uri("https://smba.trafficmanager.net/emea/v3/conversations/x/activities")));
        Assert.True(trusted.IsTrusted(new Uri("https://smba.trafficmanager.net/apac/v3/conversations/x/activities")));
        Assert.False(trusted.IsTrusted(new Uri("https://smba.trafficmanager.net/in/v3/conversations/x/activities")));
    }

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";
        public string ApplicationName { get; set; } = "Tests";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
