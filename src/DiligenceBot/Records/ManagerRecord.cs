using DiligenceBot.Customers;
using DiligenceBot.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiligenceBot.Records;

public enum RecordStatus
{
    /// <summary>Filed (or filed again) and waiting for the lead.</summary>
    Submitted,
    /// <summary>Sent back by the lead with a comment; the manager files it again.</summary>
    Returned,
    /// <summary>Verified by the lead: locked, only retention removes it.</summary>
    Verified,
}

/// <summary>
/// One of a manager's other records (an analysis, a work summary, a marketing case, a document a customer signed):
/// its kind and period, a title, the customers it concerns and its files. The team's lead verifies or returns it
/// through the shared <see cref="LeadReview"/>; once verified it is locked. A kind with a period has one record per
/// manager and period, filed again over itself while it is not verified (each filing a revision).
/// </summary>
public sealed class ManagerRecord : IReviewSubject
{
    public Guid Id { get; set; }
    public required string TenantId { get; set; }
    public required string TeamId { get; set; }
    public required string ManagerId { get; set; }
    public required string KindId { get; set; }
    /// <summary>The period's key (2026-11, 2026-Q4, 2026-H2), empty for a kind without a period.</summary>
    public required string PeriodKey { get; set; }
    public required string Title { get; set; }
    /// <summary>The registered customers the record concerns (ids in the manager's register), in the order picked.</summary>
    public List<long> CustomerIds { get; set; } = [];
    /// <summary>Shops the record concerns that are not registered yet, one a line, as the manager wrote them (marked so wherever shown).</summary>
    public string UnregisteredCustomers { get; set; } = string.Empty;

    /// <summary>The record's customers as every customers input reads them.</summary>
    public CustomerPicks Customers => new(CustomerIds, UnregisteredCustomers, null);
    public RecordStatus Status { get; set; }
    public int CurrentRevision { get; set; }
    public DateTimeOffset FirstFiledAt { get; set; }
    public DateTimeOffset LastFiledAt { get; set; }
    public string? VerifiedById { get; set; }
    public DateTimeOffset? VerifiedAt { get; set; }
    public Guid ConcurrencyStamp { get; set; }
    public List<RecordFile> Files { get; set; } = [];
    public List<RecordReview> Reviews { get; set; } = [];

    /// <summary>Verified records are locked: no change, no delete, no filing over them.</summary>
    public bool Locked => Status == RecordStatus.Verified;

    bool IReviewSubject.AwaitsDecision => Status == RecordStatus.Submitted;

    IEnumerable<IReviewRecord> IReviewSubject.Decisions => Reviews;

    void IReviewSubject.RecordDecision(int revision, string reviewerId, ReviewDecision decision, ReviewComment comment, DateTimeOffset at)
    {
        Reviews.Add(new RecordReview
        {
            RecordId = Id,
            RevisionNumber = revision,
            ReviewerId = reviewerId,
            Decision = decision,
            Evaluation = comment.Evaluation,
            Requirement = comment.Requirement,
            Suggestion = comment.Suggestion,
            QualityRating = comment.Rating,
            DecidedAt = at,
        });
        Status = decision == ReviewDecision.Approved ? RecordStatus.Verified : RecordStatus.Returned;
        if (Status == RecordStatus.Verified)
        {
            VerifiedById = reviewerId;
            VerifiedAt = at;
        }

        ConcurrencyStamp = Guid.NewGuid();
    }
}

/// <summary>
/// A file a person sent the bot for their records: kept in the record store under <see cref="StorageKey"/> with its
/// SHA-256; not yet part of a record (<see cref="RecordId"/> null) until it is filed with one.
/// </summary>
public sealed class RecordFile
{
    public long Id { get; set; }
    public required string TenantId { get; set; }
    /// <summary>Who sent it (the manager whose record it becomes).</summary>
    public required string OwnerId { get; set; }
    public Guid? RecordId { get; set; }
    public required string FileName { get; set; }
    public required string FileType { get; set; }
    public long SizeBytes { get; set; }
    /// <summary>SHA-256 of the content, lower-case hex.</summary>
    public required string Sha256 { get; set; }
    public required string StorageKey { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}

/// <summary>The lead's decision on one filing of a record.</summary>
public sealed class RecordReview : ReviewRecord
{
    public Guid RecordId { get; set; }
}

internal sealed class ManagerRecordConfiguration : IEntityTypeConfiguration<ManagerRecord>
{
    public void Configure(EntityTypeBuilder<ManagerRecord> b)
    {
        b.ToTable("Records");
        b.HasKey(r => r.Id);
        b.Property(r => r.TenantId).HasMaxLength(64);
        b.Property(r => r.TeamId).HasMaxLength(64);
        b.Property(r => r.ManagerId).HasMaxLength(64);
        b.Property(r => r.KindId).HasMaxLength(RecordLimits.KindId);
        b.Property(r => r.PeriodKey).HasMaxLength(16);
        b.Property(r => r.Title).HasMaxLength(RecordLimits.Title);
        b.Property(r => r.UnregisteredCustomers).HasMaxLength(RecordLimits.CustomersLine);
        b.Ignore(r => r.Customers);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.VerifiedById).HasMaxLength(64);
        b.Property(r => r.ConcurrencyStamp).IsConcurrencyToken();
        // One record per manager, kind and period (a kind without a period, PeriodKey empty, may have many): two
        // filings racing for the same period cannot both insert; the loser decides again and files a revision.
        b.HasIndex(r => new { r.TenantId, r.ManagerId, r.KindId, r.PeriodKey }).IsUnique().HasFilter("\"PeriodKey\" <> ''");
        b.HasIndex(r => new { r.TenantId, r.TeamId, r.PeriodKey });
        b.HasMany(r => r.Files).WithOne().HasForeignKey(f => f.RecordId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Reviews).WithOne().HasForeignKey(r => r.RecordId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RecordFileConfiguration : IEntityTypeConfiguration<RecordFile>
{
    public void Configure(EntityTypeBuilder<RecordFile> b)
    {
        b.ToTable("RecordFiles");
        b.HasKey(f => f.Id);
        b.Property(f => f.TenantId).HasMaxLength(64);
        b.Property(f => f.OwnerId).HasMaxLength(64);
        b.Property(f => f.FileName).HasMaxLength(RecordLimits.FileName);
        b.Property(f => f.FileType).HasMaxLength(16);
        b.Property(f => f.Sha256).HasMaxLength(64);
        b.Property(f => f.StorageKey).HasMaxLength(200);
        // Filing a file sets RecordId where it is still null: two filings racing for the same file cannot both take it.
        b.Property(f => f.RecordId).IsConcurrencyToken();
        b.HasIndex(f => new { f.TenantId, f.OwnerId, f.RecordId });
        b.HasIndex(f => f.StorageKey).IsUnique();
    }
}

internal sealed class RecordReviewConfiguration : IEntityTypeConfiguration<RecordReview>
{
    public void Configure(EntityTypeBuilder<RecordReview> b)
    {
        b.ToTable("RecordReviews");
        ReviewRecord.Configure(b);
        b.HasIndex(r => new { r.RecordId, r.RevisionNumber }).IsUnique();
    }
}

public static class RecordLimits
{
    public const int KindId = 40;
    public const int Title = 200;
    public const int FileName = 200;
    /// <summary>What the form's text for shops not registered may hold.</summary>
    public const int CustomersLine = 2000;
    public const int MaxFilesPerRecord = 10;
}
