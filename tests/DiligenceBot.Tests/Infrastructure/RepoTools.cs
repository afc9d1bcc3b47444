using System.Diagnostics;

namespace DiligenceBot.Tests.Infrastructure;

/// <summary>Finds the repository and runs its Node tools (installing their pinned packages once, if missing).</summary>
public static class RepoTools
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    /// <summary>How long a tool may run before the test fails.</summary>
    private static readonly TimeSpan ToolPatience = TimeSpan.FromMinutes(20);

    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>A copy of the repository's seeds/ in a new temp folder (for tests that edit seed files); returns its path.</summary>
    public static string CopySeeds()
    {
        var from = Path.Combine(RepoRoot, "seeds");
        var to = Path.Combine(Path.GetTempPath(), $"diligencebot-seeds-{Guid.NewGuid():N}");
        Directory.CreateDirectory(to);
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        }

        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }

        return to;
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DiligenceBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("DiligenceBot.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Runs `node script args` from a tool folder under tools/, after `npm ci` there when needed.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunNodeToolAsync(string toolFolder, string script, params string[] args)
    {
        var folder = Path.Combine(RepoRoot, "tools", toolFolder);
        await EnsureNpmPackagesAsync(folder);
        return await RunAsync("node", folder, [Path.Combine(folder, script), .. args]);
    }

    public static async Task EnsureNpmPackagesAsync(string folder)
    {
        await InstallLock.WaitAsync();
        try
        {
            if (!Directory.Exists(Path.Combine(folder, "node_modules")))
            {
                var (code, output, error) = await RunAsync("npm", folder, ["ci", "--no-audit", "--no-fund"]);
                if (code != 0)
                {
                    throw new InvalidOperationException($"npm ci in {folder} failed: {output}\n{error}");
                }
            }
        }
        finally
        {
            InstallLock.Release();
        }
    }

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string fileName, string workingDirectory, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            // Only a hung tool reaches this: on a loaded machine (the suite's own tests, other work) drawing every card
            // in headless Chromium took more than the 5 minutes this used to allow.
            await process.WaitForExitAsync().WaitAsync(ToolPatience);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', args)} did not finish within {ToolPatience.TotalMinutes:0} minutes (killed).");
        }

        return (process.ExitCode, await output, await error);
    }
}
