using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DiligenceBot.Localization;

namespace DiligenceBot.Assessment;

/// <summary>What a source's value is, which bounds a rule's thresholds must keep to.</summary>
public enum ScoreSourceKind
{
    /// <summary>A share: 1.0 is 100 % (volume against target may pass it).</summary>
    Share,
    /// <summary>An average rating on the 1–5 scale (log quality, value of information, customers' evaluations).</summary>
    Rating,
    /// <summary>A count of events (complaints).</summary>
    Count,
    /// <summary>How many of the four record checks were met, 0–4.</summary>
    Checks,
}

/// <summary>
/// Where an indicator's value comes from: the product's own data (logs, transfer forms, plans, minutes, action items,
/// the record checks, visits) or imported figures and customers' evaluations. The scorecard fills each from its source;
/// a source with nothing for the period leaves the indicator <em>not measured</em> (the lead scores it with a reason).
/// </summary>
public static class ScoreSources
{
    public static readonly IReadOnlyDictionary<string, ScoreSourceKind> All = new Dictionary<string, ScoreSourceKind>(StringComparer.Ordinal)
    {
        ["figures.volume"] = ScoreSourceKind.Share,
        ["figures.value"] = ScoreSourceKind.Share,
        ["figures.forecast-error"] = ScoreSourceKind.Share,
        ["visits.coverage"] = ScoreSourceKind.Share,
        ["evaluations.customer-management"] = ScoreSourceKind.Rating,
        ["evaluations.marketing-service"] = ScoreSourceKind.Rating,
        ["complaints.count"] = ScoreSourceKind.Count,
        ["plans.execution"] = ScoreSourceKind.Share,
        ["transfers.value"] = ScoreSourceKind.Rating,
        ["transfers.handled-on-time"] = ScoreSourceKind.Share,
        ["logs.on-time"] = ScoreSourceKind.Share,
        ["logs.quality"] = ScoreSourceKind.Rating,
        ["logs.returned"] = ScoreSourceKind.Count,
        ["minutes.attendance"] = ScoreSourceKind.Share,
        ["actions.done-on-time"] = ScoreSourceKind.Share,
        ["checks.met"] = ScoreSourceKind.Checks,
    };

    /// <summary>The values a source can take (a rule's thresholds must lie within them).</summary>
    public static (double Low, double High) Range(ScoreSourceKind kind) => kind switch
    {
        ScoreSourceKind.Share => (0, 10),
        ScoreSourceKind.Rating => (1, 5),
        ScoreSourceKind.Count => (0, 10_000),
        _ => (0, 4),
    };
}

/// <summary>The six dimensions of the article's monthly and quarterly 100-point scorecard (domain.md §4).</summary>
public static class ScorecardDimensions
{
    public const string EconomicResults = "economic-results";
    public const string ForecastAccuracy = "forecast-accuracy";
    public const string CustomerManagement = "customer-management";
    public const string MarketingService = "marketing-service";
    public const string ProcessExecution = "process-execution";
    public const string BasicRecords = "basic-records";

    public static readonly IReadOnlyList<string> All = [EconomicResults, ForecastAccuracy, CustomerManagement, MarketingService, ProcessExecution, BasicRecords];

    /// <summary>The two the article weighs most.</summary>
    public static readonly IReadOnlyList<string> Heaviest = [CustomerManagement, MarketingService];
}

/// <summary>One band of a banded rule: the value reaches it at or above <see cref="AtLeast"/> (or at or below <see cref="AtMost"/>) and earns <see cref="Share"/> of the points.</summary>
public sealed class ScoreBand
{
    [JsonPropertyName("atLeast")] public double? AtLeast { get; set; }
    [JsonPropertyName("atMost")] public double? AtMost { get; set; }
    [JsonPropertyName("share")] public double Share { get; set; }
}

/// <summary>Linear between two values: nothing at <see cref="ZeroAt"/> (and beyond), all points at <see cref="FullAt"/> (and beyond).</summary>
public sealed class LinearRule
{
    [JsonPropertyName("zeroAt")] public double ZeroAt { get; set; }
    [JsonPropertyName("fullAt")] public double FullAt { get; set; }
}

/// <summary>How an indicator's value becomes points: exactly one of <see cref="Linear"/> and <see cref="Bands"/>.</summary>
public sealed class ScoreRule
{
    [JsonPropertyName("linear")] public LinearRule? Linear { get; set; }
    [JsonPropertyName("bands")] public List<ScoreBand>? Bands { get; set; }

    /// <summary>The share (0–1) of the points a value earns.</summary>
    public double ShareFor(double value)
    {
        if (Linear is { } l)
        {
            var share = (value - l.ZeroAt) / (l.FullAt - l.ZeroAt);
            return Math.Clamp(share, 0, 1);
        }

        foreach (var band in Bands!)
        {
            if (band.AtLeast is { } low ? value >= low : value <= band.AtMost!.Value)
            {
                return band.Share;
            }
        }

        return 0;
    }

    internal string? Problem(string source, ScoreSourceKind kind)
    {
        var (low, high) = ScoreSources.Range(kind);
        bool Outside(double v) => double.IsNaN(v) || v < low || v > high;
        var range = $"{low.ToString(CultureInfo.InvariantCulture)}-{high.ToString(CultureInfo.InvariantCulture)}, the values {source} takes";
        switch (Linear, Bands)
        {
            case ({ } l, null):
                if (Outside(l.ZeroAt) || Outside(l.FullAt))
                {
                    return $"zeroAt and fullAt must lie within {range}";
                }

                return l.ZeroAt == l.FullAt ? "zeroAt and fullAt must differ" : null;
            case (null, { Count: > 0 } bands):
                var rising = bands[0].AtMost is not null;
                if (bands.Any(b => (b.AtLeast is null) == (b.AtMost is null) || (b.AtMost is not null) != rising))
                {
                    return "every band has either atLeast or atMost, the same in all bands";
                }

                var thresholds = bands.Select(b => b.AtLeast ?? b.AtMost!.Value).ToList();
                if (thresholds.Any(Outside))
                {
                    return $"band thresholds must lie within {range}";
                }

                if (bands.Any(b => double.IsNaN(b.Share) || b.Share is <= 0 or > 1))
                {
                    return "a band's share must be above 0 and at most 1";
                }

                for (var i = 1; i < bands.Count; i++)
                {
                    var ordered = rising ? thresholds[i] > thresholds[i - 1] : thresholds[i] < thresholds[i - 1];
                    if (!ordered || bands[i].Share > bands[i - 1].Share)
                    {
                        return rising
                            ? "atMost bands go from the lowest threshold up, with shares that do not grow"
                            : "atLeast bands go from the highest threshold down, with shares that do not grow";
                    }
                }

                return null;
            default:
                return "a rule is either linear (zeroAt, fullAt) or bands (a non-empty list), not both";
        }
    }
}

/// <summary>One indicator of a dimension: its names, its source, its points and the rule that turns its value into them.</summary>
public sealed class ScoreIndicator
{
    [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
    [JsonPropertyName("nameEn")] public string NameEn { get; set; } = string.Empty;
    [JsonPropertyName("nameZh")] public string NameZh { get; set; } = string.Empty;
    [JsonPropertyName("source")] public string Source { get; set; } = string.Empty;
    [JsonPropertyName("points")] public decimal Points { get; set; }
    [JsonPropertyName("rule")] public ScoreRule? Rule { get; set; }

    public string Name(Language language) => language == Language.ZhCn ? NameZh : NameEn;

    /// <summary>The points a measured value earns, to one decimal (half away from zero).</summary>
    public decimal PointsFor(double value) =>
        Math.Round(Points * (decimal)Rule!.ShareFor(value), 1, MidpointRounding.AwayFromZero);

    internal string? Problem()
    {
        if (ScorecardRules.BadId(Id))
        {
            return $"indicator id \"{Id}\" must be 1-{ScorecardRules.MaxIdLength} characters of a-z, 0-9 and -";
        }

        if (ScorecardRules.BadNames(NameEn, NameZh))
        {
            return $"{Id}: nameEn and nameZh are required (at most 100 characters)";
        }

        if (!ScoreSources.All.TryGetValue(Source, out var kind))
        {
            return $"{Id}: source \"{Source}\" is not one of {string.Join(", ", ScoreSources.All.Keys)}";
        }

        if (Points is <= 0 or > 100)
        {
            return $"{Id}: points must be above 0 and at most 100";
        }

        return Rule is null ? $"{Id}: a rule is required" : Rule.Problem(Source, kind) is { } problem ? $"{Id}: {problem}" : null;
    }
}

/// <summary>One of the six dimensions: its weight (its share of the 100 points), how far the lead may adjust it, its indicators.</summary>
public sealed class ScoreDimension
{
    [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
    [JsonPropertyName("nameEn")] public string NameEn { get; set; } = string.Empty;
    [JsonPropertyName("nameZh")] public string NameZh { get; set; } = string.Empty;
    [JsonPropertyName("weight")] public decimal Weight { get; set; }
    /// <summary>The most points the lead may add to or take from this dimension's score (with a reason); the score stays within 0 and the weight.</summary>
    [JsonPropertyName("maxAdjustment")] public decimal MaxAdjustment { get; set; }
    [JsonPropertyName("indicators")] public List<ScoreIndicator>? Indicators { get; set; }

    public string Name(Language language) => language == Language.ZhCn ? NameZh : NameEn;

    internal IEnumerable<string> Problems()
    {
        if (!ScorecardDimensions.All.Contains(Id, StringComparer.Ordinal))
        {
            yield return $"dimension \"{Id}\" is not one of {string.Join(", ", ScorecardDimensions.All)}";
            yield break;
        }

        if (ScorecardRules.BadNames(NameEn, NameZh))
        {
            yield return $"{Id}: nameEn and nameZh are required (at most 100 characters)";
        }

        if (Weight is <= 0 or > 100)
        {
            yield return $"{Id}: weight must be above 0 and at most 100";
        }

        if (MaxAdjustment < 0 || MaxAdjustment > Weight)
        {
            yield return $"{Id}: maxAdjustment must be 0-{Weight.ToString(CultureInfo.InvariantCulture)} (the dimension's weight)";
        }

        if (Indicators is not { Count: > 0 } indicators)
        {
            yield return $"{Id}: list at least one indicator";
            yield break;
        }

        foreach (var problem in indicators.Select(i => i.Problem()).OfType<string>())
        {
            yield return problem;
        }

        var points = indicators.Sum(i => i.Points);
        if (points != Weight)
        {
            yield return $"{Id}: the indicators' points sum to {points.ToString(CultureInfo.InvariantCulture)}, not to the weight {Weight.ToString(CultureInfo.InvariantCulture)}";
        }
    }
}

public sealed class ScorecardFile
{
    [JsonPropertyName("$comment")] public string? Comment { get; set; }
    [JsonPropertyName("dimensions")] public List<ScoreDimension>? Dimensions { get; set; }
}

[JsonSerializable(typeof(ScorecardFile))]
[JsonSourceGenerationOptions(ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
internal sealed partial class ScorecardJsonContext : JsonSerializerContext;

/// <summary>
/// The scorecard of seeds/scorecard.json, read and checked strictly once at start-up: the article's six dimensions,
/// each once, weights summing to 100 with customer management and marketing service weighing most, every indicator's
/// source known and its rule well formed, the indicators' points summing to their dimension's weight. A file with any
/// problem stops start-up and names every problem.
/// </summary>
public sealed class ScorecardRules(IReadOnlyList<ScoreDimension> dimensions)
{
    public const string FileName = "scorecard.json";
    internal const int MaxIdLength = 40;

    public IReadOnlyList<ScoreDimension> Dimensions => dimensions;

    public ScoreDimension? Dimension(string id) => dimensions.FirstOrDefault(d => d.Id == id);

    /// <summary>
    /// Scores one manager's period from the values its sources gave (a source missing from <paramref name="values"/>
    /// had nothing for the period): each indicator its points, or not measured — never a silent 0 or full mark.
    /// </summary>
    public Scorecard Score(IReadOnlyDictionary<string, double> values) =>
        new([.. dimensions.Select(d => new DimensionScore(d, [.. d.Indicators!.Select(i =>
            values.TryGetValue(i.Source, out var v) && double.IsFinite(v) ? new IndicatorScore(i, v, i.PointsFor(v)) : new IndicatorScore(i, null, null))]))]);

    public static ScorecardRules Load(string path) =>
        File.Exists(path) ? Parse(File.ReadAllText(path), path) : throw new InvalidOperationException($"{path}: the scorecard seed file is missing.");

    public static ScorecardRules Parse(string json, string source)
    {
        ScorecardFile? file;
        try
        {
            file = JsonSerializer.Deserialize(json, ScorecardJsonContext.Default.ScorecardFile);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"{source}: {ex.Message}", ex);
        }

        if (file?.Dimensions is not { Count: > 0 } list)
        {
            throw new InvalidOperationException($"{source}: \"dimensions\" must list the six dimensions ({string.Join(", ", ScorecardDimensions.All)}).");
        }

        var problems = list.SelectMany(d => d.Problems()).ToList();
        problems.AddRange(list.GroupBy(d => d.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"dimension \"{g.Key}\" appears {g.Count()} times"));
        problems.AddRange(ScorecardDimensions.All.Where(id => list.All(d => d.Id != id)).Select(id => $"dimension \"{id}\" is missing"));
        problems.AddRange(list.SelectMany(d => d.Indicators ?? []).GroupBy(i => i.Id, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => $"indicator \"{g.Key}\" appears {g.Count()} times"));
        var total = list.Sum(d => d.Weight);
        if (total != 100)
        {
            problems.Add($"the dimensions' weights sum to {total.ToString(CultureInfo.InvariantCulture)}, not to 100");
        }

        var others = list.Where(d => !ScorecardDimensions.Heaviest.Contains(d.Id)).Select(d => d.Weight).DefaultIfEmpty(0).Max();
        problems.AddRange(list.Where(d => ScorecardDimensions.Heaviest.Contains(d.Id) && d.Weight <= others)
            .Select(d => $"{d.Id} must weigh more than every dimension other than customer management and marketing service (the article weighs them most)"));
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"{source}: {string.Join("; ", problems)}.");
        }

        return new ScorecardRules(list);
    }

    internal static bool BadId(string id) =>
        string.IsNullOrWhiteSpace(id) || id.Length > MaxIdLength || id.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'));

    internal static bool BadNames(string nameEn, string nameZh) =>
        string.IsNullOrWhiteSpace(nameEn) || string.IsNullOrWhiteSpace(nameZh) || nameEn.Length > 100 || nameZh.Length > 100;
}

/// <summary>An indicator's value for the period and the points it earned; both null when its source had nothing (not measured).</summary>
public sealed record IndicatorScore(ScoreIndicator Indicator, double? Value, decimal? Points)
{
    public bool Measured => Points is not null;
}

/// <summary>A dimension's indicators as scored; <see cref="Measured"/> sums the measured ones.</summary>
public sealed record DimensionScore(ScoreDimension Dimension, IReadOnlyList<IndicatorScore> Indicators)
{
    public decimal Measured => Indicators.Sum(i => i.Points ?? 0);

    /// <summary>Whether the lead may move this dimension's score by <paramref name="delta"/> points: within the dimension's maxAdjustment, and the score stays within 0 and the weight.</summary>
    public bool MayAdjust(decimal score, decimal delta) =>
        Math.Abs(delta) <= Dimension.MaxAdjustment && score + delta >= 0 && score + delta <= Dimension.Weight;
}

/// <summary>One manager's scorecard for a period as the rules score it, before the lead's scores of what was not measured and adjustments.</summary>
public sealed record Scorecard(IReadOnlyList<DimensionScore> Dimensions)
{
    public decimal Measured => Dimensions.Sum(d => d.Measured);

    /// <summary>The indicators the lead must score, each with a reason, before the scorecard can be published.</summary>
    public IEnumerable<IndicatorScore> NotMeasured => Dimensions.SelectMany(d => d.Indicators).Where(i => !i.Measured);
}
