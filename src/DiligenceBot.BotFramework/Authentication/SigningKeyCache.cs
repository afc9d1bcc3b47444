using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace DiligenceBot.BotFramework.Authentication;

/// <summary>A channel signing key with the channels it is endorsed for.</summary>
public sealed record SigningKey(string KeyId, SecurityKey Key, IReadOnlyCollection<string> Endorsements);

/// <summary>
/// The Bot Connector's signing keys, read from its OpenID metadata document and JWKS, kept the way IdentityModel's
/// <c>ConfigurationManager</c> keeps a configuration:
/// <list type="bullet">
/// <item>Keys younger than <see cref="BotOptions.SigningKeyRefreshInterval"/> are answered from memory, without a
/// lock or an allocation. An unknown key id triggers an early refresh (a rotation), at most once per
/// <see cref="BotOptions.SigningKeyMinRefreshInterval"/>.</item>
/// <item>Never more than one fetch in flight. Callers whose key is in the last good set get it at once, even while
/// that set is being refreshed (stale while revalidate); callers whose key is not wait for the fetch already in
/// flight (one fetch, bounded by <see cref="BotOptions.SigningKeyFetchTimeout"/>, however many wait), or get no key
/// at once when no fetch may start.</item>
/// <item>After a failed fetch no other starts for <see cref="BotOptions.SigningKeyRetryDelay"/>, doubled per
/// further failure up to <see cref="BotOptions.SigningKeyMaxRetryDelay"/>; the last good keys are served until they
/// are older than <see cref="BotOptions.SigningKeyMaxAge"/>.</item>
/// <item>Documents are read up to <see cref="BotOptions.SigningKeyMaxDocumentBytes"/>, over https outside
/// Development (the metadata and the <c>jwks_uri</c> it names). A malformed key is skipped and logged, the good
/// keys of the same document are kept; a document without one usable key is a failed fetch.</item>
/// </list>
/// <see cref="GetKeyAsync"/> never throws for anything the key server does: the answer is a key or null (401).
/// </summary>
public sealed class SigningKeyCache : IDisposable
{
    private static readonly KeySet NoKeys = new(FrozenDictionary<string, SigningKey>.Empty, DateTimeOffset.MinValue);

    private readonly HttpClient _http;
    private readonly IOptions<BotOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SigningKeyCache> _logger;
    private readonly bool _httpsOnly;
    private readonly CancellationTokenSource _disposed = new();
    private readonly RefreshGate _refresh;

    /// <summary>The last good keys; replaced, never changed.</summary>
    private volatile KeySet _current = NoKeys;

    public SigningKeyCache(HttpClient http, IOptions<BotOptions> options, TimeProvider time, IHostEnvironment environment, ILogger<SigningKeyCache> logger)
    {
        _http = http;
        _options = options;
        _time = time;
        _logger = logger;
        _httpsOnly = IdentityEndpoints.HttpsRequired(environment);
        _refresh = new RefreshGate(time);
    }

    private sealed record KeySet(FrozenDictionary<string, SigningKey> Keys, DateTimeOffset FetchedAt);

    /// <summary>Fetches so far that were started (tests and diagnostics).</summary>
    public int FetchesStarted => _refresh.Started;

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }

    /// <summary>The key with this id, or null when it is unknown or the keys cannot be had.</summary>
    public ValueTask<SigningKey?> GetKeyAsync(string keyId, CancellationToken cancellationToken)
    {
        var current = _current;
        var now = _time.GetUtcNow();
        if (now - current.FetchedAt <= _options.Value.SigningKeyRefreshInterval && current.Keys.TryGetValue(keyId, out var key))
        {
            return new ValueTask<SigningKey?>(key);
        }

        return GetKeyRefreshingAsync(keyId, current, now, cancellationToken);
    }

    private async ValueTask<SigningKey?> GetKeyRefreshingAsync(string keyId, KeySet current, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var o = _options.Value;
        var known = now - current.FetchedAt <= o.SigningKeyMaxAge ? current.Keys.GetValueOrDefault(keyId) : null;
        var stale = now - current.FetchedAt > o.SigningKeyRefreshInterval;

        // A stale set is refreshed; an unknown key id (a rotation) refreshes at most once per min interval.
        var fetch = _refresh.JoinOrStart(now, at => stale || _refresh.SinceLastStart(at) >= o.SigningKeyMinRefreshInterval, FetchAndKeepAsync);
        if (known is not null)
        {
            // Stale but not too old: answer now, the refresh (if one could start) runs on.
            return known;
        }

        if (fetch is null)
        {
            // Backing off after failures, or an unknown key id within the min refresh interval: no key, at once.
            return null;
        }

        await fetch.WaitAsync(cancellationToken);
        var after = _current;
        return _time.GetUtcNow() - after.FetchedAt <= o.SigningKeyMaxAge ? after.Keys.GetValueOrDefault(keyId) : null;
    }

    /// <summary>One fetch; never throws, whatever the key server does.</summary>
    private async Task FetchAndKeepAsync()
    {
        var o = _options.Value;
        try
        {
            using var timeout = new CancellationTokenSource(o.SigningKeyFetchTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _disposed.Token);
            try
            {
                var keys = await FetchAsync(o, linked.Token);
                _current = new KeySet(keys, _time.GetUtcNow());
                _refresh.Succeeded();
                Log.SigningKeysRefreshed(_logger, keys.Count);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !_disposed.IsCancellationRequested)
            {
                Failed(o, $"no answer within {o.SigningKeyFetchTimeout}", null);
            }
            catch (SigningKeyFetchException ex)
            {
                Failed(o, ex.Message, null);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException && !_disposed.IsCancellationRequested)
            {
                Failed(o, $"{ex.GetType().Name}: {ex.Message}", null);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Failed(o, "unexpected failure", ex);
            }
        }
        catch (Exception ex) when (ex is ObjectDisposedException or OperationCanceledException)
        {
            // The cache was disposed while fetching: nobody needs keys any more.
        }
    }

    private void Failed(BotOptions o, string reason, Exception? exception)
    {
        var delay = _refresh.Failed(o.SigningKeyRetryDelay, o.SigningKeyMaxRetryDelay);
        var current = _current;
        var serving = _time.GetUtcNow() - current.FetchedAt <= o.SigningKeyMaxAge ? current.Keys.Count : 0;
        Log.SigningKeysRefreshFailed(_logger, UrlForLog(o.OpenIdMetadataUrl), reason, delay, serving, exception);
    }

    private async Task<FrozenDictionary<string, SigningKey>> FetchAsync(BotOptions o, CancellationToken cancellationToken)
    {
        var metadataUri = RequireAllowedUrl(o.OpenIdMetadataUrl, "Bot:OpenIdMetadataUrl");
        Uri jwksUri;
        using (var metadata = await GetJsonAsync(metadataUri, "metadata", o, cancellationToken))
        {
            var jwks = metadata.RootElement.ValueKind == JsonValueKind.Object
                       && metadata.RootElement.TryGetProperty("jwks_uri", out var j) && j.ValueKind == JsonValueKind.String
                ? j.GetString()
                : null;
            jwksUri = RequireAllowedUrl(jwks, "the metadata's jwks_uri");
        }

        using var keyDocument = await GetJsonAsync(jwksUri, "key document", o, cancellationToken);
        if (keyDocument.RootElement.ValueKind != JsonValueKind.Object
            || !keyDocument.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
        {
            throw new SigningKeyFetchException($"the key document at {UrlForLog(jwksUri)} has no keys array");
        }

        var found = new Dictionary<string, ParsedKey>(StringComparer.Ordinal);
        var ambiguous = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in keys.EnumerateArray())
        {
            var parsed = JsonWebKeys.Read(element, out var kid, out var problem);
            if (parsed is null)
            {
                Log.SigningKeySkipped(_logger, LogText.Untrusted(kid) ?? "(no kid)", problem!);
            }
            else if (found.TryGetValue(parsed.Key.KeyId, out var same))
            {
                if (!same.SameMaterial(parsed))
                {
                    ambiguous.Add(parsed.Key.KeyId);
                }
            }
            else
            {
                found[parsed.Key.KeyId] = parsed;
            }
        }

        foreach (var kid in ambiguous)
        {
            found.Remove(kid);
            Log.SigningKeySkipped(_logger, LogText.Untrusted(kid)!, "several different keys share this key id; none of them is used");
        }

        if (found.Count == 0)
        {
            throw new SigningKeyFetchException($"the key document at {UrlForLog(jwksUri)} has no usable key");
        }

        return found.ToFrozenDictionary(p => p.Key, p => p.Value.Key, StringComparer.Ordinal);
    }

    private Uri RequireAllowedUrl(string? url, string what)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new SigningKeyFetchException($"{what} is not an absolute http(s) URL");
        }

        if (!IdentityEndpoints.IsAllowed(uri, _httpsOnly))
        {
            throw new SigningKeyFetchException($"{what} ({UrlForLog(uri)}) is not https, which only the Development environment accepts");
        }

        return uri;
    }

    /// <summary>GETs a JSON document, reading at most the configured size whatever Content-Length says.</summary>
    private async Task<JsonDocument> GetJsonAsync(Uri url, string what, BotOptions o, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new SigningKeyFetchException($"the {what} at {UrlForLog(url)} answered {(int)response.StatusCode}");
        }

        var limit = o.SigningKeyMaxDocumentBytes;
        if (response.Content.Headers.ContentLength > limit)
        {
            throw new SigningKeyFetchException($"the {what} at {UrlForLog(url)} is larger than {limit} bytes");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[Math.Min(limit + 1, (int)Math.Max(response.Content.Headers.ContentLength ?? 16 * 1024, 1) + 1)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > limit)
                {
                    throw new SigningKeyFetchException($"the {what} at {UrlForLog(url)} is larger than {limit} bytes");
                }

                Array.Resize(ref buffer, Math.Min(limit + 1, buffer.Length * 2));
            }

            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        if (length > limit)
        {
            throw new SigningKeyFetchException($"the {what} at {UrlForLog(url)} is larger than {limit} bytes");
        }

        try
        {
            return JsonDocument.Parse(buffer.AsMemory(0, length));
        }
        catch (JsonException)
        {
            throw new SigningKeyFetchException($"the {what} at {UrlForLog(url)} is not JSON");
        }
    }

    /// <summary>A URL as it may be logged: scheme, host, port and path; never a query.</summary>
    private static string UrlForLog(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? UrlForLog(uri) : LogText.Untrusted(url)!;

    private static string UrlForLog(Uri uri) => LogText.Untrusted(uri.GetLeftPart(UriPartial.Path))!;
}

/// <summary>A fetch of the signing keys failed for a reason that can be logged as it is.</summary>
internal sealed class SigningKeyFetchException(string message) : Exception(message);

/// <summary>A key read from a key document, with its material to tell true duplicates from conflicting ones.</summary>
internal sealed record ParsedKey(SigningKey Key, byte[] Modulus, byte[] Exponent)
{
    public bool SameMaterial(ParsedKey other) => Modulus.AsSpan().SequenceEqual(other.Modulus) && Exponent.AsSpan().SequenceEqual(other.Exponent);
}

/// <summary>Reads RSA signing keys from JWKS entries, checking everything that could make them unusable later.</summary>
internal static class JsonWebKeys
{
    /// <summary>Smallest modulus accepted; the Bot Connector's keys are 2048 bits.</summary>
    public const int MinKeyBits = 2048;

    public const int MaxKeyBits = 8192;

    /// <summary>The key, or null with the reason it cannot be used.</summary>
    public static ParsedKey? Read(JsonElement k, out string? kid, out string? problem)
    {
        kid = null;
        if (k.ValueKind != JsonValueKind.Object)
        {
            problem = "the entry is not a JSON object";
            return null;
        }

        string? Str(string name) => k.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        kid = Str("kid");
        problem = (Str("kty"), Str("n"), Str("e")) switch
        {
            _ when string.IsNullOrEmpty(kid) => "it has no kid",
            (null, _, _) => "it has no kty",
            ({ } kty, _, _) when kty != "RSA" => $"its kty is '{LogText.Untrusted(kty)}', not RSA",
            (_, null, _) or (_, _, null) => "it has no modulus (n) or exponent (e)",
            _ when Str("use") is { } use && use != "sig" => $"its use is '{LogText.Untrusted(use)}', not sig",
            _ => null,
        };
        if (problem is not null)
        {
            return null;
        }

        if (DecodeBase64Url(Str("n")!) is not { } modulus || DecodeBase64Url(Str("e")!) is not { } exponent)
        {
            problem = "its modulus (n) or exponent (e) is not base64url";
            return null;
        }

        var parameters = new RSAParameters { Modulus = modulus, Exponent = exponent };
        if (modulus.Length * 8 is < MinKeyBits or > MaxKeyBits || exponent.Length is 0 or > 8 || (modulus[^1] & 1) == 0)
        {
            problem = $"its modulus of {modulus.Length * 8} bits or its exponent is not a usable RSA signing key ({MinKeyBits}-{MaxKeyBits} bits)";
            return null;
        }

        try
        {
            using var rsa = RSA.Create();
            rsa.ImportParameters(parameters);
        }
        catch (CryptographicException)
        {
            problem = "its modulus and exponent are not an RSA public key";
            return null;
        }

        if (k.TryGetProperty("x5c", out var x5c) && CertificateProblem(x5c, parameters) is { } certificateProblem)
        {
            problem = certificateProblem;
            return null;
        }

        var endorsements = k.TryGetProperty("endorsements", out var en) && en.ValueKind == JsonValueKind.Array
            ? en.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToArray()
            : [];
        var key = new SigningKey(kid!, new RsaSecurityKey(parameters) { KeyId = kid }, endorsements);
        return new ParsedKey(key, modulus, exponent);
    }

    /// <summary>When a key carries a certificate chain, its first certificate must hold the same public key.</summary>
    private static string? CertificateProblem(JsonElement x5c, RSAParameters parameters)
    {
        if (x5c.ValueKind != JsonValueKind.Array || x5c.GetArrayLength() == 0 || x5c[0].ValueKind != JsonValueKind.String)
        {
            return "its x5c is not an array of certificates";
        }

        try
        {
            using var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(x5c[0].GetString()!));
            using var rsa = certificate.GetRSAPublicKey();
            var inCertificate = rsa?.ExportParameters(false);
            return inCertificate is { } c && TrimLeadingZeros(c.Modulus!).AsSpan().SequenceEqual(parameters.Modulus) && TrimLeadingZeros(c.Exponent!).AsSpan().SequenceEqual(parameters.Exponent)
                ? null
                : "its x5c certificate holds another public key than its n and e";
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            return "its x5c certificate cannot be read";
        }
    }

    private static readonly System.Buffers.SearchValues<char> Base64UrlAlphabet =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>Strict base64url (RFC 7518: no padding, no white space), leading zero bytes dropped; null when it is not.</summary>
    private static byte[]? DecodeBase64Url(string value)
    {
        if (value.Length == 0 || value.AsSpan().ContainsAnyExcept(Base64UrlAlphabet) || value.Length % 4 == 1)
        {
            return null;
        }

        try
        {
            return TrimLeadingZeros(System.Buffers.Text.Base64Url.DecodeFromChars(value));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static byte[] TrimLeadingZeros(byte[] value)
    {
        var start = 0;
        while (start < value.Length - 1 && value[start] == 0)
        {
            start++;
        }

        return start == 0 ? value : value[start..];
    }
}
