namespace Archive.Core.Searching;

/// <summary>A query split into its parts: required and excluded words, and groups of alternatives.</summary>
/// <param name="Required">Each inner list is one clause: any of its texts may match (one text unless joined by OR).</param>
/// <param name="Excluded">Texts that must not match.</param>
/// <param name="Notes">Parts of the query that were ignored, explained for the user.</param>
public sealed record ParsedQuery(
    IReadOnlyList<IReadOnlyList<string>> Required,
    IReadOnlyList<string> Excluded,
    IReadOnlyList<string> Notes)
{
    public bool IsEmpty => Required.Count == 0 && Excluded.Count == 0;

    /// <summary>Every positive text, for highlighting.</summary>
    public IEnumerable<string> HighlightTerms => Required.SelectMany(alternatives => alternatives);
}
