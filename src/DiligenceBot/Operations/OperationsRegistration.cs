using System.Text;
using DiligenceBot.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DiligenceBot.Operations;

public static class OperationsRegistration
{
    private const string Ready = "ready";

    /// <summary>
    /// Health checks (<c>/healthz</c>: the process answers; <c>/readyz</c>: database reachable, no pending migrations,
    /// Hangfire's storage reachable), the product's meters, and OpenTelemetry when an OTLP endpoint is configured.
    /// </summary>
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DiligenceMetrics>();
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<DiligenceDbContext>("database", tags: [Ready])
            .AddCheck<MigrationsAppliedCheck>("migrations", tags: [Ready])
            .AddCheck<SchedulingStorageCheck>("scheduling-storage", tags: [Ready]);
        builder.AddTelemetry();
        return builder;
    }

    public static WebApplication MapOperations(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync });
        return app;
    }

    /// <summary>Plain text: the overall status, then one line per check with its status and description (never an exception's text).</summary>
    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        var text = new StringBuilder(report.Status.ToString()).Append('\n');
        foreach (var (name, entry) in report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append(": ").Append(entry.Status);
            if (entry.Description is { Length: > 0 } description)
            {
                text.Append(" (").Append(description).Append(')');
            }
            else if (entry.Exception is not null)
            {
                text.Append(" (").Append(entry.Exception.GetType().Name).Append(')');
            }

            text.Append('\n');
        }

        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync(text.ToString(), http.RequestAborted);
    }
}
