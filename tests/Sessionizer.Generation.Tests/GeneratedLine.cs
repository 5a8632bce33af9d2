using Sessionizer.Core.Time;

namespace Sessionizer.Generation.Tests;

/// <summary>One line of a generated file, with the hour folder and file it was found in.</summary>
internal sealed record GeneratedLine(Window Folder, string File, byte[] Bytes)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Bytes);
}
