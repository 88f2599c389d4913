using System.Diagnostics;

namespace Archive.Cli.Tests;

/// <summary>What one in-process run of <c>archive</c> produced.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr);

/// <summary>Runs the command in-process, capturing its standard output and error.</summary>
public static class Cli
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await ArchiveCli.RunAsync(args, stdout, stderr);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>
    /// How to start the CLI built beside the tests (the project reference copies archive.dll and its runtimeconfig
    /// here) as a process of its own, run by dotnet, its output redirected: for what only a real process shows (its
    /// runtime settings, a kill).
    /// </summary>
    public static ProcessStartInfo BuiltCommand(IEnumerable<string> args, string workingDirectory) =>
        new("dotnet", [Path.Combine(AppContext.BaseDirectory, "archive.dll"), .. args])
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
}
