using DiligenceBot.BotFramework.Authentication;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DiligenceBot.BotFramework;

/// <summary>
/// The bot's identity and every Microsoft endpoint it talks to (section <c>Bot</c>). Each endpoint has the
/// public-cloud default and can be pointed elsewhere (sovereign clouds, local stand-ins in tests).
/// </summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    /// <summary>The Microsoft App ID of the bot registration. Empty = local development mode (no auth).</summary>
    public string? AppId { get; set; }

    /// <summary>Client secret for MultiTenant / SingleTenant. Never in the repo: user-secrets or environment.</summary>
    public string? AppPassword { get; set; }

    /// <summary>MultiTenant, SingleTenant or UserAssignedMSI.</summary>
    public string AppType { get; set; } = BotAppTypes.MultiTenant;

    /// <summary>The app's home tenant; required for SingleTenant.</summary>
    public string? TenantId { get; set; }

    /// <summary>OpenID metadata of the Bot Connector service (signing keys of inbound tokens).</summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The issuer of inbound tokens from the channel.</summary>
    public string TokenIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>Microsoft Entra login host; the tenant segment is added (botframework.com or TenantId).</summary>
    public string LoginAuthority { get; set; } = "https://login.microsoftonline.com";

    /// <summary>Tenant segment used for MultiTenant bots.</summary>
    public string ChannelAuthTenant { get; set; } = "botframework.com";

    /// <summary>Scope of the outbound token.</summary>
    public string OAuthScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>Token endpoint of the managed identity (IMDS) for UserAssignedMSI.</summary>
    public string ManagedIdentityEndpoint { get; set; } = "http://169.254.169.254/metadata/identity/oauth2/token";

    /// <summary>
    /// Service URLs (prefixes) trusted for outbound tokens in addition to those that arrive in authenticated
    /// activities. Teams' public connector by default.
    /// </summary>
    public List<string> TrustedServiceUrls { get; set; } = ["https://smba.trafficmanager.net/"];

    /// <summary>Largest activity body accepted; larger gets 413.</summary>
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>Allowed clock difference when checking token lifetimes.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long fetched signing keys are used before they are fetched again.</summary>
    public TimeSpan SigningKeyRefreshInterval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>An unknown key id triggers a refresh, at most once per this interval (stops key-id floods).</summary>
    public TimeSpan SigningKeyMinRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest the last keys fetched are served while the key server fails (they were refreshed every
    /// <see cref="SigningKeyRefreshInterval"/> until then); older keys are dropped and every activity gets 401.
    /// </summary>
    public TimeSpan SigningKeyMaxAge { get; set; } = TimeSpan.FromDays(3);

    /// <summary>The longest one fetch of the metadata and its key document may take, both together.</summary>
    public TimeSpan SigningKeyFetchTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>After a failed fetch no other is tried for this long; doubled after each further failure.</summary>
    public TimeSpan SigningKeyRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between two fetches of a failing key server.</summary>
    public TimeSpan SigningKeyMaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Largest metadata or key document read; a larger one is a failed fetch.</summary>
    public int SigningKeyMaxDocumentBytes { get; set; } = 256 * 1024;

    /// <summary>Tries of the token endpoint per fetch of the outbound token (5xx, 408/429, resets, timeouts, junk are tried again).</summary>
    public int OutboundTokenTries { get; set; } = 3;

    /// <summary>The wait before the second try of one fetch (doubled for each further try, with full jitter).</summary>
    public TimeSpan OutboundTokenTryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>After a fetch whose tries all failed no other starts for this long; doubled after each further failed fetch.</summary>
    public TimeSpan OutboundTokenRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between two fetches while the token endpoint keeps failing.</summary>
    public TimeSpan OutboundTokenMaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Connector retries after the first attempt, for 429/412/502/503/504.</summary>
    public int ConnectorMaxRetries { get; set; } = 4;

    /// <summary>First backoff step (doubled each retry, with full jitter) when no Retry-After is given.</summary>
    public TimeSpan ConnectorBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Upper bound on any single wait, including a server's Retry-After.</summary>
    public TimeSpan ConnectorMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>True when no app id is set: the Emulator / Agents Playground mode.</summary>
    public bool IsLocalDevelopmentMode => string.IsNullOrWhiteSpace(AppId);
}

public static class BotAppTypes
{
    public const string MultiTenant = "MultiTenant";
    public const string SingleTenant = "SingleTenant";
    public const string UserAssignedMsi = "UserAssignedMSI";
}

/// <summary>Stops start-up with a message naming the key that is wrong.</summary>
internal sealed class BotOptionsValidator(IHostEnvironment environment) : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        var failures = new List<string>();
        if (options.IsLocalDevelopmentMode)
        {
            if (!environment.IsDevelopment())
            {
                failures.Add($"Bot:AppId is empty. Running without authentication (local development mode) is accepted only in the Development environment, and this is '{environment.EnvironmentName}'; set Bot:AppId and its credentials, or ASPNETCORE_ENVIRONMENT=Development on your own machine.");
            }
        }
        else
        {
            switch (options.AppType)
            {
                case BotAppTypes.MultiTenant:
                    if (string.IsNullOrWhiteSpace(options.AppPassword))
                    {
                        failures.Add("Bot:AppPassword is required when Bot:AppType is MultiTenant.");
                    }

                    break;
                case BotAppTypes.SingleTenant:
                    if (string.IsNullOrWhiteSpace(options.AppPassword))
                    {
                        failures.Add("Bot:AppPassword is required when Bot:AppType is SingleTenant.");
                    }

                    if (!Guid.TryParse(options.TenantId, out _))
                    {
                        failures.Add("Bot:TenantId must be the tenant's GUID when Bot:AppType is SingleTenant.");
                    }

                    break;
                case BotAppTypes.UserAssignedMsi:
                    break;
                default:
                    failures.Add($"Bot:AppType must be one of {BotAppTypes.MultiTenant}, {BotAppTypes.SingleTenant}, {BotAppTypes.UserAssignedMsi}.");
                    break;
            }
        }

        foreach (var (key, value) in new[]
                 {
                     ("Bot:OpenIdMetadataUrl", options.OpenIdMetadataUrl),
                     ("Bot:LoginAuthority", options.LoginAuthority),
                     ("Bot:ManagedIdentityEndpoint", options.ManagedIdentityEndpoint),
                 })
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                failures.Add($"{key} must be an absolute http(s) URL.");
            }
        }

        // The keys that decide who may talk to the bot, and the authority that hands the bot the token it sends
        // with every reply, come only over https, except on a developer's machine. (The managed identity endpoint
        // is the instance metadata service, plain http on a link-local address by design.)
        foreach (var (key, value) in new[] { ("Bot:OpenIdMetadataUrl", options.OpenIdMetadataUrl), ("Bot:LoginAuthority", options.LoginAuthority) })
        {
            if (IdentityEndpoints.Refusal(key, value, environment) is { } refusal)
            {
                failures.Add(refusal);
            }
        }

        ValidateSigningKeyTimes(options, failures);
        ValidateOutboundTokenRetries(options, failures);

        if (string.IsNullOrWhiteSpace(options.TokenIssuer))
        {
            failures.Add("Bot:TokenIssuer is required.");
        }

        foreach (var url in options.TrustedServiceUrls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out _))
            {
                failures.Add($"Bot:TrustedServiceUrls contains '{url}', which is not an absolute URL.");
            }
        }

        if (options.MaxActivityBytes is < 1024 or > 16 * 1024 * 1024)
        {
            failures.Add("Bot:MaxActivityBytes must be between 1024 and 16777216.");
        }

        if (options.ConnectorMaxRetries is < 0 or > 10)
        {
            failures.Add("Bot:ConnectorMaxRetries must be between 0 and 10.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateOutboundTokenRetries(BotOptions options, List<string> failures)
    {
        // A message waits for the token while a fetch runs (its tries one after the other), so both are bounded.
        if (options.OutboundTokenTries is < 1 or > 10)
        {
            failures.Add("Bot:OutboundTokenTries must be between 1 and 10.");
        }

        if (options.OutboundTokenTryDelay < TimeSpan.Zero || options.OutboundTokenTryDelay > TimeSpan.FromSeconds(30))
        {
            failures.Add("Bot:OutboundTokenTryDelay must be between 00:00:00 and 00:00:30.");
        }

        if (options.OutboundTokenRetryDelay <= TimeSpan.Zero || options.OutboundTokenRetryDelay > options.OutboundTokenMaxRetryDelay)
        {
            failures.Add("Bot:OutboundTokenRetryDelay must be positive and at most Bot:OutboundTokenMaxRetryDelay.");
        }

        if (options.OutboundTokenMaxRetryDelay > TimeSpan.FromHours(1))
        {
            failures.Add("Bot:OutboundTokenMaxRetryDelay must be at most 01:00:00.");
        }
    }

    private static void ValidateSigningKeyTimes(BotOptions options, List<string> failures)
    {
        static bool Positive(TimeSpan value) => value > TimeSpan.Zero;

        if (!Positive(options.SigningKeyRefreshInterval))
        {
            failures.Add("Bot:SigningKeyRefreshInterval must be positive.");
        }

        if (options.SigningKeyMinRefreshInterval < TimeSpan.Zero || options.SigningKeyMinRefreshInterval > options.SigningKeyRefreshInterval)
        {
            failures.Add("Bot:SigningKeyMinRefreshInterval must be between 0 and Bot:SigningKeyRefreshInterval.");
        }

        if (options.SigningKeyMaxAge < options.SigningKeyRefreshInterval)
        {
            failures.Add("Bot:SigningKeyMaxAge must be at least Bot:SigningKeyRefreshInterval.");
        }

        if (!Positive(options.SigningKeyFetchTimeout) || options.SigningKeyFetchTimeout > TimeSpan.FromMinutes(2))
        {
            failures.Add("Bot:SigningKeyFetchTimeout must be positive and at most 00:02:00.");
        }

        if (!Positive(options.SigningKeyRetryDelay) || options.SigningKeyRetryDelay > options.SigningKeyMaxRetryDelay)
        {
            failures.Add("Bot:SigningKeyRetryDelay must be positive and at most Bot:SigningKeyMaxRetryDelay.");
        }

        if (options.SigningKeyMaxDocumentBytes is < 4096 or > 16 * 1024 * 1024)
        {
            failures.Add("Bot:SigningKeyMaxDocumentBytes must be between 4096 and 16777216.");
        }
    }
}
