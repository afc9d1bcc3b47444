using System.Text.Json.Nodes;
using DiligenceBot.BotFramework.Cards;
using DiligenceBot.Conversations;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;

namespace DiligenceBot.Meetings;

/// <summary>The action item's card (the owner's, with Done and Blocked), the lists of open items, the training records.</summary>
public static class ActionItemCards
{
    public const string ViewVerb = "action.view";
    public const string DoneVerb = "action.done";
    public const string BlockedVerb = "action.blocked";
    public const string MineVerb = "actions.mine";
    public const string TrainingVerb = "training.record";

    public const string DoneNoteInput = "m.doneNote";
    public const string BlockedNoteInput = "m.blockedNote";

    /// <summary>Everything an action item's card shows to one viewer.</summary>
    public sealed record ItemState(
        ActionItem Item,
        MeetingMinutes Minutes,
        Team Team,
        IReadOnlyDictionary<string, string> Names,
        bool IsOwner,
        DateOnly Today,
        string? Notice = null,
        string? Error = null,
        string? TypedNote = null);

    public static AdaptiveCard Item(ItemState state, Language language)
    {
        var item = state.Item;
        string Name(string id) => state.Names.GetValueOrDefault(id, id);
        var card = new AdaptiveCard
        {
            FallbackText = item.Text,
            Body =
            [
                new TextBlock(Texts.Meetings.ItemKind.In(language)) { Id = "kind", IsSubtle = true, Size = TextSize.Small },
                new TextBlock(item.Text) { Id = "title", Weight = TextWeight.Bolder, Size = TextSize.Medium },
            ],
        };
        if (state.Notice is { } notice)
        {
            card.Body.Add(MinutesCards.Notice(notice));
        }

        var overdue = item.IsOpen && item.DueDate < state.Today;
        var facts = new List<Fact>
        {
            new(Texts.Meetings.Owner.In(language), Name(item.OwnerId)),
            new(Texts.Meetings.Due.In(language), CardDates.Day(item.DueDate)),
            new(Texts.Meetings.From.In(language), Texts.Meetings.FromValue.Format(language, MinutesCards.KindName(state.Minutes.Kind, language), CardDates.Day(state.Minutes.MeetingDate))),
            new(Texts.Meetings.Team.In(language), MinutesCards.TeamName(state.Team, language)),
            new(Texts.Meetings.State.In(language), MinutesCards.StateName(item, state.Today, language)),
        };
        card.Body.Add(new FactSet { Id = "facts", Facts = facts });
        if (overdue || item.State == ActionItemState.Done)
        {
            card.Body.Add(new TextBlock(MinutesCards.StateName(item, state.Today, language)) { Id = "state", Color = overdue ? TextColor.Attention : TextColor.Good, Weight = TextWeight.Bolder, Spacing = Spacing.Small });
        }

        if (state.Error is { } error)
        {
            card.Body.Add(new TextBlock(error) { Id = "error.note", Color = TextColor.Attention, Weight = TextWeight.Bolder });
        }

        if (item.Note is { } note)
        {
            card.Body.Add(MinutesCards.Labelled("note", Texts.Meetings.Note.In(language), note));
        }

        if (state.IsOwner && item.IsOpen)
        {
            card.Actions =
            [
                Step(Texts.Meetings.Done.In(language), DoneVerb, Texts.Meetings.DoneNotePlaceholder.In(language), required: false, Texts.Meetings.MarkDone.In(language), ActionStyle.Positive),
            ];
            if (item.State != ActionItemState.Blocked)
            {
                card.Actions.Add(Step(Texts.Meetings.Blocked.In(language), BlockedVerb, Texts.Meetings.BlockedNotePlaceholder.In(language), required: true, Texts.Meetings.MarkBlocked.In(language), null));
            }
        }

        return card;

        ShowCardAction Step(string title, string verb, string placeholder, bool required, string send, ActionStyle? style)
        {
            var body = new List<CardElement>();
            body.Add(new TextInput
            {
                Id = verb == BlockedVerb ? BlockedNoteInput : DoneNoteInput,
                Label = Texts.Meetings.Note.In(language),
                IsRequired = required ? true : null,
                ErrorMessage = required ? Texts.Meetings.BlockedNoteRequired.In(language) : null,
                IsMultiline = true,
                MaxLength = MinutesLimits.Note,
                Placeholder = placeholder,
                Value = state.TypedNote,
            });
            var data = ItemData(verb, item);
            data["revision"] = item.Revision;
            return new ShowCardAction
            {
                Title = title,
                Card = new AdaptiveCard
                {
                    MsTeams = null,
                    Body = body,
                    Actions = [new ExecuteAction { Title = send, Verb = verb, Data = data, AssociatedInputs = "auto", Style = style }],
                },
            };
        }
    }

    public static JsonObject ItemData(string verb, ActionItem item) => new() { ["verb"] = verb, ["itemId"] = item.Id.ToString() };

    /// <summary>One open item in a list: its text, then owner, due date and state; a button opens its card.</summary>
    public sealed record Row(ActionItem Item, string OwnerName);

    /// <summary>
    /// <c>actions</c>: the person's own open items, and for a lead each team's open items (one section per team).
    /// </summary>
    public static AdaptiveCard List(IReadOnlyList<Row> mine, IReadOnlyList<(Team Team, IReadOnlyList<Row> Rows)> teams, DateOnly today, Language language)
    {
        var groups = new List<TeamGroup> { new("mine", Texts.Meetings.MyActionsTitle.In(language), Rows(mine, "mine", today, language)) };
        groups.AddRange(teams.Select(t => new TeamGroup(t.Team.Id, Texts.Meetings.TeamActions.Format(language, MinutesCards.TeamName(t.Team, language)), Rows(t.Rows, t.Team.Id, today, language))));
        var card = LeadTeams.Card(Texts.Meetings.MyActionsTitle.In(language), groups);
        card.FallbackText = Texts.Meetings.MyActionsTitle.In(language);
        return card;
    }

    private static List<CardElement> Rows(IReadOnlyList<Row> rows, string group, DateOnly today, Language language)
    {
        if (rows.Count == 0)
        {
            return [new TextBlock(Texts.Meetings.NoOpenActions.In(language)) { Id = "none." + group, IsSubtle = true }];
        }

        return rows.Select(r => (CardElement)OneRow(r, group, today, language)).ToList();
    }

    /// <summary>An item's line in a list or a digest (ids carry the group: an item can show in "mine" and in its team).</summary>
    public static Container OneRow(Row row, string group, DateOnly today, Language language)
    {
        var item = row.Item;
        var overdue = item.IsOpen && item.DueDate < today;
        return new Container
        {
            Id = $"item.{group}.{item.Id:N}",
            Spacing = Spacing.Small,
            Items =
            [
                new TextBlock(item.Text) { MaxLines = 3 },
                new TextBlock(Texts.Meetings.ActionMeta.Format(language, row.OwnerName, CardDates.Day(item.DueDate), MinutesCards.StateName(item, today, language)))
                {
                    IsSubtle = !overdue,
                    Color = overdue ? TextColor.Attention : null,
                    Size = TextSize.Small,
                    Spacing = Spacing.None,
                },
                new ActionSet
                {
                    Spacing = Spacing.None,
                    Actions = [new ExecuteAction { Title = Texts.Meetings.Open.In(language), Verb = ViewVerb, Data = ItemData(ViewVerb, item) }],
                },
            ],
        };
    }

    /// <summary>One person's training in a half-year: the sessions they attended.</summary>
    public sealed record Attended(DateOnly Date, double Hours, IReadOnlyList<string> TopicIds);

    /// <summary>A manager's own record: totals, hours per topic (and the topics not yet covered), the sessions.</summary>
    public static AdaptiveCard Training(string halfYear, IReadOnlyList<Attended> sessions, TrainingTopics topics, Language language)
    {
        var title = Texts.Meetings.TrainingTitle.Format(language, halfYear);
        var card = new AdaptiveCard
        {
            FallbackText = title,
            Body =
            [
                MinutesCards.Title(title),
                new TextBlock(Texts.Meetings.TrainingIntro.In(language)) { IsSubtle = true, Spacing = Spacing.None },
            ],
        };
        if (sessions.Count == 0)
        {
            card.Body.Add(new TextBlock(Texts.Meetings.NoTraining.In(language)) { Id = "none" });
            return card;
        }

        var total = sessions.Sum(s => s.Hours);
        var covered = topics.All.Count(t => sessions.Any(s => s.TopicIds.Contains(t.Id)));
        card.Body.Add(new TextBlock(Texts.Meetings.TrainingTotal.Format(language, MinutesCards.Hours(total, language), sessions.Count, covered)) { Id = "total", Weight = TextWeight.Bolder });
        var perTopic = topics.All.Select(t =>
        {
            var hours = sessions.Where(s => s.TopicIds.Contains(t.Id)).Sum(s => s.Hours);
            var text = hours > 0
                ? Texts.Meetings.TopicLine.Format(language, t.Name(language), MinutesCards.Hours(hours, language))
                : Texts.Meetings.TopicMissing.Format(language, t.Name(language));
            return (CardElement)new TextBlock(text) { Id = "topic." + t.Id, Spacing = Spacing.None, IsSubtle = hours == 0 };
        });
        card.Body.Add(new Container { Id = "topics", Items = perTopic.ToList(), Separator = true });
        var separator = Texts.WorkLogs.ListSeparator.In(language);
        card.Body.Add(new Container
        {
            Id = "sessions",
            Separator = true,
            Items = sessions.OrderBy(s => s.Date).Select(s => (CardElement)new TextBlock(Texts.Meetings.SessionLine.Format(language,
                CardDates.Day(s.Date), MinutesCards.Hours(s.Hours, language), string.Join(separator, s.TopicIds.Select(id => topics.Name(id, language)))))
            {
                Spacing = Spacing.Small,
                Size = TextSize.Small,
            }).ToList(),
        });
        return card;
    }

    /// <summary>A lead's view: each team's managers with their hours and topics covered this half-year (a lead who is also a manager: their own line first).</summary>
    public static AdaptiveCard TeamTraining(string halfYear, (Person Me, IReadOnlyList<Attended> Sessions)? mine,
        IReadOnlyList<(Team Team, IReadOnlyList<(Person Manager, IReadOnlyList<Attended> Sessions)> Managers)> teams, TrainingTopics topics, Language language)
    {
        var title = Texts.Meetings.TeamTrainingTitle.Format(language, halfYear);
        var single = teams.Count == 1 && mine is null;
        TextBlock Line(Person manager, IReadOnlyList<Attended> sessions, string group)
        {
            var covered = topics.All.Count(topic => sessions.Any(s => s.TopicIds.Contains(topic.Id)));
            return new TextBlock(Texts.Meetings.ManagerLine.Format(language, manager.DisplayName, MinutesCards.Hours(sessions.Sum(s => s.Hours), language), covered))
            {
                Id = LeadTeams.Id("manager." + manager.Id, group, single),
                Spacing = Spacing.Small,
            };
        }

        // One team: its heading is the card's title; several (or the lead's own line too): each under its own heading.
        var groups = new List<TeamGroup>();
        if (mine is { } me)
        {
            groups.Add(new TeamGroup("mine", Texts.Meetings.MyTraining.Format(language, halfYear), [Line(me.Me, me.Sessions, "mine")]));
        }

        groups.AddRange(teams.Select(t => new TeamGroup(t.Team.Id, single ? title : MinutesCards.TeamName(t.Team, language),
            t.Managers.Select(m => (CardElement)Line(m.Manager, m.Sessions, t.Team.Id)).ToList())));
        var card = LeadTeams.Card(title, groups);
        card.FallbackText = title;
        return card;
    }
}
