using Archive.Core;
using Archive.Web.Export;
using Archive.Web.Security;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Events;

namespace Archive.Web.Extensions;

/// <summary>How the site is put together: services first, then the request pipeline.</summary>
public static class ArchiveWebExtensions
{
    /// <summary>Kestrel's request-line limit here (see <see cref="AddArchive"/>).</summary>
    public const int MaxRequestLineBytes = 64 * 1024;

    /// <summary>Options, Lucene singletons, the ingestion service, MVC and Serilog.</summary>
    public static WebApplicationBuilder AddArchive(this WebApplicationBuilder builder)
    {
        // preserveStaticLogger: each host logs through its own logger rather than the process-wide Log.Logger, which
        // the last host started would own (the tests run several sites in one process; the site uses no static logging).
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext(), preserveStaticLogger: true);

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
        // Every ProblemDetails carries the trace id the error page shows and the request log has (the default would be
        // the whole W3C traceparent, which matches neither).
        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["traceId"] = RequestTrace.Id(context.HttpContext));
        // A query longer than the site searches (SearchRequest.MaxQueryLength characters) is answered with the site's
        // explanation, but only if its URL gets past Kestrel's request-line limit: beyond that Kestrel answers a bare
        // 414 before the site sees the request. The default, 8 KB, is ~900 Chinese characters percent-encoded (9 bytes
        // each); 64 KB lets through ~7,000, a whole article pasted into the address bar.
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Limits.MaxRequestLineSize = Math.Max(kestrel.Limits.MaxRequestLineSize, MaxRequestLineBytes));
        builder.Services.AddArchiveExport();
        builder.Services.AddArchiveRateLimiting();
        builder.Services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AdminOptions>, AdminOptionsValidator>();
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

    /// <summary>Security headers, error pages, request logging, static files, rate limits and routes.</summary>
    public static WebApplication UseArchive(this WebApplication app)
    {
        app.UseSecurityHeaders();
        // Outside the error handling, so that each request is logged once, with the status the client got (an error
        // page's re-execution is part of its request, not a second one).
        app.UseSerilogRequestLogging(options =>
        {
            // This host's logger: the middleware would otherwise use the static Log.Logger, which this site leaves unset.
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            // The trace id in the text too, not only in the JSON log's @tr: the console is what an operator greps first.
            // ("Trace", because the compact JSON formatter drops a property named TraceId in favour of its @tr.)
            // The path is logged without its query string, so an admin ?key= never reaches the log.
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms (trace {Trace})";
            // Given with the template's own properties rather than through the diagnostic context, which binds them
            // with the static Log.Logger.
            options.GetMessageTemplateProperties = (context, path, elapsed, status) =>
            [
                new("RequestMethod", new ScalarValue(context.Request.Method)),
                new("RequestPath", new ScalarValue(path)),
                new("StatusCode", new ScalarValue(status)),
                new("Elapsed", new ScalarValue(elapsed)),
                new("Trace", new ScalarValue(RequestTrace.Id(context))),
            ];
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseStaticFiles();
        app.UseRouting();
        // After the static files (never limited) and the request log (a refused request is logged with its 429).
        app.UseRateLimiter();
        app.MapControllers();
        app.MapOpenApi();
        return app;
    }
}
