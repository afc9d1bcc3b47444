using System.Text.Json.Nodes;
using DiligenceBot.Assessment;
using DiligenceBot.Customers;
using DiligenceBot.Localization;
using DiligenceBot.Scheduling;
using DiligenceBot.Testing;
using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.Tests.WorkLogs;
using DiligenceBot.WorkLogs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static DiligenceBot.Tests.WorkLogs.WorkLogDriver;

namespace DiligenceBot.Tests.Assessment;

/// <summary>
/// The draft scorecards through /api/messages (SQLite, and PostgreSQL when test.sh points the suite at it). East 1: Li
/// Na leads Wang Lei and Chen Jie and reports to Liu Yang; East 2: Wang Lei leads Zhao Min and Sun Hao. The clock is
/// Thursday 3 December 2026, 10:00 in Shanghai: November is over. Chen Jie logged every working day of November, two
/// days late, each log rated 4; his two registered customers (two visits a month each) are named in no log.
/// </summary>
public sealed partial class ScorecardFlowTests : IAsyncLifetime
{
    internal static readonly TeamsUser LiuYang = new("29:1-liu-yang", "Liu Yang 刘洋", "944cedb3-3940-469a-a27e-ff773a2307f2");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.FromHours(8)));
    private LocalConnector _connector = null!;
    private BotApp _bot = null!;
    private WorkLogDriver _t = null!;

    private Chats Chats => _t.Chats;

    public async Task InitializeAsync()
    {
        _connector = await LocalConnector.StartAsync();
        _bot = new BotApp(time: _time).Start();
        _t = new WorkLogDriver(_bot, _connector);
        foreach (var user in new[] { TeamsUser.WangLei, TeamsUser.LiNa, TeamsUser.ChenJie, LiuYang })
        {
            await _t.InstallAsync(user, user == TeamsUser.ChenJie || user == LiuYang ? "zh-CN" : "en-US");
        }

        await using var db = _bot.CreateDbContext();
        var schedule = _bot.Services.GetRequiredService<HolidayCalendars>().ScheduleOf(await db.Teams.SingleAsync(t => t.Id == "east-1"));
        var late = 0;
        for (var day = new DateOnly(2026, 11, 1); day < new DateOnly(2026, 12, 1); day = day.AddDays(1))
        {
            if (!ScheduleMath.IsWorkingDay(schedule, day))
            {
                continue;
            }

            var onTime = late++ >= 2;
            var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(onTime ? 8 : 11, 0)), TimeSpan.FromHours(8));
            db.WorkLogs.Add(new WorkLog
            {
                Id = Guid.NewGuid(), TenantId = Activities.TenantId, TeamId = "east-1", ManagerId = "chen-jie", WorkDate = day, Status = WorkLogStatus.Approved,
                CurrentRevision = 1, OnTime = onTime, FirstSubmittedAt = at, LastSubmittedAt = at, QualityRating = 4, ConcurrencyStamp = Guid.NewGuid(),
            });
        }

        foreach (var (licence, name) in new[] { ("L-2001", "东方便利"), ("L-2002", "西城烟酒") })
        {
            db.Customers.Add(new Customer
            {
                TenantId = Activities.TenantId, LicenceNumber = licence, Name = name, Address = "南京路1号", District = "黄浦", Tier = "A",
                ManagerId = "chen-jie", VisitsPerMonth = 2, CreatedAt = _time.GetUtcNow(), UpdatedAt = _time.GetUtcNow(),
            });
        }

        await db.SaveChangesAsync();
        _connector.Clear();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    /// <summary>"November 2026" as cards write it (CardDates: it never breaks).</summary>
    private static string EnMonth(int year, int month) => CardDates.Month(new DateOnly(year, month, 1), Language.EnUs);

    private async Task<JsonObject> CardReplyAsync(TeamsUser user, string text, string locale = "en-US") => CardOf(await Chats.SayAsync(user, text, locale));

    private async Task<string> TextReplyAsync(TeamsUser user, string text, string locale = "en-US") => Chats.TextOf(await Chats.SayAsync(user, text, locale));

    [Fact]
    public async Task Lead_SeesAManagersDraft_EachIndicatorWithTheDataBehindIt_OrNotMeasured()
    {
        var card = await CardReplyAsync(TeamsUser.LiNa, "scorecard 2026-11 Chen Jie");

        Assert.Equal($"Chen Jie 陈杰 · scorecard · {EnMonth(2026, 11)}", Title(card));
        Assert.Equal("Draft from what DiligenceBot measures over the whole period. Not published: the manager does not see it.", Text(card, "status"));
        // 21 working days in November, 19 logged on time: 90 %, the 85 % band (60 % of 5 points).
        Assert.Equal(CardDates.KeepCounts("Work logs on time: 90% → 3/5"), Text(card, "indicator.logs-on-time"));
        // Rated 4 on a scale whose points run from 2.0 to 4.5: 80 % of 5.
        Assert.Equal(CardDates.KeepCounts("Work log quality: 4.0 → 4/5"), Text(card, "indicator.log-quality"));
        // Four visits owed, none named in a log: measured, and worth nothing.
        Assert.Equal(CardDates.KeepCounts("Required visits made: 0% → 0/10"), Text(card, "indicator.visit-coverage"));
        // No plan, no imported figures, no evaluations: not measured, never a silent 0 or full mark.
        Assert.Equal(CardDates.KeepCounts("Marketing plan carried out: not measured; you score it with a reason (of 9)"), Text(card, "indicator.plan-execution"));
        Assert.Equal(CardDates.KeepCounts("Volume against target: not measured; you score it with a reason (of 8)"), Text(card, "indicator.volume"));
        Assert.StartsWith("Process and system execution · 3/10", Text(card, "dimension.process-execution"), StringComparison.Ordinal);
        Assert.Contains("never counted as 0 or as full marks", Text(card, "note"), StringComparison.Ordinal);
        var back = Action(card, ScorecardCards.ScorecardVerb)!;
        Assert.Equal("All managers", back["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Lead_SeesTheTeamRanked_AndOpensAManager_InChinese()
    {
        var team = await CardReplyAsync(LiuYang, "考核", "zh-CN");

        Assert.Equal($"{ZhMonth(11)}考核", Title(team));
        // Chen Jie's logs were on time and rated; Wang Lei logged nothing: Chen Jie ranks first.
        var rows = team.ToJsonString();
        Assert.True(rows.IndexOf("row.chen-jie", StringComparison.Ordinal) < rows.IndexOf("row.wang-lei", StringComparison.Ordinal), rows);
        Assert.StartsWith("已计量", Text(team, "total.chen-jie"), StringComparison.Ordinal);

        var open = Actions(ById(team, "row.chen-jie")!).Single();
        var (card, _) = await _t.ExecuteAsync(LiuYang, ScorecardCards.ScorecardVerb, open["data"]!.AsObject(), locale: "zh-CN");
        Assert.Equal($"Chen Jie 陈杰·{ZhMonth(11)}考核", Title(card!));
        Assert.Equal(CardDates.KeepCounts("工作日志按时率：90%，得3/5分"), Text(card!, "indicator.logs-on-time"));
        Assert.Equal(CardDates.KeepCounts("营销计划执行率：未计量，由您说明理由后评分（满分9分）"), Text(card!, "indicator.plan-execution"));
    }

    [Fact]
    public async Task TheQuarterSoFar_CountsOctoberToToday()
    {
        var card = await CardReplyAsync(TeamsUser.LiNa, "scorecard 2026-q4 Chen Jie");

        Assert.Equal($"Chen Jie 陈杰 · scorecard · {CardDates.Quarter(new DateOnly(2026, 10, 1), Language.EnUs)}", Title(card));
        Assert.StartsWith("Draft from what DiligenceBot measures, to ", Text(card, "status"), StringComparison.Ordinal);
        // October and December so far had no logs from Chen Jie: the quarter's share is far below November's.
        Assert.DoesNotContain("90%", Text(card, "indicator.logs-on-time"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("chen-jie", "考核", "zh-CN", "您还没有已发布的考核；组长会在月末后发布。")]
    [InlineData("chen-jie", "考核 Wang Lei", "zh-CN", "考核草稿由组长、组长的上级和管理员查看；您的考核结果经组长发布后会发给您。")]
    [InlineData("wang-lei", "scorecard Chen Jie", "en-US", "Chen Jie 陈杰 is not in a team you lead or oversee; only Chen Jie 陈杰's lead chain and admins see Chen Jie 陈杰's scorecard.")]
    [InlineData("li-na", "scorecard 2026-13", "en-US", "Write the month as YYYY-MM or the quarter as YYYY-Qn, e.g. scorecard 2026-11 or scorecard 2026-Q4 Chen Jie.")]
    [InlineData("li-na", "scorecard 2027-01", "en-US", "January\u00a02027 has not begun yet; choose a month or quarter that has.")]
    [InlineData("li-na", "scorecard Nobody", "en-US", "There is no account manager called “Nobody” here. Type **scorecard** to see your teams.")]
    public async Task WhoMaySee_AndBadInput_GetAClearAnswer(string who, string text, string locale, string answer)
    {
        var user = who switch { "chen-jie" => TeamsUser.ChenJie, "wang-lei" => TeamsUser.WangLei, _ => TeamsUser.LiNa };

        Assert.Equal(answer, await TextReplyAsync(user, text, locale));
    }

    [Fact]
    public async Task AButtonForAManagerTheLeadDoesNotCheck_IsRefused()
    {
        var (_, answer) = await _t.ExecuteAsync(TeamsUser.WangLei, ScorecardCards.ScorecardVerb,
            new JsonObject { ["verb"] = ScorecardCards.ScorecardVerb, ["period"] = "2026-11", ["managerId"] = "chen-jie" });

        Assert.Contains("is not in a team you lead or oversee", answer.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Work logs on time", answer.ToJsonString(), StringComparison.Ordinal);
    }
}
