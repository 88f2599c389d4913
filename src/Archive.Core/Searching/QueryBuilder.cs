using Archive.Core.Analysis;
using Archive.Core.Indexing;
using Archive.Core.Splitting;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Archive.Core.Searching;

/// <summary>
/// Turns a <see cref="ParsedQuery"/> into Lucene queries, in two parts:
/// <list type="bullet">
/// <item><see cref="Build"/>, what matches: a text as a phrase on the bigram fields (so any span of characters is
/// found) OR an exact name in the byline fields, headline matches weighing more than body matches;</item>
/// <item><see cref="Refinement"/>, what is added to the score of the best matches only: the same text as a phrase on
/// the word fields (whole words rank first) and, when several words are typed, the exact phrase they make.</item>
/// </list>
/// A word phrase matches (nearly) only articles the bigram phrase matches too, so matching on both views read the
/// postings and positions of every match twice for one set of articles; at a million articles that was a third of a
/// search's time. Lucene's scores add up clause by clause (BM25 has no coordination factor), so a best match's
/// score is the same as from the one query of both views (see <see cref="TopHitsRefiner"/>).
/// </summary>
public sealed class QueryBuilder(ArchiveAnalyzers analyzers)
{
    private const float HeadlineWordBoost = 4f;
    private const float HeadlineBigramBoost = 2f;
    private const float BodyWordBoost = 1.5f;
    private const float BodyBigramBoost = 1f;
    private const float NameBoost = 3f;
    private const float ExactPhraseBoost = 2f;

    private static readonly string[] NameFields =
        [ArticleFields.Reporter, ArticleFields.Correspondent, ArticleFields.Photographer, ArticleFields.Author];

    /// <summary>What matches <paramref name="parsed"/>, scored on the bigram views and names.</summary>
    /// <param name="separatedRuns">True for an index whose runs of characters are a position apart (every index built
    /// since <see cref="RunGapFilter"/>): a phrase then needs only every other pair of characters.</param>
    public BooleanQuery Build(ParsedQuery parsed, bool separatedRuns = true)
    {
        var bigrams = separatedRuns ? analyzers.BigramQuery : analyzers.BigramQueryContiguous;
        var query = new BooleanQuery();
        // Only article documents hold the searched fields, so a query with a required term matches nothing else;
        // without one (browsing, exclusions only) the article type is the base set. Intersecting every query
        // with the type would cost a pass over all articles' postings.
        if (parsed.Required.Count == 0)
            query.Add(new ConstantScoreQuery(new TermQuery(new Term(ArticleFields.Type, ArticleFields.ArticleType))) { Boost = 0f }, Occur.MUST);
        foreach (var alternatives in parsed.Required)
        {
            if (alternatives.Count == 1)
            {
                query.Add(ForTerm(alternatives[0], bigrams), Occur.MUST);
                continue;
            }
            var clause = new BooleanQuery();
            foreach (var term in alternatives)
                clause.Add(ForTerm(term, bigrams), Occur.SHOULD);
            query.Add(clause, Occur.MUST);
        }
        foreach (var term in parsed.Excluded)
            query.Add(ForTerm(term, bigrams), Occur.MUST_NOT);
        return query;
    }

    /// <summary>
    /// The scores added to the best matches of <see cref="Build"/>: every required text on the word views, and the
    /// words typed together as one exact phrase. Null when there is nothing to add (browsing, names, filters).
    /// </summary>
    public Query? Refinement(ParsedQuery parsed)
    {
        var refinement = new BooleanQuery();
        foreach (var term in parsed.Required.SelectMany(alternatives => alternatives))
        {
            if (term.Field is QueryField.Any or QueryField.Headline)
                AddPhrase(refinement, analyzers.Word, ArticleFields.HeadlineWords, term.Text, HeadlineWordBoost);
            if (term.Field is QueryField.Any or QueryField.Body)
                AddPhrase(refinement, analyzers.Word, ArticleFields.BodyWords, term.Text, BodyWordBoost);
        }
        if (ExactPhraseOf(parsed) is { } phrase)
        {
            var exact = new BooleanQuery();
            AddPhrase(exact, analyzers.Word, ArticleFields.HeadlineWords, phrase, HeadlineWordBoost);
            AddPhrase(exact, analyzers.Word, ArticleFields.BodyWords, phrase, BodyWordBoost);
            exact.Boost = ExactPhraseBoost;
            if (exact.Clauses.Count > 0) refinement.Add(exact, Occur.SHOULD);
        }
        return refinement.Clauses.Count > 0 ? refinement : null;
    }

    /// <summary>One term in the fields it names.</summary>
    private Query ForTerm(QueryTerm term, Analyzer bigrams) => term.Field switch
    {
        QueryField.Date => new ConstantScoreQuery(NumericRangeQuery.NewInt32Range(ArticleFields.DateSort, term.FromKey, term.ToKey, true, true)) { Boost = 0f },
        QueryField.County => new ConstantScoreQuery(new TermQuery(new Term(ArticleFields.County, CountyName(term.Text)))) { Boost = 0f },
        QueryField.Person => Names(term.Text),
        _ => ForText(term.Text, term.Field, bigrams),
    };

    /// <summary>A text in the fields searched for <paramref name="field"/>: their bigram views (and names).</summary>
    private BooleanQuery ForText(string text, QueryField field, Analyzer bigrams)
    {
        var any = new BooleanQuery();
        if (field is QueryField.Any or QueryField.Headline)
            AddPhrase(any, bigrams, ArticleFields.HeadlineBigrams, text, HeadlineBigramBoost);
        if (field is QueryField.Any or QueryField.Body)
            AddPhrase(any, bigrams, ArticleFields.BodyBigrams, text, BodyBigramBoost);
        if (any.Clauses.Count == 0)
        {
            // Text the bigram view has no token for but the word view has: matched on the words, not lost.
            if (field is QueryField.Any or QueryField.Headline)
                AddPhrase(any, analyzers.Word, ArticleFields.HeadlineWords, text, HeadlineWordBoost);
            if (field is QueryField.Any or QueryField.Body)
                AddPhrase(any, analyzers.Word, ArticleFields.BodyWords, text, BodyWordBoost);
        }
        if (field is QueryField.Any)
        {
            foreach (var clause in Names(text).Clauses) any.Add(clause);
        }
        return any;
    }

    private static BooleanQuery Names(string text)
    {
        var names = new BooleanQuery();
        var name = text.Replace(" ", "", StringComparison.Ordinal);
        foreach (var field in NameFields)
            names.Add(new TermQuery(new Term(field, name)) { Boost = NameBoost }, Occur.SHOULD);
        return names;
    }

    // 高唐 → 高唐县, 开发区 → 聊城经济技术开发区, 聊城 → 聊城市: the names the splitter stores.
    private static string CountyName(string text)
    {
        var gazetteer = Gazetteer.Default;
        if (gazetteer.IsCity(text)) return gazetteer.City.Name;
        return gazetteer.CountyOf(text) ?? text;
    }

    // Two or more plain words typed together ("高唐 锦鲤") also count as the phrase they make ("高唐锦鲤").
    private static string? ExactPhraseOf(ParsedQuery parsed)
    {
        var words = parsed.Required.Where(c => c.Count == 1 && c[0].Field == QueryField.Any).Select(c => c[0].Text).ToList();
        if (words.Count < 2 || words.Count != parsed.Required.Count(c => !c.All(t => t.IsFilter))) return null;
        return TextNormalizer.NormalizeInline(string.Join(' ', words));
    }

    // Two code points of the scripts the bigram filter pairs (Han, kana, Hangul: all from U+2E80 on, after width folding).
    private static bool IsCjkBigram(string term)
    {
        var runes = 0;
        foreach (var rune in term.EnumerateRunes())
        {
            if (rune.Value < 0x2E80) return false;
            runes++;
        }
        return runes == 2;
    }

    private void AddPhrase(BooleanQuery into, Analyzer analyzer, string field, string text, float boost)
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
            var bigrams = analyzer is BigramAnalyzer;
            var everyOtherPair = analyzer is BigramAnalyzer { SeparatesRuns: true };
            var chain = 0; // the pair's place among the overlapping pairs of its run
            for (var i = 0; i < tokens.Count; i++)
            {
                var token = tokens[i];
                position += token.PositionIncrement;
                // In the index every character of a Han run holds a position (its unigram) and a bigram sits at its
                // first character's; a query's bigrams skip the run's last character, so after a run of two or more
                // characters (村通 in 村通5G) the next token is one position further on than the query analyzer says.
                if (bigrams && i > 0 && IsCjkBigram(tokens[i - 1].Term) && token.Start >= tokens[i - 1].End) position++;
                if (everyOtherPair && IsCjkBigram(token.Term))
                {
                    // Where runs are a position apart, pairs at their characters' positions can only stand in one run,
                    // so every other pair and the last one cover the run: 高质@0 量发@2 发展@3 for 高质量发展.
                    chain = i > 0 && IsCjkBigram(tokens[i - 1].Term) && tokens[i - 1].End > token.Start ? chain + 1 : 0;
                    var chainGoesOn = i + 1 < tokens.Count && IsCjkBigram(tokens[i + 1].Term) && tokens[i + 1].Start < token.End;
                    if (chain % 2 == 1 && chainGoesOn) continue;
                }
                phrase.Add(new Term(field, token.Term), position);
            }
            query = phrase;
        }
        query.Boost = boost;
        into.Add(query, Occur.SHOULD);
    }
}
