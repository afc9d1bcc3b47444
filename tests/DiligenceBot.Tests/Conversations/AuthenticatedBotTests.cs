using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.Testing;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Tests.Conversations;

/// <summary>
/// The bot with an app id: channel tokens from the local issuer are required, and the reply goes back with the
/// bot's own token to the serviceUrl the authenticated activity brought (nowhere else). The issuer's key server
/// and token endpoint misbehave in some tests: the whole app answers 401 or 503, never 500, and stores nothing
/// for an activity it refused.
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
        // The token the issuer's token endpoint gave the bot (its outbound key, Bot Connector's audience). How often the
        // endpoint was asked is OutboundTokenTests' business: under heavy load a fetch may time out and be tried again.
        var (header, payload) = Jwt(reply.Authorization!["Bearer ".Length..]);
        Assert.Equal(("outbound", "https://api.botframework.com"), (header["kid"]?.GetValue<string>(), payload["aud"]?.GetValue<string>()));
        Assert.InRange(_issuer.TokenRequests, 1, int.MaxValue);
    }

    private static (JsonNode Header, JsonNode Payload) Jwt(string jwt)
    {
        static JsonNode Part(string part) =>
            JsonNode.Parse(Convert.FromBase64String(part.Replace('-', '+').Replace('_', '/').PadRight((part.Length + 3) / 4 * 4, '=')))!;
        var parts = jwt.Split('.');
        return (Part(parts[0]), Part(parts[1]));
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

    private string Token(RSA? key = null, string? kid = null) =>
        _issuer.CreateToken(new TokenSpec { Audience = BotApp.AppId, ServiceUrl = _connector.ServiceUrl, Key = key, KeyId = kid });

    private async Task<int> StoredReferencesAsync()
    {
        await using var db = _bot.CreateDbContext();
        return await db.ConversationRecords.CountAsync();
    }

    [Fact]
    public async Task MalformedKeyInTheKeyDocument_TheGoodKeyStillSignsIn_AndTheBadKeysKidGets401()
    {
        using var other = RSA.Create(2048);
        var bad = LocalOpenIdIssuer.KeyEntry(other, "key-malformed", "msteams");
        bad["n"] = "not~base64url";
        _issuer.AddRawKey(bad);

        using var refused = await _bot.PostActivityAsync(Activities.InstallationAdd(_connector.ServiceUrl, TeamsUser.WangLei), Token(other, "key-malformed"));
        using var accepted = await _bot.PostActivityAsync(Activities.InstallationAdd(_connector.ServiceUrl, TeamsUser.WangLei), Token());

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.OK), (refused.StatusCode, accepted.StatusCode));
        Assert.Equal(1, await StoredReferencesAsync());
    }

    [Theory]
    [InlineData(IssuerFault.Unavailable)]
    [InlineData(IssuerFault.Junk)]
    [InlineData(IssuerFault.Oversized)]
    public async Task FailingKeyServer_ConcurrentActivitiesGet401_FromOneFetch_AndNothingIsStored(IssuerFault fault)
    {
        _issuer.KeysFault = fault;

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
        {
            using var response = await _bot.PostActivityAsync(Activities.InstallationAdd(_connector.ServiceUrl, TeamsUser.WangLei), Token());
            return response.StatusCode;
        }));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a));
        Assert.Equal(1, _issuer.KeyRequests);
        Assert.Equal(0, await StoredReferencesAsync());
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task HangingKeyServer_ConcurrentActivitiesShareOneFetch_AndGet401()
    {
        _issuer.MetadataFault = IssuerFault.Hang;
        await using var bot = new BotApp(_issuer, new Dictionary<string, string?> { ["Bot:SigningKeyFetchTimeout"] = "00:00:01" }).Start();

        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
        {
            using var response = await bot.PostActivityAsync(Activities.Message(_connector.ServiceUrl, TeamsUser.WangLei, "help"), Token());
            return response.StatusCode;
        }));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a));
        Assert.Equal(1, _issuer.MetadataRequests);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task KeyRotation_TheNewKeyIsAccepted_TheRetiredOneIsRefused()
    {
        var (retired, retiredKid) = (_issuer.SigningKey, _issuer.SigningKeyId);
        using (var before = await _bot.PostActivityAsync(Activities.Message(_connector.ServiceUrl, TeamsUser.WangLei, "help"), Token()))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var (next, nextKid) = _issuer.PublishKey("key-next", ["msteams"]);
        _issuer.RetireKey(retiredKid);

        using var withNext = await _bot.PostActivityAsync(Activities.Message(_connector.ServiceUrl, TeamsUser.WangLei, "help"), Token(next, nextKid));
        using var withRetired = await _bot.PostActivityAsync(Activities.Message(_connector.ServiceUrl, TeamsUser.WangLei, "help"), Token(retired, retiredKid));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Unauthorized), (withNext.StatusCode, withRetired.StatusCode));
        Assert.Equal(2, _connector.SentActivities.Count);
    }

    [Theory]
    [InlineData(IssuerFault.ServerError)]
    [InlineData(IssuerFault.Reset)]
    [InlineData(IssuerFault.Junk)]
    public async Task TokenEndpointFailing_AMessageGets503BeforeAnythingIsDone_AnInstallIsStoredAndAnswered200(IssuerFault fault)
    {
        _issuer.TokenFault = fault;

        using var message = await _bot.PostActivityAsync(Activities.Message(_connector.ServiceUrl, TeamsUser.WangLei, "log"), Token());
        using var install = await _bot.PostActivityAsync(Activities.InstallationAdd(_connector.ServiceUrl, TeamsUser.WangLei), Token());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, message.StatusCode);
        Assert.NotNull(message.Headers.RetryAfter);
        // The install is recorded (Teams would not send it again); its welcome could not be sent, and that is no 500.
        Assert.Equal(HttpStatusCode.OK, install.StatusCode);
        Assert.Equal(1, await StoredReferencesAsync());
        Assert.Empty(_connector.Requests);
        await using var db = _bot.CreateDbContext();
        Assert.Empty(db.WorkLogs);
    }

    [Fact]
    public async Task TenantIdsThatDisagree_Get400_AndNothingIsStored()
    {
        var activity = Activities.InstallationAdd(_connector.ServiceUrl, TeamsUser.WangLei);
        activity["conversation"]!["tenantId"] = "0d4c7a7e-2a5b-4b7e-9f0e-6f3f3c1d2b10";

        using var response = await _bot.PostActivityAsync(activity, Token());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await StoredReferencesAsync());
    }
}
