using DiligenceBot.Audit;
using DiligenceBot.Conversations;
using DiligenceBot.Customers;
using DiligenceBot.Data;
using DiligenceBot.Localization;
using DiligenceBot.Notifications;
using DiligenceBot.Organisation;
using DiligenceBot.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.WorkLogs;

/// <summary>
/// The work log's shared knowledge: the team's day and deadline, templates, loading logs within a tenant,
/// names, the audit trail and queuing notifications. Used by the verbs and the notification renderers.
/// </summary>
public sealed class WorkLogBook(DiligenceDbContext db, TimeProvider time, ProactiveSender people, NotificationDispatcher dispatcher, HolidayCalendars calendars)
{
    public const string ReviewRequested = "worklog.review-requested";
    public const string Returned = "worklog.returned";
    public const string Approved = "worklog.approved";
    public const string Praised = "worklog.praised";

    public DiligenceDbContext Db => db;

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Today in the team's time zone.</summary>
    public DateOnly Today(Team team) => team.LocalDate(Now);

    /// <summary>The team's working days, meeting and log rule.</summary>
    public TeamSchedule Schedule(Team team) => calendars.ScheduleOf(team);

    /// <summary>When the log covering <paramref name="covered"/> is due (the next working day's meeting, or the same-day due time).</summary>
    public DateTimeOffset Deadline(Team team, DateOnly covered) => ScheduleMath.LogDeadline(Schedule(team), covered);

    /// <summary>The logs a manager of the team can write now: the one due next, and one due earlier today (late).</summary>
    public OpenLogs OpenLogs(Team team) => ScheduleMath.LogsOpen(Schedule(team), Now);

    /// <summary>The day whose logs a lead of the team looks at now: those read at today's (or the next) meeting.</summary>
    public DateOnly LeadDay(Team team) => ScheduleMath.LogForLead(Schedule(team), Now);

    /// <summary>What the cards say about a log's day: what it covers, when it is due, whether that has passed.</summary>
    public WorkLogCards.LogTiming Timing(Team team, DateOnly covered)
    {
        var deadline = Deadline(team, covered);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(team.TimeZone);
        var local = TimeZoneInfo.ConvertTime(deadline, zone);
        return new WorkLogCards.LogTiming(covered, team.LogCovers, DateOnly.FromDateTime(local.DateTime), TimeOnly.FromDateTime(local.DateTime), Today(team), Now > deadline);
    }

    /// <summary>
    /// Who writes a log: the asking manager (in this tenant), their team and its template; or the refusal that
    /// tells them why they cannot.
    /// </summary>
    public async Task<((Person Manager, Team Team, LogTemplate Template)? Writer, BotAnswer? Refusal)> WriterAsync(BotRequest request, CancellationToken cancellationToken)
    {
        if (request.Person is not { TeamId: { } teamId } manager || manager.TenantId != request.TenantId)
        {
            return (null, BotAnswer.Refused(Texts.WorkLogs.NotAManager.In(request.Language)));
        }

        var team = await TeamAsync(teamId, cancellationToken);
        return await TemplateForAsync(team, cancellationToken) is { } template
            ? ((manager, team, template), null)
            : (null, BotAnswer.Refused(Texts.WorkLogs.NoTemplate.In(request.Language)));
    }

    /// <summary>The team's template, worded for what the team's log covers ("Plan for today" in a log of the previous day).</summary>
    public async Task<LogTemplate?> TemplateForAsync(Team team, CancellationToken cancellationToken) =>
        team.LogTemplateId is { } id
            ? (await db.Set<LogTemplate>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken))?.For(team.LogCovers)
            : null;

    public Task<WorkLog?> LoadAsync(Guid id, string tenantId, CancellationToken cancellationToken) =>
        db.Set<WorkLog>().Include(l => l.Revisions).Include(l => l.Reviews)
            .SingleOrDefaultAsync(l => l.Id == id && l.TenantId == tenantId, cancellationToken);

    public Task<WorkLog?> FindAsync(string managerId, DateOnly date, CancellationToken cancellationToken) =>
        db.Set<WorkLog>().Include(l => l.Revisions).Include(l => l.Reviews)
            .SingleOrDefaultAsync(l => l.ManagerId == managerId && l.WorkDate == date, cancellationToken);

    public Task<Team> TeamAsync(string teamId, CancellationToken cancellationToken) =>
        db.Teams.AsNoTracking().Include(t => t.Lead).SingleAsync(t => t.Id == teamId, cancellationToken);

    public Task<Person?> PersonAsync(string? id, CancellationToken cancellationToken) =>
        id is null ? Task.FromResult<Person?>(null) : db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    public async Task<string?> NameAsync(string? personId, CancellationToken cancellationToken) =>
        (await PersonAsync(personId, cancellationToken))?.DisplayName;

    public Task<string?> TeamsUserIdAsync(Person person, CancellationToken cancellationToken) => people.TeamsUserIdAsync(person, cancellationToken);

    /// <summary>True when the bot has a live conversation reference for the person (so a proactive message can reach them).</summary>
    public Task<bool> CanReachAsync(Person person, CancellationToken cancellationToken) => people.IsReachableAsync(person, cancellationToken);

    public void Audit(BotRequest request, string actorId, string action, WorkLog log, int revision) =>
        db.Set<AuditEntry>().Add(new AuditEntry
        {
            TenantId = log.TenantId,
            At = Now,
            ActorId = actorId,
            Action = action,
            SubjectType = "WorkLog",
            SubjectId = log.Id.ToString(),
            Revision = revision,
            SourceVerb = request.Verb,
            SourceActivityId = request.Activity.Id,
            SourceCardActivityId = request.Activity.ReplyToId,
        });

    public void Notify(string kind, WorkLog log, int revision, string recipientId) =>
        db.Set<Notification>().Add(Notification.Create(log.TenantId, kind, log.Id.ToString(), revision, recipientId, Now));

    public void WakeNotifications() => dispatcher.Wake();

    /// <summary>
    /// Runs a step; if a unique index or concurrency stamp says another writer got there first, forgets what was
    /// tracked and runs it once more against what is stored now.
    /// </summary>
    public async Task<T> OnceMoreOnConflictAsync<T>(Func<Task<T>> step)
    {
        try
        {
            return await step();
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await step();
        }
    }

    /// <summary>The manager's summary card, with names and refresh list filled in.</summary>
    public Task<BotFramework.Cards.AdaptiveCard> SummaryAsync(WorkLog log, Person manager, Language language, CancellationToken cancellationToken, string? notice = null) =>
        SummaryAsync(log, manager, language, notice is null ? null : new WorkLogCards.CardNotice(notice), cancellationToken);

    public async Task<BotFramework.Cards.AdaptiveCard> SummaryAsync(WorkLog log, Person manager, Language language, WorkLogCards.CardNotice? notice, CancellationToken cancellationToken)
    {
        var team = await TeamAsync(log.TeamId, cancellationToken);
        var template = await TemplateForAsync(team, cancellationToken);
        var last = log.Reviews.OrderByDescending(r => r.RevisionNumber).FirstOrDefault();
        var reviewer = await NameAsync(last?.ReviewerId ?? log.ReviewedById ?? log.PraisedById, cancellationToken);
        var userId = await TeamsUserIdAsync(manager, cancellationToken);
        var customers = await CustomersAsync(log, template!, cancellationToken);
        return WorkLogCards.Summary(log, template!, last, reviewer, userId, language, notice, customers);
    }

    /// <summary>The reviewer's card for the log's current revision.</summary>
    public async Task<BotFramework.Cards.AdaptiveCard> ReviewAsync(
        WorkLog log, Person reviewer, Language language, CancellationToken cancellationToken,
        string? notice = null, Dictionary<string, string>? typed = null, Dictionary<string, string>? errors = null)
    {
        var team = await TeamAsync(log.TeamId, cancellationToken);
        var template = await TemplateForAsync(team, cancellationToken);
        var manager = await PersonAsync(log.ManagerId, cancellationToken);
        var decided = log.Reviews.SingleOrDefault(r => r.RevisionNumber == log.CurrentRevision);
        var decider = await NameAsync(decided?.ReviewerId ?? log.PraisedById, cancellationToken);
        var userId = await TeamsUserIdAsync(reviewer, cancellationToken);
        var customers = await CustomersAsync(log, template!, cancellationToken);
        var state = new WorkLogCards.ReviewState(log, template!, manager!, team, decider, typed ?? [], errors ?? [], userId, customers);
        return WorkLogCards.Review(state, language, notice);
    }

    /// <summary>The form to write or revise a log, prefilled.</summary>
    public async Task<BotFramework.Cards.AdaptiveCard> FormAsync(Team team, LogTemplate template, DateOnly date, WorkLog? log, Dictionary<string, string> values,
        Dictionary<string, string> errors, int baseRevision, Language language, CancellationToken cancellationToken, string? notice = null, string? writerId = null)
    {
        var returned = log?.Status == WorkLogStatus.Returned ? log.Reviews.OrderByDescending(r => r.RevisionNumber).FirstOrDefault() : null;
        var reviewer = await NameAsync(returned?.ReviewerId, cancellationToken);
        // The picker shows again only the writer's own customers: one picked and since moved to someone else is named in the error.
        var writer = writerId ?? log?.ManagerId;
        var customers = (await PickedCustomersAsync(team.TenantId, template, values, cancellationToken))
            .Where(c => c.Value.ManagerId == writer).ToDictionary();
        return WorkLogCards.Form(new WorkLogCards.FormState(template, team, date, values, errors, log?.Id, baseRevision, returned, reviewer, notice, Timing(team, date), customers), language);
    }

    /// <summary>The registered customers the values (typed or stored) pick, by id, within the tenant.</summary>
    public Task<Dictionary<long, PickedCustomer>> PickedCustomersAsync(string tenantId, LogTemplate template, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken) =>
        CustomerPicks.NamesAsync(db, tenantId, template.CustomerIds(values), cancellationToken);

    private Task<Dictionary<long, PickedCustomer>> CustomersAsync(WorkLog log, LogTemplate template, CancellationToken cancellationToken) =>
        PickedCustomersAsync(log.TenantId, template, log.Revisions.Single(r => r.Number == log.CurrentRevision).Values, cancellationToken);
}
