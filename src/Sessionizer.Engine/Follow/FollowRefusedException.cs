namespace Sessionizer.Engine.Follow;

/// <summary>
/// <c>follow</c> cannot start as asked (a usage error, exit 2): nothing is committed and no first
/// window or initial state is given, or <c>--from</c> would leave a gap or rewrite committed windows.
/// </summary>
public sealed class FollowRefusedException : Exception
{
    public FollowRefusedException()
    {
    }

    public FollowRefusedException(string message)
        : base(message)
    {
    }

    public FollowRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
