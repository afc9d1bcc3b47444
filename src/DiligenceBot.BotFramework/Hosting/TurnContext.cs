using DiligenceBot.BotFramework.Connector;
using DiligenceBot.BotFramework.Schema;

namespace DiligenceBot.BotFramework.Hosting;

/// <summary>One incoming activity and the means to answer it in its conversation.</summary>
public sealed class TurnContext(Activity activity, bool authenticated, IConnectorClient connector)
{
    public Activity Activity { get; } = activity;

    /// <summary>False in local development mode, where no token is checked.</summary>
    public bool IsAuthenticated { get; } = authenticated;

    public IConnectorClient Connector { get; } = connector;

    /// <summary>Sends an activity into the conversation, as a reply to the incoming one when it has an id.</summary>
    public Task<ConnectorResult<ResourceResponse>> SendAsync(OutgoingActivity outgoing, CancellationToken cancellationToken = default)
    {
        var serviceUrl = Activity.ServiceUrl!;
        var conversationId = Activity.Conversation!.Id!;
        outgoing.From ??= Activity.Recipient;
        outgoing.Recipient ??= Activity.From;
        outgoing.Conversation ??= Activity.Conversation;
        outgoing.Locale ??= Activity.Locale;
        if (!string.IsNullOrEmpty(Activity.Id))
        {
            outgoing.ReplyToId ??= Activity.Id;
            return Connector.ReplyToActivityAsync(serviceUrl, conversationId, Activity.Id, outgoing, cancellationToken);
        }

        return Connector.SendToConversationAsync(serviceUrl, conversationId, outgoing, cancellationToken);
    }
}

/// <summary>The application's side of the protocol: given a validated, authenticated activity, act on it.</summary>
public interface IBotHandler
{
    /// <summary>
    /// Handles one activity. For invokes, the returned response is written as the HTTP answer;
    /// for other activities it is ignored (null is fine) and the bot answers 200.
    /// </summary>
    Task<InvokeResponse?> OnTurnAsync(TurnContext turn, CancellationToken cancellationToken);
}
