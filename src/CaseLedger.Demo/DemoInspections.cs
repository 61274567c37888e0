namespace CaseLedger.Demo;

/// <summary>The five seed inspections, in the order they load.</summary>
public static class DemoInspections
{
    public static IReadOnlyList<DemoInspection> All { get; } =
    [
        DemoNorthamptonshire.Inspection,
        DemoLambeth.Inspection,
        DemoStockport.Inspection,
        DemoSouthend.Inspection,
        DemoNorfolk.Inspection,
    ];
}
