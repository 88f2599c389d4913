using Archive.Core.Articles;

namespace Archive.Core.Splitting;

/// <summary>
/// Reads the lines of a page into units in reading order: paragraphs (hard-wrapped lines joined), title blocks,
/// byline lines and logos; drops furniture (<c>扫码查看视频</c>) and blank lines. Then repairs what the layout broke:
/// paragraphs cut by a column or page break are joined again, a headline part printed inside a sentence is set
/// aside, and paragraphs the extraction repeated are dropped.
/// </summary>
internal sealed class PageReader(SplitterLexicon lexicon, BylineParser bylines)
{
    private const int MinimumDuplicateCjk = 8;
    private const int MinimumContainedCjk = 15;
    private const int DuplicateLookBack = 40;

    public List<PageUnit> Read(string text)
    {
        var units = new List<PageUnit>();
        var block = new List<(string Line, int Indent)>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (TextNormalizer.IsBlank(line))
            {
                FlushBlock(block, units);
                continue;
            }
            var trimmed = Trim(line, out var indent);
            if (IsFurniture(trimmed))
            {
                FlushBlock(block, units);
                continue;
            }
            if (IsLogo(trimmed, out var hint))
            {
                FlushBlock(block, units);
                units.Add(new PageUnit { Kind = UnitKind.Logo, KindHint = hint, Text = TextNormalizer.NormalizeInline(trimmed), Lines = { trimmed } });
                continue;
            }
            var byline = bylines.ParseLine(trimmed);
            if (byline is not null)
            {
                FlushBlock(block, units);
                units.Add(new PageUnit { Kind = UnitKind.Byline, Credits = byline, Raw = trimmed, Text = TextNormalizer.NormalizeInline(trimmed), Lines = { trimmed } });
                continue;
            }
            block.Add((trimmed, indent));
        }
        FlushBlock(block, units);

        DemoteIndentedTitles(units);
        // Repeats go first: joined to the cut-off paragraph they follow (000: …定制专属的 + 车零部件项目…), a repeated
        // fragment would glue a false sentence together and no longer look like a repeat.
        DropDuplicates(units);
        JoinBrokenParagraphs(units);
        DropDuplicates(units);
        return units;
    }

    private static string Trim(string line, out int indent)
    {
        indent = 0;
        var start = 0;
        while (start < line.Length && TextNormalizer.IsSpace(line[start]))
        {
            indent += line[start] == '\u3000' ? 2 : line[start] == '\t' ? 4 : 1;
            start++;
        }
        var end = line.Length;
        while (end > start && TextNormalizer.IsSpace(line[end - 1])) end--;
        return line[start..end];
    }

    private bool IsFurniture(string line)
    {
        var compact = TextNormalizer.NormalizeInline(line);
        foreach (var entry in lexicon.Furniture)
            if (compact.StartsWith(entry, StringComparison.Ordinal) && compact.Length <= entry.Length + 8) return true;
        // Rules, bullets and stray symbols: no ideograph, no letter, no digit.
        foreach (var c in compact)
            if (char.IsLetterOrDigit(c)) return false;
        return true;
    }

    // ┌₩ 聊快评: a column logo begins with a box-drawing glyph and carries a short name.
    private bool IsLogo(string line, out ArticleKind? hint)
    {
        hint = null;
        var first = line[0];
        var boxed = first is >= '\u2500' and <= '\u259F' || line.StartsWith('【') && line.EndsWith('】');
        if (!boxed || TextNormalizer.CountCjk(line) is 0 or > 8) return false;
        if (lexicon.CommentaryLogoWords.Any(w => line.Contains(w, StringComparison.Ordinal))) hint = ArticleKind.Commentary;
        return true;
    }

    // Cuts a block of consecutive lines into paragraphs: a paragraph starts on an indented line, after a short line
    // that ends a sentence, and on a dateline.
    private void FlushBlock(List<(string Line, int Indent)> block, List<PageUnit> units)
    {
        if (block.Count == 0) return;
        var minIndent = block.Min(l => l.Indent);
        // The median line is a full column line: the short last lines of paragraphs do not move it.
        var widths = block.Select(l => TitleRules.VisualWidth(l.Line)).Order().ToList();
        var width = widths[widths.Count / 2];
        var paragraph = new List<string>();
        var paragraphIndent = block[0].Indent;
        for (var k = 0; k < block.Count; k++)
        {
            var (line, indent) = block[k];
            if (k > 0 && paragraph.Count > 0)
            {
                var previous = block[k - 1].Line;
                var startsNew = indent > minIndent
                    || TextNormalizer.EndsSentence(previous) && TitleRules.VisualWidth(previous) < width - 4
                    || DatelineParser.Parse(line) is not null
                    || TitleRules.IsDashLine(previous) && !TitleRules.IsDashLine(line);
                if (startsNew)
                {
                    units.Add(MakeParagraph(paragraph, paragraphIndent > minIndent || paragraphIndent > 0 && block.Count == 1));
                    paragraph = [];
                    paragraphIndent = indent;
                }
            }
            paragraph.Add(line);
        }
        if (paragraph.Count > 0) units.Add(MakeParagraph(paragraph, paragraphIndent > minIndent || paragraphIndent > 0 && paragraph.Count == block.Count));
        block.Clear();
    }

    private PageUnit MakeParagraph(List<string> lines, bool indented)
    {
        var unit = new PageUnit { Kind = UnitKind.Text, Indented = indented };
        var credit = bylines.ParseTrailingCredit(lines[^1]);
        if (credit is { } found)
        {
            lines[^1] = lines[^1][..found.Start].TrimEnd();
            if (lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
            unit.HasPhotoCredit = true;
            unit.Credits = found.Credit;
        }
        unit.Lines.AddRange(lines);
        unit.Raw = string.Concat(lines);
        unit.Text = StripLeadingMarks(lines.Aggregate(string.Empty, (acc, l) => TextNormalizer.JoinBroken(acc, TextNormalizer.NormalizeInline(l))));
        unit.Dateline = DatelineParser.Parse(unit.Text);
        var inline = bylines.ParseInline(unit.Raw);
        if (inline is not null)
        {
            unit.HasInlineByline = true;
            unit.Credits = unit.Credits.Merge(inline);
        }
        if (!unit.HasPhotoCredit && unit.Dateline is null && !unit.HasInlineByline && TitleRules.LooksLikeTitle(lines))
            unit.Kind = UnitKind.Title;
        return unit;
    }

    // ▶8月14日，…: a bullet before a picture story's first paragraph is a mark of the layout, not text.
    private string StripLeadingMarks(string text)
    {
        var start = 0;
        while (start < text.Length - 1 && lexicon.IsMarker(text[start])) start++;
        return start == 0 ? text : text[start..].TrimStart();
    }

    // Pages that indent their paragraphs (002) print headlines flush left: there an indented title-like line is the
    // first line of a paragraph cut off by a column break.
    private static void DemoteIndentedTitles(List<PageUnit> units)
    {
        var paragraphs = units.Where(u => u.Kind == UnitKind.Text && u.Lines.Count >= 2).ToList();
        var indented = paragraphs.Count(u => u.Indented);
        if (indented < 3 || indented * 10 < paragraphs.Count * 6) return;
        foreach (var unit in units)
            if (unit.Kind == UnitKind.Title && unit.Indented) unit.Kind = UnitKind.Text;
    }

    // Layout breaks paragraphs at column and page ends: a paragraph that does not end a sentence continues in the
    // next text paragraph. A lone title-like line between the two halves is either a wrapped line of the same column
    // (same width) or a headline part the layout dropped into the sentence (004: 决战下半年).
    private static void JoinBrokenParagraphs(List<PageUnit> units)
    {
        for (var i = 0; i < units.Count; i++)
        {
            var unit = units[i];
            if (unit.Kind == UnitKind.Title && IsWrappedFirstLine(unit, i + 1 < units.Count ? units[i + 1] : null))
            {
                unit.Kind = UnitKind.Text;
                Absorb(unit, units[i + 1]);
                units.RemoveAt(i + 1);
            }
            if (unit.Kind != UnitKind.Text) continue;

            while (!unit.HasPhotoCredit && !TextNormalizer.EndsSentence(unit.Text) && i + 1 < units.Count)
            {
                var next = units[i + 1];
                if (next.Kind == UnitKind.Text && !next.OpensArticle)
                {
                    Absorb(unit, next);
                    units.RemoveAt(i + 1);
                    continue;
                }
                if (next.Kind != UnitKind.Title || next.Lines.Count != 1 || next.Displaced) break;

                if (unit.Lines.Count >= 2 && Math.Abs(next.Width - unit.Width) <= 4)
                {
                    next.Kind = UnitKind.Text;
                    Absorb(unit, next);
                    units.RemoveAt(i + 1);
                    continue;
                }
                var after = i + 2 < units.Count ? units[i + 2] : null;
                if (after is { Kind: UnitKind.Text, OpensArticle: false })
                {
                    next.Displaced = true;
                    Absorb(unit, after);
                    units.RemoveAt(i + 2);
                    continue;
                }
                break;
            }
        }
    }

    // 突出顶层设计、立梁构柱，建立高 / 规格工作推进机制……: a single line as wide as the column of the paragraph after it
    // is that paragraph's first line, cut off by a blank line.
    private static bool IsWrappedFirstLine(PageUnit title, PageUnit? next) =>
        next is { Kind: UnitKind.Text, OpensArticle: false }
        && next.Lines.Count >= 2 && TitleRules.VisualWidth(title.Lines[0]) >= 16
        && Math.Abs(TitleRules.VisualWidth(title.Lines[0]) - next.Width) <= 2
        && !title.Lines.Any(TitleRules.IsDashLine)
        && !TextNormalizer.EndsSentence(title.Text);

    private static void Absorb(PageUnit into, PageUnit from)
    {
        into.Lines.AddRange(from.Lines);
        into.Text = TextNormalizer.JoinBroken(into.Text, from.Text);
        into.Raw += from.Raw;
        into.HasPhotoCredit = from.HasPhotoCredit;
        into.Credits = into.Credits.Merge(from.Credits);
    }

    // Extraction repeats paragraphs (000 prints one three times); a paragraph equal to, or contained in, a recent
    // one adds nothing.
    private static void DropDuplicates(List<PageUnit> units)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var recent = new List<string>();
        for (var i = 0; i < units.Count; i++)
        {
            var unit = units[i];
            if (unit.Kind != UnitKind.Text) continue;
            var key = TextNormalizer.CjkOnly(unit.Text);
            if (key.Length < MinimumDuplicateCjk) continue;
            var duplicate = !seen.Add(key)
                || key.Length >= MinimumContainedCjk && recent.Any(r => r.Length > key.Length && r.Contains(key, StringComparison.Ordinal));
            if (duplicate && !unit.OpensArticle && unit.Credits.IsEmpty)
            {
                units.RemoveAt(i--);
                continue;
            }
            recent.Add(key);
            if (recent.Count > DuplicateLookBack) recent.RemoveAt(0);
        }
    }
}
