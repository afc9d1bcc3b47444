using System.Globalization;
using System.Text;

namespace DiligenceBot.BotFramework;

/// <summary>
/// Makes a string that someone outside the bot chose (an activity or conversation id, a name, a channel id, a
/// service URL, a key id from a key document) safe to put in a log line: at most <see cref="MaxLength"/>
/// characters, and every control, format (zero-width, bidi) or line/paragraph separator character written as a
/// visible <c>\uXXXX</c> (a lone surrogate too), so a value cannot forge log lines, hide itself, flip what a reader sees or flood the
/// log. Every log call site that logs such a value passes it through <see cref="Untrusted"/>.
/// </summary>
public static class LogText
{
    /// <summary>Characters kept of an untrusted value; longer values end in "…(N chars)".</summary>
    public const int MaxLength = 128;

    /// <summary>The value as it may appear in a log line; null stays null. No allocation for an ordinary value.</summary>
    public static string? Untrusted(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length <= MaxLength && !value.AsSpan().ContainsAny(Unprintable.Values) && !value.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            return value;
        }

        var text = new StringBuilder(Math.Min(value.Length, MaxLength) + 24);
        var i = 0;
        for (var kept = 0; i < value.Length && kept < MaxLength; i++, kept++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                text.Append(c).Append(value[++i]);
            }
            else if (char.IsSurrogate(c) || Unprintable.IsUnprintable(c))
            {
                text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        if (i < value.Length)
        {
            text.Append("…(").Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(" chars)");
        }

        return text.ToString();
    }

    private static class Unprintable
    {
        /// <summary>Every BMP character that is a control, a format character or a line/paragraph separator.</summary>
        public static readonly System.Buffers.SearchValues<char> Values = System.Buffers.SearchValues.Create(Build());

        public static bool IsUnprintable(char c) => char.GetUnicodeCategory(c) is
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

        private static char[] Build()
        {
            var chars = new List<char>();
            for (var c = 0; c <= char.MaxValue; c++)
            {
                if (!char.IsSurrogate((char)c) && IsUnprintable((char)c))
                {
                    chars.Add((char)c);
                }
            }

            return [.. chars];
        }
    }
}
