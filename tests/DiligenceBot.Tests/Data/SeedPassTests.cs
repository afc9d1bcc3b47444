using System.Text.Json.Nodes;
using DiligenceBot.Organisation;
using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.Testing;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Tests.Data;

/// <summary>
/// Start-up applies the seed files only when they (or the options that change what is applied, or the app's build)
/// differ from what the database last applied: a restart with the same seeds skips the pass, says so in the log, and
/// leaves what an admin changed in chat (meeting, log setting, plan day) as it was; an edited file is applied at the
/// next start; <c>reload</c> always applies and records the files it applied. A restart is a second instance of the app
/// starting on the same database.
/// </summary>
public sealed class SeedPassTests : IAsyncLifetime
{
    private const int SkippedEvent = 2700;
    private const int AppliedEvent = 2701;
    private const int MigrationsUpToDateEvent = 2702;
    private const int MigrationsAppliedEvent = 2703;
    private static readonly TeamsUser LiuYang = new("29:1-liu-yang", "Liu Yang 刘洋", "944cedb3-3940-469a-a27e-ff773a2307f2");

    private readonly string _seeds = RepoTools.CopySeeds();
    private readonly LogCapture _firstLogs = new();
    private readonly List<BotApp> _restarts = [];
    private LocalConnector _connector = null!;
    private BotApp _first = null!;

    public async Task InitializeAsync()
    {
        _connector = await LocalConnector.StartAsync();
        _first = new BotApp(settings: Settings, logs: _firstLogs).Start();
    }

    public async Task DisposeAsync()
    {
        // The first app owns the database (on PostgreSQL it drops it): it goes last.
        foreach (var bot in _restarts)
        {
            await bot.DisposeAsync();
        }

        await _first.DisposeAsync();
        await _connector.DisposeAsync();
        Directory.Delete(_seeds, recursive: true);
    }

    private Dictionary<string, string?> Settings => new() { ["Database:SeedPath"] = _seeds };

    /// <summary>Starts the app again on the same database and returns the seed pass's log lines of that start.</summary>
    private List<LogCapture.LogEntry> Restart() => SeedLines(RestartLogs());

    private LogCapture RestartLogs()
    {
        var logs = new LogCapture();
        _restarts.Add(new BotApp(settings: Settings, shareDatabaseWith: _first, logs: logs).Start());
        return logs;
    }

    private static List<LogCapture.LogEntry> SeedLines(LogCapture logs) =>
        logs.Entries.Where(e => e.EventId.Id is SkippedEvent or AppliedEvent).ToList();

    private async Task<string> SayAsync(TeamsUser user, string text)
    {
        _connector.Clear();
        await _first.PostActivityAsync(Activities.Message(_connector.ServiceUrl, user, text));
        return Assert.Single(_connector.SentActivities).Body!["text"]!.GetValue<string>();
    }

    private void Edit(string file, Action<JsonNode> change)
    {
        var path = Path.Combine(_seeds, file);
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        change(json);
        File.WriteAllText(path, json.ToJsonString());
    }

    private async Task<Team> EastOneAsync()
    {
        await using var db = _first.CreateDbContext();
        return await db.Teams.AsNoTracking().SingleAsync(t => t.Id == "east-1");
    }

    [Fact]
    public async Task FirstStart_AppliesTheSeeds_ARestartWithTheSameSeeds_SkipsThem_AndTheAdminsChangesStand()
    {
        var first = Assert.Single(SeedLines(_firstLogs));
        Assert.Equal(AppliedEvent, first.EventId.Id);
        Assert.Equal((new TimeOnly(8, 30), LogCoverage.PreviousWorkingDay, 25), await SettingsAsync());

        Assert.StartsWith("East District 1 now meets at 09:15", await SayAsync(LiuYang, "meeting east-1 09:15"), StringComparison.Ordinal);
        Assert.StartsWith("East District 1's log now covers the day itself", await SayAsync(LiuYang, "log setting east-1 same-day 18:00"), StringComparison.Ordinal);
        await SayAsync(LiuYang, "plan setting east-1 20");
        Assert.Equal((new TimeOnly(9, 15), LogCoverage.SameDay, 20), await SettingsAsync());
        // A change made directly in the database (no audit, no verb) is not undone either.
        await using (var db = _first.CreateDbContext())
        {
            await db.LogTemplates.ExecuteUpdateAsync(s => s.SetProperty(t => t.NameEn, "Changed in the database"));
        }

        var restart = Assert.Single(Restart());

        Assert.Equal(SkippedEvent, restart.EventId.Id);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Information, restart.Level);
        Assert.StartsWith("Seed pass skipped: the database already holds the seeds of " + _seeds, restart.Message, StringComparison.Ordinal);
        Assert.Equal((new TimeOnly(9, 15), LogCoverage.SameDay, 20), await SettingsAsync());
        await using var after = _first.CreateDbContext();
        Assert.Equal("Changed in the database", (await after.LogTemplates.SingleAsync()).NameEn);
    }

    [Fact]
    public async Task FirstStart_RunsTheMigrator_ARestartOnTheMigratedDatabase_DoesNot_AndIsReady()
    {
        var first = Assert.Single(_firstLogs.Entries, e => e.EventId.Id is MigrationsAppliedEvent or MigrationsUpToDateEvent);
        Assert.Equal(MigrationsAppliedEvent, first.EventId.Id);

        var logs = RestartLogs();

        var restart = Assert.Single(logs.Entries, e => e.EventId.Id is MigrationsAppliedEvent or MigrationsUpToDateEvent);
        Assert.Equal(MigrationsUpToDateEvent, restart.EventId.Id);
        await using var db = _first.CreateDbContext();
        var last = db.Database.GetMigrations().Last();
        Assert.EndsWith($"the last {last}; the migrator was not run", restart.Message, StringComparison.Ordinal);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        using var ready = await _restarts[^1].Http.GetAsync(new Uri("/readyz", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task AnEditedSeedFile_IsApplied_AtTheNextStart_AndOnlyThen()
    {
        await SayAsync(LiuYang, "plan setting east-1 20");
        Edit("directory.json", j => j["organisations"]![0]!["teams"]![0]!["meetingTime"] = "09:45");

        var applied = Assert.Single(Restart());
        Assert.Equal(AppliedEvent, applied.EventId.Id);
        // The file's meeting time is applied; the plan day is no seed setting and stays the admin's.
        Assert.Equal((new TimeOnly(9, 45), LogCoverage.PreviousWorkingDay, 20), await SettingsAsync());

        await SayAsync(LiuYang, "meeting east-1 10:15");
        Assert.Equal(SkippedEvent, Assert.Single(Restart()).EventId.Id);
        Assert.Equal(new TimeOnly(10, 15), (await EastOneAsync()).MeetingTime);
    }

    [Fact]
    public async Task Reload_AlwaysApplies_AndRecordsWhatItApplied()
    {
        // Unchanged files: reload still applies them (the admin's meeting time goes back to the file's).
        await SayAsync(LiuYang, "meeting east-1 09:15");
        Assert.StartsWith("Reloaded", await SayAsync(LiuYang, "reload"), StringComparison.Ordinal);
        Assert.Equal(new TimeOnly(8, 30), (await EastOneAsync()).MeetingTime);

        // An edited file applied by reload is recorded: the next start has nothing to apply, and a later change stands.
        Edit("directory.json", j => j["organisations"]![0]!["teams"]![0]!["meetingTime"] = "09:45");
        Assert.StartsWith("Reloaded", await SayAsync(LiuYang, "reload"), StringComparison.Ordinal);
        Assert.Equal(new TimeOnly(9, 45), (await EastOneAsync()).MeetingTime);
        await SayAsync(LiuYang, "meeting east-1 10:15");

        Assert.Equal(SkippedEvent, Assert.Single(Restart()).EventId.Id);
        Assert.Equal(new TimeOnly(10, 15), (await EastOneAsync()).MeetingTime);
    }

    [Fact]
    public async Task AChangedOptionThatShapesTheSeeds_AppliesThemAgain()
    {
        var logs = new LogCapture();
        var settings = Settings;
        settings["Directory:NewTeamMeetingTime"] = "09:00";
        _restarts.Add(new BotApp(settings: settings, shareDatabaseWith: _first, logs: logs).Start());

        Assert.Equal(AppliedEvent, Assert.Single(SeedLines(logs)).EventId.Id);
    }

    private async Task<(TimeOnly Meeting, LogCoverage Covers, int PlanDay)> SettingsAsync()
    {
        var team = await EastOneAsync();
        return (team.MeetingTime, team.LogCovers, team.PlanDueDay);
    }
}
