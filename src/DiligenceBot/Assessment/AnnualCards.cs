using System.Globalization;
using System.Text.Json.Nodes;
using DiligenceBot.BotFramework.Cards;
using DiligenceBot.Coaching;
using DiligenceBot.Conversations;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;
using DiligenceBot.WorkLogs;

namespace DiligenceBot.Assessment;

/// <summary>
/// The yearly review's cards: the team's (each manager with the yearly score, the ranks and where the review stands, one
/// tap to each) and one manager's (the twelve months and four quarters, the skills results, the year's coaching, the
/// lead's overall evaluation, the proposal and the decision), as the lead writes it, the lead chain reads it, the lead's
/// own manager decides it and the manager reads it when finished.
/// </summary>
public static class AnnualCards
{
    public const string AnnualVerb = "annual.review";
    public const string MineVerb = "annual.mine";
    public const string SubmitVerb = "annual.submit";
    public const string DecideVerb = "annual.decide";
    public const string ExportVerb = "annual.export";
    public const string EvaluationInput = "evaluation";
    public const string DecisionInput = "decision";
    public const string ReasonInput = "decisionReason";

    /// <summary>Who looks: the manager (their own finished review), the lead or a delegate (writes and submits), the lead chain or an admin (reads), the decider of a proposal.</summary>
    public enum Viewer { Manager, Lead, Overseer, Decider }

    /// <summary>One manager's year: the figures, the review when submitted, the year's coaching, the names in its story, who looks.</summary>
    public sealed record ManagerView(
        Person Manager, Team Team, int Year, AnnualFigures Figures, AnnualReview? Review, SkillsAssessment? Skills, AnnualCoaching Coaching, CoachingLibrary Library,
        IReadOnlyDictionary<string, string> Names, Viewer Viewer, bool YearOver, bool ShowsRanks);

    /// <summary>One team's managers for the team card: each with the figures and the review when submitted.</summary>
    public sealed record TeamRows(Team Team, IReadOnlyList<(AnnualFigures Figures, AnnualReview? Review)> Managers);

    /// <summary>The year as a card's data carries it: a string, as every value the cards carry.</summary>
    public static string Key(int year) => year.ToString(CultureInfo.InvariantCulture);

    private static string Points(decimal points) => points.ToString("0.#", CultureInfo.InvariantCulture);

    public static AdaptiveCard Teams(IReadOnlyList<TeamRows> teams, int year, Language language, string? notice = null)
    {
        var single = teams.Count == 1;
        var groups = teams.Select(section =>
        {
            var submitted = section.Managers.Count(m => m.Review is not null);
            var items = new List<CardElement>
            {
                new TextBlock(Texts.Annual.Progress.Format(language, submitted, section.Managers.Count)) { Id = LeadTeams.Id("progress", section.Team.Id, single), IsSubtle = true, Spacing = Spacing.None, Wrap = true },
            };
            items.AddRange(section.Managers
                .OrderBy(m => m.Figures.Score is null).ThenByDescending(m => m.Figures.Score).ThenBy(m => m.Figures.Manager.DisplayName, StringComparer.Ordinal)
                .Select(m => (CardElement)Row(m.Figures, m.Review, year, language)));
            items.Add(new ActionSet
            {
                Id = LeadTeams.Id("export", section.Team.Id, single),
                Actions =
                [
                    new ExecuteAction
                    {
                        Title = Texts.Annual.ExportButton.In(language), Verb = ExportVerb,
                        Data = new JsonObject { ["verb"] = ExportVerb, ["year"] = Key(year), ["teamId"] = section.Team.Id },
                    },
                ],
            });
            var name = WorkLogCards.TeamName(section.Team, language);
            return new TeamGroup(section.Team.Id, single ? Texts.Annual.TeamTitle.Format(language, name, year) : name, items);
        }).ToList();
        var card = LeadTeams.Card(Texts.Annual.TeamsTitle.Format(language, year), groups, notice);
        ((TextBlock)card.Body[0]).Wrap = true;
        card.Body.Add(new TextBlock(Texts.Annual.ScoreNote.In(language)) { Id = "note", IsSubtle = true, Size = TextSize.Small, Wrap = true, Separator = true });
        return card;
    }

    private static ColumnSet Row(AnnualFigures figures, AnnualReview? review, int year, Language language) => new()
    {
        Id = "row." + figures.Manager.Id,
        Separator = true,
        Columns =
        [
            new Column
            {
                Width = "stretch",
                Items =
                [
                    new TextBlock(figures.Manager.DisplayName) { Weight = TextWeight.Bolder, Wrap = true },
                    new TextBlock(CardDates.KeepCounts(ScoreLine(figures, language))) { Id = "score." + figures.Manager.Id, Spacing = Spacing.None, Wrap = true },
                    .. figures is { TeamRank: { } team, OrganisationRank: { } organisation }
                        ? [new TextBlock(CardDates.KeepCounts(Texts.Annual.Ranks.Format(language, team.Rank, team.Of, organisation.Rank, organisation.Of)))
                            { Id = "rank." + figures.Manager.Id, Spacing = Spacing.None, Wrap = true }]
                        : Array.Empty<CardElement>(),
                    new TextBlock(State(review, language)) { Id = "state." + figures.Manager.Id, Spacing = Spacing.None, Wrap = true, IsSubtle = true },
                ],
            },
            new Column { Width = "auto", Items = [new ActionSet { Actions = [Open(Texts.Annual.OpenButton.In(language), figures.Manager.Id, year)] }] },
        ],
    };

    /// <summary>"Yearly score 83.5 (11 months published)", or no score.</summary>
    private static string ScoreLine(AnnualFigures figures, Language language) =>
        figures.Score is { } score ? Texts.Annual.Score.Format(language, Points(score), figures.Months.Count) : Texts.Annual.NoScore.In(language);

    private static string State(AnnualReview? review, Language language) => review switch
    {
        null => Texts.Annual.StateNotSubmitted.In(language),
        { State: AnnualState.Submitted } => Texts.Annual.StateSubmitted.In(language),
        { State: AnnualState.Proposed } => Texts.Annual.StateProposed.Format(language, Proposal(review.Proposal, language)),
        { State: AnnualState.Decided } => Texts.Annual.StateDecided.Format(language, Decision(review.Decision!.Value, language)),
        _ => Texts.Annual.StateFinished.In(language),
    };

    /// <summary>The year's latest half-year skills result in one line (the mean rating and the weak areas), or "not assessed".</summary>
    public static string SkillsLine(SkillsAssessment? skills, Language language) => skills switch
    {
        null => Texts.Annual.Skills.In(language),
        _ when skills.Weak.Any() => Texts.Annual.SkillsResult.Format(language, skills.Half.Name(language), Points(skills.Average),
            string.Join(Texts.Scorecards.ListSeparator.In(language), skills.Weak.Select(a => a.Name(language)))),
        _ => Texts.Annual.SkillsNoWeak.Format(language, skills.Half.Name(language), Points(skills.Average)),
    };

    public static string Proposal(AnnualProposal proposal, Language language) =>
        (proposal == AnnualProposal.Top ? Texts.Annual.ProposalTop : Texts.Annual.ProposalBottom).In(language);

    public static string Decision(AnnualDecision decision, Language language) => (decision switch
    {
        AnnualDecision.Advance => Texts.Annual.DecisionAdvance,
        AnnualDecision.Keep => Texts.Annual.DecisionKeep,
        AnnualDecision.ImprovementPlan => Texts.Annual.DecisionImprovementPlan,
        _ => Texts.Annual.DecisionExitReview,
    }).In(language);

    public static string DecisionKey(AnnualDecision decision) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(decision.ToString());

    /// <summary>
    /// One manager's yearly review. The lead (or a delegate) writes the overall evaluation and submits it once the year is
    /// over; an error comes back with what was typed. The decider of a proposal chooses what follows with a reason.
    /// </summary>
    public static AdaptiveCard Manager(ManagerView view, Language language, Dictionary<string, string>? typed = null, Dictionary<string, string>? errors = null, string? notice = null)
    {
        typed ??= [];
        errors ??= [];
        var (review, figures) = (view.Review, view.Figures);
        string Name(string? id) => id is not null && view.Names.TryGetValue(id, out var n) ? n : Texts.Scorecards.AnAdmin.In(language);
        string Day(DateTimeOffset at) => CardDates.Long(view.Team.LocalDate(at), language);
        var title = Texts.Annual.ManagerTitle.Format(language, view.Manager.DisplayName, view.Year);
        var body = new List<CardElement> { new TextBlock(title) { Id = "title", Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true } };
        if (notice is not null)
        {
            body.Add(new TextBlock(notice) { Id = "notice", Color = errors.Count > 0 ? TextColor.Attention : TextColor.Good, Wrap = true });
        }

        var writes = view.Viewer == Viewer.Lead && review is null;
        var status = review is null
            ? (writes && view.YearOver ? Texts.Annual.StatusWrite.In(language)
                : view.YearOver ? Texts.Annual.StatusNotSubmitted.In(language)
                : Texts.Annual.StatusYearNotOver.Format(language, view.Year, CardDates.Long(new DateOnly(view.Year + 1, 1, 1), language)))
            : Texts.Annual.StatusSubmitted.Format(language, Name(review.SubmittedById), Day(review.SubmittedAt));
        body.Add(new TextBlock(status) { Id = "status", IsSubtle = true, Spacing = Spacing.None, Wrap = true });

        // What the lead submitted stands: the yearly score it was submitted with (a later amendment shows in the months).
        var shown = review is null ? figures : figures with { Score = review.YearlyScore, Months = figures.Months };
        body.Add(new TextBlock(CardDates.KeepCounts(ScoreLine(shown, language))) { Id = "score", Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true });
        var ranks = view.Viewer != Viewer.Manager || view.ShowsRanks;
        if (ranks && shown.Score is not null)
        {
            var team = review?.TeamRank is { } rank ? (rank, review.TeamRanked!.Value) : figures.TeamRank;
            var lines = new List<string>();
            if (team is { } t)
            {
                lines.Add(Texts.Annual.TeamRank.Format(language, t.Item1, t.Item2, WorkLogCards.TeamName(view.Team, language)));
            }

            if (figures.OrganisationRank is { } o)
            {
                lines.Add(Texts.Annual.OrganisationRank.Format(language, o.Rank, o.Of));
            }

            body.Add(new TextBlock(CardDates.KeepCounts(string.Join(Texts.Annual.Separator.In(language), lines))) { Id = "rank", Spacing = Spacing.None, Wrap = true });
        }

        string Figure(decimal? points) => points is { } p ? Texts.Annual.Points.Format(language, Points(p)) : Texts.Annual.NotPublished.In(language);
        body.Add(new Container
        {
            Id = "scores",
            Separator = true,
            Items =
            [
                new TextBlock(Texts.Annual.MonthsHeading.In(language)) { Weight = TextWeight.Bolder, Wrap = true },
                new FactSet
                {
                    Id = "months",
                    Facts = [.. Enumerable.Range(1, 12).Select(m => new Fact(CardDates.MonthOnly(new DateOnly(view.Year, m, 1), language), Figure(figures.Months.TryGetValue(m, out var p) ? p : null)))],
                },
                new TextBlock(Texts.Annual.QuartersHeading.In(language)) { Weight = TextWeight.Bolder, Wrap = true },
                new FactSet
                {
                    Id = "quarters",
                    Facts = [.. Enumerable.Range(1, 4).Select(q => new Fact(CardDates.QuarterOnly(q, language), Figure(figures.Quarters.TryGetValue(q, out var p) ? p : null)))],
                },
            ],
        });

        var coaching = view.Coaching;
        var coached = coaching.Confirmed.Count == 0
            ? Texts.Annual.NoTypeConfirmed.Format(language, view.Year)
            : Texts.Annual.TypesConfirmed.Format(language, string.Join(Texts.Annual.Separator.In(language),
                coaching.Confirmed.Select(c => Texts.Annual.TypeOn.Format(language, view.Library[c.Type].Name.In(language), CardDates.Long(c.On, language)))));
        body.Add(new Container
        {
            Id = "others",
            Separator = true,
            Items =
            [
                new TextBlock(SkillsLine(view.Skills, language)) { Id = "skills", Wrap = true },
                new TextBlock(coached) { Id = "coaching", Wrap = true },
                new TextBlock(CardDates.KeepCounts(Texts.Annual.Actions.Format(language, coaching.ActionsDone, coaching.ActionsOpen, coaching.ActionsSkipped))) { Id = "actions", Spacing = Spacing.None, Wrap = true, IsSubtle = true },
            ],
        });

        var evaluation = new List<CardElement>();
        if (writes && view.YearOver)
        {
            Input(evaluation, typed, errors, EvaluationInput, Texts.Annual.EvaluationLabel.In(language), AnnualLimits.Evaluation, true);
        }
        else if (review is not null)
        {
            evaluation.Add(new TextBlock(Texts.Annual.EvaluationBy.Format(language, Name(review.SubmittedById))) { Weight = TextWeight.Bolder, Wrap = true });
            evaluation.Add(new TextBlock(review.Evaluation) { Id = "evaluation", Spacing = Spacing.None, Wrap = true });
        }

        if (review is not null && view.Viewer != Viewer.Manager)
        {
            var proposal = review.State switch
            {
                AnnualState.Submitted => Texts.Annual.WaitingForTeam.In(language),
                _ when review.Proposal == AnnualProposal.None => Texts.Annual.NotProposed.In(language),
                _ => Texts.Annual.ProposedTo.Format(language, Proposal(review.Proposal, language), Name(review.DeciderId)),
            };
            evaluation.Add(new TextBlock(proposal) { Id = "proposal", Wrap = true, IsSubtle = review.Proposal == AnnualProposal.None ? true : null });
        }

        if (review is { Decision: { } decision })
        {
            evaluation.Add(new TextBlock(Texts.Annual.DecisionLine.Format(language, Name(review.DecidedById), Day(review.DecidedAt!.Value), Decision(decision, language), review.DecisionReason!))
            {
                Id = "decision", Weight = TextWeight.Bolder, Wrap = true,
            });
        }

        if (evaluation.Count > 0)
        {
            body.Add(new Container { Id = "review", Separator = true, Items = evaluation });
        }

        var actions = new List<CardAction>();
        if (view.Viewer == Viewer.Decider && review is { State: AnnualState.Proposed })
        {
            var decide = new List<CardElement>
            {
                new ChoiceSetInput
                {
                    Id = DecisionInput, Label = Texts.Annual.DecisionLabel.In(language), Style = ChoiceInputStyle.Expanded, Wrap = true,
                    Value = typed.GetValueOrDefault(DecisionInput),
                    Choices = [.. Enum.GetValues<AnnualDecision>().Select(d => new Choice(Decision(d, language), DecisionKey(d)))],
                },
            };
            if (errors.TryGetValue(DecisionInput, out var error))
            {
                decide.Add(new TextBlock(error) { Id = "error." + DecisionInput, Color = TextColor.Attention, Size = TextSize.Small, Spacing = Spacing.None, Wrap = true });
            }

            Input(decide, typed, errors, ReasonInput, Texts.Annual.ReasonLabel.In(language), AnnualLimits.Reason, true);
            body.Add(new Container { Id = "decide", Separator = true, Items = decide });
            actions.Add(new ExecuteAction
            {
                Title = Texts.Annual.DecideButton.In(language), Verb = DecideVerb, AssociatedInputs = "auto", Style = ActionStyle.Positive,
                Data = new JsonObject { ["verb"] = DecideVerb, ["reviewId"] = review.Id.ToString() },
            });
        }

        if (writes && view.YearOver)
        {
            body.Add(new TextBlock(Texts.Annual.SubmitNote.In(language)) { Id = "submit-note", IsSubtle = true, Size = TextSize.Small, Wrap = true });
            actions.Add(new ExecuteAction
            {
                Title = Texts.Annual.SubmitButton.In(language), Verb = SubmitVerb, AssociatedInputs = "auto", Style = ActionStyle.Positive,
                Data = new JsonObject { ["verb"] = SubmitVerb, ["year"] = Key(view.Year), ["managerId"] = view.Manager.Id },
            });
        }

        if (view.Viewer is Viewer.Lead or Viewer.Overseer)
        {
            actions.Add(Open(Texts.Annual.BackToTeam.In(language), null, view.Year));
        }

        return new AdaptiveCard { FallbackText = title, Body = body, Actions = actions.Count > 0 ? actions : null };
    }

    private static void Input(List<CardElement> items, Dictionary<string, string> typed, Dictionary<string, string> errors, string id, string label, int maxLength, bool multiline)
    {
        items.Add(new TextInput { Id = id, Label = label, Value = typed.GetValueOrDefault(id), MaxLength = maxLength, IsMultiline = multiline ? true : null });
        if (errors.TryGetValue(id, out var error))
        {
            items.Add(new TextBlock(error) { Id = "error." + id, Color = TextColor.Attention, Size = TextSize.Small, Spacing = Spacing.None, Wrap = true });
        }
    }

    private static ExecuteAction Open(string title, string? managerId, int year)
    {
        var data = new JsonObject { ["verb"] = AnnualVerb, ["year"] = Key(year) };
        if (managerId is not null)
        {
            data["managerId"] = managerId;
        }

        return new ExecuteAction { Title = title, Verb = AnnualVerb, Data = data };
    }
}
