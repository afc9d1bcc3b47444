namespace DiligenceBot;

/// <summary>Log messages of the seed pass at start-up (event ids 2700-2799).</summary>
internal static partial class Log
{
    [LoggerMessage(2700, LogLevel.Information, "Seed pass skipped: the database already holds the seeds of {SeedFolder} as they are now (inputs' hash {Hash}, unchanged since they were last applied)")]
    public static partial void SeedPassSkipped(ILogger logger, string seedFolder, string hash);

    [LoggerMessage(2701, LogLevel.Information, "Seeds applied from {SeedFolder}: {Changes} row(s) changed, inputs' hash now {Hash} ({ElapsedMs} ms)")]
    public static partial void SeedsApplied(ILogger logger, string seedFolder, int changes, string hash, long elapsedMs);
}
