namespace CaseLedger.Api.Frameworks;

/// <summary>Counts written the way the messages read best ("listed twice", "in two criteria").</summary>
internal static class Wording
{
    public static string Times(int count) => count switch
    {
        2 => "twice",
        3 => "three times",
        _ => $"{count} times",
    };

    public static string Number(int count) => count switch
    {
        2 => "two",
        3 => "three",
        _ => $"{count}",
    };
}
