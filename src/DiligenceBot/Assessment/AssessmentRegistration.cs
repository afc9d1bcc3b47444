using DiligenceBot.Conversations;
using DiligenceBot.Data;
using DiligenceBot.Notifications;
using DiligenceBot.Scheduling;
using Microsoft.Extensions.Options;

namespace DiligenceBot.Assessment;

public static class AssessmentRegistration
{
    /// <summary>
    /// The assessment's rules: seeds/scorecard.json read and checked once at start-up (a file with a problem, or no file,
    /// stops start-up and names every problem), then shared by the monthly and quarterly scorecards; the values the
    /// product measures itself; the draft scorecards (<c>scorecard</c> / <c>考核</c>); publishing, the manager's answer and
    /// the decision on an objection (<see cref="ScorecardBook"/>, its options checked at start-up); the drafts sent to
    /// the lead in the team's schedule job; the manager's own scorecards (<c>my scorecard</c> / <c>我的考核</c>); the half-year skills assessment and its quiz
    /// (<c>skills</c> / <c>技能评估</c>, seeds/skills-quiz.json); the yearly reviews (<c>annual</c> / <c>年度考评</c>,
    /// <see cref="AnnualBook"/>, its shares checked at start-up), their export and their messages.
    /// </summary>
    public static IServiceCollection AddAssessment(this IServiceCollection services)
    {
        services.AddSingleton(sp => ScorecardRules.Load(Path.Combine(
            DataExtensions.SeedFolder(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value), ScorecardRules.FileName)));
        services.AddHostedService<ScorecardRulesCheck>();
        services.AddSingleton(sp => SkillsRules.Load(Path.Combine(
            DataExtensions.SeedFolder(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value), SkillsRules.FileName), sp.GetRequiredService<Meetings.TrainingTopics>()));
        services.AddHostedService<SkillsRulesCheck>();
        services.AddScoped<ScorecardValues>();
        services.AddOptions<ScorecardOptions>().BindConfiguration(ScorecardOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ScorecardOptions>, ScorecardOptionsValidator>();
        services.AddScoped<ScorecardBook>();
        services.AddScoped<SkillsResults>();
        services.AddScoped<SkillsBook>();
        services.AddNotificationRenderer<SkillsRenderer>(SkillsBook.Completed, SkillsBook.QuizSent, SkillsBook.QuizAnswered);
        services.AddScoped<ITeamDueRecords, ScorecardDraftSchedule>();
        services.AddNotificationRenderer<ScorecardDraftsRenderer>(ScorecardDraftSchedule.Drafts);
        services.AddNotificationRenderer<ScorecardRenderer>(ScorecardBook.Published, ScorecardBook.Objected, ScorecardBook.Decided);
        services.AddOptions<AnnualOptions>().BindConfiguration(AnnualOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AnnualOptions>, AnnualOptionsValidator>();
        services.AddScoped<AnnualBook>();
        services.AddScoped<AnnualViews>();
        services.AddNotificationRenderer<AnnualRenderer>(AnnualBook.Proposed, AnnualBook.Finished, AnnualBook.Decided);
        return services
            .AddBotVerb<AnnualVerb>(AnnualCards.AnnualVerb, "annual", "annual review", "yearly review", "年度考评", "年度考核")
            .AddBotVerb<AnnualExportVerb>(AnnualCards.ExportVerb, "annual export", "annual review export", "export annual", "年度考评 导出", "年度考评导出", "导出年度考评")
            .AddBotVerb<MyAnnualVerb>(AnnualCards.MineVerb, "my annual review", "my annual", "我的年度考评")
            .AddBotVerb<AnnualSubmitVerb>(AnnualCards.SubmitVerb)
            .AddBotVerb<AnnualDecideVerb>(AnnualCards.DecideVerb)
            .AddBotVerb<ScorecardVerb>(ScorecardCards.ScorecardVerb, "scorecard", "scorecards", "考核", "月度考核")
            .AddBotVerb<ScorecardExportVerb>(ScorecardCards.ExportVerb, "scorecard export", "scorecards export", "export scorecards", "考核 导出", "考核导出", "导出考核")
            .AddBotVerb<MyScorecardVerb>(ScorecardCards.MineVerb, "my scorecard", "我的考核")
            .AddBotVerb<ScorecardPublishVerb>(ScorecardCards.PublishVerb)
            .AddBotVerb<ScorecardAnswerVerb>(ScorecardCards.AcknowledgeVerb)
            .AddBotVerb<ScorecardAnswerVerb>(ScorecardCards.ObjectVerb)
            .AddBotVerb<ScorecardDecideVerb>(ScorecardCards.UpholdVerb)
            .AddBotVerb<ScorecardDecideVerb>(ScorecardCards.AmendVerb)
            .AddBotVerb<SkillsVerb>(SkillsCards.SkillsVerb, "skills", "skills assessment", "技能评估", "技能考核")
            .AddBotVerb<SkillsExportVerb>(SkillsCards.ExportVerb, "skills export", "export skills", "技能评估导出", "技能评估 导出", "导出技能评估")
            .AddBotVerb<SkillsRateVerb>(SkillsCards.CompleteVerb)
            .AddBotVerb<SkillsRateVerb>(SkillsCards.SendQuizVerb)
            .AddBotVerb<SkillsQuizVerb>(SkillsCards.AnswerQuizVerb);
    }

    /// <summary>Reads seeds/skills-quiz.json at start-up, so a broken question bank stops the app before it takes a message.</summary>
    private sealed class SkillsRulesCheck(SkillsRules rules) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => rules.Areas.Count > 0 ? Task.CompletedTask : throw new InvalidOperationException("No skill areas.");

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>Reads the rules at start-up, so a broken file stops the app before it takes a message rather than at the first scorecard.</summary>
    private sealed class ScorecardRulesCheck(ScorecardRules rules) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => rules.Dimensions.Count > 0 ? Task.CompletedTask : throw new InvalidOperationException("No scorecard dimensions.");

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
