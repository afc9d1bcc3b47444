using System.Security.Cryptography;
using System.Text;
using DiligenceBot.Audit;
using DiligenceBot.Data;
using DiligenceBot.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DiligenceBot.DirectorySync;

/// <summary>
/// The one step that makes a tenant's stored organisation what a directory source says, for the seeds and for
/// Microsoft Graph alike: <see cref="PlanAsync"/> works out the joins, moves, leaves and conflicts (the dry run) without
/// writing anything, <see cref="ApplyAsync"/> writes them. The caller owns the transaction.
/// </summary>
public sealed class DirectoryUpdate(DiligenceDbContext db, TimeProvider time, IOptions<DirectoryOptions> options)
{
    /// <summary>The actor of audit entries written by a sync.</summary>
    public const string SyncActor = "directory-sync";

    public async Task<DirectoryPlan> PlanAsync(DirectoryBatch batch, CancellationToken cancellationToken)
    {
        var plan = new DirectoryPlan(batch);
        var tenant = batch.TenantId;
        // Read without tracking: a sync of 20,000 people changes a few hundred, and only those are attached to be written.
        var stored = await db.People.AsNoTracking().Where(p => p.TenantId == tenant).ToListAsync(cancellationToken);
        var teams = await db.Teams.AsNoTracking().Where(t => t.TenantId == tenant).ToListAsync(cancellationToken);
        plan.StoredPeople = stored;
        plan.StoredTeams = teams;
        var byAad = new Dictionary<string, Person>(StringComparer.Ordinal);
        foreach (var p in stored)
        {
            if (!byAad.TryAdd(p.AadObjectId, p))
            {
                plan.Conflict($"Two stored people share object id {p.AadObjectId} ({byAad[p.AadObjectId].Id}, {p.Id}).");
            }
        }

        // Who is who: one entry per object id, ids resolved (stored id, the seed's id, or one derived from tenant and object id).
        var entries = new Dictionary<string, DirectoryPersonEntry>(StringComparer.Ordinal);
        foreach (var e in batch.People)
        {
            var aad = e.AadObjectId.ToLowerInvariant();
            if (!Guid.TryParse(aad, out _))
            {
                plan.Conflict($"'{Shorten(e.AadObjectId)}' is not an Entra object id.");
                continue;
            }

            if (!entries.TryAdd(aad, e))
            {
                plan.Conflict($"Two people have object id {aad} ({Shorten(entries[aad].DisplayName)}, {Shorten(e.DisplayName)}).");
                continue;
            }

            if (string.IsNullOrWhiteSpace(e.DisplayName))
            {
                plan.Conflict($"Person {aad} has no display name.");
            }

            plan.PersonIds[aad] = byAad.TryGetValue(aad, out var known) ? e.Id ?? known.Id : e.Id ?? DerivedId(tenant, aad);
        }

        var seedIds = plan.PersonIds.Values.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        foreach (var id in seedIds)
        {
            plan.Conflict($"Two people have id {id}.");
        }

        var storedIds = stored.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var idsInUse = await ForeignIdsAsync(tenant, plan.PersonIds.Values.Where(id => !storedIds.Contains(id)).ToList(), cancellationToken);
        foreach (var id in idsInUse)
        {
            plan.Conflict($"Id {id} belongs to a person of another tenant.");
        }

        // Teams: seeds name their ids; a Graph team is the one its lead already leads, or a new one.
        foreach (var t in batch.Teams)
        {
            var leadId = t.LeadAadObjectId is { } la ? plan.PersonIds.GetValueOrDefault(la.ToLowerInvariant()) : null;
            if (t.LeadAadObjectId is not null && leadId is null)
            {
                plan.Conflict($"Team {Shorten(t.NameEn)}: its lead {t.LeadAadObjectId} is not in the directory.");
            }

            var id = t.Id
                ?? teams.Where(x => leadId is not null && x.LeadId == leadId).OrderBy(x => x.Id, StringComparer.Ordinal).Select(x => x.Id).FirstOrDefault()
                ?? DerivedId(tenant, "team:" + t.Key);
            if (plan.TeamIds.ContainsValue(id) || !plan.TeamIds.TryAdd(t.Key, id))
            {
                plan.Conflict($"Team {Shorten(t.NameEn)} is listed twice.");
            }
        }

        var foreignTeams = await db.Teams.AsNoTracking().Where(x => x.TenantId != tenant && plan.TeamIds.Values.Contains(x.Id)).Select(x => x.Id).ToListAsync(cancellationToken);
        foreach (var id in foreignTeams)
        {
            plan.Conflict($"Team id {id} belongs to another tenant.");
        }

        // Each person's team and manager as ids; then the manager chain must end.
        var reportsTo = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (aad, e) in entries)
        {
            var id = plan.PersonIds[aad];
            string? teamId = null;
            if (e.TeamKey is not null && !plan.TeamIds.TryGetValue(e.TeamKey, out teamId))
            {
                plan.Conflict($"{Shorten(e.DisplayName)} is in team {Shorten(e.TeamKey)}, which the directory does not list.");
            }

            string? managerId = null;
            if (e.ManagerAadObjectId is { } m && !plan.PersonIds.TryGetValue(m.ToLowerInvariant(), out managerId) && !e.ManagerMayBeOutside)
            {
                plan.Conflict($"{Shorten(e.DisplayName)} reports to {m}, who is not in the directory.");
            }

            if (managerId == id)
            {
                plan.Conflict($"{Shorten(e.DisplayName)} reports to themselves.");
                managerId = null;
            }

            reportsTo[id] = managerId;
            plan.Targets[aad] = (teamId, managerId);
        }

        foreach (var cycle in ManagerCycles(reportsTo))
        {
            plan.Conflict($"The manager chain goes round in a circle: {string.Join(" → ", cycle)}.");
        }

        // Joins, moves, updates; then who leaves.
        foreach (var (aad, e) in entries)
        {
            var (teamId, managerId) = plan.Targets[aad];
            if (!byAad.TryGetValue(aad, out var person) || person.LeftAt is not null)
            {
                plan.Joins.Add(new PersonChange(aad, e.DisplayName, null, teamId));
                plan.Touched.Add(aad);
            }
            else if (person.TeamId != teamId || person.ReportsToId != managerId)
            {
                plan.Moves.Add(new PersonChange(aad, e.DisplayName, person.TeamId, teamId));
                plan.Touched.Add(aad);
            }
            else if (person.DisplayName != e.DisplayName || person.Email != e.Email || person.Locale != e.Locale
                || person.IsAdmin != e.IsAdmin || person.Roles != e.Roles || person.AadObjectId != aad)
            {
                plan.Updates++;
                plan.Touched.Add(aad);
            }
        }

        if (batch.Complete)
        {
            foreach (var p in stored.Where(p => p.LeftAt is null && !entries.ContainsKey(p.AadObjectId)))
            {
                plan.Leaves.Add(new PersonChange(p.AadObjectId, p.DisplayName, p.TeamId, null));
            }
        }

        plan.ActiveBefore = stored.Count(p => p.LeftAt is null);
        plan.Entries = entries;
        return plan;
    }

    /// <summary>
    /// Writes a plan without conflicts, in three saves so that no row waits for another that is not written yet (a team
    /// points at its lead, a person at their team): teams without a new lead, then people with their team and manager
    /// (joins reactivate; a manager is written before those who report to them, and the plan refused circles), then the
    /// teams' leads and the leavers.
    /// </summary>
    public async Task<int> ApplyAsync(DirectoryPlan plan, CancellationToken cancellationToken)
    {
        if (plan.Conflicts.Count > 0)
        {
            throw new InvalidOperationException("A plan with conflicts cannot be applied.");
        }

        var batch = plan.Batch;
        var now = time.GetUtcNow();
        var teamsById = plan.StoredTeams.ToDictionary(t => t.Id, StringComparer.Ordinal);
        db.Teams.AttachRange(plan.StoredTeams); // a tenant's teams are few; only what changes is written
        var defaults = options.Value;
        foreach (var t in batch.Teams)
        {
            var id = plan.TeamIds[t.Key];
            if (!teamsById.TryGetValue(id, out var team))
            {
                team = new Team { Id = id, TenantId = batch.TenantId, NameEn = t.NameEn, NameZh = t.NameZh };
                if (t.Settings is null)
                {
                    team.MeetingTime = defaults.NewTeamMeetingTime;
                    team.TimeZone = defaults.NewTeamTimeZone;
                    team.LogTemplateId = defaults.NewTeamLogTemplateId;
                    team.HolidayCalendarId = defaults.NewTeamHolidayCalendarId;
                }

                db.Teams.Add(team);
                teamsById[id] = team;
            }

            team.NameEn = t.NameEn;
            team.NameZh = t.NameZh;
            if (t.Settings is { } s)
            {
                Apply(team, s);
            }
        }

        var changes = await db.SaveChangesAsync(cancellationToken);

        var byId = plan.StoredPeople.ToDictionary(p => p.Id, StringComparer.Ordinal);
        foreach (var aad in plan.Touched)
        {
            var e = plan.Entries[aad];
            var id = plan.PersonIds[aad];
            if (!byId.TryGetValue(id, out var person))
            {
                person = new Person { Id = id, TenantId = batch.TenantId, AadObjectId = aad, DisplayName = e.DisplayName };
                db.People.Add(person);
                byId[id] = person;
            }
            else
            {
                db.People.Attach(person);
            }

            person.AadObjectId = aad;
            person.DisplayName = e.DisplayName;
            person.Email = e.Email;
            person.IsAdmin = e.IsAdmin;
            person.Locale = e.Locale;
            person.Roles = e.Roles;
            person.LeftAt = null;
            // A manager outside the configured groups (Graph) is not in the bot's directory: no one to escalate to.
            (person.TeamId, person.ReportsToId) = plan.Targets[aad];
        }

        changes += await db.SaveChangesAsync(cancellationToken);

        foreach (var t in batch.Teams)
        {
            teamsById[plan.TeamIds[t.Key]].LeadId = t.LeadAadObjectId is { } la ? plan.PersonIds[la.ToLowerInvariant()] : null;
        }

        var leaving = plan.Leaves.Select(l => l.AadObjectId).ToHashSet(StringComparer.Ordinal);
        if (leaving.Count > 0)
        {
            var posts = await db.Set<Transfers.TransferPost>().Where(p => p.TenantId == batch.TenantId).ToListAsync(cancellationToken);
            foreach (var person in plan.StoredPeople.Where(p => leaving.Contains(p.AadObjectId)))
            {
                db.People.Attach(person);
                Leave(person, teamsById.Values, posts, byId, now);
            }
        }

        return changes + await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Deactivates someone the directory no longer lists: records stay; no team (so no reminders); their open duties go
    /// to their lead: the teams they led, their place in transfer posts; they stop being a review delegate.
    /// </summary>
    private void Leave(Person person, IEnumerable<Team> teams, List<Transfers.TransferPost> posts, Dictionary<string, Person> byId, DateTimeOffset now)
    {
        var formerTeam = person.TeamId is { } tid ? teams.FirstOrDefault(t => t.Id == tid) : null;
        var successor = ActiveSuccessor(person.ReportsToId, byId) ?? ActiveSuccessor(formerTeam?.LeadId, byId);
        person.LeftAt = now;
        person.TeamId = null;
        person.Roles = DirectoryRoles.None;
        person.IsAdmin = false;
        foreach (var team in teams)
        {
            if (team.LeadId == person.Id)
            {
                team.LeadId = successor;
            }

            if (team.DelegateIds.Contains(person.Id))
            {
                team.DelegateIds = [.. team.DelegateIds.Where(d => d != person.Id)];
            }
        }

        foreach (var post in posts)
        {
            if (post.LeadId == person.Id)
            {
                post.LeadId = successor;
            }

            if (post.MemberIds.Contains(person.Id))
            {
                var members = post.MemberIds.Where(m => m != person.Id).ToList();
                if (successor is not null && !members.Contains(successor) && post.LeadId != successor)
                {
                    members.Add(successor);
                }

                post.MemberIds = members;
            }
        }

        db.AuditEntries.Add(new AuditEntry
        {
            TenantId = person.TenantId,
            At = now,
            ActorId = SyncActor,
            Action = "directory.left",
            SubjectType = "person",
            SubjectId = person.Id,
        });
    }

    private static string? ActiveSuccessor(string? id, Dictionary<string, Person> byId) =>
        id is not null && byId.TryGetValue(id, out var p) && p.LeftAt is null ? p.Id : null;

    private static void Apply(Team team, TeamSettings s)
    {
        team.MeetingTime = s.MeetingTime;
        team.TimeZone = s.TimeZone;
        team.LogTemplateId = s.LogTemplateId;
        team.HolidayCalendarId = s.HolidayCalendarId;
        (team.LogCovers, team.LogDueTime) = (s.LogCovers, s.LogDueTime);
        // Lists are replaced only when they differ, so an unchanged team writes nothing.
        if (!team.DelegateIds.SequenceEqual(s.DelegateIds))
        {
            team.DelegateIds = [.. s.DelegateIds];
        }

        if (!team.WorkingDays.SequenceEqual(s.WorkingDays))
        {
            team.WorkingDays = [.. s.WorkingDays];
        }

        if (!team.ReminderOffsets.SequenceEqual(s.ReminderOffsets))
        {
            team.ReminderOffsets = [.. s.ReminderOffsets];
        }
    }

    private async Task<List<string>> ForeignIdsAsync(string tenant, List<string> ids, CancellationToken cancellationToken)
    {
        var found = new List<string>();
        foreach (var chunk in ids.Chunk(500))
        {
            found.AddRange(await db.People.AsNoTracking().Where(p => p.TenantId != tenant && chunk.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken));
        }

        return found;
    }

    /// <summary>Each circle in the reports-to relation once, as the ids around it.</summary>
    internal static List<List<string>> ManagerCycles(IReadOnlyDictionary<string, string?> reportsTo)
    {
        var cycles = new List<List<string>>();
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on the current path, 2 = done
        foreach (var start in reportsTo.Keys)
        {
            var path = new List<string>();
            var current = start;
            while (current is not null && !state.ContainsKey(current))
            {
                state[current] = 1;
                path.Add(current);
                current = reportsTo.GetValueOrDefault(current);
            }

            if (current is not null && state[current] == 1)
            {
                cycles.Add([.. path.SkipWhile(id => id != current), current]);
            }

            foreach (var id in path)
            {
                state[id] = 2;
            }
        }

        return cycles;
    }

    /// <summary>A stable person or team id for a tenant's object: no two tenants get the same one, and it fits the 64-character keys.</summary>
    public static string DerivedId(string tenantId, string key) =>
        "g-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(tenantId + "/" + key)))[..30];

    private static string Shorten(string value) => BotFramework.LogText.Untrusted(value) ?? string.Empty;
}

/// <summary>One person's change in a plan: who, and from which team to which.</summary>
public sealed record PersonChange(string AadObjectId, string DisplayName, string? FromTeamId, string? ToTeamId);

/// <summary>The dry run of one batch: what would change, and what stops it.</summary>
public sealed class DirectoryPlan(DirectoryBatch batch)
{
    public DirectoryBatch Batch { get; } = batch;
    public List<PersonChange> Joins { get; } = [];
    public List<PersonChange> Moves { get; } = [];
    public List<PersonChange> Leaves { get; } = [];
    public int Updates { get; set; }
    public List<string> Conflicts { get; } = [];
    /// <summary>Active people before the batch.</summary>
    public int ActiveBefore { get; set; }
    public int ActiveAfter => ActiveBefore + Joins.Count - Leaves.Count;

    /// <summary>The share of the active people the batch moves or deactivates (what the guard looks at).</summary>
    public double DisruptedShare => ActiveBefore == 0 ? 0 : (double)(Moves.Count + Leaves.Count) / ActiveBefore;

    internal Dictionary<string, string> PersonIds { get; } = new(StringComparer.Ordinal);
    /// <summary>The people (object ids) the plan writes: joins, moves and updates.</summary>
    internal HashSet<string> Touched { get; } = new(StringComparer.Ordinal);
    internal Dictionary<string, string> TeamIds { get; } = new(StringComparer.Ordinal);
    internal Dictionary<string, (string? TeamId, string? ManagerId)> Targets { get; } = new(StringComparer.Ordinal);
    internal Dictionary<string, DirectoryPersonEntry> Entries { get; set; } = new(StringComparer.Ordinal);
    internal List<Person> StoredPeople { get; set; } = [];
    internal List<Team> StoredTeams { get; set; } = [];

    /// <summary>How many conflicts there were (<see cref="Conflicts"/> keeps the first 50).</summary>
    public int ConflictCount { get; private set; }

    internal void Conflict(string text)
    {
        ConflictCount++;
        // Enough to act on; a broken directory must not fill the run record with 20,000 lines.
        if (Conflicts.Count < 50)
        {
            Conflicts.Add(text);
        }
        else if (Conflicts.Count == 50)
        {
            Conflicts.Add("…");
        }
    }
}
