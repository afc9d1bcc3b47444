using DiligenceBot.Conversations;
using DiligenceBot.Notifications;
using DiligenceBot.Reviews;
using DiligenceBot.Scheduling;

namespace DiligenceBot.Plans;

public static class PlanRegistration
{
    /// <summary>The monthly marketing plan: the verbs, its review (the shared lead review), its notifications.</summary>
    public static IServiceCollection AddPlans(this IServiceCollection services)
    {
        services.AddScoped<PlanBook>();
        services.AddScoped<PlanReviewKind>();
        services.AddReviews();
        services.AddNotificationRenderer<PlanReviewRequestedRenderer>(PlanBook.ReviewRequested);
        services.AddNotificationRenderer<PlanDecisionRenderer>(PlanBook.Returned, PlanBook.Approved);
        services.AddNotificationRenderer<PlanReminderRenderer>(PlanSchedule.Reminder);
        services.AddNotificationRenderer<PlanMissingRenderer>(PlanSchedule.MissingToLead);
        services.AddScoped<ITeamDueRecords, PlanSchedule>();
        services.AddScoped<ILeadDigestPart, PlanProgressDigestPart>();
        services.AddScoped<PlanReports>();
        services.AddNotificationRenderer<PlanReportRenderer>(PlanReports.ToManager, PlanReports.ToLead);
        return services
            .AddBotVerb<OpenPlanVerb>(PlanCards.OpenVerb, "plan", "my plan", "marketing plan", "营销计划", "计划", "月度计划")
            .AddBotVerb<SubmitPlanVerb>(PlanCards.SubmitVerb)
            .AddBotVerb<EditPlanVerb>(PlanCards.EditVerb)
            .AddBotVerb<ViewPlanVerb>(PlanCards.ViewVerb)
            .AddBotVerb<ViewPlanVerb>(PlanCards.ReviewViewVerb)
            .AddBotVerb<DecidePlanVerb>(PlanCards.ApproveVerb)
            .AddBotVerb<DecidePlanVerb>(PlanCards.ReturnVerb)
            .AddBotVerb<TeamPlansVerb>(PlanCards.TeamVerb, "team plans", "团队计划", "团队营销计划")
            .AddBotVerb<PlanSettingVerb>(PlanCards.SettingVerb, "plan setting", "计划设置")
            .AddBotVerb<PlanMeasuresVerb>(PlanExecutionCards.MeasuresVerb, "plan measures", "measures", "计划措施", "服务措施")
            .AddBotVerb<MarkMeasureDoneVerb>(PlanExecutionCards.MeasureDoneVerb)
            .AddBotVerb<PlanReportVerb>(PlanExecutionCards.ReportVerb, "plan report", "plan execution", "计划执行", "计划执行情况");
    }
}
