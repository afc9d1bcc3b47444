using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.Transfers;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Tests.Transfers;

/// <summary>seeds/transfers.json: applied idempotently at start-up, admins' table edits respected, bad files refused.</summary>
public sealed class TransferSeedTests : IAsyncLifetime
{
    private BotApp _bot = null!;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "diligencebot-transfer-seed-" + Guid.NewGuid().ToString("N"));

    private static string SeedFolder => Path.Combine(AppContext.BaseDirectory, "seeds");

    public Task InitializeAsync()
    {
        _bot = new BotApp().Start();
        Directory.CreateDirectory(_folder);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A copy of the shipped file with one text replaced.</summary>
    private async Task<string> VariantAsync(string from, string to)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(SeedFolder, TransferSeed.FileName));
        Assert.Contains(from, text, StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(_folder, TransferSeed.FileName), text.Replace(from, to, StringComparison.Ordinal));
        return _folder;
    }

    [Fact]
    public async Task TheShippedFile_IsApplied_AndApplyingItAgainChangesNothing()
    {
        await using var db = _bot.CreateDbContext();

        Assert.Equal(0, await TransferSeed.ApplyAsync(db, SeedFolder, CancellationToken.None));
        Assert.Equal(7, await db.Set<TransferCategory>().CountAsync());
        Assert.Equal(["brand", "customer-service", "logistics", "office"], await db.Set<TransferPost>().OrderBy(p => p.Id).Select(p => p.Id).ToListAsync());
        var settings = await db.Set<TransferSettings>().SingleAsync();
        Assert.Equal(("XX", "office", "Asia/Shanghai"), (settings.NumberPrefix, settings.FallbackPostId, settings.TimeZone));
        // Receivers who are not in directory.json are added, reporting to their manager.
        Assert.Equal("gao-feng", (await db.People.SingleAsync(p => p.Id == "zhou-qiang")).ReportsToId);
        var urgentComplaint = (await db.Set<TransferCategory>().SingleAsync(c => c.Id == "complaint")).Urgent;
        Assert.Equal((0.5, 1.0, 4.0), (urgentComplaint.RemindAfterHours, urgentComplaint.EscalateAfterHours, urgentComplaint.HandleWithinHours));
        var post = await db.Set<TransferPost>().SingleAsync(p => p.Id == "customer-service");
        Assert.Equal((new TimeOnly(8, 30), new TimeOnly(17, 30), "cn-mainland"), (post.WorkStart!.Value, post.WorkEnd!.Value, post.HolidayCalendarId));
        Assert.Equal([1, 2, 3, 4, 5], post.WorkingDays);
    }

    [Fact]
    public async Task AnAdminsChangeInTheTable_Stands_UntilTheFilesEntryForItChanges()
    {
        await using (var db = _bot.CreateDbContext())
        {
            (await db.Set<TransferCategory>().SingleAsync(c => c.Id == "complaint")).PostId = "office";
            await db.SaveChangesAsync();
            await TransferSeed.ApplyAsync(db, SeedFolder, CancellationToken.None);
        }

        await using (var db = _bot.CreateDbContext())
        {
            Assert.Equal("office", (await db.Set<TransferCategory>().SingleAsync(c => c.Id == "complaint")).PostId);
            await TransferSeed.ApplyAsync(db, await VariantAsync("\"nameEn\": \"Customer complaint\"", "\"nameEn\": \"Retailer complaint\""), CancellationToken.None);
        }

        await using (var check = _bot.CreateDbContext())
        {
            var complaint = await check.Set<TransferCategory>().SingleAsync(c => c.Id == "complaint");
            Assert.Equal(("customer-service", "Retailer complaint"), (complaint.PostId, complaint.NameEn));
        }
    }

    [Theory]
    [InlineData("\"postId\": \"logistics\"", "\"postId\": \"warehouse\"", "category supply goes to post 'warehouse', which is not one of the posts")]
    [InlineData("\"fallbackPostId\": \"office\"", "\"fallbackPostId\": \"reception\"", "the fallback post 'reception' is not one of the posts")]
    [InlineData("\"memberIds\": [ \"sun-hao\" ]", "\"memberIds\": [ \"sun-hoa\" ]", "post customer-service names 'sun-hoa', who is not in the directory")]
    [InlineData("\"workEnd\": \"17:30\",\n          \"workingDays\": [ \"Monday\", \"Tuesday\", \"Wednesday\", \"Thursday\", \"Friday\" ],\n          \"holidayCalendarId\": \"cn-mainland\"\n        },\n        {\n          \"id\": \"logistics\"",
        "\"workEnd\": \"07:30\",\n          \"workingDays\": [ \"Monday\", \"Tuesday\", \"Wednesday\", \"Thursday\", \"Friday\" ],\n          \"holidayCalendarId\": \"cn-mainland\"\n        },\n        {\n          \"id\": \"logistics\"",
        "post customer-service needs both workStart and workEnd")]
    [InlineData("\"remindAfterHours\": 4, \"escalateAfterHours\": 8", "\"remindAfterHours\": 4, \"escalateAfterHours\": 3", "category market (normal): hours must be positive")]
    [InlineData("\"reportsToId\": \"gao-feng\",\n          \"locale\": \"zh-CN\"\n        },\n        {\n          \"id\": \"xu-lan\"", "\"reportsToId\": \"gao-fang\",\n          \"locale\": \"zh-CN\"\n        },\n        {\n          \"id\": \"xu-lan\"", "zhou-qiang reports to 'gao-fang'")]
    public async Task AFileThatWouldRouteWrongly_IsRefused_NamingTheProblem_AndChangesNothing(string from, string to, string message)
    {
        var folder = await VariantAsync(from, to);
        await using (var db = _bot.CreateDbContext())
        {
            // A new receiver in the same file must not be added when the file is refused.
            var text = await File.ReadAllTextAsync(Path.Combine(folder, TransferSeed.FileName));
            await File.WriteAllTextAsync(Path.Combine(folder, TransferSeed.FileName), text.Replace("\"people\": [", """
                "people": [ { "id": "new-receiver", "displayName": "New 新", "aadObjectId": "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f" },
                """, StringComparison.Ordinal));

            var error = await Assert.ThrowsAsync<InvalidDataException>(() => TransferSeed.ApplyAsync(db, folder, CancellationToken.None));

            Assert.Contains(message, error.Message, StringComparison.Ordinal);
        }

        await using var check = _bot.CreateDbContext();
        Assert.False(await check.People.AnyAsync(p => p.Id == "new-receiver"));
        Assert.Equal("logistics", (await check.Set<TransferCategory>().SingleAsync(c => c.Id == "supply")).PostId);
    }
}
