using System.Globalization;
using System.Text.Json.Nodes;
using DiligenceBot.BotFramework.Cards;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;

namespace DiligenceBot.Meetings;

/// <summary>The cards of meeting minutes: the form, the minutes as sent (with the check), the team picker, the missing-minutes reminder.</summary>
public static class MinutesCards
{
    public const string OpenVerb = "minutes.open";
    public const string SubmitVerb = "minutes.submit";
    public const string MoreVerb = "minutes.more";
    public const string ViewVerb = "minutes.view";
    public const string CheckVerb = "minutes.check";

    public const string DateInput = "m.date";
    public const string KindInput = "m.kind";
    public const string TopicsInput = "m.topics";
    public const string DecisionsInput = "m.decisions";
    public const string TrainingTopicsInput = "m.trainingTopics";
    public const string FormatInput = "m.format";
    public const string PlaceInput = "m.place";
    public const string HoursInput = "m.hours";
    public const string CheckCommentInput = "m.checkComment";

    public const string Session = "session";
    public const string StudyVisit = "study-visit";

    public static string PresentInput(string personId) => "m.present." + personId;
    public static string ReasonInput(string personId) => "m.reason." + personId;
    public static string ActionTextInput(int row) => $"m.a{row}.text";
    public static string OwnerInput(int row) => $"m.a{row}.owner";
    public static string DueInput(int row) => $"m.a{row}.due";

    public static string KindName(MeetingKind kind, Language language) => (kind switch
    {
        MeetingKind.Daily => Texts.Meetings.KindDaily,
        MeetingKind.Weekly => Texts.Meetings.KindWeekly,
        MeetingKind.Monthly => Texts.Meetings.KindMonthly,
        MeetingKind.Special => Texts.Meetings.KindSpecial,
        _ => Texts.Meetings.KindTraining,
    }).In(language);

    public static string TeamName(Team team, Language language) => language == Language.ZhCn ? team.NameZh : team.NameEn;

    /// <summary>What the blank (or returned-with-errors) form shows.</summary>
    public sealed record FormState(
        Team Team,
        IReadOnlyList<Person> Members,
        IReadOnlyList<Person> Owners,
        string? CheckerName,
        Guid DraftId,
        int Rows,
        DateOnly Today,
        Dictionary<string, string> Typed,
        Dictionary<string, string> Errors,
        TrainingTopics Topics,
        string? Notice = null);

    public static AdaptiveCard Form(FormState state, Language language)
    {
        var teamName = TeamName(state.Team, language);
        var card = new AdaptiveCard
        {
            FallbackText = Texts.Meetings.FormTitle.In(language),
            Body =
            [
                Title(Texts.Meetings.FormTitle.In(language)),
                new TextBlock(state.CheckerName is { } checker
                    ? Texts.Meetings.FormIntro.Format(language, teamName, checker)
                    : Texts.Meetings.FormIntroNoChecker.Format(language, teamName)) { IsSubtle = true, Spacing = Spacing.None, Id = "intro" },
            ],
        };
        if (state.Notice is { } notice)
        {
            card.Body.Add(Notice(notice));
        }

        if (state.Errors.Count > 0)
        {
            card.Body.Add(new TextBlock(Texts.Meetings.FixErrors.In(language)) { Id = "errors", Color = TextColor.Attention, Weight = TextWeight.Bolder });
        }

        var typed = state.Typed;
        string? Typed(string key) => typed.GetValueOrDefault(key) is { Length: > 0 } v ? v : null;
        void Add(List<CardElement> into, CardElement input)
        {
            into.Add(input);
            if (input.Id is { } id && state.Errors.TryGetValue(id, out var error))
            {
                into.Add(new TextBlock(error) { Id = "error." + id, Color = TextColor.Attention, Size = TextSize.Small, Spacing = Spacing.None });
            }
        }

        var body = card.Body;
        Add(body, new DateInput
        {
            Id = DateInput,
            Label = Texts.Meetings.Date.In(language),
            IsRequired = true,
            ErrorMessage = Texts.Meetings.ErrorDate.In(language),
            Value = Typed(DateInput) ?? MinutesValidation.Day(state.Today),
            Max = MinutesValidation.Day(state.Today),
        });
        Add(body, new ChoiceSetInput
        {
            Id = KindInput,
            Label = Texts.Meetings.Kind.In(language),
            IsRequired = true,
            ErrorMessage = Texts.Meetings.ErrorKind.In(language),
            Style = ChoiceInputStyle.Compact,
            Value = Typed(KindInput) ?? nameof(MeetingKind.Daily),
            Choices = Enum.GetValues<MeetingKind>().Select(k => new Choice(KindName(k, language), k.ToString())).ToList(),
        });

        body.Add(Heading(Texts.Meetings.AttendanceHeading.In(language), "attendance"));
        body.Add(new TextBlock(Texts.Meetings.AttendanceHint.In(language)) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None });
        foreach (var m in state.Members)
        {
            var items = new List<CardElement>();
            Add(items, new ToggleInput
            {
                Id = PresentInput(m.Id),
                Title = Texts.Meetings.Present.Format(language, m.DisplayName),
                Value = Typed(PresentInput(m.Id)) == "false" ? "false" : "true",
                ValueOn = "true",
                ValueOff = "false",
            });
            Add(items, new TextInput
            {
                Id = ReasonInput(m.Id),
                Placeholder = Texts.Meetings.ReasonPlaceholder.In(language),
                MaxLength = MinutesLimits.Reason,
                Value = Typed(ReasonInput(m.Id)),
                Spacing = Spacing.None,
            });
            body.Add(new Container { Id = "attendee." + m.Id, Items = items, Spacing = Spacing.Small });
        }

        Add(body, new TextInput
        {
            Id = TopicsInput,
            Label = Texts.Meetings.Topics.In(language),
            IsRequired = true,
            ErrorMessage = Texts.Input.Required.Format(language, Texts.Meetings.Topics.In(language)),
            IsMultiline = true,
            MaxLength = MinutesLimits.Topics,
            Placeholder = Texts.Meetings.TopicsPlaceholder.In(language),
            Value = Typed(TopicsInput),
            Spacing = Spacing.Medium,
        });
        Add(body, new TextInput
        {
            Id = DecisionsInput,
            Label = Texts.Meetings.Decisions.In(language),
            IsMultiline = true,
            MaxLength = MinutesLimits.Decisions,
            Value = Typed(DecisionsInput),
        });

        body.Add(Heading(Texts.Meetings.TrainingHeading.In(language), "training"));
        Add(body, new ChoiceSetInput
        {
            Id = TrainingTopicsInput,
            Label = Texts.Meetings.TrainingTopics.In(language),
            IsMultiSelect = true,
            Style = ChoiceInputStyle.Expanded,
            Value = Typed(TrainingTopicsInput),
            Choices = state.Topics.All.Select(t => new Choice(t.Name(language), t.Id)).ToList(),
        });
        Add(body, new ChoiceSetInput
        {
            Id = FormatInput,
            Label = Texts.Meetings.TrainingFormat.In(language),
            Style = ChoiceInputStyle.Expanded,
            Value = Typed(FormatInput),
            Choices = [new Choice(Texts.Meetings.FormatSession.In(language), Session), new Choice(Texts.Meetings.FormatStudyVisit.In(language), StudyVisit)],
        });
        Add(body, new TextInput { Id = PlaceInput, Label = Texts.Meetings.Place.In(language), MaxLength = MinutesLimits.Place, Value = Typed(PlaceInput) });
        Add(body, new TextInput { Id = HoursInput, Label = Texts.Meetings.Hours.In(language), MaxLength = 8, Value = Typed(HoursInput) });

        body.Add(Heading(Texts.Meetings.ActionsHeading.In(language), "actions"));
        body.Add(new TextBlock(Texts.Meetings.ActionsHint.In(language)) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None });
        var owners = state.Owners.Select(p => new Choice(p.DisplayName, p.Id)).ToList();
        for (var i = 1; i <= state.Rows; i++)
        {
            var items = new List<CardElement>
            {
                new TextBlock(Texts.Meetings.ActionRow.Format(language, i)) { Weight = TextWeight.Bolder, Size = TextSize.Small },
            };
            Add(items, new TextInput { Id = ActionTextInput(i), Placeholder = Texts.Meetings.ActionText.In(language), IsMultiline = true, MaxLength = MinutesLimits.ActionText, Value = Typed(ActionTextInput(i)), Spacing = Spacing.None });
            Add(items, new ChoiceSetInput { Id = OwnerInput(i), Label = Texts.Meetings.Owner.In(language), Style = ChoiceInputStyle.Compact, Placeholder = Texts.Meetings.Owner.In(language), Value = Typed(OwnerInput(i)), Choices = owners });
            Add(items, new DateInput { Id = DueInput(i), Label = Texts.Meetings.Due.In(language), Min = MinutesValidation.Day(state.Today), Value = Typed(DueInput(i)) });
            body.Add(new Container { Id = "row." + i, Items = items, Separator = true, Spacing = Spacing.Medium });
        }

        JsonObject Data(string verb, int rows) => new()
        {
            ["verb"] = verb,
            ["draftId"] = state.DraftId.ToString(),
            ["teamId"] = state.Team.Id,
            ["rows"] = rows,
        };
        card.Actions = [new ExecuteAction { Title = Texts.Meetings.Save.In(language), Verb = SubmitVerb, Data = Data(SubmitVerb, state.Rows), AssociatedInputs = "auto", Style = ActionStyle.Positive }];
        if (state.Rows < MinutesLimits.MaxRows)
        {
            card.Actions.Add(new ExecuteAction { Title = Texts.Meetings.AddRow.In(language), Verb = MoreVerb, Data = Data(MoreVerb, state.Rows + 1), AssociatedInputs = "auto" });
        }

        return card;
    }

    /// <summary>A lead of several teams chooses the team that met.</summary>
    public static AdaptiveCard PickTeam(IReadOnlyList<Team> teams, Language language) => new()
    {
        FallbackText = Texts.Meetings.PickTeam.In(language),
        Body =
        [
            Title(Texts.Meetings.PickTeam.In(language)),
            new TextBlock(Texts.Meetings.PickTeamHint.In(language)) { IsSubtle = true, Spacing = Spacing.None },
            new ActionSet
            {
                Id = "teams",
                Actions = teams.Select(t => (CardAction)new ExecuteAction
                {
                    Title = TeamName(t, language),
                    Verb = OpenVerb,
                    Data = new JsonObject { ["verb"] = OpenVerb, ["teamId"] = t.Id },
                }).ToList(),
            },
        ],
    };

    /// <summary>Everything the minutes' card shows to one viewer.</summary>
    public sealed record ViewState(
        MeetingMinutes Minutes,
        Team Team,
        IReadOnlyDictionary<string, string> Names,
        bool IsChecker,
        TrainingTopics Topics,
        string? Notice = null,
        string? Error = null,
        string? TypedComment = null);

    public static AdaptiveCard View(ViewState state, Language language)
    {
        var m = state.Minutes;
        string Name(string? id) => id is null ? "?" : state.Names.GetValueOrDefault(id, id);
        var title = KindName(m.Kind, language);
        var card = new AdaptiveCard
        {
            FallbackText = Texts.Meetings.ViewKind.Format(language, title),
            Body =
            [
                new TextBlock(Texts.Meetings.FormTitle.In(language)) { Id = "kind", IsSubtle = true, Size = TextSize.Small },
                Title(title),
            ],
        };
        if (state.Notice is { } notice)
        {
            card.Body.Add(Notice(notice));
        }

        var status = m.CheckedAt is not null
            ? Texts.Meetings.CheckedBy.Format(language, Name(m.CheckerId), CardDates.Day(state.Team.LocalDate(m.CheckedAt.Value)))
            : m.CheckerId is null ? Texts.Meetings.NoChecker.In(language) : Texts.Meetings.WaitingCheck.Format(language, Name(m.CheckerId));
        card.Body.Add(new FactSet
        {
            Id = "facts",
            Facts =
            [
                new Fact(Texts.Meetings.Team.In(language), TeamName(state.Team, language)),
                new Fact(Texts.Meetings.Date.In(language), CardDates.Day(m.MeetingDate)),
                new Fact(Texts.Meetings.RecordedBy.In(language), Name(m.RecordedById)),
                new Fact(Texts.Meetings.Status.In(language), status),
            ],
        });

        var present = m.Attendance.Where(a => a.Present).Select(a => Name(a.PersonId)).ToList();
        var absent = m.Attendance.Where(a => !a.Present).Select(a => Texts.Meetings.AbsentEntry.Format(language, Name(a.PersonId), a.AbsenceReason)).ToList();
        var separator = Texts.WorkLogs.ListSeparator.In(language);
        card.Body.Add(Labelled("present", Texts.Meetings.PresentList.In(language), present.Count == 0 ? Texts.Meetings.Nobody.In(language) : string.Join(separator, present)));
        if (absent.Count > 0)
        {
            card.Body.Add(Labelled("absent", Texts.Meetings.AbsentList.In(language), string.Join(separator, absent)));
        }

        card.Body.Add(Labelled("topics", Texts.Meetings.Topics.In(language), m.Topics));
        if (m.Decisions is { } decisions)
        {
            card.Body.Add(Labelled("decisions", Texts.Meetings.Decisions.In(language), decisions));
        }

        if (m.Kind == MeetingKind.Training)
        {
            var facts = new List<Fact>
            {
                new(Texts.Meetings.TrainingTopics.In(language), string.Join(separator, m.TrainingTopicIds.Select(id => state.Topics.Name(id, language)))),
                new(Texts.Meetings.TrainingFormat.In(language), (m.TrainingFormat == TrainingFormat.StudyVisit ? Texts.Meetings.FormatStudyVisit : Texts.Meetings.FormatSession).In(language)),
            };
            if (m.StudyVisitPlace is { } place)
            {
                facts.Add(new Fact(Texts.Meetings.Place.In(language), place));
            }

            facts.Add(new Fact(Texts.Meetings.Hours.In(language), Hours(m.TrainingHours ?? 0, language)));
            card.Body.Add(new FactSet { Id = "training", Facts = facts, Separator = true });
        }

        var actions = new List<CardElement> { new TextBlock(Texts.Meetings.ActionsHeading.In(language)) { Weight = TextWeight.Bolder } };
        if (m.ActionItems.Count == 0)
        {
            actions.Add(new TextBlock(Texts.Meetings.NoActions.In(language)) { IsSubtle = true, Spacing = Spacing.None });
        }

        foreach (var item in m.ActionItems.OrderBy(a => a.Number))
        {
            actions.Add(new TextBlock(Texts.Meetings.ActionLine.Format(language, item.Number, item.Text)) { Id = "action." + item.Number, Spacing = Spacing.Small });
            actions.Add(new TextBlock(Texts.Meetings.ActionMeta.Format(language, Name(item.OwnerId), CardDates.Day(item.DueDate), StateName(item, null, language)))
            {
                IsSubtle = true,
                Size = TextSize.Small,
                Spacing = Spacing.None,
            });
        }

        card.Body.Add(new Container { Id = "actions", Items = actions, Separator = true, Spacing = Spacing.Medium });
        if (m.CheckComment is { } comment)
        {
            card.Body.Add(Labelled("check", Texts.Meetings.CheckComment.In(language), comment));
        }

        if (state.IsChecker && m.CheckedAt is null)
        {
            var form = new List<CardElement>();
            if (state.Error is { } error)
            {
                form.Add(new TextBlock(error) { Id = "error." + CheckCommentInput, Color = TextColor.Attention, Size = TextSize.Small });
            }

            form.Add(new TextInput
            {
                Id = CheckCommentInput,
                Label = Texts.Meetings.CheckComment.In(language),
                IsRequired = true,
                ErrorMessage = Texts.Meetings.CheckCommentRequired.In(language),
                IsMultiline = true,
                MaxLength = MinutesLimits.CheckComment,
                Placeholder = Texts.Meetings.CheckPlaceholder.In(language),
                Value = state.TypedComment,
            });
            var data = MinutesData(CheckVerb, m);
            data["revision"] = m.Revision;
            card.Actions =
            [
                new ShowCardAction
                {
                    Title = Texts.Meetings.Check.In(language),
                    Card = new AdaptiveCard
                    {
                        MsTeams = null,
                        Body = form,
                        Actions = [new ExecuteAction { Title = Texts.Meetings.CheckSend.In(language), Verb = CheckVerb, Data = data, AssociatedInputs = "auto", Style = ActionStyle.Positive }],
                    },
                },
            ];
        }

        return card;
    }

    /// <summary>To the lead when a working day's daily meeting has no minutes: one tap to the form for that day.</summary>
    public static AdaptiveCard Missing(Team team, DateOnly day, Language language)
    {
        var text = Texts.Meetings.MissingMinutes.Format(language, TeamName(team, language), CardDates.Day(day));
        return new AdaptiveCard
        {
            FallbackText = text,
            Body = [Title(Texts.Meetings.FormTitle.In(language)), new TextBlock(text) { Id = "missing" }],
            Actions =
            [
                new ExecuteAction
                {
                    Title = Texts.Meetings.RecordNow.In(language),
                    Verb = OpenVerb,
                    Data = new JsonObject { ["verb"] = OpenVerb, ["teamId"] = team.Id, ["date"] = MinutesValidation.Day(day) },
                    Style = ActionStyle.Positive,
                },
            ],
        };
    }

    /// <summary>An action item's state as a reader says it: done, blocked, overdue (open past its due day), open.</summary>
    public static string StateName(ActionItem item, DateOnly? today, Language language) => (item.State switch
    {
        ActionItemState.Done => Texts.Meetings.StateDone,
        ActionItemState.Blocked => Texts.Meetings.StateBlocked,
        _ when today is { } t && item.DueDate < t => Texts.Meetings.StateOverdue,
        _ => Texts.Meetings.StateOpen,
    }).In(language);

    public static string Hours(double hours, Language language) => hours.ToString("0.#", CultureInfo.GetCultureInfo(language.Tag()));

    public static JsonObject MinutesData(string verb, MeetingMinutes m) => new() { ["verb"] = verb, ["minutesId"] = m.Id.ToString() };

    /// <summary>A label above its text, both wrapping: long topics and decisions read well on a phone.</summary>
    internal static Container Labelled(string id, string label, string text) => new()
    {
        Id = id,
        Spacing = Spacing.Medium,
        Items =
        [
            new TextBlock(label) { Weight = TextWeight.Bolder, Size = TextSize.Small },
            new TextBlock(text) { Spacing = Spacing.None },
        ],
    };

    internal static TextBlock Heading(string text, string id) => new(text) { Id = "heading." + id, Weight = TextWeight.Bolder, Size = TextSize.Medium, Separator = true, Spacing = Spacing.Large };

    internal static TextBlock Notice(string text) => new(text) { Id = "notice", Color = TextColor.Attention, Weight = TextWeight.Bolder };

    internal static TextBlock Title(string text) => new(text) { Size = TextSize.Large, Weight = TextWeight.Bolder, Id = "title" };
}
