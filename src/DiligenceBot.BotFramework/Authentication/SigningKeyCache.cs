using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace DiligenceBot.BotFramework.Authentication;

/// <summary>A channel signing key with the channels it is endorsed for.</summary>
public sealed record SigningKey(string KeyId, SecurityKey Key, IReadOnlyCollection<string> Endorsements);

/// <summary>
/// The Bot Connector's signing keys, read from its OpenID metadata document and JWKS. Cached for
/// <see cref="BotOptions.SigningKeyRefreshInterval"/>; an unknown key id triggers an early refresh, rate-limited
/// by <see cref="BotOptions.SigningKeyMinRefreshInterval"/>. One fetch at a time.
/// </summary>
public sealed class SigningKeyCache(
    HttpClient http,
    IOptions<BotOptions> options,
    TimeProvider time,
    ILogger<SigningKeyCache> logger) : IDisposable
{
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private volatile IReadOnlyDictionary<string, SigningKey> _keys = new Dictionary<string, SigningKey>();
    private DateTimeOffset _fetchedAt = DateTimeOffset.MinValue;

    public void Dispose() => _refreshLock.Dispose();

    public async Task<SigningKey?> GetKeyAsync(string keyId, CancellationToken cancellationToken)
    {
        var keys = _keys;
        var stale = time.GetUtcNow() - _fetchedAt > options.Value.SigningKeyRefreshInterval;
        if (!stale && keys.TryGetValue(keyId, out var key))
        {
            return key;
        }

        await _refreshLock.WaitAsync(cancellationToken);
        try
        {
            // Another request may have refreshed while this one waited.
            var now = time.GetUtcNow();
            stale = now - _fetchedAt > options.Value.SigningKeyRefreshInterval;
            if (!stale && _keys.TryGetValue(keyId, out key))
            {
                return key;
            }

            if (stale || now - _fetchedAt >= options.Value.SigningKeyMinRefreshInterval)
            {
                try
                {
                    _keys = await FetchAsync(cancellationToken);
                    _fetchedAt = now;
                    Log.SigningKeysRefreshed(logger, _keys.Count);
                }
                catch (Exception ex) when (ex is HttpRequestException or JsonException or InvalidOperationException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    // Keep serving the keys we have; an outage of the metadata endpoint must not lock everyone out.
                    Log.SigningKeysRefreshFailed(logger, ex);
                }
            }

            return _keys.GetValueOrDefault(keyId);
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    private async Task<IReadOnlyDictionary<string, SigningKey>> FetchAsync(CancellationToken cancellationToken)
    {
        using var metadata = await GetJsonAsync(options.Value.OpenIdMetadataUrl, cancellationToken);
        var jwksUri = metadata.RootElement.TryGetProperty("jwks_uri", out var j) && j.ValueKind == JsonValueKind.String
            ? j.GetString()
            : null;
        if (!Uri.TryCreate(jwksUri, UriKind.Absolute, out _))
        {
            throw new InvalidOperationException("OpenID metadata has no absolute jwks_uri.");
        }

        using var jwks = await GetJsonAsync(jwksUri!, cancellationToken);
        var result = new Dictionary<string, SigningKey>(StringComparer.Ordinal);
        if (!jwks.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidOperationException("JWKS has no keys array.");
        }

        foreach (var k in keys.EnumerateArray())
        {
            if (ReadRsaKey(k) is { } key)
            {
                result[key.KeyId] = key;
            }
        }

        return result;
    }

    private static SigningKey? ReadRsaKey(JsonElement k)
    {
        string? Str(string name) => k.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var kid = Str("kid");
        if (Str("kty") != "RSA" || string.IsNullOrEmpty(kid) || Str("n") is not { } n || Str("e") is not { } e)
        {
            return null;
        }

        var endorsements = k.TryGetProperty("endorsements", out var en) && en.ValueKind == JsonValueKind.Array
            ? en.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToArray()
            : [];
        var rsa = new RSAParameters { Modulus = Base64UrlEncoder.DecodeBytes(n), Exponent = Base64UrlEncoder.DecodeBytes(e) };
        return new SigningKey(kid, new RsaSecurityKey(rsa) { KeyId = kid }, endorsements);
    }

    private async Task<JsonDocument> GetJsonAsync(string url, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(url), cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonDocument.ParseAsync(stream, default, cancellationToken);
    }
}
