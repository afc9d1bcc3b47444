using System.Globalization;
using DiligenceBot.BotFramework.Schema;
using DiligenceBot.Conversations;
using DiligenceBot.Data;
using DiligenceBot.Localization;
using DiligenceBot.Notifications;
using DiligenceBot.Organisation;
using DiligenceBot.WorkLogs;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Scheduling;

/// <summary>Reads "{teamId}:{yyyy-MM-dd}" / "{personId}:{yyyy-MM-dd}" subjects.</summary>
internal static class Subjects
{
    public static bool TryParse(string subject, out string id, out DateOnly day)
    {
        var i = subject.LastIndexOf(':');
        id = i > 0 ? subject[..i] : string.Empty;
        day = default;
        return i > 0 && DateOnly.TryParseExact(subject[(i + 1)..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }
}

/// <summary>
/// To a manager without a log before it is due (subject: the team and the day the log covers): the log card itself,
/// one tap to fill in. Nothing is sent if the log arrived meanwhile. If Teams says the manager cannot be reached, the
/// lead is told.
/// </summary>
public sealed class ReminderRenderer(WorkLogBook book, HolidayCalendars calendars) : INotificationRenderer
{
    public async Task<OutgoingActivity?> RenderAsync(Notification notification, Person recipient, Language language, CancellationToken cancellationToken)
    {
        if (!Subjects.TryParse(notification.SubjectId, out var teamId, out var day) || recipient.TeamId != teamId
            || await book.FindAsync(recipient.Id, day, cancellationToken) is not null)
        {
            return null;
        }

        var team = await book.TeamAsync(teamId, cancellationToken);
        var template = await book.TemplateForAsync(team, cancellationToken);
        if (template is null)
        {
            return null;
        }

        var deadline = ScheduleMath.LogDeadline(calendars.ScheduleOf(team), day);
        var minutes = Math.Max(0, (int)Math.Round((deadline - book.Now).TotalMinutes));
        var notice = Texts.Schedule.ReminderIn.Format(language, minutes);
        var card = await book.FormAsync(team, template, day, null, [], [], 0, language, cancellationToken, notice);
        return OutgoingActivity.FromCard(card, Texts.Schedule.ReminderSummary.Format(language, minutes));
    }

    public async Task OnUndeliverableAsync(Notification notification, DiligenceDbContext db, CancellationToken cancellationToken)
    {
        if (Subjects.TryParse(notification.SubjectId, out var teamId, out var day)
            && await db.Teams.AsNoTracking().SingleOrDefaultAsync(t => t.Id == teamId, cancellationToken) is { LeadId: { } leadId })
        {
            var key = $"{TeamScheduleJob.Unreachable}:{notification.RecipientId}:{TeamScheduleJob.Day(day)}:0:{leadId}";
            if (!await db.Notifications.AnyAsync(n => n.DedupKey == key, cancellationToken))
            {
                db.Notifications.Add(Notification.Create(notification.TenantId, TeamScheduleJob.Unreachable, $"{notification.RecipientId}:{TeamScheduleJob.Day(day)}", 0, leadId, book.Now));
            }
        }
    }
}

/// <summary>
/// To the lead before the meeting (and after it, when logs wait for review; subject: the lead and the moment, see
/// <see cref="TeamScheduleJob"/>): every team the person leads whose meeting is at that moment, grouped by team, with
/// the logs read at that meeting and "not yet due" for those still to come. After the meeting, only the teams whose
/// logs still wait.
/// </summary>
public sealed class LeadDigestRenderer(WorkLogBook book, HolidayCalendars calendars, Microsoft.Extensions.Options.IOptions<SchedulingOptions> options, IEnumerable<ILeadDigestPart> parts) : INotificationRenderer
{
    public async Task<OutgoingActivity?> RenderAsync(Notification notification, Person recipient, Language language, CancellationToken cancellationToken)
    {
        if (!Subjects.TryParse(notification.SubjectId, out var leadId, out var utcDay) || leadId != recipient.Id)
        {
            return null;
        }

        var moment = TeamScheduleJob.MomentOf(utcDay, notification.Revision);
        var review = notification.Kind == TeamScheduleJob.ReviewReminder;
        var sections = new List<WorkLogCards.TeamSection>();
        int submitted = 0, missing = 0, waiting = 0;
        string? meeting = null;
        foreach (var team in await LeadTeams.LedByAsync(book.Db, recipient.TenantId, recipient.Id, cancellationToken))
        {
            var schedule = calendars.ScheduleOf(team);
            if (MeetingDayAt(schedule, moment, review) is not { } meetingDay)
            {
                continue;
            }

            var day = ScheduleMath.LogReadAtMeeting(schedule, meetingDay);
            var template = await book.TemplateForAsync(team, cancellationToken);
            var managers = await book.Db.People.AsNoTracking().Where(p => p.TeamId == team.Id).OrderBy(p => p.DisplayName).ToListAsync(cancellationToken);
            var ids = managers.Select(m => m.Id).ToList();
            var logs = await book.Db.WorkLogs.AsNoTracking().Include(l => l.Revisions)
                .Where(l => l.WorkDate == day && ids.Contains(l.ManagerId)).ToListAsync(cancellationToken);
            var teamWaiting = logs.Count(l => l.Status == WorkLogStatus.Submitted);
            if (review && teamWaiting == 0)
            {
                continue;
            }

            var rows = managers.Select(m =>
            {
                var log = logs.SingleOrDefault(l => l.ManagerId == m.Id);
                return new WorkLogCards.TeamRow(m, log, log is null || template is null ? null : OneLine(log, template, language));
            }).ToList();
            sections.Add(new WorkLogCards.TeamSection(team, day, rows, book.Timing(team, day)));
            submitted += logs.Count;
            missing += managers.Count - logs.Count;
            waiting += teamWaiting;
            meeting ??= CardDates.Time(team.MeetingTime);
        }

        if (sections.Count == 0)
        {
            return null;
        }

        if (review)
        {
            var notice = sections.Count == 1
                ? Texts.Schedule.ReviewReminderNotice.Format(language, waiting, CardDates.Long(sections[0].Date, language), meeting!)
                : Texts.Schedule.ReviewReminderNoticeTeams.Format(language, waiting, meeting!);
            return OutgoingActivity.FromCard(WorkLogCards.TeamLogs(sections, language, notice), Texts.Schedule.ReviewReminderSummary.In(language));
        }

        var digest = WorkLogCards.TeamLogs(sections, language, Texts.Schedule.DigestNotice.Format(language, meeting!));
        var teams = sections.Select(s => s.Team).ToList();
        foreach (var part in parts)
        {
            digest.Body.AddRange(await part.ElementsAsync(teams, language, cancellationToken));
        }

        return OutgoingActivity.FromCard(digest, Texts.Schedule.DigestSummary.Format(language, submitted, missing));
    }

    /// <summary>The working day whose meeting puts the team's digest (or review reminder) at <paramref name="moment"/>, if any.</summary>
    private DateOnly? MeetingDayAt(TeamSchedule schedule, DateTimeOffset moment, bool review)
    {
        var local = ScheduleMath.LocalDate(TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone), moment);
        for (var d = local.AddDays(-1); d <= local.AddDays(1); d = d.AddDays(1))
        {
            if (ScheduleMath.IsWorkingDay(schedule, d)
                && (review ? TeamScheduleJob.ReviewReminderAt(schedule, d, options.Value) : TeamScheduleJob.DigestAt(schedule, d, options.Value)) == moment)
            {
                return d;
            }
        }

        return null;
    }

    /// <summary>A one-line summary: the first two answers of the current revision.</summary>
    private static string OneLine(WorkLog log, LogTemplate template, Language language)
    {
        var values = log.Revisions.Single(r => r.Number == log.CurrentRevision).Values;
        // A customers field holds ids, not words to show; the visits (the count) say as much on one line.
        var parts = template.Fields.Where(f => f.Type != LogFieldTypes.Customers && !string.IsNullOrWhiteSpace(values.GetValueOrDefault(f.Key))).Take(2)
            .Select(f =>
            {
                var v = values[f.Key];
                v = f.Type == LogFieldTypes.Choice ? f.Choices.FirstOrDefault(c => c.Value == v)?.Title(language) ?? v : v;
                v = v.ReplaceLineEndings(", ");
                return $"{f.LabelWithUnit(language)}{Texts.WorkLogs.LabelSeparator.In(language)}{(v.Length > 40 ? v[..40] + "…" : v)}";
            });
        return string.Join(Texts.WorkLogs.ListSeparator.In(language), parts);
    }
}

/// <summary>What another feature adds to the lead's pre-meeting digest, below the logs (e.g. overdue action items).</summary>
public interface ILeadDigestPart
{
    /// <summary>The elements about these teams (those whose meeting the digest is for); none when there is nothing to say.</summary>
    Task<IReadOnlyList<BotFramework.Cards.CardElement>> ElementsAsync(IReadOnlyList<Team> teams, Language language, CancellationToken cancellationToken);
}

/// <summary>Escalations and "cannot reach" notes: a plain message that says why it came.</summary>
public sealed class EscalationRenderer(WorkLogBook book) : INotificationRenderer
{
    public async Task<OutgoingActivity?> RenderAsync(Notification notification, Person recipient, Language language, CancellationToken cancellationToken)
    {
        if (!Subjects.TryParse(notification.SubjectId, out var managerId, out var day) || await book.PersonAsync(managerId, cancellationToken) is not { } manager)
        {
            return null;
        }

        var date = CardDates.Day(day);
        switch (notification.Kind)
        {
            case TeamScheduleJob.MissingToLead:
                return OutgoingActivity.FromText(Texts.Schedule.MissingToLead.Format(language, manager.DisplayName, notification.Revision, date));
            case TeamScheduleJob.MissingToLeadsManager:
                var team = manager.TeamId is null ? null : await book.TeamAsync(manager.TeamId, cancellationToken);
                return OutgoingActivity.FromText(Texts.Schedule.MissingToLeadsManager.Format(language, manager.DisplayName,
                    team is null ? "?" : WorkLogCards.TeamName(team, language), team?.Lead?.DisplayName ?? "?", notification.Revision, date));
            default:
                return OutgoingActivity.FromText(Texts.Schedule.Unreachable.Format(language, manager.DisplayName, date));
        }
    }
}

public static class ScheduleRegistration
{
    /// <summary>The schedule's job, calendars and messages (Hangfire itself is added by <see cref="HangfireSetup.AddScheduling"/>).</summary>
    public static IServiceCollection AddScheduleMessages(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var seeds = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value.SeedPath;
            var folder = Path.Combine(Path.IsPathRooted(seeds) ? seeds : Path.Combine(AppContext.BaseDirectory, seeds), "calendars");
            return new HolidayCalendars(HolidayCalendar.LoadDirectory(folder));
        });
        services.AddScoped<TeamScheduleJob>();
        services.AddBotVerb<MeetingVerb>("admin.meeting", "meeting", "例会时间");
        services.AddBotVerb<LogSettingVerb>("admin.log-setting", "log setting", "日志设置");
        services.AddBotVerb<ReloadVerb>("admin.reload", "reload", "重新加载");
        services.AddNotificationRenderer<ReminderRenderer>(TeamScheduleJob.Reminder);
        services.AddNotificationRenderer<LeadDigestRenderer>(TeamScheduleJob.Digest, TeamScheduleJob.ReviewReminder);
        services.AddNotificationRenderer<EscalationRenderer>(TeamScheduleJob.MissingToLead, TeamScheduleJob.MissingToLeadsManager, TeamScheduleJob.Unreachable);
        return services;
    }
}
