using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using DiligenceBot.BotFramework.Tests.Hosting;
using DiligenceBot.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace DiligenceBot.BotFramework.Tests.Authentication;

/// <summary>
/// The channel's key server misbehaving, served by the local OpenID issuer over real HTTPS on loopback, seen
/// through the real /api/messages endpoint: a malformed key is skipped and logged while the good keys keep
/// working; a hanging, failing, junk or oversized key server costs one fetch (never one per request), then a
/// back-off, while the last good keys are served until they are too old; rotation; https only. No activity ever
/// gets a 500 from key handling.
/// </summary>
public sealed class IssuerFaultTests : IAsyncLifetime
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/amer/";
    private LocalOpenIdIssuer _issuer = null!;
    private readonly List<ProtocolHost> _hosts = [];

    public async Task InitializeAsync() => _issuer = await LocalOpenIdIssuer.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        await _issuer.DisposeAsync();
    }

    private async Task<ProtocolHost> StartAsync(FakeTimeProvider? time = null, Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Bot:AppId"] = ProtocolHost.AppId,
            ["Bot:AppPassword"] = "secret",
            ["Bot:OpenIdMetadataUrl"] = _issuer.SecureMetadataUrl,
            ["Bot:LoginAuthority"] = _issuer.SecureLoginAuthority,
            ["Bot:SigningKeyMinRefreshInterval"] = "00:00:30",
            ["Bot:SigningKeyRetryDelay"] = "00:00:05",
            ["Bot:SigningKeyMaxRetryDelay"] = "00:01:00",
            // The outbound token's retries wait on the (fake) clock; without a wait a slow token answer on a
            // loaded machine cannot leave a request waiting for a clock nobody advances.
            ["Bot:OutboundTokenTryDelay"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        var host = await ProtocolHost.StartAsync(all, keyServer: _issuer, time: time);
        _hosts.Add(host);
        return host;
    }

    /// <summary>A valid token for the activity, its lifetime around <paramref name="time"/>'s now when given.</summary>
    private string Token(FakeTimeProvider? time = null, RSA? key = null, string? kid = null)
    {
        var shift = time is null ? TimeSpan.Zero : time.GetUtcNow() - DateTimeOffset.UtcNow;
        return _issuer.CreateToken(new TokenSpec
        {
            Audience = ProtocolHost.AppId, ServiceUrl = ServiceUrl, Key = key, KeyId = kid,
            NotBeforeOffset = shift - TimeSpan.FromMinutes(1), ExpiresOffset = shift + TimeSpan.FromMinutes(30),
        });
    }

    private static async Task<HttpStatusCode> PostAsync(ProtocolHost host, string token)
    {
        using var response = await host.PostAsync(ProtocolHost.Message(ServiceUrl), token);
        return response.StatusCode;
    }

    private static int LinesContaining(ProtocolHost host, string text) =>
        host.Logs.Lines.Count(l => l.Contains(text, StringComparison.Ordinal));

    // ---- malformed keys -------------------------------------------------------------------------------------

    public static TheoryData<string> MalformedKeys => new()
    {
        "modulus not base64url", "exponent not base64url", "kty EC", "no kty", "no modulus", "no exponent",
        "modulus of 512 bits", "even modulus", "x5c junk", "x5c of another key", "use enc", "n is a number",
    };

    [Theory]
    [MemberData(nameof(MalformedKeys))]
    public async Task MalformedKey_IsSkippedAndLogged_TheGoodKeysStillValidate_AndItsKidGets401(string malformation)
    {
        using var other = RSA.Create(2048);
        var entry = LocalOpenIdIssuer.KeyEntry(other, "key-bad", "msteams");
        switch (malformation)
        {
            case "modulus not base64url": entry["n"] = "!!not*base64url!!"; break;
            case "exponent not base64url": entry["e"] = "A Q A B"; break;
            case "kty EC": entry["kty"] = "EC"; entry["crv"] = "P-256"; break;
            case "no kty": entry.Remove("kty"); break;
            case "no modulus": entry.Remove("n"); break;
            case "no exponent": entry.Remove("e"); break;
            case "modulus of 512 bits": entry["n"] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(63).Append((byte)1).ToArray()); break;
            case "even modulus": entry["n"] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(255).Append((byte)2).ToArray()); break;
            case "x5c junk": entry["x5c"] = new JsonArray("this is not a certificate $$$"); break;
            case "x5c of another key": entry["x5c"] = new JsonArray(CertificateOf(_issuer.SigningKey)); break;
            case "use enc": entry["use"] = "enc"; break;
            case "n is a number": entry["n"] = 12345; break;
        }

        _issuer.AddRawKey(entry);
        var host = await StartAsync();

        var good = await PostAsync(host, Token());
        var bad = await PostAsync(host, Token(key: other, kid: "key-bad"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Unauthorized), (good, bad));
        Assert.Single(host.Handler.Turns);
        // Logged once per fetch of the key document (the bad kid itself asked for one more fetch), never per request.
        Assert.Equal(_issuer.KeyRequests, LinesContaining(host, "Channel signing key key-bad skipped"));
        Assert.DoesNotContain(host.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task KeyEntries_ThatAreNotObjects_OrHaveNoKid_AreSkipped()
    {
        _issuer.AddRawKey(JsonValue.Create(42));
        _issuer.AddRawKey(new JsonObject { ["kty"] = "RSA", ["n"] = "AQAB", ["e"] = "AQAB" });
        var host = await StartAsync();

        Assert.Equal(HttpStatusCode.OK, await PostAsync(host, Token()));
        Assert.Equal(2, LinesContaining(host, "skipped"));
    }

    [Fact]
    public async Task TwoDifferentKeysUnderOneKid_AreBothRefused_TheOtherKeysStillValidate()
    {
        using var first = RSA.Create(2048);
        using var second = RSA.Create(2048);
        _issuer.AddRawKey(LocalOpenIdIssuer.KeyEntry(first, "key-twice", "msteams"));
        _issuer.AddRawKey(LocalOpenIdIssuer.KeyEntry(second, "key-twice", "msteams"));
        // The same key listed twice is harmless.
        using var same = RSA.Create(2048);
        _issuer.AddRawKey(LocalOpenIdIssuer.KeyEntry(same, "key-listed-twice", "msteams"));
        _issuer.AddRawKey(LocalOpenIdIssuer.KeyEntry(same, "key-listed-twice", "msteams"));
        var host = await StartAsync();

        Assert.Equal(HttpStatusCode.OK, await PostAsync(host, Token()));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(host, Token(key: first, kid: "key-twice")));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(host, Token(key: second, kid: "key-twice")));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(host, Token(key: same, kid: "key-listed-twice")));
        Assert.Contains(host.Logs.Lines, l => l.Contains("key-twice skipped: several different keys", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AKeyDocumentWithNoUsableKey_IsAFailedFetch_AndTheKeysFetchedBeforeStay()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var host = await StartAsync(time);
        Assert.Equal(HttpStatusCode.OK, await PostAsync(host, Token(time)));

        var (key, kid) = (_issuer.SigningKey, _issuer.SigningKeyId);
        _issuer.RetireKey(kid);
        _issuer.AddRawKey(new JsonObject { ["kty"] = "RSA", ["kid"] = "key-broken", ["n"] = "%%%", ["e"] = "AQAB" });
        time.Advance(TimeSpan.FromHours(25));

        // Stale keys are served while the refresh runs; the refresh finds no usable key and keeps them.
        Assert.Equal(HttpStatusCode.OK, await PostAsync(host, Token(time, key, kid)));
        await WaitForAsync(() => LinesContaining(host, "has no usable key") == 1);
        Assert.Equal(HttpStatusCode.OK, await PostAsync(host, Token(time, key, kid)));
    }

    // ---- a key server that hangs, fails, answers junk or too much ----------------------------------------

    [Fact]
    public async Task HangingKeyServer_AtStart_ConcurrentActivities_ShareOneFetch_AndGet401_ThenFast401sWhileBackingOff()
    {
        _issuer.MetadataFault = IssuerFault.Hang;
        var host = await StartAsync(settings: new() { ["Bot:SigningKeyFetchTimeout"] = "00:00:02", ["Bot:SigningKeyRetryDelay"] = "00:05:00", ["Bot:SigningKeyMaxRetryDelay"] = "00:05:00" });

        var answers = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => PostAsync(host, Token())));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a));
        Assert.Equal(1, _issuer.MetadataRequests);
        Assert.Contains(host.Logs.Lines, l => l.Contains("no answer within 00:00:02", StringComparison.Ordinal) && l.Contains(_issuer.SecureMetadataUrl, StringComparison.Ordinal));

        // Backing off: more activities are refused without asking the key server again.
        var later = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostAsync(host, Token())));
        Assert.All(later, a => Assert.Equal(HttpStatusCode.Unauthorized, a));
        Assert.Equal(1, _issuer.MetadataRequests);
        Assert.Empty(host.Handler.Turns);
    }

    [Fact]
    public async Task HangingKeyServer_WithKeysAlreadyKnown_ActivitiesAreAnsweredFromThem_WhileOneRefreshHangs()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var host = await StartAsync(time);
        Assert.Equal(HttpStatusCode.OK, await PostAsync(host, Token(time)));

        _issuer.MetadataFault = IssuerFault.Hang;
        time.Advance(TimeSpan.FromHours(25));
        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => PostAsync(host, Token(time))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a));
        await WaitForAsync(() => _issuer.MetadataRequests == 2);

        // An unknown key id waits for the refresh in flight (not a new one); it times out, and the answer is 401.
        using var unknown = RSA.Create(2048);
        var waiting = PostAsync(host, Token(time, unknown, "key-unknown"));
        await Task.Delay(100);
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.Unauthorized, await waiting);
        Assert.Equal(2, _issuer.MetadataRequests);
        Assert.Equal(HttpStatusCode.OK, await PostAsync(host, Token(time)));
    }

    [Theory]
    [InlineData(IssuerFault.Unavailable, false, "answered 503")]
    [InlineData(IssuerFault.Junk, false, "is not JSON")]
    [InlineData(IssuerFault.Oversized, false, "is larger than 262144 bytes")]
    [InlineData(IssuerFault.Unavailable, true, "answered 503")]
    [InlineData(IssuerFault.Junk, true, "is not JSON")]
    [InlineData(IssuerFault.Oversized, true, "is larger than 262144 bytes")]
    public async Task FailingKeyServer_AtStart_Gets401AndIsLogged_BacksOffGrowing_AndRecovers(IssuerFault fault, bool keyDocument, string logged)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        SetFault(fault, keyDocument);
        var host = await StartAsync(time);
        int Fetches() => keyDocument ? _issuer.KeyRequests : _issuer.MetadataRequests;

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(host, Token(time)));
        Assert.Equal(1, Fetches());
        Assert.Contains(host.Logs.Lines, l => l.Contains(logged, StringComparison.Ordinal) && l.Contains("Next attempt in 00:00:05", StringComparison.Ordinal));

        // Back-off: 5 s, then 10 s; requests in between do not fetch.
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(host, Token(time)));
        Assert.Equal(1, Fetches());
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(host, Token(time)));
        Assert.Equal(2, Fetches());
        Assert.Contains(host.Logs.Lines, l => l.Contains("Next attempt in 00:00:10", StringComparison.Ordinal));
        time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(host, Token(time)));
        Assert.Equal(2, Fetches());

        SetFault(IssuerFault.None, keyDocument);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(host, Token(time)));
        Assert.Equal(3, Fetches());
        Assert.Single(host.Handler.Turns);
    }

    [Theory]
    [InlineData(IssuerFault.Unavailable)]
    [InlineData(IssuerFault.Junk)]
    [InlineData(IssuerFault.Oversized)]
    public async Task FailingKeyServer_LaterOn_KeysAlreadyKnownAreServed_UntilTheyAreTooOld(IssuerFault fault)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var host = await StartAsync(time, new() { ["Bot:SigningKeyMaxAge"] = "2.00:00:00" });
        Assert.Equal(HttpStatusCode.OK, await PostAsync(host, Token(time)));

        SetFault(fault, keyDocument: true);
        time.Advance(TimeSpan.FromHours(25));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(host, Token(time)));
        await WaitForAsync(() => LinesContaining(host, "could not be fetched") == 1);
        Assert.Equal(HttpStatusCode.OK, await PostAsync(host, Token(time)));

        // Two days after the last good fetch the keys are no longer served.
        time.Advance(TimeSpan.FromHours(24));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(host, Token(time)));
        Assert.Equal(3, host.Handler.Turns.Count);
    }

    // ---- rotation -----------------------------------------------------------------------------------------

    [Fact]
    public async Task Rotation_AnUnknownKid_RefreshesAtMostOncePerMinInterval_TheNewKeyValidates_TheRetiredOneStops()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var host = await StartAsync(time);
        var oldToken = Token(time);
        Assert.Equal(HttpStatusCode.OK, await PostAsync(host, oldToken));
        time.Advance(TimeSpan.FromMinutes(1));

        // The key server publishes the next key and retires the old one.
        var (next, nextKid) = _issuer.PublishKey("key-next", ["msteams"]);
        var (retiredKey, retiredKid) = (_issuer.SigningKey, _issuer.SigningKeyId);
        _issuer.RetireKey(retiredKid);

        Assert.Equal(HttpStatusCode.OK, await PostAsync(host, Token(time, next, nextKid)));
        Assert.Equal(2, _issuer.MetadataRequests);

        // Tokens with made-up kids inside the min interval do not reach the key server.
        using var madeUp = RSA.Create(2048);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(host, Token(time, madeUp, $"made-up-{i}")));
        }

        Assert.Equal(2, _issuer.MetadataRequests);

        // The retired key, remembered token or fresh token, no longer validates.
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(host, oldToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(host, Token(time, retiredKey, retiredKid)));
        time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(host, Token(time, madeUp, "made-up-again")));
        Assert.Equal(3, _issuer.MetadataRequests);
        Assert.Equal(2, host.Handler.Turns.Count);
    }

    // ---- https only outside Development ---------------------------------------------------------------------

    [Fact]
    public async Task MetadataOverHttp_OutsideDevelopment_StopsStartUp()
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(settings: new() { ["Bot:OpenIdMetadataUrl"] = _issuer.MetadataUrl }));

        Assert.Contains("Bot:OpenIdMetadataUrl must be an https URL", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JwksUriOverHttp_InTheMetadata_OutsideDevelopment_IsNotFetched_AndActivitiesGet401()
    {
        _issuer.JwksUriOverride = $"{_issuer.BaseUrl}/v1/.well-known/keys";
        var host = await StartAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(host, Token()));
        Assert.Equal(0, _issuer.KeyRequests);
        Assert.Contains(host.Logs.Lines, l => l.Contains("jwks_uri", StringComparison.Ordinal) && l.Contains("is not https", StringComparison.Ordinal));
    }

    [Fact]
    public async Task KeyServerOverHttp_InDevelopment_IsAccepted()
    {
        var development = await ProtocolHost.StartAsync(new Dictionary<string, string?>
        {
            ["Bot:AppId"] = ProtocolHost.AppId,
            ["Bot:AppPassword"] = "secret",
            ["Bot:OpenIdMetadataUrl"] = _issuer.MetadataUrl,
            ["Bot:LoginAuthority"] = _issuer.LoginAuthority,
        }, environment: "Development");
        _hosts.Add(development);

        Assert.Equal(HttpStatusCode.OK, await PostAsync(development, Token()));
    }

    private void SetFault(IssuerFault fault, bool keyDocument)
    {
        if (keyDocument)
        {
            _issuer.KeysFault = fault;
        }
        else
        {
            _issuer.MetadataFault = fault;
        }
    }

    private static string CertificateOf(RSA rsa)
    {
        var request = new CertificateRequest("CN=another key", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return Convert.ToBase64String(certificate.RawData);
    }

    /// <summary>Waits for something a background refresh does (bounded; the condition is what is asserted).</summary>
    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(20);
        }

        Assert.True(condition());
    }
}
