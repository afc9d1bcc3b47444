using System.Collections.Concurrent;
using System.Reflection;
using DiligenceBot.Testing;

namespace Inbound.Bench;

/// <summary>
/// Counts the replies the targets send to the <see cref="LocalConnector"/> while keeping its memory flat: the
/// connector records every request (with its parsed body) for tests to assert on, which at thousands of replies a
/// second would grow by gigabytes. The tally drains the recorded requests a few times a second.
/// </summary>
internal sealed class ConnectorTally : IAsyncDisposable
{
    private readonly LocalConnector _connector;
    private readonly ConcurrentQueue<ConnectorRequest>? _queue;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _replies;
    private long _other;
    private long _withoutToken;
    private long _replyBytes;

    public ConnectorTally(LocalConnector connector)
    {
        _connector = connector;
        // The recorded-request queue is private to LocalConnector; draining it directly counts every request
        // exactly. If its shape ever changes, fall back to snapshot-and-clear (which can miss a request that
        // arrives between the two calls).
        _queue = typeof(LocalConnector).GetField("_requests", BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(connector)
            as ConcurrentQueue<ConnectorRequest>;
        _loop = Task.Run(LoopAsync);
    }

    public bool Exact => _queue is not null;

    /// <summary>Activities sent (POST/PUT to .../activities...).</summary>
    public long Replies => Interlocked.Read(ref _replies);
    /// <summary>Any other connector request (none expected).</summary>
    public long Other => Interlocked.Read(ref _other);
    /// <summary>Activities that arrived without an Authorization header (none expected: both bots authenticate).</summary>
    public long WithoutToken => Interlocked.Read(ref _withoutToken);
    /// <summary>Average body size of the activities sent.</summary>
    public double AverageReplyBytes => Replies == 0 ? 0 : (double)Interlocked.Read(ref _replyBytes) / Replies;

    public void Reset()
    {
        Drain();
        Interlocked.Exchange(ref _replies, 0);
        Interlocked.Exchange(ref _other, 0);
        Interlocked.Exchange(ref _withoutToken, 0);
        Interlocked.Exchange(ref _replyBytes, 0);
    }

    public void Drain()
    {
        if (_queue is not null)
        {
            while (_queue.TryDequeue(out var request))
            {
                Count(request);
            }

            return;
        }

        var snapshot = _connector.Requests;
        _connector.Clear();
        foreach (var request in snapshot)
        {
            Count(request);
        }
    }

    private void Count(ConnectorRequest request)
    {
        if (request.Method is "POST" or "PUT" && request.Path.Contains("/activities", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _replies);
            Interlocked.Add(ref _replyBytes, request.BodyLength);
            if (string.IsNullOrEmpty(request.Authorization))
            {
                Interlocked.Increment(ref _withoutToken);
            }
        }
        else
        {
            Interlocked.Increment(ref _other);
        }
    }

    private async Task LoopAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await Task.Delay(200, _stop.Token);
                Drain();
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
