using DiligenceBot.Data;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Assessment;

/// <summary>
/// The half-year skills assessments as stored: what other features read (the yearly review shows each manager's latest
/// result of the year). Read-only, no tracking.
/// </summary>
public sealed class SkillsResults(DiligenceDbContext db)
{
    public IQueryable<SkillsAssessment> Assessments => db.Set<SkillsAssessment>().AsNoTracking().Include(s => s.Areas);

    /// <summary>
    /// Each manager's latest completed assessment of the year (the second half's when there is one, else the first's),
    /// with every area's rating, evidence, quiz figures and whether it is weak; managers without one are absent.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, SkillsAssessment>> LatestForAsync(string tenantId, IReadOnlyCollection<string> managerIds, int year, CancellationToken cancellationToken = default)
    {
        var ids = managerIds.Distinct(StringComparer.Ordinal).ToList();
        var all = await Assessments.Where(s => s.TenantId == tenantId && s.Year == year && ids.Contains(s.ManagerId)).ToListAsync(cancellationToken);
        return all.GroupBy(s => s.ManagerId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(s => s.HalfKey, StringComparer.Ordinal)!, StringComparer.Ordinal);
    }

    /// <summary>The manager's assessment of the half-year, or null.</summary>
    public Task<SkillsAssessment?> ForAsync(string tenantId, string managerId, string halfKey, CancellationToken cancellationToken = default) =>
        Assessments.SingleOrDefaultAsync(s => s.TenantId == tenantId && s.ManagerId == managerId && s.HalfKey == halfKey, cancellationToken);
}
