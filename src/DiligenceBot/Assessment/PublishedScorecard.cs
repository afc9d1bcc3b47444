using DiligenceBot.Localization;
using DiligenceBot.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiligenceBot.Assessment;

/// <summary>Where a published scorecard stands: published → acknowledged | objected → upheld | amended.</summary>
public enum ScorecardState
{
    Published,
    Acknowledged,
    Objected,
    Upheld,
    Amended,
}

/// <summary>
/// One manager's scorecard for a month or a quarter as the lead published it: a snapshot (each indicator's value and
/// points as they stood, the indicators the lead scored with the reason, each dimension's adjustment with its reason),
/// the total, who published it and when, and what came after: the manager's answer by <see cref="RespondBy"/>
/// (acknowledged, or objected with a reason), and the lead's own manager's decision on an objection (upheld, or
/// amended dimension points with a reason). One per manager and period; never published twice.
/// </summary>
public sealed class PublishedScorecard
{
    public Guid Id { get; set; }
    public required string TenantId { get; set; }
    public required string TeamId { get; set; }
    public required string ManagerId { get; set; }
    /// <summary>2026-11 or 2026-Q4 (<see cref="RecordPeriod.Key"/>).</summary>
    public required string PeriodKey { get; set; }
    public decimal Total { get; set; }
    public ScorecardState State { get; set; }
    public required string PublishedById { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    /// <summary>The last day (the team's calendar) the manager may acknowledge or object.</summary>
    public DateOnly RespondBy { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? ObjectionReason { get; set; }
    public DateTimeOffset? ObjectedAt { get; set; }
    /// <summary>Who decides the objection: the lead's own manager; null when the lead reports to nobody (the tenant's admins decide).</summary>
    public string? DeciderId { get; set; }
    public string? DecidedById { get; set; }
    public string? DecisionReason { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public Guid ConcurrencyStamp { get; set; }
    public List<PublishedDimension> Dimensions { get; set; } = [];
    public List<PublishedIndicator> Indicators { get; set; } = [];

    public RecordPeriod Period =>
        RecordPeriod.TryParse(RecordPeriodKind.Monthly, PeriodKey, out var month) ? month
        : RecordPeriod.TryParse(RecordPeriodKind.Quarterly, PeriodKey, out var quarter) ? quarter
        : RecordPeriod.None;

    /// <summary>Moves the state and takes a new stamp, so a concurrent change of the same row fails instead of overwriting.</summary>
    public void MoveTo(ScorecardState state)
    {
        State = state;
        ConcurrencyStamp = Guid.NewGuid();
    }
}

/// <summary>A dimension as published: its points from the indicators, the lead's adjustment with its reason, an amendment's points.</summary>
public sealed class PublishedDimension
{
    public long Id { get; set; }
    public Guid ScorecardId { get; set; }
    public required string DimensionId { get; set; }
    public required string NameEn { get; set; }
    public required string NameZh { get; set; }
    public int Order { get; set; }
    public decimal Weight { get; set; }
    public decimal MaxAdjustment { get; set; }
    /// <summary>The indicators' points (measured and scored by the lead) before any adjustment.</summary>
    public decimal Scored { get; set; }
    public decimal Adjustment { get; set; }
    public string? AdjustmentReason { get; set; }
    /// <summary>The points the decider set on an objection (null when not amended).</summary>
    public decimal? AmendedPoints { get; set; }
    /// <summary>The points as published (scored plus adjustment).</summary>
    public decimal Published => Scored + Adjustment;
    /// <summary>The points that count: amended, or as published.</summary>
    public decimal Points => AmendedPoints ?? Published;

    public string Name(Language language) => language == Language.ZhCn ? NameZh : NameEn;

    /// <summary>Whether the dimension may stand at <paramref name="points"/>: within maxAdjustment of what its indicators scored, within 0 and the weight.</summary>
    public bool Allows(decimal points) => Math.Abs(points - Scored) <= MaxAdjustment && points >= 0 && points <= Weight;
}

/// <summary>An indicator as published: its value and points, or the lead's points and reason when it was not measured.</summary>
public sealed class PublishedIndicator
{
    public long Id { get; set; }
    public Guid ScorecardId { get; set; }
    public required string DimensionId { get; set; }
    public required string IndicatorId { get; set; }
    public required string NameEn { get; set; }
    public required string NameZh { get; set; }
    public required string Source { get; set; }
    public int Order { get; set; }
    public decimal MaxPoints { get; set; }
    /// <summary>The measured value; null when the product had nothing and the lead scored it.</summary>
    public double? Value { get; set; }
    public decimal Points { get; set; }
    /// <summary>Why the lead gave these points (only for an indicator that was not measured).</summary>
    public string? Reason { get; set; }

    public string Name(Language language) => language == Language.ZhCn ? NameZh : NameEn;
}

public static class ScorecardLimits
{
    public const int Reason = 300;
}

internal sealed class PublishedScorecardConfiguration : IEntityTypeConfiguration<PublishedScorecard>
{
    public void Configure(EntityTypeBuilder<PublishedScorecard> b)
    {
        b.ToTable("PublishedScorecards");
        b.HasKey(s => s.Id);
        b.Property(s => s.TenantId).HasMaxLength(64);
        b.Property(s => s.TeamId).HasMaxLength(64);
        b.Property(s => s.ManagerId).HasMaxLength(64);
        b.Property(s => s.PeriodKey).HasMaxLength(16);
        b.Property(s => s.Total).HasPrecision(6, 1);
        b.Property(s => s.State).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.PublishedById).HasMaxLength(64);
        b.Property(s => s.ObjectionReason).HasMaxLength(ScorecardLimits.Reason);
        b.Property(s => s.DeciderId).HasMaxLength(64);
        b.Property(s => s.DecidedById).HasMaxLength(64);
        b.Property(s => s.DecisionReason).HasMaxLength(ScorecardLimits.Reason);
        b.Property(s => s.ConcurrencyStamp).IsConcurrencyToken();
        b.Ignore(s => s.Period);
        // Published once per manager and period: a second publish (a double tap, another instance) fails here.
        b.HasIndex(s => new { s.TenantId, s.ManagerId, s.PeriodKey }).IsUnique();
        b.HasIndex(s => new { s.TenantId, s.TeamId, s.PeriodKey });
        b.HasMany(s => s.Dimensions).WithOne().HasForeignKey(d => d.ScorecardId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Indicators).WithOne().HasForeignKey(i => i.ScorecardId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PublishedDimensionConfiguration : IEntityTypeConfiguration<PublishedDimension>
{
    public void Configure(EntityTypeBuilder<PublishedDimension> b)
    {
        b.ToTable("PublishedScorecardDimensions");
        b.HasKey(d => d.Id);
        b.Property(d => d.DimensionId).HasMaxLength(ScorecardRules.MaxIdLength);
        b.Property(d => d.NameEn).HasMaxLength(100);
        b.Property(d => d.NameZh).HasMaxLength(100);
        b.Property(d => d.Weight).HasPrecision(6, 1);
        b.Property(d => d.MaxAdjustment).HasPrecision(6, 1);
        b.Property(d => d.Scored).HasPrecision(6, 1);
        b.Property(d => d.Adjustment).HasPrecision(6, 1);
        b.Property(d => d.AmendedPoints).HasPrecision(6, 1);
        b.Property(d => d.AdjustmentReason).HasMaxLength(ScorecardLimits.Reason);
        b.Ignore(d => d.Published);
        b.Ignore(d => d.Points);
        b.HasIndex(d => new { d.ScorecardId, d.DimensionId }).IsUnique();
    }
}

internal sealed class PublishedIndicatorConfiguration : IEntityTypeConfiguration<PublishedIndicator>
{
    public void Configure(EntityTypeBuilder<PublishedIndicator> b)
    {
        b.ToTable("PublishedScorecardIndicators");
        b.HasKey(i => i.Id);
        b.Property(i => i.DimensionId).HasMaxLength(ScorecardRules.MaxIdLength);
        b.Property(i => i.IndicatorId).HasMaxLength(ScorecardRules.MaxIdLength);
        b.Property(i => i.NameEn).HasMaxLength(100);
        b.Property(i => i.NameZh).HasMaxLength(100);
        b.Property(i => i.Source).HasMaxLength(64);
        b.Property(i => i.MaxPoints).HasPrecision(6, 1);
        b.Property(i => i.Points).HasPrecision(6, 1);
        b.Property(i => i.Reason).HasMaxLength(ScorecardLimits.Reason);
        b.HasIndex(i => new { i.ScorecardId, i.IndicatorId }).IsUnique();
    }
}
