using System.Text.Json;
using DiligenceBot.BotFramework.Cards;
using DiligenceBot.BotFramework.Hosting;
using DiligenceBot.BotFramework.Schema;
using DiligenceBot.Organisation;
using DiligenceBot.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DiligenceBot.Conversations;

/// <summary>How a request reached the bot.</summary>
public enum RequestSource
{
    /// <summary>A typed command in chat.</summary>
    Text,
    /// <summary>An Action.Submit button (a message whose value carries the data).</summary>
    Submit,
    /// <summary>An Action.Execute button (an adaptiveCard/action invoke), including card refresh.</summary>
    Execute,
}

/// <summary>
/// A service the bot depends on (a file store, say) did not answer while a verb ran, and nothing was changed: the
/// dispatcher logs a warning and answers the user with <see cref="Answer"/> instead of the generic "something went
/// wrong". Thrown by the adapter of that service, so each verb need not catch it.
/// </summary>
public class DependencyUnavailableException(Text answer, string message, Exception? inner = null) : Exception(message, inner)
{
    public Text Answer { get; } = answer;
}

/// <summary>One user request, whatever way it arrived: who asks, in which language, with what data.</summary>
public sealed class BotRequest
{
    public required TurnContext Turn { get; init; }
    public required string Verb { get; init; }
    public required Language Language { get; init; }
    public required string TenantId { get; init; }
    /// <summary>The person in the directory, or null when the user is not known.</summary>
    public Person? Person { get; init; }
    /// <summary>What followed the command keyword in a typed command (e.g. a date or a name).</summary>
    public string Arguments { get; init; } = string.Empty;
    /// <summary>The card's data and inputs for Submit / Execute.</summary>
    public JsonElement? Data { get; init; }
    /// <summary>The card's data, read tolerantly (<see cref="Input.CardData"/>): every verb reads card data through it.</summary>
    public Input.CardData Card => new(Data);
    public RequestSource Source { get; init; }

    public Activity Activity => Turn.Activity;
}

/// <summary>What the bot answers: a card (replacing the clicked one where the channel allows), a text, or a refusal.</summary>
public sealed record BotAnswer(AdaptiveCard? Card, string? Text, bool IsRefusal)
{
    public static BotAnswer WithCard(AdaptiveCard card) => new(card, null, false);
    public static BotAnswer WithText(string text) => new(null, text, false);
    /// <summary>The user may not do this, or the card is stale; nothing was changed.</summary>
    public static BotAnswer Refused(string message) => new(null, message, true);
}

/// <summary>A feature's handler for one verb.</summary>
public interface IBotVerb
{
    Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// A verb: the name used in card data and the chat keywords (both languages) that invoke it.
/// <paramref name="NeedsPerson"/> false skips the directory lookup for verbs that answer everyone alike (help).
/// <paramref name="Shared"/> true lets it answer in a group chat or a channel (help, me, greetings); every other verb
/// answers there only with a pointer to the personal chat, since its card is made for the one person who asked (their
/// log, a lead's team, a coaching card, buttons only they may press) and everyone in the conversation would see it,
/// on clients without user-specific views (<c>refresh.userIds</c>) as on those with them.
/// </summary>
public sealed record BotVerbRegistration(string Name, IReadOnlyList<string> Keywords, Type HandlerType, bool NeedsPerson = true, bool Shared = false);

/// <summary>All verbs, and the lookup of a typed command (longest keyword first, so "team logs" beats "log").</summary>
public sealed class BotVerbTable
{
    private readonly Dictionary<string, BotVerbRegistration> _byName;
    private readonly List<(string Keyword, BotVerbRegistration Verb)> _keywords;

    public BotVerbTable(IEnumerable<BotVerbRegistration> registrations)
    {
        var all = registrations.ToList();
        _byName = all.ToDictionary(r => r.Name, StringComparer.Ordinal);
        _keywords = all.SelectMany(r => r.Keywords.Select(k => (k, r)))
            .OrderByDescending(x => x.k.Length)
            .ToList();
    }

    public BotVerbRegistration? ByName(string? name) => name is not null && _byName.TryGetValue(name, out var r) ? r : null;

    /// <summary>Finds the verb a typed text starts with, and the arguments after it.</summary>
    public (BotVerbRegistration Verb, string Arguments)? Match(string text)
    {
        foreach (var (keyword, verb) in _keywords)
        {
            if (text.Equals(keyword, StringComparison.OrdinalIgnoreCase))
            {
                return (verb, string.Empty);
            }

            if (text.StartsWith(keyword, StringComparison.OrdinalIgnoreCase)
                && text.Length > keyword.Length
                && (char.IsWhiteSpace(text[keyword.Length]) || !char.IsAscii(keyword[^1])))
            {
                return (verb, text[keyword.Length..].Trim());
            }
        }

        return null;
    }
}

public static class BotVerbServiceCollectionExtensions
{
    /// <summary>Registers a verb handler under its name and chat keywords.</summary>
    public static IServiceCollection AddBotVerb<THandler>(this IServiceCollection services, string name, params string[] keywords)
        where THandler : class, IBotVerb
    {
        services.TryAddScoped<THandler>();
        services.AddSingleton(new BotVerbRegistration(name, keywords, typeof(THandler)));
        return services;
    }

    /// <summary>Registers a verb that does not need to know who asks (no directory lookup) and answers anywhere.</summary>
    public static IServiceCollection AddAnonymousBotVerb<THandler>(this IServiceCollection services, string name, params string[] keywords)
        where THandler : class, IBotVerb
    {
        services.TryAddScoped<THandler>();
        services.AddSingleton(new BotVerbRegistration(name, keywords, typeof(THandler), NeedsPerson: false, Shared: true));
        return services;
    }

    /// <summary>Registers a verb whose answer may be seen by everyone in a group chat or channel (the profile, a greeting).</summary>
    public static IServiceCollection AddSharedBotVerb<THandler>(this IServiceCollection services, string name, params string[] keywords)
        where THandler : class, IBotVerb
    {
        services.TryAddScoped<THandler>();
        services.AddSingleton(new BotVerbRegistration(name, keywords, typeof(THandler), Shared: true));
        return services;
    }
}
