using DiligenceBot.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage;

namespace DiligenceBot.Notifications;

/// <summary>A tenant's send schedule, shared by every instance through the database: the last reserved slot.</summary>
public sealed class SendWindow
{
    public required string Key { get; set; }
    /// <summary>The last reserved slot (slot n starts at n × slot length, Unix time).</summary>
    public long LastSlot { get; set; }
}

internal sealed class SendWindowConfiguration : IEntityTypeConfiguration<SendWindow>
{
    public void Configure(EntityTypeBuilder<SendWindow> b)
    {
        b.ToTable("SendWindows");
        // One row per tenant: the key alone (two rows for one tenant would make every reservation fail).
        b.HasKey(w => w.Key);
        b.Property(w => w.Key).HasMaxLength(128);
    }
}

/// <summary>
/// Keeps proactive sending inside Teams' limit of about 50 requests per second per app per tenant, across
/// instances, and smoothly: each send reserves the next free slot of 1/rate seconds in the tenant's schedule (one
/// row, advanced in a short transaction in the shared database) and waits for it. Whole-second windows would let a
/// burst at the start of each second trip Teams' sliding one-second window. Real time on purpose: Teams' limits are
/// about real seconds, whatever clock the business logic runs on.
/// </summary>
public sealed class TenantPacer(IServiceScopeFactory scopes)
{
    /// <summary>The share of the rate that throttled sends may give back per second.</summary>
    private const double GiveBackShare = 0.06;

    private readonly Dictionary<string, (long Second, int Count)> _givenBack = new(StringComparer.Ordinal);

    /// <summary>Tenants whose schedule row this instance has seen created.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _scheduled = new(StringComparer.Ordinal);

    /// <summary>The send-schedule row of a tenant.</summary>
    private static string SlotsKey(string tenantId) => "tenant-slots:" + tenantId;

    /// <summary>The slot (1/<paramref name="perSecond"/> s wide, counted from the Unix epoch) an instant falls in.</summary>
    private static long SlotAt(long unixMs, int perSecond) => (long)(unixMs / (1000.0 / perSecond));

    public async Task WaitForSlotAsync(string tenantId, int perSecond, CancellationToken cancellationToken)
    {
        var key = SlotsKey(tenantId);
        var slotMs = 1000.0 / perSecond;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DiligenceDbContext>();
        while (true)
        {
            var nowMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var nowSlot = SlotAt(nowMs, perSecond);
            if (!_scheduled.ContainsKey(key))
            {
                await CreateScheduleAsync(db, key, nowSlot, cancellationToken);
                _scheduled.TryAdd(key, true);
            }

            long reserved;
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                var updated = await db.Set<SendWindow>().Where(w => w.Key == key)
                    .ExecuteUpdateAsync(s => s.SetProperty(w => w.LastSlot, w => w.LastSlot < nowSlot ? nowSlot : w.LastSlot + 1), cancellationToken);
                if (updated == 0)
                {
                    // The row is gone (a migration cleared the schedules): create it again.
                    _scheduled.TryRemove(key, out _);
                    continue;
                }

                reserved = await db.Set<SendWindow>().Where(w => w.Key == key).Select(w => w.LastSlot).SingleAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            var waitMs = reserved * slotMs - DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            if (waitMs > 1)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(waitMs), cancellationToken);
            }

            return;
        }
    }

    /// <summary>
    /// Creates the tenant's schedule row unless it exists, in one statement that cannot fail when senders (of any
    /// instance) race to create it at the start of a fan-out: an insert that loses the race does nothing, so no
    /// failed insert reaches the database's or EF Core's error log. Each provider says "insert unless present" its way.
    /// </summary>
    private static Task<int> CreateScheduleAsync(DiligenceDbContext db, string key, long slot, CancellationToken cancellationToken)
    {
        var entity = db.Model.FindEntityType(typeof(SendWindow))!;
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
        var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var keyColumn = sql.DelimitIdentifier(entity.FindProperty(nameof(SendWindow.Key))!.GetColumnName(store)!);
        var slotColumn = sql.DelimitIdentifier(entity.FindProperty(nameof(SendWindow.LastSlot))!.GetColumnName(store)!);
        var insert = db is SqlServerDiligenceDbContext
            // SQL Server has no ON CONFLICT; the key-range lock (UPDLOCK, HOLDLOCK) makes the check and the insert one step.
            ? $"INSERT INTO {table} ({keyColumn}, {slotColumn}) SELECT {{0}}, {{1}} WHERE NOT EXISTS (SELECT 1 FROM {table} WITH (UPDLOCK, HOLDLOCK) WHERE {keyColumn} = {{0}})"
            // SQLite (3.24+) and PostgreSQL (9.5+).
            : $"INSERT INTO {table} ({keyColumn}, {slotColumn}) VALUES ({{0}}, {{1}}) ON CONFLICT ({keyColumn}) DO NOTHING";
        return db.Database.ExecuteSqlRawAsync(insert, [key, slot], cancellationToken);
    }

    /// <summary>
    /// A send answered 429 was not accepted, and Teams' window counts accepted requests: its slot goes back to the
    /// schedule (when the schedule is ahead of now, the next reserved send moves one slot earlier), so throttled
    /// attempts do not eat into the tenant's rate. The throttled message itself waits out its Retry-After.
    /// </summary>
    public async Task GiveBackAsync(string tenantId, int perSecond, CancellationToken cancellationToken)
    {
        // At most a small share of the rate is given back per second and instance: enough for the occasional 429 that
        // Teams answers whatever the rate, but a real limit trip cannot turn into a stream of rejected requests.
        var second = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        lock (_givenBack)
        {
            var (atSecond, count) = _givenBack.GetValueOrDefault(tenantId);
            count = atSecond == second ? count : 0;
            if (count >= Math.Max(1, perSecond * GiveBackShare))
            {
                return;
            }

            _givenBack[tenantId] = (second, count + 1);
        }

        var key = SlotsKey(tenantId);
        var nowSlot = SlotAt(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), perSecond);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DiligenceDbContext>();
        await db.Set<SendWindow>().Where(w => w.Key == key && w.LastSlot > nowSlot)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.LastSlot, w => w.LastSlot - 1), cancellationToken);
    }
}
