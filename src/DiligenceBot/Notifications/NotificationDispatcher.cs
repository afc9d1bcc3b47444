using System.Threading.Channels;
using DiligenceBot.BotFramework.Connector;
using DiligenceBot.BotFramework.Schema;
using DiligenceBot.Conversations;
using DiligenceBot.Data;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Notifications;

/// <summary>Builds the message for one kind of notification, in the recipient's language.</summary>
public interface INotificationRenderer
{
    /// <summary>The activity to send, or null when the subject no longer needs it.</summary>
    Task<OutgoingActivity?> RenderAsync(Notification notification, Person recipient, Language language, CancellationToken cancellationToken);

    /// <summary>What to queue when the recipient cannot be reached (saved with the notification's new state).</summary>
    Task OnUndeliverableAsync(Notification notification, DiligenceDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class NotificationRendererRegistration
{
    /// <summary>
    /// Registers the renderer of these kinds of notification (scoped, keyed by the kind; a renderer serving several
    /// kinds reads <see cref="Notification.Kind"/>).
    /// </summary>
    public static IServiceCollection AddNotificationRenderer<TRenderer>(this IServiceCollection services, params string[] kinds)
        where TRenderer : class, INotificationRenderer
    {
        foreach (var kind in kinds)
        {
            services.AddKeyedScoped<INotificationRenderer, TRenderer>(kind);
        }

        return services;
    }
}

/// <summary>
/// Sends pending notifications: claims them (so several instances never send the same one), renders each,
/// finds or creates the recipient's personal conversation, sends, and records the outcome. One fetcher per instance
/// claims due messages in small batches (as many as the senders can take) and hands them to the senders, so the
/// senders never race each other for the same rows; woken at once when a feature queues one, polling every few
/// seconds for retries. Claims carry the instance's id; a heartbeat keeps its lease (<see cref="DispatcherLeaseKeeper"/>)
/// and releases the claims of instances that died, so their messages go out seconds later, not when the claims run out.
/// A message that fails (5xx, timeout) is tried again with growing delays until <c>Scheduling:SendRetryLimit</c>,
/// then marked failed, logged as an error and counted (outcome failed); never dropped.
/// </summary>
public sealed class NotificationDispatcher(
    IServiceScopeFactory scopes,
    TimeProvider time,
    TenantPacer pacer,
    DispatcherLeaseKeeper leases,
    Microsoft.Extensions.Options.IOptions<Scheduling.SchedulingOptions> scheduling,
    Operations.DiligenceMetrics metrics,
    ILogger<NotificationDispatcher> logger) : BackgroundService
{
    /// <summary>Concurrent senders per instance; the tenant pacer keeps the total within Teams' limit.</summary>
    private const int Senders = 8;

    /// <summary>Claimed messages waiting for or being handled by a sender, at most.</summary>
    private const int InHand = Senders * 2;

    /// <summary>
    /// A safety net behind the lease: a claim of a live instance that never finished (a sender stuck past every
    /// timeout) runs out after this long.
    /// </summary>
    private static readonly TimeSpan ClaimTerm = TimeSpan.FromMinutes(2);

    /// <summary>The longest wait between two attempts of a failing message.</summary>
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(5);

    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Channel<Claim> _work = Channel.CreateBounded<Claim>(InHand);
    private int _inHand;

    /// <summary>A message claimed under one of this instance's lease ids.</summary>
    private readonly record struct Claim(long Id, string Owner);

    /// <summary>Asks the dispatcher to look for work now.</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>The wait before attempt n + 1 of a failing message: 1 s doubling per attempt, at most 5 min, ±20 %.</summary>
    public static TimeSpan RetryDelay(int attempts)
    {
        var seconds = Math.Min(Math.Pow(2, Math.Max(0, attempts - 1)), MaxRetryDelay.TotalSeconds);
        return TimeSpan.FromSeconds(seconds * (0.8 + (Random.Shared.NextDouble() * 0.4)));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The lease first: claims are made under its id, and the dead instances' claims are released before any
        // new claim, so a restart sends what its predecessor held as soon as that one's lease has run out.
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await leases.RenewAsync(stoppingToken);
                await leases.ReleaseDeadClaimsAsync(stoppingToken);
                break;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                Log.NotificationLoopFailed(logger, ex);
                await Task.Delay(leases.Heartbeat, stoppingToken);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Senders).Select(_ => Task.Run(() => SendLoopAsync(stoppingToken), stoppingToken))
            .Append(Task.Run(() => FetchLoopAsync(stoppingToken), stoppingToken))
            .Append(Task.Run(() => HeartbeatLoopAsync(stoppingToken), stoppingToken)));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await leases.ReleaseOwnAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            // The lease runs out by itself; another instance (or the next start) releases the claims then.
            Log.NotificationLoopFailed(logger, ex);
        }
    }

    private async Task HeartbeatLoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(leases.Heartbeat, stoppingToken);
                if (!await leases.RenewAsync(stoppingToken))
                {
                    Log.DispatcherLeaseLost(logger, leases.InstanceId ?? string.Empty);
                }

                var released = await leases.ReleaseDeadClaimsAsync(stoppingToken);
                if (released > 0)
                {
                    Log.DeadInstanceClaimsReleased(logger, released);
                    Wake();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.NotificationLoopFailed(logger, ex);
            }
        }
    }

    private async Task FetchLoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await ClaimDueAsync(stoppingToken))
                {
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                Log.NotificationLoopFailed(logger, ex);
            }

            using var poll = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            poll.CancelAfter(TimeSpan.FromSeconds(2));
            try
            {
                await _wake.Reader.ReadAsync(poll.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // Poll interval elapsed.
            }
        }
    }

    private async Task SendLoopAsync(CancellationToken stoppingToken)
    {
        try
        {
            await SendClaimedAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; whatever was claimed and not sent is released by StopAsync.
        }
    }

    private async Task SendClaimedAsync(CancellationToken stoppingToken)
    {
        await foreach (var claim in _work.Reader.ReadAllAsync(stoppingToken))
        {
            // Until its outcome is saved, this delivery's claim stays with it, even if the lease it was made under
            // runs out meanwhile (see DispatcherLeaseKeeper.Working).
            using var working = leases.Working(claim.Owner);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<DiligenceDbContext>();
                await DeliverAsync(scope.ServiceProvider, db, claim, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                Log.NotificationLoopFailed(logger, ex);
                await RecordFailureAsync(claim, ex, stoppingToken);
            }
            finally
            {
                Interlocked.Decrement(ref _inHand);
                Wake();
            }
        }
    }

    /// <summary>Claims a small batch of due messages for the free senders; true when it filled them (there may be more).</summary>
    private async Task<bool> ClaimDueAsync(CancellationToken cancellationToken)
    {
        var free = InHand - Volatile.Read(ref _inHand);
        var owner = leases.InstanceId;
        if (free <= 0 || owner is null || !leases.Holds(owner))
        {
            return false;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DiligenceDbContext>();
        var now = time.GetUtcNow();
        // Claims run on real time, whatever clock the business logic runs on: a claim protects a send in flight,
        // and that takes real seconds.
        var claimNow = TimeProvider.System.GetUtcNow();
        var candidates = await db.Set<Notification>().AsNoTracking()
            .Where(n => n.Status == NotificationStatus.Pending && n.NextAttemptAt <= now && (n.ClaimedUntil == null || n.ClaimedUntil < claimNow))
            .OrderBy(n => n.Id)
            .Select(n => n.Id)
            .Take(free)
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return false;
        }

        // One conditional update for the batch: another instance may have claimed some since the query, and keeps them.
        var claimUntil = claimNow + ClaimTerm;
        await db.Set<Notification>()
            .Where(n => candidates.Contains(n.Id) && n.Status == NotificationStatus.Pending && (n.ClaimedUntil == null || n.ClaimedUntil < claimNow))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ClaimedBy, owner).SetProperty(n => n.ClaimedUntil, claimUntil), cancellationToken);
        var claimed = await db.Set<Notification>().AsNoTracking()
            .Where(n => candidates.Contains(n.Id) && n.ClaimedBy == owner && n.Status == NotificationStatus.Pending)
            .OrderBy(n => n.Id)
            .Select(n => n.Id)
            .ToListAsync(cancellationToken);
        foreach (var id in claimed)
        {
            Interlocked.Increment(ref _inHand);
            await _work.Writer.WriteAsync(new Claim(id, owner), cancellationToken);
        }

        return candidates.Count == free;
    }

    private async Task DeliverAsync(IServiceProvider services, DiligenceDbContext db, Claim claim, CancellationToken cancellationToken)
    {
        var notification = await db.Set<Notification>().SingleAsync(n => n.Id == claim.Id, cancellationToken);
        if (notification.ClaimedBy != claim.Owner || !leases.Holds(claim.Owner) || notification.Status != NotificationStatus.Pending)
        {
            // This instance's lease ran out meanwhile: the message may already be another instance's.
            return;
        }

        var now = time.GetUtcNow();
        var claimedUntil = notification.ClaimedUntil;
        metrics.OutboxLag(now - notification.NextAttemptAt);
        notification.Attempts++;
        notification.ClaimedUntil = null;
        notification.ClaimedBy = null;
        var recipient = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == notification.RecipientId && p.TenantId == notification.TenantId, cancellationToken);
        // Only this kind's renderer is built: one feature's renderers never stand in another's way.
        var renderer = services.GetKeyedService<INotificationRenderer>(notification.Kind);
        if (recipient is null || renderer is null)
        {
            GiveUp(notification, recipient is null ? "recipient unknown" : "no renderer");
            await db.SaveChangesAsync(cancellationToken);
            metrics.Sent(notification.Kind, "failed");
            return;
        }

        var sender = services.GetRequiredService<ProactiveSender>();
        if (!await sender.IsReachableAsync(recipient, cancellationToken))
        {
            // Nobody to send to: settle it now, without rendering or taking a send slot, so a dead conversation's other
            // messages never reach Teams. Never installed: undeliverable, tried again when they install the app. Removed
            // the app, or Teams refused (403/404): dropped for good, as uninstalling promises.
            var ended = await sender.HasEndedAsync(recipient, cancellationToken);
            notification.Status = ended ? NotificationStatus.Dropped : NotificationStatus.Undeliverable;
            notification.LastError = ended ? "conversation ended" : "no conversation";
            await renderer.OnUndeliverableAsync(notification, db, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            metrics.Sent(notification.Kind, ended ? "dropped" : "unreachable");
            return;
        }

        var language = await sender.LanguageOfAsync(recipient, cancellationToken);
        var activity = await renderer.RenderAsync(notification, recipient, language, cancellationToken);
        if (activity is null)
        {
            notification.Status = NotificationStatus.Sent;
            notification.LastError = "no longer needed";
            await db.SaveChangesAsync(cancellationToken);
            metrics.Sent(notification.Kind, "not_needed");
            return;
        }

        await pacer.WaitForSlotAsync(notification.TenantId, scheduling.Value.TenantMessagesPerSecond, cancellationToken);
        if (!leases.Holds(claim.Owner))
        {
            return;
        }

        // From here to the saved outcome a crash sends the message twice (the connector has no idempotency key), so
        // the send and the save are all that happens in between, and a stop request waits for both.
        using var inFlight = new CancellationTokenSource(scheduling.Value.SendTimeout);
        ProactiveResult result;
        try
        {
            result = await sender.SendAsync(recipient, activity, inFlight.Token);
        }
        catch (OperationCanceledException) when (inFlight.IsCancellationRequested)
        {
            result = new ProactiveResult(ProactiveOutcome.Failed, null, "timeout");
        }

        switch (result.Outcome)
        {
            case ProactiveOutcome.Sent:
                notification.Status = NotificationStatus.Sent;
                notification.SentAt = now;
                notification.SentActivityId = result.ActivityId;
                break;
            case ProactiveOutcome.Throttled:
                // Waited out, not counted: the sender is free for other messages meanwhile.
                await pacer.GiveBackAsync(notification.TenantId, scheduling.Value.TenantMessagesPerSecond, CancellationToken.None);
                notification.Attempts--;
                var retryAfter = result.RetryAfter ?? TimeSpan.FromSeconds(1);
                notification.NextAttemptAt = now + retryAfter;
                WakeAfter(retryAfter);
                break;
            case ProactiveOutcome.Unreachable:
                // The message Teams refused was tried and not delivered (the lead learns it); the others waiting for the
                // person are dropped below, never tried.
                notification.Status = NotificationStatus.Undeliverable;
                notification.LastError = result.Detail;
                await renderer.OnUndeliverableAsync(notification, db, CancellationToken.None);
                if (result.Ended && !await sender.IsReachableAsync(recipient, CancellationToken.None))
                {
                    // Teams said the bot is not installed for them (403) or the chat is gone (404): as an uninstall, every
                    // other message waiting for them stops too, audited, saved with this one's outcome.
                    await services.GetRequiredService<MessageStop>().StopAsync(recipient, MessageStop.RefusedAction, "teams", result.Detail ?? "refused", null, CancellationToken.None, notification.Id);
                }

                break;
            case ProactiveOutcome.Refused:
                GiveUp(notification, result.Detail ?? "refused");
                break;
            default:
                RetryLaterOrGiveUp(notification, result.Detail ?? "failed", now);
                break;
        }

        if (result.Outcome == ProactiveOutcome.Sent)
        {
            await SaveSentOutcomeAsync(db, notification, claimedUntil);
        }
        else
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }

        metrics.Sent(notification.Kind, result.Outcome switch
        {
            ProactiveOutcome.Sent => "sent",
            ProactiveOutcome.Throttled => "throttled",
            ProactiveOutcome.Unreachable => result.Ended ? "dropped" : "unreachable",
            _ => notification.Status == NotificationStatus.Failed ? "failed" : "retry_later",
        });
        Log.NotificationDelivered(logger, notification.Id, notification.Kind, notification.Status.ToString());
    }

    /// <summary>
    /// Saves what a delivery Teams accepted changed. A failed save (SQLite's write lock held past its busy timeout on a
    /// loaded machine, a dropped connection) must not turn into "try the message again later", which would send it
    /// twice: the same changes are saved again, after growing delays, while this delivery still holds the claim (up to
    /// a few seconds before it ends, so no other poll can take the message meanwhile). Only if the database stays
    /// unreachable that long can the message go out again once its claim has ended: at least once, never lost.
    /// </summary>
    private async Task SaveSentOutcomeAsync(DiligenceDbContext db, Notification notification, DateTimeOffset? claimedUntil)
    {
        var deadline = (claimedUntil ?? TimeProvider.System.GetUtcNow() + ClaimTerm) - TimeSpan.FromSeconds(5);
        var delay = TimeSpan.FromMilliseconds(200);
        for (var tries = 1; ; tries++)
        {
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
                if (tries > 1)
                {
                    Log.SentOutcomeSaved(logger, notification.Id, notification.Kind, tries);
                }

                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                if (TimeProvider.System.GetUtcNow() + delay >= deadline)
                {
                    Log.SentOutcomeLost(logger, notification.Id, notification.Kind, ex);
                    throw;
                }

                if (tries == 1)
                {
                    Log.SentOutcomeNotSaved(logger, notification.Id, notification.Kind, ex);
                }
            }

            // The change tracker keeps the unsaved changes: the next SaveChanges sends the same ones.
            await Task.Delay(delay, CancellationToken.None);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
        }
    }

    /// <summary>Tries a failed message again after a growing delay, or marks it failed once the retry limit has passed.</summary>
    private void RetryLaterOrGiveUp(Notification notification, string detail, DateTimeOffset now)
    {
        if (now - notification.CreatedAt >= scheduling.Value.SendRetryLimit)
        {
            GiveUp(notification, detail);
            return;
        }

        notification.LastError = Cut(detail);
        var delay = RetryDelay(notification.Attempts);
        notification.NextAttemptAt = now + delay;
        Log.NotificationRetryLater(logger, notification.Id, notification.Kind, notification.Attempts, (int)delay.TotalMilliseconds, notification.LastError);
        WakeAfter(delay);
    }

    private void GiveUp(Notification notification, string detail)
    {
        notification.Status = NotificationStatus.Failed;
        notification.LastError = Cut(detail);
        Log.NotificationFailed(logger, notification.Id, notification.Kind, notification.Attempts, notification.LastError);
    }

    /// <summary>A delivery that threw (a renderer's bug, the database): counted as a failed attempt, tried again later.</summary>
    private async Task RecordFailureAsync(Claim claim, Exception exception, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DiligenceDbContext>();
            var notification = await db.Set<Notification>().SingleOrDefaultAsync(n => n.Id == claim.Id && n.ClaimedBy == claim.Owner && n.Status == NotificationStatus.Pending, cancellationToken);
            if (notification is null)
            {
                return;
            }

            notification.Attempts++;
            notification.ClaimedBy = null;
            notification.ClaimedUntil = null;
            RetryLaterOrGiveUp(notification, exception.GetType().Name, time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            metrics.Sent(notification.Kind, notification.Status == NotificationStatus.Failed ? "failed" : "retry_later");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The claim runs out and the message is tried again then.
            Log.NotificationLoopFailed(logger, ex);
        }
    }

    /// <summary>Be there when a message is due again rather than at the next idle poll.</summary>
    private void WakeAfter(TimeSpan delay) =>
        _ = Task.Delay(delay, CancellationToken.None).ContinueWith(_ => Wake(), TaskScheduler.Default);

    private static string Cut(string text) => text.Length <= 256 ? text : text[..256];
}

public enum ProactiveOutcome
{
    Sent,
    /// <summary>No conversation with the person can be had: not installed, or Teams refused (403/404).</summary>
    Unreachable,
    /// <summary>A transient failure; worth trying later.</summary>
    Failed,
    /// <summary>Teams asked to slow down (429): try again after its Retry-After; not a failure.</summary>
    Throttled,
    /// <summary>The connector refused the message itself (400, 413, an untrusted service URL): trying again cannot help.</summary>
    Refused,
}

/// <param name="Ended">Unreachable because Teams refused the bot (403) or the chat is gone (404): the conversation ended.</param>
public sealed record ProactiveResult(ProactiveOutcome Outcome, string? ActivityId, string? Detail, TimeSpan? RetryAfter = null, bool Ended = false);

/// <summary>
/// Messages a person in their personal chat with the bot: uses the stored reference, or creates the 1:1
/// conversation from any reference that knows their Teams user id; retires references Teams says are dead.
/// </summary>
public sealed class ProactiveSender(DiligenceDbContext db, IConnectorClient connector, TimeProvider time, BotFramework.Authentication.TrustedServiceUrls trusted)
{
    public async Task<Language> LanguageOfAsync(Person person, CancellationToken cancellationToken)
    {
        var locale = await db.ConversationRecords.AsNoTracking()
            .Where(c => c.TenantId == person.TenantId && c.AadObjectId == person.AadObjectId && c.RetiredAt == null && c.Locale != null)
            .OrderByDescending(c => c.UpdatedAt)
            .Select(c => c.Locale)
            .FirstOrDefaultAsync(cancellationToken);
        return Languages.FromLocale(locale ?? person.Locale);
    }

    /// <summary>True when a live reference exists from which a personal conversation can be used or created.</summary>
    public Task<bool> IsReachableAsync(Person person, CancellationToken cancellationToken) =>
        db.ConversationRecords.AnyAsync(c => c.TenantId == person.TenantId && c.AadObjectId == person.AadObjectId && c.RetiredAt == null && c.UserId != string.Empty, cancellationToken);

    /// <summary>
    /// True when the person's conversation ended: a reference retired because they removed the app or Teams refused the
    /// bot, and no live one (they have not installed it again).
    /// </summary>
    public async Task<bool> HasEndedAsync(Person person, CancellationToken cancellationToken)
    {
        var references = await db.ConversationRecords.AsNoTracking()
            .Where(c => c.TenantId == person.TenantId && c.AadObjectId == person.AadObjectId)
            .Select(c => new { c.RetiredAt, c.RetiredReason })
            .ToListAsync(cancellationToken);
        return references.Count > 0 && references.All(c => c.RetiredAt is not null) && references.Any(c => ConversationEnds.Ended(c.RetiredReason));
    }

    /// <summary>The person's Teams user id (29:...), for card refresh lists; null when never seen.</summary>
    public Task<string?> TeamsUserIdAsync(Person person, CancellationToken cancellationToken) =>
        db.ConversationRecords.AsNoTracking()
            .Where(c => c.TenantId == person.TenantId && c.AadObjectId == person.AadObjectId && c.UserId != string.Empty)
            .OrderByDescending(c => c.UpdatedAt)
            .Select(c => c.UserId)
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<ProactiveResult> SendAsync(Person person, OutgoingActivity activity, CancellationToken cancellationToken)
    {
        var personal = await db.ConversationRecords
            .Where(c => c.TenantId == person.TenantId && c.AadObjectId == person.AadObjectId && c.RetiredAt == null && c.ConversationType == "personal")
            .OrderByDescending(c => c.UpdatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (personal is null)
        {
            (personal, var notCreated) = await CreatePersonalConversationAsync(person, cancellationToken);
            if (personal is null)
            {
                return notCreated!;
            }
        }

        activity.Conversation = new ConversationAccount { Id = personal.ConversationId };
        // Stored references come only from activities that passed authentication, so their service URL is
        // trusted on every instance, also one that has not itself received an activity from it since start-up.
        trusted.Trust(personal.ServiceUrl);
        // One attempt: a throttled send is rescheduled by the dispatcher (through the pacer), not waited out here.
        var result = await connector.TrySendToConversationAsync(personal.ServiceUrl, personal.ConversationId, activity, cancellationToken);
        if (result.Succeeded)
        {
            return new ProactiveResult(ProactiveOutcome.Sent, result.Value?.Id, null);
        }

        if (result.ConversationGone)
        {
            personal.RetiredAt = time.GetUtcNow();
            personal.RetiredReason = $"{ConversationEnds.ConnectorPrefix}{result.StatusCode}";
            await db.SaveChangesAsync(cancellationToken);
            return new ProactiveResult(ProactiveOutcome.Unreachable, null, $"{result.StatusCode} {result.ErrorCode}", Ended: true);
        }

        return result.Outcome switch
        {
            ConnectorOutcome.Throttled => new ProactiveResult(ProactiveOutcome.Throttled, null, "429", result.RetryAfter ?? TimeSpan.FromSeconds(1)),
            ConnectorOutcome.Rejected or ConnectorOutcome.Untrusted => new ProactiveResult(ProactiveOutcome.Refused, null, $"{result.Outcome} {result.StatusCode} {result.ErrorCode}"),
            _ => new ProactiveResult(ProactiveOutcome.Failed, null, $"{result.Outcome} {result.StatusCode} {result.ErrorCode}"),
        };
    }

    /// <summary>The new personal conversation, or why there is none (unreachable, or a failure worth trying again).</summary>
    private async Task<(ConversationRecord? Record, ProactiveResult? Failure)> CreatePersonalConversationAsync(Person person, CancellationToken cancellationToken)
    {
        var known = await db.ConversationRecords.AsNoTracking()
            .Where(c => c.TenantId == person.TenantId && c.AadObjectId == person.AadObjectId && c.UserId != string.Empty && c.RetiredAt == null)
            .OrderByDescending(c => c.UpdatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (known is null)
        {
            return (null, new ProactiveResult(ProactiveOutcome.Unreachable, null, "no conversation"));
        }

        var created = await connector.CreateConversationAsync(known.ServiceUrl, new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = known.BotId },
            Members = [new ChannelAccount { Id = known.UserId }],
            TenantId = person.TenantId,
        }, cancellationToken);
        if (created.ConversationGone)
        {
            // Teams will not let the bot talk to this person (blocked, uninstalled): the reference that would create
            // the chat is retired too, so their other queued messages settle without asking Teams again.
            var dead = await db.ConversationRecords.SingleAsync(c => c.Id == known.Id, cancellationToken);
            dead.RetiredAt = time.GetUtcNow();
            dead.RetiredReason = $"{ConversationEnds.CreatePrefix}{created.StatusCode}";
            await db.SaveChangesAsync(cancellationToken);
            return (null, new ProactiveResult(ProactiveOutcome.Unreachable, null, $"{created.StatusCode} {created.ErrorCode}", Ended: true));
        }

        if (!created.Succeeded || string.IsNullOrEmpty(created.Value?.Id))
        {
            return (null, new ProactiveResult(ProactiveOutcome.Failed, null, $"create conversation: {created.Outcome} {created.StatusCode}"));
        }

        var now = time.GetUtcNow();
        var record = new ConversationRecord
        {
            TenantId = person.TenantId,
            ChannelId = known.ChannelId,
            ServiceUrl = known.ServiceUrl,
            ConversationId = created.Value.Id,
            ConversationType = "personal",
            UserId = known.UserId,
            AadObjectId = person.AadObjectId,
            UserName = known.UserName,
            BotId = known.BotId,
            Locale = known.Locale,
            TimeZone = known.TimeZone,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.ConversationRecords.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return (record, null);
    }
}
