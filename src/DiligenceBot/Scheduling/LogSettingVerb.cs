using System.Globalization;
using DiligenceBot.Audit;
using DiligenceBot.Conversations;
using DiligenceBot.Data;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;
using DiligenceBot.WorkLogs;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Scheduling;

/// <summary>
/// "log setting TEAM previous-day" / "log setting TEAM same-day HH:mm" (日志设置 团队 前一工作日 / 日志设置 团队 当天 时:分):
/// an admin chooses what a team's log covers and when it is due — the previous working day, due before the meeting
/// (the default), or the day itself, due at a time that day (teams that log in the evening). Like
/// <see cref="MeetingVerb"/>: applied at once (the team's job is synced; reminders, escalations and on-time flags
/// read the setting on their next run), audited, refused to anyone but an admin of the tenant.
/// </summary>
public sealed class LogSettingVerb(DiligenceDbContext db, IServiceProvider services, TimeProvider time, ILogger<LogSettingVerb> logger) : IBotVerb
{
    private static readonly string[] PreviousDay = ["previous-day", "previous-working-day", "前一工作日", "前一个工作日"];
    private static readonly string[] SameDay = ["same-day", "当天"];

    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Person is not { IsAdmin: true } admin || admin.TenantId != request.TenantId)
        {
            return BotAnswer.Refused(Texts.Schedule.AdminOnly.In(language));
        }

        var parts = request.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        LogCoverage covers;
        TimeOnly? due = null;
        if (parts.Length == 2 && PreviousDay.Contains(parts[1], StringComparer.OrdinalIgnoreCase))
        {
            covers = LogCoverage.PreviousWorkingDay;
        }
        else if (parts.Length == 3 && SameDay.Contains(parts[1], StringComparer.OrdinalIgnoreCase)
                 && TimeOnly.TryParseExact(parts[2], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            covers = LogCoverage.SameDay;
            due = at;
        }
        else
        {
            return BotAnswer.Refused(Texts.Schedule.LogSettingUsage.In(language));
        }

        var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == parts[0] && t.TenantId == request.TenantId, cancellationToken);
        if (team is null)
        {
            return BotAnswer.Refused(Texts.Schedule.UnknownTeam.Format(language, parts[0].Length > 40 ? parts[0][..40] : parts[0]));
        }

        team.LogCovers = covers;
        team.LogDueTime = due;
        await ScheduleChanges.ApplyAsync(db, services, time, request, admin, team, "team.log-setting-changed", cancellationToken);
        Log.TeamLogSettingChanged(logger, team.Id, covers.ToString(), admin.Id);

        var name = WorkLogCards.TeamName(team, language);
        var zone = TimeZones.Name(team.TimeZone, language);
        return BotAnswer.WithText(due is { } dueAt
            ? Texts.Schedule.LogSettingSameDay.Format(language, name, CardDates.Time(dueAt), zone)
            : Texts.Schedule.LogSettingPreviousDay.Format(language, name, CardDates.Time(team.MeetingTime), zone));
    }
}

/// <summary>What every admin change to a team's schedule does: audited, saved, and the team's job synced at once.</summary>
internal static class ScheduleChanges
{
    public static async Task ApplyAsync(DiligenceDbContext db, IServiceProvider services, TimeProvider time, BotRequest request, Person admin, Team team, string action,
        CancellationToken cancellationToken)
    {
        db.Set<AuditEntry>().Add(new AuditEntry
        {
            TenantId = request.TenantId,
            At = time.GetUtcNow(),
            ActorId = admin.Id,
            Action = action,
            SubjectType = "Team",
            SubjectId = team.Id,
            SourceVerb = request.Verb,
            SourceActivityId = request.Activity.Id,
        });
        await db.SaveChangesAsync(cancellationToken);
        if (services.GetService<IEnumerable<IHostedService>>()?.OfType<TeamJobs>().FirstOrDefault() is { } jobs)
        {
            await jobs.SyncAsync(cancellationToken);
        }
    }
}
