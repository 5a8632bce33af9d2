namespace Sessionizer.Core.Sessions;

/// <summary>The end reasons as written in closed sessions and manifests.</summary>
public static class EndReasons
{
    public static IReadOnlyList<EndReason> All { get; } = Enum.GetValues<EndReason>();

    public static string Code(this EndReason reason) => reason switch
    {
        EndReason.Inactivity => "inactivity",
        EndReason.ClosingAction => "closing_action",
        EndReason.MaxDuration => "max_duration",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };
}
