using Archive.Core.Ingestion;

namespace Archive.Web.Models;

/// <summary>The JSON of <c>GET /health</c>.</summary>
public sealed record HealthReport(string Status, IndexHealth Index, IngestionHealth Ingestion);

public sealed record IndexHealth(string Path, bool Open, bool Writable, int Articles, int Pages, long Version);

public sealed record IngestionHealth(string Phase, string PagesPath, IngestionSummary? LastPass, IReadOnlyCollection<PageFailure> Failures);
