using System.Text.Json;
using System.Text.Json.Serialization;
using DiligenceBot.Organisation;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Data;

/// <summary>
/// Seeds the organisation (teams, leads, managers, meeting times) from <c>seeds/directory.json</c>.
/// Idempotent: inserts what is missing and updates what changed; running it twice changes nothing.
/// </summary>
public static class DirectorySeed
{
    public static async Task<int> ApplyAsync(DiligenceDbContext db, string seedFolder, CancellationToken cancellationToken)
    {
        var path = Path.Combine(seedFolder, "directory.json");
        if (!File.Exists(path))
        {
            return 0;
        }

        await using var stream = File.OpenRead(path);
        var file = await JsonSerializer.DeserializeAsync(stream, SeedJsonContext.Default.DirectorySeedFile, cancellationToken)
            ?? throw new InvalidDataException($"{path} is empty.");

        var changes = 0;
        foreach (var org in file.Organisations)
        {
            // People first without team links, so teams can point at their leads; links are set after.
            foreach (var p in org.People)
            {
                var person = await db.People.FindAsync([p.Id], cancellationToken);
                if (person is null)
                {
                    person = new Person { Id = p.Id, TenantId = org.TenantId, AadObjectId = p.AadObjectId.ToLowerInvariant(), DisplayName = p.DisplayName };
                    db.People.Add(person);
                }

                person.TenantId = org.TenantId;
                person.AadObjectId = p.AadObjectId.ToLowerInvariant();
                person.DisplayName = p.DisplayName;
                person.Email = p.Email;
                person.IsAdmin = p.IsAdmin;
                person.Locale = p.Locale;
            }

            changes += await db.SaveChangesAsync(cancellationToken);

            foreach (var t in org.Teams)
            {
                var team = await db.Teams.FindAsync([t.Id], cancellationToken);
                if (team is null)
                {
                    team = new Team { Id = t.Id, TenantId = org.TenantId, NameEn = t.NameEn, NameZh = t.NameZh };
                    db.Teams.Add(team);
                }

                team.TenantId = org.TenantId;
                team.NameEn = t.NameEn;
                team.NameZh = t.NameZh;
                team.LeadId = t.LeadId;
                team.LogTemplateId = t.LogTemplateId;
                if (!team.DelegateIds.SequenceEqual(t.DelegateIds))
                {
                    team.DelegateIds = [.. t.DelegateIds];
                }

                var workingDays = t.WorkingDays.Select(d => (int)Enum.Parse<DayOfWeek>(d, ignoreCase: true)).Order().ToList();
                if (!team.WorkingDays.SequenceEqual(workingDays))
                {
                    team.WorkingDays = workingDays;
                }

                if (!team.ReminderOffsets.SequenceEqual(t.ReminderOffsets))
                {
                    team.ReminderOffsets = [.. t.ReminderOffsets];
                }

                team.HolidayCalendarId = t.HolidayCalendarId;
                (team.LogCovers, team.LogDueTime) = t.LogRule();
                team.MeetingTime = TimeOnly.ParseExact(t.MeetingTime, "HH:mm", System.Globalization.CultureInfo.InvariantCulture);
                team.TimeZone = TimeZoneInfo.TryConvertIanaIdToWindowsId(t.TimeZone, out _)
                    ? t.TimeZone
                    : throw new InvalidDataException($"Team {t.Id}: '{t.TimeZone}' is not an IANA time zone id.");
            }

            changes += await db.SaveChangesAsync(cancellationToken);

            foreach (var p in org.People)
            {
                var person = await db.People.SingleAsync(x => x.Id == p.Id, cancellationToken);
                person.TeamId = p.TeamId;
                person.ReportsToId = p.ReportsToId;
            }

            changes += await db.SaveChangesAsync(cancellationToken);
        }

        return changes;
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
