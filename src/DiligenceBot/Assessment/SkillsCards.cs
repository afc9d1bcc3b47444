using System.Globalization;
using System.Text.Json.Nodes;
using DiligenceBot.BotFramework.Cards;
using DiligenceBot.Conversations;
using DiligenceBot.Localization;
using DiligenceBot.Meetings;
using DiligenceBot.Organisation;
using DiligenceBot.Records;
using DiligenceBot.WorkLogs;

namespace DiligenceBot.Assessment;

/// <summary>
/// The half-year skills assessment's cards: the team card (each manager's state, one tap to each), the lead's rating card
/// (every area with the manager's training and quiz beside it), the quiz the manager answers and its score, and the
/// result (ratings, evidence, the weak areas with coaching actions and the team's trainings on them).
/// </summary>
public static class SkillsCards
{
    public const string SkillsVerb = "skills.open";
    public const string CompleteVerb = "skills.complete";
    public const string SendQuizVerb = "skills.quiz.send";
    public const string AnswerQuizVerb = "skills.quiz.answer";
    public const string ExportVerb = "skills.export";

    public static string RatingInput(string areaId) => "rating." + areaId;
    public static string EvidenceInput(string areaId) => "evidence." + areaId;
    public static string AnswerInput(string questionId) => "answer." + questionId;

    /// <summary>One manager's line on the team card: the assessment when completed, the half-year's latest quiz.</summary>
    public sealed record Row(Person Manager, SkillsAssessment? Assessment, SkillsQuiz? Quiz);

    public sealed record TeamRows(Team Team, IReadOnlyList<Row> Managers);

    /// <summary>What the rating card shows: the manager, the half-year, the stored assessment, the quizzes, the training per topic, whether the viewer rates.</summary>
    public sealed record RatingView(
        Person Manager,
        RecordPeriod Half,
        SkillsAssessment? Assessment,
        IReadOnlyList<SkillsQuiz> Quizzes,
        IReadOnlyDictionary<string, List<MinutesRegister.TrainingAttended>> Training,
        IReadOnlyDictionary<string, string> Names,
        bool MayRate);

    /// <summary>What was typed, the errors, and a notice (an error summary, a confirmation).</summary>
    public sealed record Inputs(Dictionary<string, string> Typed, Dictionary<string, string> Errors, string? Notice);

    private static string Figure(decimal value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Hours(double hours) => hours.ToString("0.#", CultureInfo.InvariantCulture);

    public static AdaptiveCard Teams(IReadOnlyList<TeamRows> teams, RecordPeriod half, Language language, string? notice = null)
    {
        var single = teams.Count == 1;
        var halfName = half.Name(language);
        var groups = teams.Select(section =>
        {
            var items = new List<CardElement>();
            if (section.Managers.Count == 0)
            {
                items.Add(new TextBlock(Texts.Skills.Nobody.In(language)) { Id = LeadTeams.Id("empty", section.Team.Id, single), Wrap = true });
            }

            items.AddRange(section.Managers.OrderBy(r => r.Manager.DisplayName, StringComparer.Ordinal).Select(r => (CardElement)TeamRow(r, half, language)));
            if (section.Managers.Count > 0)
            {
                items.Add(new ActionSet
                {
                    Id = LeadTeams.Id("export", section.Team.Id, single),
                    Actions =
                    [
                        new ExecuteAction
                        {
                            Title = Texts.Skills.ExportButton.In(language), Verb = ExportVerb,
                            Data = new JsonObject { ["verb"] = ExportVerb, ["half"] = half.Key, ["teamId"] = section.Team.Id },
                        },
                    ],
                });
            }

            var name = WorkLogCards.TeamName(section.Team, language);
            return new TeamGroup(section.Team.Id, single ? Texts.Skills.TeamTitle.Format(language, name, Texts.Skills.TeamsTitle.Format(language, halfName)) : name, items);
        }).ToList();
        var card = LeadTeams.Card(Texts.Skills.TeamsTitle.Format(language, halfName), groups, notice);
        ((TextBlock)card.Body[0]).Wrap = true;
        return card;
    }

    private static ColumnSet TeamRow(Row row, RecordPeriod half, Language language)
    {
        var id = row.Manager.Id;
        var lines = new List<CardElement> { new TextBlock(row.Manager.DisplayName) { Weight = TextWeight.Bolder, Wrap = true } };
        lines.Add(row.Assessment is { } a
            ? new TextBlock(Texts.Skills.RowRated.Format(language, Figure(a.Average), a.Weak.Count())) { Id = "rated." + id, Spacing = Spacing.None, Wrap = true, Color = a.Weak.Any() ? TextColor.Warning : TextColor.Good }
            : new TextBlock(Texts.Skills.RowNotRated.In(language)) { Id = "rated." + id, Spacing = Spacing.None, Wrap = true, IsSubtle = true });
        if (row.Quiz is { } quiz)
        {
            lines.Add(new TextBlock(quiz.Answered ? Texts.Skills.RowQuizAnswered.Format(language, quiz.Correct ?? 0, quiz.Questions.Count) : Texts.Skills.RowQuizOpen.In(language))
            {
                Id = "quiz." + id, Spacing = Spacing.None, Wrap = true, IsSubtle = true,
            });
        }

        return new ColumnSet
        {
            Id = "row." + id,
            Separator = true,
            Columns =
            [
                new Column { Width = "stretch", Items = lines },
                new Column { Width = "auto", Items = [new ActionSet { Actions = [Open(Texts.Skills.OpenButton.In(language), id, half)] }] },
            ],
        };
    }

    private static ExecuteAction Open(string title, string? managerId, RecordPeriod half)
    {
        var data = new JsonObject { ["verb"] = SkillsVerb, ["half"] = half.Key };
        if (managerId is not null)
        {
            data["managerId"] = managerId;
        }

        return new ExecuteAction { Title = title, Verb = SkillsVerb, Data = data };
    }

    /// <summary>
    /// The lead's card for one manager and half-year: each training topic with the manager's trainings of the half-year
    /// and the quiz's figures beside it, then the post's other skills; a rating 1–5 and the evidence for each (filled
    /// with the stored assessment, or what was typed); Complete, and Send a quiz. Read-only for the lead chain and admins.
    /// </summary>
    public static AdaptiveCard Rating(RatingView view, SkillsRules rules, Language language, Inputs? inputs = null)
    {
        var title = Texts.Skills.ManagerTitle.Format(language, view.Manager.DisplayName, view.Half.Name(language));
        var body = new List<CardElement> { new TextBlock(title) { Id = "title", Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true } };
        if (inputs?.Notice is { } notice)
        {
            body.Add(new TextBlock(notice) { Id = "notice", Color = inputs.Errors.Count > 0 ? TextColor.Attention : TextColor.Good, Wrap = true });
        }

        if (view.Assessment is { } done)
        {
            body.Add(new TextBlock(Texts.Skills.CompletedLine.Format(language, view.Names.GetValueOrDefault(done.RatedById, done.RatedById), CardDates.Long(DateOnly.FromDateTime(done.RatedAt.UtcDateTime), language), done.Revision))
            {
                Id = "completed", IsSubtle = true, Wrap = true, Spacing = Spacing.None,
            });
        }

        var quiz = view.Quizzes.Count > 0 ? view.Quizzes[0] : null;
        var answered = view.Quizzes.FirstOrDefault(q => q.Answered);
        body.Add(new TextBlock(QuizState(quiz, view.Manager.Team!, language)) { Id = "quiz", Wrap = true, Spacing = Spacing.None });
        if (!view.MayRate)
        {
            body.Add(new TextBlock(view.Assessment is null ? Texts.Skills.NotRatedYet.Format(language, view.Manager.DisplayName, view.Half.Name(language)) : Texts.Skills.ReadOnlyNote.In(language))
            {
                Id = "readonly", IsSubtle = true, Wrap = true,
            });
            return new AdaptiveCard { FallbackText = title, Body = body, Actions = [Open(Texts.Skills.BackToTeam.In(language), null, view.Half)] };
        }

        body.Add(new TextBlock(Texts.Skills.RateIntro.Format(language, rules.WeakRating, rules.QuizPassPercent)) { Id = "intro", IsSubtle = true, Size = TextSize.Small, Wrap = true });
        // The stored ratings, with what was typed over them (a refused or interrupted submission keeps every value).
        var typed = Stored(view.Assessment);
        foreach (var (key, value) in inputs?.Typed ?? [])
        {
            typed[key] = value;
        }

        var errors = inputs?.Errors ?? [];
        var first = true;
        foreach (var group in rules.Areas.GroupBy(a => a.IsTopic).OrderByDescending(g => g.Key))
        {
            body.Add(new TextBlock(group.Key ? Texts.Skills.TopicsHeading.In(language) : Texts.Skills.OthersHeading.In(language))
            {
                Id = group.Key ? "heading.topics" : "heading.others", Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true, Separator = !first,
            });
            first = false;
            foreach (var area in group)
            {
                var items = new List<CardElement> { new TextBlock(area.Name(language)) { Id = "area." + area.Id, Weight = TextWeight.Bolder, Wrap = true } };
                if (area.IsTopic)
                {
                    var sessions = view.Training.GetValueOrDefault(area.Id, []);
                    items.Add(new TextBlock(CardDates.KeepCounts(sessions.Count == 0 ? Texts.Skills.TrainingNone.In(language)
                        : Texts.Skills.TrainingLine.Format(language, sessions.Count, Hours(sessions.Sum(s => s.Hours)), CardDates.Short(sessions.Max(s => s.Date), language))))
                    {
                        Id = "training." + area.Id, IsSubtle = true, Spacing = Spacing.None, Wrap = true,
                    });
                    if (answered is not null && answered.Questions.Count(q => q.TopicId == area.Id) is > 0 and var asked)
                    {
                        items.Add(new TextBlock(Texts.Skills.QuizLine.Format(language, answered.Questions.Count(q => q.TopicId == area.Id && q.Right == true), asked))
                        {
                            Id = "quizline." + area.Id, IsSubtle = true, Spacing = Spacing.None, Wrap = true,
                        });
                    }
                }

                var ratingKey = RatingInput(area.Id);
                items.Add(new ChoiceSetInput
                {
                    Id = ratingKey,
                    Label = Texts.Skills.RatingLabel.In(language),
                    Style = ChoiceInputStyle.Compact,
                    Placeholder = Texts.Skills.RatingPlaceholder.In(language),
                    Choices = [.. Enumerable.Range(1, 5).Select(i => new Choice(i.ToString(CultureInfo.InvariantCulture), i.ToString(CultureInfo.InvariantCulture)))],
                    Value = typed.GetValueOrDefault(ratingKey),
                });
                Error(items, errors, ratingKey);
                var evidenceKey = EvidenceInput(area.Id);
                items.Add(new TextInput { Id = evidenceKey, Label = Texts.Skills.EvidenceLabel.In(language), Value = typed.GetValueOrDefault(evidenceKey), MaxLength = SkillsLimits.Evidence, IsMultiline = true });
                Error(items, errors, evidenceKey);
                body.Add(new Container { Id = "section." + area.Id, Items = items });
            }
        }

        var data = new JsonObject { ["verb"] = CompleteVerb, ["half"] = view.Half.Key, ["managerId"] = view.Manager.Id, ["revision"] = view.Assessment?.Revision ?? 0 };
        List<CardAction> actions =
        [
            new ExecuteAction
            {
                Title = Texts.Skills.CompleteButton.Format(language, view.Manager.DisplayName), Verb = CompleteVerb, Data = data,
                AssociatedInputs = "auto", Style = ActionStyle.Positive,
            },
        ];
        if (quiz is null || quiz.Answered)
        {
            actions.Add(new ExecuteAction
            {
                Title = Texts.Skills.SendQuizButton.In(language), Verb = SendQuizVerb,
                Data = new JsonObject { ["verb"] = SendQuizVerb, ["half"] = view.Half.Key, ["managerId"] = view.Manager.Id },
                AssociatedInputs = "none",
            });
        }

        // Two buttons at most, so neither title is cut on a phone: the team card is one "skills" away.
        return new AdaptiveCard { FallbackText = title, Body = body, Actions = actions };
    }

    private static Dictionary<string, string> Stored(SkillsAssessment? assessment) =>
        assessment is null ? [] : assessment.Areas.SelectMany(a => new[]
        {
            KeyValuePair.Create(RatingInput(a.AreaId), a.Rating.ToString(CultureInfo.InvariantCulture)),
            KeyValuePair.Create(EvidenceInput(a.AreaId), a.Evidence),
        }).ToDictionary(StringComparer.Ordinal);

    private static string QuizState(SkillsQuiz? quiz, Team team, Language language) => quiz switch
    {
        null => Texts.Skills.QuizNotSent.In(language),
        { Answered: false } => Texts.Skills.QuizOpen.Format(language, CardDates.Long(team.LocalDate(quiz.SentAt), language)),
        _ => Texts.Skills.QuizAnsweredLine.Format(language, CardDates.Long(team.LocalDate(quiz.AnsweredAt!.Value), language), quiz.Correct ?? 0, quiz.Questions.Count, quiz.Percent),
    };

    private static void Error(List<CardElement> items, Dictionary<string, string> errors, string key)
    {
        if (errors.TryGetValue(key, out var error))
        {
            items.Add(new TextBlock(error) { Id = "error." + key, Color = TextColor.Attention, Size = TextSize.Small, Spacing = Spacing.None, Wrap = true });
        }
    }

    /// <summary>The quiz as the manager answers it: the questions grouped by topic, each with its choices (one to pick); Submit answers.</summary>
    public static AdaptiveCard Quiz(SkillsQuiz quiz, SkillsRules rules, string senderName, Language language, Inputs? inputs = null)
    {
        var title = Texts.Skills.QuizTitle.Format(language, (RecordPeriod.TryParse(RecordPeriodKind.HalfYear, quiz.HalfKey, out var half) ? half : RecordPeriod.None).Name(language));
        var body = new List<CardElement>
        {
            new TextBlock(title) { Id = "title", Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true },
            new TextBlock(Texts.Skills.QuizIntro.Format(language, senderName, quiz.Questions.Count)) { Id = "intro", Wrap = true, Spacing = Spacing.None },
        };
        if (inputs?.Notice is { } notice)
        {
            body.Add(new TextBlock(notice) { Id = "notice", Color = TextColor.Attention, Wrap = true });
        }

        var number = 0;
        foreach (var topic in quiz.Questions.OrderBy(q => q.Order).GroupBy(q => q.TopicId))
        {
            var items = new List<CardElement> { new TextBlock(rules.Area(topic.Key)?.Name(language) ?? topic.Key) { Id = "topic." + topic.Key, Weight = TextWeight.Bolder, Wrap = true } };
            foreach (var asked in topic)
            {
                if (rules.Question(asked.QuestionId) is not { } question)
                {
                    continue;
                }

                var key = AnswerInput(asked.QuestionId);
                items.Add(new ChoiceSetInput
                {
                    Id = key,
                    Label = Texts.Skills.QuestionLabel.Format(language, ++number, question.Text(language)),
                    Style = ChoiceInputStyle.Expanded,
                    Wrap = true,
                    Choices = [.. question.Choices!.Select((c, i) => new Choice(c.Text(language), i.ToString(CultureInfo.InvariantCulture)))],
                    Value = inputs?.Typed.GetValueOrDefault(key),
                });
                Error(items, inputs?.Errors ?? [], key);
            }

            body.Add(new Container { Id = "section." + topic.Key, Separator = true, Items = items });
        }

        return new AdaptiveCard
        {
            FallbackText = title,
            Body = body,
            Actions =
            [
                new ExecuteAction
                {
                    Title = Texts.Skills.SubmitAnswers.In(language), Verb = AnswerQuizVerb,
                    Data = new JsonObject { ["verb"] = AnswerQuizVerb, ["quizId"] = quiz.Id.ToString() },
                    AssociatedInputs = "auto", Style = ActionStyle.Positive,
                },
            ],
        };
    }

    /// <summary>The answered quiz: the score, per topic, and each question with the manager's answer and the right one (to learn from).</summary>
    public static AdaptiveCard Scored(SkillsQuiz quiz, SkillsRules rules, Team team, Language language, string? notice = null)
    {
        var title = Texts.Skills.QuizTitle.Format(language, (RecordPeriod.TryParse(RecordPeriodKind.HalfYear, quiz.HalfKey, out var half) ? half : RecordPeriod.None).Name(language));
        var body = new List<CardElement> { new TextBlock(title) { Id = "title", Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true } };
        if (notice is not null)
        {
            body.Add(new TextBlock(notice) { Id = "notice", Wrap = true });
        }

        body.Add(new TextBlock(Texts.Skills.QuizScore.Format(language, quiz.Correct ?? 0, quiz.Questions.Count, quiz.Percent)) { Id = "score", Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true });
        body.Add(new TextBlock(CardDates.Long(team.LocalDate(quiz.AnsweredAt ?? quiz.SentAt), language)) { Id = "answered", IsSubtle = true, Spacing = Spacing.None });
        var number = 0;
        foreach (var topic in quiz.Questions.OrderBy(q => q.Order).GroupBy(q => q.TopicId))
        {
            var name = rules.Area(topic.Key)?.Name(language) ?? topic.Key;
            var items = new List<CardElement>
            {
                new TextBlock(Texts.Skills.QuizTopicScore.Format(language, name, topic.Count(q => q.Right == true), topic.Count())) { Id = "topic." + topic.Key, Weight = TextWeight.Bolder, Wrap = true },
            };
            foreach (var asked in topic)
            {
                number++;
                if (rules.Question(asked.QuestionId) is not { } question)
                {
                    continue;
                }

                var chosen = asked.Chosen is { } c && c < question.Choices!.Count ? question.Choices[c].Text(language) : "—";
                items.Add(new TextBlock(Texts.Skills.QuestionLabel.Format(language, number, question.Text(language))) { Id = "question." + asked.QuestionId, Wrap = true });
                items.Add(new TextBlock(Texts.Skills.YourAnswer.Format(language, chosen) + (language == Language.ZhCn ? "（" : " (") + (asked.Right == true ? Texts.Skills.Right : Texts.Skills.Wrong).In(language) + (language == Language.ZhCn ? "）" : ")"))
                {
                    Id = "answer." + asked.QuestionId, Spacing = Spacing.None, Wrap = true, Color = asked.Right == true ? TextColor.Good : TextColor.Attention,
                });
                if (asked.Right != true)
                {
                    items.Add(new TextBlock(Texts.Skills.RightAnswer.Format(language, question.Choices![question.RightChoice].Text(language))) { Id = "right." + asked.QuestionId, Spacing = Spacing.None, Wrap = true, IsSubtle = true });
                }
            }

            body.Add(new Container { Id = "section." + topic.Key, Separator = true, Items = items });
        }

        return new AdaptiveCard { FallbackText = title, Body = body };
    }

    /// <summary>
    /// The result as the manager (and the lead) sees it: who assessed it when, the average, each area's rating (and quiz
    /// figures) with the evidence, then each weak area: why, the coaching action, and the team's trainings on the topic.
    /// </summary>
    public static AdaptiveCard Result(SkillsAssessment assessment, Person manager, string raterName, SkillsRules rules,
        IReadOnlyDictionary<string, List<SkillsBook.ProposedTraining>> trainings, Language language, string? notice = null)
    {
        var title = Texts.Skills.ResultTitle.Format(language, manager.DisplayName, assessment.Half.Name(language));
        var body = new List<CardElement> { new TextBlock(title) { Id = "title", Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true } };
        if (notice is not null)
        {
            body.Add(new TextBlock(notice) { Id = "notice", Color = TextColor.Good, Wrap = true });
        }

        body.Add(new TextBlock(Texts.Skills.ResultBy.Format(language, raterName, CardDates.Long(manager.Team?.LocalDate(assessment.RatedAt) ?? DateOnly.FromDateTime(assessment.RatedAt.UtcDateTime), language), assessment.Revision))
        {
            Id = "by", IsSubtle = true, Spacing = Spacing.None, Wrap = true,
        });
        body.Add(new TextBlock(Texts.Skills.Average.Format(language, Figure(assessment.Average))) { Id = "average", Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true });
        foreach (var area in assessment.Areas.OrderBy(a => a.Order))
        {
            var name = area.Name(language);
            var line = area.QuizAsked is { } asked
                ? Texts.Skills.AreaWithQuiz.Format(language, name, area.Rating, area.QuizCorrect ?? 0, asked)
                : Texts.Skills.AreaLine.Format(language, name, area.Rating);
            body.Add(new TextBlock(line) { Id = "area." + area.AreaId, Weight = TextWeight.Bolder, Wrap = true, Color = area.Weak ? TextColor.Warning : null, Separator = true });
            body.Add(new TextBlock(area.Evidence) { Id = "evidence." + area.AreaId, Spacing = Spacing.None, Wrap = true, IsSubtle = true });
        }

        body.Add(new TextBlock(Texts.Skills.WeakHeading.In(language)) { Id = "weak", Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true, Separator = true, Spacing = Spacing.Large });
        var weak = assessment.Weak.ToList();
        if (weak.Count == 0)
        {
            body.Add(new TextBlock(Texts.Skills.NoWeak.In(language)) { Id = "noweak", Wrap = true, Spacing = Spacing.None });
        }

        List<CardAction> actions = [];
        foreach (var area in weak)
        {
            var why = new List<string>();
            if (area.Rating <= rules.WeakRating)
            {
                why.Add(Texts.Skills.WeakBecauseRating.Format(language, area.Rating));
            }

            if (area.QuizPercent is { } percent && percent < rules.QuizPassPercent)
            {
                why.Add(Texts.Skills.WeakBecauseQuiz.Format(language, percent));
            }

            var items = new List<CardElement>
            {
                new TextBlock($"{area.Name(language)}{(language == Language.ZhCn ? "（" : " (")}{string.Join(Texts.Skills.ListSeparator.In(language), why)}{(language == Language.ZhCn ? "）" : ")")}")
                {
                    Id = "weak." + area.AreaId, Weight = TextWeight.Bolder, Wrap = true,
                },
            };
            if (rules.Area(area.AreaId) is { } seeded)
            {
                items.Add(new TextBlock(Texts.Skills.Coaching.Format(language, seeded.Coaching(language))) { Id = "coaching." + area.AreaId, Spacing = Spacing.None, Wrap = true });
            }

            if (area.IsTopic)
            {
                var proposed = trainings.GetValueOrDefault(area.AreaId, []);
                items.Add(new TextBlock(proposed.Count == 0 ? Texts.Skills.TrainingNoneProposed.In(language)
                    : Texts.Skills.TrainingProposed.Format(language, string.Join(Texts.Skills.SessionSeparator.In(language), proposed.Select(t =>
                        (t.Attended ? Texts.Skills.TrainingSession : Texts.Skills.TrainingMissed).Format(language, CardDates.Short(t.Date, language), Hours(t.Hours))))))
                {
                    Id = "trainings." + area.AreaId, Spacing = Spacing.None, Wrap = true, IsSubtle = true,
                });
                foreach (var t in proposed.Where(t => !t.Attended).Take(1))
                {
                    actions.Add(new ExecuteAction
                    {
                        Title = Texts.Skills.OpenTraining.Format(language, CardDates.Short(t.Date, language)), Verb = MinutesCards.ViewVerb,
                        Data = new JsonObject { ["verb"] = MinutesCards.ViewVerb, ["minutesId"] = t.MinutesId.ToString() },
                    });
                }
            }

            body.Add(new Container { Id = "weakarea." + area.AreaId, Items = items });
        }

        return new AdaptiveCard { FallbackText = title, Body = body, Actions = actions.Count == 0 ? null : [.. actions.Take(5)] };
    }
}
