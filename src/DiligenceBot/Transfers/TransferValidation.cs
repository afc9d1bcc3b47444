using System.Globalization;
using System.Text.Json;
using DiligenceBot.Localization;
using DiligenceBot.WorkLogs;

namespace DiligenceBot.Transfers;

/// <summary>
/// Checks what was typed on a transfer card. Values come back exactly as typed (so the card can show them again)
/// and errors per input in the user's language; a form or step is stored only when nothing is wrong.
/// </summary>
public static class TransferValidation
{
    /// <summary>A new form's checked content.</summary>
    public sealed record NewForm(TransferCategory Category, TransferUrgency Urgency, string Content, string? Request, string? Customer);

    /// <summary>Reads the given inputs from the card data (strings and numbers, as text).</summary>
    public static Dictionary<string, string> Read(JsonElement? data, params string[] keys)
    {
        var typed = new Dictionary<string, string>(StringComparer.Ordinal);
        if (data is not { ValueKind: JsonValueKind.Object } d)
        {
            return typed;
        }

        foreach (var key in keys)
        {
            if (d.TryGetProperty(key, out var v))
            {
                typed[key] = v.ValueKind switch
                {
                    JsonValueKind.String => v.GetString() ?? string.Empty,
                    JsonValueKind.Number => v.GetRawText(),
                    _ => string.Empty,
                };
            }
        }

        return typed;
    }

    public static NewForm? CheckNewForm(Dictionary<string, string> typed, IReadOnlyList<TransferCategory> categories, Language language, Dictionary<string, string> errors)
    {
        var categoryId = typed.GetValueOrDefault(TransferCards.CategoryInput)?.Trim() ?? string.Empty;
        var category = categories.SingleOrDefault(c => c.Id == categoryId);
        if (category is null)
        {
            errors[TransferCards.CategoryInput] = Texts.Transfers.ErrorCategory.In(language);
        }

        TransferUrgency? urgency = (typed.GetValueOrDefault(TransferCards.UrgencyInput)?.Trim() ?? string.Empty) switch
        {
            "" or TransferCards.Normal => TransferUrgency.Normal,
            TransferCards.Urgent => TransferUrgency.Urgent,
            _ => null,
        };
        if (urgency is null)
        {
            errors[TransferCards.UrgencyInput] = Texts.Transfers.ErrorUrgency.In(language);
        }

        var content = Text(typed, TransferCards.ContentInput, Texts.Transfers.Content, TransferLimits.Content, required: true, language, errors);
        var request = Text(typed, TransferCards.RequestInput, Texts.Transfers.Request, TransferLimits.Request, required: false, language, errors);
        var customer = Text(typed, TransferCards.CustomerInput, Texts.Transfers.Customer, TransferLimits.Customer, required: false, language, errors);
        return errors.Count == 0 ? new NewForm(category!, urgency!.Value, content!, request, customer) : null;
    }

    /// <summary>
    /// A free text: trimmed, required or not, at most <paramref name="max"/> characters, plain text only (markup is
    /// refused rather than cleaned, so the writer sees exactly what to change). Null when empty or wrong.
    /// </summary>
    public static string? Text(Dictionary<string, string> typed, string key, Text label, int max, bool required, Language language, Dictionary<string, string> errors)
    {
        var text = typed.GetValueOrDefault(key)?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            if (required)
            {
                errors[key] = Texts.Transfers.ErrorRequired.Format(language, label.In(language));
            }

            return null;
        }

        if (text.Length > max)
        {
            errors[key] = Texts.Transfers.ErrorTooLong.Format(language, label.In(language), max, text.Length);
            return null;
        }

        if (LogValidation.ContainsMarkup(text))
        {
            errors[key] = Texts.Transfers.ErrorMarkup.Format(language, label.In(language));
            return null;
        }

        return text;
    }

    /// <summary>A rating from 1 to 5 (required).</summary>
    public static int? Rating(Dictionary<string, string> typed, string key, Language language, Dictionary<string, string> errors)
    {
        if (int.TryParse(typed.GetValueOrDefault(key)?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r is >= 1 and <= 5)
        {
            return r;
        }

        errors[key] = Texts.Transfers.ErrorRating.In(language);
        return null;
    }
}
