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

        // The cache bounds each fetch itself (Bot:SigningKeyFetchTimeout, on the injected TimeProvider).
        services.AddHttpClient(nameof(SigningKeyCache), c => c.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<SigningKeyCache>(
            sp, sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(SigningKeyCache))));
        services.AddSingleton<InboundTokenValidator>();
        services.AddSingleton<TrustedServiceUrls>();

        // A token answer is a few kilobytes; anything much larger is not one.
        services.AddHttpClient(nameof(BotTokenProvider), c =>
        {
            c.Timeout = TimeSpan.FromSeconds(15);
            c.MaxResponseContentBufferSize = 256 * 1024;
        });
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

        services.AddMetrics();
        services.TryAddSingleton<ActivityMetrics>();
        services.AddHostedService<HostingNotices>();
        return services;
    }
}

/// <summary>
/// Start-up warnings about how the bot is hosted: loudly, that it runs without authentication (local development
/// mode); and, on a one-CPU host, how to keep .NET from leaving the request path unoptimised.
/// </summary>
internal sealed class HostingNotices(IOptions<BotOptions> options, ILogger<HostingNotices> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.IsLocalDevelopmentMode)
        {
            Log.LocalDevelopmentMode(logger);
        }

        if (NeedsTieringAdvice(Environment.ProcessorCount, Environment.GetEnvironmentVariable))
        {
            Log.SingleCpuTiering(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// One CPU and the runtime's default tiering delay: .NET multiplies the delay by 10 on one CPU and restarts it
    /// whenever new code is compiled, so optimisation can wait for minutes under load (bench/inbound --pin).
    /// The delay can only be set through the environment.
    /// </summary>
    internal static bool NeedsTieringAdvice(int processorCount, Func<string, string?> environment) =>
        processorCount == 1
        && environment("DOTNET_TC_CallCountingDelayMs") is null
        && environment("COMPlus_TC_CallCountingDelayMs") is null
        && environment("DOTNET_TieredCompilation") != "0";
}
