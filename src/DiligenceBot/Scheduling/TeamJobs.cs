using DiligenceBot.Data;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Scheduling;

/// <summary>
/// Keeps one recurring Hangfire job per team (<c>team-schedule:{teamId}</c>, every minute, the team's time zone
/// explicit): added or updated at start-up and whenever a team's schedule changes, removed with the team.
/// </summary>
public sealed class TeamJobs(IServiceScopeFactory scopes, IRecurringJobManager recurring, JobStorage storage, ILogger<TeamJobs> logger) : IHostedService
{
    public const string Prefix = "team-schedule:";

    public async Task StartAsync(CancellationToken cancellationToken) => await SyncAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task SyncAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DiligenceDbContext>();
        var teams = await db.Teams.AsNoTracking().Select(t => new { t.Id, t.TimeZone }).ToListAsync(cancellationToken);
        foreach (var team in teams)
        {
            recurring.AddOrUpdate<TeamScheduleJob>(
                Prefix + team.Id,
                job => job.RunAsync(team.Id, CancellationToken.None),
                Cron.Minutely(),
                new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(team.TimeZone) });
        }

        using var connection = storage.GetConnection();
        var known = teams.Select(t => Prefix + t.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var job in connection.GetRecurringJobs().Where(j => j.Id.StartsWith(Prefix, StringComparison.Ordinal) && !known.Contains(j.Id)))
        {
            recurring.RemoveIfExists(job.Id);
        }

        Log.TeamJobsSynced(logger, teams.Count);
    }
}
