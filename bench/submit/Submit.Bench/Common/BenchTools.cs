using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace DiligenceBot.Bench;

/// <summary>Activities shaped like Teams' (personal chat, msteams channel, tenant in conversation and channelData).</summary>
public static class TeamsActivity
{
    public const string BotId = "28:5b0e7c1a-2f44-4d6e-9a31-bench0000001";

    public static JsonObject InstallationAdd(string serviceUrl, BenchManager user) =>
        Envelope("installationUpdate", serviceUrl, user, new JsonObject { ["action"] = "add" });

    /// <summary>A chat message in the personal conversation (attachments may be added to it).</summary>
    public static JsonObject Message(string serviceUrl, BenchManager user, string text) =>
        Envelope("message", serviceUrl, user, new JsonObject { ["text"] = text });

    public static JsonObject Execute(string serviceUrl, BenchManager user, string verb, JsonObject data) =>
        Envelope("invoke", serviceUrl, user, new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["replyToId"] = "card-" + user.PersonId,
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
                ["trigger"] = "manual",
            },
        });

    /// <summary>Teams' dynamic type-ahead: what a user typed so far in a picker naming <paramref name="dataset"/>.</summary>
    public static JsonObject Search(string serviceUrl, BenchManager user, string queryText, string dataset, int skip = 0, int top = 15) =>
        Envelope("invoke", serviceUrl, user, new JsonObject
        {
            ["name"] = "application/search",
            ["value"] = new JsonObject
            {
                ["queryText"] = queryText,
                ["queryOptions"] = new JsonObject { ["skip"] = skip, ["top"] = top },
                ["dataset"] = dataset,
            },
        });

    private static JsonObject Envelope(string type, string serviceUrl, BenchManager user, JsonObject extra)
    {
        var now = DateTimeOffset.UtcNow;
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = "f:" + Guid.NewGuid().ToString("N"),
            ["timestamp"] = now.ToString("O", CultureInfo.InvariantCulture),
            ["localTimestamp"] = now.ToOffset(TimeSpan.FromHours(8)).ToString("O", CultureInfo.InvariantCulture),
            ["localTimezone"] = "Asia/Shanghai",
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = user.TeamsUserId, ["name"] = user.DisplayName, ["aadObjectId"] = user.AadObjectId },
            ["conversation"] = new JsonObject
            {
                ["conversationType"] = "personal",
                ["tenantId"] = BenchSeed.TenantId,
                ["id"] = user.ConversationId,
            },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "DiligenceBot" },
            ["entities"] = new JsonArray(new JsonObject
            {
                ["type"] = "clientInfo",
                ["locale"] = "en-US",
                ["country"] = "CN",
                ["platform"] = "Web",
                ["timezone"] = "Asia/Shanghai",
            }),
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = BenchSeed.TenantId } },
            ["locale"] = "en-US",
        };
        foreach (var (key, value) in extra.ToList())
        {
            extra.Remove(key);
            activity[key] = value;
        }

        return activity;
    }
}

public static class BenchTools
{
    public static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateTime ShanghaiNow() => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Shanghai).DateTime;

    /// <summary>The value at quantile <paramref name="q"/> (nearest rank) of sorted values; NaN when empty.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(q * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    /// <summary>True when another benchmark (bench/inbound) is running on this machine.</summary>
    public static bool InboundBenchRunning()
    {
        try
        {
            using var pgrep = Process.Start(new ProcessStartInfo("pgrep") { ArgumentList = { "-f", "Inbound.Bench" }, RedirectStandardOutput = true, UseShellExecute = false });
            if (pgrep is null)
            {
                return false;
            }

            pgrep.StandardOutput.ReadToEnd();
            pgrep.WaitForExit();
            return pgrep.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>Waits (at most <paramref name="limit"/>) until bench/inbound is not running; false if it still is.</summary>
    public static async Task<bool> WaitForQuietAsync(TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        var told = false;
        while (InboundBenchRunning())
        {
            if (!told)
            {
                Console.WriteLine("waiting: another benchmark (Inbound.Bench) is running on this machine...");
                told = true;
            }

            if (DateTime.UtcNow > until)
            {
                return false;
            }

            await Task.Delay(2000);
        }

        return true;
    }

    /// <summary>Busy and total CPU time of the whole machine so far, from /proc/stat (all cores, in seconds).</summary>
    public static (double Busy, double Total) MachineCpu()
    {
        try
        {
            var line = File.ReadLines("/proc/stat").First(l => l.StartsWith("cpu ", StringComparison.Ordinal));
            var v = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(x => double.Parse(x, CultureInfo.InvariantCulture) / 100.0).ToArray();
            var idle = v[3] + v[4]; // idle + iowait
            var total = v.Take(8).Sum(); // user nice system idle iowait irq softirq steal
            return (total - idle, total);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException)
        {
            return (0, 0);
        }
    }

    /// <summary>
    /// Waits (at most <paramref name="limit"/>) until the machine is nearly idle: in a 2 s sample, processes other
    /// than <paramref name="ownPids"/> use under <paramref name="maxCores"/> cores. Other people's builds and tests
    /// on this shared machine would otherwise take the bot's cores. Returns the last sample (cores in use by others).
    /// </summary>
    public static async Task<double> WaitForIdleMachineAsync(IReadOnlyList<int> ownPids, double maxCores, TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        var told = false;
        while (true)
        {
            var others = await OthersCoresAsync(ownPids, TimeSpan.FromSeconds(2));
            if (others < maxCores || DateTime.UtcNow > until)
            {
                if (others >= maxCores)
                {
                    Console.WriteLine($"the machine is still busy (other processes use {others:0.00} cores); measuring anyway");
                }

                return others;
            }

            if (!told)
            {
                Console.WriteLine($"waiting: other processes use {others:0.00} cores of this machine (builds, tests?)...");
                told = true;
            }
        }
    }

    /// <summary>Cores used by processes other than <paramref name="ownPids"/> (and this one) over <paramref name="sample"/>.</summary>
    public static async Task<double> OthersCoresAsync(IReadOnlyList<int> ownPids, TimeSpan sample)
    {
        var before = MachineCpu();
        var ownBefore = OwnCpu(ownPids);
        var clock = Stopwatch.StartNew();
        await Task.Delay(sample);
        var after = MachineCpu();
        var ownAfter = OwnCpu(ownPids);
        return Math.Max(0, (after.Busy - before.Busy - (ownAfter - ownBefore)) / clock.Elapsed.TotalSeconds);
    }

    /// <summary>CPU seconds used so far by this process and the given ones.</summary>
    public static double OwnCpu(IReadOnlyList<int> pids) =>
        Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds + pids.Sum(p => BotProcess.ProcessCpu(p)?.TotalSeconds ?? 0);

    /// <summary>Polls for bench/inbound in the background while a measurement runs, so the report can say it overlapped.</summary>
    public static (CancellationTokenSource Stop, Task<bool> Seen) WatchForInbound()
    {
        var stop = new CancellationTokenSource();
        var seen = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (InboundBenchRunning())
                {
                    return true;
                }

                try
                {
                    await Task.Delay(2000, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            return false;
        });
        return (stop, seen);
    }

    /// <summary>Parses "--name value" options into a dictionary; "--flag" alone maps to "true".</summary>
    public static Dictionary<string, string> Options(string[] args)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'");
            }

            var name = args[i][2..];
            if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                result[name] = args[++i];
            }
            else
            {
                result[name] = "true";
            }
        }

        return result;
    }

    /// <summary>
    /// The bot's environment: <paramref name="defaults"/> plus "--bot-env Key=Value,Key2=Value2" (settings for
    /// experiments, e.g. Bot__ConnectorMaxRetries=0).
    /// </summary>
    public static Dictionary<string, string> BotEnvironment(Dictionary<string, string> options, IDictionary<string, string> defaults)
    {
        var result = new Dictionary<string, string>(defaults, StringComparer.Ordinal);
        foreach (var pair in (options.GetValueOrDefault("bot-env") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new ArgumentException($"--bot-env: '{pair}' is not Key=Value");
            }

            result[pair[..eq]] = pair[(eq + 1)..];
        }

        return result;
    }

    public static int Int(Dictionary<string, string> options, string name, int fallback) =>
        options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public static double Double(Dictionary<string, string> options, string name, double fallback) =>
        options.TryGetValue(name, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public static string F(double value, string format = "0.0") => value.ToString(format, CultureInfo.InvariantCulture);
}
