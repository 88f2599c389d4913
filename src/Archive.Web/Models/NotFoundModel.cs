namespace Archive.Web.Models;

/// <summary>
/// A 404 that says what was not found and where to go instead (a browse page for an unknown county, a person or a
/// day with no issue), rather than the generic error page.
/// </summary>
public sealed record NotFoundModel(string Title, string Message, IReadOnlyList<(string Label, string Url)> Links);
