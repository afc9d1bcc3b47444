using DiligenceBot.Notifications;
using DiligenceBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DiligenceBot.Tests.Notifications;

/// <summary>
/// The tenant's send schedule under concurrent senders (the dispatcher runs several; instances share the database).
/// On PostgreSQL (test.sh runs this suite there too) concurrent first reservations used to create two rows for one
/// tenant, after which every reservation failed and messages stayed unsent.
/// </summary>
public sealed class TenantPacerTests : IAsyncLifetime
{
    private readonly LogCapture _logs = new();
    private BotApp _bot = null!;

    public Task InitializeAsync()
    {
        _bot = new BotApp(logs: _logs).Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task TwoInstancesRacingToStartAFanOut_CreateOneScheduleRow_WithoutAnErrorInTheLog()
    {
        await using var second = new BotApp(shareDatabaseWith: _bot, logs: _logs).Start();
        var pacers = new[] { _bot.Services.GetRequiredService<TenantPacer>(), second.Services.GetRequiredService<TenantPacer>() };
        var tenants = Enumerable.Range(0, 4).Select(_ => "race-" + Guid.NewGuid().ToString("N")).ToList();
        var before = _logs.Entries.Count;

        // Every tenant's first reservation is raced by eight senders in each instance.
        foreach (var tenant in tenants)
        {
            await Task.WhenAll(pacers.SelectMany(p => Enumerable.Range(0, 8).Select(_ => Task.Run(() => p.WaitForSlotAsync(tenant, 1000, CancellationToken.None)))))
                .WaitAsync(TimeSpan.FromSeconds(60));
        }

        await using var db = _bot.CreateDbContext();
        foreach (var tenant in tenants)
        {
            Assert.Single(await db.Set<SendWindow>().Where(w => w.Key == "tenant-slots:" + tenant).ToListAsync());
        }

        var errors = _logs.Entries.Skip(before).Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public async Task ConcurrentSenders_EachGetTheirOwnSlot_InOneRowPerTenant()
    {
        var pacer = _bot.Services.GetRequiredService<TenantPacer>();
        var tenant = "pacer-" + Guid.NewGuid().ToString("N");

        // Twelve senders at once, twice (the first wave also races to create the tenant's row).
        for (var wave = 0; wave < 2; wave++)
        {
            await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => pacer.WaitForSlotAsync(tenant, 50, CancellationToken.None))))
                .WaitAsync(TimeSpan.FromSeconds(60));
        }

        await using var db = _bot.CreateDbContext();
        var rows = await db.Set<SendWindow>().Where(w => w.Key == "tenant-slots:" + tenant).ToListAsync();
        var row = Assert.Single(rows);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 20;
        // 24 distinct 20 ms slots were handed out, the last of them no later than now.
        Assert.InRange(row.LastSlot, now - 3000, now);
    }

    [Fact]
    public async Task AThrottledSend_GivesItsSlotBack_ButOnlyASmallShareOfTheRatePerSecond()
    {
        var pacer = _bot.Services.GetRequiredService<TenantPacer>();
        var tenant = "pacer-" + Guid.NewGuid().ToString("N");
        var key = "tenant-slots:" + tenant;

        // At 50/s (20 ms slots) the schedule runs 1,000 slots (20 s) ahead of now: a backlog of senders.
        await using (var db = _bot.CreateDbContext())
        {
            db.Set<SendWindow>().Add(new SendWindow { Key = key, LastSlot = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 20 + 1000 });
            await db.SaveChangesAsync();
        }

        async Task<long> ScheduleAsync()
        {
            await using var db = _bot.CreateDbContext();
            return (await db.Set<SendWindow>().SingleAsync(w => w.Key == key)).LastSlot;
        }

        var before = await ScheduleAsync();
        // At 50/s, 6 % of the rate is 3 slots given back per second: the fourth and fifth 429s give nothing back.
        var startSecond = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        for (var i = 0; i < 5; i++)
        {
            await pacer.GiveBackAsync(tenant, 50, CancellationToken.None);
        }

        var sameSecond = DateTimeOffset.UtcNow.ToUnixTimeSeconds() == startSecond;
        var after = await ScheduleAsync();
        Assert.InRange(before - after, 3, sameSecond ? 3 : 5);
    }
}
