using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;

namespace Archive.Core.Analysis;

/// <summary>
/// Lucene's <c>LowerCaseFilter</c>, with the same output, minus its cost on Chinese: that filter lower-cases every
/// token through the culture's casing (an ICU call per token on Linux), which profiling of ingestion showed taking
/// half of the analysis time, although Han characters have no case. Tokens made only of ASCII non-capitals and
/// caseless CJK characters are passed through untouched; any other token is lower-cased exactly as
/// <c>LowerCaseFilter</c> does it.
/// </summary>
public sealed class CaselessScriptLowerCaseFilter : TokenFilter
{
    private readonly CharacterUtils _characters = CharacterUtils.GetInstance(ArchiveAnalyzers.Version);
    private readonly ICharTermAttribute _term;

    public CaselessScriptLowerCaseFilter(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        var buffer = _term.Buffer;
        var length = _term.Length;
        for (var i = 0; i < length; i++)
        {
            if (!HasNoLowerCase(buffer[i]))
            {
                _characters.ToLower(buffer, 0, length);
                break;
            }
        }
        return true;
    }

    // True for characters lower-casing leaves as they are and that are cheap to recognise: ASCII other than A-Z,
    // CJK punctuation, kana, Han (unified, extension A, compatibility), Hangul syllables, half-width forms.
    private static bool HasNoLowerCase(char c) => c switch
    {
        < 'A' => true,
        <= 'Z' => false,
        < '\u0080' => true,
        >= '\u3000' and <= '\u9FFF' => true,
        >= '\uAC00' and <= '\uD7AF' => true,
        >= '\uF900' and <= '\uFAFF' => true,
        _ => false,
    };
}
