namespace Sessionizer.Generation;

/// <summary>A device type with an operating system that runs on it, and the versions it comes in (none for a pc).</summary>
internal sealed record Platform(string DeviceType, string Os, string?[] Versions)
{
    /// <summary>By device type (pc, tablet, smartphone): a visit picks a type, then one of its platforms, then a version.</summary>
    public static Platform[][] ByDeviceType { get; } =
    [
        [new("pc", "Windows", [null]), new("pc", "Linux", [null]), new("pc", "macOS", [null])],
        [new("tablet", "Android", ["6.0", "7.0", "7.1", "8.0"]), new("tablet", "iOS", ["10.3", "11.0", "11.2"])],
        [
            new("smartphone", "Android", ["6.0", "7.0", "7.1", "8.0"]), new("smartphone", "iOS", ["10.3", "11.0", "11.2"]),
            new("smartphone", "Windows Phone", ["8.1", "10"]),
        ],
    ];
}
