using System.Globalization;
using Microsoft.Data.Sqlite;
using MiniExcelLibs;

namespace DiligenceBot.Bench;

/// <summary>
/// bench/records, import: a lead sends the customer register (100,000 rows by default, XLSX, Chinese header) in the 1:1
/// chat the way Teams carries a file (a file download info attachment whose pre-authenticated URL a local file server
/// answers), signed like the Bot Connector's. Timed from the activity's POST to the bot's answer at the connector
/// ("Imported 100000 customers…"); the bot's peak resident memory is its VmHWM after the import (its start-up needs
/// far less). Then the same file again with a tenth of the customers moved to another manager: the re-import.
/// </summary>
public static class CustomerImportBench
{
    private static readonly string[] Header = ["许可证号", "客户名称", "地址", "区域", "档位", "客户经理", "每月拜访次数"];

    public static async Task<int> RunAsync(Dictionary<string, string> options)
    {
        var rows = BenchTools.Int(options, "rows", 100_000);
        var managerCount = BenchTools.Int(options, "managers", 200);
        if (rows < 1 || managerCount < 2)
        {
            throw new ArgumentException("--rows must be at least 1 and --managers at least 2");
        }

        var (managers, lead) = BenchSeed.People(20261208, ("m-", managerCount));
        await using var host = await SignedBot.StartAsync("import", new BenchSeed { Managers = managers, Lead = lead, MeetingTime = "23:59", ReminderOffsets = [] }, options);
        if (host is null)
        {
            return 3;
        }

        Console.WriteLine($"writing the register: {rows} customers of {managerCount} managers (XLSX)...");
        var first = Register(rows, managers, moved: false);
        var second = Register(rows, managers, moved: true);
        Console.WriteLine($"file: {first.Length / 1024} KB");

        await using var files = await ChatFile.Server.StartAsync(new Dictionary<string, byte[]> { ["first.xlsx"] = first, ["second.xlsx"] = second });
        using var http = new HttpClient { BaseAddress = host.Bot.BaseAddress, Timeout = TimeSpan.FromMinutes(10) };
        var exitCode = 0;
        var before = ChatFile.Memory(host.Bot.ProcessId, "VmRSS");
        Console.WriteLine($"bot resident memory before: {before} MB");

        var (firstSeconds, firstText) = await ChatFile.SendAsync(host, http, lead, "客户名册.xlsx", files.Url("first.xlsx"));
        var firstPeak = ChatFile.Memory(host.Bot.ProcessId, "VmHWM");
        var stored = Count(host.Bot.DatabasePath);
        Console.WriteLine($"first import: {BenchTools.F(firstSeconds, "0.00")} s, peak resident {firstPeak} MB; the bot said: {firstText}");
        Console.WriteLine($"customers stored: {stored}");
        if (stored != rows || !firstText.Contains($"Imported {rows} customers", StringComparison.Ordinal))
        {
            Console.WriteLine("not OK: the import did not store every row");
            exitCode = 1;
        }

        var (secondSeconds, secondText) = await ChatFile.SendAsync(host, http, lead, "客户名册.xlsx", files.Url("second.xlsx"));
        var secondPeak = ChatFile.Memory(host.Bot.ProcessId, "VmHWM");
        Console.WriteLine($"re-import (a tenth moved): {BenchTools.F(secondSeconds, "0.00")} s, peak resident {secondPeak} MB; the bot said: {secondText}");
        if (!secondText.Contains($"{rows / 10} moved", StringComparison.Ordinal))
        {
            Console.WriteLine("not OK: the re-import did not move a tenth of the customers");
            exitCode = 1;
        }

        Console.WriteLine();
        // The floor beside the figure: what the same bot holds idle before the import (start-up, JIT, the framework's
        // mapped files), so the import's own share is visible whatever the build or GC mode.
        Console.WriteLine($"import of {rows} customers (XLSX): first {BenchTools.F(firstSeconds, "0.0")} s, re-import {BenchTools.F(secondSeconds, "0.0")} s, peak resident memory {secondPeak} MB = idle {before} MB + {secondPeak - before} MB for the imports (targets <= 15 s, <= 300 MB)");
        return exitCode;
    }

    /// <summary>The register as a lead keeps it: licence numbers, Chinese names and addresses, managers by id; with <paramref name="moved"/> every tenth customer goes to the next manager.</summary>
    private static byte[] Register(int rows, List<BenchManager> managers, bool moved)
    {
        string[] brands = ["华美", "新华", "东街", "滨江", "好运", "车站", "福来", "金桥"];
        string[] kinds = ["便利店", "烟酒行", "超市", "报刊亭"];
        string[] districts = ["黄浦区", "徐汇区", "长宁区", "静安区", "普陀区", "虹口区"];
        IEnumerable<Dictionary<string, object>> Lines()
        {
            for (var i = 0; i < rows; i++)
            {
                var manager = (i % managers.Count) + (moved && i % 10 == 0 ? 1 : 0);
                yield return new Dictionary<string, object>(StringComparer.Ordinal)
                {
                    [Header[0]] = (110105000000L + i).ToString(CultureInfo.InvariantCulture),
                    [Header[1]] = $"{brands[i % brands.Length]}{kinds[i / brands.Length % kinds.Length]}{(i / 32 + 1).ToString(CultureInfo.InvariantCulture)}号",
                    [Header[2]] = $"{districts[i % districts.Length]}南京路{(i % 2000 + 1).ToString(CultureInfo.InvariantCulture)}号",
                    [Header[3]] = districts[i % districts.Length],
                    [Header[4]] = "ABCD"[i % 4].ToString(),
                    [Header[5]] = managers[manager % managers.Count].PersonId,
                    [Header[6]] = 2 + (i % 4),
                };
            }
        }

        using var stream = new MemoryStream();
        stream.SaveAs(Lines(), printHeader: true, sheetName: "客户", excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static long Count(string databasePath)
    {
        using var db = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Customers";
        return (long)command.ExecuteScalar()!;
    }
}
