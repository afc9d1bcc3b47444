using System.Text.Json.Nodes;
using DiligenceBot.Assessment;
using DiligenceBot.Localization;
using DiligenceBot.Meetings;
using DiligenceBot.Tests.Infrastructure;

namespace DiligenceBot.Tests.Assessment;

/// <summary>
/// seeds/skills-quiz.json: the shipped areas and question banks (every training topic, both languages, one right choice
/// each), a file with any problem refused naming it, and the app that does not start with a broken bank.
/// </summary>
public sealed class SkillsRulesTests
{
    private static readonly string Shipped = File.ReadAllText(Path.Combine(RepoTools.RepoRoot, "seeds", SkillsRules.FileName));
    private static readonly TrainingTopics Topics = TrainingTopics.Load(Path.Combine(RepoTools.RepoRoot, "seeds", "training-topics.json"));

    private static string Changed(Action<JsonObject> change)
    {
        var file = JsonNode.Parse(Shipped)!.AsObject();
        change(file);
        return file.ToJsonString();
    }

    private static JsonObject Question(JsonObject file, string id) =>
        file["topics"]!.AsArray().SelectMany(t => t!["questions"]!.AsArray()).Select(q => q!.AsObject()).Single(q => q["id"]!.GetValue<string>() == id);

    private static JsonObject Topic(JsonObject file, string id) =>
        file["topics"]!.AsArray().Select(t => t!.AsObject()).Single(t => t["topic"]!.GetValue<string>() == id);

    [Fact]
    public void ShippedSeed_RatesTheSixTopicsAndTheArticlesOtherAreas_WithAtLeastFiveQuestionsPerTopic()
    {
        var rules = SkillsRules.Parse(Shipped, SkillsRules.FileName, Topics);

        Assert.Equal(["企业知识", "产品知识", "市场知识", "销售管理", "沟通技巧", "经营管理", "应知应会", "信息系统操作", "工具应用", "分析能力"], rules.Areas.Select(a => a.Name(Language.ZhCn)));
        Assert.Equal(Topics.All.Select(t => t.Id).Order(StringComparer.Ordinal), rules.Banks.Keys.Order(StringComparer.Ordinal));
        Assert.All(rules.Banks.Values, bank => Assert.True(bank.Count >= 5));
        Assert.All(rules.Banks.Values.SelectMany(b => b), q =>
        {
            Assert.Single(q.Choices!, c => c.Right);
            Assert.DoesNotContain("?", q.Zh, StringComparison.Ordinal);
        });
        Assert.All(rules.Areas, a => Assert.False(string.IsNullOrWhiteSpace(a.Coaching(Language.ZhCn))));
        Assert.Equal((2, 60, 2), (rules.WeakRating, rules.QuizPassPercent, rules.QuestionsPerTopic));
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { Changed(f => Question(f, "product-01")["choices"]![1]!["right"] = true), "question \"product-01\": exactly one choice must be right, not 2" },
        { Changed(f => Question(f, "product-01")["choices"]![2]!.AsObject().Remove("right")), "question \"product-01\": exactly one choice must be right, not 0" },
        { Changed(f => Question(f, "product-02")["id"] = "product-01"), "question \"product-01\" appears 2 times" },
        { Changed(f => Question(f, "market-03")["zh"] = ""), "question \"market-03\": the question in zh and en is required" },
        { Changed(f => Question(f, "market-03")["choices"]![0]!["en"] = " "), "question \"market-03\": every choice needs zh and en" },
        { Changed(f => Question(f, "sales-02")["choices"] = new JsonArray(new JsonObject { ["zh"] = "对", ["en"] = "Yes", ["right"] = true })), "question \"sales-02\": list 2-6 choices" },
        { Changed(f => Topic(f, "communication")["topic"] = "negotiation"), "topic \"negotiation\" is not a training topic of training-topics.json; topic \"communication\" is missing" },
        { Changed(f => Topic(f, "administration")["coachingZh"] = ""), "topic \"administration\": coachingEn and coachingZh are required" },
        { Changed(f => f["questionsPerTopic"] = 6), "questionsPerTopic must be 1-5" },
        { Changed(f => f["weakRating"] = 5), "weakRating must be 1-4" },
        { Changed(f => f["areas"]![0]!["id"] = "product"), "area \"product\" is a training topic" },
        { Changed(f => Question(f, "company-01")["answer"] = 0), "'answer'" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void BadFile_IsRefused_NamingTheProblem(string file, string problem)
    {
        var error = Assert.Throws<InvalidOperationException>(() => SkillsRules.Parse(file, SkillsRules.FileName, Topics));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheAppDoesNotStart_WithABrokenQuestionBank_AndSaysWhy()
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

            File.WriteAllText(Path.Combine(seeds, SkillsRules.FileName), Changed(f => Question(f, "company-02")["choices"]![0]!["right"] = true));
            using var bot = new BotApp(settings: new Dictionary<string, string?> { ["Database:SeedPath"] = seeds });

            var error = Assert.ThrowsAny<Exception>(() => bot.Start());
            Assert.Contains("question \"company-02\": exactly one choice must be right, not 2", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(seeds, recursive: true);
        }
    }
}
