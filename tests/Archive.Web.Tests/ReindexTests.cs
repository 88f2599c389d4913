using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Archive.Core.Corpus;
using Archive.Core.Indexing;
using Archive.Core.Splitting;
using Archive.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Web.Tests;

/// <summary><c>POST /admin/reindex</c>: a rebuild beside the live index while readers keep searching.</summary>
public sealed class ReindexTests
{
    private static readonly Dictionary<string, string?> WithAdminKey = new() { ["Archive:Admin:Key"] = HostileSite.AdminKey };

    [Fact]
    public async Task SearchesKeepAnsweringWithResultsThroughoutTwoReindexes()
    {
        using var folder = new TestFolder();
        // A few hundred synthetic pages beside the seeds, so that each rebuild takes long enough to search during it.
        var material = await CorpusMaterial.FromSeedsAsync(TestFolder.SeedsPath, new PageSplitter());
        await new CorpusGenerator(material).WriteAsync(Path.Combine(folder.Pages, "synthetic"), new CorpusSettings(1200));
        await using var factory = new ArchiveFactory(folder, settings: WithAdminKey);
        using var client = factory.CreateClient();
        await factory.WaitUntilReadyAsync(client);
        var articles = await ArticlesAsync(client);

        using var stop = new CancellationTokenSource();
        var searches = Enumerable.Range(0, 3).Select(_ => SearchUntilAsync(factory, stop.Token)).ToList();
        var generations = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var response = await client.SendAsync(Admin(HttpMethod.Post, "/admin/reindex"));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            generations.Add(await WaitForReindexAsync(client, generations.LastOrDefault()));
        }
        await stop.CancelAsync();
        var outcomes = (await Task.WhenAll(searches)).SelectMany(o => o).ToList();

        Assert.Equal(2, generations.Distinct().Count());
        Assert.All(outcomes, outcome => Assert.True(outcome.Status == HttpStatusCode.OK && outcome.Total > 0, $"{outcome.Status}, {outcome.Total} hits"));
        Assert.True(outcomes.Count(o => o.DuringReindex) >= 8, $"only {outcomes.Count(o => o.DuringReindex)} searches ran during the rebuilds");
        Assert.Equal(articles, await ArticlesAsync(client));
        Assert.Equal(generations[^1], IndexGenerations.ReadCurrent(folder.Index));
    }

    [Fact]
    public async Task AReindexOnASiteThatDoesNotIngestIsAConflict()
    {
        using var folder = new TestFolder(withSeeds: false);
        await using var factory = new ArchiveFactory(folder, ingestion: false, settings: WithAdminKey);
        using var client = factory.CreateClient();
        // The read-only site's refresh service marks ingestion as done elsewhere as it starts.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await (await client.GetAsync("/health")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ingestion").GetProperty("phase").GetString() != "Disabled")
        {
            Assert.True(DateTime.UtcNow < deadline, "the read-only site did not start");
            await Task.Delay(50);
        }

        var response = await client.SendAsync(Admin(HttpMethod.Post, "/admin/reindex"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task AReadOnlySiteMovesToTheNewIndexWhenAnotherProcessReindexes()
    {
        using var folder = new TestFolder();
        await using (var writer = new ArchiveFactory(folder))
        {
            using var writerClient = writer.CreateClient();
            await writer.WaitUntilReadyAsync(writerClient);
        }
        await using var reader = new ArchiveFactory(folder, ingestion: false);
        using var client = reader.CreateClient();
        await reader.WaitUntilReadyAsync(client);
        var before = await ArticlesAsync(client);

        // What `archive reindex` does beside a running read-only site (the writer has stopped; its lock is free).
        await using (var rebuilder = new ArchiveFactory(folder, settings: WithAdminKey))
        {
            using var rebuilderClient = rebuilder.CreateClient();
            await rebuilder.WaitUntilReadyAsync(rebuilderClient);
            await rebuilderClient.SendAsync(Admin(HttpMethod.Post, "/admin/reindex"));
            await WaitForReindexAsync(rebuilderClient, null);
        }

        // The refresh service (every second here) reads CURRENT and opens the new generation.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (reader.Services.GetRequiredService<ArchiveIndex>().LivePath == folder.Index)
        {
            Assert.True(DateTime.UtcNow < deadline, "the read-only site did not follow the switch");
            await Task.Delay(100);
        }
        Assert.StartsWith(Path.Combine(folder.Index, "gen-"), reader.Services.GetRequiredService<ArchiveIndex>().LivePath);
        Assert.Equal(before, await ArticlesAsync(client));
    }

    private sealed record SearchOutcome(HttpStatusCode Status, int Total, bool DuringReindex);

    // One reader: the same query back to back, noting whether each answer came while a rebuild was pending or running.
    private static async Task<List<SearchOutcome>> SearchUntilAsync(ArchiveFactory factory, CancellationToken stop)
    {
        using var client = factory.CreateClient();
        var status = factory.Services.GetRequiredService<Archive.Core.Ingestion.IngestionStatus>();
        var outcomes = new List<SearchOutcome>();
        while (!stop.IsCancellationRequested)
        {
            var during = status.ReindexPending || status.Phase == Archive.Core.Ingestion.IngestionPhase.Reindexing;
            using var response = await client.GetAsync("/api/search?q=" + Uri.EscapeDataString("聊城"), CancellationToken.None);
            var total = response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32() : -1;
            outcomes.Add(new SearchOutcome(response.StatusCode, total, during));
        }
        return outcomes;
    }

    /// <summary>Waits for a rebuild that went live as a generation other than <paramref name="previous"/>; returns its name.</summary>
    private static async Task<string> WaitForReindexAsync(HttpClient client, string? previous)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var state = await (await client.SendAsync(Admin(HttpMethod.Get, "/admin/reindex"))).Content.ReadFromJsonAsync<JsonElement>();
            var last = state.GetProperty("last");
            if (last.ValueKind == JsonValueKind.Object && last.GetProperty("generation").GetString() is { } generation && generation != previous)
                return generation;
            if (last.ValueKind == JsonValueKind.Object && !last.GetProperty("switched").GetBoolean())
                Assert.Fail($"the reindex was not switched to: {last}");
            Assert.True(DateTime.UtcNow < deadline, $"the reindex did not finish: {state}");
            await Task.Delay(100);
        }
    }

    private static async Task<int> ArticlesAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/health")).GetProperty("index").GetProperty("articles").GetInt32();

    private static HttpRequestMessage Admin(HttpMethod method, string url)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add(AdminOptions.KeyHeader, HostileSite.AdminKey);
        return request;
    }
}
