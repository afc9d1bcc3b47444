using Microsoft.Extensions.Options;

namespace DiligenceBot.Dashboard;

/// <summary>
/// The leads' dashboard tab and its API (section "Dashboard"): the Entra app its Teams SSO tokens are issued for, the
/// tenants whose users may call it, the login instance (sovereign clouds) and its OpenID metadata.
/// </summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>The host the app is served at (the tabs' pages; the app package's SSO resource <c>api://HOST/APPID</c>).</summary>
    public string? HostName { get; set; }

    /// <summary>The Entra app (client) id the tab's tokens are issued for; empty = Bot:AppId.</summary>
    public string? AppId { get; set; }

    /// <summary>The app's Application ID URI, accepted as the token's audience besides the app id; empty = <c>api://{HostName}/{AppId}</c>.</summary>
    public string? ApplicationIdUri { get; set; }

    /// <summary>The tenants whose users may use the tab; a token of any other tenant is refused (none listed: no SSO token is accepted).</summary>
    public List<string> TenantIds { get; set; } = [];

    /// <summary>The login instance: a v2 token's issuer is <c>{Instance}/{tenant id}/v2.0</c>.</summary>
    public string Instance { get; set; } = "https://login.microsoftonline.com";

    /// <summary>Where the signing keys are found (the multi-tenant v2 metadata by default).</summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/organizations/v2.0/.well-known/openid-configuration";

    /// <summary>The delegated scope the token must carry in <c>scp</c>.</summary>
    public string Scope { get; set; } = "access_as_user";

    /// <summary>
    /// The clearly marked "demo sign-in" as a directory person for a plain browser outside Teams. Honoured in the
    /// Development environment only (the default there): elsewhere start-up stops when it is set to true.
    /// </summary>
    public bool? DemoSignIn { get; set; }

    /// <summary>The longest range a view takes, in days (a longer one is refused with 400).</summary>
    public int MaxRangeDays { get; set; } = 92;
}

internal sealed class DashboardOptionsValidator(IHostEnvironment environment) : IValidateOptions<DashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        var failures = new List<string>();
        if (options.DemoSignIn == true && !environment.IsDevelopment())
        {
            failures.Add("Dashboard:DemoSignIn is for the Development environment only; remove it (it would let anyone sign in as anyone).");
        }

        if (!Uri.TryCreate(options.Instance, UriKind.Absolute, out var instance) || (instance.Scheme != Uri.UriSchemeHttps && !environment.IsDevelopment()))
        {
            failures.Add($"Dashboard:Instance must be an https URL (it is '{options.Instance}').");
        }

        if (!Uri.TryCreate(options.OpenIdMetadataUrl, UriKind.Absolute, out var metadata) || (metadata.Scheme != Uri.UriSchemeHttps && !environment.IsDevelopment()))
        {
            failures.Add($"Dashboard:OpenIdMetadataUrl must be an https URL (it is '{options.OpenIdMetadataUrl}').");
        }

        if (!string.IsNullOrEmpty(options.HostName) && !AppPackage.AppPackageCommand.IsHostName(options.HostName))
        {
            failures.Add($"Dashboard:HostName must be a host name such as diligencebot.contoso.com, without scheme or path (it is '{options.HostName}').");
        }

        if (options.TenantIds.Any(t => !Guid.TryParse(t, out _)))
        {
            failures.Add("Dashboard:TenantIds must be tenant ids (GUIDs).");
        }

        if (options.MaxRangeDays is < 7 or > 400)
        {
            failures.Add($"Dashboard:MaxRangeDays must be 7-400 (it is {options.MaxRangeDays}).");
        }

        if (string.IsNullOrWhiteSpace(options.Scope))
        {
            failures.Add("Dashboard:Scope must name the delegated scope (access_as_user).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
