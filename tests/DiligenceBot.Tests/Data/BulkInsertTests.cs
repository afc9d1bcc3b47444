using DiligenceBot.Customers;
using DiligenceBot.Data;
using DiligenceBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Tests.Data;

/// <summary>
/// The bulk insert the imports use stores every value exactly as EF Core reads it back (strings, numbers, instants
/// through the provider's converters), across statement boundaries, on SQLite and PostgreSQL; it refuses to run
/// outside a transaction, and a failed insert leaves nothing once the transaction is rolled back.
/// </summary>
public sealed class BulkInsertTests : IAsyncLifetime
{
    private BotApp _bot = null!;

    public Task InitializeAsync()
    {
        _bot = new BotApp().Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private static List<Customer> Customers(string tenantId, string managerId, int count, DateTimeOffset at) =>
        Enumerable.Range(0, count).Select(i => new Customer
        {
            TenantId = tenantId, LicenceNumber = $"BULK{i:000000}", Name = $"华美便利店{i}号", Address = $"南京路{i}号", District = i % 2 == 0 ? "黄浦区" : "徐汇区",
            Tier = "ABCD"[i % 4].ToString(), ManagerId = managerId, VisitsPerMonth = i % 9, CreatedAt = at.AddSeconds(i), UpdatedAt = at.AddMinutes(i),
        }).ToList();

    [Fact]
    public async Task Rows_AcrossSeveralStatements_ReadBackAsWritten()
    {
        await using var db = _bot.CreateDbContext();
        var manager = await db.People.AsNoTracking().FirstAsync(p => p.TeamId != null);
        var at = new DateTimeOffset(2026, 12, 7, 9, 30, 15, 123, TimeSpan.Zero);
        var rows = Customers(manager.TenantId, manager.Id, (2 * BulkInsert.RowsPerStatement) + 17, at);

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await BulkInsert.InsertAsync(db, rows, CancellationToken.None);
            await transaction.CommitAsync();
        }

        await using var read = _bot.CreateDbContext();
        var stored = await read.Customers.AsNoTracking().Where(c => c.LicenceNumber.StartsWith("BULK")).OrderBy(c => c.LicenceNumber).ToListAsync();
        Assert.Equal(rows.Count, stored.Count);
        Assert.Equal(stored.Count, stored.Select(c => c.Id).Distinct().Count());
        for (var i = 0; i < rows.Count; i++)
        {
            var (want, got) = (rows[i], stored[i]);
            Assert.Equal((want.TenantId, want.LicenceNumber, want.Name, want.Address, want.District, want.Tier, want.ManagerId, want.VisitsPerMonth),
                (got.TenantId, got.LicenceNumber, got.Name, got.Address, got.District, got.Tier, got.ManagerId, got.VisitsPerMonth));
            Assert.Equal(want.CreatedAt, got.CreatedAt);
            Assert.Equal(want.UpdatedAt, got.UpdatedAt);
        }

        // The stored instants order and filter in the database like any EF-written instant.
        var late = await read.Customers.CountAsync(c => c.LicenceNumber.StartsWith("BULK") && c.CreatedAt >= at.AddSeconds(200));
        Assert.Equal(rows.Count - 200, late);
    }

    [Fact]
    public async Task OutsideATransaction_IsRefused_AndAFailedInsertRollsBackToNothing()
    {
        await using var db = _bot.CreateDbContext();
        var manager = await db.People.AsNoTracking().FirstAsync(p => p.TeamId != null);
        var rows = Customers(manager.TenantId, manager.Id, BulkInsert.RowsPerStatement + 5, DateTimeOffset.UnixEpoch);
        await Assert.ThrowsAsync<InvalidOperationException>(() => BulkInsert.InsertAsync(db, rows, CancellationToken.None));

        // The last statement repeats a licence number: the unique index refuses it after the first statement went in.
        rows.Add(Customers(manager.TenantId, manager.Id, 1, DateTimeOffset.UnixEpoch)[0]);
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await Assert.ThrowsAnyAsync<Exception>(() => BulkInsert.InsertAsync(db, rows, CancellationToken.None));
            await transaction.RollbackAsync();
        }

        await using var read = _bot.CreateDbContext();
        Assert.Equal(0, await read.Customers.CountAsync(c => c.LicenceNumber.StartsWith("BULK")));
    }
}
