namespace DiligenceBot;

/// <summary>Log messages of meeting minutes and action items (event ids 3700-3799); ids only, never content.</summary>
internal static partial class Log
{
    [LoggerMessage(3700, LogLevel.Information, "Minutes {MinutesId} of team {TeamId} recorded ({Kind}, {Items} action item(s))")]
    public static partial void MinutesRecorded(ILogger logger, Guid minutesId, string teamId, string kind, int items);

    [LoggerMessage(3701, LogLevel.Information, "Minutes {MinutesId} checked by {PersonId}")]
    public static partial void MinutesChecked(ILogger logger, Guid minutesId, string personId);

    [LoggerMessage(3702, LogLevel.Warning, "Refused {Verb} on the minutes of team {TeamId} for {PersonId}")]
    public static partial void MinutesRefused(ILogger logger, string verb, string teamId, string? personId);

    [LoggerMessage(3703, LogLevel.Information, "Action item {ItemId} now {State} (by {PersonId})")]
    public static partial void ActionItemStep(ILogger logger, Guid itemId, string state, string personId);

    [LoggerMessage(3704, LogLevel.Warning, "Refused {Verb} on action item {ItemId} for {PersonId}")]
    public static partial void ActionItemRefused(ILogger logger, string verb, Guid itemId, string personId);

    [LoggerMessage(3705, LogLevel.Information, "Action items: {Items} due or overdue, {Messages} message(s) queued")]
    public static partial void ActionItemsRun(ILogger logger, int items, int messages);

    [LoggerMessage(3706, LogLevel.Information, "Action items: {Items} changed meanwhile; left for the next run")]
    public static partial void ActionItemsDeferred(ILogger logger, int items);
}
