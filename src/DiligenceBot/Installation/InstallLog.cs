namespace DiligenceBot;

/// <summary>Log messages of the proactive installation (3400-3449).</summary>
internal static partial class Log
{
    [LoggerMessage(3400, LogLevel.Information, "App installation for tenant {TenantId}: {Due} due, {Installed} installed, {Already} installed already, {Failed} failed, {Later} to try again; throttled: {Throttled}")]
    public static partial void AppInstallRun(ILogger logger, string tenantId, int due, int installed, int already, int failed, int later, bool throttled);

    [LoggerMessage(3401, LogLevel.Information, "App installed through Graph for person {PersonId} of tenant {TenantId}")]
    public static partial void AppInstalled(ILogger logger, string tenantId, string personId);

    [LoggerMessage(3402, LogLevel.Information, "App was installed already for person {PersonId} of tenant {TenantId}; the chat was read from Graph and stored")]
    public static partial void AppAlreadyInstalled(ILogger logger, string tenantId, string personId);

    [LoggerMessage(3403, LogLevel.Warning, "App installation for person {PersonId} of tenant {TenantId} failed and is not tried again: {Reason}")]
    public static partial void AppInstallFailed(ILogger logger, string tenantId, string personId, string reason);

    [LoggerMessage(3404, LogLevel.Information, "App installation for person {PersonId} of tenant {TenantId} failed (attempt {Attempts}); tried again later: {Reason}")]
    public static partial void AppInstallRetryLater(ILogger logger, string tenantId, string personId, int attempts, string reason);

    [LoggerMessage(3405, LogLevel.Warning, "App installation for tenant {TenantId} throttled by Graph; the rest waits {Seconds} s or the next run")]
    public static partial void AppInstallThrottled(ILogger logger, string tenantId, int seconds);

    [LoggerMessage(3406, LogLevel.Information, "Proactive installation on for tenant {TenantId}: job {JobId} every {Interval}")]
    public static partial void AppInstallRegistered(ILogger logger, string tenantId, string jobId, TimeSpan interval);

    [LoggerMessage(3410, LogLevel.Information, "Messages to person {PersonId} of tenant {TenantId} stopped ({Reason}): {Dropped} pending message(s) dropped")]
    public static partial void MessagesStopped(ILogger logger, string tenantId, string personId, int dropped, string reason);
}
