namespace DiligenceBot.Localization;

public static partial class Texts
{
    /// <summary>The other records (analyses, summaries, cases, signed documents): their kinds and periods.</summary>
    public static class Records
    {
        public static readonly Text NoPeriod = new("No period", "不分期");
    }
}
