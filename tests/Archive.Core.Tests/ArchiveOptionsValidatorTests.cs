namespace Archive.Core.Tests;

public sealed class ArchiveOptionsValidatorTests
{
    [Fact]
    public void SettingsOfTheSubSectionsAreCheckedWithTheSettingsName()
    {
        var options = new ArchiveOptions
        {
            Ingestion = new IngestionOptions { RescanInterval = TimeSpan.Zero },
            Search = new SearchOptions { ResultCacheSize = -1 },
        };

        var result = new ArchiveOptionsValidator(runIngestion: false).Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("Archive:Ingestion:RescanInterval"));
        Assert.Contains(result.Failures!, f => f.Contains("Archive:Search:ResultCacheSize"));
    }

    [Fact]
    public void TheDefaultsPass() =>
        Assert.True(new ArchiveOptionsValidator(runIngestion: false).Validate(null, new ArchiveOptions()).Succeeded);
}
