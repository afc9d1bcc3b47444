namespace DiligenceBot.BotFramework.Schema;

/// <summary>Activity <c>type</c> values of the Bot Framework protocol that this bot reads or sends.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string InvokeResponse = "invokeResponse";
    public const string Event = "event";
    public const string MessageReaction = "messageReaction";
    public const string Typing = "typing";
}

/// <summary>Invoke <c>name</c> values.</summary>
public static class InvokeNames
{
    public const string AdaptiveCardAction = "adaptiveCard/action";
    /// <summary>The user accepted or declined a file consent card.</summary>
    public const string FileConsent = "fileConsent/invoke";
    /// <summary>Dynamic type-ahead of an Input.ChoiceSet with <c>choices.data</c>: the text typed so far, answered with choices.</summary>
    public const string Search = "application/search";
}

/// <summary><c>action</c> values of an installationUpdate.</summary>
public static class InstallationActions
{
    public const string Add = "add";
    public const string Remove = "remove";
    public const string AddUpgrade = "add-upgrade";
    public const string RemoveUpgrade = "remove-upgrade";
}

/// <summary>Channel ids.</summary>
public static class Channels
{
    public const string MsTeams = "msteams";
    public const string Emulator = "emulator";
}

/// <summary>Content types of attachments and invoke answers.</summary>
public static class ContentTypes
{
    public const string AdaptiveCard = "application/vnd.microsoft.card.adaptive";
    public const string ActivityMessage = "application/vnd.microsoft.activity.message";
    public const string Error = "application/vnd.microsoft.error";
    /// <summary>The answer to an <c>application/search</c> invoke: <c>{"results": [{"title", "value"}]}</c>.</summary>
    public const string SearchResponse = "application/vnd.microsoft.search.searchResponse";
    public const string LoginRequest = "application/vnd.microsoft.activity.loginRequest";
    /// <summary>A file a user sent in personal chat: <c>content.downloadUrl</c> (pre-authenticated), <c>content.fileType</c>.</summary>
    public const string FileDownloadInfo = "application/vnd.microsoft.teams.file.download.info";
    /// <summary>The bot asks to put a file in the user's OneDrive (personal chat).</summary>
    public const string FileConsentCard = "application/vnd.microsoft.teams.card.file.consent";
    /// <summary>The bot shows a file it uploaded after consent.</summary>
    public const string FileInfoCard = "application/vnd.microsoft.teams.card.file.info";
}
