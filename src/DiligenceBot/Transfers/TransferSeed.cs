using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DiligenceBot.Data;
using DiligenceBot.Organisation;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Transfers;

/// <summary>
/// Seeds the transfer settings, receiving posts and categories from <c>seeds/transfers.json</c>, after the directory.
/// Idempotent, and respectful of admins: an entry is written only when it is new or its text in the file changed
/// since it was last applied, so a change an admin made in the tables stands until the file itself changes.
/// People the file lists are added when missing (never overwritten: the directory owns people).
/// </summary>
public static class TransferSeed
{
    public const string FileName = "transfers.json";

    public static async Task<int> ApplyAsync(DiligenceDbContext db, string seedFolder, CancellationToken cancellationToken)
    {
        var path = Path.Combine(seedFolder, FileName);
        if (!File.Exists(path))
        {
            return 0;
        }

        TransferSeedFile file;
        await using (var stream = File.OpenRead(path))
        {
            try
            {
                file = await JsonSerializer.DeserializeAsync(stream, TransferJsonContext.Default.TransferSeedFile, cancellationToken)
                    ?? throw new InvalidDataException($"{path} is empty.");
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{path}: {e.Message}", e);
            }
        }

        // Every organisation is checked before anything is written: a file with an error changes nothing.
        foreach (var org in file.Organisations)
        {
            await CheckAsync(db, org, path, cancellationToken);
        }

        var changes = 0;
        foreach (var org in file.Organisations)
        {
            foreach (var p in org.People)
            {
                if (await db.People.FindAsync([p.Id], cancellationToken) is null)
                {
                    db.People.Add(new Person
                    {
                        Id = p.Id,
                        TenantId = org.TenantId,
                        AadObjectId = p.AadObjectId.ToLowerInvariant(),
                        DisplayName = p.DisplayName,
                        Email = p.Email,
                        Locale = p.Locale,
                    });
                }
            }

            changes += await db.SaveChangesAsync(cancellationToken);
            foreach (var p in org.People.Where(p => p.ReportsToId is not null))
            {
                var person = await db.People.SingleAsync(x => x.Id == p.Id, cancellationToken);
                person.ReportsToId ??= p.ReportsToId;
            }

            changes += await db.SaveChangesAsync(cancellationToken);

            foreach (var p in org.Posts)
            {
                var seeded = JsonSerializer.Serialize(p, TransferJsonContext.Default.PostSeed);
                var post = await db.Set<TransferPost>().FindAsync([p.Id], cancellationToken);
                if (post is null)
                {
                    post = new TransferPost { Id = p.Id, TenantId = org.TenantId, NameEn = p.NameEn, NameZh = p.NameZh };
                    db.Add(post);
                }
                else if (post.SeededJson == seeded)
                {
                    continue;
                }

                post.TenantId = org.TenantId;
                post.NameEn = p.NameEn;
                post.NameZh = p.NameZh;
                post.LeadId = p.LeadId;
                post.MemberIds = [.. p.MemberIds];
                post.TimeZone = p.TimeZone;
                post.WorkStart = p.WorkStart is null ? null : TimeOnly.ParseExact(p.WorkStart, "HH:mm", CultureInfo.InvariantCulture);
                post.WorkEnd = p.WorkEnd is null ? null : TimeOnly.ParseExact(p.WorkEnd, "HH:mm", CultureInfo.InvariantCulture);
                post.WorkingDays = p.WorkingDays.Select(d => (int)Enum.Parse<DayOfWeek>(d, ignoreCase: true)).Order().ToList();
                post.HolidayCalendarId = p.HolidayCalendarId;
                post.Active = p.Active;
                post.SeededJson = seeded;
            }

            var order = 0;
            foreach (var c in org.Categories)
            {
                order += 10;
                var seeded = JsonSerializer.Serialize(c, TransferJsonContext.Default.CategorySeed);
                var category = await db.Set<TransferCategory>().FindAsync([c.Id], cancellationToken);
                if (category is null)
                {
                    category = new TransferCategory { Id = c.Id, TenantId = org.TenantId, NameEn = c.NameEn, NameZh = c.NameZh, PostId = c.PostId };
                    db.Add(category);
                }
                else if (category.SeededJson == seeded && category.SortOrder == order)
                {
                    continue;
                }

                category.TenantId = org.TenantId;
                category.NameEn = c.NameEn;
                category.NameZh = c.NameZh;
                category.PostId = c.PostId;
                category.SortOrder = order;
                category.Active = c.Active;
                category.Normal = Copy(c.Normal);
                category.Urgent = Copy(c.Urgent);
                category.SeededJson = seeded;
            }

            var settingsJson = JsonSerializer.Serialize(new SettingsSeed(org.NumberPrefix, org.TimeZone, org.FallbackPostId), TransferJsonContext.Default.SettingsSeed);
            var settings = await db.Set<TransferSettings>().FindAsync([org.TenantId], cancellationToken);
            if (settings is null)
            {
                settings = new TransferSettings { TenantId = org.TenantId, NumberPrefix = org.NumberPrefix, FallbackPostId = org.FallbackPostId };
                db.Add(settings);
            }

            if (settings.SeededJson != settingsJson)
            {
                settings.NumberPrefix = org.NumberPrefix;
                settings.TimeZone = org.TimeZone;
                settings.FallbackPostId = org.FallbackPostId;
                settings.SeededJson = settingsJson;
            }

            changes += await db.SaveChangesAsync(cancellationToken);
        }

        return changes;
    }

    private static TransferDeadlines Copy(DeadlineSeed d) => new()
    {
        RemindAfterHours = d.RemindAfterHours,
        EscalateAfterHours = d.EscalateAfterHours,
        HandleWithinHours = d.HandleWithinHours,
    };

    /// <summary>Refuses a file that would route forms nowhere or count deadlines wrongly, naming what is wrong.</summary>
    private static async Task CheckAsync(DiligenceDbContext db, OrganisationTransferSeed org, string path, CancellationToken cancellationToken)
    {
        var people = (await db.People.Where(p => p.TenantId == org.TenantId).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        people.UnionWith(org.People.Select(p => p.Id));
        if (org.People.FirstOrDefault(p => p.ReportsToId is not null && !people.Contains(p.ReportsToId)) is { } orphan)
        {
            throw new InvalidDataException($"{path}: {orphan.Id} reports to '{orphan.ReportsToId}', who is not in the directory of tenant {org.TenantId}.");
        }

        var posts = org.Posts.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        if (!posts.Contains(org.FallbackPostId))
        {
            throw new InvalidDataException($"{path}: the fallback post '{org.FallbackPostId}' is not one of the posts.");
        }

        if (org.NumberPrefix.Length is < 1 or > 8 || !org.NumberPrefix.All(char.IsAsciiLetterOrDigit))
        {
            throw new InvalidDataException($"{path}: numberPrefix must be 1 to 8 letters or digits.");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(org.TimeZone, out _))
        {
            throw new InvalidDataException($"{path}: '{org.TimeZone}' is not a time zone id.");
        }

        foreach (var p in org.Posts)
        {
            if (p.MemberIds.Append(p.LeadId).OfType<string>().FirstOrDefault(id => !people.Contains(id)) is { } stranger)
            {
                throw new InvalidDataException($"{path}: post {p.Id} names '{stranger}', who is not in the directory of tenant {org.TenantId}.");
            }

            if (!TimeZoneInfo.TryFindSystemTimeZoneById(p.TimeZone, out _))
            {
                throw new InvalidDataException($"{path}: post {p.Id} has '{p.TimeZone}', which is not a time zone id.");
            }

            if ((p.WorkStart is null) != (p.WorkEnd is null)
                || (p.WorkStart is not null && (!TimeOnly.TryParseExact(p.WorkStart, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var s)
                    || !TimeOnly.TryParseExact(p.WorkEnd, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var e) || e <= s)))
            {
                throw new InvalidDataException($"{path}: post {p.Id} needs both workStart and workEnd (HH:mm, start before end), or neither.");
            }

            if (p.WorkingDays.Any(d => !Enum.TryParse<DayOfWeek>(d, ignoreCase: true, out _)))
            {
                throw new InvalidDataException($"{path}: post {p.Id} has a working day that is not a weekday name.");
            }
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in org.Categories)
        {
            if (!ids.Add(c.Id))
            {
                throw new InvalidDataException($"{path}: category '{c.Id}' is listed twice.");
            }

            if (!posts.Contains(c.PostId))
            {
                throw new InvalidDataException($"{path}: category {c.Id} goes to post '{c.PostId}', which is not one of the posts.");
            }

            foreach (var (name, d) in new[] { ("normal", c.Normal), ("urgent", c.Urgent) })
            {
                if (d.RemindAfterHours <= 0 || d.EscalateAfterHours < d.RemindAfterHours || d.HandleWithinHours < d.RemindAfterHours || d.HandleWithinHours > 2000)
                {
                    throw new InvalidDataException(
                        $"{path}: category {c.Id} ({name}): hours must be positive, with escalateAfterHours and handleWithinHours not before remindAfterHours.");
                }
            }
        }
    }
}

internal sealed class TransferSeedFile
{
    [JsonPropertyName("$comment")]
    public string? Comment { get; set; }

    public List<OrganisationTransferSeed> Organisations { get; set; } = [];
}

internal sealed class OrganisationTransferSeed
{
    public required string TenantId { get; set; }
    public required string NumberPrefix { get; set; }
    public string TimeZone { get; set; } = "Asia/Shanghai";
    public required string FallbackPostId { get; set; }
    public List<TransferPersonSeed> People { get; set; } = [];
    public List<PostSeed> Posts { get; set; } = [];
    public List<CategorySeed> Categories { get; set; } = [];
}

internal sealed class TransferPersonSeed
{
    public required string Id { get; set; }
    public required string DisplayName { get; set; }
    public required string AadObjectId { get; set; }
    public string? Email { get; set; }
    public string? ReportsToId { get; set; }
    public string? Locale { get; set; }
}

internal sealed class PostSeed
{
    public required string Id { get; set; }
    public required string NameEn { get; set; }
    public required string NameZh { get; set; }
    public string? LeadId { get; set; }
    public List<string> MemberIds { get; set; } = [];
    public string TimeZone { get; set; } = "Asia/Shanghai";
    public string? WorkStart { get; set; }
    public string? WorkEnd { get; set; }
    public List<string> WorkingDays { get; set; } = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
    public string? HolidayCalendarId { get; set; }
    public bool Active { get; set; } = true;
}

internal sealed class CategorySeed
{
    public required string Id { get; set; }
    public required string NameEn { get; set; }
    public required string NameZh { get; set; }
    public required string PostId { get; set; }
    public bool Active { get; set; } = true;
    public DeadlineSeed Normal { get; set; } = new();
    public DeadlineSeed Urgent { get; set; } = new();
}

internal sealed class DeadlineSeed
{
    public double RemindAfterHours { get; set; } = 4;
    public double EscalateAfterHours { get; set; } = 8;
    public double HandleWithinHours { get; set; } = 24;
}

internal sealed record SettingsSeed(string NumberPrefix, string TimeZone, string FallbackPostId);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(TransferSeedFile))]
[JsonSerializable(typeof(PostSeed))]
[JsonSerializable(typeof(CategorySeed))]
[JsonSerializable(typeof(SettingsSeed))]
internal sealed partial class TransferJsonContext : JsonSerializerContext;
