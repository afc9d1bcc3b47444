using System.Globalization;
using DiligenceBot.Input;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;

namespace DiligenceBot.Meetings;

/// <summary>
/// Checks what was typed on a minutes card. Values come back exactly as typed (so the card can show them again) and
/// errors per input in the user's language; the minutes are stored only when nothing is wrong. Texts and numbers are
/// judged by <see cref="UserText"/> and <see cref="UserNumber"/>, like every other card input.
/// </summary>
public static class MinutesValidation
{
    /// <summary>What the form is checked against: the team's people and today in the team's zone.</summary>
    /// <param name="Members">The attendance list (the team's managers).</param>
    /// <param name="Owners">Who may own an action item: the members, the lead and the delegates.</param>
    public sealed record Context(IReadOnlyList<Person> Members, IReadOnlyList<Person> Owners, DateOnly Today, int Rows, TrainingTopics Topics);

    public sealed record Absence(string PersonId, bool Present, string? Reason);

    public sealed record NewAction(int Number, string OwnerId, DateOnly Due, string Text);

    public sealed record NewMinutes(
        DateOnly Date, MeetingKind Kind, IReadOnlyList<Absence> Attendance, string Topics, string? Decisions,
        IReadOnlyList<string> TrainingTopicIds, TrainingFormat? Format, string? Place, double? Hours, IReadOnlyList<NewAction> Actions);

    /// <summary>Every input key of a form with <paramref name="rows"/> action rows for these members.</summary>
    public static IEnumerable<string> InputKeys(IEnumerable<Person> members, int rows)
    {
        string[] fixedKeys =
        [
            MinutesCards.DateInput, MinutesCards.KindInput, MinutesCards.TopicsInput, MinutesCards.DecisionsInput,
            MinutesCards.TrainingTopicsInput, MinutesCards.FormatInput, MinutesCards.PlaceInput, MinutesCards.HoursInput,
        ];
        foreach (var key in fixedKeys)
        {
            yield return key;
        }

        foreach (var m in members)
        {
            yield return MinutesCards.PresentInput(m.Id);
            yield return MinutesCards.ReasonInput(m.Id);
        }

        for (var i = 1; i <= rows; i++)
        {
            yield return MinutesCards.ActionTextInput(i);
            yield return MinutesCards.OwnerInput(i);
            yield return MinutesCards.DueInput(i);
        }
    }

    public static NewMinutes? Check(Dictionary<string, string> typed, Context context, Language language, Dictionary<string, string> errors)
    {
        string Typed(string key) => UserText.Clean(typed.GetValueOrDefault(key));

        DateOnly? date = null;
        if (!DateOnly.TryParseExact(Typed(MinutesCards.DateInput), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            errors[MinutesCards.DateInput] = Texts.Meetings.ErrorDate.In(language);
        }
        else if (d > context.Today)
        {
            errors[MinutesCards.DateInput] = Texts.Meetings.ErrorDateFuture.Format(language, CardDates.Day(context.Today));
        }
        else
        {
            date = d;
        }

        MeetingKind? kind = Enum.TryParse<MeetingKind>(Typed(MinutesCards.KindInput), ignoreCase: false, out var k) && Enum.IsDefined(k) && !int.TryParse(Typed(MinutesCards.KindInput), out _)
            ? k
            : null;
        if (kind is null)
        {
            errors[MinutesCards.KindInput] = Texts.Meetings.ErrorKind.In(language);
        }

        var attendance = new List<Absence>();
        foreach (var m in context.Members)
        {
            // A toggle that was not sent counts as on: everyone is preselected.
            var present = Typed(MinutesCards.PresentInput(m.Id)) != "false";
            var reason = Text(typed, MinutesCards.ReasonInput(m.Id), Texts.Meetings.ReasonPlaceholder, MinutesLimits.Reason, language, errors, multiline: false);
            if (errors.ContainsKey(MinutesCards.ReasonInput(m.Id)))
            {
                continue;
            }

            if (!present && reason is null)
            {
                errors[MinutesCards.ReasonInput(m.Id)] = Texts.Meetings.ErrorAbsentReason.Format(language, m.DisplayName);
            }
            else if (present && reason is not null)
            {
                errors[MinutesCards.ReasonInput(m.Id)] = Texts.Meetings.ErrorReasonButPresent.Format(language, m.DisplayName);
            }

            attendance.Add(new Absence(m.Id, present, present ? null : reason));
        }

        var topics = Text(typed, MinutesCards.TopicsInput, Texts.Meetings.Topics, MinutesLimits.Topics, language, errors, required: true);
        var decisions = Text(typed, MinutesCards.DecisionsInput, Texts.Meetings.Decisions, MinutesLimits.Decisions, language, errors);

        var (topicIds, format, place, hours) = CheckTraining(typed, kind, context, language, errors);
        var actions = CheckActions(typed, context, language, errors);
        return errors.Count == 0
            ? new NewMinutes(date!.Value, kind!.Value, attendance, topics!, decisions, topicIds, format, place, hours, actions)
            : null;
    }

    private static (List<string> TopicIds, TrainingFormat? Format, string? Place, double? Hours) CheckTraining(
        Dictionary<string, string> typed, MeetingKind? kind, Context context, Language language, Dictionary<string, string> errors)
    {
        var chosen = UserText.Clean(typed.GetValueOrDefault(MinutesCards.TrainingTopicsInput))
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var formatText = UserText.Clean(typed.GetValueOrDefault(MinutesCards.FormatInput));
        var hoursText = UserText.Clean(typed.GetValueOrDefault(MinutesCards.HoursInput));
        var place = Text(typed, MinutesCards.PlaceInput, Texts.Meetings.Place, MinutesLimits.Place, language, errors, multiline: false);

        if (kind != MeetingKind.Training)
        {
            // Typed training details on another kind of meeting: the writer picked the wrong kind or the wrong box.
            if (kind is not null && (chosen.Count > 0 || formatText.Length > 0 || hoursText.Length > 0 || place is not null))
            {
                errors[MinutesCards.TrainingTopicsInput] = Texts.Meetings.ErrorNotTraining.In(language);
            }

            return ([], null, null, null);
        }

        if (chosen.Count == 0 || chosen.Any(id => context.Topics.Find(id) is null))
        {
            errors[MinutesCards.TrainingTopicsInput] = Texts.Meetings.ErrorTrainingTopics.In(language);
        }

        TrainingFormat? format = formatText switch
        {
            "" or MinutesCards.Session => TrainingFormat.Session,
            MinutesCards.StudyVisit => TrainingFormat.StudyVisit,
            _ => null,
        };
        if (format is null)
        {
            errors[MinutesCards.FormatInput] = Texts.Meetings.ErrorTrainingFormat.In(language);
        }
        else if (format == TrainingFormat.StudyVisit && place is null && !errors.ContainsKey(MinutesCards.PlaceInput))
        {
            errors[MinutesCards.PlaceInput] = Texts.Meetings.ErrorPlace.In(language);
        }

        double? hours = null;
        if (UserNumber.Check(hoursText, MinutesLimits.MinHours, MinutesLimits.MaxHours, Texts.Meetings.Hours.In(language), language, out var h) is { } hoursError)
        {
            errors[MinutesCards.HoursInput] = hoursError;
        }
        else
        {
            hours = h;
        }

        return (chosen, format, format == TrainingFormat.StudyVisit ? place : null, hours);
    }

    private static List<NewAction> CheckActions(Dictionary<string, string> typed, Context context, Language language, Dictionary<string, string> errors)
    {
        var actions = new List<NewAction>();
        for (var i = 1; i <= context.Rows; i++)
        {
            var textKey = MinutesCards.ActionTextInput(i);
            var owner = UserText.Clean(typed.GetValueOrDefault(MinutesCards.OwnerInput(i)));
            var dueText = UserText.Clean(typed.GetValueOrDefault(MinutesCards.DueInput(i)));
            var text = Text(typed, textKey, Texts.Meetings.ActionText, MinutesLimits.ActionText, language, errors);
            if (errors.ContainsKey(textKey))
            {
                continue;
            }

            if (text is null)
            {
                // An empty row is simply not used; a row with an owner or date but no text is a half-written item.
                if (owner.Length > 0 || dueText.Length > 0)
                {
                    errors[textKey] = Texts.Meetings.ErrorActionTextMissing.Format(language, i);
                }

                continue;
            }

            if (owner.Length == 0)
            {
                errors[MinutesCards.OwnerInput(i)] = Texts.Meetings.ErrorOwnerMissing.Format(language, i);
            }
            else if (context.Owners.All(p => p.Id != owner))
            {
                errors[MinutesCards.OwnerInput(i)] = Texts.Meetings.ErrorOwnerNotInTeam.Format(language, i);
            }

            DateOnly? due = null;
            if (dueText.Length == 0)
            {
                errors[MinutesCards.DueInput(i)] = Texts.Meetings.ErrorDueMissing.Format(language, i);
            }
            else if (!DateOnly.TryParseExact(dueText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dd))
            {
                errors[MinutesCards.DueInput(i)] = Texts.Meetings.ErrorDueMissing.Format(language, i);
            }
            else if (dd < context.Today)
            {
                errors[MinutesCards.DueInput(i)] = Texts.Meetings.ErrorDuePast.Format(language, i, CardDates.Day(dd), CardDates.Day(context.Today));
            }
            else if (dd > context.Today.AddYears(1))
            {
                errors[MinutesCards.DueInput(i)] = Texts.Meetings.ErrorDueFar.Format(language, i);
            }
            else
            {
                due = dd;
            }

            if (due is { } ok && !errors.ContainsKey(MinutesCards.OwnerInput(i)))
            {
                actions.Add(new NewAction(actions.Count + 1, owner, ok, text));
            }
        }

        return actions;
    }

    /// <summary>A free text checked by <see cref="UserText"/>, the one rule every card input follows (see <see cref="Transfers.TransferValidation.Text"/>).</summary>
    private static string? Text(Dictionary<string, string> typed, string key, Text label, int max, Language language, Dictionary<string, string> errors, bool required = false, bool multiline = true) =>
        Transfers.TransferValidation.Text(typed, key, label, max, required, language, errors, multiline);

    /// <summary>A day as a card carries it (Input.Date values, action data): plain yyyy-MM-dd; shown days go through <see cref="CardDates.Day"/>.</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
