using System.Text;

namespace Sessionizer.Core.Records;

/// <summary>
/// The one JSON text form of strings in every record every engine writes (docs/reference.md §4.5):
/// UTF-8, with only what JSON requires escaped: <c>"</c> and <c>\</c>, and the control characters
/// U+0000-U+001F, as <c>\b \t \n \f \r</c> or <c>\u00XX</c> (upper-case hex). Everything else,
/// emoji included, is written as its UTF-8 bytes. This is what Spark's JSON writer (Jackson) writes
/// by default and what a SQL plan can write with a few replacements, so the engines' bytes agree;
/// System.Text.Json's writer escapes much more (every character above U+FFFF, U+00A0, U+2028, code
/// points unassigned in its Unicode tables), which no other engine reproduces.
/// </summary>
internal static class JsonText
{
    private static readonly byte[] Hex = "0123456789ABCDEF"u8.ToArray();

    /// <summary>The JSON string of <paramref name="value"/>, quotes included.</summary>
    public static byte[] Quote(string value) => Quote(Encoding.UTF8.GetBytes(value));

    /// <summary>The JSON string of UTF-8 text, quotes included.</summary>
    public static byte[] Quote(ReadOnlySpan<byte> utf8)
    {
        var escapes = 0;
        foreach (var b in utf8)
        {
            escapes += b < 0x20 ? 5 : b is (byte)'"' or (byte)'\\' ? 1 : 0;
        }

        var quoted = new byte[utf8.Length + escapes + 2];
        quoted[0] = (byte)'"';
        var at = 1;
        foreach (var b in utf8)
        {
            if (b >= 0x20 && b != '"' && b != '\\')
            {
                quoted[at++] = b;
                continue;
            }

            quoted[at++] = (byte)'\\';
            var shortForm = b switch
            {
                (byte)'"' => (byte)'"',
                (byte)'\\' => (byte)'\\',
                0x08 => (byte)'b',
                0x09 => (byte)'t',
                0x0A => (byte)'n',
                0x0C => (byte)'f',
                0x0D => (byte)'r',
                _ => (byte)0,
            };
            if (shortForm != 0)
            {
                quoted[at++] = shortForm;
            }
            else
            {
                "u00"u8.CopyTo(quoted.AsSpan(at));
                quoted[at + 3] = Hex[b >> 4];
                quoted[at + 4] = Hex[b & 0xF];
                at += 5;
            }
        }

        quoted[at++] = (byte)'"';
        return at == quoted.Length ? quoted : quoted[..at];
    }
}
