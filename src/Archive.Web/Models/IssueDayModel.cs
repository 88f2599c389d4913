using Archive.Core.Articles;
using Archive.Core.Searching;

namespace Archive.Web.Models;

/// <summary>One day's issue: its pages in order, each with its articles, and the issues before and after it.</summary>
public sealed record IssueDayModel(IssueDay Issue, IReadOnlyList<IssuePage> Pages, IssueDay? Previous, IssueDay? Next)
{
    public DateOnly Date => Issue.Date;

    /// <summary>The issues around a date (the date itself need not have one): the last before it and the first after.</summary>
    public static (IssueDay? Previous, IssueDay? Next) Around(IReadOnlyList<IssueDay> issues, DateOnly date) =>
        (issues.LastOrDefault(i => i.Date < date), issues.FirstOrDefault(i => i.Date > date));
}

/// <summary>A page of an issue: its file and its articles in page order.</summary>
public sealed record IssuePage(int Number, string File, IReadOnlyList<Article> Articles);
