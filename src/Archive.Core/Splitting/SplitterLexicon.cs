namespace Archive.Core.Splitting;

/// <summary>What a credited name did for the article.</summary>
public enum CreditRole
{
    /// <summary>Named without a role (commentary bylines such as <c>□ 胡磊 薛良诚</c>).</summary>
    Author,
    /// <summary>Staff reporter (记者).</summary>
    Reporter,
    /// <summary>Correspondent (通讯员).</summary>
    Correspondent,
    /// <summary>Photographer (摄影, 图/).</summary>
    Photographer,
}

/// <summary>A word that gives the names after it a role, e.g. <c>记者</c> → reporter.</summary>
public sealed record RoleWord(string Word, string Role)
{
    /// <summary>The role as an enum; unknown role names are authors.</summary>
    public CreditRole CreditRole => Role.ToLowerInvariant() switch
    {
        "reporter" => CreditRole.Reporter,
        "correspondent" => CreditRole.Correspondent,
        "photographer" => CreditRole.Photographer,
        _ => CreditRole.Author,
    };
}

/// <summary>
/// The press conventions the splitter reads, from the embedded <c>splitter-lexicon.json</c>: byline markers, role words,
/// credit prefixes (<c>文/</c>, <c>图/</c>), trailing words (<c>报道</c>), furniture lines and commentary logo words.
/// </summary>
public sealed record SplitterLexicon(
    string BylineMarkers,
    IReadOnlyList<RoleWord> Roles,
    IReadOnlyList<RoleWord> CreditPrefixes,
    IReadOnlyList<string> TrailingWords,
    IReadOnlyList<string> NotNames,
    IReadOnlyList<string> Furniture,
    IReadOnlyList<string> CommentaryLogoWords)
{
    private static readonly Lazy<SplitterLexicon> Shared = new(() => EmbeddedData.Read<SplitterLexicon>("splitter-lexicon.json"));

    /// <summary>The lexicon embedded in the assembly.</summary>
    public static SplitterLexicon Default => Shared.Value;

    /// <summary>True for the markers that open a byline or a credit (<c>□</c>, <c>■</c> ...).</summary>
    public bool IsMarker(char c) => BylineMarkers.Contains(c);
}
