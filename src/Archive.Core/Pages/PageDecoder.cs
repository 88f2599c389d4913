using System.Globalization;
using System.Text;

namespace Archive.Core.Pages;

/// <summary>The result of decoding a page file: its text, or why it was rejected.</summary>
public sealed record DecodedPage(string? Text, string? Error, string EncodingName)
{
    public bool IsValid => Text is not null;
}

/// <summary>
/// Decodes page files whatever the encoding the extraction produced: UTF-8 (with or without BOM), UTF-16 with BOM,
/// and GB18030/GBK, which older Chinese tools still write. Binary files are rejected with a reason.
/// </summary>
public static class PageDecoder
{
    static PageDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Decodes the bytes of a page file. Never throws: an empty, whitespace-only or binary file comes back invalid, with
    /// the reason in <see cref="DecodedPage.Error"/> (callers prefix the file name).
    /// </summary>
    public static DecodedPage Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0)
            return new DecodedPage(null, "the file is empty", "none");

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return Checked(Encoding.UTF8.GetString(bytes[3..]), "utf-8-bom");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return Checked(Encoding.Unicode.GetString(bytes[2..]), "utf-16le");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return Checked(Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be");

        // Binary files are full of NUL bytes; a text dump with a stray NUL or two (a damaged extraction) is still a
        // page: those are dropped rather than the whole page rejected.
        var nuls = bytes.Count((byte)0);
        if (nuls > 1 + bytes.Length / 1000)
            return new DecodedPage(null, $"the file is binary (it contains {nuls} NUL bytes)", "binary");
        if (nuls > 0)
        {
            var cleaned = new byte[bytes.Length - nuls];
            var at = 0;
            foreach (var b in bytes)
                if (b != 0) cleaned[at++] = b;
            return Decode(cleaned);
        }

        try
        {
            return Checked(StrictUtf8.GetString(bytes), "utf-8");
        }
        catch (DecoderFallbackException)
        {
            // A UTF-8 file cut inside its last character, or with a few damaged bytes, is still UTF-8: read as GB18030
            // every one of its characters would become mojibake. GBK text read as UTF-8 is nearly all invalid, so
            // the share of invalid sequences tells the two apart.
            var lenient = Encoding.UTF8.GetString(bytes);
            if (IsMostlyUtf8(lenient))
                return Checked(lenient, "utf-8");

            // Not UTF-8: GB18030 is a superset of GBK and GB2312, the encodings Chinese extraction tools fall back to.
            // A file whose last character was cut in half still decodes (the fragment becomes U+FFFD).
            var gb = Encoding.GetEncoding("GB18030").GetString(bytes);
            return Checked(gb, "gb18030");
        }
    }

    // At most one undecodable sequence per hundred decoded non-ASCII characters (and always one: a truncated end).
    private static bool IsMostlyUtf8(string lenient)
    {
        int invalid = 0, wide = 0;
        foreach (var c in lenient)
        {
            if (c == '\uFFFD') invalid++;
            else if (c > '\u007F') wide++;
        }
        return invalid <= Math.Max(1, wide / 100);
    }

    private static DecodedPage Checked(string text, string encoding)
    {
        if (string.IsNullOrWhiteSpace(text))
            return new DecodedPage(null, "the file holds only whitespace", encoding);

        // Binary data read as text: control characters, undecodable sequences (U+FFFD, lone surrogates), and code
        // points no text uses (unassigned, private use). Random bytes after a UTF-16 BOM decode without errors, into
        // a quarter of such code points; a real page has next to none.
        var control = 0;
        var unusable = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsControl(rune) && rune.Value is not ('\n' or '\r' or '\t' or '\f')) control++;
            else if (rune == Rune.ReplacementChar || Rune.GetUnicodeCategory(rune) is UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse) unusable++;
        }
        if (control + unusable > Math.Max(16, text.Length / 10))
            return new DecodedPage(null, $"the file does not look like text ({control} control and {unusable} undecodable, unassigned or private-use characters)", encoding);

        return new DecodedPage(text, null, encoding);
    }
}
