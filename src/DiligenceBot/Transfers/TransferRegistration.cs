using DiligenceBot.Conversations;
using DiligenceBot.Notifications;

namespace DiligenceBot.Transfers;

public static class TransferRegistration
{
    /// <summary>
    /// Information transfer forms: verbs and chat keywords, the notification renderers, the deadline job (and its
    /// Hangfire registration, which happens only when Scheduling is enabled). Needs the notifications and the
    /// schedule's holiday calendars (<c>AddNotifications</c>, <c>AddScheduleMessages</c>).
    /// </summary>
    public static IServiceCollection AddTransfers(this IServiceCollection services)
    {
        services.AddScoped<TransferRegister>();
        services.AddScoped<TransferDeadlineJob>();
        services.AddHostedService<TransferJobs>();
        services.AddNotificationRenderer<TransferRenderer>(
            TransferRegister.Routed, TransferRegister.Handled, TransferRegister.Reopened, TransferRegister.Closed,
            TransferRegister.AckReminder, TransferRegister.AckEscalated, TransferRegister.HandleEscalated);

        return services
            .AddBotVerb<OpenTransferVerb>(TransferCards.OpenVerb, "transfer", "信息传递", "信息传递表", "传递信息")
            .AddBotVerb<SubmitTransferVerb>(TransferCards.SubmitVerb)
            .AddBotVerb<ViewTransferVerb>(TransferCards.ViewVerb)
            .AddBotVerb<TransferStepVerb>(TransferCards.AcknowledgeVerb)
            .AddBotVerb<TransferStepVerb>(TransferCards.HandleVerb)
            .AddBotVerb<TransferStepVerb>(TransferCards.ForwardVerb)
            .AddBotVerb<TransferStepVerb>(TransferCards.CloseVerb)
            .AddBotVerb<TransferStepVerb>(TransferCards.ReopenVerb)
            .AddBotVerb<RateValueVerb>(TransferCards.RateValueVerb)
            .AddBotVerb<MyFormsVerb>(TransferCards.MineVerb, "my forms", "我的信息表", "我的传递")
            .AddBotVerb<InboxVerb>(TransferCards.InboxVerb, "forms to handle", "待处理信息", "待处理")
            .AddBotVerb<FormsTodayVerb>(TransferCards.TodayVerb, "forms today", "今日信息", "今日信息表")
            .AddBotVerb<RoutingVerb>(TransferCards.RoutingVerb, "routing", "信息路由");
    }
}
