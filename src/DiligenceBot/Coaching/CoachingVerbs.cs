using System.Globalization;
using System.Text.Json;
using DiligenceBot.Conversations;
using DiligenceBot.Input;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;
using DiligenceBot.Transfers;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Coaching;

internal static class CoachingRequest
{
    public static ManagerType? Type(string? key) =>
        key is null ? null : Enum.GetValues<ManagerType>().Cast<ManagerType?>().FirstOrDefault(t => CoachingLibrary.TypeKey(t!.Value) == key);

    /// <summary>
    /// The manager a card button is about, and whether the person asking may coach them. Null answer = go on;
    /// otherwise the refusal to give.
    /// </summary>
    public static async Task<(Person? Manager, BotAnswer? Refusal)> ManagerFromCardAsync(CoachingDesk desk, BotRequest request, Person lead, string? managerId, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (await desk.PersonAsync(request.TenantId, managerId, cancellationToken) is not { } manager)
        {
            return (null, BotAnswer.Refused(managerId is null ? Texts.Common.CardOutOfDate.In(language) : Texts.Coaching.UnknownManager.In(language)));
        }

        return await desk.MayCoachAsync(lead, manager, cancellationToken)
            ? (manager, null)
            : (null, BotAnswer.Refused(Texts.Coaching.NotInLeadChain.Format(language, manager.DisplayName)));
    }

    /// <summary>
    /// Who asks (a known person of this tenant) and the manager a card button is about, when the one may coach the
    /// other; otherwise the refusal to give, in the asker's language.
    /// </summary>
    public static async Task<(Person Lead, Person Manager, BotAnswer? Refusal)> LeadAndManagerAsync(CoachingDesk desk, BotRequest request, string? managerId, CancellationToken cancellationToken)
    {
        if (!Known(request, out var lead))
        {
            return (null!, null!, BotAnswer.Refused(Texts.Coaching.NotKnown.In(request.Language)));
        }

        var (manager, refusal) = await ManagerFromCardAsync(desk, request, lead, managerId, cancellationToken);
        return (lead, manager!, refusal);
    }

    public static bool Known(BotRequest request, out Person person)
    {
        person = request.Person!;
        return request.Person is { } p && p.TenantId == request.TenantId;
    }
}

/// <summary>
/// "coach NAME" / "辅导 NAME" (and the card's refresh and buttons): a manager's coaching card, for their lead chain
/// only. Without a name, or when several match, the lead picks from the managers they coach.
/// </summary>
public sealed class CoachVerb(CoachingDesk desk) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (!CoachingRequest.Known(request, out var lead))
        {
            return BotAnswer.Refused(Texts.Coaching.NotKnown.In(language));
        }

        // A card's button names its manager; the welcome and help cards' "Coach" button names nobody, like typing "coach".
        if (request.Source != RequestSource.Text && request.Card.String("managerId") is { Length: > 0 })
        {
            var (manager, refusal) = await CoachingRequest.ManagerFromCardAsync(desk, request, lead, request.Card.String("managerId"), cancellationToken);
            return refusal ?? await OpenAsync(manager!, request, cancellationToken);
        }

        var coachable = await desk.CoachableByAsync(lead, cancellationToken);
        var query = request.Arguments.Trim();
        if (query.Length == 0)
        {
            return coachable.Count switch
            {
                0 => BotAnswer.Refused(Texts.Coaching.NobodyToCoach.In(language)),
                1 => await OpenAsync(coachable[0], request, cancellationToken),
                _ => BotAnswer.WithCard(CoachingCards.Pick(coachable, null, language)),
            };
        }

        var matches = PeopleByName.Matching(coachable, query);
        if (matches.Count == 1)
        {
            return await OpenAsync(matches[0], request, cancellationToken);
        }

        if (matches.Count > 1)
        {
            return BotAnswer.WithCard(CoachingCards.Pick(matches, Texts.Coaching.SeveralMatch.Format(language, query), language));
        }

        var everyone = await desk.Db.People.AsNoTracking().Where(p => p.TenantId == lead.TenantId && p.TeamId != null).ToListAsync(cancellationToken);
        if (PeopleByName.Matching(everyone, query) is [var someone, ..])
        {
            return BotAnswer.Refused(Texts.Coaching.NotInLeadChain.Format(language, someone.DisplayName));
        }

        return coachable.Count == 0
            ? BotAnswer.Refused(Texts.Coaching.NobodyToCoach.In(language))
            : BotAnswer.WithCard(CoachingCards.Pick(coachable, Texts.Coaching.NoMatch.Format(language, query), language));
    }

    private async Task<BotAnswer> OpenAsync(Person manager, BotRequest request, CancellationToken cancellationToken) =>
        await desk.ViewAsync(manager, cancellationToken) is { } view
            ? BotAnswer.WithCard(CoachingCards.Coach(view, desk.Library, request.Language, request.Activity.From?.Id))
            : BotAnswer.Refused(Texts.Coaching.UnknownManager.In(request.Language));
}

/// <summary>
/// The lead confirms the suggested type or chooses another (a reason is then required). Validated with everything
/// typed kept; a card older than the latest decision is answered with the current card; the same press delivered
/// again saves once.
/// </summary>
public sealed class DecideVerb(CoachingDesk desk) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        var (lead, manager, refusal) = await CoachingRequest.LeadAndManagerAsync(desk, request, request.Card.String("managerId"), cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var db = desk.Db;
        var viewer = request.Activity.From?.Id;
        var again = request.Activity.Id is { } activityId && await db.Set<CoachingAssessment>().AsNoTracking()
            .AnyAsync(a => a.ManagerId == manager.Id && a.SourceActivityId == activityId, cancellationToken);
        if (await desk.ViewAsync(manager, cancellationToken) is not { } view)
        {
            return BotAnswer.Refused(Texts.Coaching.UnknownManager.In(language));
        }

        if (again)
        {
            return BotAnswer.WithCard(CoachingCards.Coach(view, desk.Library, language, viewer, notice: Texts.Coaching.Saved.Format(language, desk.Library[view.Current!.ChosenType].Name.In(language))));
        }

        var typed = request.Card.Inputs([CoachingCards.TypeInput, CoachingCards.ReasonInput]);
        var basedOn = request.Card.String("basedOn") ?? string.Empty;
        if (basedOn != (view.Current?.Id.ToString() ?? string.Empty))
        {
            var who = view.Current is { } c ? view.Names.GetValueOrDefault(c.DecidedById) ?? c.DecidedById : "?";
            return BotAnswer.WithCard(CoachingCards.Coach(view, desk.Library, language, viewer, typed, notice: Texts.Coaching.StaleDecision.Format(language, who)));
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var suggested = CoachingRequest.Type(request.Card.String("suggested"));
        var chosen = CoachingRequest.Type(UserText.Clean(typed.GetValueOrDefault(CoachingCards.TypeInput)));
        if (chosen is null)
        {
            errors[CoachingCards.TypeInput] = Texts.Coaching.ErrorType.In(language);
        }

        var reason = TransferValidation.Text(typed, CoachingCards.ReasonInput, Texts.Coaching.ReasonShort, CoachingLimits.Reason, required: false, language, errors);
        // A reason is asked for only when the lead departs from a suggestion; with nothing suggested any type may be chosen.
        if (chosen is not null && suggested is not null && chosen != suggested && reason is null && !errors.ContainsKey(CoachingCards.ReasonInput))
        {
            errors[CoachingCards.ReasonInput] = Texts.Coaching.ReasonRequired.In(language);
        }

        if (errors.Count > 0)
        {
            return BotAnswer.WithCard(CoachingCards.Coach(view, desk.Library, language, viewer, typed, errors));
        }

        var open = await db.Set<CoachingAction>()
            .Where(a => a.TenantId == manager.TenantId && a.ManagerId == manager.Id && a.Status == CoachingActionStatus.Open)
            .ToListAsync(cancellationToken);
        var same = view.Current?.ChosenType == chosen;
        desk.Decide(request, lead, view, suggested, chosen!.Value, reason, open);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another decision took this number at the same moment (a colleague, or this very press delivered twice).
            db.ChangeTracker.Clear();
            var now = await desk.ViewAsync(manager, view.Suggestion, cancellationToken);
            var winner = now!.Current!;
            return BotAnswer.WithCard(winner.SourceActivityId == request.Activity.Id
                ? CoachingCards.Coach(now, desk.Library, language, viewer, notice: Texts.Coaching.Saved.Format(language, desk.Library[winner.ChosenType].Name.In(language)))
                : CoachingCards.Coach(now, desk.Library, language, viewer, typed, notice: Texts.Coaching.StaleDecision.Format(language, now.Names.GetValueOrDefault(winner.DecidedById) ?? winner.DecidedById)));
        }

        var saved = await desk.ViewAsync(manager, view.Suggestion, cancellationToken);
        var name = desk.Library[chosen.Value].Name.In(language);
        return BotAnswer.WithCard(CoachingCards.Coach(saved!, desk.Library, language, viewer,
            notice: (same ? Texts.Coaching.SavedSame : Texts.Coaching.Saved).Format(language, name)));
    }
}

/// <summary>The lead records an observation (a complaint, a grievance, low morale or confidence, praise, other).</summary>
public sealed class ObserveVerb(CoachingDesk desk) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        var (lead, manager, refusal) = await CoachingRequest.LeadAndManagerAsync(desk, request, request.Card.String("managerId"), cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var db = desk.Db;
        var viewer = request.Activity.From?.Id;
        var again = request.Activity.Id is { } activityId && await db.Set<LeadObservation>().AsNoTracking()
            .AnyAsync(o => o.ManagerId == manager.Id && o.SourceActivityId == activityId, cancellationToken);
        if (await desk.ViewAsync(manager, cancellationToken) is not { } view)
        {
            return BotAnswer.Refused(Texts.Coaching.UnknownManager.In(language));
        }

        if (again)
        {
            return BotAnswer.WithCard(CoachingCards.Coach(view, desk.Library, language, viewer, notice: Texts.Coaching.ObservationSaved.In(language)));
        }

        var typed = request.Card.Inputs([CoachingCards.ObservationKindInput, CoachingCards.ObservationNoteInput]);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var kindKey = UserText.Clean(typed.GetValueOrDefault(CoachingCards.ObservationKindInput));
        ObservationKind? kind = CoachingCards.ObservationKinds.Cast<ObservationKind?>().FirstOrDefault(k => CoachingCards.KindKey(k!.Value) == kindKey);
        if (kind is null)
        {
            errors[CoachingCards.ObservationKindInput] = Texts.Coaching.ErrorKind.In(language);
        }

        var note = TransferValidation.Text(typed, CoachingCards.ObservationNoteInput, Texts.Coaching.ObservationNote, CoachingLimits.Note, required: true, language, errors);
        if (errors.Count > 0)
        {
            return BotAnswer.WithCard(CoachingCards.Coach(view, desk.Library, language, viewer, typed, errors));
        }

        // The same note of the same kind today is the same observation (a second press, a client that re-sent the card
        // data under a new activity id): recorded once.
        if (await db.Set<LeadObservation>().AsNoTracking().AnyAsync(
            o => o.TenantId == manager.TenantId && o.ManagerId == manager.Id && o.RecordedById == lead.Id && o.ObservedOn == view.Today && o.Kind == kind && o.Note == note, cancellationToken))
        {
            return BotAnswer.WithCard(CoachingCards.Coach(view, desk.Library, language, viewer, notice: Texts.Coaching.ObservationSaved.In(language)));
        }

        var observation = new LeadObservation
        {
            Id = Guid.NewGuid(),
            TenantId = manager.TenantId,
            ManagerId = manager.Id,
            Kind = kind!.Value,
            Note = note!,
            ObservedOn = view.Today,
            RecordedById = lead.Id,
            RecordedAt = desk.Now,
            SourceActivityId = request.Activity.Id,
        };
        db.Set<LeadObservation>().Add(observation);
        desk.Audit(request, lead.Id, "coaching.observed", "LeadObservation", observation.Id.ToString(), observation.TenantId);
        await db.SaveChangesAsync(cancellationToken);
        var saved = await desk.ViewAsync(manager, cancellationToken);
        return BotAnswer.WithCard(CoachingCards.Coach(saved!, desk.Library, language, viewer, notice: Texts.Coaching.ObservationSaved.In(language)));
    }
}

/// <summary>The lead records a scheduled action as done or skipped (from the coaching card or a reminder).</summary>
public sealed class CoachingActionVerb(CoachingDesk desk) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (!CoachingRequest.Known(request, out var lead))
        {
            return BotAnswer.Refused(Texts.Coaching.NotKnown.In(language));
        }

        var outcome = request.Card.String("outcome");
        if (request.Card.Guid("actionId") is not { } actionId || outcome is not (CoachingCards.Done or CoachingCards.Skipped))
        {
            return BotAnswer.Refused(Texts.Common.CardOutOfDate.In(language));
        }

        var db = desk.Db;
        if (await db.Set<CoachingAction>().SingleOrDefaultAsync(a => a.Id == actionId && a.TenantId == request.TenantId, cancellationToken) is not { } action)
        {
            return BotAnswer.Refused(Texts.Coaching.UnknownAction.In(language));
        }

        var (manager, refusal) = await CoachingRequest.ManagerFromCardAsync(desk, request, lead, action.ManagerId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var text = desk.Library.FindAction(action.Type, action.PlaybookActionId)?.In(language) ?? action.PlaybookActionId;
        string notice;
        if (action.Status != CoachingActionStatus.Open)
        {
            notice = Texts.Coaching.ActionAlreadyClosed.Format(language, (action.Status == CoachingActionStatus.Done ? Texts.Coaching.StatusDone : Texts.Coaching.StatusSkipped).In(language));
        }
        else
        {
            action.Status = outcome == CoachingCards.Done ? CoachingActionStatus.Done : CoachingActionStatus.Skipped;
            action.ClosedAt = desk.Now;
            action.ClosedById = lead.Id;
            desk.Audit(request, lead.Id, "coaching.action-" + outcome, "CoachingAction", action.Id.ToString(), action.TenantId);
            await db.SaveChangesAsync(cancellationToken);
            notice = (outcome == CoachingCards.Done ? Texts.Coaching.ActionDoneNotice : Texts.Coaching.ActionSkippedNotice).Format(language, text);
        }

        var view = await desk.ViewAsync(manager!, cancellationToken);
        return view is null
            ? BotAnswer.WithText(notice)
            : BotAnswer.WithCard(CoachingCards.Coach(view, desk.Library, language, request.Activity.From?.Id, notice: notice));
    }
}

/// <summary>The lead sends the manager the next tip of the confirmed type's playbook (which never names the type).</summary>
public sealed class TipVerb(CoachingDesk desk) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        var (lead, manager, refusal) = await CoachingRequest.LeadAndManagerAsync(desk, request, request.Card.String("managerId"), cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (request.Card.Integer("sequence") is not { } sequence)
        {
            return BotAnswer.Refused(Texts.Common.CardOutOfDate.In(language));
        }

        if (await desk.ViewAsync(manager, cancellationToken) is not { Current: { } current } before)
        {
            return BotAnswer.Refused(Texts.Coaching.NoTip.In(language));
        }

        // The card carries the count of tips sent when it was shown: a count ahead of that was never issued.
        if (!CardData.WasIssued(sequence, before.TipsSent))
        {
            return BotAnswer.Refused(Texts.Input.NotIssued.Format(language, sequence));
        }

        var (hasTips, queued) = await desk.QueueTipAsync(manager, current.ChosenType, sequence, cancellationToken);
        if (!hasTips)
        {
            return BotAnswer.Refused(Texts.Coaching.NoTip.In(language));
        }

        if (queued)
        {
            // A press delivered again queues nothing, so it is audited once.
            desk.Audit(request, lead.Id, "coaching.tip-sent", "Person", manager.Id, manager.TenantId);
            await desk.Db.SaveChangesAsync(cancellationToken);
            desk.WakeNotifications();
        }

        var view = await desk.ViewAsync(manager, before.Suggestion, cancellationToken);
        return BotAnswer.WithCard(CoachingCards.Coach(view!, desk.Library, language, request.Activity.From?.Id, notice: Texts.Coaching.TipSent.Format(language, manager.DisplayName)));
    }
}

/// <summary>"pulse" / "月度状态": the manager's monthly pulse for the current month (their answers, or the questions).</summary>
public sealed class PulseVerb(CoachingDesk desk) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (!CoachingRequest.Known(request, out var manager))
        {
            return BotAnswer.Refused(Texts.Coaching.NotKnown.In(language));
        }

        if (manager.Team is not { } team)
        {
            // A lead asking for the pulse is told where the pulse is for them, not that they are in no team.
            var led = await desk.Db.Teams.AsNoTracking().Where(t => t.TenantId == manager.TenantId && t.LeadId == manager.Id).OrderBy(t => t.Id).ToListAsync(cancellationToken);
            return BotAnswer.Refused(led.Count > 0
                ? Texts.Coaching.PulseForLeads.Format(language, string.Join(language == Language.ZhCn ? "、" : ", ", led.Select(t => language == Language.ZhCn ? t.NameZh : t.NameEn)))
                : Texts.Coaching.PulseNotForYou.In(language));
        }

        var month = PulseMonth(team, desk.Now);
        var answer = await desk.Db.Set<PulseResponse>().AsNoTracking().SingleOrDefaultAsync(p => p.ManagerId == manager.Id && p.Month == month, cancellationToken);
        if (answer is null)
        {
            return BotAnswer.WithCard(CoachingCards.Pulse(month, language));
        }

        if (request.Card.IsTrue("change"))
        {
            return BotAnswer.WithCard(CoachingCards.Pulse(month, language, Typed(answer)));
        }

        return BotAnswer.WithCard(CoachingCards.PulseAnswered(answer, language, null));
    }

    public static DateOnly PulseMonth(Team team, DateTimeOffset now)
    {
        var today = team.LocalDate(now);
        return new DateOnly(today.Year, today.Month, 1);
    }

    private static Dictionary<string, string> Typed(PulseResponse answer) => new(StringComparer.Ordinal)
    {
        [CoachingCards.ConfidenceInput] = answer.Confidence.ToString(CultureInfo.InvariantCulture),
        [CoachingCards.MotivationInput] = answer.Motivation.ToString(CultureInfo.InvariantCulture),
        [CoachingCards.FairnessInput] = answer.Fairness.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>The manager sends the pulse: each answer 1–5 (the card comes back marked, answers kept); the last answer of the month wins.</summary>
public sealed class PulseSubmitVerb(CoachingDesk desk) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (!CoachingRequest.Known(request, out var manager))
        {
            return BotAnswer.Refused(Texts.Coaching.NotKnown.In(language));
        }

        if (manager.Team is not { } team)
        {
            return BotAnswer.Refused(Texts.Coaching.PulseNotForYou.In(language));
        }

        var typed = request.Card.Inputs([CoachingCards.ConfidenceInput, CoachingCards.MotivationInput, CoachingCards.FairnessInput]);
        var month = PulseVerb.PulseMonth(team, desk.Now);
        if (!DateOnly.TryParseExact(request.Card.String("month"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var cardMonth))
        {
            return BotAnswer.Refused(Texts.Common.CardOutOfDate.In(language));
        }

        if (cardMonth != month)
        {
            return BotAnswer.WithCard(CoachingCards.Pulse(month, language, typed, notice: Texts.Coaching.PulseMonthOver.In(language)));
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        int Scale(string key)
        {
            if (UserNumber.TryParseWhole(typed.GetValueOrDefault(key), 1, 5, out var v))
            {
                return v;
            }

            errors[key] = Texts.Coaching.ErrorScale.In(language);
            return 0;
        }

        var (confidence, motivation, fairness) = (Scale(CoachingCards.ConfidenceInput), Scale(CoachingCards.MotivationInput), Scale(CoachingCards.FairnessInput));
        if (errors.Count > 0)
        {
            return BotAnswer.WithCard(CoachingCards.Pulse(month, language, typed, errors));
        }

        var db = desk.Db;
        for (var attempt = 1; ; attempt++)
        {
            var answer = await db.Set<PulseResponse>().SingleOrDefaultAsync(p => p.ManagerId == manager.Id && p.Month == month, cancellationToken);
            var updated = answer is not null;
            if (answer is not null && (answer.Confidence, answer.Motivation, answer.Fairness) == (confidence, motivation, fairness))
            {
                // The same answers again (a re-delivered activity, or a second press): nothing changes, nothing is audited.
                return BotAnswer.WithCard(CoachingCards.PulseAnswered(answer, language, Texts.Coaching.PulseThanks.In(language)));
            }

            if (answer is null)
            {
                answer = new PulseResponse { Id = Guid.NewGuid(), TenantId = manager.TenantId, ManagerId = manager.Id, Month = month };
                db.Set<PulseResponse>().Add(answer);
            }

            (answer.Confidence, answer.Motivation, answer.Fairness, answer.AnsweredAt) = (confidence, motivation, fairness, desk.Now);
            desk.Audit(request, manager.Id, "coaching.pulse-answered", "PulseResponse", answer.Id.ToString(), manager.TenantId);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return BotAnswer.WithCard(CoachingCards.PulseAnswered(answer, language, (updated ? Texts.Coaching.PulseUpdated : Texts.Coaching.PulseThanks).In(language)));
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // The same answer delivered twice at once: the other copy stored it; update that one.
                db.ChangeTracker.Clear();
            }
        }
    }
}
