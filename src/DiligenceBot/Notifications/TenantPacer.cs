using DiligenceBot.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiligenceBot.Notifications;

/// <summary>How many proactive sends one key (a tenant) made in one second; shared by every instance through the database.</summary>
public sealed class SendWindow
{
    public required string Key { get; set; }
    /// <summary>Unix time, whole seconds.</summary>
    public long Second { get; set; }
    public int Count { get; set; }
}

internal sealed class SendWindowConfiguration : IEntityTypeConfiguration<SendWindow>
{
    public void Configure(EntityTypeBuilder<SendWindow> b)
    {
        b.ToTable("SendWindows");
        b.HasKey(w => new { w.Key, w.Second });
        b.Property(w => w.Key).HasMaxLength(128);
    }
}

/// <summary>
/// Keeps proactive sending inside Teams' limit of about 50 requests per second per app per tenant, across
/// instances: a send takes a slot in the current second's window (an atomic conditional increment in the shared
/// database); when the window is full it waits for the next second.
/// </summary>
public sealed class TenantPacer(IServiceScopeFactory scopes, TimeProvider time)
{
    public async Task WaitForSlotAsync(string tenantId, int perSecond, CancellationToken cancellationToken)
    {
        var key = "tenant:" + tenantId;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DiligenceDbContext>();
        while (true)
        {
            var now = time.GetUtcNow();
            var second = now.ToUnixTimeSeconds();
            var taken = await db.Set<SendWindow>()
                .Where(w => w.Key == key && w.Second == second && w.Count < perSecond)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.Count, w => w.Count + 1), cancellationToken);
            if (taken == 1)
            {
                return;
            }

            var count = await db.Set<SendWindow>().Where(w => w.Key == key && w.Second == second).Select(w => (int?)w.Count).FirstOrDefaultAsync(cancellationToken);
            if (count < perSecond)
            {
                // Another sender opened the window between our two statements and it still has room.
                continue;
            }

            if (count is null)
            {
                db.Set<SendWindow>().Add(new SendWindow { Key = key, Second = second, Count = 1 });
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    await CleanUpAsync(db, key, second, cancellationToken);
                    return;
                }
                catch (DbUpdateException)
                {
                    // Another sender opened this second's window first; take a slot in it instead.
                    db.ChangeTracker.Clear();
                    continue;
                }
            }

            var next = DateTimeOffset.FromUnixTimeSeconds(second + 1);
            var wait = next - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }
        }
    }

    private static Task<int> CleanUpAsync(DiligenceDbContext db, string key, long second, CancellationToken cancellationToken) =>
        db.Set<SendWindow>().Where(w => w.Key == key && w.Second < second - 60).ExecuteDeleteAsync(cancellationToken);
}
