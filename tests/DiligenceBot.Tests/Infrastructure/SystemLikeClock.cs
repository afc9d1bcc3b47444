namespace DiligenceBot.Tests.Infrastructure;

/// <summary>
/// A test's clock read the way the system clock reads: <see cref="GetUtcNow"/> always has offset 0, whatever offset the
/// test set its fake clock with (tests write Shanghai times, the real <see cref="TimeProvider.System"/> never returns
/// them). Timers and timestamps are the inner clock's.
/// </summary>
public sealed class SystemLikeClock(TimeProvider inner) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow().ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);
}
