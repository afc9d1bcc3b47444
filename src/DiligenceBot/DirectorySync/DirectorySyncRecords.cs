using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiligenceBot.DirectorySync;

/// <summary>
/// Where a tenant's Graph sync stands: the delta links of the last applied sync (a link moves only in the transaction
/// that applies what it brought, so a sync that stopped or failed is fetched again from the same point).
/// </summary>
public sealed class DirectorySyncState
{
    public required string TenantId { get; set; }
    /// <summary>The @odata.deltaLink of users/delta; null before the first full sync.</summary>
    public string? UsersDeltaLink { get; set; }
    /// <summary>The @odata.deltaLink of groups/delta (the configured groups' members).</summary>
    public string? GroupsDeltaLink { get; set; }
    /// <summary>The configured groups the links were taken for: other groups need a full sync.</summary>
    public string? GroupsKey { get; set; }
    public DateTimeOffset? LastAppliedAt { get; set; }
}

/// <summary>What a sync run found and did.</summary>
public enum DirectorySyncOutcome
{
    /// <summary>The batch was applied.</summary>
    Applied,
    /// <summary>The guard stopped it: too many leaves or moves; waits for an admin to confirm the dry run.</summary>
    Pending,
    /// <summary>An admin confirmed the dry run and the batch was applied.</summary>
    Confirmed,
    /// <summary>A later sync or an admin's refusal made this dry run obsolete.</summary>
    Discarded,
    /// <summary>Bad input or a Graph failure: nothing was applied.</summary>
    Failed,
}

/// <summary>One sync of one tenant (nightly, on demand, or a seed reload): its counts, dry run and error.</summary>
public sealed class DirectorySyncRun
{
    public Guid Id { get; set; }
    public required string TenantId { get; set; }
    /// <summary>seeds or graph.</summary>
    public required string Source { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset FinishedAt { get; set; }
    public DirectorySyncOutcome Outcome { get; set; }
    public bool FullSync { get; set; }
    public int Joins { get; set; }
    public int Moves { get; set; }
    public int Leaves { get; set; }
    public int Updates { get; set; }
    public int Conflicts { get; set; }
    /// <summary>The people in the directory after the run (active).</summary>
    public int People { get; set; }
    /// <summary>The dry run as JSON (<see cref="DirectoryDryRun"/>): who joins, moves, leaves; the conflicts.</summary>
    public string? DryRun { get; set; }
    /// <summary>Why the run failed, in plain words (no personal data beyond object ids).</summary>
    public string? Error { get; set; }
    /// <summary>The admin who confirmed or discarded a pending run.</summary>
    public string? DecidedById { get; set; }
}

internal sealed class DirectorySyncStateConfiguration : IEntityTypeConfiguration<DirectorySyncState>
{
    public void Configure(EntityTypeBuilder<DirectorySyncState> b)
    {
        b.ToTable("DirectorySyncStates");
        b.HasKey(s => s.TenantId);
        b.Property(s => s.TenantId).HasMaxLength(64);
        b.Property(s => s.GroupsKey).HasMaxLength(512);
    }
}

internal sealed class DirectorySyncRunConfiguration : IEntityTypeConfiguration<DirectorySyncRun>
{
    public void Configure(EntityTypeBuilder<DirectorySyncRun> b)
    {
        b.ToTable("DirectorySyncRuns");
        b.HasKey(r => r.Id);
        b.Property(r => r.TenantId).HasMaxLength(64);
        b.Property(r => r.Source).HasMaxLength(16);
        b.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Error).HasMaxLength(2000);
        b.Property(r => r.DecidedById).HasMaxLength(64);
        b.HasIndex(r => new { r.TenantId, r.StartedAt });
    }
}
