using System.Text.Json;
using DiligenceBot.BotFramework;
using DiligenceBot.BotFramework.Hosting;
using DiligenceBot.BotFramework.Schema;
using DiligenceBot.Organisation;
using DiligenceBot.Localization;

namespace DiligenceBot.Conversations;

/// <summary>
/// The app's entry point for every authenticated activity: a table from activity type (and invoke name) to
/// handler. Typed commands, Action.Submit and Action.Execute all become a <see cref="BotRequest"/> for a verb;
/// the answer goes back the way the request came (a reply, an in-place card update, or the invoke response).
/// Unknown activity types and invokes are answered 200 and ignored. Built per request: what a handler needs
/// (the directory, the install lifecycle, a verb's handler) is resolved only when that handler runs, so "help"
/// never opens the database.
/// </summary>
public sealed class BotTurnDispatcher(IServiceProvider services, BotVerbTable verbs, ILogger<BotTurnDispatcher> logger) : IBotHandler
{
    public Task<InvokeResponse?> OnTurnAsync(TurnContext turn, CancellationToken cancellationToken) => turn.Activity.Type switch
    {
        ActivityTypes.Message => OnMessageAsync(turn, cancellationToken),
        ActivityTypes.Invoke => OnInvokeAsync(turn, cancellationToken),
        ActivityTypes.InstallationUpdate => services.GetRequiredService<InstallLifecycle>().OnInstallationUpdateAsync(turn, cancellationToken),
        ActivityTypes.ConversationUpdate => services.GetRequiredService<InstallLifecycle>().OnConversationUpdateAsync(turn, cancellationToken),
        _ => Task.FromResult<InvokeResponse?>(null),
    };

    private Task<InvokeResponse?> OnInvokeAsync(TurnContext turn, CancellationToken cancellationToken) => turn.Activity.Name switch
    {
        InvokeNames.AdaptiveCardAction => OnAdaptiveCardActionAsync(turn, cancellationToken),
        InvokeNames.FileConsent => services.GetRequiredService<Files.ChatFiles>().OnConsentAsync(turn, services.GetRequiredService<DirectoryLookup>(), cancellationToken),
        InvokeNames.Search => OnSearchAsync(turn, cancellationToken),
        _ => Task.FromResult<InvokeResponse?>(new InvokeResponse(200, null)),
    };

    private async Task<InvokeResponse?> OnSearchAsync(TurnContext turn, CancellationToken cancellationToken) =>
        await services.GetRequiredService<Customers.CustomerSearch>().OnSearchAsync(turn, cancellationToken);

    private async Task<InvokeResponse?> OnMessageAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var language = LanguageOf(activity, null);

        // Action.Submit: the button's data (with "verb") and the card's inputs arrive as the message's value.
        if (activity.Value is { ValueKind: JsonValueKind.Object } value)
        {
            var verbName = value.TryGetProperty("verb", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var registration = verbs.ByName(verbName);
            if (registration is null)
            {
                await turn.SendAsync(OutgoingActivity.FromText(Texts.Common.CardOutOfDate.In(language)), cancellationToken);
                return null;
            }

            var answer = await RunAsync(turn, registration, string.Empty, value, RequestSource.Submit, cancellationToken);
            await DeliverAsync(turn, answer, replaceCard: true, cancellationToken);
            return null;
        }

        // A file the user sent in personal chat (Teams' file download info) goes to the feature that takes files.
        if (Files.ChatFile.Of(activity) is not null && verbs.ByName(Files.ChatFiles.ReceivedVerb) is { } fileVerb)
        {
            var received = await RunAsync(turn, fileVerb, string.Empty, null, RequestSource.Text, cancellationToken);
            await DeliverAsync(turn, received, replaceCard: false, cancellationToken);
            return null;
        }

        // Invisible characters (a zero-width space pasted in, an ideographic space) do not change which command was meant.
        var text = Input.UserText.Words(activity.GetCommandText());
        if (text.Length == 0)
        {
            return null;
        }

        var match = verbs.Match(text);
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
            Log.BadCardAction(logger, LogText.Untrusted(activity.Id));
            return new InvokeResponse(200, AdaptiveCardInvokeResponse.Error(400, "BadRequest", Texts.Common.CardOutOfDate.In(language)));
        }

        var registration = verbs.ByName(verb);
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
            ? await services.GetRequiredService<DirectoryLookup>().FindByAadObjectIdAsync(tenantId, activity.From?.AadObjectId, cancellationToken)
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

        if (!registration.Shared && !InstallLifecycle.IsPersonal(activity))
        {
            // A card made for one person is never posted where others see it (see BotVerbRegistration.Shared).
            return BotAnswer.Refused(Texts.Common.PersonalChatOnly.In(language));
        }

        try
        {
            var handler = (IBotVerb)services.GetRequiredService(registration.HandlerType);
            return await handler.HandleAsync(request, cancellationToken);
        }
        catch (DependencyUnavailableException ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.VerbDependencyUnavailable(logger, registration.Name, LogText.Untrusted(activity.Id), ex.Message, ex.InnerException?.GetType().Name);
            return BotAnswer.Refused(ex.Answer.In(language));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.VerbFailed(logger, registration.Name, LogText.Untrusted(activity.Id), ex);
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
