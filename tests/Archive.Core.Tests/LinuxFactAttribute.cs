namespace Archive.Core.Tests;

/// <summary>A test of what only Linux shows (<c>/proc</c>); skipped, with the reason, elsewhere.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux()) Skip = "Reads /proc, which only Linux has.";
    }
}
