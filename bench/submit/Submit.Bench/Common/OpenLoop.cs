using System.Diagnostics;

namespace DiligenceBot.Bench;

/// <summary>One request's outcome: planned time, how late it left, status, latency from the plan, the answer body.</summary>
public sealed class SendResult
{
    public double PlannedMs { get; set; }
    public double FireLagMs { get; set; }
    public int Status { get; set; }
    public double LatencyMs { get; set; }
    public byte[]? Body { get; set; }
    public string? Error { get; set; }
}

/// <summary>
/// Open-loop load: request i is sent at start + i/rate, whatever happened to earlier ones (a dedicated thread
/// fires each at its planned time and never waits for answers); latency counts from the planned time.
/// </summary>
public static class OpenLoop
{
    /// <param name="tokens">When given, request i carries <c>Authorization: Bearer tokens[i % count]</c> (a bot with an app id).</param>
    public static async Task<SendResult[]> RunAsync(HttpClient http, byte[][] bodies, int rate, IReadOnlyList<string>? tokens = null)
    {
        var results = bodies.Select(_ => new SendResult()).ToArray();
        var tasks = new Task[bodies.Length];
        var clock = Stopwatch.StartNew();
        var ticksPerRequest = (double)Stopwatch.Frequency / rate;
        var start = Stopwatch.Frequency / 50; // 20 ms from now
        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            for (var i = 0; i < bodies.Length; i++)
            {
                var planned = start + (long)(i * ticksPerRequest);
                while (clock.ElapsedTicks < planned)
                {
                    var remainingMs = (planned - clock.ElapsedTicks) * 1000.0 / Stopwatch.Frequency;
                    // Sleep in ~1 ms steps rather than spin: the machine has two cores and the bot needs them.
                    Thread.Sleep(remainingMs >= 1.0 ? 1 : 0);
                }

                results[i].PlannedMs = (planned - start) * 1000.0 / Stopwatch.Frequency;
                results[i].FireLagMs = (clock.ElapsedTicks - planned) * 1000.0 / Stopwatch.Frequency;
                tasks[i] = SendAsync(http, bodies[i], tokens is { Count: > 0 } t ? t[i % t.Count] : null, clock, planned, results[i]);
            }

            fired.SetResult();
        })
        {
            IsBackground = true,
            Priority = ThreadPriority.AboveNormal,
            Name = "open-loop scheduler",
        };
        thread.Start();
        await fired.Task;
        await Task.WhenAll(tasks);
        return results;
    }

    private static async Task SendAsync(HttpClient http, byte[] body, string? token, Stopwatch clock, long planned, SendResult result)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
            if (token is not null)
            {
                request.Headers.Authorization = new("Bearer", token);
            }

            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            var answer = await response.Content.ReadAsByteArrayAsync();
            result.LatencyMs = (clock.ElapsedTicks - planned) * 1000.0 / Stopwatch.Frequency;
            result.Status = (int)response.StatusCode;
            result.Body = answer;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            result.LatencyMs = (clock.ElapsedTicks - planned) * 1000.0 / Stopwatch.Frequency;
            result.Error = ex.GetType().Name + ": " + ex.Message;
        }
    }
}
