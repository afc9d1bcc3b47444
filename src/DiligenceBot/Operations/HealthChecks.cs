using DiligenceBot.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DiligenceBot.Operations;

/// <summary>Unhealthy while the database has migrations this build knows and the database has not applied.</summary>
internal sealed class MigrationsAppliedCheck(DiligenceDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        return pending.Count == 0
            ? HealthCheckResult.Healthy("all migrations applied")
            : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) pending, first {pending[0]}");
    }
}

/// <summary>
/// Hangfire's storage answers a read (one hash lookup). Healthy without a check when the schedule is off
/// (<c>Scheduling:Enabled=false</c>): there is no storage to reach.
/// </summary>
internal sealed class SchedulingStorageCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService<JobStorage>() is not { } storage)
        {
            return Task.FromResult(HealthCheckResult.Healthy("scheduling is off"));
        }

        // Hangfire's storage API is synchronous; a readiness probe may block a thread for one short read.
        using var connection = storage.GetConnection();
        connection.GetAllEntriesFromHash("diligencebot:readyz");
        return Task.FromResult(HealthCheckResult.Healthy("reachable"));
    }
}
