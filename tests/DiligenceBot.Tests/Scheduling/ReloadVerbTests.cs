using System.Text.Json.Nodes;
using DiligenceBot.Coaching;
using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DiligenceBot.Tests.Scheduling;

/// <summary>An admin edits the seed files (a template label, a meeting time) and applies them from chat, without a restart.</summary>
public sealed class ReloadVerbTests : IAsyncLifetime
{
    private static readonly TeamsUser LiuYang = new("29:1-liu-yang", "Liu Yang 刘洋", "944cedb3-3940-469a-a27e-ff773a2307f2");
    private readonly string _seeds = RepoTools.CopySeeds();
    private LocalConnector _connector = null!;
    private BotApp _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await LocalConnector.StartAsync();
        _bot = new BotApp(settings: new Dictionary<string, string?> { ["Database:SeedPath"] = _seeds }).Start();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        Directory.Delete(_seeds, recursive: true);
    }

    private async Task<string> SayAsync(TeamsUser user, string text)
    {
        _connector.Clear();
        await _bot.PostActivityAsync(Activities.Message(_connector.ServiceUrl, user, text));
        return Assert.Single(_connector.SentActivities).Body!["text"]!.GetValue<string>();
    }

    private void Edit(string file, Action<JsonNode> change)
    {
        var path = Path.Combine(_seeds, file);
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        change(json);
        File.WriteAllText(path, json.ToJsonString());
    }

    [Fact]
    public async Task Admin_AppliesEditedSeeds_AtOnce()
    {
        Edit("log-templates.json", j => j["templates"]![0]!["fields"]![0]!["labelEn"] = "Shops visited");
        Edit("directory.json", j => j["organisations"]![0]!["teams"]![0]!["meetingTime"] = "09:45");

        var answer = await SayAsync(LiuYang, "reload");

        Assert.StartsWith("Reloaded teams, people, log templates, transfer routing and coaching playbooks and thresholds from the seed files", answer, StringComparison.Ordinal);
        await using var db = _bot.CreateDbContext();
        Assert.Equal(new TimeOnly(9, 45), (await db.Teams.SingleAsync(t => t.Id == "east-1")).MeetingTime);
        Assert.Equal("Shops visited", (await db.LogTemplates.SingleAsync()).Fields[0].LabelEn);
    }

    [Fact]
    public async Task BrokenSeedFile_ChangesNothing_AndSaysWhy()
    {
        Edit("directory.json", j => j["organisations"]![0]!["teams"]![0]!["meetingTime"] = "09:45");
        Edit("log-templates.json", j => j["templates"]![0]!["fields"]![1]!["type"] = "colour");

        var answer = await SayAsync(LiuYang, "reload");

        Assert.Contains("unknown type 'colour'", answer, StringComparison.Ordinal);
        await using var db = _bot.CreateDbContext();
        Assert.Equal(new TimeOnly(8, 30), (await db.Teams.SingleAsync(t => t.Id == "east-1")).MeetingTime);
    }

    [Fact]
    public async Task NonAdmin_CannotReload()
    {
        Edit("directory.json", j => j["organisations"]![0]!["teams"]![0]!["meetingTime"] = "09:45");

        Assert.Equal("Only an administrator can reload the organisation's settings; nothing was changed.", await SayAsync(TeamsUser.WangLei, "reload"));
        await using var db = _bot.CreateDbContext();
        Assert.Equal(new TimeOnly(8, 30), (await db.Teams.SingleAsync(t => t.Id == "east-1")).MeetingTime);
    }

    [Fact]
    public async Task EditedCoachingPlaybooks_AndThresholds_ApplyAtOnce_ABrokenOneChangesNothing()
    {
        Edit(Path.Combine("coaching", "playbooks.json"), j => j["playbooks"]![6]!["nameEn"] = "Star performer");
        Edit(Path.Combine("coaching", "thresholds.json"), j => j["excellent"]!["minWorkingDays"] = 30);

        Assert.StartsWith("Reloaded", await SayAsync(LiuYang, "reload"), StringComparison.Ordinal);
        var library = _bot.Services.GetRequiredService<CoachingLibrary>();
        Assert.Equal("Star performer", library[ManagerType.Excellent].Name.En);
        Assert.Equal(30, library.Thresholds.Excellent.MinWorkingDays);

        Edit(Path.Combine("coaching", "playbooks.json"), j => j["playbooks"]![6]!["nameEn"] = "Excellent again");
        Edit(Path.Combine("coaching", "thresholds.json"), j => j["shortWindowDays"] = 120);
        Edit("directory.json", j => j["organisations"]![0]!["teams"]![0]!["meetingTime"] = "09:45");

        var answer = await SayAsync(LiuYang, "reload");

        Assert.Contains("thresholds.json", answer, StringComparison.Ordinal);
        Assert.Equal("Star performer", library[ManagerType.Excellent].Name.En);
        Assert.Equal((30, 30), (library.Thresholds.ShortWindowDays, library.Thresholds.Excellent.MinWorkingDays));
        await using var db = _bot.CreateDbContext();
        Assert.Equal(new TimeOnly(8, 30), (await db.Teams.SingleAsync(t => t.Id == "east-1")).MeetingTime);
    }
}
