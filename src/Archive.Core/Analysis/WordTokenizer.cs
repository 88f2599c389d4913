using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Archive.Core.Analysis;

/// <summary>
/// Emits words: each run of Han characters is cut by the <see cref="IChineseSegmenter"/>, each run of other
/// letters and digits (Latin, numbers, full-width forms) is one token, everything else separates tokens.
/// </summary>
public sealed class WordTokenizer : Tokenizer
{
    private readonly IChineseSegmenter _segmenter;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly ITypeAttribute _type;
    private readonly List<int> _lengths = [];
    private char[] _text = new char[4096];
    private int _textLength;
    private int _position;          // next character of _text to look at
    private int _hanRunEnd;         // end of the Han run being emitted from _lengths
    private int _lengthIndex;
    private int _finalOffset;

    public const string HanType = "<HAN>";
    public const string WordType = "<WORD>";

    public WordTokenizer(TextReader input, IChineseSegmenter segmenter) : base(input)
    {
        _segmenter = segmenter;
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    public override bool IncrementToken()
    {
        ClearAttributes();

        // Words still pending from the current Han run.
        if (_lengthIndex < _lengths.Count)
        {
            var length = _lengths[_lengthIndex++];
            Emit(_position, length, HanType);
            _position += length;
            return true;
        }
        _position = Math.Max(_position, _hanRunEnd);

        while (_position < _textLength)
        {
            var c = _text[_position];
            if (CjkText.IsHan(c))
            {
                var end = _position + 1;
                while (end < _textLength && CjkText.IsHan(_text[end])) end++;
                _lengths.Clear();
                _lengthIndex = 0;
                _hanRunEnd = end;
                _segmenter.Segment(_text.AsSpan(_position, end - _position), _lengths);
                return IncrementToken();
            }
            if (CjkText.IsWordChar(c))
            {
                var end = _position + 1;
                while (end < _textLength && CjkText.IsWordChar(_text[end])) end++;
                Emit(_position, end - _position, WordType);
                _position = end;
                return true;
            }
            _position++;
        }
        return false;
    }

    private void Emit(int start, int length, string type)
    {
        _term.CopyBuffer(_text, start, length);
        _offset.SetOffset(CorrectOffset(start), CorrectOffset(start + length));
        _type.Type = type;
    }

    public override void Reset()
    {
        base.Reset();
        _textLength = 0;
        int read;
        while ((read = m_input.Read(_text, _textLength, _text.Length - _textLength)) > 0)
        {
            _textLength += read;
            if (_textLength == _text.Length) Array.Resize(ref _text, _text.Length * 2);
        }
        _position = 0;
        _hanRunEnd = 0;
        _lengths.Clear();
        _lengthIndex = 0;
        _finalOffset = CorrectOffset(_textLength);
    }

    public override void End()
    {
        base.End();
        _offset.SetOffset(_finalOffset, _finalOffset);
    }
}
