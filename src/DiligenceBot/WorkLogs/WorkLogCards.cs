using System.Globalization;
using System.Text.Json.Nodes;
using DiligenceBot.BotFramework.Cards;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;

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

    public const string EvaluationInput = "c.evaluation";
    public const string RequirementInput = "c.requirement";
    public const string SuggestionInput = "c.suggestion";
    public const string RatingInput = "c.rating";
    public const int CommentMaxLength = 500;

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
        string? Notice = null);

    public static AdaptiveCard Form(FormState state, Language language)
    {
        var date = Date(state.WorkDate);
        var card = new AdaptiveCard
        {
            FallbackText = Texts.WorkLogs.FormTitle.Format(language, date),
            Body =
            [
                Title(Texts.WorkLogs.FormTitle.Format(language, date)),
                new TextBlock(Texts.WorkLogs.FormIntro.Format(language, $"{state.Team.MeetingTime:HH\\:mm} {state.Team.TimeZone}")) { IsSubtle = true, Spacing = Spacing.None },
            ],
        };
        if (state.Notice is { } notice)
        {
            card.Body.Insert(1, Notice(notice));
        }

        if (state.ReturnComment is { } returned)
        {
            card.Body.Add(CommentBlock(returned, state.ReviewerName, language));
        }

        if (state.Errors.Count > 0)
        {
            card.Body.Add(new TextBlock(Texts.WorkLogs.FixErrors.In(language)) { Id = "errors", Color = TextColor.Attention, Weight = TextWeight.Bolder });
        }

        foreach (var field in state.Template.Fields)
        {
            state.Values.TryGetValue(field.Key, out var value);
            card.Body.Add(Input(field, value, state.WorkDate, language));
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
    public static AdaptiveCard Summary(WorkLog log, LogTemplate template, WorkLogReview? lastReview, string? reviewerName, string? managerUserId, Language language, string? notice = null)
    {
        var revision = log.Revisions.Single(r => r.Number == log.CurrentRevision);
        var card = new AdaptiveCard
        {
            FallbackText = Texts.WorkLogs.SummaryTitle.Format(language, Date(log.WorkDate)),
            Refresh = Refresh(ViewVerb, log.Id, managerUserId),
            Body =
            [
                Title(Texts.WorkLogs.SummaryTitle.Format(language, Date(log.WorkDate))),
                StatusLine(log, reviewerName, language),
                Facts(template, revision.Values, language),
            ],
        };
        if (log.Status == WorkLogStatus.Returned && lastReview is not null)
        {
            card.Body.Insert(2, CommentBlock(lastReview, reviewerName, language));
        }

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
        string? ReviewerUserId);

    public static AdaptiveCard Review(ReviewState state, Language language, string? notice = null)
    {
        var log = state.Log;
        var revision = log.Revisions.Single(r => r.Number == log.CurrentRevision);
        var title = Texts.WorkLogs.ReviewTitle.Format(language, state.Manager.DisplayName, Date(log.WorkDate));
        var card = new AdaptiveCard
        {
            FallbackText = title,
            Refresh = Refresh(ReviewViewVerb, log.Id, state.ReviewerUserId),
            Body =
            [
                Title(title),
                new TextBlock($"{Punctuality(log.OnTime, language)} · {Texts.WorkLogs.Revision.Format(language, log.CurrentRevision)} · {revision.SubmittedAt.ToOffset(Offset(state.Team, revision.SubmittedAt)):yyyy-MM-dd HH:mm}")
                {
                    Id = "status",
                    Color = log.OnTime ? TextColor.Good : TextColor.Warning,
                    Spacing = Spacing.None,
                },
                Facts(state.Template, revision.Values, language),
            ],
        };

        if (notice is not null)
        {
            card.Body.Insert(1, Notice(notice));
        }

        var decided = log.Reviews.SingleOrDefault(r => r.RevisionNumber == log.CurrentRevision);
        if (decided is not null)
        {
            var when = decided.DecidedAt.ToOffset(Offset(state.Team, decided.DecidedAt)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            card.Body.Add(new TextBlock((decided.Decision == ReviewDecision.Approved ? Texts.WorkLogs.DecisionApprovedBanner : Texts.WorkLogs.DecisionReturnedBanner)
                .Format(language, state.DeciderName ?? decided.ReviewerId, when))
            {
                Id = "decision",
                Weight = TextWeight.Bolder,
                Color = decided.Decision == ReviewDecision.Approved ? TextColor.Good : TextColor.Warning,
                Separator = true,
            });
            if (decided.QualityRating is { } rating)
            {
                card.Body.Add(new FactSet { Facts = [new(Texts.WorkLogs.Rating.In(language), Texts.WorkLogs.RatingValue.Format(language, rating))] });
            }

            if (decided.Decision == ReviewDecision.Returned)
            {
                card.Body.Add(CommentBlock(decided, state.DeciderName, language));
            }

            return card;
        }

        card.Body.Add(new TextBlock(Texts.WorkLogs.WaitingForReview.Format(language, log.CurrentRevision)) { Id = "decision", IsSubtle = true, Separator = true });
        if (state.Errors.Count > 0)
        {
            card.Body.Add(new TextBlock(string.Join(" ", state.Errors.Values)) { Id = "errors", Color = TextColor.Attention });
        }

        state.Typed.TryGetValue(RatingInput, out var typedRating);
        card.Body.Add(new ChoiceSetInput
        {
            Id = RatingInput,
            Label = Texts.WorkLogs.Rating.In(language),
            Style = ChoiceInputStyle.Expanded,
            Value = typedRating,
            Choices = Enumerable.Range(1, 5).Select(i => new Choice(new string('★', i), i.ToString(CultureInfo.InvariantCulture))).ToList(),
        });

        var decisionData = new JsonObject { ["logId"] = log.Id.ToString(), ["revision"] = log.CurrentRevision };
        var returnCard = new AdaptiveCard
        {
            MsTeams = null,
            Body =
            [
                new TextBlock(Texts.WorkLogs.CommentHint.In(language)) { IsSubtle = true },
                CommentInput(EvaluationInput, Texts.WorkLogs.Evaluation.In(language), state.Typed),
                CommentInput(RequirementInput, Texts.WorkLogs.Requirement.In(language), state.Typed),
                CommentInput(SuggestionInput, Texts.WorkLogs.Suggestion.In(language), state.Typed),
            ],
            Actions =
            [
                new ExecuteAction
                {
                    Title = Texts.WorkLogs.ReturnConfirm.Format(language, state.Manager.DisplayName),
                    Verb = ReturnVerb,
                    Data = With(decisionData, ReturnVerb),
                    AssociatedInputs = "auto",
                    Style = ActionStyle.Destructive,
                },
            ],
        };
        card.Actions =
        [
            new ExecuteAction
            {
                Title = Texts.WorkLogs.Approve.In(language),
                Verb = ApproveVerb,
                Data = With(decisionData, ApproveVerb),
                AssociatedInputs = "auto",
                Style = ActionStyle.Positive,
            },
            new ShowCardAction { Title = Texts.WorkLogs.Return.In(language), Card = returnCard },
        ];
        return card;
    }

    public sealed record LogLine(WorkLog Log, string Label);

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
            card.Body.Add(Row($"{Date(log.WorkDate)} · {StateOf(log, language)}", ViewVerb, log.Id, language));
        }

        return card;
    }

    public sealed record TeamRow(Person Manager, WorkLog? Log, string? OneLine = null);

    public static AdaptiveCard TeamLogs(Team team, DateOnly date, IReadOnlyList<TeamRow> rows, Language language, string? notice = null)
    {
        var title = Texts.WorkLogs.TeamLogsTitle.Format(language, TeamName(team, language), Date(date));
        var card = new AdaptiveCard { FallbackText = title, Body = [Title(title)] };
        if (notice is not null)
        {
            card.Body.Add(new TextBlock(notice) { Id = "notice", Weight = TextWeight.Bolder });
        }

        int Count(Func<TeamRow, bool> p) => rows.Count(p);
        card.Body.Add(new TextBlock(Texts.WorkLogs.TeamCounts.Format(language,
            Count(r => r.Log is not null),
            Count(r => r.Log is { OnTime: false }),
            Count(r => r.Log is null),
            Count(r => r.Log?.Status == WorkLogStatus.Approved),
            Count(r => r.Log?.Status == WorkLogStatus.Returned))) { Id = "counts", IsSubtle = true, Spacing = Spacing.None });
        foreach (var row in rows)
        {
            var state = row.Log is null ? Texts.WorkLogs.StateMissing.In(language) : StateOf(row.Log, language);
            var line = row.OneLine is null ? $"{row.Manager.DisplayName} · {state}" : $"{row.Manager.DisplayName} · {state} · {row.OneLine}";
            card.Body.Add(row.Log is null
                ? new TextBlock(line) { Id = "row." + row.Manager.Id, Color = TextColor.Attention }
                : Row(line, ReviewViewVerb, row.Log.Id, language, "row." + row.Manager.Id));
        }

        return card;
    }

    public static string TeamName(Team team, Language language) => language == Language.ZhCn ? team.NameZh : team.NameEn;

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string StateOf(WorkLog log, Language language)
    {
        var status = log.Status switch
        {
            WorkLogStatus.Approved => Texts.WorkLogs.StateApproved.In(language),
            WorkLogStatus.Returned => Texts.WorkLogs.StateReturned.In(language),
            _ => Texts.WorkLogs.StateSubmitted.In(language),
        };
        return log.OnTime ? status : $"{status} · {Texts.WorkLogs.StateLate.In(language)}";
    }

    private static ColumnSet Row(string text, string verb, Guid logId, Language language, string? id = null) => new()
    {
        Id = id,
        Columns =
        [
            new Column { Width = "stretch", Items = [new TextBlock(text)] },
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
        return new TextBlock($"{status} · {Punctuality(log.OnTime, language)} · {Texts.WorkLogs.Revision.Format(language, log.CurrentRevision)}{rating}")
        {
            Id = "status",
            Spacing = Spacing.None,
            Color = log.Status switch { WorkLogStatus.Approved => TextColor.Good, WorkLogStatus.Returned => TextColor.Warning, _ => TextColor.Default },
        };
    }

    private static Container CommentBlock(WorkLogReview review, string? reviewerName, Language language)
    {
        var facts = new List<Fact>();
        void Add(Text label, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                facts.Add(new Fact(label.In(language), value));
            }
        }

        Add(Texts.WorkLogs.Evaluation, review.Evaluation);
        Add(Texts.WorkLogs.Requirement, review.Requirement);
        Add(Texts.WorkLogs.Suggestion, review.Suggestion);
        return new Container
        {
            Id = "comment",
            Style = ContainerStyle.Warning,
            Items =
            [
                new TextBlock(Texts.WorkLogs.LeadComment.Format(language, reviewerName ?? review.ReviewerId)) { Weight = TextWeight.Bolder },
                new FactSet { Id = "comment-facts", Facts = facts },
            ],
        };
    }

    private static FactSet Facts(LogTemplate template, Dictionary<string, string> values, Language language) => new()
    {
        Id = "content",
        Facts = template.Fields.Select(f => new Fact(f.Label(language), Display(f, values.GetValueOrDefault(f.Key), language))).ToList(),
    };

    private static string Display(LogField field, string? value, Language language)
    {
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
        var label = field.Required ? field.Label(language) + " *" : field.Label(language);
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

    private static TextInput CommentInput(string id, string label, Dictionary<string, string> typed) => new()
    {
        Id = id,
        Label = label,
        IsMultiline = true,
        MaxLength = CommentMaxLength,
        Value = typed.GetValueOrDefault(id),
    };

    private static CardRefresh? Refresh(string verb, Guid logId, string? userId) => new()
    {
        Action = new ExecuteAction { Verb = verb, Data = new JsonObject { ["verb"] = verb, ["logId"] = logId.ToString() } },
        UserIds = userId is null ? null : [userId],
    };

    private static JsonObject With(JsonObject data, string verb)
    {
        var copy = (JsonObject)data.DeepClone();
        copy["verb"] = verb;
        return copy;
    }

    private static string Punctuality(bool onTime, Language language) => (onTime ? Texts.WorkLogs.OnTime : Texts.WorkLogs.Late).In(language);

    private static TimeSpan Offset(Team team, DateTimeOffset at) =>
        TimeZoneInfo.FindSystemTimeZoneById(team.TimeZone).GetUtcOffset(at);

    private static TextBlock Notice(string text) => new(text) { Id = "notice", Color = TextColor.Attention, Weight = TextWeight.Bolder };

    private static TextBlock Title(string text) => new(text) { Size = TextSize.Large, Weight = TextWeight.Bolder, Id = "title" };
}
