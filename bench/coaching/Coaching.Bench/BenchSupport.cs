using System.Globalization;

namespace DiligenceBot.Bench;

/// <summary>A clock that always says the same instant (the bench's "now").</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}

/// <summary>This bench's number formats (the shared helpers are in bench/submit's Common/BenchTools.cs).</summary>
public static class BenchSupport
{
    public static string F(double value, string format = "0.00") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
