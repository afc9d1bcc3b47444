using System.Globalization;
using DiligenceBot.Bench;
using Microsoft.Data.Sqlite;
using MiniExcelLibs;

// bench/scorecards, figures: a lead sends the monthly figures (100,000 rows by default: 2,000 managers of the lead's
// team, 50 months each, XLSX with the template's Chinese header) in the 1:1 chat, signed like the Bot Connector's, to
// the bot (Release, its own process, SQLite). Timed from the activity's POST to the bot's answer at the connector
// ("Imported 100000 rows of figures…"); then the same file again, where every row replaces the one imported before
// (same manager and month). The bot's peak resident memory is its VmHWM after each import.
var options = BenchTools.Options(args);
var rows = BenchTools.Int(options, "rows", 100_000);
var managerCount = BenchTools.Int(options, "managers", 2_000);
var months = (rows + managerCount - 1) / managerCount;
if (rows < 1 || managerCount < 1 || months > 240)
{
    throw new ArgumentException("--rows must be at least 1, and --managers enough for at most 240 months each");
}

var (managers, lead) = BenchSeed.People(20261208, ("m-", managerCount));
await using var host = await SignedBot.StartAsync("figures", new BenchSeed { Managers = managers, Lead = lead, MeetingTime = "23:59", ReminderOffsets = [] }, options);
if (host is null)
{
    return 3;
}

Console.WriteLine($"writing the figures: {rows} rows, {managerCount} managers × {months} months to 2026-11 (XLSX)...");
var file = Figures(rows, managers, months);
Console.WriteLine($"file: {file.Length / 1024} KB");

await using var files = await ChatFile.Server.StartAsync(new Dictionary<string, byte[]> { ["figures.xlsx"] = file });
using var http = new HttpClient { BaseAddress = host.Bot.BaseAddress, Timeout = TimeSpan.FromMinutes(10) };
var exitCode = 0;
Console.WriteLine($"bot resident memory before: {ChatFile.Memory(host.Bot.ProcessId, "VmRSS")} MB");

var (firstSeconds, firstText) = await ChatFile.SendAsync(host, http, lead, "业绩数据.xlsx", files.Url("figures.xlsx"));
var firstPeak = ChatFile.Memory(host.Bot.ProcessId, "VmHWM");
var stored = Count(host.Bot.DatabasePath);
Console.WriteLine($"first import: {BenchTools.F(firstSeconds, "0.00")} s, peak resident {firstPeak} MB; the bot said: {firstText}");
Console.WriteLine($"figure rows stored: {stored}");
if (stored != rows || !firstText.Contains($"Imported {rows} rows of figures", StringComparison.Ordinal) || !firstText.Contains($"{rows} new, 0 replacing", StringComparison.Ordinal))
{
    Console.WriteLine("not OK: the import did not store every row as new");
    exitCode = 1;
}

var (secondSeconds, secondText) = await ChatFile.SendAsync(host, http, lead, "业绩数据.xlsx", files.Url("figures.xlsx"));
var secondPeak = ChatFile.Memory(host.Bot.ProcessId, "VmHWM");
var after = Count(host.Bot.DatabasePath);
Console.WriteLine($"the same file again: {BenchTools.F(secondSeconds, "0.00")} s, peak resident {secondPeak} MB; the bot said: {secondText}");
if (after != rows || !secondText.Contains($"0 new, {rows} replacing", StringComparison.Ordinal))
{
    Console.WriteLine($"not OK: the second import did not replace every row ({after} stored)");
    exitCode = 1;
}

var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
Console.WriteLine();
Console.WriteLine($"import of {rows} figure rows (XLSX): first {BenchTools.F(firstSeconds, "0.0")} s, the same file again {BenchTools.F(secondSeconds, "0.0")} s, "
    + $"peak resident memory {secondPeak} MB (target <= 15 s); load average {load}");
return exitCode;

// The figures as a lead keeps them: the template's Chinese header, managers by id, months back from November 2026,
// targets and actuals a little either side of the target.
static byte[] Figures(int rows, List<BenchManager> managers, int months)
{
    string[] header = ["客户经理（邮箱）", "月份（YYYY-MM）", "销量目标（箱）", "实际销量（箱）", "销售额目标（元）", "实际销售额（元）", "预测销量（箱）"];
    var last = new DateOnly(2026, 11, 1);
    IEnumerable<Dictionary<string, object>> Lines()
    {
        for (var i = 0; i < rows; i++)
        {
            var target = 300 + (i % 7) * 20;
            var sold = target * (0.85 + (i % 31) / 100.0);
            yield return new Dictionary<string, object>(StringComparer.Ordinal)
            {
                [header[0]] = managers[i / months].PersonId,
                [header[1]] = last.AddMonths(-(i % months)).ToString("yyyy-MM", CultureInfo.InvariantCulture),
                [header[2]] = target,
                [header[3]] = Math.Round(sold, 1),
                [header[4]] = target * 7500,
                [header[5]] = Math.Round(sold * 7500, 0),
                [header[6]] = target - 10 + (i % 3) * 10,
            };
        }
    }

    using var stream = new MemoryStream();
    stream.SaveAs(Lines(), printHeader: true, sheetName: "业绩", excelType: ExcelType.XLSX);
    return stream.ToArray();
}

static long Count(string databasePath)
{
    using var db = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
    db.Open();
    using var command = db.CreateCommand();
    command.CommandText = "SELECT COUNT(*) FROM ManagerFigures";
    return (long)command.ExecuteScalar()!;
}
