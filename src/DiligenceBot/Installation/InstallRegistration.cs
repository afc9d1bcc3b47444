using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Options;

namespace DiligenceBot.Installation;

public static class InstallRegistration
{
    /// <summary>
    /// Proactive installation (section <c>Install</c>, off by default): the options (validated at start-up against the
    /// directory's Graph tenant), the installation job and, where Hangfire runs, its schedule per listed tenant.
    /// </summary>
    public static WebApplicationBuilder AddInstallation(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<InstallOptions>().BindConfiguration(InstallOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<InstallOptions>, InstallOptionsValidator>();
        services.AddScoped<AppInstallJob>();
        services.AddHostedService<AppInstallSchedule>();
        return builder;
    }
}

/// <summary>At start-up: the installation job of each listed tenant every <c>Install:Interval</c> (UTC); others removed.</summary>
internal sealed class AppInstallSchedule(IServiceProvider services, IOptions<InstallOptions> options, ILogger<AppInstallSchedule> logger) : IHostedService
{
    private const string Prefix = "app-install:";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<JobStorage>() is not { } storage)
        {
            return Task.CompletedTask;
        }

        var o = options.Value;
        var recurring = services.GetRequiredService<IRecurringJobManager>();
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tenant in o.Tenants)
        {
            var tenantId = tenant.ToLowerInvariant();
            var id = AppInstallJob.JobId(tenantId);
            wanted.Add(id);
            recurring.AddOrUpdate<AppInstallJob>(id, job => job.RunAsync(tenantId, CancellationToken.None), Cron(o.Interval),
                new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
            Log.AppInstallRegistered(logger, tenantId, id, o.Interval);
        }

        using var connection = storage.GetConnection();
        foreach (var job in connection.GetRecurringJobs().Where(j => j.Id.StartsWith(Prefix, StringComparison.Ordinal) && !wanted.Contains(j.Id)))
        {
            recurring.RemoveIfExists(job.Id);
        }

        return Task.CompletedTask;
    }

    /// <summary>Every n minutes within the hour, or every n hours on the hour.</summary>
    internal static string Cron(TimeSpan interval) => interval < TimeSpan.FromHours(1)
        ? $"*/{(int)interval.TotalMinutes} * * * *"
        : $"0 */{Math.Min(23, (int)interval.TotalHours)} * * *";

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
