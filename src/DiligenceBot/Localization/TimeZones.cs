namespace DiligenceBot.Localization;

/// <summary>
/// A time zone as people say it: "北京时间" / "China time" for Asia/Shanghai, the common name of a few other zones,
/// and the IANA id only for zones without a common name.
/// </summary>
public static class TimeZones
{
    private static readonly Dictionary<string, Text> Spoken = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Asia/Shanghai"] = new("China time", "北京时间"),
        ["Asia/Chongqing"] = new("China time", "北京时间"),
        ["Asia/Harbin"] = new("China time", "北京时间"),
        ["PRC"] = new("China time", "北京时间"),
        ["Asia/Hong_Kong"] = new("Hong Kong time", "香港时间"),
        ["Asia/Macau"] = new("Macau time", "澳门时间"),
        ["Asia/Taipei"] = new("Taipei time", "台北时间"),
        ["Asia/Singapore"] = new("Singapore time", "新加坡时间"),
        ["Asia/Tokyo"] = new("Japan time", "日本时间"),
        ["Asia/Seoul"] = new("Korea time", "韩国时间"),
        ["Europe/London"] = new("UK time", "英国时间"),
        ["Etc/UTC"] = new("UTC", "协调世界时"),
        ["UTC"] = new("UTC", "协调世界时"),
    };

    /// <summary>The zone's spoken name in the language, or its IANA id when it has none.</summary>
    public static string Name(string ianaId, Language language) =>
        Spoken.TryGetValue(ianaId, out var text) ? text.In(language) : ianaId;
}
