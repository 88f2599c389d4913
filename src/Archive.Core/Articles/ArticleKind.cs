using System.Text.Json.Serialization;

namespace Archive.Core.Articles;

/// <summary>What sort of item an article is. Serialised in lower case (<c>news</c>, <c>photo</c> ...).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ArticleKind>))]
public enum ArticleKind
{
    [JsonStringEnumMemberName("news")] News,
    [JsonStringEnumMemberName("feature")] Feature,
    [JsonStringEnumMemberName("commentary")] Commentary,
    [JsonStringEnumMemberName("photo")] Photo,
    [JsonStringEnumMemberName("brief")] Brief,
    [JsonStringEnumMemberName("teaser")] Teaser,
}
