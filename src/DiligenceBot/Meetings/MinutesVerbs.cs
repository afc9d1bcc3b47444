using DiligenceBot.Conversations;
using DiligenceBot.Input;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Meetings;

/// <summary>
/// "minutes" / "会议纪要": the form for the team the person records minutes for (as its lead or a delegate); a lead
/// of several teams first picks the team. Anyone else is refused.
/// </summary>
public sealed class OpenMinutesVerb(MinutesRegister register) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Person is not { } person || person.TenantId != request.TenantId)
        {
            return BotAnswer.Refused(Texts.Meetings.NotKnown.In(language));
        }

        var teams = await LeadTeams.ReviewedByAsync(register.Db, request.TenantId, person.Id, cancellationToken);
        var wanted = request.Card.String("teamId");
        var team = wanted is not null ? teams.SingleOrDefault(t => t.Id == wanted) : teams.Count == 1 ? teams[0] : null;
        if (teams.Count == 0 || (wanted is not null && team is null))
        {
            return BotAnswer.Refused(Texts.Meetings.NotALead.In(language));
        }

        if (team is null)
        {
            return BotAnswer.WithCard(MinutesCards.PickTeam(teams, language));
        }

        // From the missing-minutes reminder: the day it is about, a daily meeting.
        var typed = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request.Card.String("date") is { } date)
        {
            typed[MinutesCards.DateInput] = date;
        }

        return BotAnswer.WithCard(await register.FormAsync(team, Guid.NewGuid(), MinutesLimits.FirstRows, typed, [], language, cancellationToken));
    }
}

/// <summary>
/// Save the minutes (or add an action item row): validated (the form comes back with the errors and everything typed,
/// nothing stored), stored with the attendance and action items in one transaction, sent to the team and the
/// checker, each action item to its owner. The same card delivered again (its draft id) answers with the minutes
/// already stored.
/// </summary>
public sealed class SubmitMinutesVerb(MinutesRegister register, ILogger<SubmitMinutesVerb> logger) : IBotVerb
{
    public Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken) =>
        register.AgainOnConflictAsync(() => SubmitAsync(request, cancellationToken));

    private async Task<BotAnswer> SubmitAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Person is not { } person || person.TenantId != request.TenantId)
        {
            return BotAnswer.Refused(Texts.Meetings.NotKnown.In(language));
        }

        if (request.Card.Guid("draftId") is not { } draftId || request.Card.String("teamId") is not { } teamId || request.Card.Integer("rows") is not { } rows)
        {
            return BotAnswer.Refused(Texts.Common.CardOutOfDate.In(language));
        }

        if (await register.TeamAsync(request.TenantId, teamId, cancellationToken) is not { } team || !team.IsReviewer(person.Id))
        {
            Log.MinutesRefused(logger, request.Verb, teamId, person.Id);
            return BotAnswer.Refused(Texts.Meetings.NotALead.In(language));
        }

        var stored = await register.Db.Set<MeetingMinutes>().Include(m => m.Attendance).Include(m => m.ActionItems)
            .SingleOrDefaultAsync(m => m.TenantId == request.TenantId && m.DraftId == draftId, cancellationToken);
        if (stored is not null)
        {
            return stored.RecordedById == person.Id
                ? BotAnswer.WithCard(await register.CardAsync(stored, person, language, cancellationToken))
                : BotAnswer.Refused(Texts.Meetings.NotYours.In(language));
        }

        rows = Math.Clamp(rows, 1, MinutesLimits.MaxRows);
        var members = await register.MembersAsync(team, cancellationToken);
        var typed = request.Card.Inputs(MinutesValidation.InputKeys(members, rows));
        if (request.Verb == MinutesCards.MoreVerb)
        {
            return BotAnswer.WithCard(await register.FormAsync(team, draftId, rows, typed, [], language, cancellationToken));
        }

        var owners = await register.OwnersAsync(team, members, cancellationToken);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var valid = MinutesValidation.Check(typed, new MinutesValidation.Context(members, owners, register.Today(team), rows, register.Topics), language, errors);
        if (valid is { Kind: MeetingKind.Daily }
            && await register.Db.Set<MeetingMinutes>().AsNoTracking().FirstOrDefaultAsync(m => m.TeamId == team.Id && m.MeetingDate == valid.Date && m.Kind == MeetingKind.Daily, cancellationToken) is { } daily)
        {
            var names = await register.NamesAsync([daily.RecordedById], cancellationToken);
            errors[MinutesCards.DateInput] = Texts.Meetings.ErrorDailyTwice.Format(language, CardDates.Day(valid.Date), names.GetValueOrDefault(daily.RecordedById, daily.RecordedById));
            valid = null;
        }

        if (valid is null)
        {
            return BotAnswer.WithCard(await register.FormAsync(team, draftId, rows, typed, errors, language, cancellationToken));
        }

        var now = register.Now;
        var checker = await register.CheckerAsync(team, cancellationToken);
        var minutes = new MeetingMinutes
        {
            Id = Guid.NewGuid(),
            TenantId = team.TenantId,
            TeamId = team.Id,
            DraftId = draftId,
            MeetingDate = valid.Date,
            Kind = valid.Kind,
            RecordedById = person.Id,
            RecordedAt = now,
            Topics = valid.Topics,
            Decisions = valid.Decisions,
            TrainingTopicIds = valid.TrainingTopicIds.ToList(),
            TrainingFormat = valid.Format,
            StudyVisitPlace = valid.Place,
            TrainingHours = valid.Hours,
            CheckerId = checker?.Id,
            Revision = 1,
            ConcurrencyStamp = Guid.NewGuid(),
            Attendance = valid.Attendance.Select(a => new MeetingAttendance { PersonId = a.PersonId, Present = a.Present, AbsenceReason = a.Reason }).ToList(),
        };
        foreach (var a in valid.Actions)
        {
            var (remindAt, overdueAt) = register.DueInstants(team, a.Due);
            minutes.ActionItems.Add(new ActionItem
            {
                Id = Guid.NewGuid(),
                TenantId = team.TenantId,
                MinutesId = minutes.Id,
                TeamId = team.Id,
                Number = a.Number,
                OwnerId = a.OwnerId,
                DueDate = a.Due,
                Text = a.Text,
                State = ActionItemState.Open,
                RemindAt = remindAt,
                OverdueAt = overdueAt,
                // Given on its due day after the day's reminder time: the card the owner gets now is the reminder.
                RemindedAt = remindAt <= now ? now : null,
                Revision = 1,
                ConcurrencyStamp = Guid.NewGuid(),
            });
        }

        register.Db.Add(minutes);
        register.Audit(request, minutes.TenantId, person.Id, "minutes.recorded", nameof(MeetingMinutes), minutes.Id, minutes.Revision);
        var recipients = minutes.Attendance.Select(a => a.PersonId).Where(id => id != person.Id).ToList();
        foreach (var id in recipients)
        {
            register.Notify(MinutesRegister.Recorded, minutes.TenantId, minutes.Id, minutes.Revision, id);
        }

        if (checker is not null && checker.Id != person.Id && !recipients.Contains(checker.Id))
        {
            register.Notify(MinutesRegister.Recorded, minutes.TenantId, minutes.Id, minutes.Revision, checker.Id);
        }

        foreach (var item in minutes.ActionItems)
        {
            register.Notify(MinutesRegister.Assigned, item.TenantId, item.Id, item.Revision, item.OwnerId);
        }

        await register.Db.SaveChangesAsync(cancellationToken);
        Log.MinutesRecorded(logger, minutes.Id, team.Id, minutes.Kind.ToString(), minutes.ActionItems.Count);
        register.WakeNotifications();
        var notice = Texts.Meetings.RecordedNotice.Format(language, recipients.Count,
            checker is null ? string.Empty : Texts.Meetings.RecordedNoticeChecker.Format(language, checker.DisplayName));
        return BotAnswer.WithCard(await register.CardAsync(minutes, person, language, cancellationToken, notice));
    }
}

/// <summary>The minutes' card for whoever may see them; others (and other tenants) are refused.</summary>
public sealed class ViewMinutesVerb(MinutesRegister register) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Card.Guid("minutesId") is not { } id || await register.LoadAsync(id, request.TenantId, cancellationToken) is not { } minutes)
        {
            return BotAnswer.Refused(Texts.Meetings.UnknownMinutes.In(language));
        }

        if (request.Person is not { } person || !await register.MaySeeAsync(minutes, person, cancellationToken))
        {
            return BotAnswer.Refused(Texts.Meetings.NotYours.In(language));
        }

        return BotAnswer.WithCard(await register.CardAsync(minutes, person, language, cancellationToken));
    }
}

/// <summary>
/// The lead's own manager marks the minutes checked with a comment (nobody else may); the recorder and the lead hear
/// of it. A second check, or a check delivered twice, changes nothing and shows the minutes as checked.
/// </summary>
public sealed class CheckMinutesVerb(MinutesRegister register, ILogger<CheckMinutesVerb> logger) : IBotVerb
{
    public Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken) =>
        register.AgainOnConflictAsync(() => CheckAsync(request, cancellationToken));

    private async Task<BotAnswer> CheckAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Card.Guid("minutesId") is not { } id || await register.LoadAsync(id, request.TenantId, cancellationToken) is not { } minutes)
        {
            return BotAnswer.Refused(Texts.Meetings.UnknownMinutes.In(language));
        }

        var names = await register.NamesAsync([minutes.CheckerId], cancellationToken);
        var checkerName = minutes.CheckerId is null ? "?" : names.GetValueOrDefault(minutes.CheckerId, minutes.CheckerId);
        if (request.Person is not { } person || person.TenantId != minutes.TenantId || person.Id != minutes.CheckerId)
        {
            Log.MinutesRefused(logger, request.Verb, minutes.TeamId, request.Person?.Id);
            return BotAnswer.Refused(Texts.Meetings.OnlyChecker.Format(language, checkerName));
        }

        if (request.Card.Integer("revision") is not { } revision || !CardData.WasIssued(revision, minutes.Revision, first: 1))
        {
            return BotAnswer.Refused(Texts.Common.CardOutOfDate.In(language));
        }

        if (minutes.CheckedAt is not null)
        {
            return BotAnswer.WithCard(await register.CardAsync(minutes, person, language, cancellationToken, Texts.Meetings.AlreadyChecked.Format(language, checkerName)));
        }

        var typed = request.Card.String(MinutesCards.CheckCommentInput);
        if (UserText.Check(typed, new TextRule(MinutesLimits.CheckComment, Required: true), Texts.Meetings.CheckComment.In(language), language, out var comment) is { } error)
        {
            return BotAnswer.WithCard(await register.CardAsync(minutes, person, language, cancellationToken, Texts.Meetings.FixErrors.In(language), error, typed));
        }

        minutes.CheckedAt = register.Now;
        minutes.CheckComment = comment;
        minutes.Revision++;
        minutes.ConcurrencyStamp = Guid.NewGuid();
        register.Audit(request, minutes.TenantId, person.Id, "minutes.checked", nameof(MeetingMinutes), minutes.Id, minutes.Revision);
        var team = await register.TeamAsync(minutes.TenantId, minutes.TeamId, cancellationToken);
        foreach (var recipient in new[] { minutes.RecordedById, team?.LeadId }.OfType<string>().Distinct(StringComparer.Ordinal).Where(r => r != person.Id))
        {
            register.Notify(MinutesRegister.Checked, minutes.TenantId, minutes.Id, minutes.Revision, recipient);
        }

        await register.Db.SaveChangesAsync(cancellationToken);
        Log.MinutesChecked(logger, minutes.Id, person.Id);
        register.WakeNotifications();
        return BotAnswer.WithCard(await register.CardAsync(minutes, person, language, cancellationToken, Texts.Meetings.CheckedNotice.In(language)));
    }
}

/// <summary>
/// An action item's card (whoever may see its minutes, and its owner), and the owner's Done (with an optional note)
/// and Blocked (with the note why; the lead hears of it). Done is final; a blocked item can still be done. A step on
/// a card that has moved on shows the item as it is now.
/// </summary>
public sealed class ActionItemVerb(MinutesRegister register, ILogger<ActionItemVerb> logger) : IBotVerb
{
    public Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken) =>
        register.AgainOnConflictAsync(() => StepAsync(request, cancellationToken));

    private async Task<BotAnswer> StepAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Card.Guid("itemId") is not { } id || await register.LoadItemAsync(id, request.TenantId, cancellationToken) is not { } item)
        {
            return BotAnswer.Refused(Texts.Meetings.UnknownItem.In(language));
        }

        if (request.Person is not { } person || person.TenantId != item.TenantId)
        {
            return BotAnswer.Refused(Texts.Meetings.NotYourItem.In(language));
        }

        if (request.Verb == ActionItemCards.ViewVerb)
        {
            return await register.MaySeeItemAsync(item, person, cancellationToken)
                ? BotAnswer.WithCard(await register.ItemCardAsync(item, person, language, cancellationToken))
                : BotAnswer.Refused(Texts.Meetings.NotYourItem.In(language));
        }

        if (item.OwnerId != person.Id)
        {
            Log.ActionItemRefused(logger, request.Verb, item.Id, person.Id);
            return BotAnswer.Refused(Texts.Meetings.NotYourItem.In(language));
        }

        if (request.Card.Integer("revision") is not { } revision || !CardData.WasIssued(revision, item.Revision, first: 1))
        {
            return BotAnswer.Refused(Texts.Common.CardOutOfDate.In(language));
        }

        if (item.State == ActionItemState.Done)
        {
            return BotAnswer.WithCard(await register.ItemCardAsync(item, person, language, cancellationToken, Texts.Meetings.AlreadyDone.In(language)));
        }

        if (revision != item.Revision)
        {
            return BotAnswer.WithCard(await register.ItemCardAsync(item, person, language, cancellationToken, Texts.Meetings.ItemChanged.In(language)));
        }

        var blocked = request.Verb == ActionItemCards.BlockedVerb;
        var typed = request.Card.String(blocked ? ActionItemCards.BlockedNoteInput : ActionItemCards.DoneNoteInput);
        if (UserText.Check(typed, new TextRule(MinutesLimits.Note, Required: blocked), Texts.Meetings.Note.In(language), language, out var note) is { } error)
        {
            return BotAnswer.WithCard(await register.ItemCardAsync(item, person, language, cancellationToken, Texts.Meetings.FixErrors.In(language),
                blocked && UserText.IsBlank(typed) ? Texts.Meetings.BlockedNoteRequired.In(language) : error, typed));
        }

        var now = register.Now;
        item.State = blocked ? ActionItemState.Blocked : ActionItemState.Done;
        item.Note = note ?? item.Note;
        item.UpdatedAt = now;
        item.DoneAt = blocked ? null : now;
        item.Revision++;
        item.ConcurrencyStamp = Guid.NewGuid();
        register.Audit(request, item.TenantId, person.Id, blocked ? "action.blocked" : "action.done", nameof(ActionItem), item.Id, item.Revision);
        if (blocked && await register.TeamAsync(item.TenantId, item.TeamId, cancellationToken) is { LeadId: { } lead } && lead != person.Id)
        {
            register.Notify(MinutesRegister.Blocked, item.TenantId, item.Id, item.Revision, lead);
        }

        await register.Db.SaveChangesAsync(cancellationToken);
        Log.ActionItemStep(logger, item.Id, item.State.ToString(), person.Id);
        register.WakeNotifications();
        return BotAnswer.WithCard(await register.ItemCardAsync(item, person, language, cancellationToken,
            (blocked ? Texts.Meetings.BlockedSaved : Texts.Meetings.DoneSaved).In(language)));
    }
}

/// <summary>"actions" / "待办": the person's own open action items; for a lead (or delegate) also each team's.</summary>
public sealed class ActionsVerb(MinutesRegister register) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Person is not { } person || person.TenantId != request.TenantId)
        {
            return BotAnswer.Refused(Texts.Meetings.NotKnown.In(language));
        }

        var db = register.Db;
        var teams = await LeadTeams.ReviewedByAsync(db, request.TenantId, person.Id, cancellationToken);
        var teamIds = teams.Select(t => t.Id).ToList();
        var open = await db.Set<ActionItem>().AsNoTracking()
            .Where(a => a.TenantId == request.TenantId && a.State != ActionItemState.Done && (a.OwnerId == person.Id || teamIds.Contains(a.TeamId)))
            .OrderBy(a => a.DueDate).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        var names = await register.NamesAsync(open.Select(a => a.OwnerId), cancellationToken);
        ActionItemCards.Row Row(ActionItem a) => new(a, names.GetValueOrDefault(a.OwnerId, a.OwnerId));
        var home = person.TeamId is { } own ? await register.TeamAsync(request.TenantId, own, cancellationToken) : teams.FirstOrDefault();
        var today = home is null ? DateOnly.FromDateTime(register.Now.UtcDateTime) : register.Today(home);
        var card = ActionItemCards.List(
            open.Where(a => a.OwnerId == person.Id).Select(Row).ToList(),
            teams.Select(t => (t, (IReadOnlyList<ActionItemCards.Row>)open.Where(a => a.TeamId == t.Id).Select(Row).ToList())).ToList(),
            today,
            language);
        return BotAnswer.WithCard(card);
    }
}

/// <summary>
/// "training" / "培训" [half-year]: a manager's training record (trainings attended, hours, topics covered) from the
/// training minutes; a lead (or delegate) sees each manager of the team. Kept for the half-year skills assessment.
/// </summary>
public sealed partial class TrainingVerb(MinutesRegister register) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Person is not { } person || person.TenantId != request.TenantId)
        {
            return BotAnswer.Refused(Texts.Meetings.NotKnown.In(language));
        }

        var teams = await LeadTeams.ReviewedByAsync(register.Db, request.TenantId, person.Id, cancellationToken);
        var home = person.TeamId is { } own ? await register.TeamAsync(request.TenantId, own, cancellationToken) : teams.FirstOrDefault();
        var today = home is null ? DateOnly.FromDateTime(register.Now.UtcDateTime) : register.Today(home);
        if (HalfYearOf(request.Arguments, today) is not { } half)
        {
            return BotAnswer.WithText(Texts.Meetings.BadHalfYear.In(language));
        }

        var label = (half.Second ? Texts.Meetings.HalfYear2 : Texts.Meetings.HalfYear1).Format(language, half.Year);
        var from = new DateOnly(half.Year, half.Second ? 7 : 1, 1);
        var to = from.AddMonths(6).AddDays(-1);
        if (teams.Count == 0)
        {
            var mine = await AttendedAsync(request.TenantId, [person.Id], from, to, cancellationToken);
            return BotAnswer.WithCard(ActionItemCards.Training(label, mine.GetValueOrDefault(person.Id, []), register.Topics, language));
        }

        (Person, IReadOnlyList<ActionItemCards.Attended>)? myLine = null;
        if (person.TeamId is not null)
        {
            var mine = await AttendedAsync(request.TenantId, [person.Id], from, to, cancellationToken);
            myLine = (person, mine.GetValueOrDefault(person.Id, []));
        }

        var sections = new List<(Team, IReadOnlyList<(Person, IReadOnlyList<ActionItemCards.Attended>)>)>();
        foreach (var team in teams)
        {
            var members = await register.MembersAsync(team, cancellationToken);
            var attended = await AttendedAsync(request.TenantId, members.Select(m => m.Id).ToList(), from, to, cancellationToken);
            sections.Add((team, members.Select(m => (m, (IReadOnlyList<ActionItemCards.Attended>)attended.GetValueOrDefault(m.Id, []))).ToList()));
        }

        return BotAnswer.WithCard(ActionItemCards.TeamTraining(label, myLine, sections, register.Topics, language));
    }

    /// <summary>The trainings each person attended (present) between the dates, within the tenant.</summary>
    private async Task<Dictionary<string, List<ActionItemCards.Attended>>> AttendedAsync(string tenantId, List<string> people, DateOnly first, DateOnly last, CancellationToken cancellationToken) =>
        (await register.TrainingsAttendedAsync(tenantId, people, first, last, cancellationToken))
            .ToDictionary(p => p.Key, p => p.Value.Select(t => new ActionItemCards.Attended(t.Date, t.Hours, [.. t.TopicIds])).ToList(), StringComparer.Ordinal);

    /// <summary>"2026 H1", "2026h2", "2026年上半年", "2026 下半年"; empty = the half-year of <paramref name="today"/>.</summary>
    internal static (int Year, bool Second)? HalfYearOf(string arguments, DateOnly today)
    {
        var text = UserText.Words(arguments);
        if (text.Length == 0)
        {
            return (today.Year, today.Month > 6);
        }

        var match = HalfYearPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var year = int.Parse(match.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var second = match.Groups["h"].Success ? match.Groups["h"].Value == "2" : match.Groups["zh"].Value == "下";
        return year is >= 2000 and <= 2100 ? (year, second) : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<year>\d{4})\s*(?:[Hh](?<h>[12])|年?\s*(?<zh>[上下])半年)$")]
    private static partial System.Text.RegularExpressions.Regex HalfYearPattern();
}
