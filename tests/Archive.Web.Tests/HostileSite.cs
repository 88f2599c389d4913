using System.Text.Json;

namespace Archive.Web.Tests;

/// <summary>
/// The seed pages plus pages written by an attacker: markup in the headline, byline, county line and body, and markup
/// in a page file's name. The admin key is set. Shared by the security test classes so the seeds are ingested once.
/// </summary>
public sealed class HostileSite : IAsyncLifetime
{
    public const string AdminKey = "0123456789abcdef0123456789abcdef";

    /// <summary>An issue date no seed has, so its day page holds only the hostile pages.</summary>
    public const string Day = "2025-09-03";

    /// <summary>A page whose every part carries a probe. The splitter keeps them as text (verified with <c>archive split</c>).</summary>
    public const string PageText = """
        冠县<b>举办</b>鸵鸟节<script>alert(1)</script>

        □ 本报记者 <script>x</script>

        本报讯（记者 <img src=x onerror=alert(1)> 通讯员 李四）近日，冠县"><img src=x onerror=alert(2)>举办鸵鸟节活动，吸引群众三千余人参加。<script>alert('body')</script>活动现场热闹非凡。

        莘县"><svg onload=alert(3)>孔雀节开幕

        本报讯（记者 王小五 通讯员 赵六）近日，莘县孔雀节开幕，<iframe src=javascript:alert(4)>吸引游客两万余人次。
        """;

    /// <summary>A file name is text from the outside too: it becomes article ids, URLs and the page list of a day.</summary>
    public const string HostileFileName = $"x\"><img src=x onerror=alert(5)>_{Day}.txt";

    public TestFolder Folder { get; } = new();

    public ArchiveFactory Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public JsonElement Health { get; private set; }

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(Folder.Pages, $"probe_{Day}.txt"), PageText);
        await File.WriteAllTextAsync(Path.Combine(Folder.Pages, HostileFileName), "高唐县<i>锦鲤</i>再出口\n\n本报讯（记者 孙小飞）近日，高唐县<b onmouseover=alert(6)>锦鲤</b>再次出口。\n");
        Factory = new ArchiveFactory(Folder, settings: new Dictionary<string, string?>
        {
            ["Archive:Admin:Key"] = AdminKey,
            // Long enough that a pass after an admin's request is that request's doing, not the timer's.
            ["Archive:Ingestion:RescanInterval"] = "01:00:00",
        });
        Client = Factory.CreateClient();
        Health = await Factory.WaitUntilReadyAsync(Client);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        Folder.Dispose();
    }
}
