namespace DiligenceBot;

/// <summary>Log messages of the directory sync (3100-3199).</summary>
internal static partial class Log
{
    [LoggerMessage(3100, LogLevel.Information, "Directory sync of tenant {TenantId} ({Source}, full: {Full}) applied: {Joins} joined, {Moves} moved, {Leaves} left, {Updates} updated; {People} people; {Requests} Graph request(s); read {ReadSeconds:0.00} s, plan {PlanSeconds:0.00} s, apply {ApplySeconds:0.00} s")]
    public static partial void DirectorySyncApplied(ILogger logger, string tenantId, string source, bool full, int joins, int moves, int leaves, int updates, int people, int requests, double readSeconds, double planSeconds, double applySeconds);

    [LoggerMessage(3101, LogLevel.Warning, "Directory sync of tenant {TenantId} stopped for an admin's confirmation: it would move {Moves} and deactivate {Leaves} of {Active} people (run {RunId})")]
    public static partial void DirectorySyncGuarded(ILogger logger, string tenantId, int moves, int leaves, int active, Guid runId);

    [LoggerMessage(3102, LogLevel.Error, "Directory sync of tenant {TenantId} failed, nothing applied (run {RunId}): {Reason}")]
    public static partial void DirectorySyncFailed(ILogger logger, string tenantId, Guid runId, string reason);

    [LoggerMessage(3103, LogLevel.Information, "Directory sync: tenant {TenantId}'s delta links expired; reading the whole directory again")]
    public static partial void DirectoryDeltaExpired(ILogger logger, string tenantId);

    [LoggerMessage(3104, LogLevel.Information, "Directory source: {Source}; nightly Graph sync {JobId} at {Time} {TimeZone}")]
    public static partial void DirectorySyncRegistered(ILogger logger, string source, string jobId, TimeOnly time, string timeZone);

    [LoggerMessage(3105, LogLevel.Warning, "Directory sync refused for tenant {TenantId}: Graph is configured for another tenant")]
    public static partial void DirectorySyncWrongTenant(ILogger logger, string tenantId);
}
