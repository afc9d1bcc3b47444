using System.Globalization;

namespace DiligenceBot.Localization;

/// <summary>
/// The one way the bot writes a day, a month, a time of day or an instant for people to read (cards and messages),
/// so that none is broken over two lines on a phone: "2026‑11‑30", "2026‑11‑30 08:10", "Friday 27 November",
/// "11月27日（星期五）", "November 2026", "2026年11月". A date's hyphens are non-breaking hyphens (U+2011) and a date
/// and its time, or the words of an English date, are joined by no-break spaces (U+00A0): with ordinary hyphens the
/// browser breaks "2026-11-30" after a hyphen, with or without a no-break space after it. A Chinese date has word
/// joiners (U+2060, invisible) between its characters, since Chinese may break between any two. The fonts Teams
/// uses (Segoe UI, the phones' system fonts, Noto Sans CJK in tools/render-cards) draw all three; render-cards fails
/// on a glyph drawn as a box. Values a card carries rather than shows (action data, element ids, Input.Date values)
/// and the examples people are asked to type stay plain "yyyy-MM-dd".
/// </summary>
public static partial class CardDates
{
    public const char NonBreakingHyphen = '\u2011';
    public const char NoBreakSpace = '\u00a0';
    public const char WordJoiner = '\u2060';

    /// <summary>A card's text without the word joiners and no-break spaces that keep it on one line (a file, its name and a sheet need neither).</summary>
    public static string Plain(string text) => text.Replace(WordJoiner.ToString(), string.Empty, StringComparison.Ordinal).Replace('\u00a0', ' ');

    /// <summary>"2026‑11‑30".</summary>
    public static string Day(DateOnly day) =>
        day.ToString("yyyy'\u2011'MM'\u2011'dd", CultureInfo.InvariantCulture);

    /// <summary>"08:30".</summary>
    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"2026‑11‑30 08:10": the instant as read in the IANA time zone (a team's, a post's, the organisation's).</summary>
    public static string At(DateTimeOffset at, string timeZone)
    {
        var local = TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(timeZone));
        return Day(DateOnly.FromDateTime(local.DateTime)) + NoBreakSpace + Time(TimeOnly.FromDateTime(local.DateTime));
    }

    /// <summary>"Friday 27 November" / "11月27日（星期五）", for titles and sentences.</summary>
    public static string Long(DateOnly day, Language language) => Joined(Texts.Dates.Long, day, language);

    /// <summary>"Fri 27 Nov" / "11月27日（周五）", for lists.</summary>
    public static string Short(DateOnly day, Language language) => Joined(Texts.Dates.Short, day, language);

    /// <summary>"November 2026" / "2026年11月".</summary>
    public static string Month(DateOnly month, Language language) => Joined(Texts.Dates.Month, month, language);

    /// <summary>"Nov" / "11月": a month within a year already named.</summary>
    public static string MonthOnly(DateOnly month, Language language) => Joined(Texts.Dates.MonthOnly, month, language);

    /// <summary>"Q4" / "第4季度": a quarter (1-4) within a year already named.</summary>
    public static string QuarterOnly(int quarter, Language language) => Unbroken(Texts.Dates.QuarterOnly.Format(language, quarter), language);

    /// <summary>"Q4 2026" / "2026年第4季度", the quarter holding the day.</summary>
    public static string Quarter(DateOnly day, Language language) =>
        Unbroken(Texts.Dates.Quarter.Format(language, day.Year, ((day.Month - 1) / 3) + 1), language);

    /// <summary>"H2 2026" / "2026年下半年", the half-year holding the day.</summary>
    public static string HalfYear(DateOnly day, Language language) =>
        Unbroken((day.Month <= 6 ? Texts.Dates.FirstHalf : Texts.Dates.SecondHalf).Format(language, day.Year), language);

    /// <summary>
    /// A line with counts in it, each number kept on one line with the words beside it, as a date is: in Chinese a
    /// number, the unit after it and up to two characters before it are one word ("计划4次", "（30天）": word joiners,
    /// since Chinese may break between a number and its unit, "4" / "次"); in English the spaces between a number and
    /// the words next to it are no-break ("2 of 4 required", "(30 days)").
    /// </summary>
    public static string KeepCounts(string text) =>
        SpaceBesideNumber().Replace(ChineseCount().Replace(text, m => JoinChinese(m.Value)), NoBreakSpace.ToString());

    /// <summary>Word joiners between every two characters of which one is Chinese.</summary>
    private static string JoinChinese(string text)
    {
        var joined = new System.Text.StringBuilder(text.Length * 2);
        for (var i = 0; i < text.Length; i++)
        {
            if (i > 0 && (IsChinese(text[i - 1]) || IsChinese(text[i])))
            {
                joined.Append(WordJoiner);
            }

            joined.Append(text[i]);
        }

        return joined.ToString();
    }

    private static bool IsChinese(char c) => c is >= '\u4e00' and <= '\u9fff';

    [System.Text.RegularExpressions.GeneratedRegex(@"[\u4e00-\u9fff]{0,2}\d+(?:[.,/]\d+)*[\u4e00-\u9fff]|[\u4e00-\u9fff]{1,2}\d+(?:[.,/]\d+)*")]
    private static partial System.Text.RegularExpressions.Regex ChineseCount();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=\d) (?=[A-Za-z])|(?<=[A-Za-z]) (?=\d)")]
    private static partial System.Text.RegularExpressions.Regex SpaceBesideNumber();

    /// <summary>
    /// The text with its spaces made no-break (English) or a word joiner between every two characters (Chinese), so
    /// it is one unbreakable word wherever it stands.
    /// </summary>
    private static string Joined(Text text, DateOnly day, Language language) =>
        Unbroken(text.Format(language, day.ToDateTime(TimeOnly.MinValue)), language);

    private static string Unbroken(string text, Language language)
    {
        var written = text.Replace(' ', NoBreakSpace);
        return language == Language.ZhCn ? string.Join(WordJoiner, written.ToCharArray()) : written;
    }
}
