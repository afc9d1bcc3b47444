using DiligenceBot.Notifications;
using DiligenceBot.Scheduling;
using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.Tests.WorkLogs;
using DiligenceBot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DiligenceBot.Tests.Notifications;

/// <summary>
/// Messages claimed by a dispatcher instance that died (killed mid fan-out) are sent by another instance as soon as
/// the dead one's lease runs out, long before its two-minute claims would; a live instance's claims are left alone.
/// </summary>
public sealed class DispatcherLeaseTests : IAsyncLifetime
{
    private LocalConnector _connector = null!;
    private BotApp _bot = null!;
    private WorkLogDriver _teams = null!;
    private Chats _chats = null!;

    public async Task InitializeAsync()
    {
        _connector = await LocalConnector.StartAsync();
        _bot = new BotApp(settings: new Dictionary<string, string?> { ["Scheduling:DispatcherLease"] = "00:00:02" }).Start();
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
    public async Task ClaimsOfADeadInstance_AreSentWithinItsLease_WhileALiveInstancesClaimsAreLeftAlone()
    {
        var now = DateTimeOffset.UtcNow;
        var claimsRunOut = now.AddMinutes(2);
        long ofTheDead, ofTheLiving;
        await using (var db = _bot.CreateDbContext())
        {
            // One instance renewed its lease a moment ago and then died; another is alive and renews far ahead.
            db.Set<DispatcherLease>().AddRange(
                new DispatcherLease { InstanceId = "killed", Host = "elsewhere:1", StartedAt = now.AddMinutes(-5), LeaseUntil = now.AddSeconds(1) },
                new DispatcherLease { InstanceId = "alive", Host = "elsewhere:2", StartedAt = now.AddMinutes(-5), LeaseUntil = now.AddHours(1) });
            var wang = await db.People.SingleAsync(p => p.Id == "wang-lei");
            var day = DateOnly.FromDateTime(now.UtcDateTime);
            Notification Claimed(int offset, string by)
            {
                var n = Notification.Create(wang.TenantId, TeamScheduleJob.Reminder, TeamScheduleJob.Subject(wang.TeamId!, day), offset, wang.Id, now.AddMinutes(-1));
                n.ClaimedBy = by;
                n.ClaimedUntil = claimsRunOut;
                return n;
            }

            var dead = Claimed(60, "killed");
            var living = Claimed(15, "alive");
            db.Notifications.AddRange(dead, living);
            await db.SaveChangesAsync();
            (ofTheDead, ofTheLiving) = (dead.Id, living.Id);
        }

        var sent = await WaitForAsync(ofTheDead, n => n.Status != NotificationStatus.Pending);
        Assert.Equal(NotificationStatus.Sent, sent.Status);
        Assert.True(sent.SentAt < claimsRunOut, "sent while the dead instance's claim still ran");
        Assert.Single(_chats.SentTo(TeamsUser.WangLei));

        // A few heartbeats later the live instance's message is still its own and unsent.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var held = await WaitForAsync(ofTheLiving, _ => true);
        Assert.Equal((NotificationStatus.Pending, "alive", 0), (held.Status, held.ClaimedBy, held.Attempts));
        Assert.Single(_chats.SentTo(TeamsUser.WangLei));
    }

    [Fact]
    public async Task ASendInFlightWhenItsOwnInstanceLosesItsLease_IsNotSentAgain()
    {
        // A starved process (heavy load, a stalled database) misses its heartbeats: its lease runs out while one of its
        // senders waits for Teams to answer. It continues under a new id; the message in flight must not be released
        // to that new id and sent a second time.
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _connector.HoldSends(answer.Task);
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

        // The lease runs out under the sender's feet; the heartbeat then finds it gone and takes a new id.
        string lapsed;
        await using (var db = _bot.CreateDbContext())
        {
            lapsed = (await db.Set<DispatcherLease>().SingleAsync()).InstanceId;
            await db.Set<DispatcherLease>().ExecuteUpdateAsync(s => s.SetProperty(l => l.LeaseUntil, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }

        await UntilAsync(() =>
        {
            using var db = _bot.CreateDbContext();
            return db.Set<DispatcherLease>().Any(l => l.InstanceId != lapsed);
        }, "the dispatcher continued under a new lease");
        // Several heartbeats and polls under the new id, each of which could release and send the message again.
        await Task.Delay(TimeSpan.FromSeconds(3));
        answer.SetResult();

        var sent = await WaitForAsync(id, n => n.Status != NotificationStatus.Pending);
        Assert.Equal(NotificationStatus.Sent, sent.Status);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(_connector.Requests, r => r.IsSend);
        Assert.Single(_chats.SentTo(TeamsUser.WangLei));
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

    private Task<Notification> WaitForAsync(long id, Func<Notification, bool> condition) => new Outbox(_bot).WhenAsync(id, condition);
}
