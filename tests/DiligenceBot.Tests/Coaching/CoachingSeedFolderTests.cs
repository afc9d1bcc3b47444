using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.Tests.WorkLogs;
using DiligenceBot.Testing;
using static DiligenceBot.Tests.WorkLogs.WorkLogDriver;

namespace DiligenceBot.Tests.Coaching;

/// <summary>
/// A seed folder made for one organisation (Database:SeedPath) need not carry the product's coaching playbooks: the
/// ones shipped with the app are used. (Before, every proactive message failed in such a deployment, because the
/// coaching renderers could not load their playbooks.)
/// </summary>
public sealed class CoachingSeedFolderTests : IAsyncLifetime
{
    private readonly string _seeds = Path.Combine(Path.GetTempPath(), "diligencebot-seeds-" + Guid.NewGuid().ToString("N"));
    private LocalConnector _connector = null!;
    private BotApp _bot = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(_seeds, "calendars"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoTools.RepoRoot, "seeds"), "*.json", SearchOption.AllDirectories)
                     .Where(f => !f.Contains(Path.DirectorySeparatorChar + "coaching" + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(_seeds, Path.GetRelativePath(Path.Combine(RepoTools.RepoRoot, "seeds"), file)));
        }

        _connector = await LocalConnector.StartAsync();
        _bot = new BotApp(settings: new Dictionary<string, string?> { ["Database:SeedPath"] = _seeds }).Start();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        Directory.Delete(_seeds, recursive: true);
    }

    [Fact]
    public async Task WithoutCoachingSeeds_TheShippedPlaybooksAreUsed_AndProactiveMessagesStillGo()
    {
        Assert.False(Directory.Exists(Path.Combine(_seeds, "coaching")));
        var t = new WorkLogDriver(_bot, _connector);
        await t.InstallAsync(TeamsUser.LiNa);
        await t.InstallAsync(TeamsUser.WangLei);

        var (card, _) = await t.ExecuteAsync(TeamsUser.LiNa, "coach.open", new System.Text.Json.Nodes.JsonObject { ["verb"] = "coach.open", ["managerId"] = "chen-jie" });
        Assert.Equal("Coaching: Chen Jie 陈杰", Title(card!));

        // A submitted log still reaches the lead as a review card.
        var (summary, _) = await t.ExecuteAsync(TeamsUser.WangLei, "worklog.submit", SubmitData(await t.OpenLogDayAsync(), 0, ValidInputs()));
        Assert.NotNull(summary);
        var review = await t.Chats.NotifiedAsync(TeamsUser.LiNa, DiligenceBot.WorkLogs.WorkLogBook.ReviewRequested);
        Assert.Contains(review, t.Chats.SentTo(TeamsUser.LiNa));
        Assert.Equal(2, (await t.Chats.SettledSentToAsync(TeamsUser.LiNa)).Count);
    }
}
