using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiligenceBot.Audit;

/// <summary>Who did what, when, to which record and revision, from which card (the audit trail).</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public required string TenantId { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>The person (directory id) who acted.</summary>
    public required string ActorId { get; set; }
    /// <summary>e.g. worklog.submitted, worklog.approved, worklog.returned.</summary>
    public required string Action { get; set; }
    public required string SubjectType { get; set; }
    public required string SubjectId { get; set; }
    public int? Revision { get; set; }
    /// <summary>The verb of the card button or command that did it.</summary>
    public string? SourceVerb { get; set; }
    /// <summary>The Teams activity that carried it, and the card activity it came from.</summary>
    public string? SourceActivityId { get; set; }
    public string? SourceCardActivityId { get; set; }

    /// <summary>The entry of an action a person took from a card or a command (the verb and the activities it came with).</summary>
    public static AuditEntry Of(Conversations.BotRequest request, string tenantId, string actorId, string action, string subjectType, string subjectId, int? revision, DateTimeOffset at) => new()
    {
        TenantId = tenantId,
        At = at,
        ActorId = actorId,
        Action = action,
        SubjectType = subjectType,
        SubjectId = subjectId,
        Revision = revision,
        SourceVerb = request.Verb,
        SourceActivityId = request.Activity.Id,
        SourceCardActivityId = request.Activity.ReplyToId,
    };
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.HasKey(a => a.Id);
        b.Property(a => a.TenantId).HasMaxLength(64);
        b.Property(a => a.ActorId).HasMaxLength(64);
        b.Property(a => a.Action).HasMaxLength(64);
        b.Property(a => a.SubjectType).HasMaxLength(64);
        b.Property(a => a.SubjectId).HasMaxLength(64);
        b.Property(a => a.SourceVerb).HasMaxLength(64);
        b.Property(a => a.SourceActivityId).HasMaxLength(256);
        b.Property(a => a.SourceCardActivityId).HasMaxLength(256);
        b.HasIndex(a => new { a.SubjectType, a.SubjectId });
    }
}
