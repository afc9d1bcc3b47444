using DiligenceBot.Data;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Options;

namespace DiligenceBot.Scheduling;

public static class HangfireSetup
{
    /// <summary>
    /// Hangfire on the product's database (its own SQLite file beside the app's; a schema in PostgreSQL or SQL
    /// Server), jobs activated from DI. The storage, activator, client and manager are this host's own instances,
    /// not Hangfire's process-wide statics, so several hosts in one process (tests) never cross.
    /// </summary>
    public static WebApplicationBuilder AddScheduling(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SchedulingOptions>, SchedulingOptionsValidator>();
        var options = builder.Configuration.GetSection(SchedulingOptions.SectionName).Get<SchedulingOptions>() ?? new SchedulingOptions();
        if (!options.Enabled)
        {
            return builder;
        }

        services.AddSingleton<JobStorage>(sp => CreateStorage(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value, sp.GetRequiredService<IOptions<SchedulingOptions>>().Value));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HangfireLogBridge(sp.GetRequiredService<ILoggerFactory>())));
        if (options.RunServer)
        {
            services.AddHangfireServer((sp, server) =>
            {
                var o = sp.GetRequiredService<IOptions<SchedulingOptions>>().Value;
                server.WorkerCount = o.WorkerCount;
                server.SchedulePollingInterval = o.PollingInterval;
                server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";
            });
        }

        services.AddHostedService<TeamJobs>();
        return builder;
    }

    /// <summary>The dashboard at /hangfire: admins only (local requests only in Development).</summary>
    public static WebApplication MapScheduling(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<SchedulingOptions>>().Value;
        if (options.Enabled)
        {
            app.UseHangfireDashboard("/hangfire", new DashboardOptions
            {
                Authorization = [new DashboardAccess(app.Environment.IsDevelopment(), options.DashboardRole)],
                DisplayStorageConnectionString = false,
                AppPath = null,
            }, app.Services.GetRequiredService<JobStorage>());
        }

        return app;
    }

    internal static JobStorage CreateStorage(DatabaseOptions database, SchedulingOptions scheduling)
    {
        if (scheduling.Storage == "InMemory")
        {
            return new InMemoryStorage();
        }

        switch (database.Provider)
        {
            case DatabaseProviders.PostgreSql:
                var pg = new PostgreSqlStorageOptions { SchemaName = scheduling.SchemaName, PrepareSchemaIfNecessary = true, QueuePollInterval = TimeSpan.FromSeconds(1) };
                return new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString, pg), pg);
            case DatabaseProviders.SqlServer:
                return new SqlServerStorage(database.ConnectionString, new SqlServerStorageOptions
                {
                    SchemaName = scheduling.SchemaName,
                    PrepareSchemaIfNecessary = true,
                    QueuePollInterval = TimeSpan.Zero,
                });
            default:
                var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
                var hangfireFile = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".", Path.GetFileNameWithoutExtension(file) + "-hangfire.db");
                return new SQLiteStorage(hangfireFile, new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(1) });
        }
    }
}

/// <summary>Dashboard access: in Development local requests only; elsewhere an authenticated user in the admin role.</summary>
internal sealed class DashboardAccess(bool development, string role) : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (development)
        {
            var remote = http.Connection.RemoteIpAddress;
            return remote is not null && System.Net.IPAddress.IsLoopback(remote);
        }

        return http.User.Identity?.IsAuthenticated == true && http.User.IsInRole(role);
    }
}

/// <summary>
/// Hangfire logs through a process-wide provider. This one forwards to the host's logger factory and goes quiet
/// once that factory is disposed, instead of throwing in whatever host logs next.
/// </summary>
internal sealed class HangfireLogBridge(ILoggerFactory factory) : Hangfire.Logging.ILogProvider
{
    public Hangfire.Logging.ILog GetLogger(string name) => new Bridge(factory, name);

    private sealed class Bridge(ILoggerFactory factory, string name) : Hangfire.Logging.ILog
    {
        private ILogger? _logger;

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                _logger ??= factory.CreateLogger(name);
                var level = logLevel switch
                {
                    Hangfire.Logging.LogLevel.Trace => LogLevel.Trace,
                    Hangfire.Logging.LogLevel.Debug => LogLevel.Debug,
                    Hangfire.Logging.LogLevel.Info => LogLevel.Information,
                    Hangfire.Logging.LogLevel.Warn => LogLevel.Warning,
                    Hangfire.Logging.LogLevel.Error => LogLevel.Error,
                    _ => LogLevel.Critical,
                };
                if (messageFunc is null)
                {
                    return _logger.IsEnabled(level);
                }

#pragma warning disable CA1848, CA2254, CA1873 // Hangfire hands over preformatted messages.
                _logger.Log(level, exception, messageFunc());
#pragma warning restore CA1848, CA2254, CA1873
                return true;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
