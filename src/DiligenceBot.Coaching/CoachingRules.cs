namespace DiligenceBot.Coaching;

/// <summary>The rules: evidence about one manager → a ranked suggestion with reasons. Pure and thread-safe.</summary>
public static class CoachingRules
{
    public static CoachingSuggestion Classify(ManagerEvidence evidence, CoachingThresholds thresholds) =>
        throw new NotImplementedException("being written");
}
