namespace DiligenceBot.Coaching;

/// <summary>
/// Every tunable number the rules use (seeds/coaching/thresholds.json; defaults here). Validated when loaded.
/// </summary>
public sealed class CoachingThresholds
{
    /// <summary>The recent window in days (e.g. 30).</summary>
    public int ShortWindowDays { get; set; } = 30;
    /// <summary>The long window in days (e.g. 90): how far back the app loads evidence.</summary>
    public int LongWindowDays { get; set; } = 90;

    public static CoachingThresholds Default => new();

    /// <summary>Reads thresholds.json (camelCase; missing keys keep their defaults). Throws FormatException on bad JSON.</summary>
    public static CoachingThresholds Parse(string json) => throw new NotImplementedException("being written");

    /// <summary>What is wrong with these numbers (empty when they are usable).</summary>
    public IReadOnlyList<string> Validate() => [];
}
