namespace Sessionizer.Core.Text;

/// <summary>
/// Orders strings by code point, which is the order of their UTF-8 bytes: the order Spark and
/// DuckDB give strings, so that every engine sorts alike (docs/reference.md §3.3). .NET's ordinal
/// order compares UTF-16 code units instead, which puts a character above U+FFFF (a surrogate pair,
/// 0xD800-0xDFFF) before one in U+E000-U+FFFF. Null sorts first.
/// </summary>
public static class CodePointOrder
{
    public static int Compare(string? a, string? b)
    {
        if (ReferenceEquals(a, b))
        {
            return 0;
        }

        if (a is null || b is null)
        {
            return a is null ? -1 : 1;
        }

        var common = a.AsSpan().CommonPrefixLength(b);
        if (common == a.Length || common == b.Length)
        {
            return a.Length - b.Length;
        }

        // At the first differing code unit, lift surrogates above U+E000-U+FFFF: every other unit
        // keeps its order, and a pair's order is that of its code point.
        return Rank(a[common]) - Rank(b[common]);
    }

    private static int Rank(char c) => c >= 0xE000 ? c - 0x800 : c >= 0xD800 ? c + 0x2000 : c;
}
