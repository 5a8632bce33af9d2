namespace Sessionizer.Generation;

/// <summary>How a visit's optional fields are damaged; fixed for all the events of the visit.</summary>
internal enum VisitAnomaly : byte
{
    None,

    /// <summary>Two of device, network, browser and source are null.</summary>
    Incomplete,

    /// <summary>Two of device, network, browser and source have another shape than the schema's.</summary>
    Inconsistent,
}
