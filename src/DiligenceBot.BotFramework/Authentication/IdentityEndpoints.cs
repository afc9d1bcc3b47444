using Microsoft.Extensions.Hosting;

namespace DiligenceBot.BotFramework.Authentication;

/// <summary>
/// The one rule for the endpoints the bot's trust rests on: the channel's signing keys (the OpenID metadata and the
/// <c>jwks_uri</c> it names) and the login authority that issues the bot's own token. They are https, except in the
/// Development environment, where a local stand-in may speak plain http. Start-up validation and the signing-key
/// cache both ask here.
/// </summary>
internal static class IdentityEndpoints
{
    /// <summary>True outside Development: plain http is refused.</summary>
    public static bool HttpsRequired(IHostEnvironment environment) => !environment.IsDevelopment();

    /// <summary>Whether <paramref name="uri"/>'s scheme is acceptable (https; http too when not <paramref name="httpsRequired"/>).</summary>
    public static bool IsAllowed(Uri uri, bool httpsRequired) =>
        uri.Scheme == Uri.UriSchemeHttps || (!httpsRequired && uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>The start-up failure for configuration key <paramref name="key"/>, or null when its URL is acceptable (or not a URL at all, which is reported on its own).</summary>
    public static string? Refusal(string key, string? url, IHostEnvironment environment) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && !IsAllowed(uri, HttpsRequired(environment))
            ? $"{key} must be an https URL outside the Development environment (this is '{environment.EnvironmentName}', and it is '{uri.GetLeftPart(UriPartial.Authority)}')."
            : null;
}
