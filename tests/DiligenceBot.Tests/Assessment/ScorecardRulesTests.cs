using System.Text.Json.Nodes;
using DiligenceBot.Assessment;
using DiligenceBot.Localization;
using DiligenceBot.Tests.Infrastructure;

namespace DiligenceBot.Tests.Assessment;

/// <summary>
/// seeds/scorecard.json: the shipped scorecard (the article's six dimensions, customer management and marketing service
/// weighing most), a file with any problem refused with every problem named, and how values become points.
/// </summary>
public sealed class ScorecardRulesTests
{
    private static readonly string Shipped = File.ReadAllText(Path.Combine(RepoTools.RepoRoot, "seeds", ScorecardRules.FileName));

    /// <summary>The shipped file with one change made to it.</summary>
    private static string Changed(Action<JsonObject> change)
    {
        var file = JsonNode.Parse(Shipped, documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!.AsObject();
        change(file);
        return file.ToJsonString();
    }

    private static JsonObject Dimension(JsonObject file, string id) =>
        file["dimensions"]!.AsArray().Select(d => d!.AsObject()).Single(d => d["id"]!.GetValue<string>() == id);

    private static JsonObject Indicator(JsonObject file, string id) =>
        file["dimensions"]!.AsArray().SelectMany(d => d!["indicators"]!.AsArray()).Select(i => i!.AsObject()).Single(i => i["id"]!.GetValue<string>() == id);

    private static ScorecardRules ShippedRules() => ScorecardRules.Parse(Shipped, "scorecard.json");

    [Fact]
    public void ShippedSeed_HasTheArticlesSixDimensions_WeighingCustomerManagementAndMarketingServiceMost()
    {
        var rules = ShippedRules();

        Assert.Equal(["经济效益", "销售预测准确率", "客户管理", "营销服务", "流程制度执行", "基础资料管理"], rules.Dimensions.Select(d => d.Name(Language.ZhCn)));
        Assert.Equal(["Economic results", "Sales-forecast accuracy", "Customer management", "Marketing service", "Process and system execution", "Basic records management"],
            rules.Dimensions.Select(d => d.Name(Language.EnUs)));
        Assert.Equal(100m, rules.Dimensions.Sum(d => d.Weight));
        var heaviest = rules.Dimensions.OrderByDescending(d => d.Weight).Take(2).Select(d => d.Id).Order(StringComparer.Ordinal);
        Assert.Equal([ScorecardDimensions.CustomerManagement, ScorecardDimensions.MarketingService], heaviest);
        Assert.All(rules.Dimensions, d => Assert.Equal(d.Weight, d.Indicators!.Sum(i => i.Points)));
        // The indicators the issue names, from the product's own data and from imported figures.
        var sources = rules.Dimensions.SelectMany(d => d.Indicators!).Select(i => i.Source).ToHashSet();
        Assert.Superset(new HashSet<string> { "logs.on-time", "logs.quality", "transfers.value", "plans.execution", "minutes.attendance", "actions.done-on-time", "checks.met",
            "visits.coverage", "complaints.count", "figures.volume", "figures.value", "figures.forecast-error", "evaluations.customer-management" }, sources);
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { Changed(f => Dimension(f, "economic-results")["weight"] = 20), "the dimensions' weights sum to 105, not to 100" },
        { Changed(f => Indicator(f, "volume")["points"] = 9), "economic-results: the indicators' points sum to 16, not to the weight 15" },
        { Changed(f => Indicator(f, "volume")["source"] = "figures.margin"), "volume: source \"figures.margin\" is not one of" },
        { Changed(f => Indicator(f, "volume")["rule"] = JsonNode.Parse("""{ "linear": { "zeroAt": 1.0, "fullAt": 1.0 } }""")), "volume: zeroAt and fullAt must differ" },
        { Changed(f => Indicator(f, "log-quality")["rule"] = JsonNode.Parse("""{ "linear": { "zeroAt": 0, "fullAt": 5 } }""")), "log-quality: zeroAt and fullAt must lie within 1-5, the values logs.quality takes" },
        { Changed(f => Indicator(f, "volume")["rule"] = JsonNode.Parse("""{ "linear": { "zeroAt": 0.8, "fullAt": 1.0 }, "bands": [ { "atLeast": 1, "share": 1 } ] }""")), "volume: a rule is either linear (zeroAt, fullAt) or bands" },
        { Changed(f => Indicator(f, "volume").Remove("rule")), "volume: a rule is required" },
        { Changed(f => Indicator(f, "logs-on-time")["rule"] = JsonNode.Parse("""{ "bands": [ { "atLeast": 0.85, "share": 0.6 }, { "atLeast": 0.95, "share": 1 } ] }""")), "logs-on-time: atLeast bands go from the highest threshold down" },
        { Changed(f => Indicator(f, "logs-on-time")["rule"] = JsonNode.Parse("""{ "bands": [ { "atLeast": 0.95, "share": 0.5 }, { "atLeast": 0.85, "share": 0.6 } ] }""")), "shares that do not grow" },
        { Changed(f => Indicator(f, "complaints")["rule"] = JsonNode.Parse("""{ "bands": [ { "atMost": 0, "share": 1 }, { "atLeast": 1, "share": 0.5 } ] }""")), "complaints: every band has either atLeast or atMost, the same in all bands" },
        { Changed(f => Indicator(f, "complaints")["rule"] = JsonNode.Parse("""{ "bands": [ { "atMost": 0, "share": 1.5 } ] }""")), "complaints: a band's share must be above 0 and at most 1" },
        { Changed(f => Indicator(f, "record-checks")["rule"] = JsonNode.Parse("""{ "bands": [ { "atLeast": 5, "share": 1 } ] }""")), "record-checks: band thresholds must lie within 0-4, the values checks.met takes" },
        { Changed(f => Dimension(f, "basic-records")["maxAdjustment"] = 16), "basic-records: maxAdjustment must be 0-15" },
        { Changed(f => Dimension(f, "basic-records")["nameZh"] = ""), "basic-records: nameEn and nameZh are required" },
        { Changed(f => Indicator(f, "value")["id"] = "volume"), "indicator \"volume\" appears 2 times" },
        { Changed(f => Indicator(f, "value")["id"] = "Value"), "indicator id \"Value\" must be 1-40 characters" },
        { Changed(f => Dimension(f, "basic-records")["id"] = "records"), "dimension \"records\" is not one of" },
        { Changed(f => Dimension(f, "basic-records")["id"] = "economic-results"), "dimension \"economic-results\" appears 2 times; dimension \"basic-records\" is missing" },
        { Changed(f => { Dimension(f, "customer-management")["weight"] = 15; Dimension(f, "economic-results")["weight"] = 25; }), "customer-management must weigh more than every dimension other than customer management and marketing service" },
        { Changed(f => Dimension(f, "basic-records")["indicators"] = new JsonArray()), "basic-records: list at least one indicator" },
        { Changed(f => Indicator(f, "volume")["weight"] = 8), "'weight'" },
        { """{ "dimensions": [] }""", "\"dimensions\" must list the six dimensions" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void BadFile_IsRefused_NamingTheProblem(string file, string problem)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ScorecardRules.Parse(file, "scorecard.json"));

        Assert.StartsWith("scorecard.json: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    // Linear, higher is better: volume 8 points, nothing at 80 % of target, all at 100 %.
    [InlineData("figures.volume", 0.9, "volume", 4.0)]
    [InlineData("figures.volume", 0.85, "volume", 2.0)]
    [InlineData("figures.volume", 1.25, "volume", 8.0)]
    [InlineData("figures.volume", 0.5, "volume", 0.0)]
    // Linear, lower is better: forecast deviation 10 points, all at 5 %, nothing at 30 %.
    [InlineData("figures.forecast-error", 0.175, "forecast-error", 5.0)]
    [InlineData("figures.forecast-error", 0.02, "forecast-error", 10.0)]
    [InlineData("figures.forecast-error", 0.4, "forecast-error", 0.0)]
    // Bands from the top: logs on time 5 points.
    [InlineData("logs.on-time", 0.96, "logs-on-time", 5.0)]
    [InlineData("logs.on-time", 0.9, "logs-on-time", 3.0)]
    [InlineData("logs.on-time", 0.7, "logs-on-time", 1.5)]
    [InlineData("logs.on-time", 0.69, "logs-on-time", 0.0)]
    // Bands from the bottom: complaints 5 points.
    [InlineData("complaints.count", 0, "complaints", 5.0)]
    [InlineData("complaints.count", 1, "complaints", 2.5)]
    [InlineData("complaints.count", 3, "complaints", 0.0)]
    // Rounded to one decimal: log quality 5 points, 2.0 to 4.5 → 3.3 of 2.5 → 2.6.
    [InlineData("logs.quality", 3.3, "log-quality", 2.6)]
    public void AValue_EarnsItsShareOfThePoints(string source, double value, string indicator, double points)
    {
        var card = ShippedRules().Score(new Dictionary<string, double> { [source] = value });

        var scored = card.Dimensions.SelectMany(d => d.Indicators).Single(i => i.Indicator.Id == indicator);
        Assert.Equal(((double?)value, (decimal?)points), (scored.Value, scored.Points));
    }

    [Fact]
    public void AnIndicatorWithoutData_IsNotMeasured_NeverASilentZeroOrFullMark()
    {
        var card = ShippedRules().Score(new Dictionary<string, double> { ["logs.on-time"] = 1.0, ["logs.quality"] = 4.5, ["complaints.count"] = 0, ["figures.volume"] = double.NaN });

        Assert.Equal(15m, card.Measured);
        var process = card.Dimensions.Single(d => d.Dimension.Id == ScorecardDimensions.ProcessExecution);
        Assert.Equal(5m, process.Measured);
        Assert.Equal(["meeting-attendance", "actions-done"], process.Indicators.Where(i => !i.Measured).Select(i => i.Indicator.Id));
        // NaN from a broken figure is not a value: not measured, not 0.
        Assert.Contains(card.NotMeasured, i => i.Indicator.Id == "volume" && i.Value is null);
        Assert.Equal(11, card.NotMeasured.Count());
    }

    [Theory]
    [InlineData(10, 3, true)]
    [InlineData(10, -3, true)]
    [InlineData(10, 3.5, false)]
    [InlineData(14, 2, false)]
    [InlineData(1, -2, false)]
    public void TheLeadAdjustsADimension_WithinItsBoundAndItsWeight(decimal score, decimal delta, bool allowed)
    {
        var records = ShippedRules().Score(new Dictionary<string, double>()).Dimensions.Single(d => d.Dimension.Id == ScorecardDimensions.BasicRecords);

        Assert.Equal(allowed, records.MayAdjust(score, delta));
    }

    [Fact]
    public void TheAppDoesNotStart_WithABrokenScorecard_AndSaysWhy()
    {
        var seeds = Path.Combine(Path.GetTempPath(), "diligencebot-seeds-" + Guid.NewGuid().ToString("N"));
        var root = Path.Combine(RepoTools.RepoRoot, "seeds");
        try
        {
            foreach (var file in Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories))
            {
                var copy = Path.Combine(seeds, Path.GetRelativePath(root, file));
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(file, copy);
            }

            File.WriteAllText(Path.Combine(seeds, ScorecardRules.FileName), Changed(f => Dimension(f, "economic-results")["weight"] = 20));
            using var bot = new BotApp(settings: new Dictionary<string, string?> { ["Database:SeedPath"] = seeds });

            var error = Assert.ThrowsAny<Exception>(() => bot.Start());
            Assert.Contains("the dimensions' weights sum to 105, not to 100", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(seeds, recursive: true);
        }
    }

    [Theory]
    [InlineData("Scorecards:ResponseWorkingDays", "0", "Scorecards:ResponseWorkingDays must be 1-20 (working days to acknowledge or object), not 0.")]
    [InlineData("Scorecards:ResponseWorkingDays", "21", "Scorecards:ResponseWorkingDays must be 1-20 (working days to acknowledge or object), not 21.")]
    [InlineData("Scorecards:RankingShownToManagers:0", " ", "Scorecards:RankingShownToManagers lists tenant ids (1-64 characters).")]
    [InlineData("Annual:TopShare", "0.6", "Annual:TopShare must be 0-0.5 (the share of a team proposed as its best), not 0.6.")]
    [InlineData("Annual:BottomShare", "-0.1", "Annual:BottomShare must be 0-0.5 (the share of a team proposed as its weakest), not -0.1.")]
    public void ScorecardSettingsThatCannotWork_StopStartUp_NamingTheKey(string key, string value, string problem)
    {
        using var bot = new BotApp(settings: new Dictionary<string, string?> { [key] = value });

        var ex = Assert.ThrowsAny<Exception>(() => bot.Start());

        var failure = ex as Microsoft.Extensions.Options.OptionsValidationException ?? Assert.IsType<Microsoft.Extensions.Options.OptionsValidationException>(ex.InnerException);
        Assert.Contains(problem, failure.Message, StringComparison.Ordinal);
    }
}
