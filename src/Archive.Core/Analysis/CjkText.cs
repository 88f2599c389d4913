namespace Archive.Core.Analysis;

/// <summary>Character classes the analysis and the splitter agree on.</summary>
public static class CjkText
{
    /// <summary>True for Han ideographs (CJK Unified Ideographs and extension A, compatibility ideographs).</summary>
    public static bool IsHan(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';

    /// <summary>Letters and digits outside Han, including full-width forms (folded later by the width filter).</summary>
    public static bool IsWordChar(char c) => !IsHan(c) && char.IsLetterOrDigit(c);
}
