namespace Sessionizer.Core.Visits;

/// <summary>The reason codes as written in rejected records, logs and manifests.</summary>
public static class RejectionReasons
{
    private static readonly string[] Codes =
    [
        "line_too_long", "malformed_json", "not_an_object", "missing_user_id", "invalid_user_id",
        "missing_event_time", "invalid_event_time", "missing_page", "invalid_page",
    ];

    public static IReadOnlyList<RejectionReason> All { get; } = Enum.GetValues<RejectionReason>();

    public static string Code(this RejectionReason reason) => Codes[(int)reason];
}
