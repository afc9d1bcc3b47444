using System.Net;
using DiligenceBot.Tests.Infrastructure;

namespace DiligenceBot.Tests.Scheduling;

/// <summary>The Hangfire dashboard is for admins: anonymous requests are refused outside Development; in Development only local ones get in.</summary>
public sealed class DashboardTests
{
    private static readonly Dictionary<string, string?> WithHangfire = new() { ["Scheduling:Enabled"] = "true", ["Scheduling:RunServer"] = "false" };

    [Fact]
    public async Task Dashboard_ForAnAnonymousUser_OutsideDevelopment_IsRefused()
    {
        // Outside Development the bot must be authenticated (an app id); no activity comes, so no key is fetched.
        await using var bot = new BotApp(settings: new Dictionary<string, string?>(WithHangfire)
        {
            ["Bot:AppId"] = BotApp.AppId,
            ["Bot:AppPassword"] = "local-test-secret",
        }, environment: "Testing").Start();

        using var response = await bot.Http.GetAsync("/hangfire");

        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, response.StatusCode.ToString());
        Assert.DoesNotContain("Recurring", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_InDevelopment_FromThisMachine_Opens()
    {
        await using var bot = new BotApp(settings: WithHangfire, environment: "Development").Start();

        using var response = await bot.Http.GetAsync("/hangfire/recurring");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("team-schedule:east-1", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
