using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using DiligenceBot.Bench;
using DiligenceBot.Testing;
using Microsoft.Data.Sqlite;

// bench/faults: one team of N managers in one tenant gets a reminder every --spacing-minutes (one reminder offset per
// fan-out). In each of the first --crashes fan-outs the bot is killed (SIGKILL) when a random 25-75 % of the managers
// have theirs, and started again on the same database; then the connector fails --fault-share of the sends of the
// last fan-out (500, 502, 503, timeout in equal parts). Every figure comes from the connector's own record.
var options = BenchTools.Options(args);
var managerCount = BenchTools.Int(options, "managers", 2000);
var crashes = BenchTools.Int(options, "crashes", 10);
var spacing = BenchTools.Int(options, "spacing-minutes", 2);
var faultShare = BenchTools.Double(options, "fault-share", 0.2);
var randomSeed = BenchTools.Int(options, "seed", 1);
var repo = options.GetValueOrDefault("repo") ?? throw new ArgumentException("--repo is required");
var botDll = options.GetValueOrDefault("bot-dll") ?? Path.Combine(repo, "src/DiligenceBot/bin/Release/net10.0/DiligenceBot.dll");
var keep = options.ContainsKey("keep");
// A send without an answer after 3 s counts as failed (the default is 20 s): the connector's injected timeouts hold
// 10 s, and 8 senders each stuck 20 s on one would make the run long without changing what it shows.
var botEnvironment = BenchTools.BotEnvironment(options, new Dictionary<string, string>
{
    ["Scheduling__Enabled"] = "true",
    ["Scheduling__SendTimeout"] = "00:00:03",
});
if (managerCount < 1 || crashes < 0 || spacing < 1)
{
    throw new ArgumentException("--managers must be at least 1, --crashes at least 0 and --spacing-minutes at least 1");
}

var random = new Random(randomSeed);
var workDir = Path.Combine(Path.GetTempPath(), "diligencebot-bench-faults-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(workDir);
await using var connector = await LocalConnector.StartAsync();
if (!await BenchTools.WaitForQuietAsync(TimeSpan.FromMinutes(15)))
{
    Console.WriteLine("Inbound.Bench is still running after 15 minutes; giving up.");
    return 3;
}

// Fan-out k falls due at first + k * spacing (k = crashes is the faulty connector's); the meeting is 2 minutes after
// the last, so every fan-out is the reminder with its own offset, and the escalations (at the meeting) come after.
var fanOuts = crashes + 1;
var expectedSetup = TimeSpan.FromSeconds(60 + (managerCount / 12.0));
var earliest = DateTimeOffset.UtcNow + expectedSetup;
var firstDue = new DateTimeOffset(earliest.Year, earliest.Month, earliest.Day, earliest.Hour, earliest.Minute, 0, TimeSpan.Zero).AddMinutes(1);
var meeting = firstDue.AddMinutes(((fanOuts - 1) * spacing) + 2);
var dues = Enumerable.Range(0, fanOuts).Select(k => firstDue.AddMinutes(k * spacing)).ToList();
var offsets = dues.Select(d => (int)(meeting - d).TotalMinutes).ToList();
var meetingLocal = TimeZoneInfo.ConvertTime(meeting, BenchTools.Shanghai);
if (TimeZoneInfo.ConvertTime(firstDue, BenchTools.Shanghai).Date != meetingLocal.Date)
{
    Console.WriteLine("The fan-outs would cross midnight in Asia/Shanghai (16:00 UTC); start the bench a little later.");
    return 3;
}

var (managers, lead) = BenchSeed.People(20261206, ("f-", managerCount));
var seed = new BenchSeed { Managers = managers, Lead = lead, MeetingTime = meetingLocal.ToString("HH:mm", CultureInfo.InvariantCulture), ReminderOffsets = offsets };
var seedFolder = Path.Combine(workDir, "seeds");
seed.WriteTo(seedFolder, Path.Combine(repo, "seeds"));
var byConversation = managers.Select(m => m.ConversationId).ToHashSet(StringComparer.Ordinal);
Console.WriteLine($"seed: one team of {managerCount} managers; meeting {seed.MeetingTime} Asia/Shanghai; {fanOuts} reminder fan-outs every {spacing} min from {TimeZoneInfo.ConvertTime(firstDue, BenchTools.Shanghai):HH:mm} (offsets {string.Join(",", offsets)})");

Console.WriteLine("starting DiligenceBot (Release, SQLite, Hangfire on)...");
var bot = await BotProcess.StartAsync(botDll, workDir, seedFolder, botEnvironment, TimeSpan.FromSeconds(180));
Console.WriteLine($"bot up at {bot.BaseAddress} (pid {bot.ProcessId}); log {bot.LogPath}; settings: {string.Join(", ", botEnvironment.Select(kv => $"{kv.Key}={kv.Value}"))}");
var exitCode = 0;
var crashRows = new List<(int Delivered, int Lost, int Duplicates, int InFlight, double RestartToLast, double DownSeconds)>();
try
{
    using (var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = bot.BaseAddress, Timeout = TimeSpan.FromSeconds(60) })
    {
        var failedInstalls = 0;
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < managers.Count)
            {
                using var content = new StringContent(TeamsActivity.InstallationAdd(connector.ServiceUrl, managers[i]).ToJsonString(), Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(new Uri("api/messages", UriKind.Relative), content);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failedInstalls);
                }
            }
        }));
        Console.WriteLine($"installed {managerCount - failedInstalls} of {managerCount} managers in {watch.Elapsed.TotalSeconds:0.0} s");
        if (failedInstalls > 0)
        {
            Console.WriteLine(bot.LogTail(20));
            return 2;
        }
    }

    if (DateTimeOffset.UtcNow > firstDue - TimeSpan.FromSeconds(2))
    {
        Console.WriteLine("WARNING: the set-up ended after the first fan-out was due; its first sends are not watched.");
    }

    for (var k = 0; k < fanOuts; k++)
    {
        var faulty = k == crashes;
        var due = dues[k];
        await WaitUntilAsync(due - TimeSpan.FromSeconds(3));
        connector.Clear();
        if (faulty)
        {
            connector.InjectFaults(faultShare, randomSeed, TimeSpan.FromSeconds(10));
        }

        var (accepted, _) = Reached();
        var watchUntil = due + TimeSpan.FromMinutes(faulty ? 8 : spacing) - TimeSpan.FromSeconds(8);
        var label = faulty ? $"faults   ({faultShare:P0} of sends fail)" : $"crash {k + 1,2}";
        if (!faulty)
        {
            // The kill: when a random 25-75 % of the managers have their reminder.
            var killAt = (int)(managerCount * (0.25 + (random.NextDouble() * 0.5)));
            while ((accepted = Reached().Conversations) < killAt && DateTimeOffset.UtcNow < watchUntil)
            {
                await Task.Delay(10);
            }

            var killedAt = DateTimeOffset.UtcNow;
            await bot.KillAsync();
            var atKill = Reached().Conversations;
            await bot.DisposeAsync();
            var restartAt = DateTimeOffset.UtcNow;
            bot = await BotProcess.StartAsync(botDll, workDir, seedFolder, botEnvironment, TimeSpan.FromSeconds(180));
            var upAt = DateTimeOffset.UtcNow;
            var last = await WaitForAllAsync(watchUntil);
            var sends = Sends();
            var delivered = sends.Select(r => r.ConversationId).Distinct(StringComparer.Ordinal).Count();
            var duplicates = connector.DuplicatesByContent(ReminderOfThisFanOut).Where(d => byConversation.Contains(d.Key)).Sum(d => d.Value);
            var restartToLast = last is { } l ? (l - restartAt).TotalSeconds : double.NaN;
            crashRows.Add((delivered, managerCount - delivered, duplicates, atKill, restartToLast, (upAt - restartAt).TotalSeconds));
            Console.WriteLine($"{label}: killed at {atKill} of {managerCount} reached ({(killedAt - due).TotalSeconds:0.0} s after due); up again in {(upAt - restartAt).TotalSeconds:0.0} s; delivered {delivered}, lost {managerCount - delivered}, duplicates {duplicates}, restart -> last delivery {restartToLast:0.0} s");
        }
        else
        {
            var last = await WaitForAllAsync(watchUntil);
            connector.InjectFaults(0);
            var sends = Sends();
            var delivered = sends.Select(r => r.ConversationId).Distinct(StringComparer.Ordinal).Count();
            var duplicates = connector.DuplicatesByContent(ReminderOfThisFanOut).Where(d => byConversation.Contains(d.Key)).Sum(d => d.Value);
            var faults = connector.FaultsInjected;
            var requests = connector.Requests.Count(r => r.IsSend && r.ConversationId is { } c && byConversation.Contains(c));
            var first = connector.Requests.Where(r => r.IsSend).Select(r => r.At).DefaultIfEmpty(due).Min();
            var outbox = Outbox(bot.DatabasePath, offsets[k]);
            Console.WriteLine($"{label}: {requests} requests; injected: {string.Join(", ", faults.OrderBy(f => f.Key).Select(f => $"{f.Value} x {(f.Key == ConnectorFault.Timeout ? "timeout" : ((int)f.Key).ToString(CultureInfo.InvariantCulture))}"))}");
            Console.WriteLine($"{label}: outbox for this fan-out: {outbox.Summary}");
            Console.WriteLine($"{label}: first send -> last delivery {(last is { } l ? (l - first).TotalSeconds : double.NaN):0.0} s");
            var faultLine = $"faults: {managerCount} reminders, {faultShare:P0} of sends failing (500/502/503/timeout): delivered {delivered}, lost {managerCount - delivered}, duplicated {duplicates}, retried later {outbox.RetriedLater} (up to {outbox.MaxAttempts} attempts), marked failed {outbox.Failed}";
            crashRows.Add((-1, managerCount - delivered, duplicates, 0, 0, 0));
            Console.WriteLine();
            Summary(faultLine);
        }
    }
}
finally
{
    await bot.DisposeAsync();
    SqliteConnection.ClearAllPools();
    if (!keep)
    {
        try
        {
            Directory.Delete(workDir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
    else
    {
        Console.WriteLine($"kept {workDir}");
    }
}

return exitCode;

// The reminder's content for duplicate counting: the card says "in N minutes", which a copy sent a minute later says
// differently, so within one fan-out every reminder to a conversation is the same message.
static string ReminderOfThisFanOut(ConnectorRequest request) => "reminder";

// Sends the connector accepted to the managers since the last Clear.
List<ConnectorRequest> Sends() => connector.AcceptedSends.Where(r => r.ConversationId is { } c && byConversation.Contains(c)).ToList();

(int Conversations, int Sends) Reached()
{
    var sends = Sends();
    return (sends.Select(r => r.ConversationId).Distinct(StringComparer.Ordinal).Count(), sends.Count);
}

// Until every manager has this fan-out's reminder (then 3 s more for late duplicates) or the watch ends; the instant
// of the last accepted send.
async Task<DateTimeOffset?> WaitForAllAsync(DateTimeOffset until)
{
    while (Reached().Conversations < managerCount && DateTimeOffset.UtcNow < until)
    {
        await Task.Delay(100);
    }

    if (Reached().Conversations >= managerCount)
    {
        await Task.Delay(TimeSpan.FromSeconds(3));
    }

    var sends = Sends();
    return sends.Count == 0 ? null : sends.Max(r => r.At);
}

static async Task WaitUntilAsync(DateTimeOffset at)
{
    var wait = at - DateTimeOffset.UtcNow;
    if (wait > TimeSpan.Zero)
    {
        await Task.Delay(wait);
    }
}

void Summary(string faultLine)
{
    var crashed = crashRows.Where(r => r.Delivered >= 0).ToList();
    if (crashed.Count > 0)
    {
        var times = crashed.Select(r => r.RestartToLast).Order().ToList();
        Console.WriteLine($"crashes: {crashed.Count} x kill -9 during a {managerCount}-reminder fan-out (SQLite): delivered {crashed.Sum(r => r.Delivered)} of {crashed.Count * managerCount}, lost {crashed.Sum(r => r.Lost)}; duplicates per crash {string.Join(" ", crashed.Select(r => r.Duplicates))} (total {crashed.Sum(r => r.Duplicates)})");
        Console.WriteLine($"crashes: restart -> last delivery per crash (s): {string.Join(" ", crashed.Select(r => r.RestartToLast.ToString("0.0", CultureInfo.InvariantCulture)))}; median {times[times.Count / 2]:0.0} s, max {times[^1]:0.0} s (of which the bot's start-up: median {crashed.Select(r => r.DownSeconds).Order().ElementAt(crashed.Count / 2):0.0} s)");
    }

    Console.WriteLine(faultLine);
    if (crashRows.Any(r => r.Lost > 0))
    {
        exitCode = 1;
    }
}

// The outbox rows of one fan-out (the reminder with this offset): how many needed a later attempt, the most attempts, failed.
static (string Summary, int RetriedLater, int MaxAttempts, int Failed) Outbox(string databasePath, int offset)
{
    using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = "SELECT Status, Attempts, COUNT(*) FROM Notifications WHERE Kind = 'schedule.reminder' AND Revision = $offset GROUP BY Status, Attempts ORDER BY Status, Attempts";
    command.Parameters.AddWithValue("$offset", offset);
    using var reader = command.ExecuteReader();
    var parts = new List<string>();
    int retried = 0, maxAttempts = 0, failed = 0;
    while (reader.Read())
    {
        var (status, attempts, count) = (reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2));
        parts.Add($"{status} after {attempts}: {count}");
        retried += attempts > 1 ? count : 0;
        maxAttempts = Math.Max(maxAttempts, attempts);
        failed += status == "Failed" ? count : 0;
    }

    return (string.Join("; ", parts), retried, maxAttempts, failed);
}
