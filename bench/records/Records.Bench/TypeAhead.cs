using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace DiligenceBot.Bench;

/// <summary>bench/records, type-ahead: Teams' dynamic type-ahead (application/search invokes) over one manager's 500 customers
/// (among 1,000 of the tenant), at a fixed open-loop rate, each request signed like the Bot Connector's (the bot runs
/// with an app id and checks every token against a local OpenID issuer); the queries are what people type: the first
/// characters of a name or licence number, a Chinese name's middle, nothing yet, a second page. Latency counts from each
/// request's planned send time to the whole answer; every answer must be 200 with the searchResponse and the expected
/// number of results.</summary>
public static class TypeAhead
{
    public static async Task<int> RunAsync(Dictionary<string, string> options)
    {
        var seconds = BenchTools.Int(options, "seconds", 20);
        var rate = BenchTools.Int(options, "rate", 50);
        var customers = BenchTools.Int(options, "customers", 500);
        var warmupSeconds = BenchTools.Int(options, "warmup-seconds", 3);
        if (seconds < 1 || rate < 1 || customers < 20 || warmupSeconds < 0)
        {
            throw new ArgumentException("--seconds and --rate must be at least 1, --customers at least 20, --warmup-seconds at least 0");
        }

        var (managers, lead) = BenchSeed.People(20261207, ("m-", 2));
        var (asker, other) = (managers[0], managers[1]);
        await using var host = await SignedBot.StartAsync("typeahead", new BenchSeed { Managers = managers, Lead = lead, MeetingTime = "23:59", ReminderOffsets = [] }, options);
        if (host is null)
        {
            return 3;
        }

        var (bot, connector) = (host.Bot, host.Connector);
        var exitCode = 0;
        // The register: the asker's customers and as many of another manager's, with names alike (so the tenant's other
        // half is always there to be wrongly found).
        string[] brands = ["华美", "新华", "东街", "滨江", "好运", "车站", "Huamei", "Xinhua", "Lucky", "Station"];
        string[] kinds = ["便利店", "烟酒行", "超市", "报刊亭", "Store", "Kiosk"];
        string Name(int i) => $"{brands[i % brands.Length]}{kinds[i / brands.Length % kinds.Length]}{(i / 60 + 1).ToString(CultureInfo.InvariantCulture)}号";
        string Licence(string prefix, int i) => $"{prefix}{(100000 + i).ToString(CultureInfo.InvariantCulture)}";
        await using (var db = new SqliteConnection($"Data Source={bot.DatabasePath}"))
        {
            await db.OpenAsync();
            await using var tx = await db.BeginTransactionAsync();
            var insert = db.CreateCommand();
            insert.Transaction = (SqliteTransaction)tx;
            insert.CommandText = "INSERT INTO Customers (TenantId, LicenceNumber, Name, Address, District, Tier, ManagerId, VisitsPerMonth, CreatedAt, UpdatedAt) VALUES ($t, $l, $n, 'Nanjing Road 1', 'Huangpu', 'A', $m, 2, 0, 0)";
            var (t, l, n, m) = (insert.Parameters.Add("$t", SqliteType.Text), insert.Parameters.Add("$l", SqliteType.Text), insert.Parameters.Add("$n", SqliteType.Text), insert.Parameters.Add("$m", SqliteType.Text));
            foreach (var (manager, prefix) in new[] { (asker, "1101"), (other, "2202") })
            {
                for (var i = 0; i < customers; i++)
                {
                    (t.Value, l.Value, n.Value, m.Value) = (BenchSeed.TenantId, Licence(prefix, i), Name(i), manager.PersonId);
                    await insert.ExecuteNonQueryAsync();
                }
            }

            await tx.CommitAsync();
        }

        Console.WriteLine($"register: {customers} customers of {asker.PersonId} and {customers} of {other.PersonId} in one tenant");

        // What people type, and how many results each must give (at most 15 a page).
        var mine = Enumerable.Range(0, customers).Select(i => (Name: Name(i), Licence: Licence("1101", i))).ToList();
        int Expected(string query, int skip)
        {
            var q = query.ToUpperInvariant();
            var all = mine.Count(c => c.Name.ToUpperInvariant().Contains(q, StringComparison.Ordinal) || c.Licence.Contains(q, StringComparison.Ordinal));
            return Math.Clamp(all - skip, 0, 15);
        }

        var random = new Random(7);
        (string Query, int Skip) NextQuery(int i)
        {
            var c = mine[random.Next(mine.Count)];
            return (i % 8) switch
            {
                0 => ("", 0),
                1 => (c.Name[..1], 0),
                2 => (c.Name[..2], 0),
                3 => (c.Name[..Math.Min(4, c.Name.Length)], 0),
                4 => (c.Licence[..6], 0),
                5 => (c.Licence.ToLowerInvariant(), 0),
                6 => (c.Name[2..Math.Min(5, c.Name.Length)], 0),
                _ => (c.Name[..2], 15),
            };
        }

        var total = seconds * rate;
        var warmupTotal = warmupSeconds * rate;
        var queries = Enumerable.Range(0, warmupTotal + total).Select(NextQuery).ToList();
        var bodies = queries.Select(q => Encoding.UTF8.GetBytes(TeamsActivity.Search(connector.ServiceUrl, asker, q.Query, "customers", q.Skip).ToJsonString())).ToArray();
        var tokens = Enumerable.Range(0, 64).Select(_ => host.Token()).ToList();

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5), UseProxy = false };
        using var http = new HttpClient(handler) { BaseAddress = bot.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        // The token check, once: unsigned is refused.
        using (var unsigned = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = new ByteArrayContent(bodies[0]) })
        {
            unsigned.Content.Headers.ContentType = new("application/json");
            using var refused = await http.SendAsync(unsigned);
            Console.WriteLine($"without a token: HTTP {(int)refused.StatusCode} (401 expected)");
            if (refused.StatusCode != HttpStatusCode.Unauthorized)
            {
                exitCode = 1;
            }
        }

        if (warmupTotal > 0)
        {
            Console.WriteLine($"warm-up: {warmupTotal} searches at {rate}/s (not counted)...");
            var w = await OpenLoop.RunAsync(http, bodies[..warmupTotal], rate, tokens);
            Console.WriteLine($"warm-up: {w.Count(r => r.Status == 200)} of {w.Length} answered 200");
        }

        Console.WriteLine($"measuring: {total} searches at {rate}/s for {seconds} s, open loop, each with a bearer token...");
        await BenchTools.WaitForIdleMachineAsync([bot.ProcessId], 0.25, TimeSpan.FromSeconds(60));
        var machineBefore = BenchTools.MachineCpu();
        var ownBefore = BenchTools.OwnCpu([bot.ProcessId]);
        var wall = Stopwatch.StartNew();
        var results = await OpenLoop.RunAsync(http, bodies[warmupTotal..], rate, tokens);
        var wallSeconds = wall.Elapsed.TotalSeconds;
        var othersCores = Math.Max(0, (BenchTools.MachineCpu().Busy - machineBefore.Busy - (BenchTools.OwnCpu([bot.ProcessId]) - ownBefore)) / wallSeconds);

        var failures = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < results.Length; i++)
        {
            var (query, skip) = queries[warmupTotal + i];
            if (Problem(results[i], Expected(query, skip)) is { } problem)
            {
                failures[problem] = failures.GetValueOrDefault(problem) + 1;
            }
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
        Console.WriteLine($"answered OK:     {ok} of {results.Length} (HTTP 200, the searchResponse, the expected number of the asker's customers)");
        Console.WriteLine($"latency (ms):    p50 {BenchTools.F(p50)}, p90 {BenchTools.F(p90)}, p99 {BenchTools.F(p99)}, max {BenchTools.F(latencies.Count > 0 ? latencies[^1] : double.NaN)}");
        Console.WriteLine($"type-ahead over {customers} customers: p50 {BenchTools.F(p50)} ms, p99 {BenchTools.F(p99)} ms at {rate}/s, {ok} of {results.Length} OK (target p99 <= 50 ms)");
        if (ok != results.Length)
        {
            exitCode = 1;
        }

        return exitCode;
    }
    // Is the answer the searchResponse with the expected number of results, all of them the asker's (licence 1101…)?
    private static string? Problem(SendResult r, int expected)
    {
        if (r.Status != 200)
        {
            return r.Status == 0 ? "no answer: " + r.Error : "HTTP " + r.Status.ToString(CultureInfo.InvariantCulture);
        }

        var answer = JsonNode.Parse(r.Body ?? []);
        if (answer?["type"]?.GetValue<string>() != "application/vnd.microsoft.search.searchResponse" || answer["value"]?["results"] is not JsonArray results)
        {
            return "not a searchResponse";
        }

        if (results.Count != expected)
        {
            return $"{results.Count} results where {expected} were expected";
        }

        return results.Any(x => x?["title"]?.GetValue<string>() is not { } title || !title.Contains("(1101", StringComparison.Ordinal)) ? "a result that is not the asker's" : null;
    }
}
