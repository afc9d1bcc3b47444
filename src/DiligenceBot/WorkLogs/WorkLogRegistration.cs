using DiligenceBot.Conversations;
using DiligenceBot.Notifications;
using DiligenceBot.Reviews;

namespace DiligenceBot.WorkLogs;

public static class WorkLogRegistration
{
    public static IServiceCollection AddWorkLogs(this IServiceCollection services)
    {
        services.AddScoped<WorkLogBook>();
        services.AddScoped<WorkLogReviewKind>();
        services.AddReviews();
        services.AddNotificationRenderer<ReviewRequestedRenderer>(WorkLogBook.ReviewRequested);
        services.AddNotificationRenderer<DecisionRenderer>(WorkLogBook.Returned, WorkLogBook.Approved, WorkLogBook.Praised);
        return services
            .AddBotVerb<OpenLogVerb>(WorkLogCards.OpenVerb, "log", "日志", "写日志", "工作日志")
            .AddBotVerb<SubmitLogVerb>(WorkLogCards.SubmitVerb)
            .AddBotVerb<EditLogVerb>(WorkLogCards.EditVerb)
            .AddBotVerb<ViewLogVerb>(WorkLogCards.ViewVerb)
            .AddBotVerb<ViewLogVerb>(WorkLogCards.ReviewViewVerb)
            .AddBotVerb<DecideLogVerb>(WorkLogCards.ApproveVerb)
            .AddBotVerb<DecideLogVerb>(WorkLogCards.ReturnVerb)
            .AddBotVerb<MyLogsVerb>(WorkLogCards.MineVerb, "my logs", "我的日志")
            .AddBotVerb<TeamLogsVerb>(WorkLogCards.TeamVerb, "team logs", "团队日志")
            .AddBotVerb<PraiseLogVerb>(WorkLogCards.PraiseVerb)
            .AddBotVerb<BestLogsVerb>(WorkLogCards.BestVerb, "best logs", "优秀日志");
    }
}

public static class NotificationRegistration
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddSingleton<TenantPacer>();
        services.AddSingleton<DispatcherLeaseKeeper>();
        services.AddSingleton<NotificationDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationDispatcher>());
        services.AddScoped<ProactiveSender>();
        services.AddScoped<MessageStop>();
        return services;
    }
}
