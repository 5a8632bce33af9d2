using System.Reflection;

namespace Sessionizer.Engine.Runs;

/// <summary>The version manifests record, from the assembly (set in Directory.Build.props).</summary>
internal static class ProductVersion
{
    public static string Current { get; } =
        typeof(ProductVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";
}
