using System.Globalization;
using DiligenceBot.Conversations;
using DiligenceBot.Data;
using DiligenceBot.Localization;
using DiligenceBot.WorkLogs;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Scheduling;

/// <summary>
/// "meeting TEAM HH:mm [60,15]" / "例会时间 …": an admin changes a team's meeting time and reminder offsets; the
/// team's job is synced at once (the job reads the schedule on every run, so the next minute uses it).
/// </summary>
public sealed class MeetingVerb(DiligenceDbContext db, IServiceProvider services, TimeProvider time) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Person is not { IsAdmin: true } admin || admin.TenantId != request.TenantId)
        {
            return BotAnswer.Refused(Texts.Schedule.AdminOnly.In(language));
        }

        var parts = request.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length is < 2 or > 3
            || !TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var meeting)
            || !TryOffsets(parts.Length == 3 ? parts[2] : null, out var offsets))
        {
            return BotAnswer.Refused(Texts.Schedule.MeetingUsage.In(language));
        }

        var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == parts[0] && t.TenantId == request.TenantId, cancellationToken);
        if (team is null)
        {
            return BotAnswer.Refused(Texts.Schedule.UnknownTeam.Format(language, parts[0].Length > 40 ? parts[0][..40] : parts[0]));
        }

        team.MeetingTime = meeting;
        if (offsets is not null)
        {
            team.ReminderOffsets = offsets;
        }

        await ScheduleChanges.ApplyAsync(db, services, time, request, admin, team, "team.meeting-changed", cancellationToken);
        return BotAnswer.WithText(Texts.Schedule.MeetingChanged.Format(language, WorkLogCards.TeamName(team, language),
            CardDates.Time(meeting), TimeZones.Name(team.TimeZone, language), string.Join(language == Language.ZhCn ? "、" : ", ", team.ReminderOffsets)));
    }

    internal static bool TryOffsets(string? text, out List<int>? offsets)
    {
        offsets = null;
        if (text is null)
        {
            return true;
        }

        var list = new List<int>();
        foreach (var piece in text.Split(',', '，'))
        {
            if (!int.TryParse(piece, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) || minutes is < 1 or > 720)
            {
                return false;
            }

            list.Add(minutes);
        }

        offsets = list.Distinct().OrderDescending().ToList();
        return offsets.Count is > 0 and <= 4;
    }
}
