using System.Text.Json.Serialization;
using DiligenceBot.Localization;
using DiligenceBot.Meetings;
using DiligenceBot.Organisation;
using DiligenceBot.Scheduling;
using DiligenceBot.Transfers;
using DiligenceBot.WorkLogs;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Dashboard;

/// <summary>A manager's daily log for one working day, as the dashboard colours it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LogDay>))]
public enum LogDay
{
    /// <summary>Submitted by its deadline.</summary>
    OnTime,
    /// <summary>Submitted after its deadline.</summary>
    Late,
    /// <summary>Not submitted and its deadline has passed.</summary>
    Missing,
    /// <summary>Not submitted and not due yet.</summary>
    NotYetDue,
}

public sealed record TeamRef(string Id, string NameEn, string NameZh)
{
    public static TeamRef Of(Team team) => new(team.Id, team.NameEn, team.NameZh);
}

public sealed record ManagerRef(string Id, string Name, string TeamId);

/// <summary>"Today": per team, the day whose logs its meeting reads, and each manager's log, open forms and action items.</summary>
public sealed record TodayView(IReadOnlyList<TodayTeam> Teams);

public sealed record TodayTeam(TeamRef Team, DateOnly Day, DateTimeOffset Deadline, bool DeadlinePassed, TodayCounts Counts, IReadOnlyList<TodayRow> Managers);

public sealed record TodayCounts(int OnTime, int Late, int Missing, int NotYetDue, int FormsOpen, int FormsOverdue, int ActionsOpen, int ActionsOverdue);

public sealed record TodayRow(ManagerRef Manager, LogDay Log, Guid? LogId, WorkLogStatus? LogStatus, DateTimeOffset? SubmittedAt, int FormsOpen, int FormsOverdue, int ActionsOpen, int ActionsOverdue);

/// <summary>The punctuality heatmap: per team, managers × the team's working days in the range.</summary>
public sealed record PunctualityView(DateOnly From, DateOnly To, IReadOnlyList<PunctualityTeam> Teams);

public sealed record PunctualityTeam(TeamRef Team, IReadOnlyList<DateOnly> Days, IReadOnlyList<PunctualityRow> Managers);

/// <summary>One manager's row: a cell per day of <see cref="PunctualityTeam.Days"/>, and how many were on time, late, missing.</summary>
public sealed record PunctualityRow(ManagerRef Manager, IReadOnlyList<PunctualityCell> Cells, int OnTime, int Late, int Missing);

public sealed record PunctualityCell(LogDay Log, Guid? LogId);

/// <summary>A manager drilled down to: their logs of the range, open forms and action items.</summary>
public sealed record ManagerView(ManagerRef Manager, TeamRef Team, DateOnly From, DateOnly To, IReadOnlyList<ManagerLog> Logs, IReadOnlyList<ManagerForm> Forms, IReadOnlyList<ManagerAction> Actions);

public sealed record ManagerLog(DateOnly Day, LogDay Log, Guid? LogId, WorkLogStatus? Status, DateTimeOffset? SubmittedAt, int? Rating);

public sealed record ManagerForm(Guid Id, string Number, TransferState State, DateTimeOffset SentAt, DateTimeOffset HandleDueAt, bool Overdue);

public sealed record ManagerAction(Guid Id, string Text, DateOnly DueDate, ActionItemState State, bool Overdue);

/// <summary>The record: one log with its latest answers (labelled in both languages) and its reviews.</summary>
public sealed record LogRecordView(Guid Id, ManagerRef Manager, TeamRef Team, DateOnly Day, LogDay Log, WorkLogStatus Status, int Revision, DateTimeOffset SubmittedAt, int? Rating, IReadOnlyList<LogAnswer> Answers, IReadOnlyList<LogReviewEntry> Reviews);

/// <summary>A log's answer as its summary card shows it, in both languages (the page picks its own).</summary>
public sealed record LogAnswer(string Key, string LabelEn, string LabelZh, string ValueEn, string ValueZh);

public sealed record LogReviewEntry(int Revision, string Decision, string Reviewer, DateTimeOffset At, string? Evaluation, string? Requirement, string? Suggestion, int? Rating);

/// <summary>
/// The dashboard's views, computed from the product's records within a <see cref="DashboardScope"/>: the same
/// deadlines as the cards (<see cref="WorkLogBook"/>: the team's calendar, meeting and log rule), nothing outside the
/// viewer's managers.
/// </summary>
public sealed class DashboardViews(WorkLogBook book)
{
    private DateTimeOffset Now => book.Now;

    public async Task<TodayView> TodayAsync(DashboardScope scope, IReadOnlyList<Team> teams, CancellationToken cancellationToken)
    {
        var result = new List<TodayTeam>();
        foreach (var team in teams)
        {
            var managers = scope.ManagersOf(team);
            var ids = managers.Select(m => m.Id).ToList();
            var day = book.LeadDay(team);
            var deadline = book.Deadline(team, day);
            var logs = await book.Db.Set<WorkLog>().AsNoTracking()
                .Where(l => l.TenantId == team.TenantId && l.WorkDate == day && ids.Contains(l.ManagerId))
                .ToListAsync(cancellationToken);
            var forms = await book.Db.Set<TransferForm>().AsNoTracking()
                .Where(f => f.TenantId == team.TenantId && ids.Contains(f.ProviderId)
                    && (f.State == TransferState.Sent || f.State == TransferState.Acknowledged || f.State == TransferState.Reopened))
                .Select(f => new { f.ProviderId, f.HandleDueAt })
                .ToListAsync(cancellationToken);
            var today = book.Today(team);
            var actions = await book.Db.Set<ActionItem>().AsNoTracking()
                .Where(a => a.TenantId == team.TenantId && ids.Contains(a.OwnerId) && a.State != ActionItemState.Done)
                .Select(a => new { a.OwnerId, a.DueDate })
                .ToListAsync(cancellationToken);
            var now = Now;
            var rows = managers.Select(m =>
            {
                var log = logs.SingleOrDefault(l => l.ManagerId == m.Id);
                var own = forms.Where(f => f.ProviderId == m.Id).ToList();
                var items = actions.Where(a => a.OwnerId == m.Id).ToList();
                return new TodayRow(Ref(m), State(log, deadline, now), log?.Id, log?.Status, log?.FirstSubmittedAt,
                    own.Count, own.Count(f => f.HandleDueAt < now), items.Count, items.Count(a => a.DueDate < today));
            }).ToList();
            var counts = new TodayCounts(
                rows.Count(r => r.Log == LogDay.OnTime), rows.Count(r => r.Log == LogDay.Late), rows.Count(r => r.Log == LogDay.Missing), rows.Count(r => r.Log == LogDay.NotYetDue),
                rows.Sum(r => r.FormsOpen), rows.Sum(r => r.FormsOverdue), rows.Sum(r => r.ActionsOpen), rows.Sum(r => r.ActionsOverdue));
            result.Add(new TodayTeam(TeamRef.Of(team), day, deadline, now > deadline, counts, rows));
        }

        return new TodayView(result);
    }

    /// <summary>The default range of the range views: the 30 days up to the day the first team's meeting reads.</summary>
    public (DateOnly From, DateOnly To) DefaultRange(IReadOnlyList<Team> teams)
    {
        var to = teams.Count == 0 ? DateOnly.FromDateTime(Now.UtcDateTime) : teams.Max(book.LeadDay);
        return (to.AddDays(-29), to);
    }

    public async Task<PunctualityView> PunctualityAsync(DashboardScope scope, IReadOnlyList<Team> teams, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var result = new List<PunctualityTeam>();
        var now = Now;
        foreach (var team in teams)
        {
            var schedule = book.Schedule(team);
            var days = Days(from, to).Where(d => ScheduleMath.IsWorkingDay(schedule, d)).ToList();
            var managers = scope.ManagersOf(team);
            var ids = managers.Select(m => m.Id).ToList();
            var logs = (await book.Db.Set<WorkLog>().AsNoTracking()
                    .Where(l => l.TenantId == team.TenantId && ids.Contains(l.ManagerId) && l.WorkDate >= from && l.WorkDate <= to)
                    .Select(l => new { l.Id, l.ManagerId, l.WorkDate, l.OnTime })
                    .ToListAsync(cancellationToken))
                .ToDictionary(l => (l.ManagerId, l.WorkDate));
            var deadlines = days.ToDictionary(d => d, d => ScheduleMath.LogDeadline(schedule, d));
            var rows = managers.Select(m =>
            {
                var cells = days.Select(d => logs.TryGetValue((m.Id, d), out var log)
                    ? new PunctualityCell(log.OnTime ? LogDay.OnTime : LogDay.Late, log.Id)
                    : new PunctualityCell(now > deadlines[d] ? LogDay.Missing : LogDay.NotYetDue, null)).ToList();
                return new PunctualityRow(Ref(m), cells, cells.Count(c => c.Log == LogDay.OnTime), cells.Count(c => c.Log == LogDay.Late), cells.Count(c => c.Log == LogDay.Missing));
            }).ToList();
            result.Add(new PunctualityTeam(TeamRef.Of(team), days, rows));
        }

        return new PunctualityView(from, to, result);
    }

    public async Task<ManagerView> ManagerAsync(Person manager, Team team, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var schedule = book.Schedule(team);
        var now = Now;
        var logs = await book.Db.Set<WorkLog>().AsNoTracking()
            .Where(l => l.TenantId == manager.TenantId && l.ManagerId == manager.Id && l.WorkDate >= from && l.WorkDate <= to)
            .ToDictionaryAsync(l => l.WorkDate, cancellationToken);
        var rows = Days(from, to)
            .Where(d => logs.ContainsKey(d) || ScheduleMath.IsWorkingDay(schedule, d))
            .Select(d => logs.TryGetValue(d, out var log)
                ? new ManagerLog(d, log.OnTime ? LogDay.OnTime : LogDay.Late, log.Id, log.Status, log.FirstSubmittedAt, log.QualityRating)
                : new ManagerLog(d, now > ScheduleMath.LogDeadline(schedule, d) ? LogDay.Missing : LogDay.NotYetDue, null, null, null, null))
            .OrderByDescending(l => l.Day)
            .ToList();
        var forms = (await book.Db.Set<TransferForm>().AsNoTracking()
                .Where(f => f.TenantId == manager.TenantId && f.ProviderId == manager.Id
                    && (f.State == TransferState.Sent || f.State == TransferState.Acknowledged || f.State == TransferState.Reopened))
                .ToListAsync(cancellationToken))
            .OrderBy(f => f.HandleDueAt)
            .Select(f => new ManagerForm(f.Id, f.Number, f.State, f.SentAt, f.HandleDueAt, f.HandleDueAt < now))
            .ToList();
        var today = book.Today(team);
        var actions = (await book.Db.Set<ActionItem>().AsNoTracking()
                .Where(a => a.TenantId == manager.TenantId && a.OwnerId == manager.Id && a.State != ActionItemState.Done)
                .ToListAsync(cancellationToken))
            .OrderBy(a => a.DueDate)
            .Select(a => new ManagerAction(a.Id, a.Text, a.DueDate, a.State, a.DueDate < today))
            .ToList();
        return new ManagerView(Ref(manager), TeamRef.Of(team), from, to, rows, forms, actions);
    }

    /// <summary>A log of one of the scope's managers, or null (unknown, or not theirs: the same answer).</summary>
    public async Task<LogRecordView?> LogAsync(DashboardScope scope, Guid id, CancellationToken cancellationToken)
    {
        var log = await book.LoadAsync(id, scope.Viewer.TenantId, cancellationToken);
        if (log is null || scope.Manager(log.ManagerId) is not { } manager || scope.Teams.FirstOrDefault(t => t.Id == log.TeamId) is not { } team)
        {
            return null;
        }

        var template = await book.TemplateForAsync(team, cancellationToken);
        var values = log.Revisions.OrderBy(r => r.Number).LastOrDefault()?.Values ?? [];
        var customers = template is null ? null : await book.PickedCustomersAsync(scope.Viewer.TenantId, template, values, cancellationToken);
        var answers = template is null
            ? values.Select(v => new LogAnswer(v.Key, v.Key, v.Key, v.Value, v.Value)).ToList()
            : template.Fields.Select(f => new LogAnswer(f.Key, f.LabelWithUnit(Language.EnUs), f.LabelWithUnit(Language.ZhCn),
                WorkLogCards.Display(f, values, customers, Language.EnUs), WorkLogCards.Display(f, values, customers, Language.ZhCn))).ToList();
        var reviewerIds = log.Reviews.Select(r => r.ReviewerId).Distinct().ToList();
        var names = await book.Db.People.AsNoTracking().Where(p => p.TenantId == scope.Viewer.TenantId && reviewerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);
        var reviews = log.Reviews.OrderBy(r => r.DecidedAt)
            .Select(r => new LogReviewEntry(r.RevisionNumber, r.Decision.ToString(), names.GetValueOrDefault(r.ReviewerId) ?? r.ReviewerId, r.DecidedAt, r.Evaluation, r.Requirement, r.Suggestion, r.QualityRating))
            .ToList();
        return new LogRecordView(log.Id, Ref(manager), TeamRef.Of(team), log.WorkDate, log.OnTime ? LogDay.OnTime : LogDay.Late, log.Status, log.CurrentRevision, log.FirstSubmittedAt, log.QualityRating, answers, reviews);
    }

    private static LogDay State(WorkLog? log, DateTimeOffset deadline, DateTimeOffset now) =>
        log is not null ? (log.OnTime ? LogDay.OnTime : LogDay.Late) : now > deadline ? LogDay.Missing : LogDay.NotYetDue;

    private static ManagerRef Ref(Person manager) => new(manager.Id, manager.DisplayName, manager.TeamId ?? string.Empty);

    private static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to)
    {
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            yield return d;
        }
    }
}
