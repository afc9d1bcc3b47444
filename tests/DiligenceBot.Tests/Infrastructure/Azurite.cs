namespace DiligenceBot.Tests.Infrastructure;

/// <summary>
/// Azurite (the Azure Storage emulator) for the Azure Blob record store's tests: the connection string test.sh put in
/// DILIGENCEBOT_TEST_AZURITE, else the one scripts/azurite.sh prints after starting it (idempotent; it installs the
/// pinned npm package into tools/azurite when missing).
/// </summary>
public static class Azurite
{
    private static readonly Lazy<Task<string>> Started = new(StartAsync);

    public static Task<string> ConnectionStringAsync() => Started.Value;

    private static async Task<string> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("DILIGENCEBOT_TEST_AZURITE") is { Length: > 0 } given)
        {
            return given;
        }

        var (code, output, error) = await RepoTools.RunAsync("bash", RepoTools.RepoRoot, ["scripts/azurite.sh"]);
        return code == 0
            ? output.Trim().Split('\n')[^1].Trim()
            : throw new InvalidOperationException($"scripts/azurite.sh failed ({code}): {error}");
    }
}
