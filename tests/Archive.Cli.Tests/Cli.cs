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
}
