using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json.Nodes;
using DiligenceBot.BotFramework.Hosting;
using DiligenceBot.Operations;
using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.Tests.WorkLogs;
using DiligenceBot.Testing;
using DiligenceBot.WorkLogs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace DiligenceBot.Tests.Operations;

/// <summary>Health endpoints, the product's meters for real traffic, and OpenTelemetry only when an endpoint is set.</summary>
public sealed class OperationsTests
{
    [Fact]
    public async Task Healthz_AndReadyz_Answer_WithEachReadinessCheckNamed()
    {
        await using var bot = new BotApp(settings: new Dictionary<string, string?> { ["Scheduling:Enabled"] = "true", ["Scheduling:Storage"] = "InMemory" }).Start();

        using var alive = await bot.Http.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var ready = await bot.Http.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal("Healthy", (await alive.Content.ReadAsStringAsync()).Trim());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var body = await ready.Content.ReadAsStringAsync();
        Assert.StartsWith("Healthy\n", body, StringComparison.Ordinal);
        Assert.Contains("database: Healthy", body, StringComparison.Ordinal);
        Assert.Contains("migrations: Healthy (all migrations applied)", body, StringComparison.Ordinal);
        Assert.Contains("scheduling-storage: Healthy (reachable)", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_Is503_WhileMigrationsArePending()
    {
        // Nothing migrated: the database file exists (SQLite creates it on connect) but has no tables.
        await using var bot = new BotApp(settings: new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "false" }).Start();

        using var alive = await bot.Http.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var ready = await bot.Http.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("migrations: Unhealthy", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheProductsMeters_CountARealActivity_ARejectedOne_AndARealSend()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 0, 10, 0, TimeSpan.Zero));
        await using var connector = await LocalConnector.StartAsync();
        await using var bot = new BotApp(time: time).Start();
        var measurements = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, string?> Tags)>();
        var factory = bot.Services.GetRequiredService<IMeterFactory>();
        using var listener = new MeterListener
        {
            // Only this host's meters: other tests run their own hosts in the same process.
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == factory && instrument.Meter.Name is DiligenceMetrics.MeterName or ActivityMetrics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Enqueue((i.Name, v, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Enqueue((i.Name, v, Tags(tags))));
        listener.Start();
        var teams = new WorkLogDriver(bot, connector);
        await teams.InstallAsync(TeamsUser.WangLei);
        await teams.InstallAsync(TeamsUser.LiNa);

        // Monday 08:10 in Beijing: the open log covers Friday, the previous working day.
        var (card, _) = await teams.ExecuteAsync(TeamsUser.WangLei, "worklog.submit", WorkLogDriver.SubmitData("2026-11-27", 0, WorkLogDriver.ValidInputs()));
        var noServiceUrl = Activities.Message(connector.ServiceUrl, TeamsUser.WangLei, "help");
        noServiceUrl.Remove("serviceUrl");
        using var rejected = await bot.PostActivityAsync(noServiceUrl);
        await teams.Chats.NotifiedAsync(TeamsUser.LiNa, WorkLogBook.ReviewRequested);
        // Recorded just after the dispatcher saved the outcome.
        var until = DateTime.UtcNow + Outbox.Patience;
        while (!measurements.Any(m => m.Instrument == "diligencebot.sends") && DateTime.UtcNow < until)
        {
            await Task.Delay(25);
        }

        Assert.NotNull(card);
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        var activities = measurements.Where(m => m.Instrument == "diligencebot.activities").Select(m => (m.Tags["activity.type"], m.Tags["outcome"])).ToList();
        Assert.Equal(2, activities.Count(a => a == ("installationUpdate", "handled")));
        Assert.Single(activities, ("invoke", "handled"));
        Assert.Single(activities, ("message", "bad_request"));
        var send = Assert.Single(measurements, m => m.Instrument == "diligencebot.sends");
        Assert.Equal((1.0, WorkLogBook.ReviewRequested, "sent"), (send.Value, send.Tags["kind"], send.Tags["outcome"]));
        var lag = Assert.Single(measurements, m => m.Instrument == "diligencebot.outbox.lag");
        Assert.InRange(lag.Value, 0, 0.001); // the fake clock stood still: due and taken up at the same instant
    }

    [Fact]
    public async Task OpenTelemetry_IsRegistered_OnlyWhenAnOtlpEndpointIsConfigured()
    {
        await using var plain = new BotApp();
        await using var exporting = new BotApp(settings: new Dictionary<string, string?> { ["Telemetry:OtlpEndpoint"] = "http://127.0.0.1:4317" });

        Assert.Null(plain.Services.GetService<TracerProvider>());
        Assert.Null(plain.Services.GetService<MeterProvider>());
        Assert.NotNull(exporting.Services.GetService<TracerProvider>());
        Assert.NotNull(exporting.Services.GetService<MeterProvider>());
    }

    private static Dictionary<string, string?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in tags)
        {
            result[key] = value?.ToString();
        }

        return result;
    }
}
