using System.Text.Json;
using System.Text.Json.Serialization;
using DiligenceBot.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiligenceBot.Plans;

public enum PlanStatus
{
    /// <summary>Submitted (or resubmitted) and waiting for the lead.</summary>
    Submitted,
    /// <summary>Sent back by the lead with a comment; the manager revises and resubmits.</summary>
    Returned,
    /// <summary>Approved by the lead; no longer editable.</summary>
    Approved,
}

/// <summary>
/// A manager's monthly marketing plan: one per manager per month, owed by the team's plan day of the month before,
/// reviewed by the team's lead like a work log; every revision kept.
/// </summary>
public sealed class MarketingPlan : IReviewSubject
{
    public Guid Id { get; set; }
    public required string TenantId { get; set; }
    public required string TeamId { get; set; }
    public required string ManagerId { get; set; }
    /// <summary>The first day of the month the plan is for.</summary>
    public DateOnly Month { get; set; }
    public PlanStatus Status { get; set; }
    public int CurrentRevision { get; set; }
    /// <summary>First submitted by the end of the team's plan day of the month before?</summary>
    public bool OnTime { get; set; }
    public DateTimeOffset FirstSubmittedAt { get; set; }
    public DateTimeOffset LastSubmittedAt { get; set; }
    public string? ReviewedById { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public int? QualityRating { get; set; }
    public Guid ConcurrencyStamp { get; set; }
    public List<MarketingPlanRevision> Revisions { get; set; } = [];
    public List<MarketingPlanReview> Reviews { get; set; } = [];
    /// <summary>The service measures the manager marked done.</summary>
    public List<PlanMeasureDone> MeasuresDone { get; set; } = [];

    public MarketingPlanRevision Current => Revisions.Single(r => r.Number == CurrentRevision);

    bool IReviewSubject.AwaitsDecision => Status == PlanStatus.Submitted;

    IEnumerable<IReviewRecord> IReviewSubject.Decisions => Reviews;

    void IReviewSubject.RecordDecision(int revision, string reviewerId, ReviewDecision decision, ReviewComment comment, DateTimeOffset at)
    {
        Reviews.Add(new MarketingPlanReview
        {
            PlanId = Id,
            RevisionNumber = revision,
            ReviewerId = reviewerId,
            Decision = decision,
            Evaluation = comment.Evaluation,
            Requirement = comment.Requirement,
            Suggestion = comment.Suggestion,
            QualityRating = comment.Rating,
            DecidedAt = at,
        });
        Status = decision == ReviewDecision.Approved ? PlanStatus.Approved : PlanStatus.Returned;
        ReviewedById = reviewerId;
        ReviewedAt = at;
        QualityRating = comment.Rating ?? QualityRating;
        ConcurrencyStamp = Guid.NewGuid();
    }
}

/// <summary>One visit in a plan: a registered customer on a working day of the month.</summary>
public sealed record PlannedVisit(
    [property: JsonPropertyName("day")] DateOnly Day,
    [property: JsonPropertyName("customerId")] long CustomerId);

/// <summary>One submitted version of a plan: the goals, the service measures and the visit plan.</summary>
public sealed class MarketingPlanRevision
{
    public long Id { get; set; }
    public Guid PlanId { get; set; }
    public int Number { get; set; }
    /// <summary>Volume goal in cases (箱).</summary>
    public decimal? VolumeCases { get; set; }
    /// <summary>Value goal in yuan (元).</summary>
    public decimal? ValueYuan { get; set; }
    public string? KeyBrands { get; set; }
    /// <summary>The targeted service measures for the month, as the manager wrote them.</summary>
    public required string Measures { get; set; }
    public List<PlannedVisit> Visits { get; set; } = [];
    public DateTimeOffset SubmittedAt { get; set; }
    public string? SourceActivityId { get; set; }
}

/// <summary>The lead's decision on one revision of a plan (the same three-part comment and rating as a log's).</summary>
public sealed class MarketingPlanReview : ReviewRecord
{
    public Guid PlanId { get; set; }
}

/// <summary>
/// A service measure of a plan its manager marked done, with a short note. The measure is a line of the plan's measures
/// (<see cref="PlanMeasures.Lines"/>), kept with its text: a revision that rewrites the line does not carry the mark over.
/// </summary>
public sealed class PlanMeasureDone
{
    public long Id { get; set; }
    public Guid PlanId { get; set; }
    /// <summary>The line's number among the plan's measures, from 1.</summary>
    public int Number { get; set; }
    public required string Text { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset DoneAt { get; set; }
}

/// <summary>A plan's service measures: each non-empty line of what the manager wrote is one measure.</summary>
public static class PlanMeasures
{
    public static IReadOnlyList<string> Lines(string measures) =>
        measures.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The measures of the plan's current revision, each with its mark when marked done for that very text.</summary>
    public static IReadOnlyList<(int Number, string Text, PlanMeasureDone? Done)> Of(MarketingPlan plan) =>
        Lines(plan.Current.Measures)
            .Select((text, i) => (i + 1, text, plan.MeasuresDone.SingleOrDefault(m => m.Number == i + 1 && m.Text == text)))
            .ToList();
}

[JsonSerializable(typeof(List<PlannedVisit>))]
internal sealed partial class PlanJsonContext : JsonSerializerContext;

internal sealed class MarketingPlanConfiguration : IEntityTypeConfiguration<MarketingPlan>
{
    public void Configure(EntityTypeBuilder<MarketingPlan> b)
    {
        b.ToTable("MarketingPlans");
        b.HasKey(p => p.Id);
        b.Property(p => p.TenantId).HasMaxLength(64);
        b.Property(p => p.TeamId).HasMaxLength(64);
        b.Property(p => p.ManagerId).HasMaxLength(64);
        b.Property(p => p.ReviewedById).HasMaxLength(64);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(p => p.ConcurrencyStamp).IsConcurrencyToken();
        b.Ignore(p => p.Current);
        b.HasIndex(p => new { p.ManagerId, p.Month }).IsUnique();
        b.HasIndex(p => new { p.TeamId, p.Month });
        b.HasMany(p => p.Revisions).WithOne().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Reviews).WithOne().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.MeasuresDone).WithOne().HasForeignKey(m => m.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MarketingPlanRevisionConfiguration : IEntityTypeConfiguration<MarketingPlanRevision>
{
    public void Configure(EntityTypeBuilder<MarketingPlanRevision> b)
    {
        b.ToTable("MarketingPlanRevisions");
        b.HasKey(r => r.Id);
        b.Property(r => r.VolumeCases).HasPrecision(14, 2);
        b.Property(r => r.ValueYuan).HasPrecision(16, 2);
        b.Property(r => r.KeyBrands).HasMaxLength(PlanLimits.KeyBrands);
        b.Property(r => r.Measures).HasMaxLength(PlanLimits.Measures);
        b.Property(r => r.SourceActivityId).HasMaxLength(256);
        b.Property(r => r.Visits).HasConversion(
            v => JsonSerializer.Serialize(v, PlanJsonContext.Default.ListPlannedVisit),
            v => JsonSerializer.Deserialize(v, PlanJsonContext.Default.ListPlannedVisit) ?? new List<PlannedVisit>(),
            new ValueComparer<List<PlannedVisit>>((a, c) => a!.SequenceEqual(c!), v => v.Count, v => v.ToList()));
        b.HasIndex(r => new { r.PlanId, r.Number }).IsUnique();
    }
}

internal sealed class MarketingPlanReviewConfiguration : IEntityTypeConfiguration<MarketingPlanReview>
{
    public void Configure(EntityTypeBuilder<MarketingPlanReview> b)
    {
        b.ToTable("MarketingPlanReviews");
        ReviewRecord.Configure(b);
        // One decision per revision, as for logs.
        b.HasIndex(r => new { r.PlanId, r.RevisionNumber }).IsUnique();
    }
}

internal sealed class PlanMeasureDoneConfiguration : IEntityTypeConfiguration<PlanMeasureDone>
{
    public void Configure(EntityTypeBuilder<PlanMeasureDone> b)
    {
        b.ToTable("MarketingPlanMeasures");
        b.HasKey(m => m.Id);
        b.Property(m => m.Text).HasMaxLength(PlanLimits.Measures);
        b.Property(m => m.Note).HasMaxLength(PlanLimits.MeasureNote);
        // One mark per line: marking again (a re-sent card, a second tap) finds it.
        b.HasIndex(m => new { m.PlanId, m.Number }).IsUnique();
    }
}

public static class PlanLimits
{
    public const int MeasureNote = 200;
    public const int KeyBrands = 200;
    public const int Measures = 2000;
    /// <summary>What one working day's line of customers may hold, as typed.</summary>
    public const int DayLine = 1000;
    public const double MaxCases = 1_000_000;
    public const double MaxYuan = 1_000_000_000;
}
