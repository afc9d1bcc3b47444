using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using DiligenceBot.Dashboard;
using DiligenceBot.Organisation;
using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.Testing;
using DiligenceBot.Transfers;
using DiligenceBot.WorkLogs;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DiligenceBot.Tests.Dashboard;

/// <summary>
/// The authenticated app with the demo history, a second tenant (one team, one lead, one manager) and Teams SSO tokens
/// from the local issuer, shared by the dashboard API's tests.
/// </summary>
public sealed class DashboardApiFixture : IAsyncLifetime
{
    public const string OtherTenant = "5d0c4c1e-2f7a-4b8e-9a55-0b1f6e3c7d42";
    public const string AppIdUri = "api://diligencebot.example.com/" + BotApp.AppId;
    public const string OtherLeadObjectId = "7a0f5a11-3c1e-4b44-9a9a-1d2e3f405162";

    public LocalOpenIdIssuer Issuer { get; private set; } = null!;
    public BotApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Issuer = await LocalOpenIdIssuer.StartAsync();
        var issuer = Issuer;
        App = new BotApp(issuer, new Dictionary<string, string?>
        {
            ["Database:DemoHistory"] = "true",
            ["Dashboard:TenantIds:0"] = Activities.TenantId,
            ["Dashboard:TenantIds:1"] = OtherTenant,
            ["Dashboard:ApplicationIdUri"] = AppIdUri,
            ["Dashboard:OpenIdMetadataUrl"] = issuer.SecureMetadataUrl,
        }, services: s => s.Configure<JwtBearerOptions>(DashboardAuthentication.SsoScheme, o => o.BackchannelHttpHandler = issuer.CreateTrustingHandler())).Start();

        // A second tenant: its lead, its team, its manager (with a log), sharing nothing with the demo tenant.
        await using var db = App.CreateDbContext();
        db.People.Add(new Person { Id = "other-lead", TenantId = OtherTenant, AadObjectId = OtherLeadObjectId, DisplayName = "Other Lead" });
        db.Teams.Add(new Team { Id = "other-team", TenantId = OtherTenant, NameEn = "Other Team", NameZh = "其他团队", LeadId = "other-lead" });
        db.People.Add(new Person { Id = "other-manager", TenantId = OtherTenant, AadObjectId = Guid.NewGuid().ToString(), DisplayName = "Other Manager", TeamId = "other-team" });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Issuer.DisposeAsync();
    }

    /// <summary>A Teams SSO token as Entra issues it for the tab: v2 issuer of the tenant, the app's audience, the scope.</summary>
    public string Token(string objectId, string tenant = Activities.TenantId, string? audience = null, string? scope = "access_as_user", string? issuerTenant = null, TimeSpan? expires = null)
    {
        var claims = new Dictionary<string, object> { ["tid"] = tenant, ["oid"] = objectId, ["ver"] = "2.0" };
        if (scope is not null)
        {
            claims["scp"] = scope;
        }

        return Issuer.CreateToken(new TokenSpec
        {
            Audience = audience ?? BotApp.AppId,
            Issuer = $"https://login.microsoftonline.com/{issuerTenant ?? tenant}/v2.0",
            Claims = claims,
            ExpiresOffset = expires,
            NotBeforeOffset = expires is null ? null : expires - TimeSpan.FromHours(1),
        });
    }

    public async Task<(HttpStatusCode Status, JsonNode? Body, string? ContentType)> GetAsync(string path, string? token, string? language = null, IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.Add(name, value);
        }

        using var response = await App.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 ? JsonNode.Parse(text) : null, response.Content.Headers.ContentType?.MediaType);
    }
}

/// <summary>
/// The dashboard's API as a lead, the lead's own manager, an admin, a manager and strangers call it: who sees what
/// (enforced by the API), the SSO token's checks, bad input answered with problem+json, and views that say what the
/// stored records say.
/// </summary>
public sealed class DashboardApiTests(DashboardApiFixture fixture) : IClassFixture<DashboardApiFixture>
{
    private static readonly string LiNa = TeamsUser.LiNa.AadObjectId;
    private static readonly string WangLei = TeamsUser.WangLei.AadObjectId;
    private static readonly string LiuYang = TeamsUser.LiuYang.AadObjectId;
    private static readonly string ChenJie = TeamsUser.ChenJie.AadObjectId;

    private static List<string> TeamIds(JsonNode body) => body["teams"]!.AsArray().Select(t => (t!["team"]?["id"] ?? t["id"])!.GetValue<string>()).ToList();

    private static List<string> ManagerIds(JsonNode team) => team["managers"]!.AsArray().Select(m => m!["manager"]!["id"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task Today_AsALead_ShowsTheirTeamsManagersOnly()
    {
        var (status, body, _) = await fixture.GetAsync("/api/dashboard/today", fixture.Token(LiNa));

        Assert.Equal(HttpStatusCode.OK, status);
        var team = Assert.Single(body!["teams"]!.AsArray())!;
        Assert.Equal("east-1", team["team"]!["id"]!.GetValue<string>());
        Assert.Equal(["chen-jie", "wang-lei"], ManagerIds(team).Order().ToList());
    }

    [Fact]
    public async Task Today_AsALeadWhoIsAlsoAManager_ShowsTheTeamTheyLead_NotThemselves()
    {
        var (status, body, _) = await fixture.GetAsync("/api/dashboard/today", fixture.Token(WangLei));

        Assert.Equal(HttpStatusCode.OK, status);
        var team = Assert.Single(body!["teams"]!.AsArray())!;
        Assert.Equal("east-2", team["team"]!["id"]!.GetValue<string>());
        Assert.Equal(["sun-hao", "zhao-min"], ManagerIds(team).Order().ToList());
    }

    [Fact]
    public async Task Me_AsTheLeadsOwnManagerAndAdmin_ListsEveryTeamOfTheTenant_AndNoOtherTenants()
    {
        var (status, body, _) = await fixture.GetAsync("/api/dashboard/me", fixture.Token(LiuYang));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["east-1", "east-2"], TeamIds(body!).Order().ToList());
        Assert.Equal(4, body!["managers"]!.GetValue<int>());
    }

    [Fact]
    public async Task Today_AsAManagerWhoLeadsNoOne_IsRefusedWithAProblemSayingWhy()
    {
        var (status, body, type) = await fixture.GetAsync("/api/dashboard/today", fixture.Token(ChenJie));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("application/problem+json", type);
        Assert.Contains("lead or oversee", body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/dashboard/today?team=east-2")]
    [InlineData("/api/dashboard/today?team=other-team")]
    [InlineData("/api/dashboard/punctuality?team=east-2")]
    [InlineData("/api/dashboard/managers/zhao-min")]
    [InlineData("/api/dashboard/managers/other-manager")]
    [InlineData("/api/dashboard/managers/li-na")]
    [InlineData("/api/dashboard/managers/nobody")]
    public async Task ALead_AskingForAnotherLeadsTeamOrManager_GetsNotFound_LikeAnUnknownId(string path)
    {
        var (status, body, type) = await fixture.GetAsync(path, fixture.Token(LiNa));

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("application/problem+json", type);
        Assert.Contains("among", body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALeadOfAnotherTenant_SeesTheirOwnTeam_AndNothingOfTheDemoTenant_WhateverTheQuerySays()
    {
        var token = fixture.Token(DashboardApiFixture.OtherLeadObjectId, tenant: DashboardApiFixture.OtherTenant);
        await using var db = fixture.App.CreateDbContext();
        var demoLog = await db.Set<WorkLog>().FirstAsync(l => l.TenantId == Activities.TenantId);

        var (status, body, _) = await fixture.GetAsync("/api/dashboard/today", token);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["other-team"], TeamIds(body!));
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.GetAsync("/api/dashboard/today?team=east-1", token)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.GetAsync("/api/dashboard/managers/chen-jie", token)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.GetAsync($"/api/dashboard/logs/{demoLog.Id}", token)).Status);

        // The demo tenant's Li Na, with her object id but the other tenant's token, is a stranger there.
        var (stranger, problem, _) = await fixture.GetAsync("/api/dashboard/today", fixture.Token(LiNa, tenant: DashboardApiFixture.OtherTenant));
        Assert.Equal(HttpStatusCode.Forbidden, stranger);
        Assert.Contains("directory", problem!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_ForTheAppIdUri_IsAccepted()
    {
        var (status, _, _) = await fixture.GetAsync("/api/dashboard/me", fixture.Token(LiNa, audience: DashboardApiFixture.AppIdUri));

        Assert.Equal(HttpStatusCode.OK, status);
    }

    public static TheoryData<string, HttpStatusCode> RefusedTokens => new()
    {
        { "none", HttpStatusCode.Unauthorized },
        { "tenant not served", HttpStatusCode.Unauthorized },
        { "issuer of another tenant", HttpStatusCode.Unauthorized },
        { "another audience", HttpStatusCode.Unauthorized },
        { "bot connector issuer", HttpStatusCode.Unauthorized },
        { "expired", HttpStatusCode.Unauthorized },
        { "another key", HttpStatusCode.Unauthorized },
        { "no scope", HttpStatusCode.Forbidden },
        { "another scope", HttpStatusCode.Forbidden },
        { "demo header outside Development", HttpStatusCode.Unauthorized },
    };

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task Token_ThatIsNotTheTabsSsoToken_IsRefused(string kind, HttpStatusCode expected)
    {
        Dictionary<string, string>? headers = null;
        var token = kind switch
        {
            "none" => null,
            "tenant not served" => fixture.Token(LiNa, tenant: "11111111-2222-3333-4444-555555555555"),
            "issuer of another tenant" => fixture.Token(LiNa, issuerTenant: DashboardApiFixture.OtherTenant),
            "another audience" => fixture.Token(LiNa, audience: "api://someone-else/" + Guid.NewGuid()),
            "bot connector issuer" => fixture.Issuer.CreateToken(new TokenSpec { Audience = BotApp.AppId, Claims = new Dictionary<string, object> { ["tid"] = Activities.TenantId, ["oid"] = LiNa, ["scp"] = "access_as_user" } }),
            "expired" => fixture.Token(LiNa, expires: TimeSpan.FromMinutes(-10)),
            "another key" => AnotherKeysToken(),
            "no scope" => fixture.Token(LiNa, scope: null),
            "another scope" => fixture.Token(LiNa, scope: "User.Read access_as_admin"),
            "demo header outside Development" => null,
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        if (kind == "demo header outside Development")
        {
            headers = new() { [DashboardAuthentication.DemoHeader] = "li-na" };
        }

        var (status, body, _) = await fixture.GetAsync("/api/dashboard/today", token, headers: headers);

        Assert.Equal(expected, status);
        Assert.True(body is null || body["teams"] is null, "no data with a refused token");
    }

    private string AnotherKeysToken()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        return fixture.Issuer.CreateToken(new TokenSpec
        {
            Audience = BotApp.AppId,
            Issuer = $"https://login.microsoftonline.com/{Activities.TenantId}/v2.0",
            Key = rsa,
            Claims = new Dictionary<string, object> { ["tid"] = Activities.TenantId, ["oid"] = LiNa, ["scp"] = "access_as_user" },
        });
    }

    [Theory]
    [InlineData("/api/dashboard/punctuality?from=2026-13-01", "en-US", "is not a date")]
    [InlineData("/api/dashboard/punctuality?from=yesterday", "en-US", "YYYY-MM-DD")]
    [InlineData("/api/dashboard/punctuality?from=2026-11-30&to=2026-11-01", "en-US", "before it starts")]
    [InlineData("/api/dashboard/punctuality?from=2025-01-01&to=2026-11-30", "en-US", "at most 92 days")]
    [InlineData("/api/dashboard/managers/chen-jie?from=2000-01-01&to=2099-12-31", "en-US", "at most")]
    [InlineData("/api/dashboard/punctuality?to=0001-01-01", "en-US", "2000 to 2099")]
    [InlineData("/api/dashboard/punctuality?from=9999-12-31", "en-US", "2000 to 2099")]
    [InlineData("/api/dashboard/managers/chen-jie?to=1999-12-31", "zh-CN", "2000年至2099年")]
    [InlineData("/api/dashboard/punctuality?from=2026-11-01&to=2026-11-31", "zh-CN", "不是日期")]
    [InlineData("/api/dashboard/punctuality?from=2026-11-30&to=2026-11-01", "zh-CN", "早于开始日期")]
    public async Task BadDatesAndRanges_AreABadRequest_SayingWhatIsWrong_InTheCallersLanguage(string path, string language, string expected)
    {
        var (status, body, type) = await fixture.GetAsync(path, fixture.Token(LiNa), language);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", type);
        Assert.Contains(expected, body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/dashboard/punctuality?from=2099-12-31")]
    [InlineData("/api/dashboard/managers/chen-jie?to=2000-01-01")]
    public async Task RangesAtTheEndsOfTheYearsShown_AreAnswered(string path)
    {
        var (status, body, _) = await fixture.GetAsync(path, fixture.Token(LiNa));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(body!["from"]);
    }

    [Theory]
    [InlineData("/api/dashboard/logs/not-a-guid")]
    [InlineData("/api/dashboard/logs/00000000-0000-0000-0000-000000000000")]
    [InlineData("/api/dashboard/today?team=%00%27%3B--")]
    [InlineData("/api/dashboard/managers/%E2%80%AE%F0%9F%98%80")]
    public async Task UnknownIds_AreNotFound_NeverAServerError(string path)
    {
        var (status, _, type) = await fixture.GetAsync(path, fixture.Token(LiNa));

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("application/problem+json", type);
    }

    [Fact]
    public async Task Today_SaysWhatTheStoredLogsFormsAndActionItemsSay()
    {
        var (status, body, _) = await fixture.GetAsync("/api/dashboard/today", fixture.Token(LiuYang));
        Assert.Equal(HttpStatusCode.OK, status);

        await using var db = fixture.App.CreateDbContext();
        foreach (var team in body!["teams"]!.AsArray())
        {
            var day = DateOnly.Parse(team!["day"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
            var deadlinePassed = team["deadlinePassed"]!.GetValue<bool>();
            foreach (var row in team["managers"]!.AsArray())
            {
                var id = row!["manager"]!["id"]!.GetValue<string>();
                var log = await db.Set<WorkLog>().SingleOrDefaultAsync(l => l.ManagerId == id && l.WorkDate == day);
                var expected = log is null ? (deadlinePassed ? "Missing" : "NotYetDue") : log.OnTime ? "OnTime" : "Late";
                Assert.Equal(expected, row["log"]!.GetValue<string>());
                Assert.Equal(log?.Id.ToString(), row["logId"]?.GetValue<string>());
                var open = await db.Set<TransferForm>().CountAsync(f => f.ProviderId == id && (f.State == TransferState.Sent || f.State == TransferState.Acknowledged || f.State == TransferState.Reopened));
                Assert.Equal(open, row["formsOpen"]!.GetValue<int>());
            }
        }

        Assert.Contains(body["teams"]!.AsArray(), t => t!["counts"]!["formsOpen"]!.GetValue<int>() > 0);
    }

    [Fact]
    public async Task Punctuality_HasACellPerManagerAndWorkingDay_ThatSaysWhatTheStoredLogSays_AndDrillsDownToTheManagerAndTheRecord()
    {
        var (status, body, _) = await fixture.GetAsync("/api/dashboard/punctuality?team=east-1&from=2026-11-02&to=2026-11-30", fixture.Token(LiNa));
        Assert.Equal(HttpStatusCode.OK, status);

        var team = Assert.Single(body!["teams"]!.AsArray())!;
        var days = team["days"]!.AsArray().Select(d => DateOnly.Parse(d!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        // Working days only: November 2026 has 21 weekdays, no public holiday in mainland China.
        Assert.Equal(21, days.Count);
        Assert.DoesNotContain(days, d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);

        await using var db = fixture.App.CreateDbContext();
        Guid? someLog = null;
        foreach (var row in team["managers"]!.AsArray())
        {
            var id = row!["manager"]!["id"]!.GetValue<string>();
            var logs = await db.Set<WorkLog>().Where(l => l.ManagerId == id).ToDictionaryAsync(l => l.WorkDate);
            var cells = row["cells"]!.AsArray();
            Assert.Equal(days.Count, cells.Count);
            for (var i = 0; i < days.Count; i++)
            {
                var expected = logs.TryGetValue(days[i], out var log) ? (log.OnTime ? "OnTime" : "Late") : "Missing";
                Assert.Equal(expected, cells[i]!["log"]!.GetValue<string>());
                someLog ??= log?.Id;
            }

            Assert.Equal(cells.Count(c => c!["log"]!.GetValue<string>() == "Late"), row["late"]!.GetValue<int>());
        }

        Assert.NotNull(someLog);
        var stored = await db.Set<WorkLog>().Include(l => l.Reviews).SingleAsync(l => l.Id == someLog);

        var (managerStatus, manager, _) = await fixture.GetAsync($"/api/dashboard/managers/{stored.ManagerId}?from=2026-11-02&to=2026-11-30", fixture.Token(LiNa));
        Assert.Equal(HttpStatusCode.OK, managerStatus);
        Assert.Contains(manager!["logs"]!.AsArray(), l => l!["logId"]?.GetValue<string>() == stored.Id.ToString());

        var (recordStatus, record, _) = await fixture.GetAsync($"/api/dashboard/logs/{stored.Id}", fixture.Token(LiNa));
        Assert.Equal(HttpStatusCode.OK, recordStatus);
        Assert.Equal(stored.ManagerId, record!["manager"]!["id"]!.GetValue<string>());
        Assert.NotEmpty(record["answers"]!.AsArray());
        Assert.Equal(stored.Reviews.Count, record["reviews"]!.AsArray().Count);

        // Wang Lei leads East 2 and is a manager in East 1: his own log is not his to open here.
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.GetAsync($"/api/dashboard/logs/{stored.Id}", fixture.Token(WangLei))).Status);
    }

    private async Task<(HttpStatusCode Status, byte[] Body, string? ContentType, string? FileName)> DownloadAsync(string path, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Token(LiNa));
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        using var response = await fixture.App.Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync(), response.Content.Headers.ContentType?.MediaType,
            response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
    }

    [Fact]
    public async Task TodayExport_AsXlsx_HasARowPerManager_SayingWhatTheViewSays()
    {
        var (_, view, _) = await fixture.GetAsync("/api/dashboard/today", fixture.Token(LiNa));
        var (status, body, type, name) = await DownloadAsync("/api/dashboard/today/export?format=xlsx");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", type);
        Assert.StartsWith("Today_", name, StringComparison.Ordinal);
        using var stream = new MemoryStream(body);
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var expected = view!["teams"]![0]!["managers"]!.AsArray()
            .Select(m => (m!["manager"]!["name"]!.GetValue<string>(), m["log"]!.GetValue<string>() switch { "OnTime" => "On time", "Late" => "Late", "Missing" => "Missing", _ => "Not yet due" }))
            .ToList();
        Assert.Equal(expected, rows.Select(r => ((string)r["Account manager"]!, (string)r["Work log"]!)).ToList());
        Assert.All(rows, r => Assert.Equal("East District 1", r["Team"]));
    }

    [Fact]
    public async Task PunctualityExport_AsCsv_InChinese_HasARowPerManagerAndWorkingDay_WithTheViewsFilters()
    {
        var (status, body, type, name) = await DownloadAsync("/api/dashboard/punctuality/export?format=csv&team=east-1&from=2026-11-02&to=2026-11-30", "zh-CN");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("text/csv", type);
        Assert.Equal("准时情况_2026-11-02_2026-11-30.csv", name);
        Assert.Equal([0xEF, 0xBB, 0xBF], body.Take(3));
        var lines = System.Text.Encoding.UTF8.GetString(body, 3, body.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("团队,客户经理,日期,工作日志", lines[0]);
        // Two managers × the 21 working days of November 2026.
        Assert.Equal(1 + 2 * 21, lines.Length);
        Assert.Contains("华东一组,Chen Jie 陈杰,2026-11-02,", lines[1..].First(l => l.Contains("Chen Jie", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/dashboard/today/export?format=pdf", HttpStatusCode.BadRequest)]
    [InlineData("/api/dashboard/today/export", HttpStatusCode.BadRequest)]
    [InlineData("/api/dashboard/today/export?format=xlsx&team=east-2", HttpStatusCode.NotFound)]
    [InlineData("/api/dashboard/punctuality/export?format=csv&team=other-team", HttpStatusCode.NotFound)]
    [InlineData("/api/dashboard/punctuality/export?format=csv&from=2026-02-30", HttpStatusCode.BadRequest)]
    public async Task Export_WithABadFormatOrFilter_IsRefusedLikeTheView(string path, HttpStatusCode expected)
    {
        var (status, body, type, _) = await DownloadAsync(path);

        Assert.Equal(expected, status);
        Assert.Equal("application/problem+json", type);
        Assert.DoesNotContain("Chen Jie", System.Text.Encoding.UTF8.GetString(body), StringComparison.Ordinal);
    }
}
