using Archive.Web.Extensions;
using Microsoft.Extensions.Options;

// The archive's web site. The details live in Extensions/ArchiveWebExtensions.cs.
var builder = WebApplication.CreateBuilder(args);
builder.AddArchive();

var app = builder.Build();
app.UseArchive();

try
{
    // Read the settings before the host starts, so that a wrong one is reported plainly, not as a start-up crash.
    _ = app.Services.GetRequiredService<IOptions<Archive.Core.ArchiveOptions>>().Value;
    await app.RunAsync();
    return 0;
}
catch (OptionsValidationException ex)
{
    // A setting is wrong: say which, without a stack trace.
    Console.Error.WriteLine("The archive cannot start because of its settings:");
    foreach (var failure in ex.Failures) Console.Error.WriteLine($"  - {failure}");
    return 2;
}

/// <summary>Visible to the functional tests (WebApplicationFactory&lt;Program&gt;).</summary>
public partial class Program;
