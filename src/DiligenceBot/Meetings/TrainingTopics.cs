using System.Text.Json;
using System.Text.Json.Serialization;
using DiligenceBot.Localization;

namespace DiligenceBot.Meetings;

/// <summary>One of the six marketing-skill training topics (domain.md §2), in both languages.</summary>
public sealed record TrainingTopic(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("nameEn")] string NameEn,
    [property: JsonPropertyName("nameZh")] string NameZh)
{
    public string Name(Language language) => language == Language.ZhCn ? NameZh : NameEn;
}

public sealed class TrainingTopicsFile
{
    [JsonPropertyName("topics")] public List<TrainingTopic> Topics { get; set; } = [];
}

[JsonSerializable(typeof(TrainingTopicsFile))]
[JsonSourceGenerationOptions(ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
internal sealed partial class TrainingTopicsJsonContext : JsonSerializerContext;

/// <summary>The training topics of seeds/training-topics.json, read once at start-up (a broken file stops start-up).</summary>
public sealed class TrainingTopics(IReadOnlyList<TrainingTopic> topics)
{
    public IReadOnlyList<TrainingTopic> All => topics;

    public TrainingTopic? Find(string id) => topics.FirstOrDefault(t => t.Id == id);

    public string Name(string id, Language language) => Find(id)?.Name(language) ?? id;

    public static TrainingTopics Load(string path)
    {
        var file = JsonSerializer.Deserialize(File.ReadAllText(path), TrainingTopicsJsonContext.Default.TrainingTopicsFile)
            ?? throw new InvalidOperationException($"{path} is empty.");
        if (file.Topics.Count == 0 || file.Topics.Any(t => string.IsNullOrWhiteSpace(t.Id) || string.IsNullOrWhiteSpace(t.NameEn) || string.IsNullOrWhiteSpace(t.NameZh))
            || file.Topics.Select(t => t.Id).Distinct(StringComparer.Ordinal).Count() != file.Topics.Count)
        {
            throw new InvalidOperationException($"{path}: every training topic needs a unique id, nameEn and nameZh.");
        }

        return new TrainingTopics(file.Topics);
    }
}
