using DiligenceBot.Notifications;
using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.Testing;
using DiligenceBot.Transfers;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static DiligenceBot.Tests.Transfers.TransferDriver;
using static DiligenceBot.Tests.WorkLogs.WorkLogDriver;

namespace DiligenceBot.Tests.Transfers;

/// <summary>
/// The deadline job on the whole app (SQLite, or PostgreSQL under test.sh) with a fake clock, called the way
/// Hangfire's minutely trigger calls it: receivers reminded, the post's lead told (with the form to act on) and the
/// provider told when a form is late, in working hours only, nothing sent twice. A normal complaint goes to customer
/// service (Sun Hao; lead Liu Yang), which works 08:30–17:30 on mainland China working days: acknowledge within 2
/// working hours (else reminded), within 4 (else escalated), handle within 16 (else escalated).
/// </summary>
public sealed class TransferDeadlineJobTests : IAsyncLifetime
{
    // Starts early in the year so that a test can move it to any date it needs (a fake clock only goes forward).
    private readonly FakeTimeProvider _time = new(At(2026, 2, 1, 0, 0));

    /// <summary>Monday 30 November 2026, 10:00 in Shanghai: where most tests start.</summary>
    private static readonly DateTimeOffset Monday = At(2026, 11, 30, 10, 0);
    private LocalConnector _connector = null!;
    private BotApp _bot = null!;
    private TransferDriver _t = null!;

    private Chats Chats => _t.Teams.Chats;

    private static DateTimeOffset At(int y, int mo, int d, int h, int mi) => new(y, mo, d, h, mi, 0, TimeSpan.FromHours(8));

    public async Task InitializeAsync()
    {
        _connector = await LocalConnector.StartAsync();
        _bot = new BotApp(time: _time).Start();
        _t = new TransferDriver(_bot, _connector);
        await _t.Teams.InstallAsync(TeamsUser.WangLei);
        await _t.Teams.InstallAsync(SunHao);
        await _t.Teams.InstallAsync(LiuYang, "zh-CN");
        _connector.Clear();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    /// <summary>Moves the clock and runs the job once, as Hangfire would.</summary>
    private async Task RunAtAsync(DateTimeOffset at)
    {
        _time.SetUtcNow(at);
        await using var scope = _bot.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TransferDeadlineJob>().RunAsync(CancellationToken.None);
    }

    private async Task<List<Notification>> NotificationsAsync(string kind)
    {
        await using var db = _bot.CreateDbContext();
        return await db.Notifications.Where(n => n.Kind == kind).OrderBy(n => n.Id).ToListAsync();
    }

    private async Task<List<string>> SystemTrailAsync()
    {
        await using var db = _bot.CreateDbContext();
        return await db.AuditEntries.Where(a => a.ActorId == TransferRegister.SystemActor).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
    }

    [Fact]
    public async Task NotAcknowledged_ByTheReminderTime_TheReceiversAreReminded_Once()
    {
        _time.SetUtcNow(Monday);
        var form = await _t.SubmitAsync(TeamsUser.WangLei);
        await Chats.NotifiedAsync(SunHao, TransferRegister.Routed);

        await RunAtAsync(At(2026, 11, 30, 11, 59));
        Assert.Empty(await NotificationsAsync(TransferRegister.AckReminder));

        await RunAtAsync(At(2026, 11, 30, 12, 0));
        await RunAtAsync(At(2026, 11, 30, 12, 1));
        await RunAtAsync(At(2026, 11, 30, 12, 2));

        var reminder = Assert.Single(await NotificationsAsync(TransferRegister.AckReminder));
        Assert.Equal(("sun-hao", form.Id.ToString(), 1), (reminder.RecipientId, reminder.SubjectId, reminder.Revision));
        var card = CardOf(await Chats.NotifiedAsync(SunHao, TransferRegister.AckReminder));
        Assert.Equal("Reminder: this form was to be acknowledged by 2026\u201111\u201130\u00a012:00. Please acknowledge it now.", Text(card, "notice"));
        Assert.Equal("2026\u201111\u201130\u00a012:00 · overdue", Facts(card, "deadlines")["Acknowledge by"]);
        Assert.NotNull(Action(card, TransferCards.AcknowledgeVerb));
        Assert.Equal(2, (await Chats.SettledSentToAsync(SunHao)).Count);
        Assert.Equal(["transfer.reminded"], await SystemTrailAsync());
    }

    [Fact]
    public async Task NotAcknowledged_ByTheEscalationTime_GoesToThePostsLead_WhoCanActOnIt_AndTheProviderIsTold()
    {
        _time.SetUtcNow(Monday);
        var form = await _t.SubmitAsync(TeamsUser.WangLei);

        await RunAtAsync(At(2026, 11, 30, 14, 0));

        var toLead = CardOf(await Chats.NotifiedAsync(LiuYang, TransferRegister.AckEscalated));
        Assert.Equal("提醒原因：客户服务部未在4个工作小时内确认接收此信息表（期限2026\u201111\u201130\u00a014:00）。您可以在此直接处理。", Text(toLead, "notice"));
        Assert.EndsWith("待接收 · 已督办", Text(toLead, "status"), StringComparison.Ordinal);
        var toProvider = Chats.TextOf(await Chats.NotifiedAsync(TeamsUser.WangLei, TransferRegister.AckEscalated));
        Assert.Equal("Your form XX-2026-000001 was escalated to Liu Yang 刘洋: Customer service did not acknowledge it in time (due 2026\u201111\u201130\u00a014:00).", toProvider);
        Assert.Equal(["transfer.reminded", "transfer.escalated-unacknowledged"], await SystemTrailAsync());

        // The lead acts from the escalation card.
        var (acked, _) = await _t.Teams.ExecuteAsync(LiuYang, TransferCards.AcknowledgeVerb, Press(toLead, TransferCards.AcknowledgeVerb), locale: "zh-CN");
        Assert.Equal("客户服务部 · Liu Yang 刘洋", FormFacts(acked!)["接收人"]);
        var stored = await _t.FormAsync(form.Id);
        Assert.Equal((TransferState.Acknowledged, At(2026, 11, 30, 14, 0)), (stored.State, stored.AckEscalatedAt));
    }

    [Fact]
    public async Task NotHandled_InItsWorkingHours_IsEscalated_AndNightsDoNotCount()
    {
        _time.SetUtcNow(Monday);
        var form = await _t.SubmitAsync(TeamsUser.WangLei);
        _time.SetUtcNow(At(2026, 11, 30, 10, 30));
        await _t.Teams.ExecuteAsync(SunHao, TransferCards.AcknowledgeVerb, StepData(TransferCards.AcknowledgeVerb, form.Id, 1));

        await RunAtAsync(At(2026, 11, 30, 17, 29));
        await RunAtAsync(At(2026, 12, 1, 8, 0));
        await RunAtAsync(At(2026, 12, 1, 16, 59));
        Assert.Empty(await NotificationsAsync(TransferRegister.HandleEscalated));
        Assert.Empty(await NotificationsAsync(TransferRegister.AckReminder));

        // 16 working hours from Monday 10:00: 7.5 on Monday, 8.5 on Tuesday → Tuesday 17:00.
        await RunAtAsync(At(2026, 12, 1, 17, 0));

        Assert.Equal(["liu-yang", "wang-lei"], (await NotificationsAsync(TransferRegister.HandleEscalated)).Select(n => n.RecipientId).Order());
        var toLead = CardOf(await Chats.NotifiedAsync(LiuYang, TransferRegister.HandleEscalated));
        Assert.Equal("提醒原因：客户服务部未在16个工作小时内处理此信息表（期限2026\u201112\u201101\u00a017:00）。您可以在此直接处理。", Text(toLead, "notice"));
        Assert.NotNull(Action(toLead, TransferCards.HandleVerb));
        Assert.Null(Action(toLead, TransferCards.AcknowledgeVerb));
        var toProvider = Chats.TextOf(await Chats.NotifiedAsync(TeamsUser.WangLei, TransferRegister.HandleEscalated));
        Assert.Equal("Your form XX-2026-000001 was escalated to Liu Yang 刘洋: Customer service did not handle it in time (due 2026\u201112\u201101\u00a017:00).", toProvider);
    }

    [Fact]
    public async Task AcknowledgedAndHandledInTime_NobodyIsRemindedOrEscalated()
    {
        _time.SetUtcNow(Monday);
        var form = await _t.SubmitAsync(TeamsUser.WangLei);
        _time.SetUtcNow(At(2026, 11, 30, 11, 0));
        await _t.Teams.ExecuteAsync(SunHao, TransferCards.AcknowledgeVerb, StepData(TransferCards.AcknowledgeVerb, form.Id, 1));
        await _t.Teams.ExecuteAsync(SunHao, TransferCards.HandleVerb, StepData(TransferCards.HandleVerb, form.Id, 2, (TransferCards.OpinionInput, "Done.")));

        await RunAtAsync(At(2026, 11, 30, 14, 0));
        await RunAtAsync(At(2026, 12, 2, 9, 0));

        await using var db = _bot.CreateDbContext();
        Assert.Empty(await db.Notifications.Where(n => n.Kind == TransferRegister.AckReminder || n.Kind == TransferRegister.AckEscalated || n.Kind == TransferRegister.HandleEscalated).ToListAsync());
        Assert.Empty(await SystemTrailAsync());
    }

    [Fact]
    public async Task Deadlines_SkipNightsWeekendsAndHolidays_AndCountMakeUpWorkingDays()
    {
        // Friday 13 February 2026, 17:00: Saturday the 14th is a make-up working day, then the Spring Festival
        // holiday runs from the 15th to the 23rd.
        _time.SetUtcNow(At(2026, 2, 13, 17, 0));

        var form = await _t.SubmitAsync(TeamsUser.WangLei);

        Assert.Equal(At(2026, 2, 14, 10, 0), form.AckDueAt);       // 0.5 h on Friday + 1.5 h on the make-up Saturday
        Assert.Equal(At(2026, 2, 14, 12, 0), form.AckEscalateAt);  // 0.5 + 3.5
        Assert.Equal(At(2026, 2, 24, 15, 0), form.HandleDueAt);    // 0.5 + 9 on Saturday, then 6.5 after the holiday
        await RunAtAsync(At(2026, 2, 13, 23, 0));
        await RunAtAsync(At(2026, 2, 14, 9, 59));
        Assert.Empty(await NotificationsAsync(TransferRegister.AckReminder));
        await RunAtAsync(At(2026, 2, 14, 10, 0));
        Assert.Single(await NotificationsAsync(TransferRegister.AckReminder));
    }

    [Fact]
    public async Task AnUrgentForm_HasTheShorterDeadlinesOfItsCategory()
    {
        _time.SetUtcNow(Monday);
        var form = await _t.SubmitAsync(TeamsUser.WangLei, Inputs(urgency: "urgent"));

        Assert.Equal((At(2026, 11, 30, 10, 30), At(2026, 11, 30, 11, 0), At(2026, 11, 30, 14, 0)), (form.AckDueAt, form.AckEscalateAt, form.HandleDueAt));
        await RunAtAsync(At(2026, 11, 30, 11, 0));
        Assert.Single(await NotificationsAsync(TransferRegister.AckReminder));
        Assert.Equal(2, (await NotificationsAsync(TransferRegister.AckEscalated)).Count);
    }

    [Fact]
    public async Task ThreeRunsAtOnce_QueueEachMessageOnce()
    {
        _time.SetUtcNow(Monday);
        await _t.SubmitAsync(TeamsUser.WangLei);
        _time.SetUtcNow(At(2026, 11, 30, 14, 0));

        await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            await using var scope = _bot.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<TransferDeadlineJob>().RunAsync(CancellationToken.None);
        }));
        await RunAtAsync(At(2026, 11, 30, 14, 1));

        Assert.Single(await NotificationsAsync(TransferRegister.AckReminder));
        Assert.Equal(2, (await NotificationsAsync(TransferRegister.AckEscalated)).Count);
        Assert.Equal(["transfer.reminded", "transfer.escalated-unacknowledged"], await SystemTrailAsync());
    }

    [Fact]
    public async Task AForwardedForm_StartsNewDeadlinesAtItsNewPost_AndItsOldReminderIsNotSent()
    {
        _time.SetUtcNow(Monday);
        var form = await _t.SubmitAsync(TeamsUser.WangLei);
        await RunAtAsync(At(2026, 11, 30, 12, 0));
        Assert.Single(await NotificationsAsync(TransferRegister.AckReminder));

        _time.SetUtcNow(At(2026, 11, 30, 12, 30));
        await _t.Teams.ExecuteAsync(SunHao, TransferCards.ForwardVerb, StepData(TransferCards.ForwardVerb, form.Id, 1, (TransferCards.PostInput, "office"), (TransferCards.ForwardReasonInput, "Policy matter.")));
        await RunAtAsync(At(2026, 11, 30, 14, 0)); // the old post's escalation time: no longer the office's

        Assert.Empty(await NotificationsAsync(TransferRegister.AckEscalated));
        var stored = await _t.FormAsync(form.Id);
        Assert.Equal((At(2026, 11, 30, 14, 30), null), (stored.AckDueAt, stored.RemindedAt));
        await RunAtAsync(At(2026, 11, 30, 14, 30));
        Assert.Equal(["sun-hao", "liu-yang"], (await NotificationsAsync(TransferRegister.AckReminder)).Select(n => n.RecipientId));
    }

    [Fact]
    public async Task WithSchedulingOn_TheJobIsRegisteredWithHangfire_EveryMinute()
    {
        _time.SetUtcNow(Monday);
        await using var bot = new BotApp(time: _time, settings: new Dictionary<string, string?>
        {
            ["Scheduling:Enabled"] = "true",
            ["Scheduling:Storage"] = "InMemory",
            ["Scheduling:RunServer"] = "false",
        }).Start();

        using var connection = bot.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == TransferDeadlineJob.JobId);
        Assert.Equal("* * * * *", job.Cron);
        Assert.Null(_bot.Services.GetService<JobStorage>());
    }
}
