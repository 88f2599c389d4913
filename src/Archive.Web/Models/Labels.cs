using Archive.Core.Indexing;
using Archive.Core.Searching;

namespace Archive.Web.Models;

/// <summary>The Chinese names the UI shows for facets, kinds and orders.</summary>
public static class Labels
{
    public static string Facet(string facet) => facet switch
    {
        FacetNames.County => "区县",
        FacetNames.Reporter => "记者",
        FacetNames.Correspondent => "通讯员",
        FacetNames.Kind => "体裁",
        FacetNames.Year => "年份",
        FacetNames.Month => "月份",
        _ => facet,
    };

    public static string Kind(string kind) => kind switch
    {
        "news" => "消息",
        "feature" => "通讯",
        "commentary" => "评论",
        "photo" => "图片",
        "brief" => "简讯",
        "teaser" => "导读",
        _ => kind,
    };

    /// <summary>A byline role by its index field (<c>reporter</c>, <c>correspondent</c>, <c>photographer</c>, <c>author</c>).</summary>
    public static string Role(string field) => field switch
    {
        ArticleFields.Reporter => "记者",
        ArticleFields.Correspondent => "通讯员",
        ArticleFields.Photographer => "摄影",
        ArticleFields.Author => "署名作者",
        _ => field,
    };

    public static string Sort(SearchSort sort) => sort switch
    {
        SearchSort.Newest => "最新",
        SearchSort.Oldest => "最早",
        _ => "相关度",
    };

    /// <summary>How a facet value reads (kinds in Chinese, months as 2024年2月).</summary>
    public static string FacetValue(string facet, string value) => facet switch
    {
        FacetNames.Kind => Kind(value),
        FacetNames.Year => value + "年",
        FacetNames.Month when value.Length == 7 => $"{value[..4]}年{int.Parse(value[5..])}月",
        _ => value,
    };
}
