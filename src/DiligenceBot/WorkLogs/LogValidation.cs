using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using DiligenceBot.Localization;

namespace DiligenceBot.WorkLogs;

/// <summary>
/// Checks what a manager typed against the team's template. Returns the values exactly as typed (so the card
/// can show them again) and, per field, what to fix, in the manager's language.
/// </summary>
public static partial class LogValidation
{
    public const string InputPrefix = "f.";

    public sealed record Result(Dictionary<string, string> Values, Dictionary<string, string> Errors)
    {
        public bool IsValid => Errors.Count == 0;
    }

    /// <summary>Reads the template's inputs from the card data (the Action.Execute data merged with the inputs).</summary>
    public static Dictionary<string, string> ReadInputs(LogTemplate template, JsonElement? data)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (data is not { ValueKind: JsonValueKind.Object } d)
        {
            return values;
        }

        foreach (var field in template.Fields)
        {
            if (d.TryGetProperty(InputPrefix + field.Key, out var v))
            {
                values[field.Key] = v.ValueKind switch
                {
                    JsonValueKind.String => v.GetString() ?? string.Empty,
                    JsonValueKind.Number => v.GetRawText(),
                    JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
                    _ => string.Empty,
                };
            }
        }

        return values;
    }

    public static Result Validate(LogTemplate template, Dictionary<string, string> typed, DateOnly workDate, Language language)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in template.Fields)
        {
            var raw = typed.TryGetValue(field.Key, out var t) ? t : string.Empty;
            var text = raw.Trim();
            values[field.Key] = raw;
            if (text.Length == 0)
            {
                if (field.Required)
                {
                    errors[field.Key] = Texts.WorkLogs.ErrorRequired.Format(language, field.Label(language));
                }

                continue;
            }

            var error = field.Type switch
            {
                LogFieldTypes.Number => CheckNumber(field, text, language, out var normal) ? Set(values, field.Key, normal) : NumberError(field, language),
                LogFieldTypes.Choice => field.Choices.Any(c => c.Value == text) ? null : Texts.WorkLogs.ErrorChoice.Format(language, field.Label(language)),
                LogFieldTypes.Date => CheckDate(field, text, workDate, language),
                _ => CheckText(field, text, language),
            };
            if (error is not null)
            {
                errors[field.Key] = error;
            }
            else if (field.Type == LogFieldTypes.Text)
            {
                values[field.Key] = text;
            }
        }

        return new Result(values, errors);
    }

    /// <summary>True when the text contains HTML/script markup that must not be stored or echoed into cards.</summary>
    public static bool ContainsMarkup(string text) => MarkupPattern().IsMatch(text);

    private static string? Set(Dictionary<string, string> values, string key, string value)
    {
        values[key] = value;
        return null;
    }

    private static string? CheckText(LogField field, string text, Language language)
    {
        if (ContainsMarkup(text))
        {
            return Texts.WorkLogs.ErrorMarkup.Format(language, field.Label(language));
        }

        if (field.MaxLength is { } max && text.Length > max)
        {
            return Texts.WorkLogs.ErrorTooLong.Format(language, field.Label(language), max, text.Length);
        }

        if (field.MinLength is { } min && text.Length < min)
        {
            return Texts.WorkLogs.ErrorTooShort.Format(language, field.Label(language), min);
        }

        return null;
    }

    private static bool CheckNumber(LogField field, string text, Language language, out string normal)
    {
        normal = text;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || double.IsNaN(n) || double.IsInfinity(n))
        {
            return false;
        }

        if ((field.Min is { } min && n < min) || (field.Max is { } max && n > max))
        {
            return false;
        }

        normal = n.ToString(CultureInfo.InvariantCulture);
        return true;
    }

    private static string NumberError(LogField field, Language language) =>
        Texts.WorkLogs.ErrorNumber.Format(language, field.Label(language),
            (field.Min ?? 0).ToString(CultureInfo.InvariantCulture), (field.Max ?? double.MaxValue).ToString(CultureInfo.InvariantCulture));

    private static string? CheckDate(LogField field, string text, DateOnly workDate, Language language)
    {
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return Texts.WorkLogs.ErrorDate.Format(language, field.Label(language));
        }

        // A future visit can be planned up to a year ahead, not in the past.
        return date < workDate || date > workDate.AddYears(1)
            ? Texts.WorkLogs.ErrorDateRange.Format(language, field.Label(language), workDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            : null;
    }

    [GeneratedRegex(@"<\s*/?\s*[a-zA-Z!?]|javascript\s*:|on[a-z]+\s*=\s*[""']", RegexOptions.IgnoreCase)]
    private static partial Regex MarkupPattern();
}
