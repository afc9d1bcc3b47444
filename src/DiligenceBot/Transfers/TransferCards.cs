using System.Globalization;
using System.Text.Json.Nodes;
using DiligenceBot.BotFramework.Cards;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;

namespace DiligenceBot.Transfers;

/// <summary>The transfer form's cards: the blank form, the form as each person sees it (with their actions), the lists.</summary>
public static class TransferCards
{
    public const string OpenVerb = "transfer.open";
    public const string SubmitVerb = "transfer.submit";
    public const string ViewVerb = "transfer.view";
    public const string AcknowledgeVerb = "transfer.acknowledge";
    public const string HandleVerb = "transfer.handle";
    public const string ForwardVerb = "transfer.forward";
    public const string CloseVerb = "transfer.close";
    public const string ReopenVerb = "transfer.reopen";
    public const string RateValueVerb = "transfer.rate-value";
    public const string MineVerb = "transfer.mine";
    public const string InboxVerb = "transfer.inbox";
    public const string TodayVerb = "transfer.today";
    public const string RoutingVerb = "transfer.routing";

    public const string CategoryInput = "t.category";
    public const string UrgencyInput = "t.urgency";
    public const string ContentInput = "t.content";
    public const string RequestInput = "t.request";
    public const string CustomerInput = "t.customer";
    public const string OpinionInput = "t.opinion";
    public const string FeedbackInput = "t.feedback";
    public const string PostInput = "t.post";
    public const string ForwardReasonInput = "t.forwardReason";
    public const string RatingInput = "t.rating";
    public const string CommentInput = "t.comment";
    public const string ReopenReasonInput = "t.reopenReason";
    public const string ValueInput = "t.value";

    public const string Normal = "normal";
    public const string Urgent = "urgent";

    /// <summary>What the blank (or returned-with-errors) form shows.</summary>
    public sealed record FormState(
        IReadOnlyList<TransferCategory> Categories,
        Guid DraftId,
        Dictionary<string, string> Typed,
        Dictionary<string, string> Errors,
        string? Notice = null);

    public static AdaptiveCard Form(FormState state, Language language)
    {
        var card = new AdaptiveCard
        {
            FallbackText = Texts.Transfers.FormTitle.In(language),
            Body =
            [
                Title(Texts.Transfers.FormTitle.In(language)),
                new TextBlock(Texts.Transfers.FormIntro.In(language)) { IsSubtle = true, Spacing = Spacing.None },
            ],
        };
        if (state.Notice is { } notice)
        {
            card.Body.Add(Notice(notice));
        }

        if (state.Errors.Count > 0)
        {
            card.Body.Add(new TextBlock(Texts.Transfers.FixErrors.In(language)) { Id = "errors", Color = TextColor.Attention, Weight = TextWeight.Bolder });
        }

        void Add(CardElement input)
        {
            card.Body.Add(input);
            if (input.Id is { } id && state.Errors.TryGetValue(id, out var error))
            {
                card.Body.Add(new TextBlock(error) { Id = "error." + id, Color = TextColor.Attention, Size = TextSize.Small, Spacing = Spacing.None });
            }
        }

        var typed = state.Typed;
        Add(new ChoiceSetInput
        {
            Id = CategoryInput,
            Label = Texts.Transfers.Category.In(language),
            IsRequired = true,
            ErrorMessage = Texts.Transfers.ErrorCategory.In(language),
            Style = ChoiceInputStyle.Compact,
            Value = typed.GetValueOrDefault(CategoryInput) is { Length: > 0 } c ? c : null,
            Choices = state.Categories.Select(c => new Choice(c.Name(language), c.Id)).ToList(),
        });
        Add(new ChoiceSetInput
        {
            Id = UrgencyInput,
            Label = Texts.Transfers.Urgency.In(language),
            Style = ChoiceInputStyle.Expanded,
            Value = typed.GetValueOrDefault(UrgencyInput) is { Length: > 0 } u ? u : Normal,
            Choices = [new Choice(Texts.Transfers.UrgencyNormal.In(language), Normal), new Choice(Texts.Transfers.UrgencyUrgent.In(language), Urgent)],
        });
        Add(new TextInput
        {
            Id = ContentInput,
            Label = Texts.Transfers.Content.In(language),
            IsRequired = true,
            ErrorMessage = Texts.Transfers.ErrorRequired.Format(language, Texts.Transfers.Content.In(language)),
            IsMultiline = true,
            MaxLength = TransferLimits.Content,
            Placeholder = Texts.Transfers.ContentPlaceholder.In(language),
            Value = typed.GetValueOrDefault(ContentInput),
        });
        Add(new TextInput
        {
            Id = RequestInput,
            Label = Texts.Transfers.Request.In(language),
            IsMultiline = true,
            MaxLength = TransferLimits.Request,
            Value = typed.GetValueOrDefault(RequestInput),
        });
        Add(new TextInput
        {
            Id = CustomerInput,
            Label = Texts.Transfers.Customer.In(language),
            MaxLength = TransferLimits.Customer,
            Placeholder = Texts.Transfers.CustomerPlaceholder.In(language),
            Value = typed.GetValueOrDefault(CustomerInput),
        });
        card.Actions =
        [
            new ExecuteAction
            {
                Title = Texts.Transfers.Send.In(language),
                Verb = SubmitVerb,
                Data = new JsonObject { ["verb"] = SubmitVerb, ["draftId"] = state.DraftId.ToString() },
                AssociatedInputs = "auto",
                Style = ActionStyle.Positive,
            },
        ];
        return card;
    }

    /// <summary>Everything the form's card shows to one viewer.</summary>
    public sealed record ViewState(
        TransferForm Form,
        TransferCategory? Category,
        IReadOnlyDictionary<string, TransferPost> Posts,
        IReadOnlyDictionary<string, string> Names,
        TransferRoles Roles,
        string TimeZone,
        string? ViewerUserId,
        Dictionary<string, string> Typed,
        Dictionary<string, string> Errors,
        string? Notice);

    public static AdaptiveCard View(ViewState state, Language language)
    {
        var form = state.Form;
        var title = Texts.Transfers.ViewTitle.Format(language, form.Number);
        var card = new AdaptiveCard
        {
            FallbackText = title,
            Refresh = new CardRefresh
            {
                Action = new ExecuteAction { Verb = ViewVerb, Data = FormData(ViewVerb, form) },
                UserIds = state.ViewerUserId is null ? null : [state.ViewerUserId],
            },
            Body =
            [
                // The form number alone on the title line: a long title would break it at a hyphen on a phone.
                new TextBlock(Texts.Transfers.FormTitle.In(language)) { Id = "kind", IsSubtle = true, Size = TextSize.Small },
                Title(form.Number),
                new TextBlock(string.Join(" · ", CategoryName(state.Category, form, language), UrgencyName(form.Urgency, language), StateText(form, language)))
                {
                    Id = "status",
                    Spacing = Spacing.None,
                    Weight = form.Urgency == TransferUrgency.Urgent ? TextWeight.Bolder : null,
                    Color = form.State switch
                    {
                        TransferState.Closed => TextColor.Good,
                        TransferState.Handled => TextColor.Accent,
                        _ when form.AckEscalatedAt is not null || form.HandleEscalatedAt is not null => TextColor.Attention,
                        _ => TextColor.Warning,
                    },
                },
            ],
        };
        if (state.Notice is { } notice)
        {
            card.Body.Add(Notice(notice));
        }

        // What the receiver does first, in sight and on its own row (the card's buttons share one row on a phone).
        if (state.Roles.IsReceiver && form.State == TransferState.Sent)
        {
            card.Body.Add(new ActionSet { Id = "next", Actions = [Execute(Texts.Transfers.Acknowledge.In(language), AcknowledgeVerb, form, ActionStyle.Positive)] });
        }

        if (state.Errors.Count > 0)
        {
            card.Body.Add(new TextBlock(Texts.Transfers.FixActionErrors.In(language) + " " + string.Join(" ", state.Errors.Values))
            {
                Id = "errors",
                Color = TextColor.Attention,
            });
        }

        var (facts, texts) = Facts(state, language);
        card.Body.Add(new FactSet { Id = "form", Facts = facts });
        if (texts.Count > 0)
        {
            // What people wrote is stacked under its label: beside a long text a FactSet squeezes its labels to one
            // character a line on a phone.
            card.Body.Add(new Container
            {
                Id = "form.texts",
                Items = [.. texts.Select(t => (CardElement)new Container
                {
                    Spacing = Spacing.Small,
                    Items =
                    [
                        new TextBlock(t.Title) { Weight = TextWeight.Bolder, Size = TextSize.Small, IsSubtle = true },
                        new TextBlock(t.Value) { Spacing = Spacing.None },
                    ],
                })],
            });
        }

        if (form.IsOpen)
        {
            var deadlines = new List<Fact>();
            if (form.State == TransferState.Sent)
            {
                deadlines.Add(new(Texts.Transfers.AckBy.In(language), Deadline(form.AckDueAt, form.RemindedAt is not null, state.TimeZone, language)));
            }

            deadlines.Add(new(Texts.Transfers.HandleBy.In(language), Deadline(form.HandleDueAt, form.HandleEscalatedAt is not null, state.TimeZone, language)));
            card.Body.Add(new FactSet { Id = "deadlines", Facts = deadlines });
        }

        card.Body.Add(History(state, language));
        card.Actions = Actions(state, language);
        return card;
    }

    public static string StateText(TransferForm form, Language language)
    {
        var text = form.State switch
        {
            TransferState.Sent => Texts.Transfers.StateSent,
            TransferState.Acknowledged => Texts.Transfers.StateAcknowledged,
            TransferState.Handled => Texts.Transfers.StateHandled,
            TransferState.Reopened => Texts.Transfers.StateReopened,
            _ => Texts.Transfers.StateClosed,
        };
        var escalated = form.IsOpen && (form.AckEscalatedAt is not null || form.HandleEscalatedAt is not null);
        return escalated ? $"{text.In(language)} · {Texts.Transfers.Escalated.In(language)}" : text.In(language);
    }

    public static string UrgencyName(TransferUrgency urgency, Language language) =>
        (urgency == TransferUrgency.Urgent ? Texts.Transfers.UrgencyUrgent : Texts.Transfers.UrgencyNormal).In(language);

    public static string CategoryName(TransferCategory? category, TransferForm form, Language language) => category?.Name(language) ?? form.CategoryId;

    public static string PostName(IReadOnlyDictionary<string, TransferPost> posts, string? postId, Language language) =>
        postId is not null && posts.TryGetValue(postId, out var post) ? post.Name(language) : postId ?? "—";

    /// <summary>The form's short facts (numbers, names, times, ratings) and, apart, the texts people wrote.</summary>
    private static (List<Fact> Facts, List<Fact> Texts) Facts(ViewState state, Language language)
    {
        var form = state.Form;
        var facts = new List<Fact>();
        var texts = new List<Fact>();
        void Add(Text label, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                facts.Add(new Fact(label.In(language), value));
            }
        }

        void AddText(Text label, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                texts.Add(new Fact(label.In(language), value));
            }
        }

        string Name(string? id) => id is null ? string.Empty : state.Names.GetValueOrDefault(id) ?? id;

        Add(Texts.Transfers.Number, form.Number);
        Add(Texts.Transfers.Provider, Name(form.ProviderId));
        Add(Texts.Transfers.SentAt, TransferRegister.Local(form.SentAt, state.TimeZone));
        Add(Texts.Transfers.Category, CategoryName(state.Category, form, language));
        Add(Texts.Transfers.Urgency, UrgencyName(form.Urgency, language));
        Add(Texts.Transfers.Customer, form.Customer);
        AddText(Texts.Transfers.Content, form.Content);
        AddText(Texts.Transfers.Request, form.Request);
        var post = PostName(state.Posts, form.PostId, language);
        Add(Texts.Transfers.Receiver, form.ReceivedById is null ? post : Texts.Transfers.ReceiverValue.Format(language, post, Name(form.ReceivedById)));
        Add(Texts.Transfers.ReceivedAt, form.ReceivedAt is { } received ? TransferRegister.Local(received, state.TimeZone) : null);
        AddText(Texts.Transfers.Opinion, form.HandlingOpinion);
        AddText(Texts.Transfers.Feedback, form.Feedback);
        AddText(Texts.Transfers.ReopenReason, form.ReopenReason);
        Add(Texts.Transfers.HandlingRating, form.HandlingRating is { } r ? Texts.Transfers.RatingValue.Format(language, r) : null);
        AddText(Texts.Transfers.ClosingComment, form.ClosingComment);
        Add(Texts.Transfers.ValueRating, form.ValueRating is { } v ? Texts.Transfers.RatedBy.Format(language, v, Name(form.ValueRatedById)) : null);
        return (facts, texts);
    }

    private static string Deadline(DateTimeOffset due, bool passed, string timeZone, Language language) =>
        passed ? $"{TransferRegister.Local(due, timeZone)} · {Texts.Transfers.Overdue.In(language)}" : TransferRegister.Local(due, timeZone);

    private static Container History(ViewState state, Language language)
    {
        string Name(string id) => state.Names.GetValueOrDefault(id) ?? id;
        var history = new Container
        {
            Id = "history",
            Separator = true,
            Items = [new TextBlock(Texts.Transfers.History.In(language)) { Weight = TextWeight.Bolder, Size = TextSize.Small }],
        };
        foreach (var step in state.Form.Steps.OrderBy(s => s.FromRevision))
        {
            var when = TransferRegister.Local(step.At, state.TimeZone);
            var to = PostName(state.Posts, step.ToPostId, language);
            var line = step.Kind switch
            {
                TransferStepKind.Submitted => Texts.Transfers.HistorySubmitted.Format(language, when, Name(step.ActorId), to),
                TransferStepKind.Acknowledged => Texts.Transfers.HistoryAcknowledged.Format(language, when, Name(step.ActorId)),
                TransferStepKind.Handled => Texts.Transfers.HistoryHandled.Format(language, when, Name(step.ActorId)),
                TransferStepKind.Forwarded => Texts.Transfers.HistoryForwarded.Format(language, when, Name(step.ActorId), to, step.Text),
                TransferStepKind.Reopened => Texts.Transfers.HistoryReopened.Format(language, when, Name(step.ActorId), step.Text),
                _ => Texts.Transfers.HistoryClosed.Format(language, when, Name(step.ActorId), step.Rating),
            };
            history.Items.Add(new TextBlock(line) { Id = $"step.{step.FromRevision}", Size = TextSize.Small, Spacing = Spacing.None, IsSubtle = true });
        }

        return history;
    }

    private static List<CardAction>? Actions(ViewState state, Language language)
    {
        var form = state.Form;
        var roles = state.Roles;
        var typed = state.Typed;
        var actions = new List<CardAction>();
        if (roles.IsReceiver && form.IsOpen)
        {
            actions.Add(new ShowCardAction
            {
                Title = Texts.Transfers.Handle.In(language),
                Card = SubCard(
                    [
                        LongText(OpinionInput, Texts.Transfers.Opinion.In(language), TransferLimits.Opinion, typed, required: true, language),
                        LongText(FeedbackInput, Texts.Transfers.Feedback.In(language), TransferLimits.Reason, typed, required: false, language),
                    ],
                    Execute(Texts.Transfers.HandleConfirm.In(language), HandleVerb, form, ActionStyle.Positive)),
            });
            var targets = state.Posts.Values.Where(p => p.Active && p.Id != form.PostId).OrderBy(p => p.Name(language), StringComparer.Ordinal).ToList();
            if (targets.Count > 0)
            {
                actions.Add(new ShowCardAction
                {
                    Title = Texts.Transfers.Forward.In(language),
                    Card = SubCard(
                        [
                            new ChoiceSetInput
                            {
                                Id = PostInput,
                                Label = Texts.Transfers.ForwardTo.In(language),
                                IsRequired = true,
                                ErrorMessage = Texts.Transfers.ErrorPost.In(language),
                                Style = ChoiceInputStyle.Compact,
                                Value = typed.GetValueOrDefault(PostInput) is { Length: > 0 } p ? p : null,
                                Choices = targets.Select(t => new Choice(t.Name(language), t.Id)).ToList(),
                            },
                            LongText(ForwardReasonInput, Texts.Transfers.ForwardReason.In(language), TransferLimits.Reason, typed, required: true, language),
                        ],
                        Execute(Texts.Transfers.ForwardConfirm.In(language), ForwardVerb, form, null)),
                });
            }
        }

        if (roles.IsProvider && form.State == TransferState.Handled)
        {
            actions.Add(new ShowCardAction
            {
                Title = Texts.Transfers.Close.In(language),
                Card = SubCard(
                    [
                        Stars(RatingInput, Texts.Transfers.CloseRating.In(language), typed.GetValueOrDefault(RatingInput), language),
                        LongText(CommentInput, Texts.Transfers.CloseComment.In(language), TransferLimits.Reason, typed, required: false, language),
                    ],
                    Execute(Texts.Transfers.CloseConfirm.In(language), CloseVerb, form, ActionStyle.Positive)),
            });
            if (form.ReopenCount == 0)
            {
                actions.Add(new ShowCardAction
                {
                    Title = Texts.Transfers.Reopen.In(language),
                    Card = SubCard(
                        [
                            new TextBlock(Texts.Transfers.ReopenHint.In(language)) { IsSubtle = true },
                            LongText(ReopenReasonInput, Texts.Transfers.ReopenReason.In(language), TransferLimits.Reason, typed, required: true, language),
                        ],
                        Execute(Texts.Transfers.ReopenConfirm.In(language), ReopenVerb, form, ActionStyle.Destructive)),
                });
            }
        }

        if (roles.IsValueRater)
        {
            var current = typed.GetValueOrDefault(ValueInput) ?? form.ValueRating?.ToString(CultureInfo.InvariantCulture);
            actions.Add(new ShowCardAction
            {
                Title = Texts.Transfers.RateValue.In(language),
                Card = SubCard(
                    [Stars(ValueInput, Texts.Transfers.ValueRating.In(language), current, language)],
                    new ExecuteAction
                    {
                        Title = Texts.Transfers.RateValueConfirm.In(language),
                        Verb = RateValueVerb,
                        Data = new JsonObject { ["verb"] = RateValueVerb, ["formId"] = form.Id.ToString() },
                        AssociatedInputs = "auto",
                    }),
            });
        }

        return actions.Count == 0 ? null : actions;
    }

    /// <summary>A row of a list: the form in one line, with a button that opens its current card.</summary>
    public sealed record ListRow(TransferForm Form, string Line, bool Attention = false);

    public static AdaptiveCard List(string title, IReadOnlyList<ListRow> rows, string emptyText, Language language, string? counts = null, CardRefresh? refresh = null)
    {
        var card = new AdaptiveCard { FallbackText = title, Refresh = refresh, Body = [Title(title)] };
        card.Body.AddRange(ListItems(rows, emptyText, language, counts));
        return card;
    }

    /// <summary>A list's counts and rows (or its empty text); <paramref name="id"/> names the counts and empty blocks (e.g. per team).</summary>
    public static List<CardElement> ListItems(IReadOnlyList<ListRow> rows, string emptyText, Language language, string? counts = null, Func<string, string>? id = null)
    {
        id ??= static name => name;
        var items = new List<CardElement>();
        if (counts is not null)
        {
            items.Add(new TextBlock(counts) { Id = id("counts"), IsSubtle = true, Spacing = Spacing.None });
        }

        if (rows.Count == 0)
        {
            items.Add(new TextBlock(emptyText) { Id = id("empty") });
            return items;
        }

        foreach (var row in rows)
        {
            items.Add(new ColumnSet
            {
                Id = "row." + row.Form.Number,
                Columns =
                [
                    new Column { Width = "stretch", Items = [new TextBlock(row.Line) { Color = row.Attention ? TextColor.Attention : null }] },
                    new Column
                    {
                        Width = "auto",
                        Items = [new ActionSet { Actions = [new ExecuteAction { Title = Texts.Transfers.Open.In(language), Verb = ViewVerb, Data = FormData(ViewVerb, row.Form), AssociatedInputs = "none" }] }],
                    },
                ],
            });
        }

        return items;
    }

    /// <summary>One category of the routing table: its name, then sentences (where it goes, its deadlines per urgency).</summary>
    public sealed record RoutingRow(string Category, IReadOnlyList<string> Lines);

    /// <summary>
    /// The routing table an admin sees: each category with where it goes and its deadlines in sentences, stacked (one
    /// block per category, so it reads on a phone as well as on a desktop), and the fallback post.
    /// </summary>
    public static AdaptiveCard Routing(IReadOnlyList<RoutingRow> rows, Language language, string? notice)
    {
        var title = Texts.Transfers.RoutingTitle.In(language);
        var card = new AdaptiveCard { FallbackText = title, Body = [Title(title)] };
        if (notice is not null)
        {
            card.Body.Add(new TextBlock(notice) { Id = "notice", Color = TextColor.Good, Weight = TextWeight.Bolder });
        }

        var table = new Container { Id = "routing", Items = [] };
        foreach (var row in rows)
        {
            table.Items.Add(new TextBlock(row.Category) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium });
            foreach (var line in row.Lines)
            {
                table.Items.Add(new TextBlock(line) { Spacing = Spacing.None });
            }
        }

        card.Body.Add(table);
        card.Body.Add(new TextBlock(Texts.Transfers.RoutingHint.In(language)) { Id = "hint", IsSubtle = true, Size = TextSize.Small, Separator = true });
        return card;
    }

    /// <summary>Keeps a list current for the person it was made for (Teams asks again when they look at it).</summary>
    public static CardRefresh? ListRefresh(string verb, string? userId, string? date = null)
    {
        if (userId is null)
        {
            return null;
        }

        var data = new JsonObject { ["verb"] = verb };
        if (date is not null)
        {
            data["date"] = date;
        }

        return new CardRefresh { Action = new ExecuteAction { Verb = verb, Data = data }, UserIds = [userId] };
    }

    public static string TeamName(Team team, Language language) => language == Language.ZhCn ? team.NameZh : team.NameEn;

    private static JsonObject FormData(string verb, TransferForm form) => new() { ["verb"] = verb, ["formId"] = form.Id.ToString() };

    private static ExecuteAction Execute(string title, string verb, TransferForm form, ActionStyle? style)
    {
        var data = FormData(verb, form);
        data["revision"] = form.Revision;
        return new ExecuteAction { Title = title, Verb = verb, Data = data, AssociatedInputs = "auto", Style = style };
    }

    private static AdaptiveCard SubCard(List<CardElement> body, ExecuteAction action) => new() { MsTeams = null, Body = body, Actions = [action] };

    private static TextInput LongText(string id, string label, int maxLength, Dictionary<string, string> typed, bool required, Language language) => new()
    {
        Id = id,
        Label = label,
        IsMultiline = true,
        MaxLength = maxLength,
        IsRequired = required ? true : null,
        ErrorMessage = required ? Texts.Transfers.ErrorRequired.Format(language, label.TrimEnd(' ', '*')) : null,
        Value = typed.GetValueOrDefault(id),
    };

    private static ChoiceSetInput Stars(string id, string label, string? value, Language language) => new()
    {
        Id = id,
        Label = label,
        IsRequired = true,
        ErrorMessage = Texts.Transfers.ErrorRating.In(language),
        Style = ChoiceInputStyle.Expanded,
        Value = string.IsNullOrEmpty(value) ? null : value,
        Choices = Enumerable.Range(1, 5).Select(i => new Choice(new string('★', i), i.ToString(CultureInfo.InvariantCulture))).ToList(),
    };

    private static TextBlock Notice(string text) => new(text) { Id = "notice", Color = TextColor.Attention, Weight = TextWeight.Bolder };

    private static TextBlock Title(string text) => new(text) { Size = TextSize.Large, Weight = TextWeight.Bolder, Id = "title" };
}
