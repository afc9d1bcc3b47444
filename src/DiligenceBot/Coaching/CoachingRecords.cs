using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiligenceBot.Coaching;

/// <summary>Something a lead noticed about a manager that only people can tell (morale, a grievance, a complaint).</summary>
public sealed class LeadObservation
{
    public Guid Id { get; set; }
    public required string TenantId { get; set; }
    public required string ManagerId { get; set; }
    public ObservationKind Kind { get; set; }
    public required string Note { get; set; }
    /// <summary>The day it is about, in the manager's team time zone.</summary>
    public DateOnly ObservedOn { get; set; }
    public required string RecordedById { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string? SourceActivityId { get; set; }
}

/// <summary>A manager's answer to the monthly pulse (1 low … 5 high); one per manager per month, the last answer wins.</summary>
public sealed class PulseResponse
{
    public Guid Id { get; set; }
    public required string TenantId { get; set; }
    public required string ManagerId { get; set; }
    /// <summary>The first day of the month asked about.</summary>
    public DateOnly Month { get; set; }
    public int Confidence { get; set; }
    public int Motivation { get; set; }
    public int Fairness { get; set; }
    public DateTimeOffset AnsweredAt { get; set; }
}

/// <summary>
/// The lead's decision on a manager's type: the suggestion confirmed, or another type with a reason. Never changed
/// afterwards: the latest row is the manager's current type, the earlier ones the history.
/// </summary>
public sealed class CoachingAssessment
{
    public Guid Id { get; set; }
    public required string TenantId { get; set; }
    public required string ManagerId { get; set; }
    /// <summary>1 for the manager's first decision, then 2, 3…: unique per manager, so two leads deciding from the same card cannot both win.</summary>
    public int Number { get; set; }
    /// <summary>What the rules suggested on the card the lead decided from (null: no suggestion).</summary>
    public ManagerType? SuggestedType { get; set; }
    public ManagerType ChosenType { get; set; }
    public string? Reason { get; set; }
    public required string DecidedById { get; set; }
    public DateTimeOffset DecidedAt { get; set; }
    public string? SourceActivityId { get; set; }
}

public enum CoachingActionStatus
{
    Open,
    Done,
    Skipped,
}

/// <summary>A playbook action scheduled for a manager when the lead confirmed a type; the lead records it as done or skipped.</summary>
public sealed class CoachingAction
{
    public Guid Id { get; set; }
    public required string TenantId { get; set; }
    public required string ManagerId { get; set; }
    public Guid AssessmentId { get; set; }
    public ManagerType Type { get; set; }
    /// <summary>The playbook action's id (its text comes from the playbook, in the reader's language).</summary>
    public required string PlaybookActionId { get; set; }
    public DateOnly Due { get; set; }
    public CoachingActionStatus Status { get; set; }
    public string? ClosedById { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>Why it was skipped (or closed by a change of type).</summary>
    public string? Note { get; set; }
}

/// <summary>What the rules suggested for a manager when a month's digest was made: next month's digest shows the change.</summary>
public sealed class CoachingSnapshot
{
    public long Id { get; set; }
    public required string TenantId { get; set; }
    public required string ManagerId { get; set; }
    public DateOnly Month { get; set; }
    public ManagerType? SuggestedType { get; set; }
    public double Score { get; set; }
    public DateTimeOffset TakenAt { get; set; }
}

internal sealed class LeadObservationConfiguration : IEntityTypeConfiguration<LeadObservation>
{
    public void Configure(EntityTypeBuilder<LeadObservation> b)
    {
        b.ToTable("CoachingObservations");
        b.HasKey(o => o.Id);
        b.Property(o => o.TenantId).HasMaxLength(64);
        b.Property(o => o.ManagerId).HasMaxLength(64);
        b.Property(o => o.RecordedById).HasMaxLength(64);
        b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(o => o.Note).HasMaxLength(CoachingLimits.Note);
        b.Property(o => o.SourceActivityId).HasMaxLength(256);
        b.HasIndex(o => new { o.ManagerId, o.ObservedOn });
    }
}

internal sealed class PulseResponseConfiguration : IEntityTypeConfiguration<PulseResponse>
{
    public void Configure(EntityTypeBuilder<PulseResponse> b)
    {
        b.ToTable("CoachingPulses");
        b.HasKey(p => p.Id);
        b.Property(p => p.TenantId).HasMaxLength(64);
        b.Property(p => p.ManagerId).HasMaxLength(64);
        b.HasIndex(p => new { p.ManagerId, p.Month }).IsUnique();
    }
}

internal sealed class CoachingAssessmentConfiguration : IEntityTypeConfiguration<CoachingAssessment>
{
    public void Configure(EntityTypeBuilder<CoachingAssessment> b)
    {
        b.ToTable("CoachingAssessments");
        b.HasKey(a => a.Id);
        b.Property(a => a.TenantId).HasMaxLength(64);
        b.Property(a => a.ManagerId).HasMaxLength(64);
        b.Property(a => a.DecidedById).HasMaxLength(64);
        b.Property(a => a.SuggestedType).HasConversion<string>().HasMaxLength(32);
        b.Property(a => a.ChosenType).HasConversion<string>().HasMaxLength(32);
        b.Property(a => a.Reason).HasMaxLength(CoachingLimits.Reason);
        b.Property(a => a.SourceActivityId).HasMaxLength(256);
        b.HasIndex(a => new { a.ManagerId, a.Number }).IsUnique();
    }
}

internal sealed class CoachingActionConfiguration : IEntityTypeConfiguration<CoachingAction>
{
    public void Configure(EntityTypeBuilder<CoachingAction> b)
    {
        b.ToTable("CoachingActions");
        b.HasKey(a => a.Id);
        b.Property(a => a.TenantId).HasMaxLength(64);
        b.Property(a => a.ManagerId).HasMaxLength(64);
        b.Property(a => a.Type).HasConversion<string>().HasMaxLength(32);
        b.Property(a => a.PlaybookActionId).HasMaxLength(64);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.ClosedById).HasMaxLength(64);
        b.Property(a => a.Note).HasMaxLength(CoachingLimits.Note);
        b.HasIndex(a => new { a.ManagerId, a.Status });
        b.HasIndex(a => new { a.Status, a.Due });
        b.HasOne<CoachingAssessment>().WithMany().HasForeignKey(a => a.AssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CoachingSnapshotConfiguration : IEntityTypeConfiguration<CoachingSnapshot>
{
    public void Configure(EntityTypeBuilder<CoachingSnapshot> b)
    {
        b.ToTable("CoachingSnapshots");
        b.HasKey(s => s.Id);
        b.Property(s => s.TenantId).HasMaxLength(64);
        b.Property(s => s.ManagerId).HasMaxLength(64);
        b.Property(s => s.SuggestedType).HasConversion<string>().HasMaxLength(32);
        b.HasIndex(s => new { s.ManagerId, s.Month }).IsUnique();
    }
}

/// <summary>Lengths of what a lead types on the coaching card.</summary>
public static class CoachingLimits
{
    public const int Reason = 500;
    public const int Note = 500;
}
