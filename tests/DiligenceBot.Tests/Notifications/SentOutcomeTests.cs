using DiligenceBot.Notifications;
using DiligenceBot.Scheduling;
using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.Tests.WorkLogs;
using DiligenceBot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DiligenceBot.Tests.Notifications;

/// <summary>
/// A message Teams accepted is never sent again because the database refused the save of its outcome for a moment
/// (SQLite's write lock held past its busy timeout on a loaded machine, a dropped connection): the same outcome is
/// saved again while the delivery still holds the claim. bench/faults counted such resends as duplicates "of another
/// cause" on SQLite under load.
/// </summary>
public sealed class SentOutcomeTests : IAsyncLifetime
{
    private readonly LogCapture _logs = new();
    private LocalConnector _connector = null!;
    private BotApp _bot = null!;
    private WorkLogDriver _teams = null!;
    private Chats _chats = null!;

    public async Task InitializeAsync()
    {
        _connector = await LocalConnector.StartAsync();
        _bot = new BotApp(logs: _logs).Start();
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
    public async Task ASendTeamsAccepted_WhoseOutcomeTheDatabaseRefusedAtFirst_IsRecordedAndNotSentAgain()
    {
        // The database refuses to mark any message sent until the trigger is dropped.
        await ExecuteAsync(
            ["CREATE TRIGGER refuse_sent BEFORE UPDATE OF \"Status\" ON \"Notifications\" WHEN NEW.\"Status\" = 'Sent' BEGIN SELECT RAISE(ABORT, 'the database is unavailable'); END;"],
            ["CREATE FUNCTION refuse_sent() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'the database is unavailable'; END $$;",
               "CREATE TRIGGER refuse_sent BEFORE UPDATE ON \"Notifications\" FOR EACH ROW WHEN (NEW.\"Status\" = 'Sent') EXECUTE FUNCTION refuse_sent();"]);
        long id;
        var now = DateTimeOffset.UtcNow;
        await using (var db = _bot.CreateDbContext())
        {
            var wang = await db.People.SingleAsync(p => p.Id == "wang-lei");
            var n = Notification.Create(wang.TenantId, TeamScheduleJob.Reminder, TeamScheduleJob.Subject(wang.TeamId!, DateOnly.FromDateTime(now.UtcDateTime)), 30, wang.Id, now.AddSeconds(-1));
            db.Notifications.Add(n);
            await db.SaveChangesAsync();
            id = n.Id;
        }

        _bot.Services.GetRequiredService<NotificationDispatcher>().Wake();
        await UntilAsync(() => _connector.Requests.Count(r => r.IsSend) == 1, "the reminder's send reached Teams");
        // Longer than the first retry delay of a failed send (1 s): a message treated as failed would go out again now.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(_connector.Requests, r => r.IsSend);
        await UntilAsync(() => _logs.Entries.Any(e => e.EventId.Id == 2206), "the bot noticed that the sent outcome was not saved");

        await ExecuteAsync(["DROP TRIGGER refuse_sent;"], ["DROP TRIGGER refuse_sent ON \"Notifications\";"]);
        var sent = await new Outbox(_bot).WhenAsync(id, n => n.Status != NotificationStatus.Pending);
        var accepted = Assert.Single(_connector.Requests, r => r.IsSend);
        Assert.Equal((NotificationStatus.Sent, 1, accepted.ActivityId, (string?)null), (sent.Status, sent.Attempts, sent.SentActivityId, sent.ClaimedBy));

        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(_connector.Requests, r => r.IsSend);
        Assert.Single(_chats.SentTo(TeamsUser.WangLei));
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 2207);
    }

    private async Task ExecuteAsync(string[] onSqlite, string[] onPostgreSql)
    {
        await using var db = _bot.CreateDbContext();
        foreach (var sql in db.Database.IsSqlite() ? onSqlite : onPostgreSql)
        {
            await db.Database.ExecuteSqlRawAsync(sql);
        }
    }

    private static async Task UntilAsync(Func<bool> condition, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, $"waited 30 s for: {what}");
            await Task.Delay(50);
        }
    }
}
