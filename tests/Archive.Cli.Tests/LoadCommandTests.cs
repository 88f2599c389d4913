using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Archive.Cli.Tests;

/// <summary><c>archive load</c> against a tiny stand-in site on loopback (the real 60 s run is in docs/reliability.md).</summary>
public sealed class LoadCommandTests
{
    [Fact]
    public async Task AShortLoadRunReportsEveryKindOfPageAndNoErrors()
    {
        using var site = new StandInSite(failExports: false);

        var run = await Cli.RunAsync("load", "--url", site.Url, "--connections", "4", "--seconds", "2");

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        foreach (var kind in new[] { "search", "article", "export" })
            Assert.Matches($@"(?m)^{kind}\s+[1-9]\d*\s+0\s", run.Stdout);
        Assert.Contains("over 4 connections, 0 errors", run.Stdout);
        Assert.Contains("p99", run.Stdout);
        Assert.Contains("/articles/", string.Join(" ", site.Paths));
    }

    [Fact]
    public async Task FailedRequestsAreCountedAndFailTheRun()
    {
        using var site = new StandInSite(failExports: true);

        var run = await Cli.RunAsync("load", "--url", site.Url, "--connections", "4", "--seconds", "1");

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"(?m)^export\s+[1-9]\d*\s+[1-9]", run.Stdout);
        Assert.Contains("error x", run.Stdout);
        Assert.Contains("500 on export", run.Stdout);
    }

    /// <summary>Answers /health and /api/search as the site does (the fields the load command reads), everything else with 200.</summary>
    private sealed class StandInSite : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly bool _failExports;
        private readonly Task _loop;

        public StandInSite(bool failExports)
        {
            _failExports = failExports;
            Url = $"http://127.0.0.1:{FreePort()}/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _loop = Task.Run(ServeAsync);
        }

        public string Url { get; }

        public System.Collections.Concurrent.ConcurrentBag<string> Paths { get; } = [];

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync(); }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException) { return; }
                _ = Task.Run(() => Answer(context));
            }
        }

        private void Answer(HttpListenerContext context)
        {
            var path = context.Request.Url!.AbsolutePath;
            Paths.Add(path);
            var (status, body) = path switch
            {
                "/health" => (200, """{"index":{"articles":3}}"""),
                "/api/search" => (200, """{"total":2,"hits":[{"id":"a-01","date":"2020-05-01"},{"id":"a-02","date":null}]}"""),
                "/export" when _failExports => (500, "boom"),
                _ => (200, "ok"),
            };
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.StatusCode = status;
            context.Response.ContentLength64 = bytes.Length;
            try
            {
                context.Response.OutputStream.Write(bytes);
                context.Response.Close();
            }
            catch (HttpListenerException)
            {
                // The load run ended with this request in flight.
            }
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        public void Dispose()
        {
            _listener.Stop();
            _listener.Close();
            try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        }
    }
}
