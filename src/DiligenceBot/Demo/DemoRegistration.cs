using DiligenceBot.Data;
using Microsoft.Extensions.Options;

namespace DiligenceBot.Demo;

public static class DemoRegistration
{
    /// <summary>
    /// The demo organisation's history, written at start-up into an empty demo database when
    /// <c>Database:DemoHistory</c> allows it (default: only in Development, which is what run.sh uses). Registered
    /// before the schedule and the outbox so that their first run already sees the history.
    /// </summary>
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DemoHistory>();
        builder.Services.AddHostedService<DemoHistoryAtStartup>();
        return builder;
    }
}

/// <summary>
/// Writes the demo history once: only for the demo organisation of seeds/directory.json (its tenant and managers must
/// be in the database), only while nothing has happened in it yet, never in a deployment that did not ask for it.
/// </summary>
internal sealed class DemoHistoryAtStartup(
    IServiceScopeFactory scopes, IOptions<DatabaseOptions> options, IHostEnvironment environment, ILogger<DemoHistoryAtStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        // Without migrations at start-up the database may not even have its tables: a demo always migrates.
        if (!(o.DemoHistory ?? environment.IsDevelopment()) || !o.MigrateOnStartup)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var written = await scope.ServiceProvider.GetRequiredService<DemoHistory>().WriteIfEmptyAsync(cancellationToken);
        if (written is not null)
        {
            Log.DemoHistoryWritten(logger, written.Logs, written.Reviews, written.Forms, written.Observations, written.Pulses, written.Decisions, written.Actions);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
