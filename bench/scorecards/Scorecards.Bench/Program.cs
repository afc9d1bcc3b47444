using System.Diagnostics;
using DiligenceBot.Assessment;
using DiligenceBot.Bench;
using DiligenceBot.Coaching;
using DiligenceBot.Conversations;
using DiligenceBot.Customers;
using DiligenceBot.Data;
using DiligenceBot.Imports;
using DiligenceBot.Localization;
using DiligenceBot.Meetings;
using DiligenceBot.Notifications;
using DiligenceBot.Operations;
using DiligenceBot.Organisation;
using DiligenceBot.Plans;
using DiligenceBot.Records;
using DiligenceBot.Scheduling;
using DiligenceBot.Transfers;
using DiligenceBot.WorkLogs;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// bench/scorecards, draft: November 2026's scorecard drafts of a 10,000-manager tenant (1,000 teams of ten), as the
// first working day of December makes them: the team schedule job queues one "scorecard.drafts" notification per team
// (ScorecardDraftSchedule, ITeamDueRecords) and the outbox renders it through ScorecardDraftsRenderer, which measures
// every manager of the team (ScorecardValues.OfAsync: the record checks, imported figures and evaluations, log
// quality, transfer forms, action items, plan execution, visits), scores them (ScorecardRules) and builds the lead's
// card. That render, one team at a time in its own DI scope as the outbox does it, is what is timed, for all 1,000
// teams; on SQLite and on PostgreSQL (a fresh database each run). The seed (not timed) gives every source the
// scorecard reads data for November, so every indicator the app can measure is measured for every manager.
var options = BenchTools.Options(args);
var managerCount = BenchTools.Int(options, "managers", 10_000);
var provider = options.GetValueOrDefault("provider", "both");
var repo = options.GetValueOrDefault("repo", Directory.GetCurrentDirectory());
var keep = options.ContainsKey("keep");
if (managerCount < CoachingSeed.ManagersPerTeam || provider is not ("sqlite" or "postgresql" or "both"))
{
    throw new ArgumentException($"--managers must be at least {CoachingSeed.ManagersPerTeam}; --provider sqlite, postgresql or both");
}

var results = new List<(string Provider, double Seconds, int Teams, string Load)>();
var exitCode = 0;
foreach (var name in provider == "both" ? ["sqlite", "postgresql"] : new[] { provider })
{
    var (code, seconds, teams, load) = await DraftBench.RunAsync(name, managerCount, repo, options.GetValueOrDefault("pg"), keep);
    exitCode = Math.Max(exitCode, code);
    results.Add((name, seconds, teams, load));
}

Console.WriteLine();
foreach (var (name, seconds, teams, load) in results)
{
    Console.WriteLine($"November scorecard drafts of {BenchSupport.N(managerCount)} managers ({BenchSupport.N(teams)} teams) on {(name == "sqlite" ? "SQLite" : "PostgreSQL")}: "
        + $"{BenchSupport.F(seconds, "0.0")} s (target <= 5 s); load average {load}");
}

return exitCode;

internal static class DraftBench
{
    // The seed's clock: Tuesday 1 December 2026 08:00 in Shanghai (its 22 working days of logs end Monday 30 November).
    // The drafts' clock: the same morning at 09:00, the teams' meeting, when the schedule job queues the drafts.
    private static readonly DateTimeOffset SeedNow = new(2026, 12, 1, 8, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset DraftNow = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateOnly November = new(2026, 11, 1);

    public static async Task<(int Code, double Seconds, int Teams, string Load)> RunAsync(string provider, int managerCount, string repo, string? pgServer, bool keep)
    {
        var workDir = Path.Combine(Path.GetTempPath(), "diligencebot-bench-scorecards-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(workDir);
        var postgres = provider == "postgresql";
        if (postgres && string.IsNullOrEmpty(pgServer))
        {
            throw new ArgumentException("--pg (the server part of the connection string, from scripts/postgres.sh) is needed for PostgreSQL");
        }

        var connection = postgres
            ? $"{pgServer};Database=bench_scorecards_{Guid.NewGuid().ToString("N")[..8]};Command Timeout=600"
            : $"Data Source={Path.Combine(workDir, "scorecards.db")}";
        Console.WriteLine($"--- {(postgres ? "PostgreSQL" : "SQLite")} ---");

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = workDir });
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = postgres ? DatabaseProviders.PostgreSql : DatabaseProviders.Sqlite,
            ["Database:ConnectionString"] = connection,
            ["Database:SeedPath"] = Path.Combine(repo, "seeds"),
        });
        // The app's own registrations (Program.cs's list), so the renderer and everything it reads are the app's.
        builder.AddDiligenceData();
        builder.AddConversations();
        builder.Services.AddNotifications();
        builder.Services.AddWorkLogs();
        builder.Services.AddScheduleMessages();
        builder.Services.AddTransfers();
        builder.Services.AddCoaching();
        builder.Services.AddCustomers();
        builder.Services.AddImports();
        builder.Services.AddPlans();
        builder.Services.AddMeetings();
        builder.Services.AddRecords();
        builder.Services.AddAssessment();
        builder.AddScheduling();
        builder.AddOperations();
        builder.Services.AddSingleton<TimeProvider>(new FixedClock(DraftNow));
        await using var app = builder.Build();
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        var exitCode = 0;
        try
        {
            // ---- Seed (not timed) ---------------------------------------------------------------------------------------
            var seedClock = Stopwatch.StartNew();
            var generator = new CoachingSeed(managerCount, 22, 1, SeedNow);
            SeedCounts counts;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<DiligenceDbContext>();
                await db.Database.MigrateAsync();
                counts = await generator.WriteAsync(db, CancellationToken.None);
            }

            var november = generator.WorkDays.Where(d => d >= November).ToList();
            await using (var scope = scopes.CreateAsyncScope())
            {
                await ScorecardSeed.WriteAsync(scope.ServiceProvider.GetRequiredService<DiligenceDbContext>(), November, november);
            }

            Console.WriteLine($"seeded in {BenchSupport.F(seedClock.Elapsed.TotalSeconds, "0.0")} s: {BenchSupport.N(counts.Managers)} managers in {BenchSupport.N(counts.Teams)} teams, "
                + $"{BenchSupport.N(counts.Logs)} logs ({BenchSupport.N(counts.Reviews)} reviews), {BenchSupport.N(counts.Forms)} transfer forms, and for November ({november.Count} working days): "
                + "customers, approved plans, daily minutes with attendance, action items, figures, customers' evaluations");

            List<(Team Team, Person Lead)> leads;
            List<Person> managers;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<DiligenceDbContext>();
                var teams = await db.Teams.AsNoTracking().Where(t => t.TenantId == CoachingSeed.TenantId).OrderBy(t => t.Id).ToListAsync();
                var people = await db.People.AsNoTracking().Include(p => p.Team).Where(p => p.TenantId == CoachingSeed.TenantId).ToListAsync();
                var byId = people.ToDictionary(p => p.Id, StringComparer.Ordinal);
                leads = teams.Where(t => t.LeadId is not null).Select(t => (t, byId[t.LeadId!])).ToList();
                managers = people.Where(p => p.TeamId is not null).OrderBy(p => p.Id).ToList();
            }

            // What the schedule job queues at the meeting of 1 December: one drafts notification per team, to its lead.
            var period = RecordPeriod.Holding(RecordPeriodKind.Monthly, November);
            Notification Drafts(Team team, Person lead) =>
                Notification.Create(team.TenantId, ScorecardDraftSchedule.Drafts, ScorecardDraftSchedule.Subject(team.Id, period), 0, lead.Id, DraftNow);

            async Task<int> RenderAsync(IEnumerable<(Team Team, Person Lead)> which)
            {
                var rendered = 0;
                foreach (var (team, lead) in which)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var renderer = scope.ServiceProvider.GetRequiredKeyedService<INotificationRenderer>(ScorecardDraftSchedule.Drafts);
                    rendered += await renderer.RenderAsync(Drafts(team, lead), lead, Language.ZhCn, CancellationToken.None) is null ? 0 : 1;
                }

                return rendered;
            }

            // ---- Warm-up (not timed): JIT, EF's compiled queries, the connection pool --------------------------------------
            _ = await RenderAsync(leads.Take(10));

            var others = await BenchTools.WaitForIdleMachineAsync([], 0.25, TimeSpan.FromSeconds(30));
            var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            Console.WriteLine($"other processes before measuring: {BenchSupport.F(others)} cores busy; load average {load} (figures are noisy under load)");

            // ---- Timed: every team's drafts, one notification at a time ---------------------------------------------------
            var clock = Stopwatch.StartNew();
            var drafted = await RenderAsync(leads);
            clock.Stop();
            Console.WriteLine($"drafts rendered (the lead's card of the team's ten scorecards): {BenchSupport.N(drafted)} of {BenchSupport.N(leads.Count)} teams in {BenchSupport.F(clock.Elapsed.TotalSeconds)} s");
            if (drafted != leads.Count)
            {
                Console.WriteLine("not OK: some teams' drafts were not rendered");
                exitCode = 1;
            }

            // ---- Check (not timed): which indicators were measured, for every manager -------------------------------------
            await using (var scope = scopes.CreateAsyncScope())
            {
                var values = scope.ServiceProvider.GetRequiredService<ScorecardValues>();
                var rules = scope.ServiceProvider.GetRequiredService<ScorecardRules>();
                var thisMonth = new DateOnly(2026, 12, 1);
                var measured = new Dictionary<string, int>(StringComparer.Ordinal);
                var valuesClock = Stopwatch.StartNew();
                foreach (var team in managers.GroupBy(m => m.TeamId!, StringComparer.Ordinal))
                {
                    foreach (var own in (await values.OfAsync(team.ToList(), period, thisMonth, CancellationToken.None)).Values)
                    {
                        foreach (var indicator in rules.Dimensions.SelectMany(d => d.Indicators ?? []).Where(i => own.ContainsKey(i.Source)))
                        {
                            measured[indicator.Id] = measured.GetValueOrDefault(indicator.Id) + 1;
                        }
                    }
                }

                Console.WriteLine($"of which measuring (ScorecardValues.OfAsync per team, again): {BenchSupport.F(valuesClock.Elapsed.TotalSeconds)} s");
                var indicators = rules.Dimensions.SelectMany(d => d.Indicators ?? []).ToList();
                var everyone = indicators.Where(i => measured.GetValueOrDefault(i.Id) == managers.Count).ToList();
                Console.WriteLine($"indicators measured for all {BenchSupport.N(managers.Count)} managers: {everyone.Count} of {indicators.Count}");
                foreach (var i in indicators.Except(everyone))
                {
                    Console.WriteLine($"  {i.Id} ({i.Source}): measured for {BenchSupport.N(measured.GetValueOrDefault(i.Id))}");
                }
            }

            return (exitCode, clock.Elapsed.TotalSeconds, leads.Count, load);
        }
        finally
        {
            if (!keep)
            {
                if (postgres)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<DiligenceDbContext>().Database.EnsureDeletedAsync();
                }

                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(workDir, recursive: true);
            }
            else
            {
                Console.WriteLine($"kept {(postgres ? connection : workDir)}");
            }
        }
    }
}

/// <summary>
/// What the coaching seed does not write and the scorecard reads, for November: each manager's customers (the three
/// the seed's logs name, and more), an approved visit plan, the team's daily minutes with every member's attendance,
/// action items from them, imported figures and customers' evaluations. Written with the app's bulk insert, so the
/// same code seeds SQLite and PostgreSQL.
/// </summary>
internal static class ScorecardSeed
{
    private const int CustomersEach = 20;

    public static async Task WriteAsync(DiligenceDbContext db, DateOnly month, List<DateOnly> days)
    {
        string[] named = ["华美便利店", "新华报亭", "东街烟酒行"];
        var tenant = CoachingSeed.TenantId;
        var teams = await db.Teams.AsNoTracking().Where(t => t.TenantId == tenant).OrderBy(t => t.Id).ToListAsync();
        var members = (await db.People.AsNoTracking().Where(p => p.TenantId == tenant && p.TeamId != null).OrderBy(p => p.Id).Select(p => new { p.Id, p.TeamId }).ToListAsync())
            .ToLookup(p => p.TeamId!, p => p.Id, StringComparer.Ordinal);
        var at = new DateTimeOffset(2026, 10, 25, 10, 0, 0, TimeSpan.FromHours(8));
        var imported = new DateTimeOffset(2026, 12, 1, 8, 30, 0, TimeSpan.FromHours(8));
        var managers = teams.SelectMany(t => members[t.Id].Select(id => (Team: t, Id: id))).ToList();

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var customers = managers.SelectMany((m, i) => Enumerable.Range(0, CustomersEach).Select(c => new Customer
            {
                TenantId = tenant, LicenceNumber = $"{i:000000}{c:000}", Name = c < named.Length ? named[c] : $"客户{i}-{c}号", Address = $"南京路{c + 1}号",
                District = "黄浦区", Tier = "ABCD"[c % 4].ToString(), ManagerId = m.Id, VisitsPerMonth = 2, CreatedAt = at, UpdatedAt = at,
            })).ToList();
            await BulkInsert.InsertAsync(db, customers, CancellationToken.None);
            await transaction.CommitAsync();
        }

        var customerIds = (await db.Customers.AsNoTracking().Where(c => c.TenantId == tenant).Select(c => new { c.Id, c.ManagerId }).ToListAsync())
            .ToLookup(c => c.ManagerId, c => c.Id, StringComparer.Ordinal);
        var plans = new List<MarketingPlan>();
        var revisions = new List<MarketingPlanRevision>();
        var minutes = new List<MeetingMinutes>();
        var attendance = new List<MeetingAttendance>();
        var actions = new List<ActionItem>();
        var figures = new List<ManagerFigures>();
        var evaluations = new List<CustomerEvaluation>();
        var n = 0;
        foreach (var (team, id) in managers)
        {
            n++;
            var plan = new MarketingPlan
            {
                Id = Guid.NewGuid(), TenantId = tenant, TeamId = team.Id, ManagerId = id, Month = month, Status = PlanStatus.Approved, CurrentRevision = 1,
                OnTime = true, FirstSubmittedAt = at, LastSubmittedAt = at, ConcurrencyStamp = Guid.NewGuid(),
            };
            var visits = customerIds[id].SelectMany((c, k) => new[] { new PlannedVisit(days[k % days.Count], c), new PlannedVisit(days[(k + 7) % days.Count], c) }).ToList();
            plans.Add(plan);
            revisions.Add(new MarketingPlanRevision { PlanId = plan.Id, Number = 1, VolumeCases = 1200, Measures = "陈列指导；新品推介", Visits = visits, SubmittedAt = at });

            // Figures: on target, a little over or under, by manager.
            var sold = 1200m * (0.85m + (n % 20) / 100m);
            figures.Add(new ManagerFigures
            {
                TenantId = tenant, ManagerId = id, Month = month, VolumeTargetCases = 1200, VolumeCases = sold, ValueTargetYuan = 2_400_000m, ValueYuan = sold * 2000m,
                ForecastCases = 1200, ImportedAt = imported, ImportedById = team.LeadId!,
            });
            foreach (var (customer, k) in customerIds[id].Take(5).Select((c, k) => (c, k)))
            {
                evaluations.Add(new CustomerEvaluation
                {
                    TenantId = tenant, CustomerId = customer, ManagerId = id, Month = month, VisitRegularity = 3 + (n + k) % 3, ServiceAttitude = 4 + (n + k) % 2,
                    PolicyExplanation = 3 + k % 3, ProblemSolving = 2 + (n + k) % 4, FairnessIntegrity = 4 + k % 2, ImportedAt = imported, ImportedById = team.LeadId!,
                });
            }
        }

        // Each team's daily meeting minutes on November's working days, every member listed (one in twenty days absent, on leave).
        foreach (var team in teams)
        {
            foreach (var (day, d) in days.Select((day, d) => (day, d)))
            {
                var recorded = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 30)), TimeSpan.FromHours(8));
                var m = new MeetingMinutes
                {
                    Id = Guid.NewGuid(), TenantId = tenant, TeamId = team.Id, DraftId = Guid.NewGuid(), MeetingDate = day, Kind = MeetingKind.Daily, RecordedById = team.LeadId!,
                    RecordedAt = recorded, Topics = "昨日拜访情况；今日重点客户", Revision = 1, ConcurrencyStamp = Guid.NewGuid(),
                };
                minutes.Add(m);
                var number = 0;
                foreach (var (id, k) in members[team.Id].Select((id, k) => (id, k)))
                {
                    var present = (d + k) % 20 != 0;
                    attendance.Add(new MeetingAttendance { MinutesId = m.Id, PersonId = id, Present = present, AbsenceReason = present ? null : "请假" });
                    // Two action items per manager in the month (the first and the eleventh meeting), most done by their day.
                    if (d is 0 or 10)
                    {
                        var due = days[Math.Min(d + 3, days.Count - 1)];
                        var done = (k + d) % 5 != 0;
                        actions.Add(new ActionItem
                        {
                            Id = Guid.NewGuid(), TenantId = tenant, MinutesId = m.Id, TeamId = team.Id, Number = ++number, OwnerId = id, DueDate = due, Text = "回访投诉客户并反馈",
                            State = done ? ActionItemState.Done : ActionItemState.Open, DoneAt = done ? new DateTimeOffset(due.ToDateTime(new TimeOnly(16, 0)), TimeSpan.FromHours(8)) : null,
                            UpdatedAt = recorded, RemindAt = recorded.AddDays(2), OverdueAt = recorded.AddDays(3), Revision = 1, ConcurrencyStamp = Guid.NewGuid(),
                        });
                    }
                }
            }
        }

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await BulkInsert.InsertAsync(db, plans, CancellationToken.None);
            await BulkInsert.InsertAsync(db, revisions, CancellationToken.None);
            await BulkInsert.InsertAsync(db, minutes, CancellationToken.None);
            await BulkInsert.InsertAsync(db, attendance, CancellationToken.None);
            await BulkInsert.InsertAsync(db, actions, CancellationToken.None);
            await BulkInsert.InsertAsync(db, figures, CancellationToken.None);
            await BulkInsert.InsertAsync(db, evaluations, CancellationToken.None);
            await transaction.CommitAsync();
        }

        await RatedFormsAsync(db, month, managers.Select(m => (m.Team, m.Id)).ToList());
    }

    /// <summary>
    /// The coaching seed draws each manager's transfer forms at random (some send none in a month); a manager without a
    /// form the lead rated in November gets one, sent, acknowledged and rated on the month's tenth, numbered after the
    /// tenant's last number of the year as the register does.
    /// </summary>
    private static async Task RatedFormsAsync(DiligenceDbContext db, DateOnly month, List<(Team Team, string Id)> managers)
    {
        var tenant = CoachingSeed.TenantId;
        var from = new DateTimeOffset(month.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
        var to = new DateTimeOffset(month.AddMonths(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
        var rated = (await db.Set<TransferForm>().AsNoTracking().Where(f => f.TenantId == tenant && f.ValueRating != null && f.SentAt >= from && f.SentAt < to)
            .Select(f => f.ProviderId).Distinct().ToListAsync()).ToHashSet(StringComparer.Ordinal);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var counter = await db.Set<TransferCounter>().SingleOrDefaultAsync(c => c.TenantId == tenant && c.Year == month.Year);
        if (counter is null)
        {
            counter = new TransferCounter { TenantId = tenant, Year = month.Year };
            db.Add(counter);
        }

        var forms = new List<TransferForm>();
        var steps = new List<TransferStep>();
        var sent = from.AddDays(9).AddHours(10);
        foreach (var (team, id) in managers.Where(m => !rated.Contains(m.Id)))
        {
            var sequence = ++counter.LastNumber;
            var form = new TransferForm
            {
                Id = Guid.NewGuid(), TenantId = tenant, Year = month.Year, Sequence = sequence, Number = $"BC-{month.Year}-{sequence:D6}", DraftId = Guid.NewGuid(),
                ProviderId = id, ProviderTeamId = team.Id, CategoryId = "supply", Urgency = TransferUrgency.Normal, Content = "华美便利店的畅销规格连续两周断货。",
                PostId = "logistics", State = TransferState.Acknowledged, Revision = 2, SentAt = sent, AckDueAt = sent.AddHours(4), AckEscalateAt = sent.AddHours(8),
                HandleDueAt = sent.AddDays(2), ReceivedAt = sent.AddHours(1), ReceivedById = "receiver-logistics", ValueRating = 2 + sequence % 4, ValueRatedById = team.LeadId,
                ValueRatedAt = sent.AddHours(20), ConcurrencyStamp = Guid.NewGuid(),
            };
            forms.Add(form);
            steps.Add(new TransferStep { FormId = form.Id, FromRevision = 0, Kind = TransferStepKind.Submitted, ActorId = id, At = sent, ToPostId = form.PostId });
            steps.Add(new TransferStep { FormId = form.Id, FromRevision = 1, Kind = TransferStepKind.Acknowledged, ActorId = "receiver-logistics", At = sent.AddHours(1) });
        }

        await db.SaveChangesAsync();
        await BulkInsert.InsertAsync(db, forms, CancellationToken.None);
        await BulkInsert.InsertAsync(db, steps, CancellationToken.None);
        await transaction.CommitAsync();
    }
}
