using System.Net;
using System.Net.Security;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DiligenceBot.Testing;

/// <summary>How the local issuer misbehaves: its metadata document, its key document or its token endpoint.</summary>
public enum IssuerFault
{
    /// <summary>Answers correctly.</summary>
    None,
    /// <summary>Accepts the request and never answers (until the client gives up or the issuer stops).</summary>
    Hang,
    /// <summary>503 Service Unavailable.</summary>
    Unavailable,
    /// <summary>200 with an HTML error page instead of JSON.</summary>
    Junk,
    /// <summary>200 with a valid document of more than 1 MiB, streamed without a Content-Length.</summary>
    Oversized,
    /// <summary>The connection is reset without an answer.</summary>
    Reset,
    /// <summary>500 Internal Server Error.</summary>
    ServerError,
}

/// <summary>
/// A local stand-in for the Bot Connector's identity service, over real HTTP and HTTPS on loopback: an OpenID
/// metadata document, a JWKS whose keys carry <c>endorsements</c>, and a client-credentials token endpoint. It
/// mints channel tokens signed with its own RSA keys, correct or deliberately wrong, and its key server can
/// misbehave on demand (<see cref="MetadataFault"/>, <see cref="KeysFault"/>, <see cref="AddRawKey"/>).
/// HTTPS uses a self-signed certificate made at start; a client trusts exactly that certificate through
/// <see cref="CreateTrustingHandler"/>.
/// </summary>
public sealed class LocalOpenIdIssuer : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";

    /// <summary>
    /// The timeout tests give the bot's token client instead of the product's 15 s: on a loaded test machine (a build
    /// and two suites on two cores) this issuer's answer can take longer, and a fetch that timed out is rightly tried
    /// again — two token requests where the test counts one. What the tests assert is how often the bot asks, not how
    /// fast the machine answers; the product's timeout and retries have their own tests with a failing endpoint.
    /// </summary>
    public static readonly TimeSpan PatientTimeout = TimeSpan.FromMinutes(2);

    private readonly WebApplication _app;
    private readonly X509Certificate2 _certificate;
    private readonly List<(RSA Rsa, string Kid, string[] Endorsements)> _published = [];
    private readonly List<JsonNode> _rawKeys = [];
    // Signs the tokens the bot gets for itself, so that they do not depend on which channel keys are published.
    private readonly RSA _outboundKey = RSA.Create(2048);
    private readonly object _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private int _metadataRequests;
    private int _keyRequests;
    private int _tokenRequests;

    private LocalOpenIdIssuer(WebApplication app, X509Certificate2 certificate)
    {
        _app = app;
        _certificate = certificate;
    }

    public string BaseUrl { get; private set; } = string.Empty;
    public string MetadataUrl => $"{BaseUrl}/v1/.well-known/openidconfiguration";

    /// <summary>The same issuer over HTTPS (self-signed; see <see cref="CreateTrustingHandler"/>).</summary>
    public string SecureBaseUrl { get; private set; } = string.Empty;
    public string SecureMetadataUrl => $"{SecureBaseUrl}/v1/.well-known/openidconfiguration";

    /// <summary>How the metadata document is served.</summary>
    public IssuerFault MetadataFault { get; set; }

    /// <summary>How the key document (JWKS) is served.</summary>
    public IssuerFault KeysFault { get; set; }

    /// <summary>How the client-credentials and managed identity token endpoints answer.</summary>
    public IssuerFault TokenFault { get; set; }

    /// <summary>When set, the metadata names this jwks_uri instead of its own key document.</summary>
    public string? JwksUriOverride { get; set; }

    /// <summary>Requests for the key document so far (whatever was answered).</summary>
    public int KeyRequests => _keyRequests;
    /// <summary>The login authority host over plain http (accepted as Bot:LoginAuthority only in Development).</summary>
    public string LoginAuthority => BaseUrl;
    /// <summary>The login authority host over https (its self-signed certificate: see <see cref="CreateTrustingHandler"/>).</summary>
    public string SecureLoginAuthority => SecureBaseUrl;
    /// <summary>The managed identity (IMDS) token endpoint to configure as Bot:ManagedIdentityEndpoint.</summary>
    public string ManagedIdentityEndpoint => $"{BaseUrl}/metadata/identity/oauth2/token";
    public int MetadataRequests => _metadataRequests;
    public int TokenRequests => _tokenRequests;
    /// <summary>Form fields of the last client-credentials request (to assert on scope/client id).</summary>
    public IReadOnlyDictionary<string, string>? LastTokenRequest { get; private set; }
    public string? LastTokenRequestPath { get; private set; }

    /// <summary>The key used by <see cref="CreateToken"/> unless told otherwise (endorsed for msteams).</summary>
    public RSA SigningKey => _published[0].Rsa;
    public string SigningKeyId => _published[0].Kid;

    public static async Task<LocalOpenIdIssuer> StartAsync()
    {
        var certificate = CreateCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, 0);
            o.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate));
        });
        var app = builder.Build();
        var issuer = new LocalOpenIdIssuer(app, certificate);
        issuer.PublishKey("key-msteams", ["msteams", "emulator"]);

        app.MapGet("/v1/.well-known/openidconfiguration", async (HttpContext ctx) =>
        {
            Interlocked.Increment(ref issuer._metadataRequests);
            // The key document on the same scheme and port as the metadata was asked on.
            var doc = new JsonObject
            {
                ["issuer"] = Issuer,
                ["authorization_endpoint"] = $"{ctx.Request.Scheme}://{ctx.Request.Host}/v1/authorize",
                ["jwks_uri"] = issuer.JwksUriOverride ?? $"{ctx.Request.Scheme}://{ctx.Request.Host}/v1/.well-known/keys",
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
            };
            await issuer.AnswerAsync(ctx, issuer.MetadataFault, doc);
        });
        app.MapGet("/v1/.well-known/keys", async (HttpContext ctx) =>
        {
            Interlocked.Increment(ref issuer._keyRequests);
            await issuer.AnswerAsync(ctx, issuer.KeysFault, issuer.Jwks());
        });
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpContext ctx, string tenant) =>
        {
            Interlocked.Increment(ref issuer._tokenRequests);
            if (issuer.TokenFault != IssuerFault.None)
            {
                await issuer.AnswerAsync(ctx, issuer.TokenFault, new JsonObject { ["error"] = "fault" });
                return Results.Empty;
            }

            var form = await ctx.Request.ReadFormAsync();
            issuer.LastTokenRequest = form.ToDictionary(f => f.Key, f => f.Value.ToString());
            issuer.LastTokenRequestPath = ctx.Request.Path;
            if (form["grant_type"] != "client_credentials" || string.IsNullOrEmpty(form["client_id"]) || string.IsNullOrEmpty(form["client_secret"]))
            {
                return Results.Json(new { error = "invalid_request" }, statusCode: 400);
            }

            var token = issuer.CreateToken(new TokenSpec { Audience = "https://api.botframework.com", ServiceUrl = null, Key = issuer._outboundKey, KeyId = "outbound" });
            return Results.Json(new { token_type = "Bearer", expires_in = 3599, access_token = token });
        });

        // Azure's instance metadata service (managed identity): GET with "Metadata: true", token for a resource.
        app.MapGet("/metadata/identity/oauth2/token", async (HttpContext ctx) =>
        {
            Interlocked.Increment(ref issuer._tokenRequests);
            if (issuer.TokenFault != IssuerFault.None)
            {
                await issuer.AnswerAsync(ctx, issuer.TokenFault, new JsonObject { ["error"] = "fault" });
                return Results.Empty;
            }

            issuer.LastTokenRequest = ctx.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
            issuer.LastTokenRequestPath = ctx.Request.Path;
            if (ctx.Request.Headers["Metadata"] != "true" || string.IsNullOrEmpty(ctx.Request.Query["resource"]))
            {
                return Results.Json(new { error = "invalid_request" }, statusCode: 400);
            }

            var token = issuer.CreateToken(new TokenSpec { Audience = ctx.Request.Query["resource"]!, ServiceUrl = null, Key = issuer._outboundKey, KeyId = "outbound" });
            return Results.Json(new { token_type = "Bearer", expires_in = "3599", access_token = token, resource = ctx.Request.Query["resource"].ToString() });
        });

        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        issuer.BaseUrl = addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)).TrimEnd('/');
        issuer.SecureBaseUrl = addresses.First(a => a.StartsWith("https://", StringComparison.Ordinal)).TrimEnd('/');
        return issuer;
    }

    /// <summary>
    /// A handler for an HttpClient that talks to this issuer over HTTPS: it accepts this issuer's self-signed
    /// certificate and nothing else (other certificates still need the usual chain validation).
    /// </summary>
    public HttpMessageHandler CreateTrustingHandler() => new SocketsHttpHandler
    {
        SslOptions =
        {
            RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == SslPolicyErrors.None
                || (certificate is not null && string.Equals(certificate.GetCertHashString(), _certificate.Thumbprint, StringComparison.OrdinalIgnoreCase)),
        },
    };

    /// <summary>
    /// Adds an entry to the key document exactly as given, after the published keys: a malformed key (bad
    /// base64url, wrong kty, missing fields, junk x5c, a second key under a published kid...).
    /// </summary>
    public void AddRawKey(JsonNode entry)
    {
        lock (_gate)
        {
            _rawKeys.Add(entry);
        }
    }

    /// <summary>A JWKS entry for <paramref name="rsa"/> as the key document publishes it, to change and add raw.</summary>
    public static JsonObject KeyEntry(RSA rsa, string kid, params string[] endorsements)
    {
        var p = rsa.ExportParameters(false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = kid,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent),
            ["endorsements"] = new JsonArray(endorsements.Select(e => (JsonNode)e).ToArray()),
        };
    }

    private async Task AnswerAsync(HttpContext ctx, IssuerFault fault, JsonObject document)
    {
        switch (fault)
        {
            case IssuerFault.Hang:
                using (var both = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted, _stopping.Token))
                {
                    try
                    {
                        await Task.Delay(Timeout.Infinite, both.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        // The client gave up, or the issuer stops.
                    }
                }

                ctx.Abort();
                return;
            case IssuerFault.Reset:
                ctx.Abort();
                return;
            case IssuerFault.ServerError:
                ctx.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return;
            case IssuerFault.Unavailable:
                ctx.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                ctx.Response.Headers.RetryAfter = "30";
                return;
            case IssuerFault.Junk:
                ctx.Response.ContentType = "text/html";
                await ctx.Response.WriteAsync("<html><body><h1>Service temporarily unavailable</h1></body></html>");
                return;
            case IssuerFault.Oversized:
                // Valid JSON, far too large, and no Content-Length: only a bounded read stops it.
                ctx.Response.ContentType = "application/json";
                document["padding"] = new string('x', 1024 * 1024 + 17);
                var bytes = Encoding.UTF8.GetBytes(document.ToJsonString());
                for (var at = 0; at < bytes.Length; at += 16 * 1024)
                {
                    await ctx.Response.Body.WriteAsync(bytes.AsMemory(at, Math.Min(16 * 1024, bytes.Length - at)), ctx.RequestAborted);
                    await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
                }

                return;
            default:
                ctx.Response.ContentType = "application/json";
                await ctx.Response.WriteAsync(document.ToJsonString());
                return;
        }
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        // Through PKCS#12 so that every platform's TLS stack can use the private key.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>Adds a key to the JWKS (a key rotation), endorsed for the given channels.</summary>
    public (RSA Rsa, string Kid) PublishKey(string kid, string[] endorsements)
    {
        var rsa = RSA.Create(2048);
        lock (_gate)
        {
            _published.Add((rsa, kid, endorsements));
        }

        return (rsa, kid);
    }

    /// <summary>Takes a key out of the JWKS (the end of a rotation); tokens it signed must no longer be accepted.</summary>
    public void RetireKey(string kid)
    {
        lock (_gate)
        {
            _published.RemoveAll(p => p.Kid == kid);
        }
    }

    private JsonObject Jwks()
    {
        var keys = new JsonArray();
        lock (_gate)
        {
            foreach (var (rsa, kid, endorsements) in _published)
            {
                keys.Add(KeyEntry(rsa, kid, endorsements));
            }

            foreach (var raw in _rawKeys)
            {
                keys.Add(raw.DeepClone());
            }
        }

        return new JsonObject { ["keys"] = keys };
    }

    /// <summary>A channel token as the Bot Connector sends it, shaped by <paramref name="spec"/>.</summary>
    public string CreateToken(TokenSpec spec)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>();
        if (spec.ServiceUrl is not null)
        {
            claims["serviceurl"] = spec.ServiceUrl;
        }

        foreach (var (name, value) in spec.Claims ?? new Dictionary<string, object>())
        {
            claims[name] = value;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = spec.Issuer ?? Issuer,
            Audience = spec.Audience,
            IssuedAt = now + (spec.NotBeforeOffset ?? TimeSpan.FromMinutes(-1)),
            NotBefore = now + (spec.NotBeforeOffset ?? TimeSpan.FromMinutes(-1)),
            Expires = now + (spec.ExpiresOffset ?? TimeSpan.FromMinutes(30)),
            Claims = claims,
        };

        var rsa = spec.Key ?? SigningKey;
        var kid = spec.KeyId ?? SigningKeyId;
        descriptor.SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = kid }, spec.Algorithm ?? SecurityAlgorithms.RsaSha256);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with otherwise valid claims.</summary>
    public string CreateUnsignedToken(string audience, string serviceUrl)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var payload = Base64UrlEncoder.Encode(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["iss"] = Issuer, ["aud"] = audience, ["nbf"] = now - 60, ["exp"] = now + 1800, ["serviceurl"] = serviceUrl,
        }));
        return $"{header}.{payload}.";
    }

    /// <summary>
    /// A token signed with HS256 using the issuer's public key as the HMAC secret: the classic key-confusion
    /// attack on validators that pick the algorithm from the token.
    /// </summary>
    public string CreateHmacTokenWithPublicKey(string audience, string serviceUrl)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Base64UrlEncoder.Encode($$"""{"alg":"HS256","typ":"JWT","kid":"{{SigningKeyId}}"}""");
        var payload = Base64UrlEncoder.Encode(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["iss"] = Issuer, ["aud"] = audience, ["nbf"] = now - 60, ["exp"] = now + 1800, ["serviceurl"] = serviceUrl,
        }));
        var secret = Encoding.UTF8.GetBytes(SigningKey.ExportSubjectPublicKeyInfoPem());
        var signature = HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes($"{header}.{payload}"));
        return $"{header}.{payload}.{Base64UrlEncoder.Encode(signature)}";
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        foreach (var (rsa, _, _) in _published)
        {
            rsa.Dispose();
        }

        _certificate.Dispose();
        _outboundKey.Dispose();
        _stopping.Dispose();
    }
}

/// <summary>What a minted token says. Null fields take the valid default.</summary>
public sealed class TokenSpec
{
    public required string Audience { get; init; }
    public string? ServiceUrl { get; init; }
    public string? Issuer { get; init; }
    public TimeSpan? NotBeforeOffset { get; init; }
    public TimeSpan? ExpiresOffset { get; init; }
    public RSA? Key { get; init; }
    public string? KeyId { get; init; }
    public string? Algorithm { get; init; }
    /// <summary>More claims (an Entra token's tid, oid, scp…).</summary>
    public IReadOnlyDictionary<string, object>? Claims { get; init; }
}
