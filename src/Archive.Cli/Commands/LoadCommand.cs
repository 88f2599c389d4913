using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Archive.Core.Benchmarking;

namespace Archive.Cli.Commands;

/// <summary>
/// <c>archive load</c>: a bounded load test of a running site on search, article and export pages, with a fixed number
/// of connections for a fixed time; reports requests, errors and latency percentiles per kind. Written with HttpClient
/// rather than relying on wrk, so it runs wherever the CLI does. Exit code 0 only with no errors (1 otherwise).
/// </summary>
internal sealed class LoadCommand : Command
{
    /// <summary>Queries used when none are given: place names and common words the archive (and the synthetic corpus) is full of.</summary>
    public static readonly IReadOnlyList<string> DefaultQueries = ["聊城", "冠县", "高唐", "阳谷", "东阿", "莘县", "茌平", "临清", "经济", "农业", "群众", "学校"];

    private readonly Option<string> _url = new("--url") { Description = "The site's base address, e.g. http://127.0.0.1:5000.", Required = true };
    private readonly Option<int> _connections = new("--connections") { Description = "Connections, each sending requests back to back.", DefaultValueFactory = _ => 64 };
    private readonly Option<double> _seconds = new("--seconds") { Description = "How long to load the site.", DefaultValueFactory = _ => 60 };
    private readonly Option<string[]> _queries = new("--query") { Description = "A query to use (repeat; default: a built-in mix)." };

    public LoadCommand() : base("load", "Load a running site (rate limits off) on search, article and export pages; report errors and p50/p99.")
    {
        Options.Add(_url);
        Options.Add(_connections);
        Options.Add(_seconds);
        Options.Add(_queries);
        SetAction((parse, cancellationToken) => CliHost.RunGuardedAsync(parse, () => RunAsync(parse, cancellationToken)));
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        var connections = parse.GetValue(_connections);
        var duration = TimeSpan.FromSeconds(parse.GetValue(_seconds));
        if (connections < 1 || duration <= TimeSpan.Zero || !Uri.TryCreate(parse.GetValue(_url), UriKind.Absolute, out var baseUrl))
        {
            await stderr.WriteLineAsync("--url must be an absolute address, --connections at least 1 and --seconds above 0.");
            return ExitCodes.BadSetup;
        }
        var queries = parse.GetValue(_queries) is { Length: > 0 } given ? given : DefaultQueries;

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };

        var before = await ArticlesAsync(client, cancellationToken);
        if (before is null)
        {
            await stderr.WriteLineAsync($"No site answers /health at {baseUrl}.");
            return ExitCodes.BadSetup;
        }
        var plan = await LoadPlan.SampleAsync(client, queries, cancellationToken);
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Loading {baseUrl} with {connections} connections for {duration.TotalSeconds:0} s: {plan.Urls.Count} URLs ({plan.Articles} article ids sampled), index holds {before} articles"));

        var result = await new LoadRunner(client, plan.Urls).RunAsync(connections, duration, cancellationToken);
        var after = await ArticlesAsync(client, cancellationToken);
        await Report(stdout, result, before.Value, after, connections);
        return result.Errors == 0 ? ExitCodes.Success : 1;
    }

    private static async Task Report(TextWriter stdout, LoadResult result, int before, int? after, int connections)
    {
        var c = CultureInfo.InvariantCulture;
        await stdout.WriteLineAsync("kind      requests   errors   p50 ms   p95 ms   p99 ms   max ms");
        foreach (var (kind, latencies) in result.ByKind.Append(("all", result.All)))
        {
            var errors = kind == "all" ? result.Errors : result.ErrorsByKind.GetValueOrDefault(kind);
            await stdout.WriteLineAsync(string.Create(c,
                $"{kind,-8} {latencies.Count,9} {errors,8} {latencies.P50,8:F1} {latencies.P95,8:F1} {latencies.P99,8:F1} {latencies.Max,8:F1}"));
        }
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
        await stdout.WriteLineAsync(string.Create(c,
            $"Total: {result.All.Count} requests in {result.Elapsed.TotalSeconds:F1} s ({result.All.Count / result.Elapsed.TotalSeconds:F0} req/s) over {connections} connections, {result.Errors} errors; " +
            $"index {before} -> {(after is null ? "?" : after.Value.ToString(c))} articles; load average {load} on {Environment.ProcessorCount} cores"));
        foreach (var (what, count) in result.ErrorSamples.OrderByDescending(e => e.Value).Take(10))
            await stdout.WriteLineAsync($"  error x{count}: {what}");
    }

    // The article count on /health, so the report shows whether the index grew (ingestion ran) during the load.
    private static async Task<int?> ArticlesAsync(HttpClient client, CancellationToken cancellationToken)
    {
        try
        {
            var health = await client.GetFromJsonAsync<JsonElement>("/health", cancellationToken);
            return health.GetProperty("index").GetProperty("articles").GetInt32();
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}

/// <summary>One URL of the rotation and the kind of page it is.</summary>
internal sealed record LoadUrl(string Kind, string Path);

/// <summary>The URLs a load run rotates through, and how many article ids were found for them.</summary>
internal sealed record LoadPlan(IReadOnlyList<LoadUrl> Urls, int Articles)
{
    /// <summary>
    /// Asks the API for hits of each query, then builds a rotation of two searches, two articles and one export in
    /// five. Exports are narrowed to one year of a query's hits: the point is many exports under load, not one
    /// ten-thousand-article file holding a connection for seconds.
    /// </summary>
    public static async Task<LoadPlan> SampleAsync(HttpClient client, IReadOnlyList<string> queries, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        var years = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var query in queries)
        {
            var response = await client.GetFromJsonAsync<JsonElement>($"/api/search?q={Uri.EscapeDataString(query)}&size=20", cancellationToken);
            foreach (var hit in response.GetProperty("hits").EnumerateArray())
            {
                ids.Add(hit.GetProperty("id").GetString()!);
                if (hit.TryGetProperty("date", out var date) && date.ValueKind == JsonValueKind.String)
                    years.TryAdd(query, date.GetString()![..4]);
            }
        }

        var urls = new List<LoadUrl>();
        var slots = Math.Max(queries.Count, ids.Count);
        for (var i = 0; i < slots; i++)
        {
            var query = queries[i % queries.Count];
            var q = Uri.EscapeDataString(query);
            urls.Add(new LoadUrl("search", $"/search?q={q}"));
            urls.Add(new LoadUrl("search", $"/search?q={q}&page=2"));
            if (ids.Count > 0)
            {
                urls.Add(new LoadUrl("article", $"/articles/{Uri.EscapeDataString(ids[i % ids.Count])}"));
                urls.Add(new LoadUrl("article", $"/articles/{Uri.EscapeDataString(ids[(i * 7 + 3) % ids.Count])}"));
            }
            var year = years.TryGetValue(query, out var y) ? $"&year={y}" : "";
            urls.Add(new LoadUrl("export", $"/export?q={q}{year}&format=csv"));
        }
        return new LoadPlan(urls, ids.Count);
    }
}

/// <summary>What a load run measured: latencies per kind of page, errors and what they were.</summary>
internal sealed record LoadResult(
    IReadOnlyList<(string Kind, LatencySummary Latencies)> ByKind, LatencySummary All, long Errors,
    IReadOnlyDictionary<string, long> ErrorsByKind, IReadOnlyDictionary<string, long> ErrorSamples, TimeSpan Elapsed);

/// <summary>
/// One task per connection, each sending the next URL of the rotation as soon as its previous response has been read
/// whole. Any status other than 2xx, a timeout or a broken connection is an error (a 429 means rate limits were left on).
/// </summary>
internal sealed class LoadRunner(HttpClient client, IReadOnlyList<LoadUrl> urls)
{
    public async Task<LoadResult> RunAsync(int connections, TimeSpan duration, CancellationToken cancellationToken)
    {
        var samples = new List<(string Kind, double Ms)>[connections];
        var errors = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var errorsByKind = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(c => Task.Run(async () =>
        {
            var mine = samples[c] = [];
            while (clock.Elapsed < duration && !cancellationToken.IsCancellationRequested)
            {
                var url = urls[(int)((uint)Interlocked.Increment(ref next) % (uint)urls.Count)];
                var started = clock.Elapsed;
                string? error = null;
                try
                {
                    using var response = await client.GetAsync(url.Path, HttpCompletionOption.ResponseContentRead, cancellationToken);
                    if (!response.IsSuccessStatusCode) error = $"{(int)response.StatusCode} on {url.Kind}";
                }
                catch (HttpRequestException ex)
                {
                    error = $"{ex.GetType().Name} on {url.Kind}: {ex.Message}";
                }
                catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    error = $"timeout on {url.Kind}";
                }
                mine.Add((url.Kind, (clock.Elapsed - started).TotalMilliseconds));
                if (error is not null)
                {
                    errors.AddOrUpdate(error, 1, (_, n) => n + 1);
                    errorsByKind.AddOrUpdate(url.Kind, 1, (_, n) => n + 1);
                }
            }
        }, CancellationToken.None)));
        var elapsed = clock.Elapsed;

        var all = samples.SelectMany(s => s).ToList();
        var byKind = all.GroupBy(s => s.Kind, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, LatencySummary.Of(g.Select(s => s.Ms).ToList())))
            .ToList();
        return new LoadResult(byKind, LatencySummary.Of(all.Select(s => s.Ms).ToList()), errors.Values.Sum(),
            errorsByKind, errors, elapsed);
    }
}
