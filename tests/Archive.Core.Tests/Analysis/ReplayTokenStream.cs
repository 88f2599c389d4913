using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Archive.Core.Tests.Analysis;

/// <summary>
/// A token stream that gives back a list of tokens as written, offsets and types included: input no real tokenizer
/// makes (empty, zero-width or overlapping tokens, offsets that disagree with the term's length), to hold a filter to
/// its contract on any stream.
/// </summary>
internal sealed class ReplayTokenStream : TokenStream
{
    private readonly IReadOnlyList<TokenTrace> _tokens;
    private readonly int _finalOffset;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _increment;
    private readonly IPositionLengthAttribute _length;
    private readonly ITypeAttribute _type;
    private int _next;

    public ReplayTokenStream(IReadOnlyList<TokenTrace> tokens, int finalOffset)
    {
        _tokens = tokens;
        _finalOffset = finalOffset;
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _length = AddAttribute<IPositionLengthAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_next == _tokens.Count) return false;
        var token = _tokens[_next++];
        ClearAttributes();
        _term.SetEmpty().Append(token.Term);
        _offset.SetOffset(token.Start, token.End);
        _increment.PositionIncrement = token.PositionIncrement;
        _length.PositionLength = token.PositionLength;
        _type.Type = token.Type;
        return true;
    }

    public override void End()
    {
        base.End();
        _offset.SetOffset(_finalOffset, _finalOffset);
    }

    public override void Reset()
    {
        base.Reset();
        _next = 0;
    }
}
