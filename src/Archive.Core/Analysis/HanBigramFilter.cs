using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;

namespace Archive.Core.Analysis;

/// <summary>
/// Lucene's <c>CJKBigramFilter</c> over Han, Hiragana, Katakana and Hangul, with the same output (terms, offsets,
/// position increments and lengths, types), minus its cost at index time. That filter looks one token past the end
/// of every run of CJK characters to decide what to do with the run's last character, and saves the token it looked
/// at with <c>CaptureState</c> (a clone of every attribute) to give it back on the next call; profiling of ingestion
/// showed that capture and its restore taking a sixth to a fifth of all ingestion CPU. When unigrams are output, the
/// run's last character is a unigram whatever follows, so this filter emits it before looking ahead and then has
/// nothing to save. Only the rare lone character of a query (outputUnigrams false) still saves the token after it.
/// </summary>
/// <remarks>
/// The rules it keeps: CJK-typed tokens form a run while each starts where the previous one ended; within a run every
/// pair of adjacent code points is a bigram (type <c>&lt;DOUBLE&gt;</c>); with <c>outputUnigrams</c> every code point
/// is also a unigram (type <c>&lt;SINGLE&gt;</c>) before the bigram it starts, the bigram then having position
/// increment 0 and position length 2; without it, a run of a single code point is a unigram. Other tokens pass
/// through untouched. Code points of a token whose offsets do not match its length (changed by a char filter or by
/// width folding) all take the token's offsets.
/// </remarks>
public sealed class HanBigramFilter : TokenFilter
{
    // Compaction threshold of the code points kept: only the last one is needed across tokens, but the moment of
    // compaction is observable (a run compacted to one code point counts as a lone character if an empty CJK token
    // follows), so it is the same as CJKBigramFilter's.
    private const int CompactAbove = 64;

    private static readonly string HanType = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.IDEOGRAPHIC];
    private static readonly string HiraganaType = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.HIRAGANA];
    private static readonly string KatakanaType = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.KATAKANA];
    private static readonly string HangulType = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.HANGUL];

    private readonly bool _outputUnigrams;
    private readonly ICharTermAttribute _term;
    private readonly ITypeAttribute _type;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _increment;
    private readonly IPositionLengthAttribute _length;

    // The code points of the current run not yet emitted, from _index to _count (and a few already emitted before).
    private CodePoint[] _codePoints = new CodePoint[16];
    private int _count;
    private int _index;
    private bool _unigramEmitted; // the unigram of _codePoints[_index] is out (only when outputting unigrams)
    private int _lastEnd;         // end offset of the last CJK token read: the next continues the run if it starts here
    private State? _lookAhead;    // the token read after a lone character of a query, given back on the next call
    private bool _exhausted;

    /// <param name="outputUnigrams">True to emit every character as well as every pair (index time); false to
    /// emit pairs only, and single characters only where a run has one character (queries).</param>
    public HanBigramFilter(TokenStream input, bool outputUnigrams) : base(input)
    {
        _outputUnigrams = outputUnigrams;
        _term = AddAttribute<ICharTermAttribute>();
        _type = AddAttribute<ITypeAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _length = AddAttribute<IPositionLengthAttribute>();
    }

    public override bool IncrementToken()
    {
        while (true)
        {
            var remaining = _count - _index;
            if (remaining >= 2)
            {
                if (_outputUnigrams && !_unigramEmitted)
                {
                    EmitUnigram();
                    _unigramEmitted = true;
                    return true;
                }
                EmitBigram();
                _index++;
                _unigramEmitted = false;
                return true;
            }
            if (remaining == 1 && _outputUnigrams && !_unigramEmitted)
            {
                // The run's last code point is a unigram whatever comes next: out with it before reading on.
                EmitUnigram();
                _unigramEmitted = true;
                return true;
            }

            if (!ReadInput())
            {
                if (IsLoneCharacter)
                {
                    EmitUnigram();
                    _index++;
                    return true;
                }
                _index = _count;
                return false;
            }

            if (IsCjk(_type.Type))
            {
                if (_offset.StartOffset != _lastEnd)
                {
                    if (IsLoneCharacter) return EmitLoneCharacterBeforeLookAhead();
                    _count = 0;
                    _index = 0;
                    _unigramEmitted = false;
                }
                Append();
                continue;
            }

            if (IsLoneCharacter) return EmitLoneCharacterBeforeLookAhead();
            if (_outputUnigrams)
            {
                // The pending code point's unigram is out and a bigram needs a CJK token next: it is done with.
                _index = _count;
                _unigramEmitted = false;
            }
            return true;
        }
    }

    public override void Reset()
    {
        base.Reset();
        _count = 0;
        _index = 0;
        _unigramEmitted = false;
        _lastEnd = 0;
        _lookAhead = null;
        _exhausted = false;
    }

    // Without unigrams, a run's only code point is emitted alone once the next token shows the run has ended.
    private bool IsLoneCharacter => !_outputUnigrams && _count == 1 && _index == 0;

    private static bool IsCjk(string type) =>
        type == HanType || type == HiraganaType || type == KatakanaType || type == HangulType;

    private bool ReadInput()
    {
        if (_lookAhead is not null)
        {
            RestoreState(_lookAhead);
            _lookAhead = null;
            return true;
        }
        if (_exhausted) return false;
        if (m_input.IncrementToken()) return true;
        _exhausted = true;
        return false;
    }

    private bool EmitLoneCharacterBeforeLookAhead()
    {
        _lookAhead = CaptureState();
        EmitUnigram();
        _index++;
        return true;
    }

    // Adds the current token's code points to the run.
    private void Append()
    {
        if (_count > CompactAbove)
        {
            var last = _count - 1;
            _codePoints[0] = _codePoints[last];
            _count = 1;
            _index -= last;
        }

        var chars = _term.Buffer;
        var length = _term.Length;
        var start = _offset.StartOffset;
        var end = _offset.EndOffset;
        var exactOffsets = end - start == length;
        if (_codePoints.Length < _count + length) Array.Resize(ref _codePoints, Math.Max(_count + length, _codePoints.Length * 2));
        _lastEnd = end;

        for (var i = 0; i < length;)
        {
            var high = chars[i];
            var low = i + 1 < length && char.IsHighSurrogate(high) && char.IsLowSurrogate(chars[i + 1]) ? chars[i + 1] : '\0';
            var width = low == '\0' ? 1 : 2;
            _codePoints[_count++] = exactOffsets
                ? new CodePoint(high, low, start + i, start + i + width)
                : new CodePoint(high, low, start, end);
            i += width;
        }
    }

    private void EmitUnigram()
    {
        var codePoint = _codePoints[_index];
        ClearAttributes();
        var buffer = _term.ResizeBuffer(2);
        _term.Length = codePoint.CopyTo(buffer, 0);
        _offset.SetOffset(codePoint.Start, codePoint.End);
        _type.Type = CJKBigramFilter.SINGLE_TYPE;
    }

    private void EmitBigram()
    {
        var first = _codePoints[_index];
        var second = _codePoints[_index + 1];
        ClearAttributes();
        var buffer = _term.ResizeBuffer(4);
        var length = first.CopyTo(buffer, 0);
        _term.Length = length + second.CopyTo(buffer, length);
        _offset.SetOffset(first.Start, second.End);
        _type.Type = CJKBigramFilter.DOUBLE_TYPE;
        if (_outputUnigrams)
        {
            // A bigram spans the two unigrams it was made of, as a synonym of the pair.
            _increment.PositionIncrement = 0;
            _length.PositionLength = 2;
        }
    }

    // One code point of the run: a char, or a surrogate pair (Low is '\0' when there is none), and its offsets.
    private readonly record struct CodePoint(char High, char Low, int Start, int End)
    {
        public int CopyTo(char[] buffer, int at)
        {
            buffer[at] = High;
            if (Low == '\0') return 1;
            buffer[at + 1] = Low;
            return 2;
        }
    }
}
