using DiligenceBot.Scheduling;
using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.Tests.WorkLogs;
using DiligenceBot.Testing;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static DiligenceBot.Tests.WorkLogs.WorkLogDriver;

namespace DiligenceBot.Tests.Scheduling;

/// <summary>
/// The schedule on a real Hangfire server (storage on the product's database): each team has its recurring job,
/// a run delivers reminders to the connector, and two instances sharing one database send each reminder once.
/// </summary>
public sealed class HangfireScheduleTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> WithHangfire = new()
    {
        ["Scheduling:Enabled"] = "true",
        ["Scheduling:PollingInterval"] = "00:00:01",
        ["Scheduling:WorkerCount"] = "2",
    };

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 7, 29, 0, TimeSpan.FromHours(8)));
    private LocalConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await LocalConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task EachTeam_HasItsRecurringJob_InItsOwnTimeZone()
    {
        await using var bot = new BotApp(settings: WithHangfire, time: _time).Start();

        using var connection = bot.Services.GetRequiredService<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs().Where(j => j.Id.StartsWith(TeamJobs.Prefix, StringComparison.Ordinal)).OrderBy(j => j.Id).ToList();

        Assert.Equal(["team-schedule:east-1", "team-schedule:east-2"], jobs.Select(j => j.Id));
        Assert.All(jobs, j => Assert.Equal("Asia/Shanghai", j.TimeZoneId));
        Assert.All(jobs, j => Assert.Equal("* * * * *", j.Cron));
    }

    [Fact]
    public async Task RemovedTeam_LosesItsJob_AtTheNextSync()
    {
        await using var bot = new BotApp(settings: WithHangfire, time: _time).Start();
        var recurring = bot.Services.GetRequiredService<IRecurringJobManager>();
        recurring.AddOrUpdate<TeamScheduleJob>(TeamJobs.Prefix + "dissolved-team", j => j.RunAsync("dissolved-team", CancellationToken.None), Cron.Minutely());

        await bot.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<TeamJobs>().Single().SyncAsync(CancellationToken.None);

        using var connection = bot.Services.GetRequiredService<JobStorage>().GetConnection();
        Assert.DoesNotContain(connection.GetRecurringJobs(), j => j.Id == TeamJobs.Prefix + "dissolved-team");
    }

    [Fact]
    public async Task HangfireServer_RunsTheTeamsJob_AndTheReminderReachesTheConnector()
    {
        await using var bot = new BotApp(settings: WithHangfire, time: _time).Start();
        var teams = new WorkLogDriver(bot, _connector);
        await teams.InstallAsync(TeamsUser.WangLei);
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 7, 30, 0, TimeSpan.FromHours(8)));

        bot.Services.GetRequiredService<IRecurringJobManager>().Trigger(TeamJobs.Prefix + "east-1");

        var reminder = CardOf(await teams.Chats.NotifiedAsync(TeamsUser.WangLei, TeamScheduleJob.Reminder));
        Assert.Equal("Reminder: your work log is due in 60 minutes.", Text(reminder, "notice"));
        Assert.Equal("This log covers Friday\u00a027\u00a0November; due before the 08:30 meeting today.", Text(reminder, "covers"));
    }

    [Fact]
    public async Task TwoInstances_SharingOneDatabase_SendEachReminderExactlyOnce()
    {
        await using var first = new BotApp(settings: WithHangfire, time: _time).Start();
        await using var second = new BotApp(settings: WithHangfire, time: _time, shareDatabaseWith: first).Start();
        var teams = new WorkLogDriver(first, _connector);
        await teams.InstallAsync(TeamsUser.WangLei);
        await teams.InstallAsync(TeamsUser.ChenJie);
        _connector.Clear();
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 7, 30, 0, TimeSpan.FromHours(8)));

        // Both instances run the same minute's job at once (as if each server picked it up), twice over.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async i =>
        {
            await using var scope = (i % 2 == 0 ? first : second).Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<TeamScheduleJob>().RunAsync("east-1", CancellationToken.None);
        }));

        await teams.Chats.NotifiedAsync(TeamsUser.WangLei, TeamScheduleJob.Reminder);
        await teams.Chats.NotifiedAsync(TeamsUser.ChenJie, TeamScheduleJob.Reminder);
        await teams.Chats.Outbox.DrainedAsync();
        // Nothing is due any more, so a correct bot sends nothing else whatever the timing; the pause only gives a
        // second instance that wrongly sent an already claimed message the time to show it.
        await Task.Delay(1000);
        Assert.Single(teams.Chats.SentTo(TeamsUser.WangLei));
        Assert.Single(teams.Chats.SentTo(TeamsUser.ChenJie));
        await using var db = first.CreateDbContext();
        Assert.Equal(2, await db.Notifications.CountAsync(n => n.Kind == TeamScheduleJob.Reminder && n.Status == DiligenceBot.Notifications.NotificationStatus.Sent));
    }
}
