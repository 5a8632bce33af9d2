namespace Sessionizer.Generation;

/// <summary>
/// Checks the hour folders a generation writes to before it starts: part files of another
/// generation left beside new ones would be read as one hour's input, so a folder that holds files
/// fails the generation, unless the caller asked to overwrite, which deletes the part files first.
/// </summary>
internal static class HourFolders
{
    public static void Prepare(string root, GenerationSettings settings, bool overwrite)
    {
        var hour = settings.Start;
        for (var i = 0; i < settings.Hours; i++, hour = hour.Next)
        {
            var folder = Path.Combine(root, hour.PartitionPath);
            if (!Directory.Exists(folder) || !Directory.EnumerateFileSystemEntries(folder).Any())
            {
                continue;
            }

            if (!overwrite)
            {
                throw new IOException($"{folder} already holds files; generate into an empty root, or pass --overwrite to replace its part files.");
            }

            foreach (var file in Directory.EnumerateFiles(folder, "part-*").Concat(Directory.EnumerateFiles(folder, HourWriter.TempPrefix + "*")))
            {
                File.Delete(file);
            }
        }
    }
}
