using System.Collections.Concurrent;
using DiligenceBot.BotFramework.Cards;
using DiligenceBot.Conversations;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;

namespace DiligenceBot.Help;

/// <summary>"help" / "帮助": the help card.</summary>
public sealed class HelpVerb : IBotVerb
{
    // The help card depends on the language only, and "help" is what people send most: each language's card is
    // built and serialised once (frozen) and every answer writes the same bytes.
    private static readonly ConcurrentDictionary<Language, AdaptiveCard> Frozen = new();

    public Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(BotAnswer.WithCard(Frozen.GetOrAdd(request.Language, static language => HelpCards.Help(language).Freeze())));
}

/// <summary>"me" / "我的信息": who the bot thinks the user is.</summary>
public sealed class ProfileVerb(DirectoryLookup directory) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var led = request.Person is { } person ? await directory.TeamsLedByAsync(person, cancellationToken) : [];
        return BotAnswer.WithCard(HelpCards.Profile(request.Person, request.Activity.From?.AadObjectId, led, request.Language));
    }
}

/// <summary>"hi", "hello", "你好", "您好", "早上好"...: a short friendly answer with the main actions, not "not understood".</summary>
public sealed class GreetingVerb(DirectoryLookup directory) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var leads = request.Person is { } person && (await directory.TeamsLedByAsync(person, cancellationToken)).Count > 0;
        return BotAnswer.WithCard(HelpCards.Greeting(request.Person, leads, request.Language));
    }
}

public static class HelpRegistration
{
    public static IServiceCollection AddHelp(this IServiceCollection services) => services
        .AddAnonymousBotVerb<HelpVerb>(HelpCards.HelpVerb, "help", "帮助", "?", "？", "/help")
        .AddSharedBotVerb<ProfileVerb>(HelpCards.ProfileVerb, "me", "whoami", "我的信息", "我是谁")
        .AddSharedBotVerb<GreetingVerb>(HelpCards.GreetingVerb, Greetings);

    /// <summary>What people say to say hello. A Chinese greeting matches with anything after it ("你好！", "您好啊").</summary>
    public static readonly string[] Greetings =
    [
        "hi", "hi!", "hello", "hello!", "hey", "hey!", "good morning", "good afternoon", "good evening",
        "你好", "您好", "早上好", "上午好", "下午好", "晚上好", "早安", "嗨", "哈喽", "在吗",
    ];
}
