using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DiligenceBot.Coaching;

/// <summary>
/// Every tunable number the rules use (seeds/coaching/thresholds.json; defaults here). Validated when loaded.
/// The groups follow the conventions described in ThresholdGroups.cs: rates are 0..1, ratings and pulse answers 1–5,
/// "Min"/"Max" thresholds are inclusive, scores are sums of weights clamped to 1.
/// </summary>
public sealed class CoachingThresholds
{
    /// <summary>The recent window in days (e.g. 30): dates after AsOf − ShortWindowDays.</summary>
    public int ShortWindowDays { get; set; } = 30;
    /// <summary>The long window in days (e.g. 90): how far back the app loads evidence (dates after AsOf − LongWindowDays).</summary>
    public int LongWindowDays { get; set; } = 90;

    /// <summary>How much data the log-based rules need.</summary>
    public EvidenceThresholds Evidence { get; set; } = new();

    /// <summary>Repeated review comments (ignored feedback).</summary>
    public FeedbackThresholds Feedback { get; set; } = new();

    /// <summary>Plan completion, where plans exist.</summary>
    public PlanThresholds Plans { get; set; } = new();

    public LacksConfidenceThresholds LacksConfidence { get; set; } = new();

    public LacksInitiativeThresholds LacksInitiative { get; set; } = new();

    public CustomerComplaintsThresholds CustomerComplaints { get; set; } = new();

    public StrongStartWeakFinishThresholds StrongStartWeakFinish { get; set; } = new();

    public DiscontentedThresholds Discontented { get; set; } = new();

    public ComplacentThresholds Complacent { get; set; } = new();

    public ExcellentThresholds Excellent { get; set; } = new();

    /// <summary>A fresh instance with every default (callers may change it without affecting anyone else).</summary>
    public static CoachingThresholds Default => new();

    /// <summary>
    /// Reads thresholds.json (camelCase; missing keys keep their defaults; keys starting with "$", such as "$comment",
    /// are ignored; // comments and trailing commas are allowed). Throws FormatException on bad JSON, a value of the
    /// wrong type, a null group or an unknown key (a misspelt key would otherwise be silently ignored).
    /// Does not validate the numbers: call <see cref="Validate"/>.
    /// </summary>
    public static CoachingThresholds Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        CoachingThresholds? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(json, CoachingJsonContext.Default.CoachingThresholds);
        }
        catch (JsonException e)
        {
            throw new FormatException($"Coaching thresholds are not valid JSON of the expected shape: {e.Message}", e);
        }

        if (parsed is null)
        {
            throw new FormatException("Coaching thresholds: the JSON is null; expected an object.");
        }

        // Every key in the file must be a known one: compare with the keys this class writes.
        var known = JsonSerializer.SerializeToElement(parsed, CoachingJsonContext.Default.CoachingThresholds);
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        CheckKeys(document.RootElement, known, "");
        return parsed;
    }

    /// <summary>These thresholds as indented camelCase JSON, the shape <see cref="Parse"/> reads (without "$comment"s).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, CoachingJsonContext.Default.CoachingThresholds);

    private static void CheckKeys(JsonElement given, JsonElement known, string path)
    {
        foreach (var property in given.EnumerateObject())
        {
            if (property.Name.StartsWith('$'))
            {
                continue;
            }

            var name = path.Length == 0 ? property.Name : path + "." + property.Name;
            if (!known.TryGetProperty(property.Name, out var knownValue))
            {
                throw new FormatException($"Coaching thresholds: unknown key '{name}' (keys are camelCase, e.g. 'shortWindowDays').");
            }

            if (knownValue.ValueKind == JsonValueKind.Object)
            {
                CheckKeys(property.Value, knownValue, name);
            }
        }
    }

    /// <summary>What is wrong with these numbers (empty when they are usable), one plain sentence per problem, naming the JSON key.</summary>
    public IReadOnlyList<string> Validate()
    {
        var c = new Checker();
        c.Positive("shortWindowDays", ShortWindowDays);
        c.Positive("longWindowDays", LongWindowDays);
        if (ShortWindowDays >= LongWindowDays)
        {
            c.Problem($"shortWindowDays ({ShortWindowDays}) must be less than longWindowDays ({LongWindowDays}).");
        }

        if (Evidence is null || Feedback is null || Plans is null || LacksConfidence is null || LacksInitiative is null
            || CustomerComplaints is null || StrongStartWeakFinish is null || Discontented is null || Complacent is null
            || Excellent is null)
        {
            c.Problem("Every threshold group (evidence, feedback, plans and one per manager type) must be present.");
            return c.Problems;
        }

        var e = Evidence;
        c.Positive("evidence.minWorkingDays", e.MinWorkingDays);
        c.Positive("evidence.minWorkingDaysShort", e.MinWorkingDaysShort);
        c.Positive("evidence.minRatedDays", e.MinRatedDays);
        c.AtMost("evidence.minWorkingDays", e.MinWorkingDays, "longWindowDays", LongWindowDays);
        c.AtMost("evidence.minWorkingDaysShort", e.MinWorkingDaysShort, "shortWindowDays", ShortWindowDays);

        var f = Feedback;
        c.Fraction("feedback.similarityThreshold", f.SimilarityThreshold);
        if (f.MinRepeats < 2)
        {
            c.Problem($"feedback.minRepeats must be at least 2: one comment cannot repeat itself (is {f.MinRepeats}).");
        }

        c.Positive("feedback.minTextLength", f.MinTextLength);

        var p = Plans;
        c.NonNegative("plans.lowCompletion", p.LowCompletion);
        if (p.HighCompletion <= p.LowCompletion)
        {
            c.Problem($"plans.highCompletion ({Num(p.HighCompletion)}) must be greater than plans.lowCompletion ({Num(p.LowCompletion)}).");
        }

        c.Positive("plans.minLateOrMissing", p.MinLateOrMissing);
        c.Positive("plans.minReturns", p.MinReturns);

        var lc = LacksConfidence;
        c.Pulse("lacksConfidence.maxPulseConfidence", lc.MaxPulseConfidence);
        c.Positive("lacksConfidence.minObservations", lc.MinObservations);
        c.Rating("lacksConfidence.maxAverageRating", lc.MaxAverageRating);
        c.Rate("lacksConfidence.minOnTimeRate", lc.MinOnTimeRate);
        c.Fraction("lacksConfidence.minReturnRate", lc.MinReturnRate);
        c.Weight("lacksConfidence.pulseWeight", lc.PulseWeight);
        c.Weight("lacksConfidence.observationWeight", lc.ObservationWeight);
        c.Weight("lacksConfidence.lowRatingWeight", lc.LowRatingWeight);
        c.Weight("lacksConfidence.returnsWeight", lc.ReturnsWeight);
        c.Weight("lacksConfidence.planReturnsWeight", lc.PlanReturnsWeight);

        var li = LacksInitiative;
        c.Pulse("lacksInitiative.maxPulseMotivation", li.MaxPulseMotivation);
        c.Rate("lacksInitiative.maxOnTimeRate", li.MaxOnTimeRate);
        c.NonNegative("lacksInitiative.maxTransfersShort", li.MaxTransfersShort);
        c.Weight("lacksInitiative.pulseWeight", li.PulseWeight);
        c.Weight("lacksInitiative.lateLogsWeight", li.LateLogsWeight);
        c.Weight("lacksInitiative.fewTransfersWeight", li.FewTransfersWeight);
        c.Weight("lacksInitiative.lowPlanWeight", li.LowPlanWeight);
        c.Weight("lacksInitiative.latePlanWeight", li.LatePlanWeight);

        var cc = CustomerComplaints;
        c.Positive("customerComplaints.minComplaintsLong", cc.MinComplaintsLong);
        c.Positive("customerComplaints.minComplaintsShort", cc.MinComplaintsShort);
        c.Weight("customerComplaints.baseScore", cc.BaseScore, positive: true);
        c.Weight("customerComplaints.extraComplaintWeight", cc.ExtraComplaintWeight);

        var s = StrongStartWeakFinish;
        if (s.EarlyLastDay < 1 || s.EarlyLastDay > 27)
        {
            c.Problem($"strongStartWeakFinish.earlyLastDay must be a day of the month from 1 to 27 (is {s.EarlyLastDay}).");
        }

        if (s.LateFirstDay <= s.EarlyLastDay || s.LateFirstDay > 28)
        {
            c.Problem($"strongStartWeakFinish.lateFirstDay must be after earlyLastDay ({s.EarlyLastDay}) and at most 28, so every month has a late part (is {s.LateFirstDay}).");
        }

        c.Positive("strongStartWeakFinish.minDaysPerBucket", s.MinDaysPerBucket);
        c.Rate("strongStartWeakFinish.minEarlyOnTimeRate", s.MinEarlyOnTimeRate);
        c.Fraction("strongStartWeakFinish.minOnTimeDrop", s.MinOnTimeDrop);
        c.Rating("strongStartWeakFinish.minEarlyRating", s.MinEarlyRating);
        c.RatingDrop("strongStartWeakFinish.minRatingDrop", s.MinRatingDrop);
        c.Weight("strongStartWeakFinish.baseScore", s.BaseScore, positive: true);
        c.Weight("strongStartWeakFinish.bothWeight", s.BothWeight);
        c.Weight("strongStartWeakFinish.lowPlanWeight", s.LowPlanWeight);
        c.NonNegative("strongStartWeakFinish.excessOnTimeDropWeight", s.ExcessOnTimeDropWeight);
        c.NonNegative("strongStartWeakFinish.excessRatingDropWeight", s.ExcessRatingDropWeight);

        var d = Discontented;
        c.Pulse("discontented.maxPulseFairness", d.MaxPulseFairness);
        c.Pulse("discontented.maxPulseMotivation", d.MaxPulseMotivation);
        c.Positive("discontented.minGrievances", d.MinGrievances);
        c.Positive("discontented.minLowMoraleObservations", d.MinLowMoraleObservations);
        c.Weight("discontented.pulseFairnessWeight", d.PulseFairnessWeight);
        c.Weight("discontented.grievanceWeight", d.GrievanceWeight);
        c.Weight("discontented.lowMoraleWeight", d.LowMoraleWeight);
        c.Weight("discontented.lowMotivationWeight", d.LowMotivationWeight);

        var co = Complacent;
        c.Rate("complacent.minOnTimeRate", co.MinOnTimeRate);
        c.Rating("complacent.minAverageRating", co.MinAverageRating);
        c.Positive("complacent.minEarlierDays", co.MinEarlierDays);
        c.RatingDrop("complacent.minRatingDrop", co.MinRatingDrop);
        c.Fraction("complacent.minOnTimeDrop", co.MinOnTimeDrop);
        c.Weight("complacent.baseScore", co.BaseScore, positive: true);
        c.Weight("complacent.bothWeight", co.BothWeight);
        c.NonNegative("complacent.excessRatingDropWeight", co.ExcessRatingDropWeight);
        c.NonNegative("complacent.excessOnTimeDropWeight", co.ExcessOnTimeDropWeight);

        var x = Excellent;
        c.Positive("excellent.minWorkingDays", x.MinWorkingDays);
        c.AtMost("excellent.minWorkingDays", x.MinWorkingDays, "longWindowDays", LongWindowDays);
        c.Rate("excellent.minOnTimeRate", x.MinOnTimeRate);
        c.Rating("excellent.minAverageRating", x.MinAverageRating);
        c.Rate("excellent.maxReturnRate", x.MaxReturnRate);
        c.NonNegative("excellent.maxComplaints", x.MaxComplaints);
        c.Rating("excellent.minTransferValue", x.MinTransferValue);
        c.Positive("excellent.minTransfers", x.MinTransfers);
        c.Positive("excellent.minPraise", x.MinPraise);
        c.Weight("excellent.baseScore", x.BaseScore, positive: true);
        c.Weight("excellent.goodTransfersWeight", x.GoodTransfersWeight);
        c.Weight("excellent.praiseWeight", x.PraiseWeight);
        c.Weight("excellent.highPlanWeight", x.HighPlanWeight);
        return c.Problems;
    }

    private static string Num(double value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed class Checker
    {
        public List<string> Problems { get; } = [];

        public void Problem(string text) => Problems.Add(text);

        public void Positive(string key, int value)
        {
            if (value <= 0)
            {
                Problem($"{key} must be a positive number (is {value}).");
            }
        }

        public void NonNegative(string key, int value)
        {
            if (value < 0)
            {
                Problem($"{key} must not be negative (is {value}).");
            }
        }

        public void NonNegative(string key, double value)
        {
            if (!(value >= 0) || double.IsInfinity(value))
            {
                Problem($"{key} must be a number not below 0 (is {Num(value)}).");
            }
        }

        public void AtMost(string key, int value, string limitKey, int limit)
        {
            if (value > limit)
            {
                Problem($"{key} ({value}) can never be reached: it is more than {limitKey} ({limit}).");
            }
        }

        /// <summary>A rate, 0..1 inclusive.</summary>
        public void Rate(string key, double value)
        {
            if (!(value >= 0 && value <= 1))
            {
                Problem($"{key} must be a rate between 0 and 1, e.g. 0.9 for 90% (is {Num(value)}).");
            }
        }

        /// <summary>A fraction above 0 and at most 1 (a drop or a similarity of 0 would always match).</summary>
        public void Fraction(string key, double value)
        {
            if (!(value > 0 && value <= 1))
            {
                Problem($"{key} must be above 0 and at most 1, e.g. 0.3 for 30 points (is {Num(value)}).");
            }
        }

        public void Rating(string key, double value)
        {
            if (!(value >= 1 && value <= 5))
            {
                Problem($"{key} must be a rating from 1 to 5 (is {Num(value)}).");
            }
        }

        public void RatingDrop(string key, double value)
        {
            if (!(value > 0 && value <= 4))
            {
                Problem($"{key} must be a drop in rating points above 0 and at most 4 (is {Num(value)}).");
            }
        }

        public void Pulse(string key, int value)
        {
            if (value < 1 || value > 5)
            {
                Problem($"{key} must be a pulse answer from 1 to 5 (is {value}).");
            }
        }

        /// <summary>A score weight, 0..1 (above 0 for a base score).</summary>
        public void Weight(string key, double value, bool positive = false)
        {
            if (!(value >= 0 && value <= 1) || (positive && value == 0))
            {
                Problem($"{key} must be a score weight {(positive ? "above 0" : "from 0")} and at most 1 (is {Num(value)}).");
            }
        }
    }
}

/// <summary>The thresholds' JSON shape: camelCase, indented, admin-friendly (comments and trailing commas are read).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(CoachingThresholds))]
internal sealed partial class CoachingJsonContext : JsonSerializerContext;
