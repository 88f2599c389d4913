namespace Archive.Core.Splitting;

/// <summary>The people credited for an article, by role. Lists keep the printed order and hold no duplicates.</summary>
public sealed record Byline(
    IReadOnlyList<string> Reporters,
    IReadOnlyList<string> Correspondents,
    IReadOnlyList<string> Photographers,
    IReadOnlyList<string> Authors)
{
    /// <summary>No names.</summary>
    public static Byline Empty { get; } = new([], [], [], []);

    /// <summary>True when no name is credited.</summary>
    public bool IsEmpty => Reporters.Count + Correspondents.Count + Photographers.Count + Authors.Count == 0;

    /// <summary>Every name, whatever the role.</summary>
    public IEnumerable<string> AllNames => Reporters.Concat(Correspondents).Concat(Photographers).Concat(Authors);

    /// <summary>Both bylines' names, role by role, without duplicates.</summary>
    public Byline Merge(Byline other)
    {
        if (other.IsEmpty) return this;
        if (IsEmpty) return other;
        return new Byline(
            Union(Reporters, other.Reporters),
            Union(Correspondents, other.Correspondents),
            Union(Photographers, other.Photographers),
            Union(Authors, other.Authors));
    }

    /// <summary>The same names, all credited as photographers (a photo credit such as <c>■ 本报记者 许金松</c>).</summary>
    public Byline AsPhotoCredit() =>
        new([], [], Union(Photographers, Reporters.Concat(Correspondents).Concat(Authors).ToList()), []);

    private static string[] Union(IReadOnlyList<string> a, IReadOnlyList<string> b) => a.Concat(b).Distinct(StringComparer.Ordinal).ToArray();
}
