using DiligenceBot.Organisation;

namespace DiligenceBot.DirectorySync;

/// <summary>
/// A tenant's organisation as one directory source sees it (the seed file, or Microsoft Graph after its team rule):
/// the one input of <see cref="DirectoryUpdate"/>, whatever the source.
/// </summary>
public sealed class DirectoryBatch
{
    public required string TenantId { get; init; }
    /// <summary><see cref="SeedsSource"/> or <see cref="GraphSource"/>.</summary>
    public required string Source { get; init; }
    /// <summary>True when the batch lists everyone: active people it does not list leave (Graph). The seeds only add and update.</summary>
    public bool Complete { get; init; }
    public List<DirectoryPersonEntry> People { get; init; } = [];
    public List<DirectoryTeamEntry> Teams { get; init; } = [];

    public const string SeedsSource = "seeds";
    public const string GraphSource = "graph";
}

/// <summary>A person as the source lists them. Keys are Entra object ids (lower-case), so the sources agree on who is who.</summary>
public sealed record DirectoryPersonEntry(string AadObjectId, string DisplayName)
{
    /// <summary>The seeds' own id (e.g. "wang-lei"); null for Graph, where a stored person keeps theirs and a new one gets a derived id.</summary>
    public string? Id { get; init; }
    public string? Email { get; init; }
    public string? Locale { get; init; }
    public bool IsAdmin { get; init; }
    public DirectoryRoles Roles { get; init; }
    /// <summary>The <see cref="DirectoryTeamEntry.Key"/> of the team this person works in as an account manager.</summary>
    public string? TeamKey { get; init; }
    /// <summary>Who this person reports to (Entra object id); must be in the batch, or is dropped when <see cref="ManagerMayBeOutside"/>.</summary>
    public string? ManagerAadObjectId { get; init; }
    /// <summary>Graph: a manager outside the configured groups is not in the bot's directory, and that is fine.</summary>
    public bool ManagerMayBeOutside { get; init; }
}

/// <summary>
/// A team as the source lists it. <see cref="Settings"/> null means the source does not own them (Graph): a stored team
/// keeps its meeting, zone, calendar and template whoever joins or leaves it, and a new one gets the configured defaults.
/// </summary>
public sealed record DirectoryTeamEntry(string Key, string NameEn, string NameZh, string? LeadAadObjectId)
{
    /// <summary>The stored id (seeds); null = the team the lead already leads, or a new id derived from the key.</summary>
    public string? Id { get; init; }
    public TeamSettings? Settings { get; init; }
}

/// <summary>What an admin sets for a team (seeds), as opposed to who is in it (the directory).</summary>
public sealed record TeamSettings(
    TimeOnly MeetingTime,
    string TimeZone,
    string? LogTemplateId,
    IReadOnlyList<string> DelegateIds,
    IReadOnlyList<int> WorkingDays,
    string? HolidayCalendarId,
    IReadOnlyList<int> ReminderOffsets,
    LogCoverage LogCovers,
    TimeOnly? LogDueTime);
