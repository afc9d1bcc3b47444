using System.Net;
using System.Text.Json.Nodes;
using Azure.Core;
using DiligenceBot.Installation;
using DiligenceBot.Testing;
using DiligenceBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DiligenceBot.Tests.Installation;

/// <summary>
/// Proactive installation: the app's real GraphServiceClient against the local Graph (teamwork/installedApps: 201, 409
/// with the chat, 429, 403, 503), the whole authenticated app on its database; after a 201 the stand-in delivers the
/// installationUpdate signed by the local issuer, as Teams would, and the welcome reaches the local connector.
/// </summary>
public sealed class AppInstallTests : IAsyncLifetime
{
    private const string Tenant = "7d3f1c2a-9b8e-4f6d-a1c2-3e4f5a6b7c8d";
    private const string TeamsAppId = "0f7c2b1e-5a4d-4c3b-9e8f-1a2b3c4d5e6f";
    private const string Managers = "aaaaaaaa-0000-4000-8000-000000000001";
    private const string Leads = "aaaaaaaa-0000-4000-8000-000000000002";
    private const string Admins = "aaaaaaaa-0000-4000-8000-000000000003";
    private const string Lead = "bbbbbbbb-0000-4000-8000-000000000002";
    private const string Admin = "bbbbbbbb-0000-4000-8000-000000000004";
    private static readonly string[] Staff = [Lead, Admin, Manager(1), Manager(2), Manager(3)];

    private LocalOpenIdIssuer _issuer = null!;
    private LocalConnector _connector = null!;
    private LocalGraph _graph = null!;
    private BotApp _bot = null!;

    private static string Manager(int i) => $"cccccccc-0000-4000-8000-{i:D12}";

    public async Task InitializeAsync()
    {
        _issuer = await LocalOpenIdIssuer.StartAsync();
        _connector = await LocalConnector.StartAsync();
        _graph = await LocalGraph.StartAsync();
        _graph.BotAppId = BotApp.AppId;
        _graph.AddCatalogApp(TeamsAppId);
        _graph.AddGroup(Managers, "Account managers");
        _graph.AddGroup(Leads, "Leads");
        _graph.AddGroup(Admins, "Bot admins");
        _graph.AddUser(Lead, "Gao Fei 高飞", preferredLanguage: "zh-CN");
        _graph.AddUser(Admin, "Ma Li 马丽");
        _graph.AddMembers(Leads, Lead);
        _graph.AddMembers(Admins, Admin);
        for (var i = 1; i <= 3; i++)
        {
            _graph.AddUser(Manager(i), $"Manager {i}", Lead);
            _graph.AddMembers(Managers, Manager(i));
        }

        // What Teams does after an installation: the installationUpdate, signed, into the chat Graph named.
        _graph.OnInstalled = async (userId, chatId) =>
        {
            using var response = await InstallationAsync(userId, chatId, userId == Lead ? "zh-CN" : "en-US");
        };
        _bot = new BotApp(_issuer, Settings(install: true), services: s => s.AddSingleton<TokenCredential>(new LocalGraphCredential(_graph, Tenant))).Start();
        await using var scope = _bot.Services.CreateAsyncScope();
        var sync = await scope.ServiceProvider.GetRequiredService<DiligenceBot.DirectorySync.DirectorySyncJob>().SyncAsync(Tenant, null, null, CancellationToken.None);
        Assert.Equal(DiligenceBot.DirectorySync.DirectorySyncOutcome.Applied, sync.Outcome);
    }

    private Dictionary<string, string?> Settings(bool install)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Directory:Source"] = "Graph",
            ["Directory:TenantId"] = Tenant,
            ["Directory:ClientId"] = _graph.ClientId,
            ["Directory:ClientSecret"] = _graph.ClientSecret,
            ["Directory:GraphBaseUrl"] = _graph.BaseUrl,
            ["Directory:ManagersGroupId"] = Managers,
            ["Directory:LeadsGroupId"] = Leads,
            ["Directory:AdminsGroupId"] = Admins,
        };
        if (install)
        {
            settings["Install:Tenants:0"] = Tenant;
            settings["Install:TeamsAppId"] = TeamsAppId;
            settings["Install:RequestsPerSecond"] = "50";
        }

        return settings;
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _graph.DisposeAsync();
        await _connector.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    private static TeamsUser UserOf(string aad) => new("29:1-" + aad, "Someone", aad);

    private static JsonObject InTenant(JsonObject activity, string? conversationId = null)
    {
        activity["conversation"]!["tenantId"] = Tenant;
        activity["channelData"]!["tenant"]!["id"] = Tenant;
        if (conversationId is not null)
        {
            activity["conversation"]!["id"] = conversationId;
        }

        return activity;
    }

    private string Token() => _issuer.CreateToken(new TokenSpec { Audience = BotApp.AppId, ServiceUrl = _connector.ServiceUrl });

    private Task<HttpResponseMessage> InstallationAsync(string aad, string conversationId, string locale = "en-US") =>
        _bot.PostActivityAsync(InTenant(Activities.InstallationAdd(_connector.ServiceUrl, UserOf(aad), locale), conversationId), Token());

    private async Task<AppInstallRun> RunJobAsync(string tenant = Tenant)
    {
        await using var scope = _bot.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppInstallJob>().InstallAsync(tenant, CancellationToken.None);
    }

    private async Task<JsonNode> WelcomeInAsync(string conversationId)
    {
        var sent = await _connector.WaitForAsync(r => r.ConversationId == conversationId && r.Method == "POST" && r.Path.EndsWith("/activities", StringComparison.Ordinal) || r.ConversationId == conversationId && r.Method == "POST" && r.Path.Contains("/activities/", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.NotNull(sent);
        return sent!.Body!["attachments"]![0]!["content"]!;
    }

    private static string? TextOf(JsonNode card, string id) =>
        card["body"]!.AsArray().FirstOrDefault(e => (string?)e!["id"] == id)?["text"]?.GetValue<string>();

    private async Task<List<AppInstallation>> InstallationsAsync()
    {
        await using var db = _bot.CreateDbContext();
        return await db.AppInstallations.AsNoTracking().Where(i => i.TenantId == Tenant).ToListAsync();
    }

    [Fact]
    public async Task Job_InstallsForEveryoneWithoutAConversation_WithTheCatalogBind_AndTheWelcomeSaysWhy()
    {
        // Manager 3 added the app himself: he has a conversation and is left alone; his welcome is the usual one.
        using (var own = await InstallationAsync(Manager(3), "a:1-own-chat"))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        }

        Assert.Null(TextOf(await WelcomeInAsync("a:1-own-chat"), "why"));

        var run = await RunJobAsync();

        Assert.Equal(4, run.Installed);
        var posts = _graph.InstallRequests;
        Assert.Equal([Lead, Admin, Manager(1), Manager(2)], posts.Select(p => p.UserId).Order(StringComparer.Ordinal));
        Assert.All(posts, p => Assert.Equal((_graph.BaseUrl + "/appCatalogs/teamsApps/" + TeamsAppId, 201), (p.Bind, p.Status)));
        // Teams' installationUpdate follows: the conversation is stored from it and the welcome tells them why they have the app.
        var welcome = await WelcomeInAsync(_graph.ChatIdOf(Manager(1)));
        Assert.Equal(
            "Your organisation installed DiligenceBot for you, so that your daily work log, the reminders before your team's morning meeting and your lead's reviews reach you here. There is nothing to set up.",
            TextOf(welcome, "why"));
        var lead = await WelcomeInAsync(_graph.ChatIdOf(Lead));
        Assert.Equal("公司已为您安装勤勉助手：今后团队的工作日志、例会前的提醒和待您审阅的事项都会在这里送达。您无需做任何设置。", TextOf(lead, "why"));
        await using (var db = _bot.CreateDbContext())
        {
            var stored = await db.ConversationRecords.AsNoTracking().SingleAsync(c => c.AadObjectId == Manager(1));
            Assert.Equal((_graph.ChatIdOf(Manager(1)), Tenant, (DateTimeOffset?)null), (stored.ConversationId, stored.TenantId, stored.RetiredAt));
        }

        // Installed and greeted once: another run asks Graph for nothing; nobody of another tenant was ever asked for.
        await WelcomeInAsync(_graph.ChatIdOf(Admin));
        await WelcomeInAsync(_graph.ChatIdOf(Manager(2)));
        var again = await RunJobAsync();
        Assert.Equal((0, 0), (again.Installed, _graph.InstallRequests.Count - posts.Count));
        Assert.All(_graph.InstallRequests, p => Assert.Contains(p.UserId, Staff));
        Assert.All(await InstallationsAsync(), i => Assert.Equal(AppInstallationState.Installed, i.State));
        Assert.Equal(AppInstallRun.Off, await RunJobAsync(Activities.TenantId));
    }

    [Fact]
    public async Task AlreadyInstalled_409_ReadsTheChatFromGraph_AndTheBotCanMessageThem()
    {
        // Someone of the tenant talked to the bot once: the tenant's service URL is known from an authenticated activity.
        using (await InstallationAsync(Manager(3), "a:1-own-chat"))
        {
        }

        _graph.PreInstall(Manager(1), TeamsAppId);

        await RunJobAsync();

        Assert.Contains(_graph.InstallRequests, p => p.UserId == Manager(1) && p.Status == 409);
        Assert.Contains(_graph.Requests, r => r.Path.StartsWith($"/v1.0/users/{Manager(1)}/teamwork/installedApps?", StringComparison.Ordinal)
            && Uri.UnescapeDataString(r.Path).Contains($"$filter=teamsApp/id eq '{TeamsAppId}'", StringComparison.Ordinal) && r.Status == 200);
        Assert.Contains(_graph.Requests, r => r.Path.EndsWith("/chat", StringComparison.Ordinal) && r.Status == 200);
        var installation = (await InstallationsAsync()).Single(i => i.AadObjectId == Manager(1));
        Assert.Equal((AppInstallationState.Installed, true, _graph.ChatIdOf(Manager(1))), (installation.State, installation.WasInstalled, installation.ChatId));

        // The bot can message them in that chat now (through the tenant's service URL).
        await using var scope = _bot.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DiligenceBot.Data.DiligenceDbContext>();
        var person = await db.People.AsNoTracking().SingleAsync(p => p.TenantId == Tenant && p.AadObjectId == Manager(1));
        var result = await scope.ServiceProvider.GetRequiredService<DiligenceBot.Notifications.ProactiveSender>()
            .SendAsync(person, new DiligenceBot.BotFramework.Schema.OutgoingActivity { Text = "Hello" }, CancellationToken.None);
        Assert.Equal(DiligenceBot.Notifications.ProactiveOutcome.Sent, result.Outcome);
        Assert.Contains(_connector.SentActivities, r => r.ConversationId == _graph.ChatIdOf(Manager(1)) && (string?)r.Body!["text"] == "Hello");
    }

    [Fact]
    public async Task Throttled_IsWaitedOut_503IsTriedLater_403IsRecordedAndNotRetried_AndTheAdminSeesIt()
    {
        _graph.Script(new GraphAnswer(429, RetryAfterSeconds: 1));
        _graph.FailInstall(Manager(2), new GraphAnswer(403));
        _graph.FailInstall(Manager(3), new GraphAnswer(503, 0), new GraphAnswer(503, 0), new GraphAnswer(503, 0), new GraphAnswer(503, 0));

        var before = _graph.Requests.Count;

        var run = await RunJobAsync();

        Assert.Equal((3, 1, 1), (run.Installed, run.Failed, run.RetryLater));
        // The 429 was waited out (Retry-After) and the same request asked again.
        var asked = _graph.Requests.Skip(before).ToList();
        Assert.Equal((429, asked[0].Path), (asked[0].Status, asked[1].Path));
        var installs = (await InstallationsAsync()).ToDictionary(i => i.AadObjectId);
        Assert.Equal(AppInstallationState.Failed, installs[Manager(2)].State);
        Assert.StartsWith("403 Forbidden: ", installs[Manager(2)].LastError, StringComparison.Ordinal);
        Assert.Equal(AppInstallationState.Pending, installs[Manager(3)].State);
        Assert.StartsWith("503", installs[Manager(3)].LastError, StringComparison.Ordinal);
        Assert.True(installs[Manager(3)].NextAttemptAt > DateTimeOffset.UtcNow);

        var posts = _graph.InstallRequests.Count;
        await RunJobAsync();
        Assert.Equal(posts, _graph.InstallRequests.Count); // the 403 is not asked again; the 503 waits for its time

        await WelcomeInAsync(_graph.ChatIdOf(Admin));
        var activity = InTenant(Activities.Execute(_connector.ServiceUrl, UserOf(Admin), DiligenceBot.DirectorySync.SyncVerb.OpenVerb, locale: "zh-CN"), _graph.ChatIdOf(Admin));
        using var response = await _bot.PostActivityAsync(activity, Token());
        var card = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["value"]!;
        Assert.Equal("已由公司为3人安装本应用；1人等待安装；1人未能安装。", TextOf(card, "install"));
        Assert.StartsWith("Manager 2：403 Forbidden: ", TextOf(card, "installFailed"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OffByDefault_NoGraphCallIsMade()
    {
        await using var off = new BotApp(_issuer, Settings(install: false), shareDatabaseWith: _bot,
            services: s => s.AddSingleton<TokenCredential>(new LocalGraphCredential(_graph, Tenant)));
        off.Start();
        await using var scope = off.Services.CreateAsyncScope();

        var run = await scope.ServiceProvider.GetRequiredService<AppInstallJob>().InstallAsync(Tenant, CancellationToken.None);

        Assert.Equal(AppInstallRun.Off, run);
        Assert.Empty(_graph.InstallRequests);
        Assert.DoesNotContain(_graph.Requests, r => r.Path.Contains("teamwork", StringComparison.Ordinal));
    }
}
