namespace DiligenceBot;

/// <summary>Source-generated log messages of the app. Event ids grouped by feature; never personal data beyond ids.</summary>
internal static partial class Log
{
    // 2000-2099: conversations
    [LoggerMessage(2000, LogLevel.Warning, "Activity {ActivityId}: adaptiveCard/action without an Action.Execute verb")]
    public static partial void BadCardAction(ILogger logger, string? activityId);

    [LoggerMessage(2001, LogLevel.Error, "Verb {Verb} failed for activity {ActivityId}")]
    public static partial void VerbFailed(ILogger logger, string verb, string? activityId, Exception exception);

    [LoggerMessage(2005, LogLevel.Warning, "Verb {Verb} for activity {ActivityId}: {Dependency} ({Failure}); the user was told, nothing was changed")]
    public static partial void VerbDependencyUnavailable(ILogger logger, string verb, string? activityId, string dependency, string? failure);

    [LoggerMessage(2002, LogLevel.Information, "Conversation {ConversationId}: reference stored for user {UserId}")]
    public static partial void ReferenceStored(ILogger logger, string conversationId, string userId);

    [LoggerMessage(2003, LogLevel.Information, "Conversation {ConversationId}: {Count} reference(s) retired ({Reason})")]
    public static partial void ReferencesRetired(ILogger logger, string conversationId, int count, string reason);

    [LoggerMessage(2004, LogLevel.Warning, "Welcome card could not be sent to conversation {ConversationId}: {Outcome}")]
    public static partial void WelcomeNotSent(ILogger logger, string conversationId, string outcome);

    // 2100-2199: data
    [LoggerMessage(2100, LogLevel.Information, "Database ready ({Provider}); seeds applied with {Changes} change(s)")]
    public static partial void DatabaseReady(ILogger logger, string provider, int changes);

    // 2200-2299: notifications
    [LoggerMessage(2200, LogLevel.Error, "The notification loop failed; it goes on")]
    public static partial void NotificationLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(2201, LogLevel.Information, "Notification {NotificationId} ({Kind}): {Status}")]
    public static partial void NotificationDelivered(ILogger logger, long notificationId, string kind, string status);

    [LoggerMessage(2202, LogLevel.Warning, "Notification {NotificationId} ({Kind}): attempt {Attempts} failed ({Detail}); tried again in {DelayMs} ms")]
    public static partial void NotificationRetryLater(ILogger logger, long notificationId, string kind, int attempts, int delayMs, string detail);

    [LoggerMessage(2203, LogLevel.Error, "Notification {NotificationId} ({Kind}) marked failed after {Attempts} attempt(s): {Detail}")]
    public static partial void NotificationFailed(ILogger logger, long notificationId, string kind, int attempts, string detail);

    [LoggerMessage(2204, LogLevel.Warning, "The dispatcher's lease ran out before it was renewed; it continues as instance {InstanceId} and leaves what it held to the release")]
    public static partial void DispatcherLeaseLost(ILogger logger, string instanceId);

    [LoggerMessage(2205, LogLevel.Information, "Released {Count} message(s) claimed by dispatcher instances whose lease ran out")]
    public static partial void DeadInstanceClaimsReleased(ILogger logger, int count);

    [LoggerMessage(2206, LogLevel.Warning, "Notification {NotificationId} ({Kind}) was accepted by Teams but its outcome could not be saved; saving it again")]
    public static partial void SentOutcomeNotSaved(ILogger logger, long notificationId, string kind, Exception exception);

    [LoggerMessage(2207, LogLevel.Information, "Notification {NotificationId} ({Kind}): the sent outcome was saved on try {Tries}")]
    public static partial void SentOutcomeSaved(ILogger logger, long notificationId, string kind, int tries);

    [LoggerMessage(2208, LogLevel.Error, "Notification {NotificationId} ({Kind}) was accepted by Teams but its outcome could not be saved before its claim ends; it may be sent again")]
    public static partial void SentOutcomeLost(ILogger logger, long notificationId, string kind, Exception exception);

    // 2300-2399: work logs
    [LoggerMessage(2300, LogLevel.Information, "Work log {WorkLogId} revision {Revision} stored (on time: {OnTime})")]
    public static partial void WorkLogStored(ILogger logger, Guid workLogId, int revision, bool onTime);

    [LoggerMessage(2302, LogLevel.Warning, "Refused {Verb} on work log {WorkLogId} for {PersonId}: {Reason}")]
    public static partial void WorkLogRefused(ILogger logger, string verb, string? workLogId, string? personId, string reason);

    // 3500-3599: reviews and marketing plans
    [LoggerMessage(3500, LogLevel.Information, "{SubjectType} {SubjectId} revision {Revision}: {Decision} by {ReviewerId}")]
    public static partial void ReviewDecided(ILogger logger, string subjectType, Guid subjectId, int revision, string decision, string reviewerId);

    [LoggerMessage(3501, LogLevel.Warning, "Refused {Verb} on {SubjectType} {SubjectId} for {PersonId}: not a reviewer of the team")]
    public static partial void ReviewRefused(ILogger logger, string verb, string subjectType, Guid subjectId, string? personId);

    [LoggerMessage(3502, LogLevel.Information, "Marketing plan {PlanId} revision {Revision} stored ({Visits} visit(s) planned)")]
    public static partial void PlanStored(ILogger logger, Guid planId, int revision, int visits);

    // 2400-2499: scheduling
    [LoggerMessage(2400, LogLevel.Information, "Team schedule jobs synced for {TeamCount} team(s)")]
    public static partial void TeamJobsSynced(ILogger logger, int teamCount);

    [LoggerMessage(2401, LogLevel.Information, "Team {TeamId}'s log now covers {Covers}, set by {PersonId}")]
    public static partial void TeamLogSettingChanged(ILogger logger, string teamId, string covers, string personId);

    // 3200-3299: files in chat and the customer import
    [LoggerMessage(3200, LogLevel.Warning, "Fetching a file the user sent from {Host} failed (HTTP {Status}; 0 = no answer)")]
    public static partial void FileDownloadFailed(ILogger logger, int status, string? host);

    [LoggerMessage(3201, LogLevel.Warning, "Uploading an offered file to {Host} failed (HTTP {Status}; 0 = no answer)")]
    public static partial void FileUploadFailed(ILogger logger, int status, string? host);

    [LoggerMessage(3202, LogLevel.Information, "Import of {Kind} by {PersonId}: {Rows} rows, stored {Stored}, {Problems} problems")]
    public static partial void FileImported(ILogger logger, string kind, string personId, int rows, bool stored, int problems);

    [LoggerMessage(3203, LogLevel.Warning, "A customer search (application/search) in activity {ActivityId} was refused: {Reason}")]
    public static partial void CustomerSearchRefused(ILogger logger, string? activityId, string reason);

    // 3300-3399: the customers' survey (never the token)
    [LoggerMessage(3300, LogLevel.Information, "Survey link {LinkId} of tenant {TenantId} answered")]
    public static partial void SurveyAnswered(ILogger logger, long linkId, string tenantId);
}
