using Archive.Core;
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
        builder.Services.AddProblemDetails();
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
        return app;
    }
}
