namespace Archive.Cli;

/// <summary>The exit codes of <c>archive</c>, so scripts can tell a broken page from a broken set-up.</summary>
public static class ExitCodes
{
    /// <summary>Everything worked.</summary>
    public const int Success = 0;

    /// <summary>Some pages could not be read or split (<c>ingest</c>, <c>split</c>); the others were processed.</summary>
    public const int PagesFailed = 1;

    /// <summary>The settings are wrong, or there is no index to search.</summary>
    public const int BadSetup = 2;

    /// <summary>Another process writes the index.</summary>
    public const int IndexLocked = 3;
}
