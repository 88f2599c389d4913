using Archive.Core.Analysis;
using Archive.Core.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Archive.Core.Searching;

/// <summary>
/// Turns a <see cref="ParsedQuery"/> into a Lucene query. Each text becomes a phrase on the word fields (boosted,
/// so whole words rank first) OR a phrase on the bigram fields (so any span of characters is found), OR an exact
/// name in the byline fields.
/// </summary>
public sealed class QueryBuilder(ArchiveAnalyzers analyzers)
{
    private const float HeadlineWordBoost = 4f;
    private const float HeadlineBigramBoost = 2f;
    private const float BodyWordBoost = 1.5f;
    private const float BodyBigramBoost = 1f;
    private const float NameBoost = 3f;

    private static readonly string[] NameFields =
        [ArticleFields.Reporter, ArticleFields.Correspondent, ArticleFields.Photographer, ArticleFields.Author];

    /// <summary>The query; null when nothing in it can be searched.</summary>
    public Query Build(ParsedQuery parsed)
    {
        var query = new BooleanQuery
        {
            // Only article documents; the constant clause adds no score.
            { new ConstantScoreQuery(new TermQuery(new Term(ArticleFields.Type, ArticleFields.ArticleType))) { Boost = 0f }, Occur.MUST },
        };
        foreach (var alternatives in parsed.Required)
        {
            var clause = new BooleanQuery();
            foreach (var text in alternatives)
                clause.Add(ForText(text), Occur.SHOULD);
            query.Add(clause, Occur.MUST);
        }
        foreach (var text in parsed.Excluded)
            query.Add(ForText(text), Occur.MUST_NOT);
        return query;
    }

    /// <summary>One user text across every searched view.</summary>
    public Query ForText(string text)
    {
        var any = new BooleanQuery();
        AddPhrase(any, analyzers.Word, ArticleFields.HeadlineWords, text, HeadlineWordBoost);
        AddPhrase(any, analyzers.BigramQuery, ArticleFields.HeadlineBigrams, text, HeadlineBigramBoost);
        AddPhrase(any, analyzers.Word, ArticleFields.BodyWords, text, BodyWordBoost);
        AddPhrase(any, analyzers.BigramQuery, ArticleFields.BodyBigrams, text, BodyBigramBoost);
        foreach (var field in NameFields)
            any.Add(new TermQuery(new Term(field, text.Trim())) { Boost = NameBoost }, Occur.SHOULD);
        return any;
    }

    private static void AddPhrase(BooleanQuery into, Lucene.Net.Analysis.Analyzer analyzer, string field, string text, float boost)
    {
        var tokens = ArchiveAnalyzers.Tokens(analyzer, field, text);
        if (tokens.Count == 0) return;
        Query query;
        if (tokens.Count == 1)
        {
            query = new TermQuery(new Term(field, tokens[0].Term));
        }
        else
        {
            var phrase = new PhraseQuery();
            var position = -1;
            foreach (var token in tokens)
            {
                position += token.PositionIncrement;
                phrase.Add(new Term(field, token.Term), position);
            }
            query = phrase;
        }
        query.Boost = boost;
        into.Add(query, Occur.SHOULD);
    }
}
