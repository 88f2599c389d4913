using Microsoft.Extensions.Options;

namespace Archive.Web.Security;

/// <summary>
/// Request rate limits per client address, section <c>Archive:RateLimits</c>. Each request counts against one policy
/// chosen by its path (<see cref="RateLimitPolicies"/>): the HTML pages, the JSON API, or the exports, which read
/// thousands of documents per request and so get far fewer. Defaults live here; configuration overrides them.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "Archive:RateLimits";

    /// <summary>Off for a load test, or behind a proxy that limits already.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The search, article and browse pages: generous, a reader clicks quickly through facets.</summary>
    public RateLimitPolicy Search { get; set; } = new() { PermitLimit = 120, Window = TimeSpan.FromMinutes(1) };

    /// <summary><c>/api/...</c> (exports aside), the OpenAPI document and the admin actions.</summary>
    public RateLimitPolicy Api { get; set; } = new() { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) };

    /// <summary><c>/export</c> and <c>/api/export</c>: each may stream up to Archive:Export:MaxArticles articles.</summary>
    public RateLimitPolicy Export { get; set; } = new() { PermitLimit = 6, Window = TimeSpan.FromMinutes(1) };
}

/// <summary>At most <see cref="PermitLimit"/> requests per client in each fixed <see cref="Window"/>.</summary>
public sealed class RateLimitPolicy
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}

/// <summary>Checks the limits at start-up, naming the setting to fix.</summary>
internal sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        var failures = new List<string>();
        Check(options.Search, nameof(options.Search));
        Check(options.Api, nameof(options.Api));
        Check(options.Export, nameof(options.Export));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        void Check(RateLimitPolicy? policy, string key)
        {
            var setting = $"{RateLimitOptions.Section}:{key}";
            if (policy is null)
            {
                failures.Add($"{setting} is missing.");
                return;
            }
            if (policy.PermitLimit is < 1 or > 1_000_000)
                failures.Add($"{setting}:PermitLimit must be between 1 and 1000000 requests (it is {policy.PermitLimit}); set {RateLimitOptions.Section}:Enabled to false to turn limiting off.");
            if (policy.Window < TimeSpan.FromSeconds(1) || policy.Window > TimeSpan.FromDays(1))
                failures.Add($"{setting}:Window must be between 00:00:01 and 1.00:00:00 (it is {policy.Window}).");
        }
    }
}
