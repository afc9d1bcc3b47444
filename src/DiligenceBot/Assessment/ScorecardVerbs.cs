using DiligenceBot.Conversations;
using DiligenceBot.Input;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;
using DiligenceBot.Records;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Assessment;

/// <summary>
/// "scorecard [YYYY-MM | YYYY-Qn] [manager]" / "考核 [YYYY-MM | YYYY-Qn] [客户经理]" (and the cards' buttons, which carry
/// a period and a manager id): the scorecards, for the people who run the record checks (a team's lead and
/// delegates, the lead chain above, admins) on the managers they check — never on themselves. Without a manager, every
/// manager they check, ranked; with one, that manager's draft (with the inputs to score, adjust and publish it for the
/// team's lead or a delegate once the period is over) or, once published, the published scorecard. The period defaults
/// to last month. Someone who checks no one (a manager) gets their own published scorecards instead: never a draft.
/// </summary>
public sealed class ScorecardVerb(RecordCheckDesk desk, ScorecardBook book, ScorecardValues values, TimeProvider time) : IBotVerb
{
    internal static readonly RecordCheckDesk.ChooserTexts Chooser = new(Texts.Scorecards.ForLeads, Texts.Scorecards.UnknownManager, Texts.Scorecards.SeveralMatch,
        Texts.Scorecards.ListSeparator, Texts.Scorecards.NotYourself, Texts.Scorecards.NotYours, Texts.Scorecards.NoManagers);

    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Person is not { } person || person.TenantId != request.TenantId)
        {
            return BotAnswer.Refused(Texts.Scorecards.NotInDirectory.In(language));
        }

        var (periodText, name) = request.Source == RequestSource.Text
            ? RecordCheckVerb.MonthAndName(request.Arguments)
            : (request.Card.String("period"), string.Empty);
        RecordPeriod? asked = null;
        if (periodText is not null)
        {
            if (ScorecardPeriods.Read(periodText) is not { } period)
            {
                return BotAnswer.Refused(Texts.Scorecards.BadPeriod.In(language));
            }

            asked = period;
        }

        var choice = await desk.ChooseAsync(request, person, name, Chooser, cancellationToken);
        if (!choice.IsChecker && name.Length == 0)
        {
            return await MyScorecardVerb.OwnAsync(book, request, person, asked, cancellationToken);
        }

        if (choice.Refusal is not null)
        {
            return choice.Refusal;
        }

        var manager = choice.Manager;
        var managers = manager is not null ? [manager] : choice.Checkable;
        var team = managers.Select(m => m.Team!).OrderBy(t => t.Id, StringComparer.Ordinal).First();
        var thisMonth = desk.ThisMonth(team);
        var chosen = asked ?? RecordPeriod.Holding(RecordPeriodKind.Monthly, thisMonth).Previous;
        if (chosen.First > thisMonth)
        {
            return BotAnswer.Refused(Texts.Scorecards.FuturePeriod.Format(language, chosen.Name(language)));
        }

        var published = await PublishedAsync(book, person.TenantId, managers, chosen, cancellationToken);
        if (manager is not null && published.TryGetValue(manager.Id, out var card))
        {
            var viewer = (await book.DecidersAsync(card, cancellationToken)).Contains(person.Id) ? ScorecardCards.Viewer.Decider : ScorecardCards.Viewer.Lead;
            return BotAnswer.WithCard(ScorecardCards.Published(await ScorecardViews.OfAsync(book, card, viewer, cancellationToken), language));
        }

        var drafts = await DraftsAsync(book, values, managers, published, chosen, thisMonth, cancellationToken);
        var today = team.LocalDate(time.GetUtcNow());
        var until = chosen.Last < today ? chosen.Last.AddDays(1) : today;
        if (manager is not null)
        {
            var publishes = ScorecardPeriods.MayPublish(person, manager) && chosen.Last < manager.Team!.LocalDate(time.GetUtcNow());
            return BotAnswer.WithCard(ScorecardCards.Manager(drafts.Single(), chosen, until, language, publishes ? new([], [], null) : null));
        }

        var teams = drafts.GroupBy(d => d.Team.Id, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ScorecardCards.TeamDrafts(g.First().Team, [.. g])).ToList();
        return BotAnswer.WithCard(ScorecardCards.Teams(teams, chosen, until, language));
    }

    /// <summary>The managers' published scorecards of the period (with dimensions and indicators), by manager id.</summary>
    internal static Task<Dictionary<string, PublishedScorecard>> PublishedAsync(ScorecardBook book, string tenantId, IReadOnlyList<Person> managers, RecordPeriod period, CancellationToken cancellationToken)
    {
        var ids = managers.Select(m => m.Id).ToList();
        return book.Scorecards.AsNoTracking()
            .Where(s => s.TenantId == tenantId && s.PeriodKey == period.Key && ids.Contains(s.ManagerId))
            .ToDictionaryAsync(s => s.ManagerId, StringComparer.Ordinal, cancellationToken);
    }

    /// <summary>What the team card lists (and the export writes): each manager's draft as the rules score it, with the published total.</summary>
    internal static async Task<List<ScorecardCards.Draft>> DraftsAsync(ScorecardBook book, ScorecardValues values, IReadOnlyList<Person> managers,
        Dictionary<string, PublishedScorecard> published, RecordPeriod period, DateOnly thisMonth, CancellationToken cancellationToken)
    {
        var measured = await values.OfAsync(managers, period, thisMonth, cancellationToken);
        return managers.Where(m => measured.ContainsKey(m.Id))
            .Select(m => new ScorecardCards.Draft(m, m.Team!, book.Rules.Score(measured[m.Id]), published.TryGetValue(m.Id, out var p) ? ScorecardBook.Total(p) : null)).ToList();
    }
}

/// <summary>The scorecards' periods (a month or a quarter) and who publishes.</summary>
public static class ScorecardPeriods
{
    /// <summary>2026-11 or 2026-Q4 as typed or carried by a card; null otherwise.</summary>
    public static RecordPeriod? Read(string? text) =>
        RecordPeriod.TryParse(RecordPeriodKind.Monthly, text, out var period) || RecordPeriod.TryParse(RecordPeriodKind.Quarterly, text, out period) ? period : null;

    /// <summary>The team's lead or a delegate scores, adjusts and publishes (the lead chain and admins see drafts; the lead's own manager decides objections).</summary>
    public static bool MayPublish(Person person, Person manager) =>
        manager.Id != person.Id && manager.TenantId == person.TenantId && manager.Team is { } team && team.IsReviewer(person.Id);
}

/// <summary>Builds what a published scorecard's card shows, for whoever looks at it.</summary>
public static class ScorecardViews
{
    public static async Task<ScorecardCards.PublishedView> OfAsync(ScorecardBook book, PublishedScorecard card, ScorecardCards.Viewer viewer, CancellationToken cancellationToken)
    {
        var manager = await book.Db.People.AsNoTracking().SingleAsync(p => p.Id == card.ManagerId, cancellationToken);
        var team = await book.TeamAsync(card, cancellationToken);
        var previous = await book.PreviousAsync(card, cancellationToken);
        var names = await book.NamesAsync([card.PublishedById, card.DeciderId, card.DecidedById], cancellationToken);
        var rank = viewer == ScorecardCards.Viewer.Manager && book.Options.ShowsRanking(card.TenantId) ? await book.RankAsync(card, cancellationToken) : ((int, int)?)null;
        return new ScorecardCards.PublishedView(card, manager, team, previous, names, book.Today(team), viewer, rank);
    }
}

/// <summary>"my scorecard [YYYY-MM | YYYY-Qn]" / "我的考核": a manager's own published scorecard (the latest, or the period asked).</summary>
public sealed class MyScorecardVerb(ScorecardBook book) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Person is not { } person || person.TenantId != request.TenantId)
        {
            return BotAnswer.Refused(Texts.Scorecards.NotInDirectory.In(language));
        }

        var text = request.Source == RequestSource.Text ? UserText.Words(request.Arguments) : request.Card.String("period");
        RecordPeriod? asked = null;
        if (!string.IsNullOrEmpty(text))
        {
            if (ScorecardPeriods.Read(text) is not { } period)
            {
                return BotAnswer.Refused(Texts.Scorecards.BadPeriod.In(language));
            }

            asked = period;
        }

        return await OwnAsync(book, request, person, asked, cancellationToken);
    }

    internal static async Task<BotAnswer> OwnAsync(ScorecardBook book, BotRequest request, Person person, RecordPeriod? asked, CancellationToken cancellationToken)
    {
        var language = request.Language;
        var mine = book.Scorecards.AsNoTracking().Where(s => s.TenantId == person.TenantId && s.ManagerId == person.Id);
        var card = asked is { } period
            ? await mine.SingleOrDefaultAsync(s => s.PeriodKey == period.Key, cancellationToken)
            : (await mine.ToListAsync(cancellationToken)).OrderBy(s => s.Period.Last).ThenBy(s => s.PublishedAt).LastOrDefault();
        if (card is null)
        {
            return BotAnswer.Refused(asked is { } p
                ? Texts.Scorecards.NoneForPeriod.Format(language, p.Name(language))
                : Texts.Scorecards.NoneYet.In(language));
        }

        return BotAnswer.WithCard(ScorecardCards.Published(await ScorecardViews.OfAsync(book, card, ScorecardCards.Viewer.Manager, cancellationToken), language));
    }
}

/// <summary>
/// Publish, from the lead's draft card: only the team's lead or a delegate, never on themselves, only once the period
/// is over, only once (published is locked: amendments go through objections). Every not-measured indicator scored with
/// a reason and every adjustment within bounds with a reason, or the card comes back with what was typed and each error.
/// </summary>
public sealed class ScorecardPublishVerb(RecordCheckDesk desk, ScorecardBook book, ScorecardValues values) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Person is not { } person || person.TenantId != request.TenantId)
        {
            return BotAnswer.Refused(Texts.Scorecards.NotInDirectory.In(language));
        }

        if (ScorecardPeriods.Read(request.Card.String("period")) is not { } period || request.Card.String("managerId") is not { Length: > 0 } managerId)
        {
            return BotAnswer.Refused(Texts.Common.CardOutOfDate.In(language));
        }

        if (await desk.ManagerAsync(person.TenantId, managerId, cancellationToken) is not { } manager)
        {
            return BotAnswer.Refused(Texts.Scorecards.UnknownManager.Format(language, managerId));
        }

        if (manager.Id == person.Id)
        {
            return BotAnswer.Refused(Texts.Scorecards.NotYourself.In(language));
        }

        if (!ScorecardPeriods.MayPublish(person, manager))
        {
            return BotAnswer.Refused(Texts.Scorecards.PublishLeadsOnly.Format(language, manager.DisplayName, WorkLogs.WorkLogCards.TeamName(manager.Team!, language)));
        }

        var today = book.Today(manager.Team!);
        if (period.Last >= today)
        {
            return BotAnswer.Refused(Texts.Scorecards.NotOverYet.Format(language, period.Name(language), CardDates.Long(period.Last.AddDays(1), language)));
        }

        if (await book.FindAsync(person.TenantId, manager.Id, period, cancellationToken) is { } existing)
        {
            return await AlreadyAsync(existing, language, cancellationToken);
        }

        var thisMonth = desk.ThisMonth(manager.Team!);
        var measured = await values.OfAsync([manager], period, thisMonth, cancellationToken);
        var draft = book.Rules.Score(measured[manager.Id]);
        var form = ScorecardBook.ReadForm(draft, request.Card, language);
        if (form.Errors.Count > 0)
        {
            var notice = form.Unscored.Count > 0
                ? Texts.Scorecards.Unscored.Format(language, string.Join(Texts.Scorecards.ListSeparator.In(language), form.Unscored))
                : Texts.Scorecards.FixErrors.In(language);
            return BotAnswer.WithCard(ScorecardCards.Manager(new(manager, manager.Team!, draft), period, period.Last.AddDays(1), language, new(form.Typed, form.Errors, notice)));
        }

        if (await book.PublishAsync(request, person, manager, period, draft, form, cancellationToken) is not { } card)
        {
            return await book.FindAsync(person.TenantId, manager.Id, period, cancellationToken) is { } other
                ? await AlreadyAsync(other, language, cancellationToken)
                : BotAnswer.Refused(Texts.Common.CardOutOfDate.In(language));
        }

        var view = await ScorecardViews.OfAsync(book, card, ScorecardCards.Viewer.Lead, cancellationToken);
        return BotAnswer.WithCard(ScorecardCards.Published(view, language, notice: Texts.Scorecards.PublishedNotice.Format(language, manager.DisplayName, CardDates.Long(card.RespondBy, language))));
    }

    /// <summary>Published before (by this lead a moment ago, or by someone else): the published card, saying it is locked.</summary>
    private async Task<BotAnswer> AlreadyAsync(PublishedScorecard existing, Language language, CancellationToken cancellationToken)
    {
        var view = await ScorecardViews.OfAsync(book, existing, ScorecardCards.Viewer.Lead, cancellationToken);
        var names = view.Names;
        return BotAnswer.WithCard(ScorecardCards.Published(view, language, errors: new() { ["locked"] = string.Empty },
            notice: Texts.Scorecards.AlreadyPublished.Format(language, names.GetValueOrDefault(existing.PublishedById, existing.PublishedById),
                CardDates.Long(view.Team.LocalDate(existing.PublishedAt), language))));
    }
}

/// <summary>
/// Acknowledge or Object (with a required reason), only by the manager the scorecard is about, only while it is
/// published and unanswered, only by the deadline. An objection goes to the lead's own manager (or the admins).
/// </summary>
public sealed class ScorecardAnswerVerb(ScorecardBook book) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        var (person, card, refusal) = await book.TappedAsync(request, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var id = card!.Id;

        if (card.ManagerId != person.Id)
        {
            return BotAnswer.Refused(Texts.Scorecards.AnswerOwnOnly.In(language));
        }

        var objects = request.Verb == ScorecardCards.ObjectVerb;
        var reason = UserText.Clean(request.Card.String(ScorecardCards.ReasonInput));
        var typed = new Dictionary<string, string>(StringComparer.Ordinal) { [ScorecardCards.ReasonInput] = request.Card.String(ScorecardCards.ReasonInput) ?? string.Empty };
        if (card.State != ScorecardState.Published)
        {
            // The same answer delivered again shows the card as it stands; another answer is refused.
            if (card.State == (objects ? ScorecardState.Objected : ScorecardState.Acknowledged))
            {
                return BotAnswer.WithCard(ScorecardCards.Published(await ScorecardViews.OfAsync(book, card, ScorecardCards.Viewer.Manager, cancellationToken), language));
            }

            return BotAnswer.Refused(Texts.Scorecards.AlreadyAnswered.In(language));
        }

        var team = await book.TeamAsync(card, cancellationToken);
        if (book.PastDeadline(card, team))
        {
            return BotAnswer.Refused(Texts.Scorecards.DeadlinePassed.Format(language, CardDates.Long(card.RespondBy, language)));
        }

        string? error = null;
        if (objects && reason.Length == 0)
        {
            error = Texts.Scorecards.ObjectionReasonMissing.In(language);
        }
        else if (reason.Length > ScorecardLimits.Reason)
        {
            error = Texts.Scorecards.ReasonTooLong.Format(language, ScorecardLimits.Reason);
        }

        if (error is not null)
        {
            var view = await ScorecardViews.OfAsync(book, card, ScorecardCards.Viewer.Manager, cancellationToken);
            return BotAnswer.WithCard(ScorecardCards.Published(view, language, typed, new() { [ScorecardCards.ReasonInput] = error }, error));
        }

        if (!await book.AnswerAsync(request, card, objects, objects ? reason : null, cancellationToken))
        {
            card = (await book.FindAsync(person.TenantId, id, cancellationToken))!;
        }

        var answered = await ScorecardViews.OfAsync(book, card, ScorecardCards.Viewer.Manager, cancellationToken);
        var notice = card.State switch
        {
            ScorecardState.Objected => Texts.Scorecards.ObjectionSent.Format(language, answered.Names.GetValueOrDefault(card.DeciderId ?? string.Empty) ?? Texts.Scorecards.AnAdmin.In(language)),
            ScorecardState.Acknowledged => Texts.Scorecards.AcknowledgedNotice.In(language),
            _ => null,
        };
        return BotAnswer.WithCard(ScorecardCards.Published(answered, language, notice: notice));
    }
}

/// <summary>
/// Uphold or Amend an objection: only the lead's own manager (or, when the lead reports to nobody, an admin other than
/// the lead), only while it is objected; a reason always; amended dimensions within the lead's bounds (what the
/// indicators scored ± maxAdjustment, within 0 and the weight), at least one changed. The manager and the lead are told.
/// </summary>
public sealed class ScorecardDecideVerb(ScorecardBook book) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        var (person, card, refusal) = await book.TappedAsync(request, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var id = card!.Id;

        var deciders = await book.DecidersAsync(card, cancellationToken);
        if (!deciders.Contains(person.Id))
        {
            var names = await book.NamesAsync([card.DeciderId], cancellationToken);
            return BotAnswer.Refused(Texts.Scorecards.DecideOnly.Format(language, card.DeciderId is { } d ? names.GetValueOrDefault(d, d) : Texts.Scorecards.AnAdmin.In(language)));
        }

        var amends = request.Verb == ScorecardCards.AmendVerb;
        if (card.State != ScorecardState.Objected)
        {
            if (card.State == (amends ? ScorecardState.Amended : ScorecardState.Upheld))
            {
                return BotAnswer.WithCard(ScorecardCards.Published(await ScorecardViews.OfAsync(book, card, ScorecardCards.Viewer.Decider, cancellationToken), language));
            }

            return BotAnswer.Refused(card.State is ScorecardState.Upheld or ScorecardState.Amended ? Texts.Scorecards.AlreadyDecided.In(language) : Texts.Scorecards.NoObjection.In(language));
        }

        var keys = card.Dimensions.Select(d => ScorecardCards.AmendInput(d.DimensionId)).Append(ScorecardCards.DecisionReasonInput);
        var typed = request.Card.Inputs(keys);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var reason = UserText.Clean(typed.GetValueOrDefault(ScorecardCards.DecisionReasonInput));
        if (reason.Length == 0)
        {
            errors[ScorecardCards.DecisionReasonInput] = Texts.Scorecards.DecisionReasonMissing.In(language);
        }
        else if (reason.Length > ScorecardLimits.Reason)
        {
            errors[ScorecardCards.DecisionReasonInput] = Texts.Scorecards.ReasonTooLong.Format(language, ScorecardLimits.Reason);
        }

        Dictionary<string, decimal>? amended = null;
        if (amends)
        {
            amended = new(StringComparer.Ordinal);
            foreach (var dimension in card.Dimensions.OrderBy(d => d.Order))
            {
                var key = ScorecardCards.AmendInput(dimension.DimensionId);
                var text = UserText.Clean(typed.GetValueOrDefault(key));
                if (text.Length == 0)
                {
                    continue;
                }

                var low = Math.Max(0, dimension.Scored - dimension.MaxAdjustment);
                var high = Math.Min(dimension.Weight, dimension.Scored + dimension.MaxAdjustment);
                var label = Texts.Scorecards.AmendLabel.Format(language, dimension.Name(language), ScorecardBook.Format(low), ScorecardBook.Format(high));
                if (ScorecardBook.Points(text, low, high, label, language, out var points) is { } error)
                {
                    errors[key] = error;
                }
                else if (points != dimension.Published)
                {
                    amended[dimension.DimensionId] = points;
                }
            }
        }

        string? notice = errors.Count > 0 ? Texts.Scorecards.FixErrors.In(language) : null;
        if (errors.Count == 0 && amended is { Count: 0 })
        {
            notice = Texts.Scorecards.AmendNothing.In(language);
            errors["amend"] = notice;
        }

        if (errors.Count > 0)
        {
            var view = await ScorecardViews.OfAsync(book, card, ScorecardCards.Viewer.Decider, cancellationToken);
            return BotAnswer.WithCard(ScorecardCards.Published(view, language, typed, errors, notice));
        }

        if (!await book.DecideAsync(request, person, card, amended, reason, cancellationToken))
        {
            card = (await book.FindAsync(person.TenantId, id, cancellationToken))!;
        }

        var decided = await ScorecardViews.OfAsync(book, card, ScorecardCards.Viewer.Decider, cancellationToken);
        return BotAnswer.WithCard(ScorecardCards.Published(decided, language, notice: Texts.Scorecards.DecidedNotice.Format(language, decided.Manager.DisplayName)));
    }
}
