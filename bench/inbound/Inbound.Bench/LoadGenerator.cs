using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Inbound.Bench;

/// <summary>What one load run measured.</summary>
internal sealed class LoadResult
{
    /// <summary>Latencies (Stopwatch ticks) of requests that started and finished inside the measured window.</summary>
    public required long[] Latencies { get; init; }
    /// <summary>Measured requests answered with a non-2xx status, plus failed/timed-out requests in the window.</summary>
    public required long Errors { get; init; }
    /// <summary>Requests of the whole run (warm-up included) answered 2xx.</summary>
    public required long TotalOk { get; init; }
    /// <summary>Requests of the whole run (warm-up included) that were not answered 2xx.</summary>
    public required long TotalErrors { get; init; }
    public required IReadOnlyDictionary<int, long> StatusCounts { get; init; }
    public required IReadOnlyList<string> Failures { get; init; }
    public required double MeasuredSeconds { get; init; }
    /// <summary>2xx answers per whole second of the measured window (by the instant each answer arrived).</summary>
    public required long[] PerSecondWindows { get; init; }

    public double PerSecond => Latencies.Length / MeasuredSeconds;
}

/// <summary>
/// A closed-loop HTTP/1.1 load generator over raw sockets: N keep-alive connections, each sending one request and
/// waiting for its response before the next. Requests are pre-serialised (headers and body) so the generator spends
/// almost nothing per request; responses are parsed just enough (status, Content-Length or chunked body).
/// </summary>
internal sealed class LoadGenerator(IPEndPoint target, IReadOnlyList<byte[]> requests, int connections)
{
    private static readonly TimeSpan HardTimeout = TimeSpan.FromSeconds(15);

    private IPEndPoint Target { get; } = target;
    private IReadOnlyList<byte[]> Requests { get; } = requests;
    private int Connections { get; } = connections;

    public async Task<LoadResult> RunAsync(TimeSpan warmup, TimeSpan measured, Action<long, long>? onWindow = null)
    {
        var start = Stopwatch.GetTimestamp();
        var measureStart = start + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var measureEnd = measureStart + (long)(measured.TotalSeconds * Stopwatch.Frequency);
        using var abort = new CancellationTokenSource(warmup + measured + HardTimeout);

        var workers = new Worker[Connections];
        for (var i = 0; i < Connections; i++)
        {
            workers[i] = new Worker(this, i, measureStart, measureEnd, (int)(measured.TotalSeconds * 40_000 / Connections) + 16,
                (int)Math.Floor(measured.TotalSeconds));
        }

        onWindow?.Invoke(measureStart, measureEnd);
        var tasks = workers.Select(w => Task.Run(() => w.RunAsync(abort.Token))).ToArray();
        await Task.WhenAll(tasks);

        var latencies = workers.SelectMany(w => w.Latencies).ToArray();
        var statuses = new Dictionary<int, long>();
        foreach (var w in workers)
        {
            foreach (var (status, count) in w.Statuses)
            {
                statuses[status] = statuses.GetValueOrDefault(status) + count;
            }
        }

        return new LoadResult
        {
            Latencies = latencies,
            Errors = workers.Sum(w => w.MeasuredErrors),
            TotalOk = workers.Sum(w => w.TotalOk),
            TotalErrors = workers.Sum(w => w.TotalErrors),
            StatusCounts = statuses,
            Failures = workers.SelectMany(w => w.Failures).Distinct().Take(5).ToArray(),
            MeasuredSeconds = (double)(measureEnd - measureStart) / Stopwatch.Frequency,
            PerSecondWindows = [.. Enumerable.Range(0, workers[0].Windows.Length).Select(s => workers.Sum(w => w.Windows[s]))],
        };
    }

    private sealed class Worker(LoadGenerator owner, int index, long measureStart, long measureEnd, int capacity, int seconds)
    {
        private byte[] _buffer = new byte[16 * 1024];
        private int _start;
        private int _end;
        private Socket? _socket;

        public List<long> Latencies { get; } = new(capacity);
        public Dictionary<int, long> Statuses { get; } = [];
        public List<string> Failures { get; } = [];
        public long MeasuredErrors { get; private set; }
        public long TotalOk { get; private set; }
        public long TotalErrors { get; private set; }
        public long[] Windows { get; } = new long[Math.Max(1, seconds)];

        public async Task RunAsync(CancellationToken abort)
        {
            var requests = owner.Requests;
            var next = index;
            try
            {
                while (Stopwatch.GetTimestamp() < measureEnd && !abort.IsCancellationRequested)
                {
                    var request = requests[next % requests.Count];
                    next += owner.Connections;
                    var sent = Stopwatch.GetTimestamp();
                    int status;
                    bool close;
                    try
                    {
                        _socket ??= await ConnectAsync(owner.Target, abort);
                        await _socket.SendAsync(request, SocketFlags.None, abort);
                        (status, close) = await ReadResponseAsync(_socket, abort);
                    }
                    catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException or InvalidDataException)
                    {
                        Drop();
                        status = 0;
                        close = false;
                        if (Failures.Count < 3)
                        {
                            Failures.Add($"{ex.GetType().Name}: {ex.Message}");
                        }

                        if (!abort.IsCancellationRequested)
                        {
                            // Do not spin on a server that refuses connections.
                            await Task.Delay(10, CancellationToken.None);
                        }
                    }

                    var done = Stopwatch.GetTimestamp();
                    var ok = status is >= 200 and < 300;
                    if (ok)
                    {
                        TotalOk++;
                    }
                    else
                    {
                        TotalErrors++;
                    }

                    if (sent >= measureStart && (done <= measureEnd || !ok))
                    {
                        Statuses[status] = Statuses.GetValueOrDefault(status) + 1;
                        if (ok)
                        {
                            Latencies.Add(done - sent);
                            var second = (done - measureStart) / Stopwatch.Frequency;
                            if (second < Windows.Length)
                            {
                                Windows[second]++;
                            }
                        }
                        else
                        {
                            MeasuredErrors++;
                        }
                    }

                    if (close)
                    {
                        Drop();
                    }
                }
            }
            finally
            {
                Drop();
            }
        }

        private void Drop()
        {
            _socket?.Dispose();
            _socket = null;
            _start = _end = 0;
        }

        private static async Task<Socket> ConnectAsync(IPEndPoint target, CancellationToken abort)
        {
            var socket = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(target, abort);
                return socket;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        /// <summary>Reads one response; returns its status and whether the server will close the connection.</summary>
        private async ValueTask<(int Status, bool Close)> ReadResponseAsync(Socket socket, CancellationToken abort)
        {
            int headerEnd;
            while ((headerEnd = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n\r\n"u8)) < 0)
            {
                await FillAsync(socket, abort);
            }

            var (status, contentLength, chunked, close) = ParseHead(_buffer.AsSpan(_start, headerEnd));
            _start += headerEnd + 4;
            if (chunked)
            {
                while (true)
                {
                    var line = await ReadLineAsync(socket, abort);
                    var semicolon = line.IndexOf(';');
                    var size = Convert.ToInt32((semicolon >= 0 ? line[..semicolon] : line).Trim(), 16);
                    if (size == 0)
                    {
                        while ((await ReadLineAsync(socket, abort)).Length > 0)
                        {
                            // trailers
                        }

                        break;
                    }

                    await SkipAsync(socket, size + 2, abort);
                }
            }
            else if (contentLength > 0)
            {
                await SkipAsync(socket, contentLength, abort);
            }
            else if (contentLength < 0 && close)
            {
                // Body delimited by connection close: nothing more to read for this bench's small answers.
                _start = _end;
            }

            return (status, close);
        }

        private static (int Status, long ContentLength, bool Chunked, bool Close) ParseHead(ReadOnlySpan<byte> head)
        {
            var lineEnd = head.IndexOf("\r\n"u8);
            var statusLine = lineEnd >= 0 ? head[..lineEnd] : head;
            if (statusLine.Length < 12 || !statusLine.StartsWith("HTTP/1."u8)
                || !int.TryParse(Encoding.ASCII.GetString(statusLine.Slice(9, 3)), out var status))
            {
                throw new InvalidDataException("Malformed HTTP status line.");
            }

            var http10 = statusLine[7] == (byte)'0';
            long contentLength = -1;
            var chunked = false;
            var close = http10;
            var rest = lineEnd >= 0 ? head[(lineEnd + 2)..] : [];
            while (rest.Length > 0)
            {
                var end = rest.IndexOf("\r\n"u8);
                var line = end >= 0 ? rest[..end] : rest;
                rest = end >= 0 ? rest[(end + 2)..] : [];
                var colon = line.IndexOf((byte)':');
                if (colon <= 0)
                {
                    continue;
                }

                var name = line[..colon];
                var value = line[(colon + 1)..].Trim((byte)' ');
                if (System.Text.Ascii.EqualsIgnoreCase(name, "content-length"u8))
                {
                    contentLength = long.Parse(Encoding.ASCII.GetString(value), System.Globalization.CultureInfo.InvariantCulture);
                }
                else if (System.Text.Ascii.EqualsIgnoreCase(name, "transfer-encoding"u8))
                {
                    chunked = value.IndexOf("chunked"u8) >= 0;
                }
                else if (System.Text.Ascii.EqualsIgnoreCase(name, "connection"u8))
                {
                    close = System.Text.Ascii.EqualsIgnoreCase(value, "close"u8) || (http10 && !System.Text.Ascii.EqualsIgnoreCase(value, "keep-alive"u8));
                }
            }

            return (status, contentLength, chunked, close);
        }

        private async ValueTask<string> ReadLineAsync(Socket socket, CancellationToken abort)
        {
            int end;
            while ((end = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n"u8)) < 0)
            {
                await FillAsync(socket, abort);
            }

            var line = Encoding.ASCII.GetString(_buffer, _start, end);
            _start += end + 2;
            return line;
        }

        private async ValueTask SkipAsync(Socket socket, long count, CancellationToken abort)
        {
            while (count > 0)
            {
                if (_start == _end)
                {
                    await FillAsync(socket, abort);
                }

                var take = (int)Math.Min(count, _end - _start);
                _start += take;
                count -= take;
            }
        }

        private async ValueTask FillAsync(Socket socket, CancellationToken abort)
        {
            if (_start == _end)
            {
                _start = _end = 0;
            }
            else if (_end == _buffer.Length)
            {
                if (_start > 0)
                {
                    Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                    _end -= _start;
                    _start = 0;
                }
                else
                {
                    Array.Resize(ref _buffer, _buffer.Length * 2);
                }
            }

            var read = await socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, abort);
            if (read == 0)
            {
                throw new IOException("The server closed the connection.");
            }

            _end += read;
        }
    }
}
