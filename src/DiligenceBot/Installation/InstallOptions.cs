using Microsoft.Extensions.Options;

namespace DiligenceBot.Installation;

/// <summary>
/// Proactive installation (section <c>Install</c>): the app installed through Microsoft Graph in the personal scope of
/// everyone in the directory who needs it and has no conversation with the bot. Off unless a tenant is listed.
/// </summary>
public sealed class InstallOptions
{
    public const string SectionName = "Install";

    /// <summary>The tenants whose people get the app installed; empty (the default) turns proactive installation off.</summary>
    public List<string> Tenants { get; set; } = [];

    /// <summary>The app's id in the tenant's Teams app catalog (<c>teamsApp.id</c>, not the manifest id of an uploaded org app).</summary>
    public string? TeamsAppId { get; set; }

    /// <summary>
    /// The Bot Framework service URL of the tenant's region, for a chat found already installed (409) when no activity
    /// of the tenant has brought one yet, e.g. https://smba.trafficmanager.net/apac/. Optional.
    /// </summary>
    public string? ServiceUrl { get; set; }

    /// <summary>How often the installation job runs besides after each directory sync.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Installations requested per second and tenant (Graph's per-app limits are far above; the job is background work).</summary>
    public int RequestsPerSecond { get; set; } = 5;

    /// <summary>At most this many people per run; the rest wait for the next run.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>A person whose installation fails transiently (5xx, timeouts) this many times is recorded as failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    public bool IsOnFor(string? tenantId) =>
        tenantId is not null && Tenants.Any(t => string.Equals(t, tenantId, StringComparison.OrdinalIgnoreCase));
}

internal sealed class InstallOptionsValidator(IOptions<DirectorySync.DirectoryOptions> directory) : IValidateOptions<InstallOptions>
{
    public ValidateOptionsResult Validate(string? name, InstallOptions o)
    {
        if (o.Tenants.Count == 0)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        var d = directory.Value;
        foreach (var tenant in o.Tenants)
        {
            // The Graph credentials read (and install for) one tenant: the directory's.
            if (!d.UsesGraph || !string.Equals(tenant, d.TenantId, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"Install:Tenants lists '{tenant}', but installing needs Directory:Source Graph for that tenant (Directory:TenantId).");
            }
        }

        if (!Guid.TryParse(o.TeamsAppId, out _))
        {
            errors.Add($"Install:TeamsAppId must be the app's id in the Teams app catalog (a GUID) when Install:Tenants is set; it is '{o.TeamsAppId}'.");
        }

        if (o.ServiceUrl is { Length: > 0 } url && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback)))
        {
            errors.Add($"Install:ServiceUrl must be an https URL; it is '{url}'.");
        }

        if (o.Interval < TimeSpan.FromMinutes(5) || o.Interval > TimeSpan.FromDays(1))
        {
            errors.Add($"Install:Interval must be between 00:05:00 and 1.00:00:00; it is '{o.Interval}'.");
        }

        if (o.RequestsPerSecond is < 1 or > 50)
        {
            errors.Add("Install:RequestsPerSecond must be between 1 and 50.");
        }

        if (o.BatchSize is < 1 or > 20000)
        {
            errors.Add("Install:BatchSize must be between 1 and 20000.");
        }

        if (o.MaxAttempts is < 1 or > 100)
        {
            errors.Add("Install:MaxAttempts must be between 1 and 100.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
