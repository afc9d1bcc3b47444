using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace DiligenceBot.Surveys;

/// <summary>The survey settings (section <c>Survey</c>).</summary>
public sealed class SurveyOptions
{
    public const string SectionName = "Survey";

    /// <summary>
    /// The HMAC-SHA256 key that signs the links, base64, at least 32 bytes; a secret (user-secrets or the environment
    /// variable Survey__SigningKey), never in the repo. Without it the survey links cannot be issued (the lead is told).
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>The address customers' phones open (https://bot.example.com); the links are {PublicBaseUrl}/survey/{token}.</summary>
    public string? PublicBaseUrl { get; set; }

    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Survey pages (opened or sent) per client IP address per minute.</summary>
    public int PerClientPerMinute { get; set; } = 60;

    /// <summary>Requests per link per minute.</summary>
    public int PerLinkPerMinute { get; set; } = 10;

    /// <summary>Links a lead issues at once (one manager's customers).</summary>
    public int MaxLinks { get; set; } = 1000;

    public bool IsConfigured => !string.IsNullOrEmpty(SigningKey) && !string.IsNullOrEmpty(PublicBaseUrl);
}

internal sealed class SurveyOptionsValidator : IValidateOptions<SurveyOptions>
{
    public ValidateOptionsResult Validate(string? name, SurveyOptions options)
    {
        var problems = new List<string>();
        if (!string.IsNullOrEmpty(options.SigningKey) && SurveyTokens.KeyOf(options.SigningKey) is null)
        {
            // The key itself is never part of the message.
            problems.Add($"{SurveyOptions.SectionName}:SigningKey must be base64 of at least 32 random bytes (e.g. openssl rand -base64 32).");
        }

        if (!string.IsNullOrEmpty(options.PublicBaseUrl)
            && (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.Query.Length > 0))
        {
            problems.Add($"{SurveyOptions.SectionName}:PublicBaseUrl must be an absolute http(s) address without a query, not “{options.PublicBaseUrl}”.");
        }

        if (options.LinkLifetime < TimeSpan.FromHours(1) || options.LinkLifetime > TimeSpan.FromDays(366))
        {
            problems.Add($"{SurveyOptions.SectionName}:LinkLifetime must be between 01:00:00 and 366.00:00:00, not {options.LinkLifetime}.");
        }

        if (options.PerClientPerMinute < 1 || options.PerLinkPerMinute < 1)
        {
            problems.Add($"{SurveyOptions.SectionName}:PerClientPerMinute and PerLinkPerMinute must be at least 1.");
        }

        if (options.MaxLinks is < 1 or > 10000)
        {
            problems.Add($"{SurveyOptions.SectionName}:MaxLinks must be 1-10000, not {options.MaxLinks}.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

/// <summary>
/// The survey links' tokens: 16 random bytes (the link's id) followed by the first 16 bytes of their HMAC-SHA256 under
/// the configured key, base64url (43 characters). A token whose signature does not match is refused before the database
/// is read; the database keeps only SHA-256 of the id, so neither a copy of the database nor the key alone makes a link.
/// </summary>
public sealed class SurveyTokens(IOptions<SurveyOptions> options)
{
    private const int IdBytes = 16, MacBytes = 16, TokenBytes = IdBytes + MacBytes;
    public const int TokenLength = 43;

    private readonly byte[]? _key = KeyOf(options.Value.SigningKey);

    public bool IsConfigured => _key is not null && options.Value.IsConfigured;

    internal static byte[]? KeyOf(string? configured)
    {
        if (string.IsNullOrEmpty(configured))
        {
            return null;
        }

        try
        {
            var key = Convert.FromBase64String(configured);
            return key.Length >= 32 ? key : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>A new token and the hash the database keeps.</summary>
    public (string Token, byte[] IdHash) Issue()
    {
        var key = _key ?? throw new InvalidOperationException("Survey:SigningKey is not configured.");
        Span<byte> token = stackalloc byte[TokenBytes];
        RandomNumberGenerator.Fill(token[..IdBytes]);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(key, token[..IdBytes], mac);
        mac[..MacBytes].CopyTo(token[IdBytes..]);
        return (Base64Url.EncodeToString(token), SHA256.HashData(token[..IdBytes]));
    }

    /// <summary>The hash of a well-signed token's id, or null for anything else (forged, tampered, truncated).</summary>
    public byte[]? Verify(string? token)
    {
        if (_key is null || token is null || token.Length != TokenLength)
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[TokenBytes + 2];
        if (!Base64Url.TryDecodeFromChars(token, bytes, out var written) || written != TokenBytes
            || !string.Equals(Base64Url.EncodeToString(bytes[..TokenBytes]), token, StringComparison.Ordinal))
        {
            return null;
        }

        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, bytes[..IdBytes], mac);
        return CryptographicOperations.FixedTimeEquals(mac[..MacBytes], bytes[IdBytes..TokenBytes]) ? SHA256.HashData(bytes[..IdBytes]) : null;
    }

    /// <summary>The link customers open.</summary>
    public string LinkOf(string token) => options.Value.PublicBaseUrl!.TrimEnd('/') + SurveyPage.PathPrefix + token;
}
