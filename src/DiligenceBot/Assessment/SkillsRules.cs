using System.Text.Json;
using System.Text.Json.Serialization;
using DiligenceBot.Localization;
using DiligenceBot.Meetings;

namespace DiligenceBot.Assessment;

/// <summary>A choice of a quiz question in both languages; exactly one per question is right.</summary>
public sealed class QuizChoice
{
    [JsonPropertyName("zh")] public string Zh { get; set; } = string.Empty;
    [JsonPropertyName("en")] public string En { get; set; } = string.Empty;
    [JsonPropertyName("right")] public bool Right { get; set; }

    public string Text(Language language) => language == Language.ZhCn ? Zh : En;
}

/// <summary>A question of a topic's bank: its id (stored with the quizzes), the text in both languages, its choices.</summary>
public sealed class QuizQuestion
{
    [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
    [JsonPropertyName("zh")] public string Zh { get; set; } = string.Empty;
    [JsonPropertyName("en")] public string En { get; set; } = string.Empty;
    [JsonPropertyName("choices")] public List<QuizChoice>? Choices { get; set; }

    [JsonIgnore] public string TopicId { get; set; } = string.Empty;

    public string Text(Language language) => language == Language.ZhCn ? Zh : En;

    public int RightChoice => Choices!.FindIndex(c => c.Right);
}

/// <summary>A training topic's part of the file: the coaching action proposed when it is weak and its question bank.</summary>
public sealed class SkillsTopic
{
    [JsonPropertyName("topic")] public string Topic { get; set; } = string.Empty;
    [JsonPropertyName("coachingZh")] public string CoachingZh { get; set; } = string.Empty;
    [JsonPropertyName("coachingEn")] public string CoachingEn { get; set; } = string.Empty;
    [JsonPropertyName("questions")] public List<QuizQuestion>? Questions { get; set; }
}

/// <summary>One of the article's other half-year areas (what you must know and be able to do, system use, tools, analysis).</summary>
public sealed class SkillsOtherArea
{
    [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
    [JsonPropertyName("nameEn")] public string NameEn { get; set; } = string.Empty;
    [JsonPropertyName("nameZh")] public string NameZh { get; set; } = string.Empty;
    [JsonPropertyName("coachingZh")] public string CoachingZh { get; set; } = string.Empty;
    [JsonPropertyName("coachingEn")] public string CoachingEn { get; set; } = string.Empty;
}

public sealed class SkillsFile
{
    [JsonPropertyName("$comment")] public string? Comment { get; set; }
    [JsonPropertyName("weakRating")] public int WeakRating { get; set; }
    [JsonPropertyName("quizPassPercent")] public int QuizPassPercent { get; set; }
    [JsonPropertyName("questionsPerTopic")] public int QuestionsPerTopic { get; set; }
    [JsonPropertyName("areas")] public List<SkillsOtherArea>? Areas { get; set; }
    [JsonPropertyName("topics")] public List<SkillsTopic>? Topics { get; set; }
}

[JsonSerializable(typeof(SkillsFile))]
[JsonSourceGenerationOptions(ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
internal sealed partial class SkillsJsonContext : JsonSerializerContext;

/// <summary>A skill area as the rating card lists it: a training topic or another area, with its coaching action.</summary>
public sealed record SkillsArea(string Id, string NameEn, string NameZh, bool IsTopic, string CoachingEn, string CoachingZh)
{
    public string Name(Language language) => language == Language.ZhCn ? NameZh : NameEn;

    public string Coaching(Language language) => language == Language.ZhCn ? CoachingZh : CoachingEn;
}

/// <summary>
/// The half-year skills assessment of seeds/skills-quiz.json, read and checked strictly once at start-up: the areas rated
/// (the six training topics, then the article's other areas), when an area is weak, the coaching action per area, and
/// each topic's question bank (every topic has one; question ids unique in the file; both languages; 2–6 choices, exactly
/// one right; at least <see cref="QuestionsPerTopic"/> questions). A file with any problem stops start-up naming every problem.
/// </summary>
public sealed class SkillsRules
{
    public const string FileName = "skills-quiz.json";

    private readonly Dictionary<string, QuizQuestion> questions;

    private SkillsRules(SkillsFile file, IReadOnlyList<SkillsArea> areas)
    {
        WeakRating = file.WeakRating;
        QuizPassPercent = file.QuizPassPercent;
        QuestionsPerTopic = file.QuestionsPerTopic;
        Areas = areas;
        Banks = file.Topics!.ToDictionary(t => t.Topic, t => (IReadOnlyList<QuizQuestion>)t.Questions!, StringComparer.Ordinal);
        questions = Banks.Values.SelectMany(b => b).ToDictionary(q => q.Id, StringComparer.Ordinal);
    }

    /// <summary>A rating at or below this is weak.</summary>
    public int WeakRating { get; }

    /// <summary>A topic whose quiz share right is below this (percent) is weak.</summary>
    public int QuizPassPercent { get; }

    /// <summary>How many questions a quiz draws per topic (fewer when the manager has been asked the rest this year).</summary>
    public int QuestionsPerTopic { get; }

    /// <summary>The areas in card order: the training topics, then the other areas.</summary>
    public IReadOnlyList<SkillsArea> Areas { get; }

    /// <summary>Each topic's question bank, by topic id.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<QuizQuestion>> Banks { get; }

    public QuizQuestion? Question(string id) => questions.GetValueOrDefault(id);

    public SkillsArea? Area(string id) => Areas.FirstOrDefault(a => a.Id == id);

    /// <summary>Whether an area is weak: rated at or below <see cref="WeakRating"/>, or its quiz share right below <see cref="QuizPassPercent"/>.</summary>
    public bool IsWeak(int rating, int? quizPercent) => rating <= WeakRating || quizPercent < QuizPassPercent;

    public static SkillsRules Load(string path, TrainingTopics topics) =>
        File.Exists(path) ? Parse(File.ReadAllText(path), path, topics) : throw new InvalidOperationException($"{path}: the skills seed file is missing.");

    public static SkillsRules Parse(string json, string source, TrainingTopics topics)
    {
        SkillsFile? file;
        try
        {
            file = JsonSerializer.Deserialize(json, SkillsJsonContext.Default.SkillsFile);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"{source}: {ex.Message}", ex);
        }

        if (file is null)
        {
            throw new InvalidOperationException($"{source} is empty.");
        }

        var problems = new List<string>();
        if (file.WeakRating is < 1 or > 4)
        {
            problems.Add("weakRating must be 1-4 (a rating at or below it is weak)");
        }

        if (file.QuizPassPercent is < 1 or > 100)
        {
            problems.Add("quizPassPercent must be 1-100");
        }

        if (file.QuestionsPerTopic is < 1 or > 5)
        {
            problems.Add("questionsPerTopic must be 1-5");
        }

        var others = file.Areas ?? [];
        var banks = file.Topics ?? [];
        foreach (var area in others)
        {
            if (ScorecardRules.BadId(area.Id))
            {
                problems.Add($"area id \"{area.Id}\" must be lower-case letters, digits and '-' (at most 40)");
            }

            if (ScorecardRules.BadNames(area.NameEn, area.NameZh) || string.IsNullOrWhiteSpace(area.CoachingEn) || string.IsNullOrWhiteSpace(area.CoachingZh))
            {
                problems.Add($"area \"{area.Id}\": nameEn, nameZh (at most 100 characters), coachingEn and coachingZh are required");
            }

            if (topics.Find(area.Id) is not null)
            {
                problems.Add($"area \"{area.Id}\" is a training topic (topics are listed under \"topics\")");
            }
        }

        problems.AddRange(others.GroupBy(a => a.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"area \"{g.Key}\" appears {g.Count()} times"));
        problems.AddRange(banks.Where(b => topics.Find(b.Topic) is null).Select(b => $"topic \"{b.Topic}\" is not a training topic of training-topics.json"));
        problems.AddRange(banks.GroupBy(b => b.Topic, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"topic \"{g.Key}\" appears {g.Count()} times"));
        problems.AddRange(topics.All.Where(t => banks.All(b => b.Topic != t.Id)).Select(t => $"topic \"{t.Id}\" is missing (every training topic needs coaching text and questions)"));
        foreach (var bank in banks)
        {
            if (string.IsNullOrWhiteSpace(bank.CoachingEn) || string.IsNullOrWhiteSpace(bank.CoachingZh))
            {
                problems.Add($"topic \"{bank.Topic}\": coachingEn and coachingZh are required");
            }

            var list = bank.Questions ?? [];
            if (list.Count < Math.Max(1, file.QuestionsPerTopic))
            {
                problems.Add($"topic \"{bank.Topic}\": list at least {Math.Max(1, file.QuestionsPerTopic)} questions (questionsPerTopic)");
            }

            foreach (var question in list)
            {
                question.TopicId = bank.Topic;
                problems.AddRange(QuestionProblems(question));
            }
        }

        problems.AddRange(banks.SelectMany(b => b.Questions ?? []).GroupBy(q => q.Id, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => $"question \"{g.Key}\" appears {g.Count()} times"));
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"{source}: {string.Join("; ", problems)}.");
        }

        var byTopic = banks.ToDictionary(b => b.Topic, StringComparer.Ordinal);
        List<SkillsArea> areas =
        [
            .. topics.All.Select(t => new SkillsArea(t.Id, t.NameEn, t.NameZh, true, byTopic[t.Id].CoachingEn, byTopic[t.Id].CoachingZh)),
            .. others.Select(a => new SkillsArea(a.Id, a.NameEn, a.NameZh, false, a.CoachingEn, a.CoachingZh)),
        ];
        return new SkillsRules(file, areas);
    }

    private static IEnumerable<string> QuestionProblems(QuizQuestion question)
    {
        var id = question.Id;
        if (ScorecardRules.BadId(id))
        {
            yield return $"question id \"{id}\" must be lower-case letters, digits and '-' (at most 40)";
        }

        if (string.IsNullOrWhiteSpace(question.Zh) || string.IsNullOrWhiteSpace(question.En))
        {
            yield return $"question \"{id}\": the question in zh and en is required";
        }

        var choices = question.Choices ?? [];
        if (choices.Count is < 2 or > 6)
        {
            yield return $"question \"{id}\": list 2-6 choices";
        }

        if (choices.Any(c => string.IsNullOrWhiteSpace(c.Zh) || string.IsNullOrWhiteSpace(c.En)))
        {
            yield return $"question \"{id}\": every choice needs zh and en";
        }

        var right = choices.Count(c => c.Right);
        if (right != 1)
        {
            yield return $"question \"{id}\": exactly one choice must be right, not {right}";
        }
    }
}
