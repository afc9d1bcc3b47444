using System.Globalization;
using DiligenceBot.Customers;
using DiligenceBot.Input;
using DiligenceBot.Localization;

namespace DiligenceBot.WorkLogs;

/// <summary>
/// Checks what a manager typed against the team's template. Returns the values exactly as typed (so the card
/// can show them again) and, per field, what to fix, in the manager's language. Text and numbers are judged by
/// <see cref="UserText"/> and <see cref="UserNumber"/>, like every other card input.
/// </summary>
public static class LogValidation
{
    public const string InputPrefix = "f.";

    public sealed record Result(Dictionary<string, string> Values, Dictionary<string, string> Errors)
    {
        public bool IsValid => Errors.Count == 0;
    }

    /// <summary>Reads the template's inputs from the card data (the Action.Execute data merged with the inputs).</summary>
    public static Dictionary<string, string> ReadInputs(LogTemplate template, CardData data) =>
        data.Inputs(template.Fields.SelectMany(f => f.Type == LogFieldTypes.Customers ? [f.Key, CustomerPicks.UnregisteredKey(f.Key)] : new[] { f.Key }), InputPrefix);

    /// <param name="picked">The registered customers among those picked (<see cref="LogTemplate.CustomerIds"/>), whoever serves them.</param>
    /// <param name="managerId">Who writes the log: only their own customers may be picked.</param>
    public static Result Validate(LogTemplate template, Dictionary<string, string> typed, DateOnly workDate, Language language,
        IReadOnlyDictionary<long, PickedCustomer>? picked = null, string? managerId = null)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in template.Fields)
        {
            var raw = typed.TryGetValue(field.Key, out var t) ? t : string.Empty;
            var label = field.Label(language);
            values[field.Key] = raw;
            if (field.Type == LogFieldTypes.Customers)
            {
                CheckCustomers(field, typed, picked ?? new Dictionary<long, PickedCustomer>(), managerId, language, values, errors);
                continue;
            }

            if (field.Type == LogFieldTypes.Text)
            {
                var rule = new TextRule(field.MaxLength ?? 4000, field.Required, field.MinLength ?? 0, field.Multiline);
                if (UserText.Check(raw, rule, label, language, out var clean) is { } textError)
                {
                    errors[field.Key] = textError;
                }
                else
                {
                    values[field.Key] = clean ?? string.Empty;
                }

                continue;
            }

            var text = UserText.Clean(raw);
            if (UserText.IsBlank(text))
            {
                if (field.Required)
                {
                    errors[field.Key] = Texts.Input.Required.Format(language, label);
                }
                else
                {
                    values[field.Key] = string.Empty;
                }

                continue;
            }

            string? error;
            switch (field.Type)
            {
                case LogFieldTypes.Number:
                    error = UserNumber.Check(text, field.Min, field.Max, label, language, out var n);
                    if (error is null)
                    {
                        values[field.Key] = n.ToString(CultureInfo.InvariantCulture);
                    }

                    break;
                case LogFieldTypes.Choice:
                    error = field.Choices.Any(c => c.Value == text) ? null : Texts.WorkLogs.ErrorChoice.Format(language, label);
                    break;
                default:
                    error = CheckDate(field, text, workDate, language);
                    break;
            }

            if (error is not null)
            {
                errors[field.Key] = error;
            }
            else if (field.Type != LogFieldTypes.Number)
            {
                values[field.Key] = text;
            }
        }

        return new Result(values, errors);
    }

    /// <summary>A customers field, checked as every customers input is (<see cref="CustomerPicks.Check"/>); stored as ids and text.</summary>
    private static void CheckCustomers(LogField field, Dictionary<string, string> typed, IReadOnlyDictionary<long, PickedCustomer> picked, string? managerId,
        Language language, Dictionary<string, string> values, Dictionary<string, string> errors)
    {
        var unregisteredKey = CustomerPicks.UnregisteredKey(field.Key);
        values[unregisteredKey] = CustomerPicks.Read(typed, field.Key).Unregistered;
        var rule = new CustomerRule(field.Label(language), field.MaxLength ?? 4000, field.MinLength ?? 0, field.Required);
        if (CustomerPicks.Check(typed, field.Key, rule, picked, managerId, language, out var picks) is { } error)
        {
            errors[field.Key] = error;
            return;
        }

        values[field.Key] = CustomerPicks.Encode(picks.Ids);
        values[unregisteredKey] = picks.Unregistered;
    }

    private static string? CheckDate(LogField field, string text, DateOnly workDate, Language language)
    {
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return Texts.WorkLogs.ErrorDate.Format(language, field.Label(language));
        }

        // A future visit can be planned up to a year ahead, not in the past.
        return date < workDate || date > workDate.AddYears(1)
            ? Texts.WorkLogs.ErrorDateRange.Format(language, field.Label(language), CardDates.Day(workDate))
            : null;
    }
}
