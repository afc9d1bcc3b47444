using DiligenceBot.Records;
using DiligenceBot.Scheduling;
using DiligenceBot.Testing;
using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.Tests.WorkLogs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static DiligenceBot.Tests.WorkLogs.WorkLogDriver;

namespace DiligenceBot.Tests.Records;

/// <summary>
/// Required records in East 1's schedule job, run as Hangfire's minutely trigger would (SQLite, and PostgreSQL when
/// test.sh points the suite at it). The clock starts Wednesday 30 September 2026 in Shanghai, before the National Day
/// holiday (1–7 October) and its make-up working Saturday (10 October): September's work summary is due by the third
/// working day after the month (Saturday 10 October), the third quarter's market analysis by the fifth (Tuesday 13 October).
/// </summary>
public sealed class RecordScheduleTests : IAsyncLifetime
{
    private static readonly TeamsUser LiuYang = new("29:1-liu-yang", "Liu Yang 刘洋", "944cedb3-3940-469a-a27e-ff773a2307f2");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 9, 30, 0, 10, 0, TimeSpan.Zero));
    private LocalConnector _connector = null!;
    private LocalOneDrive _drive = null!;
    private BotApp _bot = null!;
    private WorkLogDriver _teams = null!;
    private RecordChat _records = null!;
    private long _seen;

    private Chats Chats => _teams.Chats;

    public async Task InitializeAsync()
    {
        _connector = await LocalConnector.StartAsync();
        _drive = await LocalOneDrive.StartAsync();
        _bot = new BotApp(time: _time).Start();
        _teams = new WorkLogDriver(_bot, _connector);
        _records = new RecordChat(_bot, _teams, _connector, _drive);
        await _teams.InstallAsync(TeamsUser.WangLei);
        await _teams.InstallAsync(TeamsUser.LiNa, "zh-CN");
        await _teams.InstallAsync(TeamsUser.ChenJie, "zh-CN");
        await _teams.InstallAsync(LiuYang, "zh-CN");
        _connector.Clear();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _drive.DisposeAsync();
        await _connector.DisposeAsync();
    }

    /// <summary>Moves the clock to a Shanghai time and runs East 1's schedule job just before and at the meeting (08:30).</summary>
    private async Task MeetingAsync(int month, int day, int minute = 30)
    {
        foreach (var m in new[] { minute - 1, minute })
        {
            _time.SetUtcNow(new DateTimeOffset(2026, month, day, 8, m, 0, TimeSpan.FromHours(8)));
            await using var scope = _bot.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<TeamScheduleJob>().RunAsync("east-1", CancellationToken.None);
        }
    }

    /// <summary>Runs East 1's job again now over a window from <paramref name="since"/>, as a retry that lost its mark would.</summary>
    private async Task RunAgainSinceAsync(DateTimeOffset since)
    {
        await using (var db = _bot.CreateDbContext())
        {
            await db.Set<TeamScheduleState>().Where(s => s.TeamId == "east-1").ExecuteUpdateAsync(s => s.SetProperty(x => x.LastRunAt, since));
        }

        await using var scope = _bot.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TeamScheduleJob>().RunAsync("east-1", CancellationToken.None);
    }

    /// <summary>The record messages queued since the last look: "kind subject recipient", sorted.</summary>
    private async Task<List<string>> QueuedAsync()
    {
        await using var db = _bot.CreateDbContext();
        var rows = await db.Notifications.Where(n => n.Id > _seen && n.Kind.StartsWith("record.")).ToListAsync();
        _seen = await db.Notifications.MaxAsync(n => (long?)n.Id) ?? 0;
        return [.. rows.Where(n => n.Kind != RecordReviewKind.ReviewRequested).Select(n => $"{n.Kind} {n.SubjectId} {n.RecipientId}").Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task ManagersAreReminded_OnTheLastWorkingDaysBeforeTheDueDay_NotAfterFiling_TheLeadIsToldOnce_AndTheLeadsManagerLater()
    {
        // The last working day before the holiday: nothing is due yet.
        await MeetingAsync(9, 30);
        Assert.Empty(await QueuedAsync());

        // Thursday 8 October, the first working day after the holiday: September's summary (due Saturday the 10th).
        await MeetingAsync(10, 8);
        Assert.Equal(["record.reminder monthly-summary:2026-09 chen-jie", "record.reminder monthly-summary:2026-09 wang-lei"], await QueuedAsync());
        var toWang = CardOf(await Chats.NotifiedAsync(TeamsUser.WangLei, RecordSchedule.Reminder));
        Assert.Equal("Monthly work summary for September\u00a02026", Title(toWang));
        Assert.Equal("Reminder: your Monthly work summary for September\u00a02026 is due by the end of Saturday\u00a010\u00a0October. Send me its files in this chat, then file it here.", Text(toWang, "notice"));
        var toChen = CardOf(await Chats.NotifiedAsync(TeamsUser.ChenJie, RecordSchedule.Reminder));
        Assert.Equal($"{ZhMonth(9)}的月度工作总结", Title(toChen));
        Assert.Equal($"提醒：您{ZhMonth(9)}的“月度工作总结”须在{ZhDate(10, 10)}前提交。请先在本聊天中把文件发给我，再点击下方按钮提交。", Text(toChen, "notice"));

        // Wang Lei taps the reminder's button: the form with the kind and the period filled in; he files it.
        var (form, _) = await _teams.ExecuteAsync(TeamsUser.WangLei, RecordCards.FormVerb, Copy(Action(toWang, RecordCards.FormVerb)!["data"]!.AsObject()));
        Assert.Equal(("monthly-summary", "2026-09"), (ById(form!, RecordCards.KindInput)!["value"]!.ToString(), ById(form!, RecordCards.PeriodInput)!["value"]!.ToString()));
        await _records.FileAsync(TeamsUser.WangLei, "wang-lei", "monthly-summary", "2026-09", "September summary");

        // Friday 9th: only Chen Jie.
        await MeetingAsync(10, 9);
        Assert.Equal(["record.reminder monthly-summary:2026-09 chen-jie"], await QueuedAsync());

        // Saturday 10th is a make-up working day: the summary's last day, and the quarter's analysis starts (due Tuesday 13th).
        await MeetingAsync(10, 10);
        Assert.Equal(["record.reminder market-analysis:2026-Q3 chen-jie", "record.reminder market-analysis:2026-Q3 wang-lei", "record.reminder monthly-summary:2026-09 chen-jie"], await QueuedAsync());
        var analysis = CardOf(await Chats.NotifiedAsync(TeamsUser.WangLei, RecordSchedule.Reminder, n => n.SubjectId.StartsWith("market-analysis", StringComparison.Ordinal)));
        Assert.Equal("Market analysis for Q3\u00a02026", Title(analysis));

        // Sunday 11th is a day off: nothing.
        await MeetingAsync(10, 11);
        Assert.Empty(await QueuedAsync());

        // Monday 12th, the first working day after the summary's due day: Li Na is told of Chen Jie's, once, though the
        // job runs over the meeting again (a second instance, a retry after a crash before it noted its run).
        await MeetingAsync(10, 12);
        await RunAgainSinceAsync(new DateTimeOffset(2026, 10, 12, 8, 0, 0, TimeSpan.FromHours(8)));
        Assert.Equal(["record.missing-lead east-1:2026-10-12 li-na", "record.reminder market-analysis:2026-Q3 chen-jie", "record.reminder market-analysis:2026-Q3 wang-lei"], await QueuedAsync());
        var toLiNa = CardOf(await Chats.NotifiedAsync(TeamsUser.LiNa, RecordSchedule.MissingToLead));
        Assert.Equal("尚未提交的资料", Title(toLiNa));
        Assert.Equal("提醒原因：华东一组的以下资料已过截止日，仍未提交。", Text(toLiNa, "why"));
        Assert.Equal($"{ZhMonth(9)}“月度工作总结”，截止日{ZhDate(10, 10)}", Text(toLiNa, "missing.monthly-summary.2026-09"));
        Assert.Equal("Chen Jie 陈杰", Text(toLiNa, "managers.monthly-summary.2026-09"));

        // Tuesday 13th: the analysis's last day. Wednesday 14th: both analyses are missing, in one message.
        await MeetingAsync(10, 13);
        Assert.Equal(["record.reminder market-analysis:2026-Q3 chen-jie", "record.reminder market-analysis:2026-Q3 wang-lei"], await QueuedAsync());
        await MeetingAsync(10, 14);
        Assert.Equal(["record.missing-lead east-1:2026-10-14 li-na"], await QueuedAsync());
        var analyses = CardOf(await Chats.NotifiedAsync(TeamsUser.LiNa, RecordSchedule.MissingToLead, n => n.SubjectId.EndsWith("14", StringComparison.Ordinal)));
        Assert.Equal($"{DiligenceBot.Localization.CardDates.Quarter(new DateOnly(2026, 7, 1), DiligenceBot.Localization.Language.ZhCn)}“市场分析”，截止日{ZhDate(10, 13)}", Text(analyses, "missing.market-analysis.2026-Q3"));
        Assert.Equal("Chen Jie 陈杰、Wang Lei 王磊", Text(analyses, "managers.market-analysis.2026-Q3"));

        // Thursday 15th, the fourth working day after the summary's due day: Li Na's manager hears of it too.
        await MeetingAsync(10, 15);
        Assert.Equal(["record.missing-manager east-1:2026-10-15 liu-yang"], await QueuedAsync());
        var toLiuYang = CardOf(await Chats.NotifiedAsync(LiuYang, RecordSchedule.MissingToLeadsManager));
        Assert.Equal("提醒原因：华东一组（组长Li Na 李娜）的以下资料已过截止日4个工作日，仍未提交。", Text(toLiuYang, "why"));
        Assert.Equal("Chen Jie 陈杰", Text(toLiuYang, "managers.monthly-summary.2026-09"));

        // Friday 16th: nothing; Monday 19th, four working days after the analyses' due day: Li Na's manager hears of those.
        await MeetingAsync(10, 16);
        Assert.Empty(await QueuedAsync());
        await MeetingAsync(10, 19);
        Assert.Equal(["record.missing-manager east-1:2026-10-19 liu-yang"], await QueuedAsync());

        // Later meetings send nothing more about these.
        await MeetingAsync(10, 20);
        await MeetingAsync(10, 21);
        Assert.Empty(await QueuedAsync());
    }
}
