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

    /// <summary>Applies the provider's migrations, then the seeds (both idempotent).</summary>
    public static async Task MigrateAndSeedAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (!options.MigrateOnStartup)
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DiligenceDbContext>();
        await db.Database.MigrateAsync();
        await ApplySeedsAsync(db, options, app.Services.GetRequiredService<IOptions<DirectorySync.DirectoryOptions>>().Value, app.Services.GetRequiredService<TimeProvider>(), CancellationToken.None);
    }

    /// <summary>
    /// Applies every seed file (templates, then people and teams, then transfer routing); idempotent. Returns the rows
    /// changed. The seeds' people and teams of the tenant Graph is configured for are not applied: Graph's sync owns them.
    /// </summary>
    public static async Task<int> ApplySeedsAsync(DiligenceDbContext db, DatabaseOptions options, DirectorySync.DirectoryOptions directory, TimeProvider time, CancellationToken cancellationToken)
    {
        var seedFolder = SeedFolder(options);
        var changes = await LogTemplateSeed.ApplyAsync(db, seedFolder, time, cancellationToken);
        changes += await DirectorySeed.ApplyAsync(db, seedFolder, time, directory, cancellationToken);

        return changes + await Transfers.TransferSeed.ApplyAsync(db, seedFolder, cancellationToken);
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
