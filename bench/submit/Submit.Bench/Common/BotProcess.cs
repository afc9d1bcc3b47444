using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace DiligenceBot.Bench;

/// <summary>
/// DiligenceBot as its own process (the Release build), on a loopback port, on a SQLite file in a work folder,
/// seeded from a generated seed folder, without Bot:AppId (no authentication). Its output goes to a log file.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly object _logLock = new();
    private bool _logClosed;

    private BotProcess(Process process, StreamWriter log, Uri baseAddress, string databasePath, string logPath)
    {
        _process = process;
        _log = log;
        BaseAddress = baseAddress;
        DatabasePath = databasePath;
        LogPath = logPath;
    }

    public Uri BaseAddress { get; }

    /// <summary>The app's SQLite file (Hangfire's is beside it, "-hangfire.db").</summary>
    public string DatabasePath { get; }

    public string LogPath { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the bot and waits until <c>GET /healthz</c> answers (at most <paramref name="startTimeout"/>).</summary>
    public static async Task<BotProcess> StartAsync(string botDll, string workDir, string seedFolder, IDictionary<string, string> extraEnvironment, TimeSpan startTimeout)
    {
        var port = FreeLoopbackPort();
        var databasePath = Path.Combine(workDir, "bot.db");
        var logPath = Path.Combine(workDir, "bot.log");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(botDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(botDll);
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["Database__Provider"] = "Sqlite";
        info.Environment["Database__ConnectionString"] = $"Data Source={databasePath}";
        info.Environment["Database__SeedPath"] = seedFolder;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment.Remove("Bot__AppId");
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in extraEnvironment)
        {
            info.Environment[key] = value;
        }

        // Appended: a bench that restarts the bot on the same folder keeps every run's log.
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var process = new Process { StartInfo = info };
        var bot = new BotProcess(process, log, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"), databasePath, logPath);
        process.OutputDataReceived += (_, e) => bot.Write(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Write(e.Data);
        process.Start();
        // If the bench is stopped (Ctrl-C, SIGTERM, an exception), the bot goes with it.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => bot.KillNow();
        Console.CancelKeyPress += (_, _) => bot.KillNow();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow + startTimeout;
        while (true)
        {
            if (process.HasExited)
            {
                var exitCode = process.ExitCode; // read before DisposeAsync releases the process
                await bot.DisposeAsync();
                throw new InvalidOperationException($"DiligenceBot exited with code {exitCode} during start-up; see {logPath}:\n{Tail(logPath, 30)}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(bot.BaseAddress, "healthz"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return bot;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting (migrations, seeds).
            }

            if (DateTime.UtcNow > until)
            {
                await bot.DisposeAsync();
                throw new TimeoutException($"DiligenceBot did not answer /healthz within {startTimeout.TotalSeconds:0} s; see {logPath}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Kills the bot at once (SIGKILL: no shutdown, nothing flushed) and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        KillNow();
        await _process.WaitForExitAsync();
    }

    private void KillNow()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone or disposed.
        }
    }

    /// <summary>CPU time (user + system) the bot process has used so far, from /proc; null where there is none.</summary>
    public TimeSpan? CpuTime() => ProcessCpu(_process.Id);

    /// <summary>CPU time of a process from /proc/PID/stat (utime + stime, in clock ticks of 1/100 s on Linux).</summary>
    public static TimeSpan? ProcessCpu(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / 100.0);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>The last lines of the bot's log.</summary>
    public string LogTail(int lines) => Tail(LogPath, lines);

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            if (!_logClosed)
            {
                _log.WriteLine(line);
            }
        }
    }

    private static string Tail(string path, int lines)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops the bot: SIGTERM (graceful host shutdown), then a kill after 15 s.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", _process.Id.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false });
                if (kill is not null)
                {
                    await kill.WaitForExitAsync();
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // No kill(1): fall through to Kill() below.
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
        lock (_logLock)
        {
            _logClosed = true;
            _log.Dispose();
        }
    }
}
