using System.Globalization;
using DiligenceBot.Customers;
using DiligenceBot.Input;
using DiligenceBot.Localization;
using DiligenceBot.WorkLogs;

namespace DiligenceBot.Plans;

/// <summary>
/// Checks a plan form as typed: the goals through the shared number and text checks, and every day's customers
/// against the team's calendar and the register. Errors are keyed by input so the card shows each next to its field.
/// </summary>
public static class PlanValidation
{
    /// <summary>A plan that passed every check, ready to store.</summary>
    public sealed record CheckedPlan(decimal Volume, decimal Value, string? KeyBrands, string Measures, List<PlannedVisit> Visits);

    public static IReadOnlyList<string> InputKeys(Input.CardData card) =>
        [PlanCards.VolumeInput, PlanCards.ValueInput, PlanCards.BrandsInput, PlanCards.MeasuresInput, .. card.Keys(PlanCards.DayPrefix)];

    /// <summary>
    /// The checked plan, or null with the errors. <paramref name="tenantCustomers"/> are the tenant's customers whose
    /// licence number or name was typed (to tell another manager's customer from an unknown one).
    /// </summary>
    public static CheckedPlan? Check(Dictionary<string, string> typed, DateOnly month, IReadOnlySet<DateOnly> workingDays, string managerId,
        IReadOnlyList<Customer> tenantCustomers, Language language, Dictionary<string, string> errors)
    {
        var volume = Number(typed, PlanCards.VolumeInput, Texts.Plans.Volume, PlanLimits.MaxCases, language, errors);
        var value = Number(typed, PlanCards.ValueInput, Texts.Plans.Value, PlanLimits.MaxYuan, language, errors);
        var brands = Text(typed, PlanCards.BrandsInput, Texts.Plans.KeyBrands, new TextRule(PlanLimits.KeyBrands, Multiline: false), language, errors);
        var measures = Text(typed, PlanCards.MeasuresInput, Texts.Plans.Measures, new TextRule(PlanLimits.Measures, Required: true, Multiline: true), language, errors);

        var byLicence = tenantCustomers.ToDictionary(c => c.LicenceNumber, StringComparer.OrdinalIgnoreCase);
        var byName = tenantCustomers.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.ManagerId == managerId ? 0 : 1).First(), StringComparer.OrdinalIgnoreCase);
        var visits = new List<PlannedVisit>();
        foreach (var (key, line) in typed.Where(t => t.Key.StartsWith(PlanCards.DayPrefix, StringComparison.Ordinal)).OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            if (!DateOnly.TryParseExact(key[PlanCards.DayPrefix.Length..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                continue;
            }

            var label = CardDates.Short(day, language);
            if (UserText.Check(line, new TextRule(PlanLimits.DayLine), label, language, out var clean) is { } textError)
            {
                errors[key] = textError;
                continue;
            }

            var names = UserText.Items(clean);
            if (names.Length == 0)
            {
                continue;
            }

            if (day < month || day >= month.AddMonths(1))
            {
                errors[key] = Texts.Plans.ErrorOutsideMonth.Format(language, label, CardDates.Month(month, language));
                continue;
            }

            if (!workingDays.Contains(day))
            {
                errors[key] = Texts.Plans.ErrorNotWorkingDay.Format(language, label);
                continue;
            }

            var problems = new List<string>();
            foreach (var name in names)
            {
                var customer = byLicence.GetValueOrDefault(name) ?? byName.GetValueOrDefault(name);
                if (customer is null)
                {
                    problems.Add(Texts.Plans.ErrorUnknownCustomer.Format(language, name.Length > 40 ? name[..40] + "…" : name));
                }
                else if (customer.ManagerId != managerId)
                {
                    problems.Add(Texts.Plans.ErrorOthersCustomer.Format(language, customer.Name, customer.LicenceNumber));
                }
                else if (!visits.Contains(new PlannedVisit(day, customer.Id)))
                {
                    visits.Add(new PlannedVisit(day, customer.Id));
                }
            }

            if (problems.Count > 0)
            {
                errors[key] = string.Join(" ", problems.Distinct());
            }
        }

        return errors.Count == 0 ? new CheckedPlan((decimal)volume, (decimal)value, brands, measures!, visits) : null;
    }

    /// <summary>The words typed into the day inputs, to look them up in the register in one query.</summary>
    public static IReadOnlyList<string> NamesTyped(Dictionary<string, string> typed) =>
        typed.Where(t => t.Key.StartsWith(PlanCards.DayPrefix, StringComparison.Ordinal))
            .SelectMany(t => UserText.Items(UserText.Clean(t.Value)))
            .Where(n => n.Length <= CustomerLimits.Name)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    private static double Number(Dictionary<string, string> typed, string key, Text label, double max, Language language, Dictionary<string, string> errors)
    {
        var text = typed.GetValueOrDefault(key);
        if (UserText.IsBlank(text))
        {
            errors[key] = Texts.WorkLogs.ErrorRequired.Format(language, label.In(language));
            return 0;
        }

        if (UserNumber.Check(text, 0, max, label.In(language), language, out var value) is { } error)
        {
            errors[key] = error;
        }

        return value;
    }

    private static string? Text(Dictionary<string, string> typed, string key, Text label, TextRule rule, Language language, Dictionary<string, string> errors)
    {
        if (UserText.Check(typed.GetValueOrDefault(key), rule, label.In(language), language, out var clean) is { } error)
        {
            errors[key] = error;
        }

        return clean;
    }
}
