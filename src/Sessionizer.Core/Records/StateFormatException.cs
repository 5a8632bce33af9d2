namespace Sessionizer.Core.Records;

/// <summary>An active-session record that cannot be read. State is never skipped: this fails the run.</summary>
public sealed class StateFormatException : Exception
{
    public StateFormatException()
    {
    }

    public StateFormatException(string message)
        : base(message)
    {
    }

    public StateFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
