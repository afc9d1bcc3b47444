using DiligenceBot.Input;
using DiligenceBot.Localization;

namespace DiligenceBot.Transfers;

/// <summary>
/// Checks what was typed on a transfer card. Values come back exactly as typed (so the card can show them again)
/// and errors per input in the user's language; a form or step is stored only when nothing is wrong. Texts and
/// numbers are judged by <see cref="UserText"/> and <see cref="UserNumber"/>, like every other card input.
/// </summary>
public static class TransferValidation
{
    /// <summary>A new form's checked content.</summary>
    public sealed record NewForm(TransferCategory Category, TransferUrgency Urgency, string Content, string? Request, string? Customer);

    public static NewForm? CheckNewForm(Dictionary<string, string> typed, IReadOnlyList<TransferCategory> categories, Language language, Dictionary<string, string> errors)
    {
        var categoryId = UserText.Clean(typed.GetValueOrDefault(TransferCards.CategoryInput));
        var category = categories.SingleOrDefault(c => c.Id == categoryId);
        if (category is null)
        {
            errors[TransferCards.CategoryInput] = Texts.Transfers.ErrorCategory.In(language);
        }

        TransferUrgency? urgency = UserText.Clean(typed.GetValueOrDefault(TransferCards.UrgencyInput)) switch
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
        var customer = Text(typed, TransferCards.CustomerInput, Texts.Transfers.Customer, TransferLimits.Customer, required: false, language, errors, multiline: false);
        return errors.Count == 0 ? new NewForm(category!, urgency!.Value, content!, request, customer) : null;
    }

    /// <summary>
    /// A free text checked by <see cref="UserText"/>: at most <paramref name="max"/> characters, plain text only
    /// (markup and control characters are refused rather than cleaned, so the writer sees exactly what to change),
    /// invisible-only text is empty. Null when empty or wrong; the error, if any, is added under <paramref name="key"/>.
    /// </summary>
    public static string? Text(Dictionary<string, string> typed, string key, Text label, int max, bool required, Language language, Dictionary<string, string> errors, bool multiline = true)
    {
        if (UserText.Check(typed.GetValueOrDefault(key), new TextRule(max, required, Multiline: multiline), label.In(language), language, out var clean) is { } error)
        {
            errors[key] = error;
        }

        return clean;
    }

    /// <summary>A rating from 1 to 5 (required).</summary>
    public static int? Rating(Dictionary<string, string> typed, string key, Language language, Dictionary<string, string> errors)
    {
        if (UserNumber.TryParseWhole(typed.GetValueOrDefault(key), 1, 5, out var r))
        {
            return r;
        }

        errors[key] = Texts.Transfers.ErrorRating.In(language);
        return null;
    }
}
