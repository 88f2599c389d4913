using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Web.Tests;

/// <summary>The seeds on a real Kestrel port.</summary>
public sealed class KestrelSite : IAsyncLifetime
{
    public TestFolder Folder { get; } = new();

    public ArchiveFactory Factory { get; private set; } = null!;

    public Uri Address { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = new ArchiveFactory(Folder);
        Factory.UseKestrel(0);
        Factory.StartServer();
        var addresses = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        Address = new Uri(addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        using var client = new HttpClient { BaseAddress = Address };
        await Factory.WaitUntilReadyAsync(client);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        Folder.Dispose();
    }
}
