namespace Sessionizer.Core.Visits;

/// <summary>
/// The descriptive fields a session takes from its first event. Instances are interned by
/// <see cref="Vocabulary"/>, so equal metadata is usually the same object.
/// </summary>
/// <remarks>
/// Each instance has a twin that marks visits of the previous state (<see cref="Visit.FromState"/>):
/// carrying the origin in the metadata reference keeps a <see cref="Visit"/> at 32 bytes, which
/// matters at hundreds of millions of visits. Equality ignores the origin.
/// </remarks>
public sealed class VisitMetadata : IEquatable<VisitMetadata>
{
    public static readonly VisitMetadata None = new(null, null, null, null);

    private VisitMetadata? _twin;

    public VisitMetadata(string? site, string? apiVersion, string? browser, string? language)
    {
        Site = site;
        ApiVersion = apiVersion;
        Browser = browser;
        Language = language;
    }

    private VisitMetadata(VisitMetadata twin, bool isStateTwin)
        : this(twin.Site, twin.ApiVersion, twin.Browser, twin.Language)
    {
        _twin = twin;
        IsStateTwin = isStateTwin;
    }

    public string? Site { get; }

    public string? ApiVersion { get; }

    public string? Browser { get; }

    public string? Language { get; }

    /// <summary>Whether this instance is the previous-state twin.</summary>
    internal bool IsStateTwin { get; }

    /// <summary>The instance that marks new events.</summary>
    internal VisitMetadata AsNew => IsStateTwin ? _twin! : this;

    /// <summary>The instance that marks visits of the previous state.</summary>
    internal VisitMetadata AsState
    {
        get
        {
            if (IsStateTwin)
            {
                return this;
            }

            if (_twin is null)
            {
                Interlocked.CompareExchange(ref _twin, new VisitMetadata(this, isStateTwin: true), null);
            }

            return _twin;
        }
    }

    /// <summary>Ordinal comparison, null first, in the canonical order's field order; the origin is not compared.</summary>
    public static int Compare(VisitMetadata a, VisitMetadata b)
    {
        if (ReferenceEquals(a, b) || ReferenceEquals(a, b._twin))
        {
            return 0;
        }

        var c = string.CompareOrdinal(a.Site, b.Site);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(a.ApiVersion, b.ApiVersion);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(a.Browser, b.Browser);
        return c != 0 ? c : string.CompareOrdinal(a.Language, b.Language);
    }

    public bool Equals(VisitMetadata? other) => other is not null && Compare(this, other) == 0;

    public override bool Equals(object? obj) => Equals(obj as VisitMetadata);

    public override int GetHashCode() => HashCode.Combine(Site, ApiVersion, Browser, Language);

    public override string ToString() => $"site={Site}, api_version={ApiVersion}, browser={Browser}, language={Language}";
}
