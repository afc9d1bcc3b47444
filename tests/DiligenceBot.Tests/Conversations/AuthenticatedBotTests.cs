using System.Net;
using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.Testing;

namespace DiligenceBot.Tests.Conversations;

/// <summary>
/// The bot with an app id: channel tokens from the local issuer are required, and the reply goes back with the
/// bot's own token to the serviceUrl the authenticated activity brought (nowhere else).
/// </summary>
public sealed class AuthenticatedBotTests : IAsyncLifetime
{
    private LocalOpenIdIssuer _issuer = null!;
    private LocalConnector _connector = null!;
    private BotApp _bot = null!;

    public async Task InitializeAsync()
    {
        _issuer = await LocalOpenIdIssuer.StartAsync();
        _connector = await LocalConnector.StartAsync();
        _bot = new BotApp(_issuer).Start();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task SignedHelp_IsAnswered_WithTheBotsTokenOnTheReply()
    {
        var token = _issuer.CreateToken(new TokenSpec { Audience = BotApp.AppId, ServiceUrl = _connector.ServiceUrl });

        using var response = await _bot.PostActivityAsync(Activities.Message(_connector.ServiceUrl, TeamsUser.WangLei, "help"), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(_connector.SentActivities);
        Assert.StartsWith("Bearer ", reply.Authorization, StringComparison.Ordinal);
        Assert.NotEqual("Bearer " + token, reply.Authorization);
        Assert.Equal(1, _issuer.TokenRequests);
    }

    [Fact]
    public async Task UnsignedActivity_Gets401_AndNothingIsSentOrStored()
    {
        using var response = await _bot.PostActivityAsync(Activities.InstallationAdd(_connector.ServiceUrl, TeamsUser.WangLei));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_connector.Requests);
        await using var db = _bot.CreateDbContext();
        Assert.Empty(db.ConversationRecords);
    }

    [Fact]
    public async Task TokenForAnotherServiceUrl_Gets401_SoNoTokenGoesToTheAttackersUrl()
    {
        // A valid token for Teams' URL replayed with an activity pointing at another server.
        var token = _issuer.CreateToken(new TokenSpec { Audience = BotApp.AppId, ServiceUrl = "https://smba.trafficmanager.net/amer/" });

        using var response = await _bot.PostActivityAsync(Activities.Message(_connector.ServiceUrl, TeamsUser.WangLei, "help"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_connector.Requests);
        Assert.Equal(0, _issuer.TokenRequests);
    }
}
