using System.Globalization;
using DiligenceBot.Localization;

namespace DiligenceBot.Input;

/// <summary>
/// The one place that reads a number someone typed (or a card sent): plain decimal notation in the invariant
/// culture, finite only. "NaN", "Infinity", "-Infinity", "∞" and values beyond double's range ("1e309", which .NET
/// would read as infinity) are not numbers a person meant, so they are refused like any other invalid number and
/// never reach a card or the database. Whitespace of any kind around the number (U+3000 and no-break space included)
/// is ignored, and full-width digits and signs (３, －１．５, what a Chinese input method types) read as their ASCII forms.
/// </summary>
public static class UserNumber
{
    public static bool TryParse(string? typed, out double value)
    {
        value = 0;
        var text = UserText.Narrow(UserText.Clean(typed));
        if (text.Length == 0 || text.Length > 64
            || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            || !double.IsFinite(parsed))
        {
            return false;
        }

        // -0 is 0 to anyone reading it back.
        value = parsed == 0 ? 0 : parsed;
        return true;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/> (a rating, a scale): "3" or "3.0", not "3.5".</summary>
    public static bool TryParseWhole(string? typed, int min, int max, out int value)
    {
        value = 0;
        if (!TryParse(typed, out var number) || number != Math.Floor(number) || number < min || number > max)
        {
            return false;
        }

        value = (int)number;
        return true;
    }

    /// <summary>
    /// Checks a number typed into a card input against its range: the error in the user's language (a specific one
    /// for NaN and infinities), or null with the value.
    /// </summary>
    public static string? Check(string? typed, double? min, double? max, string label, Language language, out double value)
    {
        if (TryParse(typed, out value) && !(value < min) && !(value > max))
        {
            return null;
        }

        var from = (min ?? 0).ToString(CultureInfo.InvariantCulture);
        var to = (max ?? double.MaxValue).ToString(CultureInfo.InvariantCulture);
        var text = UserText.Clean(typed);
        return IsNotFinite(UserText.Narrow(text))
            ? Texts.Input.NotFinite.Format(language, label, from, to, text.Length > 20 ? text[..20] + "…" : text)
            : Texts.Input.Number.Format(language, label, from, to);
    }

    /// <summary>"NaN", an infinity, or a number too large for any calculation.</summary>
    private static bool IsNotFinite(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && !double.IsFinite(parsed);
}
