using Archive.Core;
using Archive.Web.Export;
using Serilog;

namespace Archive.Web.Extensions;

/// <summary>How the site is put together: services first, then the request pipeline.</summary>
public static class ArchiveWebExtensions
{
    /// <summary>Options, Lucene singletons, the ingestion service, MVC and Serilog.</summary>
    public static WebApplicationBuilder AddArchive(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext());

        var ingestionEnabled = builder.Configuration.GetValue($"{ArchiveOptions.Section}:Ingestion:Enabled", defaultValue: true);
        builder.Services.AddArchiveCore(ingestionEnabled);
        builder.Services.AddArchiveIngestion(ingestionEnabled);

        builder.Services.AddControllersWithViews()
            // Chinese stays readable in API responses (no \uXXXX escapes); JSON is never inlined into HTML here.
            .AddJsonOptions(json => json.JsonSerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        // Razor encodes every non-ASCII character as &#x...; by default, which makes Chinese pages 2.5 times bigger
        // and unreadable in view-source; HTML-special characters are still encoded.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddProblemDetails();
        builder.Services.AddArchiveExport();
        // The OpenAPI document describes the JSON API only (/api/...), not the HTML pages.
        builder.Services.AddOpenApi(options =>
        {
            options.ShouldInclude = api => api.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "聊城报纸档案 API";
                document.Info.Description = "全文检索、文章与导出。错误以 ProblemDetails（application/problem+json）返回。";
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    /// <summary>Error pages, request logging, static files and routes.</summary>
    public static WebApplication UseArchive(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseSerilogRequestLogging(options =>
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms");
        app.UseStaticFiles();
        app.UseRouting();
        app.MapControllers();
        app.MapOpenApi();
        return app;
    }
}
