using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Archive.Core.Tests.Analysis;

/// <summary>One token with every attribute the bigram chain sets, for comparing two streams token by token.</summary>
internal sealed record TokenTrace(string Term, int Start, int End, int PositionIncrement, int PositionLength, string Type)
{
    /// <summary>
    /// Consumes <paramref name="stream"/> as indexing does (Reset, IncrementToken until false, End, Dispose): its tokens,
    /// then one last entry with the attributes End left (final offset and position increment).
    /// </summary>
    public static List<TokenTrace> Read(TokenStream stream)
    {
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var length = stream.AddAttribute<IPositionLengthAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        var tokens = new List<TokenTrace>();
        try
        {
            stream.Reset();
            while (stream.IncrementToken()) tokens.Add(Current());
            stream.End();
            tokens.Add(Current() with { Term = "(end)" });
        }
        finally
        {
            stream.Dispose();
        }
        return tokens;

        TokenTrace Current() => new(term.ToString(), offset.StartOffset, offset.EndOffset, increment.PositionIncrement, length.PositionLength, type.Type);
    }

    /// <summary>Asserts two traces equal, naming the first token that differs (and its neighbours) when they do not.</summary>
    public static void AssertSame(IReadOnlyList<TokenTrace> expected, IReadOnlyList<TokenTrace> actual, string input)
    {
        var length = Math.Min(expected.Count, actual.Count);
        for (var i = 0; i < length; i++)
        {
            if (expected[i] == actual[i]) continue;
            var context = string.Join("\n", expected.Skip(Math.Max(0, i - 3)).Take(4));
            Assert.Fail($"token {i} differs in \"{Shorten(input)}\":\n expected {expected[i]}\n actual   {actual[i]}\nexpected before and at it:\n{context}");
        }
        Assert.True(expected.Count == actual.Count, $"{expected.Count} tokens expected, {actual.Count} given, in \"{Shorten(input)}\"");
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
