namespace DiligenceBot.Conversations;

/// <summary>
/// Why a conversation reference was retired, where it matters: the person removed the app (or the bot from the chat),
/// or Teams refused the bot (403 "bot not installed", 404 conversation not found). Such a person gets no message until
/// they install the app again, and the installation job never reinstalls them against their choice.
/// </summary>
public static class ConversationEnds
{
    public const string Uninstalled = "uninstalled";
    public const string BotRemoved = "bot removed";
    /// <summary>Followed by the connector's status (403, 404) when sending.</summary>
    public const string ConnectorPrefix = "connector ";
    /// <summary>Followed by the connector's status (403, 404) when creating the personal chat.</summary>
    public const string CreatePrefix = "create ";

    public static bool Ended(string? reason) =>
        reason is Uninstalled or BotRemoved
        || reason?.StartsWith(ConnectorPrefix, StringComparison.Ordinal) == true
        || reason?.StartsWith(CreatePrefix, StringComparison.Ordinal) == true;
}
