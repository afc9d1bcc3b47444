using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DiligenceBot.Bench;

/// <summary>
/// A file sent to the signed bot in the 1:1 chat the way Teams carries it (a file download info attachment whose
/// pre-authenticated URL a local file server answers), timed from the activity's POST to the bot's answer at the
/// connector; and the bot's memory from /proc. Shared by the import benches (bench/records import, bench/scorecards
/// figures), which link this file.
/// </summary>
public static class ChatFile
{
    /// <summary>Posts the file's activity from <paramref name="lead"/>; the seconds to the bot's answer and its text.</summary>
    public static async Task<(double Seconds, string Text)> SendAsync(SignedBot host, HttpClient http, BenchManager lead, string name, string url)
    {
        host.Connector.Clear();
        var activity = TeamsActivity.Message(host.Connector.ServiceUrl, lead, string.Empty);
        activity["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = "application/vnd.microsoft.teams.file.download.info",
            ["contentUrl"] = "https://contoso.sharepoint.com/personal/lead/Documents/" + name,
            ["name"] = name,
            ["content"] = new JsonObject { ["downloadUrl"] = url, ["uniqueId"] = Guid.NewGuid().ToString(), ["fileType"] = "xlsx" },
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = new StringContent(activity.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", host.Token());
        var clock = Stopwatch.StartNew();
        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"the bot answered HTTP {(int)response.StatusCode}");
        }

        var reply = await host.Connector.WaitForAsync(r => r.Path.Contains("/activities", StringComparison.Ordinal) && r.Method == "POST", TimeSpan.FromMinutes(10))
            ?? throw new TimeoutException("no answer from the bot in 10 minutes; log: " + host.Bot.LogTail(20));
        var seconds = clock.Elapsed.TotalSeconds;
        return (seconds, reply.Body?["text"]?.GetValue<string>() ?? reply.Body?.ToJsonString() ?? string.Empty);
    }

    /// <summary>A /proc/PID/status figure in MB (VmRSS now, VmHWM the peak so far).</summary>
    public static long Memory(int pid, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
            }
        }

        return -1;
    }

    /// <summary>Serves files the way a pre-authenticated SharePoint download URL does: GET, no token.</summary>
    public sealed class Server : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private Server(WebApplication app) => _app = app;

        public string Url(string name) => _app.Urls.First().TrimEnd('/') + "/files/" + name;

        public static async Task<Server> StartAsync(Dictionary<string, byte[]> files)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            app.MapGet("/files/{name}", (string name) => files.TryGetValue(name, out var content)
                ? Results.File(content, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                : Results.NotFound());
            await app.StartAsync();
            return new Server(app);
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
