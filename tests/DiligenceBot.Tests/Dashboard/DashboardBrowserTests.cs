using System.Net;
using System.Text.Json.Nodes;
using DiligenceBot.Tests.Infrastructure;

namespace DiligenceBot.Tests.Dashboard;

/// <summary>
/// The dashboard page as the app serves it, in Debian's Chromium (tools/dashboard/browser-test.mjs): the Development
/// app with the demo history, Li Na chosen in the demo sign-in; every view (Today, the punctuality heatmap and its
/// table, a manager and a log reached by clicking) at 360 and 1280 px, in en-US and zh-CN, light, dark and high
/// contrast; screenshots into artifacts/dashboard (to look at after changing the page), axe with no serious or
/// critical violation, no page wider than a phone, no script error, no request leaving the app.
/// </summary>
[Trait("Category", "Rendering")]
public sealed class DashboardBrowserTests
{
    private static readonly string Folder = Path.Combine(RepoTools.RepoRoot, "artifacts", "dashboard");

    [Fact]
    public async Task EveryView_DrawsAtPhoneAndDesktopWidth_InBothLanguagesAndThemes_WithoutAccessibilityFaults()
    {
        await using var app = new BotApp(settings: new Dictionary<string, string?> { ["Database:DemoHistory"] = "true" });
        app.Start();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }

        var (exitCode, output, error) = await RepoTools.RunNodeToolAsync("dashboard", "browser-test.mjs", app.BaseAddress.ToString().TrimEnd('/'), Folder);

        Assert.True(exitCode == 0, $"browser-test found faults ({exitCode}):\n{output}\n{error}");
        var report = JsonNode.Parse(output)!;
        // 5 views × (2 languages × 2 themes × 2 widths + 2 high-contrast runs).
        Assert.Equal(50, report["shots"]!.GetValue<int>());
        Assert.True(File.Exists(Path.Combine(Folder, "punctuality.zh-CN.dark.360.png")));
    }

    [Fact]
    public async Task CommittedBundle_IsTheBuildOfTheSources()
    {
        var (exitCode, output, error) = await RepoTools.RunNodeToolAsync("dashboard", "build.mjs", "--check");

        Assert.True(exitCode == 0, $"{output}\n{error}");
    }

    [Fact]
    public async Task Page_IsServedByTheApp_FramedOnlyByTeams_WithItsScriptFromTheAppItself()
    {
        await using var app = new BotApp();
        app.Start();

        using var page = await app.Http.GetAsync("/dashboard/");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("src=\"dashboard.js\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http", html, StringComparison.Ordinal);
        var policy = string.Join(' ', page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'self' teams.microsoft.com", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        using var script = await app.Http.GetAsync("/dashboard/dashboard.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        using var configure = await app.Http.GetAsync("/dashboard/configure.html");
        Assert.Equal(HttpStatusCode.OK, configure.StatusCode);
    }

    [Fact]
    public async Task DemoSignIn_InDevelopment_ActsAsTheChosenPerson_AndListsThePeople()
    {
        await using var app = new BotApp();
        app.Start();

        using var people = await app.Http.GetAsync("/api/dashboard/demo/people");
        Assert.Equal(HttpStatusCode.OK, people.StatusCode);
        Assert.Contains("li-na", await people.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/dashboard/me");
        request.Headers.Add("X-Demo-Person", "wang-lei");
        using var me = await app.Http.SendAsync(request);
        var body = JsonNode.Parse(await me.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal("wang-lei", body["id"]!.GetValue<string>());
        Assert.Equal(["east-2"], body["teams"]!.AsArray().Select(t => t!["id"]!.GetValue<string>()));

        using var unknown = new HttpRequestMessage(HttpMethod.Get, "/api/dashboard/me");
        unknown.Headers.Add("X-Demo-Person", "nobody");
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Http.SendAsync(unknown)).StatusCode);
    }

    [Fact]
    public async Task DemoSignIn_OutsideDevelopment_DoesNotExist()
    {
        await using var app = new BotApp(settings: new Dictionary<string, string?> { ["Bot:AppId"] = BotApp.AppId, ["Bot:AppPassword"] = "x" });
        app.Start();

        Assert.Equal(HttpStatusCode.NotFound, (await app.Http.GetAsync("/api/dashboard/demo/people")).StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/dashboard/me");
        request.Headers.Add("X-Demo-Person", "li-na");
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task DemoSignIn_SetOutsideDevelopment_StopsStartUp_NamingTheKey()
    {
        await using var app = new BotApp(settings: new Dictionary<string, string?> { ["Bot:AppId"] = BotApp.AppId, ["Bot:AppPassword"] = "x", ["Dashboard:DemoSignIn"] = "true" });
        var failure = Assert.ThrowsAny<Exception>(() => app.Start());
        Assert.Contains("Dashboard:DemoSignIn", failure.ToString(), StringComparison.Ordinal);
    }
}
