using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DiligenceBot.BotFramework.Authentication;

/// <summary>Gets the bearer token the bot sends to the connector. Null in local development mode.</summary>
public interface IBotTokenProvider
{
    /// <summary>The token; throws <see cref="BotAuthenticationException"/> when none can be had (the token endpoint fails).</summary>
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Client-credentials token (multi-tenant via botframework.com, single-tenant via the app's tenant) or a
/// user-assigned managed identity token. Cached and refreshed five minutes before it expires (or at half its
/// life for short tokens) while the cached one is still served; one fetch at a time, in the background, shared by
/// every caller. A fetch tries the token endpoint up to <see cref="BotOptions.OutboundTokenTries"/> times with a
/// jittered wait doubling from <see cref="BotOptions.OutboundTokenTryDelay"/> when it answers 5xx/408/429, resets the
/// connection, times out or answers something that is not a token; each failure is logged with the endpoint (never
/// its query or the secret). After a failed fetch no other starts for <see cref="BotOptions.OutboundTokenRetryDelay"/>,
/// doubling up to <see cref="BotOptions.OutboundTokenMaxRetryDelay"/>: callers without a valid token are refused at
/// once meanwhile.
/// </summary>
public sealed class BotTokenProvider(
    HttpClient http,
    IOptions<BotOptions> options,
    TimeProvider time,
    ILogger<BotTokenProvider> logger) : IBotTokenProvider, IDisposable
{
    private readonly RefreshGate _refresh = new(time);
    private readonly CancellationTokenSource _disposed = new();
    private volatile CachedToken? _token;
    private volatile string? _lastFailure;

    private sealed record CachedToken(string Value, DateTimeOffset RefreshAt, DateTimeOffset ExpiresAt);

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }

    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (options.Value.IsLocalDevelopmentMode)
        {
            return ValueTask.FromResult<string?>(null);
        }

        var token = _token;
        var now = time.GetUtcNow();
        return token is not null && now < token.RefreshAt
            ? ValueTask.FromResult<string?>(token.Value)
            : GetTokenRefreshingAsync(token, now, cancellationToken);
    }

    private async ValueTask<string?> GetTokenRefreshingAsync(CachedToken? token, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var refresh = _refresh.JoinOrStart(now, static _ => true, FetchAndKeepAsync);
        if (token is not null && now < token.ExpiresAt)
        {
            // Due for renewal but still valid: used while the renewal runs (or waits out a back-off).
            return token.Value;
        }

        if (refresh is not null)
        {
            await refresh.WaitAsync(cancellationToken);
        }

        return _token is { } fresh && time.GetUtcNow() < fresh.ExpiresAt
            ? fresh.Value
            : throw new BotAuthenticationException($"No token for the connector: {_lastFailure ?? "the token endpoint failed"}.");
    }

    /// <summary>The token endpoint as it may be logged: no query (the managed identity's carries the client id).</summary>
    public static string EndpointForLog(BotOptions o) =>
        (o.AppType == BotAppTypes.UserAssignedMsi ? new Uri(o.ManagedIdentityEndpoint) : TokenEndpoint(o)).GetLeftPart(UriPartial.Path);

    /// <summary>The token endpoint, e.g. https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token.</summary>
    public static Uri TokenEndpoint(BotOptions o)
    {
        var tenant = o.AppType == BotAppTypes.SingleTenant ? o.TenantId : o.ChannelAuthTenant;
        return new Uri($"{o.LoginAuthority.TrimEnd('/')}/{tenant}/oauth2/v2.0/token");
    }

    /// <summary>One fetch with its retries; never throws.</summary>
    private async Task FetchAndKeepAsync()
    {
        var o = options.Value;
        var endpoint = EndpointForLog(o);
        for (var attempt = 1; ; attempt++)
        {
            string reason;
            bool retryable;
            try
            {
                var (token, lifetime) = o.AppType == BotAppTypes.UserAssignedMsi
                    ? await FetchManagedIdentityTokenAsync(o, _disposed.Token)
                    : await FetchClientCredentialsTokenAsync(o, _disposed.Token);
                var early = lifetime > TimeSpan.FromMinutes(10) ? TimeSpan.FromMinutes(5) : lifetime / 2;
                var now = time.GetUtcNow();
                _token = new CachedToken(token, now + lifetime - early, now + lifetime);
                _lastFailure = null;
                _refresh.Succeeded();
                Log.OutboundTokenAcquired(logger, o.AppType, (int)lifetime.TotalSeconds);
                return;
            }
            catch (TokenEndpointException ex)
            {
                (reason, retryable) = (ex.Message, ex.Retryable);
            }
            catch (HttpRequestException ex)
            {
                (reason, retryable) = ($"{ex.GetType().Name}: {ex.HttpRequestError}", true);
            }
            catch (TaskCanceledException) when (!_disposed.IsCancellationRequested)
            {
                (reason, retryable) = ($"no answer within {http.Timeout}", true);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }

            _lastFailure = $"{endpoint} {reason}";
            Log.OutboundTokenFailed(logger, endpoint, reason, attempt, o.OutboundTokenTries);
            if (!retryable || attempt >= o.OutboundTokenTries)
            {
                var wait = _refresh.Failed(o.OutboundTokenRetryDelay, o.OutboundTokenMaxRetryDelay);
                Log.OutboundTokenUnavailable(logger, endpoint, wait);
                return;
            }

            // Full jitter on a doubling step, so that several instances do not retry in lockstep.
            var step = o.OutboundTokenTryDelay * Math.Pow(2, attempt - 1);
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * step.TotalMilliseconds), time, _disposed.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
        }
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
        var status = (int)response.StatusCode;
        if (!response.IsSuccessStatusCode)
        {
            // The body may echo request details; only the status is kept. A 4xx other than 408/429 is the
            // configuration (wrong secret, wrong tenant): asking again will not help.
            throw new TokenEndpointException($"answered {status}", status >= 500 || status is 408 or 429);
        }

        string? token;
        var seconds = 3600L;
        try
        {
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var root = doc.RootElement;
            token = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("access_token", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("expires_in", out var e))
            {
                seconds = e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var n) ? n
                    : e.ValueKind == JsonValueKind.String && long.TryParse(e.GetString(), out var s) ? s
                    : seconds;
            }
        }
        catch (JsonException)
        {
            throw new TokenEndpointException($"answered {status} with a body that is not JSON ({response.Content.Headers.ContentType?.MediaType ?? "no content type"})", true);
        }

        if (string.IsNullOrEmpty(token))
        {
            throw new TokenEndpointException($"answered {status} without an access_token", true);
        }

        return (token, TimeSpan.FromSeconds(Math.Clamp(seconds, 60, 86400)));
    }

    private sealed class TokenEndpointException(string message, bool retryable) : Exception(message)
    {
        public bool Retryable { get; } = retryable;
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
