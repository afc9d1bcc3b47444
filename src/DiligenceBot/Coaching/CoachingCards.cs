using System.Globalization;
using System.Text.Json.Nodes;
using DiligenceBot.BotFramework.Cards;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;

namespace DiligenceBot.Coaching;

/// <summary>
/// The coaching cards: the lead's card for one manager (suggestion with its evidence, the decision, the playbook, the
/// open actions, observations, a tip to send), the list of managers to pick from, the manager's monthly pulse, the
/// monthly digest and the action reminder. Only the lead-chain cards name a type; the manager's never do.
/// </summary>
public static class CoachingCards
{
    public const string OpenVerb = "coach.open";
    public const string DecideVerb = "coach.decide";
    public const string ObserveVerb = "coach.observe";
    public const string ActionVerb = "coach.action";
    public const string TipVerb = "coach.tip";
    public const string PulseOpenVerb = "pulse.open";
    public const string PulseSubmitVerb = "pulse.submit";

    public const string TypeInput = "c.type";
    public const string ReasonInput = "c.reason";
    public const string ObservationKindInput = "c.obsKind";
    public const string ObservationNoteInput = "c.obsNote";
    public const string ConfidenceInput = "p.confidence";
    public const string MotivationInput = "p.motivation";
    public const string FairnessInput = "p.fairness";

    public const string Done = "done";
    public const string Skipped = "skipped";

    public static ObservationKind[] ObservationKinds { get; } = Enum.GetValues<ObservationKind>();

    public static string KindKey(ObservationKind kind) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    public static string KindName(ObservationKind kind, Language language) => (kind switch
    {
        ObservationKind.CustomerComplaint => Texts.Coaching.KindComplaint,
        ObservationKind.FairnessGrievance => Texts.Coaching.KindFairness,
        ObservationKind.LowMorale => Texts.Coaching.KindMorale,
        ObservationKind.LowConfidence => Texts.Coaching.KindConfidence,
        ObservationKind.Praise => Texts.Coaching.KindPraise,
        _ => Texts.Coaching.KindOther,
    }).In(language);

    public static string Percent(double? rate) => rate is { } r ? Math.Round(r * 100).ToString(CultureInfo.InvariantCulture) + "%" : "–";

    private static string Number(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "–";

    /// <summary>Earlier decisions' reasons and observations are shortened on the card (Teams limits a card to 28 KB).</summary>
    private static string Short(string text) => text.Length <= ListedTextLength ? text : text[..(ListedTextLength - 1)] + "…";

    private const int ListedTextLength = 120;

    private static string Date(DateOnly d) => CardDates.Day(d);

    private static string Line(EvidenceLine line, Language language) => language == Language.ZhCn ? line.ZhCn : line.EnUs;

    /// <summary>The lead's coaching card for one manager.</summary>
    public static AdaptiveCard Coach(
        CoachingView view, CoachingLibrary library, Language language, string? viewerUserId,
        Dictionary<string, string>? typed = null, Dictionary<string, string>? errors = null, string? notice = null)
    {
        typed ??= [];
        errors ??= [];
        var manager = view.Manager;
        var title = Texts.Coaching.CardTitle.Format(language, manager.DisplayName);
        var managerData = new JsonObject { ["verb"] = OpenVerb, ["managerId"] = manager.Id };
        var card = new AdaptiveCard
        {
            FallbackText = title,
            Refresh = new CardRefresh
            {
                Action = new ExecuteAction { Verb = OpenVerb, Data = managerData },
                UserIds = viewerUserId is null ? null : [viewerUserId],
            },
            Body =
            [
                Title(title),
                new TextBlock(Texts.Coaching.Confidential.Format(language, language == Language.ZhCn ? view.Team.NameZh : view.Team.NameEn))
                {
                    Id = "confidential", IsSubtle = true, Spacing = Spacing.None, Size = TextSize.Small,
                },
            ],
        };
        if (notice is not null)
        {
            card.Body.Add(new TextBlock(notice) { Id = "notice", Color = TextColor.Good, Weight = TextWeight.Bolder });
        }

        if (errors.Count > 0)
        {
            card.Body.Add(new TextBlock(Texts.Coaching.FixErrors.In(language) + " " + string.Join(" ", errors.Values))
            {
                Id = "errors", Color = TextColor.Attention,
            });
        }

        // At first sight: the suggestion and why, and the lead's decision. Figures, playbook and history open on demand
        // (Action.ToggleVisibility: every Teams client shows them; nothing depends on msteams.width or user-specific views).
        var suggestion = view.Suggestion;
        card.Body.Add(Heading(Texts.Coaching.Suggested.In(language)));
        if (suggestion.Top is { } top)
        {
            card.Body.Add(new TextBlock(Suggestion(library[top.Type].Name.In(language), top.Score, language))
            {
                Id = "suggestion", Weight = TextWeight.Bolder, Spacing = Spacing.None,
            });
            card.Body.Add(new TextBlock(library[top.Type].Summary.In(language)) { Id = "suggestion.summary", IsSubtle = true, Spacing = Spacing.None });
            for (var i = 0; i < top.Reasons.Count; i++)
            {
                card.Body.Add(new TextBlock("• " + Line(top.Reasons[i], language)) { Id = "reason." + i, Spacing = Spacing.None });
            }
        }
        else
        {
            // Too little evidence, or nothing stands out: no type and no percentage.
            card.Body.Add(new TextBlock(suggestion.InsufficientEvidence
                ? Texts.Coaching.NotEnoughData.Format(language, suggestion.Summary.WorkingDays30)
                : Texts.Coaching.NothingStandsOut.In(language))
            {
                Id = "suggestion", Spacing = Spacing.None,
            });
        }

        // The lead's decision.
        card.Body.Add(Heading(Texts.Coaching.Decision.In(language)));
        var current = view.Current;
        card.Body.Add(new TextBlock(current is null
            ? Texts.Coaching.NotDecided.In(language)
            : Texts.Coaching.Decided.Format(language, library[current.ChosenType].Name.In(language), view.Names.GetValueOrDefault(current.DecidedById) ?? current.DecidedById, Date(view.Team.LocalDate(current.DecidedAt))))
        {
            Id = "current", Spacing = Spacing.None, Weight = current is null ? null : TextWeight.Bolder,
        });
        if (current?.Reason is { } reason)
        {
            card.Body.Add(new TextBlock(Texts.Coaching.ReasonWas.Format(language, reason)) { Id = "current.reason", Spacing = Spacing.None, IsSubtle = true });
        }

        // Open actions, each with done / skip: the decision's consequences, so they stay in sight.
        if (view.OpenActions.Count > 0)
        {
            card.Body.Add(new TextBlock(Texts.Coaching.OpenActions.In(language)) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium });
        }

        foreach (var action in view.OpenActions)
        {
            var overdue = action.Due < view.Today;
            var text = library.FindAction(action.Type, action.PlaybookActionId)?.In(language) ?? action.PlaybookActionId;
            card.Body.Add(new TextBlock((overdue ? Texts.Coaching.ActionOverdue : Texts.Coaching.ActionDue).Format(language, text, Date(action.Due)))
            {
                Id = "action." + action.Id, Color = overdue ? TextColor.Attention : null, Spacing = Spacing.Small,
            });
            card.Body.Add(new ActionSet
            {
                Spacing = Spacing.None,
                Actions =
                [
                    ActionButton(Texts.Coaching.MarkDone.In(language), action, Done, ActionStyle.Positive),
                    ActionButton(Texts.Coaching.MarkSkipped.In(language), action, Skipped, null),
                ],
            });
        }

        // On demand: the figures (and the other types indicated), the playbook, the history.
        var s = suggestion.Summary;
        var figures = new Container
        {
            Id = "more.figures",
            IsVisible = false,
            Separator = true,
            Items =
            [
                new FactSet
                {
                    Id = "figures",
                    Facts =
                    [
                        new(CardDates.KeepCounts(Texts.Coaching.OnTime30.In(language)), Percent(s.OnTimeRate30)),
                        new(CardDates.KeepCounts(Texts.Coaching.OnTime90.In(language)), Percent(s.OnTimeRate90)),
                        new(CardDates.KeepCounts(Texts.Coaching.Rating30.In(language)), Number(s.AverageRating30)),
                        new(CardDates.KeepCounts(Texts.Coaching.Rating90.In(language)), Number(s.AverageRating90)),
                        new(CardDates.KeepCounts(Texts.Coaching.Returned30.In(language)), s.Returned30.ToString(CultureInfo.InvariantCulture)),
                        new(CardDates.KeepCounts(Texts.Coaching.Transfers30.In(language)), s.Transfers30.ToString(CultureInfo.InvariantCulture)),
                        new(CardDates.KeepCounts(Texts.Coaching.TransferValue90.In(language)), Number(s.AverageTransferValue90)),
                        new(CardDates.KeepCounts(Texts.Coaching.Complaints90.In(language)), s.Complaints90.ToString(CultureInfo.InvariantCulture)),
                        new(Texts.Coaching.Pulse.In(language), s.LatestPulse is { } p
                            ? Texts.Coaching.PulseValue.Format(language, p.Confidence, p.Motivation, p.Fairness, Date(p.Date))
                            : Texts.Coaching.PulseNone.In(language)),
                    ],
                },
            ],
        };
        var others = suggestion.Ranked.Skip(1)
            .Select(c => $"{Suggestion(library[c.Type].Name.In(language), c.Score, language)}{(language == Language.ZhCn ? "：" : ": ")}{string.Join(language == Language.ZhCn ? "；" : "; ", c.Reasons.Select(r => Line(r, language)))}")
            .ToList();
        if (others.Count > 0)
        {
            figures.Items.Add(new TextBlock(Texts.Coaching.AlsoIndicated.In(language) + "\n\n" + string.Join("\n\n", others.Select(o => "• " + o)))
            {
                Id = "others", IsSubtle = true,
            });
        }

        var toggles = new List<CardAction> { Toggle(Texts.Coaching.ShowFigures.In(language), figures.Id!) };
        var togglesAt = card.Body.Count;
        card.Body.Add(figures);

        // The playbook of the confirmed type (or, before a decision, of the suggested one).
        if ((current?.ChosenType ?? suggestion.Top?.Type) is { } playbookType)
        {
            var playbook = library[playbookType];
            var book = new Container
            {
                Id = "more.playbook",
                IsVisible = false,
                Items =
                [
                    Heading(Texts.Coaching.PlaybookTitle.Format(language, playbook.Name.In(language))),
                    Bullets("playbook.lookInto", Texts.Coaching.LookInto.In(language), playbook.LookInto, language),
                    Bullets("playbook.howToTalk", Texts.Coaching.HowToTalk.In(language), playbook.HowToTalk, language),
                    Bullets("playbook.whatToDo", Texts.Coaching.WhatToDo.In(language), playbook.WhatToDo, language),
                ],
            };
            if (current is null)
            {
                book.Items.Add(new TextBlock(Texts.Coaching.ActionsAfterConfirm.Format(language, string.Join(language == Language.ZhCn ? "；" : "; ", playbook.Actions.Select(a => a.In(language)))))
                {
                    Id = "playbook.actions", IsSubtle = true,
                });
            }

            card.Body.Add(book);
            toggles.Add(Toggle(Texts.Coaching.ShowPlaybook.In(language), book.Id!));
        }

        // Earlier decisions and recent observations.
        var history = new Container { Id = "more.history", IsVisible = false, Separator = true, Items = [] };
        if (view.Assessments.Count > 1)
        {
            history.Items.Add(new TextBlock(Texts.Coaching.History.In(language) + "\n\n" + string.Join("\n\n", view.Assessments.Skip(1).Select(a =>
                $"• {Date(view.Team.LocalDate(a.DecidedAt))} {view.Names.GetValueOrDefault(a.DecidedById) ?? a.DecidedById}{(language == Language.ZhCn ? "：" : ": ")}{library[a.ChosenType].Name.In(language)}" + (a.Reason is null ? string.Empty : (language == Language.ZhCn ? "，" : " — ") + Short(a.Reason)))))
            {
                Id = "history", IsSubtle = true,
            });
        }

        if (view.Observations.Count > 0)
        {
            history.Items.Add(new TextBlock(Texts.Coaching.Observations.In(language) + "\n\n" + string.Join("\n\n", view.Observations.Select(o =>
                $"• {Date(o.ObservedOn)} {KindName(o.Kind, language)}{(language == Language.ZhCn ? "：" : " — ")}{Short(o.Note)}{(language == Language.ZhCn ? "（" : " (")}{view.Names.GetValueOrDefault(o.RecordedById) ?? o.RecordedById}{(language == Language.ZhCn ? "）" : ")")}")))
            {
                Id = "observations",
            });
        }

        if (history.Items.Count > 0)
        {
            card.Body.Add(history);
            toggles.Add(Toggle(Texts.Coaching.ShowHistory.In(language), history.Id!));
        }

        // The buttons above what they open, so what opens appears under the button pressed.
        card.Body.Insert(togglesAt, new ActionSet { Id = "more", Separator = true, Spacing = Spacing.Medium, Actions = toggles });

        card.Actions = [DecideAction(view, library, language, typed, errors), ObserveAction(view, language, typed)];
        if (current is not null && library[current.ChosenType].ManagerTips is { Count: > 0 } tips)
        {
            var tip = tips[view.TipsSent % tips.Count];
            card.Actions.Add(new ShowCardAction
            {
                Title = Texts.Coaching.SendTip.In(language),
                Card = SubCard(
                    [
                        new TextBlock(Texts.Coaching.TipPreview.Format(language, manager.DisplayName)) { IsSubtle = true },
                        new TextBlock(tip.In(language)) { Id = "tip" },
                    ],
                    new ExecuteAction
                    {
                        Title = Texts.Coaching.SendTipConfirm.In(language),
                        Verb = TipVerb,
                        Data = new JsonObject { ["verb"] = TipVerb, ["managerId"] = manager.Id, ["sequence"] = view.TipsSent },
                    }),
            });
        }

        return card;
    }

    /// <summary>Below this score a type is only "possibly" indicated, without a percentage (the digest says the same).</summary>
    public const double WeakScore = 0.4;

    /// <summary>A suggested type no stronger than its evidence: with its strength when the evidence is clear, "possibly" when it is weak.</summary>
    public static string Suggestion(string typeName, double score, Language language) =>
        score >= WeakScore ? Texts.Coaching.SuggestedType.Format(language, typeName, Percent(score)) : Texts.Coaching.SuggestedWeakly.Format(language, typeName);

    private static ToggleVisibilityAction Toggle(string title, string target) => new() { Title = title, TargetElements = [target] };

    private static ShowCardAction DecideAction(CoachingView view, CoachingLibrary library, Language language, Dictionary<string, string> typed, Dictionary<string, string> errors)
    {
        var suggested = view.Suggestion.Top?.Type;
        var preselected = typed.GetValueOrDefault(TypeInput) is { Length: > 0 } t ? t
            : (view.Current?.ChosenType ?? suggested) is { } d ? CoachingLibrary.TypeKey(d) : null;
        var body = new List<CardElement>
        {
            new ChoiceSetInput
            {
                Id = TypeInput,
                Label = Texts.Coaching.TypeLabel.In(language),
                IsRequired = true,
                ErrorMessage = Texts.Coaching.ErrorType.In(language),
                Style = ChoiceInputStyle.Compact,
                Value = preselected,
                Choices = Enum.GetValues<ManagerType>().Select(x => new Choice(library[x].Name.In(language), CoachingLibrary.TypeKey(x))).ToList(),
            },
        };
        AddError(body, errors, TypeInput);
        body.Add(new TextInput
        {
            Id = ReasonInput,
            Label = (suggested is null ? Texts.Coaching.ReasonOptional : Texts.Coaching.ReasonLabel).In(language),
            Placeholder = Texts.Coaching.ReasonPlaceholder.In(language),
            IsMultiline = true,
            MaxLength = CoachingLimits.Reason,
            Value = typed.GetValueOrDefault(ReasonInput),
        });
        AddError(body, errors, ReasonInput);
        return new ShowCardAction
        {
            Title = view.Current is null ? Texts.Coaching.Confirm.In(language) : Texts.Coaching.Change.In(language),
            Card = SubCard(body, new ExecuteAction
            {
                Title = Texts.Coaching.ConfirmButton.In(language),
                Verb = DecideVerb,
                Style = ActionStyle.Positive,
                AssociatedInputs = "auto",
                Data = new JsonObject
                {
                    ["verb"] = DecideVerb,
                    ["managerId"] = view.Manager.Id,
                    ["suggested"] = suggested is { } st ? CoachingLibrary.TypeKey(st) : string.Empty,
                    ["basedOn"] = view.Current?.Id.ToString() ?? string.Empty,
                },
            }),
        };
    }

    private static ShowCardAction ObserveAction(CoachingView view, Language language, Dictionary<string, string> typed)
    {
        var body = new List<CardElement>
        {
            new ChoiceSetInput
            {
                Id = ObservationKindInput,
                Label = Texts.Coaching.ObservationKind.In(language),
                IsRequired = true,
                ErrorMessage = Texts.Coaching.ErrorKind.In(language),
                Style = ChoiceInputStyle.Compact,
                Value = typed.GetValueOrDefault(ObservationKindInput) is { Length: > 0 } k ? k : null,
                Choices = ObservationKinds.Select(x => new Choice(KindName(x, language), KindKey(x))).ToList(),
            },
            new TextInput
            {
                Id = ObservationNoteInput,
                Label = Texts.Coaching.ObservationNote.In(language),
                IsRequired = true,
                ErrorMessage = Texts.Transfers.ErrorRequired.Format(language, Texts.Coaching.ObservationNote.In(language)),
                IsMultiline = true,
                MaxLength = CoachingLimits.Note,
                Placeholder = Texts.Coaching.ObservationPlaceholder.In(language),
                Value = typed.GetValueOrDefault(ObservationNoteInput),
            },
        };
        return new ShowCardAction
        {
            Title = Texts.Coaching.Observe.In(language),
            Card = SubCard(body, new ExecuteAction
            {
                Title = Texts.Coaching.ObserveButton.In(language),
                Verb = ObserveVerb,
                AssociatedInputs = "auto",
                Data = new JsonObject { ["verb"] = ObserveVerb, ["managerId"] = view.Manager.Id },
            }),
        };
    }

    private static ExecuteAction ActionButton(string title, CoachingAction action, string outcome, ActionStyle? style) => new()
    {
        Title = title,
        Verb = ActionVerb,
        Style = style,
        Data = new JsonObject { ["verb"] = ActionVerb, ["actionId"] = action.Id.ToString(), ["outcome"] = outcome },
    };

    /// <summary>The managers a lead may coach, each one tap away (with a note when a typed name matched nobody or several).</summary>
    public static AdaptiveCard Pick(IReadOnlyList<Person> managers, string? notice, Language language)
    {
        var title = Texts.Coaching.PickTitle.In(language);
        var card = new AdaptiveCard { FallbackText = title, Body = [Title(title)] };
        if (notice is not null)
        {
            card.Body.Add(new TextBlock(notice) { Id = "notice", Color = TextColor.Attention });
        }

        card.Body.Add(new TextBlock(Texts.Coaching.PickIntro.In(language)) { Id = "intro", IsSubtle = true, Spacing = Spacing.None });
        card.Actions = managers.Take(20).Select(m => (CardAction)new ExecuteAction
        {
            Title = m.DisplayName,
            Verb = OpenVerb,
            Data = new JsonObject { ["verb"] = OpenVerb, ["managerId"] = m.Id },
        }).ToList();
        return card;
    }

    /// <summary>The monthly pulse: three questions, 1–5, no label, the answers go to the lead chain.</summary>
    public static AdaptiveCard Pulse(DateOnly month, Language language, Dictionary<string, string>? typed = null, Dictionary<string, string>? errors = null, string? notice = null)
    {
        typed ??= [];
        errors ??= [];
        var title = Texts.Coaching.PulseTitle.Format(language, CardDates.Month(month, language));
        var card = new AdaptiveCard
        {
            FallbackText = title,
            Body =
            [
                Title(title),
                new TextBlock(Texts.Coaching.PulseIntro.In(language)) { Id = "intro", IsSubtle = true, Spacing = Spacing.None },
            ],
        };
        if (notice is not null)
        {
            card.Body.Add(new TextBlock(notice) { Id = "notice", Color = TextColor.Good, Weight = TextWeight.Bolder });
        }

        if (errors.Count > 0)
        {
            card.Body.Add(new TextBlock(Texts.Coaching.PulseFix.In(language)) { Id = "errors", Color = TextColor.Attention, Weight = TextWeight.Bolder });
        }

        foreach (var (id, question) in new[] { (ConfidenceInput, Texts.Coaching.PulseConfidence), (MotivationInput, Texts.Coaching.PulseMotivation), (FairnessInput, Texts.Coaching.PulseFairness) })
        {
            card.Body.Add(new ChoiceSetInput
            {
                Id = id,
                Label = question.In(language),
                IsRequired = true,
                ErrorMessage = Texts.Coaching.ErrorScale.In(language),
                Style = ChoiceInputStyle.Expanded,
                Value = typed.GetValueOrDefault(id) is { Length: > 0 } v ? v : null,
                Choices = Enumerable.Range(1, 5).Select(i => new Choice(Scale(i, language), i.ToString(CultureInfo.InvariantCulture))).ToList(),
            });
            AddError(card.Body, errors, id);
        }

        card.Actions =
        [
            new ExecuteAction
            {
                Title = Texts.Coaching.PulseSend.In(language),
                Verb = PulseSubmitVerb,
                Style = ActionStyle.Positive,
                AssociatedInputs = "auto",
                Data = new JsonObject { ["verb"] = PulseSubmitVerb, ["month"] = month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
            },
        ];
        return card;
    }

    private static string Scale(int i, Language language) => i switch
    {
        1 => Texts.Coaching.Scale1.In(language),
        5 => Texts.Coaching.Scale5.In(language),
        _ => i.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The answered pulse: what was recorded, changeable until the month ends.</summary>
    public static AdaptiveCard PulseAnswered(PulseResponse answer, Language language, string? notice)
    {
        var title = Texts.Coaching.PulseTitle.Format(language, CardDates.Month(answer.Month, language));
        var card = new AdaptiveCard
        {
            FallbackText = title,
            Body =
            [
                Title(title),
                new TextBlock(notice ?? Texts.Coaching.PulseThanks.In(language)) { Id = "notice", Color = TextColor.Good, Weight = TextWeight.Bolder },
                new FactSet
                {
                    Id = "answers",
                    Facts =
                    [
                        new(Texts.Coaching.PulseConfidence.In(language), answer.Confidence.ToString(CultureInfo.InvariantCulture)),
                        new(Texts.Coaching.PulseMotivation.In(language), answer.Motivation.ToString(CultureInfo.InvariantCulture)),
                        new(Texts.Coaching.PulseFairness.In(language), answer.Fairness.ToString(CultureInfo.InvariantCulture)),
                    ],
                },
                new TextBlock(Texts.Coaching.PulseWhoSees.In(language)) { Id = "who", IsSubtle = true },
            ],
            Actions =
            [
                new ExecuteAction
                {
                    Title = Texts.Coaching.PulseChange.In(language),
                    Verb = PulseOpenVerb,
                    Data = new JsonObject { ["verb"] = PulseOpenVerb, ["change"] = true },
                },
            ],
        };
        return card;
    }

    /// <summary>One manager's line in the monthly digest.</summary>
    public sealed record DigestRow(Person Manager, ManagerType? Suggested, double Score, bool HadLastMonth, ManagerType? LastMonth, ManagerType? Confirmed, int OpenActions, int OverdueActions);

    public static AdaptiveCard Digest(Team team, DateOnly month, IReadOnlyList<DigestRow> rows, CoachingLibrary library, Language language)
    {
        var title = Texts.Coaching.DigestTitle.Format(language, language == Language.ZhCn ? team.NameZh : team.NameEn, CardDates.Month(month, language));
        var card = new AdaptiveCard
        {
            FallbackText = title,
            Body =
            [
                Title(title),
                new TextBlock(Texts.Coaching.DigestIntro.In(language)) { Id = "intro", IsSubtle = true, Spacing = Spacing.None },
            ],
        };
        string Name(ManagerType? t) => t is { } x ? library[x].Name.In(language) : Texts.Coaching.NoSuggestion.In(language);
        foreach (var row in rows)
        {
            var change = !row.HadLastMonth ? Texts.Coaching.DigestFirst.In(language)
                : row.LastMonth == row.Suggested ? Texts.Coaching.DigestSame.In(language)
                : Texts.Coaching.DigestChanged.Format(language, Name(row.LastMonth));
            var lines = new List<string>
            {
                Texts.Coaching.DigestSuggested.Format(language, row.Suggested is { } st ? Suggestion(library[st].Name.In(language), row.Score, language) : Name(null), change),
                Texts.Coaching.DigestConfirmed.Format(language, row.Confirmed is { } c ? library[c].Name.In(language) : Texts.Coaching.DigestNotConfirmed.In(language)),
                Texts.Coaching.DigestActions.Format(language, row.OpenActions, row.OverdueActions),
            };
            card.Body.Add(new Container
            {
                Id = "row." + row.Manager.Id,
                Separator = true,
                Style = row.OverdueActions > 0 ? ContainerStyle.Attention : null,
                Items =
                [
                    new TextBlock(row.Manager.DisplayName) { Weight = TextWeight.Bolder },
                    new TextBlock(string.Join("\n\n", lines)) { Id = "row." + row.Manager.Id + ".text", Spacing = Spacing.None },
                    new ActionSet
                    {
                        Actions =
                        [
                            new ExecuteAction
                            {
                                Title = Texts.Coaching.OpenCard.In(language),
                                Verb = OpenVerb,
                                Data = new JsonObject { ["verb"] = OpenVerb, ["managerId"] = row.Manager.Id },
                            },
                        ],
                    },
                ],
            });
        }

        if (rows.Count == 0)
        {
            card.Body.Add(new TextBlock(Texts.Coaching.DigestEmpty.In(language)) { Id = "empty" });
        }

        return card;
    }

    /// <summary>The reminder of a due or overdue action, with done / skip and the manager's card.</summary>
    public static AdaptiveCard ActionReminder(CoachingAction action, Person manager, string actionText, DateOnly today, Language language)
    {
        var overdue = action.Due < today;
        var title = Texts.Coaching.ReminderTitle.Format(language, manager.DisplayName);
        return new AdaptiveCard
        {
            FallbackText = title,
            Body =
            [
                Title(title),
                new TextBlock((overdue ? Texts.Coaching.ReminderOverdue : Texts.Coaching.ReminderDue).Format(language, actionText, Date(action.Due)))
                {
                    Id = "action", Color = overdue ? TextColor.Attention : null,
                },
                new TextBlock(Texts.Coaching.ReminderWhy.In(language)) { Id = "why", IsSubtle = true, Size = TextSize.Small },
            ],
            Actions =
            [
                ActionButton(Texts.Coaching.MarkDone.In(language), action, Done, ActionStyle.Positive),
                ActionButton(Texts.Coaching.MarkSkipped.In(language), action, Skipped, null),
                new ExecuteAction
                {
                    Title = Texts.Coaching.OpenCard.In(language),
                    Verb = OpenVerb,
                    Data = new JsonObject { ["verb"] = OpenVerb, ["managerId"] = manager.Id },
                },
            ],
        };
    }

    /// <summary>A tip for the manager: encouraging or practical, never naming a type.</summary>
    public static AdaptiveCard Tip(string tip, string leadName, Language language)
    {
        var title = Texts.Coaching.TipTitle.In(language);
        return new AdaptiveCard
        {
            FallbackText = title,
            Body =
            [
                Title(title),
                new TextBlock(tip) { Id = "tip" },
                new TextBlock(Texts.Coaching.TipFrom.Format(language, leadName)) { Id = "from", IsSubtle = true, Size = TextSize.Small },
            ],
        };
    }

    private static void AddError(List<CardElement> body, Dictionary<string, string> errors, string id)
    {
        if (errors.TryGetValue(id, out var error))
        {
            body.Add(new TextBlock(error) { Id = "error." + id, Color = TextColor.Attention, Size = TextSize.Small, Spacing = Spacing.None });
        }
    }

    private static TextBlock Bullets(string id, string heading, IReadOnlyList<PlaybookLine> lines, Language language) =>
        new($"**{heading}**\n\n" + string.Join("\n\n", lines.Select(l => "• " + l.In(language)))) { Id = id, Spacing = Spacing.Small };

    private static TextBlock Heading(string text) => new(text) { Weight = TextWeight.Bolder, Size = TextSize.Medium, Spacing = Spacing.Medium, Separator = true };

    private static AdaptiveCard SubCard(List<CardElement> body, ExecuteAction action) => new() { MsTeams = null, Body = body, Actions = [action] };

    private static TextBlock Title(string text) => new(text) { Size = TextSize.Large, Weight = TextWeight.Bolder, Id = "title" };
}
