using DiligenceBot.BotFramework.Authentication;
using DiligenceBot.BotFramework.Connector;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DiligenceBot.BotFramework.Hosting;

public static class BotFrameworkServiceCollectionExtensions
{
    /// <summary>
    /// Registers the protocol layer: options (validated at start-up), inbound token validation, the outbound
    /// token, the connector client and its HTTP pipeline. The app registers its <see cref="IBotHandler"/>.
    /// </summary>
    public static IServiceCollection AddBotFramework(this IServiceCollection services)
    {
        services.AddOptions<BotOptions>().BindConfiguration(BotOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotOptions>, BotOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(nameof(SigningKeyCache), c => c.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<SigningKeyCache>(
            sp, sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(SigningKeyCache))));
        services.AddSingleton<InboundTokenValidator>();
        services.AddSingleton<TrustedServiceUrls>();

        services.AddHttpClient(nameof(BotTokenProvider), c => c.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<IBotTokenProvider>(sp => ActivatorUtilities.CreateInstance<BotTokenProvider>(
            sp, sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(BotTokenProvider))));

        services.AddTransient<BotTokenHandler>();
        // ConnectorClient logs what matters itself (failures, retries, untrusted URLs, without the URL's query);
        // the factory's per-request logging scopes would cost every message and add nothing.
        services.AddHttpClient(ConnectorClient.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30))
            .RemoveAllLoggers()
            .AddHttpMessageHandler<BotTokenHandler>();
        services.AddSingleton<IConnectorClient>(sp => ActivatorUtilities.CreateInstance<ConnectorClient>(
            sp, sp.GetRequiredService<IHttpClientFactory>().CreateClient(ConnectorClient.HttpClientName)));

        services.AddHostedService<LocalDevelopmentModeNotice>();
        return services;
    }
}

/// <summary>Says loudly at start-up that the bot runs without authentication.</summary>
internal sealed class LocalDevelopmentModeNotice(IOptions<BotOptions> options, ILogger<LocalDevelopmentModeNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.IsLocalDevelopmentMode)
        {
            Log.LocalDevelopmentMode(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
