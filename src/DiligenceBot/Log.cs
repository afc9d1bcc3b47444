namespace DiligenceBot;

/// <summary>Source-generated log messages of the app. Event ids grouped by feature; never personal data beyond ids.</summary>
internal static partial class Log
{
    // 2000-2099: conversations
    [LoggerMessage(2000, LogLevel.Warning, "Activity {ActivityId}: adaptiveCard/action without an Action.Execute verb")]
    public static partial void BadCardAction(ILogger logger, string? activityId);

    [LoggerMessage(2001, LogLevel.Error, "Verb {Verb} failed for activity {ActivityId}")]
    public static partial void VerbFailed(ILogger logger, string verb, string? activityId, Exception exception);

    [LoggerMessage(2002, LogLevel.Information, "Conversation {ConversationId}: reference stored for user {UserId}")]
    public static partial void ReferenceStored(ILogger logger, string conversationId, string userId);

    [LoggerMessage(2003, LogLevel.Information, "Conversation {ConversationId}: {Count} reference(s) retired ({Reason})")]
    public static partial void ReferencesRetired(ILogger logger, string conversationId, int count, string reason);

    [LoggerMessage(2004, LogLevel.Warning, "Welcome card could not be sent to conversation {ConversationId}: {Outcome}")]
    public static partial void WelcomeNotSent(ILogger logger, string conversationId, string outcome);

    // 2100-2199: data
    [LoggerMessage(2100, LogLevel.Information, "Database ready ({Provider}); seeds applied with {Changes} change(s)")]
    public static partial void DatabaseReady(ILogger logger, string provider, int changes);
}
