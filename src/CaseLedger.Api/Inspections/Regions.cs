namespace CaseLedger.Api.Inspections;

/// <summary>Wales and the English regions, as the inspection reports group YOTs (seed 002's regional table).</summary>
public static class Regions
{
    public static readonly IReadOnlyList<string> All =
    [
        "Wales", "North East", "North West", "Yorkshire and the Humber", "East Midlands", "West Midlands",
        "East of England", "London", "South East", "South West",
    ];
}
