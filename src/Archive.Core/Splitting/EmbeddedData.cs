using System.Text.Json;

namespace Archive.Core.Splitting;

/// <summary>Reads the JSON data files embedded from <c>src/Archive.Core/Data</c>.</summary>
internal static class EmbeddedData
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Deserialises <c>Archive.Core.Data.{fileName}</c>; a missing or broken resource is a build error, so it throws.</summary>
    public static T Read<T>(string fileName)
    {
        var name = $"Archive.Core.Data.{fileName}";
        using var stream = typeof(EmbeddedData).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing from Archive.Core.");
        return JsonSerializer.Deserialize<T>(stream, Options)
            ?? throw new InvalidOperationException($"The embedded resource {name} is empty.");
    }
}
