using System.ComponentModel.DataAnnotations;
using Archive.Core.Analysis;
using Archive.Core.Indexing;
using Archive.Core.Ingestion;
using Archive.Core.Searching;
using Archive.Core.Splitting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Archive.Core;

/// <summary>Registers the archive's services: options, the Lucene singletons, splitting, searching, ingestion.</summary>
public static class ArchiveServiceCollectionExtensions
{
    /// <summary>
    /// Adds everything the site and the CLI share. With <paramref name="runIngestion"/> (default: the
    /// <c>Archive:Ingestion:Enabled</c> setting) the process owns the index writer and runs the ingestion service;
    /// otherwise it opens the index read-only and follows the commits of the process that ingests.
    /// </summary>
    public static IServiceCollection AddArchiveCore(this IServiceCollection services, bool? runIngestion = null)
    {
        services.AddOptions<ArchiveOptions>()
            .BindConfiguration(ArchiveOptions.Section)
            .PostConfigure<IHostEnvironment>((options, environment) => options.ResolvePaths(environment.ContentRootPath))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ArchiveOptions>>(new ArchiveOptionsValidator(runIngestion));

        // One segmenter for the process: its dictionary loads once, and the byline names ingestion teaches
        // JiebaSegmenter.Shared reach every analyzer.
        services.AddSingleton<IChineseSegmenter>(_ => JiebaSegmenter.Shared);
        services.AddSingleton(provider => new ArchiveAnalyzers(provider.GetRequiredService<IChineseSegmenter>()));
        services.AddSingleton<IPageSplitter, PageSplitter>();
        services.AddSingleton<QueryBuilder>();
        services.AddSingleton(provider => new SearchResultCache(provider.GetRequiredService<IOptions<ArchiveOptions>>().Value.Search.ResultCacheSize));
        services.AddSingleton<ArticleSearcher>();
        services.AddSingleton<ArchiveBrowser>();
        services.AddSingleton<IngestionStatus>();
        services.AddSingleton<PageIngestor>();
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ArchiveOptions>>().Value;
            var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger<ArchiveIndex>();
            var writes = runIngestion ?? options.Ingestion.Enabled;
            var index = writes
                ? ArchiveIndex.OpenForWriting(options.IndexPath, provider.GetRequiredService<ArchiveAnalyzers>(), logger)
                : ArchiveIndex.OpenReadOnly(options.IndexPath, logger);
            // Names learned from bylines in earlier runs (or by the process that ingests) must be whole words in
            // queries too, or the word-field phrase of a name would not match how it was indexed.
            provider.GetRequiredService<IChineseSegmenter>().AddWords(index.BylineNames());
            return index;
        });
        return services;
    }

    /// <summary>Adds the hosted service that keeps the index current: ingestion, or following another process's commits.</summary>
    public static IServiceCollection AddArchiveIngestion(this IServiceCollection services, bool enabled)
    {
        if (enabled) services.AddHostedService<IngestionService>();
        else services.AddHostedService<IndexRefreshService>();
        return services;
    }
}

/// <summary>Checks the settings at start-up, with messages that say which setting to fix.</summary>
/// <param name="runIngestion">Whether this process ingests (null: as the settings say); only then must the pages folder exist.</param>
internal sealed class ArchiveOptionsValidator(bool? runIngestion) : IValidateOptions<ArchiveOptions>
{
    public ValidateOptionsResult Validate(string? name, ArchiveOptions options)
    {
        var failures = new List<string>();
        if ((runIngestion ?? options.Ingestion.Enabled) && !string.IsNullOrWhiteSpace(options.PagesPath) && !Directory.Exists(options.PagesPath))
            failures.Add($"Archive:PagesPath: the pages folder {options.PagesPath} does not exist. Create it, or set Archive:PagesPath (environment variable Archive__PagesPath) to the folder of page files.");
        if (!string.IsNullOrWhiteSpace(options.IndexPath) && File.Exists(options.IndexPath))
            failures.Add($"Archive:IndexPath: {options.IndexPath} is a file; it must be a folder for the index.");
        // Data annotations on the sub-sections are not checked by ValidateDataAnnotations, which stops at the top level.
        foreach (var section in new object[] { options.Ingestion, options.Search })
        {
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(section, new(section), results, validateAllProperties: true))
                failures.AddRange(results.Select(r => r.ErrorMessage ?? "Archive: an invalid setting."));
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
