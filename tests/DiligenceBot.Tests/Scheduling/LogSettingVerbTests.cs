using DiligenceBot.Organisation;
using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.Tests.WorkLogs;
using DiligenceBot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static DiligenceBot.Tests.WorkLogs.WorkLogDriver;

namespace DiligenceBot.Tests.Scheduling;

/// <summary>
/// An admin sets what a team's log covers from chat (the previous working day, due before the meeting; or the day
/// itself, due at a time), applied at once and audited; nobody else can. The clock is Monday 2026-11-30, 10:00 in
/// Shanghai; East 1 meets at 08:30.
/// </summary>
public sealed class LogSettingVerbTests : IAsyncLifetime
{
    private static readonly TeamsUser LiuYang = new("29:1-liu-yang", "Liu Yang 刘洋", "944cedb3-3940-469a-a27e-ff773a2307f2");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(8)));
    private LocalConnector _connector = null!;
    private BotApp _bot = null!;
    private WorkLogDriver _teams = null!;

    private Chats Chats => _teams.Chats;

    public async Task InitializeAsync()
    {
        _connector = await LocalConnector.StartAsync();
        _bot = new BotApp(time: _time).Start();
        _teams = new WorkLogDriver(_bot, _connector);
        await _teams.InstallAsync(TeamsUser.WangLei);
        await _teams.InstallAsync(LiuYang, "zh-CN");
        await _teams.InstallAsync(TeamsUser.LiNa);
        _connector.Clear();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private async Task<Team> EastOneAsync()
    {
        await using var db = _bot.CreateDbContext();
        return await db.Teams.AsNoTracking().SingleAsync(t => t.Id == "east-1");
    }

    [Fact]
    public async Task Admin_SetsTheLogToCoverTheSameDay_AndBack_AtOnce_Audited()
    {
        var before = CardOf(await Chats.SayAsync(TeamsUser.WangLei, "log"));
        var answer = Chats.TextOf(await Chats.SayAsync(LiuYang, "日志设置 east-1 当天 18:00", "zh-CN"));
        var after = CardOf(await Chats.SayAsync(TeamsUser.WangLei, "log"));

        Assert.Equal("华东一组的日志现记录当天的工作，须在当天18:00前提交（北京时间）。日程已立即生效。", answer);
        var team = await EastOneAsync();
        Assert.Equal((LogCoverage.SameDay, new TimeOnly(18, 0)), (team.LogCovers, team.LogDueTime));
        // The manager's open log moved from Friday's (due at this morning's meeting) to today's, due at 18:00.
        Assert.Equal("This log covers Friday\u00a027\u00a0November; it was due before the 08:30 meeting today, so it will be marked late.", Text(before, "covers"));
        Assert.Equal("This log covers Monday\u00a030\u00a0November; due at 18:00 today.", Text(after, "covers"));

        var back = Chats.TextOf(await Chats.SayAsync(LiuYang, "log setting east-1 previous-day"));
        Assert.Equal("East District 1's log now covers the previous working day and is due before the 08:30 meeting (China time). The schedule took effect at once.", back);
        Assert.Equal((LogCoverage.PreviousWorkingDay, (TimeOnly?)null), ((await EastOneAsync()).LogCovers, (await EastOneAsync()).LogDueTime));

        await using var db = _bot.CreateDbContext();
        var audit = await db.AuditEntries.Where(a => a.Action == "team.log-setting-changed").OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(2, audit.Count);
        Assert.All(audit, a => Assert.Equal(("liu-yang", "Team", "east-1", "admin.log-setting"), (a.ActorId, a.SubjectType, a.SubjectId, a.SourceVerb)));
    }

    /// <summary>
    /// The plan in a log written before the meeting about the previous working day is today's; in a log written the same
    /// evening it is the next working day's. The form, its error and the summary say which, in both languages.
    /// </summary>
    [Fact]
    public async Task ThePlan_IsTodays_WhenTheLogCoversThePreviousDay_AndTheNextWorkingDays_WhenItCoversTheDayItself()
    {
        var previousDay = CardOf(await Chats.SayAsync(TeamsUser.WangLei, "log"));
        var previousDayZh = CardOf(await Chats.SayAsync(TeamsUser.WangLei, "日志", "zh-CN"));
        Assert.Equal(("Plan for today", "Plan for today is required."), (Label(previousDay), ById(previousDay, "f.plan")!["errorMessage"]!.GetValue<string>()));
        Assert.Equal("今日计划", Label(previousDayZh));

        await Chats.SayAsync(LiuYang, "log setting east-1 same-day 18:00");
        var sameDay = CardOf(await Chats.SayAsync(TeamsUser.WangLei, "log"));
        var sameDayZh = CardOf(await Chats.SayAsync(TeamsUser.WangLei, "日志", "zh-CN"));
        Assert.Equal(("Plan for the next working day", "Plan for the next working day is required."), (Label(sameDay), ById(sameDay, "f.plan")!["errorMessage"]!.GetValue<string>()));
        Assert.Equal("下一个工作日计划", Label(sameDayZh));

        // What was written keeps the wording of the team's setting on the summary too.
        var (summary, answer) = await _teams.ExecuteAsync(TeamsUser.WangLei, "worklog.submit", SubmitData(await _teams.OpenLogDayAsync(), 0, ValidInputs()));
        Assert.True(summary is not null, answer.ToJsonString());
        Assert.StartsWith("Plan for the next working day\n", Shown(summary!, "answer.plan"), StringComparison.Ordinal);

        static string Label(System.Text.Json.Nodes.JsonObject card) => ById(card, "f.plan")!["label"]!.GetValue<string>();
    }

    [Theory]
    [InlineData("log setting east-1")]
    [InlineData("log setting east-1 same-day")]
    [InlineData("log setting east-1 same-day 25:00")]
    [InlineData("log setting east-1 previous-day 18:00")]
    [InlineData("log setting east-1 evening")]
    public async Task BadArguments_GetTheUsage_AndChangeNothing(string text)
    {
        var answer = Chats.TextOf(await Chats.SayAsync(LiuYang, text));

        Assert.StartsWith("Write it as: log setting TEAM previous-day, or log setting TEAM same-day HH:mm", answer, StringComparison.Ordinal);
        Assert.Equal(LogCoverage.PreviousWorkingDay, (await EastOneAsync()).LogCovers);
    }

    [Fact]
    public async Task NonAdmin_IsRefused_UnknownTeamIsNamed_AndNothingIsChanged()
    {
        Assert.Equal("Only an administrator can change a team's schedule; nothing was changed.", Chats.TextOf(await Chats.SayAsync(TeamsUser.LiNa, "log setting east-1 same-day 18:00")));
        Assert.Equal("您的组织中没有团队“west-9”；未做任何更改。", Chats.TextOf(await Chats.SayAsync(LiuYang, "日志设置 west-9 当天 18:00", "zh-CN")));

        Assert.Equal(LogCoverage.PreviousWorkingDay, (await EastOneAsync()).LogCovers);
        await using var db = _bot.CreateDbContext();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == "team.log-setting-changed"));
    }
}
