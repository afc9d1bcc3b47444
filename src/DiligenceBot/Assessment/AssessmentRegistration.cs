using DiligenceBot.Conversations;
using DiligenceBot.Data;
using Microsoft.Extensions.Options;

namespace DiligenceBot.Assessment;

public static class AssessmentRegistration
{
    /// <summary>
    /// The assessment's rules: seeds/scorecard.json read and checked once at start-up (a file with a problem, or no file,
    /// stops start-up and names every problem), then shared by the monthly and quarterly scorecards; the values the
    /// product measures itself; the draft scorecards (<c>scorecard</c> / <c>考核</c>).
    /// </summary>
    public static IServiceCollection AddAssessment(this IServiceCollection services)
    {
        services.AddSingleton(sp => ScorecardRules.Load(Path.Combine(
            DataExtensions.SeedFolder(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value), ScorecardRules.FileName)));
        services.AddHostedService<ScorecardRulesCheck>();
        services.AddScoped<ScorecardValues>();
        return services.AddBotVerb<ScorecardVerb>(ScorecardCards.ScorecardVerb, "scorecard", "scorecards", "考核", "月度考核");
    }

    /// <summary>Reads the rules at start-up, so a broken file stops the app before it takes a message rather than at the first scorecard.</summary>
    private sealed class ScorecardRulesCheck(ScorecardRules rules) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => rules.Dimensions.Count > 0 ? Task.CompletedTask : throw new InvalidOperationException("No scorecard dimensions.");

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
