using DiligenceBot.Notifications;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Meetings;

/// <summary>
/// The action items' due days, run every minute by Hangfire (recurring job <c>action-items</c>, no arguments). An
/// open item whose due day has reached the team's meeting time reminds its owner (the item's card, with Done and
/// Blocked); one still open when its due day is over goes to the team's lead. Each happens once per item (a mark on
/// the item, set in the same transaction as the message, whose key is per item, kind and recipient): re-running the
/// job, or two instances running it, sends nothing twice. The instants were computed in the team's zone when the
/// minutes were recorded.
/// </summary>
public sealed class ActionItemJob(MinutesRegister register, ILogger<ActionItemJob> logger)
{
    public const string JobId = "action-items";

    /// <summary>Items handled per run; the rest wait a minute (keeps one run's transaction short).</summary>
    private const int Batch = 200;

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = register.Now;
        var db = register.Db;
        var due = await db.Set<ActionItem>()
            .Where(a => a.State != ActionItemState.Done && ((a.RemindedAt == null && a.RemindAt <= now) || (a.OverdueNotifiedAt == null && a.OverdueAt <= now)))
            .OrderBy(a => a.RemindAt)
            .Take(Batch)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return;
        }

        var teamIds = due.Select(a => a.TeamId).Distinct().ToList();
        var leads = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.LeadId, StringComparer.Ordinal, cancellationToken);
        var wanted = new List<Notification>();
        foreach (var item in due)
        {
            if (item.RemindedAt is null && item.RemindAt <= now)
            {
                item.RemindedAt = now;
                // A day late (the app was down), the reminder would only repeat what the overdue message says.
                if (item.OverdueAt > now)
                {
                    wanted.Add(Notification.Create(item.TenantId, MinutesRegister.DueToday, item.Id.ToString(), 0, item.OwnerId, now));
                }
            }

            if (item.OverdueNotifiedAt is null && item.OverdueAt <= now)
            {
                item.OverdueNotifiedAt = now;
                if (leads.GetValueOrDefault(item.TeamId) is { } lead)
                {
                    wanted.Add(Notification.Create(item.TenantId, MinutesRegister.Overdue, item.Id.ToString(), 0, lead, now));
                }

                register.Audit(null, item.TenantId, MinutesRegister.SystemActor, "action.overdue", nameof(ActionItem), item.Id, item.Revision);
            }

            item.ConcurrencyStamp = Guid.NewGuid();
        }

        var fresh = await NotificationQueue.AddNewAsync(db, wanted, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance did these at the same moment, or an owner acted on an item meanwhile: the marks and
            // messages of this run are dropped together, and the next run looks again at what is then due.
            db.ChangeTracker.Clear();
            Log.ActionItemsDeferred(logger, due.Count);
            return;
        }

        Log.ActionItemsRun(logger, due.Count, fresh.Count);
        if (fresh.Count > 0)
        {
            register.WakeNotifications();
        }
    }
}

/// <summary>
/// Registers the minutely <see cref="ActionItemJob"/> with Hangfire at start-up, when this host has Hangfire
/// (Scheduling enabled); without it the reminders simply wait.
/// </summary>
public sealed class ActionItemJobs(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<JobStorage>() is not null)
        {
            services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<ActionItemJob>(
                ActionItemJob.JobId,
                job => job.RunAsync(CancellationToken.None),
                Cron.Minutely(),
                new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
