using System.Text.Json;

namespace DiligenceBot.Coaching.Tests;

public sealed class CoachingThresholdsTests
{
    private static string SeedPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DiligenceBot.sln")))
            {
                return Path.Combine(dir.FullName, "seeds", "coaching", "thresholds.json");
            }
        }

        throw new InvalidOperationException("DiligenceBot.sln not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void The_seeds_file_parses_validates_clean_and_equals_the_code_defaults()
    {
        var json = File.ReadAllText(SeedPath());

        var parsed = CoachingThresholds.Parse(json);

        Assert.Empty(parsed.Validate());
        Assert.Equal(CoachingThresholds.Default.ToJson(), parsed.ToJson());
    }

    [Fact]
    public void The_seeds_file_lists_every_threshold_and_explains_every_group()
    {
        using var seed = JsonDocument.Parse(File.ReadAllText(SeedPath()));
        using var code = JsonDocument.Parse(CoachingThresholds.Default.ToJson());

        Assert.Equal(Keys(code.RootElement, ""), Keys(seed.RootElement, ""));
        Assert.True(seed.RootElement.TryGetProperty("$comment", out _));
        foreach (var group in seed.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Object))
        {
            Assert.True(group.Value.TryGetProperty("$comment", out _), $"{group.Name} has no $comment");
        }

        static List<string> Keys(JsonElement e, string prefix)
        {
            var keys = new List<string>();
            foreach (var p in e.EnumerateObject().Where(p => !p.Name.StartsWith('$')))
            {
                keys.Add(prefix + p.Name);
                if (p.Value.ValueKind == JsonValueKind.Object)
                {
                    keys.AddRange(Keys(p.Value, prefix + p.Name + "."));
                }
            }

            keys.Sort(StringComparer.Ordinal);
            return keys;
        }
    }

    [Fact]
    public void Defaults_are_valid_and_fresh_each_time()
    {
        Assert.Empty(CoachingThresholds.Default.Validate());
        var changed = CoachingThresholds.Default;
        changed.Excellent.MinWorkingDays = 1;
        Assert.Equal(40, CoachingThresholds.Default.Excellent.MinWorkingDays);
    }

    [Fact]
    public void Missing_keys_keep_their_defaults_and_comments_are_ignored()
    {
        var parsed = CoachingThresholds.Parse("""
            {
              "$comment": "top",
              // a line comment
              "shortWindowDays": 28,
              "excellent": { "$comment": "inner", "minWorkingDays": 50, },
            }
            """);

        Assert.Equal(28, parsed.ShortWindowDays);
        Assert.Equal(90, parsed.LongWindowDays);
        Assert.Equal(50, parsed.Excellent.MinWorkingDays);
        Assert.Equal(0.9, parsed.Excellent.MinOnTimeRate);
        Assert.Equal(0.6, parsed.Feedback.SimilarityThreshold);
        Assert.Equal(21, parsed.StrongStartWeakFinish.LateFirstDay);
        Assert.Empty(parsed.Validate());
    }

    [Fact]
    public void An_empty_object_is_all_defaults()
    {
        Assert.Equal(CoachingThresholds.Default.ToJson(), CoachingThresholds.Parse("{}").ToJson());
    }

    [Theory]
    [InlineData("", "not valid JSON")]
    [InlineData("{", "not valid JSON")]
    [InlineData("{\"shortWindowDays\": 30,,}", "not valid JSON")]
    [InlineData("null", "expected an object")]
    [InlineData("[]", "not valid JSON")]
    [InlineData("{\"shortWindowDays\": \"30\"}", "$.shortWindowDays")]
    [InlineData("{\"shortWindowDays\": 30.5}", "$.shortWindowDays")]
    [InlineData("{\"excellent\": {\"minOnTimeRate\": true}}", "$.excellent.minOnTimeRate")]
    [InlineData("{\"excellent\": null}", "excellent")]
    [InlineData("{\"excellent\": 3}", "$.excellent")]
    [InlineData("{\"ShortWindowDays\": 30}", "unknown key 'ShortWindowDays'")]
    [InlineData("{\"excellent\": {\"minWorkingDay\": 30}}", "unknown key 'excellent.minWorkingDay'")]
    public void Bad_json_is_a_FormatException_that_says_where(string json, string expected)
    {
        var e = Assert.Throws<FormatException>(() => CoachingThresholds.Parse(json));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Problems => new()
    {
        { """{"shortWindowDays": 90}""", "shortWindowDays (90) must be less than longWindowDays (90)" },
        { """{"customerComplaints": {"minComplaintsLong": 0}}""", "customerComplaints.minComplaintsLong must be a positive number (is 0)" },
        { """{"evidence": {"minRatedDays": -1}}""", "evidence.minRatedDays must be a positive number (is -1)" },
        { """{"evidence": {"minWorkingDays": 91}}""", "evidence.minWorkingDays (91) can never be reached" },
        { """{"excellent": {"minWorkingDays": 100}}""", "excellent.minWorkingDays (100) can never be reached" },
        { """{"excellent": {"minOnTimeRate": 1.2}}""", "excellent.minOnTimeRate must be a rate between 0 and 1" },
        { """{"excellent": {"maxComplaints": -1}}""", "excellent.maxComplaints must not be negative" },
        { """{"excellent": {"baseScore": 0}}""", "excellent.baseScore must be a score weight above 0" },
        { """{"excellent": {"minAverageRating": 6}}""", "excellent.minAverageRating must be a rating from 1 to 5" },
        { """{"complacent": {"minOnTimeDrop": 0}}""", "complacent.minOnTimeDrop must be above 0 and at most 1" },
        { """{"complacent": {"minRatingDrop": 5}}""", "complacent.minRatingDrop must be a drop in rating points" },
        { """{"lacksConfidence": {"pulseWeight": 1.5}}""", "lacksConfidence.pulseWeight must be a score weight from 0 and at most 1" },
        { """{"lacksConfidence": {"maxPulseConfidence": 0}}""", "lacksConfidence.maxPulseConfidence must be a pulse answer from 1 to 5" },
        { """{"lacksInitiative": {"maxTransfersShort": -1}}""", "lacksInitiative.maxTransfersShort must not be negative" },
        { """{"customerComplaints": {"minComplaintsShort": 0}}""", "customerComplaints.minComplaintsShort must be a positive number" },
        { """{"discontented": {"maxPulseFairness": 6}}""", "discontented.maxPulseFairness must be a pulse answer from 1 to 5" },
        { """{"strongStartWeakFinish": {"lateFirstDay": 10}}""", "strongStartWeakFinish.lateFirstDay must be after earlyLastDay (10)" },
        { """{"strongStartWeakFinish": {"earlyLastDay": 0}}""", "strongStartWeakFinish.earlyLastDay must be a day of the month from 1 to 27" },
        { """{"strongStartWeakFinish": {"excessOnTimeDropWeight": -0.1}}""", "strongStartWeakFinish.excessOnTimeDropWeight must be a number not below 0" },
        { """{"plans": {"highCompletion": 0.5}}""", "plans.highCompletion (0.5) must be greater than plans.lowCompletion (0.7)" },
        { """{"feedback": {"minRepeats": 1}}""", "feedback.minRepeats must be at least 2" },
        { """{"feedback": {"similarityThreshold": 0}}""", "feedback.similarityThreshold must be above 0 and at most 1" },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public void Validate_names_each_problem_in_plain_words(string json, string expected)
    {
        var problems = CoachingThresholds.Parse(json).Validate();

        var problem = Assert.Single(problems);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_window_of_zero_days_is_a_problem()
    {
        var problems = CoachingThresholds.Parse("""{"shortWindowDays": 0}""").Validate();

        Assert.Contains("shortWindowDays must be a positive number (is 0).", problems);
    }

    [Fact]
    public void Validate_reports_every_problem_at_once()
    {
        var t = CoachingThresholds.Default;
        t.ShortWindowDays = 100;
        t.Excellent.MinOnTimeRate = -0.1;
        t.LacksInitiative.MaxOnTimeRate = 2;

        Assert.Equal(3, t.Validate().Count);
    }

    [Fact]
    public void ToJson_round_trips()
    {
        var t = CoachingThresholds.Default;
        t.Complacent.MinRatingDrop = 0.75;
        t.Feedback.MinRepeats = 4;

        var again = CoachingThresholds.Parse(t.ToJson());

        Assert.Equal(0.75, again.Complacent.MinRatingDrop);
        Assert.Equal(4, again.Feedback.MinRepeats);
        Assert.Equal(t.ToJson(), again.ToJson());
    }
}
