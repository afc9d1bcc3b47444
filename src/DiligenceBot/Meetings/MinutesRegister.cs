using DiligenceBot.Audit;
using DiligenceBot.BotFramework.Cards;
using DiligenceBot.Conversations;
using DiligenceBot.Data;
using DiligenceBot.Localization;
using DiligenceBot.Notifications;
using DiligenceBot.Organisation;
using DiligenceBot.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Meetings;

/// <summary>
/// The minutes' shared knowledge: which teams a person records minutes for, who is on a team's attendance list and
/// who may own its action items, who checks, loading within a tenant, who may see what, the audit trail, queuing
/// notifications, the due-day instants of action items, and building each person's card. Used by the verbs, the
/// notification renderers, the action item job and the lead's digest.
/// </summary>
public sealed class MinutesRegister(DiligenceDbContext db, TimeProvider time, NotificationDispatcher dispatcher, HolidayCalendars calendars, TrainingTopics topics)
{
    public const string Recorded = "minutes.recorded";
    public const string Checked = "minutes.checked";
    /// <summary>Queued by the team's schedule (<see cref="TeamScheduleJob"/>) when a working day's daily meeting has no minutes.</summary>
    public const string Missing = "minutes.missing";
    public const string Assigned = "action.assigned";
    public const string DueToday = "action.due";
    public const string Overdue = "action.overdue";
    public const string Blocked = "action.blocked";

    public const string SystemActor = "system";

    public DiligenceDbContext Db => db;

    public TrainingTopics Topics => topics;

    public DateTimeOffset Now => time.GetUtcNow();

    public Task<Team?> TeamAsync(string tenantId, string teamId, CancellationToken cancellationToken) =>
        db.Teams.AsNoTracking().SingleOrDefaultAsync(t => t.Id == teamId && t.TenantId == tenantId, cancellationToken);

    /// <summary>The team's managers (the attendance list), by name.</summary>
    public Task<List<Person>> MembersAsync(Team team, CancellationToken cancellationToken) =>
        db.People.AsNoTracking().Where(p => p.TeamId == team.Id && p.TenantId == team.TenantId && p.LeftAt == null)
            .OrderBy(p => p.DisplayName).ThenBy(p => p.Id).ToListAsync(cancellationToken);

    /// <summary>One training a person attended (present): the minutes, the day, the hours, the topics it covered.</summary>
    public sealed record TrainingAttended(string PersonId, Guid MinutesId, DateOnly Date, double Hours, IReadOnlyList<string> TopicIds);

    /// <summary>
    /// The trainings each person attended (present) between the dates, within the tenant: the training record and the
    /// half-year skills assessment read the minutes this one way (nothing is copied).
    /// </summary>
    public async Task<Dictionary<string, List<TrainingAttended>>> TrainingsAttendedAsync(string tenantId, IReadOnlyCollection<string> people, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var ids = people.ToList();
        var rows = await (
            from a in db.Set<MeetingAttendance>().AsNoTracking()
            join m in db.Set<MeetingMinutes>().AsNoTracking() on a.MinutesId equals m.Id
            where a.Present && ids.Contains(a.PersonId) && m.TenantId == tenantId && m.Kind == MeetingKind.Training && m.MeetingDate >= first && m.MeetingDate <= last
            select new { a.PersonId, m.Id, m.MeetingDate, m.TrainingHours, m.TrainingTopicIds }).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.PersonId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.MeetingDate).Select(r => new TrainingAttended(r.PersonId, r.Id, r.MeetingDate, r.TrainingHours ?? 0, r.TrainingTopicIds)).ToList(), StringComparer.Ordinal);
    }

    /// <summary>The team's trainings between the dates (latest first), with who was present.</summary>
    public Task<List<MeetingMinutes>> TeamTrainingsAsync(Team team, DateOnly first, DateOnly last, CancellationToken cancellationToken) =>
        db.Set<MeetingMinutes>().AsNoTracking().Include(m => m.Attendance)
            .Where(m => m.TenantId == team.TenantId && m.TeamId == team.Id && m.Kind == MeetingKind.Training && m.MeetingDate >= first && m.MeetingDate <= last)
            .OrderByDescending(m => m.MeetingDate).ToListAsync(cancellationToken);

    /// <summary>Who may own the team's action items: its managers, its lead and the delegates.</summary>
    public async Task<List<Person>> OwnersAsync(Team team, IReadOnlyList<Person> members, CancellationToken cancellationToken)
    {
        var reviewers = team.DelegateIds.Append(team.LeadId).OfType<string>().ToList();
        var others = await db.People.AsNoTracking().Where(p => p.TenantId == team.TenantId && p.LeftAt == null && reviewers.Contains(p.Id)).ToListAsync(cancellationToken);
        return members.Concat(others.Where(o => members.All(m => m.Id != o.Id)).OrderBy(o => o.Id != team.LeadId).ThenBy(o => o.DisplayName)).ToList();
    }

    /// <summary>Who checks the team's minutes: its lead's own manager in the directory (null when there is none).</summary>
    public async Task<Person?> CheckerAsync(Team team, CancellationToken cancellationToken)
    {
        if (team.LeadId is null)
        {
            return null;
        }

        var above = await db.People.AsNoTracking().Where(p => p.Id == team.LeadId && p.TenantId == team.TenantId).Select(p => p.ReportsToId).SingleOrDefaultAsync(cancellationToken);
        return above is null ? null : await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == above && p.TenantId == team.TenantId && p.LeftAt == null, cancellationToken);
    }

    public DateOnly Today(Team team) => team.LocalDate(Now);

    public Task<MeetingMinutes?> LoadAsync(Guid id, string tenantId, CancellationToken cancellationToken) =>
        db.Set<MeetingMinutes>().Include(m => m.Attendance).Include(m => m.ActionItems)
            .SingleOrDefaultAsync(m => m.Id == id && m.TenantId == tenantId, cancellationToken);

    public Task<ActionItem?> LoadItemAsync(Guid id, string tenantId, CancellationToken cancellationToken) =>
        db.Set<ActionItem>().SingleOrDefaultAsync(a => a.Id == id && a.TenantId == tenantId, cancellationToken);

    public Task<Dictionary<string, string>> NamesAsync(IEnumerable<string?> ids, CancellationToken cancellationToken)
    {
        var list = ids.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return db.People.AsNoTracking().Where(p => list.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, StringComparer.Ordinal, cancellationToken);
    }

    /// <summary>
    /// Who may see minutes: the people on its attendance list, the owners of its items, the team's lead and delegates,
    /// the checker, and anyone the team's lead reports to (the lead chain); always within the minutes' tenant.
    /// </summary>
    public async Task<bool> MaySeeAsync(MeetingMinutes minutes, Person person, CancellationToken cancellationToken)
    {
        if (person.TenantId != minutes.TenantId)
        {
            return false;
        }

        if (minutes.Attendance.Any(a => a.PersonId == person.Id) || minutes.ActionItems.Any(a => a.OwnerId == person.Id)
            || minutes.CheckerId == person.Id || minutes.RecordedById == person.Id)
        {
            return true;
        }

        var team = await TeamAsync(minutes.TenantId, minutes.TeamId, cancellationToken);
        return team is not null && (team.IsReviewer(person.Id) || await LeadChainAsync(team, person.Id, cancellationToken));
    }

    /// <summary>True when <paramref name="personId"/> is above the team's lead in the directory (its manager, their manager, …).</summary>
    private async Task<bool> LeadChainAsync(Team team, string personId, CancellationToken cancellationToken)
    {
        var current = team.LeadId;
        for (var depth = 0; current is not null && depth < 10; depth++)
        {
            current = await db.People.AsNoTracking().Where(p => p.Id == current && p.TenantId == team.TenantId).Select(p => p.ReportsToId).SingleOrDefaultAsync(cancellationToken);
            if (current == personId)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The due day's reminder instant (the team's meeting time that day) and the end of the due day, in the team's zone.</summary>
    public (DateTimeOffset RemindAt, DateTimeOffset OverdueAt) DueInstants(Team team, DateOnly due)
    {
        var schedule = calendars.ScheduleOf(team);
        return (ScheduleMath.LocalInstant(schedule, due, team.MeetingTime), ScheduleMath.LocalInstant(schedule, due.AddDays(1), TimeOnly.MinValue));
    }

    public void Audit(BotRequest? request, string tenantId, string actorId, string action, string subjectType, Guid subjectId, int revision) =>
        db.Set<AuditEntry>().Add(new AuditEntry
        {
            TenantId = tenantId,
            At = Now,
            ActorId = actorId,
            Action = action,
            SubjectType = subjectType,
            SubjectId = subjectId.ToString(),
            Revision = revision,
            SourceVerb = request?.Verb,
            SourceActivityId = request?.Activity.Id,
            SourceCardActivityId = request?.Activity.ReplyToId,
        });

    /// <summary>Queues a message about a subject's revision (one per kind, subject, revision and recipient).</summary>
    public Notification Notify(string kind, string tenantId, Guid subjectId, int revision, string recipientId)
    {
        var n = Notification.Create(tenantId, kind, subjectId.ToString(), revision, recipientId, Now);
        db.Notifications.Add(n);
        return n;
    }

    public void WakeNotifications() => dispatcher.Wake();

    /// <summary>Runs a step again against what is stored when another writer got there first (<see cref="Conflicts.AgainOnConflictAsync{T}"/>).</summary>
    public Task<T> AgainOnConflictAsync<T>(Func<Task<T>> step, int attempts = 2) => db.AgainOnConflictAsync(step, attempts);

    /// <summary>The form for the team: blank, or as typed with its errors.</summary>
    public async Task<AdaptiveCard> FormAsync(Team team, Guid draftId, int rows, Dictionary<string, string> typed, Dictionary<string, string> errors, Language language, CancellationToken cancellationToken, string? notice = null)
    {
        var members = await MembersAsync(team, cancellationToken);
        var owners = await OwnersAsync(team, members, cancellationToken);
        var checker = await CheckerAsync(team, cancellationToken);
        var state = new MinutesCards.FormState(team, members, owners, checker?.DisplayName, draftId, Math.Clamp(rows, 1, MinutesLimits.MaxRows), Today(team), typed, errors, topics, notice);
        return MinutesCards.Form(state, language);
    }

    /// <summary>The minutes as <paramref name="viewer"/> sees them (the checker with the check to make).</summary>
    public async Task<AdaptiveCard> CardAsync(MeetingMinutes minutes, Person viewer, Language language, CancellationToken cancellationToken, string? notice = null, string? error = null, string? typedComment = null)
    {
        var team = await TeamAsync(minutes.TenantId, minutes.TeamId, cancellationToken) ?? throw new InvalidOperationException($"Team {minutes.TeamId} of minutes {minutes.Id} is gone.");
        var names = await NamesAsync(minutes.Attendance.Select(a => a.PersonId).Concat(minutes.ActionItems.Select(a => a.OwnerId)).Append(minutes.RecordedById).Append(minutes.CheckerId), cancellationToken);
        return MinutesCards.View(new MinutesCards.ViewState(minutes, team, names, viewer.Id == minutes.CheckerId, topics, notice, error, typedComment), language);
    }

    /// <summary>An action item as <paramref name="viewer"/> sees it (the owner with Done and Blocked).</summary>
    public async Task<AdaptiveCard> ItemCardAsync(ActionItem item, Person viewer, Language language, CancellationToken cancellationToken, string? notice = null, string? error = null, string? typedNote = null)
    {
        var minutes = await db.Set<MeetingMinutes>().AsNoTracking().SingleAsync(m => m.Id == item.MinutesId, cancellationToken);
        var team = await TeamAsync(item.TenantId, item.TeamId, cancellationToken) ?? throw new InvalidOperationException($"Team {item.TeamId} of action item {item.Id} is gone.");
        var names = await NamesAsync([item.OwnerId], cancellationToken);
        return ActionItemCards.Item(new ActionItemCards.ItemState(item, minutes, team, names, viewer.Id == item.OwnerId, Today(team), notice, error, typedNote), language);
    }

    /// <summary>Who may see an action item: its owner, and whoever may see its minutes.</summary>
    public async Task<bool> MaySeeItemAsync(ActionItem item, Person person, CancellationToken cancellationToken)
    {
        if (person.TenantId != item.TenantId)
        {
            return false;
        }

        if (item.OwnerId == person.Id)
        {
            return true;
        }

        var minutes = await LoadAsync(item.MinutesId, item.TenantId, cancellationToken);
        return minutes is not null && await MaySeeAsync(minutes, person, cancellationToken);
    }

    /// <summary>The open items of the teams, overdue on <paramref name="today"/> of each team (the digest's question).</summary>
    public async Task<List<(Team Team, List<ActionItem> Items)>> OverdueAsync(IReadOnlyList<Team> teams, CancellationToken cancellationToken)
    {
        var result = new List<(Team, List<ActionItem>)>();
        foreach (var team in teams)
        {
            var today = Today(team);
            var items = await db.Set<ActionItem>().AsNoTracking()
                .Where(a => a.TeamId == team.Id && a.TenantId == team.TenantId && a.State != ActionItemState.Done && a.DueDate < today)
                .OrderBy(a => a.DueDate).ThenBy(a => a.Id).ToListAsync(cancellationToken);
            if (items.Count > 0)
            {
                result.Add((team, items));
            }
        }

        return result;
    }
}
