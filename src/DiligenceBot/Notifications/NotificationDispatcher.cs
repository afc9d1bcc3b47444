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
/// Sends pending notifications: claims each (so several instances never send the same one), renders it,
/// finds or creates the recipient's personal conversation, sends, and records the outcome. One fetcher per instance
/// claims due messages (as many as the senders can take) and hands them to the senders, so the senders never race
/// each other for the same rows; woken at once when a feature queues one, polling every few seconds for retries.
/// </summary>
public sealed class NotificationDispatcher(
    IServiceScopeFactory scopes,
    TimeProvider time,
    TenantPacer pacer,
    Microsoft.Extensions.Options.IOptions<Scheduling.SchedulingOptions> scheduling,
    Operations.DiligenceMetrics metrics,
    ILogger<NotificationDispatcher> logger) : BackgroundService
{
    private const int MaxAttempts = 5;

    /// <summary>Concurrent senders per instance; the tenant pacer keeps the total within Teams' limit.</summary>
    private const int Senders = 8;

    /// <summary>Claimed messages waiting for or being handled by a sender, at most.</summary>
    private const int InHand = Senders * 2;

    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Channel<long> _work = Channel.CreateBounded<long>(InHand);
    private int _inHand;

    /// <summary>Asks the dispatcher to look for work now.</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Senders).Select(_ => Task.Run(() => SendLoopAsync(stoppingToken), stoppingToken))
            .Append(Task.Run(() => FetchLoopAsync(stoppingToken), stoppingToken)));

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
            // Shutting down; whatever was claimed and not sent is tried again when its claim runs out.
        }
    }

    private async Task SendClaimedAsync(CancellationToken stoppingToken)
    {
        await foreach (var id in _work.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<DiligenceDbContext>();
                await DeliverAsync(scope.ServiceProvider, db, id, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The message stays claimed until its claim runs out, then it is tried again.
                Log.NotificationLoopFailed(logger, ex);
            }
            finally
            {
                Interlocked.Decrement(ref _inHand);
                Wake();
            }
        }
    }

    /// <summary>Claims due messages for the free senders; true when it claimed a full batch (there may be more).</summary>
    private async Task<bool> ClaimDueAsync(CancellationToken cancellationToken)
    {
        var free = InHand - Volatile.Read(ref _inHand);
        if (free <= 0)
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
        var claimUntil = claimNow.AddMinutes(2);
        foreach (var id in candidates)
        {
            // Another instance may have claimed it since the query: the conditional update decides.
            var claimed = await db.Set<Notification>()
                .Where(n => n.Id == id && n.Status == NotificationStatus.Pending && (n.ClaimedUntil == null || n.ClaimedUntil < claimNow))
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.ClaimedUntil, claimUntil), cancellationToken);
            if (claimed == 1)
            {
                Interlocked.Increment(ref _inHand);
                await _work.Writer.WriteAsync(id, cancellationToken);
            }
        }

        return candidates.Count == free;
    }

    private async Task DeliverAsync(IServiceProvider services, DiligenceDbContext db, long id, CancellationToken cancellationToken)
    {
        var notification = await db.Set<Notification>().SingleAsync(n => n.Id == id, cancellationToken);
        var now = time.GetUtcNow();
        metrics.OutboxLag(now - notification.NextAttemptAt);
        notification.Attempts++;
        notification.ClaimedUntil = null;
        var recipient = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == notification.RecipientId && p.TenantId == notification.TenantId, cancellationToken);
        // Only this kind's renderer is built: one feature's renderers never stand in another's way.
        var renderer = services.GetKeyedService<INotificationRenderer>(notification.Kind);
        if (recipient is null || renderer is null)
        {
            notification.Status = NotificationStatus.Failed;
            notification.LastError = recipient is null ? "recipient unknown" : "no renderer";
            await db.SaveChangesAsync(cancellationToken);
            metrics.Sent(notification.Kind, "failed");
            return;
        }

        var sender = services.GetRequiredService<ProactiveSender>();
        if (!await sender.IsReachableAsync(recipient, cancellationToken))
        {
            // Nobody to send to (never installed): settle it now, without rendering or taking a send slot.
            notification.Status = NotificationStatus.Undeliverable;
            notification.LastError = "no conversation";
            await renderer.OnUndeliverableAsync(notification, db, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            metrics.Sent(notification.Kind, "unreachable");
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
        var result = await sender.SendAsync(recipient, activity, cancellationToken);
        switch (result.Outcome)
        {
            case ProactiveOutcome.Sent:
                notification.Status = NotificationStatus.Sent;
                notification.SentAt = now;
                notification.SentActivityId = result.ActivityId;
                break;
            case ProactiveOutcome.Throttled:
                // Waited out, not counted: the sender is free for other messages meanwhile.
                await pacer.GiveBackAsync(notification.TenantId, scheduling.Value.TenantMessagesPerSecond, cancellationToken);
                notification.Attempts--;
                var retryAfter = result.RetryAfter ?? TimeSpan.FromSeconds(1);
                notification.NextAttemptAt = now + retryAfter;
                // Be there when it is due again rather than at the next idle poll.
                _ = Task.Delay(retryAfter, CancellationToken.None).ContinueWith(_ => Wake(), TaskScheduler.Default);
                break;
            case ProactiveOutcome.Unreachable:
                notification.Status = NotificationStatus.Undeliverable;
                notification.LastError = result.Detail;
                await renderer.OnUndeliverableAsync(notification, db, cancellationToken);
                break;
            default:
                notification.LastError = result.Detail;
                if (notification.Attempts >= MaxAttempts)
                {
                    notification.Status = NotificationStatus.Failed;
                }
                else
                {
                    notification.NextAttemptAt = now.AddSeconds(Math.Pow(4, notification.Attempts));
                }

                break;
        }

        await db.SaveChangesAsync(cancellationToken);
        metrics.Sent(notification.Kind, result.Outcome switch
        {
            ProactiveOutcome.Sent => "sent",
            ProactiveOutcome.Throttled => "throttled",
            ProactiveOutcome.Unreachable => "unreachable",
            _ => "failed",
        });
        Log.NotificationDelivered(logger, notification.Id, notification.Kind, notification.Status.ToString());
    }
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
}

public sealed record ProactiveResult(ProactiveOutcome Outcome, string? ActivityId, string? Detail, TimeSpan? RetryAfter = null);

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
        personal ??= await CreatePersonalConversationAsync(person, cancellationToken);
        if (personal is null)
        {
            return new ProactiveResult(ProactiveOutcome.Unreachable, null, "no conversation");
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
            personal.RetiredReason = $"connector {result.StatusCode}";
            await db.SaveChangesAsync(cancellationToken);
            return new ProactiveResult(ProactiveOutcome.Unreachable, null, $"{result.StatusCode} {result.ErrorCode}");
        }

        return result.Outcome == ConnectorOutcome.Throttled
            ? new ProactiveResult(ProactiveOutcome.Throttled, null, "429", result.RetryAfter ?? TimeSpan.FromSeconds(1))
            : new ProactiveResult(ProactiveOutcome.Failed, null, $"{result.Outcome} {result.StatusCode}");
    }

    private async Task<ConversationRecord?> CreatePersonalConversationAsync(Person person, CancellationToken cancellationToken)
    {
        var known = await db.ConversationRecords.AsNoTracking()
            .Where(c => c.TenantId == person.TenantId && c.AadObjectId == person.AadObjectId && c.UserId != string.Empty && c.RetiredAt == null)
            .OrderByDescending(c => c.UpdatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (known is null)
        {
            return null;
        }

        var created = await connector.CreateConversationAsync(known.ServiceUrl, new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = known.BotId },
            Members = [new ChannelAccount { Id = known.UserId }],
            TenantId = person.TenantId,
        }, cancellationToken);
        if (!created.Succeeded || string.IsNullOrEmpty(created.Value?.Id))
        {
            return null;
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
        return record;
    }
}
