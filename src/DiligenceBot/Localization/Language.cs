namespace DiligenceBot.Localization;

/// <summary>The two languages every text exists in.</summary>
public enum Language
{
    EnUs,
    ZhCn,
}

public static class Languages
{
    /// <summary>zh-CN when the locale starts with "zh", en-US otherwise (also when none is known).</summary>
    public static Language FromLocale(string? locale) =>
        locale is not null && locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Language.ZhCn : Language.EnUs;

    public static string Tag(this Language language) => language == Language.ZhCn ? "zh-CN" : "en-US";
}

/// <summary>A text in both languages. Construction needs both, so no text can exist in one language only.</summary>
public sealed record Text(string EnUs, string ZhCn)
{
    public string In(Language language) => language == Language.ZhCn ? ZhCn : EnUs;

    /// <summary>The text with {0}, {1}... filled in.</summary>
    public string Format(Language language, params object?[] args) =>
        string.Format(System.Globalization.CultureInfo.GetCultureInfo(language.Tag()), In(language), args);
}
