using System.Globalization;
using DiligenceBot.Imports;
using DiligenceBot.Localization;
using DiligenceBot.WorkLogs;

namespace DiligenceBot.Dashboard;

/// <summary>
/// A dashboard view as a file, with the view's own filters: XLSX through the product's one sheet writer
/// (<see cref="ImportSheet.WriteXlsx"/>) or CSV (UTF-8 with a byte order mark, so Excel opens Chinese right); headers
/// and states in the caller's language, one row per manager (Today) or per manager and working day (punctuality).
/// </summary>
public static class DashboardExport
{
    public const string Xlsx = "xlsx";
    public const string Csv = "csv";

    public static (IReadOnlyList<string> Header, List<IReadOnlyList<object?>> Rows) Today(TodayView view, Language language)
    {
        var header = new[]
        {
            Texts.Dashboard.PageTeam.In(language), Texts.Dashboard.PageDay.In(language), Texts.Dashboard.PageManager.In(language),
            Texts.Dashboard.PageLog.In(language), Texts.Dashboard.PageFormState.In(language), Texts.Dashboard.PageSubmittedAt.In(language),
            Texts.Dashboard.PageFormsOpen.In(language), Texts.Dashboard.PageFormsOverdue.In(language),
            Texts.Dashboard.PageActionsOpen.In(language), Texts.Dashboard.PageActionsOverdue.In(language),
        };
        var rows = view.Teams.SelectMany(t => t.Managers.Select(m => (IReadOnlyList<object?>)
        [
            TeamName(t.Team, language), Day(t.Day), m.Manager.Name, State(m.Log, language), m.LogStatus is { } s ? Status(s, language) : null,
            m.SubmittedAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture), m.FormsOpen, m.FormsOverdue, m.ActionsOpen, m.ActionsOverdue,
        ])).ToList();
        return (header, rows);
    }

    public static (IReadOnlyList<string> Header, List<IReadOnlyList<object?>> Rows) Punctuality(PunctualityView view, Language language)
    {
        var header = new[] { Texts.Dashboard.PageTeam.In(language), Texts.Dashboard.PageManager.In(language), Texts.Dashboard.PageDay.In(language), Texts.Dashboard.PageLog.In(language) };
        var rows = view.Teams.SelectMany(t => t.Managers.SelectMany(m => m.Cells.Select((c, i) => (IReadOnlyList<object?>)
            [TeamName(t.Team, language), m.Manager.Name, Day(t.Days[i]), State(c.Log, language)]))).ToList();
        return (header, rows);
    }

    public static IResult File(string format, string name, IReadOnlyList<string> header, List<IReadOnlyList<object?>> rows) =>
        format == Csv
            ? Results.File(WriteCsv(header, rows), "text/csv; charset=utf-8", name + ".csv")
            : Results.File(ImportSheet.WriteXlsx(header, rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");

    /// <summary>RFC 4180 CSV: every field quoted when it holds a comma, quote or line break; a field starting with =, +, - or @ is prefixed with ' so a spreadsheet does not run it as a formula.</summary>
    public static byte[] WriteCsv(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var text = new System.Text.StringBuilder();
        foreach (var line in rows.Prepend(header.Cast<object?>().ToList()))
        {
            text.AppendJoin(',', line.Select(Field)).Append("\r\n");
        }

        return [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Field(object? value)
    {
        var s = value switch
        {
            null => string.Empty,
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
        if (s.Length > 0 && s[0] is '=' or '+' or '-' or '@')
        {
            s = "'" + s;
        }

        return s.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
    }

    private static string TeamName(TeamRef team, Language language) => language == Language.ZhCn ? team.NameZh : team.NameEn;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string State(LogDay log, Language language) => (log switch
    {
        LogDay.OnTime => Texts.Dashboard.PageOnTime,
        LogDay.Late => Texts.Dashboard.PageLate,
        LogDay.Missing => Texts.Dashboard.PageMissing,
        _ => Texts.Dashboard.PageNotYetDue,
    }).In(language);

    private static string Status(WorkLogStatus status, Language language) => (status switch
    {
        WorkLogStatus.Approved => Texts.Dashboard.PageStatusApproved,
        WorkLogStatus.Returned => Texts.Dashboard.PageStatusReturned,
        _ => Texts.Dashboard.PageStatusSubmitted,
    }).In(language);
}
