namespace Archive.Web.Models;

/// <summary>The coverage page: the grid and the notices about parameters that were ignored or corrected.</summary>
public sealed record CoveragePageModel(CoverageGrid Grid, IReadOnlyList<string> Problems);
