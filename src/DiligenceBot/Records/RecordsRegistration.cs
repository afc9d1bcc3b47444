using DiligenceBot.Data;

namespace DiligenceBot.Records;

public static class RecordsRegistration
{
    /// <summary>
    /// The other records: the kinds of seeds/record-kinds.json, read and checked once (a file with a problem stops
    /// start-up and names the problem).
    /// </summary>
    public static IServiceCollection AddRecords(this IServiceCollection services)
    {
        services.AddSingleton(sp => RecordKinds.Load(Path.Combine(
            DataExtensions.SeedFolder(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value), "record-kinds.json")));
        services.AddHostedService<RecordKindsCheck>();
        return services;
    }

    /// <summary>Reads the kinds at start-up, so a broken file stops the app before it takes a message rather than at the first record.</summary>
    private sealed class RecordKindsCheck(RecordKinds kinds) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => kinds.All.Count > 0 ? Task.CompletedTask : throw new InvalidOperationException("No record kinds.");

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
