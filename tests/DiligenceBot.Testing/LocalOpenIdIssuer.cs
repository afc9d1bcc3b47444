using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
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

/// <summary>
/// A local stand-in for the Bot Connector's identity service, over real HTTP on loopback: an OpenID metadata
/// document, a JWKS whose keys carry <c>endorsements</c>, and a client-credentials token endpoint. It mints
/// channel tokens signed with its own RSA keys, correct or deliberately wrong.
/// </summary>
public sealed class LocalOpenIdIssuer : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";

    private readonly WebApplication _app;
    private readonly List<(RSA Rsa, string Kid, string[] Endorsements)> _published = [];
    private readonly object _gate = new();
    private int _metadataRequests;
    private int _tokenRequests;

    private LocalOpenIdIssuer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = string.Empty;
    public string MetadataUrl => $"{BaseUrl}/v1/.well-known/openidconfiguration";
    /// <summary>The login authority host to configure as Bot:LoginAuthority.</summary>
    public string LoginAuthority => BaseUrl;
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
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var issuer = new LocalOpenIdIssuer(app);
        issuer.PublishKey("key-msteams", ["msteams", "emulator"]);

        app.MapGet("/v1/.well-known/openidconfiguration", (HttpContext ctx) =>
        {
            Interlocked.Increment(ref issuer._metadataRequests);
            var doc = new JsonObject
            {
                ["issuer"] = Issuer,
                ["authorization_endpoint"] = $"{issuer.BaseUrl}/v1/authorize",
                ["jwks_uri"] = $"{issuer.BaseUrl}/v1/.well-known/keys",
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
            };
            return Results.Text(doc.ToJsonString(), "application/json");
        });
        app.MapGet("/v1/.well-known/keys", () => Results.Text(issuer.Jwks().ToJsonString(), "application/json"));
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpContext ctx, string tenant) =>
        {
            Interlocked.Increment(ref issuer._tokenRequests);
            var form = await ctx.Request.ReadFormAsync();
            issuer.LastTokenRequest = form.ToDictionary(f => f.Key, f => f.Value.ToString());
            issuer.LastTokenRequestPath = ctx.Request.Path;
            if (form["grant_type"] != "client_credentials" || string.IsNullOrEmpty(form["client_id"]) || string.IsNullOrEmpty(form["client_secret"]))
            {
                return Results.Json(new { error = "invalid_request" }, statusCode: 400);
            }

            var token = issuer.CreateToken(new TokenSpec { Audience = "https://api.botframework.com", ServiceUrl = null });
            return Results.Json(new { token_type = "Bearer", expires_in = 3599, access_token = token });
        });

        // Azure's instance metadata service (managed identity): GET with "Metadata: true", token for a resource.
        app.MapGet("/metadata/identity/oauth2/token", (HttpContext ctx) =>
        {
            Interlocked.Increment(ref issuer._tokenRequests);
            issuer.LastTokenRequest = ctx.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
            issuer.LastTokenRequestPath = ctx.Request.Path;
            if (ctx.Request.Headers["Metadata"] != "true" || string.IsNullOrEmpty(ctx.Request.Query["resource"]))
            {
                return Results.Json(new { error = "invalid_request" }, statusCode: 400);
            }

            var token = issuer.CreateToken(new TokenSpec { Audience = ctx.Request.Query["resource"]!, ServiceUrl = null });
            return Results.Json(new { token_type = "Bearer", expires_in = "3599", access_token = token, resource = ctx.Request.Query["resource"].ToString() });
        });

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        issuer.BaseUrl = address.TrimEnd('/');
        return issuer;
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
                var p = rsa.ExportParameters(false);
                keys.Add(new JsonObject
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["kid"] = kid,
                    ["n"] = Base64UrlEncoder.Encode(p.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(p.Exponent),
                    ["endorsements"] = new JsonArray(endorsements.Select(e => (JsonNode)e).ToArray()),
                });
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
        await _app.StopAsync();
        await _app.DisposeAsync();
        foreach (var (rsa, _, _) in _published)
        {
            rsa.Dispose();
        }
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
}
