using System.Security.Claims;
using DiligenceBot.Conversations;
using DiligenceBot.Data;
using DiligenceBot.Organisation;
using DiligenceBot.Records;

namespace DiligenceBot.Dashboard;

/// <summary>
/// Who the caller is in the directory and what the dashboard shows them: the managers they check (a lead their
/// teams and delegates' teams, the lead's own manager the teams below, an admin the tenant's every manager — the
/// one rule of <see cref="RecordCheckDesk.CheckedByAsync"/>), and those managers' teams. Always one tenant: the
/// token's.
/// </summary>
public sealed record DashboardScope(Person Viewer, IReadOnlyList<Team> Teams, IReadOnlyList<Person> Managers)
{
    /// <summary>The viewer's scope, null for someone not in the directory, an empty one for someone who checks no one.</summary>
    public static async Task<DashboardScope?> OfAsync(ClaimsPrincipal user, DirectoryLookup directory, RecordCheckDesk desk, DiligenceDbContext db, CancellationToken cancellationToken)
    {
        var tenant = user.FindFirstValue(DashboardAuthentication.TenantClaim);
        var objectId = user.FindFirstValue(DashboardAuthentication.ObjectIdClaim);
        if (tenant is null || await directory.FindByAadObjectIdAsync(tenant, objectId, cancellationToken) is not { } viewer)
        {
            return null;
        }

        var (_, managers) = await desk.CheckedByAsync(viewer, cancellationToken);
        var teams = managers.Where(m => m.Team is not null).Select(m => m.Team!).ToList();
        // A team the viewer leads or stands in for is theirs even before it has managers.
        teams.AddRange(await LeadTeams.ReviewedByAsync(db, viewer.TenantId, viewer.Id, cancellationToken));
        var distinct = teams.Where(t => t.TenantId == viewer.TenantId).DistinctBy(t => t.Id).OrderBy(t => t.Id, StringComparer.Ordinal).ToList();
        var inTenant = managers.Where(m => m.TenantId == viewer.TenantId).OrderBy(m => m.DisplayName, StringComparer.Ordinal).ToList();
        return new DashboardScope(viewer, distinct, inTenant);
    }

    public bool IsEmpty => Teams.Count == 0;

    /// <summary>The teams asked for: all of them, or the one named when the viewer sees it (null otherwise: unknown and not theirs read the same).</summary>
    public IReadOnlyList<Team>? TeamsFor(string? teamId) =>
        string.IsNullOrEmpty(teamId) ? Teams : Teams.FirstOrDefault(t => t.Id == teamId) is { } team ? [team] : null;

    public IReadOnlyList<Person> ManagersOf(Team team) => Managers.Where(m => m.TeamId == team.Id).ToList();

    public Person? Manager(string id) => Managers.FirstOrDefault(m => m.Id == id);
}
