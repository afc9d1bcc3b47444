using DiligenceBot.Conversations;
using DiligenceBot.Input;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;
using DiligenceBot.Reviews;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.WorkLogs;

/// <summary>
/// "log" / "日志": the log the manager owes now — the one due at the next deadline, or first the one due earlier
/// today if it is still missing or was returned (late but accepted) — as the form, or the summary once submitted.
/// </summary>
public sealed class OpenLogVerb(WorkLogBook book) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        var (writer, refusal) = await book.WriterAsync(request, cancellationToken);
        if (writer is not var (manager, team, template))
        {
            return refusal!;
        }

        var open = book.OpenLogs(team);
        var day = open.Next;
        var log = await book.FindAsync(manager.Id, day, cancellationToken);
        if (open.Late is { } lateDay && await book.FindAsync(manager.Id, lateDay, cancellationToken) is var late
            && late is null or { Status: WorkLogStatus.Returned })
        {
            (day, log) = (lateDay, late);
        }

        if (log is null)
        {
            return BotAnswer.WithCard(await book.FormAsync(team, template, day, null, [], [], 0, language, cancellationToken));
        }

        if (log.Status == WorkLogStatus.Returned)
        {
            var current = log.Revisions.Single(r => r.Number == log.CurrentRevision);
            return BotAnswer.WithCard(await book.FormAsync(team, template, day, log, new(current.Values), [], log.CurrentRevision, language, cancellationToken));
        }

        return BotAnswer.WithCard(await book.SummaryAsync(log, manager, language, cancellationToken));
    }
}

/// <summary>
/// Submit (or resubmit) the log form. Validates against the template and answers the form again with the errors
/// next to their fields and everything typed kept; stores a valid log as a new revision with its on-time flag;
/// a re-delivered or unchanged submission stores nothing new.
/// </summary>
public sealed class SubmitLogVerb(WorkLogBook book, ILogger<SubmitLogVerb> logger) : IBotVerb
{
    // A copy of the same submission (Teams re-sends) or a concurrent edit may win the race: the second attempt
    // decides against what is stored now, and the equality check answers without storing anything.
    public Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken) =>
        book.OnceMoreOnConflictAsync(() => SubmitAsync(request, cancellationToken));

    private async Task<BotAnswer> SubmitAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        var (writer, refusal) = await book.WriterAsync(request, cancellationToken);
        if (writer is not var (manager, team, template))
        {
            return refusal!;
        }

        var baseRevision = request.Card.Integer("baseRevision") ?? 0;
        WorkLog? log = null;
        DateOnly workDate;
        if (request.Card.Guid("logId") is { } logId)
        {
            log = await book.LoadAsync(logId, request.TenantId, cancellationToken);
            if (log is null)
            {
                return BotAnswer.Refused(Texts.WorkLogs.UnknownLog.In(language));
            }

            if (log.ManagerId != manager.Id)
            {
                Log.WorkLogRefused(logger, request.Verb, logId.ToString(), manager.Id, "someone else's log");
                return BotAnswer.Refused(Texts.WorkLogs.NotYourLog.In(language));
            }

            workDate = log.WorkDate;
        }
        else
        {
            var open = book.OpenLogs(team);
            if (!DateOnly.TryParseExact(request.Card.String("workDate"), "yyyy-MM-dd", out workDate))
            {
                return BotAnswer.Refused(Texts.Common.CardOutOfDate.In(language));
            }

            if (!open.Contains(workDate))
            {
                return BotAnswer.Refused(Texts.WorkLogs.WrongLogDay.Format(language,
                    CardDates.Long(workDate, language), CardDates.Long(open.Next, language)));
            }

            log = await book.FindAsync(manager.Id, workDate, cancellationToken);
        }

        if (!CardData.WasIssued(baseRevision, log?.CurrentRevision ?? 0))
        {
            return BotAnswer.Refused(Texts.Input.NotIssued.Format(language, baseRevision));
        }

        var typed = LogValidation.ReadInputs(template, request.Card);
        var picked = await book.PickedCustomersAsync(manager.TenantId, template, typed, cancellationToken);
        var checkedValues = LogValidation.Validate(template, typed, workDate, language, picked, manager.Id);
        if (!checkedValues.IsValid)
        {
            return BotAnswer.WithCard(await book.FormAsync(team, template, workDate, log, typed, checkedValues.Errors, baseRevision, language, cancellationToken, writerId: manager.Id));
        }

        var now = book.Now;
        var onTime = now <= book.Deadline(team, workDate);
        if (log is not null)
        {
            var current = log.Revisions.Single(r => r.Number == log.CurrentRevision);
            if (SameValues(current.Values, checkedValues.Values) || (request.Activity.Id is { } aid && log.Revisions.Any(r => r.SourceActivityId == aid)))
            {
                return BotAnswer.WithCard(await book.SummaryAsync(log, manager, language, cancellationToken));
            }

            if (log.Status == WorkLogStatus.Approved)
            {
                return BotAnswer.WithCard(await book.SummaryAsync(log, manager, language, cancellationToken, Texts.WorkLogs.AlreadyApproved.In(language)));
            }

            if (baseRevision != log.CurrentRevision)
            {
                return BotAnswer.WithCard(await book.SummaryAsync(log, manager, language, cancellationToken,
                    Texts.WorkLogs.StaleRevision.Format(language, baseRevision, log.CurrentRevision)));
            }

            log.CurrentRevision++;
            log.Status = WorkLogStatus.Submitted;
            log.LastSubmittedAt = now;
            log.ConcurrencyStamp = Guid.NewGuid();
        }
        else
        {
            log = new WorkLog
            {
                Id = Guid.NewGuid(),
                TenantId = manager.TenantId,
                TeamId = team.Id,
                ManagerId = manager.Id,
                WorkDate = workDate,
                Status = WorkLogStatus.Submitted,
                CurrentRevision = 1,
                OnTime = onTime,
                FirstSubmittedAt = now,
                LastSubmittedAt = now,
                ConcurrencyStamp = Guid.NewGuid(),
            };
            book.Db.Add(log);
        }

        var revision = new WorkLogRevision
        {
            WorkLogId = log.Id,
            Number = log.CurrentRevision,
            Values = checkedValues.Values,
            SubmittedAt = now,
            OnTime = onTime,
            SourceActivityId = request.Activity.Id,
        };
        log.Revisions.Add(revision);
        book.Audit(request, manager.Id, log.CurrentRevision == 1 ? "worklog.submitted" : "worklog.resubmitted", log, log.CurrentRevision);
        if (team.LeadId is { } leadId)
        {
            book.Notify(WorkLogBook.ReviewRequested, log, log.CurrentRevision, leadId);
        }

        await book.Db.SaveChangesAsync(cancellationToken);
        Log.WorkLogStored(logger, log.Id, log.CurrentRevision, onTime);
        book.WakeNotifications();
        // Said only when true: the team has a lead and the bot has no way to reach them (never installed, or removed).
        var leadUnreachable = team.Lead is { } lead && !await book.CanReachAsync(lead, cancellationToken);
        return BotAnswer.WithCard(await book.SummaryAsync(log, manager, language,
            new WorkLogCards.CardNotice(leadUnreachable ? Texts.WorkLogs.LeadUnreachable.In(language) : Texts.WorkLogs.Saved.In(language), Warning: false), cancellationToken));
    }

    private static bool SameValues(Dictionary<string, string> a, Dictionary<string, string> b) =>
        a.Keys.Union(b.Keys).All(k => (a.GetValueOrDefault(k) ?? string.Empty) == (b.GetValueOrDefault(k) ?? string.Empty));
}

/// <summary>Edit / Revise on the summary: the form prefilled with the current revision.</summary>
public sealed class EditLogVerb(WorkLogBook book) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Card.Guid("logId") is not { } id || await book.LoadAsync(id, request.TenantId, cancellationToken) is not { } log)
        {
            return BotAnswer.Refused(Texts.WorkLogs.UnknownLog.In(language));
        }

        if (request.Person is not { } manager || log.ManagerId != manager.Id)
        {
            return BotAnswer.Refused(Texts.WorkLogs.NotYourLog.In(language));
        }

        if (log.Status == WorkLogStatus.Approved)
        {
            return BotAnswer.WithCard(await book.SummaryAsync(log, manager, language, cancellationToken, Texts.WorkLogs.AlreadyApproved.In(language)));
        }

        var team = await book.TeamAsync(log.TeamId, cancellationToken);
        var template = await book.TemplateForAsync(team, cancellationToken);
        var current = log.Revisions.Single(r => r.Number == log.CurrentRevision);
        return BotAnswer.WithCard(await book.FormAsync(team, template!, log.WorkDate, log, new(current.Values), [], log.CurrentRevision, language, cancellationToken));
    }
}

/// <summary>
/// The current card of a log for whoever looks at it (also the Universal Actions refresh): the manager gets
/// their summary, a reviewer of the team the review card; anyone else is refused.
/// </summary>
public sealed class ViewLogVerb(WorkLogBook book) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Card.Guid("logId") is not { } id || await book.LoadAsync(id, request.TenantId, cancellationToken) is not { } log)
        {
            return BotAnswer.Refused(Texts.WorkLogs.UnknownLog.In(language));
        }

        if (request.Person is not { } person)
        {
            return BotAnswer.Refused(Texts.WorkLogs.NotYourLog.In(language));
        }

        if (log.ManagerId == person.Id)
        {
            return BotAnswer.WithCard(await book.SummaryAsync(log, person, language, cancellationToken));
        }

        var team = await book.TeamAsync(log.TeamId, cancellationToken);
        return team.IsReviewer(person.Id)
            ? BotAnswer.WithCard(await book.ReviewAsync(log, person, language, cancellationToken))
            : BotAnswer.Refused(Texts.WorkLogs.NotYourLog.In(language));
    }
}

/// <summary>Approve or Return: the lead's review (<see cref="LeadReview"/>), shared with every record the lead reviews.</summary>
public sealed class DecideLogVerb(LeadReview review, WorkLogReviewKind kind) : IBotVerb
{
    public Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken) =>
        review.DecideAsync(request, kind, cancellationToken);
}

/// <summary>What the lead's review needs to know of a work log: its card, words, audit actions and notifications.</summary>
public sealed class WorkLogReviewKind(WorkLogBook book) : ReviewKind<WorkLog>
{
    public override string SubjectKey => "logId";
    public override string ApproveVerb => WorkLogCards.ApproveVerb;
    public override string SubjectType => "WorkLog";
    public override string ActionPrefix => "worklog";
    public override string ApprovedNotification => WorkLogBook.Approved;
    public override string ReturnedNotification => WorkLogBook.Returned;
    public override Text UnknownSubject => Texts.WorkLogs.UnknownLog;
    public override Text NotAllowed => Texts.WorkLogs.NotAllowedToReview;
    public override Text StaleRevision => Texts.WorkLogs.StaleRevision;
    public override Text CommentNeeded => Texts.WorkLogs.ErrorCommentNeeded;
    public override bool OffersExample => true;

    public override Task<WorkLog?> LoadAsync(Guid id, string tenantId, CancellationToken cancellationToken) => book.LoadAsync(id, tenantId, cancellationToken);

    public override Task<BotFramework.Cards.AdaptiveCard> CardAsync(WorkLog subject, Person reviewer, Language language, CancellationToken cancellationToken,
        string? notice = null, Dictionary<string, string>? typed = null, Dictionary<string, string>? errors = null) =>
        book.ReviewAsync(subject, reviewer, language, cancellationToken, notice, typed, errors);

    public override void MarkExample(WorkLog subject, string reviewerId, DateTimeOffset at)
    {
        subject.PraisedById = reviewerId;
        subject.PraisedAt = at;
    }
}

/// <summary>"my logs" / "我的日志": the last seven logs with their status.</summary>
public sealed class MyLogsVerb(WorkLogBook book) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        if (request.Person is not { } person)
        {
            return BotAnswer.Refused(Texts.WorkLogs.NotAManager.In(request.Language));
        }

        var logs = await book.Db.Set<WorkLog>().AsNoTracking()
            .Where(l => l.ManagerId == person.Id && l.TenantId == request.TenantId)
            .OrderByDescending(l => l.WorkDate)
            .Take(7)
            .ToListAsync(cancellationToken);
        return BotAnswer.WithCard(WorkLogCards.MyLogs(logs, request.Language));
    }
}

/// <summary>"team logs [date]" / "团队日志 [日期]": each manager's state for a day, for the team's reviewers.</summary>
public sealed class TeamLogsVerb(WorkLogBook book) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Person is not { } person)
        {
            return BotAnswer.Refused(Texts.WorkLogs.NotALead.In(language));
        }

        var teams = await LeadTeams.ReviewedByAsync(book.Db, request.TenantId, person.Id, cancellationToken);
        if (teams.Count == 0)
        {
            return BotAnswer.Refused(Texts.WorkLogs.NotALead.In(language));
        }

        DateOnly? asked = null;
        var argument = request.Arguments.Trim();
        if (argument.Length > 0)
        {
            if (!DateOnly.TryParseExact(argument, "yyyy-MM-dd", out var d))
            {
                return BotAnswer.Refused(Texts.WorkLogs.BadDate.Format(language, argument.Length > 20 ? argument[..20] : argument));
            }

            asked = d;
        }

        // Every team the person reviews, each on its own day (the logs read at its meeting), grouped by team.
        var sections = new List<WorkLogCards.TeamSection>();
        foreach (var team in teams)
        {
            var date = asked ?? book.LeadDay(team);
            var managers = await book.Db.People.AsNoTracking().Where(p => p.TeamId == team.Id && p.TenantId == request.TenantId).OrderBy(p => p.DisplayName).ToListAsync(cancellationToken);
            var ids = managers.Select(m => m.Id).ToList();
            var logs = await book.Db.Set<WorkLog>().AsNoTracking().Where(l => l.WorkDate == date && ids.Contains(l.ManagerId)).ToListAsync(cancellationToken);
            var rows = managers.Select(m => new WorkLogCards.TeamRow(m, logs.SingleOrDefault(l => l.ManagerId == m.Id))).ToList();
            sections.Add(new WorkLogCards.TeamSection(team, date, rows, book.Timing(team, date)));
        }

        return BotAnswer.WithCard(WorkLogCards.TeamLogs(sections, language));
    }
}

/// <summary>
/// "Mark as an example for the team" on an approved log's review card: the lead praises the log, the manager is
/// told, and it joins the team's best logs of the month.
/// </summary>
public sealed class PraiseLogVerb(WorkLogBook book, LeadReview review, WorkLogReviewKind kind) : IBotVerb
{
    public Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken) =>
        book.OnceMoreOnConflictAsync(() => PraiseAsync(request, cancellationToken));

    private async Task<BotAnswer> PraiseAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Card.Guid("logId") is not { } id || await book.LoadAsync(id, request.TenantId, cancellationToken) is not { } log)
        {
            return BotAnswer.Refused(Texts.WorkLogs.UnknownLog.In(language));
        }

        var (reviewer, refusal) = await review.ReviewerAsync(request, kind, log, cancellationToken);
        if (reviewer is null)
        {
            return refusal!;
        }

        if (log.PraisedAt is not null)
        {
            return BotAnswer.WithCard(await book.ReviewAsync(log, reviewer, language, cancellationToken));
        }

        if (log.Status != WorkLogStatus.Approved)
        {
            return BotAnswer.WithCard(await book.ReviewAsync(log, reviewer, language, cancellationToken, Texts.WorkLogs.ExampleNeedsApproval.In(language)));
        }

        log.PraisedById = reviewer.Id;
        log.PraisedAt = book.Now;
        log.ConcurrencyStamp = Guid.NewGuid();
        book.Audit(request, reviewer.Id, "worklog.praised", log, log.CurrentRevision);
        book.Notify(WorkLogBook.Praised, log, log.CurrentRevision, log.ManagerId);
        await book.Db.SaveChangesAsync(cancellationToken);
        book.WakeNotifications();
        return BotAnswer.WithCard(await book.ReviewAsync(log, reviewer, language, cancellationToken));
    }
}

/// <summary>"best logs" / "优秀日志": the logs marked as examples this month in every team the person reviews.</summary>
public sealed class BestLogsVerb(WorkLogBook book) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Person is not { } person)
        {
            return BotAnswer.Refused(Texts.WorkLogs.NotALead.In(language));
        }

        var teams = await LeadTeams.ReviewedByAsync(book.Db, request.TenantId, person.Id, cancellationToken);
        if (teams.Count == 0)
        {
            return BotAnswer.Refused(Texts.WorkLogs.NotALead.In(language));
        }

        var today = book.Today(teams[0]);
        var month = new DateOnly(today.Year, today.Month, 1);
        var ids = teams.Select(t => t.Id).ToList();
        var logs = await book.Db.Set<WorkLog>().AsNoTracking()
            .Where(l => ids.Contains(l.TeamId) && l.TenantId == request.TenantId && l.PraisedById != null && l.WorkDate >= month && l.WorkDate < month.AddMonths(1))
            .OrderByDescending(l => l.WorkDate)
            .ToListAsync(cancellationToken);
        var managerIds = logs.Select(l => l.ManagerId).Distinct().ToList();
        var managers = await book.Db.People.AsNoTracking().Where(p => managerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var sections = teams
            .Select(t => (t, (IReadOnlyList<WorkLogCards.BestLog>)logs.Where(l => l.TeamId == t.Id && managers.ContainsKey(l.ManagerId))
                .Select(l => new WorkLogCards.BestLog(managers[l.ManagerId], l)).ToList()))
            .ToList();
        return BotAnswer.WithCard(WorkLogCards.BestLogs(sections, month, language));
    }
}
