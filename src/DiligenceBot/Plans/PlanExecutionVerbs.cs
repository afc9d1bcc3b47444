using DiligenceBot.Conversations;
using DiligenceBot.Data;
using DiligenceBot.Input;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;
using DiligenceBot.Reviews;

namespace DiligenceBot.Plans;

/// <summary>"plan measures" / "计划措施": the service measures of the manager's plan for this month, each to mark done.</summary>
public sealed class PlanMeasuresVerb(PlanBook book) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Person is not { TeamId: { } teamId } manager || manager.TenantId != request.TenantId)
        {
            return BotAnswer.Refused(Texts.Plans.NotAManager.In(language));
        }

        var team = await book.TeamAsync(teamId, cancellationToken);
        var month = book.ThisMonth(team);
        var typedMonth = request.Card.String("month") ?? request.Arguments.Trim();
        if (typedMonth.Length > 0)
        {
            // plan measures 2026-11 (or the plan card's button): last month's measures may still be marked done.
            if (!PlanReports.TryParseMonth(typedMonth, out var parsed))
            {
                return BotAnswer.Refused(Texts.Plans.ErrorBadMonth.Format(language, typedMonth.Length > 20 ? typedMonth[..20] + "…" : typedMonth, Texts.Plans.CommandWordMeasures.In(language)));
            }

            if (parsed > month)
            {
                return BotAnswer.Refused(Texts.Plans.MeasureNotStarted.Format(language, CardDates.Month(parsed, language)));
            }

            month = parsed;
        }

        if (await book.FindAsync(manager.Id, month, cancellationToken) is not { } plan)
        {
            return BotAnswer.WithText(Texts.Plans.NoPlanForMonth.Format(language, CardDates.Month(month, language)));
        }

        return PlanMeasures.Lines(plan.Current.Measures).Count == 0
            ? BotAnswer.WithText(Texts.Plans.NoMeasures.In(language))
            : BotAnswer.WithCard(PlanExecutionCards.Measures(new PlanExecutionCards.MeasuresState(plan, team, [], []), language));
    }
}

/// <summary>
/// Mark done on the measures card: only the plan's manager, during the plan's month or the month after, for the
/// measure as the card showed it (a revision since then answers with the measures as they stand). The note is checked
/// like every typed text: a bad one brings the card back with what was typed and the reason, storing nothing. Marking a
/// done measure again changes nothing.
/// </summary>
public sealed class MarkMeasureDoneVerb(PlanBook book, LeadReview review) : IBotVerb
{
    public Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken) =>
        book.Db.AgainOnConflictAsync(() => MarkAsync(request, cancellationToken));

    private async Task<BotAnswer> MarkAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Card.Guid("planId") is not { } id || await book.LoadAsync(id, request.TenantId, cancellationToken) is not { } plan)
        {
            return BotAnswer.Refused(Texts.Plans.UnknownPlan.In(language));
        }

        if (request.Person is not { } manager || plan.ManagerId != manager.Id)
        {
            return BotAnswer.Refused(Texts.Plans.NotYourPlan.In(language));
        }

        var team = await book.TeamAsync(plan.TeamId, cancellationToken);
        var thisMonth = book.ThisMonth(team);
        if (plan.Month > thisMonth)
        {
            return BotAnswer.Refused(Texts.Plans.MeasureNotStarted.Format(language, CardDates.Month(plan.Month, language)));
        }

        if (plan.Month < thisMonth.AddMonths(-1))
        {
            return BotAnswer.Refused(Texts.Plans.MeasureMonthClosed.Format(language, CardDates.Month(plan.Month, language)));
        }

        var typed = request.Card.Inputs(request.Card.Keys(PlanExecutionCards.NotePrefix));
        BotAnswer Card(PlanCards.CardNotice? notice, Dictionary<string, string>? errors = null) =>
            BotAnswer.WithCard(PlanExecutionCards.Measures(new PlanExecutionCards.MeasuresState(plan, team, typed, errors ?? [], notice), language));

        var measures = PlanMeasures.Of(plan);
        var number = request.Card.Integer("number") ?? 0;
        if (request.Card.Integer("revision") != plan.CurrentRevision || number < 1 || number > measures.Count)
        {
            return Card(new PlanCards.CardNotice(Texts.Plans.MeasureChanged.Format(language, plan.CurrentRevision)));
        }

        var (_, text, done) = measures[number - 1];
        if (done is not null)
        {
            return Card(new PlanCards.CardNotice(Texts.Plans.MeasureAlreadyDone.Format(language, CardDates.Short(team.LocalDate(done.DoneAt), language)), Warning: false));
        }

        var key = PlanExecutionCards.NoteInput(number);
        var error = UserText.Check(typed.GetValueOrDefault(key), new TextRule(PlanLimits.MeasureNote, Multiline: false), Texts.Plans.MeasureNote.In(language), language, out var note);
        if (error is not null)
        {
            return Card(new PlanCards.CardNotice(Texts.WorkLogs.FixErrors.In(language)), new Dictionary<string, string>(StringComparer.Ordinal) { [key] = error });
        }

        // A mark left from a revision that rewrote the line is this line's mark now.
        var mark = plan.MeasuresDone.SingleOrDefault(m => m.Number == number);
        if (mark is null)
        {
            mark = new PlanMeasureDone { PlanId = plan.Id, Number = number, Text = text };
            plan.MeasuresDone.Add(mark);
        }

        mark.Text = text;
        mark.Note = note;
        mark.DoneAt = book.Now;
        review.Audit(request, manager.Id, "plan.measure-done", plan, PlanReviewKind.Type, plan.CurrentRevision);
        await book.Db.SaveChangesAsync(cancellationToken);
        typed.Remove(key);
        return Card(new PlanCards.CardNotice(Texts.Plans.MeasureMarked.In(language), Warning: false));
    }

}

/// <summary>
/// "plan report [YYYY-MM]" / "计划执行 [YYYY-MM]" (this month so far when no month is given): a manager gets the
/// execution report of their own plan; a lead (or a delegate) the team's report, one tap from each manager's (the
/// card's Open, also the verb with a manager id). Nobody else sees a manager's plan.
/// </summary>
public sealed class PlanReportVerb(PlanBook book, PlanReports reports) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Person is not { } person || person.TenantId != request.TenantId)
        {
            return BotAnswer.Refused(Texts.Plans.NotAManager.In(language));
        }

        var typedMonth = request.Card.String("month") ?? request.Arguments.Trim();
        DateOnly? month = null;
        if (typedMonth.Length > 0)
        {
            if (!PlanReports.TryParseMonth(typedMonth, out var parsed))
            {
                return BotAnswer.Refused(Texts.Plans.ErrorBadMonth.Format(language, typedMonth.Length > 20 ? typedMonth[..20] + "…" : typedMonth, Texts.Plans.CommandWordReport.In(language)));
            }

            month = parsed;
        }

        var managerId = request.Card.String("managerId");
        if (managerId is null && person.TeamId is not null)
        {
            managerId = person.Id;
        }

        if (managerId is not null)
        {
            var manager = managerId == person.Id ? person : await book.PersonAsync(managerId, cancellationToken);
            if (manager is not { TeamId: { } teamId } || manager.TenantId != person.TenantId
                || (manager.Id != person.Id && !(await LeadTeams.ReviewedByAsync(book.Db, request.TenantId, person.Id, cancellationToken)).Any(t => t.Id == teamId)))
            {
                return BotAnswer.Refused(Texts.Plans.NotYourTeam.In(language));
            }

            var team = await book.TeamAsync(teamId, cancellationToken);
            var chosen = month ?? book.ThisMonth(team);
            if (chosen > book.ThisMonth(team))
            {
                return BotAnswer.Refused(Texts.Plans.ErrorMonthNotStarted.Format(language, CardDates.Month(chosen, language)));
            }

            return await reports.ManagerCardAsync(manager, team, chosen, language, cancellationToken) is { } card
                ? BotAnswer.WithCard(card)
                : BotAnswer.WithText(manager.Id == person.Id
                    ? Texts.Plans.NoPlanForMonth.Format(language, CardDates.Month(chosen, language))
                    : Texts.Plans.DigestNoPlan.Format(language, manager.DisplayName));
        }

        var teams = await LeadTeams.ReviewedByAsync(book.Db, request.TenantId, person.Id, cancellationToken);
        if (teams.Count == 0)
        {
            return BotAnswer.Refused(Texts.Plans.NotAManager.In(language));
        }

        var month0 = month ?? book.ThisMonth(teams[0]);
        if (month0 > book.ThisMonth(teams[0]))
        {
            return BotAnswer.Refused(Texts.Plans.ErrorMonthNotStarted.Format(language, CardDates.Month(month0, language)));
        }

        return BotAnswer.WithCard(await reports.TeamCardAsync(teams, month0, language, cancellationToken));
    }
}
