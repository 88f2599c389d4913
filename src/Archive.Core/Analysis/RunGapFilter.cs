using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.TokenAttributes;

namespace Archive.Core.Analysis;

/// <summary>
/// Leaves one empty position between two runs of CJK characters that something other than a token separates
/// (punctuation, a space, a line break), after <see cref="HanBigramFilter"/>: 中国，人民 holds 中 0, 国 1, 人 3, 民 4.
/// </summary>
/// <remarks>
/// Without the gap, a phrase of the bigram view has to chain every overlapping pair of the query (高质 质量 量发 发展)
/// to be sure its characters stand in one run: 中国@0 人民@2 alone would also match 中国，人民. With it, every other
/// pair and the last are enough (高质@0 量发@2 发展@3), which leaves a five-character word one position list less to
/// read and compare per candidate article, a six-character one two. Tokens that are not CJK already hold a position of
/// their own, so a run next to one needs no gap.
/// </remarks>
public sealed class RunGapFilter : TokenFilter
{
    private readonly ITypeAttribute _type;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _increment;
    private int _lastCjkEnd = -1; // end offset of the CJK tokens since the last other token; -1 after another token

    public RunGapFilter(TokenStream input) : base(input)
    {
        _type = AddAttribute<ITypeAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        var type = _type.Type;
        if (type != CJKBigramFilter.SINGLE_TYPE && type != CJKBigramFilter.DOUBLE_TYPE)
        {
            _lastCjkEnd = -1;
            return true;
        }
        // A run's tokens start where an earlier one of the run ended, or inside one (a bigram covers the next
        // character); a token starting beyond every one of them begins a new run.
        if (_lastCjkEnd >= 0 && _offset.StartOffset > _lastCjkEnd && _increment.PositionIncrement > 0)
            _increment.PositionIncrement++;
        _lastCjkEnd = Math.Max(_lastCjkEnd, _offset.EndOffset);
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _lastCjkEnd = -1;
    }
}
