using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using DiligenceBot.Testing;
using Inbound.Bench;

// bench/inbound — signed "help" activities posted to /api/messages, 64 connections, per target in turn:
//   raw-kestrel   a Kestrel endpoint that only deserialises the activity (the limit)
//   reply-floor   the same endpoint posting one pre-serialised reply to the connector before its 200 (the floor
//                 under any bot that replies before it answers)
//   diligencebot  the bot, a separate process, full JWT validation + the help card sent to the connector
//   botbuilder-js the JavaScript Bot Framework SDK echo bot (a peer), same issuer, reply to the same connector
//   agents-js     the Microsoft 365 Agents SDK for JavaScript echo agent (the other peer), the same way
// Every target runs --rounds times, interleaved (raw, floor, bot, peers; raw, floor, …), each time in a fresh process;
// a target's figure is the median of its one-second windows over all rounds, printed with its spread.
// Usage: Inbound.Bench [--seconds N] [--warmup N] [--rounds N] [--connections N] [--targets raw,floor,bot,peer,agents]
//                      [--server-cpus LIST] [--quiet-wait N] [--bot-env KEY=VALUE]...
//                      --bot-dll PATH --peer-dir PATH --agents-dir PATH
//        Inbound.Bench serve-raw PORT [--reply]   (the raw and reply-floor targets' own process)

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

if (args.Length >= 2 && args[0] == "serve-raw")
{
    return await RawServer.RunAsync(int.Parse(args[1], CultureInfo.InvariantCulture), reply: args.Contains("--reply"));
}

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine("""
        Inbound.Bench — signed "help" activities against raw-kestrel, reply-floor, diligencebot, botbuilder-js and agents-js (see bench/inbound/README.md)
          --seconds N          measured window per target and round (10)
          --warmup N           warm-up per target and round, not measured (15)
          --rounds N           rounds; every target runs once per round, in a fresh process (3)
          --connections N      concurrent keep-alive connections (64)
          --targets LIST       raw,floor,bot,peer,agents (all)
          --server-cpus LIST   run each server under test with taskset -c LIST (run.sh --pin uses 1)
          --quiet-wait N       wait up to N s for an idle machine before each target (30)
          --bot-env KEY=VALUE  extra environment for the bot process only (repeatable)
          --bot-dll PATH       the built DiligenceBot.dll (required; run.sh passes it)
          --peer-dir PATH      bench/inbound/peer with node_modules (required; run.sh passes it)
          --agents-dir PATH    bench/inbound/peer-agents with node_modules (required; run.sh passes it)
        """);
    return 0;
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

return await Bench.RunAsync(options);

internal sealed record BenchOptions
{
    public static readonly string[] AllTargets = ["raw", "floor", "bot", "peer", "agents"];

    public int Seconds { get; init; } = 10;
    public int WarmupSeconds { get; init; } = 15;
    public int Rounds { get; init; } = 3;
    public int Connections { get; init; } = 64;
    public string[] Targets { get; init; } = AllTargets;
    /// <summary>CPUs for the server under test (taskset list); null = not pinned.</summary>
    public string? ServerCpus { get; init; }
    /// <summary>Longest wait, before each target, for the machine to be idle (other builds on a shared machine).</summary>
    public int QuietWaitSeconds { get; init; } = 30;
    /// <summary>Extra environment for the DiligenceBot process only (experiments: runtime knobs).</summary>
    public IReadOnlyDictionary<string, string> BotEnvironment { get; init; } = new Dictionary<string, string>();
    public required string BotDll { get; init; }
    public required string PeerDir { get; init; }
    public required string AgentsDir { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        int seconds = 10, warmup = 15, rounds = 3, connections = 64;
        var targets = AllTargets;
        string? serverCpus = null;
        string? botDll = null, peerDir = null, agentsDir = null;
        var quietWait = 30;
        var botEnv = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Positive() => int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0
                ? v
                : throw new ArgumentException($"{args[i - 1]} needs a positive whole number");
            switch (args[i])
            {
                case "--seconds": seconds = Positive(); break;
                case "--warmup": warmup = Positive(); break;
                case "--rounds": rounds = Positive(); break;
                case "--connections": connections = Positive(); break;
                case "--targets": targets = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
                case "--server-cpus": serverCpus = Value(); break;
                case "--quiet-wait": quietWait = int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var q) ? q : throw new ArgumentException("--quiet-wait needs a whole number of seconds"); break;
                case "--bot-env":
                    var pair = Value().Split('=', 2);
                    botEnv[pair[0]] = pair.Length == 2 && pair[0].Length > 0 ? pair[1] : throw new ArgumentException("--bot-env needs KEY=VALUE");
                    break;
                case "--bot-dll": botDll = Path.GetFullPath(Value()); break;
                case "--peer-dir": peerDir = Path.GetFullPath(Value()); break;
                case "--agents-dir": agentsDir = Path.GetFullPath(Value()); break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }

        if (targets.Except(AllTargets).FirstOrDefault() is { } unknown)
        {
            throw new ArgumentException($"Unknown target '{unknown}' ({string.Join(", ", AllTargets)}).");
        }

        return new BenchOptions
        {
            Seconds = seconds,
            WarmupSeconds = warmup,
            Rounds = rounds,
            Connections = connections,
            Targets = targets,
            ServerCpus = serverCpus,
            QuietWaitSeconds = quietWait,
            BotEnvironment = botEnv,
            BotDll = botDll ?? throw new ArgumentException("--bot-dll is required (the built DiligenceBot.dll)."),
            PeerDir = peerDir ?? throw new ArgumentException("--peer-dir is required (bench/inbound/peer)."),
            AgentsDir = agentsDir ?? throw new ArgumentException("--agents-dir is required (bench/inbound/peer-agents)."),
        };
    }
}

internal sealed record TargetFigures(string Key, string Name, int Round, LoadResult Load, double ServerCpu, double BenchCpu, double? MachineCpu, long Replies)
{
    public double P50 => Percentile(0.50);
    public double P99 => Percentile(0.99);

    private double Percentile(double q)
    {
        var sorted = Load.Latencies;
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1);
        return sorted[rank] * 1000.0 / Stopwatch.Frequency;
    }

    public string Line =>
        $"{Name} (round {Round}): {Load.PerSecond:0} activities/s, p50 {P50:0.00} ms, p99 {P99:0.00} ms, errors {Load.Errors}";
}

/// <summary>One target over all its rounds: the median one-second window, its spread, latencies of all rounds together.</summary>
internal sealed record TargetSummary(string Key, string Name, double PerSecond, double WindowP25, double WindowP75,
    double[] RoundRates, double P50, double P99, long Errors)
{
    public static TargetSummary? Of(TargetFigures[] rounds)
    {
        if (rounds.Length == 0)
        {
            return null;
        }

        var windows = rounds.SelectMany(r => r.Load.PerSecondWindows).Select(c => (double)c).Order().ToArray();
        var latencies = rounds.SelectMany(r => r.Load.Latencies).Order().ToArray();
        double Latency(double q) => latencies.Length == 0
            ? double.NaN
            : latencies[Math.Clamp((int)Math.Ceiling(q * latencies.Length) - 1, 0, latencies.Length - 1)] * 1000.0 / Stopwatch.Frequency;
        return new TargetSummary(rounds[0].Key, rounds[0].Name, Quantile(windows, 0.5), Quantile(windows, 0.25), Quantile(windows, 0.75),
            [.. rounds.Select(r => r.Load.PerSecond)], Latency(0.50), Latency(0.99), rounds.Sum(r => r.Load.Errors));
    }

    private static double Quantile(double[] sorted, double q)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }

    /// <summary>Half the width of the middle half of the windows, as a share of the median.</summary>
    public double Spread => PerSecond > 0 ? (WindowP75 - WindowP25) / 2 / PerSecond : double.NaN;

    public string Line =>
        $"{Name}: {PerSecond:0} activities/s (windows {WindowP25:0}–{WindowP75:0}, ±{Spread * 100:0.0}%; rounds {string.Join(" ", RoundRates.Select(r => r.ToString("0", CultureInfo.InvariantCulture)))}), " +
        $"p50 {P50:0.00} ms, p99 {P99:0.00} ms, errors {Errors}";
}

internal static class Bench
{
    private static TargetProcess? s_current;

    private const string AppId = "6d1f0c8e-3b2a-4f4e-9c11-7a5b2e0d9f31";
    private const string AppPassword = "inbound-bench-secret";

    public static async Task<int> RunAsync(BenchOptions o)
    {
        var work = Path.Combine(Path.GetTempPath(), $"inbound-bench-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(work);
        // Ctrl-C: do not leave the server under test running.
        Console.CancelKeyPress += (_, _) => s_current?.Kill();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => s_current?.Kill();
        Console.WriteLine($"inbound bench: {o.Connections} connections, warm-up {o.WarmupSeconds} s, measured {o.Seconds} s per target; " +
                          $"{Environment.ProcessorCount} CPUs visible to the bench process; logs in {work}");
        Console.WriteLine(o.ServerCpus is null
            ? $"  not pinned: each server under test, and this process (load generator, issuer, connector), may use all {Environment.ProcessorCount} CPUs"
            : $"  each server under test pinned to CPU {o.ServerCpus}; this process (load generator, issuer, connector) sees {Environment.ProcessorCount} CPU(s)");
        if (await MachineCpu.SampleBusyCoresAsync(TimeSpan.FromSeconds(1)) is { } idleBusy)
        {
            Console.WriteLine($"  machine busy before the run: {idleBusy:0.00} cores{(idleBusy > 0.15 ? " — something else is running; figures will be lower and noisier" : string.Empty)}");
        }

        await using var issuer = await LocalOpenIdIssuer.StartAsync();
        await using var connector = await LocalConnector.StartAsync();
        await using var https = await HttpsFront.StartAsync(issuer.BaseUrl, work);
        await using var tally = new ConnectorTally(connector);
        Console.WriteLine($"  issuer {issuer.BaseUrl} (https front {https.BaseUrl}), connector {connector.ServiceUrl}");

        var total = TimeSpan.FromSeconds((o.WarmupSeconds + o.Seconds + 60) * o.Targets.Length * o.Rounds + 600);
        var tokens = SignedRequests.MintTokens(issuer, AppId, connector.ServiceUrl, 256, total < TimeSpan.FromHours(1) ? TimeSpan.FromHours(1) : total);
        string forged;
        using (var stranger = System.Security.Cryptography.RSA.Create(2048))
        {
            // Right kid, issuer, audience and serviceurl; signed with a key the issuer never published.
            forged = issuer.CreateToken(new TokenSpec { Audience = AppId, ServiceUrl = connector.ServiceUrl, Key = stranger });
        }

        var results = new List<TargetFigures>();
        var failed = false;
        for (var round = 1; round <= o.Rounds; round++)
        {
            foreach (var key in o.Targets)
            {
                try
                {
                    results.Add(await RunTargetAsync(key, round, o, issuer, connector, https, tally, tokens, forged, work));
                }
                catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or IOException or HttpRequestException or OperationCanceledException or System.ComponentModel.Win32Exception)
                {
                    failed = true;
                    Console.WriteLine($"  {key} (round {round}): FAILED — {ex.Message}");
                }
            }
        }

        TryDelete(work, keepLogs: failed || results.Any(r => r.Load.TotalErrors > 0));
        Console.WriteLine();
        Console.WriteLine("--- results ---");
        Console.WriteLine($"(each target: {o.Rounds} round(s) of {o.Seconds} s, a fresh process each; activities/s = the median one-second window " +
                          "of all rounds; spread = the middle half of those windows (25th–75th percentile) and each round's own rate)");
        var disturbed = results.Where(r => r.MachineCpu is { } m && m - r.ServerCpu - r.BenchCpu > 0.2).ToArray();
        if (disturbed.Length > 0)
        {
            Console.WriteLine("(other processes used CPU during " + string.Join(", ", disturbed.Select(r =>
                $"{r.Name} round {r.Round} ({(r.MachineCpu!.Value - r.ServerCpu - r.BenchCpu) * 100:0}% of a core)")) + ": those figures are low and noisy)");
        }

        var summaries = o.Targets.Select(k => TargetSummary.Of(results.Where(r => r.Key == k).ToArray())).OfType<TargetSummary>().ToArray();
        foreach (var summary in summaries)
        {
            Console.WriteLine(summary.Line);
        }

        var raw = summaries.FirstOrDefault(r => r.Key == "raw");
        var floor = summaries.FirstOrDefault(r => r.Key == "floor");
        var bot = summaries.FirstOrDefault(r => r.Key == "bot");
        var peers = summaries.Where(r => r.Key is "peer" or "agents").ToArray();
        if (floor is not null && raw is not null)
        {
            Console.WriteLine($"reply-floor/raw = {floor.PerSecond / raw.PerSecond * 100:0.0}% (the most a bot that replies before answering reaches here)");
        }

        if (bot is not null)
        {
            string Verdict(bool met) => met ? "met" : "NOT met";
            var verdicts = new List<string>();
            foreach (var peer in peers)
            {
                var ratio = bot.PerSecond / peer.PerSecond;
                Console.WriteLine($"bot/{peer.Name} = {ratio:0.00}×");
                verdicts.Add($"≥ 3× {peer.Name} {Verdict(ratio >= 3)}");
            }

            if (raw is not null)
            {
                var share = bot.PerSecond / raw.PerSecond;
                Console.WriteLine($"bot/raw = {share * 100:0.0}%");
                verdicts.Add($"≥ 50% of raw {Verdict(share >= 0.5)}");
            }

            if (floor is not null)
            {
                var share = bot.PerSecond / floor.PerSecond;
                Console.WriteLine($"bot/reply-floor = {share * 100:0.0}% (by round: {string.Join(", ", bot.RoundRates.Zip(floor.RoundRates, (b, f) => $"{b / f * 100:0}%"))})");
                verdicts.Add($"≥ 90% of the reply floor {Verdict(share >= 0.9)}");
            }

            verdicts.Add($"p99 ≤ 15 ms {Verdict(bot.P99 <= 15)}");
            Console.WriteLine($"bot p99 = {bot.P99:0.00} ms ({string.Join(", ", verdicts)}; bot errors {bot.Errors})");
        }

        return failed ? 1 : 0;
    }

    private static async Task<TargetFigures> RunTargetAsync(
        string key, int round, BenchOptions o, LocalOpenIdIssuer issuer, LocalConnector connector, HttpsFront https,
        ConnectorTally tally, IReadOnlyList<string> tokens, string forged, string work)
    {
        await WaitForQuietAsync(o.QuietWaitSeconds);
        var port = TargetProcess.FreePort();
        var (name, process) = key switch
        {
            "raw" => ("raw-kestrel", StartRaw(port, o, work, replyToken: null)),
            "floor" => ("reply-floor", StartRaw(port, o, work, replyToken: tokens[0])),
            "bot" => ("diligencebot", StartBot(port, o, issuer, connector, work)),
            "agents" => ("agents-js", StartPeer("agents-js", o.AgentsDir, "echo-agent.js", "@microsoft/agents-hosting", port, o, https, work)),
            _ => ("botbuilder-js", StartPeer("botbuilder-js", o.PeerDir, "echo-bot.js", "botbuilder", port, o, https, work)),
        };

        s_current = process;
        await using (process)
        {
            Console.WriteLine();
            Console.WriteLine($"== {name}, round {round} of {o.Rounds} (pid {process.Id}{(o.ServerCpus is null ? string.Empty : $", CPU {o.ServerCpus}")}) ==");
            await process.WaitReadyAsync(TimeSpan.FromSeconds(120));

            var requests = SignedRequests.Build(port, connector.ServiceUrl, tokens, 1024);
            await ProbeAsync(process, requests[0], key is "raw" or "floor" ? "probe" : "probe (first request: signing keys and the outbound token are fetched now)");
            // The same activity with a token whose signature does not verify: a validating target must refuse it.
            await ProbeAsync(process, SignedRequests.Build(port, connector.ServiceUrl, [forged], 1)[0], "forged-signature probe");
            tally.Reset();

            var generator = new LoadGenerator(new IPEndPoint(IPAddress.Loopback, port), requests, o.Connections);
            var self = Process.GetCurrentProcess();
            TimeSpan serverCpuStart = default, selfCpuStart = default, serverCpuEnd = default, selfCpuEnd = default;
            MachineCpu? machineStart = null, machineEnd = null;
            Task? sampler = null;
            var result = await generator.RunAsync(TimeSpan.FromSeconds(o.WarmupSeconds), TimeSpan.FromSeconds(o.Seconds), (start, end) =>
            {
                sampler = Task.Run(async () =>
                {
                    await Task.Delay(Remaining(start));
                    machineStart = MachineCpu.Read();
                    serverCpuStart = process.CpuTime;
                    self.Refresh();
                    selfCpuStart = self.TotalProcessorTime;
                    await Task.Delay(Remaining(end));
                    machineEnd = MachineCpu.Read();
                    serverCpuEnd = process.CpuTime;
                    self.Refresh();
                    selfCpuEnd = self.TotalProcessorTime;
                });
            });
            await sampler!;
            Array.Sort(result.Latencies);

            // Replies still on their way when the load stopped.
            await Task.Delay(1000);
            tally.Drain();

            var seconds = result.MeasuredSeconds;
            var serverCpu = (serverCpuEnd - serverCpuStart).TotalSeconds / seconds;
            var benchCpu = (selfCpuEnd - selfCpuStart).TotalSeconds / seconds;
            var machineCpu = MachineCpu.BusyCores(machineStart, machineEnd, seconds);
            var figures = new TargetFigures(key, name, round, result, serverCpu, benchCpu, machineCpu, tally.Replies);

            var statuses = string.Join(", ", result.StatusCounts.OrderBy(s => s.Key).Select(s => $"{(s.Key == 0 ? "failed" : s.Key.ToString(CultureInfo.InvariantCulture))}×{s.Value}"));
            Console.WriteLine($"  measured {seconds:0.0} s: {result.Latencies.Length} answered 2xx, {result.Errors} errors (statuses: {statuses})");
            Console.WriteLine($"  whole run incl. warm-up: {result.TotalOk} answered 2xx, {result.TotalErrors} not");
            if (key != "raw")
            {
                Console.WriteLine($"  connector received {tally.Replies} replies{(tally.Exact ? string.Empty : " (approximate)")}" +
                                  $" for {result.TotalOk} answered activities, {tally.AverageReplyBytes:0} bytes each on average" +
                                  (tally.WithoutToken > 0 ? $", {tally.WithoutToken} WITHOUT a token" : string.Empty) +
                                  (tally.Other > 0 ? $", {tally.Other} other requests" : string.Empty));
            }

            Console.WriteLine($"  CPU in the measured window: server {serverCpu * 100:0}% of one core, bench process (load generator + issuer + connector) {benchCpu * 100:0}%" +
                              (machineCpu is { } m ? $", whole machine {m * 100:0}% (anything else: {Math.Max(0, m - serverCpu - benchCpu) * 100:0}%)" : string.Empty));
            foreach (var failure in result.Failures)
            {
                Console.WriteLine($"  failure: {failure}");
            }

            if (result.TotalErrors > 0)
            {
                Console.WriteLine($"  server log tail ({process.LogPath}):\n{process.Tail(15)}");
            }

            Console.WriteLine("  " + figures.Line);
            return figures;
        }
    }

    /// <summary>Waits (up to <paramref name="seconds"/>) until the machine is nearly idle; says so if it is not.</summary>
    private static async Task WaitForQuietAsync(int seconds)
    {
        // Quiet = three consecutive one-second samples under 0.2 busy cores (builds and test runs come in bursts).
        var until = DateTime.UtcNow.AddSeconds(seconds);
        double? busy;
        var quiet = 0;
        do
        {
            busy = await MachineCpu.SampleBusyCoresAsync(TimeSpan.FromSeconds(1));
            if (busy is null)
            {
                return;
            }

            quiet = busy < 0.2 ? quiet + 1 : 0;
            if (quiet >= 3)
            {
                return;
            }
        }
        while (DateTime.UtcNow < until);

        Console.WriteLine($"  (the machine stayed busy: {busy:0.00} cores used by other processes after waiting {seconds} s; going on)");
    }

    private static TimeSpan Remaining(long timestamp)
    {
        var ticks = timestamp - Stopwatch.GetTimestamp();
        return ticks <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds((double)ticks / Stopwatch.Frequency);
    }

    /// <summary>One request before the load, to show at once what the target answers.</summary>
    private static async Task ProbeAsync(TargetProcess process, byte[] rawRequest, string label)
    {
        var text = Encoding.UTF8.GetString(rawRequest);
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = text[..split].Split("\r\n").Skip(1).Select(h => h.Split(": ", 2)).ToDictionary(h => h[0], h => h[1], StringComparer.OrdinalIgnoreCase);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"http://127.0.0.1:{process.Port}/api/messages"))
        {
            Content = new StringContent(text[(split + 4)..], Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", headers["Authorization"]);
        var watch = Stopwatch.StartNew();
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var forged = label.StartsWith("forged", StringComparison.Ordinal);
        var note = forged ? "(expected: refused, except by raw-kestrel and reply-floor, which check nothing)" : string.Empty;
        var detail = !response.IsSuccessStatusCode && body.Length > 0 ? $" — {(body.Length > 160 ? body[..160] + "…" : body)}" : string.Empty;
        Console.WriteLine($"  {label}: {(int)response.StatusCode} in {watch.Elapsed.TotalMilliseconds:0} ms {note}{detail}".TrimEnd());
        if (!forged && !response.IsSuccessStatusCode)
        {
            Console.WriteLine(process.Tail(15));
        }
    }

    private static TargetProcess StartRaw(int port, BenchOptions o, string work, string? replyToken)
    {
        var self = typeof(Bench).Assembly.Location;
        var env = new Dictionary<string, string>
        {
            // The bot is a Microsoft.NET.Sdk.Web app, which turns Server GC on; give the limit the same GC.
            ["DOTNET_gcServer"] = "1",
        };
        List<string> arguments = [self, "serve-raw", port.ToString(CultureInfo.InvariantCulture)];
        if (replyToken is not null)
        {
            // Through the environment, not the command line (where ps would show it).
            env["REPLY_TOKEN"] = replyToken;
            arguments.Add("--reply");
        }

        return TargetProcess.Start(replyToken is null ? "raw-kestrel" : "reply-floor", port, "dotnet", arguments,
            env, AppContext.BaseDirectory, o.ServerCpus, work);
    }

    private static TargetProcess StartBot(int port, BenchOptions o, LocalOpenIdIssuer issuer, LocalConnector connector, string work)
    {
        if (!File.Exists(o.BotDll))
        {
            throw new InvalidOperationException($"{o.BotDll} does not exist; build src/DiligenceBot in Release first.");
        }

        var env = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Bot__AppId"] = AppId,
            ["Bot__AppPassword"] = AppPassword,
            ["Bot__OpenIdMetadataUrl"] = issuer.MetadataUrl,
            ["Bot__LoginAuthority"] = issuer.LoginAuthority,
            ["Bot__TrustedServiceUrls__0"] = connector.ServiceUrl,
            ["Database__ConnectionString"] = $"Data Source={Path.Combine(work, "diligencebot.db")}",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (name, value) in o.BotEnvironment)
        {
            env[name] = value;
        }

        return TargetProcess.Start("diligencebot", port, "dotnet", [o.BotDll], env, Path.GetDirectoryName(o.BotDll)!, o.ServerCpus, work);
    }

    /// <summary>A JavaScript peer: Node running its script with the same environment interface for both SDKs.</summary>
    private static TargetProcess StartPeer(string name, string dir, string scriptName, string package, int port, BenchOptions o, HttpsFront https, string work)
    {
        var script = Path.Combine(dir, scriptName);
        if (!Directory.Exists(Path.Combine(dir, "node_modules", package)))
        {
            throw new InvalidOperationException($"{dir}/node_modules is missing; run `npm ci` there (run.sh does).");
        }

        var env = new Dictionary<string, string>
        {
            ["PORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = AppPassword,
            ["ISSUER_HTTPS_BASE"] = https.BaseUrl,
            ["TOKEN_ISSUER"] = LocalOpenIdIssuer.Issuer,
            ["NODE_EXTRA_CA_CERTS"] = https.CertificatePemPath,
            ["NODE_ENV"] = "production",
        };
        return TargetProcess.Start(name, port, "node", [script], env, dir, o.ServerCpus, work);
    }

    private static void TryDelete(string work, bool keepLogs)
    {
        if (keepLogs)
        {
            Console.WriteLine($"(logs kept in {work})");
            return;
        }

        try
        {
            Directory.Delete(work, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
        catch (UnauthorizedAccessException)
        {
            // best effort
        }
    }
}
