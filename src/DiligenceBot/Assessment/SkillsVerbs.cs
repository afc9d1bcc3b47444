using DiligenceBot.BotFramework.Cards;
using DiligenceBot.BotFramework.Schema;
using DiligenceBot.Conversations;
using DiligenceBot.Files;
using DiligenceBot.Imports;
using DiligenceBot.Input;
using DiligenceBot.Localization;
using DiligenceBot.Notifications;
using DiligenceBot.Organisation;
using DiligenceBot.Records;
using DiligenceBot.WorkLogs;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Assessment;

/// <summary>
/// "skills [YYYY-H1 | YYYY-H2] [manager]" / "技能评估 …" (and the cards' buttons, which carry a half-year and a manager id):
/// for the people who run the record checks (a team's lead and delegates, the lead chain above, admins), never on
/// themselves. Without a manager, the team card; with one, the rating card (the lead and delegates rate; the others
/// read the result). The half-year defaults to the one under way (the one just ended during a half's first month).
/// Someone who checks no one (a manager) gets their own result: never anyone else's.
/// </summary>
public sealed class SkillsVerb(RecordCheckDesk desk, SkillsBook book) : IBotVerb
{
    internal static readonly RecordCheckDesk.ChooserTexts Chooser = new(Texts.Skills.ForLeads, Texts.Skills.UnknownManager, Texts.Skills.SeveralMatch,
        Texts.Skills.ListSeparator, Texts.Skills.NotYourself, Texts.Skills.NotYours, Texts.Skills.NoManagers);

    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Person is not { } person || person.TenantId != request.TenantId)
        {
            return BotAnswer.Refused(Texts.Skills.NotInDirectory.In(language));
        }

        var (halfText, name) = request.Source == RequestSource.Text ? RecordCheckVerb.MonthAndName(request.Arguments) : (request.Card.String("half"), string.Empty);
        RecordPeriod? asked = null;
        if (halfText is not null)
        {
            if (SkillsBook.ReadHalf(halfText) is not { } half)
            {
                return BotAnswer.Refused(Texts.Skills.BadHalf.In(language));
            }

            asked = half;
        }

        var choice = await desk.ChooseAsync(request, person, name, Chooser, cancellationToken);
        if (!choice.IsChecker && name.Length == 0)
        {
            return await OwnAsync(book, request, person, asked, cancellationToken);
        }

        if (choice.Refusal is not null)
        {
            return choice.Refusal;
        }

        var managers = choice.Manager is { } one ? [one] : choice.Checkable;
        var team = managers.Select(m => m.Team!).OrderBy(t => t.Id, StringComparer.Ordinal).First();
        var chosen = asked ?? book.DefaultHalf(team);
        if (chosen.First > book.Today(team))
        {
            return BotAnswer.Refused(Texts.Skills.FutureHalf.Format(language, chosen.Name(language)));
        }

        if (choice.Manager is { } manager)
        {
            var assessment = await book.FindAsync(person.TenantId, manager.Id, chosen, cancellationToken);
            if (!SkillsBook.MayRate(person, manager) && assessment is not null)
            {
                return BotAnswer.WithCard(await ResultAsync(book, assessment, manager, language, null, cancellationToken));
            }

            return BotAnswer.WithCard(await RatingCardAsync(book, person, manager, chosen, language, null, cancellationToken));
        }

        return BotAnswer.WithCard(await TeamsCardAsync(book, person.TenantId, managers, chosen, language, cancellationToken));
    }

    internal static async Task<AdaptiveCard> TeamsCardAsync(SkillsBook book, string tenantId, IReadOnlyList<Person> managers, RecordPeriod half, Language language, CancellationToken cancellationToken)
    {
        var ids = managers.Select(m => m.Id).ToList();
        var assessments = await book.Assessments.AsNoTracking().Where(s => s.TenantId == tenantId && s.HalfKey == half.Key && ids.Contains(s.ManagerId))
            .ToDictionaryAsync(s => s.ManagerId, StringComparer.Ordinal, cancellationToken);
        var quizzes = (await book.Quizzes.AsNoTracking().Where(q => q.TenantId == tenantId && q.HalfKey == half.Key && ids.Contains(q.ManagerId)).ToListAsync(cancellationToken))
            .GroupBy(q => q.ManagerId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.MaxBy(q => q.SentAt)!, StringComparer.Ordinal);
        var teams = managers.GroupBy(m => m.TeamId!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SkillsCards.TeamRows(g.First().Team!, [.. g.Select(m => new SkillsCards.Row(m, assessments.GetValueOrDefault(m.Id), quizzes.GetValueOrDefault(m.Id)))])).ToList();
        return SkillsCards.Teams(teams, half, language);
    }

    /// <summary>The rating card for one manager and half-year as it stands (with the stored ratings, or what was typed).</summary>
    internal static async Task<AdaptiveCard> RatingCardAsync(SkillsBook book, Person viewer, Person manager, RecordPeriod half, Language language, SkillsCards.Inputs? inputs, CancellationToken cancellationToken)
    {
        var assessment = await book.FindAsync(manager.TenantId, manager.Id, half, cancellationToken);
        var quizzes = await book.QuizzesAsync(manager.TenantId, manager.Id, half, cancellationToken);
        var training = await book.TrainingByTopicAsync(manager, half, cancellationToken);
        var names = await book.NamesAsync([assessment?.RatedById], cancellationToken);
        var view = new SkillsCards.RatingView(manager, half, assessment, quizzes, training, names, SkillsBook.MayRate(viewer, manager));
        return SkillsCards.Rating(view, book.Rules, language, inputs);
    }

    internal static async Task<AdaptiveCard> ResultAsync(SkillsBook book, SkillsAssessment assessment, Person manager, Language language, string? notice, CancellationToken cancellationToken)
    {
        var names = await book.NamesAsync([assessment.RatedById], cancellationToken);
        var trainings = await book.ProposedTrainingsAsync(assessment, cancellationToken);
        return SkillsCards.Result(assessment, manager, names.GetValueOrDefault(assessment.RatedById, assessment.RatedById), book.Rules, trainings, language, notice);
    }

    /// <summary>A manager's own result: the half-year asked, or the latest.</summary>
    private static async Task<BotAnswer> OwnAsync(SkillsBook book, BotRequest request, Person person, RecordPeriod? asked, CancellationToken cancellationToken)
    {
        var language = request.Language;
        var mine = await book.Assessments.AsNoTracking().Where(s => s.TenantId == person.TenantId && s.ManagerId == person.Id).ToListAsync(cancellationToken);
        var assessment = asked is { } half ? mine.SingleOrDefault(s => s.HalfKey == half.Key) : mine.MaxBy(s => s.HalfKey, StringComparer.Ordinal);
        if (assessment is null)
        {
            var half2 = asked ?? (person.Team is { } team ? book.DefaultHalf(team) : RecordPeriod.Holding(RecordPeriodKind.HalfYear, DateOnly.FromDateTime(book.Now.UtcDateTime)));
            return BotAnswer.Refused(Texts.Skills.NoResult.Format(language, half2.Name(language)));
        }

        var me = await book.Db.People.AsNoTracking().Include(p => p.Team).SingleAsync(p => p.Id == person.Id, cancellationToken);
        return BotAnswer.WithCard(await ResultAsync(book, assessment, me, language, null, cancellationToken));
    }
}

/// <summary>
/// The rating card's buttons: Complete (every area rated 1–5 with evidence, or the card comes back with what was typed
/// and each error; stored once per manager and half-year, a later submission a new revision; the manager gets the
/// result) and Send a quiz. Only the team's lead or a delegate, never on themselves, only their managers.
/// </summary>
public sealed class SkillsRateVerb(RecordCheckDesk desk, SkillsBook book) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Person is not { } person || person.TenantId != request.TenantId)
        {
            return BotAnswer.Refused(Texts.Skills.NotInDirectory.In(language));
        }

        if (SkillsBook.ReadHalf(request.Card.String("half")) is not { } half || request.Card.String("managerId") is not { Length: > 0 })
        {
            return BotAnswer.Refused(Texts.Common.CardOutOfDate.In(language));
        }

        var choice = await desk.ChooseAsync(request, person, string.Empty, SkillsVerb.Chooser, cancellationToken);
        if (choice.Refusal is not null)
        {
            return choice.Refusal;
        }

        var manager = choice.Manager!;
        if (!SkillsBook.MayRate(person, manager))
        {
            return BotAnswer.Refused(Texts.Skills.ReadOnlyNote.In(language));
        }

        if (half.First > book.Today(manager.Team!))
        {
            return BotAnswer.Refused(Texts.Skills.FutureHalf.Format(language, half.Name(language)));
        }

        var form = book.ReadRatings(request.Card, language);
        if (request.Verb == SkillsCards.SendQuizVerb)
        {
            var sending = await book.SendQuizAsync(request, person, manager, half, cancellationToken);
            if (sending.Refusal is { } refusal)
            {
                return BotAnswer.Refused(refusal);
            }

            var notice = Texts.Skills.QuizSentNotice.Format(language, manager.DisplayName, sending.Quiz!.Questions.Count);
            if (sending.UsedUpTopics.Count > 0)
            {
                notice += " " + Texts.Skills.QuizUsedUpTopics.Format(language, string.Join(Texts.Skills.ListSeparator.In(language), sending.UsedUpTopics.Select(t => book.Rules.Area(t)!.Name(language))));
            }

            // What the lead had typed comes back with the card (the button sends the inputs too); no errors shown for a form not submitted.
            return BotAnswer.WithCard(await SkillsVerb.RatingCardAsync(book, person, manager, half, language, new(form.Typed, [], notice), cancellationToken));
        }

        var stored = await book.FindAsync(person.TenantId, manager.Id, half, cancellationToken);
        var revision = request.Card.Integer("revision") ?? -1;
        if (revision != (stored?.Revision ?? 0))
        {
            return await ChangedAsync(stored, person, manager, half, language, cancellationToken);
        }

        if (form.Errors.Count > 0)
        {
            return BotAnswer.WithCard(await SkillsVerb.RatingCardAsync(book, person, manager, half, language, new(form.Typed, form.Errors, Texts.Skills.FixErrors.In(language)), cancellationToken));
        }

        if (await book.CompleteAsync(request, person, manager, half, revision, form, cancellationToken) is not { } assessment)
        {
            return await ChangedAsync(await book.FindAsync(person.TenantId, manager.Id, half, cancellationToken), person, manager, half, language, cancellationToken);
        }

        return BotAnswer.WithCard(await SkillsVerb.ResultAsync(book, assessment, manager, language, Texts.Skills.CompletedNotice.Format(language, manager.DisplayName), cancellationToken));
    }

    /// <summary>Someone completed it since the card was drawn: the card as it stands now, saying so.</summary>
    private async Task<BotAnswer> ChangedAsync(SkillsAssessment? stored, Person person, Person manager, RecordPeriod half, Language language, CancellationToken cancellationToken)
    {
        if (stored is null)
        {
            return BotAnswer.Refused(Texts.Common.CardOutOfDate.In(language));
        }

        var names = await book.NamesAsync([stored.RatedById], cancellationToken);
        var notice = Texts.Skills.ChangedMeanwhile.Format(language, names.GetValueOrDefault(stored.RatedById, stored.RatedById));
        return BotAnswer.WithCard(await SkillsVerb.RatingCardAsync(book, person, manager, half, language, new([], [], notice), cancellationToken));
    }
}

/// <summary>
/// The manager answers the quiz card: only the manager it was sent to, only once (a second answer, or a card of an
/// answered quiz, is refused naming the day); every question answered or the card comes back with the choices made and
/// each missing one marked. Scored at once; the lead who sent it is told.
/// </summary>
public sealed class SkillsQuizVerb(SkillsBook book) : IBotVerb
{
    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Person is not { } person || person.TenantId != request.TenantId)
        {
            return BotAnswer.Refused(Texts.Skills.NotInDirectory.In(language));
        }

        if (request.Card.Guid("quizId") is not { } id || await book.QuizAsync(person.TenantId, id, cancellationToken) is not { } quiz)
        {
            return BotAnswer.Refused(Texts.Common.CardOutOfDate.In(language));
        }

        if (quiz.ManagerId != person.Id)
        {
            return BotAnswer.Refused(Texts.Skills.QuizNotYours.In(language));
        }

        var team = await book.Db.Teams.AsNoTracking().SingleAsync(t => t.Id == quiz.TeamId, cancellationToken);
        if (quiz.Answered)
        {
            return BotAnswer.Refused(Texts.Skills.QuizAlreadyAnswered.Format(language, CardDates.Long(team.LocalDate(quiz.AnsweredAt!.Value), language)));
        }

        var form = book.ReadAnswers(quiz, request.Card, language);
        if (form.Errors.Count > 0)
        {
            var sender = await book.NamesAsync([quiz.SentById], cancellationToken);
            return BotAnswer.WithCard(SkillsCards.Quiz(quiz, book.Rules, sender.GetValueOrDefault(quiz.SentById, quiz.SentById), language, new(form.Typed, form.Errors, Texts.Skills.FixErrors.In(language))));
        }

        if (!await book.AnswerQuizAsync(request, quiz, form, cancellationToken))
        {
            var now = await book.QuizAsync(person.TenantId, id, cancellationToken);
            return BotAnswer.Refused(Texts.Skills.QuizAlreadyAnswered.Format(language, CardDates.Long(team.LocalDate(now?.AnsweredAt ?? book.Now), language)));
        }

        return BotAnswer.WithCard(SkillsCards.Scored(quiz, book.Rules, team, language));
    }
}

/// <summary>
/// "skills export [YYYY-H1 | YYYY-H2]" / "技能评估导出" and the team card's Export (XLSX) button (half-year and team): the
/// skills results of the managers the asker sees on the team card as an XLSX file offered in the 1:1 chat, one row per
/// manager. A manager is refused (their own result is on "skills").
/// </summary>
public sealed class SkillsExportVerb(RecordCheckDesk desk, SkillsBook book, ChatFiles files) : IBotVerb
{
    private static readonly RecordCheckDesk.ChooserTexts Chooser = SkillsVerb.Chooser with { NotAChecker = Texts.Skills.ExportForLeads };

    public async Task<BotAnswer> HandleAsync(BotRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Person is not { } person || person.TenantId != request.TenantId)
        {
            return BotAnswer.Refused(Texts.Skills.NotInDirectory.In(language));
        }

        string? halfText;
        string? teamId = null;
        if (request.Source == RequestSource.Text)
        {
            var words = UserText.Words(request.Arguments).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length > 1)
            {
                return BotAnswer.Refused(Texts.Skills.ExportBadHalf.In(language));
            }

            halfText = words.FirstOrDefault();
        }
        else
        {
            halfText = request.Card.String("half");
            teamId = request.Card.String("teamId");
        }

        RecordPeriod? asked = null;
        if (halfText is not null)
        {
            if (SkillsBook.ReadHalf(halfText) is not { } half)
            {
                return BotAnswer.Refused(Texts.Skills.ExportBadHalf.In(language));
            }

            asked = half;
        }

        var (managers, oneTeam, refusal) = await desk.ExportScopeAsync(request, person, teamId, Chooser, Texts.Skills.ExportNotYourTeam, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var first = managers.Select(m => m.Team!).MinBy(t => t.Id, StringComparer.Ordinal)!;
        var chosen = asked ?? book.DefaultHalf(first);
        if (chosen.First > book.Today(first))
        {
            return BotAnswer.Refused(Texts.Skills.FutureHalf.Format(language, chosen.Name(language)));
        }

        var ids = managers.Select(m => m.Id).ToList();
        var assessments = await book.Assessments.AsNoTracking().Where(s => s.TenantId == person.TenantId && s.HalfKey == chosen.Key && ids.Contains(s.ManagerId))
            .ToDictionaryAsync(s => s.ManagerId, StringComparer.Ordinal, cancellationToken);
        var names = await book.NamesAsync(assessments.Values.Select(a => a.RatedById), cancellationToken);
        var content = Xlsx(managers, assessments, names, chosen, book.Rules, language);
        var teamName = oneTeam is not null ? WorkLogCards.TeamName(oneTeam, language) : Texts.Skills.ExportAllTeams.In(language);
        var halfName = Plain(chosen.Name(language));
        var description = Texts.Skills.ExportOffer.Format(language, teamName, halfName);
        var fileName = ChatFiles.SafeFileName(Texts.Skills.ExportFileName.Format(language, teamName, language == Language.ZhCn ? halfName : chosen.Key), ".xlsx");
        var offer = await files.OfferAsync(person, fileName, content, description, cancellationToken);
        await request.Turn.SendAsync(offer, cancellationToken);
        return BotAnswer.WithText(description);
    }

    private static string Plain(string text) => CardDates.Plain(text);

    /// <summary>
    /// One row per manager (team, then name): name, team, half-year, who assessed and when, the revision, the average,
    /// each area's rating (a column per area), the quiz's share right, the weak areas. Not assessed: the name, team and half only.
    /// </summary>
    internal static byte[] Xlsx(IReadOnlyList<Person> managers, IReadOnlyDictionary<string, SkillsAssessment> assessments, IReadOnlyDictionary<string, string> names,
        RecordPeriod half, SkillsRules rules, Language language)
    {
        List<string> header =
        [
            Texts.Skills.ColumnManager.In(language), Texts.Skills.ColumnTeam.In(language), Texts.Skills.ColumnHalf.In(language),
            Texts.Skills.ColumnRatedBy.In(language), Texts.Skills.ColumnRatedOn.In(language), Texts.Skills.ColumnRevision.In(language), Texts.Skills.ColumnAverage.In(language),
            .. rules.Areas.Select(a => a.Name(language)),
            Texts.Skills.ColumnQuiz.In(language), Texts.Skills.ColumnWeak.In(language),
        ];
        var halfName = Plain(half.Name(language));
        var rows = managers.OrderBy(m => m.TeamId, StringComparer.Ordinal).ThenBy(m => m.DisplayName, StringComparer.Ordinal).Select(m =>
        {
            List<object?> row = [m.DisplayName, WorkLogCards.TeamName(m.Team!, language), halfName];
            if (assessments.TryGetValue(m.Id, out var a))
            {
                var asked = a.Areas.Sum(x => x.QuizAsked ?? 0);
                row.Add(names.GetValueOrDefault(a.RatedById, a.RatedById));
                row.Add(m.Team!.LocalDate(a.RatedAt).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                row.Add(a.Revision);
                row.Add(a.Average);
                row.AddRange(rules.Areas.Select(r => (object?)a.Areas.FirstOrDefault(x => x.AreaId == r.Id)?.Rating));
                row.Add(asked == 0 ? null : (int)Math.Round(100m * a.Areas.Sum(x => x.QuizCorrect ?? 0) / asked));
                row.Add(string.Join(Texts.Skills.ListSeparator.In(language), a.Weak.Select(x => x.Name(language))));
            }

            return (IReadOnlyList<object?>)row;
        });
        return ImportSheet.WriteXlsx(header, rows);
    }
}

/// <summary>
/// The skills assessment's messages: the result to the manager when completed (each revision), the quiz to the manager,
/// and to the lead who sent it the quiz as answered.
/// </summary>
public sealed class SkillsRenderer(SkillsBook book) : INotificationRenderer
{
    public async Task<OutgoingActivity?> RenderAsync(Notification notification, Person recipient, Language language, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(notification.SubjectId, out var id))
        {
            return null;
        }

        if (notification.Kind == SkillsBook.Completed)
        {
            if (await book.FindAsync(notification.TenantId, id, cancellationToken) is not { } assessment || assessment.ManagerId != recipient.Id)
            {
                return null;
            }

            var manager = await book.Db.People.AsNoTracking().Include(p => p.Team).SingleAsync(p => p.Id == assessment.ManagerId, cancellationToken);
            var summary = Texts.Skills.ResultSummary.Format(language, assessment.Half.Name(language));
            return OutgoingActivity.FromCard(await SkillsVerb.ResultAsync(book, assessment, manager, language, null, cancellationToken), summary);
        }

        if (await book.QuizAsync(notification.TenantId, id, cancellationToken) is not { } quiz)
        {
            return null;
        }

        var names = await book.NamesAsync([quiz.SentById, quiz.ManagerId], cancellationToken);
        if (notification.Kind == SkillsBook.QuizSent)
        {
            var sender = names.GetValueOrDefault(quiz.SentById, quiz.SentById);
            return OutgoingActivity.FromCard(SkillsCards.Quiz(quiz, book.Rules, sender, language), Texts.Skills.QuizSentSummary.Format(language, sender));
        }

        var team = await book.Db.Teams.AsNoTracking().SingleAsync(t => t.Id == quiz.TeamId, cancellationToken);
        var answered = Texts.Skills.QuizAnsweredSummary.Format(language, names.GetValueOrDefault(quiz.ManagerId, quiz.ManagerId), quiz.Correct ?? 0, quiz.Questions.Count);
        return OutgoingActivity.FromCard(SkillsCards.Scored(quiz, book.Rules, team, language, answered), answered);
    }
}
