using Archive.Core.Indexing;
using Archive.Core.Ingestion;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Archive.Core.Tests.Ingestion;

/// <summary>The archive's services as the site wires them, on a temporary pages folder and index.</summary>
internal sealed class IngestionHarness : IDisposable
{
    private readonly IHost _host;

    public IngestionHarness(string? root = null, TimeSpan? stableDelay = null, Action<IServiceCollection>? configure = null)
    {
        Root = root ?? Path.Combine(Path.GetTempPath(), "archive-ingestion-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Pages);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = Root,
            EnvironmentName = "Testing",
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Archive:PagesPath"] = "pages",
            ["Archive:IndexPath"] = "index",
            ["Archive:Ingestion:StableDelay"] = (stableDelay ?? TimeSpan.FromMilliseconds(300)).ToString(),
        });
        builder.Services.AddArchiveCore(runIngestion: true);
        configure?.Invoke(builder.Services);
        _host = builder.Build();
    }

    public string Root { get; }

    public string Pages => Path.Combine(Root, "pages");

    public IServiceProvider Services => _host.Services;

    public PageIngestor Ingestor => _host.Services.GetRequiredService<PageIngestor>();

    public ArchiveIndex Index => _host.Services.GetRequiredService<ArchiveIndex>();

    public IngestionStatus Status => _host.Services.GetRequiredService<IngestionStatus>();

    public string Write(string name, string text, DateTime? modifiedUtc = null)
    {
        var path = Path.Combine(Pages, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        // Written "a while ago", so the stability wait does not apply unless a test wants it.
        File.SetLastWriteTimeUtc(path, modifiedUtc ?? DateTime.UtcNow.AddMinutes(-1));
        return path;
    }

    public static string Page(string word) => $"""
        本报讯（记者 测试员）近日，{word}活动在冠县举行，吸引群众三千余人参加。

        冠县举办{word}活动
        """;

    /// <summary>
    /// Starts another program appending to <paramref name="path"/> every 30 ms, returning once it has appended;
    /// disposing stops it. A thread of its own: a busy thread pool (the ingestion workers, other tests) must not
    /// pause the writer past the stability wait.
    /// </summary>
    public static IDisposable KeepAppending(string path)
    {
        var stop = new CancellationTokenSource();
        using var appended = new ManualResetEventSlim();
        var writer = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                File.AppendAllText(path, "\n续写的内容。");
                appended.Set();
                Thread.Sleep(30);
            }
        });
        writer.Start();
        appended.Wait(TimeSpan.FromSeconds(10));
        return new Appender(stop, writer);
    }

    private sealed class Appender(CancellationTokenSource stop, Thread writer) : IDisposable
    {
        public void Dispose()
        {
            stop.Cancel();
            writer.Join();
            stop.Dispose();
        }
    }

    /// <summary>Disposes the host (closing the index) but keeps the files, for restart tests.</summary>
    public void Stop() => _host.Dispose();

    public void Dispose()
    {
        _host.Dispose();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
