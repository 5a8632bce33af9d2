using Sessionizer.Core.Time;

namespace Sessionizer.Core.Sessions;

/// <summary>The parameters of sessionization (docs/reference.md §3).</summary>
public sealed class SessionRules
{
    public static readonly TimeSpan DefaultInactivityTimeout = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan DefaultMaxSessionDuration = TimeSpan.FromHours(24);

    public SessionRules(TimeSpan inactivityTimeout, TimeSpan maxSessionDuration, IEnumerable<string>? closingPages = null)
    {
        if (inactivityTimeout < TimeSpan.FromMilliseconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(inactivityTimeout), "The inactivity timeout must be at least 1ms.");
        }

        if (maxSessionDuration < TimeSpan.FromMilliseconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(maxSessionDuration), "The maximum session duration must be at least 1ms.");
        }

        InactivityTimeoutMs = (long)inactivityTimeout.TotalMilliseconds;
        MaxSessionDurationMs = (long)maxSessionDuration.TotalMilliseconds;
        ClosingPages = (closingPages ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        _closing = new HashSet<string>(ClosingPages, StringComparer.Ordinal);
    }

    private readonly HashSet<string> _closing;

    public static SessionRules Default { get; } = new(DefaultInactivityTimeout, DefaultMaxSessionDuration);

    /// <summary>T: a gap longer than this splits sessions.</summary>
    public long InactivityTimeoutMs { get; }

    /// <summary>M: a session that has lasted this long is closed at the end of the window.</summary>
    public long MaxSessionDurationMs { get; }

    /// <summary>C: pages whose visit closes the session, sorted ordinally.</summary>
    public IReadOnlyList<string> ClosingPages { get; }

    public bool IsClosingPage(string page) => _closing.Count != 0 && _closing.Contains(page);

    public string Describe() =>
        $"inactivity-timeout={Duration.Format(TimeSpan.FromMilliseconds(InactivityTimeoutMs))} " +
        $"max-session-duration={Duration.Format(TimeSpan.FromMilliseconds(MaxSessionDurationMs))} " +
        $"closing-pages=[{string.Join(",", ClosingPages)}]";
}
