using DiligenceBot.Conversations;
using DiligenceBot.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DiligenceBot.Data;

/// <summary>
/// The product's data. Used directly (no repositories). One subclass per provider carries that provider's
/// migrations (EF Core "migrations with multiple providers").
/// </summary>
public class DiligenceDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<ConversationRecord> ConversationRecords => Set<ConversationRecord>();
    public DbSet<WorkLogs.WorkLog> WorkLogs => Set<WorkLogs.WorkLog>();
    public DbSet<WorkLogs.LogTemplate> LogTemplates => Set<WorkLogs.LogTemplate>();
    public DbSet<Audit.AuditEntry> AuditEntries => Set<Audit.AuditEntry>();
    public DbSet<Notifications.Notification> Notifications => Set<Notifications.Notification>();
    public DbSet<Coaching.CoachingAssessment> CoachingAssessments => Set<Coaching.CoachingAssessment>();
    public DbSet<Coaching.CoachingAction> CoachingActions => Set<Coaching.CoachingAction>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DiligenceDbContext).Assembly);
}

public sealed class SqliteDiligenceDbContext(DbContextOptions<SqliteDiligenceDbContext> options) : DiligenceDbContext(options)
{
    // SQLite cannot compare or order DateTimeOffset values; store them as sortable binary ticks.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
}

public sealed class PostgresDiligenceDbContext(DbContextOptions<PostgresDiligenceDbContext> options) : DiligenceDbContext(options)
{
    // timestamptz takes UTC only: any offset a caller's clock carries is normalised on the way in.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
}

/// <summary>Stores instants as UTC; the same instant comes back.</summary>
public sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);

public sealed class SqlServerDiligenceDbContext(DbContextOptions<SqlServerDiligenceDbContext> options) : DiligenceDbContext(options);
