using DiligenceBot.Conversations;
using DiligenceBot.Data;
using DiligenceBot.Notifications;
using DiligenceBot.Scheduling;
using Microsoft.Extensions.Options;

namespace DiligenceBot.Records;

public static class RecordsRegistration
{
    /// <summary>
    /// The other records: the kinds of seeds/record-kinds.json, read and checked once (a file with a problem stops
    /// start-up and names the problem); the four record checks (RecordChecks, the
    /// one computation the check cards and scorecards read); the options (file types, size, store) validated at start-up; the record store
    /// the options choose (a folder, or an Azure Blob container); the verbs. Files sent in chat reach <see cref="KeepRecordFileVerb"/> through
    /// Files.ReceivedFileVerb (registered with the customers, who share the chat's files).
    /// </summary>
    public static IServiceCollection AddRecords(this IServiceCollection services)
    {
        services.AddSingleton(sp => RecordKinds.Load(Path.Combine(
            DataExtensions.SeedFolder(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value), "record-kinds.json")));
        services.AddHostedService<RecordKindsCheck>();
        services.AddOptions<RecordsOptions>().BindConfiguration(RecordsOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RecordsOptions>, RecordsOptionsValidator>();
        services.AddSingleton<IRecordStore>(sp => sp.GetRequiredService<IOptions<RecordsOptions>>().Value.Store == RecordStores.AzureBlob
            ? ActivatorUtilities.CreateInstance<AzureBlobRecordStore>(sp)
            : ActivatorUtilities.CreateInstance<FileSystemRecordStore>(sp));
        services.AddScoped<RecordBook>();
        services.AddScoped<RecordChecks>();
        services.AddScoped<RecordCheckDesk>();
        services.AddScoped<KeepRecordFileVerb>();
        services.AddScoped<RecordReviewKind>();
        services.AddNotificationRenderer<RecordReviewRequestedRenderer>(RecordReviewKind.ReviewRequested);
        services.AddNotificationRenderer<RecordDecisionRenderer>(RecordReviewKind.Verified, RecordReviewKind.Returned);
        services.AddScoped<RecordSchedule>();
        services.AddScoped<ITeamDueRecords>(sp => sp.GetRequiredService<RecordSchedule>());
        services.AddNotificationRenderer<RecordReminderRenderer>(RecordSchedule.Reminder);
        services.AddNotificationRenderer<RecordMissingRenderer>(RecordSchedule.MissingToLead, RecordSchedule.MissingToLeadsManager);
        return services
            .AddBotVerb<RecordsVerb>(RecordCards.ListVerb, "records", "my records", "资料", "我的资料")
            .AddBotVerb<RecordFormVerb>(RecordCards.FormVerb, "records file", "file a record", "提交资料", "资料提交")
            .AddBotVerb<FileRecordVerb>(RecordCards.SubmitVerb)
            .AddBotVerb<ViewRecordVerb>(RecordCards.ViewVerb)
            .AddBotVerb<DecideRecordVerb>(RecordCards.VerifyVerb)
            .AddBotVerb<DecideRecordVerb>(RecordCards.ReturnVerb)
            .AddBotVerb<RecordCheckVerb>(RecordCheckCards.CheckVerb, "check", "record checks", "检查", "资料检查")
            .AddBotVerb<RecordCheckBehindVerb>(RecordCheckCards.BehindVerb)
            .AddBotVerb<DeleteRecordVerb>(RecordCards.DeleteVerb);
    }

    /// <summary>Reads the kinds at start-up, so a broken file stops the app before it takes a message rather than at the first record.</summary>
    private sealed class RecordKindsCheck(RecordKinds kinds) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => kinds.All.Count > 0 ? Task.CompletedTask : throw new InvalidOperationException("No record kinds.");

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
