using System.Diagnostics.Metrics;

namespace DiligenceBot.Operations;

/// <summary>
/// The product's own meter, <c>DiligenceBot</c>: proactive sends by kind and outcome (a 429 is the outcome
/// <c>throttled</c>), how late the outbox sends what was due, and how many messages each schedule run fans out.
/// (Activities by type and outcome are on the protocol layer's meter, <c>DiligenceBot.BotFramework</c>.) Created from
/// the host's <see cref="IMeterFactory"/>: read them with dotnet-counters, or export them over OTLP.
/// </summary>
public sealed class DiligenceMetrics
{
    public const string MeterName = "DiligenceBot";

    private readonly Counter<long> _sends;
    private readonly Histogram<double> _outboxLag;
    private readonly Counter<long> _queued;

    public DiligenceMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _sends = meter.CreateCounter<long>("diligencebot.sends", "{message}", "Proactive messages handled by the outbox, by kind and outcome (sent, throttled = 429, unreachable, dropped = the conversation ended, failed, not_needed).");
        _outboxLag = meter.CreateHistogram<double>("diligencebot.outbox.lag", "s", "From when an outbox message was due to when a sender took it up.");
        _queued = meter.CreateCounter<long>("diligencebot.schedule.queued", "{message}", "Messages the schedule queued (reminders, digests, escalations, coaching), by kind: the fan-out of each run.");
    }

    public void Sent(string kind, string outcome) =>
        _sends.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", outcome));

    public void OutboxLag(TimeSpan lag) => _outboxLag.Record(Math.Max(0, lag.TotalSeconds));

    /// <summary>Counts newly queued scheduled messages, one measurement per kind.</summary>
    public void Queued(IEnumerable<Notifications.Notification> fresh)
    {
        foreach (var group in fresh.GroupBy(n => n.Kind, StringComparer.Ordinal))
        {
            _queued.Add(group.Count(), new KeyValuePair<string, object?>("kind", group.Key));
        }
    }
}
