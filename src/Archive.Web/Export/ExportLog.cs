namespace Archive.Web.Export;

/// <summary>The exports' log events (source-generated: no formatting cost when the level is off).</summary>
internal static partial class ExportLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information,
        Message = "Exported {Written} of {Matched} articles as {Format} for query {Query} in {Elapsed:0.0} ms")]
    public static partial void Exported(ILogger logger, string format, int written, int matched, string query, double elapsed);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning,
        Message = "The index changed while exporting: the provenance says {Announced} matches at version {AnnouncedVersion}, the export read {Matched} at version {Version}")]
    public static partial void IndexChangedDuringExport(ILogger logger, int announced, int matched, long announcedVersion, long version);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information,
        Message = "The client left during a {Format} export after the headers were sent")]
    public static partial void ExportAborted(ILogger logger, string format);
}
