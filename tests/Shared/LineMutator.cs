using System.Text;

namespace Sessionizer.Tests.Shared;

/// <summary>Breaks lines at random, for the differential tests; with a fixed seed, always the same way.</summary>
internal static class LineMutator
{
    private static readonly byte[] Alphabet = Encoding.UTF8.GetBytes("{}[]\":,\\ \t0123456789.eE-+tfnulx/é\u0001");

    /// <summary>One to three edits: delete, insert, replace a byte, or repeat or drop a slice.</summary>
    public static byte[] Mutate(byte[] line, Random random)
    {
        var bytes = new List<byte>(line);
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits && bytes.Count > 0; e++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0:
                    bytes.RemoveAt(at);
                    break;
                case 1:
                    bytes.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                    break;
                case 2:
                    bytes[at] = Alphabet[random.Next(Alphabet.Length)];
                    break;
                case 3:
                    var length = Math.Min(random.Next(1, 30), bytes.Count - at);
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
                default:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 30), bytes.Count - at));
                    break;
            }
        }

        return [.. bytes];
    }
}
