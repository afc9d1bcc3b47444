using System.Globalization;
using System.Text.Json.Nodes;
using DiligenceBot.BotFramework.Cards;
using DiligenceBot.Conversations;
using DiligenceBot.Customers;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;
using DiligenceBot.Reviews;

namespace DiligenceBot.WorkLogs;

/// <summary>The work log's cards: the form, the manager's summary, the lead's review card, and the lists.</summary>
public static class WorkLogCards
{
    public const string OpenVerb = "worklog.open";
    public const string SubmitVerb = "worklog.submit";
    public const string EditVerb = "worklog.edit";
    public const string ViewVerb = "worklog.view";
    public const string ReviewViewVerb = "worklog.review";
    public const string ApproveVerb = "worklog.approve";
    public const string ReturnVerb = "worklog.return";
    public const string MineVerb = "worklog.mine";
    public const string TeamVerb = "worklog.team";
    public const string PraiseVerb = "worklog.praise";
    public const string BestVerb = "worklog.best";

    public const string EvaluationInput = LeadReview.EvaluationInput;
    public const string RequirementInput = LeadReview.RequirementInput;
    public const string SuggestionInput = LeadReview.SuggestionInput;
    public const string RatingInput = LeadReview.RatingInput;
    public const string ExampleInput = LeadReview.ExampleInput;
    public const int CommentMaxLength = LeadReview.CommentMaxLength;

    /// <summary>What the form card shows: the log being written (or revised), the lead's last comment, errors.</summary>
    public sealed record FormState(
        LogTemplate Template,
        Team Team,
        DateOnly WorkDate,
        Dictionary<string, string> Values,
        Dictionary<string, string> Errors,
        Guid? LogId,
        int BaseRevision,
        WorkLogReview? ReturnComment,
        string? ReviewerName,
        string? Notice = null,
        LogTiming? Timing = null,
        IReadOnlyDictionary<long, PickedCustomer>? Customers = null);

    /// <summary>
    /// What a log's day means: the day it covers, the local day and time it is due, the team's today, and whether
    /// the deadline has passed (then a submission is late).
    /// </summary>
    public sealed record LogTiming(DateOnly Covered, LogCoverage Covers, DateOnly DueDay, TimeOnly DueTime, DateOnly Today, bool Passed);

    public static AdaptiveCard Form(FormState state, Language language)
    {
        var date = Date(state.WorkDate);
        var title = Texts.WorkLogs.LogTitle.Format(language, CardDates.Long(state.WorkDate, language));
        var card = new AdaptiveCard
        {
            FallbackText = title,
            Body = [Title(title)],
        };
        if (state.Timing is { } timing)
        {
            card.Body.Add(new TextBlock(Covers(timing, language)) { Id = "covers", Spacing = Spacing.Small, Color = timing.Passed ? TextColor.Warning : null });
        }

        card.Body.Add(new TextBlock(Texts.WorkLogs.RequiredNote.In(language)) { IsSubtle = true, Spacing = Spacing.None, Size = TextSize.Small });
        if (state.Notice is { } notice)
        {
            card.Body.Insert(1, Notice(new CardNotice(notice, Warning: false)));
        }

        if (state.ReturnComment is { } returned)
        {
            card.Body.Add(ReviewCards.Comment(returned, state.ReviewerName, language));
        }

        if (state.Errors.Count > 0)
        {
            card.Body.Add(new TextBlock(Texts.WorkLogs.FixErrors.In(language)) { Id = "errors", Color = TextColor.Attention, Weight = TextWeight.Bolder });
        }

        foreach (var field in state.Template.Fields)
        {
            state.Values.TryGetValue(field.Key, out var value);
            card.Body.Add(field.Type == LogFieldTypes.Customers
                ? CustomerCards.Picker(new(LogValidation.InputPrefix + field.Key, field.LabelWithUnit(language), field.MaxLength),
                    CustomerPicks.Read(state.Values, field.Key), state.Customers ?? new Dictionary<long, PickedCustomer>(), language)
                : Input(field, value, state.WorkDate, language));
            if (state.Errors.TryGetValue(field.Key, out var error))
            {
                card.Body.Add(new TextBlock(error) { Id = "error." + field.Key, Color = TextColor.Attention, Size = TextSize.Small, Spacing = Spacing.None });
            }
        }

        var data = new JsonObject
        {
            ["verb"] = SubmitVerb,
            ["workDate"] = date,
            ["baseRevision"] = state.BaseRevision,
        };
        if (state.LogId is { } id)
        {
            data["logId"] = id.ToString();
        }

        card.Actions =
        [
            new ExecuteAction
            {
                Title = (state.BaseRevision == 0 ? Texts.WorkLogs.Submit : Texts.WorkLogs.Resubmit).In(language),
                Verb = SubmitVerb,
                Data = data,
                AssociatedInputs = "auto",
                Style = ActionStyle.Positive,
            },
        ];
        return card;
    }

    /// <summary>The manager's read-only view of their log, refreshed to its current state.</summary>
    /// <summary>A line at the top of a card: a warning (red, bold) or plain news such as "saved" (never in an alarming colour).</summary>
    public sealed record CardNotice(string Text, bool Warning = true);

    public static AdaptiveCard Summary(WorkLog log, LogTemplate template, WorkLogReview? lastReview, string? reviewerName, string? managerUserId, Language language, string? notice = null) =>
        Summary(log, template, lastReview, reviewerName, managerUserId, language, notice is null ? null : new CardNotice(notice));

    public static AdaptiveCard Summary(WorkLog log, LogTemplate template, WorkLogReview? lastReview, string? reviewerName, string? managerUserId, Language language, CardNotice? notice,
        IReadOnlyDictionary<long, PickedCustomer>? customers = null)
    {
        var revision = log.Revisions.Single(r => r.Number == log.CurrentRevision);
        var title = Texts.WorkLogs.LogTitle.Format(language, CardDates.Long(log.WorkDate, language));
        var card = new AdaptiveCard
        {
            FallbackText = title,
            Refresh = Refresh(ViewVerb, log.Id, managerUserId),
            Body = [Title(title), StatusLine(log, reviewerName, language)],
        };
        if (log.PraisedAt is not null)
        {
            card.Body.Add(Praised(reviewerName ?? log.PraisedById, language));
        }

        if (lastReview is not null && lastReview.RevisionNumber == log.CurrentRevision && ReviewCards.HasComment(lastReview))
        {
            card.Body.Add(ReviewCards.Comment(lastReview, reviewerName, language));
        }

        card.Body.Add(Content(template, revision.Values, customers, language));
        if (notice is not null)
        {
            card.Body.Insert(1, Notice(notice));
        }

        if (log.Status != WorkLogStatus.Approved)
        {
            card.Actions =
            [
                new ExecuteAction
                {
                    Title = (log.Status == WorkLogStatus.Returned ? Texts.WorkLogs.Revise : Texts.WorkLogs.Edit).In(language),
                    Verb = EditVerb,
                    Data = new JsonObject { ["verb"] = EditVerb, ["logId"] = log.Id.ToString() },
                    AssociatedInputs = "none",
                },
            ];
        }

        return card;
    }

    /// <summary>What the review card shows besides the log: who wrote it, errors and typed comment to keep.</summary>
    public sealed record ReviewState(
        WorkLog Log,
        LogTemplate Template,
        Person Manager,
        Team Team,
        string? DeciderName,
        Dictionary<string, string> Typed,
        Dictionary<string, string> Errors,
        string? ReviewerUserId,
        IReadOnlyDictionary<long, PickedCustomer>? Customers = null);

    public static AdaptiveCard Review(ReviewState state, Language language, string? notice = null)
    {
        var log = state.Log;
        var revision = log.Revisions.Single(r => r.Number == log.CurrentRevision);
        var title = Texts.WorkLogs.LogOfTitle.Format(language, state.Manager.DisplayName, CardDates.Long(log.WorkDate, language));
        var submitted = CardDates.At(revision.SubmittedAt, state.Team.TimeZone);
        var card = new AdaptiveCard
        {
            FallbackText = title,
            Refresh = Refresh(ReviewViewVerb, log.Id, state.ReviewerUserId),
            Body =
            [
                Title(title),
                new TextBlock($"{Punctuality(log.OnTime, language)} · {Texts.WorkLogs.Revision.Format(language, log.CurrentRevision)} · {Texts.WorkLogs.SubmittedAt.Format(language, submitted)}")
                {
                    Id = "status",
                    Color = log.OnTime ? null : TextColor.Warning,
                    Spacing = Spacing.None,
                },
            ],
        };

        if (notice is not null)
        {
            card.Body.Insert(1, Notice(new CardNotice(notice)));
        }

        if (log.PraisedAt is not null)
        {
            card.Body.Add(Praised(state.DeciderName ?? log.PraisedById, language));
        }

        card.Body.Add(Content(state.Template, revision.Values, state.Customers, language));
        var decided = log.Reviews.SingleOrDefault(r => r.RevisionNumber == log.CurrentRevision);
        if (decided is not null)
        {
            card.Body.Add(ReviewCards.Decided(decided, state.DeciderName, state.Team, language));
            if (decided.Decision == ReviewDecision.Approved && log.PraisedAt is null)
            {
                card.Actions =
                [
                    new ExecuteAction
                    {
                        Title = Texts.WorkLogs.MarkExample.In(language),
                        Verb = PraiseVerb,
                        Data = new JsonObject { ["verb"] = PraiseVerb, ["logId"] = log.Id.ToString() },
                        AssociatedInputs = "none",
                    },
                ];
            }

            return card;
        }

        card.Body.AddRange(ReviewCards.Inputs(log.CurrentRevision, state.Typed, state.Errors, language));
        card.Body.Add(new ToggleInput
        {
            Id = ExampleInput,
            Title = Texts.WorkLogs.ExampleToggle.In(language),
            ValueOn = "true",
            ValueOff = "false",
            Value = state.Typed.GetValueOrDefault(ExampleInput) == "true" ? "true" : "false",
        });
        card.Actions = ReviewCards.Decisions(ApproveVerb, ReturnVerb, "logId", log.Id, log.CurrentRevision, state.Manager.DisplayName, language);
        return card;
    }

    public static AdaptiveCard MyLogs(IReadOnlyList<WorkLog> logs, Language language)
    {
        var card = new AdaptiveCard { FallbackText = Texts.WorkLogs.MyLogsTitle.In(language), Body = [Title(Texts.WorkLogs.MyLogsTitle.In(language))] };
        if (logs.Count == 0)
        {
            card.Body.Add(new TextBlock(Texts.WorkLogs.NoLogsYet.In(language)) { Id = "empty" });
            return card;
        }

        foreach (var log in logs)
        {
            card.Body.Add(Row(CardDates.Short(log.WorkDate, language), StateOf(log, language), ViewVerb, log.Id, language, "row." + Date(log.WorkDate)));
        }

        return card;
    }

    public sealed record TeamRow(Person Manager, WorkLog? Log, string? OneLine = null);

    /// <summary>One team's logs of one day in a list: the rows, and when that day's logs are (or were) due.</summary>
    public sealed record TeamSection(Team Team, DateOnly Date, IReadOnlyList<TeamRow> Rows, LogTiming? Timing = null);

    public static AdaptiveCard TeamLogs(Team team, DateOnly date, IReadOnlyList<TeamRow> rows, Language language, string? notice = null, LogTiming? timing = null) =>
        TeamLogs([new TeamSection(team, date, rows, timing)], language, notice);

    /// <summary>
    /// Each team's managers and the state of their log for the team's day, grouped by team (a lead of several teams
    /// sees all of them). A missing log is "not yet due" until its deadline, then "missing".
    /// </summary>
    public static AdaptiveCard TeamLogs(IReadOnlyList<TeamSection> sections, Language language, string? notice = null)
    {
        var single = sections.Count == 1;
        var groups = sections.Select(section => new TeamGroup(section.Team.Id,
            Texts.WorkLogs.TeamLogsTitle.Format(language, TeamName(section.Team, language), CardDates.Long(section.Date, language)),
            TeamSectionItems(section, single, language))).ToList();
        var card = LeadTeams.Card(Texts.WorkLogs.TeamsLogsTitle.In(language), groups, notice);
        card.Actions =
        [
            new ExecuteAction
            {
                Title = Texts.WorkLogs.BestLogsButton.In(language),
                Verb = BestVerb,
                Data = new JsonObject { ["verb"] = BestVerb },
                AssociatedInputs = "none",
            },
        ];
        return card;
    }

    /// <summary>A team's part of the list: when its logs are due, the counts, and a row per manager.</summary>
    private static List<CardElement> TeamSectionItems(TeamSection section, bool single, Language language)
    {
        var items = new List<CardElement>();
        var due = section.Timing?.Passed ?? true;
        if (section.Timing is { } timing)
        {
            items.Add(new TextBlock(DueLine(timing, language)) { Id = "due." + section.Team.Id, IsSubtle = true, Spacing = Spacing.None });
        }

        var rows = section.Rows;
        int Count(Func<TeamRow, bool> p) => rows.Count(p);
        var counts = due
            ? Texts.WorkLogs.TeamCounts.Format(language,
                Count(r => r.Log is not null), Count(r => r.Log is { OnTime: false }), Count(r => r.Log is null),
                Count(r => r.Log?.Status == WorkLogStatus.Approved), Count(r => r.Log?.Status == WorkLogStatus.Returned))
            : Texts.WorkLogs.TeamCountsBeforeDue.Format(language,
                Count(r => r.Log is not null), Count(r => r.Log is null),
                Count(r => r.Log?.Status == WorkLogStatus.Approved), Count(r => r.Log?.Status == WorkLogStatus.Returned));
        items.Add(new TextBlock(counts) { Id = LeadTeams.Id("counts", section.Team.Id, single), IsSubtle = true, Spacing = Spacing.None });
        foreach (var row in rows)
        {
            var id = "row." + row.Manager.Id;
            if (row.Log is null)
            {
                items.Add(new Container
                {
                    Id = id,
                    Items =
                    [
                        new TextBlock(row.Manager.DisplayName) { Weight = TextWeight.Bolder },
                        new TextBlock(due ? Texts.WorkLogs.StateMissing.In(language) : Texts.WorkLogs.StateNotYetDue.In(language))
                        {
                            Spacing = Spacing.None,
                            Color = due ? TextColor.Attention : null,
                            IsSubtle = due ? null : true,
                        },
                    ],
                });
                continue;
            }

            var state = row.OneLine is null ? StateOf(row.Log, language) : $"{StateOf(row.Log, language)}\n{row.OneLine}";
            items.Add(Row(row.Manager.DisplayName, state, ReviewViewVerb, row.Log.Id, language, id));
        }

        return items;
    }

    public sealed record BestLog(Person Manager, WorkLog Log);

    /// <summary>The logs marked as examples this month, by team, newest first: what the lead praises and shows.</summary>
    public static AdaptiveCard BestLogs(IReadOnlyList<(Team Team, IReadOnlyList<BestLog> Logs)> teams, DateOnly month, Language language)
    {
        var title = Texts.WorkLogs.BestLogsTitle.Format(language, CardDates.Month(month, language));
        var card = new AdaptiveCard { FallbackText = title, Body = [Title(title)] };
        if (teams.All(t => t.Logs.Count == 0))
        {
            card.Body.Add(new TextBlock(Texts.WorkLogs.NoBestLogs.In(language)) { Id = "empty" });
            return card;
        }

        foreach (var (team, logs) in teams)
        {
            var items = new List<CardElement>
            {
                new TextBlock(TeamName(team, language)) { Id = "team." + team.Id, Weight = TextWeight.Bolder, Size = TextSize.Medium },
            };
            if (logs.Count == 0)
            {
                items.Add(new TextBlock(Texts.WorkLogs.NoBestLogsTeam.In(language)) { IsSubtle = true, Spacing = Spacing.None });
            }

            foreach (var best in logs)
            {
                items.Add(Row(best.Manager.DisplayName, $"{CardDates.Short(best.Log.WorkDate, language)} · {StateOf(best.Log, language)}", ReviewViewVerb, best.Log.Id, language, "best." + best.Log.Id));
            }

            card.Body.Add(new Container { Id = "section." + team.Id, Items = items, Separator = true });
        }

        return card;
    }

    public static string TeamName(Team team, Language language) => language == Language.ZhCn ? team.NameZh : team.NameEn;

    /// <summary>The day as a card carries it (action data, element ids, Input.Date): yyyy-MM-dd. Never shown: <see cref="CardDates"/>.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"This log covers Friday 4 December; due before the 08:30 meeting today." and its variants.</summary>
    public static string Covers(LogTiming timing, Language language)
    {
        var text = (timing.Covers, timing.Passed) switch
        {
            (LogCoverage.SameDay, false) => Texts.WorkLogs.CoversDueAt,
            (LogCoverage.SameDay, true) => Texts.WorkLogs.CoversWasDueAt,
            (_, false) => Texts.WorkLogs.CoversDueMeeting,
            _ => Texts.WorkLogs.CoversWasDueMeeting,
        };
        return text.Format(language, CardDates.Long(timing.Covered, language), CardDates.Time(timing.DueTime), DayWord(timing.DueDay, timing.Today, language));
    }

    /// <summary>For the lead: "Due before the 08:30 meeting today." / "Were due at 18:00 yesterday."</summary>
    public static string DueLine(LogTiming timing, Language language)
    {
        var text = (timing.Covers, timing.Passed) switch
        {
            (LogCoverage.SameDay, false) => Texts.WorkLogs.TeamDueAt,
            (LogCoverage.SameDay, true) => Texts.WorkLogs.TeamWasDueAt,
            (_, false) => Texts.WorkLogs.TeamDueMeeting,
            _ => Texts.WorkLogs.TeamWasDueMeeting,
        };
        return text.Format(language, CardDates.Time(timing.DueTime), DayWord(timing.DueDay, timing.Today, language));
    }

    /// <summary>"today", "tomorrow", "yesterday" or "on Monday 7 December" (今天、明天、昨天、12月7日（星期一）).</summary>
    private static string DayWord(DateOnly day, DateOnly today, Language language) => (day.DayNumber - today.DayNumber) switch
    {
        0 => Texts.WorkLogs.DayToday.In(language),
        1 => Texts.WorkLogs.DayTomorrow.In(language),
        -1 => Texts.WorkLogs.DayYesterday.In(language),
        _ => Texts.WorkLogs.DayOn.Format(language, CardDates.Long(day, language)),
    };

    /// <summary>The state in words, with the rating and the example mark: "Returned · 2/5", "Approved · 5/5 · Example".</summary>
    private static string StateOf(WorkLog log, Language language)
    {
        var parts = new List<string>
        {
            log.Status switch
            {
                WorkLogStatus.Approved => Texts.WorkLogs.StateApproved.In(language),
                WorkLogStatus.Returned => Texts.WorkLogs.StateReturned.In(language),
                _ => Texts.WorkLogs.StateSubmitted.In(language),
            },
        };
        if (log.Status != WorkLogStatus.Submitted && log.QualityRating is { } rating)
        {
            parts.Add(Texts.WorkLogs.RatingValue.Format(language, rating));
        }

        if (!log.OnTime)
        {
            parts.Add(Texts.WorkLogs.StateLate.In(language));
        }

        if (log.PraisedAt is not null)
        {
            parts.Add(Texts.WorkLogs.StateExample.In(language));
        }

        return string.Join(" · ", parts);
    }

    /// <summary>
    /// A list row: who or which day (bold), its state below, and an Open button beside them. The text column takes the
    /// room the button leaves, so it wraps between words rather than a character per line on a phone.
    /// </summary>
    private static ColumnSet Row(string heading, string detail, string verb, Guid logId, Language language, string? id = null) => new()
    {
        Id = id,
        Columns =
        [
            new Column
            {
                Width = "stretch",
                Items =
                [
                    new TextBlock(heading) { Weight = TextWeight.Bolder },
                    new TextBlock(detail) { Spacing = Spacing.None, IsSubtle = true },
                ],
            },
            new Column
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
                                Verb = verb,
                                Data = new JsonObject { ["verb"] = verb, ["logId"] = logId.ToString() },
                                AssociatedInputs = "none",
                            },
                        ],
                    },
                ],
            },
        ],
    };

    private static TextBlock StatusLine(WorkLog log, string? reviewerName, Language language)
    {
        var status = log.Status switch
        {
            WorkLogStatus.Approved => Texts.WorkLogs.StatusApproved.Format(language, reviewerName ?? string.Empty),
            WorkLogStatus.Returned => Texts.WorkLogs.StatusReturned.Format(language, reviewerName ?? string.Empty),
            _ => Texts.WorkLogs.StatusSubmitted.In(language),
        };
        var rating = log.Status != WorkLogStatus.Submitted && log.QualityRating is { } r ? " · " + Texts.WorkLogs.RatingValue.Format(language, r) : string.Empty;
        return new TextBlock($"{status}{rating} · {Punctuality(log.OnTime, language)} · {Texts.WorkLogs.Revision.Format(language, log.CurrentRevision)}")
        {
            Id = "status",
            Spacing = Spacing.Small,
            Weight = log.Status == WorkLogStatus.Submitted ? null : TextWeight.Bolder,
            Color = log.Status switch { WorkLogStatus.Approved => TextColor.Good, WorkLogStatus.Returned => TextColor.Warning, _ => TextColor.Default },
        };
    }

    private static TextBlock Praised(string? by, Language language) =>
        new(Texts.WorkLogs.PraisedBanner.Format(language, by ?? string.Empty)) { Id = "praised", Color = TextColor.Good, Weight = TextWeight.Bolder, Spacing = Spacing.Small };

    /// <summary>The log's answers, each label above its value, so both wrap across the card's whole width on a phone.</summary>
    private static Container Content(LogTemplate template, Dictionary<string, string> values, IReadOnlyDictionary<long, PickedCustomer>? customers, Language language) => new()
    {
        Id = "content",
        Separator = true,
        Items = template.Fields.Select(f => (CardElement)ReviewCards.Answer("answer." + f.Key, f.LabelWithUnit(language), Display(f, values, customers, language))).ToList(),
    };

    /// <summary>An answer as the log's summary shows it (a choice by its title, customers by name and licence number, "—" when empty): also the dashboard's record.</summary>
    public static string Display(LogField field, Dictionary<string, string> values, IReadOnlyDictionary<long, PickedCustomer>? customers, Language language)
    {
        var value = field.Type == LogFieldTypes.Customers
            ? CustomerPicks.Read(values, field.Key).Display(customers ?? new Dictionary<long, PickedCustomer>(), language)
            : values.GetValueOrDefault(field.Key);
        if (string.IsNullOrWhiteSpace(value))
        {
            return "—";
        }

        return field.Type == LogFieldTypes.Choice
            ? field.Choices.FirstOrDefault(c => c.Value == value)?.Title(language) ?? value
            : value;
    }

    private static CardElement Input(LogField field, string? value, DateOnly workDate, Language language)
    {
        var id = LogValidation.InputPrefix + field.Key;
        // Hosts mark required inputs themselves (isRequired), so the label carries no marker of its own.
        var label = field.LabelWithUnit(language);
        return field.Type switch
        {
            LogFieldTypes.Number => new NumberInput
            {
                Id = id,
                Label = label,
                IsRequired = field.Required ? true : null,
                ErrorMessage = field.Required ? Texts.WorkLogs.ErrorRequired.Format(language, field.Label(language)) : null,
                Min = field.Min,
                Max = field.Max,
                Value = DiligenceBot.Input.UserNumber.TryParse(value, out var n) ? n : null,
                Placeholder = field.Placeholder(language),
            },
            LogFieldTypes.Choice => new ChoiceSetInput
            {
                Id = id,
                Label = label,
                IsRequired = field.Required ? true : null,
                ErrorMessage = field.Required ? Texts.WorkLogs.ErrorChoice.Format(language, field.Label(language)) : null,
                Style = ChoiceInputStyle.Compact,
                Value = string.IsNullOrEmpty(value) ? null : value,
                Choices = field.Choices.Select(c => new Choice(c.Title(language), c.Value)).ToList(),
            },
            LogFieldTypes.Date => new DateInput
            {
                Id = id,
                Label = label,
                IsRequired = field.Required ? true : null,
                ErrorMessage = field.Required ? Texts.WorkLogs.ErrorRequired.Format(language, field.Label(language)) : null,
                Value = string.IsNullOrEmpty(value) ? null : value,
                Min = Date(workDate),
            },
            _ => new TextInput
            {
                Id = id,
                Label = label,
                IsRequired = field.Required ? true : null,
                ErrorMessage = field.Required ? Texts.WorkLogs.ErrorRequired.Format(language, field.Label(language)) : null,
                IsMultiline = field.Multiline ? true : null,
                MaxLength = field.MaxLength,
                Placeholder = field.Placeholder(language),
                Value = value,
            },
        };
    }

    private static CardRefresh? Refresh(string verb, Guid logId, string? userId) => new()
    {
        Action = new ExecuteAction { Verb = verb, Data = new JsonObject { ["verb"] = verb, ["logId"] = logId.ToString() } },
        UserIds = userId is null ? null : [userId],
    };

    private static string Punctuality(bool onTime, Language language) => (onTime ? Texts.WorkLogs.OnTime : Texts.WorkLogs.Late).In(language);

    private static TextBlock Notice(CardNotice notice) =>
        new(notice.Text) { Id = "notice", Color = notice.Warning ? TextColor.Attention : null, Weight = TextWeight.Bolder };

    private static TextBlock Title(string text) => new(text) { Size = TextSize.Large, Weight = TextWeight.Bolder, Id = "title" };
}
