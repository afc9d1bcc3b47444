namespace DiligenceBot.BotFramework.Authentication;

/// <summary>
/// One refresh at a time, run in the background so that no caller's cancellation stops it, with a growing
/// back-off after failures: what the signing-key cache and the outbound token share. Callers join the refresh in
/// flight instead of starting their own, so a hanging server costs one timeout, not one per caller.
/// </summary>
internal sealed class RefreshGate(TimeProvider time)
{
    private readonly object _gate = new();
    private Task? _inFlight;
    private long _retryAtTicks;
    private long _lastStartTicks = DateTimeOffset.MinValue.UtcTicks;
    private int _failures;

    /// <summary>Refreshes started so far.</summary>
    public int Started { get; private set; }

    /// <summary>True while failures keep a new refresh from starting.</summary>
    public bool BackingOff(DateTimeOffset now) => now.UtcTicks < Interlocked.Read(ref _retryAtTicks);

    /// <summary>How long ago the last refresh started.</summary>
    public TimeSpan SinceLastStart(DateTimeOffset now) => TimeSpan.FromTicks(now.UtcTicks - Interlocked.Read(ref _lastStartTicks));

    /// <summary>
    /// The refresh in flight; else, unless backing off or <paramref name="due"/> says no, a new run of
    /// <paramref name="refresh"/> (which must not throw and reports through <see cref="Succeeded"/> and
    /// <see cref="Failed"/>); else null.
    /// </summary>
    public Task? JoinOrStart(DateTimeOffset now, Func<DateTimeOffset, bool> due, Func<Task> refresh)
    {
        if (Volatile.Read(ref _inFlight) is { IsCompleted: false } running)
        {
            return running;
        }

        if (BackingOff(now) || !due(now))
        {
            return null;
        }

        lock (_gate)
        {
            if (_inFlight is { IsCompleted: false } started)
            {
                return started;
            }

            if (BackingOff(now) || !due(now))
            {
                return null;
            }

            Interlocked.Exchange(ref _lastStartTicks, now.UtcTicks);
            Started++;
            var task = Task.Run(async () =>
            {
                try
                {
                    await refresh();
                }
                finally
                {
                    lock (_gate)
                    {
                        _inFlight = null;
                    }
                }
            });
            Volatile.Write(ref _inFlight, task);
            return task;
        }
    }

    public void Succeeded()
    {
        lock (_gate)
        {
            _failures = 0;
            Interlocked.Exchange(ref _retryAtTicks, 0);
        }
    }

    /// <summary>Records a failure; no refresh starts for <paramref name="first"/>, doubled per further failure up to <paramref name="max"/>.</summary>
    /// <returns>That wait.</returns>
    public TimeSpan Failed(TimeSpan first, TimeSpan max)
    {
        lock (_gate)
        {
            _failures++;
            var delay = first * Math.Pow(2, Math.Min(_failures - 1, 20));
            delay = delay < max ? delay : max;
            Interlocked.Exchange(ref _retryAtTicks, (time.GetUtcNow() + delay).UtcTicks);
            return delay;
        }
    }
}
