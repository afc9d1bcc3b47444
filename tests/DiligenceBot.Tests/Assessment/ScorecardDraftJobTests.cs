using System.Text.Json.Nodes;
using DiligenceBot.Assessment;
using DiligenceBot.Localization;
using DiligenceBot.Scheduling;
using DiligenceBot.Testing;
using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.Tests.WorkLogs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static DiligenceBot.Tests.WorkLogs.WorkLogDriver;

namespace DiligenceBot.Tests.Assessment;

/// <summary>
/// The drafts in East 1's schedule job, run as Hangfire's minutely trigger would (SQLite, and PostgreSQL when test.sh
/// points the suite at it), with the tenant showing managers their rank. The clock starts Wednesday 30 September 2026
/// in Shanghai, before the National Day holiday (1–7 October): the first working day after September, and after the
/// third quarter, is Thursday 8 October.
/// </summary>
public sealed class ScorecardDraftJobTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 9, 30, 0, 10, 0, TimeSpan.Zero));
    private LocalConnector _connector = null!;
    private BotApp _bot = null!;
    private WorkLogDriver _t = null!;

    public async Task InitializeAsync()
    {
        _connector = await LocalConnector.StartAsync();
        _bot = new BotApp(time: _time, settings: new Dictionary<string, string?> { ["Scorecards:RankingShownToManagers:0"] = Activities.TenantId }).Start();
        _t = new WorkLogDriver(_bot, _connector);
        await _t.InstallAsync(TeamsUser.WangLei);
        await _t.InstallAsync(TeamsUser.LiNa, "zh-CN");
        await _t.InstallAsync(TeamsUser.ChenJie, "zh-CN");
        _connector.Clear();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    /// <summary>Moves the clock to a Shanghai day and runs East 1's schedule job just before and at the meeting (08:30).</summary>
    private async Task MeetingAsync(int month, int day)
    {
        foreach (var minute in new[] { 29, 30 })
        {
            _time.SetUtcNow(new DateTimeOffset(2026, month, day, 8, minute, 0, TimeSpan.FromHours(8)));
            await using var scope = _bot.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<TeamScheduleJob>().RunAsync("east-1", CancellationToken.None);
        }
    }

    private async Task<List<string>> QueuedAsync()
    {
        await using var db = _bot.CreateDbContext();
        return [.. (await db.Notifications.Where(n => n.Kind == ScorecardDraftSchedule.Drafts).ToListAsync()).Select(n => $"{n.SubjectId} {n.RecipientId}").Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task TheLeadGetsTheDrafts_OnTheFirstWorkingDayAfterTheMonthAndTheQuarter_Once()
    {
        await MeetingAsync(9, 30);
        Assert.Empty(await QueuedAsync());

        // The holiday: the job runs, nothing is due (no working day, no meeting).
        await MeetingAsync(10, 1);
        await MeetingAsync(10, 7);
        Assert.Empty(await QueuedAsync());

        await MeetingAsync(10, 8);
        Assert.Equal(["east-1:2026-09 li-na", "east-1:2026-Q3 li-na"], await QueuedAsync());
        var month = CardOf(await _t.Chats.NotifiedAsync(TeamsUser.LiNa, ScorecardDraftSchedule.Drafts, n => n.SubjectId == "east-1:2026-09"));
        Assert.Equal($"华东一组·{ZhMonth(9)}考核", Title(month));
        Assert.Equal($"{ZhMonth(9)}考核草稿已于{CardDates.Long(new DateOnly(2026, 10, 8), Language.ZhCn)}生成：请逐一查看客户经理，为未计量的指标评分，如需调整请说明理由，然后发布。", Text(month, "notice"));
        Assert.NotNull(ById(month, "row.chen-jie"));
        Assert.NotNull(ById(month, "row.wang-lei"));
        var quarter = CardOf(await _t.Chats.NotifiedAsync(TeamsUser.LiNa, ScorecardDraftSchedule.Drafts, n => n.SubjectId == "east-1:2026-Q3"));
        Assert.Equal($"华东一组·{CardDates.Quarter(new DateOnly(2026, 7, 1), Language.ZhCn)}考核", Title(quarter));

        // A run again over the same window, and the next day: nothing more.
        await using (var db = _bot.CreateDbContext())
        {
            await db.Set<TeamScheduleState>().Where(s => s.TeamId == "east-1").ExecuteUpdateAsync(s => s.SetProperty(x => x.LastRunAt, _time.GetUtcNow().AddMinutes(-5)));
        }

        await using (var scope = _bot.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TeamScheduleJob>().RunAsync("east-1", CancellationToken.None);
        }

        await MeetingAsync(10, 9);
        Assert.Equal(["east-1:2026-09 li-na", "east-1:2026-Q3 li-na"], await QueuedAsync());

        // The draft's Open button leads to the card the lead publishes from.
        var open = Actions(ById(month, "row.chen-jie")!).Single();
        var (draft, _) = await _t.ExecuteAsync(TeamsUser.LiNa, ScorecardCards.ScorecardVerb, open["data"]!.AsObject(), locale: "zh-CN");
        Assert.NotNull(Action(draft!, ScorecardCards.PublishVerb));
    }

    [Fact]
    public async Task WhereTheTenantShowsIt_TheManagerSeesTheirRankInTheTeam()
    {
        await MeetingAsync(10, 8);
        foreach (var (manager, points) in new[] { ("chen-jie", "2"), ("wang-lei", "1") })
        {
            var (draft, _) = await _t.ExecuteAsync(TeamsUser.LiNa, ScorecardCards.ScorecardVerb,
                new JsonObject { ["verb"] = ScorecardCards.ScorecardVerb, ["period"] = "2026-09", ["managerId"] = manager });
            var data = Copy(Action(draft!, ScorecardCards.PublishVerb)!["data"]!.AsObject());
            foreach (var input in ScoreInputs(draft!))
            {
                data[input] = points;
                data[ScorecardCards.ScoreReasonInput(input["score.".Length..])] = "本月无导入数据";
            }

            var (published, _) = await _t.ExecuteAsync(TeamsUser.LiNa, ScorecardCards.PublishVerb, data);
            Assert.NotNull(ById(published!, "total"));
        }

        // The rank among the scorecards published so far (Chen Jie's card was sent when his was the only one).
        var chen = CardOf(await _t.Chats.SayAsync(TeamsUser.ChenJie, "我的考核", "zh-CN"));
        Assert.Equal("在华东一组已发布的2份考核中排名第1", Text(chen, "rank"));
        var wang = CardOf(await _t.Chats.SayAsync(TeamsUser.WangLei, "my scorecard 2026-09"));
        Assert.Equal("Rank 2 of 2 in East District 1 (published scorecards)", Text(wang, "rank"));
    }

    [Fact]
    public async Task AQuartersScorecard_IsPublishedFromTheQuartersDrafts_AndComparedWithQuartersOnly()
    {
        await MeetingAsync(10, 8);
        foreach (var period in new[] { "2026-09", "2026-Q3" })
        {
            var drafts = CardOf(await _t.Chats.NotifiedAsync(TeamsUser.LiNa, ScorecardDraftSchedule.Drafts, n => n.SubjectId == "east-1:" + period));
            var open = Actions(ById(drafts, "row.chen-jie")!).Single();
            var (draft, _) = await _t.ExecuteAsync(TeamsUser.LiNa, ScorecardCards.ScorecardVerb, open["data"]!.AsObject(), locale: "zh-CN");
            var data = Copy(Action(draft!, ScorecardCards.PublishVerb)!["data"]!.AsObject());
            Assert.Equal(period, data["period"]!.GetValue<string>());
            foreach (var input in ScoreInputs(draft!))
            {
                data[input] = "1";
                data[ScorecardCards.ScoreReasonInput(input["score.".Length..])] = "本期无导入数据";
            }

            await _t.ExecuteAsync(TeamsUser.LiNa, ScorecardCards.PublishVerb, data, locale: "zh-CN");
        }

        await using (var db = _bot.CreateDbContext())
        {
            Assert.Equal(["2026-09", "2026-Q3"], await db.Set<PublishedScorecard>().Where(s => s.ManagerId == "chen-jie").Select(s => s.PeriodKey).OrderBy(k => k).ToListAsync());
        }

        // The quarter is not compared with September: it is the first quarter published.
        var quarter = CardOf(await _t.Chats.SayAsync(TeamsUser.ChenJie, "我的考核 2026-Q3", "zh-CN"));
        Assert.Equal($"Chen Jie 陈杰·{CardDates.Quarter(new DateOnly(2026, 7, 1), Language.ZhCn)}考核", Title(quarter));
        Assert.Equal("这是首次发布的同类考核，暂无可比较的上期结果。", Text(quarter, "change"));
    }

    private static IEnumerable<string> ScoreInputs(JsonNode node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() == "Input.Text" && o["id"]!.GetValue<string>().StartsWith("score.", StringComparison.Ordinal) => [o["id"]!.GetValue<string>()],
        JsonObject o => o.Where(p => p.Value is not null).SelectMany(p => ScoreInputs(p.Value!)),
        JsonArray a => a.Where(x => x is not null).SelectMany(x => ScoreInputs(x!)),
        _ => [],
    };
}
