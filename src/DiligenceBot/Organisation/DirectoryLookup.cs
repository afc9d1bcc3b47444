using DiligenceBot.Data;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Organisation;

/// <summary>Finds people and their teams; always within one tenant.</summary>
public sealed class DirectoryLookup(DiligenceDbContext db)
{
    public Task<Person?> FindByAadObjectIdAsync(string tenantId, string? aadObjectId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(aadObjectId))
        {
            return Task.FromResult<Person?>(null);
        }

        var aad = aadObjectId.ToLowerInvariant();
        return db.People.AsNoTracking()
            .Include(p => p.Team).ThenInclude(t => t!.Lead)
            .SingleOrDefaultAsync(p => p.TenantId == tenantId && p.AadObjectId == aad && p.LeftAt == null, cancellationToken);
    }

    /// <summary>The teams a person leads.</summary>
    public Task<List<Team>> TeamsLedByAsync(Person person, CancellationToken cancellationToken) =>
        db.Teams.AsNoTracking()
            .Where(t => t.TenantId == person.TenantId && t.LeadId == person.Id)
            .OrderBy(t => t.Id)
            .ToListAsync(cancellationToken);
}

/// <summary>People found by what someone typed: the one way "coach NAME" and "check NAME" read a name.</summary>
public static class PeopleByName
{
    /// <summary>An exact id or name first; otherwise names containing what was typed (either script of a bilingual name).</summary>
    public static List<Person> Matching(IEnumerable<Person> people, string query)
    {
        var all = people as IReadOnlyCollection<Person> ?? [.. people];
        var exact = all.Where(p => p.Id.Equals(query, StringComparison.OrdinalIgnoreCase) || p.DisplayName.Equals(query, StringComparison.OrdinalIgnoreCase)).ToList();
        return exact.Count > 0 ? exact : all.Where(p => p.DisplayName.Contains(query, StringComparison.OrdinalIgnoreCase)).ToList();
    }
}
