using System.Buffers.Text;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace DiligenceBot.Bench;

/// <summary>
/// bench/scorecards, survey: retail customers answering the survey page at a fixed open-loop rate (default 200 per
/// second), each through its own signed link (the links are made as the app makes them: 16 random bytes and their
/// HMAC-SHA256 under the bot's Survey:SigningKey; the database gets only SHA-256 of the random part), each a real form
/// POST of the five items and a comment. The bot runs as deployed (Release, its own process, SQLite, an app id); the
/// per-address rate limit is raised (every request comes from 127.0.0.1), the per-link one is not. Latency counts from
/// each request's planned send time to the whole answer; every answer must be 200 with the thanks page, and the
/// database must then hold exactly one survey evaluation per link.
/// </summary>
public static class SurveyBench
{
    public static async Task<int> RunAsync(Dictionary<string, string> options)
    {
        var seconds = BenchTools.Int(options, "seconds", 10);
        var rate = BenchTools.Int(options, "rate", 200);
        var warmupSeconds = BenchTools.Int(options, "warmup-seconds", 2);
        if (seconds < 1 || rate < 1 || warmupSeconds < 0)
        {
            throw new ArgumentException("--seconds and --rate must be at least 1, --warmup-seconds at least 0");
        }

        var total = seconds * rate;
        var warmupTotal = warmupSeconds * rate;
        var links = warmupTotal + total;
        var key = RandomNumberGenerator.GetBytes(32);
        options["bot-env"] = string.Join(',', new[]
        {
            options.GetValueOrDefault("bot-env"), "Survey__SigningKey=" + Convert.ToBase64String(key), "Survey__PublicBaseUrl=https://survey.bench.example",
            "Survey__PerClientPerMinute=100000000",
        }.Where(s => !string.IsNullOrEmpty(s)));

        var (managers, lead) = BenchSeed.People(20261208, ("m-", 1));
        var manager = managers[0];
        await using var host = await SignedBot.StartAsync("survey", new BenchSeed { Managers = managers, Lead = lead, MeetingTime = "23:59", ReminderOffsets = [] }, options);
        if (host is null)
        {
            return 3;
        }

        var bot = host.Bot;
        var month = new DateTime(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var paths = new string[links];
        await using (var db = new SqliteConnection($"Data Source={bot.DatabasePath}"))
        {
            await db.OpenAsync();
            await using var tx = await db.BeginTransactionAsync();
            var customer = db.CreateCommand();
            customer.Transaction = (SqliteTransaction)tx;
            customer.CommandText = "INSERT INTO Customers (TenantId, LicenceNumber, Name, Address, District, Tier, ManagerId, VisitsPerMonth, CreatedAt, UpdatedAt) VALUES ($t, $l, $n, 'Nanjing Road 1', 'Huangpu', 'A', $m, 2, 0, 0) RETURNING Id";
            var (t, l, n, m) = (customer.Parameters.Add("$t", SqliteType.Text), customer.Parameters.Add("$l", SqliteType.Text), customer.Parameters.Add("$n", SqliteType.Text), customer.Parameters.Add("$m", SqliteType.Text));
            var link = db.CreateCommand();
            link.Transaction = (SqliteTransaction)tx;
            link.CommandText = "INSERT INTO SurveyLinks (TenantId, IdHash, CustomerId, ManagerId, Month, IssuedById, IssuedAt, ExpiresAt) VALUES ($t, $h, $c, $m, $month, $by, $at, $until)";
            var (lt, h, c, lm, mo, by, at, until) = (link.Parameters.Add("$t", SqliteType.Text), link.Parameters.Add("$h", SqliteType.Blob), link.Parameters.Add("$c", SqliteType.Integer),
                link.Parameters.Add("$m", SqliteType.Text), link.Parameters.Add("$month", SqliteType.Text), link.Parameters.Add("$by", SqliteType.Text),
                link.Parameters.Add("$at", SqliteType.Integer), link.Parameters.Add("$until", SqliteType.Integer));
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < links; i++)
            {
                (t.Value, l.Value, n.Value, m.Value) = (BenchSeed.TenantId, (1101000000 + i).ToString(CultureInfo.InvariantCulture), $"便利店{i}号", manager.PersonId);
                var customerId = (long)(await customer.ExecuteScalarAsync())!;
                var (token, hash) = Issue(key);
                (lt.Value, h.Value, c.Value, lm.Value, mo.Value, by.Value, at.Value, until.Value) =
                    (BenchSeed.TenantId, hash, customerId, manager.PersonId, month, lead.PersonId, Instant(now), Instant(now.AddDays(30)));
                await link.ExecuteNonQueryAsync();
                paths[i] = "survey/" + token;
            }

            await tx.CommitAsync();
        }

        Console.WriteLine($"register: {links} customers of {manager.PersonId}, one signed survey link each ({warmupTotal} for the warm-up)");
        var form = "lang=zh-CN&visits=5&attitude=4&policy=4&problems=3&fairness=5&comment=" + Uri.EscapeDataString("每周二都来，很守时；希望雨天也能按时送货。");
        var body = Encoding.UTF8.GetBytes(form);

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5), UseProxy = false };
        using var http = new HttpClient(handler) { BaseAddress = bot.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        // A forged link, once: 404 before the database is read.
        using (var forged = await http.PostAsync("survey/" + new string('A', 43), new ByteArrayContent(body)))
        {
            Console.WriteLine($"a forged link: HTTP {(int)forged.StatusCode} (404 expected)");
        }

        if (warmupTotal > 0)
        {
            Console.WriteLine($"warm-up: {warmupTotal} answers at {rate}/s (not counted)...");
            var w = await RunAsync(http, paths[..warmupTotal], body, rate);
            Console.WriteLine($"warm-up: {w.Count(r => r.Status == 200)} of {w.Length} answered 200");
        }

        Console.WriteLine($"measuring: {total} answers at {rate}/s for {seconds} s, open loop, each on its own link...");
        await BenchTools.WaitForIdleMachineAsync([bot.ProcessId], 0.25, TimeSpan.FromSeconds(60));
        var machineBefore = BenchTools.MachineCpu();
        var ownBefore = BenchTools.OwnCpu([bot.ProcessId]);
        var wall = Stopwatch.StartNew();
        var results = await RunAsync(http, paths[warmupTotal..], body, rate);
        var wallSeconds = wall.Elapsed.TotalSeconds;
        var othersCores = Math.Max(0, (BenchTools.MachineCpu().Busy - machineBefore.Busy - (BenchTools.OwnCpu([bot.ProcessId]) - ownBefore)) / wallSeconds);
        var lastAnswer = results.Max(r => r.PlannedMs + r.LatencyMs) / 1000.0;

        var failures = results.Where(r => r.Status != 200 || r.Body is null || !Encoding.UTF8.GetString(r.Body).Contains("感谢您的评价", StringComparison.Ordinal))
            .GroupBy(r => r.Status == 0 ? "no answer: " + r.Error : "HTTP " + r.Status.ToString(CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.Count());
        long stored;
        await using (var db = new SqliteConnection($"Data Source={bot.DatabasePath}"))
        {
            await db.OpenAsync();
            var count = db.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM CustomerEvaluations WHERE Source = 'Survey'";
            stored = (long)(await count.ExecuteScalarAsync())!;
        }

        var latencies = results.Where(r => r.Status != 0).Select(r => r.LatencyMs).Order().ToList();
        var (p50, p90, p99) = (BenchTools.Quantile(latencies, 0.5), BenchTools.Quantile(latencies, 0.9), BenchTools.Quantile(latencies, 0.99));
        Console.WriteLine();
        foreach (var (problem, count) in failures.OrderByDescending(f => f.Value))
        {
            Console.WriteLine($"  not OK: {count} x {problem}");
        }

        if (othersCores > 0.25)
        {
            Console.WriteLine($"WARNING: other processes used {BenchTools.F(othersCores * 100, "0")}% of one core during the measurement; the figures are disturbed.");
        }

        var ok = results.Length - failures.Values.Sum();
        var throughput = results.Length / Math.Max(lastAnswer, 1e-9);
        Console.WriteLine($"answered OK:     {ok} of {results.Length} (HTTP 200, the thanks page); evaluations stored: {stored} of {links} links");
        Console.WriteLine($"latency (ms):    p50 {BenchTools.F(p50)}, p90 {BenchTools.F(p90)}, p99 {BenchTools.F(p99)}, max {BenchTools.F(latencies.Count > 0 ? latencies[^1] : double.NaN)}");
        Console.WriteLine($"survey answers: {BenchTools.F(throughput, "0")}/s completed (offered {rate}/s), p50 {BenchTools.F(p50)} ms, p99 {BenchTools.F(p99)} ms, {ok} of {results.Length} OK (target 200/s with p99 <= 50 ms)");
        return ok == results.Length && stored == links ? 0 : 1;
    }

    /// <summary>A link's token as the app makes it (Surveys/SurveyTokens.cs) and the hash the database keeps.</summary>
    private static (string Token, byte[] Hash) Issue(byte[] key)
    {
        var token = new byte[32];
        RandomNumberGenerator.Fill(token.AsSpan(0, 16));
        HMACSHA256.HashData(key, token.AsSpan(0, 16)).AsSpan(0, 16).CopyTo(token.AsSpan(16));
        return (Base64Url.EncodeToString(token), SHA256.HashData(token.AsSpan(0, 16)));
    }

    /// <summary>An instant as the app's SQLite columns hold it (UtcDateTimeOffsetToBinaryConverter).</summary>
    private static long Instant(DateTimeOffset at) => (at.UtcTicks / 1000) << 11;

    /// <summary>Open loop: answer i is sent at start + i/rate whatever happened to earlier ones; latency from the planned time.</summary>
    private static async Task<SendResult[]> RunAsync(HttpClient http, string[] paths, byte[] body, int rate)
    {
        var results = paths.Select(_ => new SendResult()).ToArray();
        var tasks = new Task[paths.Length];
        var clock = Stopwatch.StartNew();
        var ticksPerRequest = (double)Stopwatch.Frequency / rate;
        var start = Stopwatch.Frequency / 50;
        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            for (var i = 0; i < paths.Length; i++)
            {
                var planned = start + (long)(i * ticksPerRequest);
                while (clock.ElapsedTicks < planned)
                {
                    Thread.Sleep((planned - clock.ElapsedTicks) * 1000.0 / Stopwatch.Frequency >= 1.0 ? 1 : 0);
                }

                results[i].PlannedMs = (planned - start) * 1000.0 / Stopwatch.Frequency;
                tasks[i] = SendAsync(http, paths[i], body, clock, planned, results[i]);
            }

            fired.SetResult();
        })
        {
            IsBackground = true,
            Priority = ThreadPriority.AboveNormal,
            Name = "open-loop scheduler",
        };
        thread.Start();
        await fired.Task;
        await Task.WhenAll(tasks);
        return results;
    }

    private static async Task SendAsync(HttpClient http, string path, byte[] body, Stopwatch clock, long planned, SendResult result)
    {
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new("application/x-www-form-urlencoded");
            using var response = await http.PostAsync(path, content);
            result.Body = await response.Content.ReadAsByteArrayAsync();
            result.Status = (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            result.Error = ex.GetType().Name;
        }

        result.LatencyMs = (clock.ElapsedTicks - planned) * 1000.0 / Stopwatch.Frequency;
    }
}
