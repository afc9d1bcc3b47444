namespace DiligenceBot;

/// <summary>Log messages of the information transfer forms (event ids 2500-2599); ids and numbers only, never content.</summary>
internal static partial class Log
{
    [LoggerMessage(2500, LogLevel.Information, "Transfer form {Number} ({FormId}) stored and routed to {PostId}")]
    public static partial void TransferSubmitted(ILogger logger, string number, Guid formId, string postId);

    [LoggerMessage(2501, LogLevel.Information, "Transfer form {Number}: {Step} by {PersonId}, now revision {Revision}")]
    public static partial void TransferStep(ILogger logger, string number, string step, int revision, string personId);

    [LoggerMessage(2502, LogLevel.Warning, "Refused {Verb} on transfer form {Number} for {PersonId}: {Reason}")]
    public static partial void TransferRefused(ILogger logger, string verb, string number, string? personId, string reason);

    [LoggerMessage(2503, LogLevel.Information, "Transfer form {Number}: value rated {Rating} by {PersonId}")]
    public static partial void TransferValueRated(ILogger logger, string number, int rating, string personId);

    [LoggerMessage(2504, LogLevel.Information, "Transfer deadlines: {Forms} form(s) due, {Messages} message(s) queued")]
    public static partial void TransferDeadlinesRun(ILogger logger, int forms, int messages);

    [LoggerMessage(2505, LogLevel.Information, "Transfer deadlines: {Forms} form(s) changed meanwhile; left for the next run")]
    public static partial void TransferDeadlinesDeferred(ILogger logger, int forms);

    [LoggerMessage(2506, LogLevel.Warning, "Transfer form {Number} is late at post {PostId}, which has no lead and nobody its members report to")]
    public static partial void TransferNoEscalationTarget(ILogger logger, string number, string postId);

    [LoggerMessage(2508, LogLevel.Information, "Transfer category {CategoryId} now goes to post {PostId} (changed by {PersonId})")]
    public static partial void TransferRouteChanged(ILogger logger, string categoryId, string postId, string personId);

    [LoggerMessage(2507, LogLevel.Information, "Recurring job {JobId} registered")]
    public static partial void TransferJobRegistered(ILogger logger, string jobId);
}
