using System.Net.Http.Json;
using System.Text.Json;

namespace Archive.Web.Tests;

/// <summary>The in-process ingestion service: watching the folder, restarts, changes, bad files, read-only mode.</summary>
public sealed class IngestionTests
{
    private const string NewPage = """
        本报讯（记者 测试员）11月20日，冠县举办首届鸵鸟文化节，吸引游客三万余人。

        冠县鸵鸟文化节开幕
        """;

    [Fact]
    public async Task PageAddedToTheWatchedFolderBecomesSearchableWithoutARestart()
    {
        using var folder = new TestFolder();
        await using var factory = new ArchiveFactory(folder);
        var client = factory.CreateClient();
        await factory.WaitUntilReadyAsync(client);
        Assert.Equal(0, await TotalAsync(client, "鸵鸟文化节"));

        await File.WriteAllTextAsync(Path.Combine(folder.Pages, "new-page.txt"), NewPage);

        await EventuallyAsync(async () => await TotalAsync(client, "鸵鸟文化节") == 1, "the new page to be searchable");
    }

    [Fact]
    public async Task RestartingDoesNotDuplicateArticles()
    {
        using var folder = new TestFolder();
        int before;
        await using (var first = new ArchiveFactory(folder))
        {
            var client = first.CreateClient();
            before = (await first.WaitUntilReadyAsync(client)).GetProperty("index").GetProperty("articles").GetInt32();
        }

        await using var second = new ArchiveFactory(folder);
        var again = second.CreateClient();
        var health = await second.WaitUntilReadyAsync(again);
        Assert.Equal(before, health.GetProperty("index").GetProperty("articles").GetInt32());
        var pass = health.GetProperty("ingestion").GetProperty("lastPass");
        Assert.Equal(0, pass.GetProperty("ingested").GetInt32());
        Assert.Equal(5, pass.GetProperty("unchanged").GetInt32());
    }

    [Fact]
    public async Task ChangedPageReplacesItsArticles()
    {
        using var folder = new TestFolder(withSeeds: false);
        var path = Path.Combine(folder.Pages, "page.txt");
        await File.WriteAllTextAsync(path, NewPage);
        await using var factory = new ArchiveFactory(folder);
        var client = factory.CreateClient();
        await factory.WaitUntilReadyAsync(client);
        Assert.Equal(1, await TotalAsync(client, "鸵鸟"));

        await File.WriteAllTextAsync(path, NewPage.Replace("鸵鸟", "孔雀"));

        await EventuallyAsync(async () => await TotalAsync(client, "孔雀") == 1, "the changed page to be searchable");
        Assert.Equal(0, await TotalAsync(client, "鸵鸟"));
    }

    [Fact]
    public async Task DeletedPageLeavesTheIndex()
    {
        using var folder = new TestFolder();
        var extra = Path.Combine(folder.Pages, "extra.txt");
        await File.WriteAllTextAsync(extra, NewPage);
        await using var factory = new ArchiveFactory(folder);
        var client = factory.CreateClient();
        await factory.WaitUntilReadyAsync(client);
        Assert.Equal(1, await TotalAsync(client, "鸵鸟"));

        File.Delete(extra);

        await EventuallyAsync(async () => await TotalAsync(client, "鸵鸟") == 0, "the deleted page to leave the index");
    }

    [Fact]
    public async Task BrokenFileIsReportedAndTheOthersAreIndexed()
    {
        using var folder = new TestFolder();
        await File.WriteAllBytesAsync(Path.Combine(folder.Pages, "broken.txt"), [0x00, 0x01, 0x02, 0xFF, 0x00, 0x10]);
        await File.WriteAllTextAsync(Path.Combine(folder.Pages, "empty.txt"), "   \n  ");
        await using var factory = new ArchiveFactory(folder);
        var client = factory.CreateClient();

        var health = await factory.WaitUntilReadyAsync(client);

        Assert.Equal(5, health.GetProperty("index").GetProperty("pages").GetInt32());
        Assert.Equal("degraded", health.GetProperty("status").GetString());
        var failures = health.GetProperty("ingestion").GetProperty("failures").EnumerateArray()
            .ToDictionary(f => f.GetProperty("file").GetString()!, f => f.GetProperty("reason").GetString()!);
        Assert.Contains("binary", failures["broken.txt"]);
        Assert.Contains("whitespace", failures["empty.txt"]);
        Assert.True(await TotalAsync(client, "锦鲤") >= 1);
    }

    [Fact]
    public async Task GbkEncodedPageIsDecoded()
    {
        using var folder = new TestFolder(withSeeds: false);
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        await File.WriteAllBytesAsync(Path.Combine(folder.Pages, "gbk.txt"), System.Text.Encoding.GetEncoding("GB18030").GetBytes(NewPage));
        await using var factory = new ArchiveFactory(folder);
        var client = factory.CreateClient();
        await factory.WaitUntilReadyAsync(client);
        Assert.Equal(1, await TotalAsync(client, "鸵鸟文化节"));
    }

    [Fact]
    public async Task ReadOnlySiteServesTheIndexAnotherProcessWrote()
    {
        using var folder = new TestFolder();
        await using (var writer = new ArchiveFactory(folder))
            await writer.WaitUntilReadyAsync(writer.CreateClient());

        await using var reader = new ArchiveFactory(folder, ingestion: false);
        var client = reader.CreateClient();
        var health = await reader.WaitUntilReadyAsync(client);

        Assert.False(health.GetProperty("index").GetProperty("writable").GetBoolean());
        Assert.Equal("Disabled", health.GetProperty("ingestion").GetProperty("phase").GetString());
        Assert.True(await TotalAsync(client, "锦鲤") >= 1);
    }

    private static async Task<int> TotalAsync(HttpClient client, string query)
    {
        var result = await client.GetFromJsonAsync<JsonElement>("/api/search?q=" + Uri.EscapeDataString(query));
        return result.GetProperty("total").GetInt32();
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what}.");
            await Task.Delay(200);
        }
    }
}
