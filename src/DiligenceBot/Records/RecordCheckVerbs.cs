using DiligenceBot.BotFramework.Cards;
using DiligenceBot.Coaching;
using DiligenceBot.Conversations;
using DiligenceBot.Input;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Records;

/// <summary>
/// Who may run the record checks and on whom: the managers whose records the asker may see as a checker (the teams
/// they lead or stand in for, the managers below them in the lead chain, a tenant's every manager for an admin;
/// never themselves), the month asked for (or the default), and the checks of one manager or of the asker's teams.
/// </summary>
public sealed class RecordCheckDesk(RecordBook book, RecordChecks checks, CoachingDesk desk)
{
    public RecordKinds Kinds => book.Kinds;

    /// <summary>The managers a person checks (each with their team loaded).</summary>
    public sealed record Checkable(bool IsChecker, List<Person> Managers);

    /// <summary>
    /// Whether the person checks records at all (an admin, a team's lead or delegate, someone with managers below them
    /// in the lead chain) and the managers they check.
    /// </summary>
    public async Task<Checkable> CheckedByAsync(Person person, CancellationToken cancellationToken)
    {
        var people = book.Db.People.AsNoTracking().Include(p => p.Team).Where(p => p.TenantId == person.TenantId && p.TeamId != null && p.Id != person.Id);
        if (person.IsAdmin)
        {
            return new(true, await people.ToListAsync(cancellationToken));
        }

        var reviewed = (await LeadTeams.ReviewedByAsync(book.Db, person.TenantId, person.Id, cancellationToken)).Select(t => t.Id).ToList();
        var below = (await desk.CoachableByAsync(person, cancellationToken)).Select(p => p.Id).ToList();
        return reviewed.Count == 0 && below.Count == 0
            ? new(false, [])
            : new(true, await people.Where(p => reviewed.Contains(p.TeamId!) || below.Contains(p.Id)).ToListAsync(cancellationToken));
    }

    public Task<bool> MayCheckAsync(Person person, Person manager, CancellationToken cancellationToken) =>
        manager.Id == person.Id || manager.TenantId != person.TenantId ? Task.FromResult(false) : book.MaySeeAsync(person, manager.Id, cancellationToken);

    public Task<Person?> ManagerAsync(string tenantId, string id, CancellationToken cancellationToken) =>
        book.Db.People.AsNoTracking().Include(p => p.Team).SingleOrDefaultAsync(p => p.TenantId == tenantId && p.Id == id && p.TeamId != null, cancellationToken);

    public Task<List<Person>> ManagersOfTenantAsync(string tenantId, CancellationToken cancellationToken) =>
        book.Db.People.AsNoTracking().Include(p => p.Team).Where(p => p.TenantId == tenantId && p.TeamId != null).ToListAsync(cancellationToken);

    public DateOnly ThisMonth(Team team) => checks.ThisMonth(team);

    public DateOnly DefaultMonth(Team team) => checks.DefaultMonth(team);

    public async Task<ManagerChecks?> OfAsync(Person manager, DateOnly month, CancellationToken cancellationToken) =>
        (await checks.OfAsync([manager], month, cancellationToken)).SingleOrDefault();

    /// <summary>
    /// The words a feature's refusals use when choosing a manager (the record checks, the scorecards): each feature says
    /// them in its own terms, the choosing is the same.
    /// </summary>
    public sealed record ChooserTexts(Text NotAChecker, Text UnknownManager, Text SeveralMatch, Text ListSeparator, Text NotYourself, Text NotYours, Text NoManagers);

    /// <summary>Whom a checker asked for: one manager (null for all they check), every manager they check, or the refusal.</summary>
    public sealed record Choice(bool IsChecker, Person? Manager, List<Person> Checkable, BotAnswer? Refusal);

    /// <summary>
    /// The one chooser of the checkers' verbs: whether the person checks records at all; the manager a card's button
    /// names (<c>managerId</c>) or the name typed (a name matching several is refused with their names; someone the
    /// person does not check is still found by name, so a typo and a refusal read differently); never themselves, never
    /// a manager outside what they check; without a manager, everyone they check (none is refused).
    /// </summary>
    public async Task<Choice> ChooseAsync(BotRequest request, Person person, string name, ChooserTexts texts, CancellationToken cancellationToken)
    {
        var language = request.Language;
        var (isChecker, checkable) = await CheckedByAsync(person, cancellationToken);
        if (!isChecker)
        {
            return new(false, null, [], BotAnswer.Refused(texts.NotAChecker.In(language)));
        }

        Person? manager = null;
        if (request.Source != RequestSource.Text && request.Card.String("managerId") is { Length: > 0 } managerId)
        {
            manager = await ManagerAsync(person.TenantId, managerId, cancellationToken);
            if (manager is null)
            {
                return new(true, null, checkable, BotAnswer.Refused(texts.UnknownManager.Format(language, managerId)));
            }
        }
        else if (name.Length > 0)
        {
            var candidates = PeopleByName.Matching(checkable, name);
            if (candidates.Count > 1)
            {
                return new(true, null, checkable, BotAnswer.Refused(texts.SeveralMatch.Format(language, name,
                    string.Join(texts.ListSeparator.In(language), candidates.Select(c => c.DisplayName)))));
            }

            // Someone the asker does not check is named too (and refused by name below), so a typo and a refusal read differently.
            manager = candidates.SingleOrDefault() ?? PeopleByName.Matching(await ManagersOfTenantAsync(person.TenantId, cancellationToken), name).FirstOrDefault();
            if (manager is null)
            {
                return new(true, null, checkable, BotAnswer.Refused(texts.UnknownManager.Format(language, name.Length > 40 ? name[..40] + "…" : name)));
            }
        }

        if (manager is not null)
        {
            if (manager.Id == person.Id)
            {
                return new(true, manager, checkable, BotAnswer.Refused(texts.NotYourself.In(language)));
            }

            if (!await MayCheckAsync(person, manager, cancellationToken))
            {
                return new(true, manager, checkable, BotAnswer.Refused(texts.NotYours.Format(language, manager.DisplayName)));
            }
        }
        else if (checkable.Count == 0)
        {
            return new(true, null, checkable, BotAnswer.Refused(texts.NoManagers.In(language)));
        }

        return new(true, manager, checkable, null);
    }

    /// <summary>The managers a list export covers, the one team it names (when one), or the refusal.</summary>
    public sealed record ExportScope(List<Person> Managers, Team? Team, BotAnswer? Refusal);

    /// <summary>
    /// Whom an export of a team card covers (the scorecards, the skills results): everyone the asker checks
    /// (<see cref="ChooseAsync"/>), or one team's managers when the card's button names the team — a team of another tenant
    /// is out of date, a team the asker does not check is refused by name (<paramref name="notYourTeam"/>), never an empty file.
    /// </summary>
    public async Task<ExportScope> ExportScopeAsync(BotRequest request, Person person, string? teamId, ChooserTexts texts, Text notYourTeam, CancellationToken cancellationToken)
    {
        var language = request.Language;
        var choice = await ChooseAsync(request, person, string.Empty, texts, cancellationToken);
        if (choice.Refusal is not null)
        {
            return new([], null, choice.Refusal);
        }

        var managers = choice.Checkable;
        Team? oneTeam = null;
        if (!string.IsNullOrEmpty(teamId))
        {
            oneTeam = await book.Db.Teams.AsNoTracking().SingleOrDefaultAsync(t => t.TenantId == person.TenantId && t.Id == teamId, cancellationToken);
            if (oneTeam is null)
            {
                return new([], null, BotAnswer.Refused(Texts.Common.CardOutOfDate.In(language)));
            }

            managers = [.. managers.Where(m => m.TeamId == teamId)];
            if (managers.Count == 0)
            {
                return new([], null, BotAnswer.Refused(notYourTeam.Format(language, WorkLogs.WorkLogCards.TeamName(oneTeam, language))));
            }
        }

        var teams = managers.Select(m => m.Team!).DistinctBy(t => t.Id).ToList();
        return new(managers, oneTeam ?? (teams.Count == 1 ? teams[0] : null), null);
    }

    /// <summary>The team card: every manager the person checks, grouped by team (in team order), in one pass over the tables.</summary>
    public async Task<AdaptiveCard> TeamsCardAsync(IReadOnlyList<Person> managers, DateOnly month, Language language, CancellationToken cancellationToken)
    {
        var all = await checks.OfAsync(managers, month, cancellationToken);
        var teams = all.GroupBy(c => c.Team.Id, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new RecordCheckCards.TeamChecks(g.First().Team, [.. g])).ToList();
        var until = all.Count == 0 ? month.AddMonths(1) : all.Min(c => c.Until);
        return RecordCheckCards.Teams(teams, month, until, language);
    }
}

/// <summary>
/// "check [YYYY-MM] [manager]" / "检查 [YYYY-MM] [客户经理]" (and the cards' buttons, which carry a month and a manager
/// id): without a manager, the team card of every manager the asker checks; with one, that manager's four checks. The
/// month defaults to last month during its records' first due days, then to the month under way so far.
/// </summary>
public sealed class RecordCheckVerb(RecordCheckDesk desk) : IBotVerb
{
    private static readonly RecordCheckDesk.ChooserTexts Chooser = new(Texts.RecordChecks.NotALead, Texts.RecordChecks.UnknownManager,
        Texts.RecordChecks.SeveralMatch, Texts.RecordChecks.ListSeparator, Texts.RecordChecks.NotYourself, Texts.RecordChecks.NotYours, Texts.RecordChecks.NoManagers);

    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Person is not { } person || person.TenantId != request.TenantId)
        {
            return BotAnswer.Refused(Texts.RecordChecks.NotInDirectory.In(language));
        }

        var (monthText, name) = request.Source == RequestSource.Text
            ? MonthAndName(request.Arguments)
            : (request.Card.String("month"), string.Empty);
        DateOnly? month = null;
        if (monthText is not null)
        {
            if (!RecordPeriod.TryParse(RecordPeriodKind.Monthly, monthText, out var period))
            {
                return BotAnswer.Refused(Texts.RecordChecks.BadMonth.In(language));
            }

            month = period.First;
        }

        var choice = await desk.ChooseAsync(request, person, name, Chooser, cancellationToken);
        if (choice.Refusal is not null)
        {
            return choice.Refusal;
        }

        var (manager, checkable) = (choice.Manager, choice.Checkable);
        if (manager is not null)
        {
            var chosen = month ?? desk.DefaultMonth(manager.Team!);
            if (chosen > desk.ThisMonth(manager.Team!))
            {
                return BotAnswer.Refused(Texts.RecordChecks.FutureMonth.Format(language, CardDates.Month(chosen, language)));
            }

            var one = await desk.OfAsync(manager, chosen, cancellationToken);
            return BotAnswer.WithCard(RecordCheckCards.Manager(one!, language));
        }

        var first = checkable.Select(m => m.Team!).OrderBy(t => t.Id, StringComparer.Ordinal).First();
        var teamMonth = month ?? desk.DefaultMonth(first);
        if (teamMonth > desk.ThisMonth(first))
        {
            return BotAnswer.Refused(Texts.RecordChecks.FutureMonth.Format(language, CardDates.Month(teamMonth, language)));
        }

        return BotAnswer.WithCard(await desk.TeamsCardAsync(checkable, teamMonth, language, cancellationToken));
    }

    /// <summary>"2026-11 Chen Jie", "Chen Jie 2026-11", "Chen Jie", "2026-11": a word that starts with a digit is the month.</summary>
    internal static (string? Month, string Name) MonthAndName(string arguments)
    {
        var words = UserText.Words(arguments).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var month = words.FirstOrDefault(w => char.IsDigit(w[0]));
        if (month is not null)
        {
            words.Remove(month);
        }

        return (month, string.Join(' ', words));
    }
}

/// <summary>What is behind one check of one manager's month: the same computation as the manager's card, for the same people.</summary>
public sealed class RecordCheckBehindVerb(RecordCheckDesk desk) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Person is not { } person || person.TenantId != request.TenantId)
        {
            return BotAnswer.Refused(Texts.RecordChecks.NotInDirectory.In(language));
        }

        if (RecordCheckCards.Parse(request.Card.String("check")) is not { } kind
            || !RecordPeriod.TryParse(RecordPeriodKind.Monthly, request.Card.String("month"), out var month)
            || request.Card.String("managerId") is not { Length: > 0 } managerId)
        {
            return BotAnswer.Refused(Texts.Common.CardOutOfDate.In(language));
        }

        if (await desk.ManagerAsync(person.TenantId, managerId, cancellationToken) is not { } manager)
        {
            return BotAnswer.Refused(Texts.RecordChecks.UnknownManager.Format(language, managerId));
        }

        if (manager.Id == person.Id)
        {
            return BotAnswer.Refused(Texts.RecordChecks.NotYourself.In(language));
        }

        if (!await desk.MayCheckAsync(person, manager, cancellationToken))
        {
            return BotAnswer.Refused(Texts.RecordChecks.NotYours.Format(language, manager.DisplayName));
        }

        if (month.First > desk.ThisMonth(manager.Team!))
        {
            return BotAnswer.Refused(Texts.RecordChecks.FutureMonth.Format(language, month.Name(language)));
        }

        var checks = await desk.OfAsync(manager, month.First, cancellationToken);
        return BotAnswer.WithCard(RecordCheckCards.Behind(checks!, kind, desk.Kinds, language));
    }
}
