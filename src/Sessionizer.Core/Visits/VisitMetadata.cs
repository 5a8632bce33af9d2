using Sessionizer.Core.Text;
namespace Sessionizer.Core.Visits;

/// <summary>
/// The descriptive fields a session takes from its first event. Instances are interned by
/// <see cref="Vocabulary"/>, so equal metadata is usually the same object.
/// </summary>
public sealed record VisitMetadata(string? Site, string? ApiVersion, string? Browser, string? Language)
{
    public static readonly VisitMetadata None = new(null, null, null, null);

    /// <summary>Ordinal comparison, null first, in the canonical order's field order.</summary>
    public static int Compare(VisitMetadata a, VisitMetadata b)
    {
        if (ReferenceEquals(a, b))
        {
            return 0;
        }

        var c = CodePointOrder.Compare(a.Site, b.Site);
        if (c != 0)
        {
            return c;
        }

        c = CodePointOrder.Compare(a.ApiVersion, b.ApiVersion);
        if (c != 0)
        {
            return c;
        }

        c = CodePointOrder.Compare(a.Browser, b.Browser);
        return c != 0 ? c : CodePointOrder.Compare(a.Language, b.Language);
    }
}
