using DiligenceBot.Tests.Infrastructure;

namespace DiligenceBot.Tests.EndToEnd;

/// <summary>
/// One bot (local development mode, real clock) and one real Agents Playground, with a client on both of the
/// Playground's websockets: the conversation stream (what the current user, Wang Lei, sees) and the log stream
/// (its log panel: every activity it sent the bot with the bot's answer, and every connector call of the bot).
/// The log stream connects before anything happens, so it holds the whole history.
/// </summary>
public sealed class PlaygroundWithLogFixture : IAsyncLifetime
{
    public BotApp Bot { get; private set; } = null!;

    public PlaygroundProcess Playground { get; private set; } = null!;

    public PlaygroundLogStream Log { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Bot = new BotApp().Start();
        Playground = await PlaygroundProcess.StartAsync(Bot.BaseAddress);
        Log = await PlaygroundLogStream.ConnectAsync(Playground.Port);
    }

    public async Task DisposeAsync()
    {
        if (Log is not null)
        {
            await Log.DisposeAsync();
        }

        if (Playground is not null)
        {
            await Playground.DisposeAsync();
        }

        if (Bot is not null)
        {
            await Bot.DisposeAsync();
        }
    }
}
