using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Archive.Web.Security;

/// <summary>
/// Request rate limiting with ASP.NET Core's limiter: one fixed window per client address and policy. The policy
/// follows from the path, in one place, so that a new page or API action is limited without anyone remembering an
/// attribute. A refused request gets 429 with <c>Retry-After</c>: ProblemDetails for the API, a Chinese page otherwise.
/// </summary>
public static partial class RateLimitPolicies
{
    public const string Search = "search";
    public const string Api = "api";
    public const string Export = "export";

    /// <summary>Registers the settings (validated at start-up) and the limiter.</summary>
    public static IServiceCollection AddArchiveRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, (string Policy, string Client)>(Partition);
            limiter.OnRejected = (context, cancellationToken) => RejectAsync(context, cancellationToken);
        });
        return services;
    }

    /// <summary>
    /// The policy a path counts against, or null for what is never limited: <c>/health</c> (monitors poll it), the
    /// error pages (they are re-executions of a request already counted) and static files (served before the limiter).
    /// </summary>
    public static string? For(PathString path)
    {
        if (path.StartsWithSegments("/health") || path.StartsWithSegments("/error")) return null;
        if (path.StartsWithSegments("/export") || path.StartsWithSegments("/api/export")) return Export;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/admin")) return Api;
        return Search;
    }

    private static RateLimitPartition<(string Policy, string Client)> Partition(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        var policyName = For(context.Request.Path);
        if (!options.Enabled || policyName is null) return RateLimitPartition.GetNoLimiter((string.Empty, string.Empty));

        var policy = Settings(options, policyName);
        return RateLimitPartition.GetFixedWindowLimiter((policyName, ClientKey(context)), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = policy.PermitLimit,
            Window = policy.Window,
            // Refuse at once rather than hold connections open in a queue: the client is told when to come back.
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static RateLimitPolicy Settings(RateLimitOptions options, string policy) => policy switch
    {
        Export => options.Export,
        Api => options.Api,
        _ => options.Search,
    };

    // The connection's address. Behind a reverse proxy every client shares the proxy's address: the proxy must then
    // be trusted with UseForwardedHeaders (not configured here; the compose file publishes Kestrel directly).
    private static string ClientKey(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address ? Normalize(address) : "unknown";

    private static string Normalize(IPAddress address) =>
        (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var policy = For(http.Request.Path) ?? Search;
        var settings = Settings(http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value, policy);
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : settings.Window;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        var traceId = RequestTrace.Id(http);

        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimitPolicies).FullName!);
        LogRejected(logger, policy, http.Request.Method, http.Request.Path.Value ?? "", ClientKey(http), seconds);

        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-store";
        var detail = $"请求过于频繁：{Describe(policy)}每{Format(settings.Window)}最多 {settings.PermitLimit} 次。请 {seconds} 秒后再试。";
        if (IsApi(http.Request.Path))
        {
            var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too Many Requests",
                Detail = detail,
                Extensions = { ["traceId"] = traceId, ["retryAfter"] = seconds, ["policy"] = policy },
            };
            await http.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", cancellationToken);
            return;
        }
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(TooManyRequestsPage(detail, traceId), cancellationToken);
    }

    private static bool IsApi(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/admin");

    private static string Describe(string policy) => policy switch
    {
        Export => "导出",
        Api => "API 请求",
        _ => "页面访问",
    };

    // "每分钟", "每 10 分钟", "每 30 秒": the window as the message reads it after 每.
    private static string Format(TimeSpan window) =>
        window == TimeSpan.FromMinutes(1) ? "分钟"
        : window.TotalSeconds % 60 == 0 ? $" {window.TotalMinutes:0} 分钟"
        : $" {window.TotalSeconds:0} 秒";

    // A page of its own rather than a re-executed view: the refusal must stay cheap, it is what protects the site.
    private static string TooManyRequestsPage(string detail, string traceId) => $"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>请求过于频繁 · 聊城报纸档案</title>
            <link rel="stylesheet" href="/css/site.css" />
        </head>
        <body>
            <main id="main" class="wrap">
                <section class="error-page">
                    <h1>请求过于频繁</h1>
                    <p>{WebUtility.HtmlEncode(detail)}</p>
                    <p><a href="/">回到首页</a></p>
                    <p class="trace">Trace id: <code>{WebUtility.HtmlEncode(traceId)}</code></p>
                </section>
            </main>
        </body>
        </html>
        """;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limit {Policy} refused {Method} {Path} from {ClientIp}; retry after {RetryAfterSeconds} s")]
    private static partial void LogRejected(ILogger logger, string policy, string method, string path, string clientIp, int retryAfterSeconds);
}
