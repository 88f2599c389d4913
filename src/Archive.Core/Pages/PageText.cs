namespace Archive.Core.Pages;

/// <summary>
/// The decoded text of one page file.
/// </summary>
/// <param name="File">The file's path relative to the pages folder (forward slashes); it is the page's identity.</param>
/// <param name="Text">The whole text, decoded, line breaks as found.</param>
/// <param name="IssueDate">The issue date from the manifest or the file name, or null when the splitter must infer it.</param>
public sealed record PageText(string File, string Text, DateOnly? IssueDate);
