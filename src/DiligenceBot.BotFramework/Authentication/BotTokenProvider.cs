using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DiligenceBot.BotFramework.Authentication;

/// <summary>Gets the bearer token the bot sends to the connector. Null in local development mode.</summary>
public interface IBotTokenProvider
{
    Task<string?> GetTokenAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Client-credentials token (multi-tenant via botframework.com, single-tenant via the app's tenant) or a
/// user-assigned managed identity token. Cached and refreshed five minutes before it expires (or at half its
/// life for short tokens); one fetch at a time.
/// </summary>
public sealed class BotTokenProvider(
    HttpClient http,
    IOptions<BotOptions> options,
    TimeProvider time,
    ILogger<BotTokenProvider> logger) : IBotTokenProvider, IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private string? _token;
    private DateTimeOffset _refreshAt = DateTimeOffset.MinValue;

    public void Dispose() => _lock.Dispose();

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (o.IsLocalDevelopmentMode)
        {
            return null;
        }

        if (_token is { } cached && time.GetUtcNow() < _refreshAt)
        {
            return cached;
        }

        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_token is { } again && time.GetUtcNow() < _refreshAt)
            {
                return again;
            }

            var (token, lifetime) = o.AppType == BotAppTypes.UserAssignedMsi
                ? await FetchManagedIdentityTokenAsync(o, cancellationToken)
                : await FetchClientCredentialsTokenAsync(o, cancellationToken);
            var early = lifetime > TimeSpan.FromMinutes(10) ? TimeSpan.FromMinutes(5) : lifetime / 2;
            _token = token;
            _refreshAt = time.GetUtcNow() + lifetime - early;
            Log.OutboundTokenAcquired(logger, o.AppType, (int)lifetime.TotalSeconds);
            return token;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>The token endpoint, e.g. https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token.</summary>
    public static Uri TokenEndpoint(BotOptions o)
    {
        var tenant = o.AppType == BotAppTypes.SingleTenant ? o.TenantId : o.ChannelAuthTenant;
        return new Uri($"{o.LoginAuthority.TrimEnd('/')}/{tenant}/oauth2/v2.0/token");
    }

    private async Task<(string Token, TimeSpan Lifetime)> FetchClientCredentialsTokenAsync(BotOptions o, CancellationToken cancellationToken)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = o.AppId!,
            ["client_secret"] = o.AppPassword ?? string.Empty,
            ["scope"] = o.OAuthScope,
        });
        using var response = await http.PostAsync(TokenEndpoint(o), content, cancellationToken);
        return await ReadTokenAsync(response, cancellationToken);
    }

    private async Task<(string Token, TimeSpan Lifetime)> FetchManagedIdentityTokenAsync(BotOptions o, CancellationToken cancellationToken)
    {
        var resource = o.OAuthScope.EndsWith("/.default", StringComparison.Ordinal) ? o.OAuthScope[..^"/.default".Length] : o.OAuthScope;
        var url = $"{o.ManagedIdentityEndpoint}?api-version=2018-02-01&resource={Uri.EscapeDataString(resource)}&client_id={Uri.EscapeDataString(o.AppId!)}";
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Metadata", "true");
        using var response = await http.SendAsync(request, cancellationToken);
        return await ReadTokenAsync(response, cancellationToken);
    }

    private static async Task<(string Token, TimeSpan Lifetime)> ReadTokenAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            // The body may echo request details; only the status goes into the exception.
            throw new BotAuthenticationException($"The token endpoint answered {(int)response.StatusCode}.");
        }

        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var root = doc.RootElement;
        var token = root.TryGetProperty("access_token", out var t) ? t.GetString() : null;
        if (string.IsNullOrEmpty(token))
        {
            throw new BotAuthenticationException("The token endpoint answered without an access_token.");
        }

        var seconds = 3600L;
        if (root.TryGetProperty("expires_in", out var e))
        {
            seconds = e.ValueKind == JsonValueKind.Number ? e.GetInt64() : long.TryParse(e.GetString(), out var s) ? s : seconds;
        }

        return (token, TimeSpan.FromSeconds(Math.Clamp(seconds, 60, 86400)));
    }
}

public sealed class BotAuthenticationException(string message) : Exception(message);

/// <summary>
/// The service URLs outbound tokens may go to: configured prefixes plus every serviceUrl that arrived in an
/// authenticated activity. A URL from unauthenticated input is never trusted.
/// </summary>
public sealed class TrustedServiceUrls
{
    private readonly object _gate = new();
    // Normalised prefixes, replaced (never changed) when one is added: readers take the array without locking.
    private volatile string[] _prefixes = [];
    // Service URLs exactly as they arrived: every activity trusts its serviceUrl, almost always one already known.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _seen = new(StringComparer.Ordinal);

    public TrustedServiceUrls(IOptions<BotOptions> options)
    {
        foreach (var url in options.Value.TrustedServiceUrls)
        {
            Trust(url);
        }
    }

    /// <summary>Trusts a service URL (call only for URLs from authenticated activities or configuration).</summary>
    public void Trust(string serviceUrl)
    {
        if (_seen.ContainsKey(serviceUrl) || Normalize(serviceUrl) is not { } prefix)
        {
            return;
        }

        lock (_gate)
        {
            if (!_prefixes.Contains(prefix, StringComparer.OrdinalIgnoreCase))
            {
                _prefixes = [.. _prefixes, prefix];
            }
        }

        _seen.TryAdd(serviceUrl, 0);
    }

    public bool IsTrusted(Uri requestUri)
    {
        var target = Normalize(requestUri.GetLeftPart(UriPartial.Path));
        if (target is null)
        {
            return false;
        }

        foreach (var prefix in _prefixes)
        {
            if (target.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string? Normalize(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/"
            : null;
}

/// <summary>
/// Puts the bot's token on connector requests, and refuses to send a request carrying credentials to a URL
/// that is not trusted. In local development mode there is no token and nothing to protect.
/// </summary>
public sealed class BotTokenHandler(IBotTokenProvider tokens, TrustedServiceUrls trusted, IOptions<BotOptions> options) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!options.Value.IsLocalDevelopmentMode)
        {
            if (request.RequestUri is null || !trusted.IsTrusted(request.RequestUri))
            {
                throw new UntrustedServiceUrlException(request.RequestUri);
            }

            var token = await tokens.GetTokenAsync(cancellationToken);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}

public sealed class UntrustedServiceUrlException(Uri? uri)
    : Exception($"Refusing to send the bot's token to an untrusted service URL ({uri?.GetLeftPart(UriPartial.Authority)}).");
