using System.Text;
using Microsoft.Spark.Interop;
using Microsoft.Spark.Interop.Ipc;
using Microsoft.Spark.Sql;

namespace Sessionizer.Spark;

/// <summary>One entry of a listing: its path as Hadoop gives it, its size, and whether it is a directory.</summary>
/// <param name="Path">The qualified path (<c>Path.toString()</c>), e.g. <c>hdfs://nn/in/2026/11/20/10/a.json</c>.</param>
/// <param name="Uri">The same path as <c>Path.toUri().toString()</c> (percent-encoded), the other form Spark reports.</param>
internal sealed record HadoopEntry(string Path, string Uri, string Name, long Bytes, bool IsDirectory);

/// <summary>
/// The file operations the Spark runner needs, done by Hadoop's <c>org.apache.hadoop.fs.FileSystem</c>
/// on the driver through the JVM bridge (Microsoft.Spark's own <c>FileSystem</c> wrapper has only
/// exists and delete, and only for the default file system). Each path gets the file system of its
/// scheme (<c>Path.getFileSystem(conf)</c>: hdfs, s3a, abfss, file). Those instances are Hadoop's
/// cached, shared ones: never closed here, or Spark's own reads would fail with "Filesystem closed".
/// Only strings, booleans, longs and object references cross the bridge; a <c>byte[]</c> can be
/// sent but not returned, so a small text file is read back as a Java string.
/// </summary>
internal sealed class HadoopFiles(SparkSession spark)
{
    private readonly IJvmBridge _jvm = SparkEnvironment.JvmBridge;
    private readonly JvmObjectReference _conf = spark.SparkContext.HadoopConfiguration().Reference;

    public bool Exists(string path) => Call<bool>(path, "exists");

    public bool IsDirectory(string path)
    {
        var p = HadoopPath(path);
        var fs = FileSystemOf(p);
        return (bool)fs.Invoke("exists", p) && (bool)((JvmObjectReference)fs.Invoke("getFileStatus", p)).Invoke("isDirectory");
    }

    /// <summary>Deletes a file or a directory with everything under it; false when there was nothing to delete.</summary>
    public bool Delete(string path)
    {
        var p = HadoopPath(path);
        return (bool)FileSystemOf(p).Invoke("delete", p, true);
    }

    public void Mkdirs(string path)
    {
        var p = HadoopPath(path);
        if (!(bool)FileSystemOf(p).Invoke("mkdirs", p))
        {
            throw new IOException($"Cannot create the directory {path}");
        }
    }

    /// <summary>
    /// Renames <paramref name="from"/> to <paramref name="to"/>, whose parent must exist and which must
    /// not exist (on HDFS-like file systems a directory renamed onto an existing one moves into it).
    /// Hadoop reports most failures by returning false: that is an exception here.
    /// </summary>
    public void Rename(string from, string to)
    {
        var source = HadoopPath(from);
        if (!(bool)FileSystemOf(source).Invoke("rename", source, HadoopPath(to)))
        {
            throw new IOException($"Cannot rename {from} to {to} (the file system refused: a missing parent, or the target exists)");
        }
    }

    /// <summary>A path made absolute and given its file system's scheme, e.g. <c>in</c> to <c>file:/home/me/in</c> (Hadoop's <c>makeQualified</c>).</summary>
    public string Qualify(string path)
    {
        var p = HadoopPath(path);
        return (string)((JvmObjectReference)FileSystemOf(p).Invoke("makeQualified", p)).Invoke("toString");
    }

    /// <summary>A path as Hadoop's <c>Path.toUri().toString()</c> (percent-encoded).</summary>
    public string ToUri(string path) => (string)((JvmObjectReference)HadoopPath(path).Invoke("toUri")).Invoke("toString");

    /// <summary>The size of a file.</summary>
    public long Length(string path)
    {
        var p = HadoopPath(path);
        return Convert.ToInt64(((JvmObjectReference)FileSystemOf(p).Invoke("getFileStatus", p)).Invoke("getLen"), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The entries of a directory, in no particular order.</summary>
    public IReadOnlyList<HadoopEntry> List(string directory)
    {
        var p = HadoopPath(directory);
        var statuses = FileSystemOf(p).Invoke("listStatus", p) switch
        {
            JvmObjectReference[] array => array,
            null => [],
            object[] objects => objects.Cast<JvmObjectReference>().ToArray(),
            var other => throw new InvalidOperationException($"listStatus returned a {other.GetType()}"),
        };
        return statuses.Select(status =>
        {
            var path = (JvmObjectReference)status.Invoke("getPath");
            var uri = (JvmObjectReference)path.Invoke("toUri");
            return new HadoopEntry(
                (string)path.Invoke("toString"), (string)uri.Invoke("toString"), (string)path.Invoke("getName"),
                Convert.ToInt64(status.Invoke("getLen"), System.Globalization.CultureInfo.InvariantCulture), (bool)status.Invoke("isDirectory"));
        }).ToList();
    }

    /// <summary>Creates (or replaces) a file holding exactly <paramref name="bytes"/>, and closes it (closing is what makes it visible on object stores).</summary>
    public void Write(string path, byte[] bytes)
    {
        var p = HadoopPath(path);
        var stream = (JvmObjectReference)FileSystemOf(p).Invoke("create", p, true);
        try
        {
            if (bytes.Length > 0)
            {
                stream.Invoke("write", bytes);
            }

            stream.Invoke("hflush");
        }
        finally
        {
            stream.Invoke("close");
        }
    }

    /// <summary>
    /// A small UTF-8 text file's content. A <c>byte[]</c> cannot come back over the bridge, so Java
    /// decodes it (<c>java.util.Scanner</c> over the stream, the whole input as one token): invalid
    /// UTF-8 would come back with U+FFFD, which for the manifests this reads means a damaged file.
    /// </summary>
    public string ReadText(string path)
    {
        var p = HadoopPath(path);
        var stream = (JvmObjectReference)FileSystemOf(p).Invoke("open", p);
        try
        {
            var scanner = _jvm.CallConstructor("java.util.Scanner", stream, "UTF-8");
            scanner.Invoke("useDelimiter", @"\A");
            return (bool)scanner.Invoke("hasNext") ? (string)scanner.Invoke("next") : "";
        }
        finally
        {
            stream.Invoke("close");
        }
    }

    /// <summary>The UTF-8 bytes of <see cref="ReadText"/>: the file's bytes when it is valid UTF-8.</summary>
    public byte[] ReadUtf8(string path) => Encoding.UTF8.GetBytes(ReadText(path));

    private T Call<T>(string path, string method)
    {
        var p = HadoopPath(path);
        return (T)FileSystemOf(p).Invoke(method, p);
    }

    private JvmObjectReference HadoopPath(string path) => _jvm.CallConstructor("org.apache.hadoop.fs.Path", path);

    private JvmObjectReference FileSystemOf(JvmObjectReference path) => (JvmObjectReference)path.Invoke("getFileSystem", _conf);
}
