using System.Diagnostics;
using DiligenceBot.Bench;
using DiligenceBot.Coaching;
using DiligenceBot.Data;
using DiligenceBot.Notifications;
using DiligenceBot.Organisation;
using DiligenceBot.Scheduling;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

// bench/coaching: the coaching classification of a whole tenant — CoachingDesk.SuggestAsync (the evidence from SQLite
// through CoachingEvidenceLoader, then CoachingRules.Classify for each manager) — for 10,000 managers at once.
var options = BenchTools.Options(args);
var managerCount = BenchTools.Int(options, "managers", 10_000);
var days = BenchTools.Int(options, "days", 22);
var seed = BenchTools.Int(options, "seed", 1);
var runs = BenchTools.Int(options, "runs", 3);
var keep = options.ContainsKey("keep");
var perTeam = !options.ContainsKey("no-per-team");
var repo = options.GetValueOrDefault("repo") ?? throw new ArgumentException("--repo is required");
if (managerCount < 1 || days < 1 || runs < 1)
{
    throw new ArgumentException("--managers, --days and --runs must be at least 1");
}

// Monday 30 November 2026, 08:00 in Asia/Shanghai: before the 08:30 meeting, so "today" does not count yet and the
// evidence ends with the seeded days (the last one is Friday 27 November).
var now = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(8));
var clock = new FixedClock(now);
var tenant = CoachingSeed.TenantId;
var workDir = Path.Combine(Path.GetTempPath(), "diligencebot-bench-coaching-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(workDir);
var dbPath = Path.Combine(workDir, "coaching.db");
var connectionString = new SqliteConnectionStringBuilder { DataSource = dbPath }.ToString();
SqliteDiligenceDbContext NewContext(QueryTimer? timer = null)
{
    var builder = new DbContextOptionsBuilder<SqliteDiligenceDbContext>().UseSqlite(connectionString);
    if (timer is not null)
    {
        builder.AddInterceptors(timer);
    }

    return new SqliteDiligenceDbContext(builder.Options);
}

var exitCode = 0;
try
{
    // ---- Set-up (not timed) -----------------------------------------------------------------------------------
    var generator = new CoachingSeed(managerCount, days, seed, now);
    if (keep)
    {
        Console.WriteLine($"--keep: the work folder {workDir} stays");
    }

    Console.WriteLine($"clock {now:yyyy-MM-dd HH:mm zzz} (a {now.DayOfWeek}, before the 08:30 meeting); seed {seed}; SQLite {dbPath}");
    var seedTime = Stopwatch.StartNew();
    SeedCounts counts;
    await using (var db = NewContext())
    {
        await db.Database.MigrateAsync();
        counts = await generator.WriteAsync(db, CancellationToken.None);

        // The app's connections put the file in WAL mode (SqliteConnectionTuning, internal); the file is left the same.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }

    seedTime.Stop();
    Console.WriteLine($"seeded in {BenchSupport.F(seedTime.Elapsed.TotalSeconds, "0.0")} s ({BenchSupport.F(new FileInfo(dbPath).Length / 1048576.0, "0")} MB): "
        + $"{BenchSupport.N(counts.Teams)} teams, {BenchSupport.N(counts.Leads)} leads, {BenchSupport.N(counts.Managers)} managers; "
        + $"{counts.WorkingDays} working days {generator.WorkDays[0]:yyyy-MM-dd}..{generator.WorkDays[^1]:yyyy-MM-dd}");
    Console.WriteLine($"  work logs {BenchSupport.N(counts.Logs)} (on time {Percent(counts.LogsOnTime, counts.Logs)}, rated {Percent(counts.LogsRated, counts.Logs)}; "
        + $"{BenchSupport.N(counts.Missing)} days without a log), revisions {BenchSupport.N(counts.Revisions)}, "
        + $"reviews {BenchSupport.N(counts.Reviews)} (returned {BenchSupport.N(counts.ReviewsReturned)})");
    Console.WriteLine($"  transfer forms {BenchSupport.N(counts.Forms)} (value-rated {BenchSupport.N(counts.FormsRated)}), steps {BenchSupport.N(counts.Steps)}; "
        + $"lead observations {BenchSupport.N(counts.Observations)}; pulse answers {BenchSupport.N(counts.Pulses)}");

    List<Person> managers;
    await using (var db = NewContext())
    {
        managers = await db.People.AsNoTracking().Where(p => p.TenantId == tenant && p.TeamId != null).OrderBy(p => p.Id).ToListAsync();
    }

    var library = new CoachingLibrary(Path.Combine(repo, "seeds", "coaching"));
    var thresholds = library.Thresholds;
    var calendars = new HolidayCalendars(new Dictionary<string, HolidayCalendar>());
    await using var services = new ServiceCollection().AddMetrics().AddSingleton<DiligenceBot.Operations.DiligenceMetrics>().BuildServiceProvider();
    var scopes = services.GetRequiredService<IServiceScopeFactory>();
    // CoachingDesk needs a dispatcher; SuggestAsync never uses it and it is never started here.
    var scheduling = Microsoft.Extensions.Options.Options.Create(new SchedulingOptions());
    var dispatcher = new NotificationDispatcher(scopes, clock, new TenantPacer(scopes), new DispatcherLeaseKeeper(scopes, scheduling),
        scheduling, services.GetRequiredService<DiligenceBot.Operations.DiligenceMetrics>(), NullLogger<NotificationDispatcher>.Instance);
    CoachingDesk Desk(DiligenceDbContext db) => new(db, library, new CoachingEvidenceLoader(db, calendars, clock), clock, dispatcher);

    // ---- Warm-up (not timed): JIT, EF's model and both query shapes of the loader --------------------------------
    var warmSmall = await TimeAsync(async () =>
    {
        await using var db = NewContext();
        await Desk(db).SuggestAsync(tenant, managers.Take(50).ToList(), CancellationToken.None);
    });
    var warmWide = await TimeAsync(async () =>
    {
        await using var db = NewContext();
        await Desk(db).SuggestAsync(tenant, managers.Take(250).ToList(), CancellationToken.None);
    });
    Console.WriteLine($"warm-up (not timed): 50 managers (per-manager queries) {BenchSupport.F(warmSmall)} s, 250 managers (tenant-wide queries) {BenchSupport.F(warmWide)} s");

    var others = await BenchTools.WaitForIdleMachineAsync([], 0.25, TimeSpan.FromSeconds(90));
    Console.WriteLine($"other processes before measuring: {BenchSupport.F(others)} cores");

    // ---- Measured ------------------------------------------------------------------------------------------------
    // Each run: (1) the headline — a new DbContext (and a new SQLite connection) and CoachingDesk.SuggestAsync for
    // every manager in one call, exactly what the app runs; (2) the split — the same two steps SuggestAsync takes
    // (CoachingEvidenceLoader.LoadAsync, then CoachingRules.Classify per manager), timed apart, with a query timer.
    var whole = new List<double>();
    var loads = new List<double>();
    var classifies = new List<double>();
    var cpu = new List<double>();
    var allocated = new List<double>();
    Dictionary<string, CoachingSuggestion> suggestions = [];
    Dictionary<string, ManagerEvidence> evidence = [];
    QueryTimer lastTimer = new();
    var machineBefore = BenchTools.MachineCpu();
    var ownBefore = BenchTools.OwnCpu([]);
    var measuring = Stopwatch.StartNew();
    for (var run = 1; run <= runs; run++)
    {
        Quiesce();
        var cpu0 = BenchTools.OwnCpu([]);
        var bytes0 = GC.GetTotalAllocatedBytes(precise: true);
        var clockWhole = Stopwatch.StartNew();
        await using (var db = NewContext())
        {
            suggestions = await Desk(db).SuggestAsync(tenant, managers, CancellationToken.None);
        }

        clockWhole.Stop();
        whole.Add(clockWhole.Elapsed.TotalSeconds);
        cpu.Add(BenchTools.OwnCpu([]) - cpu0);
        allocated.Add((GC.GetTotalAllocatedBytes(precise: true) - bytes0) / 1048576.0);

        Quiesce();
        var timer = new QueryTimer();
        await using (var db = NewContext(timer))
        {
            var loader = new CoachingEvidenceLoader(db, calendars, clock);
            var clockLoad = Stopwatch.StartNew();
            evidence = await loader.LoadAsync(tenant, managers, thresholds.LongWindowDays, CancellationToken.None);
            clockLoad.Stop();
            var clockClassify = Stopwatch.StartNew();
            var classified = evidence.ToDictionary(e => e.Key, e => CoachingRules.Classify(e.Value, thresholds), StringComparer.Ordinal);
            clockClassify.Stop();
            loads.Add(clockLoad.Elapsed.TotalSeconds);
            classifies.Add(clockClassify.Elapsed.TotalSeconds);
            if (classified.Count != suggestions.Count)
            {
                throw new InvalidOperationException("the split run classified a different number of managers");
            }
        }

        lastTimer = timer;
        Console.WriteLine($"run {run}: SuggestAsync {BenchSupport.F(whole[^1])} s ({BenchSupport.F(cpu[^1])} s CPU, {BenchSupport.F(allocated[^1], "0")} MB allocated)"
            + $" | split: load {BenchSupport.F(loads[^1])} s + classify {BenchSupport.F(classifies[^1], "0.000")} s");
    }

    measuring.Stop();
    var machineAfter = BenchTools.MachineCpu();
    var othersDuring = Math.Max(0, (machineAfter.Busy - machineBefore.Busy - (BenchTools.OwnCpu([]) - ownBefore)) / measuring.Elapsed.TotalSeconds);

    // ---- Where the load time goes (the last split run) ------------------------------------------------------------
    Console.WriteLine("load, by query (last split run; time from execution to the reader's disposal, EF materialisation included):");
    var queryTotal = TimeSpan.Zero;
    foreach (var (name, duration, rows) in lastTimer.Queries)
    {
        queryTotal += duration;
        Console.WriteLine($"  {name,-52} {BenchSupport.F(duration.TotalSeconds, "0.000")} s  {BenchSupport.N(rows),9} rows");
    }

    Console.WriteLine($"  {"in memory: per-manager evidence (lookups, calendars)",-52} {BenchSupport.F(loads[^1] - queryTotal.TotalSeconds, "0.000")} s");

    // ---- Sanity: the evidence holds what was seeded; the suggestions are varied ------------------------------------
    var windowStart = generator.Today.AddDays(-thresholds.LongWindowDays + 1);
    var allInWindow = generator.WorkDays[0] >= windowStart;
    var seen = (
        Logs: evidence.Values.Sum(e => e.Days.Count(d => d.Submitted)),
        Missing: evidence.Values.Sum(e => e.Days.Count(d => !d.Submitted)),
        Days: evidence.Values.Sum(e => e.Days.Count),
        Comments: evidence.Values.Sum(e => e.Comments.Count),
        Forms: evidence.Values.Sum(e => e.Transfers.Count),
        Observations: evidence.Values.Sum(e => e.Observations.Count),
        Pulses: evidence.Values.Sum(e => e.Pulses.Count));
    var check = evidence.Count == managers.Count && seen.Logs == counts.Logs && seen.Comments == counts.ReviewsReturned
        && seen.Forms == counts.Forms && seen.Observations == counts.Observations && seen.Pulses == counts.Pulses;
    Console.WriteLine($"evidence ({thresholds.LongWindowDays}-day window from {windowStart:yyyy-MM-dd}): {BenchSupport.N(evidence.Count)} managers, "
        + $"{BenchSupport.N(seen.Days)} working days of which {BenchSupport.N(seen.Logs)} with a log and {BenchSupport.N(seen.Missing)} without, "
        + $"{BenchSupport.N(seen.Comments)} returned-log comments, {BenchSupport.N(seen.Forms)} forms, {BenchSupport.N(seen.Observations)} observations, "
        + $"{BenchSupport.N(seen.Pulses)} pulses — "
        + (allInWindow ? check ? "matches the seed" : "DOES NOT MATCH the seed" : "(seed longer than the window: not compared)"));
    if (allInWindow && !check)
    {
        exitCode = 1;
    }

    Console.WriteLine("suggested type (top candidate per manager):");
    foreach (var group in suggestions.Values.GroupBy(s => s.Top?.Type).OrderByDescending(g => g.Count()))
    {
        var label = group.Key?.ToString() ?? "none";
        var insufficient = group.Key is null ? $" (insufficient evidence: {BenchSupport.N(group.Count(s => s.InsufficientEvidence))})" : "";
        Console.WriteLine($"  {label,-22} {BenchSupport.N(group.Count()),7}  {Percent(group.Count(), suggestions.Count),6}{insufficient}");
    }

    Console.WriteLine($"  with 2 or more candidates: {BenchSupport.N(suggestions.Values.Count(s => s.Ranked.Count >= 2))}");
    if (suggestions.Values.Select(s => s.Top?.Type).Distinct().Count() < 3)
    {
        Console.WriteLine("  warning: fewer than three different outcomes; the seed does not exercise the rules");
    }

    // ---- One SuggestAsync per team (the monthly job's pattern until it made one call per tenant) -------------------
    if (perTeam)
    {
        Quiesce();
        var byTeam = managers.GroupBy(m => m.TeamId!, StringComparer.Ordinal).ToList();
        var merged = new Dictionary<string, CoachingSuggestion>(StringComparer.Ordinal);
        var teamTimer = new QueryTimer();
        var perTeamTime = await TimeAsync(async () =>
        {
            await using var db = NewContext(teamTimer);
            var desk = Desk(db);
            foreach (var team in byTeam)
            {
                foreach (var (id, s) in await desk.SuggestAsync(tenant, team.ToList(), CancellationToken.None))
                {
                    merged[id] = s;
                }
            }
        });
        var same = merged.Count == suggestions.Count && merged.All(kv => suggestions.TryGetValue(kv.Key, out var s)
            && s.Top?.Type == kv.Value.Top?.Type && s.Top?.Score == kv.Value.Top?.Score && s.Ranked.Count == kv.Value.Ranked.Count);
        Console.WriteLine($"per team, as CoachingJob calls it: {BenchSupport.N(byTeam.Count)} calls of ≤ {CoachingSeed.ManagersPerTeam} managers "
            + $"(per-manager queries) in {BenchSupport.F(perTeamTime)} s; same suggestions as the single call: {(same ? "yes" : "NO")}");
        foreach (var group in teamTimer.Queries.GroupBy(q => q.Name))
        {
            var total = group.Sum(q => q.Duration.TotalSeconds);
            Console.WriteLine($"  {group.Key,-52} {BenchSupport.F(total, "0.000")} s  {BenchSupport.N(group.Count()),6} queries, "
                + $"{BenchSupport.F(1000 * total / group.Count(), "0.00")} ms each, {BenchSupport.N(group.Sum(q => q.Rows)),9} rows");
        }

        if (options.ContainsKey("sql"))
        {
            foreach (var (name, sql) in lastTimer.Sql.Concat(teamTimer.Sql.Select(kv => new KeyValuePair<string, string>(kv.Key + " [per team]", kv.Value))))
            {
                Console.WriteLine($"-- {name}\n{sql}\n");
            }
        }

        if (!same)
        {
            exitCode = 1;
        }
    }

    // ---- Figures, headline last ------------------------------------------------------------------------------------
    var headline = Median(whole);
    Console.WriteLine($"measured {runs} run(s): SuggestAsync median {BenchSupport.F(headline)} s (min {BenchSupport.F(whole.Min())}, max {BenchSupport.F(whole.Max())}); "
        + $"load median {BenchSupport.F(Median(loads))} s, classify median {BenchSupport.F(Median(classifies), "0.000")} s; "
        + $"CPU {BenchSupport.F(Median(cpu))} s per run; other processes {BenchSupport.F(othersDuring)} cores meanwhile (2-core machine)");
    Console.WriteLine($"coaching: {suggestions.Count} managers classified in {BenchSupport.F(headline)} s (target <= 5 s)");
}
finally
{
    SqliteConnection.ClearAllPools();
    if (!keep)
    {
        Directory.Delete(workDir, recursive: true);
    }
}

return exitCode;

static void Quiesce()
{
    // Each measured step starts on a new SQLite connection and a collected heap.
    SqliteConnection.ClearAllPools();
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
}

static async Task<double> TimeAsync(Func<Task> action)
{
    var clock = Stopwatch.StartNew();
    await action();
    return clock.Elapsed.TotalSeconds;
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

static string Percent(int part, int whole) => whole == 0 ? "-" : BenchSupport.F(100.0 * part / whole, "0.0") + " %";
