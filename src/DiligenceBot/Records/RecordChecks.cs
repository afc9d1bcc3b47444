using System.Security.Cryptography;
using DiligenceBot.Customers;
using DiligenceBot.Data;
using DiligenceBot.Meetings;
using DiligenceBot.Organisation;
using DiligenceBot.Plans;
using DiligenceBot.Reviews;
using DiligenceBot.Scheduling;
using DiligenceBot.WorkLogs;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Records;

/// <summary>What a check says of a month: met, not met, or not measured (nothing was due or filed to check).</summary>
public enum CheckVerdict { NotMeasured, Met, NotMet }

/// <summary><see cref="Count"/> of <see cref="Of"/> (logs submitted of those due, records verified of those filed, …).</summary>
public readonly record struct Share(int Count, int Of)
{
    /// <summary>All of them (also when none was due).</summary>
    public bool Whole => Count >= Of;

    /// <summary>The share in whole percent, rounded down (so 99.6 % is not shown as 100 %); null when nothing was due.</summary>
    public int? Percent => Of == 0 ? null : (int)Math.Floor(100.0 * Count / Of);
}

/// <summary>
/// Complete: every working day's log of the month (those already due), the month's plan, the team's meetings the
/// manager was on the list of (attended), the required records that fell due in the month. Met when nothing is missing.
/// </summary>
public sealed record CompleteCheck(Share Logs, int LogsOnTime, bool PlanPresent, Share Meetings, Share RequiredRecords)
{
    public CheckVerdict Verdict =>
        Logs.Of + Meetings.Of + RequiredRecords.Of == 0 && PlanPresent ? CheckVerdict.NotMeasured
        : Logs.Whole && PlanPresent && Meetings.Whole && RequiredRecords.Whole ? CheckVerdict.Met : CheckVerdict.NotMet;
}

/// <summary>
/// Correct: of the month's logs, plan and records, how many the lead approved or verified; how often the lead
/// returned one (each return counts); how many wait for the lead. Met when the lead has decided something and
/// returned nothing; not measured while nothing is decided.
/// </summary>
public sealed record CorrectCheck(Share Approved, int LogReturns, int PlanReturns, int RecordReturns, int Waiting)
{
    public int Returns => LogReturns + PlanReturns + RecordReturns;

    public CheckVerdict Verdict =>
        Returns > 0 ? CheckVerdict.NotMet : Approved.Count == 0 ? CheckVerdict.NotMeasured : CheckVerdict.Met;
}

/// <summary>
/// Classified: records that can be found again by what they are (a known kind, and its period for a kind with one, or
/// the customers it concerns for a kind without: registered ones or shops written as not registered); logs that name registered customers (as <see cref="CustomerVisits"/> reads them).
/// </summary>
public sealed record ClassifiedCheck(Share Records, Share Logs)
{
    public CheckVerdict Verdict =>
        Records.Of + Logs.Of == 0 ? CheckVerdict.NotMeasured : Records.Whole && Logs.Whole ? CheckVerdict.Met : CheckVerdict.NotMet;
}

/// <summary>Kept: the month's records verified (so locked) and their files retrievable from the record store, intact (SHA-256).</summary>
public sealed record KeptCheck(Share Locked, Share Files)
{
    public CheckVerdict Verdict =>
        Locked.Of == 0 ? CheckVerdict.NotMeasured : Locked.Whole && Files.Whole ? CheckVerdict.Met : CheckVerdict.NotMet;
}

/// <summary>Which of the four checks.</summary>
public enum RecordCheckKind { Complete, Correct, Classified, Kept }

/// <summary>A log of the month as the checks see it.</summary>
public sealed record CheckedLog(Guid Id, DateOnly WorkDate, WorkLogStatus Status, bool OnTime, int Returns, bool NamesCustomers);

/// <summary>A record filed in the month as the checks see it; <see cref="LostFiles"/> are the files the store cannot give back intact.</summary>
public sealed record CheckedRecord(Guid Id, string KindId, string PeriodKey, string Title, RecordStatus Status, int Returns, bool Classified, int Files, IReadOnlyList<string> LostFiles);

/// <summary>A meeting of the month whose attendance list names the manager.</summary>
public sealed record CheckedMeeting(Guid MinutesId, DateOnly Date, MeetingKind Kind, bool Present, string? AbsenceReason);

/// <summary>A required record that fell due in the month (by the end of <see cref="DueDay"/>), and the record filed for it if any.</summary>
public sealed record DueRecord(RecordKind Kind, RecordPeriod Period, DateOnly DueDay, Guid? RecordId);

/// <summary>The month's plan as the checks see it.</summary>
public sealed record CheckedPlan(Guid Id, PlanStatus Status, int Returns);

/// <summary>
/// One manager's four checks for a month, with everything behind the figures (so a card can list what is missing
/// without computing anything again). <see cref="Until"/> is the first day not counted: the day after the month, or
/// today for the month under way (today's log and meetings are not due yet).
/// </summary>
public sealed record ManagerChecks(
    Person Manager,
    Team Team,
    DateOnly Month,
    DateOnly Until,
    CompleteCheck Complete,
    CorrectCheck Correct,
    ClassifiedCheck Classified,
    KeptCheck Kept,
    IReadOnlyList<DateOnly> MissingLogDays,
    IReadOnlyList<CheckedLog> Logs,
    CheckedPlan? Plan,
    IReadOnlyList<CheckedMeeting> Meetings,
    IReadOnlyList<DueRecord> DueRecords,
    IReadOnlyList<CheckedRecord> Records)
{
    public CheckVerdict Verdict(RecordCheckKind kind) => kind switch
    {
        RecordCheckKind.Complete => Complete.Verdict,
        RecordCheckKind.Correct => Correct.Verdict,
        RecordCheckKind.Classified => Classified.Verdict,
        _ => Kept.Verdict,
    };

    public int MetCount => Enum.GetValues<RecordCheckKind>().Count(k => Verdict(k) == CheckVerdict.Met);

    public int NotMetCount => Enum.GetValues<RecordCheckKind>().Count(k => Verdict(k) == CheckVerdict.NotMet);
}

/// <summary>
/// The article's four record checks (complete, correct, classified, kept safe) of managers for a month, in each
/// manager's team calendar and time zone: the one computation the check cards read and the scorecards' basic-records
/// dimension is to read. Any number of managers of one tenant take one query per table, not one per manager.
/// </summary>
public sealed class RecordChecks(DiligenceDbContext db, RecordKinds kinds, HolidayCalendars calendars, IRecordStore store, TimeProvider time)
{
    /// <summary>The first day of the month under way in the team's zone.</summary>
    public DateOnly ThisMonth(Team team)
    {
        var today = team.LocalDate(time.GetUtcNow());
        return new DateOnly(today.Year, today.Month, 1);
    }

    /// <summary>
    /// The month a lead checks when they name none: last month until its monthly required records are all due (the
    /// first working days of a month are when a lead looks back), then the month under way so far.
    /// </summary>
    public DateOnly DefaultMonth(Team team)
    {
        var today = team.LocalDate(time.GetUtcNow());
        var schedule = calendars.ScheduleOf(team);
        var last = RecordPeriod.Holding(RecordPeriodKind.Monthly, today).Previous;
        var lastDue = kinds.Required.Where(k => k.Period == RecordPeriodKind.Monthly).Select(k => k.DueDay(schedule, last)).Max();
        return lastDue is { } due && today <= due ? last.First : new DateOnly(today.Year, today.Month, 1);
    }

    /// <summary>
    /// The four checks of each manager (each a member of a team of the same tenant) for <paramref name="month"/> (its
    /// first day): the whole month once it is over, the month so far while it is under way. Managers without a team
    /// are left out. In the order given.
    /// </summary>
    public async Task<IReadOnlyList<ManagerChecks>> OfAsync(IReadOnlyCollection<Person> managers, DateOnly month, CancellationToken cancellationToken)
    {
        month = new DateOnly(month.Year, month.Month, 1);
        var withTeam = managers.Where(m => m.TeamId is not null).ToList();
        if (withTeam.Count == 0)
        {
            return [];
        }

        var tenantId = withTeam[0].TenantId;
        var now = time.GetUtcNow();
        var ids = withTeam.Select(m => m.Id).Distinct().ToList();
        var teamIds = withTeam.Select(m => m.TeamId!).Distinct().ToList();
        var teams = await db.Teams.AsNoTracking().Where(t => t.TenantId == tenantId && teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, StringComparer.Ordinal, cancellationToken);
        var last = month.AddMonths(1).AddDays(-1);

        // Per team: its calendar, up to when the month counts, which working days' logs are due, which required records fell due.
        var calendarsOf = teams.Values.ToDictionary(t => t.Id, t => TeamMonth.Of(t, calendars.ScheduleOf(t), kinds, month, now), StringComparer.Ordinal);
        var dueKeys = calendarsOf.Values.SelectMany(c => c.Due).Select(d => d.Period.Key).Distinct().ToList();
        // Records filed in the month: the widest window over the teams' zones, cut per team below.
        var fromInstant = calendarsOf.Values.Min(c => c.From);
        var toInstant = calendarsOf.Values.Max(c => c.To);

        var logs = await db.WorkLogs.AsNoTracking()
            .Where(l => l.TenantId == tenantId && ids.Contains(l.ManagerId) && l.WorkDate >= month && l.WorkDate <= last)
            .Select(l => new { l.Id, l.ManagerId, l.WorkDate, l.Status, l.OnTime, Returns = l.Reviews.Count(r => r.Decision == ReviewDecision.Returned) })
            .ToListAsync(cancellationToken);
        var plans = await db.Set<MarketingPlan>().AsNoTracking()
            .Where(p => p.TenantId == tenantId && ids.Contains(p.ManagerId) && p.Month == month)
            .Select(p => new { p.Id, p.ManagerId, p.Status, Returns = p.Reviews.Count(r => r.Decision == ReviewDecision.Returned) })
            .ToListAsync(cancellationToken);
        var attendance = await db.Set<MeetingMinutes>().AsNoTracking()
            .Where(m => m.TenantId == tenantId && m.MeetingDate >= month && m.MeetingDate <= last)
            .SelectMany(m => m.Attendance.Where(a => ids.Contains(a.PersonId)), (m, a) => new { m.Id, m.MeetingDate, m.Kind, a.PersonId, a.Present, a.AbsenceReason })
            .ToListAsync(cancellationToken);
        var records = await db.Set<ManagerRecord>().AsNoTracking()
            .Where(r => r.TenantId == tenantId && ids.Contains(r.ManagerId)
                && ((r.FirstFiledAt >= fromInstant && r.FirstFiledAt < toInstant) || dueKeys.Contains(r.PeriodKey)))
            .Select(r => new
            {
                r.Id, r.ManagerId, r.KindId, r.PeriodKey, r.Title, r.Status, r.FirstFiledAt, r.CustomerIds, r.UnregisteredCustomers,
                Returns = r.Reviews.Count(v => v.Decision == ReviewDecision.Returned),
                Files = r.Files.Select(f => new { f.FileName, f.StorageKey, f.Sha256 }).ToList(),
            })
            .ToListAsync(cancellationToken);
        var customers = await db.Customers.AsNoTracking().Where(c => c.TenantId == tenantId && ids.Contains(c.ManagerId))
            .Select(c => new CustomerVisits.Named(c.Id, c.ManagerId, c.Name, c.LicenceNumber)).ToListAsync(cancellationToken);
        // Which registered customers a log names is CustomerVisits' to say: a log names one when it counts as a visit to it.
        var visits = await CustomerVisits.DaysAsync(db, tenantId, customers, month, last.AddDays(1), cancellationToken);
        var named = customers.SelectMany(c => visits.GetValueOrDefault(c.Id, []).Select(d => (c.ManagerId, d))).ToHashSet();

        var logsOf = logs.ToLookup(l => l.ManagerId, StringComparer.Ordinal);
        var plansOf = plans.ToDictionary(p => p.ManagerId, StringComparer.Ordinal);
        var attendanceOf = attendance.ToLookup(a => a.PersonId, StringComparer.Ordinal);
        var recordsOf = records.ToLookup(r => r.ManagerId, StringComparer.Ordinal);
        var result = new List<ManagerChecks>(withTeam.Count);
        foreach (var manager in withTeam)
        {
            if (!teams.TryGetValue(manager.TeamId!, out var team))
            {
                continue;
            }

            var cal = calendarsOf[team.Id];
            var checkedLogs = logsOf[manager.Id].OrderBy(l => l.WorkDate)
                .Select(l => new CheckedLog(l.Id, l.WorkDate, l.Status, l.OnTime, l.Returns, named.Contains((manager.Id, l.WorkDate)))).ToList();
            var byDay = checkedLogs.ToDictionary(l => l.WorkDate);
            var missing = cal.LogDays.Where(d => !byDay.ContainsKey(d)).ToList();
            var onTime = cal.LogDays.Count(d => byDay.TryGetValue(d, out var l) && l.OnTime);
            var plan = plansOf.TryGetValue(manager.Id, out var p) ? new CheckedPlan(p.Id, p.Status, p.Returns) : null;
            var meetings = attendanceOf[manager.Id].Where(a => a.MeetingDate < cal.Until).OrderBy(a => a.MeetingDate).ThenBy(a => a.Kind)
                .Select(a => new CheckedMeeting(a.Id, a.MeetingDate, a.Kind, a.Present, a.AbsenceReason)).ToList();
            var mine = recordsOf[manager.Id].ToList();
            var due = cal.Due.Select(d => d with
            {
                RecordId = mine.FirstOrDefault(r => r.KindId == d.Kind.Id && r.PeriodKey == d.Period.Key)?.Id,
            }).ToList();
            var filed = new List<CheckedRecord>();
            foreach (var r in mine.Where(r => r.FirstFiledAt >= cal.From && r.FirstFiledAt < cal.To).OrderBy(r => r.FirstFiledAt))
            {
                var lost = new List<string>();
                foreach (var file in r.Files)
                {
                    if (!await RetrievableAsync(file.StorageKey, file.Sha256, cancellationToken))
                    {
                        lost.Add(file.FileName);
                    }
                }

                filed.Add(new CheckedRecord(r.Id, r.KindId, r.PeriodKey, r.Title, r.Status, r.Returns, IsClassified(r.KindId, r.PeriodKey, r.CustomerIds.Count > 0 || r.UnregisteredCustomers != string.Empty), r.Files.Count, lost));
            }

            var decided = checkedLogs.Count(l => l.Status != WorkLogStatus.Submitted) + (plan is { Status: not PlanStatus.Submitted } ? 1 : 0)
                + filed.Count(r => r.Status != RecordStatus.Submitted);
            var approved = checkedLogs.Count(l => l.Status == WorkLogStatus.Approved) + (plan is { Status: PlanStatus.Approved } ? 1 : 0)
                + filed.Count(r => r.Status == RecordStatus.Verified);
            var submitted = checkedLogs.Count + (plan is null ? 0 : 1) + filed.Count;
            result.Add(new ManagerChecks(
                manager, team, month, cal.Until,
                new CompleteCheck(new Share(cal.LogDays.Count - missing.Count, cal.LogDays.Count), onTime, plan is not null,
                    new Share(meetings.Count(m => m.Present), meetings.Count), new Share(due.Count(d => d.RecordId is not null), due.Count)),
                new CorrectCheck(new Share(approved, submitted), checkedLogs.Sum(l => l.Returns), plan?.Returns ?? 0, filed.Sum(r => r.Returns), submitted - decided),
                new ClassifiedCheck(new Share(filed.Count(r => r.Classified), filed.Count), new Share(checkedLogs.Count(l => l.NamesCustomers), checkedLogs.Count)),
                new KeptCheck(new Share(filed.Count(r => r.Status == RecordStatus.Verified), filed.Count),
                    new Share(filed.Sum(r => r.Files - r.LostFiles.Count), filed.Sum(r => r.Files))),
                missing, checkedLogs, plan, meetings, due, filed));
        }

        return result;
    }

    /// <summary>A record is classified when it is of a known kind and can be found by its period (kinds with one) or by the customers it names (kinds without).</summary>
    /// <param name="namesCustomers">The record names a registered customer or a shop written as not registered.</param>
    private bool IsClassified(string kindId, string periodKey, bool namesCustomers) =>
        kinds.Find(kindId) is { } kind
        && (kind.Period == RecordPeriodKind.None ? namesCustomers : RecordPeriod.TryParse(kind.Period, periodKey, out _));

    /// <summary>The store still gives the file back, with the SHA-256 it was filed with.</summary>
    private async Task<bool> RetrievableAsync(string key, string sha256, CancellationToken cancellationToken) =>
        await store.ReadAsync(key, cancellationToken) is { } content && Convert.ToHexStringLower(SHA256.HashData(content)) == sha256;

    /// <summary>A team's month: up to when it counts, the working days whose logs are due, the required records that fell due, the filing window.</summary>
    private sealed record TeamMonth(DateOnly Until, IReadOnlyList<DateOnly> LogDays, IReadOnlyList<DueRecord> Due, DateTimeOffset From, DateTimeOffset To)
    {
        public static TeamMonth Of(Team team, TeamSchedule schedule, RecordKinds kinds, DateOnly month, DateTimeOffset now)
        {
            var today = team.LocalDate(now);
            var next = month.AddMonths(1);
            var until = today < next ? today : next;
            var logDays = new List<DateOnly>();
            for (var day = month; day < next; day = day.AddDays(1))
            {
                if (ScheduleMath.IsWorkingDay(schedule, day) && ScheduleMath.LogDeadline(schedule, day) <= now)
                {
                    logDays.Add(day);
                }
            }

            // A required record is due in the month when its due day falls in it, and counts once that day is over.
            var due = new List<DueRecord>();
            foreach (var kind in kinds.Required)
            {
                foreach (var period in Enumerable.Range(0, 8).Select(k => RecordPeriod.Holding(kind.Period, month.AddMonths(-k))).Distinct())
                {
                    if (kind.DueDay(schedule, period) is { } day && day >= month && day < next && day < today)
                    {
                        due.Add(new DueRecord(kind, period, day, null));
                    }
                }
            }

            var from = ScheduleMath.LocalInstant(schedule, month, TimeOnly.MinValue);
            var to = today < next ? now : ScheduleMath.LocalInstant(schedule, next, TimeOnly.MinValue);
            return new TeamMonth(until, logDays, [.. due.OrderBy(d => d.DueDay)], from, to);
        }
    }
}
