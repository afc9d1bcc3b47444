using DiligenceBot.Audit;
using DiligenceBot.Conversations;
using DiligenceBot.Data;
using DiligenceBot.Input;
using DiligenceBot.Localization;
using DiligenceBot.Meetings;
using DiligenceBot.Notifications;
using DiligenceBot.Organisation;
using DiligenceBot.Records;
using Microsoft.EntityFrameworkCore;

namespace DiligenceBot.Assessment;

/// <summary>
/// The half-year skills assessment's store and rules: the lead's ratings with evidence (validated, stored once per manager
/// and half-year, each later submission a revision), the quizzes (drawn from the seeds' banks, no question twice a year
/// to a manager, answered once, scored), the weak areas with their coaching actions and the team's trainings on them.
/// Each change is saved with its audit entry and its messages in one save.
/// </summary>
public sealed class SkillsBook(DiligenceDbContext db, SkillsRules rules, MinutesRegister minutes, TimeProvider time, NotificationDispatcher dispatcher)
{
    public const string Completed = "skills.completed";
    public const string QuizSent = "skills.quiz";
    public const string QuizAnswered = "skills.answered";
    public const string SubjectType = "SkillsAssessment";
    public const string QuizSubjectType = "SkillsQuiz";

    /// <summary>How far back the result looks for the team's trainings on a weak topic.</summary>
    private const int TrainingLookBackDays = 365;

    public DiligenceDbContext Db => db;
    public SkillsRules Rules => rules;
    public DateTimeOffset Now => time.GetUtcNow();

    public IQueryable<SkillsAssessment> Assessments => db.Set<SkillsAssessment>().Include(s => s.Areas);
    public IQueryable<SkillsQuiz> Quizzes => db.Set<SkillsQuiz>().Include(q => q.Questions);

    public DateOnly Today(Team team) => team.LocalDate(time.GetUtcNow());

    /// <summary>The half-year a lead means without naming one: the one under way, except in its first month, when the one just ended.</summary>
    public RecordPeriod DefaultHalf(Team team)
    {
        var today = Today(team);
        var half = RecordPeriod.Holding(RecordPeriodKind.HalfYear, today);
        return today.Month is 1 or 7 ? half.Previous : half;
    }

    /// <summary>2026-H2 as typed or carried by a card; null otherwise.</summary>
    public static RecordPeriod? ReadHalf(string? text) => RecordPeriod.TryParse(RecordPeriodKind.HalfYear, text, out var half) ? half : null;

    /// <summary>The team's lead or a delegate rates and sends quizzes (the lead chain and admins see the results).</summary>
    public static bool MayRate(Person person, Person manager) => ScorecardPeriods.MayPublish(person, manager);

    public Task<SkillsAssessment?> FindAsync(string tenantId, string managerId, RecordPeriod half, CancellationToken cancellationToken) =>
        Assessments.SingleOrDefaultAsync(s => s.TenantId == tenantId && s.ManagerId == managerId && s.HalfKey == half.Key, cancellationToken);

    public Task<SkillsAssessment?> FindAsync(string tenantId, Guid id, CancellationToken cancellationToken) =>
        Assessments.SingleOrDefaultAsync(s => s.TenantId == tenantId && s.Id == id, cancellationToken);

    public Task<SkillsQuiz?> QuizAsync(string tenantId, Guid id, CancellationToken cancellationToken) =>
        Quizzes.SingleOrDefaultAsync(q => q.TenantId == tenantId && q.Id == id, cancellationToken);

    /// <summary>The manager's quizzes of the half-year, latest first.</summary>
    public Task<List<SkillsQuiz>> QuizzesAsync(string tenantId, string managerId, RecordPeriod half, CancellationToken cancellationToken) =>
        Quizzes.AsNoTracking().Where(q => q.TenantId == tenantId && q.ManagerId == managerId && q.HalfKey == half.Key)
            .OrderByDescending(q => q.SentAt).ToListAsync(cancellationToken);

    public async Task<Dictionary<string, string>> NamesAsync(IEnumerable<string?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return await db.People.AsNoTracking().Where(p => wanted.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, StringComparer.Ordinal, cancellationToken);
    }

    /// <summary>The manager's trainings of the half-year per topic (what the rating card shows beside each topic).</summary>
    public async Task<Dictionary<string, List<MinutesRegister.TrainingAttended>>> TrainingByTopicAsync(Person manager, RecordPeriod half, CancellationToken cancellationToken)
    {
        var attended = (await minutes.TrainingsAttendedAsync(manager.TenantId, [manager.Id], half.First, half.Last, cancellationToken)).GetValueOrDefault(manager.Id, []);
        return rules.Areas.Where(a => a.IsTopic)
            .ToDictionary(a => a.Id, a => attended.Where(t => t.TopicIds.Contains(a.Id)).ToList(), StringComparer.Ordinal);
    }

    /// <summary>A training the result proposes for a weak topic: the team's training on it, and whether the manager was there.</summary>
    public sealed record ProposedTraining(Guid MinutesId, DateOnly Date, double Hours, bool Attended);

    /// <summary>The team's trainings of the last year on each weak topic (latest first, at most three each).</summary>
    public async Task<Dictionary<string, List<ProposedTraining>>> ProposedTrainingsAsync(SkillsAssessment assessment, CancellationToken cancellationToken)
    {
        var weak = assessment.Weak.Where(a => a.IsTopic).Select(a => a.AreaId).ToList();
        if (weak.Count == 0 || await db.Teams.AsNoTracking().SingleOrDefaultAsync(t => t.Id == assessment.TeamId, cancellationToken) is not { } team)
        {
            return [];
        }

        var today = Today(team);
        var trainings = await minutes.TeamTrainingsAsync(team, today.AddDays(-TrainingLookBackDays), today, cancellationToken);
        return weak.ToDictionary(topic => topic, topic => trainings.Where(m => m.TrainingTopicIds.Contains(topic)).Take(3)
            .Select(m => new ProposedTraining(m.Id, m.MeetingDate, m.TrainingHours ?? 0, m.Attendance.Any(a => a.PersonId == assessment.ManagerId && a.Present))).ToList(), StringComparer.Ordinal);
    }

    /// <summary>
    /// Reads the lead's ratings from the card: every area rated with a whole number 1–5 and the evidence for it (at most
    /// <see cref="SkillsLimits.Evidence"/> characters). The errors are per input, what was typed kept.
    /// </summary>
    public RatingForm ReadRatings(CardData card, Language language)
    {
        var keys = rules.Areas.SelectMany(a => new[] { SkillsCards.RatingInput(a.Id), SkillsCards.EvidenceInput(a.Id) });
        var typed = card.Inputs(keys);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var ratings = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var area in rules.Areas)
        {
            var name = area.Name(language);
            var ratingKey = SkillsCards.RatingInput(area.Id);
            var text = UserText.Clean(typed.GetValueOrDefault(ratingKey));
            if (text.Length == 0)
            {
                errors[ratingKey] = Texts.Skills.RatingMissing.Format(language, name);
            }
            else if (!int.TryParse(UserText.Words(text), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var rating) || rating is < 1 or > 5)
            {
                errors[ratingKey] = Texts.Skills.RatingOutOfRange.Format(language, name, text.Length > 10 ? text[..10] + "…" : text);
            }
            else
            {
                ratings[area.Id] = rating;
            }

            var evidenceKey = SkillsCards.EvidenceInput(area.Id);
            var evidence = UserText.Clean(typed.GetValueOrDefault(evidenceKey));
            if (evidence.Length == 0)
            {
                errors[evidenceKey] = Texts.Skills.EvidenceMissing.Format(language, name);
            }
            else if (evidence.Length > SkillsLimits.Evidence)
            {
                errors[evidenceKey] = Texts.Skills.EvidenceTooLong.Format(language, name, SkillsLimits.Evidence);
            }
        }

        return new RatingForm(typed, errors, ratings);
    }

    /// <summary>
    /// Stores the lead's ratings (the form read without errors) as the manager's assessment of the half-year, with the
    /// latest answered quiz's figures per topic and the weak areas; a second submission replaces the areas as a new
    /// revision. The audit entry and the manager's message go in the same save. Null when another submission got there
    /// first (the unique key or the stamp); <paramref name="revision"/> is the revision the card showed (0 for none).
    /// </summary>
    public async Task<SkillsAssessment?> CompleteAsync(BotRequest request, Person lead, Person manager, RecordPeriod half, int revision, RatingForm form, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var assessment = await FindAsync(manager.TenantId, manager.Id, half, cancellationToken);
        if ((assessment?.Revision ?? 0) != revision)
        {
            return null;
        }

        var quiz = (await QuizzesAsync(manager.TenantId, manager.Id, half, cancellationToken)).FirstOrDefault(q => q.Answered);
        if (assessment is null)
        {
            assessment = new SkillsAssessment
            {
                Id = Guid.NewGuid(),
                TenantId = manager.TenantId,
                TeamId = manager.TeamId!,
                ManagerId = manager.Id,
                HalfKey = half.Key,
                Year = half.First.Year,
                RatedById = lead.Id,
            };
            db.Set<SkillsAssessment>().Add(assessment);
        }
        else
        {
            db.Set<SkillsAreaResult>().RemoveRange(assessment.Areas);
            assessment.Areas.Clear();
        }

        assessment.RatedById = lead.Id;
        assessment.RatedAt = now;
        assessment.Revision = revision + 1;
        assessment.QuizId = quiz?.Id;
        assessment.ConcurrencyStamp = Guid.NewGuid();
        var order = 0;
        foreach (var area in rules.Areas)
        {
            var asked = area.IsTopic && quiz is not null ? quiz.Questions.Count(q => q.TopicId == area.Id) : (int?)null;
            var right = asked is > 0 ? quiz!.Questions.Count(q => q.TopicId == area.Id && q.Right == true) : (int?)null;
            var result = new SkillsAreaResult
            {
                AreaId = area.Id,
                NameEn = area.NameEn,
                NameZh = area.NameZh,
                IsTopic = area.IsTopic,
                Order = order++,
                Rating = form.Ratings[area.Id],
                Evidence = form.Text(SkillsCards.EvidenceInput(area.Id))!,
                QuizAsked = asked is > 0 ? asked : null,
                QuizCorrect = right,
            };
            result.Weak = rules.IsWeak(result.Rating, result.QuizPercent);
            assessment.Areas.Add(result);
        }

        db.Set<AuditEntry>().Add(AuditEntry.Of(request, manager.TenantId, lead.Id, revision == 0 ? "skills.completed" : "skills.revised", SubjectType, assessment.Id.ToString(), assessment.Revision, now));
        db.Notifications.Add(Notification.Create(manager.TenantId, Completed, assessment.Id.ToString(), assessment.Revision, manager.Id, now));
        return await SaveAsync(cancellationToken) ? assessment : null;
    }

    /// <summary>What sending a quiz came to: the quiz, the topics with no question left this year, or why nothing was sent.</summary>
    public sealed record QuizSending(SkillsQuiz? Quiz, IReadOnlyList<string> UsedUpTopics, string? Refusal);

    /// <summary>
    /// Draws a quiz for the manager: per topic up to <see cref="SkillsRules.QuestionsPerTopic"/> questions the manager has
    /// not been asked this year (at random among them); a topic with none left is left out and named; with none left at
    /// all, or while an earlier quiz of the half-year is unanswered, nothing is sent. The manager gets the quiz card.
    /// </summary>
    public async Task<QuizSending> SendQuizAsync(BotRequest request, Person lead, Person manager, RecordPeriod half, CancellationToken cancellationToken)
    {
        var language = request.Language;
        var now = time.GetUtcNow();
        var open = (await QuizzesAsync(manager.TenantId, manager.Id, half, cancellationToken)).FirstOrDefault(q => !q.Answered);
        if (open is not null)
        {
            return new(null, [], Texts.Skills.QuizStillOpen.Format(language, manager.DisplayName, CardDates.Long(manager.Team!.LocalDate(open.SentAt), language)));
        }

        var year = half.First.Year;
        var asked = await db.Set<SkillsQuizQuestion>().AsNoTracking()
            .Where(q => q.TenantId == manager.TenantId && q.ManagerId == manager.Id && q.Year == year).Select(q => q.QuestionId).ToListAsync(cancellationToken);
        var seen = asked.ToHashSet(StringComparer.Ordinal);
        var quiz = new SkillsQuiz
        {
            Id = Guid.NewGuid(),
            TenantId = manager.TenantId,
            TeamId = manager.TeamId!,
            ManagerId = manager.Id,
            HalfKey = half.Key,
            Year = year,
            SentById = lead.Id,
            SentAt = now,
            ConcurrencyStamp = Guid.NewGuid(),
        };
        var usedUp = new List<string>();
        var order = 0;
        foreach (var area in rules.Areas.Where(a => a.IsTopic))
        {
            var unseen = rules.Banks[area.Id].Where(q => !seen.Contains(q.Id)).ToArray();
            if (unseen.Length == 0)
            {
                usedUp.Add(area.Id);
                continue;
            }

            Random.Shared.Shuffle(unseen);
            foreach (var question in unseen.Take(rules.QuestionsPerTopic))
            {
                quiz.Questions.Add(new SkillsQuizQuestion
                {
                    TenantId = manager.TenantId,
                    ManagerId = manager.Id,
                    Year = year,
                    QuestionId = question.Id,
                    TopicId = area.Id,
                    Order = order++,
                });
            }
        }

        if (quiz.Questions.Count == 0)
        {
            return new(null, usedUp, Texts.Skills.BankUsedUp.Format(language, manager.DisplayName, year));
        }

        db.Set<SkillsQuiz>().Add(quiz);
        db.Set<AuditEntry>().Add(AuditEntry.Of(request, manager.TenantId, lead.Id, "skills.quiz-sent", QuizSubjectType, quiz.Id.ToString(), null, now));
        db.Notifications.Add(Notification.Create(manager.TenantId, QuizSent, quiz.Id.ToString(), 0, manager.Id, now));
        return await SaveAsync(cancellationToken)
            ? new(quiz, usedUp, null)
            : new(null, usedUp, Texts.Common.CardOutOfDate.In(language));
    }

    /// <summary>The manager's choices as sent: each question answered with one of its choices (errors per question, choices kept).</summary>
    public QuizForm ReadAnswers(SkillsQuiz quiz, CardData card, Language language)
    {
        var typed = card.Inputs(quiz.Questions.Select(q => SkillsCards.AnswerInput(q.QuestionId)));
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var chosen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var question in quiz.Questions)
        {
            var key = SkillsCards.AnswerInput(question.QuestionId);
            var count = rules.Question(question.QuestionId)?.Choices?.Count ?? 0;
            if (int.TryParse(UserText.Clean(typed.GetValueOrDefault(key)), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var choice) && choice >= 0 && choice < count)
            {
                chosen[question.QuestionId] = choice;
            }
            else
            {
                errors[key] = Texts.Skills.AnswerMissing.In(language);
            }
        }

        return new QuizForm(typed, errors, chosen);
    }

    /// <summary>Stores the answers and the score (once: the stamp refuses a second answer), audited; the lead who sent it is told.</summary>
    public async Task<bool> AnswerQuizAsync(BotRequest request, SkillsQuiz quiz, QuizForm form, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var question in quiz.Questions)
        {
            question.Chosen = form.Chosen[question.QuestionId];
            question.Right = rules.Question(question.QuestionId)?.RightChoice == question.Chosen;
        }

        quiz.Correct = quiz.Questions.Count(q => q.Right == true);
        quiz.AnsweredAt = now;
        quiz.ConcurrencyStamp = Guid.NewGuid();
        db.Set<AuditEntry>().Add(AuditEntry.Of(request, quiz.TenantId, quiz.ManagerId, "skills.quiz-answered", QuizSubjectType, quiz.Id.ToString(), null, now));
        db.Notifications.Add(Notification.Create(quiz.TenantId, QuizAnswered, quiz.Id.ToString(), 0, quiz.SentById, now));
        return await SaveAsync(cancellationToken);
    }

    // Another submission may get there first (the unique keys or the stamp): the caller answers from what is stored.
    private Task<bool> SaveAsync(CancellationToken cancellationToken) => AssessmentSaves.SaveOnceAsync(db, dispatcher, cancellationToken);
}

/// <summary>What the lead typed into the rating card: the values as typed, the errors per input, the ratings read.</summary>
public sealed record RatingForm(Dictionary<string, string> Typed, Dictionary<string, string> Errors, Dictionary<string, int> Ratings)
{
    public string? Text(string key) => UserText.Clean(Typed.GetValueOrDefault(key)) is { Length: > 0 } text ? text : null;
}

/// <summary>What the manager chose on the quiz card: as sent, the questions left unanswered, each question's choice.</summary>
public sealed record QuizForm(Dictionary<string, string> Typed, Dictionary<string, string> Errors, Dictionary<string, int> Chosen);
