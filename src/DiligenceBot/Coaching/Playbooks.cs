using System.Text.Json;
using System.Text.Json.Serialization;
using DiligenceBot.Localization;

namespace DiligenceBot.Coaching;

/// <summary>A line of a playbook, in both languages.</summary>
public sealed record PlaybookLine(string En, string Zh)
{
    public string In(Language language) => language == Language.ZhCn ? Zh : En;
}

/// <summary>A concrete step the lead takes, due a number of days after the type is confirmed.</summary>
public sealed record PlaybookAction(string Id, string En, string Zh, int DueInDays)
{
    public string In(Language language) => language == Language.ZhCn ? Zh : En;
}

/// <summary>How to coach one type of manager: what to look into, how to talk, what to do, the actions, and tips for the manager.</summary>
public sealed record Playbook(
    ManagerType Type,
    PlaybookLine Name,
    PlaybookLine Summary,
    IReadOnlyList<PlaybookLine> LookInto,
    IReadOnlyList<PlaybookLine> HowToTalk,
    IReadOnlyList<PlaybookLine> WhatToDo,
    IReadOnlyList<PlaybookAction> Actions,
    IReadOnlyList<PlaybookLine> ManagerTips);

/// <summary>
/// The coaching seeds as the app uses them: one playbook per type (seeds/coaching/playbooks.json) and the rules'
/// thresholds (seeds/coaching/thresholds.json). Loaded at start-up (a bad file stops the start with the reason) and
/// again when an admin types <c>reload</c> (a bad file then changes nothing).
/// </summary>
public sealed class CoachingLibrary
{
    private readonly string _folder;
    private readonly string? _shipped;
    private volatile Loaded _loaded;

    private sealed record Loaded(IReadOnlyDictionary<ManagerType, Playbook> Playbooks, CoachingThresholds Thresholds);

    /// <param name="folder">The seed folder's coaching/ (Database:SeedPath).</param>
    /// <param name="shipped">
    /// The coaching/ folder shipped with the app, used file by file when <paramref name="folder"/> lacks one (a seed
    /// folder made for one organisation need not copy the product's playbooks).
    /// </param>
    public CoachingLibrary(string folder, string? shipped = null)
    {
        _folder = folder;
        _shipped = shipped;
        _loaded = Load(folder, shipped);
    }

    public CoachingThresholds Thresholds => _loaded.Thresholds;

    public Playbook this[ManagerType type] => _loaded.Playbooks[type];

    public PlaybookAction? FindAction(ManagerType type, string actionId) =>
        _loaded.Playbooks[type].Actions.FirstOrDefault(a => a.Id == actionId);

    /// <summary>Reads the files again; throws (and keeps what it had) when one is wrong.</summary>
    public void Reload() => _loaded = Load(_folder, _shipped);

    public static string TypeKey(ManagerType type) => JsonNamingPolicy.CamelCase.ConvertName(type.ToString());

    private static Loaded Load(string folder, string? shipped)
    {
        string? Find(string file) =>
            File.Exists(Path.Combine(folder, file)) ? Path.Combine(folder, file)
            : shipped is not null && File.Exists(Path.Combine(shipped, file)) ? Path.Combine(shipped, file)
            : null;

        var thresholdsPath = Find("thresholds.json");
        var thresholds = thresholdsPath is null ? CoachingThresholds.Default : CoachingThresholds.Parse(File.ReadAllText(thresholdsPath));
        var problems = thresholds.Validate();
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"{thresholdsPath}: {string.Join("; ", problems)}");
        }

        var playbooks = Find("playbooks.json") ?? throw new InvalidDataException($"No coaching playbooks: {Path.Combine(folder, "playbooks.json")} does not exist.");
        return new Loaded(ParsePlaybooks(File.ReadAllText(playbooks), "playbooks.json"), thresholds);
    }

    /// <summary>Reads and checks the playbooks: every type once, every text in both languages, action ids unique.</summary>
    public static IReadOnlyDictionary<ManagerType, Playbook> ParsePlaybooks(string json, string fileName)
    {
        var file = JsonSerializer.Deserialize(json, CoachingSeedJsonContext.Default.PlaybookFile)
            ?? throw new InvalidDataException($"{fileName}: empty");
        var byKey = Enum.GetValues<ManagerType>().ToDictionary(TypeKey, t => t, StringComparer.Ordinal);
        var result = new Dictionary<ManagerType, Playbook>();
        var actionIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in file.Playbooks ?? [])
        {
            if (p.Type is null || !byKey.TryGetValue(p.Type, out var type))
            {
                throw new InvalidDataException($"{fileName}: unknown type '{p.Type}' (expected one of {string.Join(", ", byKey.Keys)})");
            }

            if (result.ContainsKey(type))
            {
                throw new InvalidDataException($"{fileName}: type '{p.Type}' appears twice");
            }

            string where = $"{fileName}, {p.Type}";
            var actions = new List<PlaybookAction>();
            foreach (var a in p.Actions ?? [])
            {
                if (string.IsNullOrWhiteSpace(a.Id) || !actionIds.Add(a.Id) || a.Id.Length > 64)
                {
                    throw new InvalidDataException($"{where}: every action needs an id of at most 64 characters, unique in the file ('{a.Id}')");
                }

                if (a.DueInDays is < 0 or > 365)
                {
                    throw new InvalidDataException($"{where}, action {a.Id}: dueInDays must be 0–365");
                }

                var text = Line(a.En, a.Zh, $"{where}, action {a.Id}");
                actions.Add(new PlaybookAction(a.Id, text.En, text.Zh, a.DueInDays));
            }

            result[type] = new Playbook(
                type,
                Line(p.NameEn, p.NameZh, where + ", name"),
                Line(p.SummaryEn, p.SummaryZh, where + ", summary"),
                Lines(p.LookInto, where + ", lookInto"),
                Lines(p.HowToTalk, where + ", howToTalk"),
                Lines(p.WhatToDo, where + ", whatToDo"),
                actions,
                Lines(p.ManagerTips, where + ", managerTips"));
        }

        var missing = byKey.Where(k => !result.ContainsKey(k.Value)).Select(k => k.Key).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"{fileName}: no playbook for {string.Join(", ", missing)}");
        }

        return result;
    }

    private static List<PlaybookLine> Lines(List<PlaybookLineSeed>? lines, string where) =>
        (lines ?? []).Select((l, i) => Line(l.En, l.Zh, $"{where}[{i}]")).ToList();

    private static PlaybookLine Line(string? en, string? zh, string where)
    {
        if (string.IsNullOrWhiteSpace(en) || string.IsNullOrWhiteSpace(zh))
        {
            throw new InvalidDataException($"{where}: needs both an English and a Chinese text");
        }

        if (en.Contains('<', StringComparison.Ordinal) || zh.Contains('<', StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{where}: plain text only (no markup)");
        }

        return new PlaybookLine(en.Trim(), zh.Trim());
    }
}

internal sealed class PlaybookFile
{
    public List<PlaybookSeed>? Playbooks { get; set; }
}

internal sealed class PlaybookSeed
{
    public string? Type { get; set; }
    public string? NameEn { get; set; }
    public string? NameZh { get; set; }
    public string? SummaryEn { get; set; }
    public string? SummaryZh { get; set; }
    public List<PlaybookLineSeed>? LookInto { get; set; }
    public List<PlaybookLineSeed>? HowToTalk { get; set; }
    public List<PlaybookLineSeed>? WhatToDo { get; set; }
    public List<PlaybookActionSeed>? Actions { get; set; }
    public List<PlaybookLineSeed>? ManagerTips { get; set; }
}

internal sealed class PlaybookLineSeed
{
    public string? En { get; set; }
    public string? Zh { get; set; }
}

internal sealed class PlaybookActionSeed
{
    public string? Id { get; set; }
    public string? En { get; set; }
    public string? Zh { get; set; }
    public int DueInDays { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(PlaybookFile))]
internal sealed partial class CoachingSeedJsonContext : JsonSerializerContext;
