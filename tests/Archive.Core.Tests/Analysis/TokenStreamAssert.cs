using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Archive.Core.Tests.Analysis;

/// <summary>
/// Lucene's BaseTokenStreamTestCase.assertTokenStreamContents, written for xunit: consumes a stream the way
/// indexing does (Reset, IncrementToken until false, End, Dispose) and checks every term, offset and position
/// increment, the final offset, and that attributes are cleared between tokens.
/// </summary>
internal static class TokenStreamAssert
{
    public static void Contents(
        TokenStream stream, string[] terms, int[] startOffsets, int[] endOffsets, int[]? positionIncrements = null, int? finalOffset = null)
    {
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        try
        {
            stream.Reset();
            for (var i = 0; i < terms.Length; i++)
            {
                // Poison the attributes, as Lucene's test does, so a tokenizer that forgets ClearAttributes fails.
                term.SetEmpty().Append("bogus");
                offset.SetOffset(14584724, 24683243);
                increment.PositionIncrement = 45987657;

                Assert.True(stream.IncrementToken(), $"token {i} ({terms[i]}) does not exist");
                Assert.Equal(terms[i], term.ToString());
                Assert.Equal((startOffsets[i], endOffsets[i]), (offset.StartOffset, offset.EndOffset));
                Assert.Equal(positionIncrements?[i] ?? 1, increment.PositionIncrement);
            }
            Assert.False(stream.IncrementToken(), $"more tokens than the {terms.Length} expected");
            stream.End();
            if (finalOffset is { } final) Assert.Equal((final, final), (offset.StartOffset, offset.EndOffset));
        }
        finally
        {
            stream.Dispose();
        }
    }

    /// <summary>The stream's terms with their offsets, for assertions of another shape.</summary>
    public static List<(string Term, int Start, int End)> Read(TokenStream stream)
    {
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var tokens = new List<(string, int, int)>();
        try
        {
            stream.Reset();
            while (stream.IncrementToken()) tokens.Add((term.ToString(), offset.StartOffset, offset.EndOffset));
            stream.End();
        }
        finally
        {
            stream.Dispose();
        }
        return tokens;
    }
}
