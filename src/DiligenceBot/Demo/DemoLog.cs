namespace DiligenceBot;

/// <summary>Log messages of the demo organisation (event ids 2800-2899).</summary>
internal static partial class Log
{
    [LoggerMessage(2800, LogLevel.Information, "Demo history written: {Logs} work logs, {Reviews} reviews, {Forms} transfer forms, {Observations} observations, {Pulses} pulse answers, {Decisions} coaching decisions, {Actions} coaching actions")]
    public static partial void DemoHistoryWritten(ILogger logger, int logs, int reviews, int forms, int observations, int pulses, int decisions, int actions);
}
