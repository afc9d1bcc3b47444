using Microsoft.Extensions.Logging;

namespace DiligenceBot.BotFramework;

/// <summary>Source-generated log messages of the protocol layer. Never a token or a secret.</summary>
internal static partial class Log
{
    // 1000-1099: inbound
    [LoggerMessage(1000, LogLevel.Warning, "Activity {ActivityId} rejected with {StatusCode}: {Reason}")]
    public static partial void ActivityRejected(ILogger logger, string? activityId, int statusCode, string reason);

    [LoggerMessage(1001, LogLevel.Warning, "Activity {ActivityId} failed authentication: {Reason}")]
    public static partial void AuthenticationFailed(ILogger logger, string? activityId, string reason);

    [LoggerMessage(1002, LogLevel.Error, "Activity {ActivityId} of type {ActivityType} failed in its handler")]
    public static partial void HandlerFailed(ILogger logger, string? activityId, string? activityType, Exception exception);

    [LoggerMessage(1003, LogLevel.Warning,
        "LOCAL DEVELOPMENT MODE: Bot:AppId is not set, so inbound activities are NOT authenticated and no token is sent. " +
        "Use this only with the Agents Playground or the Bot Framework Emulator on your own machine.")]
    public static partial void LocalDevelopmentMode(ILogger logger);

    [LoggerMessage(1005, LogLevel.Warning,
        "This process sees one CPU. .NET waits for a quiet moment before it optimises hot code, and under steady load on one CPU that moment may not come: the request path can stay unoptimised for minutes (measured: about 2.5x fewer activities/s). Set DOTNET_TC_CallCountingDelayMs=0 in this process's environment.")]
    public static partial void SingleCpuTiering(ILogger logger);

    [LoggerMessage(1004, LogLevel.Debug, "Activity {ActivityId} ({ActivityType}) handled with status {StatusCode}")]
    public static partial void ActivityHandled(ILogger logger, string? activityId, string? activityType, int statusCode);

    // 1100-1199: keys and tokens
    [LoggerMessage(1100, LogLevel.Information, "Channel signing keys refreshed: {KeyCount} keys")]
    public static partial void SigningKeysRefreshed(ILogger logger, int keyCount);

    [LoggerMessage(1101, LogLevel.Error, "Channel signing keys could not be fetched from {MetadataUrl}: {Reason}. Next attempt in {RetryIn} at the earliest; {KeysServed} key(s) fetched before are still served")]
    public static partial void SigningKeysRefreshFailed(ILogger logger, string metadataUrl, string reason, TimeSpan retryIn, int keysServed, Exception? exception);

    [LoggerMessage(1103, LogLevel.Warning, "Channel signing key {KeyId} skipped: {Reason}; the other keys of the document are used")]
    public static partial void SigningKeySkipped(ILogger logger, string keyId, string reason);

    [LoggerMessage(1102, LogLevel.Information, "Outbound token acquired ({AppType}), valid for {Seconds} s")]
    public static partial void OutboundTokenAcquired(ILogger logger, string appType, int seconds);

    [LoggerMessage(1104, LogLevel.Warning, "Outbound token request to {TokenEndpoint} failed (attempt {Attempt} of {Attempts}): {Reason}")]
    public static partial void OutboundTokenFailed(ILogger logger, string tokenEndpoint, string reason, int attempt, int attempts);

    [LoggerMessage(1105, LogLevel.Error, "No outbound token from {TokenEndpoint}: replies and proactive messages cannot be sent; next attempt in {RetryIn} at the earliest")]
    public static partial void OutboundTokenUnavailable(ILogger logger, string tokenEndpoint, TimeSpan retryIn);

    [LoggerMessage(1106, LogLevel.Warning, "Activity {ActivityId} refused with 503 before it was handled: {Reason}")]
    public static partial void ActivityRefusedWithoutToken(ILogger logger, string? activityId, string reason);

    // 1200-1299: connector
    [LoggerMessage(1200, LogLevel.Information, "Connector {Method} {Path} answered {StatusCode}; retry {Attempt} in {DelayMs} ms")]
    public static partial void ConnectorRetrying(ILogger logger, string method, string path, int statusCode, int delayMs, int attempt);

    [LoggerMessage(1201, LogLevel.Warning, "Connector {Method} {Path} failed with {StatusCode} ({ErrorCode}) after {Attempts} attempt(s)")]
    public static partial void ConnectorCallFailed(ILogger logger, string method, string path, int statusCode, string? errorCode, int attempts);

    [LoggerMessage(1202, LogLevel.Error, "Refused to send the bot's token to untrusted service URL {Authority}")]
    public static partial void UntrustedServiceUrl(ILogger logger, string authority);
}
