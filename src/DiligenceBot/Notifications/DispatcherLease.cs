using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiligenceBot.Notifications;

/// <summary>
/// A running dispatcher instance, alive while it renews its lease (a heartbeat every quarter of
/// <c>Scheduling:DispatcherLease</c>). The messages it claimed name it (<see cref="Notification.ClaimedBy"/>): when
/// its lease has run out (killed, host gone) any instance releases those claims, so its work is picked up seconds
/// after it died instead of when the claims run out. Real time, like the claims it protects.
/// </summary>
public sealed class DispatcherLease
{
    /// <summary>A fresh id per process start (and per lease lost and taken again).</summary>
    public required string InstanceId { get; set; }
    /// <summary>Machine name and process id, to tell instances apart when reading the table.</summary>
    public required string Host { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset LeaseUntil { get; set; }
}

internal sealed class DispatcherLeaseConfiguration : IEntityTypeConfiguration<DispatcherLease>
{
    public void Configure(EntityTypeBuilder<DispatcherLease> b)
    {
        b.ToTable("DispatcherLeases");
        b.HasKey(l => l.InstanceId);
        b.Property(l => l.InstanceId).HasMaxLength(64);
        b.Property(l => l.Host).HasMaxLength(128);
    }
}

/// <summary>
/// This instance's lease (<see cref="DispatcherLease"/>): taken at start, renewed by the dispatcher's heartbeat,
/// given up on a clean stop. Also releases the claims of instances whose lease has run out. A lease this instance
/// failed to renew in time is never taken up again: the instance continues under a new id, and whatever it held
/// under the old one is left to the release (another instance may already have sent it).
/// </summary>
public sealed class DispatcherLeaseKeeper(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<Scheduling.SchedulingOptions> scheduling)
{
    private readonly string _host = $"{Environment.MachineName}:{Environment.ProcessId}";
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _working = new(StringComparer.Ordinal);
    private string? _instanceId;
    private DateTimeOffset _holdsUntil = DateTimeOffset.MinValue;

    private TimeSpan Lease => scheduling.Value.DispatcherLease;

    /// <summary>Heartbeat interval: a quarter of the lease, so two missed beats still leave the lease valid.</summary>
    public TimeSpan Heartbeat => Lease / 4;

    /// <summary>The id claims are made under now (null before the first renewal).</summary>
    public string? InstanceId => Volatile.Read(ref _instanceId);

    /// <summary>
    /// True while <paramref name="owner"/> is this instance's current id and its lease is safely inside its term (a
    /// quarter of the lease short of it, for clock differences between instances): only then may a claimed message be
    /// sent, because after that another instance may take it over.
    /// </summary>
    public bool Holds(string owner)
    {
        lock (_host)
        {
            return owner == _instanceId && TimeProvider.System.GetUtcNow() < _holdsUntil;
        }
    }

    /// <summary>
    /// Marks a delivery under <paramref name="owner"/> as under way until the result is disposed: while it is, the claims
    /// of that id are not released by this instance, even when the id's lease ran out meanwhile (a starved process that
    /// continued under a new id), so a message whose send is in flight is never handed to the new id and sent again.
    /// </summary>
    public IDisposable Working(string owner)
    {
        _working.AddOrUpdate(owner, 1, (_, n) => n + 1);
        return new Done(this, owner);
    }

    private sealed class Done(DispatcherLeaseKeeper keeper, string owner) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                var left = keeper._working.AddOrUpdate(owner, 0, (_, n) => n - 1);
                if (left <= 0)
                {
                    keeper._working.TryRemove(new KeyValuePair<string, int>(owner, left));
                }
            }
        }
    }

    /// <summary>Renews the lease (taking one on the first call); false when the lease had run out and a new id was taken.</summary>
    public async Task<bool> RenewAsync(CancellationToken cancellationToken)
    {
        var now = TimeProvider.System.GetUtcNow();
        var until = now + Lease;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.DiligenceDbContext>();
        var current = InstanceId;
        if (current is not null)
        {
            var renewed = await db.Set<DispatcherLease>().Where(l => l.InstanceId == current && l.LeaseUntil >= now)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.LeaseUntil, until), cancellationToken);
            if (renewed == 1)
            {
                Keep(current, now);
                return true;
            }
        }

        var fresh = Guid.NewGuid().ToString("N");
        db.Set<DispatcherLease>().Add(new DispatcherLease { InstanceId = fresh, Host = _host, StartedAt = now, LeaseUntil = until });
        await db.SaveChangesAsync(cancellationToken);
        Keep(fresh, now);
        return current is null;
    }

    private void Keep(string instanceId, DateTimeOffset renewedAt)
    {
        lock (_host)
        {
            _instanceId = instanceId;
            _holdsUntil = renewedAt + (Lease * 0.75);
        }
    }

    /// <summary>
    /// Releases the claims of every instance without a live lease (dead, or never registered) and forgets leases that
    /// ran out a while ago; returns the number of messages released. Never the claims of an id this instance still
    /// delivers under (<see cref="Working"/>): those are settled by the delivery itself.
    /// </summary>
    public async Task<int> ReleaseDeadClaimsAsync(CancellationToken cancellationToken)
    {
        var now = TimeProvider.System.GetUtcNow();
        var ownInFlight = _working.Where(w => w.Value > 0).Select(w => w.Key).ToList();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.DiligenceDbContext>();
        var released = await db.Set<Notification>()
            .Where(n => n.Status == NotificationStatus.Pending && n.ClaimedBy != null && !ownInFlight.Contains(n.ClaimedBy)
                && !db.Set<DispatcherLease>().Any(l => l.InstanceId == n.ClaimedBy && l.LeaseUntil >= now))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ClaimedBy, (string?)null).SetProperty(n => n.ClaimedUntil, (DateTimeOffset?)null), cancellationToken);
        var forgotten = now - (Lease * 6);
        await db.Set<DispatcherLease>().Where(l => l.LeaseUntil < forgotten).ExecuteDeleteAsync(cancellationToken);
        return released;
    }

    /// <summary>On a clean stop: hands back what this instance still holds and ends its lease, so nothing waits for it.</summary>
    public async Task ReleaseOwnAsync(CancellationToken cancellationToken)
    {
        var current = InstanceId;
        if (current is null)
        {
            return;
        }

        lock (_host)
        {
            _holdsUntil = DateTimeOffset.MinValue;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.DiligenceDbContext>();
        await db.Set<Notification>().Where(n => n.ClaimedBy == current && n.Status == NotificationStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ClaimedBy, (string?)null).SetProperty(n => n.ClaimedUntil, (DateTimeOffset?)null), cancellationToken);
        await db.Set<DispatcherLease>().Where(l => l.InstanceId == current).ExecuteDeleteAsync(cancellationToken);
    }
}
