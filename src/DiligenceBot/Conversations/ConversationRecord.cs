using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiligenceBot.Conversations;

/// <summary>
/// A stored conversation reference: what is needed to message a user (or a team/group chat) proactively.
/// Captured on install and membership events; retired when the bot is removed or Teams answers 403/404.
/// </summary>
public sealed class ConversationRecord
{
    public long Id { get; set; }
    public required string TenantId { get; set; }
    public required string ChannelId { get; set; }
    /// <summary>Only ever a serviceUrl from an authenticated activity (or local development mode).</summary>
    public required string ServiceUrl { get; set; }
    public required string ConversationId { get; set; }
    /// <summary>personal, groupChat or channel.</summary>
    public string? ConversationType { get; set; }
    /// <summary>The user's channel id (29:...); empty for the conversation itself (a team or group chat install).</summary>
    public string UserId { get; set; } = string.Empty;
    public string? AadObjectId { get; set; }
    public string? UserName { get; set; }
    public string? BotId { get; set; }
    public string? TeamsTeamId { get; set; }
    public string? Locale { get; set; }
    /// <summary>The Teams client's IANA time zone, when it told us.</summary>
    public string? TimeZone { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? RetiredAt { get; set; }
    public string? RetiredReason { get; set; }

    public bool IsActive => RetiredAt is null;
}

internal sealed class ConversationRecordConfiguration : IEntityTypeConfiguration<ConversationRecord>
{
    public void Configure(EntityTypeBuilder<ConversationRecord> b)
    {
        b.ToTable("ConversationRecords");
        b.HasKey(c => c.Id);
        b.Property(c => c.TenantId).HasMaxLength(64);
        b.Property(c => c.ChannelId).HasMaxLength(32);
        b.Property(c => c.ServiceUrl).HasMaxLength(512);
        b.Property(c => c.ConversationId).HasMaxLength(512);
        b.Property(c => c.ConversationType).HasMaxLength(32);
        b.Property(c => c.UserId).HasMaxLength(256);
        b.Property(c => c.AadObjectId).HasMaxLength(64);
        b.Property(c => c.UserName).HasMaxLength(200);
        b.Property(c => c.BotId).HasMaxLength(256);
        b.Property(c => c.TeamsTeamId).HasMaxLength(512);
        b.Property(c => c.Locale).HasMaxLength(16);
        b.Property(c => c.TimeZone).HasMaxLength(64);
        b.Property(c => c.RetiredReason).HasMaxLength(64);
        b.Ignore(c => c.IsActive);
        b.HasIndex(c => new { c.ConversationId, c.UserId }).IsUnique();
        b.HasIndex(c => new { c.TenantId, c.AadObjectId });
    }
}
