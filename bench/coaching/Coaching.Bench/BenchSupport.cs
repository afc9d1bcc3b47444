using System.Diagnostics;
using System.Globalization;

namespace DiligenceBot.Bench;

/// <summary>A clock that always says the same instant (the bench's "now").</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}

public static class BenchSupport
{
    /// <summary>Parses "--name value" options; "--flag" alone maps to "true".</summary>
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
            result[name] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
        }

        return result;
    }

    public static int Int(Dictionary<string, string> options, string name, int fallback) =>
        options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public static string F(double value, string format = "0.00") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Busy and total CPU seconds of the whole machine so far (all cores), from /proc/stat; zeros where unavailable.</summary>
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

    public static double OwnCpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    /// <summary>Cores used by other processes than this one over <paramref name="sample"/>.</summary>
    public static async Task<double> OthersCoresAsync(TimeSpan sample)
    {
        var before = MachineCpu();
        var ownBefore = OwnCpu();
        var clock = Stopwatch.StartNew();
        await Task.Delay(sample);
        var after = MachineCpu();
        var ownAfter = OwnCpu();
        return Math.Max(0, (after.Busy - before.Busy - (ownAfter - ownBefore)) / clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Waits (at most <paramref name="limit"/>) until other processes use under <paramref name="maxCores"/> cores in a
    /// 2 s sample: other people's builds and tests on this shared 2-core machine would take the bench's cores.
    /// Returns the last sample.
    /// </summary>
    public static async Task<double> WaitForQuietMachineAsync(double maxCores, TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        var told = false;
        while (true)
        {
            var others = await OthersCoresAsync(TimeSpan.FromSeconds(2));
            if (others < maxCores)
            {
                return others;
            }

            if (DateTime.UtcNow > until)
            {
                Console.WriteLine($"the machine is still busy (other processes use {F(others)} cores); measuring anyway");
                return others;
            }

            if (!told)
            {
                Console.WriteLine($"waiting: other processes use {F(others)} cores of this machine (builds, tests?)...");
                told = true;
            }
        }
    }
}
