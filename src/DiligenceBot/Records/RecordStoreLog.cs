namespace DiligenceBot;

/// <summary>Log messages of the record store (event ids 3600-3609): host, container and status only, never a key or a secret.</summary>
internal static partial class Log
{
    [LoggerMessage(3600, LogLevel.Warning, "Record store {Host}/{Container} failed: HTTP {Status} (0 = no answer) {ErrorCode} {Failure}")]
    public static partial void RecordStoreFailed(ILogger logger, string host, string container, int status, string? errorCode, string failure);

    [LoggerMessage(3601, LogLevel.Information, "Record store container {Container} created")]
    public static partial void RecordContainerCreated(ILogger logger, string container);
}
