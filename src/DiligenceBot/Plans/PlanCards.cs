using System.Globalization;
using System.Text.Json.Nodes;
using DiligenceBot.BotFramework.Cards;
using DiligenceBot.Customers;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;
using DiligenceBot.Reviews;
using DiligenceBot.WorkLogs;

namespace DiligenceBot.Plans;

/// <summary>The monthly plan's cards: the form (with the bot's draft), the manager's summary, the lead's review card, the team's plans.</summary>
public static class PlanCards
{
    public const string OpenVerb = "plan.open";
    public const string SubmitVerb = "plan.submit";
    public const string EditVerb = "plan.edit";
    public const string ViewVerb = "plan.view";
    public const string ReviewViewVerb = "plan.review";
    public const string ApproveVerb = "plan.approve";
    public const string ReturnVerb = "plan.return";
    public const string TeamVerb = "plan.team";
    public const string SettingVerb = "plan.setting";

    public const string VolumeInput = "p.volume";
    public const string ValueInput = "p.value";
    public const string BrandsInput = "p.brands";
    public const string MeasuresInput = "p.measures";
    /// <summary>One input per working day: "v.yyyy-MM-dd", the customers to visit that day.</summary>
    public const string DayPrefix = "v.";

    public sealed record CardNotice(string Text, bool Warning = true);

    /// <summary>What the form shows: the month, its working days, the manager's customers, what was typed, the errors, the lead's last comment.</summary>
    public sealed record FormState(
        Team Team,
        DateOnly Month,
        DateOnly DueDay,
        IReadOnlyList<DateOnly> WorkingDays,
        IReadOnlyList<Customer> Customers,
        Dictionary<string, string> Typed,
        Dictionary<string, string> Errors,
        MarketingPlan? Plan,
        int BaseRevision,
        string? Notice = null,
        MarketingPlanReview? ReturnComment = null,
        string? ReviewerName = null);

    /// <summary>A stored plan with its manager's name, team and customers (the manager's and those in the plan) by id.</summary>
    public sealed record PlanView(MarketingPlan Plan, string ManagerName, Team Team, IReadOnlyDictionary<long, Customer> Customers);

    public sealed record ReviewState(PlanView View, string? DeciderName, Dictionary<string, string> Typed, Dictionary<string, string> Errors, string? ReviewerUserId);

    /// <summary>A manager's row on the lead's card: next month's plan (or none yet) and this month's progress.</summary>
    public sealed record TeamRow(Person Manager, MarketingPlan? Next, PlanProgress? Current);

    /// <summary>This month so far: visits planned up to today, made (from logs), and planned in the whole month.</summary>
    public sealed record PlanProgress(int PlannedToDate, int VisitedToDate, int PlannedInMonth);

    public sealed record TeamSection(Team Team, DateOnly Month, DateOnly DueDay, IReadOnlyList<TeamRow> Rows);

    /// <summary>The form's inputs from a revision (or none) and a visit plan: numbers in invariant form, each day's customers by licence number.</summary>
    public static Dictionary<string, string> Typed(MarketingPlanRevision? revision, IReadOnlyList<PlannedVisit> visits, IReadOnlyList<Customer> customers)
    {
        var byId = customers.ToDictionary(c => c.Id);
        var typed = new Dictionary<string, string>(StringComparer.Ordinal);
        if (revision is not null)
        {
            typed[VolumeInput] = revision.VolumeCases?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
            typed[ValueInput] = revision.ValueYuan?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
            typed[BrandsInput] = revision.KeyBrands ?? string.Empty;
            typed[MeasuresInput] = revision.Measures;
        }

        foreach (var day in visits.GroupBy(v => v.Day))
        {
            typed[DayKey(day.Key)] = string.Join(", ", day.Select(v => byId.TryGetValue(v.CustomerId, out var c) ? c.LicenceNumber : null).OfType<string>());
        }

        return typed;
    }

    public static string DayKey(DateOnly day) => DayPrefix + WorkLogCards.Date(day);

    public static AdaptiveCard Form(FormState state, Language language)
    {
        var title = Texts.Plans.Title.Format(language, CardDates.Month(state.Month, language));
        var card = new AdaptiveCard { FallbackText = title, Body = [Title(title)] };
        card.Body.Add(new TextBlock(Texts.Plans.DueBy.Format(language, CardDates.Long(state.DueDay, language))) { Id = "due", Spacing = Spacing.Small, Wrap = true });
        if (state.Notice is { } notice)
        {
            card.Body.Insert(1, new TextBlock(notice) { Id = "notice", Weight = TextWeight.Bolder, Wrap = true });
        }

        if (state.ReturnComment is { } returned)
        {
            card.Body.Add(ReviewCards.Comment(returned, state.ReviewerName, language));
        }

        if (state.Errors.Count > 0)
        {
            card.Body.Add(new TextBlock(Texts.WorkLogs.FixErrors.In(language)) { Id = "errors", Color = TextColor.Attention, Weight = TextWeight.Bolder, Wrap = true });
        }

        card.Body.Add(Heading("goals", Texts.Plans.Goals.In(language)));
        card.Body.Add(new NumberInput
        {
            Id = VolumeInput,
            Label = Texts.Plans.Volume.In(language),
            IsRequired = true,
            ErrorMessage = Texts.WorkLogs.ErrorRequired.Format(language, Texts.Plans.Volume.In(language)),
            Min = 0,
            Max = PlanLimits.MaxCases,
            Value = DiligenceBot.Input.UserNumber.TryParse(state.Typed.GetValueOrDefault(VolumeInput), out var volume) ? volume : null,
        });
        AddError(card, state, VolumeInput);
        card.Body.Add(new NumberInput
        {
            Id = ValueInput,
            Label = Texts.Plans.Value.In(language),
            IsRequired = true,
            ErrorMessage = Texts.WorkLogs.ErrorRequired.Format(language, Texts.Plans.Value.In(language)),
            Min = 0,
            Max = PlanLimits.MaxYuan,
            Value = DiligenceBot.Input.UserNumber.TryParse(state.Typed.GetValueOrDefault(ValueInput), out var value) ? value : null,
        });
        AddError(card, state, ValueInput);
        card.Body.Add(new TextInput
        {
            Id = BrandsInput,
            Label = Texts.Plans.KeyBrands.In(language),
            MaxLength = PlanLimits.KeyBrands,
            Placeholder = Texts.Plans.KeyBrandsHint.In(language),
            Value = state.Typed.GetValueOrDefault(BrandsInput),
        });
        AddError(card, state, BrandsInput);
        card.Body.Add(new TextInput
        {
            Id = MeasuresInput,
            Label = Texts.Plans.Measures.In(language),
            IsRequired = true,
            IsMultiline = true,
            ErrorMessage = Texts.WorkLogs.ErrorRequired.Format(language, Texts.Plans.Measures.In(language)),
            MaxLength = PlanLimits.Measures,
            Placeholder = Texts.Plans.MeasuresHint.In(language),
            Value = state.Typed.GetValueOrDefault(MeasuresInput),
        });
        AddError(card, state, MeasuresInput);

        card.Body.Add(Heading("visits", Texts.Plans.VisitPlan.In(language)));
        card.Body.Add(new TextBlock(state.Customers.Count == 0 ? Texts.Plans.NoCustomers.In(language) : Texts.Plans.VisitPlanHint.In(language))
        {
            IsSubtle = true, Spacing = Spacing.None, Wrap = true,
        });
        // Every working day, and any other day the card came back with (so what was typed for it is not lost).
        var days = state.WorkingDays
            .Concat(state.Typed.Keys.Where(k => k.StartsWith(DayPrefix, StringComparison.Ordinal))
                .Select(k => DateOnly.TryParseExact(k[DayPrefix.Length..], "yyyy-MM-dd", out var d) ? d : (DateOnly?)null).OfType<DateOnly>())
            .Distinct().Order().ToList();
        foreach (var day in days)
        {
            var key = DayKey(day);
            card.Body.Add(new TextInput
            {
                Id = key,
                Label = CardDates.Short(day, language),
                MaxLength = PlanLimits.DayLine,
                Value = state.Typed.GetValueOrDefault(key),
            });
            AddError(card, state, key);
        }

        if (state.Customers.Count > 0)
        {
            card.Body.Add(new ActionSet
            {
                Actions = [new ToggleVisibilityAction { Title = Texts.Plans.ShowCustomers.Format(language, state.Customers.Count), TargetElements = ["customers"] }],
            });
            card.Body.Add(new Container
            {
                Id = "customers",
                IsVisible = false,
                Items = state.Customers.Select(c => (CardElement)new TextBlock(Texts.Plans.CustomerLine.Format(language, c.LicenceNumber, c.Name, c.VisitsPerMonth))
                {
                    Spacing = Spacing.None, Wrap = true, Size = TextSize.Small,
                }).ToList(),
            });
        }

        var data = new JsonObject
        {
            ["verb"] = SubmitVerb,
            ["month"] = MonthKey(state.Month),
            ["baseRevision"] = state.BaseRevision,
        };
        if (state.Plan is { } plan)
        {
            data["planId"] = plan.Id.ToString();
        }

        card.Actions =
        [
            new ExecuteAction
            {
                Title = (state.BaseRevision == 0 ? Texts.Plans.Submit : Texts.WorkLogs.Resubmit).In(language),
                Verb = SubmitVerb,
                Data = data,
                AssociatedInputs = "auto",
                Style = ActionStyle.Positive,
            },
        ];
        return card;
    }

    /// <summary>The manager's read-only view of their plan, refreshed to its current state.</summary>
    public static AdaptiveCard Summary(PlanView view, MarketingPlanReview? lastReview, string? reviewerName, string? managerUserId, Language language, CardNotice? notice = null, bool measuresOpen = false)
    {
        var plan = view.Plan;
        var title = Texts.Plans.Title.Format(language, CardDates.Month(plan.Month, language));
        var card = new AdaptiveCard
        {
            FallbackText = title,
            Refresh = Refresh(ViewVerb, plan.Id, managerUserId),
            Body = [Title(title), StatusLine(plan, reviewerName, language)],
        };
        if (notice is not null)
        {
            card.Body.Insert(1, new TextBlock(notice.Text) { Id = "notice", Color = notice.Warning ? TextColor.Attention : null, Weight = TextWeight.Bolder, Wrap = true });
        }

        if (lastReview is not null && lastReview.RevisionNumber == plan.CurrentRevision && ReviewCards.HasComment(lastReview))
        {
            card.Body.Add(ReviewCards.Comment(lastReview, reviewerName, language));
        }

        card.Body.Add(Content(view, language));
        var actions = new List<CardAction>();
        if (plan.Status != PlanStatus.Approved)
        {
            actions.Add(new ExecuteAction
            {
                Title = (plan.Status == PlanStatus.Returned ? Texts.WorkLogs.Revise : Texts.WorkLogs.Edit).In(language),
                Verb = EditVerb,
                Data = new JsonObject { ["verb"] = EditVerb, ["planId"] = plan.Id.ToString() },
                AssociatedInputs = "none",
            });
        }

        if (measuresOpen && plan.Status != PlanStatus.Returned && PlanMeasures.Lines(plan.Current.Measures).Count > 0)
        {
            // The plan being carried out (its month or the month after): its measures are marked done on their own card.
            actions.Add(new ExecuteAction
            {
                Title = Texts.Plans.OpenMeasures.In(language),
                Verb = PlanExecutionCards.MeasuresVerb,
                Data = new JsonObject { ["verb"] = PlanExecutionCards.MeasuresVerb, ["month"] = MonthKey(plan.Month) },
                AssociatedInputs = "none",
            });
        }

        card.Actions = actions.Count > 0 ? actions : null;
        return card;
    }

    /// <summary>The lead's (or a delegate's) card: the plan, then the decision or the comment inputs with Approve and Return.</summary>
    public static AdaptiveCard Review(ReviewState state, Language language, string? notice = null)
    {
        var plan = state.View.Plan;
        var title = Texts.Plans.TitleOf.Format(language, state.View.ManagerName, CardDates.Month(plan.Month, language));
        var submitted = CardDates.At(plan.Current.SubmittedAt, state.View.Team.TimeZone);
        var card = new AdaptiveCard
        {
            FallbackText = title,
            Refresh = Refresh(ReviewViewVerb, plan.Id, state.ReviewerUserId),
            Body =
            [
                Title(title),
                new TextBlock($"{Punctuality(plan.OnTime, language)} · {Texts.WorkLogs.Revision.Format(language, plan.CurrentRevision)} · {Texts.WorkLogs.SubmittedAt.Format(language, submitted)}")
                {
                    Id = "status", Color = plan.OnTime ? null : TextColor.Warning, Spacing = Spacing.None, Wrap = true,
                },
            ],
        };
        if (notice is not null)
        {
            card.Body.Insert(1, new TextBlock(notice) { Id = "notice", Color = TextColor.Attention, Weight = TextWeight.Bolder, Wrap = true });
        }

        card.Body.Add(Content(state.View, language));
        if (plan.Reviews.SingleOrDefault(r => r.RevisionNumber == plan.CurrentRevision) is { } decided)
        {
            card.Body.Add(ReviewCards.Decided(decided, state.DeciderName, state.View.Team, language));
            return card;
        }

        card.Body.AddRange(ReviewCards.Inputs(plan.CurrentRevision, state.Typed, state.Errors, language));
        card.Actions = ReviewCards.Decisions(ApproveVerb, ReturnVerb, "planId", plan.Id, plan.CurrentRevision, state.View.ManagerName, language);
        return card;
    }

    /// <summary>"plan" for a lead: per team, each manager's plan for the month being planned and this month's progress.</summary>
    public static AdaptiveCard Teams(IReadOnlyList<TeamSection> sections, Language language)
    {
        var title = Texts.Plans.TeamsTitle.In(language);
        var card = new AdaptiveCard { FallbackText = title, Body = [Title(title)] };
        foreach (var section in sections)
        {
            var items = new List<CardElement>
            {
                new TextBlock(Texts.Plans.TeamHeading.Format(language, WorkLogCards.TeamName(section.Team, language), CardDates.Month(section.Month, language), CardDates.Long(section.DueDay, language)))
                {
                    Weight = TextWeight.Bolder, Wrap = true,
                },
            };
            foreach (var row in section.Rows)
            {
                var state = row.Next is null ? Texts.Plans.StateMissing.In(language) : StateOf(row.Next, language);
                var progress = row.Current is { } p
                    ? CardDates.KeepCounts(Texts.Plans.Progress.Format(language, p.VisitedToDate, p.PlannedToDate, p.PlannedInMonth))
                    : Texts.Plans.NoPlanThisMonth.In(language);
                var column = new Column
                {
                    Width = "stretch",
                    Items =
                    [
                        new TextBlock(row.Manager.DisplayName) { Weight = TextWeight.Bolder, Wrap = true },
                        new TextBlock(state) { Spacing = Spacing.None, Wrap = true, Id = "state." + row.Manager.Id },
                        new TextBlock(progress) { Spacing = Spacing.None, Wrap = true, IsSubtle = true, Id = "progress." + row.Manager.Id },
                    ],
                };
                var columns = new List<Column> { column };
                if (row.Next is { } next)
                {
                    columns.Add(new Column
                    {
                        Width = "auto",
                        Items =
                        [
                            new ActionSet
                            {
                                Actions =
                                [
                                    new ExecuteAction
                                    {
                                        Title = Texts.WorkLogs.Open.In(language),
                                        Verb = ReviewViewVerb,
                                        Data = new JsonObject { ["verb"] = ReviewViewVerb, ["planId"] = next.Id.ToString() },
                                        AssociatedInputs = "none",
                                    },
                                ],
                            },
                        ],
                    });
                }

                items.Add(new ColumnSet { Id = "row." + row.Manager.Id, Separator = true, Columns = columns });
            }

            card.Body.Add(new Container { Id = "team." + section.Team.Id, Separator = true, Items = items });
        }

        return card;
    }

    public static string MonthKey(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string StateOf(MarketingPlan plan, Language language) => plan.Status switch
    {
        PlanStatus.Approved => Texts.WorkLogs.StateApproved.In(language),
        PlanStatus.Returned => Texts.WorkLogs.StateReturned.In(language),
        _ => plan.OnTime ? Texts.WorkLogs.StateSubmitted.In(language) : Texts.WorkLogs.StateLate.In(language),
    };

    /// <summary>Goals, measures, and the visits per customer (planned against required), then per day.</summary>
    private static Container Content(PlanView view, Language language)
    {
        var revision = view.Plan.Current;
        var items = new List<CardElement>
        {
            ReviewCards.Answer("answer.volume", Texts.Plans.Volume.In(language), Number(revision.VolumeCases)),
            ReviewCards.Answer("answer.value", Texts.Plans.Value.In(language), Number(revision.ValueYuan)),
            ReviewCards.Answer("answer.brands", Texts.Plans.KeyBrands.In(language), revision.KeyBrands ?? "—"),
            ReviewCards.Answer("answer.measures", Texts.Plans.Measures.In(language), revision.Measures),
        };
        var planned = revision.Visits.GroupBy(v => v.CustomerId).ToDictionary(g => g.Key, g => g.Count());
        var lines = view.Customers.Values
            .Where(c => planned.ContainsKey(c.Id) || c.ManagerId == view.Plan.ManagerId)
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => CardDates.KeepCounts(Texts.Plans.PlannedLine.Format(language, c.Name, c.LicenceNumber, planned.GetValueOrDefault(c.Id), c.VisitsPerMonth)))
            .ToList();
        items.Add(ReviewCards.Answer("answer.visits", Texts.Plans.VisitsPerCustomer.Format(language, revision.Visits.Count), lines.Count == 0 ? "—" : string.Join("\n", lines)));
        var days = revision.Visits.GroupBy(v => v.Day).OrderBy(g => g.Key)
            .Select(g => $"{CardDates.Short(g.Key, language)}{Texts.WorkLogs.LabelSeparator.In(language)}{string.Join(Texts.Plans.NameSeparator.In(language), g.Select(v => view.Customers.TryGetValue(v.CustomerId, out var c) ? c.Name : "?"))}")
            .ToList();
        items.Add(ReviewCards.Answer("answer.days", Texts.Plans.VisitsPerDay.In(language), days.Count == 0 ? "—" : string.Join("\n", days)));
        return new Container { Id = "content", Separator = true, Items = items };
    }

    private static TextBlock StatusLine(MarketingPlan plan, string? reviewerName, Language language)
    {
        var status = plan.Status switch
        {
            PlanStatus.Approved => Texts.WorkLogs.StatusApproved.Format(language, reviewerName ?? plan.ReviewedById),
            PlanStatus.Returned => Texts.WorkLogs.StatusReturned.Format(language, reviewerName ?? plan.ReviewedById),
            _ => Texts.WorkLogs.StatusSubmitted.In(language),
        };
        var rating = plan.Status != PlanStatus.Submitted && plan.QualityRating is { } r ? " · " + Texts.WorkLogs.RatingValue.Format(language, r) : string.Empty;
        return new TextBlock($"{status}{rating} · {Punctuality(plan.OnTime, language)} · {Texts.WorkLogs.Revision.Format(language, plan.CurrentRevision)}")
        {
            Id = "status",
            Spacing = Spacing.Small,
            Wrap = true,
            Weight = plan.Status == PlanStatus.Submitted ? null : TextWeight.Bolder,
            Color = plan.Status switch { PlanStatus.Approved => TextColor.Good, PlanStatus.Returned => TextColor.Warning, _ => TextColor.Default },
        };
    }

    private static string Number(decimal? value) => value?.ToString("#,0.##", CultureInfo.InvariantCulture) ?? "—";

    private static string Punctuality(bool onTime, Language language) => (onTime ? Texts.WorkLogs.OnTime : Texts.WorkLogs.Late).In(language);

    private static void AddError(AdaptiveCard card, FormState state, string key)
    {
        if (state.Errors.TryGetValue(key, out var error))
        {
            card.Body.Add(new TextBlock(error) { Id = "error." + key, Color = TextColor.Attention, Size = TextSize.Small, Spacing = Spacing.None, Wrap = true });
        }
    }

    private static TextBlock Heading(string id, string text) => new(text) { Id = id, Weight = TextWeight.Bolder, Separator = true, Wrap = true };

    private static TextBlock Title(string text) => new(text) { Size = TextSize.Large, Weight = TextWeight.Bolder, Id = "title", Wrap = true };

    private static CardRefresh Refresh(string verb, Guid planId, string? userId) => new()
    {
        Action = new ExecuteAction { Verb = verb, Data = new JsonObject { ["verb"] = verb, ["planId"] = planId.ToString() } },
        UserIds = userId is null ? null : [userId],
    };
}
