using System.Globalization;

namespace Inbound.Bench;

/// <summary>
/// Machine-wide CPU time from /proc/stat (Linux), to show how much of the machine went to processes other than
/// the server under test and this bench (other builds on a shared machine distort the figures).
/// </summary>
internal readonly record struct MachineCpu(double BusySeconds, double TotalSeconds)
{
    private static readonly double TicksPerSecond = 100.0; // USER_HZ, 100 on Linux

    public static MachineCpu? Read()
    {
        try
        {
            var line = File.ReadLines("/proc/stat").First();
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            // user nice system idle iowait irq softirq steal guest guest_nice (guest is already in user)
            var total = fields.Take(8).Sum();
            var idle = fields[3] + fields[4];
            return new MachineCpu((total - idle) / TicksPerSecond, total / TicksPerSecond);
        }
        catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Busy cores (0..N) between two readings.</summary>
    public static double? BusyCores(MachineCpu? start, MachineCpu? end, double wallSeconds) =>
        start is { } s && end is { } e && wallSeconds > 0 ? (e.BusySeconds - s.BusySeconds) / wallSeconds : null;

    /// <summary>How busy the machine is over a short sample (before a run: is anything else running?).</summary>
    public static async Task<double?> SampleBusyCoresAsync(TimeSpan duration)
    {
        var start = Read();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await Task.Delay(duration);
        return BusyCores(start, Read(), watch.Elapsed.TotalSeconds);
    }
}
