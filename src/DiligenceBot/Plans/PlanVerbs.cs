using System.Globalization;
using DiligenceBot.Conversations;
using DiligenceBot.Customers;
using DiligenceBot.Data;
using DiligenceBot.Input;
using DiligenceBot.Localization;
using DiligenceBot.Notifications;
using DiligenceBot.Organisation;
using DiligenceBot.Reviews;
using DiligenceBot.Scheduling;
using DiligenceBot.WorkLogs;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Plans;

/// <summary>
/// "plan" / "营销计划": a manager gets next month's plan — the form with the bot's draft of the visit plan, or the
/// stored plan (the form again when returned). A lead who is nobody's manager gets their teams' plans.
/// </summary>
public sealed class OpenPlanVerb(PlanBook book, TeamPlansVerb teams) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        if (request.Person is not { TeamId: { } teamId } manager || manager.TenantId != request.TenantId)
        {
            return await teams.HandleAsync(request, cancellationToken);
        }

        var team = await book.TeamAsync(teamId, cancellationToken);
        var month = book.PlanMonth(team);
        var plan = await book.FindAsync(manager.Id, month, cancellationToken);
        return plan is null or { Status: PlanStatus.Returned }
            ? BotAnswer.WithCard(await book.FormForAsync(manager, team, month, plan, request.Language, cancellationToken))
            : BotAnswer.WithCard(await book.SummaryAsync(plan, manager, request.Language, cancellationToken));
    }
}

/// <summary>
/// Submit (or resubmit) the plan form. Everything is checked first (goals, measures, every day against the calendar,
/// every customer against the register and the manager); any problem answers the form with the input kept and each
/// message next to its field, and stores nothing. A valid plan is a new revision; the lead is asked to review it.
/// </summary>
public sealed class SubmitPlanVerb(PlanBook book, LeadReview review, ILogger<SubmitPlanVerb> logger) : IBotVerb
{
    /// <summary>A re-delivered copy or a concurrent edit won the race: decide again against what is stored now.</summary>
    public Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken) =>
        book.Db.AgainOnConflictAsync(() => SubmitAsync(request, cancellationToken));

    private async Task<BotAnswer> SubmitAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Person is not { TeamId: { } teamId } manager || manager.TenantId != request.TenantId)
        {
            return BotAnswer.Refused(Texts.Plans.NotAManager.In(language));
        }

        var team = await book.TeamAsync(teamId, cancellationToken);
        var open = book.PlanMonth(team);
        MarketingPlan? plan;
        DateOnly month;
        if (request.Card.Guid("planId") is { } planId)
        {
            plan = await book.LoadAsync(planId, request.TenantId, cancellationToken);
            if (plan is null)
            {
                return BotAnswer.Refused(Texts.Plans.UnknownPlan.In(language));
            }

            if (plan.ManagerId != manager.Id)
            {
                return BotAnswer.Refused(Texts.Plans.NotYourPlan.In(language));
            }

            month = plan.Month;
        }
        else
        {
            if (!DateOnly.TryParseExact(request.Card.String("month") + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month))
            {
                return BotAnswer.Refused(Texts.Common.CardOutOfDate.In(language));
            }

            plan = await book.FindAsync(manager.Id, month, cancellationToken);
        }

        // Only next month's plan is open; last month's card, or one for a later month, is refused.
        if (month != open && plan is not { Status: PlanStatus.Returned })
        {
            return BotAnswer.Refused(Texts.Plans.WrongMonth.Format(language, CardDates.Month(month, language), CardDates.Month(open, language)));
        }

        var baseRevision = request.Card.Integer("baseRevision") ?? 0;
        if (!CardData.WasIssued(baseRevision, plan?.CurrentRevision ?? 0))
        {
            return BotAnswer.Refused(Texts.Input.NotIssued.Format(language, baseRevision));
        }

        if (plan is not null && request.Activity.Id is { } aid && plan.Revisions.Any(r => r.SourceActivityId == aid))
        {
            return BotAnswer.WithCard(await book.SummaryAsync(plan, manager, language, cancellationToken));
        }

        if (plan?.Status == PlanStatus.Approved)
        {
            return BotAnswer.WithCard(await book.SummaryAsync(plan, manager, language, cancellationToken, new PlanCards.CardNotice(Texts.Plans.AlreadyApproved.In(language))));
        }

        if (plan is not null && baseRevision != plan.CurrentRevision)
        {
            return BotAnswer.WithCard(await book.SummaryAsync(plan, manager, language, cancellationToken,
                new PlanCards.CardNotice(Texts.Plans.StaleRevision.Format(language, baseRevision, plan.CurrentRevision))));
        }

        var typed = request.Card.Inputs(PlanValidation.InputKeys(request.Card));
        var names = PlanValidation.NamesTyped(typed);
        var named = await book.Db.Customers.AsNoTracking()
            .Where(c => c.TenantId == manager.TenantId && (names.Contains(c.LicenceNumber) || names.Contains(c.Name) || c.ManagerId == manager.Id))
            .ToListAsync(cancellationToken);
        var workingDays = book.WorkingDays(team, month);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var checkedPlan = PlanValidation.Check(typed, month, workingDays.ToHashSet(), manager.Id, named, language, errors);
        if (checkedPlan is null)
        {
            var mine = named.Where(c => c.ManagerId == manager.Id).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
            return BotAnswer.WithCard(await book.FormAsync(
                new PlanCards.FormState(team, month, PlanBook.DueDay(team, month), workingDays, mine, typed, errors, plan, baseRevision), language, cancellationToken));
        }

        var now = book.Now;
        if (plan is null)
        {
            plan = new MarketingPlan
            {
                Id = Guid.NewGuid(),
                TenantId = manager.TenantId,
                TeamId = team.Id,
                ManagerId = manager.Id,
                Month = month,
                CurrentRevision = 1,
                OnTime = now < book.Deadline(team, month),
                FirstSubmittedAt = now,
                ConcurrencyStamp = Guid.NewGuid(),
            };
            book.Db.Add(plan);
        }
        else
        {
            plan.CurrentRevision++;
            plan.ConcurrencyStamp = Guid.NewGuid();
        }

        plan.Status = PlanStatus.Submitted;
        plan.LastSubmittedAt = now;
        plan.Revisions.Add(new MarketingPlanRevision
        {
            PlanId = plan.Id,
            Number = plan.CurrentRevision,
            VolumeCases = checkedPlan.Volume,
            ValueYuan = checkedPlan.Value,
            KeyBrands = checkedPlan.KeyBrands,
            Measures = checkedPlan.Measures,
            Visits = checkedPlan.Visits,
            SubmittedAt = now,
            SourceActivityId = request.Activity.Id,
        });
        review.Audit(request, manager.Id, plan.CurrentRevision == 1 ? "plan.submitted" : "plan.resubmitted", plan, PlanReviewKind.Type, plan.CurrentRevision);
        if (team.LeadId is { } leadId)
        {
            book.Db.Set<Notification>().Add(Notification.Create(plan.TenantId, PlanBook.ReviewRequested, plan.Id.ToString(), plan.CurrentRevision, leadId, now));
        }

        await book.Db.SaveChangesAsync(cancellationToken);
        Log.PlanStored(logger, plan.Id, plan.CurrentRevision, plan.Revisions.Single(r => r.Number == plan.CurrentRevision).Visits.Count);
        book.Wake();
        var leadUnreachable = team.Lead is { } lead && !await book.CanReachAsync(lead, cancellationToken);
        return BotAnswer.WithCard(await book.SummaryAsync(plan, manager, language, cancellationToken,
            new PlanCards.CardNotice((leadUnreachable ? Texts.Plans.LeadUnreachable : Texts.Plans.Saved).In(language), Warning: false)));
    }
}

/// <summary>Edit / Revise on the summary: the form prefilled with the current revision.</summary>
public sealed class EditPlanVerb(PlanBook book) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
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

        if (plan.Status == PlanStatus.Approved)
        {
            return BotAnswer.WithCard(await book.SummaryAsync(plan, manager, language, cancellationToken, new PlanCards.CardNotice(Texts.Plans.AlreadyApproved.In(language))));
        }

        var team = await book.TeamAsync(plan.TeamId, cancellationToken);
        return BotAnswer.WithCard(await book.FormForAsync(manager, team, plan.Month, plan, language, cancellationToken));
    }
}

/// <summary>
/// The current card of a plan for whoever looks at it (also the refresh): the manager their summary, a reviewer of
/// the team the review card; anyone else is refused and sees nothing of it.
/// </summary>
public sealed class ViewPlanVerb(PlanBook book, LeadReview review, PlanReviewKind kind) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Card.Guid("planId") is not { } id || await book.LoadAsync(id, request.TenantId, cancellationToken) is not { } plan)
        {
            return BotAnswer.Refused(Texts.Plans.UnknownPlan.In(language));
        }

        if (request.Person is { } person && plan.ManagerId == person.Id)
        {
            return BotAnswer.WithCard(await book.SummaryAsync(plan, person, language, cancellationToken));
        }

        var (reviewer, refusal) = await review.ReviewerAsync(request, kind, plan, cancellationToken);
        return reviewer is null ? refusal! : BotAnswer.WithCard(await book.ReviewAsync(plan, reviewer, language, cancellationToken));
    }
}

/// <summary>Approve or Return a plan: the lead's review shared with work logs.</summary>
public sealed class DecidePlanVerb(LeadReview review, PlanReviewKind kind) : IBotVerb
{
    public Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken) =>
        review.DecideAsync(request, kind, cancellationToken);
}

/// <summary>What the lead's review needs to know of a marketing plan.</summary>
public sealed class PlanReviewKind(PlanBook book) : ReviewKind<MarketingPlan>
{
    public const string Type = "MarketingPlan";

    public override string SubjectKey => "planId";
    public override string ApproveVerb => PlanCards.ApproveVerb;
    public override string SubjectType => Type;
    public override string ActionPrefix => "plan";
    public override string ApprovedNotification => PlanBook.Approved;
    public override string ReturnedNotification => PlanBook.Returned;
    public override Text UnknownSubject => Texts.Plans.UnknownPlan;
    public override Text NotAllowed => Texts.Plans.NotAllowedToReview;
    public override Text StaleRevision => Texts.Plans.StaleRevision;
    public override Text CommentNeeded => Texts.Plans.ErrorCommentNeeded;

    public override Task<MarketingPlan?> LoadAsync(Guid id, string tenantId, CancellationToken cancellationToken) => book.LoadAsync(id, tenantId, cancellationToken);

    public override Task<BotFramework.Cards.AdaptiveCard> CardAsync(MarketingPlan subject, Person reviewer, Language language, CancellationToken cancellationToken,
        string? notice = null, Dictionary<string, string>? typed = null, Dictionary<string, string>? errors = null) =>
        book.ReviewAsync(subject, reviewer, language, cancellationToken, notice, typed, errors);
}

/// <summary>
/// "team plans" / "团队计划" (and "plan" for a lead who is nobody's manager): every team the person reviews, each
/// manager's plan for the month being planned (one tap to review it) and this month's progress — visits planned up
/// to today against the visits the logs record.
/// </summary>
public sealed class TeamPlansVerb(PlanBook book) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Person is not { } person)
        {
            return BotAnswer.Refused(Texts.Plans.NotAManager.In(language));
        }

        var teams = await LeadTeams.ReviewedByAsync(book.Db, request.TenantId, person.Id, cancellationToken);
        if (teams.Count == 0)
        {
            return BotAnswer.Refused(Texts.Plans.NotAManager.In(language));
        }

        var sections = new List<PlanCards.TeamSection>();
        foreach (var team in teams)
        {
            sections.Add(await book.TeamSectionAsync(team, cancellationToken));
        }

        return BotAnswer.WithCard(PlanCards.Teams(sections, language));
    }
}

/// <summary>
/// "plan setting TEAM DAY" / "计划设置 团队 日期": an admin sets the day of the month next month's plans are due
/// (1–28). Audited and applied at once, like the other team settings; refused to anyone but an admin of the tenant.
/// </summary>
public sealed class PlanSettingVerb(DiligenceDbContext db, IServiceProvider services, TimeProvider time) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Person is not { IsAdmin: true } admin || admin.TenantId != request.TenantId)
        {
            return BotAnswer.Refused(Texts.Schedule.AdminOnly.In(language));
        }

        var parts = request.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !UserNumber.TryParseWhole(parts[1].TrimEnd('日', '号'), 1, 28, out var day))
        {
            return BotAnswer.Refused(Texts.Plans.SettingUsage.In(language));
        }

        var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == parts[0] && t.TenantId == request.TenantId, cancellationToken);
        if (team is null)
        {
            return BotAnswer.Refused(Texts.Schedule.UnknownTeam.Format(language, parts[0].Length > 40 ? parts[0][..40] : parts[0]));
        }

        team.PlanDueDay = day;
        await ScheduleChanges.ApplyAsync(db, services, time, request, admin, team, "team.plan-day-changed", cancellationToken);
        return BotAnswer.WithText(Texts.Plans.SettingChanged.Format(language, WorkLogCards.TeamName(team, language), day));
    }
}
