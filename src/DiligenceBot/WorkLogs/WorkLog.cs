using System.Text.Json;
using DiligenceBot.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiligenceBot.WorkLogs;

public enum WorkLogStatus
{
    /// <summary>Submitted (or resubmitted) and waiting for the lead.</summary>
    Submitted,
    /// <summary>Sent back by the lead with a comment; the manager revises and resubmits.</summary>
    Returned,
    /// <summary>Approved by the lead; no longer editable.</summary>
    Approved,
}

/// <summary>A manager's daily work log: one per manager per working day, with every revision kept.</summary>
public sealed class WorkLog : IReviewSubject
{
    public Guid Id { get; set; }
    public required string TenantId { get; set; }
    public required string TeamId { get; set; }
    public required string ManagerId { get; set; }
    public DateOnly WorkDate { get; set; }
    public WorkLogStatus Status { get; set; }
    /// <summary>Number of the latest revision (1 = first submission).</summary>
    public int CurrentRevision { get; set; }
    /// <summary>Submitted by the deadline (the start of the team's daily meeting on the work date, team time zone)?</summary>
    public bool OnTime { get; set; }
    public DateTimeOffset FirstSubmittedAt { get; set; }
    public DateTimeOffset LastSubmittedAt { get; set; }
    public string? ReviewedById { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public int? QualityRating { get; set; }
    /// <summary>The reviewer who marked this log as an example for the team (praise); null when not marked.</summary>
    public string? PraisedById { get; set; }
    public DateTimeOffset? PraisedAt { get; set; }
    /// <summary>Changes on every write: a second writer with stale data fails instead of overwriting.</summary>
    public Guid ConcurrencyStamp { get; set; }
    public List<WorkLogRevision> Revisions { get; set; } = [];
    public List<WorkLogReview> Reviews { get; set; } = [];

    bool IReviewSubject.AwaitsDecision => Status == WorkLogStatus.Submitted;

    IEnumerable<IReviewRecord> IReviewSubject.Decisions => Reviews;

    void IReviewSubject.RecordDecision(int revision, string reviewerId, ReviewDecision decision, ReviewComment comment, DateTimeOffset at)
    {
        Reviews.Add(new WorkLogReview
        {
            WorkLogId = Id,
            RevisionNumber = revision,
            ReviewerId = reviewerId,
            Decision = decision,
            Evaluation = comment.Evaluation,
            Requirement = comment.Requirement,
            Suggestion = comment.Suggestion,
            QualityRating = comment.Rating,
            DecidedAt = at,
        });
        Status = decision == ReviewDecision.Approved ? WorkLogStatus.Approved : WorkLogStatus.Returned;
        ReviewedById = reviewerId;
        ReviewedAt = at;
        QualityRating = comment.Rating ?? QualityRating;
        ConcurrencyStamp = Guid.NewGuid();
    }
}

/// <summary>One submitted version of a log's content.</summary>
public sealed class WorkLogRevision
{
    public long Id { get; set; }
    public Guid WorkLogId { get; set; }
    public int Number { get; set; }
    /// <summary>Field key → value, as validated (numbers and dates in invariant form).</summary>
    public Dictionary<string, string> Values { get; set; } = [];
    public DateTimeOffset SubmittedAt { get; set; }
    public bool OnTime { get; set; }
    /// <summary>The activity that carried it: Teams re-sends unanswered activities with the same id.</summary>
    public string? SourceActivityId { get; set; }
}

/// <summary>The lead's decision on one revision, with the three-part comment and the quality rating.</summary>
public sealed class WorkLogReview : ReviewRecord
{
    public Guid WorkLogId { get; set; }
}

internal sealed class WorkLogConfiguration : IEntityTypeConfiguration<WorkLog>
{
    public void Configure(EntityTypeBuilder<WorkLog> b)
    {
        b.ToTable("WorkLogs");
        b.HasKey(l => l.Id);
        b.Property(l => l.TenantId).HasMaxLength(64);
        b.Property(l => l.TeamId).HasMaxLength(64);
        b.Property(l => l.ManagerId).HasMaxLength(64);
        b.Property(l => l.ReviewedById).HasMaxLength(64);
        b.Property(l => l.PraisedById).HasMaxLength(64);
        b.Property(l => l.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(l => l.ConcurrencyStamp).IsConcurrencyToken();
        b.HasIndex(l => new { l.ManagerId, l.WorkDate }).IsUnique();
        b.HasIndex(l => new { l.TeamId, l.WorkDate });
        b.HasMany(l => l.Revisions).WithOne().HasForeignKey(r => r.WorkLogId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(l => l.Reviews).WithOne().HasForeignKey(r => r.WorkLogId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkLogRevisionConfiguration : IEntityTypeConfiguration<WorkLogRevision>
{
    public void Configure(EntityTypeBuilder<WorkLogRevision> b)
    {
        b.ToTable("WorkLogRevisions");
        b.HasKey(r => r.Id);
        b.Property(r => r.SourceActivityId).HasMaxLength(256);
        b.Property(r => r.Values).HasConversion(
            v => JsonSerializer.Serialize(v, WorkLogJsonContext.Default.DictionaryStringString),
            v => JsonSerializer.Deserialize(v, WorkLogJsonContext.Default.DictionaryStringString) ?? new Dictionary<string, string>(),
            new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<Dictionary<string, string>>(
                (a, c) => a!.Count == c!.Count && !a.Except(c).Any(),
                v => v.Count,
                v => new Dictionary<string, string>(v)));
        b.HasIndex(r => new { r.WorkLogId, r.Number }).IsUnique();
    }
}

internal sealed class WorkLogReviewConfiguration : IEntityTypeConfiguration<WorkLogReview>
{
    public void Configure(EntityTypeBuilder<WorkLogReview> b)
    {
        b.ToTable("WorkLogReviews");
        ReviewRecord.Configure(b);
        // One decision per revision: deciding twice on the same revision cannot happen, even under races.
        b.HasIndex(r => new { r.WorkLogId, r.RevisionNumber }).IsUnique();
    }
}
