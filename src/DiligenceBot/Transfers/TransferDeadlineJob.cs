using DiligenceBot.Notifications;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Transfers;

/// <summary>
/// The forms' deadlines, run every minute by Hangfire (recurring job <c>transfer-deadlines</c>, no arguments). For
/// each open form whose deadline has passed: not acknowledged by the reminder time, the post's receivers are
/// reminded; not by the escalation time, the post's lead is told; not handled by the handling time, the post's lead
/// is told. The provider hears of each escalation. Each deadline fires once per post (a mark on the form, set in
/// the same transaction as the messages, whose keys are per form, revision, kind and recipient): re-running the
/// job, or two instances running it, sends nothing twice. The deadlines themselves were counted in the post's
/// working time when the form arrived there.
/// </summary>
public sealed class TransferDeadlineJob(TransferRegister register, ILogger<TransferDeadlineJob> logger)
{
    public const string JobId = "transfer-deadlines";

    /// <summary>Forms handled per run; the rest wait a minute (keeps one run's transaction short).</summary>
    private const int Batch = 200;

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = register.Now;
        var db = register.Db;
        var due = await db.Set<TransferForm>()
            .Where(f => (f.State == TransferState.Sent && ((f.RemindedAt == null && f.AckDueAt <= now) || (f.AckEscalatedAt == null && f.AckEscalateAt <= now)))
                || ((f.State == TransferState.Sent || f.State == TransferState.Acknowledged || f.State == TransferState.Reopened) && f.HandleEscalatedAt == null && f.HandleDueAt <= now))
            .OrderBy(f => f.SentAt)
            .Take(Batch)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return;
        }

        var posts = await db.Set<TransferPost>().AsNoTracking().ToDictionaryAsync(p => p.Id, StringComparer.Ordinal, cancellationToken);
        var wanted = new List<Notification>();
        foreach (var form in due)
        {
            // A post removed from the table has nobody to remind and no lead: its deadlines are marked and logged.
            var post = posts.GetValueOrDefault(form.PostId);
            if (form.State == TransferState.Sent && form.RemindedAt is null && form.AckDueAt <= now)
            {
                form.RemindedAt = now;
                var receivers = post is null ? [] : await register.ReceiversAsync(post, cancellationToken);
                wanted.AddRange(receivers.Select(r => Notification.Create(form.TenantId, TransferRegister.AckReminder, form.Id.ToString(), form.Revision, r.Id, now)));
                register.Audit(null, TransferRegister.SystemActor, "transfer.reminded", form);
            }

            if (form.State == TransferState.Sent && form.AckEscalatedAt is null && form.AckEscalateAt <= now)
            {
                form.AckEscalatedAt = now;
                wanted.AddRange(await EscalateAsync(form, post, TransferRegister.AckEscalated, now, cancellationToken));
            }

            if (form.IsOpen && form.HandleEscalatedAt is null && form.HandleDueAt <= now)
            {
                form.HandleEscalatedAt = now;
                wanted.AddRange(await EscalateAsync(form, post, TransferRegister.HandleEscalated, now, cancellationToken));
            }

            form.ConcurrencyStamp = Guid.NewGuid();
        }

        var fresh = await NotificationQueue.AddNewAsync(db, wanted, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance did these at the same moment, or someone acted on a form meanwhile: the marks and
            // messages of this run are dropped together, and the next run looks again at what is then due.
            db.ChangeTracker.Clear();
            Log.TransferDeadlinesDeferred(logger, due.Count);
            return;
        }

        Log.TransferDeadlinesRun(logger, due.Count, fresh.Count);
        if (fresh.Count > 0)
        {
            register.WakeNotifications();
        }
    }

    /// <summary>The post's lead hears of the late form (with the form to act on), and so does the provider.</summary>
    private async Task<List<Notification>> EscalateAsync(TransferForm form, TransferPost? post, string kind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (post is null || await register.EscalationTargetAsync(post, cancellationToken) is not { } lead)
        {
            Log.TransferNoEscalationTarget(logger, form.Number, form.PostId);
            register.Audit(null, TransferRegister.SystemActor, "transfer.escalation-unrouted", form);
            return [];
        }

        register.Audit(null, TransferRegister.SystemActor, kind == TransferRegister.AckEscalated ? "transfer.escalated-unacknowledged" : "transfer.escalated-unhandled", form);
        return
        [
            Notification.Create(form.TenantId, kind, form.Id.ToString(), form.Revision, lead, now),
            Notification.Create(form.TenantId, kind, form.Id.ToString(), form.Revision, form.ProviderId, now),
        ];
    }
}

/// <summary>
/// Registers the minutely <see cref="TransferDeadlineJob"/> with Hangfire at start-up, when this host has Hangfire
/// (Scheduling enabled); without it the deadlines simply wait.
/// </summary>
public sealed class TransferJobs(IServiceProvider services, ILogger<TransferJobs> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<JobStorage>() is null)
        {
            return Task.CompletedTask;
        }

        services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<TransferDeadlineJob>(
            TransferDeadlineJob.JobId,
            job => job.RunAsync(CancellationToken.None),
            Cron.Minutely(),
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        Log.TransferJobRegistered(logger, TransferDeadlineJob.JobId);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
