namespace DiligenceBot.BotFramework.Connector;

/// <summary>How a connector call ended, in terms a caller acts on.</summary>
public enum ConnectorOutcome
{
    Succeeded,
    /// <summary>403: the bot is not in the conversation (removed, blocked): retire the reference.</summary>
    Forbidden,
    /// <summary>404: the conversation no longer exists: retire the reference.</summary>
    NotFound,
    /// <summary>Still 429 after every retry.</summary>
    Throttled,
    /// <summary>The request itself was refused (400, 413, ...): retrying will not help.</summary>
    Rejected,
    /// <summary>Server or network failure after every retry.</summary>
    Failed,
    /// <summary>Not sent: the service URL is not trusted for the bot's credentials.</summary>
    Untrusted,
}

/// <summary>The result of a connector call: never an exception for an HTTP answer.</summary>
public sealed record ConnectorResult<T>(
    ConnectorOutcome Outcome,
    int StatusCode,
    T? Value,
    string? ErrorCode,
    int Attempts,
    TimeSpan? RetryAfter = null)
{
    public bool Succeeded => Outcome == ConnectorOutcome.Succeeded;

    /// <summary>True when the stored conversation reference is dead and should be retired.</summary>
    public bool ConversationGone => Outcome is ConnectorOutcome.Forbidden or ConnectorOutcome.NotFound;
}
