using DiligenceBot.Data;
using DiligenceBot.Records;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Assessment;

/// <summary>
/// The scorecard's sources that come from imported files, for managers of one tenant and a month or a quarter (its
/// months that have begun): from <see cref="ManagerFigures"/> volume and sales value against target (the months'
/// sums: Σ sold / Σ target) and the forecast's deviation (Σ |forecast − sold| / Σ sold, so months missed either way do
/// not cancel out; not measured when nothing was sold); from <see cref="CustomerEvaluation"/> the average of every
/// evaluation of the period, customer management over visit regularity, problem solving and fairness, marketing
/// service over service attitude and policy explanation. A manager with nothing imported for the period keeps these
/// sources unmeasured. Only averages leave this class: which customer said what is never part of a scorecard.
/// </summary>
public static class ImportedValues
{
    public static async Task AddAsync(DiligenceDbContext db, string tenantId, Dictionary<string, Dictionary<string, double>> values, RecordPeriod period, DateOnly thisMonth,
        CancellationToken cancellationToken)
    {
        var ids = values.Keys.ToList();
        var last = period.Last < thisMonth ? period.Last : thisMonth;
        if (ids.Count == 0 || last < period.First)
        {
            return;
        }

        var figures = await db.Set<ManagerFigures>().AsNoTracking()
            .Where(f => f.TenantId == tenantId && ids.Contains(f.ManagerId) && f.Month >= period.First && f.Month <= last)
            .Select(f => new { f.ManagerId, f.VolumeTargetCases, f.VolumeCases, f.ValueTargetYuan, f.ValueYuan, f.ForecastCases })
            .ToListAsync(cancellationToken);
        foreach (var own in figures.GroupBy(f => f.ManagerId, StringComparer.Ordinal))
        {
            var v = values[own.Key];
            var sold = own.Sum(f => f.VolumeCases);
            v["figures.volume"] = (double)(sold / own.Sum(f => f.VolumeTargetCases));
            v["figures.value"] = (double)(own.Sum(f => f.ValueYuan) / own.Sum(f => f.ValueTargetYuan));
            if (sold > 0)
            {
                v["figures.forecast-error"] = (double)(own.Sum(f => Math.Abs(f.ForecastCases - f.VolumeCases)) / sold);
            }
        }

        var evaluations = await db.Set<CustomerEvaluation>().AsNoTracking()
            .Where(e => e.TenantId == tenantId && ids.Contains(e.ManagerId) && e.Month >= period.First && e.Month <= last)
            .Select(e => new { e.ManagerId, e.VisitRegularity, e.ProblemSolving, e.FairnessIntegrity, e.ServiceAttitude, e.PolicyExplanation })
            .ToListAsync(cancellationToken);
        foreach (var own in evaluations.GroupBy(e => e.ManagerId, StringComparer.Ordinal))
        {
            var v = values[own.Key];
            v["evaluations.customer-management"] = own.Average(e => (e.VisitRegularity + e.ProblemSolving + e.FairnessIntegrity) / 3.0);
            v["evaluations.marketing-service"] = own.Average(e => (e.ServiceAttitude + e.PolicyExplanation) / 2.0);
        }
    }
}
