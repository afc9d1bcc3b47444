using DiligenceBot.Data;
using DiligenceBot.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions.Serialization;

namespace DiligenceBot.DirectorySync;

/// <summary>What one read of Graph gave: the tenant's directory as a batch, and the delta links to store once it is applied.</summary>
public sealed record GraphRead(DirectoryBatch Batch, string UsersDeltaLink, string GroupsDeltaLink, string GroupsKey, bool FullSync, int Requests);

/// <summary>Graph answered something the sync cannot use (a vanished group, a page without links, a user without an id).</summary>
public sealed class DirectoryReadException(string message) : Exception(message);

/// <summary>
/// Microsoft Graph as the directory source, through the real <see cref="GraphServiceClient"/> (app-only token):
/// <c>users/delta</c> (name, mail, preferred language, enabled, manager) and <c>groups/delta</c> filtered to the
/// configured manager, lead and admin groups (their members). The first read is a full one; later reads follow the
/// stored delta links and merge the changes into the stored organisation. Paging follows <c>@odata.nextLink</c> to
/// the <c>@odata.deltaLink</c>; throttling (429 + Retry-After) and 503/504 are retried by the SDK's retry handler.
/// Teams are formed by the configured rule. Nothing is written here.
/// </summary>
public sealed class GraphDirectorySource(GraphServiceClient graph, DiligenceDbContext db, IOptions<DirectoryOptions> options)
{
    private static readonly string[] UserFields = ["id", "displayName", "mail", "userPrincipalName", "preferredLanguage", "accountEnabled"];

    public async Task<GraphRead> ReadAsync(string tenantId, DirectorySyncState? state, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var groups = o.Groups().ToList();
        var groupsKey = string.Join(",", groups.Select(g => $"{g.Role}:{g.GroupId}"));
        var full = state?.UsersDeltaLink is null || state.GroupsDeltaLink is null || state.GroupsKey != groupsKey;
        var requests = 0;

        // Users: everyone changed since the link (or everyone), with their manager.
        var users = new Dictionary<string, GraphUser>(StringComparer.Ordinal);
        var removedUsers = new HashSet<string>(StringComparer.Ordinal);
        var page = full
            ? await graph.Users.Delta.GetAsDeltaGetResponseAsync(c =>
            {
                c.QueryParameters.Select = UserFields;
                c.QueryParameters.Expand = ["manager($select=id)"];
            }, cancellationToken)
            : await graph.Users.Delta.WithUrl(state!.UsersDeltaLink!).GetAsDeltaGetResponseAsync(cancellationToken: cancellationToken);
        string usersDeltaLink;
        while (true)
        {
            requests++;
            foreach (var user in page?.Value ?? [])
            {
                var id = ObjectId(user.Id, "user");
                if (Removed(user.AdditionalData) || user.AccountEnabled == false)
                {
                    removedUsers.Add(id);
                    users.Remove(id);
                    continue;
                }

                removedUsers.Remove(id);
                users[id] = Merge(users.GetValueOrDefault(id), user);
            }

            if (page?.OdataNextLink is { } next)
            {
                page = await graph.Users.Delta.WithUrl(next).GetAsDeltaGetResponseAsync(cancellationToken: cancellationToken);
                continue;
            }

            usersDeltaLink = page?.OdataDeltaLink ?? throw new DirectoryReadException("users/delta answered a page with neither @odata.nextLink nor @odata.deltaLink.");
            break;
        }

        // Groups: the configured groups' members (added, or removed with @removed).
        var added = groups.ToDictionary(g => g.GroupId, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        var removed = groups.ToDictionary(g => g.GroupId, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var groupPage = full
            ? await graph.Groups.Delta.GetAsDeltaGetResponseAsync(c =>
            {
                c.QueryParameters.Filter = string.Join(" or ", groups.Select(g => $"id eq '{g.GroupId}'"));
                c.QueryParameters.Select = ["displayName", "members"];
            }, cancellationToken)
            : await graph.Groups.Delta.WithUrl(state!.GroupsDeltaLink!).GetAsDeltaGetResponseAsync(cancellationToken: cancellationToken);
        string groupsDeltaLink;
        while (true)
        {
            requests++;
            foreach (var group in groupPage?.Value ?? [])
            {
                var id = ObjectId(group.Id, "group");
                if (!added.ContainsKey(id))
                {
                    continue;
                }

                if (Removed(group.AdditionalData))
                {
                    throw new DirectoryReadException($"The configured group {id} was deleted in the directory; set another group or restore it.");
                }

                seen.Add(id);
                foreach (var (memberId, gone, isUser) in Members(group.AdditionalData))
                {
                    if (!isUser)
                    {
                        continue; // nested groups are not expanded: people are members in their own right
                    }

                    (gone ? removed[id] : added[id]).Add(memberId);
                    (gone ? added[id] : removed[id]).Remove(memberId);
                }
            }

            if (groupPage?.OdataNextLink is { } next)
            {
                groupPage = await graph.Groups.Delta.WithUrl(next).GetAsDeltaGetResponseAsync(cancellationToken: cancellationToken);
                continue;
            }

            groupsDeltaLink = groupPage?.OdataDeltaLink ?? throw new DirectoryReadException("groups/delta answered a page with neither @odata.nextLink nor @odata.deltaLink.");
            break;
        }

        if (full && groups.FirstOrDefault(g => !seen.Contains(g.GroupId)) is { GroupId: { } missing })
        {
            throw new DirectoryReadException($"The configured group {missing} was not found in the directory.");
        }

        // Everyone in scope with their roles: from nothing (full), or the stored organisation with the changes.
        var people = new Dictionary<string, GraphUser>(StringComparer.Ordinal);
        if (!full)
        {
            var stored = await db.People.AsNoTracking().Where(p => p.TenantId == tenantId && p.LeftAt == null && p.Roles != DirectoryRoles.None).ToListAsync(cancellationToken);
            var aadById = stored.ToDictionary(p => p.Id, p => p.AadObjectId, StringComparer.Ordinal);
            foreach (var p in stored)
            {
                people[p.AadObjectId] = new GraphUser(p.DisplayName, p.Email, p.Locale, p.ReportsToId is { } r ? aadById.GetValueOrDefault(r) : null, ManagerKnown: true) { Roles = p.Roles };
            }
        }

        foreach (var (groupId, role) in groups)
        {
            foreach (var id in removed[groupId])
            {
                if (people.TryGetValue(id, out var p))
                {
                    people[id] = p with { Roles = p.Roles & ~role };
                }
            }

            foreach (var id in added[groupId])
            {
                people[id] = people.TryGetValue(id, out var p) ? p with { Roles = p.Roles | role } : new GraphUser(null, null, null, null, false) { Roles = role };
            }
        }

        foreach (var (id, change) in users)
        {
            if (people.TryGetValue(id, out var p))
            {
                people[id] = Merge(p, change);
            }
        }

        foreach (var id in removedUsers)
        {
            people.Remove(id);
        }

        // Members who joined a group without changing themselves are not in users/delta: read them one by one.
        foreach (var id in people.Where(p => p.Value.DisplayName is null && p.Value.Roles != DirectoryRoles.None).Select(p => p.Key).ToList())
        {
            requests++;
            var user = await ReadUserAsync(id, cancellationToken);
            if (user is null || user.AccountEnabled == false)
            {
                people.Remove(id);
            }
            else
            {
                people[id] = Merge(people[id], user);
            }
        }

        var inScope = people.Where(p => p.Value.Roles != DirectoryRoles.None && p.Value.DisplayName is not null)
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return new GraphRead(FormTeams(tenantId, inScope), usersDeltaLink, groupsDeltaLink, groupsKey, full, requests);
    }

    private async Task<User?> ReadUserAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            return await graph.Users[id].GetAsync(c =>
            {
                c.QueryParameters.Select = UserFields;
                c.QueryParameters.Expand = ["manager($select=id)"];
            }, cancellationToken);
        }
        catch (Microsoft.Graph.Models.ODataErrors.ODataError e) when (e.ResponseStatusCode == 404)
        {
            return null; // deleted since it was added to the group
        }
    }

    /// <summary>
    /// The rule "a team per lead": everyone in the leads group leads a team named after them; an account manager
    /// belongs to the team of the nearest lead up their manager chain (none when no lead is above them).
    /// </summary>
    internal static DirectoryBatch FormTeams(string tenantId, IReadOnlyDictionary<string, GraphUser> people)
    {
        string? NearestLead(string id)
        {
            var visited = new HashSet<string>(StringComparer.Ordinal) { id };
            var current = people[id].ManagerId;
            while (current is not null && people.TryGetValue(current, out var m) && visited.Add(current))
            {
                if (m.Roles.HasFlag(DirectoryRoles.Lead))
                {
                    return current;
                }

                current = m.ManagerId;
            }

            return null; // no lead above, or a circle (the update refuses circles with their names)
        }

        return new DirectoryBatch
        {
            TenantId = tenantId,
            Source = DirectoryBatch.GraphSource,
            Complete = true,
            People = [.. people.Select(p => new DirectoryPersonEntry(p.Key, Cut(p.Value.DisplayName!, 200))
            {
                Email = p.Value.Email is { } mail ? Cut(mail, 256) : null,
                Locale = p.Value.Locale,
                IsAdmin = p.Value.Roles.HasFlag(DirectoryRoles.Admin),
                Roles = p.Value.Roles,
                TeamKey = p.Value.Roles.HasFlag(DirectoryRoles.Manager) ? NearestLead(p.Key) : null,
                ManagerAadObjectId = p.Value.ManagerId is { } m && people.ContainsKey(m) ? m : null,
                ManagerMayBeOutside = true,
            })],
            Teams = [.. people.Where(p => p.Value.Roles.HasFlag(DirectoryRoles.Lead)).Select(p => new DirectoryTeamEntry(
                p.Key, Cut($"{p.Value.DisplayName}'s team", 200), Cut($"{p.Value.DisplayName}的团队", 200), p.Key))],
        };
    }

    private static GraphUser Merge(GraphUser? known, User user)
    {
        var (managerKnown, managerId) = Manager(user);
        return new GraphUser(
            user.DisplayName ?? known?.DisplayName,
            user.Mail ?? user.UserPrincipalName ?? known?.Email,
            user.PreferredLanguage is { } lang ? Locale(lang) : known?.Locale,
            managerKnown ? managerId : known?.ManagerId,
            managerKnown || known?.ManagerKnown == true) { Roles = known?.Roles ?? DirectoryRoles.None };
    }

    private static GraphUser Merge(GraphUser known, GraphUser change) => new(
        change.DisplayName ?? known.DisplayName,
        change.Email ?? known.Email,
        change.Locale ?? known.Locale,
        change.ManagerKnown ? change.ManagerId : known.ManagerId,
        known.ManagerKnown || change.ManagerKnown) { Roles = known.Roles };

    /// <summary>The manager from <c>manager</c> or <c>manager@delta</c> (removed = none); not known when neither is present.</summary>
    private static (bool Known, string? Id) Manager(User user)
    {
        if (user.Manager?.Id is { } direct)
        {
            return (true, direct.ToLowerInvariant());
        }

        if (user.AdditionalData?.TryGetValue("manager@delta", out var value) != true)
        {
            return (false, null);
        }

        var entries = Objects(value).ToList();
        var current = entries.FirstOrDefault(e => !e.ContainsKey("@removed"));
        return (true, current is not null && String(Get(current, "id")) is { } id ? id.ToLowerInvariant() : null);
    }

    private static IEnumerable<(string Id, bool Removed, bool IsUser)> Members(IDictionary<string, object>? data)
    {
        if (data?.TryGetValue("members@delta", out var value) != true)
        {
            yield break;
        }

        foreach (var member in Objects(value))
        {
            var id = String(Get(member, "id")) ?? throw new DirectoryReadException("groups/delta listed a member without an id.");
            var type = String(Get(member, "@odata.type"));
            yield return (ObjectId(id, "member"), member.ContainsKey("@removed"), type is null or "#microsoft.graph.user");
        }
    }

    private static IEnumerable<IDictionary<string, UntypedNode>> Objects(object? value) => value switch
    {
        UntypedArray array => array.GetValue().Select(n => n is UntypedObject o ? o.GetValue() : throw new DirectoryReadException("Graph listed something other than an object in a delta collection.")),
        _ => throw new DirectoryReadException("Graph answered a delta collection that is not an array."),
    };

    private static UntypedNode? Get(IDictionary<string, UntypedNode> o, string key) => o.TryGetValue(key, out var v) ? v : null;

    private static string? String(UntypedNode? node) => node is UntypedString s ? s.GetValue() : null;

    private static bool Removed(IDictionary<string, object>? data) => data?.ContainsKey("@removed") == true;

    private static string ObjectId(string? id, string what) =>
        Guid.TryParse(id, out var guid) ? guid.ToString("D") : throw new DirectoryReadException($"Graph listed a {what} whose id is not an object id ('{BotFramework.LogText.Untrusted(id)}').");

    /// <summary>The bot's two languages; another preferred language leaves the choice to Teams' locale.</summary>
    private static string? Locale(string preferredLanguage) =>
        preferredLanguage.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "zh-CN"
        : preferredLanguage.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en-US"
        : null;

    private static string Cut(string value, int max) => value.Length <= max ? value : value[..max];
}

/// <summary>A person as Graph describes them (null = not known yet), with the configured groups they are in.</summary>
internal sealed record GraphUser(string? DisplayName, string? Email, string? Locale, string? ManagerId, bool ManagerKnown)
{
    public DirectoryRoles Roles { get; init; }
}
