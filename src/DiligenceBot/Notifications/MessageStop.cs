using DiligenceBot.Data;
using DiligenceBot.Organisation;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Notifications;

/// <summary>
/// Stops every message to a person whose conversation with the bot ended (they removed the app, or Teams answered
/// 403/404): each pending notification, reminder and escalation to them is dropped (not sent, not retried, also not
/// when they install the app again), counted (outcome <c>dropped</c>) and the end is audited. New messages queued
/// afterwards are dropped by the dispatcher the same way until they install the app again.
/// </summary>
public sealed class MessageStop(DiligenceDbContext db, TimeProvider time, Operations.DiligenceMetrics metrics, ILogger<MessageStop> logger)
{
    /// <summary>Audit actions: the person removed the app; Teams refused the bot.</summary>
    public const string UninstalledAction = "conversation.uninstalled";
    public const string RefusedAction = "conversation.refused";

    /// <summary>
    /// Drops what waits for the person and audits the end, in one save (with whatever the caller changed); the message
    /// <paramref name="tried"/> (the one Teams just refused) keeps the outcome the caller gave it.
    /// </summary>
    public async Task<int> StopAsync(Person person, string action, string actorId, string reason, string? activityId, CancellationToken cancellationToken, long? tried = null)
    {
        var pending = await db.Notifications
            .Where(n => n.TenantId == person.TenantId && n.RecipientId == person.Id && n.Status == NotificationStatus.Pending && n.Id != tried)
            .ToListAsync(cancellationToken);
        foreach (var notification in pending)
        {
            notification.Status = NotificationStatus.Dropped;
            notification.LastError = reason;
        }

        db.AuditEntries.Add(new Audit.AuditEntry
        {
            TenantId = person.TenantId,
            At = time.GetUtcNow(),
            ActorId = actorId,
            Action = action,
            SubjectType = "person",
            SubjectId = person.Id,
            SourceVerb = reason.Length <= 64 ? reason : reason[..64],
            SourceActivityId = activityId is { Length: <= 256 } ? activityId : null,
        });
        await db.SaveChangesAsync(cancellationToken);
        foreach (var notification in pending)
        {
            metrics.Sent(notification.Kind, "dropped");
        }

        Log.MessagesStopped(logger, person.TenantId, person.Id, pending.Count, reason);
        return pending.Count;
    }
}
