using System.Text.Json;
using System.Text.Json.Serialization;
using DiligenceBot.DirectorySync;
using DiligenceBot.Organisation;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Data;

/// <summary>
/// The seeds as a directory source: <c>seeds/directory.json</c> (teams with their settings, people, managers) read into a
/// <see cref="DirectoryBatch"/> per organisation and applied by the same <see cref="DirectoryUpdate"/> as a Graph sync.
/// The seeds add and update; they never deactivate anyone (a person removed from the file stays as they were).
/// Idempotent: running it twice changes nothing. A file with an error throws <see cref="InvalidDataException"/>.
/// </summary>
public static class DirectorySeed
{
    public const string FileName = "directory.json";

    public static async Task<int> ApplyAsync(DiligenceDbContext db, string seedFolder, TimeProvider time, DirectoryOptions directory, CancellationToken cancellationToken)
    {
        var path = Path.Combine(seedFolder, FileName);
        if (!File.Exists(path))
        {
            return 0;
        }

        await using var stream = File.OpenRead(path);
        var file = await JsonSerializer.DeserializeAsync(stream, SeedJsonContext.Default.DirectorySeedFile, cancellationToken)
            ?? throw new InvalidDataException($"{path} is empty.");

        var update = new DirectoryUpdate(db, time, Microsoft.Extensions.Options.Options.Create(directory));
        var changes = 0;
        // The tenant Graph is configured for belongs to Graph's sync; other organisations in the file still come from it.
        foreach (var org in file.Organisations.Where(o => !directory.UsesGraph || !string.Equals(o.TenantId, directory.TenantId, StringComparison.OrdinalIgnoreCase)))
        {
            var plan = await update.PlanAsync(ToBatch(org), cancellationToken);
            if (plan.Conflicts.Count > 0)
            {
                throw new InvalidDataException($"{Path.GetFileName(path)}: {string.Join(" ", plan.Conflicts)}");
            }

            changes += await update.ApplyAsync(plan, cancellationToken);
        }

        return changes;
    }

    private static DirectoryBatch ToBatch(OrganisationSeed org)
    {
        var aadById = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in org.People)
        {
            aadById.TryAdd(p.Id, p.AadObjectId.ToLowerInvariant());
        }

        string? Aad(string? id, string what) => id is null ? null
            : aadById.TryGetValue(id, out var aad) ? aad
            : throw new InvalidDataException($"{what} names {id}, who is not among the people.");

        return new DirectoryBatch
        {
            TenantId = org.TenantId,
            Source = DirectoryBatch.SeedsSource,
            People = [.. org.People.Select(p => new DirectoryPersonEntry(p.AadObjectId.ToLowerInvariant(), p.DisplayName)
            {
                Id = p.Id,
                Email = p.Email,
                Locale = p.Locale,
                IsAdmin = p.IsAdmin,
                TeamKey = p.TeamId,
                ManagerAadObjectId = Aad(p.ReportsToId, $"Person {p.Id}'s reportsToId"),
            })],
            Teams = [.. org.Teams.Select(t => new DirectoryTeamEntry(t.Id, t.NameEn, t.NameZh, Aad(t.LeadId, $"Team {t.Id}'s leadId"))
            {
                Id = t.Id,
                Settings = Settings(t),
            })],
        };
    }

    private static TeamSettings Settings(TeamSeed t)
    {
        var (covers, due) = t.LogRule();
        return new TeamSettings(
            TimeOnly.ParseExact(t.MeetingTime, "HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            TimeZoneInfo.TryConvertIanaIdToWindowsId(t.TimeZone, out _)
                ? t.TimeZone
                : throw new InvalidDataException($"Team {t.Id}: '{t.TimeZone}' is not an IANA time zone id."),
            t.LogTemplateId,
            t.DelegateIds,
            [.. t.WorkingDays.Select(d => (int)Enum.Parse<DayOfWeek>(d, ignoreCase: true)).Order()],
            t.HolidayCalendarId,
            t.ReminderOffsets,
            covers,
            due);
    }
}

internal sealed class DirectorySeedFile
{
    public List<OrganisationSeed> Organisations { get; set; } = [];
}

internal sealed class OrganisationSeed
{
    public required string TenantId { get; set; }
    public List<TeamSeed> Teams { get; set; } = [];
    public List<PersonSeed> People { get; set; } = [];
}

internal sealed class TeamSeed
{
    public required string Id { get; set; }
    public required string NameEn { get; set; }
    public required string NameZh { get; set; }
    public string? LeadId { get; set; }
    public string MeetingTime { get; set; } = "08:30";
    public string TimeZone { get; set; } = "Asia/Shanghai";
    public string? LogTemplateId { get; set; }
    public List<string> DelegateIds { get; set; } = [];
    public List<string> WorkingDays { get; set; } = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
    public string? HolidayCalendarId { get; set; }
    public List<int> ReminderOffsets { get; set; } = [60, 15];
    /// <summary>"previous-working-day" (the default: due at the start of the meeting) or "same-day" (due at <see cref="LogDueTime"/>).</summary>
    public string LogCovers { get; set; } = "previous-working-day";
    /// <summary>"HH:mm", required for "same-day".</summary>
    public string? LogDueTime { get; set; }

    public (LogCoverage Covers, TimeOnly? DueTime) LogRule() => LogCovers switch
    {
        "previous-working-day" when LogDueTime is null => (LogCoverage.PreviousWorkingDay, null),
        "same-day" when TimeOnly.TryParseExact(LogDueTime, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var due) =>
            (LogCoverage.SameDay, due),
        "previous-working-day" => throw new InvalidDataException($"Team {Id}: logDueTime is only for logCovers \"same-day\" (a previous-working-day log is due at the meeting)."),
        "same-day" => throw new InvalidDataException($"Team {Id}: logCovers \"same-day\" needs logDueTime as HH:mm, e.g. \"18:00\"."),
        _ => throw new InvalidDataException($"Team {Id}: logCovers must be \"previous-working-day\" or \"same-day\", not \"{LogCovers}\"."),
    };
}

internal sealed class PersonSeed
{
    public required string Id { get; set; }
    public required string DisplayName { get; set; }
    public required string AadObjectId { get; set; }
    public string? Email { get; set; }
    public string? TeamId { get; set; }
    public string? ReportsToId { get; set; }
    public bool IsAdmin { get; set; }
    public string? Locale { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(DirectorySeedFile))]
internal sealed partial class SeedJsonContext : JsonSerializerContext;
