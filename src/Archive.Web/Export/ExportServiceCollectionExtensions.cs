namespace Archive.Web.Export;

/// <summary>Registers the exports: their settings (validated at start-up) and the exporter.</summary>
public static class ExportServiceCollectionExtensions
{
    /// <summary>Adds <see cref="ExportOptions"/> (section <c>Archive:Export</c>) and <see cref="ArticleExporter"/>.</summary>
    public static IServiceCollection AddArchiveExport(this IServiceCollection services)
    {
        services.AddOptions<ExportOptions>()
            .BindConfiguration(ExportOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ArticleExporter>();
        return services;
    }
}
