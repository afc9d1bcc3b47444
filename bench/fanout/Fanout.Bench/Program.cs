using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using DiligenceBot.Bench;
using Microsoft.Data.Sqlite;

// bench/fanout: N managers of one team in one tenant due for the same reminder at the same minute; the bot's
// scheduler (Hangfire team job -> outbox -> NotificationDispatcher paced by TenantPacer) sends them through a
// connector that enforces Teams' limits. Measures from the first reminder send to the last delivery.
var options = BenchTools.Options(args);
var managerCount = BenchTools.Int(options, "managers", 5000);
var injectShare = BenchTools.Double(options, "inject", 0.05);
var randomSeed = BenchTools.Int(options, "seed", 1);
var offsetMinutes = BenchTools.Int(options, "offset-minutes", 10);
var maxDeliverySeconds = BenchTools.Int(options, "max-seconds", 150);
var installConcurrency = BenchTools.Int(options, "install-concurrency", 8);
var repo = options.GetValueOrDefault("repo") ?? throw new ArgumentException("--repo is required");
var botDll = options.GetValueOrDefault("bot-dll") ?? Path.Combine(repo, "src/DiligenceBot/bin/Release/net10.0/DiligenceBot.dll");
var keep = options.ContainsKey("keep");
var botEnvironment = BenchTools.BotEnvironment(options, new Dictionary<string, string> { ["Scheduling__Enabled"] = "true" });
if (managerCount < 1 || offsetMinutes < 2 || offsetMinutes > 600)
{
    throw new ArgumentException("--managers must be at least 1 and --offset-minutes between 2 and 600");
}

var workDir = Path.Combine(Path.GetTempPath(), "diligencebot-bench-fanout-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(workDir);
var clock = Stopwatch.StartNew();
double Seconds(long ticks) => (double)ticks / Stopwatch.Frequency;

await using var connector = await LimitedConnector.StartAsync(clock);
if (!await BenchTools.WaitForQuietAsync(TimeSpan.FromMinutes(15)))
{
    Console.WriteLine("Inbound.Bench is still running after 15 minutes; giving up.");
    return 3;
}

// The reminder instant: the first whole minute (Asia/Shanghai) after start-up and the installs are expected to be
// done. Meeting = reminder + offset, so the meeting's digest (15 min before) lies before start-up and the
// escalations (at the meeting) after the measurement: the reminders are the only traffic in the window.
var expectedSetup = TimeSpan.FromSeconds(15 + (managerCount / 150.0));
var nowUtc = DateTimeOffset.UtcNow;
var earliest = nowUtc + expectedSetup;
var reminderUtc = new DateTimeOffset(earliest.Year, earliest.Month, earliest.Day, earliest.Hour, earliest.Minute, 0, TimeSpan.Zero).AddMinutes(1);
var meetingLocal = TimeZoneInfo.ConvertTime(reminderUtc.AddMinutes(offsetMinutes), BenchTools.Shanghai);
var (managers, lead) = BenchSeed.People(20261202, ("m-", managerCount));
var seed = new BenchSeed
{
    Managers = managers,
    Lead = lead,
    MeetingTime = meetingLocal.ToString("HH:mm", CultureInfo.InvariantCulture),
    ReminderOffsets = [offsetMinutes],
};
var seedFolder = Path.Combine(workDir, "seeds");
seed.WriteTo(seedFolder, Path.Combine(repo, "seeds"));
Console.WriteLine($"seed: one team of {managerCount} managers and a lead in one tenant; meeting {seed.MeetingTime} Asia/Shanghai, reminder {offsetMinutes} min before = {TimeZoneInfo.ConvertTime(reminderUtc, BenchTools.Shanghai):HH:mm:ss} (in {(reminderUtc - nowUtc).TotalSeconds:0} s)");

Console.WriteLine("starting DiligenceBot (Release, SQLite, Hangfire on)...");
var startedAt = clock.ElapsedTicks;
var bot = await BotProcess.StartAsync(botDll, workDir, seedFolder, botEnvironment, TimeSpan.FromSeconds(120));
if (botEnvironment.Count > 1)
{
    Console.WriteLine("bot settings: " + string.Join(", ", botEnvironment.Select(kv => $"{kv.Key}={kv.Value}")));
}

Console.WriteLine($"bot up in {Seconds(clock.ElapsedTicks - startedAt):0.0} s at {bot.BaseAddress} (pid {bot.ProcessId}); log {bot.LogPath}");

var exitCode = 0;
try
{
    // Set-up: every manager installs the app (installationUpdate add in their personal chat). The connector accepts
    // everything meanwhile; the welcome cards are not measured.
    var installStart = clock.ElapsedTicks;
    using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = installConcurrency * 2 }) { BaseAddress = bot.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    var failedInstalls = 0;
    var next = -1;
    await Task.WhenAll(Enumerable.Range(0, installConcurrency).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < managers.Count)
        {
            var body = TeamsActivity.InstallationAdd(connector.ServiceUrl, managers[i]).ToJsonString();
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(new Uri("api/messages", UriKind.Relative), content);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Interlocked.Increment(ref failedInstalls);
            }
        }
    }));
    var installSeconds = Seconds(clock.ElapsedTicks - installStart);
    Console.WriteLine($"installed {managerCount - failedInstalls} of {managerCount} managers in {installSeconds:0.0} s ({managerCount / installSeconds:0} /s); welcome cards seen: {connector.SetupRequests}");
    if (failedInstalls > 0)
    {
        Console.WriteLine($"{failedInstalls} installs were not answered 200; the end of the bot's log:\n{bot.LogTail(20)}");
        return 2;
    }

    var untilDueNow = reminderUtc - DateTimeOffset.UtcNow - TimeSpan.FromSeconds(3);
    if (untilDueNow > TimeSpan.FromSeconds(2))
    {
        await BenchTools.WaitForIdleMachineAsync([bot.ProcessId], 0.25, untilDueNow);
    }

    connector.Enforce(injectShare, randomSeed);
    var untilDue = reminderUtc - DateTimeOffset.UtcNow;
    Console.WriteLine($"connector counters reset; limits enforced from now on (50/s per tenant sliding 1 s; per conversation 7/1s, 8/2s, 60/30s; {injectShare:P0} extra 429 Retry-After: 1, seed {randomSeed})");
    if (untilDue < TimeSpan.FromSeconds(1))
    {
        Console.WriteLine($"WARNING: the set-up ended {-untilDue.TotalSeconds:0} s after the reminders were due: managers installed late may count as lost.");
    }
    else
    {
        Console.WriteLine($"waiting {untilDue.TotalSeconds:0} s for the reminders to fall due...");
    }

    if (bot.HasExited)
    {
        Console.WriteLine($"DiligenceBot exited; the end of its log:\n{bot.LogTail(30)}");
        return 2;
    }

    // Watch deliveries until every manager has one (then a few seconds more for late duplicates), the delivery
    // window runs past --max-seconds, or nothing arrives at all within 2 minutes of the due time.
    var (stopWatching, inboundSeen) = BenchTools.WatchForInbound();
    long? firstSendTicks = null;
    TimeSpan? botCpuAtFirstSend = null;
    double machineAtFirstSend = 0, ownAtFirstSend = 0;
    DateTimeOffset? firstSendUtc = null;
    long? allDeliveredTicks = null;
    var lastReport = clock.ElapsedTicks;
    var stopReason = string.Empty;
    while (true)
    {
        await Task.Delay(200);
        var (conversations, sends) = connector.Delivered();
        var now = clock.ElapsedTicks;
        if (firstSendTicks is null)
        {
            var events = connector.Events();
            if (events.Count > 0)
            {
                firstSendTicks = events[0].Ticks;
                botCpuAtFirstSend = bot.CpuTime();
                machineAtFirstSend = BenchTools.MachineCpu().Busy;
                ownAtFirstSend = BenchTools.OwnCpu([bot.ProcessId]);
                firstSendUtc = DateTimeOffset.UtcNow - TimeSpan.FromSeconds(Seconds(now - events[0].Ticks));
                Console.WriteLine($"first reminder request at {TimeZoneInfo.ConvertTime(firstSendUtc.Value, BenchTools.Shanghai):HH:mm:ss.fff}, {(firstSendUtc.Value - reminderUtc).TotalSeconds:0.0} s after the due time");
            }
            else if (DateTimeOffset.UtcNow > reminderUtc + TimeSpan.FromMinutes(2))
            {
                stopReason = "no reminder reached the connector within 2 minutes of the due time";
                break;
            }
        }

        if (Seconds(now - lastReport) >= 10 && firstSendTicks is not null)
        {
            Console.WriteLine($"  {Seconds(now - firstSendTicks.Value),5:0} s: {conversations} managers reached, {sends} accepted sends");
            lastReport = now;
        }

        if (conversations >= managerCount)
        {
            allDeliveredTicks ??= now;
            if (Seconds(now - allDeliveredTicks.Value) >= 5)
            {
                stopReason = "every manager reached (and 5 s more for late duplicates)";
                break;
            }
        }

        if (firstSendTicks is { } first && Seconds(now - first) > maxDeliverySeconds)
        {
            stopReason = $"stopped after {maxDeliverySeconds} s of delivery (--max-seconds)";
            break;
        }

        if (bot.HasExited)
        {
            stopReason = "DiligenceBot exited";
            break;
        }
    }

    var botCpuInWindow = bot.CpuTime() - botCpuAtFirstSend;
    var othersInWindow = BenchTools.MachineCpu().Busy - machineAtFirstSend - (BenchTools.OwnCpu([bot.ProcessId]) - ownAtFirstSend);
    var watchedSeconds = firstSendTicks is { } fst ? Seconds(clock.ElapsedTicks - fst) : 0;
    await stopWatching.CancelAsync();
    var overlapped = await inboundSeen;
    var all = connector.Events();
    Console.WriteLine($"end of watch: {stopReason}");
    Console.WriteLine();

    var byConversation = managers.ToDictionary(m => m.ConversationId, m => m, StringComparer.Ordinal);
    var sendsToManagers = all.Where(e => !e.IsReply && byConversation.ContainsKey(e.ConversationId)).ToList();
    var others = all.Count - sendsToManagers.Count;
    var ok = sendsToManagers.Where(e => e.Status is >= 200 and < 300).ToList();
    var perManager = ok.GroupBy(e => e.ConversationId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    var delivered = perManager.Count(p => p.Value == 1);
    var duplicated = perManager.Count(p => p.Value > 1);
    var lost = managerCount - perManager.Count;
    var first2 = sendsToManagers.Count > 0 ? sendsToManagers.Min(e => e.Ticks) : 0;
    var last2xx = ok.Count > 0 ? ok.Max(e => e.Ticks) : 0;
    var window = ok.Count > 0 ? Seconds(last2xx - first2) : 0;
    var achieved = window > 0 ? ok.Count / window : 0;
    var percent = achieved / LimitedConnector.TenantPerSecond * 100;

    // Where the time went: refusals by cause, attempts per manager, accepted sends per second of the window.
    var refusals = sendsToManagers.Where(e => e.Status == 429).GroupBy(e => e.Reason).OrderByDescending(g => g.Count()).Select(g => $"{g.Count()} {g.Key}");
    var attempts = sendsToManagers.GroupBy(e => e.ConversationId, StringComparer.Ordinal).GroupBy(g => g.Count()).OrderBy(g => g.Key).Select(g => $"{g.Count()} x {g.Key}");
    var perSecond = new int[(int)Math.Ceiling(window) + 1];
    foreach (var e in ok)
    {
        perSecond[(int)Seconds(e.Ticks - first2)]++;
    }

    var refusedPerSecond = new int[perSecond.Length];
    foreach (var e in sendsToManagers.Where(e => e.Status == 429 && e.Ticks >= first2 && e.Ticks <= last2xx))
    {
        refusedPerSecond[(int)Seconds(e.Ticks - first2)]++;
    }

    var fullSeconds = perSecond.Take(Math.Max(1, perSecond.Length - 1)).ToArray();
    var requestsPerSecond = sendsToManagers.Count / Math.Max(window, 0.001);
    Console.WriteLine($"requests to managers' chats: {sendsToManagers.Count} ({requestsPerSecond:0.0}/s over the window); other requests: {others}");
    Console.WriteLine($"429 answers: {string.Join(", ", refusals.DefaultIfEmpty("none"))}");
    Console.WriteLine($"requests per manager: {string.Join(", ", attempts)}");
    Console.WriteLine($"accepted per whole second of the window: min {fullSeconds.Min()}, median {fullSeconds.Order().ElementAt(fullSeconds.Length / 2)}, max {fullSeconds.Max()}; seconds at the ceiling (>= 49): {fullSeconds.Count(c => c >= 49)} of {fullSeconds.Length}");
    Console.WriteLine($"first 30 s, accepted/429 per second: {string.Join(" ", perSecond.Zip(refusedPerSecond).Take(30).Select(p => $"{p.First}/{p.Second}"))}");
    Console.WriteLine($"accepted per 10 s: {string.Join(" ", perSecond.Chunk(10).Select(c => c.Sum().ToString(CultureInfo.InvariantCulture)))}");
    if (firstSendUtc is { } anchorUtc && firstSendTicks is { } anchorTicks)
    {
        // Where in the wall-clock second (UTC, the pacer's window) the tenant-limit refusals fell, in tenths.
        var tenths = new int[10];
        foreach (var e in sendsToManagers.Where(e => e.Reason == "tenant 50/s"))
        {
            var at = anchorUtc + TimeSpan.FromSeconds(Seconds(e.Ticks - anchorTicks));
            tenths[at.Millisecond / 100]++;
        }

        Console.WriteLine($"tenant-limit 429s by tenth of the UTC second (.0 .1 ... .9): {string.Join(" ", tenths)}");
    }

    if (firstSendUtc is { } fs)
    {
        Console.WriteLine($"due time -> first reminder request: {(fs - reminderUtc).TotalSeconds:0.0} s (Hangfire trigger + team job + outbox; not in the window)");
    }

    if (botCpuInWindow is { } cpu && watchedSeconds > 0)
    {
        Console.WriteLine($"CPU from the first reminder request to the end of the watch: bot {cpu.TotalSeconds / watchedSeconds * 100:0}% of one core, other processes {Math.Max(0, othersInWindow) / watchedSeconds * 100:0}% ({Environment.ProcessorCount} cores)");
        if (othersInWindow / watchedSeconds > 0.25)
        {
            Console.WriteLine("WARNING: other processes on this machine used CPU during the measurement; the figures may be disturbed.");
        }
    }

    foreach (var line in Outbox(bot.DatabasePath))
    {
        Console.WriteLine(line);
    }

    if (overlapped)
    {
        Console.WriteLine("WARNING: Inbound.Bench ran during the measurement; these figures are disturbed.");
    }

    Console.WriteLine($"delivered:  {delivered} (managers with exactly one accepted reminder)");
    Console.WriteLine($"lost:       {lost}");
    Console.WriteLine($"duplicated: {duplicated}");
    Console.WriteLine($"window:     {window:0.0} s from the first reminder request to the last accepted one; {ok.Count} accepted = {achieved:0.0}/s");
    Console.WriteLine($"fanout: delivered {delivered}, lost {lost}, duplicated {duplicated}, {window:0.0} s, {percent:0.0}% of the 50 rps ceiling (target >= 95%, 0 lost, 0 duplicated)");
    if (lost != 0 || duplicated != 0)
    {
        exitCode = 1;
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

// The outbox as the bot left it: reminders by status and attempts, other kinds queued meanwhile.
static IEnumerable<string> Outbox(string databasePath)
{
    var lines = new List<string>();
    using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
    connection.Open();
    using (var command = connection.CreateCommand())
    {
        command.CommandText = "SELECT Kind, Status, Attempts, COUNT(*) FROM Notifications GROUP BY Kind, Status, Attempts ORDER BY Kind, Status, Attempts";
        using var reader = command.ExecuteReader();
        var parts = new List<string>();
        while (reader.Read())
        {
            parts.Add($"{reader.GetString(0)} {reader.GetString(1)} after {reader.GetInt32(2)} attempt(s): {reader.GetInt32(3)}");
        }

        lines.Add("outbox: " + (parts.Count == 0 ? "empty" : string.Join("; ", parts)));
    }

    using (var command = connection.CreateCommand())
    {
        command.CommandText = "SELECT LastError, COUNT(*) FROM Notifications WHERE LastError IS NOT NULL GROUP BY LastError ORDER BY COUNT(*) DESC LIMIT 5";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            lines.Add($"outbox last error: {reader.GetInt32(1)} x {reader.GetString(0)}");
        }
    }

    return lines;
}
