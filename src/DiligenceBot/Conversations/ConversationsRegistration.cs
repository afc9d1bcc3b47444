using DiligenceBot.BotFramework.Hosting;
using DiligenceBot.Organisation;

namespace DiligenceBot.Conversations;

public static class ConversationsRegistration
{
    /// <summary>The protocol layer plus the app's dispatcher, install lifecycle and directory lookup.</summary>
    public static WebApplicationBuilder AddConversations(this WebApplicationBuilder builder)
    {
        builder.Services.AddBotFramework();
        builder.Services.AddSingleton<BotVerbTable>();
        builder.Services.AddScoped<IBotHandler, BotTurnDispatcher>();
        builder.Services.AddScoped<InstallLifecycle>();
        builder.Services.AddScoped<DirectoryLookup>();
        return builder;
    }
}
