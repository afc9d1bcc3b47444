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
    public DbSet<DirectorySync.DirectorySyncState> DirectorySyncStates => Set<DirectorySync.DirectorySyncState>();
    public DbSet<DirectorySync.DirectorySyncRun> DirectorySyncRuns => Set<DirectorySync.DirectorySyncRun>();
    public DbSet<Installation.AppInstallation> AppInstallations => Set<Installation.AppInstallation>();
    public DbSet<Customers.Customer> Customers => Set<Customers.Customer>();
    public DbSet<Customers.CustomerManagerChange> CustomerManagerChanges => Set<Customers.CustomerManagerChange>();
    public DbSet<Files.FileOffer> FileOffers => Set<Files.FileOffer>();
    public DbSet<SeedState> SeedStates => Set<SeedState>();
    public DbSet<DiligenceBot.Records.ManagerRecord> ManagerRecords => Set<DiligenceBot.Records.ManagerRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DiligenceDbContext).Assembly);

    /// <summary>
    /// Every instant is stored in UTC, on every provider: whatever offset the code computed a value in (a deadline in
    /// the post's zone, a meeting in the team's), it is written at offset 0, and so is every value a query compares
    /// with a column. Instants come back at offset 0; only display converts them to a team's or user's zone.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
}

public sealed class SqliteDiligenceDbContext(DbContextOptions<SqliteDiligenceDbContext> options) : DiligenceDbContext(options)
{
    // SQLite has no instant type: an instant is an integer that orders and compares as the instant (UTC ticks).
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetToBinaryConverter>();
}

// PostgreSQL's timestamptz is UTC (and Npgsql refuses any other offset); SQL Server's datetimeoffset would keep the
// offset, and compares correctly either way, but stores UTC too so that every provider holds the same values.
public sealed class PostgresDiligenceDbContext(DbContextOptions<PostgresDiligenceDbContext> options) : DiligenceDbContext(options);

public sealed class SqlServerDiligenceDbContext(DbContextOptions<SqlServerDiligenceDbContext> options) : DiligenceDbContext(options);

/// <summary>Stores instants at offset 0; reads them at offset 0 (the same instant).</summary>
public sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v.ToUniversalTime());

/// <summary>
/// An instant as SQLite's 64-bit integer, in the layout of EF Core's <see cref="DateTimeOffsetToBinaryConverter"/>
/// (clock ticks / 1000 in the high 53 bits, the offset in minutes in the low 11) but always written at offset 0, so
/// the integers order and compare as the instants do (0.1 ms precision). That converter wrote the clock time of
/// whatever offset a value had, so values in different offsets compared as local clock readings; the InstantsInUtc
/// migration rewrote those rows. Reading still honours an offset a row carries: the instant comes back at offset 0.
/// </summary>
public sealed class UtcDateTimeOffsetToBinaryConverter() : ValueConverter<DateTimeOffset, long>(v => ToBinary(v), v => FromBinary(v))
{
    private const int OffsetBits = 11;
    private const long TicksPerUnit = 1000;

    public static long ToBinary(DateTimeOffset value) => (value.UtcTicks / TicksPerUnit) << OffsetBits;

    public static DateTimeOffset FromBinary(long value)
    {
        var clockTicks = (value >> OffsetBits) * TicksPerUnit;
        var offsetMinutes = (value << (64 - OffsetBits)) >> (64 - OffsetBits);
        return new DateTimeOffset(clockTicks - (offsetMinutes * TimeSpan.TicksPerMinute), TimeSpan.Zero);
    }
}
