using DiligenceBot.Conversations;
using DiligenceBot.Customers;
using DiligenceBot.Data;
using DiligenceBot.Localization;
using DiligenceBot.Notifications;
using DiligenceBot.Organisation;
using DiligenceBot.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Plans;

/// <summary>
/// The monthly plan's shared knowledge: which month a manager plans now and by when, the month's working days by
/// the team's calendar, the manager's customers and the bot's draft of the visit plan, loading plans within a
/// tenant, and the cards with names filled in.
/// </summary>
public sealed class PlanBook(DiligenceDbContext db, TimeProvider time, HolidayCalendars calendars, ProactiveSender people, NotificationDispatcher dispatcher)
{
    public const string ReviewRequested = "plan.review-requested";
    public const string Returned = "plan.returned";
    public const string Approved = "plan.approved";

    public DiligenceDbContext Db => db;

    public DateTimeOffset Now => time.GetUtcNow();

    public DateOnly Today(Team team) => team.LocalDate(Now);

    /// <summary>The month the team is in now: the plan being carried out.</summary>
    public DateOnly ThisMonth(Team team)
    {
        var today = Today(team);
        return new DateOnly(today.Year, today.Month, 1);
    }

    /// <summary>The month a manager of the team plans now: next month.</summary>
    public DateOnly PlanMonth(Team team)
    {
        var today = Today(team);
        return new DateOnly(today.Year, today.Month, 1).AddMonths(1);
    }

    /// <summary>The day of the month before <paramref name="month"/> its plan is due (the team's plan day, at most the month's last day).</summary>
    public static DateOnly DueDay(Team team, DateOnly month)
    {
        var before = month.AddMonths(-1);
        return new DateOnly(before.Year, before.Month, Math.Min(team.PlanDueDay, DateTime.DaysInMonth(before.Year, before.Month)));
    }

    /// <summary>The end of the due day in the team's zone: a plan first submitted after it is late.</summary>
    public DateTimeOffset Deadline(Team team, DateOnly month) =>
        ScheduleMath.LocalInstant(calendars.ScheduleOf(team), DueDay(team, month).AddDays(1), TimeOnly.MinValue);

    public TeamSchedule Schedule(Team team) => calendars.ScheduleOf(team);

    /// <summary>The month's working days by the team's weekdays and holiday calendar (make-up days included).</summary>
    public IReadOnlyList<DateOnly> WorkingDays(Team team, DateOnly month)
    {
        var schedule = calendars.ScheduleOf(team);
        var days = new List<DateOnly>();
        for (var d = month; d < month.AddMonths(1); d = d.AddDays(1))
        {
            if (ScheduleMath.IsWorkingDay(schedule, d))
            {
                days.Add(d);
            }
        }

        return days;
    }

    /// <summary>The customers the manager serves, by name.</summary>
    public Task<List<Customer>> CustomersOfAsync(Person manager, CancellationToken cancellationToken) =>
        db.Customers.AsNoTracking().Where(c => c.TenantId == manager.TenantId && c.ManagerId == manager.Id)
            .OrderBy(c => c.Name).ThenBy(c => c.LicenceNumber).ToListAsync(cancellationToken);

    /// <summary>
    /// The bot's visit plan: each customer's required visits spread evenly over the working days (never two visits to
    /// one customer on a day), each customer starting at its own point of the month so the days carry similar loads.
    /// </summary>
    public static List<PlannedVisit> Draft(IReadOnlyList<Customer> customers, IReadOnlyList<DateOnly> workingDays)
    {
        var visits = new List<PlannedVisit>();
        var w = workingDays.Count;
        if (w == 0)
        {
            return visits;
        }

        for (var i = 0; i < customers.Count; i++)
        {
            var n = Math.Min(customers[i].VisitsPerMonth, w);
            if (n <= 0)
            {
                continue;
            }

            // The golden ratio spreads the customers' starting points over the gap between two visits.
            var phase = i * 0.6180339887498949 % 1;
            for (var k = 0; k < n; k++)
            {
                var index = (int)Math.Floor((k + phase) * w / n);
                visits.Add(new PlannedVisit(workingDays[Math.Min(index, w - 1)], customers[i].Id));
            }
        }

        return visits.OrderBy(v => v.Day).ThenBy(v => v.CustomerId).ToList();
    }

    public Task<MarketingPlan?> LoadAsync(Guid id, string tenantId, CancellationToken cancellationToken) =>
        db.Set<MarketingPlan>().Include(p => p.Revisions).Include(p => p.Reviews).Include(p => p.MeasuresDone)
            .SingleOrDefaultAsync(p => p.Id == id && p.TenantId == tenantId, cancellationToken);

    public Task<MarketingPlan?> FindAsync(string managerId, DateOnly month, CancellationToken cancellationToken) =>
        db.Set<MarketingPlan>().Include(p => p.Revisions).Include(p => p.Reviews).Include(p => p.MeasuresDone)
            .SingleOrDefaultAsync(p => p.ManagerId == managerId && p.Month == month, cancellationToken);

    public Task<Team> TeamAsync(string teamId, CancellationToken cancellationToken) =>
        db.Teams.AsNoTracking().Include(t => t.Lead).SingleAsync(t => t.Id == teamId, cancellationToken);

    public Task<Person?> PersonAsync(string? id, CancellationToken cancellationToken) =>
        id is null ? Task.FromResult<Person?>(null) : db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    public void Wake() => dispatcher.Wake();

    public Task<bool> CanReachAsync(Person person, CancellationToken cancellationToken) => people.IsReachableAsync(person, cancellationToken);

    /// <summary>The form to write or revise a plan, prefilled with what was typed (or the draft).</summary>
    public async Task<BotFramework.Cards.AdaptiveCard> FormAsync(PlanCards.FormState state, Language language, CancellationToken cancellationToken)
    {
        var plan = state.Plan;
        var returned = plan?.Status == PlanStatus.Returned ? plan.Reviews.OrderByDescending(r => r.RevisionNumber).FirstOrDefault() : null;
        var reviewer = (await PersonAsync(returned?.ReviewerId, cancellationToken))?.DisplayName;
        return PlanCards.Form(state with { ReturnComment = returned, ReviewerName = reviewer }, language);
    }

    /// <summary>The form for a manager: the stored plan's current revision, or the bot's draft when there is none.</summary>
    public async Task<BotFramework.Cards.AdaptiveCard> FormForAsync(Person manager, Team team, DateOnly month, MarketingPlan? plan, Language language, CancellationToken cancellationToken, string? notice = null)
    {
        var customers = await CustomersOfAsync(manager, cancellationToken);
        var days = WorkingDays(team, month);
        var typed = plan is null
            ? PlanCards.Typed(null, Draft(customers, days), customers)
            : PlanCards.Typed(plan.Current, plan.Current.Visits, customers);
        return await FormAsync(new PlanCards.FormState(team, month, DueDay(team, month), days, customers, typed, [], plan, plan?.CurrentRevision ?? 0, notice), language, cancellationToken);
    }

    /// <summary>The manager's read-only view of their plan, with the lead's last comment.</summary>
    public async Task<BotFramework.Cards.AdaptiveCard> SummaryAsync(MarketingPlan plan, Person manager, Language language, CancellationToken cancellationToken, PlanCards.CardNotice? notice = null)
    {
        var last = plan.Reviews.OrderByDescending(r => r.RevisionNumber).FirstOrDefault();
        var reviewer = (await PersonAsync(last?.ReviewerId, cancellationToken))?.DisplayName;
        var view = await ViewAsync(plan, cancellationToken);
        var userId = await people.TeamsUserIdAsync(manager, cancellationToken);
        var thisMonth = ThisMonth(view.Team);
        return PlanCards.Summary(view, last, reviewer, userId, language, notice, measuresOpen: plan.Month == thisMonth || plan.Month == thisMonth.AddMonths(-1));
    }

    /// <summary>The reviewer's card for the plan's current revision.</summary>
    public async Task<BotFramework.Cards.AdaptiveCard> ReviewAsync(MarketingPlan plan, Person reviewer, Language language, CancellationToken cancellationToken,
        string? notice = null, Dictionary<string, string>? typed = null, Dictionary<string, string>? errors = null)
    {
        var view = await ViewAsync(plan, cancellationToken);
        var decided = plan.Reviews.SingleOrDefault(r => r.RevisionNumber == plan.CurrentRevision);
        var decider = (await PersonAsync(decided?.ReviewerId, cancellationToken))?.DisplayName;
        var userId = await people.TeamsUserIdAsync(reviewer, cancellationToken);
        return PlanCards.Review(new PlanCards.ReviewState(view, decider, typed ?? [], errors ?? [], userId), language, notice);
    }

    /// <summary>What every card of a stored plan shows: the plan, its manager and team, and its customers by id.</summary>
    public async Task<PlanCards.PlanView> ViewAsync(MarketingPlan plan, CancellationToken cancellationToken)
    {
        var team = await TeamAsync(plan.TeamId, cancellationToken);
        var manager = await PersonAsync(plan.ManagerId, cancellationToken);
        var ids = plan.Current.Visits.Select(v => v.CustomerId).Distinct().ToList();
        var customers = (await CustomerRegister.OfManagersAndIdsAsync(db, plan.TenantId, [plan.ManagerId], ids, cancellationToken)).ToDictionary(c => c.Id);
        return new PlanCards.PlanView(plan, manager?.DisplayName ?? plan.ManagerId, team, customers);
    }

    /// <summary>
    /// The day "so far" ends for a team's plan progress: today is not counted, its visits are logged by the next
    /// meeting.
    /// </summary>
    public DateOnly ProgressUntil(Team team) => Today(team);

    /// <summary>The plans of the team's managers (as the team is now) for a month, with their revisions.</summary>
    public Task<List<MarketingPlan>> TeamPlansAsync(Team team, IReadOnlyCollection<string> managerIds, DateOnly month, CancellationToken cancellationToken) =>
        db.Set<MarketingPlan>().AsNoTracking().Include(p => p.Revisions)
            .Where(p => p.TenantId == team.TenantId && managerIds.Contains(p.ManagerId) && p.Month == month)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// A team on the lead's plan card: each manager's plan for the month being planned, and this month's progress
    /// (<see cref="PlanExecution"/> up to <see cref="ProgressUntil"/>).
    /// </summary>
    public async Task<PlanCards.TeamSection> TeamSectionAsync(Team team, CancellationToken cancellationToken)
    {
        var next = PlanMonth(team);
        var current = ThisMonth(team);
        var managers = await db.People.AsNoTracking().Where(p => p.TeamId == team.Id && p.TenantId == team.TenantId).OrderBy(p => p.DisplayName).ToListAsync(cancellationToken);
        var ids = managers.Select(m => m.Id).ToList();
        var nextPlans = await TeamPlansAsync(team, ids, next, cancellationToken);
        var until = ProgressUntil(team);
        var executions = (await PlanExecution.OfAsync(db, await TeamPlansAsync(team, ids, current, cancellationToken), _ => until, cancellationToken))
            .ToDictionary(e => e.Plan.ManagerId, StringComparer.Ordinal);
        var rows = managers.Select(m => new PlanCards.TeamRow(
                m,
                nextPlans.SingleOrDefault(p => p.ManagerId == m.Id),
                executions.GetValueOrDefault(m.Id) is { } e ? new PlanCards.PlanProgress(e.PlannedToDate, e.VisitedOnPlan, e.PlannedInMonth) : null))
            .ToList();
        return new PlanCards.TeamSection(team, next, DueDay(team, next), rows);
    }
}
