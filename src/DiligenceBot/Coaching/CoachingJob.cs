using DiligenceBot.Conversations;
using DiligenceBot.Notifications;
using DiligenceBot.Organisation;
using DiligenceBot.Scheduling;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Coaching;

/// <summary>
/// The coaching schedule, run every 15 minutes by Hangfire (recurring job <c>coaching</c>, no arguments). On each
/// team's first working day of the month, an hour after its daily meeting has started: the monthly pulse to each
/// manager who has not answered it, and the monthly digest to the lead (the rules' suggestion for each manager is
/// kept as the month's snapshot, so the next digest shows what changed). Every day: each open coaching action due
/// (on its due day, then weekly while open) is reminded to the manager's team lead. Messages are keyed per (kind,
/// subject, month or week, recipient): re-running the job, or two instances running it, sends nothing twice.
/// </summary>
public sealed class CoachingJob(CoachingDesk desk, HolidayCalendars calendars, ILogger<CoachingJob> logger)
{
    public const string JobId = "coaching";

    /// <summary>How long after the meeting starts the month's messages go out (the meeting comes first).</summary>
    private static readonly TimeSpan AfterMeeting = TimeSpan.FromHours(1);

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = desk.Now;
        var db = desk.Db;
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Id).ToListAsync(cancellationToken);
        var wanted = new List<Notification>();
        var snapshots = 0;
        var teamToday = new Dictionary<string, (DateOnly Today, bool Due)>(StringComparer.Ordinal);
        var monthTeams = new List<(Team Team, DateOnly Month)>();
        foreach (var team in teams)
        {
            var schedule = calendars.ScheduleOf(team);
            var today = team.LocalDate(now);
            var due = ScheduleMath.IsWorkingDay(schedule, today) && now >= ScheduleMath.MeetingStart(schedule, today) + AfterMeeting;
            teamToday[team.Id] = (today, due);
            // The first working day of the month: no working day between the 1st and today, today included.
            var month = new DateOnly(today.Year, today.Month, 1);
            if (due && ScheduleMath.NextWorkingDay(schedule, month.AddDays(-1), today.Day) == today)
            {
                monthTeams.Add((team, month));
            }
        }

        if (monthTeams.Count > 0)
        {
            // What the month's teams already have, in one query each (not three per team, every 15 minutes of the day).
            var teamIds = monthTeams.Select(m => m.Team.Id).ToList();
            var members = (await db.People.AsNoTracking().Where(p => p.TeamId != null && teamIds.Contains(p.TeamId)).ToListAsync(cancellationToken))
                .ToLookup(p => p.TeamId!, StringComparer.Ordinal);
            var ids = members.SelectMany(g => g).Select(m => m.Id).ToList();
            var months = monthTeams.Select(m => m.Month).Distinct().ToList();
            var answered = (await db.Set<PulseResponse>().Where(p => ids.Contains(p.ManagerId) && months.Contains(p.Month))
                .Select(p => new { p.ManagerId, p.Month }).ToListAsync(cancellationToken)).Select(p => (p.ManagerId, p.Month)).ToHashSet();
            var taken = (await db.Set<CoachingSnapshot>().Where(s => ids.Contains(s.ManagerId) && months.Contains(s.Month))
                .Select(s => new { s.ManagerId, s.Month }).ToListAsync(cancellationToken)).Select(s => (s.ManagerId, s.Month)).ToHashSet();
            var unsnapshotted = new List<(Person Manager, DateOnly Month)>();
            foreach (var (team, month) in monthTeams)
            {
                wanted.AddRange(members[team.Id].Where(m => !answered.Contains((m.Id, month)))
                    .Select(m => Notification.Create(team.TenantId, CoachingDesk.PulseKind, Month(month), 0, m.Id, now)));
                if (team.LeadId is null)
                {
                    continue;
                }

                unsnapshotted.AddRange(members[team.Id].Where(m => !taken.Contains((m.Id, month))).Select(m => (m, month)));
                wanted.Add(Notification.Create(team.TenantId, CoachingDesk.DigestKind, team.Id + "|" + Month(month), 0, team.LeadId, now));
            }

            // The month's snapshots ("changed since last month" in next month's digest): one suggestion run per tenant.
            foreach (var tenant in unsnapshotted.GroupBy(m => m.Manager.TenantId, StringComparer.Ordinal))
            {
                var suggestions = await desk.SuggestAsync(tenant.Key, tenant.Select(m => m.Manager).ToList(), cancellationToken);
                foreach (var (manager, month) in tenant)
                {
                    if (!suggestions.TryGetValue(manager.Id, out var suggestion))
                    {
                        continue;
                    }

                    db.Set<CoachingSnapshot>().Add(new CoachingSnapshot
                    {
                        TenantId = tenant.Key,
                        ManagerId = manager.Id,
                        Month = month,
                        SuggestedType = suggestion.Top?.Type,
                        Score = suggestion.Top?.Score ?? 0,
                        TakenAt = now,
                    });
                    snapshots++;
                }
            }
        }

        // Actions: due today or overdue in the manager's team calendar; reminded on the due day and then weekly.
        var latestToday = teamToday.Count == 0 ? DateOnly.MinValue : teamToday.Values.Max(t => t.Today);
        var open = await db.Set<CoachingAction>().AsNoTracking()
            .Where(a => a.Status == CoachingActionStatus.Open && a.Due <= latestToday)
            .Join(db.People, a => a.ManagerId, p => p.Id, (a, p) => new { a.Id, a.TenantId, a.Due, p.TeamId })
            .ToListAsync(cancellationToken);
        var leads = teams.ToDictionary(t => t.Id, t => t.LeadId, StringComparer.Ordinal);
        foreach (var action in open)
        {
            if (action.TeamId is null || !teamToday.TryGetValue(action.TeamId, out var t) || !t.Due || action.Due > t.Today || leads[action.TeamId] is not { } lead)
            {
                continue;
            }

            var week = (t.Today.DayNumber - action.Due.DayNumber) / 7;
            wanted.Add(Notification.Create(action.TenantId, CoachingDesk.ActionDueKind, action.Id.ToString(), week, lead, now));
        }

        var fresh = await NotificationQueue.AddNewAsync(db, wanted, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance queued these (or took the snapshots) at the same moment: the next run finds them.
            db.ChangeTracker.Clear();
            Log.CoachingJobDeferred(logger);
            return;
        }

        Log.CoachingJobRun(logger, fresh.Count, snapshots);
        if (fresh.Count > 0)
        {
            desk.WakeNotifications();
        }
    }

    private static string Month(DateOnly month) => month.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>At start-up: loads the coaching seeds (failing the start when one is wrong) and registers the <see cref="CoachingJob"/> with Hangfire when this host has it (Scheduling enabled).</summary>
public sealed class CoachingJobs(IServiceProvider services, ILogger<CoachingJobs> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Read the playbooks and thresholds now: a broken file stops the start with its reason, instead of failing
        // every message that needs a renderer later.
        _ = services.GetRequiredService<CoachingLibrary>();
        if (services.GetService<JobStorage>() is null)
        {
            return Task.CompletedTask;
        }

        services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<CoachingJob>(
            CoachingJob.JobId,
            job => job.RunAsync(CancellationToken.None),
            "*/15 * * * *",
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        Log.CoachingJobRegistered(logger, CoachingJob.JobId);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class CoachingRegistration
{
    /// <summary>
    /// Coaching: the playbooks and thresholds from seeds/coaching, the evidence and rules, the verbs, the monthly
    /// pulse and digest and the action reminders (the job is registered with Hangfire only when Scheduling is
    /// enabled). Needs the notifications and the schedule's holiday calendars.
    /// </summary>
    public static IServiceCollection AddCoaching(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var seeds = Data.DataExtensions.SeedFolder(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Data.DatabaseOptions>>().Value);
            return new CoachingLibrary(
                Path.Combine(seeds, "coaching"),
                Path.Combine(AppContext.BaseDirectory, "seeds", "coaching"));
        });
        services.AddScoped<CoachingEvidenceLoader>();
        services.AddScoped<CoachingDesk>();
        services.AddScoped<CoachingJob>();
        services.AddHostedService<CoachingJobs>();
        services.AddNotificationRenderer<PulseRenderer>(CoachingDesk.PulseKind);
        services.AddNotificationRenderer<CoachingDigestRenderer>(CoachingDesk.DigestKind);
        services.AddNotificationRenderer<CoachingActionRenderer>(CoachingDesk.ActionDueKind);
        services.AddNotificationRenderer<CoachingTipRenderer>(CoachingDesk.TipKind);
        return services
            .AddBotVerb<CoachVerb>(CoachingCards.OpenVerb, "coach", "辅导")
            .AddBotVerb<DecideVerb>(CoachingCards.DecideVerb)
            .AddBotVerb<ObserveVerb>(CoachingCards.ObserveVerb)
            .AddBotVerb<CoachingActionVerb>(CoachingCards.ActionVerb)
            .AddBotVerb<TipVerb>(CoachingCards.TipVerb)
            .AddBotVerb<PulseVerb>(CoachingCards.PulseOpenVerb, "pulse", "月度状态")
            .AddBotVerb<PulseSubmitVerb>(CoachingCards.PulseSubmitVerb);
    }
}
