namespace DiligenceBot;

/// <summary>Log messages of the seed pass at start-up and the migrations check before it (event ids 2700-2799).</summary>
internal static partial class Log
{
    [LoggerMessage(2700, LogLevel.Information, "Seed pass skipped: the database already holds the seeds of {SeedFolder} as they are now (inputs' hash {Hash}, unchanged since they were last applied)")]
    public static partial void SeedPassSkipped(ILogger logger, string seedFolder, string hash);

    [LoggerMessage(2701, LogLevel.Information, "Seeds applied from {SeedFolder}: {Changes} row(s) changed, inputs' hash now {Hash} ({ElapsedMs} ms)")]
    public static partial void SeedsApplied(ILogger logger, string seedFolder, int changes, string hash, long elapsedMs);

    [LoggerMessage(2702, LogLevel.Information, "Migrations up to date: the database has applied all {Count} migration(s) of this build, the last {Last}; the migrator was not run")]
    public static partial void MigrationsUpToDate(ILogger logger, int count, string last);

    [LoggerMessage(2703, LogLevel.Information, "Migrations applied: {Count} pending, first {First} ({ElapsedMs} ms)")]
    public static partial void MigrationsApplied(ILogger logger, int count, string first, long elapsedMs);
}
