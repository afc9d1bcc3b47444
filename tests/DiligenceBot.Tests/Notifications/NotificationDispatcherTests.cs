using DiligenceBot.Notifications;
using DiligenceBot.Scheduling;
using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.Tests.WorkLogs;
using DiligenceBot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace DiligenceBot.Tests.Notifications;

/// <summary>
/// The outbox dispatcher when Teams fails (on SQLite, or PostgreSQL under test.sh), with a fake business clock:
/// a message whose quick retries all failed is tried again later with growing delays until it is delivered, one
/// that keeps failing past Scheduling:SendRetryLimit is marked failed and logged as an error, and a conversation
/// Teams answers 404 is retired and gets no further requests. Wang Lei is the only one who installed the bot.
/// </summary>
public sealed class NotificationDispatcherTests : IAsyncLifetime
{
    private static readonly DateOnly Monday = new(2026, 11, 30);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 7, 30, 0, TimeSpan.FromHours(8)));
    private readonly LogCapture _logs = new();
    private LocalConnector _connector = null!;
    private BotApp _bot = null!;
    private WorkLogDriver _teams = null!;
    private Chats _chats = null!;

    public async Task InitializeAsync()
    {
        _connector = await LocalConnector.StartAsync();
        _bot = new BotApp(time: _time, settings: new Dictionary<string, string?> { ["Scheduling:SendRetryLimit"] = "00:01:00" }, logs: _logs).Start();
        _teams = new WorkLogDriver(_bot, _connector);
        _chats = new Chats(_bot, _connector);
        await _teams.InstallAsync(TeamsUser.WangLei);
        _connector.Clear();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task AMessageWhoseQuickRetriesAllFailed_IsTriedAgainLater_WithGrowingDelays_UntilDelivered()
    {
        // Five failed attempts in a row (the outbox used to give up after five): 500, 502, 503, a 500 and a 503.
        _connector.Script(new ScriptedAnswer(500), new ScriptedAnswer(502), new ScriptedAnswer(503), new ScriptedAnswer(500), new ScriptedAnswer(503));
        var id = await QueueReminderAsync(60);

        var waits = new List<TimeSpan>();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var failed = await WaitForAsync(id, n => n.Attempts == attempt && n.ClaimedBy == null);
            Assert.Equal(NotificationStatus.Pending, failed.Status);
            Assert.NotNull(failed.LastError);
            waits.Add(failed.NextAttemptAt - _time.GetUtcNow());
            Assert.Equal(attempt, _chats.SentTo(TeamsUser.WangLei).Count);
            _time.SetUtcNow(failed.NextAttemptAt);
            Wake();
        }

        var sent = await WaitForAsync(id, n => n.Status != NotificationStatus.Pending);
        Assert.Equal((NotificationStatus.Sent, 6), (sent.Status, sent.Attempts));
        Assert.Equal(6, _chats.SentTo(TeamsUser.WangLei).Count);
        Assert.True(waits.Zip(waits.Skip(1)).All(p => p.Second > p.First), "each wait is longer than the one before: " + string.Join(", ", waits));
        Assert.InRange(waits[0], TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task AMessageStillFailingAfterTheRetryLimit_IsMarkedFailed_AndLoggedAsAnError()
    {
        _connector.Script(Enumerable.Repeat(new ScriptedAnswer(503), 30).ToArray());
        var queuedAt = _time.GetUtcNow();
        var id = await QueueReminderAsync(60);

        var attempts = 0;
        Notification current;
        while ((current = await WaitForAsync(id, n => n.Attempts > attempts && n.ClaimedBy == null)).Status == NotificationStatus.Pending)
        {
            attempts = current.Attempts;
            _time.SetUtcNow(current.NextAttemptAt);
            Wake();
        }

        Assert.Equal(NotificationStatus.Failed, current.Status);
        Assert.Contains("503", current.LastError, StringComparison.Ordinal);
        Assert.True(_time.GetUtcNow() - queuedAt >= TimeSpan.FromMinutes(1), "not given up before the limit");
        var logged = Assert.Single(_logs.AtLeast(LogLevel.Error), e => e.EventId.Id == 2203);
        Assert.Contains($"Notification {id} ", logged.Message, StringComparison.Ordinal);
        Assert.Equal(current.Attempts, _chats.SentTo(TeamsUser.WangLei).Count);
    }

    [Fact]
    public async Task AConversationAnswering404_IsRetired_AndThePersonsOtherMessagesAreDropped_NeverReachingTeams()
    {
        _connector.Script(new ScriptedAnswer(404));
        var first = await QueueReminderAsync(60);
        Assert.Equal(NotificationStatus.Undeliverable, (await WaitForAsync(first, n => n.Status != NotificationStatus.Pending)).Status);

        var others = new[] { await QueueReminderAsync(15), await QueueReminderAsync(5) };
        foreach (var id in others)
        {
            var settled = await WaitForAsync(id, n => n.Status != NotificationStatus.Pending);
            Assert.Equal((NotificationStatus.Dropped, "conversation ended"), (settled.Status, settled.LastError));
        }

        Assert.Single(_connector.SentActivities);
        await using var db = _bot.CreateDbContext();
        var reference = await db.ConversationRecords.SingleAsync(c => c.UserId == TeamsUser.WangLei.Id && c.ConversationType == "personal");
        Assert.Equal("connector 404", reference.RetiredReason);
        // Teams ended the conversation as an uninstall would: audited, with Teams as the actor.
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == "conversation.refused");
        Assert.Equal(("teams", "wang-lei"), (audit.ActorId, audit.SubjectId));
    }

    private void Wake() => _bot.Services.GetRequiredService<NotificationDispatcher>().Wake();

    /// <summary>Queues Wang Lei's work-log reminder for Monday (offset = minutes before the meeting) as the team job would.</summary>
    private async Task<long> QueueReminderAsync(int offsetMinutes)
    {
        await using var db = _bot.CreateDbContext();
        var wang = await db.People.SingleAsync(p => p.Id == "wang-lei");
        var notification = Notification.Create(wang.TenantId, TeamScheduleJob.Reminder, TeamScheduleJob.Subject(wang.TeamId!, Monday), offsetMinutes, wang.Id, _time.GetUtcNow());
        db.Notifications.Add(notification);
        await db.SaveChangesAsync();
        Wake();
        return notification.Id;
    }

    private Task<Notification> WaitForAsync(long id, Func<Notification, bool> condition) => new Outbox(_bot).WhenAsync(id, condition);
}
