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
