using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.Testing;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Tests.Scheduling;

/// <summary>An admin changes a team's meeting time and reminder offsets from chat; nobody else can.</summary>
public sealed class MeetingVerbTests : IAsyncLifetime
{
    private static readonly TeamsUser LiuYang = new("29:1-liu-yang", "Liu Yang 刘洋", "944cedb3-3940-469a-a27e-ff773a2307f2");
    private LocalConnector _connector = null!;
    private BotApp _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await LocalConnector.StartAsync();
        _bot = new BotApp().Start();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private async Task<string> SayAsync(TeamsUser user, string text, string locale = "en-US")
    {
        _connector.Clear();
        await _bot.PostActivityAsync(Activities.Message(_connector.ServiceUrl, user, text, locale));
        return Assert.Single(_connector.SentActivities).Body!["text"]!.GetValue<string>();
    }

    [Fact]
    public async Task Admin_ChangesTheMeeting_AndTheScheduleTakesEffect()
    {
        var answer = await SayAsync(LiuYang, "例会时间 east-1 09:15 45,10", "zh-CN");

        Assert.Equal("华东一组的例会时间已改为09:15（北京时间），提前45、10分钟提醒客户经理。日程已立即生效。", answer);
        await using var db = _bot.CreateDbContext();
        var team = await db.Teams.SingleAsync(t => t.Id == "east-1");
        Assert.Equal(new TimeOnly(9, 15), team.MeetingTime);
        Assert.Equal([45, 10], team.ReminderOffsets);
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == "team.meeting-changed");
        Assert.Equal(("liu-yang", "east-1"), (audit.ActorId, audit.SubjectId));
    }

    [Theory]
    [InlineData("meeting east-1 25:00")]
    [InlineData("meeting east-1")]
    [InlineData("meeting east-1 09:00 sixty")]
    [InlineData("meeting east-1 09:00 0")]
    public async Task BadArguments_GetTheUsage_AndChangeNothing(string text)
    {
        var answer = await SayAsync(LiuYang, text);

        Assert.StartsWith("Write it as: meeting TEAM HH:mm", answer, StringComparison.Ordinal);
        await using var db = _bot.CreateDbContext();
        Assert.Equal(new TimeOnly(8, 30), (await db.Teams.SingleAsync(t => t.Id == "east-1")).MeetingTime);
    }

    [Fact]
    public async Task NonAdmin_IsRefused_AndUnknownTeamIsNamed()
    {
        Assert.Equal("Only an administrator can change a team's schedule; nothing was changed.", await SayAsync(TeamsUser.LiNa, "meeting east-1 07:00"));
        Assert.Equal("There is no team \"west-9\" in your organisation; nothing was changed.", await SayAsync(LiuYang, "meeting west-9 07:00"));
        await using var db = _bot.CreateDbContext();
        Assert.Equal(new TimeOnly(8, 30), (await db.Teams.SingleAsync(t => t.Id == "east-1")).MeetingTime);
    }
}
