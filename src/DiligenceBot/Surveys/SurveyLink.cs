using DiligenceBot.Customers;
using DiligenceBot.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiligenceBot.Surveys;

/// <summary>
/// One survey link a lead issued: a retail customer asked to evaluate the account manager who serves it, for one month.
/// Only the SHA-256 of the link's random id is stored (<see cref="SurveyTokens"/>): the link itself exists only in the
/// file the lead received, so a copy of the database opens no survey. Answered once (<see cref="AnsweredAt"/>), then
/// closed; issuing the same customer's link for the same month again closes the earlier one.
/// </summary>
public sealed class SurveyLink
{
    public long Id { get; set; }
    public required string TenantId { get; set; }
    /// <summary>SHA-256 of the link's random id (32 bytes).</summary>
    public required byte[] IdHash { get; set; }
    public long CustomerId { get; set; }
    public required string ManagerId { get; set; }
    /// <summary>The first day of the month evaluated.</summary>
    public DateOnly Month { get; set; }
    public required string IssuedById { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
}

internal sealed class SurveyLinkConfiguration : IEntityTypeConfiguration<SurveyLink>
{
    public void Configure(EntityTypeBuilder<SurveyLink> b)
    {
        b.ToTable("SurveyLinks");
        b.HasKey(l => l.Id);
        b.Property(l => l.TenantId).HasMaxLength(64);
        b.Property(l => l.IdHash).HasMaxLength(32);
        b.Property(l => l.ManagerId).HasMaxLength(64);
        b.Property(l => l.IssuedById).HasMaxLength(64);
        b.HasIndex(l => l.IdHash).IsUnique();
        b.HasIndex(l => new { l.TenantId, l.CustomerId, l.Month });
        b.HasOne<Customer>().WithMany().HasForeignKey(l => l.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Person>().WithMany().HasForeignKey(l => l.ManagerId).OnDelete(DeleteBehavior.Restrict);
    }
}
