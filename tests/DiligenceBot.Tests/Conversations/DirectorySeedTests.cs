using DiligenceBot.Data;
using DiligenceBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Tests.Conversations;

/// <summary>The demo organisation is seeded at start-up, idempotently, and matches the Playground's users.</summary>
public sealed class DirectorySeedTests : IAsyncLifetime
{
    private readonly BotApp _bot = new BotApp().Start();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Seeding_Twice_ChangesNothing()
    {
        await using var db = _bot.CreateDbContext();
        var people = await db.People.CountAsync();

        var changes = await DirectorySeed.ApplyAsync(db, Path.Combine(RepoTools.RepoRoot, "seeds"), TimeProvider.System, new DiligenceBot.DirectorySync.DirectoryOptions(), CancellationToken.None);

        Assert.Equal(0, changes);
        Assert.Equal(people, await db.People.CountAsync());
    }

    [Fact]
    public async Task DemoOrganisation_HasTeamsLeadsAndMeetings()
    {
        await using var db = _bot.CreateDbContext();
        var teams = await db.Teams.Include(t => t.Lead).Include(t => t.Members).OrderBy(t => t.Id).ToListAsync();

        Assert.Equal(["east-1", "east-2"], teams.Select(t => t.Id));
        Assert.Equal("Li Na 李娜", teams[0].Lead!.DisplayName);
        Assert.Equal(new TimeOnly(8, 30), teams[0].MeetingTime);
        Assert.Equal("Asia/Shanghai", teams[0].TimeZone);
        Assert.Contains(teams[0].Members, m => m.Id == "wang-lei");
        Assert.Equal("wang-lei", teams[1].LeadId);
    }

    [Fact]
    public async Task EveryPlaygroundUser_IsAKnownPerson_InTheSameTenant()
    {
        var yaml = await File.ReadAllLinesAsync(Path.Combine(RepoTools.RepoRoot, ".m365agentsplayground.yml"));
        string Value(string line) => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        var tenant = Value(yaml.Single(l => l.StartsWith("tenantId:", StringComparison.Ordinal)));
        var aadIds = yaml.Where(l => l.TrimStart().StartsWith("aadObjectId:", StringComparison.Ordinal)).Select(Value).ToList();
        await using var db = _bot.CreateDbContext();

        Assert.True(Guid.TryParse(tenant, out _));
        Assert.Equal(6, aadIds.Count); // the current user and the five others
        foreach (var aad in aadIds)
        {
            Assert.True(Guid.TryParse(aad, out _), aad);
            Assert.True(await db.People.AnyAsync(p => p.TenantId == tenant && p.AadObjectId == aad), $"{aad} is not in the seeds");
        }
    }
}
