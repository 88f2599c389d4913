using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Archive.Core.Benchmarking;

namespace Archive.Cli.Commands;

/// <summary>One HTTP load run: an endpoint under a number of connections for a time.</summary>
/// <param name="Workload">"mix": the fixed query mix round after round (after the warm-up the site's result cache
/// answers it, as it would a popular search); "distinct": a different query every request, each one searched.</param>
internal sealed record HttpRun(
    string Endpoint, string Workload, int Connections, double Seconds, long Requests, double RequestsPerSecond,
    double P50Ms, double P90Ms, double P99Ms, long Errors, string Tool);

/// <summary>What the HTTP part of the bench measured for one index.</summary>
/// <param name="ResidentMegabytes">The site's resident memory after the runs (VmRSS).</param>
/// <param name="AnonymousMegabytes">The part of it that is the process's own memory (RssAnon: heap, stacks, code).</param>
/// <param name="FileMegabytes">The part that is files mapped into the process (RssFile): the runtime's and the site's code.
/// The index is read into buffers, not mapped (<c>IndexDirectory</c>), so its pages stay in the OS cache, outside the process.</param>
internal sealed record HttpFigures(IReadOnlyList<HttpRun> Runs, double ResidentMegabytes, double PeakResidentMegabytes, double AnonymousMegabytes, double FileMegabytes, double StartSeconds);

/// <summary>
/// Runs the published site read-only on the bench index and loads it on loopback: <c>wrk</c> when it is installed
/// (Debian's package; the bench and the site then share the two cores with it), else a load generator written with
/// HttpClient. Rate limiting is switched off for the run: the bench measures how much the site can serve, and from
/// one client address the limiter would answer most requests with 429.
/// </summary>
internal sealed partial class BenchHttp(string webPath, TextWriter log)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(10);

    // A distinct run must never run out of queries, or its repeats come from the result cache and it measures the cache.
    // 2,700 a run was enough at 180 searches/s at a million articles; a faster host served 595/s there and 2,250/s at
    // 10 k articles. A run gets as many queries as 4,000 searches/s would use; the warm-up, which ends when its rate
    // settles or its list runs out, gets 100,000 per endpoint (8 windows of 5 s at 2,500/s).
    private const int DistinctSearchesPerSecondCeiling = 4_000;
    private const int WarmUpQueriesPerEndpoint = 100_000;
    private const int MeasuredDistinctRuns = 4; // two endpoints, two connection counts

    /// <summary>Distinct queries of the measured runs at <paramref name="duration"/> a run: four runs' worth.</summary>
    public static int MeasuredDistinctQueries(TimeSpan duration) =>
        MeasuredDistinctRuns * (int)Math.Ceiling(duration.TotalSeconds * DistinctSearchesPerSecondCeiling);

    /// <summary>Distinct queries the HTTP runs need so that none is searched twice: the measured runs', then the warm-up's.</summary>
    public static int DistinctQueriesNeeded(TimeSpan duration) => MeasuredDistinctQueries(duration) + 2 * WarmUpQueriesPerEndpoint;

    // Distinct searches warm the site up in windows until its rate settles. The search code reaches full speed only
    // after 30-60 s of load at 1 M articles (tiered JIT with profile-guided optimisation: a fresh site served 45, 34,
    // 45, 113, 151 and 187 searches/s in its first six 5-second windows); measured after 20 s, as the bench did until
    // round 5, the distinct runs came out 12-27 % under this warm-up's (133 / 162 against 181 / 185 at 1 M articles).
    private static readonly TimeSpan WarmUpWindow = TimeSpan.FromSeconds(5);
    private const int MinWarmUpWindows = 6;
    private const int MaxWarmUpWindows = 24;

    /// <summary>Starts the site on <paramref name="indexPath"/>, runs every endpoint at every connection count, stops it.</summary>
    public async Task<HttpFigures> RunAsync(string indexPath, string pagesPath, IReadOnlyList<BenchQuery> mix, IReadOnlyList<BenchQuery> distinct, TimeSpan duration, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var runFolder = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(indexPath)!, "web-run")).FullName;
        var start = new ProcessStartInfo("dotnet", [Path.Combine(webPath, "Archive.Web.dll")])
        {
            WorkingDirectory = runFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["ASPNETCORE_URLS"] = baseUrl,
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Archive__IndexPath"] = indexPath,
                ["Archive__PagesPath"] = pagesPath,
                ["Archive__Ingestion__Enabled"] = "false",
                ["Archive__RateLimits__Enabled"] = "false",
            },
        };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not start the web app.");
        // Drained, or the site blocks once the pipe's buffer is full of its log lines.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
            await WaitUntilHealthyAsync(client, process, cancellationToken);
            var startSeconds = clock.Elapsed.TotalSeconds;

            var endpoints = new[] { ("/search", "html"), ("/api/search", "api") };
            var runs = new List<HttpRun>();
            // Warm-up of both endpoints before anything is recorded (JIT tiering of the search and rendering code,
            // per-segment facet arrays, connection set-up): a site measured in its first seconds runs at a fraction of
            // its speed, and whichever endpoint came first would pay for both. The distinct queries must reach the
            // measured runs unsearched, so the warm-up searches its own (all but the runs' lists).
            var measured = MeasuredDistinctQueries(duration);
            var warmUpQueries = distinct.Skip(measured).ToList();
            distinct = distinct.Take(measured).ToList();
            foreach (var (path, _) in endpoints)
            {
                await LoadAsync(baseUrl, path, "warm-up", mix.Select(q => PathFor(path, q)).ToList(), 16, WarmUp, cancellationToken);
                var own = path == endpoints[0].Item1 ? warmUpQueries.Take(warmUpQueries.Count / 2) : warmUpQueries.Skip(warmUpQueries.Count / 2);
                await WarmUpSearchesAsync(baseUrl, path, own.Select(q => PathFor(path, q)).ToList(), cancellationToken);
            }
            foreach (var (path, _) in endpoints)
            {
                var paths = mix.Select(q => PathFor(path, q)).ToList();
                // Each endpoint gets its own half of the distinct queries, and each connection count its own half of
                // that: no run repeats a query another run searched.
                var half = distinct.Count / 2;
                var distinctPaths = (path == "/search" ? distinct.Take(half) : distinct.Skip(half)).Select(q => PathFor(path, q)).ToList();
                var quarter = distinctPaths.Count / 2;
                var workloads = new[]
                {
                    ("mix", 16, paths), ("mix", 64, paths),
                    ("distinct", 16, distinctPaths[..quarter]), ("distinct", 64, distinctPaths[quarter..]),
                };
                foreach (var (workload, connections, list) in workloads)
                {
                    await SettleAsync(client, cancellationToken);
                    // The mix measures repeated searches, but the distinct searches before it (warm-up or runs) have
                    // pushed its results out of the result cache: searched anew by 16 connections at once, they put
                    // the first mix run's p99 at 300–550 ms. Each is searched once first, as a popular search would be.
                    if (workload == "mix")
                        foreach (var mixPath in list)
                            (await client.GetAsync(mixPath, cancellationToken)).Dispose();
                    var run = await LoadAsync(baseUrl, path, workload, list, connections, duration, cancellationToken);
                    await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"  HTTP {path} {workload} x{connections}: {run.RequestsPerSecond:F0} req/s, p50 {run.P50Ms:F1} ms, p99 {run.P99Ms:F1} ms, {run.Errors} errors ({run.Tool})"));
                    if (workload == "distinct" && run.Requests > list.Count)
                        await log.WriteLineAsync($"  warning: {run.Requests:N0} requests but only {list.Count:N0} distinct queries; the repeats may have come from the cache.");
                    runs.Add(run);
                }
            }
            var memory = ResidentMegabytes(process.Id);
            return new HttpFigures(runs, memory.Resident, memory.Peak, memory.Anonymous, memory.File, startSeconds);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
            }
        }
    }

    // Windows of distinct searches, each on queries not searched before, until two windows in a row (after the first
    // few) are within a tenth of each other, or the list or the time is used up.
    private async Task WarmUpSearchesAsync(string baseUrl, string path, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var rates = new List<double>();
        var next = 0;
        while (rates.Count < MaxWarmUpWindows && next < paths.Count)
        {
            var run = await LoadAsync(baseUrl, path, "warm-up", paths.Skip(next).ToList(), 16, WarmUpWindow, cancellationToken);
            next += (int)Math.Min(run.Requests, paths.Count);
            rates.Add(run.RequestsPerSecond);
            if (rates.Count >= MinWarmUpWindows && Math.Abs(rates[^1] - rates[^2]) <= 0.1 * rates[^2]) break;
        }
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  HTTP {path} warm-up: {next:N0} distinct searches, req/s per {WarmUpWindow.TotalSeconds:F0} s: {string.Join(", ", rates.Select(r => r.ToString("F0", CultureInfo.InvariantCulture)))}"));
    }

    /// <summary>Publishes the repository's web app in Release into <paramref name="output"/>.</summary>
    public static async Task<string> PublishAsync(string output, TextWriter log, CancellationToken cancellationToken)
    {
        var project = FindWebProject() ?? throw new InvalidOperationException("No src/Archive.Web above the current folder; give a published site with --web.");
        await log.WriteLineAsync($"Publishing {project} (Release) to {output}...");
        var start = new ProcessStartInfo("dotnet", ["publish", project, "-c", "Release", "-o", output, "--nologo", "-v", "quiet"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}): {await stdout}{await stderr}");
        return output;
    }

    private static string? FindWebProject()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var project = Path.Combine(dir.FullName, "src", "Archive.Web", "Archive.Web.csproj");
                if (File.Exists(project)) return project;
            }
        }
        return null;
    }

    private static string PathFor(string path, BenchQuery query)
    {
        var url = new StringBuilder(path).Append("?q=").Append(Uri.EscapeDataString(query.Text));
        if (query.County is not null) url.Append("&county=").Append(Uri.EscapeDataString(query.County));
        if (query.Reporter is not null) url.Append("&reporter=").Append(Uri.EscapeDataString(query.Reporter));
        return url.ToString();
    }

    private async Task<HttpRun> LoadAsync(string baseUrl, string endpoint, string workload, IReadOnlyList<string> paths, int connections, TimeSpan duration, CancellationToken cancellationToken) =>
        File.Exists("/usr/bin/wrk")
            ? await WrkAsync(baseUrl, endpoint, workload, paths, connections, duration, cancellationToken)
            : await HttpClientLoadAsync(baseUrl, endpoint, workload, paths, connections, duration, cancellationToken);

    // wrk with a script that cycles through the paths, two threads (one per core), latency percentiles.
    private static async Task<HttpRun> WrkAsync(string baseUrl, string endpoint, string workload, IReadOnlyList<string> paths, int connections, TimeSpan duration, CancellationToken cancellationToken)
    {
        var script = Path.Combine(Path.GetTempPath(), $"archive-bench-{Environment.ProcessId}.lua");
        var lua = new StringBuilder("local paths = {\n");
        foreach (var p in paths) lua.Append("  \"").Append(p).Append("\",\n");
        // Each of wrk's two threads has its own copy of the script: thread 0 takes the even entries, thread 1 the odd,
        // so a list of distinct queries is not requested twice.
        lua.Append("}\nlocal threads = 0\nfunction setup(thread)\n  thread:set(\"id\", threads)\n  threads = threads + 1\nend\n");
        lua.Append("local i = -1\nrequest = function()\n  i = i + 1\n  return wrk.format(\"GET\", paths[((i * 2 + id) % #paths) + 1])\nend\n");
        await File.WriteAllTextAsync(script, lua.ToString(), cancellationToken);
        var start = new ProcessStartInfo("wrk", ["-t2", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--latency", "-s", script, baseUrl])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        File.Delete(script);

        var requests = long.Parse(Regex.Match(output, @"(\d+) requests in").Groups[1].Value, CultureInfo.InvariantCulture);
        var rate = double.Parse(Regex.Match(output, @"Requests/sec:\s+([\d.]+)").Groups[1].Value, CultureInfo.InvariantCulture);
        long errors = 0;
        var non2xx = Regex.Match(output, @"Non-2xx or 3xx responses: (\d+)");
        if (non2xx.Success) errors += long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture);
        var socket = Regex.Match(output, @"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)");
        if (socket.Success)
            for (var g = 1; g <= 4; g++) errors += long.Parse(socket.Groups[g].Value, CultureInfo.InvariantCulture);
        return new HttpRun(endpoint, workload, connections, duration.TotalSeconds, requests, rate,
            Percentile(output, "50%"), Percentile(output, "90%"), Percentile(output, "99%"), errors, "wrk");
    }

    private static double Percentile(string wrkOutput, string label)
    {
        var match = Regex.Match(wrkOutput, $@"^\s+{Regex.Escape(label)}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        if (!match.Success) return double.NaN;
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    // Without wrk: one task per connection, each on its own pooled connection, requests back to back.
    private static async Task<HttpRun> HttpClientLoadAsync(string baseUrl, string endpoint, string workload, IReadOnlyList<string> paths, int connections, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
        var deadline = Stopwatch.StartNew();
        var latencies = new List<double>[connections];
        long errors = 0;
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async c =>
        {
            var mine = latencies[c] = [];
            // Connection c takes entries c, c + n, c + 2n ...: no two connections request the same entry.
            var i = c;
            while (deadline.Elapsed < duration && !cancellationToken.IsCancellationRequested)
            {
                var clock = Stopwatch.StartNew();
                var next = paths[i % paths.Count];
                i += connections;
                try
                {
                    using var response = await client.GetAsync(next, HttpCompletionOption.ResponseContentRead, cancellationToken);
                    if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
                mine.Add(clock.Elapsed.TotalMilliseconds);
            }
        }));
        var seconds = deadline.Elapsed.TotalSeconds;
        var summary = LatencySummary.Of(latencies.SelectMany(l => l).ToList());
        return new HttpRun(endpoint, workload, connections, seconds, summary.Count, summary.Count / seconds, summary.P50, summary.P95, summary.P99, errors, "HttpClient");
    }

    // The load generator stops sending when its time is up, but the site still works through the requests it had
    // accepted: up to 64 distinct searches at 1 M articles, a second or more of both cores. A run started then would
    // queue behind them and measure the previous run's work, so each run waits until the health page answers quickly
    // again (at most 15 s).
    private static async Task SettleAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            var request = Stopwatch.StartNew();
            using (var response = await client.GetAsync("/health", cancellationToken))
            {
                if (response.IsSuccessStatusCode && request.Elapsed < TimeSpan.FromMilliseconds(50)) return;
            }
            await Task.Delay(250, cancellationToken);
        }
    }

    private static async Task WaitUntilHealthyAsync(HttpClient client, Process process, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (process.HasExited) throw new InvalidOperationException($"The web app exited with code {process.ExitCode} before it was ready.");
            try
            {
                using var response = await client.GetAsync("/health", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200, cancellationToken);
        }
        throw new TimeoutException($"The web app was not healthy after {StartTimeout.TotalSeconds} s.");
    }

    // VmRSS now, VmHWM (the peak), and the anonymous and file-backed parts of VmRSS, from /proc; zeros where /proc
    // does not exist.
    private static (double Resident, double Peak, double Anonymous, double File) ResidentMegabytes(int pid)
    {
        var status = $"/proc/{pid}/status";
        if (!File.Exists(status)) return (0, 0, 0, 0);
        var lines = File.ReadAllLines(status);
        double Read(string key)
        {
            var line = lines.FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
            return line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        }
        return (Read("VmRSS:"), Read("VmHWM:"), Read("RssAnon:"), Read("RssFile:"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
