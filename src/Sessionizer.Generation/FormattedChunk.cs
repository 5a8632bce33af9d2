namespace Sessionizer.Generation;

/// <summary>A chunk whose lines are ready to append to its hour's part files: as text, or as one gzip member per file.</summary>
internal sealed class FormattedChunk(EventChunk chunk, MemoryStream[]? gzipMembers)
{
    public EventChunk Chunk => chunk;

    public ReadOnlySpan<byte> Bytes(int file) =>
        gzipMembers is null ? chunk.Lines(file).Span : gzipMembers[file].GetBuffer().AsSpan(0, (int)gzipMembers[file].Length);

    /// <summary>Gives the buffers back for reuse, once written.</summary>
    public void Release(VisitSimulator simulator, GzipMembers? gzip)
    {
        simulator.Recycle(chunk);
        if (gzipMembers is not null)
        {
            foreach (var member in gzipMembers)
            {
                gzip!.Return(member);
            }
        }
    }
}
