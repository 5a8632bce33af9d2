namespace Sessionizer.Sql;

/// <summary>
/// The names of the facts a dialect reads from a line's JSON (<see cref="SqlDialect.FieldSteps"/>), the
/// vocabulary the validation ladder is written in. Kinds are small strings, so that the ladder reads
/// the same in every dialect.
/// </summary>
internal static class LineProbes
{
    /// <summary><c>'absent'</c> (no key, or null), <c>'integer'</c> (an integer literal fitting 64 bits), <c>'other'</c>.</summary>
    public const string UserIdKind = "user_id_kind";

    /// <summary>The value of an <c>'integer'</c> user id, else null.</summary>
    public const string UserId = "user_id";

    /// <summary><c>'absent'</c>, <c>'string'</c>, <c>'integer'</c> (fitting 64 bits) or <c>'other'</c>.</summary>
    public const string EventTimeKind = "event_time_kind";

    /// <summary>The text of a <c>'string'</c> event time, unescaped, else null.</summary>
    public const string EventTimeText = "event_time_text";

    /// <summary>The value of an <c>'integer'</c> event time, else null.</summary>
    public const string EventTimeInteger = "event_time_integer";

    /// <summary><c>'absent'</c> (no page object, or no or a null <c>current</c> in it), <c>'string'</c> or <c>'other'</c>.</summary>
    public const string PageKind = "page_kind";

    /// <summary>The text of a <c>'string'</c> page.current, unescaped, else null.</summary>
    public const string Page = "page";

    /// <summary>The four optional metadata strings: the text when the field is a string, else null.</summary>
    public const string Site = "site";

    public const string ApiVersion = "api_version";

    public const string Browser = "browser";

    public const string Language = "language";

    /// <summary>Every probe a dialect's last field step must define.</summary>
    public static IReadOnlyList<string> All { get; } =
        [UserIdKind, UserId, EventTimeKind, EventTimeText, EventTimeInteger, PageKind, Page, Site, ApiVersion, Browser, Language];
}
