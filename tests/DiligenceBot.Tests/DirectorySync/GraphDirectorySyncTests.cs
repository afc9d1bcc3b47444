using Azure.Core;
using DiligenceBot.DirectorySync;
using DiligenceBot.Organisation;
using DiligenceBot.Testing;
using DiligenceBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DiligenceBot.Tests.DirectorySync;

/// <summary>
/// The directory from Microsoft Graph: the app's real GraphServiceClient against a local Graph serving Graph's JSON
/// (paging, delta links, 429 and 503), the whole app on its database.
/// </summary>
public sealed class GraphDirectorySyncTests : IAsyncLifetime
{
    private const string Tenant = "7d3f1c2a-9b8e-4f6d-a1c2-3e4f5a6b7c8d";
    private const string Managers = "aaaaaaaa-0000-4000-8000-000000000001";
    private const string Leads = "aaaaaaaa-0000-4000-8000-000000000002";
    private const string Admins = "aaaaaaaa-0000-4000-8000-000000000003";
    private const string Director = "bbbbbbbb-0000-4000-8000-000000000001";
    private const string Lead1 = "bbbbbbbb-0000-4000-8000-000000000002";
    private const string Lead2 = "bbbbbbbb-0000-4000-8000-000000000003";
    private const string Admin = "bbbbbbbb-0000-4000-8000-000000000004";
    // The demo tenant's Li Na has this object id too: the same id in another tenant is another person.
    private const string LiNaAad = "2b6e4b6c-6e82-40d0-842c-b1d3ffbd0a33";

    private readonly LogCapture _logs = new();
    private LocalGraph _graph = null!;
    private BotApp _bot = null!;

    public async Task InitializeAsync()
    {
        _graph = await LocalGraph.StartAsync();
        _graph.PageSize = 3;
        _graph.AddGroup(Managers, "Account managers");
        _graph.AddGroup(Leads, "Leads");
        _graph.AddGroup(Admins, "Bot admins");
        _graph.AddUser(Director, "Zhou Qiang 周强", preferredLanguage: "zh-CN");
        _graph.AddUser(Lead1, "Gao Fei 高飞", Director, "zh-CN");
        _graph.AddUser(Lead2, "Emma Stone", Director, "en-GB");
        _graph.AddUser(Admin, "Ma Li 马丽");
        _graph.AddMembers(Leads, Lead1, Lead2);
        _graph.AddMembers(Admins, Admin);
        for (var i = 1; i <= 10; i++)
        {
            _graph.AddUser(ManagerId(i), $"Manager {i}", i <= 5 ? Lead1 : Lead2, i % 2 == 0 ? "zh-CN" : null);
            _graph.AddMembers(Managers, ManagerId(i));
        }

        _graph.AddUser(LiNaAad, "Li Na (contoso)", Lead1);
        _graph.AddMembers(Managers, LiNaAad);
        _bot = new BotApp(logs: _logs, settings: new Dictionary<string, string?>
        {
            ["Directory:Source"] = "Graph",
            ["Directory:TenantId"] = Tenant,
            ["Directory:ClientId"] = _graph.ClientId,
            ["Directory:ClientSecret"] = _graph.ClientSecret,
            ["Directory:GraphBaseUrl"] = _graph.BaseUrl,
            ["Directory:ManagersGroupId"] = Managers,
            ["Directory:LeadsGroupId"] = Leads,
            ["Directory:AdminsGroupId"] = Admins,
            ["Directory:GuardShare"] = "0.2",
            ["Directory:GuardMinimum"] = "1",
        }, services: s => s.AddSingleton<TokenCredential>(new LocalGraphCredential(_graph, Tenant))).Start();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _graph.DisposeAsync();
    }

    private static string ManagerId(int i) => $"cccccccc-0000-4000-8000-{i:D12}";

    private async Task<DirectorySyncRun> SyncAsync(string tenant = Tenant, Guid? confirm = null)
    {
        await using var scope = _bot.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DirectorySyncJob>().SyncAsync(tenant, confirm, confirm is null ? null : "admin", CancellationToken.None);
    }

    private async Task<List<Person>> PeopleAsync()
    {
        await using var db = _bot.CreateDbContext();
        return await db.People.AsNoTracking().Where(p => p.TenantId == Tenant).ToListAsync();
    }

    [Fact]
    public async Task FirstSync_ThroughThrottlingAndAnOutage_StoresPeopleManagersLanguagesAndATeamPerLead()
    {
        _graph.Script(new GraphAnswer(429, RetryAfterSeconds: 1), new GraphAnswer(503, RetryAfterSeconds: 1));

        var run = await SyncAsync();

        Assert.Equal(DirectorySyncOutcome.Applied, run.Outcome);
        Assert.True(run.FullSync);
        // The SDK's retry handler waited out the 429 and the 503 and asked again; every page was followed.
        Assert.Equal([429, 503], _graph.Requests.Take(2).Select(r => r.Status));
        Assert.Contains(_graph.Requests, r => r.Path.Contains("$skiptoken", StringComparison.Ordinal) && r.Status == 200);
        var people = await PeopleAsync();
        Assert.Equal(14, people.Count); // 2 leads, 10 managers, the admin, Li Na of contoso; the director is in no group
        var byAad = people.ToDictionary(p => p.AadObjectId);
        Assert.DoesNotContain(Director, byAad.Keys);
        await using var db = _bot.CreateDbContext();
        var teams = await db.Teams.AsNoTracking().Where(t => t.TenantId == Tenant).ToListAsync();
        Assert.Equal(2, teams.Count);
        var team1 = teams.Single(t => t.LeadId == byAad[Lead1].Id);
        Assert.Equal(("Gao Fei 高飞's team", "Gao Fei 高飞的团队"), (team1.NameEn, team1.NameZh));
        Assert.Equal(new TimeOnly(8, 30), team1.MeetingTime);
        Assert.Equal(team1.Id, byAad[ManagerId(3)].TeamId);
        Assert.Equal(byAad[Lead1].Id, byAad[ManagerId(3)].ReportsToId);
        Assert.Equal(teams.Single(t => t.LeadId == byAad[Lead2].Id).Id, byAad[ManagerId(8)].TeamId);
        Assert.Null(byAad[Lead1].TeamId); // a lead who only leads
        Assert.Null(byAad[Lead1].ReportsToId); // the director is not in the bot's directory
        Assert.Equal("zh-CN", byAad[ManagerId(2)].Locale);
        Assert.Equal("en-US", byAad[Lead2].Locale);
        Assert.Null(byAad[ManagerId(1)].Locale);
        Assert.True(byAad[Admin].IsAdmin);
        Assert.Null(byAad[Admin].TeamId);
        // Tenant isolation: the demo tenant's Li Na is untouched, contoso's is someone else.
        var liNa = await db.People.AsNoTracking().SingleAsync(p => p.Id == "li-na");
        Assert.Equal("Li Na 李娜", liNa.DisplayName);
        Assert.NotEqual("li-na", byAad[LiNaAad].Id);
        Assert.Equal(Tenant, byAad[LiNaAad].TenantId);
    }

    [Fact]
    public async Task SecondSync_FollowsTheDeltaLink_AppliesChanges_AndKeepsTeamSettings()
    {
        await SyncAsync();
        await using (var db = _bot.CreateDbContext())
        {
            var lead1 = await db.People.SingleAsync(p => p.TenantId == Tenant && p.AadObjectId == Lead1);
            var team = await db.Teams.SingleAsync(t => t.LeadId == lead1.Id);
            team.MeetingTime = new TimeOnly(7, 45);
            team.TimeZone = "Asia/Urumqi";
            await db.SaveChangesAsync();
        }

        var newcomer = ManagerId(11);
        _graph.AddUser(newcomer, "Newcomer 新人", Lead1, "zh-CN");
        _graph.AddMembers(Managers, newcomer);
        _graph.UpdateUser(ManagerId(2), u => u with { DisplayName = "Manager Two", PreferredLanguage = "en-US" });
        _graph.UpdateUser(ManagerId(4), u => u with { ManagerId = Lead2 });
        var before = _graph.Requests.Count;

        var run = await SyncAsync();

        Assert.Equal(DirectorySyncOutcome.Applied, run.Outcome);
        Assert.False(run.FullSync);
        Assert.Equal((1, 1, 0), (run.Joins, run.Moves, run.Leaves));
        Assert.All(_graph.Requests.Skip(before).Where(r => r.Path.Contains("/delta", StringComparison.Ordinal)),
            r => Assert.Contains("$deltatoken", r.Path, StringComparison.Ordinal));
        var byAad = (await PeopleAsync()).ToDictionary(p => p.AadObjectId);
        await using var check = _bot.CreateDbContext();
        var team1 = await check.Teams.AsNoTracking().SingleAsync(t => t.LeadId == byAad[Lead1].Id);
        var team2 = await check.Teams.AsNoTracking().SingleAsync(t => t.LeadId == byAad[Lead2].Id);
        Assert.Equal((new TimeOnly(7, 45), "Asia/Urumqi"), (team1.MeetingTime, team1.TimeZone));
        Assert.Equal(team1.Id, byAad[newcomer].TeamId);
        Assert.Equal(team2.Id, byAad[ManagerId(4)].TeamId);
        Assert.Equal(("Manager Two", "en-US"), (byAad[ManagerId(2)].DisplayName, byAad[ManagerId(2)].Locale));
    }

    [Fact]
    public async Task SyncThatWouldDeactivateTooMany_StopsWithADryRun_UntilAnAdminConfirms_ThenDeactivates()
    {
        await SyncAsync();
        await using (var db = _bot.CreateDbContext())
        {
            // A transfer post with a manager who will leave: their place goes to their lead.
            var people = await db.People.Where(p => p.TenantId == Tenant).ToDictionaryAsync(p => p.AadObjectId);
            db.Set<DiligenceBot.Transfers.TransferPost>().Add(new DiligenceBot.Transfers.TransferPost { Id = "contoso-logistics", TenantId = Tenant, NameEn = "Logistics", NameZh = "物流", MemberIds = [people[ManagerId(1)].Id] });
            await db.SaveChangesAsync();
        }

        for (var i = 1; i <= 4; i++)
        {
            _graph.DeleteUser(ManagerId(i));
        }

        var pending = await SyncAsync();

        Assert.Equal(DirectorySyncOutcome.Pending, pending.Outcome);
        Assert.Equal(4, pending.Leaves);
        var dryRun = DirectoryDryRun.Read(pending.DryRun)!;
        Assert.Equal(["Manager 1", "Manager 2", "Manager 3", "Manager 4"], dryRun.Leaves.Select(l => l.Name).Order());
        Assert.All(await PeopleAsync(), p => Assert.Null(p.LeftAt)); // nothing applied yet
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 3101);

        var confirmed = await SyncAsync(confirm: pending.Id);

        Assert.Equal(DirectorySyncOutcome.Confirmed, confirmed.Outcome);
        var byAad = (await PeopleAsync()).ToDictionary(p => p.AadObjectId);
        var gone = byAad[ManagerId(1)];
        Assert.NotNull(gone.LeftAt);
        Assert.Null(gone.TeamId); // no team: the team schedule reminds no one who left
        Assert.NotNull(byAad[ManagerId(5)].TeamId);
        await using var check = _bot.CreateDbContext();
        Assert.Equal(DirectorySyncOutcome.Confirmed, (await check.DirectorySyncRuns.SingleAsync(r => r.Id == pending.Id)).Outcome);
        Assert.Null(await new DirectoryLookup(check).FindByAadObjectIdAsync(Tenant, ManagerId(1), CancellationToken.None));
        var post = await check.Set<DiligenceBot.Transfers.TransferPost>().SingleAsync(p => p.Id == "contoso-logistics");
        Assert.Equal([byAad[Lead1].Id], post.MemberIds);
        Assert.True(await check.AuditEntries.AnyAsync(a => a.Action == "directory.left" && a.SubjectId == gone.Id));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("vanished-group")]
    [InlineData("manager-circle")]
    public async Task BadDirectory_IsAFailedRunWithItsReason_AndNothingIsApplied(string fault)
    {
        await SyncAsync();
        var before = await PeopleAsync();
        _graph.AddUser(ManagerId(12), "Would join");
        _graph.AddMembers(Managers, ManagerId(12));
        switch (fault)
        {
            case "garbage":
                _graph.Script(new GraphAnswer(200, RawBody: "{\"value\": [ {\"id\": tru"));
                break;
            case "vanished-group":
                _graph.DeleteGroup(Leads);
                break;
            default:
                _graph.UpdateUser(Lead1, u => u with { ManagerId = ManagerId(1) });
                break;
        }

        var run = await SyncAsync();

        Assert.Equal(DirectorySyncOutcome.Failed, run.Outcome);
        Assert.Contains(fault switch { "garbage" => "JSON", "vanished-group" => Leads, _ => "circle" }, run.Error, StringComparison.Ordinal);
        var after = await PeopleAsync();
        Assert.Equal(before.Count, after.Count);
        Assert.DoesNotContain(after, p => p.AadObjectId == ManagerId(12));
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 3102 && e.Level == LogLevel.Error);
        await using var db = _bot.CreateDbContext();
        Assert.Equal(DirectorySyncOutcome.Failed, (await db.DirectorySyncRuns.AsNoTracking().SingleAsync(r => r.Id == run.Id)).Outcome);
    }

    [Fact]
    public async Task SyncForAnotherTenant_IsRefused_AndWritesNoPerson()
    {
        var run = await SyncAsync("fe71a704-0ed8-44e8-a9d0-9a48917cced0");

        Assert.Equal(DirectorySyncOutcome.Failed, run.Outcome);
        Assert.Empty(await PeopleAsync());
        Assert.DoesNotContain(_graph.Requests, r => r.Path.Contains("/delta", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoPeopleWithOneObjectId_IsAConflict_AndNothingIsApplied()
    {
        await using var scope = _bot.Services.CreateAsyncScope();
        var update = scope.ServiceProvider.GetRequiredService<DirectoryUpdate>();
        var batch = new DirectoryBatch
        {
            TenantId = Tenant,
            Source = DirectoryBatch.GraphSource,
            Complete = true,
            People = [new DirectoryPersonEntry(Lead1, "One"), new DirectoryPersonEntry(Lead1.ToUpperInvariant(), "Two")],
        };

        var plan = await update.PlanAsync(batch, CancellationToken.None);

        Assert.Contains(plan.Conflicts, c => c.Contains("Two people have object id", StringComparison.Ordinal));
        await Assert.ThrowsAsync<InvalidOperationException>(() => update.ApplyAsync(plan, CancellationToken.None));
        Assert.Empty(await PeopleAsync());
    }

    private async Task<System.Text.Json.Nodes.JsonNode> ExecuteAsync(string aadObjectId, string verb, System.Text.Json.Nodes.JsonObject? data = null, string locale = "en-US")
    {
        var activity = Activities.Execute("https://smba.trafficmanager.net/apac/", new TeamsUser("29:1-" + aadObjectId, "Someone", aadObjectId), verb, data, locale);
        activity["conversation"]!["tenantId"] = Tenant;
        activity["channelData"]!["tenant"]!["id"] = Tenant;
        using var response = await _bot.PostActivityAsync(activity);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static string? TextOf(System.Text.Json.Nodes.JsonNode card, string id) =>
        card["body"]!.AsArray().FirstOrDefault(e => (string?)e!["id"] == id)?["text"]?.GetValue<string>();

    [Fact]
    public async Task AdminsSyncCard_ShowsThePendingDryRun_AndConfirmingAppliesIt_OthersAreRefused()
    {
        await SyncAsync();
        for (var i = 1; i <= 4; i++)
        {
            _graph.DeleteUser(ManagerId(i));
        }

        var pending = await SyncAsync();
        var refused = await ExecuteAsync(ManagerId(5), SyncVerb.OpenVerb);
        Assert.NotEqual("application/vnd.microsoft.card.adaptive", (string?)refused["type"]);

        var card = (await ExecuteAsync(Admin, SyncVerb.OpenVerb, locale: "zh-CN"))["value"]!;

        Assert.Equal("本次同步将调动或停用14人中的4人，超过了安全上限，因此尚未执行。请核对以下名单，确认后再执行。", TextOf(card, "pending"));
        Assert.Equal(["Manager 1", "Manager 2", "Manager 3", "Manager 4"], TextOf(card, "leaves")!.Split('、').Order());
        var confirm = card["actions"]!.AsArray().Single(a => (string?)a!["verb"] == SyncVerb.ConfirmVerb)!;
        Assert.Equal(pending.Id.ToString(), (string?)confirm["data"]!["runId"]);

        var after = (await ExecuteAsync(Admin, SyncVerb.ConfirmVerb, confirm["data"]!.AsObject()))["value"]!;

        Assert.StartsWith("Last sync: ", TextOf(after, "last"), StringComparison.Ordinal);
        Assert.EndsWith(", confirmed and applied.", TextOf(after, "last"), StringComparison.Ordinal);
        Assert.NotNull((await PeopleAsync()).Single(p => p.AadObjectId == ManagerId(1)).LeftAt);
        var again = (await ExecuteAsync(Admin, SyncVerb.ConfirmVerb, confirm["data"]!.AsObject()))["value"]!;
        Assert.StartsWith("That dry run is no longer waiting", TextOf(again, "notice"), StringComparison.Ordinal);
    }
}
