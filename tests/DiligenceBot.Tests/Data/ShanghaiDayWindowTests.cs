using System.Text.Json.Nodes;
using DiligenceBot.Notifications;
using DiligenceBot.Scheduling;
using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.Tests.Transfers;
using DiligenceBot.Tests.WorkLogs;
using DiligenceBot.Testing;
using DiligenceBot.Transfers;
using DiligenceBot.WorkLogs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static DiligenceBot.Tests.Transfers.TransferDriver;
using static DiligenceBot.Tests.WorkLogs.WorkLogDriver;

namespace DiligenceBot.Tests.Data;

/// <summary>
/// Day windows and deadlines around midnight and early morning in Asia/Shanghai (UTC+8, where the local day starts
/// at 16:00 UTC of the day before), through the real flows on SQLite (and PostgreSQL under test.sh), with the clock
/// reading UTC as the system clock does. East 1 (lead Li Na) meets at 08:30 and is reminded 60 and 15 minutes before;
/// customer service works 08:30–17:30 and acknowledges a normal complaint within 2 working hours.
/// </summary>
public sealed class ShanghaiDayWindowTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(At(2026, 11, 30, 12, 0).ToUniversalTime());
    private LocalConnector _connector = null!;
    private BotApp _bot = null!;
    private TransferDriver _t = null!;

    /// <summary>A Shanghai wall-clock time as an instant.</summary>
    private static DateTimeOffset At(int y, int mo, int d, int h, int mi) => new(y, mo, d, h, mi, 0, TimeSpan.FromHours(8));

    public async Task InitializeAsync()
    {
        _connector = await LocalConnector.StartAsync();
        _bot = new BotApp(time: _time).Start();
        _t = new TransferDriver(_bot, _connector);
        await _t.Teams.InstallAsync(TeamsUser.WangLei);
        await _t.Teams.InstallAsync(TeamsUser.LiNa);
        await _t.Teams.InstallAsync(TeamsUser.ChenJie);
        await _t.Teams.InstallAsync(SunHao);
        _connector.Clear();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private Chats Chats => _t.Teams.Chats;

    private void SetClock(DateTimeOffset at) => _time.SetUtcNow(at.ToUniversalTime());

    /// <summary>The card the bot answers a typed command with.</summary>
    private async Task<JsonObject> AskAsync(TeamsUser user, string text) => CardOf(await Chats.SayAsync(user, text));

    private static string? RowText(JsonObject card, string id) =>
        ById(card, id) is { } row ? (row["columns"]?[0]?["items"]?[0]?["text"] ?? row["text"])!.GetValue<string>() : null;

    [Fact]
    public async Task FormsToday_AfterMidnight_ListsTheFormsSentSinceLocalMidnight_AndYesterdaysListKeepsTheOnesBefore()
    {
        SetClock(At(2026, 11, 30, 23, 50));
        await _t.SubmitAsync(TeamsUser.WangLei, Inputs("market", "Competitor X opened a kiosk next to Huamei Store tonight."));

        SetClock(At(2026, 11, 30, 23, 59));
        var lateEvening = await AskAsync(TeamsUser.LiNa, "forms today");
        Assert.Equal("East District 1 · forms of Monday\u00a030\u00a0November", Title(lateEvening));
        Assert.Equal("Sent 1 · waiting 1 · being handled 0 · handled 0 · closed 0 · escalated 0", Text(lateEvening, "counts"));
        Assert.NotNull(ById(lateEvening, "row.XX-2026-000001"));

        SetClock(At(2026, 12, 1, 0, 10));
        var (sent, _) = await _t.Teams.ExecuteAsync(TeamsUser.WangLei, TransferCards.SubmitVerb, SubmitData(Guid.NewGuid(), Inputs()));
        Assert.Equal("2026\u201112\u201101\u00a000:10", Facts(sent!, "form")["Time sent"]);

        // 03:45 in Beijing is 19:45 UTC of the day before: the night's form is today's, last evening's is not.
        SetClock(At(2026, 12, 1, 3, 45));
        var night = await AskAsync(TeamsUser.LiNa, "forms today");
        Assert.Equal("East District 1 · forms of Tuesday\u00a01\u00a0December", Title(night));
        Assert.Equal("Sent 1 · waiting 1 · being handled 0 · handled 0 · closed 0 · escalated 0", Text(night, "counts"));
        Assert.Equal("Wang Lei 王磊 · XX-2026-000002 · Customer complaint · waiting for acknowledgement", RowText(night, "row.XX-2026-000002"));
        Assert.Null(ById(night, "row.XX-2026-000001"));

        var yesterday = await AskAsync(TeamsUser.LiNa, "forms today 2026-11-30");
        Assert.NotNull(ById(yesterday, "row.XX-2026-000001"));
        Assert.Null(ById(yesterday, "row.XX-2026-000002"));

        // Late in the day, the list still starts at local midnight.
        SetClock(At(2026, 12, 1, 23, 59));
        var evening = await AskAsync(TeamsUser.LiNa, "forms today");
        Assert.Equal("East District 1 · forms of Tuesday\u00a01\u00a0December", Title(evening));
        Assert.NotNull(ById(evening, "row.XX-2026-000002"));
        Assert.Null(ById(evening, "row.XX-2026-000001"));
    }

    [Fact]
    public async Task ALogSubmittedAt0005_IsTheLogReadAtThatMornings0830Meeting_OnTime_ForTheLead_TeamLogs_AndTheScheduleJob()
    {
        SetClock(At(2026, 12, 1, 0, 5));
        var form = await AskAsync(TeamsUser.WangLei, "log");
        Assert.Equal("Work log for Monday\u00a030\u00a0November", Title(form));
        var (summary, answer) = await _t.Teams.ExecuteAsync(TeamsUser.WangLei, "worklog.submit", SubmitData("2026-11-30", 0, ValidInputs()));
        Assert.True(summary is not null, answer.ToJsonString());

        // Li Na's review card: on time, submitted at 00:05 her time.
        var review = CardOf(await Chats.NotifiedAsync(TeamsUser.LiNa, WorkLogBook.ReviewRequested));
        Assert.StartsWith("On time · Revision 1 · ", Text(review, "status"), StringComparison.Ordinal);
        Assert.Contains("2026\u201112\u201101\u00a000:05", Text(review, "status"), StringComparison.Ordinal);

        SetClock(At(2026, 12, 1, 3, 45));
        var early = await AskAsync(TeamsUser.LiNa, "team logs");
        Assert.Equal("East District 1 · logs for Monday\u00a030\u00a0November", Title(early));
        Assert.StartsWith("Submitted 1 · ", Text(early, "counts"), StringComparison.Ordinal);
        Assert.DoesNotContain("late 1", Text(early, "counts"), StringComparison.Ordinal);

        // The schedule: the 60-minute reminder goes to Chen Jie only; the digest before the meeting shows Wang Lei on time.
        SetClock(At(2026, 12, 1, 7, 29));
        await RunScheduleAsync(At(2026, 12, 1, 7, 30));
        await Chats.NotifiedAsync(TeamsUser.ChenJie, TeamScheduleJob.Reminder, n => n.Revision == 60);
        await using (var db = _bot.CreateDbContext())
        {
            Assert.Equal(["chen-jie"], await db.Notifications.Where(n => n.Kind == TeamScheduleJob.Reminder).Select(n => n.RecipientId).ToListAsync());
        }

        await RunScheduleAsync(At(2026, 12, 1, 8, 15));
        var digest = CardOf(await Chats.NotifiedAsync(TeamsUser.LiNa, TeamScheduleJob.Digest));
        Assert.Equal("The daily meeting starts at 08:30: who submitted, who is late, who is missing.", Text(digest, "notice"));
        Assert.StartsWith("Submitted 1 · ", Text(digest, "counts"), StringComparison.Ordinal);
        Assert.DoesNotContain("late 1", Text(digest, "counts"), StringComparison.Ordinal);
        var wangsRow = ById(digest, "row.wang-lei")!.ToJsonString();
        Assert.Contains("Submitted", wangsRow, StringComparison.Ordinal);
        Assert.DoesNotContain("Late", wangsRow, StringComparison.Ordinal);

        // Chen Jie submits one minute after the meeting started: late, on the same day.
        SetClock(At(2026, 12, 1, 8, 31));
        await _t.Teams.ExecuteAsync(TeamsUser.ChenJie, "worklog.submit", SubmitData("2026-11-30", 0, ValidInputs()));
        SetClock(At(2026, 12, 1, 23, 59));
        var evening = await AskAsync(TeamsUser.LiNa, "team logs");
        Assert.Equal("East District 1 · logs for Monday\u00a030\u00a0November", Title(evening));
        Assert.StartsWith("Submitted 2 · ", Text(evening, "counts"), StringComparison.Ordinal);
        Assert.Contains("late 1", Text(evening, "counts"), StringComparison.Ordinal);
        await using var logs = _bot.CreateDbContext();
        Assert.Equal([("chen-jie", false), ("wang-lei", true)],
            (await logs.WorkLogs.Where(l => l.WorkDate == new DateOnly(2026, 11, 30)).OrderBy(l => l.ManagerId).ToListAsync()).Select(l => (l.ManagerId, l.OnTime)));
    }

    [Fact]
    public async Task AFormSentLateOnMonday_IsDueTuesdayMorning_AndTheReceiverIsRemindedThen_NotEightHoursLater()
    {
        // 16:30: one working hour left on Monday, the second is Tuesday 08:30–09:30.
        SetClock(At(2026, 11, 30, 16, 30));
        var form = await _t.SubmitAsync(TeamsUser.WangLei);
        Assert.Equal(At(2026, 12, 1, 9, 30), form.AckDueAt);
        await Chats.NotifiedAsync(SunHao, TransferRegister.Routed);

        await RunDeadlinesAsync(At(2026, 12, 1, 9, 29));
        await using (var db = _bot.CreateDbContext())
        {
            Assert.False(await db.Notifications.AnyAsync(n => n.Kind == TransferRegister.AckReminder));
        }

        await RunDeadlinesAsync(At(2026, 12, 1, 9, 30));

        var card = CardOf(await Chats.NotifiedAsync(SunHao, TransferRegister.AckReminder));
        Assert.Equal("Reminder: this form was to be acknowledged by 2026\u201112\u201101\u00a009:30. Please acknowledge it now.", Text(card, "notice"));
    }

    [Fact]
    public async Task EveryInstantIsStoredInUtc_WhateverOffsetTheCodeComputedItIn()
    {
        // Deadlines are computed in the post's zone (+08:00); they are stored, and read back, at offset 0.
        SetClock(At(2026, 11, 30, 16, 30));
        var form = await _t.SubmitAsync(TeamsUser.WangLei);
        await using var db = _bot.CreateDbContext();
        var stored = await db.Set<TransferForm>().AsNoTracking().SingleAsync(f => f.Id == form.Id);
        Assert.Equal((TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero), (stored.SentAt.Offset, stored.AckDueAt.Offset, stored.HandleDueAt.Offset));
        Assert.Equal(At(2026, 12, 1, 9, 30), stored.AckDueAt);
        // Queried with bounds in any offset, the same instants are found.
        var due = At(2026, 12, 1, 9, 30);
        Assert.Equal(1, await db.Set<TransferForm>().CountAsync(f => f.AckDueAt == due && f.AckDueAt <= due.ToOffset(TimeSpan.FromHours(-5))));
    }

    private async Task RunScheduleAsync(DateTimeOffset to)
    {
        SetClock(to);
        await using var scope = _bot.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TeamScheduleJob>().RunAsync("east-1", CancellationToken.None);
    }

    private async Task RunDeadlinesAsync(DateTimeOffset at)
    {
        SetClock(at);
        await using var scope = _bot.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TransferDeadlineJob>().RunAsync(CancellationToken.None);
    }
}
