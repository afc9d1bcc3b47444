using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiligenceBot.Assessment;

/// <summary>
/// Where a yearly review stands: submitted by the lead (the team not yet complete) → once every manager of the team is
/// submitted, proposed to the lead's own manager (the team's top or bottom share) or finished (not proposed) → decided.
/// </summary>
public enum AnnualState
{
    Submitted,
    Proposed,
    Finished,
    Decided,
}

/// <summary>Why a review is proposed: the team's top share or its bottom share by yearly score.</summary>
public enum AnnualProposal
{
    None,
    Top,
    Bottom,
}

/// <summary>What the lead's own manager decides on a proposal. Nothing follows automatically: people act on it.</summary>
public enum AnnualDecision
{
    Advance,
    Keep,
    ImprovementPlan,
    ExitReview,
}

/// <summary>
/// One manager's yearly review as the lead submitted it: the yearly score it was submitted with (the mean of the year's
/// published monthly totals, null when none was published) and how many months it counts, the lead's overall evaluation,
/// the team rank and proposal set when the team's last review is submitted, and the decision of the lead's own manager
/// (admins when none) with its reason. One per manager and year; submitted once, decided once.
/// </summary>
public sealed class AnnualReview
{
    public Guid Id { get; set; }
    public required string TenantId { get; set; }
    public required string TeamId { get; set; }
    public required string ManagerId { get; set; }
    public int Year { get; set; }
    public AnnualState State { get; set; }
    public decimal? YearlyScore { get; set; }
    public int MonthsScored { get; set; }
    public required string Evaluation { get; set; }
    public required string SubmittedById { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    /// <summary>The place in the team by yearly score (1 is the highest) and how many were ranked; set when the team is complete.</summary>
    public int? TeamRank { get; set; }
    public int? TeamRanked { get; set; }
    public AnnualProposal Proposal { get; set; }
    /// <summary>Who decides the proposal: the lead's own manager; null when nobody is above (the tenant's admins decide).</summary>
    public string? DeciderId { get; set; }
    public AnnualDecision? Decision { get; set; }
    public string? DecisionReason { get; set; }
    public string? DecidedById { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public Guid ConcurrencyStamp { get; set; }

    /// <summary>Moves the state and takes a new stamp, so a concurrent change of the same row fails instead of overwriting.</summary>
    public void MoveTo(AnnualState state)
    {
        State = state;
        ConcurrencyStamp = Guid.NewGuid();
    }
}

public static class AnnualLimits
{
    public const int Evaluation = 1000;
    public const int Reason = 300;
}

internal sealed class AnnualReviewConfiguration : IEntityTypeConfiguration<AnnualReview>
{
    public void Configure(EntityTypeBuilder<AnnualReview> b)
    {
        b.ToTable("AnnualReviews");
        b.HasKey(r => r.Id);
        b.Property(r => r.TenantId).HasMaxLength(64);
        b.Property(r => r.TeamId).HasMaxLength(64);
        b.Property(r => r.ManagerId).HasMaxLength(64);
        b.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.YearlyScore).HasPrecision(6, 1);
        b.Property(r => r.Evaluation).HasMaxLength(AnnualLimits.Evaluation);
        b.Property(r => r.SubmittedById).HasMaxLength(64);
        b.Property(r => r.Proposal).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.DeciderId).HasMaxLength(64);
        b.Property(r => r.Decision).HasConversion<string>().HasMaxLength(24);
        b.Property(r => r.DecisionReason).HasMaxLength(AnnualLimits.Reason);
        b.Property(r => r.DecidedById).HasMaxLength(64);
        b.Property(r => r.ConcurrencyStamp).IsConcurrencyToken();
        // Submitted once per manager and year: a second submission (a double tap, another delegate) fails here.
        b.HasIndex(r => new { r.TenantId, r.ManagerId, r.Year }).IsUnique();
        b.HasIndex(r => new { r.TenantId, r.TeamId, r.Year });
    }
}
