using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DiligenceBot.Data;

public static class DataExtensions
{
    /// <summary>Registers <see cref="DiligenceDbContext"/> on the configured provider.</summary>
    public static WebApplicationBuilder AddDiligenceData(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();

        var options = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        switch (options.Provider)
        {
            case DatabaseProviders.PostgreSql:
                builder.Services.AddDbContextPool<DiligenceDbContext, PostgresDiligenceDbContext>(o => o.UseNpgsql(options.ConnectionString));
                break;
            case DatabaseProviders.SqlServer:
                builder.Services.AddDbContextPool<DiligenceDbContext, SqlServerDiligenceDbContext>(o => o.UseSqlServer(options.ConnectionString));
                break;
            default:
                // SQLite rebuilds a table to change its key (SendWindowPerTenant), with a PRAGMA that cannot run inside the
                // migration's transaction; EF warns about it on every fresh database. The table holds only transient send slots.
                builder.Services.AddDbContextPool<DiligenceDbContext, SqliteDiligenceDbContext>(o => o.UseSqlite(options.ConnectionString)
                    .AddInterceptors(new SqliteConnectionTuning())
                    .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.NonTransactionalMigrationOperationWarning)));
                break;
        }

        return builder;
    }

    /// <summary>
    /// Applies the provider's migrations, then the seeds (both idempotent) unless the database already holds these very
    /// seeds (<see cref="SeedInputs.Hash"/> equals the stored <see cref="SeedState"/>): then the pass is skipped, so a
    /// start costs no seed work and what an admin changed in chat since (meeting, log setting) stands until the files change.
    /// </summary>
    public static async Task MigrateAndSeedAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (!options.MigrateOnStartup)
        {
            return;
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SeedState).FullName!);
        var directory = app.Services.GetRequiredService<IOptions<DirectorySync.DirectoryOptions>>().Value;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DiligenceDbContext>();
        await MigrateIfPendingAsync(db, logger);

        var seedFolder = SeedFolder(options);
        var hash = SeedInputs.Hash(seedFolder, directory);
        if (await SeedInputs.AreAppliedAsync(db, hash, CancellationToken.None))
        {
            Log.SeedPassSkipped(logger, seedFolder, hash[..12]);
            return;
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var changes = await ApplySeedsAsync(db, options, directory, app.Services.GetRequiredService<TimeProvider>(), CancellationToken.None);
        await transaction.CommitAsync();
        Log.SeedsApplied(logger, seedFolder, changes, hash[..12], (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>
    /// Runs the migrator only when the database lacks a migration of this build: asking the history table which
    /// migrations are applied is one query, while the migrator also takes the migrations lock and compares the model
    /// with the migrations' snapshot (about a fifth of the migration step of a start on an existing database). A
    /// database with pending migrations (a fresh one, an upgrade) goes through <c>MigrateAsync</c> exactly as before,
    /// and so does every test's fresh database, which keeps EF Core's check that no model change lacks a migration.
    /// </summary>
    internal static async Task MigrateIfPendingAsync(DiligenceDbContext db, ILogger logger)
    {
        var known = db.Database.GetMigrations().ToList();
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        if (pending.Count == 0 && known.Count > 0)
        {
            Log.MigrationsUpToDate(logger, known.Count, known[^1]);
            return;
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await db.Database.MigrateAsync();
        Log.MigrationsApplied(logger, pending.Count, pending.FirstOrDefault() ?? "(none)", (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>
    /// Applies every seed file (templates, then people and teams, then transfer routing); idempotent. Returns the rows
    /// changed. The seeds' people and teams of the tenant Graph is configured for are not applied: Graph's sync owns them.
    /// Records the inputs' hash (<see cref="SeedState"/>) with the last save, so inside the caller's transaction the
    /// seeds and their hash are stored together.
    /// </summary>
    public static async Task<int> ApplySeedsAsync(DiligenceDbContext db, DatabaseOptions options, DirectorySync.DirectoryOptions directory, TimeProvider time, CancellationToken cancellationToken)
    {
        var seedFolder = SeedFolder(options);
        // Hashed before anything is read: a file edited meanwhile leaves the old hash, and the next start applies it.
        var hash = SeedInputs.Hash(seedFolder, directory);
        var changes = await LogTemplateSeed.ApplyAsync(db, seedFolder, time, cancellationToken);
        changes += await DirectorySeed.ApplyAsync(db, seedFolder, time, directory, cancellationToken);
        changes += await Transfers.TransferSeed.ApplyAsync(db, seedFolder, cancellationToken);

        await SeedInputs.RecordAsync(db, hash, time, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return changes;
    }

    public static string SeedFolder(DatabaseOptions options) =>
        Path.IsPathRooted(options.SeedPath) ? options.SeedPath : Path.Combine(AppContext.BaseDirectory, options.SeedPath);
}

/// <summary>Design-time factories so that `dotnet ef` can build each provider's migrations without a server.</summary>
internal sealed class SqliteDesignFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<SqliteDiligenceDbContext>
{
    public SqliteDiligenceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteDiligenceDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<PostgresDiligenceDbContext>
{
    public PostgresDiligenceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresDiligenceDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}

internal sealed class SqlServerDesignFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<SqlServerDiligenceDbContext>
{
    public SqlServerDiligenceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerDiligenceDbContext>().UseSqlServer("Server=localhost;Database=design;TrustServerCertificate=true").Options);
}
