using DiligenceBot.Conversations;
using DiligenceBot.Data;
using DiligenceBot.Notifications;
using DiligenceBot.Scheduling;

namespace DiligenceBot.Meetings;

public static class MeetingsRegistration
{
    /// <summary>
    /// Meeting minutes, action items and training records: the training topics (seeds/training-topics.json), verbs
    /// and chat keywords, the notification renderers, the overdue items in the lead's digest, the action item job (and
    /// its Hangfire registration, which happens only when Scheduling is enabled). Needs the notifications and the
    /// schedule's holiday calendars (<c>AddNotifications</c>, <c>AddScheduleMessages</c>).
    /// </summary>
    public static IServiceCollection AddMeetings(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var seeds = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value.SeedPath;
            return TrainingTopics.Load(Path.Combine(Path.IsPathRooted(seeds) ? seeds : Path.Combine(AppContext.BaseDirectory, seeds), "training-topics.json"));
        });
        services.AddScoped<MinutesRegister>();
        services.AddScoped<ActionItemJob>();
        services.AddScoped<ILeadDigestPart, OverdueActionsDigestPart>();
        services.AddHostedService<ActionItemJobs>();
        services.AddNotificationRenderer<MinutesRenderer>(
            MinutesRegister.Recorded, MinutesRegister.Checked, MinutesRegister.Missing,
            MinutesRegister.Assigned, MinutesRegister.DueToday, MinutesRegister.Overdue, MinutesRegister.Blocked);

        return services
            .AddBotVerb<OpenMinutesVerb>(MinutesCards.OpenVerb, "minutes", "会议纪要", "纪要")
            .AddBotVerb<SubmitMinutesVerb>(MinutesCards.SubmitVerb)
            .AddBotVerb<SubmitMinutesVerb>(MinutesCards.MoreVerb)
            .AddBotVerb<ViewMinutesVerb>(MinutesCards.ViewVerb)
            .AddBotVerb<CheckMinutesVerb>(MinutesCards.CheckVerb)
            .AddBotVerb<ActionItemVerb>(ActionItemCards.ViewVerb)
            .AddBotVerb<ActionItemVerb>(ActionItemCards.DoneVerb)
            .AddBotVerb<ActionItemVerb>(ActionItemCards.BlockedVerb)
            .AddBotVerb<ActionsVerb>(ActionItemCards.MineVerb, "actions", "my actions", "待办", "我的待办")
            .AddBotVerb<TrainingVerb>(ActionItemCards.TrainingVerb, "training", "培训", "培训记录");
    }
}
