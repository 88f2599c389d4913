using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace Archive.Web.Tests;

/// <summary>
/// The site on a temporary copy of the seed pages and a temporary index, with fast rescans.
/// Several factories may share one folder to test restarts.
/// </summary>
public sealed class ArchiveFactory : WebApplicationFactory<Program>
{
    /// <param name="settings">Configuration applied after the defaults (e.g. tiny rate limits, an admin key).</param>
    public ArchiveFactory(TestFolder folder, bool ingestion = true, IReadOnlyDictionary<string, string?>? settings = null)
    {
        Folder = folder;
        Ingestion = ingestion;
        Settings = settings ?? new Dictionary<string, string?>();
    }

    public IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>Every event the site logged, as Serilog saw it (trace ids included).</summary>
    public LogCollector Logs { get; } = new();

    public TestFolder Folder { get; }

    public bool Ingestion { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Archive:PagesPath", Folder.Pages);
        builder.UseSetting("Archive:IndexPath", Folder.Index);
        builder.UseSetting("Archive:Ingestion:Enabled", Ingestion ? "true" : "false");
        builder.UseSetting("Archive:Ingestion:RescanInterval", "00:00:02");
        builder.UseSetting("Archive:Ingestion:StableDelay", "00:00:00.200");
        builder.UseSetting("Archive:Ingestion:RefreshInterval", "00:00:01");
        builder.UseSetting("Serilog:WriteTo:File:Args:path", Path.Combine(Folder.Root, "logs", "web-.log"));
        // Test classes send far more requests a minute than a reader; the rate limit tests turn limiting back on.
        builder.UseSetting("Archive:RateLimits:Enabled", "false");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        // The site's Serilog logger also writes to the sinks registered as services (ReadFrom.Services).
        builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(Logs));
    }

    /// <summary>Waits until the first ingestion pass is done (or, read-only, until the index is open).</summary>
    public async Task<JsonElement> WaitUntilReadyAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var response = await client.GetAsync("/health");
            var health = await response.Content.ReadFromJsonAsync<JsonElement>();
            var ingestion = health.GetProperty("ingestion");
            var ready = Ingestion
                ? ingestion.GetProperty("lastPass").ValueKind != JsonValueKind.Null
                : health.GetProperty("index").GetProperty("open").GetBoolean();
            if (ready) return health;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The site did not finish ingesting: {health}");
            await Task.Delay(100);
        }
    }
}

/// <summary>A temporary folder holding a copy of the seed pages and room for an index; deleted afterwards.</summary>
public sealed class TestFolder : IDisposable
{
    public TestFolder(bool withSeeds = true)
    {
        Root = Path.Combine(Path.GetTempPath(), "archive-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Pages);
        if (withSeeds)
        {
            foreach (var file in Directory.EnumerateFiles(SeedsPath))
                File.Copy(file, Path.Combine(Pages, Path.GetFileName(file)));
        }
    }

    public string Root { get; }

    public string Pages => Path.Combine(Root, "pages");

    public string Index => Path.Combine(Root, "index");

    /// <summary>The repository's seeds folder.</summary>
    public static string SeedsPath
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Archive.sln"))) dir = dir.Parent;
            return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Archive.sln not found above the test binaries"), "seeds");
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { /* a log file still open on a slow shutdown; the temp folder is cleaned by the OS */ }
    }
}

/// <summary>A Serilog sink that keeps the events in memory for assertions.</summary>
public sealed class LogCollector : ILogEventSink
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyCollection<LogEvent> Events => _events;

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    /// <summary>Waits for an event that matches: the request log is written as the response ends, maybe after the client has it.</summary>
    public async Task<LogEvent> WaitForAsync(Func<LogEvent, bool> match, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            if (_events.FirstOrDefault(match) is { } found) return found;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"no log event {what}");
            await Task.Delay(50);
        }
    }
}
