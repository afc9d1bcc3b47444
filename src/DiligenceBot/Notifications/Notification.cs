using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiligenceBot.Notifications;

public enum NotificationStatus
{
    Pending,
    Sent,
    /// <summary>The recipient has no reachable conversation (never installed, or Teams said 403/404).</summary>
    Undeliverable,
    /// <summary>Gave up after repeated failures.</summary>
    Failed,
    /// <summary>
    /// Not sent because the recipient's conversation ended (they removed the app, or Teams answered 403/404); unlike
    /// <see cref="Undeliverable"/>, not tried again when they install the app again.
    /// </summary>
    Dropped,
}

/// <summary>
/// A proactive message to send (the outbox). Written in the same transaction as the change it announces, with a
/// unique key per (kind, subject, revision, recipient), so a re-delivered activity cannot notify twice; sent by
/// <see cref="NotificationDispatcher"/> after the user already has their answer.
/// </summary>
public sealed class Notification
{
    public long Id { get; set; }
    public required string TenantId { get; set; }
    public required string Kind { get; set; }
    public required string SubjectId { get; set; }
    public int Revision { get; set; }
    public required string RecipientId { get; set; }
    public required string DedupKey { get; set; }
    public NotificationStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    /// <summary>Set while one instance is sending it, so that others leave it alone (a safety net: see <see cref="ClaimedBy"/>).</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }
    /// <summary>
    /// The dispatcher instance (<see cref="DispatcherLease"/>) holding the claim; when that instance's lease runs out
    /// (it died), any instance releases the claim at once instead of waiting for <see cref="ClaimedUntil"/>.
    /// </summary>
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? SentActivityId { get; set; }
    public string? LastError { get; set; }

    public static Notification Create(string tenantId, string kind, string subjectId, int revision, string recipientId, DateTimeOffset now) => new()
    {
        TenantId = tenantId,
        Kind = kind,
        SubjectId = subjectId,
        Revision = revision,
        RecipientId = recipientId,
        DedupKey = $"{kind}:{subjectId}:{revision}:{recipientId}",
        Status = NotificationStatus.Pending,
        CreatedAt = now,
        NextAttemptAt = now,
    };
}

public static class NotificationQueue
{
    /// <summary>
    /// The wanted messages whose key is not queued yet (each key once), added to the context for the caller's save.
    /// A key already queued is left alone, so a re-run (or another instance) never sends twice and an odd row can
    /// never make every run fail.
    /// </summary>
    public static async Task<List<Notification>> AddNewAsync(Data.DiligenceDbContext db, IReadOnlyCollection<Notification> wanted, CancellationToken cancellationToken)
    {
        var keys = wanted.Select(n => n.DedupKey).ToList();
        var queued = (await db.Notifications.Where(n => keys.Contains(n.DedupKey)).Select(n => n.DedupKey).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var fresh = wanted.Where(n => !queued.Contains(n.DedupKey)).DistinctBy(n => n.DedupKey).ToList();
        db.Notifications.AddRange(fresh);
        return fresh;
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("Notifications");
        b.HasKey(n => n.Id);
        b.Property(n => n.TenantId).HasMaxLength(64);
        b.Property(n => n.Kind).HasMaxLength(64);
        b.Property(n => n.SubjectId).HasMaxLength(64);
        b.Property(n => n.RecipientId).HasMaxLength(64);
        b.Property(n => n.DedupKey).HasMaxLength(256);
        b.Property(n => n.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(n => n.SentActivityId).HasMaxLength(256);
        b.Property(n => n.LastError).HasMaxLength(256);
        b.Property(n => n.ClaimedBy).HasMaxLength(64);
        b.HasIndex(n => n.DedupKey).IsUnique();
        b.HasIndex(n => new { n.Status, n.NextAttemptAt });
    }
}
