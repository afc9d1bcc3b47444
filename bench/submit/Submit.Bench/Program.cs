using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DiligenceBot.Bench;
using DiligenceBot.Testing;
using Microsoft.Data.Sqlite;

// bench/submit: work-log submissions (Action.Execute "worklog.submit") at a fixed open-loop rate, each from a
// different manager of one big team; latency from each request's planned send time; then what the database holds.
var options = BenchTools.Options(args);
var seconds = BenchTools.Int(options, "seconds", 20);
var rate = BenchTools.Int(options, "rate", 200);
var warmupSeconds = BenchTools.Int(options, "warmup-seconds", 3);
var warmupRate = BenchTools.Int(options, "warmup-rate", Math.Max(1, rate / 2));
var repo = options.GetValueOrDefault("repo") ?? throw new ArgumentException("--repo is required");
var botDll = options.GetValueOrDefault("bot-dll") ?? Path.Combine(repo, "src/DiligenceBot/bin/Release/net10.0/DiligenceBot.dll");
var keep = options.ContainsKey("keep");
var botEnvironment = BenchTools.BotEnvironment(options, new Dictionary<string, string>());
if (seconds < 1 || rate < 1 || warmupSeconds < 0)
{
    throw new ArgumentException("--seconds and --rate must be at least 1, --warmup-seconds at least 0");
}

var measuredCount = seconds * rate;
var warmupCount = warmupSeconds * warmupRate;
var workDir = Path.Combine(Path.GetTempPath(), "diligencebot-bench-submit-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(workDir);

var shanghai = BenchTools.ShanghaiNow();
if (shanghai.TimeOfDay > new TimeSpan(23, 40, 0))
{
    Console.WriteLine($"warning: it is {shanghai:HH:mm} in Asia/Shanghai; the team's day (and the 23:59 meeting's digest and escalations) may interfere. Prefer another time.");
}

// Measured managers first (m-00001...), then the warm-up's own (w-00001...): nobody submits twice.
var (managers, lead) = BenchSeed.People(20261201, ("m-", measuredCount), ("w-", warmupCount));
var measured = managers.Take(measuredCount).ToList();
var warmup = managers.Skip(measuredCount).ToList();
var seed = new BenchSeed { Managers = managers, Lead = lead, MeetingTime = "23:59", ReminderOffsets = [] };
var seedFolder = Path.Combine(workDir, "seeds");
seed.WriteTo(seedFolder, Path.Combine(repo, "seeds"));
Console.WriteLine($"seed: one team of {managers.Count} managers ({measuredCount} measured + {warmupCount} warm-up) and a lead, meeting 23:59 Asia/Shanghai, every day a working day, in {seedFolder}");

await using var connector = await LocalConnector.StartAsync();
if (!await BenchTools.WaitForQuietAsync(TimeSpan.FromMinutes(15)))
{
    Console.WriteLine("Inbound.Bench is still running after 15 minutes; giving up.");
    return 3;
}

Console.WriteLine("starting DiligenceBot (Release, SQLite, Hangfire on)...");
var started = Stopwatch.StartNew();
var bot = await BotProcess.StartAsync(botDll, workDir, seedFolder, botEnvironment, TimeSpan.FromSeconds(120));
if (botEnvironment.Count > 0)
{
    Console.WriteLine("bot settings: " + string.Join(", ", botEnvironment.Select(kv => $"{kv.Key}={kv.Value}")));
}

Console.WriteLine($"bot up in {started.Elapsed.TotalSeconds:0.0} s at {bot.BaseAddress} (pid {bot.ProcessId}); log {bot.LogPath}");

var exitCode = 0;
try
{
    var workDate = BenchTools.ShanghaiNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    byte[] Body(BenchManager m)
    {
        var data = new JsonObject
        {
            ["verb"] = "worklog.submit",
            ["workDate"] = workDate,
            ["baseRevision"] = 0,
            ["f.visits"] = "12",
            // The customers picker with nothing picked (the bench's managers have no registered customers) and free text.
            ["f.customers"] = "",
            ["f.customers.unregistered"] = "Huamei Store\nXinhua Kiosk",
            ["f.volume"] = "85",
            ["f.focus"] = "promotion",
            ["f.market"] = "A competitor discounts kiosks near the station.",
            ["f.problems"] = "",
            ["f.plan"] = "Visit the three new shops on Nanjing Road",
            ["f.nextKeyVisit"] = "",
        };
        return Encoding.UTF8.GetBytes(TeamsActivity.Execute(connector.ServiceUrl, m, "worklog.submit", data).ToJsonString());
    }

    // Every request body is made before the clock starts.
    var warmupBodies = warmup.Select(Body).ToArray();
    var measuredBodies = measured.Select(Body).ToArray();

    ThreadPool.GetMinThreads(out var workers, out var io);
    ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));
    using var handler = new SocketsHttpHandler
    {
        MaxConnectionsPerServer = int.MaxValue,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        UseProxy = false,
    };
    using var http = new HttpClient(handler) { BaseAddress = bot.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    if (warmupCount > 0)
    {
        Console.WriteLine($"warm-up: {warmupCount} submissions at {warmupRate}/s (other managers, not counted)...");
        var w = await OpenLoop.RunAsync(http, warmupBodies, warmupRate);
        Console.WriteLine($"warm-up: {w.Count(r => r.Status == 200)} of {w.Length} answered 200");
        await Task.Delay(2000);
    }

    if (!await BenchTools.WaitForQuietAsync(TimeSpan.FromMinutes(15)))
    {
        Console.WriteLine("Inbound.Bench is still running after 15 minutes; giving up.");
        return 3;
    }

    if (bot.HasExited)
    {
        Console.WriteLine($"DiligenceBot exited before the measurement; the end of its log:\n{bot.LogTail(30)}");
        return 2;
    }

    Console.WriteLine($"measuring: {measuredCount} submissions at {rate}/s for {seconds} s, open loop (each at its planned time, whatever the answers do)...");
    var (stopWatching, inboundSeen) = BenchTools.WatchForInbound();
    await BenchTools.WaitForIdleMachineAsync([bot.ProcessId], 0.25, TimeSpan.FromSeconds(90));
    var machineBefore = BenchTools.MachineCpu();
    var ownBefore = BenchTools.OwnCpu([bot.ProcessId]);
    var botCpuBefore = bot.CpuTime();
    var selfCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var wallBefore = Stopwatch.StartNew();
    var results = await OpenLoop.RunAsync(http, measuredBodies, rate);
    var wallSeconds = wallBefore.Elapsed.TotalSeconds;
    var botCpu = bot.CpuTime() - botCpuBefore;
    var selfCpu = Process.GetCurrentProcess().TotalProcessorTime - selfCpuBefore;
    var othersCores = Math.Max(0, (BenchTools.MachineCpu().Busy - machineBefore.Busy - (BenchTools.OwnCpu([bot.ProcessId]) - ownBefore)) / wallSeconds);
    await stopWatching.CancelAsync();
    var overlapped = await inboundSeen;

    // Judge the answers after the clock stopped: 200 and the summary card (the Edit action, no field errors).
    var ok = 0;
    var failures = new Dictionary<string, int>(StringComparer.Ordinal);
    foreach (var r in results)
    {
        var problem = SummaryCheck.Problem(r);
        if (problem is null)
        {
            ok++;
        }
        else
        {
            failures[problem] = failures.GetValueOrDefault(problem) + 1;
        }
    }

    var latencies = results.Where(r => r.Status != 0).Select(r => r.LatencyMs).Order().ToList();
    var lags = results.Select(r => r.FireLagMs).Order().ToList();
    var answeredWithin = results.Count(r => r.Status != 0);

    // What the database holds for the measured managers (the bot still runs; SQLite lets a reader in).
    var (stored, duplicates, revisions) = Count(bot.DatabasePath, measured);

    var p50 = BenchTools.Quantile(latencies, 0.50);
    var p90 = BenchTools.Quantile(latencies, 0.90);
    var p99 = BenchTools.Quantile(latencies, 0.99);
    var max = latencies.Count > 0 ? latencies[^1] : double.NaN;
    Console.WriteLine();
    foreach (var (problem, count) in failures.OrderByDescending(f => f.Value))
    {
        Console.WriteLine($"  not OK: {count} x {problem}");
    }

    Console.WriteLine($"load generator: send lag behind plan p50 {BenchTools.F(BenchTools.Quantile(lags, 0.5), "0.00")} ms, p99 {BenchTools.F(BenchTools.Quantile(lags, 0.99), "0.00")} ms, max {BenchTools.F(lags[^1], "0.00")} ms (included in latency)");
    Console.WriteLine($"CPU while measuring ({wallSeconds:0.0} s, {Environment.ProcessorCount} cores): bot {(botCpu is { } b ? BenchTools.F(b.TotalSeconds / wallSeconds * 100, "0") + "% of one core" : "?")}, load generator {BenchTools.F(selfCpu.TotalSeconds / wallSeconds * 100, "0")}% of one core, other processes {BenchTools.F(othersCores * 100, "0")}% of one core");
    if (othersCores > 0.25)
    {
        Console.WriteLine("WARNING: other processes on this machine used CPU during the measurement; the figures are disturbed.");
    }

    Console.WriteLine($"duration of the send schedule: {BenchTools.F(results.Max(r => r.PlannedMs) / 1000.0, "0.00")} s; answers arrived until {BenchTools.F(results.Max(r => r.PlannedMs + r.LatencyMs) / 1000.0, "0.00")} s");
    if (overlapped)
    {
        Console.WriteLine("WARNING: Inbound.Bench ran during the measurement; these figures are disturbed.");
    }

    // Where the answers fell; Microsoft.Data.Sqlite sleeps 150 ms on SQLITE_BUSY, so steps of ~150 ms point at lock waits.
    double[] edges = [10, 25, 50, 100, 150, 300, 450, 600, 1000];
    var histogram = new List<string>();
    var lower = 0.0;
    foreach (var edge in edges.Append(double.PositiveInfinity))
    {
        var n = latencies.Count(l => l >= lower && l < edge);
        histogram.Add($"{(double.IsPositiveInfinity(edge) ? $">={lower:0}" : $"<{edge:0}")}: {n}");
        lower = edge;
    }

    Console.WriteLine($"latency histogram (ms): {string.Join(", ", histogram)}");
    // Latency by when the request was planned (2 s slices): a queue that builds up or drains shows here.
    var slices = results.Where(r => r.Status != 0).GroupBy(r => (int)(r.PlannedMs / 2000)).OrderBy(g => g.Key)
        .Select(g =>
        {
            var sorted = g.Select(r => r.LatencyMs).Order().ToList();
            return $"{g.Key * 2}s {BenchTools.F(BenchTools.Quantile(sorted, 0.5), "0")}/{BenchTools.F(BenchTools.Quantile(sorted, 0.99), "0")}";
        });
    Console.WriteLine($"latency p50/p99 (ms) by planned send time: {string.Join(", ", slices)}");
    Console.WriteLine($"sent:            {results.Length}");
    Console.WriteLine($"answered:        {answeredWithin} (the rest failed at the HTTP level or timed out after 30 s)");
    Console.WriteLine($"answered OK:     {ok} (HTTP 200, invoke status 200, the log's summary card)");
    Console.WriteLine($"latency (ms):    p50 {BenchTools.F(p50)}, p90 {BenchTools.F(p90)}, p99 {BenchTools.F(p99)}, max {BenchTools.F(max)} (from each planned send time to the whole answer)");
    Console.WriteLine($"stored logs:     {stored} of {results.Length} ({revisions} revisions)");
    Console.WriteLine($"duplicates:      {duplicates}");
    Console.WriteLine($"submit: p50 {BenchTools.F(p50)} ms, p99 {BenchTools.F(p99)} ms, stored {stored} of {results.Length} (target p99 <= 50 ms, every submission stored once)");
    if (ok != results.Length || stored != results.Length || duplicates != 0)
    {
        exitCode = 1;
    }
}
finally
{
    await bot.DisposeAsync();
    SqliteConnection.ClearAllPools();
    if (!keep)
    {
        try
        {
            Directory.Delete(workDir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
    else
    {
        Console.WriteLine($"kept {workDir}");
    }
}

return exitCode;

// Logs per measured manager: stored = managers with a log; duplicates = extra logs or extra revisions beyond one each.
static (int Stored, int Duplicates, int Revisions) Count(string databasePath, List<BenchManager> measured)
{
    var wanted = measured.Select(m => m.PersonId).ToHashSet(StringComparer.Ordinal);
    using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
    connection.Open();
    var logs = new Dictionary<string, int>(StringComparer.Ordinal);
    using (var command = connection.CreateCommand())
    {
        command.CommandText = "SELECT ManagerId, COUNT(*) FROM WorkLogs GROUP BY ManagerId";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            logs[reader.GetString(0)] = reader.GetInt32(1);
        }
    }

    var revisions = new Dictionary<string, int>(StringComparer.Ordinal);
    using (var command = connection.CreateCommand())
    {
        command.CommandText = "SELECT l.ManagerId, COUNT(*) FROM WorkLogRevisions r JOIN WorkLogs l ON l.Id = r.WorkLogId GROUP BY l.ManagerId";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            revisions[reader.GetString(0)] = reader.GetInt32(1);
        }
    }

    var stored = wanted.Count(logs.ContainsKey);
    var duplicates = wanted.Sum(id => Math.Max(0, logs.GetValueOrDefault(id) - 1) + Math.Max(0, revisions.GetValueOrDefault(id) - 1));
    return (stored, duplicates, wanted.Sum(revisions.GetValueOrDefault));
}

/// <summary>Is the answer the summary card of a stored log?</summary>
internal static class SummaryCheck
{
    public static string? Problem(SendResult r)
    {
        if (r.Status == 0)
        {
            return "no answer: " + (r.Error ?? "?");
        }

        if (r.Status != (int)HttpStatusCode.OK)
        {
            return "HTTP " + r.Status.ToString(CultureInfo.InvariantCulture);
        }

        JsonNode? answer;
        try
        {
            answer = JsonNode.Parse(r.Body ?? []);
        }
        catch (System.Text.Json.JsonException)
        {
            return "answer is not JSON";
        }

        if (answer?["statusCode"]?.GetValue<int>() != 200)
        {
            return "invoke statusCode " + (answer?["statusCode"]?.ToJsonString() ?? "missing");
        }

        if (answer["type"]?.GetValue<string>() != "application/vnd.microsoft.card.adaptive" || answer["value"] is not JsonObject card)
        {
            return "answer is not a card: " + Short(answer["value"]?.ToJsonString());
        }

        if (Find(card, n => n["id"] is JsonValue v && v.TryGetValue<string>(out var id) && id == "errors"))
        {
            return "the form came back with errors";
        }

        if (!Find(card, n => n["type"]?.GetValue<string>() == "Action.Execute" && n["verb"]?.GetValue<string>() == "worklog.edit"))
        {
            return "a card without the summary's Edit action";
        }

        return null;
    }

    private static bool Find(JsonNode node, Func<JsonObject, bool> match) => node switch
    {
        JsonObject o => (SafeMatch(o, match)) || o.Any(p => p.Value is not null && Find(p.Value, match)),
        JsonArray a => a.Any(x => x is not null && Find(x, match)),
        _ => false,
    };

    private static bool SafeMatch(JsonObject o, Func<JsonObject, bool> match)
    {
        try
        {
            return match(o);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string Short(string? text) => text is null ? "null" : text.Length > 120 ? text[..120] + "…" : text;
}
