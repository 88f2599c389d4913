using System.Diagnostics;
using Archive.Core.Articles;
using Archive.Core.Benchmarking;
using Microsoft.Data.Sqlite;

namespace Archive.Cli.Commands;

/// <summary>
/// The baseline a user might pick instead of Lucene: SQLite FTS5 with the trigram tokenizer (no segmenter needed,
/// any substring of three or more characters is found). The same articles, the same queries, the same work per
/// query: the 20 best by bm25 with a snippet each, and counts per county, reporter and year over every match.
/// The trigram tokenizer cannot match a term of fewer than three characters (SQLite documents it: such a full-text
/// query matches no rows); the bench counts those queries as they are, as missed matches, and does not fall back
/// to a LIKE scan.
/// </summary>
internal sealed class BenchFts5 : IDisposable
{
    private readonly SqliteConnection _connection;

    private BenchFts5(SqliteConnection connection) => _connection = connection;

    /// <summary>Builds the database from the articles in one transaction; returns it and the time the build took.</summary>
    public static (BenchFts5 Baseline, TimeSpan Elapsed) Build(string path, IReadOnlyList<Article> articles, CancellationToken cancellationToken)
    {
        if (File.Exists(path)) File.Delete(path);
        var clock = Stopwatch.StartNew();
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
        Execute(connection, """
            CREATE VIRTUAL TABLE articles USING fts5(
                headline, body, people,
                id UNINDEXED, county UNINDEXED, reporters UNINDEXED, year UNINDEXED,
                tokenize = 'trigram');
            """);
        using (var transaction = connection.BeginTransaction())
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO articles (headline, body, people, id, county, reporters, year) VALUES ($h, $b, $p, $id, $c, $r, $y)";
            var headline = insert.Parameters.Add("$h", SqliteType.Text);
            var body = insert.Parameters.Add("$b", SqliteType.Text);
            var people = insert.Parameters.Add("$p", SqliteType.Text);
            var id = insert.Parameters.Add("$id", SqliteType.Text);
            var county = insert.Parameters.Add("$c", SqliteType.Text);
            var reporters = insert.Parameters.Add("$r", SqliteType.Text);
            var year = insert.Parameters.Add("$y", SqliteType.Integer);
            foreach (var article in articles)
            {
                cancellationToken.ThrowIfCancellationRequested();
                headline.Value = string.Join(' ', article.Subheadlines.Prepend(article.Headline));
                body.Value = article.Body;
                people.Value = string.Join(' ', BenchQuery.People(article));
                id.Value = article.Id;
                county.Value = (object?)article.County ?? DBNull.Value;
                // Delimited so that a filter on one name does not match a longer name containing it.
                reporters.Value = "|" + string.Join('|', article.Reporters) + "|";
                year.Value = article.Date?.Year ?? 0;
                insert.ExecuteNonQuery();
            }
            transaction.Commit();
        }
        Execute(connection, "INSERT INTO articles(articles) VALUES('optimize');");
        clock.Stop();
        return (new BenchFts5(connection), clock.Elapsed);
    }

    /// <summary>Opens a built database afresh (a cold query is the first one on a new connection).</summary>
    public static BenchFts5 Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        return new BenchFts5(connection);
    }

    /// <summary>
    /// What the site does for a query: the number of matches, the first page with snippets, and the facet counts.
    /// Returns the number of matches.
    /// </summary>
    public int Search(BenchQuery query)
    {
        var match = MatchExpression(query);
        if (match is null) return 0;
        var (filter, bind) = Filter(query);

        using var top = _connection.CreateCommand();
        top.CommandText = $"""
            SELECT id, headline, county, snippet(articles, 1, '<mark>', '</mark>', '…', 24)
            FROM articles WHERE articles MATCH $q {filter} ORDER BY bm25(articles, 3.0, 1.0, 2.0) LIMIT 20
            """;
        top.Parameters.AddWithValue("$q", match);
        bind(top);
        using (var reader = top.ExecuteReader())
            while (reader.Read()) _ = reader.GetString(3);

        // One pass over every match for the total and the facets (what FacetingCollector does in Lucene).
        using var all = _connection.CreateCommand();
        all.CommandText = $"SELECT county, reporters, year FROM articles WHERE articles MATCH $q {filter}";
        all.Parameters.AddWithValue("$q", match);
        bind(all);
        var counties = new Dictionary<string, int>(StringComparer.Ordinal);
        var reporters = new Dictionary<string, int>(StringComparer.Ordinal);
        var years = new Dictionary<long, int>();
        var total = 0;
        using (var reader = all.ExecuteReader())
        {
            while (reader.Read())
            {
                total++;
                if (!reader.IsDBNull(0)) Count(counties, reader.GetString(0));
                foreach (var name in reader.GetString(1).Split('|', StringSplitOptions.RemoveEmptyEntries)) Count(reporters, name);
                var year = reader.GetInt64(2);
                years[year] = years.GetValueOrDefault(year) + 1;
            }
        }
        return total;
    }

    /// <summary>The ids of every match (for recall).</summary>
    public HashSet<string> MatchingIds(BenchQuery query)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var match = MatchExpression(query);
        if (match is null) return ids;
        var (filter, bind) = Filter(query);
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT id FROM articles WHERE articles MATCH $q {filter}";
        command.Parameters.AddWithValue("$q", match);
        bind(command);
        using var reader = command.ExecuteReader();
        while (reader.Read()) ids.Add(reader.GetString(0));
        return ids;
    }

    /// <summary>
    /// Each term as an FTS5 phrase, all required; null when a term is shorter than a trigram, which FTS5 cannot
    /// match (the query then finds nothing, as it would for a user).
    /// </summary>
    public static string? MatchExpression(BenchQuery query) =>
        query.Terms.Any(t => t.Length < 3) ? null : string.Join(" AND ", query.Terms.Select(t => "\"" + t.Replace("\"", "\"\"") + "\""));

    private static (string Sql, Action<SqliteCommand> Bind) Filter(BenchQuery query)
    {
        var sql = "";
        if (query.County is not null) sql += " AND county = $county";
        if (query.Reporter is not null) sql += " AND instr(reporters, $reporter) > 0";
        return (sql, command =>
        {
            if (query.County is not null) command.Parameters.AddWithValue("$county", query.County);
            if (query.Reporter is not null) command.Parameters.AddWithValue("$reporter", "|" + query.Reporter + "|");
        });
    }

    private static void Count(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose() => _connection.Dispose();
}
