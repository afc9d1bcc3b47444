using System.Text.Json.Nodes;
using DiligenceBot.Coaching;
using DiligenceBot.Demo;
using DiligenceBot.Reviews;
using DiligenceBot.Testing;
using DiligenceBot.Tests.Coaching;
using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.Tests.WorkLogs;
using DiligenceBot.Transfers;
using DiligenceBot.WorkLogs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DiligenceBot.Tests.Demo;

/// <summary>
/// The demo organisation's history: written at the first start of an empty demo database when Database:DemoHistory
/// says so, the same for the same day, never twice, never for another organisation. The clock is Monday
/// 2026-11-30, 10:00 in Shanghai.
/// </summary>
public sealed class DemoHistoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly Dictionary<string, string?> DemoOn = new() { ["Database:DemoHistory"] = "true" };

    [Fact]
    public async Task AnEmptyDemoDatabase_GetsSixtyWorkingDaysOfHistory_InEveryState()
    {
        await using var bot = new BotApp(settings: DemoOn, time: new FakeTimeProvider(Now)).Start();
        await using var db = bot.CreateDbContext();

        var logs = await db.WorkLogs.AsNoTracking().Include(l => l.Reviews).Include(l => l.Revisions).ToListAsync();
        Assert.Equal(["chen-jie", "sun-hao", "wang-lei", "zhao-min"], logs.Select(l => l.ManagerId).Distinct().Order(StringComparer.Ordinal));
        foreach (var manager in logs.GroupBy(l => l.ManagerId))
        {
            Assert.InRange(manager.Count(), 50, DemoHistory.WorkingDays);
            Assert.True(manager.Max(l => l.WorkDate) < new DateOnly(2026, 11, 30), "history ends before today");
        }

        // The national holiday (1-7 October) is no working day; the make-up Saturday 2026-10-10 is.
        Assert.DoesNotContain(logs, l => l.WorkDate >= new DateOnly(2026, 10, 1) && l.WorkDate <= new DateOnly(2026, 10, 7));
        Assert.Contains(logs, l => l.WorkDate == new DateOnly(2026, 10, 10));
        Assert.Contains(logs, l => l.Status == WorkLogStatus.Approved && l.QualityRating is not null);
        Assert.Contains(logs, l => l.Status == WorkLogStatus.Submitted);
        Assert.Contains(logs, l => l.Reviews.Any(r => r.Decision == ReviewDecision.Returned && r.Requirement is not null) && l.Revisions.Count == 2);
        Assert.Contains(logs, l => !l.OnTime);
        Assert.All(logs, l => Assert.Equal(l.CurrentRevision, l.Revisions.Count));
        // Stored as the app stores every instant: in UTC (SQLite orders instants by their local clock and offset).
        Assert.All(logs, l => Assert.Equal(TimeSpan.Zero, l.FirstSubmittedAt.Offset));

        var forms = await db.Set<TransferForm>().AsNoTracking().Include(f => f.Steps).OrderBy(f => f.Sequence).ToListAsync();
        Assert.Equal(Enumerable.Range(1, forms.Count), forms.Select(f => f.Sequence));
        Assert.All(forms, f => Assert.Equal(f.Revision, f.Steps.Count));
        Assert.All(forms, f => Assert.Equal((TimeSpan.Zero, TimeSpan.Zero), (f.SentAt.Offset, f.HandleDueAt.Offset)));
        Assert.Equal("XX-2026-000001", forms[0].Number);
        foreach (var state in Enum.GetValues<TransferState>().Except([TransferState.Reopened]))
        {
            Assert.Contains(forms, f => f.State == state);
        }

        Assert.Contains(forms, f => f.Steps.Any(s => s.Kind == TransferStepKind.Forwarded));
        Assert.Contains(forms, f => f.Steps.Any(s => s.Kind == TransferStepKind.Reopened));
        Assert.Contains(forms, f => f.ValueRating is not null);
        Assert.True(forms.Count(f => f.SentAt.ToOffset(TimeSpan.FromHours(8)).Date == Now.Date) >= 2, "forms sent today");
        Assert.NotEmpty(db.Set<LeadObservation>());
        Assert.NotEmpty(db.Set<PulseResponse>());
        Assert.Equal(3, await db.Set<CoachingAssessment>().CountAsync());
        Assert.Contains(db.Set<CoachingAction>(), a => a.Status == CoachingActionStatus.Open && a.Due < new DateOnly(2026, 11, 30));
        Assert.Contains(db.Set<CoachingAction>(), a => a.Status == CoachingActionStatus.Skipped && a.Note == "type changed");
        // Nothing old is waiting to be sent: the first run sends no stale reminders about the history.
        Assert.Empty(db.Notifications);
    }

    [Fact]
    public async Task EachDemoManager_GetsADifferentCoachingSuggestion_AndTheLeadsCardShowsItWithReasons()
    {
        await using var connector = await LocalConnector.StartAsync();
        await using var bot = new BotApp(settings: DemoOn, time: new FakeTimeProvider(Now)).Start();

        Dictionary<string, CoachingSuggestion> suggestions;
        using (var scope = bot.Services.CreateScope())
        {
            var desk = scope.ServiceProvider.GetRequiredService<CoachingDesk>();
            var managers = await desk.Db.People.AsNoTracking().Where(p => p.TeamId != null).ToListAsync();
            suggestions = await desk.SuggestAsync(DemoHistory.TenantId, managers, CancellationToken.None);
        }

        Assert.Equal(ManagerType.StrongStartWeakFinish, suggestions["wang-lei"].Top?.Type);
        Assert.Equal(ManagerType.Complacent, suggestions["chen-jie"].Top?.Type);
        Assert.Equal(ManagerType.Excellent, suggestions["zhao-min"].Top?.Type);
        Assert.Equal(ManagerType.LacksInitiative, suggestions["sun-hao"].Top?.Type);
        Assert.All(suggestions.Values, s => Assert.NotEmpty(s.Top!.Reasons));

        var teams = new WorkLogDriver(bot, connector);
        await teams.InstallAsync(TeamsUser.LiNa);
        var card = WorkLogDriver.CardOf(await teams.Chats.SayAsync(TeamsUser.LiNa, "coach Chen Jie")).ToJsonString();
        Assert.Contains(CoachingCardSchemaTests.Library[ManagerType.Complacent].Name.En, card, StringComparison.Ordinal);
        var reason = suggestions["chen-jie"].Top!.Reasons[0];
        Assert.Contains(JsonValue.Create(reason.EnUs)!.ToJsonString().Trim('"')[..20], card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHistory_IsTheSameForTheSameDay_AndASecondStartAddsNothing()
    {
        var time = new FakeTimeProvider(Now);
        await using var first = new BotApp(settings: DemoOn, time: time).Start();
        await using var other = new BotApp(settings: DemoOn, time: new FakeTimeProvider(Now)).Start();
        var written = await FingerprintAsync(first);

        await using (var again = new BotApp(settings: DemoOn, time: time, shareDatabaseWith: first).Start())
        {
        }

        Assert.Equal(written, await FingerprintAsync(first));
        Assert.Equal(written, await FingerprintAsync(other));
    }

    [Fact]
    public async Task WithoutTheSetting_OrForAnotherOrganisation_NoHistoryIsWritten()
    {
        // The default outside Development (this host runs as "Testing"): off.
        await using (var plain = new BotApp(time: new FakeTimeProvider(Now)).Start())
        await using (var db = plain.CreateDbContext())
        {
            Assert.NotEmpty(db.People);
            Assert.Empty(db.WorkLogs);
            Assert.Empty(db.Set<TransferForm>());
        }

        // Asked for, but the seeds are another organisation's (the demo directory under another tenant).
        var seeds = RepoTools.CopySeeds();
        foreach (var file in new[] { "directory.json", "transfers.json" })
        {
            var path = Path.Combine(seeds, file);
            await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(path)).Replace(DemoHistory.TenantId, "0d5a3e1c-2b4f-4c6d-9e8f-7a6b5c4d3e2f", StringComparison.Ordinal));
        }

        try
        {
            await using var real = new BotApp(settings: new Dictionary<string, string?>(DemoOn) { ["Database:SeedPath"] = seeds }, time: new FakeTimeProvider(Now)).Start();
            await using var db = real.CreateDbContext();
            Assert.NotEmpty(db.People);
            Assert.Empty(db.WorkLogs);
            Assert.Empty(db.Set<TransferForm>());
            Assert.Empty(db.Set<CoachingAssessment>());
        }
        finally
        {
            Directory.Delete(seeds, recursive: true);
        }
    }

    private static async Task<string> FingerprintAsync(BotApp bot)
    {
        await using var db = bot.CreateDbContext();
        var logs = await db.WorkLogs.AsNoTracking().OrderBy(l => l.ManagerId).ThenBy(l => l.WorkDate)
            .Select(l => $"{l.Id}|{l.ManagerId}|{l.WorkDate}|{l.Status}|{l.OnTime}|{l.QualityRating}|{l.CurrentRevision}").ToListAsync();
        var forms = await db.Set<TransferForm>().AsNoTracking().OrderBy(f => f.Sequence).Select(f => $"{f.Number}|{f.ProviderId}|{f.State}|{f.Revision}").ToListAsync();
        var counts = $"{await db.Set<LeadObservation>().CountAsync()}|{await db.Set<PulseResponse>().CountAsync()}|{await db.Set<CoachingAction>().CountAsync()}|{await db.AuditEntries.CountAsync()}";
        return string.Join("\n", logs.Concat(forms).Append(counts));
    }
}
