using System.Text.Json;
using DiligenceBot.BotFramework.Hosting;
using DiligenceBot.BotFramework.Schema;
using DiligenceBot.Organisation;
using DiligenceBot.Localization;

namespace DiligenceBot.Conversations;

/// <summary>
/// The app's entry point for every authenticated activity: a table from activity type (and invoke name) to
/// handler. Typed commands, Action.Submit and Action.Execute all become a <see cref="BotRequest"/> for a verb;
/// the answer goes back the way the request came (a reply, an in-place card update, or the invoke response).
/// Unknown activity types and invokes are answered 200 and ignored.
/// </summary>
public sealed class BotTurnDispatcher : IBotHandler
{
    private readonly Dictionary<string, Func<TurnContext, CancellationToken, Task<InvokeResponse?>>> _byType;
    private readonly Dictionary<string, Func<TurnContext, CancellationToken, Task<InvokeResponse?>>> _byInvokeName;
    private readonly IServiceProvider _services;
    private readonly BotVerbTable _verbs;
    private readonly DirectoryLookup _directory;
    private readonly InstallLifecycle _lifecycle;
    private readonly ILogger<BotTurnDispatcher> _logger;

    public BotTurnDispatcher(
        IServiceProvider services,
        BotVerbTable verbs,
        DirectoryLookup directory,
        InstallLifecycle lifecycle,
        ILogger<BotTurnDispatcher> logger)
    {
        _services = services;
        _verbs = verbs;
        _directory = directory;
        _lifecycle = lifecycle;
        _logger = logger;
        _byType = new(StringComparer.Ordinal)
        {
            [ActivityTypes.Message] = OnMessageAsync,
            [ActivityTypes.Invoke] = OnInvokeAsync,
            [ActivityTypes.InstallationUpdate] = _lifecycle.OnInstallationUpdateAsync,
            [ActivityTypes.ConversationUpdate] = _lifecycle.OnConversationUpdateAsync,
        };
        _byInvokeName = new(StringComparer.Ordinal)
        {
            [InvokeNames.AdaptiveCardAction] = OnAdaptiveCardActionAsync,
        };
    }

    public Task<InvokeResponse?> OnTurnAsync(TurnContext turn, CancellationToken cancellationToken) =>
        _byType.TryGetValue(turn.Activity.Type!, out var handler)
            ? handler(turn, cancellationToken)
            : Task.FromResult<InvokeResponse?>(null);

    private Task<InvokeResponse?> OnInvokeAsync(TurnContext turn, CancellationToken cancellationToken) =>
        turn.Activity.Name is { } name && _byInvokeName.TryGetValue(name, out var handler)
            ? handler(turn, cancellationToken)
            : Task.FromResult<InvokeResponse?>(new InvokeResponse(200, null));

    private async Task<InvokeResponse?> OnMessageAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var language = LanguageOf(activity, null);

        // Action.Submit: the button's data (with "verb") and the card's inputs arrive as the message's value.
        if (activity.Value is { ValueKind: JsonValueKind.Object } value)
        {
            var verbName = value.TryGetProperty("verb", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var registration = _verbs.ByName(verbName);
            if (registration is null)
            {
                await turn.SendAsync(OutgoingActivity.FromText(Texts.Common.CardOutOfDate.In(language)), cancellationToken);
                return null;
            }

            var answer = await RunAsync(turn, registration, string.Empty, value, RequestSource.Submit, cancellationToken);
            await DeliverAsync(turn, answer, replaceCard: true, cancellationToken);
            return null;
        }

        var text = activity.GetCommandText();
        if (text.Length == 0)
        {
            return null;
        }

        var match = _verbs.Match(text);
        if (match is null)
        {
            var shown = text.Length > 60 ? text[..60] + "…" : text;
            await turn.SendAsync(OutgoingActivity.FromText(Texts.Common.NotUnderstood.Format(language, shown)), cancellationToken);
            return null;
        }

        var result = await RunAsync(turn, match.Value.Verb, match.Value.Arguments, null, RequestSource.Text, cancellationToken);
        await DeliverAsync(turn, result, replaceCard: false, cancellationToken);
        return null;
    }

    private async Task<InvokeResponse?> OnAdaptiveCardActionAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        AdaptiveCardInvokeValue? value = null;
        if (activity.Value is { ValueKind: JsonValueKind.Object } raw)
        {
            try
            {
                value = raw.Deserialize(BotJsonContext.Default.AdaptiveCardInvokeValue);
            }
            catch (JsonException)
            {
                value = null;
            }
        }

        var language = LanguageOf(activity, null);
        if (value?.Action is not { Type: "Action.Execute", Verb: { Length: > 0 } verb })
        {
            Log.BadCardAction(_logger, activity.Id);
            return new InvokeResponse(200, AdaptiveCardInvokeResponse.Error(400, "BadRequest", Texts.Common.CardOutOfDate.In(language)));
        }

        var registration = _verbs.ByName(verb);
        if (registration is null)
        {
            return new InvokeResponse(200, AdaptiveCardInvokeResponse.Message(Texts.Common.CardOutOfDate.In(language)));
        }

        var answer = await RunAsync(turn, registration, string.Empty, value.Action.Data, RequestSource.Execute, cancellationToken);
        return new InvokeResponse(200, answer.Card is { } card
            ? AdaptiveCardInvokeResponse.Card(card)
            : AdaptiveCardInvokeResponse.Message(answer.Text ?? string.Empty));
    }

    private async Task<BotAnswer> RunAsync(
        TurnContext turn, BotVerbRegistration registration, string arguments, JsonElement? data, RequestSource source, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var tenantId = activity.TenantId ?? string.Empty;
        var person = registration.NeedsPerson
            ? await _directory.FindByAadObjectIdAsync(tenantId, activity.From?.AadObjectId, cancellationToken)
            : null;
        var language = LanguageOf(activity, person);
        var request = new BotRequest
        {
            Turn = turn,
            Verb = registration.Name,
            Language = language,
            TenantId = tenantId,
            Person = person,
            Arguments = arguments,
            Data = data,
            Source = source,
        };

        try
        {
            var handler = (IBotVerb)_services.GetRequiredService(registration.HandlerType);
            return await handler.HandleAsync(request, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.VerbFailed(_logger, registration.Name, activity.Id, ex);
            return BotAnswer.Refused(Texts.Common.SomethingWentWrong.In(language));
        }
    }

    private static async Task DeliverAsync(TurnContext turn, BotAnswer answer, bool replaceCard, CancellationToken cancellationToken)
    {
        var outgoing = answer.Card is { } card ? OutgoingActivity.FromCard(card) : OutgoingActivity.FromText(answer.Text ?? string.Empty);
        var activity = turn.Activity;
        if (replaceCard && answer.Card is not null && !string.IsNullOrEmpty(activity.ReplyToId))
        {
            outgoing.Conversation = activity.Conversation;
            var updated = await turn.Connector.UpdateActivityAsync(activity.ServiceUrl!, activity.Conversation!.Id!, activity.ReplyToId, outgoing, cancellationToken);
            if (updated.Succeeded)
            {
                return;
            }
        }

        await turn.SendAsync(outgoing, cancellationToken);
    }

    /// <summary>Teams' locale for this activity, else the client's, else the directory's, else en-US.</summary>
    internal static Language LanguageOf(Activity activity, Person? person) =>
        Languages.FromLocale(activity.Locale ?? activity.GetClientInfo()?.Locale ?? person?.Locale);
}
