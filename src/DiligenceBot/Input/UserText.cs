using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DiligenceBot.Localization;

namespace DiligenceBot.Input;

/// <summary>What a text input accepts: at most <see cref="MaxLength"/> stored characters, at least <see cref="MinLength"/> visible ones.</summary>
public readonly record struct TextRule(int MaxLength, bool Required = false, int MinLength = 0, bool Multiline = true);

/// <summary>
/// The one place that decides what typed text is worth: every text input of every card is checked here.
/// <list type="bullet">
/// <item>Text made only of invisible characters — whitespace of any kind (U+3000 included), format characters (zero-width
/// space, joiners, BOM, word joiner, soft hyphen, bidi controls, tags), control characters, lone variation
/// selectors and the Hangul and Braille blanks — is empty, for "required" as for every minimum length.</item>
/// <item>Minimum lengths count what a reader sees: one per grapheme that has a visible character (一 counts one, an
/// emoji with its modifiers one). Maximum lengths count the stored UTF-16 characters, which is what the database
/// columns hold.</item>
/// <item>Control characters are refused (newline and tab only in multi-line inputs), so is HTML or script markup:
/// the writer sees exactly what to change rather than a silently cleaned text.</item>
/// <item>Bidi controls (embeddings, overrides, isolates and the implicit marks) are removed from what is stored and
/// shown, so a note cannot make a lead read its words in another order; right-to-left scripts still display right
/// to left by the Unicode bidi algorithm. Leading and trailing invisible characters are trimmed.</item>
/// </list>
/// </summary>
public static partial class UserText
{
    private static readonly char[] ListSeparators = [',', '，', '、', ';', '；', '\n', '\r', '\t'];

    /// <summary>The items of a typed list (customers named in a plan or a record), separated as people type lists in either language.</summary>
    public static string[] Items(string? text) =>
        (text ?? string.Empty).Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Checks a typed text; the error in the user's language, or null with the text to store (null when empty).</summary>
    public static string? Check(string? typed, TextRule rule, string label, Language language, out string? clean)
    {
        clean = null;
        var text = Clean(typed);
        if (HasControl(text, rule.Multiline))
        {
            return Texts.Input.Control.Format(language, label);
        }

        var visible = VisibleLength(text);
        if (visible == 0)
        {
            return rule.Required ? Texts.Input.Required.Format(language, label) : null;
        }

        if (ContainsMarkup(text))
        {
            return Texts.Input.Markup.Format(language, label);
        }

        if (text.Length > rule.MaxLength)
        {
            return Texts.Input.TooLong.Format(language, label, rule.MaxLength, text.Length);
        }

        if (visible < rule.MinLength)
        {
            return Texts.Input.TooShort.Format(language, label, rule.MinLength);
        }

        clean = text;
        return null;
    }

    /// <summary>True when nothing in the text can be seen.</summary>
    public static bool IsBlank(string? text) => VisibleLength(text) == 0;

    /// <summary>Graphemes with at least one visible character (a Chinese character, a letter with its accents, an emoji sequence: one each).</summary>
    public static int VisibleLength(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        var count = 0;
        var graphemes = StringInfo.GetTextElementEnumerator(text);
        while (graphemes.MoveNext())
        {
            foreach (var rune in ((string)graphemes.Current).EnumerateRunes())
            {
                if (!IsInvisible(rune))
                {
                    count++;
                    break;
                }
            }
        }

        return count;
    }

    /// <summary>The text without bidi controls and without invisible characters at either end.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (text.AsSpan().IndexOfAny(BidiControls) >= 0)
        {
            var kept = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                if (!BidiControls.Contains(c))
                {
                    kept.Append(c);
                }
            }

            text = kept.ToString();
        }

        var start = 0;
        while (start < text.Length && Rune.DecodeFromUtf16(text.AsSpan(start), out var rune, out var used) == OperationStatus.Done && IsTrimmable(rune))
        {
            start += used;
        }

        var end = text.Length;
        while (end > start && Rune.DecodeLastFromUtf16(text.AsSpan(start, end - start), out var rune, out var used) == OperationStatus.Done && IsTrimmable(rune))
        {
            end -= used;
        }

        return text[start..end];
    }

    /// <summary>
    /// Control characters (other than newline and tab in a multi-line input) and broken UTF-16 (an unpaired
    /// surrogate) have no place in a note a person reads, and some databases cannot store them.
    /// </summary>
    public static bool HasControl(string text, bool multiline)
    {
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var used) != OperationStatus.Done)
            {
                return true;
            }

            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.Control && !(multiline && rune.Value is '\n' or '\r' or '\t'))
            {
                return true;
            }

            rest = rest[used..];
        }

        return false;
    }

    /// <summary>True when the text contains HTML/script markup that must not be stored or echoed into cards.</summary>
    public static bool ContainsMarkup(string text) => MarkupPattern().IsMatch(text);

    /// <summary>
    /// The text with full-width ASCII forms (Ｕ+FF01-FF5E: １２３, ＡＢＣ, －, ．) as their ASCII letters, digits and signs, the
    /// way a Chinese input method often types them; nothing else changes. For values read as numbers or codes
    /// (licence numbers), never for names or notes.
    /// </summary>
    public static string Narrow(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\uFF01', '\uFF5E'))
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;
            }
        });
    }

    /// <summary>Typed text made fit to match against keywords and names: cleaned, and every run of invisible characters a single space.</summary>
    public static string Words(string? text)
    {
        var clean = Clean(text);
        var words = new StringBuilder(clean.Length);
        var gap = false;
        foreach (var rune in clean.EnumerateRunes())
        {
            if (IsInvisible(rune))
            {
                gap = true;
                continue;
            }

            if (gap && words.Length > 0)
            {
                words.Append(' ');
            }

            gap = false;
            words.Append(rune.ToString());
        }

        return words.ToString();
    }

    private static readonly SearchValues<char> BidiControls = SearchValues.Create(
        "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C");

    private static bool IsTrimmable(Rune rune) =>
        Rune.IsWhiteSpace(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format || IsBlankLetter(rune);

    private static bool IsInvisible(Rune rune) =>
        Rune.IsWhiteSpace(rune)
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.Control or UnicodeCategory.Surrogate
        || IsBlankLetter(rune)
        || rune.Value is 0x034F or (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF) or (>= 0x180B and <= 0x180F);

    /// <summary>Characters that are letters or symbols to Unicode but draw nothing: Hangul fillers, the Braille blank.</summary>
    private static bool IsBlankLetter(Rune rune) => rune.Value is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800;

    [GeneratedRegex(@"<\s*/?\s*[a-zA-Z!?]|javascript\s*:|on[a-z]+\s*=\s*[""']", RegexOptions.IgnoreCase)]
    private static partial Regex MarkupPattern();
}
