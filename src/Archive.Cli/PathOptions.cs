using System.CommandLine;

namespace Archive.Cli;

/// <summary>
/// The <c>--pages</c> and <c>--index</c> options, which override <c>Archive:PagesPath</c> and <c>Archive:IndexPath</c>.
/// New instances per command, so each command's help lists its own.
/// </summary>
internal static class PathOptions
{
    public static Option<string?> Pages() => new("--pages")
    {
        Description = "The folder of page files (default: the Archive:PagesPath setting). Relative to the current folder.",
        HelpName = "dir",
    };

    public static Option<string?> Index() => new("--index")
    {
        Description = "The folder of the index (default: the Archive:IndexPath setting). Relative to the current folder.",
        HelpName = "dir",
    };
}
