using DiligenceBot.Audit;
using DiligenceBot.Conversations;
using DiligenceBot.Data;
using DiligenceBot.Notifications;
using DiligenceBot.Organisation;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Coaching;

/// <summary>Everything the coaching card shows a lead about one manager.</summary>
public sealed record CoachingView(
    Person Manager,
    Team Team,
    CoachingSuggestion Suggestion,
    IReadOnlyList<CoachingAssessment> Assessments,
    IReadOnlyList<CoachingAction> OpenActions,
    IReadOnlyList<LeadObservation> Observations,
    IReadOnlyDictionary<string, string> Names,
    DateOnly Today,
    int TipsSent)
{
    /// <summary>The lead's latest decision, if any.</summary>
    public CoachingAssessment? Current => Assessments.Count > 0 ? Assessments[0] : null;
}

/// <summary>
/// The coaching module's shared work: who may coach whom (a manager's lead chain: the team's lead, that lead's own
/// manager, and so on up), the evidence and the rules' suggestion, the lead's decisions and the actions they
/// schedule, observations, tips, pulses.
/// </summary>
public sealed class CoachingDesk(
    DiligenceDbContext db, CoachingLibrary library, CoachingEvidenceLoader evidence, TimeProvider time, NotificationDispatcher dispatcher)
{
    public const string PulseKind = "coaching.pulse";
    public const string DigestKind = "coaching.digest";
    public const string ActionDueKind = "coaching.action-due";
    public const string TipKind = "coaching.tip";

    /// <summary>Assessments shown as history on the card.</summary>
    private const int HistoryShown = 5;

    public DiligenceDbContext Db => db;
    public CoachingLibrary Library => library;
    public DateTimeOffset Now => time.GetUtcNow();

    public Task<Person?> PersonAsync(string tenantId, string? id, CancellationToken cancellationToken) =>
        id is null
            ? Task.FromResult<Person?>(null)
            : db.People.AsNoTracking().Include(p => p.Team).SingleOrDefaultAsync(p => p.TenantId == tenantId && p.Id == id, cancellationToken);

    /// <summary>The managers (members of a team) of the viewer's tenant whose lead chain includes the viewer, by name.</summary>
    public async Task<List<Person>> CoachableByAsync(Person viewer, CancellationToken cancellationToken)
    {
        var (teams, people) = await OrganisationAsync(viewer.TenantId, cancellationToken);
        Func<string, ValueTask<string?>> reportsTo = id => ValueTask.FromResult(people.GetValueOrDefault(id)?.ReportsToId);
        var coachable = new List<Person>();
        foreach (var person in people.Values)
        {
            if (person.TeamId is not null && teams.TryGetValue(person.TeamId, out var team)
                && await InLeadChainAsync(viewer.Id, person, team.LeadId, reportsTo))
            {
                coachable.Add(person);
            }
        }

        return coachable.OrderBy(p => p.DisplayName, StringComparer.Ordinal).ToList();
    }

    public async Task<bool> MayCoachAsync(Person viewer, Person manager, CancellationToken cancellationToken)
    {
        if (viewer.TenantId != manager.TenantId || viewer.Id == manager.Id)
        {
            return false;
        }

        // One person at a time: a button press should not load the whole tenant.
        var team = manager.TeamId is null ? null : await TeamAsync(manager, cancellationToken);
        return team is not null && team.TenantId == manager.TenantId
            && await InLeadChainAsync(viewer.Id, manager, team.LeadId, async id => await db.People.AsNoTracking()
                .Where(p => p.TenantId == manager.TenantId && p.Id == id).Select(p => p.ReportsToId).SingleOrDefaultAsync(cancellationToken));
    }

    /// <summary>
    /// Whether the viewer may see a manager's type and coach them: the viewer is in the manager's lead chain, the
    /// team's lead and then up the reporting line (at most 10 steps; the walk stops at the manager or on a loop).
    /// </summary>
    private static async ValueTask<bool> InLeadChainAsync(string viewerId, Person manager, string? teamLeadId, Func<string, ValueTask<string?>> reportsTo)
    {
        var walked = new List<string>();
        for (var id = teamLeadId; id is not null && id != manager.Id && !walked.Contains(id) && walked.Count < 10; id = await reportsTo(id))
        {
            if (id == viewerId)
            {
                return true;
            }

            walked.Add(id);
        }

        return false;
    }

    /// <summary>The manager's team: the one loaded with the person when there is one, else from the database.</summary>
    private async Task<Team?> TeamAsync(Person manager, CancellationToken cancellationToken) =>
        manager.Team is { } loaded && loaded.Id == manager.TeamId
            ? loaded
            : await db.Teams.AsNoTracking().SingleOrDefaultAsync(t => t.Id == manager.TeamId, cancellationToken);

    private async Task<(Dictionary<string, Team> Teams, Dictionary<string, Person> People)> OrganisationAsync(string tenantId, CancellationToken cancellationToken) =>
        (await db.Teams.AsNoTracking().Where(t => t.TenantId == tenantId).ToDictionaryAsync(t => t.Id, StringComparer.Ordinal, cancellationToken),
         await db.People.AsNoTracking().Where(p => p.TenantId == tenantId).ToDictionaryAsync(p => p.Id, StringComparer.Ordinal, cancellationToken));

    /// <summary>The rules' suggestions for these managers, as of now.</summary>
    public async Task<Dictionary<string, CoachingSuggestion>> SuggestAsync(string tenantId, IReadOnlyCollection<Person> managers, CancellationToken cancellationToken)
    {
        var thresholds = library.Thresholds;
        var loaded = await evidence.LoadAsync(tenantId, managers, thresholds.LongWindowDays, cancellationToken);
        return loaded.ToDictionary(e => e.Key, e => CoachingRules.Classify(e.Value, thresholds), StringComparer.Ordinal);
    }

    public Task<CoachingView?> ViewAsync(Person manager, CancellationToken cancellationToken) => ViewAsync(manager, null, cancellationToken);

    /// <param name="suggestion">
    /// The suggestion of a view taken moments ago, when what changed since (a decision, an action, a tip) is not
    /// evidence: the evidence is then not loaded again.
    /// </param>
    public async Task<CoachingView?> ViewAsync(Person manager, CoachingSuggestion? suggestion, CancellationToken cancellationToken)
    {
        if (manager.TeamId is null || await TeamAsync(manager, cancellationToken) is not { } team)
        {
            return null;
        }

        suggestion ??= (await SuggestAsync(manager.TenantId, [manager], cancellationToken))[manager.Id];
        var assessments = await db.Set<CoachingAssessment>().AsNoTracking()
            .Where(a => a.TenantId == manager.TenantId && a.ManagerId == manager.Id)
            .OrderByDescending(a => a.Number)
            .Take(HistoryShown).ToListAsync(cancellationToken);
        var actions = await db.Set<CoachingAction>().AsNoTracking()
            .Where(a => a.TenantId == manager.TenantId && a.ManagerId == manager.Id && a.Status == CoachingActionStatus.Open)
            .OrderBy(a => a.Due).ThenBy(a => a.PlaybookActionId).ToListAsync(cancellationToken);
        var observations = await db.Set<LeadObservation>().AsNoTracking()
            .Where(o => o.TenantId == manager.TenantId && o.ManagerId == manager.Id)
            .OrderByDescending(o => o.RecordedAt).Take(HistoryShown).ToListAsync(cancellationToken);
        var nameIds = assessments.Select(a => a.DecidedById).Concat(observations.Select(o => o.RecordedById)).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => p.TenantId == manager.TenantId && nameIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.DisplayName, StringComparer.Ordinal, cancellationToken);
        var tips = await db.Notifications.CountAsync(n => n.TenantId == manager.TenantId && n.Kind == TipKind && n.RecipientId == manager.Id, cancellationToken);
        return new CoachingView(manager, team, suggestion, assessments, actions, observations, names, team.LocalDate(Now), tips);
    }

    /// <summary>
    /// Records the lead's decision. A new type closes the open actions of the previous one (skipped, "type changed")
    /// and schedules the new playbook's actions, due counted from today in the manager's team time zone; confirming
    /// the same type again schedules its actions only when none is open.
    /// </summary>
    public CoachingAssessment Decide(BotRequest request, Person lead, CoachingView view, ManagerType? suggested, ManagerType chosen, string? reason, List<CoachingAction> openActions)
    {
        var now = Now;
        var assessment = new CoachingAssessment
        {
            Id = Guid.NewGuid(),
            TenantId = view.Manager.TenantId,
            ManagerId = view.Manager.Id,
            Number = (view.Current?.Number ?? 0) + 1,
            SuggestedType = suggested,
            ChosenType = chosen,
            Reason = reason,
            DecidedById = lead.Id,
            DecidedAt = now,
            SourceActivityId = request.Activity.Id,
        };
        db.Set<CoachingAssessment>().Add(assessment);
        foreach (var stale in openActions.Where(a => a.Type != chosen))
        {
            stale.Status = CoachingActionStatus.Skipped;
            stale.ClosedAt = now;
            stale.ClosedById = lead.Id;
            stale.Note = "type changed";
        }

        if (!openActions.Any(a => a.Type == chosen))
        {
            foreach (var action in library[chosen].Actions)
            {
                db.Set<CoachingAction>().Add(new CoachingAction
                {
                    Id = Guid.NewGuid(),
                    TenantId = assessment.TenantId,
                    ManagerId = assessment.ManagerId,
                    AssessmentId = assessment.Id,
                    Type = chosen,
                    PlaybookActionId = action.Id,
                    Due = view.Today.AddDays(action.DueInDays),
                    Status = CoachingActionStatus.Open,
                });
            }
        }

        Audit(request, lead.Id, "coaching.decided", "CoachingAssessment", assessment.Id.ToString(), assessment.TenantId);
        return assessment;
    }

    public void Audit(BotRequest? request, string actorId, string action, string subjectType, string subjectId, string tenantId) =>
        db.Set<AuditEntry>().Add(new AuditEntry
        {
            TenantId = tenantId,
            At = Now,
            ActorId = actorId,
            Action = action,
            SubjectType = subjectType,
            SubjectId = subjectId,
            SourceVerb = request?.Verb,
            SourceActivityId = request?.Activity.Id,
            SourceCardActivityId = request?.Activity.ReplyToId,
        });

    /// <summary>
    /// Queues a tip for the manager (the tip's key carries the card's count of tips sent, so a re-delivered press sends
    /// one). HasTips is false when the type has none; Queued is false when this press's tip was already queued.
    /// </summary>
    public async Task<(bool HasTips, bool Queued)> QueueTipAsync(Person manager, ManagerType type, int sequence, CancellationToken cancellationToken)
    {
        var tips = library[type].ManagerTips;
        if (tips.Count == 0)
        {
            return (false, false);
        }

        var fresh = await NotificationQueue.AddNewAsync(
            db, [Notification.Create(manager.TenantId, TipKind, $"{CoachingLibrary.TypeKey(type)}.{sequence % tips.Count}", sequence, manager.Id, Now)], cancellationToken);
        return (true, fresh.Count > 0);
    }

    public void WakeNotifications() => dispatcher.Wake();
}
