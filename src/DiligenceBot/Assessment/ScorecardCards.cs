using System.Globalization;
using System.Text.Json.Nodes;
using DiligenceBot.BotFramework.Cards;
using DiligenceBot.Conversations;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;
using DiligenceBot.Records;
using DiligenceBot.WorkLogs;

namespace DiligenceBot.Assessment;

/// <summary>
/// The draft scorecards as a lead sees them: a team card (managers ranked by the points measured, one tap to each) and
/// a manager's card (each dimension with its indicators: the value behind each and its points, or not measured).
/// </summary>
public static class ScorecardCards
{
    public const string ScorecardVerb = "assessment.scorecard";
    public const string MineVerb = "assessment.mine";
    public const string ExportVerb = "assessment.export";
    public const string PublishVerb = "assessment.publish";
    public const string AcknowledgeVerb = "assessment.acknowledge";
    public const string ObjectVerb = "assessment.object";
    public const string UpholdVerb = "assessment.uphold";
    public const string AmendVerb = "assessment.amend";
    public const string ReasonInput = "reason";
    public const string DecisionReasonInput = "decisionReason";

    public static string ScoreInput(string indicatorId) => "score." + indicatorId;
    public static string ScoreReasonInput(string indicatorId) => "scoreReason." + indicatorId;
    public static string AdjustInput(string dimensionId) => "adjust." + dimensionId;
    public static string AdjustReasonInput(string dimensionId) => "adjustReason." + dimensionId;
    public static string AmendInput(string dimensionId) => "amend." + dimensionId;

    /// <summary>One manager's draft: the scorecard as the rules score it, and the total when it is published already.</summary>
    public sealed record Draft(Person Manager, Team Team, Scorecard Scorecard, decimal? PublishedTotal = null);

    /// <summary>The lead's inputs on a draft (the lead may publish it): what was typed, the errors, a notice.</summary>
    public sealed record DraftInputs(Dictionary<string, string> Typed, Dictionary<string, string> Errors, string? Notice);

    /// <summary>One team's managers and their drafts.</summary>
    public sealed record TeamDrafts(Team Team, IReadOnlyList<Draft> Managers);

    /// <summary>The period's heading: 2026年11月 / November 2026, 2026年第4季度 / Q4 2026.</summary>
    private static string PeriodName(RecordPeriod period, Language language) => period.Name(language);

    private static string Points(decimal points) => points.ToString("0.#", CultureInfo.InvariantCulture);

    public static AdaptiveCard Teams(IReadOnlyList<TeamDrafts> teams, RecordPeriod period, DateOnly until, Language language, string? notice = null)
    {
        var periodName = PeriodName(period, language);
        var single = teams.Count == 1;
        var groups = teams.Select(section =>
        {
            var items = new List<CardElement>
            {
                new TextBlock(Status(period, until, language)) { Id = LeadTeams.Id("status", section.Team.Id, single), IsSubtle = true, Spacing = Spacing.None, Wrap = true },
            };
            if (section.Managers.Count == 0)
            {
                items.Add(new TextBlock(Texts.Scorecards.Nobody.In(language)) { Id = LeadTeams.Id("empty", section.Team.Id, single), Wrap = true });
            }

            items.AddRange(section.Managers.OrderByDescending(d => d.Scorecard.Measured).ThenBy(d => d.Manager.DisplayName, StringComparer.Ordinal)
                .Select(d => (CardElement)Row(d, period, language)));
            if (section.Managers.Count > 0)
            {
                // The same list as a file (ScorecardExportVerb): this team and period, offered in the chat.
                items.Add(new ActionSet
                {
                    Id = LeadTeams.Id("export", section.Team.Id, single),
                    Actions =
                    [
                        new ExecuteAction
                        {
                            Title = Texts.Scorecards.ExportButton.In(language), Verb = ExportVerb,
                            Data = new JsonObject { ["verb"] = ExportVerb, ["period"] = period.Key, ["teamId"] = section.Team.Id },
                        },
                    ],
                });
            }
            // One team: its heading is the card's title (team and period); several: each under its name, the period in the title.
            var name = WorkLogCards.TeamName(section.Team, language);
            return new TeamGroup(section.Team.Id, single ? Texts.Scorecards.TeamTitle.Format(language, name, Texts.Scorecards.TeamsTitle.Format(language, periodName)) : name, items);
        }).ToList();
        var card = LeadTeams.Card(Texts.Scorecards.TeamsTitle.Format(language, periodName), groups, notice);
        ((TextBlock)card.Body[0]).Wrap = true;
        return card;
    }

    private static ColumnSet Row(Draft draft, RecordPeriod period, Language language)
    {
        var card = draft.Scorecard;
        var measuredOf = card.Dimensions.SelectMany(d => d.Indicators).Where(i => i.Measured).Sum(i => i.Indicator.Points);
        var notMeasured = card.NotMeasured.Count();
        return new ColumnSet
        {
            Id = "row." + draft.Manager.Id,
            Separator = true,
            Columns =
            [
                new Column
                {
                    Width = "stretch",
                    Items =
                    [
                        new TextBlock(draft.Manager.DisplayName) { Weight = TextWeight.Bolder, Wrap = true },
                        new TextBlock(Texts.Scorecards.RowTotal.Format(language, Points(card.Measured), Points(measuredOf))) { Id = "total." + draft.Manager.Id, Spacing = Spacing.None, Wrap = true },
                        draft.PublishedTotal is { } total
                            ? new TextBlock(Texts.Scorecards.RowPublished.Format(language, Points(total))) { Id = "published." + draft.Manager.Id, Spacing = Spacing.None, Wrap = true, Color = TextColor.Good }
                            : new TextBlock(notMeasured == 0 ? Texts.Scorecards.AllMeasured.In(language) : Texts.Scorecards.RowNotMeasured.Format(language, notMeasured))
                            {
                                Id = "notmeasured." + draft.Manager.Id, Spacing = Spacing.None, Wrap = true, IsSubtle = true,
                            },
                    ],
                },
                new Column { Width = "auto", Items = [new ActionSet { Actions = [Execute(Texts.Scorecards.OpenButton.In(language), draft.Manager.Id, period)] }] },
            ],
        };
    }

    /// <summary>One manager's draft: the points measured, then each dimension with each indicator's value and points or "not measured".</summary>
    public static AdaptiveCard Manager(Draft draft, RecordPeriod period, DateOnly until, Language language, DraftInputs? inputs = null)
    {
        var title = Texts.Scorecards.ManagerTitle.Format(language, draft.Manager.DisplayName, PeriodName(period, language));
        var card = draft.Scorecard;
        var measuredOf = card.Dimensions.SelectMany(d => d.Indicators).Where(i => i.Measured).Sum(i => i.Indicator.Points);
        var body = new List<CardElement>
        {
            new TextBlock(title) { Id = "title", Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true },
            new TextBlock(Status(period, until, language)) { Id = "status", IsSubtle = true, Spacing = Spacing.None, Wrap = true },
        };
        if (inputs?.Notice is { } notice)
        {
            body.Add(new TextBlock(notice) { Id = "notice", Color = inputs.Errors.Count > 0 ? TextColor.Attention : TextColor.Default, Wrap = true });
        }

        body.AddRange(
        [
            new TextBlock(Texts.Scorecards.Measured.Format(language, Points(card.Measured), Points(measuredOf))) { Id = "measured", Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true },
        ]);
        foreach (var dimension in card.Dimensions)
        {
            var items = new List<CardElement>
            {
                new TextBlock(Texts.Scorecards.DimensionHeading.Format(language, dimension.Dimension.Name(language), Points(dimension.Measured), Points(dimension.Dimension.Weight)))
                {
                    Id = "dimension." + dimension.Dimension.Id, Weight = TextWeight.Bolder, Wrap = true,
                },
            };
            foreach (var i in dimension.Indicators)
            {
                items.Add(new TextBlock(CardDates.KeepCounts(Line(i, language)))
                {
                    Id = "indicator." + i.Indicator.Id, Spacing = Spacing.None, Wrap = true, IsSubtle = i.Measured ? null : true,
                });
                if (inputs is not null && !i.Measured)
                {
                    var name = i.Indicator.Name(language);
                    Input(items, inputs, ScoreInput(i.Indicator.Id), Texts.Scorecards.ScoreLabel.Format(language, name, Points(i.Indicator.Points)), 8);
                    Input(items, inputs, ScoreReasonInput(i.Indicator.Id), Texts.Scorecards.ScoreReasonLabel.In(language), ScorecardLimits.Reason);
                }
            }

            if (inputs is not null)
            {
                // Adjusting is the exception: its inputs open with a button, and stay open once something was typed or refused.
                var id = dimension.Dimension.Id;
                var name = dimension.Dimension.Name(language);
                var adjust = new List<CardElement>();
                Input(adjust, inputs, AdjustInput(id), Texts.Scorecards.AdjustLabel.Format(language, name, Points(dimension.Dimension.MaxAdjustment)), 8, "0");
                Input(adjust, inputs, AdjustReasonInput(id), Texts.Scorecards.AdjustReasonLabel.In(language), ScorecardLimits.Reason);
                var open = new[] { AdjustInput(id), AdjustReasonInput(id) }.Any(k => inputs.Errors.ContainsKey(k) || !string.IsNullOrWhiteSpace(inputs.Typed.GetValueOrDefault(k)));
                items.Add(new ActionSet
                {
                    Id = "adjust-open." + id,
                    Actions = [new ToggleVisibilityAction { Title = Texts.Scorecards.AdjustButton.In(language), TargetElements = ["adjusting." + id] }],
                });
                items.Add(new Container { Id = "adjusting." + id, IsVisible = open ? null : false, Items = adjust });
            }

            body.Add(new Container { Id = "section." + dimension.Dimension.Id, Separator = true, Items = items });
        }

        if (card.NotMeasured.Any())
        {
            body.Add(new TextBlock(Texts.Scorecards.NotMeasuredNote.In(language)) { Id = "note", IsSubtle = true, Size = TextSize.Small, Wrap = true, Separator = true });
        }

        List<CardAction> actions = [Execute(Texts.Scorecards.BackToTeam.In(language), null, period)];
        if (inputs is not null)
        {
            body.Add(new TextBlock(Texts.Scorecards.PublishNote.In(language)) { Id = "publish-note", IsSubtle = true, Size = TextSize.Small, Wrap = true });
            actions.Insert(0, new ExecuteAction
            {
                Title = Texts.Scorecards.PublishButton.In(language),
                Verb = PublishVerb,
                Data = new JsonObject { ["verb"] = PublishVerb, ["period"] = period.Key, ["managerId"] = draft.Manager.Id },
                AssociatedInputs = "auto",
                Style = ActionStyle.Positive,
            });
        }

        return new AdaptiveCard { FallbackText = title, Body = body, Actions = actions };
    }

    /// <summary>A text input with what was typed and, under it, its error.</summary>
    private static void Input(List<CardElement> items, DraftInputs inputs, string id, string label, int maxLength, string? placeholder = null) =>
        Input(items, inputs.Typed, inputs.Errors, id, label, maxLength, placeholder);

    private static void Input(List<CardElement> items, Dictionary<string, string> typed, Dictionary<string, string> errors, string id, string label, int maxLength,
        string? placeholder = null, string? value = null, bool multiline = false)
    {
        items.Add(new TextInput
        {
            Id = id, Label = label, Value = typed.TryGetValue(id, out var t) ? t : value, MaxLength = maxLength, Placeholder = placeholder,
            IsMultiline = multiline ? true : null,
        });
        if (errors.TryGetValue(id, out var error))
        {
            items.Add(new TextBlock(error) { Id = "error." + id, Color = TextColor.Attention, Size = TextSize.Small, Spacing = Spacing.None, Wrap = true });
        }
    }

    /// <summary>Who looks at a published scorecard: the manager answers it, the lead (or the lead chain, an admin) reads it, the decider decides an objection.</summary>
    public enum Viewer { Manager, Lead, Decider }

    /// <summary>
    /// A published scorecard and what a card about it needs: its manager and team, the manager's previous published
    /// scorecard of the same kind (for the change), the names of the people in its story, the team's date today, the
    /// rank in the team (only when the tenant shows it to managers).
    /// </summary>
    public sealed record PublishedView(
        PublishedScorecard Card, Person Manager, Team Team, PublishedScorecard? Previous, IReadOnlyDictionary<string, string> Names, DateOnly Today,
        Viewer Viewer, (int Rank, int Of)? Rank = null);

    /// <summary>
    /// A published scorecard: the total (and the change since the last published one), each dimension with its points,
    /// each indicator with the data behind it or the lead's points and reason, each adjustment and amendment with its
    /// reason, where it stands (answered, objected, decided). The manager answers it by the deadline; the decider of an
    /// objection upholds or amends it (the dimensions' points, within the lead's bounds).
    /// </summary>
    public static AdaptiveCard Published(PublishedView view, Language language, Dictionary<string, string>? typed = null, Dictionary<string, string>? errors = null, string? notice = null)
    {
        typed ??= [];
        errors ??= [];
        var (card, period) = (view.Card, view.Card.Period);
        string Name(string? id) => id is not null && view.Names.TryGetValue(id, out var n) ? n : Texts.Scorecards.AnAdmin.In(language);
        string Day(DateTimeOffset at) => CardDates.Long(view.Team.LocalDate(at), language);
        var title = Texts.Scorecards.ManagerTitle.Format(language, view.Manager.DisplayName, PeriodName(period, language));
        var body = new List<CardElement> { new TextBlock(title) { Id = "title", Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true } };
        if (notice is not null)
        {
            body.Add(new TextBlock(notice) { Id = "notice", Color = errors.Count > 0 ? TextColor.Attention : TextColor.Good, Wrap = true });
        }

        var open = card.State == ScorecardState.Published && view.Today <= card.RespondBy;
        var respondBy = CardDates.Long(card.RespondBy, language);
        var status = card.State switch
        {
            ScorecardState.Published when !open => Texts.Scorecards.StatusStands.Format(language, Name(card.PublishedById), Day(card.PublishedAt), respondBy),
            ScorecardState.Published when view.Viewer == Viewer.Manager => Texts.Scorecards.StatusAnswer.Format(language, Name(card.PublishedById), Day(card.PublishedAt), respondBy),
            ScorecardState.Published => Texts.Scorecards.StatusWaiting.Format(language, Name(card.PublishedById), Day(card.PublishedAt), view.Manager.DisplayName, respondBy),
            ScorecardState.Acknowledged => Texts.Scorecards.StatusAcknowledged.Format(language, Name(card.PublishedById), Day(card.PublishedAt), Day(card.AcknowledgedAt!.Value)),
            _ => Texts.Scorecards.StatusPublished.Format(language, Name(card.PublishedById), Day(card.PublishedAt)),
        };
        body.Add(new TextBlock(status) { Id = "status", IsSubtle = true, Spacing = Spacing.None, Wrap = true });
        if (card.ObjectionReason is { } objection)
        {
            body.Add(new TextBlock(Texts.Scorecards.ObjectionLine.Format(language, Day(card.ObjectedAt!.Value), objection)) { Id = "objection", Wrap = true });
            if (card.State == ScorecardState.Objected)
            {
                body.Add(new TextBlock(Texts.Scorecards.ObjectionWith.Format(language, Name(card.DeciderId))) { Id = "decider", IsSubtle = true, Spacing = Spacing.None, Wrap = true });
            }
        }

        if (card.DecisionReason is { } decision)
        {
            var text = card.State == ScorecardState.Amended ? Texts.Scorecards.AmendedLine : Texts.Scorecards.UpheldLine;
            body.Add(new TextBlock(text.Format(language, Name(card.DecidedById), Day(card.DecidedAt!.Value), decision)) { Id = "decision", Weight = TextWeight.Bolder, Wrap = true });
        }

        var total = ScorecardBook.Total(card);
        body.Add(new TextBlock(total != card.Total
            ? Texts.Scorecards.TotalAmended.Format(language, Points(total), Points(card.Total))
            : Texts.Scorecards.Total.Format(language, Points(total)))
        {
            Id = "total", Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true,
        });
        body.Add(new TextBlock(view.Previous is { } previous
            ? Texts.Scorecards.Change.Format(language, Signed(total - ScorecardBook.Total(previous)), PeriodName(previous.Period, language), Points(ScorecardBook.Total(previous)))
            : Texts.Scorecards.FirstPublished.In(language))
        {
            Id = "change", Spacing = Spacing.None, Wrap = true, IsSubtle = true,
        });
        if (view.Rank is { } rank)
        {
            body.Add(new TextBlock(Texts.Scorecards.Rank.Format(language, rank.Rank, rank.Of, WorkLogCards.TeamName(view.Team, language))) { Id = "rank", Spacing = Spacing.None, Wrap = true });
        }

        var deciding = view.Viewer == Viewer.Decider && card.State == ScorecardState.Objected;
        foreach (var dimension in card.Dimensions.OrderBy(d => d.Order))
        {
            var before = view.Previous?.Dimensions.FirstOrDefault(d => d.DimensionId == dimension.DimensionId);
            var heading = before is null
                ? Texts.Scorecards.DimensionHeading.Format(language, dimension.Name(language), Points(dimension.Points), Points(dimension.Weight))
                : Texts.Scorecards.DimensionChange.Format(language, dimension.Name(language), Points(dimension.Points), Points(dimension.Weight), Signed(dimension.Points - before.Points));
            var items = new List<CardElement> { new TextBlock(heading) { Id = "dimension." + dimension.DimensionId, Weight = TextWeight.Bolder, Wrap = true } };
            foreach (var indicator in card.Indicators.Where(i => i.DimensionId == dimension.DimensionId).OrderBy(i => i.Order))
            {
                var line = indicator.Reason is { } reason
                    ? Texts.Scorecards.IndicatorScored.Format(language, indicator.Name(language), Points(indicator.Points), Points(indicator.MaxPoints), reason)
                    : Texts.Scorecards.IndicatorLine.Format(language, indicator.Name(language), indicator.Value is { } v && ScoreSources.All.ContainsKey(indicator.Source) ? Value(indicator.Source, v, language) : "-",
                        Points(indicator.Points), Points(indicator.MaxPoints));
                items.Add(new TextBlock(CardDates.KeepCounts(line)) { Id = "indicator." + indicator.IndicatorId, Spacing = Spacing.None, Wrap = true });
            }

            if (dimension.AdjustmentReason is { } why)
            {
                items.Add(new TextBlock(Texts.Scorecards.AdjustmentLine.Format(language, Signed(dimension.Adjustment), why)) { Id = "adjustment." + dimension.DimensionId, Spacing = Spacing.None, Wrap = true, IsSubtle = true });
            }

            if (dimension.AmendedPoints is { } amended)
            {
                items.Add(new TextBlock(Texts.Scorecards.AmendedPoints.Format(language, Points(amended), Points(dimension.Published))) { Id = "amended." + dimension.DimensionId, Spacing = Spacing.None, Wrap = true });
            }

            if (deciding)
            {
                var low = Math.Max(0, dimension.Scored - dimension.MaxAdjustment);
                var high = Math.Min(dimension.Weight, dimension.Scored + dimension.MaxAdjustment);
                Input(items, typed, errors, AmendInput(dimension.DimensionId), Texts.Scorecards.AmendLabel.Format(language, dimension.Name(language), Points(low), Points(high)), 8,
                    value: Points(dimension.Published));
            }

            body.Add(new Container { Id = "section." + dimension.DimensionId, Separator = true, Items = items });
        }

        var data = new JsonObject { ["scorecardId"] = card.Id.ToString() };
        ExecuteAction Button(Text text, string verb, ActionStyle? style = null)
        {
            var d = (JsonObject)data.DeepClone();
            d["verb"] = verb;
            return new ExecuteAction { Title = text.In(language), Verb = verb, Data = d, AssociatedInputs = "auto", Style = style };
        }

        var actions = new List<CardAction>();
        if (view.Viewer == Viewer.Manager && open)
        {
            var answer = new List<CardElement>();
            Input(answer, typed, errors, ReasonInput, Texts.Scorecards.ObjectionLabel.In(language), ScorecardLimits.Reason, multiline: true);
            body.Add(new Container { Id = "answer", Separator = true, Items = answer });
            actions.Add(Button(Texts.Scorecards.AcknowledgeButton, AcknowledgeVerb, ActionStyle.Positive));
            actions.Add(Button(Texts.Scorecards.ObjectButton, ObjectVerb));
        }
        else if (deciding)
        {
            var decide = new List<CardElement>();
            Input(decide, typed, errors, DecisionReasonInput, Texts.Scorecards.DecisionLabel.In(language), ScorecardLimits.Reason, multiline: true);
            body.Add(new Container { Id = "decide", Separator = true, Items = decide });
            actions.Add(Button(Texts.Scorecards.UpholdButton, UpholdVerb));
            actions.Add(Button(Texts.Scorecards.AmendButton, AmendVerb, ActionStyle.Positive));
        }

        return new AdaptiveCard { FallbackText = title, Body = body, Actions = actions.Count > 0 ? actions : null };
    }

    /// <summary>+2, -1.5, 0: a change in points.</summary>
    private static string Signed(decimal points) => points > 0 ? "+" + Points(points) : Points(points);

    private static string Line(IndicatorScore score, Language language) =>
        score is { Value: { } value, Points: { } points }
            ? Texts.Scorecards.IndicatorLine.Format(language, score.Indicator.Name(language), Value(score.Indicator.Source, value, language), Points(points), Points(score.Indicator.Points))
            : Texts.Scorecards.IndicatorNotMeasured.Format(language, score.Indicator.Name(language), Points(score.Indicator.Points));

    /// <summary>A source's value as a lead reads it: a share in percent, a rating to one decimal, a count, checks met of four.</summary>
    public static string Value(string source, double value, Language language) => ScoreSources.All[source] switch
    {
        ScoreSourceKind.Share => Math.Round(value * 100, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) + "%",
        ScoreSourceKind.Rating => value.ToString("0.0", CultureInfo.InvariantCulture),
        ScoreSourceKind.Count => value.ToString("0", CultureInfo.InvariantCulture),
        _ => language == Language.ZhCn
            ? $"4项中{value.ToString("0.#", CultureInfo.InvariantCulture)}项"
            : $"{value.ToString("0.#", CultureInfo.InvariantCulture)} of 4",
    };

    private static string Status(RecordPeriod period, DateOnly until, Language language) =>
        until <= period.Last ? Texts.Scorecards.Draft.Format(language, CardDates.Long(until.AddDays(-1), language)) : Texts.Scorecards.DraftWhole.In(language);

    private static ExecuteAction Execute(string title, string? managerId, RecordPeriod period)
    {
        var data = new JsonObject { ["verb"] = ScorecardVerb, ["period"] = period.Key };
        if (managerId is not null)
        {
            data["managerId"] = managerId;
        }

        return new ExecuteAction { Title = title, Verb = ScorecardVerb, Data = data };
    }
}
