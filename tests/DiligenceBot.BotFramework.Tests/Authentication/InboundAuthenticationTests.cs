using System.Net;
using DiligenceBot.BotFramework.Tests.Hosting;
using DiligenceBot.Testing;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace DiligenceBot.BotFramework.Tests.Authentication;

/// <summary>
/// Inbound JWT validation over real HTTP against a local OpenID issuer with its own RSA keys: a valid channel
/// token is accepted; every way a token can be wrong gets 401 and the application never sees the activity.
/// </summary>
public sealed class InboundAuthenticationTests : IAsyncLifetime
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/amer/";
    private LocalOpenIdIssuer _issuer = null!;
    private ProtocolHost _host = null!;

    public async Task InitializeAsync()
    {
        _issuer = await LocalOpenIdIssuer.StartAsync();
        _host = await StartHostAsync();
    }

    /// <summary>
    /// The bot against the local issuer. With <paramref name="time"/> (a clock nobody advances) no key fetch can time
    /// out, however slow a loaded machine makes it: a test whose point is what a completed refresh changes must not
    /// depend on the refresh finishing within Bot:SigningKeyFetchTimeout, because a timed-out refresh rightly keeps
    /// serving the last good keys.
    /// </summary>
    private Task<ProtocolHost> StartHostAsync(TimeProvider? time = null) => ProtocolHost.StartAsync(new Dictionary<string, string?>
    {
        ["Bot:AppId"] = ProtocolHost.AppId,
        ["Bot:AppPassword"] = "secret",
        ["Bot:OpenIdMetadataUrl"] = _issuer.SecureMetadataUrl,
        ["Bot:LoginAuthority"] = _issuer.SecureLoginAuthority,
        ["Bot:SigningKeyMinRefreshInterval"] = "00:00:00",
        // On the frozen clock a wait between token tries would never end.
        ["Bot:OutboundTokenTryDelay"] = "00:00:00",
    }, keyServer: _issuer, time: time);

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    private static TokenSpec Valid() =>
        new() { Audience = ProtocolHost.AppId, ServiceUrl = ServiceUrl };

    [Fact]
    public async Task ValidToken_IsAccepted_AndTheHandlerRuns()
    {
        var token = _issuer.CreateToken(Valid());

        using var response = await _host.PostAsync(ProtocolHost.Message(ServiceUrl), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var turn = Assert.Single(_host.Handler.Turns);
        Assert.Equal("help", turn.Text);
    }

    [Theory]
    [InlineData("RS384")]
    [InlineData("RS512")]
    public async Task ValidToken_WithOtherRsaAlgorithms_IsAccepted(string algorithm)
    {
        var token = _issuer.CreateToken(new TokenSpec { Audience = ProtocolHost.AppId, ServiceUrl = ServiceUrl, Algorithm = algorithm });

        using var response = await _host.PostAsync(ProtocolHost.Message(ServiceUrl), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_host.Handler.Turns);
    }

    [Fact]
    public async Task TokenExpiredWithinClockSkew_IsAccepted()
    {
        var token = _issuer.CreateToken(new TokenSpec
        {
            Audience = ProtocolHost.AppId, ServiceUrl = ServiceUrl,
            NotBeforeOffset = TimeSpan.FromMinutes(-60), ExpiresOffset = TimeSpan.FromMinutes(-3),
        });

        using var response = await _host.PostAsync(ProtocolHost.Message(ServiceUrl), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static TheoryData<string> RejectedCases => new()
    {
        "expired", "not yet valid", "wrong audience", "wrong issuer", "alg none", "HMAC signed with the public key",
        "unknown key id", "key not endorsed for msteams", "serviceurl claim differs", "missing header", "not a bearer token",
        "garbage token", "signed by another key under a published key id",
    };

    [Theory]
    [MemberData(nameof(RejectedCases))]
    public async Task BadToken_Gets401_AndNoHandlerRuns(string bad)
    {
        var token = bad switch
        {
            "expired" => _issuer.CreateToken(new TokenSpec { Audience = ProtocolHost.AppId, ServiceUrl = ServiceUrl, NotBeforeOffset = TimeSpan.FromHours(-2), ExpiresOffset = TimeSpan.FromMinutes(-6) }),
            "not yet valid" => _issuer.CreateToken(new TokenSpec { Audience = ProtocolHost.AppId, ServiceUrl = ServiceUrl, NotBeforeOffset = TimeSpan.FromMinutes(6), ExpiresOffset = TimeSpan.FromMinutes(60) }),
            "wrong audience" => _issuer.CreateToken(new TokenSpec { Audience = "11111111-2222-3333-4444-555555555555", ServiceUrl = ServiceUrl }),
            "wrong issuer" => _issuer.CreateToken(new TokenSpec { Audience = ProtocolHost.AppId, ServiceUrl = ServiceUrl, Issuer = "https://sts.windows.net/evil/" }),
            "alg none" => _issuer.CreateUnsignedToken(ProtocolHost.AppId, ServiceUrl),
            "HMAC signed with the public key" => _issuer.CreateHmacTokenWithPublicKey(ProtocolHost.AppId, ServiceUrl),
            "unknown key id" => UnpublishedKeyToken("kid-nobody-published"),
            "key not endorsed for msteams" => WebchatOnlyKeyToken(),
            "serviceurl claim differs" => _issuer.CreateToken(new TokenSpec { Audience = ProtocolHost.AppId, ServiceUrl = "https://evil.example.com/" }),
            "missing header" or "not a bearer token" => null,
            "garbage token" => "not.a.jwt",
            "signed by another key under a published key id" => UnpublishedKeyToken(_issuer.SigningKeyId),
            _ => throw new ArgumentOutOfRangeException(nameof(bad)),
        };

        using var response = bad == "not a bearer token"
            ? await PostWithSchemeAsync("Basic", _issuer.CreateToken(Valid()))
            : await _host.PostAsync(ProtocolHost.Message(ServiceUrl), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_host.Handler.Turns);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.Contains(_host.Logs.Lines, l => l.Contains("1700000000000", StringComparison.Ordinal) && l.Contains("authentication", StringComparison.Ordinal));
    }

    [Fact]
    public async Task KeyRotation_UnknownKeyIdTriggersRefresh_AndTheNewKeyIsAccepted()
    {
        await using var host = await StartHostAsync(new FakeTimeProvider(DateTimeOffset.UtcNow));
        using (var first = await host.PostAsync(ProtocolHost.Message(ServiceUrl), _issuer.CreateToken(Valid())))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var (rsa, kid) = _issuer.PublishKey("key-rotated", ["msteams"]);
        var token = _issuer.CreateToken(new TokenSpec { Audience = ProtocolHost.AppId, ServiceUrl = ServiceUrl, Key = rsa, KeyId = kid });
        var fetchesBefore = _issuer.MetadataRequests;

        using var response = await host.PostAsync(ProtocolHost.Message(ServiceUrl), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(fetchesBefore + 1, _issuer.MetadataRequests);
        Assert.Equal(2, host.Handler.Turns.Count);
    }

    [Fact]
    public async Task SigningKeys_AreCached_AcrossRequests()
    {
        for (var i = 0; i < 3; i++)
        {
            using var response = await _host.PostAsync(ProtocolHost.Message(ServiceUrl), _issuer.CreateToken(Valid()));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(1, _issuer.MetadataRequests);
    }

    [Fact]
    public async Task EndorsedChannel_MustMatchTheActivitysChannel()
    {
        // The default key is endorsed for msteams and emulator, not for webchat.
        var token = _issuer.CreateToken(Valid());

        using var response = await _host.PostAsync(ProtocolHost.Message(ServiceUrl, channelId: "webchat"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_host.Handler.Turns);
    }

    [Fact]
    public async Task ATokenAcceptedBefore_IsStillCheckedAgainstEachActivity_AndRefusedOnceItsKeyIsRetired()
    {
        // It failed once under CPU load. Its one step that depends on time is the refresh after the retirement, which
        // had to finish within Bot:SigningKeyFetchTimeout (10 s of the real clock): when it does not, the cache, as
        // designed, goes on serving the last good keys, the retired one among them, and the retired token passes. On a
        // clock that stands still no fetch times out, so the refusal below is decided by the refresh alone (and the
        // refresh is checked to have happened and succeeded, so a failure says which it was).
        await using var host = await StartHostAsync(new FakeTimeProvider(DateTimeOffset.UtcNow));
        var (rsa, kid) = _issuer.PublishKey("key-to-retire", ["msteams"]);
        var token = _issuer.CreateToken(new TokenSpec { Audience = ProtocolHost.AppId, ServiceUrl = ServiceUrl, Key = rsa, KeyId = kid });
        using (var first = await host.PostAsync(ProtocolHost.Message(ServiceUrl), token))
        using (var again = await host.PostAsync(ProtocolHost.Message(ServiceUrl), token))
        {
            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        }

        // The same token on an activity from another service URL, or from a channel its key is not endorsed for.
        using (var otherService = await host.PostAsync(ProtocolHost.Message("https://evil.example/"), token))
        using (var otherChannel = await host.PostAsync(ProtocolHost.Message(ServiceUrl, channelId: "webchat"), token))
        {
            Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (otherService.StatusCode, otherChannel.StatusCode));
        }

        // The key leaves the metadata; a token with an unknown key id makes the bot refresh its keys.
        _issuer.RetireKey(kid);
        var keyDocumentsBefore = _issuer.KeyRequests;
        using (var unknown = await host.PostAsync(ProtocolHost.Message(ServiceUrl), UnpublishedKeyToken("key-never-published")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        }

        Assert.Equal(keyDocumentsBefore + 1, _issuer.KeyRequests);
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains("could not be fetched", StringComparison.Ordinal));

        using var retired = await host.PostAsync(ProtocolHost.Message(ServiceUrl), token);

        Assert.Equal(HttpStatusCode.Unauthorized, retired.StatusCode);
        Assert.Equal(2, host.Handler.Turns.Count);
    }

    private string UnpublishedKeyToken(string kid)
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        return _issuer.CreateToken(new TokenSpec { Audience = ProtocolHost.AppId, ServiceUrl = ServiceUrl, Key = rsa, KeyId = kid });
    }

    private string WebchatOnlyKeyToken()
    {
        var (rsa, kid) = _issuer.PublishKey("key-webchat-only", ["webchat"]);
        return _issuer.CreateToken(new TokenSpec { Audience = ProtocolHost.AppId, ServiceUrl = ServiceUrl, Key = rsa, KeyId = kid, Algorithm = SecurityAlgorithms.RsaSha256 });
    }

    private async Task<HttpResponseMessage> PostWithSchemeAsync(string scheme, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(ProtocolHost.Message(ServiceUrl).ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", $"{scheme} {token}");
        return await _host.Http.SendAsync(request);
    }
}
