using DiligenceBot.Data;
using DiligenceBot.Organisation;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Assessment;

/// <summary>
/// The assessment's one rule for who decides above the lead (an objection to a scorecard, a yearly review's proposal):
/// the lead's own manager; when that is the person who acted (standing in as a delegate), their own manager, so nobody
/// decides on what they did themselves; when nobody is above, the tenant's admins other than the manager, the lead and
/// the person who acted.
/// </summary>
public static class AssessmentDeciders
{
    /// <summary>The decider stored with the record: the lead's own manager, or the actor's own manager when the actor is that person; null when nobody is above.</summary>
    public static async Task<string?> AboveAsync(DiligenceDbContext db, Team team, Person actor, CancellationToken cancellationToken)
    {
        var above = await db.People.AsNoTracking().Where(p => p.Id == team.LeadId).Select(p => p.ReportsToId).SingleOrDefaultAsync(cancellationToken);
        return above == actor.Id ? actor.ReportsToId : above;
    }

    /// <summary>Who decides now: the stored decider, or, when there is none, the tenant's admins except the manager, the team's lead and the actor.</summary>
    public static async Task<List<string>> OfAsync(DiligenceDbContext db, string tenantId, string? deciderId, string teamId, string managerId, string actorId, CancellationToken cancellationToken)
    {
        if (deciderId is { } decider)
        {
            return [decider];
        }

        var lead = await db.Teams.AsNoTracking().Where(t => t.Id == teamId).Select(t => t.LeadId).SingleOrDefaultAsync(cancellationToken);
        return await db.People.AsNoTracking()
            .Where(p => p.TenantId == tenantId && p.IsAdmin && p.Id != managerId && p.Id != lead && p.Id != actorId)
            .Select(p => p.Id).ToListAsync(cancellationToken);
    }
}
