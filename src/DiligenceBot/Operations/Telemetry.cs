using DiligenceBot.BotFramework.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace DiligenceBot.Operations;

/// <summary>Where traces and metrics go (section <c>Telemetry</c>). Without an endpoint nothing is collected or exported.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>The OTLP collector, e.g. <c>http://127.0.0.1:4317</c> (gRPC) or <c>http://127.0.0.1:4318</c> (http/protobuf). Empty: off.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>grpc</c> or <c>http/protobuf</c>.</summary>
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>The <c>service.name</c> resource attribute.</summary>
    public string ServiceName { get; set; } = "DiligenceBot";
}

internal sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.OtlpEndpoint)
            && (!Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            return ValidateOptionsResult.Fail($"Telemetry:OtlpEndpoint must be an absolute http(s) URL; it is '{options.OtlpEndpoint}'.");
        }

        if (options.OtlpProtocol is not ("grpc" or "http/protobuf"))
        {
            return ValidateOptionsResult.Fail($"Telemetry:OtlpProtocol must be grpc or http/protobuf; it is '{options.OtlpProtocol}'.");
        }

        return string.IsNullOrWhiteSpace(options.ServiceName)
            ? ValidateOptionsResult.Fail("Telemetry:ServiceName is required.")
            : ValidateOptionsResult.Success;
    }
}

internal static class Telemetry
{
    /// <summary>
    /// Traces (ASP.NET Core, HttpClient, EF Core, Npgsql) and metrics (the same plus the product's meters) exported over
    /// OTLP, only when <c>Telemetry:OtlpEndpoint</c> is set. Otherwise the OpenTelemetry SDK is not even registered: no
    /// listener, no cost, nothing leaves the process (the product's meters can still be read with dotnet-counters).
    /// </summary>
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>();
        var options = builder.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (string.IsNullOrWhiteSpace(options.OtlpEndpoint) || !Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var endpoint))
        {
            return builder;
        }

        var http = options.OtlpProtocol == "http/protobuf";
        void Exporter(OtlpExporterOptions o, string signal)
        {
            o.Protocol = http ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
            // Over HTTP each signal has its own path; gRPC takes the collector's address as it is.
            o.Endpoint = http ? new Uri(endpoint, signal) : endpoint;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(options.ServiceName))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddSource("Npgsql")
                .AddOtlpExporter(o => Exporter(o, "v1/traces")))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter("Microsoft.EntityFrameworkCore", "Npgsql", DiligenceMetrics.MeterName, ActivityMetrics.MeterName)
                .AddOtlpExporter(o => Exporter(o, "v1/metrics")));
        return builder;
    }
}
