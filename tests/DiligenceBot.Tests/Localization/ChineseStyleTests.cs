using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DiligenceBot.Localization;
using DiligenceBot.Tests.Infrastructure;

namespace DiligenceBot.Tests.Localization;

/// <summary>
/// Every Chinese text a user can read — every zh-CN entry of Texts*.cs, the Chinese of the seed files shown to people
/// (team names, log templates, transfer categories and posts, coaching playbooks) and the Teams manifest's zh-CN
/// localization — reads as written by a native supervisor: the reader is addressed as 您, names and numbers sit in the
/// sentence without spaces, punctuation inside Chinese is full-width, a log is 通过 (not 批准), and no sentence is a
/// row of codes such as "4/8/24 小时".
/// </summary>
public sealed partial class ChineseStyleTests
{
    /// <summary>Every Chinese text, by where it comes from (a Texts key, a seed file and JSON path, a manifest key).</summary>
    public static IEnumerable<(string Where, string Text)> EveryChineseText()
    {
        foreach (var group in typeof(Texts).GetNestedTypes())
        {
            foreach (var field in group.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(Text)))
            {
                yield return ($"Texts.{group.Name}.{field.Name}", ((Text)field.GetValue(null)!).ZhCn);
            }
        }

        var seeds = Path.Combine(RepoTools.RepoRoot, "seeds");
        // Every seed file, so a new one (record kinds, the scorecard) is held to the same style without being listed here.
        foreach (var file in Directory.EnumerateFiles(seeds, "*.json", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(seeds, f)).Order(StringComparer.Ordinal))
        {
            foreach (var entry in ChineseValues(JsonNode.Parse(File.ReadAllText(Path.Combine(seeds, file)))!, "$"))
            {
                yield return ($"seeds/{file.Replace('\\', '/')} {entry.Path}", entry.Text);
            }
        }

        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoTools.RepoRoot, "manifests", "zh-cn.json")))!.AsObject();
        foreach (var (key, value) in manifest)
        {
            if (!key.StartsWith('$') && value is JsonValue v && v.TryGetValue<string>(out var text))
            {
                yield return ($"manifests/zh-cn.json {key}", text);
            }
        }
    }

    /// <summary>String values under a key "zh" or ending in "Zh" (nameZh, labelZh, summaryZh...).</summary>
    private static IEnumerable<(string Path, string Text)> ChineseValues(JsonNode node, string path)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    if (value is JsonValue v && v.TryGetValue<string>(out var s) && (key == "zh" || key.EndsWith("Zh", StringComparison.Ordinal)))
                    {
                        yield return ($"{path}.{key}", s);
                    }
                    else if (value is not null)
                    {
                        foreach (var inner in ChineseValues(value, $"{path}.{key}"))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is { } item)
                    {
                        foreach (var inner in ChineseValues(item, $"{path}[{i}]"))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
        }
    }

    /// <summary>What is wrong with one Chinese text (empty when nothing is).</summary>
    public static IReadOnlyList<string> Faults(string text)
    {
        var faults = new List<string>();
        if (text.Contains('你', StringComparison.Ordinal))
        {
            faults.Add("addresses the reader as 你 (write 您)");
        }

        if (text.Contains("批准", StringComparison.Ordinal))
        {
            faults.Add("批准 (a log is 通过, a decision is not an approval of a request)");
        }

        // What is quoted (“例会时间 团队 时:分”) is what the user types, spaces and colons included.
        var prose = Quoted().Replace(text, "“”");
        foreach (Match m in SpaceBesideChinese().Matches(prose))
        {
            faults.Add($"a space beside Chinese: \"{m.Value}\"");
        }

        foreach (Match m in HalfWidthBesideChinese().Matches(prose))
        {
            faults.Add($"half-width punctuation in a Chinese sentence: \"{m.Value}\"");
        }

        if (text.Contains('"', StringComparison.Ordinal))
        {
            faults.Add("straight quotes \" (write “…”)");
        }

        foreach (Match m in LoneDash().Matches(text))
        {
            faults.Add($"a single dash \"{m.Value.Trim()}\" (a Chinese dash is ——)");
        }

        foreach (Match m in CodeRow().Matches(text))
        {
            faults.Add($"a row of codes instead of a sentence: \"{m.Value}\"");
        }

        return faults;
    }

    [Fact]
    public void EveryChineseText_ReadsAsWrittenByANative()
    {
        var texts = EveryChineseText().ToList();
        var offenders = new StringBuilder();
        foreach (var (where, text) in texts)
        {
            foreach (var fault in Faults(text))
            {
                offenders.AppendLine($"{where}: {fault} — {text}");
            }
        }

        Assert.True(texts.Count > 400, $"only {texts.Count} Chinese texts found: the scan is missing a source");
        Assert.True(offenders.Length == 0, "Chinese texts that do not read as a native writes them:\n" + offenders);
    }

    [Theory]
    [InlineData("你的日志已保存。", "你")]
    [InlineData("已由{0}批准", "批准")]
    [InlineData("已被 {0} 退回", "space")]
    [InlineData("{0} 的工作日志", "space")]
    [InlineData("近 30 天", "space")]
    [InlineData("输入 **帮助** 查看", "space")]
    [InlineData("请修改(必填).", "half-width")]
    [InlineData("已保存,请查看", "half-width")]
    [InlineData("理由:太短", "half-width")]
    [InlineData("输入\"帮助\"", "straight quotes")]
    [InlineData("格式：例会时间 — 例如", "dash")]
    [InlineData("提醒—督办", "dash")]
    [InlineData("期限 4/8/24 小时", "codes")]
    [InlineData("一般4/8/24小时", "codes")]
    public void TheRules_CatchEachFault(string text, string expected)
    {
        Assert.Contains(Faults(text), f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("王磊，您好！")]
    [InlineData("已被{0}退回：请修改后重新提交。")]
    [InlineData("{0} · {1}")]
    [InlineData("近30天准时率95%")]
    [InlineData("例会时间09:00（北京时间）")]
    [InlineData("格式：“例会时间 团队 时:分”——例如：“例会时间 east-1 09:00”")]
    [InlineData("输入“帮助”查看我能做什么。")]
    [InlineData("“{0}”最多{1}个字（现在{2}个）。")]
    [InlineData("{0} / 5")]
    [InlineData("提交于2026-11-30 08:15")]
    public void TheRules_PassWellWrittenChinese(string text)
    {
        Assert.Empty(Faults(text));
    }

    // A space with a Chinese character or full-width punctuation mark on one side and anything but a space or the
    // "·" separator on the other.
    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}\p{IsCJKSymbolsandPunctuation}\uFF01-\uFF5E“”‘’…][ \u00A0]+[^ \u00A0·]|[^ \u00A0·\n][ \u00A0]+[\p{IsCJKUnifiedIdeographs}\p{IsCJKSymbolsandPunctuation}\uFF01-\uFF5E“”‘’…]")]
    private static partial Regex SpaceBesideChinese();

    // , . ; : ! ? ( ) touching a Chinese character on either side.
    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}][,.;:!?()]|[,.;:!?()][\p{IsCJKUnifiedIdeographs}]")]
    private static partial Regex HalfWidthBesideChinese();

    [GeneratedRegex(@"“[^”]*”")]
    private static partial Regex Quoted();

    // One em dash (or a spaced one) where Chinese writes two.
    [GeneratedRegex(@"(?<!—)—(?!—)")]
    private static partial Regex LoneDash();

    // Numbers joined by slashes, as in "4/8/24": codes, not a sentence.
    [GeneratedRegex(@"\d+/\d+/\d+")]
    private static partial Regex CodeRow();
}
