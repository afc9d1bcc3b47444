using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DiligenceBot.BotFramework.Schema;
using DiligenceBot.Localization;
using DiligenceBot.Tests.Help;

namespace DiligenceBot.Tests.Localization;

/// <summary>
/// Dates and instants are written by one formatter (<see cref="CardDates"/>) whose results cannot break over two lines,
/// and every card uses it: a date written any other way on any card of <see cref="CardSchemaTests.EveryCard"/> fails
/// here, before it is ever drawn (CardRenderingTests checks the pictures).
/// </summary>
public sealed partial class CardDatesTests
{
    private static readonly DateOnly Monday = new(2026, 11, 30);

    [Fact]
    public void ADay_HasNonBreakingHyphens()
    {
        Assert.Equal("2026\u201111\u201130", CardDates.Day(Monday));
        Assert.Equal("2026\u201101\u201102", CardDates.Day(new DateOnly(2026, 1, 2)));
    }

    [Fact]
    public void AnInstant_IsReadInTheZone_DateAndTimeJoinedByANoBreakSpace()
    {
        // 00:10 UTC is 08:10 in Beijing and still the day before in New York.
        var at = new DateTimeOffset(2026, 11, 30, 0, 10, 0, TimeSpan.Zero);

        Assert.Equal("2026\u201111\u201130\u00a008:10", CardDates.At(at, "Asia/Shanghai"));
        Assert.Equal("2026\u201111\u201129\u00a019:10", CardDates.At(at, "America/New_York"));
    }

    [Fact]
    public void LongShortAndMonth_AreOneUnbreakableWord_InBothLanguages()
    {
        Assert.Equal("Monday\u00a030\u00a0November", CardDates.Long(Monday, Language.EnUs));
        Assert.Equal("Mon\u00a030\u00a0Nov", CardDates.Short(Monday, Language.EnUs));
        Assert.Equal("November\u00a02026", CardDates.Month(Monday, Language.EnUs));

        // Chinese may break between any two characters: a word joiner (invisible) sits between each.
        Assert.Equal("11月30日（星期一）", CardDates.Long(Monday, Language.ZhCn).Replace("\u2060", string.Empty));
        Assert.DoesNotMatch(BreakableZh(), CardDates.Long(Monday, Language.ZhCn));
        Assert.Equal("11月30日（周一）", CardDates.Short(Monday, Language.ZhCn).Replace("\u2060", string.Empty));
        Assert.Equal("2026年11月", CardDates.Month(Monday, Language.ZhCn).Replace("\u2060", string.Empty));
        Assert.DoesNotMatch(BreakableZh(), CardDates.Month(Monday, Language.ZhCn));
        Assert.DoesNotMatch(BreakableZh(), CardDates.Short(Monday, Language.ZhCn));
    }

    /// <summary>Every card's shown text (not its data): a date, month or date and time written without the formatter fails.</summary>
    [Fact]
    public void ACount_StaysWithItsUnit_InBothLanguages()
    {
        const string J = "\u2060";
        Assert.Equal($"华美便利店（L-1001）：计{J}划{J}4{J}次，要{J}求{J}4{J}次", CardDates.KeepCounts("华美便利店（L-1001）：计划4次，要求4次"));
        Assert.Equal($"本月：截至目前计划拜{J}访{J}28{J}次，已完{J}成{J}26{J}次", CardDates.KeepCounts("本月：截至目前计划拜访28次，已完成26次"));
        Assert.Equal($"准时率（30{J}天）", CardDates.KeepCounts("准时率（30天）"));
        Assert.Equal("Huamei Store (L-1001): 4\u00a0of\u00a04\u00a0required", CardDates.KeepCounts("Huamei Store (L-1001): 4 of 4 required"));
        Assert.Equal("On time (30\u00a0days)", CardDates.KeepCounts("On time (30 days)"));
    }

    [Fact]
    public void EveryCard_ShowsDatesOnlyAsTheFormatterWritesThem()
    {
        var found = new List<string>();
        foreach (var (name, card) in CardSchemaTests.EveryCard())
        {
            foreach (var text in Shown(JsonSerializer.SerializeToNode(card, BotJsonContext.Default.AdaptiveCard)!))
            {
                foreach (var pattern in new[] { AsciiDate(), AsciiMonth(), DateSpaceTime(), ZhDate(), EnDateWithSpaces() })
                {
                    found.AddRange(pattern.Matches(text).Select(m => $"{name}: \"{m.Value}\" in \"{text}\""));
                }
            }
        }

        Assert.True(found.Count == 0, "dates not written by CardDates (they can break over two lines):\n" + string.Join('\n', found));
    }

    [Fact]
    public void TheScan_FindsDatesWrittenWithoutTheFormatter()
    {
        // Guards the guard.
        Assert.Matches(AsciiDate(), "submitted 2026-11-30");
        Assert.Matches(AsciiMonth(), "Monthly pulse · 2026-11");
        Assert.Matches(DateSpaceTime(), "2026\u201111\u201130 08:10");
        Assert.Matches(ZhDate(), "11月30日（星期一）工作日志");
        Assert.Matches(EnDateWithSpaces(), "Work log for Monday 30 November");
        Assert.DoesNotMatch(AsciiDate(), CardDates.At(new DateTimeOffset(2026, 11, 30, 0, 10, 0, TimeSpan.Zero), "Asia/Shanghai"));
        Assert.DoesNotMatch(ZhDate(), CardDates.Long(Monday, Language.ZhCn));
        Assert.DoesNotMatch(EnDateWithSpaces(), CardDates.Long(Monday, Language.EnUs));
    }

    /// <summary>The texts a reader sees: text blocks, facts, labels, placeholders, choices and button titles.</summary>
    private static IEnumerable<string> Shown(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in new[] { "text", "title", "value", "label", "placeholder", "fallbackText" })
                {
                    // An input's value is what someone typed or the card carries, not a text the bot wrote.
                    var isInput = o["type"]?.GetValue<string>() is { } type && type.StartsWith("Input.", StringComparison.Ordinal);
                    if (o[key] is JsonValue v && v.TryGetValue<string>(out var s) && !(key == "value" && isInput))
                    {
                        yield return s;
                    }
                }

                foreach (var (key, child) in o)
                {
                    if (child is not null && key is not "data")
                    {
                        foreach (var s in Shown(child))
                        {
                            yield return s;
                        }
                    }
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    if (child is not null)
                    {
                        foreach (var s in Shown(child))
                        {
                            yield return s;
                        }
                    }
                }

                break;
        }
    }

    [GeneratedRegex(@"\d{4}-\d{1,2}-\d{1,2}")]
    private static partial Regex AsciiDate();

    [GeneratedRegex(@"(?<![\d\-‑])\d{4}-\d{1,2}(?![\d\-‑])")]
    private static partial Regex AsciiMonth();

    [GeneratedRegex(@"\d{4}[\-‑]\d{1,2}[\-‑]\d{1,2} \d{1,2}:\d{2}")]
    private static partial Regex DateSpaceTime();

    [GeneratedRegex(@"\d{1,2}月\d{1,2}日|\d{4}年\d{1,2}月")]
    private static partial Regex ZhDate();

    [GeneratedRegex(@"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day \d{1,2} [A-Z][a-z]+|\b(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}")]
    private static partial Regex EnDateWithSpaces();

    /// <summary>Two visible characters of a Chinese date side by side, with no word joiner between them.</summary>
    [GeneratedRegex(@"[^\u2060][^\u2060]")]
    private static partial Regex BreakableZh();
}
