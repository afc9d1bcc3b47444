using System.Globalization;
using DiligenceBot.Coaching;
using DiligenceBot.Conversations;
using DiligenceBot.Input;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;
using DiligenceBot.Records;
using DiligenceBot.WorkLogs;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Assessment;

/// <summary>Builds what a manager's yearly review card shows, for whoever looks at it.</summary>
public sealed class AnnualViews(AnnualBook book, SkillsResults skills, CoachingLibrary library)
{
    public async Task<AnnualCards.ManagerView> OfAsync(Person manager, int year, AnnualFigures figures, AnnualReview? review, AnnualCards.Viewer viewer, CancellationToken cancellationToken)
    {
        var team = manager.Team ?? await book.Db.Teams.AsNoTracking().SingleAsync(t => t.Id == manager.TeamId, cancellationToken);
        var coaching = await book.CoachingAsync(manager, team, year, cancellationToken);
        var names = await book.NamesAsync([review?.SubmittedById, review?.DeciderId, review?.DecidedById], cancellationToken);
        var skill = (await skills.LatestForAsync(manager.TenantId, [manager.Id], year, cancellationToken)).GetValueOrDefault(manager.Id);
        return new(manager, team, year, figures, review, skill, coaching, library, names, viewer, book.YearOver(team, year), book.Scorecards.Options.ShowsRanking(manager.TenantId));
    }

    /// <summary>The card of one manager's review as it stands, by review (a message, a stale button).</summary>
    public async Task<AnnualCards.ManagerView> OfAsync(AnnualReview review, AnnualCards.Viewer viewer, CancellationToken cancellationToken)
    {
        var manager = await book.Db.People.AsNoTracking().Include(p => p.Team).SingleAsync(p => p.TenantId == review.TenantId && p.Id == review.ManagerId, cancellationToken);
        var figures = (await book.FiguresAsync(review.TenantId, [manager], review.Year, cancellationToken))[manager.Id];
        return await OfAsync(manager, review.Year, figures, review, viewer, cancellationToken);
    }
}

/// <summary>
/// "annual [YYYY] [manager]" / "年度考评 [YYYY] [客户经理]" (and the cards' buttons, which carry a year and a manager id):
/// the yearly reviews, for the people who see the managers' scorecards (a team's lead and delegates, the lead chain
/// above, admins), never on themselves: without a manager, each team's managers with their yearly scores and ranks;
/// with one, that manager's review (to write and submit for the lead or a delegate; to decide for the decider of a
/// proposal). The year defaults to last month's. Someone who checks no one gets their own finished review.
/// </summary>
public sealed class AnnualVerb(RecordCheckDesk desk, AnnualBook book, AnnualViews views) : IBotVerb
{
    internal static readonly RecordCheckDesk.ChooserTexts Chooser = new(Texts.Annual.ForLeads, Texts.Annual.UnknownManager, Texts.Scorecards.SeveralMatch,
        Texts.Scorecards.ListSeparator, Texts.Annual.NotYourself, Texts.Annual.NotYours, Texts.Scorecards.NoManagers);

    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Person is not { } person || person.TenantId != request.TenantId)
        {
            return BotAnswer.Refused(Texts.Scorecards.NotInDirectory.In(language));
        }

        var (yearText, name) = request.Source == RequestSource.Text ? RecordCheckVerb.MonthAndName(request.Arguments) : (request.Card.String("year"), string.Empty);
        int? asked = null;
        if (yearText is not null)
        {
            if (AnnualYears.Read(yearText) is not { } year)
            {
                return BotAnswer.Refused(Texts.Annual.BadYear.In(language));
            }

            asked = year;
        }

        var choice = await desk.ChooseAsync(request, person, name, Chooser, cancellationToken);
        if (!choice.IsChecker && name.Length == 0)
        {
            return await MyAnnualVerb.OwnAsync(book, views, request, person, asked, cancellationToken);
        }

        if (choice.Refusal is not null)
        {
            return choice.Refusal;
        }

        var manager = choice.Manager;
        var managers = manager is not null ? [manager] : choice.Checkable;
        var teams = managers.Select(m => m.Team!).DistinctBy(t => t.Id).OrderBy(t => t.Id, StringComparer.Ordinal).ToList();
        var chosen = asked ?? book.DefaultYear(teams[0]);
        if (chosen > book.Today(teams[0]).Year)
        {
            return BotAnswer.Refused(Texts.Annual.FutureYear.Format(language, chosen));
        }

        var figures = await book.FiguresAsync(person.TenantId, managers, chosen, cancellationToken);
        var reviews = await book.ReviewsAsync(person.TenantId, managers.Select(m => m.Id), chosen, cancellationToken);
        if (manager is not null)
        {
            var review = reviews.GetValueOrDefault(manager.Id);
            var viewer = await ViewerAsync(book, person, manager, review, cancellationToken);
            return BotAnswer.WithCard(AnnualCards.Manager(await views.OfAsync(manager, chosen, figures[manager.Id], review, viewer, cancellationToken), language));
        }

        var rows = teams.Select(t => new AnnualCards.TeamRows(t, [.. managers.Where(m => m.TeamId == t.Id).Select(m => (figures[m.Id], reviews.GetValueOrDefault(m.Id)))])).ToList();
        return BotAnswer.WithCard(AnnualCards.Teams(rows, chosen, language));
    }

    /// <summary>The decider of a proposal decides; the team's lead or a delegate writes; the lead chain and admins read.</summary>
    internal static async Task<AnnualCards.Viewer> ViewerAsync(AnnualBook book, Person person, Person manager, AnnualReview? review, CancellationToken cancellationToken) =>
        review is { State: AnnualState.Proposed or AnnualState.Decided } && (await book.DecidersAsync(review, cancellationToken)).Contains(person.Id) ? AnnualCards.Viewer.Decider
        : ScorecardPeriods.MayPublish(person, manager) ? AnnualCards.Viewer.Lead
        : AnnualCards.Viewer.Overseer;
}

/// <summary>The years a review may be asked for.</summary>
public static class AnnualYears
{
    /// <summary>2026 as typed or carried by a card; null otherwise.</summary>
    public static int? Read(string? text) =>
        text is { Length: 4 } && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 2000 ? year : null;
}

/// <summary>"my annual review [YYYY]" / "我的年度考评": a manager's own review, once finished (not proposed, or decided).</summary>
public sealed class MyAnnualVerb(AnnualBook book, AnnualViews views) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Person is not { } person || person.TenantId != request.TenantId)
        {
            return BotAnswer.Refused(Texts.Scorecards.NotInDirectory.In(language));
        }

        var text = request.Source == RequestSource.Text ? UserText.Words(request.Arguments) : request.Card.String("year");
        int? asked = null;
        if (!string.IsNullOrEmpty(text))
        {
            if (AnnualYears.Read(text) is not { } year)
            {
                return BotAnswer.Refused(Texts.Annual.BadYear.In(language));
            }

            asked = year;
        }

        return await OwnAsync(book, views, request, person, asked, cancellationToken);
    }

    /// <summary>
    /// The manager's own review: only once finished (a review waiting for the team or for a decision is the lead's and the
    /// decider's for now), the latest such or the year asked.
    /// </summary>
    internal static async Task<BotAnswer> OwnAsync(AnnualBook book, AnnualViews views, BotRequest request, Person person, int? asked, CancellationToken cancellationToken)
    {
        var language = request.Language;
        var finished = await book.Db.Set<AnnualReview>().AsNoTracking()
            .Where(r => r.TenantId == person.TenantId && r.ManagerId == person.Id && (r.State == AnnualState.Finished || r.State == AnnualState.Decided))
            .ToListAsync(cancellationToken);
        var review = asked is { } year ? finished.SingleOrDefault(r => r.Year == year) : finished.MaxBy(r => r.Year);
        if (review is null)
        {
            return BotAnswer.Refused(asked is { } y ? Texts.Annual.NotFinished.Format(language, y) : Texts.Annual.NoneFinished.In(language));
        }

        return BotAnswer.WithCard(AnnualCards.Manager(await views.OfAsync(review, AnnualCards.Viewer.Manager, cancellationToken), language));
    }
}

/// <summary>
/// Submit, from the lead's card of a manager: only the team's lead or a delegate, never on themselves, only once the year
/// is over, only once, with the overall evaluation (required; an error comes back on the card with what was typed).
/// </summary>
public sealed class AnnualSubmitVerb(RecordCheckDesk desk, AnnualBook book, AnnualViews views) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Person is not { } person || person.TenantId != request.TenantId)
        {
            return BotAnswer.Refused(Texts.Scorecards.NotInDirectory.In(language));
        }

        if (AnnualYears.Read(request.Card.String("year")) is not { } year || request.Card.String("managerId") is not { Length: > 0 } managerId)
        {
            return BotAnswer.Refused(Texts.Common.CardOutOfDate.In(language));
        }

        if (await desk.ManagerAsync(person.TenantId, managerId, cancellationToken) is not { } manager)
        {
            return BotAnswer.Refused(Texts.Annual.UnknownManager.Format(language, managerId));
        }

        if (manager.Id == person.Id)
        {
            return BotAnswer.Refused(Texts.Annual.NotYourself.In(language));
        }

        if (!ScorecardPeriods.MayPublish(person, manager))
        {
            return BotAnswer.Refused(Texts.Annual.SubmitLeadsOnly.Format(language, manager.DisplayName, WorkLogCards.TeamName(manager.Team!, language)));
        }

        if (!book.YearOver(manager.Team!, year))
        {
            return BotAnswer.Refused(Texts.Annual.StatusYearNotOver.Format(language, year, CardDates.Long(new DateOnly(year + 1, 1, 1), language)));
        }

        var figures = (await book.FiguresAsync(person.TenantId, [manager], year, cancellationToken))[manager.Id];
        var existing = (await book.ReviewsAsync(person.TenantId, [manager.Id], year, cancellationToken)).GetValueOrDefault(manager.Id);
        if (existing is not null)
        {
            return await AlreadyAsync(person, manager, year, figures, existing, language, cancellationToken);
        }

        var typed = request.Card.Inputs([AnnualCards.EvaluationInput]);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        string? evaluation = null;
        if (UserText.IsBlank(typed.GetValueOrDefault(AnnualCards.EvaluationInput)))
        {
            errors[AnnualCards.EvaluationInput] = Texts.Annual.EvaluationMissing.Format(language, manager.DisplayName);
        }
        else if (UserText.Check(typed[AnnualCards.EvaluationInput], new TextRule(AnnualLimits.Evaluation, Required: true), Texts.Annual.EvaluationLabel.In(language), language, out evaluation) is { } error)
        {
            errors[AnnualCards.EvaluationInput] = error;
        }

        if (errors.Count > 0)
        {
            var view = await views.OfAsync(manager, year, figures, null, AnnualCards.Viewer.Lead, cancellationToken);
            return BotAnswer.WithCard(AnnualCards.Manager(view, language, typed, errors, Texts.Annual.NotSubmitted.In(language)));
        }

        if (await book.SubmitAsync(request, person, manager, year, figures, evaluation!, cancellationToken) is not { } review)
        {
            return (await book.ReviewsAsync(person.TenantId, [manager.Id], year, cancellationToken)).GetValueOrDefault(manager.Id) is { } other
                ? await AlreadyAsync(person, manager, year, figures, other, language, cancellationToken)
                : BotAnswer.Refused(Texts.Common.CardOutOfDate.In(language));
        }

        var team = WorkLogCards.TeamName(manager.Team!, language);
        string notice;
        if (review.State == AnnualState.Submitted)
        {
            notice = Texts.Annual.SubmittedWaiting.Format(language, team);
        }
        else
        {
            var proposed = await book.Db.Set<AnnualReview>().AsNoTracking()
                .CountAsync(r => r.TenantId == review.TenantId && r.TeamId == review.TeamId && r.Year == year && r.State == AnnualState.Proposed, cancellationToken);
            var decider = (await book.NamesAsync([review.DeciderId], cancellationToken)).GetValueOrDefault(review.DeciderId ?? string.Empty) ?? Texts.Scorecards.AnAdmin.In(language);
            notice = Texts.Annual.SubmittedComplete.Format(language, team, proposed, decider);
        }

        var submitted = await views.OfAsync(manager, year, figures, review, await AnnualVerb.ViewerAsync(book, person, manager, review, cancellationToken), cancellationToken);
        return BotAnswer.WithCard(AnnualCards.Manager(submitted, language, notice: notice));
    }

    /// <summary>Submitted before (a second tap, another delegate): the review as it stands, saying it is locked.</summary>
    private async Task<BotAnswer> AlreadyAsync(Person person, Person manager, int year, AnnualFigures figures, AnnualReview existing, Language language, CancellationToken cancellationToken)
    {
        var view = await views.OfAsync(manager, year, figures, existing, await AnnualVerb.ViewerAsync(book, person, manager, existing, cancellationToken), cancellationToken);
        var by = view.Names.GetValueOrDefault(existing.SubmittedById, existing.SubmittedById);
        return BotAnswer.WithCard(AnnualCards.Manager(view, language, errors: new() { ["locked"] = string.Empty },
            notice: Texts.Annual.AlreadySubmitted.Format(language, by, CardDates.Long(view.Team.LocalDate(existing.SubmittedAt), language))));
    }
}

/// <summary>
/// Decide a proposal: only its decider (the lead's own manager, or the admins when nobody is above the lead), only while
/// proposed, once: one of advance, keep, improvement plan, exit review, with a required reason. A stale card (decided
/// meanwhile) gets the review as it stands.
/// </summary>
public sealed class AnnualDecideVerb(AnnualBook book, AnnualViews views) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Person is not { } person || person.TenantId != request.TenantId)
        {
            return BotAnswer.Refused(Texts.Scorecards.NotInDirectory.In(language));
        }

        if (request.Card.Guid("reviewId") is not { } id || await book.FindAsync(person.TenantId, id, cancellationToken) is not { } review)
        {
            return BotAnswer.Refused(Texts.Common.CardOutOfDate.In(language));
        }

        if (!(await book.DecidersAsync(review, cancellationToken)).Contains(person.Id))
        {
            var names = await book.NamesAsync([review.DeciderId], cancellationToken);
            return BotAnswer.Refused(Texts.Annual.DecideOnly.Format(language, review.DeciderId is { } d ? names.GetValueOrDefault(d, d) : Texts.Scorecards.AnAdmin.In(language)));
        }

        if (review.State != AnnualState.Proposed)
        {
            if (review.State != AnnualState.Decided)
            {
                return BotAnswer.Refused(Texts.Annual.NothingToDecide.In(language));
            }

            var current = await views.OfAsync(review, AnnualCards.Viewer.Decider, cancellationToken);
            return BotAnswer.WithCard(AnnualCards.Manager(current, language, errors: new() { ["locked"] = string.Empty },
                notice: Texts.Annual.AlreadyDecided.Format(language, current.Names.GetValueOrDefault(review.DecidedById!, review.DecidedById!))));
        }

        var typed = request.Card.Inputs([AnnualCards.DecisionInput, AnnualCards.ReasonInput]);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var chosen = Enum.GetValues<AnnualDecision>().Where(d => AnnualCards.DecisionKey(d) == typed.GetValueOrDefault(AnnualCards.DecisionInput)).Select(d => (AnnualDecision?)d).SingleOrDefault();
        if (chosen is null)
        {
            errors[AnnualCards.DecisionInput] = Texts.Annual.DecisionMissing.In(language);
        }

        string? reason = null;
        if (UserText.IsBlank(typed.GetValueOrDefault(AnnualCards.ReasonInput)))
        {
            errors[AnnualCards.ReasonInput] = Texts.Annual.ReasonMissing.In(language);
        }
        else if (UserText.Check(typed[AnnualCards.ReasonInput], new TextRule(AnnualLimits.Reason, Required: true), Texts.Annual.ReasonLabel.In(language), language, out reason) is { } error)
        {
            errors[AnnualCards.ReasonInput] = error;
        }

        if (errors.Count > 0)
        {
            var view = await views.OfAsync(review, AnnualCards.Viewer.Decider, cancellationToken);
            return BotAnswer.WithCard(AnnualCards.Manager(view, language, typed, errors, Texts.Annual.NotDecided.In(language)));
        }

        if (!await book.DecideAsync(request, person, review, chosen!.Value, reason!, cancellationToken))
        {
            review = (await book.FindAsync(person.TenantId, id, cancellationToken))!;
        }

        var decided = await views.OfAsync(review, AnnualCards.Viewer.Decider, cancellationToken);
        return BotAnswer.WithCard(AnnualCards.Manager(decided, language, notice: review.DecidedById == person.Id
            ? Texts.Annual.DecidedNotice.Format(language, decided.Manager.DisplayName)
            : Texts.Annual.AlreadyDecided.Format(language, decided.Names.GetValueOrDefault(review.DecidedById!, review.DecidedById!))));
    }
}
