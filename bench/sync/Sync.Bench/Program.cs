using System.Diagnostics;
using System.Globalization;
using Azure.Core;
using DiligenceBot.Bench;
using DiligenceBot.Data;
using DiligenceBot.DirectorySync;
using DiligenceBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// bench/sync: a 20,000-person tenant's first directory sync from Graph, with 5 % of Graph's answers 429 + Retry-After,
// then a delta of 200 changes; both through the app's own GraphServiceClient, DirectorySyncJob and SQLite.
var options = BenchTools.Options(args);
var people = BenchTools.Int(options, "people", 20_000);
var changes = BenchTools.Int(options, "changes", 200);
var pageSize = BenchTools.Int(options, "page", 200);
var throttle = BenchTools.Double(options, "throttle", 0.05);
var retryAfter = BenchTools.Int(options, "retry-after", 1);
if (people < 100 || changes < 10 || changes > people / 10)
{
    throw new ArgumentException("--people must be at least 100 and --changes between 10 and a tenth of the people");
}

const string Tenant = "0b7c5a3e-6f4d-4e2a-9c1b-8d7e6f5a4b3c";
const string ManagersGroup = "aaaaaaaa-0000-4000-8000-00000000000a";
const string LeadsGroup = "aaaaaaaa-0000-4000-8000-00000000000b";
const string AdminsGroup = "aaaaaaaa-0000-4000-8000-00000000000c";
static string Id(int i) => $"dddddddd-0000-4000-8000-{i:D12}";
var leads = Math.Max(1, people / 50);
var admins = 10;
var managers = people - leads - admins;
var director = Id(0);

await using var graph = await LocalGraph.StartAsync();
graph.PageSize = pageSize;
graph.AddGroup(ManagersGroup, "Account managers");
graph.AddGroup(LeadsGroup, "Leads");
graph.AddGroup(AdminsGroup, "Bot admins");
graph.AddUser(director, "Director");
for (var i = 1; i <= leads; i++)
{
    graph.AddUser(Id(i), $"Lead {i}", director, "zh-CN");
}

graph.AddMembers(LeadsGroup, Enumerable.Range(1, leads).Select(Id));
for (var i = leads + 1; i <= leads + managers; i++)
{
    graph.AddUser(Id(i), $"Manager {i}", Id(1 + (i % leads)), i % 3 == 0 ? "en-US" : "zh-CN");
}

graph.AddMembers(ManagersGroup, Enumerable.Range(leads + 1, managers).Select(Id));
for (var i = leads + managers + 1; i <= people; i++)
{
    graph.AddUser(Id(i), $"Admin {i}", director);
}

graph.AddMembers(AdminsGroup, Enumerable.Range(leads + managers + 1, admins).Select(Id));

var workDir = Path.Combine(Path.GetTempPath(), "diligencebot-bench-sync-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(workDir);
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning).AddFilter("DiligenceBot.DirectorySync", LogLevel.Information);
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Database:ConnectionString"] = $"Data Source={Path.Combine(workDir, "sync.db")}",
    ["Directory:Source"] = "Graph",
    ["Directory:TenantId"] = Tenant,
    ["Directory:ClientId"] = graph.ClientId,
    ["Directory:ClientSecret"] = graph.ClientSecret,
    ["Directory:GraphBaseUrl"] = graph.BaseUrl,
    ["Directory:ManagersGroupId"] = ManagersGroup,
    ["Directory:LeadsGroupId"] = LeadsGroup,
    ["Directory:AdminsGroupId"] = AdminsGroup,
});
builder.AddDiligenceData();
builder.AddDirectorySync();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<TokenCredential>(new LocalGraphCredential(graph, Tenant));
await using var app = builder.Build();
await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<DiligenceDbContext>().Database.MigrateAsync();
}

async Task<(DirectorySyncRun Run, TimeSpan Took, int Requests, int Throttled)> SyncAsync()
{
    var before = graph.Requests.Count;
    await using var scope = app.Services.CreateAsyncScope();
    var job = scope.ServiceProvider.GetRequiredService<DirectorySyncJob>();
    var watch = Stopwatch.StartNew();
    var run = await job.SyncAsync(Tenant, null, null, CancellationToken.None);
    watch.Stop();
    var requests = graph.Requests.Skip(before).ToList();
    if (run.Outcome != DirectorySyncOutcome.Applied)
    {
        throw new InvalidOperationException($"the sync was {run.Outcome}: {run.Error}");
    }

    return (run, watch.Elapsed, requests.Count, requests.Count(r => r.Status == 429));
}

try
{
    Console.WriteLine($"tenant: {people:N0} people ({leads:N0} leads, {managers:N0} managers, {admins} admins) and a director outside the groups; "
        + $"Graph pages of {pageSize}; {throttle:P0} of Graph's answers 429 with Retry-After {retryAfter} s");
    graph.Throttle(throttle, retryAfter);
    var first = await SyncAsync();
    graph.Throttle(0);

    // The delta: a fifth renamed or switching language, a fifth moved to another lead, a fifth joining, a tenth leaving, the rest new leads' people.
    var rng = new Random(7);
    var pool = Enumerable.Range(leads + 1, managers).OrderBy(_ => rng.Next()).ToList();
    var renames = changes * 2 / 5;
    var moves = changes / 5;
    var joins = changes / 5;
    var leaves = changes - renames - moves - joins;
    foreach (var i in pool.Take(renames))
    {
        graph.UpdateUser(Id(i), u => u with { DisplayName = u.DisplayName + " (renamed)", PreferredLanguage = u.PreferredLanguage == "zh-CN" ? "en-US" : "zh-CN" });
    }

    foreach (var i in pool.Skip(renames).Take(moves))
    {
        graph.UpdateUser(Id(i), u => u with { ManagerId = Id(1 + ((i + 1) % leads)) });
    }

    for (var i = people + 1; i <= people + joins; i++)
    {
        graph.AddUser(Id(i), $"Newcomer {i}", Id(1 + (i % leads)), "zh-CN");
    }

    graph.AddMembers(ManagersGroup, Enumerable.Range(people + 1, joins).Select(Id));
    foreach (var i in pool.Skip(renames + moves).Take(leaves))
    {
        graph.DeleteUser(Id(i));
    }

    var delta = await SyncAsync();
    await using (var scope = app.Services.CreateAsyncScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<DiligenceDbContext>();
        var active = await db.People.CountAsync(p => p.TenantId == Tenant && p.LeftAt == null);
        var teams = await db.Teams.CountAsync(t => t.TenantId == Tenant);
        Console.WriteLine($"stored: {active:N0} active people, {teams:N0} teams");
    }

    static string S(TimeSpan t) => t.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
    Console.WriteLine();
    Console.WriteLine($"first sync: {S(first.Took)} s for {first.Run.Joins:N0} people joining, {first.Requests} Graph requests of which {first.Throttled} answered 429 (target <= 60 s: {(first.Took.TotalSeconds <= 60 ? "met" : "NOT met")})");
    Console.WriteLine($"delta sync: {S(delta.Took)} s for {changes} changes ({delta.Run.Updates} updated, {delta.Run.Moves} moved, {delta.Run.Joins} joined, {delta.Run.Leaves} left), {delta.Requests} Graph requests (target <= 2 s: {(delta.Took.TotalSeconds <= 2 ? "met" : "NOT met")})");
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(workDir, recursive: true);
}
