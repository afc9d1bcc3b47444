using System.Text.Json.Nodes;
using DiligenceBot.Notifications;
using DiligenceBot.Scheduling;
using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.Tests.WorkLogs;
using DiligenceBot.Testing;
using DiligenceBot.WorkLogs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static DiligenceBot.Tests.WorkLogs.WorkLogDriver;

namespace DiligenceBot.Tests.Scheduling;

/// <summary>
/// The team schedule job on the whole app (SQLite, or PostgreSQL under test.sh) with a fake clock: reminders
/// carry the log card to managers without a log, the lead's digest, escalations that say why, holidays and
/// make-up days respected, nothing sent twice, and a manager Teams cannot reach reported to the lead.
/// East 1 meets at 08:30 Asia/Shanghai and is reminded 60 and 15 minutes before; its log covers the previous working
/// day (the default), so Monday 30 November's reminders and digest are about Friday 27 November's log.
/// </summary>
public sealed class TeamScheduleJobTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(At(2026, 1, 1, 0, 0));
    private LocalConnector _connector = null!;
    private BotApp _bot = null!;
    private WorkLogDriver _teams = null!;

    private Chats Chats => _teams.Chats;

    /// <summary>A Shanghai local time as an instant.</summary>
    private static DateTimeOffset At(int y, int mo, int d, int h, int mi) => new(y, mo, d, h, mi, 0, TimeSpan.FromHours(8));

    public async Task InitializeAsync()
    {
        _connector = await LocalConnector.StartAsync();
        _bot = new BotApp(time: _time).Start();
        _teams = new WorkLogDriver(_bot, _connector);
        await _teams.InstallAsync(TeamsUser.WangLei);
        await _teams.InstallAsync(TeamsUser.LiNa, "zh-CN");
        await _teams.InstallAsync(TeamsUser.ChenJie);
        _connector.Clear();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    /// <summary>Moves the clock to <paramref name="to"/> and runs East 1's job once, as Hangfire's minutely trigger would.</summary>
    private async Task RunUntilAsync(DateTimeOffset to, params string[] teams)
    {
        _time.SetUtcNow(to);
        foreach (var team in teams.Length == 0 ? ["east-1"] : teams)
        {
            await using var scope = _bot.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<TeamScheduleJob>().RunAsync(team, CancellationToken.None);
        }
    }

    private async Task<List<Notification>> NotificationsAsync()
    {
        await using var db = _bot.CreateDbContext();
        return await db.Notifications.OrderBy(n => n.Id).ToListAsync();
    }

    [Fact]
    public async Task Reminder_60MinutesBefore_CarriesTheLogCard_ToEveryManagerWithoutALog()
    {
        _time.SetUtcNow(At(2026, 11, 30, 7, 29));
        await RunUntilAsync(At(2026, 11, 30, 7, 30));

        var toWang = CardOf(await Chats.NotifiedAsync(TeamsUser.WangLei, TeamScheduleJob.Reminder));
        Assert.Equal("Work log for Friday\u00a027\u00a0November", Title(toWang));
        Assert.Equal("Reminder: your work log is due in 60 minutes.", Text(toWang, "notice"));
        Assert.Equal("This log covers Friday\u00a027\u00a0November; due before the 08:30 meeting today.", Text(toWang, "covers"));
        Assert.Equal("2026-11-27", Action(toWang, "worklog.submit")!["data"]!["workDate"]!.GetValue<string>());
        await Chats.NotifiedAsync(TeamsUser.ChenJie, TeamScheduleJob.Reminder);
        Assert.Single(await Chats.SettledSentToAsync(TeamsUser.WangLei));
        Assert.Single(Chats.SentTo(TeamsUser.ChenJie));
        Assert.Empty(Chats.SentTo(TeamsUser.LiNa));
    }

    [Fact]
    public async Task Reminder_IsNotSent_ToWhoeverAlreadySubmitted_AndRerunningSendsNothingTwice()
    {
        _time.SetUtcNow(At(2026, 11, 30, 7, 40));
        await _teams.ExecuteAsync(TeamsUser.WangLei, "worklog.submit", SubmitData("2026-11-27", 0, ValidInputs()));

        await RunUntilAsync(At(2026, 11, 30, 8, 15));
        await RunUntilAsync(At(2026, 11, 30, 8, 15));
        await Chats.NotifiedAsync(TeamsUser.ChenJie, TeamScheduleJob.Reminder);
        await Chats.Outbox.DrainedAsync();

        Assert.DoesNotContain(Chats.SentTo(TeamsUser.WangLei), r => r.Body!["attachments"]?[0]?["content"]?["body"]?.ToJsonString().Contains("Reminder", StringComparison.Ordinal) == true);
        var reminders = (await NotificationsAsync()).Where(n => n.Kind == TeamScheduleJob.Reminder).ToList();
        Assert.Equal(["chen-jie"], reminders.Select(n => n.RecipientId));
        Assert.Equal(15, reminders[0].Revision);
        Assert.Single(Chats.SentTo(TeamsUser.ChenJie));
    }

    [Fact]
    public async Task Digest_15MinutesBefore_TellsTheLeadWhoSubmittedAndWhoIsMissing()
    {
        _time.SetUtcNow(At(2026, 11, 30, 8, 0));
        await _teams.ExecuteAsync(TeamsUser.WangLei, "worklog.submit", SubmitData("2026-11-27", 0, ValidInputs()));
        await Chats.NotifiedAsync(TeamsUser.LiNa, WorkLogBook.ReviewRequested);

        await RunUntilAsync(At(2026, 11, 30, 8, 15));

        var digest = CardOf(await Chats.NotifiedAsync(TeamsUser.LiNa, TeamScheduleJob.Digest));
        Assert.Equal("例会将于08:30开始：谁已提交、谁迟交、谁未交。", Text(digest, "notice"));
        Assert.Equal($"华东一组·{ZhDate(11, 27)}的日志", Title(digest));
        Assert.Equal("应在今天08:30例会前提交。", Text(digest, "due.east-1"));
        // Before the meeting a missing log is not yet due, not "missing".
        Assert.Equal("已提交1 · 尚未截止1 · 已通过0 · 已退回0", Text(digest, "counts"));
        Assert.Contains("拜访户数：12", Shown(digest, "row.wang-lei"), StringComparison.Ordinal);
        Assert.Equal("Chen Jie 陈杰\n尚未到截止时间", Shown(digest, "row.chen-jie"));
        Assert.NotNull(Action(ById(digest, "row.wang-lei")!, "worklog.review"));
    }

    [Fact]
    public async Task ALeadOfSeveralTeams_GetsOneDigest_AndOneReviewReminder_CoveringEveryTeamMeetingThen_GroupedByTeam()
    {
        await using (var db = _bot.CreateDbContext())
        {
            var east2 = await db.Teams.SingleAsync(t => t.Id == "east-2");
            east2.LeadId = "li-na";
            east2.MeetingTime = new TimeOnly(8, 30);
            await db.SaveChangesAsync();
        }

        _time.SetUtcNow(At(2026, 11, 30, 8, 0));
        await _teams.ExecuteAsync(TeamsUser.WangLei, "worklog.submit", SubmitData("2026-11-27", 0, ValidInputs()));
        await Chats.NotifiedAsync(TeamsUser.LiNa, WorkLogBook.ReviewRequested);

        await RunUntilAsync(At(2026, 11, 30, 8, 15), "east-1", "east-2");

        var digest = CardOf(await Chats.NotifiedAsync(TeamsUser.LiNa, TeamScheduleJob.Digest));
        await Chats.Outbox.DrainedAsync();
        Assert.Single(await NotificationsAsync(), n => n.Kind == TeamScheduleJob.Digest);
        Assert.Equal("您团队的日志", Title(digest));
        Assert.Equal("例会将于08:30开始：谁已提交、谁迟交、谁未交。", Text(digest, "notice"));
        Assert.Equal($"华东一组·{ZhDate(11, 27)}的日志", Text(digest, "team.east-1"));
        Assert.Equal($"华东二组·{ZhDate(11, 27)}的日志", Text(digest, "team.east-2"));
        Assert.Contains("Wang Lei 王磊", Shown(digest, "section.east-1"), StringComparison.Ordinal);
        Assert.Contains("Zhao Min 赵敏\n尚未到截止时间", Shown(digest, "section.east-2"), StringComparison.Ordinal);
        Assert.Equal("已提交0 · 尚未截止2 · 已通过0 · 已退回0", Text(digest, "counts.east-2"));

        // Two hours after the meeting only East 1 has a log waiting: the reminder names it alone.
        await RunUntilAsync(At(2026, 11, 30, 10, 30), "east-1", "east-2");
        var reminder = CardOf(await Chats.NotifiedAsync(TeamsUser.LiNa, TeamScheduleJob.ReviewReminder));
        Assert.Equal($"华东一组·{ZhDate(11, 27)}的日志", Title(reminder));
        Assert.Null(ById(reminder, "team.east-2"));
        Assert.Equal($"{ZhDate(11, 27)}有1篇日志仍在等待您审阅；例会已于08:30开始。", Text(reminder, "notice"));
    }

    [Fact]
    public async Task ALeadOfTeamsMeetingAtDifferentTimes_GetsEachDigestBeforeItsOwnMeeting()
    {
        await using (var db = _bot.CreateDbContext())
        {
            (await db.Teams.SingleAsync(t => t.Id == "east-2")).LeadId = "li-na";
            await db.SaveChangesAsync();
        }

        _time.SetUtcNow(At(2026, 11, 30, 8, 0));
        await RunUntilAsync(At(2026, 11, 30, 8, 15), "east-1", "east-2");
        var first = CardOf(await Chats.NotifiedAsync(TeamsUser.LiNa, TeamScheduleJob.Digest));
        await RunUntilAsync(At(2026, 11, 30, 8, 45), "east-1", "east-2");
        await Chats.Outbox.DrainedAsync();

        var digests = Chats.SentTo(TeamsUser.LiNa).Select(r => r.Body!["attachments"]?[0]?["content"]?["body"]?[0]?["text"]?.GetValue<string>()).OfType<string>().ToList();
        Assert.Equal($"华东一组·{ZhDate(11, 27)}的日志", Title(first));
        Assert.Equal([$"华东一组·{ZhDate(11, 27)}的日志", $"华东二组·{ZhDate(11, 27)}的日志"], digests);
    }

    [Theory]
    [InlineData(2026, 2, 16, false)] // Spring Festival holiday, a Monday
    [InlineData(2026, 2, 21, false)] // a Saturday inside the holiday
    [InlineData(2026, 2, 14, true)]  // make-up working Saturday before the festival
    [InlineData(2026, 2, 28, true)]  // make-up working Saturday after it
    [InlineData(2026, 4, 6, false)]  // Qingming holiday Monday
    [InlineData(2026, 4, 7, true)]
    public async Task Reminders_FollowTheMainlandChinaCalendar(int y, int m, int d, bool expected)
    {
        _time.SetUtcNow(At(y, m, d, 7, 29));
        await RunUntilAsync(At(y, m, d, 7, 30));

        Assert.Equal(expected ? 2 : 0, (await NotificationsAsync()).Count(n => n.Kind == TeamScheduleJob.Reminder));
    }

    [Fact]
    public async Task MissingForConsecutiveWorkingDays_EscalatesToTheLead_ThenToTheLeadsManager_SayingWhy()
    {
        // Wang Lei submitted on each of the last working days; Chen Jie on none. Thu 26 to Mon 30 November.
        await using (var db = _bot.CreateDbContext())
        {
            foreach (var day in new[] { 24, 25, 26, 27 })
            {
                db.WorkLogs.Add(new WorkLog
                {
                    Id = Guid.NewGuid(), TenantId = Activities.TenantId, TeamId = "east-1", ManagerId = "wang-lei",
                    WorkDate = new DateOnly(2026, 11, day), Status = WorkLogStatus.Approved, CurrentRevision = 1, OnTime = true,
                    Revisions = [new WorkLogRevision { Number = 1, Values = new() { ["visits"] = "3" } }],
                });
            }

            await db.SaveChangesAsync();
        }

        await _bot.PostActivityAsync(Activities.InstallationAdd(_connector.ServiceUrl, new TeamsUser("29:1-liu-yang", "Liu Yang 刘洋", "944cedb3-3940-469a-a27e-ff773a2307f2"), "zh-CN"));
        _time.SetUtcNow(At(2026, 11, 30, 8, 29));
        await RunUntilAsync(At(2026, 11, 30, 8, 30));

        var toLead = Chats.TextOf(await Chats.NotifiedAsync(TeamsUser.LiNa, TeamScheduleJob.MissingToLead));
        // Monday's meeting is the deadline of Friday's log: Friday, Thursday, Wednesday and Tuesday are missing.
        Assert.Equal("提醒原因：Chen Jie 陈杰已连续4个工作日未提交工作日志（截至2026\u201111\u201127）。不妨找其谈一谈。", toLead);
        var notes = await NotificationsAsync();
        var toDirector = Assert.Single(notes, n => n.Kind == TeamScheduleJob.MissingToLeadsManager);
        Assert.Equal(("liu-yang", 4, "chen-jie:2026-11-27"), (toDirector.RecipientId, toDirector.Revision, toDirector.SubjectId));
        Assert.DoesNotContain(notes, n => n.SubjectId.StartsWith("wang-lei", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ManagerTeamsCannotReach_IsRetired_AndTheLeadLearnsIt()
    {
        _time.SetUtcNow(At(2026, 11, 30, 7, 29));
        _connector.Script(new ScriptedAnswer(403));

        await RunUntilAsync(At(2026, 11, 30, 7, 30));

        var note = Chats.TextOf(await Chats.NotifiedAsync(TeamsUser.LiNa, TeamScheduleJob.Unreachable));
        Assert.StartsWith("提醒原因：我无法联系", note, StringComparison.Ordinal);
        await using var db = _bot.CreateDbContext();
        Assert.Equal(1, await db.ConversationRecords.CountAsync(c => c.RetiredReason == "connector 403"));
        Assert.Single(await db.Notifications.Where(n => n.Status == NotificationStatus.Undeliverable).ToListAsync());
    }
}
