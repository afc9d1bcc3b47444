using System.Diagnostics;
using System.Globalization;
using DiligenceBot.Bench;
using DiligenceBot.Customers;
using DiligenceBot.Data;
using DiligenceBot.Localization;
using DiligenceBot.Notifications;
using DiligenceBot.Organisation;
using DiligenceBot.Plans;
using DiligenceBot.Scheduling;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

// bench/records, reports: the month-end execution reports of November 2026 for every manager of a 10,000-manager tenant
// (1,000 teams of ten, 20 customers each, a visit plan of two visits per customer, 22 working days of logs naming the
// customers they visited), and each lead's team report. Timed two ways, both through the app's own code:
//   - as the month-end notifications render them: PlanReportRenderer, one manager (or one lead's team) at a time, as
//     the outbox sends them, the card included;
//   - in one batch: PlanExecution.OfAsync over all 10,000 plans (the computation every report, the digest, the
//     scorecards and coaching read), what a month-end run for the whole tenant costs.
var options = BenchTools.Options(args);
var managerCount = BenchTools.Int(options, "managers", 10_000);
var customersEach = BenchTools.Int(options, "customers", 20);
var keep = options.ContainsKey("keep");
if (managerCount < CoachingSeed.ManagersPerTeam || customersEach < 3)
{
    throw new ArgumentException($"--managers must be at least {CoachingSeed.ManagersPerTeam} and --customers at least 3");
}

// The seed's clock: Monday 30 November 2026 08:00 (its logs end Friday 27 November). The reports' clock: Tuesday
// 1 December 09:00, when November's reports are sent.
var seedNow = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(8));
var clock = new FixedClock(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8)));
var month = new DateOnly(2026, 11, 1);
var tenant = CoachingSeed.TenantId;
var workDir = Path.Combine(Path.GetTempPath(), "diligencebot-bench-reports-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(workDir);
var dbPath = Path.Combine(workDir, "reports.db");
var connectionString = new SqliteConnectionStringBuilder { DataSource = dbPath }.ToString();
SqliteDiligenceDbContext NewContext() => new(new DbContextOptionsBuilder<SqliteDiligenceDbContext>().UseSqlite(connectionString).Options);

var exitCode = 0;
try
{
    // ---- Seed (not timed) -------------------------------------------------------------------------------------------
    var seedClock = Stopwatch.StartNew();
    var generator = new CoachingSeed(managerCount, 22, 1, seedNow);
    await using (var db = NewContext())
    {
        await db.Database.MigrateAsync();
        await generator.WriteAsync(db, CancellationToken.None);
    }

    int planCount, customerCount;
    await using (var db = NewContext())
    {
        (planCount, customerCount) = await PlansAndCustomersAsync(db, tenant, month, customersEach, generator.WorkDays.Where(d => d >= month).ToList());
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }

    Console.WriteLine($"seeded in {BenchSupport.F(seedClock.Elapsed.TotalSeconds, "0.0")} s: {BenchSupport.N(managerCount)} managers in {BenchSupport.N(managerCount / CoachingSeed.ManagersPerTeam)} teams, "
        + $"{BenchSupport.N(customerCount)} customers, {BenchSupport.N(planCount)} plans for {month:yyyy-MM}, logs of 22 working days to {generator.WorkDays[^1]:yyyy-MM-dd}");

    List<Person> managers;
    List<(Team Team, Person Lead)> leads;
    await using (var db = NewContext())
    {
        managers = await db.People.AsNoTracking().Include(p => p.Team).Where(p => p.TenantId == tenant && p.TeamId != null).OrderBy(p => p.Id).ToListAsync();
        var teams = await db.Teams.AsNoTracking().Where(t => t.TenantId == tenant).ToListAsync();
        var people = await db.People.AsNoTracking().Where(p => p.TenantId == tenant).ToDictionaryAsync(p => p.Id, StringComparer.Ordinal);
        leads = teams.Where(t => t.LeadId is not null).Select(t => (t, people[t.LeadId!])).OrderBy(t => t.t.Id, StringComparer.Ordinal).ToList();
    }

    await using var services = new ServiceCollection().AddMetrics().AddSingleton<DiligenceBot.Operations.DiligenceMetrics>().BuildServiceProvider();
    var scopes = services.GetRequiredService<IServiceScopeFactory>();
    var scheduling = Microsoft.Extensions.Options.Options.Create(new SchedulingOptions());
    // PlanBook's sender and dispatcher deliver plans' messages; rendering a report never calls them (nothing is started here).
    var dispatcher = new NotificationDispatcher(scopes, clock, new TenantPacer(scopes), new DispatcherLeaseKeeper(scopes, scheduling),
        scheduling, services.GetRequiredService<DiligenceBot.Operations.DiligenceMetrics>(), NullLogger<NotificationDispatcher>.Instance);
    var calendars = new HolidayCalendars(new Dictionary<string, HolidayCalendar>());
    PlanReportRenderer Renderer(DiligenceDbContext db)
    {
        var book = new PlanBook(db, clock, calendars, new ProactiveSender(db, null!, clock, null!), dispatcher);
        return new PlanReportRenderer(book, new PlanReports(book));
    }

    var subject = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
    Notification ToManager(Person m) => Notification.Create(tenant, PlanReports.ToManager, PlanSchedule.Subject(m.Id, month), 0, m.Id, clock.GetUtcNow());
    Notification ToLead(Team t, Person lead) => Notification.Create(tenant, PlanReports.ToLead, PlanSchedule.Subject(t.Id, month), 0, lead.Id, clock.GetUtcNow());

    // ---- Warm-up (not timed) ----------------------------------------------------------------------------------------
    await using (var db = NewContext())
    {
        var renderer = Renderer(db);
        foreach (var m in managers.Take(50))
        {
            _ = await renderer.RenderAsync(ToManager(m), m, Language.ZhCn, CancellationToken.None);
        }

        foreach (var (team, lead) in leads.Take(5))
        {
            _ = await renderer.RenderAsync(ToLead(team, lead), lead, Language.ZhCn, CancellationToken.None);
        }

        var plans = await db.Set<MarketingPlan>().AsNoTracking().Include(p => p.Revisions).Where(p => p.TenantId == tenant && p.Month == month).Take(200).ToListAsync();
        _ = await PlanExecution.OfAsync(db, plans, _ => month.AddMonths(1), CancellationToken.None);
    }

    var others = await BenchTools.WaitForIdleMachineAsync([], 0.25, TimeSpan.FromSeconds(90));
    Console.WriteLine($"other processes before measuring: {BenchSupport.F(others)} cores");

    // ---- As sent: one report at a time -------------------------------------------------------------------------------
    var rendered = 0;
    var visitsOnPlan = 0L;
    var perRecipient = Stopwatch.StartNew();
    await using (var db = NewContext())
    {
        var renderer = Renderer(db);
        foreach (var m in managers)
        {
            var activity = await renderer.RenderAsync(ToManager(m), m, Language.ZhCn, CancellationToken.None);
            rendered += activity is null ? 0 : 1;
            db.ChangeTracker.Clear();
        }

        foreach (var (team, lead) in leads)
        {
            var activity = await renderer.RenderAsync(ToLead(team, lead), lead, Language.ZhCn, CancellationToken.None);
            rendered += activity is null ? 0 : 1;
            db.ChangeTracker.Clear();
        }
    }

    perRecipient.Stop();
    Console.WriteLine($"as sent (one report at a time, cards included): {rendered} of {managers.Count + leads.Count} reports in {BenchSupport.F(perRecipient.Elapsed.TotalSeconds)} s");
    if (rendered != managers.Count + leads.Count)
    {
        Console.WriteLine("not OK: some reports were not rendered");
        exitCode = 1;
    }

    // ---- One batch ---------------------------------------------------------------------------------------------------
    var batch = Stopwatch.StartNew();
    await using (var db = NewContext())
    {
        var plans = await db.Set<MarketingPlan>().AsNoTracking().Include(p => p.Revisions).Where(p => p.TenantId == tenant && p.Month == month).ToListAsync();
        var executions = await PlanExecution.OfAsync(db, plans, _ => month.AddMonths(1), CancellationToken.None);
        visitsOnPlan = executions.Sum(e => (long)e.VisitedOnPlan);
        if (executions.Count != planCount || visitsOnPlan == 0)
        {
            Console.WriteLine($"not OK: {executions.Count} executions of {planCount} plans, {visitsOnPlan} visits on plan");
            exitCode = 1;
        }
    }

    batch.Stop();
    Console.WriteLine($"one batch (PlanExecution of every plan): {BenchSupport.N(planCount)} plans in {BenchSupport.F(batch.Elapsed.TotalSeconds)} s; {BenchSupport.N(visitsOnPlan)} visits on plan");
    Console.WriteLine();
    Console.WriteLine($"month-end execution reports for {BenchSupport.N(managerCount)} managers: as sent {BenchSupport.F(perRecipient.Elapsed.TotalSeconds, "0.0")} s "
        + $"({BenchSupport.N(managerCount)} manager + {BenchSupport.N(leads.Count)} team reports), one batch {BenchSupport.F(batch.Elapsed.TotalSeconds, "0.0")} s (target <= 5 s)");
}
finally
{
    SqliteConnection.ClearAllPools();
    if (keep)
    {
        Console.WriteLine($"kept {workDir}");
    }
    else
    {
        Directory.Delete(workDir, recursive: true);
    }
}

return exitCode;

// Each manager's customers (the three the seed's logs name, and more not visited), and an approved November plan visiting
// each customer twice on the month's working days; written with the app's bulk insert.
static async Task<(int Plans, int Customers)> PlansAndCustomersAsync(SqliteDiligenceDbContext db, string tenant, DateOnly month, int customersEach, List<DateOnly> days)
{
    string[] named = ["华美便利店", "新华报亭", "东街烟酒行"];
    var managers = await db.People.AsNoTracking().Where(p => p.TenantId == tenant && p.TeamId != null).OrderBy(p => p.Id).Select(p => new { p.Id, p.TeamId }).ToListAsync();
    var at = new DateTimeOffset(2026, 10, 25, 10, 0, 0, TimeSpan.FromHours(8));
    await using (var transaction = await db.Database.BeginTransactionAsync())
    {
        var customers = managers.SelectMany((m, i) => Enumerable.Range(0, customersEach).Select(c => new Customer
        {
            TenantId = tenant, LicenceNumber = $"{i:000000}{c:000}", Name = c < named.Length ? named[c] : $"客户{i}-{c}号", Address = $"南京路{c + 1}号",
            District = "黄浦区", Tier = "ABCD"[c % 4].ToString(), ManagerId = m.Id, VisitsPerMonth = 2, CreatedAt = at, UpdatedAt = at,
        })).ToList();
        await DiligenceBot.Data.BulkInsert.InsertAsync(db, customers, CancellationToken.None);
        await transaction.CommitAsync();
    }

    var ids = (await db.Customers.AsNoTracking().Where(c => c.TenantId == tenant).Select(c => new { c.Id, c.ManagerId }).ToListAsync())
        .ToLookup(c => c.ManagerId, c => c.Id, StringComparer.Ordinal);
    var plans = new List<MarketingPlan>();
    var revisions = new List<MarketingPlanRevision>();
    foreach (var m in managers)
    {
        var plan = new MarketingPlan
        {
            Id = Guid.NewGuid(), TenantId = tenant, TeamId = m.TeamId!, ManagerId = m.Id, Month = month, Status = PlanStatus.Approved, CurrentRevision = 1,
            OnTime = true, FirstSubmittedAt = at, LastSubmittedAt = at, ConcurrencyStamp = Guid.NewGuid(),
        };
        var visits = ids[m.Id].SelectMany((id, c) => new[] { new PlannedVisit(days[c % days.Count], id), new PlannedVisit(days[(c + 7) % days.Count], id) }).ToList();
        plans.Add(plan);
        revisions.Add(new MarketingPlanRevision { PlanId = plan.Id, Number = 1, VolumeCases = 1200, Measures = "陈列指导；新品推介", Visits = visits, SubmittedAt = at });
    }

    await using (var transaction = await db.Database.BeginTransactionAsync())
    {
        await DiligenceBot.Data.BulkInsert.InsertAsync(db, plans, CancellationToken.None);
        await DiligenceBot.Data.BulkInsert.InsertAsync(db, revisions, CancellationToken.None);
        await transaction.CommitAsync();
    }

    return (plans.Count, managers.Count * customersEach);
}
