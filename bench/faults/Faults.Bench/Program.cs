using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using DiligenceBot.Bench;
using DiligenceBot.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

// bench/faults: one team of N managers in one tenant gets a reminder every --spacing-minutes (one reminder offset per
// fan-out). In each of the first --crashes fan-outs the bot is killed (SIGKILL) when a random 25-75 % of the managers
// have theirs, and started again on the same database; then the connector fails --fault-share of the sends of the
// last fan-out (500, 502, 503, timeout in equal parts). The same scenario runs on SQLite and on PostgreSQL, one after
// the other, and the table comparing them is printed last. Deliveries come from the connector's record, matched to the
// outbox's notifications by the activity id the connector answered with.
var options = BenchTools.Options(args);
var managerCount = BenchTools.Int(options, "managers", 2000);
var crashes = BenchTools.Int(options, "crashes", 10);
var spacing = BenchTools.Int(options, "spacing-minutes", 2);
var faultShare = BenchTools.Double(options, "fault-share", 0.2);
var randomSeed = BenchTools.Int(options, "seed", 1);
var repo = options.GetValueOrDefault("repo") ?? throw new ArgumentException("--repo is required");
var botDll = options.GetValueOrDefault("bot-dll") ?? Path.Combine(repo, "src/DiligenceBot/bin/Release/net10.0/DiligenceBot.dll");
var keep = options.ContainsKey("keep");
var postgresServer = options.GetValueOrDefault("postgres");
string[] providers = (options.GetValueOrDefault("provider") ?? "both") switch
{
    "both" => ["Sqlite", "PostgreSql"],
    "Sqlite" => ["Sqlite"],
    "PostgreSql" => ["PostgreSql"],
    var other => throw new ArgumentException($"--provider must be Sqlite, PostgreSql or both, not '{other}'"),
};
if (providers.Contains("PostgreSql") && string.IsNullOrEmpty(postgresServer))
{
    throw new ArgumentException("--postgres \"Host=...;Port=...;Username=...\" is required for PostgreSql (run.sh passes scripts/postgres.sh's)");
}

// A send without an answer after 3 s counts as failed (the default is 20 s): the connector's injected timeouts hold
// 10 s, and 8 senders each stuck 20 s on one would make the run long without changing what it shows.
var sendTimeout = TimeSpan.FromSeconds(3);
var botEnvironment = BenchTools.BotEnvironment(options, new Dictionary<string, string>
{
    ["Scheduling__Enabled"] = "true",
    ["Scheduling__SendTimeout"] = sendTimeout.ToString("c", CultureInfo.InvariantCulture),
});
if (managerCount < 1 || crashes < 0 || spacing < 1)
{
    throw new ArgumentException("--managers must be at least 1, --crashes at least 0 and --spacing-minutes at least 1");
}

// A send the connector accepted before a kill and whose outcome no outbox row recorded was in flight when the process
// died (the at-least-once window): accepted at most this long before the process was gone (the send timeout, plus the
// save that follows it on a loaded machine). Any other unrecorded delivery is a duplicate of another cause.
var crashWindow = sendTimeout + TimeSpan.FromSeconds(5);

if (!await BenchTools.WaitForQuietAsync(TimeSpan.FromMinutes(15)))
{
    Console.WriteLine("Inbound.Bench is still running after 15 minutes; giving up.");
    return 3;
}

var results = new List<RunResult>();
foreach (var provider in providers)
{
    results.Add(await RunAsync(provider));
}

Console.WriteLine();
Console.WriteLine($"bench/faults: {managerCount} managers, {crashes} x kill -9 mid fan-out (one every {spacing} min), then {faultShare:P0} of sends failing (500/502/503/timeout); seed {randomSeed}");
PrintTable(results);
return results.Any(r => r.Failed) ? 1 : 0;

async Task<RunResult> RunAsync(string provider)
{
    var random = new Random(randomSeed);
    var workDir = Path.Combine(Path.GetTempPath(), "diligencebot-bench-faults-" + Guid.NewGuid().ToString("N")[..8]);
    Directory.CreateDirectory(workDir);
    var environment = new Dictionary<string, string>(botEnvironment, StringComparer.Ordinal);
    var database = new BenchDatabase(provider, workDir, postgresServer);
    foreach (var (key, value) in database.BotSettings)
    {
        environment[key] = value;
    }

    await using var connector = await LocalConnector.StartAsync();

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
        throw new InvalidOperationException("The fan-outs would cross midnight in Asia/Shanghai (16:00 UTC); start the bench a little later.");
    }

    var (managers, lead) = BenchSeed.People(20261206, ("f-", managerCount));
    var seed = new BenchSeed { Managers = managers, Lead = lead, MeetingTime = meetingLocal.ToString("HH:mm", CultureInfo.InvariantCulture), ReminderOffsets = offsets };
    var seedFolder = Path.Combine(workDir, "seeds");
    seed.WriteTo(seedFolder, Path.Combine(repo, "seeds"));
    var conversationOf = managers.ToDictionary(m => m.PersonId, m => m.ConversationId, StringComparer.Ordinal);
    var byConversation = managers.Select(m => m.ConversationId).ToHashSet(StringComparer.Ordinal);
    Console.WriteLine($"[{provider}] seed: one team of {managerCount} managers; meeting {seed.MeetingTime} Asia/Shanghai; {fanOuts} reminder fan-outs every {spacing} min from {TimeZoneInfo.ConvertTime(firstDue, BenchTools.Shanghai):HH:mm} (offsets {string.Join(",", offsets)})");

    Console.WriteLine($"[{provider}] starting DiligenceBot (Release, {provider}, Hangfire on)...");
    var bot = await BotProcess.StartAsync(botDll, workDir, seedFolder, environment, TimeSpan.FromSeconds(180));
    Console.WriteLine($"[{provider}] bot up at {bot.BaseAddress} (pid {bot.ProcessId}); log {bot.LogPath}");
    var crashEvents = new List<CrashEvent>();
    DateTimeOffset? faultyFirstSend = null, faultyLast = null;
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
            Console.WriteLine($"[{provider}] installed {managerCount - failedInstalls} of {managerCount} managers in {watch.Elapsed.TotalSeconds:0.0} s");
            if (failedInstalls > 0)
            {
                throw new InvalidOperationException($"{failedInstalls} installs failed:\n{bot.LogTail(20)}");
            }
        }

        if (DateTimeOffset.UtcNow > firstDue - TimeSpan.FromSeconds(2))
        {
            Console.WriteLine($"[{provider}] WARNING: the set-up ended after the first fan-out was due; its first sends are not watched.");
        }

        for (var k = 0; k < fanOuts; k++)
        {
            var faulty = k == crashes;
            var due = dues[k];
            await WaitUntilAsync(due - TimeSpan.FromSeconds(3));
            // This fan-out's window: sends accepted from now on (the connector keeps every request of the run).
            var windowStart = DateTimeOffset.UtcNow;
            if (faulty)
            {
                connector.InjectFaults(faultShare, randomSeed, TimeSpan.FromSeconds(10));
            }

            var watchUntil = due + TimeSpan.FromMinutes(faulty ? 8 : spacing) - TimeSpan.FromSeconds(8);
            if (!faulty)
            {
                // The kill: when a random 25-75 % of the managers have their reminder.
                var killAt = (int)(managerCount * (0.25 + (random.NextDouble() * 0.5)));
                while (Reached(windowStart) < killAt && DateTimeOffset.UtcNow < watchUntil)
                {
                    await Task.Delay(50);
                }

                var killedAt = DateTimeOffset.UtcNow;
                await bot.KillAsync();
                var goneAt = DateTimeOffset.UtcNow;
                var atKill = Reached(windowStart);
                await bot.DisposeAsync();
                var restartAt = DateTimeOffset.UtcNow;
                bot = await BotProcess.StartAsync(botDll, workDir, seedFolder, environment, TimeSpan.FromSeconds(180));
                var upAt = DateTimeOffset.UtcNow;
                var last = await WaitForAllAsync(windowStart, watchUntil);
                var restartToLast = last is { } l && l > restartAt ? (l - restartAt).TotalSeconds : double.NaN;
                crashEvents.Add(new CrashEvent(k + 1, offsets[k], killedAt, goneAt, (upAt - restartAt).TotalSeconds, restartToLast));
                Console.WriteLine($"[{provider}] crash {k + 1,2}: killed at {atKill} of {managerCount} reached ({(killedAt - due).TotalSeconds:0.0} s after due); up again in {(upAt - restartAt).TotalSeconds:0.0} s; {Reached(windowStart)} reached in the window; restart -> last delivery {restartToLast:0.0} s");
            }
            else
            {
                faultyLast = await WaitForAllAsync(windowStart, watchUntil);
                connector.InjectFaults(0);
                faultyFirstSend = Sends(windowStart).Select(r => r.At).DefaultIfEmpty(due).Min();
                var faults = connector.FaultsInjected;
                Console.WriteLine($"[{provider}] faults: injected {string.Join(", ", faults.OrderBy(f => f.Key).Select(f => $"{f.Value} x {(f.Key == ConnectorFault.Timeout ? "timeout" : ((int)f.Key).ToString(CultureInfo.InvariantCulture))}"))}; {Reached(windowStart)} reached in the window");
            }
        }

        // Every reminder settled (sent, or given up) before counting, at most 5 minutes more.
        var drainUntil = DateTimeOffset.UtcNow + TimeSpan.FromMinutes(5);
        while (database.ReadOutbox().Any(n => n.Status == "Pending") && DateTimeOffset.UtcNow < drainUntil)
        {
            await Task.Delay(2000);
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
        var outbox = database.ReadOutbox();
        return Account(provider, outbox, connector.AcceptedSends.Where(r => r.ConversationId is { } c && byConversation.Contains(c)).ToList(),
            conversationOf, crashEvents, offsets, faultyFirstSend, faultyLast, connector.FaultsInjected.Values.Sum());
    }
    finally
    {
        await bot.DisposeAsync();
        database.Drop();
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
            Console.WriteLine($"[{provider}] kept {workDir}");
        }
    }

    // Sends to the managers the connector accepted since the window started.
    List<ConnectorRequest> Sends(DateTimeOffset since) =>
        connector.AcceptedSends.Where(r => r.At >= since && r.ConversationId is { } c && byConversation.Contains(c)).ToList();

    int Reached(DateTimeOffset since) => Sends(since).Select(r => r.ConversationId).Distinct(StringComparer.Ordinal).Count();

    // Until every manager has had a send in this window (then 3 s more for late copies) or the watch ends; the instant
    // of the last accepted send.
    async Task<DateTimeOffset?> WaitForAllAsync(DateTimeOffset since, DateTimeOffset until)
    {
        while (Reached(since) < managerCount && DateTimeOffset.UtcNow < until)
        {
            await Task.Delay(200);
        }

        if (Reached(since) >= managerCount)
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
        }

        var sends = Sends(since);
        return sends.Count == 0 ? null : sends.Max(r => r.At);
    }
}

// Deliveries per notification: each notification's recorded delivery is the accepted send whose activity id its row
// stored; every other accepted send is a delivery beyond the first, counted against the notification of the same
// manager that was re-sent after it (its recorded send is the nearest later one). One is "a crash mid-send" when the
// connector accepted it in the moments before a killed process was gone; any other is a duplicate that must not happen.
RunResult Account(string provider, List<OutboxRow> outbox, List<ConnectorRequest> accepted, Dictionary<string, string> conversationOf,
    List<CrashEvent> crashEvents, List<int> offsets, DateTimeOffset? faultyFirstSend, DateTimeOffset? faultyLast, int faultsInjected)
{
    var byActivity = accepted.Where(r => r.ActivityId is not null).ToDictionary(r => r.ActivityId!, StringComparer.Ordinal);
    var recorded = outbox.Where(n => n.SentActivityId is not null && byActivity.ContainsKey(n.SentActivityId)).ToDictionary(n => n.SentActivityId!, StringComparer.Ordinal);
    var rowsByConversation = outbox.Where(n => conversationOf.ContainsKey(n.RecipientId)).ToLookup(n => conversationOf[n.RecipientId], StringComparer.Ordinal);
    var extra = new Dictionary<long, int>();
    var crashDuplicates = crashEvents.ToDictionary(c => c.Number, _ => 0);
    var otherDuplicates = 0;
    foreach (var send in accepted.Where(r => r.ActivityId is null || !recorded.ContainsKey(r.ActivityId)))
    {
        var owner = rowsByConversation[send.ConversationId!]
            .Where(n => n.SentActivityId is not null && recorded.ContainsKey(n.SentActivityId) && byActivity[n.SentActivityId].At >= send.At)
            .OrderBy(n => byActivity[n.SentActivityId!].At)
            .FirstOrDefault();
        if (owner is not null)
        {
            extra[owner.Id] = extra.GetValueOrDefault(owner.Id) + 1;
        }

        var crash = crashEvents.FirstOrDefault(c => send.At <= c.GoneAt && send.At >= c.KilledAt - crashWindow);
        if (crash is not null && owner is not null)
        {
            crashDuplicates[crash.Number]++;
        }
        else
        {
            otherDuplicates++;
        }
    }

    var faultyOffset = offsets[^1];
    var crashRows = outbox.Where(n => n.Revision != faultyOffset).ToList();
    var faultRows = outbox.Where(n => n.Revision == faultyOffset).ToList();
    bool Delivered(OutboxRow n) => n.Status == "Sent" && n.SentActivityId is not null && recorded.ContainsKey(n.SentActivityId);
    return new RunResult(
        provider,
        crashEvents,
        crashDuplicates,
        otherDuplicates,
        crashRows.Count,
        crashRows.Count(Delivered),
        managerCount * (offsets.Count - 1) - crashRows.Count(Delivered),
        faultRows.Count(Delivered),
        managerCount - faultRows.Count(Delivered),
        faultRows.Count(n => n.Attempts > 1),
        faultRows.Select(n => n.Attempts).DefaultIfEmpty(0).Max(),
        outbox.Count(n => n.Status == "Failed"),
        extra.Values.Count(v => v > 0),
        extra.Values.DefaultIfEmpty(0).Max() + 1,
        faultyFirstSend is { } f && faultyLast is { } l ? (l - f).TotalSeconds : double.NaN,
        faultsInjected,
        accepted.Count,
        accepted.Count - recorded.Count);
}

void PrintTable(List<RunResult> runs)
{
    string Row(string label, Func<RunResult, string> value) => $"| {label} | {string.Join(" | ", runs.Select(value))} |";
    static string Median(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToList();
        return sorted.Count == 0 ? "–" : $"{sorted[sorted.Count / 2]:0.0} s (max {sorted[^1]:0.0} s)";
    }

    var lines = new List<string>
    {
        $"| | {string.Join(" | ", runs.Select(r => r.Provider == "Sqlite" ? "SQLite" : "PostgreSQL"))} |",
        $"|---|{string.Join("|", runs.Select(_ => "---"))}|",
        Row($"crashed fan-outs: reminders due", r => $"{r.CrashReminders:N0}"),
        Row("… delivered / lost", r => $"{r.CrashDelivered:N0} / **{r.CrashLost}**"),
        Row("duplicates caused by a crash mid-send, per crash (total)", r => $"{string.Join(" ", r.Crashes.Select(c => r.CrashDuplicates[c.Number]))} ({r.CrashDuplicates.Values.Sum()})"),
        Row("any other duplicate (must be 0)", r => $"**{r.OtherDuplicates}**"),
        Row("notifications delivered more than once (most copies)", r => $"{r.NotificationsDuplicated} ({(r.NotificationsDuplicated == 0 ? 1 : r.MostCopies)})"),
        Row("restart → last delivery, median", r => Median(r.Crashes.Select(c => c.RestartToLast))),
        Row("… of which the bot's start-up, median", r => Median(r.Crashes.Select(c => c.UpSeconds))),
        Row($"faulty connector ({faultShare:P0} failing): delivered / lost", r => $"{r.FaultDelivered:N0} / **{r.FaultLost}** of {managerCount:N0} ({r.FaultsInjected} faults injected)"),
        Row("… needed a later attempt (most attempts)", r => $"{r.RetriedLater} ({r.MaxAttempts})"),
        Row("… first send → last delivery", r => double.IsNaN(r.FaultSpanSeconds) ? "–" : $"{r.FaultSpanSeconds:0.0} s"),
        Row("marked failed (whole run)", r => $"{r.MarkedFailed}"),
        Row("check: sends the connector accepted = recorded + beyond the first", r => $"{r.AcceptedSends:N0} = {r.AcceptedSends - r.UnrecordedSends:N0} + {r.UnrecordedSends}"),
    };
    foreach (var line in lines)
    {
        Console.WriteLine(line);
    }
}

static async Task WaitUntilAsync(DateTimeOffset at)
{
    var wait = at - DateTimeOffset.UtcNow;
    if (wait > TimeSpan.Zero)
    {
        await Task.Delay(wait);
    }
}

internal sealed record CrashEvent(int Number, int Offset, DateTimeOffset KilledAt, DateTimeOffset GoneAt, double UpSeconds, double RestartToLast);

internal sealed record OutboxRow(long Id, string RecipientId, int Revision, string Status, int Attempts, string? SentActivityId);

internal sealed record RunResult(
    string Provider,
    List<CrashEvent> Crashes,
    Dictionary<int, int> CrashDuplicates,
    int OtherDuplicates,
    int CrashReminders,
    int CrashDelivered,
    int CrashLost,
    int FaultDelivered,
    int FaultLost,
    int RetriedLater,
    int MaxAttempts,
    int MarkedFailed,
    int NotificationsDuplicated,
    int MostCopies,
    double FaultSpanSeconds,
    int FaultsInjected,
    int AcceptedSends,
    int UnrecordedSends)
{
    public bool Failed => CrashLost > 0 || FaultLost > 0 || OtherDuplicates > 0;
}

/// <summary>The bot's database for one run: a SQLite file in the work folder, or a fresh PostgreSQL database.</summary>
internal sealed class BenchDatabase(string provider, string workDir, string? postgresServer)
{
    private readonly string _postgresName = "diligencebot_bench_faults_" + Guid.NewGuid().ToString("N")[..8];

    public IReadOnlyDictionary<string, string> BotSettings => provider == "Sqlite"
        ? new Dictionary<string, string>()
        : new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSql",
            ["Database__ConnectionString"] = $"{postgresServer};Database={_postgresName}",
        };

    /// <summary>Every reminder in the outbox.</summary>
    public List<OutboxRow> ReadOutbox()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Id\", \"RecipientId\", \"Revision\", \"Status\", \"Attempts\", \"SentActivityId\" FROM \"Notifications\" WHERE \"Kind\" = 'schedule.reminder'";
        using var reader = command.ExecuteReader();
        var rows = new List<OutboxRow>();
        while (reader.Read())
        {
            rows.Add(new OutboxRow(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetInt32(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return rows;
    }

    public void Drop()
    {
        if (provider == "Sqlite")
        {
            SqliteConnection.ClearAllPools();
            return;
        }

        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection($"{postgresServer};Database=postgres");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)";
        command.ExecuteNonQuery();
    }

    private DbConnection Open()
    {
        DbConnection connection = provider == "Sqlite"
            ? new SqliteConnection($"Data Source={Path.Combine(workDir, "bot.db")};Mode=ReadOnly")
            : new NpgsqlConnection($"{postgresServer};Database={_postgresName};Pooling=false");
        connection.Open();
        return connection;
    }
}
