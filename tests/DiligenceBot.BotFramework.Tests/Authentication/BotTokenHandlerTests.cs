using DiligenceBot.BotFramework.Authentication;
using DiligenceBot.Testing;
using Microsoft.Extensions.Options;
using NSubstitute;

namespace DiligenceBot.BotFramework.Tests.Authentication;

/// <summary>
/// The connector's HTTP pipeline step that attaches the bot's token: the token source is substituted, so each test
/// can tell whether a token was asked for at all; the requests go over real HTTP to the local connector.
/// </summary>
public sealed class BotTokenHandlerTests : IAsyncLifetime
{
    private LocalConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await LocalConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    private HttpClient Client(IBotTokenProvider tokens, string? appId, params string[] trusted)
    {
        var options = Options.Create(new BotOptions { AppId = appId, TrustedServiceUrls = [.. trusted] });
        return new HttpClient(new BotTokenHandler(tokens, new TrustedServiceUrls(options), options) { InnerHandler = new HttpClientHandler() });
    }

    [Fact]
    public async Task ATrustedServiceUrl_GetsTheProvidersToken()
    {
        var tokens = Substitute.For<IBotTokenProvider>();
        tokens.GetTokenAsync(Arg.Any<CancellationToken>()).Returns("token-from-the-provider");
        using var http = Client(tokens, "4b7e2d1c-0a9f-4e3d-8c2b-1a0f9e8d7c6b", _connector.ServiceUrl);

        using var response = await http.GetAsync(new Uri(new Uri(_connector.ServiceUrl), "v3/conversations/a/pagedmembers"));

        await tokens.Received(1).GetTokenAsync(Arg.Any<CancellationToken>());
        Assert.Equal("Bearer token-from-the-provider", Assert.Single(_connector.Requests).Authorization);
    }

    [Fact]
    public async Task AnUntrustedServiceUrl_IsRefused_BeforeAnyTokenIsAskedFor()
    {
        var tokens = Substitute.For<IBotTokenProvider>();
        using var http = Client(tokens, "4b7e2d1c-0a9f-4e3d-8c2b-1a0f9e8d7c6b", "https://smba.trafficmanager.net/");

        await Assert.ThrowsAsync<UntrustedServiceUrlException>(() => http.GetAsync(new Uri(new Uri(_connector.ServiceUrl), "v3/conversations/a/pagedmembers")));

        await tokens.DidNotReceive().GetTokenAsync(Arg.Any<CancellationToken>());
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task InLocalDevelopmentMode_NoTokenIsAskedFor_NorSent()
    {
        var tokens = Substitute.For<IBotTokenProvider>();
        using var http = Client(tokens, appId: null);

        using var response = await http.GetAsync(new Uri(new Uri(_connector.ServiceUrl), "v3/conversations/a/pagedmembers"));

        await tokens.DidNotReceive().GetTokenAsync(Arg.Any<CancellationToken>());
        Assert.Null(Assert.Single(_connector.Requests).Authorization);
    }
}
