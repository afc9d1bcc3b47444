namespace DiligenceBot;

/// <summary>Log messages of coaching (event ids 2600-2699); ids and counts only, never types, notes or answers.</summary>
internal static partial class Log
{
    [LoggerMessage(2600, LogLevel.Information, "Coaching job: {Messages} message(s) queued, {Snapshots} monthly snapshot(s) taken")]
    public static partial void CoachingJobRun(ILogger logger, int messages, int snapshots);

    [LoggerMessage(2601, LogLevel.Information, "Coaching job: another instance queued the same messages; left for the next run")]
    public static partial void CoachingJobDeferred(ILogger logger);

    [LoggerMessage(2602, LogLevel.Information, "Recurring job {JobId} registered")]
    public static partial void CoachingJobRegistered(ILogger logger, string jobId);
}
