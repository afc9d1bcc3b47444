using System.Security.Claims;
using DiligenceBot.BotFramework.Schema;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DiligenceBot.BotFramework.Authentication;

/// <summary>The outcome of checking an inbound request's bearer token.</summary>
public sealed record InboundAuthResult(bool Succeeded, string? Failure, ClaimsIdentity? Identity)
{
    public static InboundAuthResult Fail(string reason) => new(false, reason, null);
}

/// <summary>
/// Validates the bearer token the Bot Connector puts on every activity, as the connector's auth spec requires:
/// issuer, audience = app id, RS256/384/512 only, lifetime with clock skew, signing key from the OpenID
/// metadata endorsed for the activity's channel, and the <c>serviceurl</c> claim equal to the activity's.
/// </summary>
public sealed class InboundTokenValidator(SigningKeyCache keys, IOptions<BotOptions> options, TimeProvider time)
{
    public const string ServiceUrlClaim = "serviceurl";

    private static readonly string[] AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    /// <summary>Validated tokens kept at most; the Bot Connector reuses a token for every activity for about an hour.</summary>
    private const int MaxValidatedTokens = 10_000;

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <summary>
    /// Tokens whose signature, issuer, audience and algorithm were verified, by their exact text, with the key that
    /// signed them. A hit still checks, per activity: the key is still the one the metadata gives for its id (a key
    /// rotated out ends the entry), its endorsement for the activity's channel, the lifetime now, and the
    /// <c>serviceurl</c> claim against the activity.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ValidatedToken> _validated = new(StringComparer.Ordinal);

    private sealed record ValidatedToken(SigningKey Key, ClaimsIdentity Identity, DateTime? NotBefore, DateTime Expires);

    public async Task<InboundAuthResult> ValidateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            return InboundAuthResult.Fail("missing Authorization header");
        }

        const string scheme = "Bearer ";
        if (!authorizationHeader.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return InboundAuthResult.Fail("Authorization scheme is not Bearer");
        }

        var raw = authorizationHeader[scheme.Length..].Trim();
        if (_validated.TryGetValue(raw, out var known) && await RecheckAsync(raw, known, activity, cancellationToken) is { } rechecked)
        {
            return rechecked;
        }

        JsonWebToken token;
        try
        {
            token = new JsonWebToken(raw);
        }
        catch (ArgumentException)
        {
            return InboundAuthResult.Fail("token is not a well-formed JWT");
        }

        // Checked before anything else so that 'none' and HMAC tokens never reach key selection.
        if (!AllowedAlgorithms.Contains(token.Alg, StringComparer.Ordinal))
        {
            return InboundAuthResult.Fail($"algorithm '{LogText.Untrusted(token.Alg)}' is not allowed");
        }

        if (string.IsNullOrEmpty(token.Kid))
        {
            return InboundAuthResult.Fail("token has no key id");
        }

        var key = await keys.GetKeyAsync(token.Kid, cancellationToken);
        if (key is null)
        {
            return InboundAuthResult.Fail("signing key is unknown");
        }

        if (EndorsementProblem(key, activity) is { } notEndorsed)
        {
            return notEndorsed;
        }

        var o = options.Value;
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = o.TokenIssuer,
            ValidAudience = o.AppId,
            IssuerSigningKey = key.Key,
            ValidAlgorithms = AllowedAlgorithms,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateIssuerSigningKey = true,
            ValidateLifetime = true,
            ClockSkew = o.ClockSkew,
            TryAllIssuerSigningKeys = false,
            LifetimeValidator = ValidateLifetime,
        };

        var result = await _handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid)
        {
            return InboundAuthResult.Fail($"token rejected: {result.Exception?.GetType().Name}");
        }

        if (ServiceUrlProblem(result.ClaimsIdentity, activity) is { } otherServiceUrl)
        {
            return otherServiceUrl;
        }

        if (_validated.Count >= MaxValidatedTokens)
        {
            _validated.Clear();
        }

        _validated[raw] = new ValidatedToken(key, result.ClaimsIdentity, token.ValidFrom == DateTime.MinValue ? null : token.ValidFrom, token.ValidTo);
        return new InboundAuthResult(true, null, result.ClaimsIdentity);
    }

    /// <summary>The per-activity part of the checks, for a token whose signature was verified before.</summary>
    /// <returns>The answer, or null when the token must be validated from scratch.</returns>
    private async Task<InboundAuthResult?> RecheckAsync(string raw, ValidatedToken known, Activity activity, CancellationToken cancellationToken)
    {
        var key = await keys.GetKeyAsync(known.Key.KeyId, cancellationToken);
        if (key is null || !ReferenceEquals(key.Key, known.Key.Key))
        {
            // The metadata no longer gives this key (rotated out, or replaced): forget the entry, validate from scratch.
            _validated.TryRemove(raw, out _);
            return null;
        }

        if (EndorsementProblem(key, activity) is { } notEndorsed)
        {
            return notEndorsed;
        }

        if (!WithinLifetime(known.NotBefore, known.Expires, options.Value.ClockSkew))
        {
            _validated.TryRemove(raw, out _);
            return InboundAuthResult.Fail("token rejected: SecurityTokenExpiredException");
        }

        return ServiceUrlProblem(known.Identity, activity) ?? new InboundAuthResult(true, null, known.Identity);
    }

    /// <summary>The key must be endorsed for the activity's channel.</summary>
    private static InboundAuthResult? EndorsementProblem(SigningKey key, Activity activity) =>
        string.IsNullOrEmpty(activity.ChannelId) || !key.Endorsements.Contains(activity.ChannelId, StringComparer.OrdinalIgnoreCase)
            ? InboundAuthResult.Fail($"signing key is not endorsed for channel '{LogText.Untrusted(activity.ChannelId)}'")
            : null;

    /// <summary>The token's <c>serviceurl</c> claim must be the activity's serviceUrl, exactly.</summary>
    private static InboundAuthResult? ServiceUrlProblem(ClaimsIdentity identity, Activity activity) =>
        identity.FindFirst(ServiceUrlClaim)?.Value is { Length: > 0 } serviceUrl && string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.Ordinal)
            ? null
            : InboundAuthResult.Fail("serviceurl claim does not match the activity's serviceUrl");

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters) =>
        WithinLifetime(notBefore, expires, parameters.ClockSkew);

    /// <summary>Not before (less the skew) and not after (plus the skew) now; a token without an expiry never is.</summary>
    private bool WithinLifetime(DateTime? notBefore, DateTime? expires, TimeSpan skew)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return expires is { } exp && exp >= now - skew && !(notBefore is { } nbf && nbf > now + skew);
    }
}
