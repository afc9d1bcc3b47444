using System.Diagnostics.Metrics;
using DiligenceBot.BotFramework.Schema;

namespace DiligenceBot.BotFramework.Hosting;

/// <summary>
/// The <c>DiligenceBot.BotFramework</c> meter: every activity that reached <c>/api/messages</c>, by type and outcome.
/// Created from the host's <see cref="IMeterFactory"/>, so each host (and each test host) has its own meter.
/// </summary>
public sealed class ActivityMetrics
{
    public const string MeterName = "DiligenceBot.BotFramework";

    private readonly Counter<long> _activities;

    public ActivityMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _activities = meter.CreateCounter<long>("diligencebot.activities", "{activity}", "Activities received on /api/messages, by type and outcome.");
    }

    /// <summary>Counts one activity. The type comes from the sender, so anything not in the protocol is counted as "other".</summary>
    public void Record(string? activityType, ActivityOutcome outcome) =>
        _activities.Add(1, new KeyValuePair<string, object?>("activity.type", Known(activityType)), new KeyValuePair<string, object?>("outcome", Name(outcome)));

    private static string Known(string? type) => type switch
    {
        ActivityTypes.Message => ActivityTypes.Message,
        ActivityTypes.Invoke => ActivityTypes.Invoke,
        ActivityTypes.ConversationUpdate => ActivityTypes.ConversationUpdate,
        ActivityTypes.InstallationUpdate => ActivityTypes.InstallationUpdate,
        ActivityTypes.Event => ActivityTypes.Event,
        ActivityTypes.MessageReaction => ActivityTypes.MessageReaction,
        ActivityTypes.Typing => ActivityTypes.Typing,
        null => "unknown",
        _ => "other",
    };

    private static string Name(ActivityOutcome outcome) => outcome switch
    {
        ActivityOutcome.Handled => "handled",
        ActivityOutcome.TooLarge => "too_large",
        ActivityOutcome.BadRequest => "bad_request",
        ActivityOutcome.Unauthorized => "unauthorized",
        _ => "failed",
    };
}

public enum ActivityOutcome
{
    /// <summary>The app handled it (200, or the invoke's own status).</summary>
    Handled,
    /// <summary>413: larger than Bot:MaxActivityBytes.</summary>
    TooLarge,
    /// <summary>400: not JSON, or an envelope without type, conversation, sender or service URL.</summary>
    BadRequest,
    /// <summary>401: the channel's token was missing or wrong.</summary>
    Unauthorized,
    /// <summary>500: the app's handler threw.</summary>
    Failed,
}
