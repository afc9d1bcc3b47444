using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiligenceBot.Installation;

/// <summary>Where the proactive installation of the app for one person stands.</summary>
public enum AppInstallationState
{
    /// <summary>Waiting for its (next) attempt.</summary>
    Pending,
    /// <summary>Graph installed the app (201), or it was installed already and its chat was read (409).</summary>
    Installed,
    /// <summary>Graph refused for this person (403, 404, 400) or transient failures ran out: not tried again by itself.</summary>
    Failed,
}

/// <summary>
/// The app installed, through Graph, in one person's personal scope because the organisation wants them to have it
/// (not because they added it): its state, attempts and, when it failed, why. The installationUpdate that Teams sends
/// afterwards finds it and the welcome says the organisation installed it.
/// </summary>
public sealed class AppInstallation
{
    public long Id { get; set; }
    public required string TenantId { get; set; }
    public required string PersonId { get; set; }
    public required string AadObjectId { get; set; }
    public AppInstallationState State { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? InstalledAt { get; set; }
    /// <summary>True when Graph answered 409: the person had the app already (their own install); no welcome follows.</summary>
    public bool WasInstalled { get; set; }
    /// <summary>The personal chat's id read from Graph (409 path).</summary>
    public string? ChatId { get; set; }
    /// <summary>When the welcome that says why they have the app was sent.</summary>
    public DateTimeOffset? WelcomedAt { get; set; }
    /// <summary>The last failure: Graph's status and error code, in plain words.</summary>
    public string? LastError { get; set; }
}

internal sealed class AppInstallationConfiguration : IEntityTypeConfiguration<AppInstallation>
{
    public void Configure(EntityTypeBuilder<AppInstallation> b)
    {
        b.ToTable("AppInstallations");
        b.HasKey(i => i.Id);
        b.Property(i => i.TenantId).HasMaxLength(64);
        b.Property(i => i.PersonId).HasMaxLength(64);
        b.Property(i => i.AadObjectId).HasMaxLength(64);
        b.Property(i => i.State).HasConversion<string>().HasMaxLength(16);
        b.Property(i => i.ChatId).HasMaxLength(512);
        b.Property(i => i.LastError).HasMaxLength(256);
        b.HasIndex(i => new { i.TenantId, i.PersonId }).IsUnique();
        b.HasIndex(i => new { i.TenantId, i.State, i.NextAttemptAt });
    }
}
