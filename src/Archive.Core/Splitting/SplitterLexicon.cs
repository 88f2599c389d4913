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
/// Line endings that show a headline line cannot stand alone and continues on the next line: a bare subject
/// (<c>工商银行聊城分行</c>) or a verb or preposition still waiting for its object (<c>刘垓子镇构建</c>).
/// </summary>
public sealed record HeadlineContinuations(IReadOnlyList<string> SubjectEndings, IReadOnlyList<string> OpenEndings)
{
    /// <summary>No endings: every line stands alone.</summary>
    public static HeadlineContinuations None { get; } = new([], []);

    /// <summary>True when <paramref name="line"/> (normalised) ends like the first half of a longer headline.</summary>
    public bool Continues(string line)
    {
        var text = line.TrimEnd();
        // 国家碳计量中心（山东）: a place in brackets after an organisation's name is still that name.
        if (text.EndsWith('）') || text.EndsWith(')'))
        {
            var open = text.LastIndexOfAny(['（', '(']);
            if (open > 0) text = text[..open];
        }
        return SubjectEndings.Any(e => text.EndsWith(e, StringComparison.Ordinal))
            || OpenEndings.Any(e => text.EndsWith(e, StringComparison.Ordinal));
    }
}

/// <summary>
/// The press conventions the splitter reads, from the embedded <c>splitter-lexicon.json</c>: byline markers, role words,
/// credit prefixes (<c>文/</c>, <c>图/</c>), trailing words (<c>报道</c>), furniture lines, commentary logo words and the
/// endings of headline lines that continue on the next line.
/// </summary>
public sealed record SplitterLexicon(
    string BylineMarkers,
    IReadOnlyList<RoleWord> Roles,
    IReadOnlyList<RoleWord> CreditPrefixes,
    IReadOnlyList<string> TrailingWords,
    IReadOnlyList<string> NotNames,
    IReadOnlyList<string> Furniture,
    IReadOnlyList<string> CommentaryLogoWords,
    HeadlineContinuations? HeadlineContinuations = null)
{
    private static readonly Lazy<SplitterLexicon> Shared = new(() => EmbeddedData.Read<SplitterLexicon>("splitter-lexicon.json"));

    /// <summary>The lexicon embedded in the assembly.</summary>
    public static SplitterLexicon Default => Shared.Value;

    /// <summary>True for the markers that open a byline or a credit (<c>□</c>, <c>■</c> ...).</summary>
    public bool IsMarker(char c) => BylineMarkers.Contains(c);

    /// <summary>The headline continuation endings, none when the data file has no such section.</summary>
    public HeadlineContinuations Continuations => HeadlineContinuations ?? Splitting.HeadlineContinuations.None;
}
