using Microsoft.Extensions.Options;

namespace DiligenceBot.DirectorySync;

/// <summary>Where the organisation comes from (section <c>Directory</c>): the seed file, or Microsoft Graph.</summary>
public sealed class DirectoryOptions
{
    public const string SectionName = "Directory";

    /// <summary><see cref="DirectorySources.Seeds"/> (default: seeds/directory.json, offline and demo) or <see cref="DirectorySources.Graph"/>.</summary>
    public string Source { get; set; } = DirectorySources.Seeds;

    /// <summary>The Entra tenant whose directory is read (Graph).</summary>
    public string? TenantId { get; set; }
    /// <summary>The app registration's client id (Graph; application permissions).</summary>
    public string? ClientId { get; set; }
    /// <summary>Client secret (user-secrets or environment only) …</summary>
    public string? ClientSecret { get; set; }
    /// <summary>… or a certificate with its private key: a PFX/PEM file path …</summary>
    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }
    /// <summary>… or a managed identity (its client id; empty for the system-assigned one) when set to true.</summary>
    public bool UseManagedIdentity { get; set; }
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Microsoft Graph's root (sovereign clouds differ).</summary>
    public string GraphBaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";
    /// <summary>The Entra login host for app-only tokens.</summary>
    public string AuthorityHost { get; set; } = "https://login.microsoftonline.com/";

    /// <summary>Entra group (object id) of the account managers.</summary>
    public string? ManagersGroupId { get; set; }
    /// <summary>Entra group of the leads: each lead gets a team (see <see cref="TeamRule"/>).</summary>
    public string? LeadsGroupId { get; set; }
    /// <summary>Entra group of the bot's administrators.</summary>
    public string? AdminsGroupId { get; set; }
    /// <summary><see cref="TeamRules.NearestLead"/>: a team per lead, holding the managers whose nearest lead up the manager chain is that lead.</summary>
    public string TeamRule { get; set; } = TeamRules.NearestLead;

    /// <summary>Local time of the nightly sync, in <see cref="NightlyTimeZone"/>.</summary>
    public TimeOnly NightlyTime { get; set; } = new(2, 0);
    public string NightlyTimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>A sync that would move or deactivate more than this share of the active people stops and waits for an admin.</summary>
    public double GuardShare { get; set; } = 0.1;
    /// <summary>… but never for fewer than this many people (a ten-person tenant may lose one).</summary>
    public int GuardMinimum { get; set; } = 5;

    /// <summary>Settings of a team the directory forms (an admin changes them afterwards; membership changes keep them).</summary>
    public TimeOnly NewTeamMeetingTime { get; set; } = new(8, 30);
    public string NewTeamTimeZone { get; set; } = "Asia/Shanghai";
    public string? NewTeamLogTemplateId { get; set; } = "field-sales";
    public string? NewTeamHolidayCalendarId { get; set; } = "cn-mainland";

    public bool UsesGraph => string.Equals(Source, DirectorySources.Graph, StringComparison.OrdinalIgnoreCase);

    /// <summary>The configured groups, in a stable order.</summary>
    public IEnumerable<(string GroupId, Organisation.DirectoryRoles Role)> Groups()
    {
        if (!string.IsNullOrWhiteSpace(ManagersGroupId))
        {
            yield return (ManagersGroupId.ToLowerInvariant(), Organisation.DirectoryRoles.Manager);
        }

        if (!string.IsNullOrWhiteSpace(LeadsGroupId))
        {
            yield return (LeadsGroupId.ToLowerInvariant(), Organisation.DirectoryRoles.Lead);
        }

        if (!string.IsNullOrWhiteSpace(AdminsGroupId))
        {
            yield return (AdminsGroupId.ToLowerInvariant(), Organisation.DirectoryRoles.Admin);
        }
    }
}

public static class DirectorySources
{
    public const string Seeds = "Seeds";
    public const string Graph = "Graph";
}

public static class TeamRules
{
    public const string NearestLead = "NearestLead";
}

internal sealed class DirectoryOptionsValidator : IValidateOptions<DirectoryOptions>
{
    public ValidateOptionsResult Validate(string? name, DirectoryOptions o)
    {
        var errors = new List<string>();
        if (!string.Equals(o.Source, DirectorySources.Seeds, StringComparison.OrdinalIgnoreCase) && !o.UsesGraph)
        {
            errors.Add($"Directory:Source must be {DirectorySources.Seeds} or {DirectorySources.Graph}; it is '{o.Source}'.");
        }

        if (o.GuardShare is <= 0 or > 1 || double.IsNaN(o.GuardShare))
        {
            errors.Add("Directory:GuardShare must be more than 0 and at most 1 (e.g. 0.1 for 10 %).");
        }

        if (o.GuardMinimum < 0)
        {
            errors.Add("Directory:GuardMinimum must not be negative.");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(o.NightlyTimeZone, out _))
        {
            errors.Add($"Directory:NightlyTimeZone '{o.NightlyTimeZone}' is not a time zone id.");
        }

        if (!TimeZoneInfo.TryConvertIanaIdToWindowsId(o.NewTeamTimeZone, out _))
        {
            errors.Add($"Directory:NewTeamTimeZone '{o.NewTeamTimeZone}' is not an IANA time zone id.");
        }

        if (o.UsesGraph)
        {
            Require(errors, o.TenantId, "Directory:TenantId", guid: true);
            if (!o.UseManagedIdentity)
            {
                Require(errors, o.ClientId, "Directory:ClientId", guid: true);
                if (string.IsNullOrWhiteSpace(o.ClientSecret) == string.IsNullOrWhiteSpace(o.CertificatePath))
                {
                    errors.Add("Directory: set exactly one of ClientSecret and CertificatePath (or UseManagedIdentity) for Graph.");
                }
            }

            Require(errors, o.ManagersGroupId, "Directory:ManagersGroupId", guid: true);
            Require(errors, o.LeadsGroupId, "Directory:LeadsGroupId", guid: true);
            if (!string.IsNullOrWhiteSpace(o.AdminsGroupId) && !Guid.TryParse(o.AdminsGroupId, out _))
            {
                errors.Add("Directory:AdminsGroupId must be a group's object id (a GUID).");
            }

            if (o.TeamRule != TeamRules.NearestLead)
            {
                errors.Add($"Directory:TeamRule must be {TeamRules.NearestLead}; it is '{o.TeamRule}'.");
            }

            foreach (var (key, url) in new[] { ("Directory:GraphBaseUrl", o.GraphBaseUrl), ("Directory:AuthorityHost", o.AuthorityHost) })
            {
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback))
                {
                    errors.Add($"{key} must be an https URL; it is '{url}'.");
                }
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Require(List<string> errors, string? value, string key, bool guid)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{key} is required when Directory:Source is Graph.");
        }
        else if (guid && !Guid.TryParse(value, out _))
        {
            errors.Add($"{key} must be a GUID; it is '{value}'.");
        }
    }
}
