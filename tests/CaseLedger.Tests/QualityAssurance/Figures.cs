namespace CaseLedger.Tests.QualityAssurance;

/// <summary>A reliability figure as the JSON gives it, compared in one go against a hand count.</summary>
public sealed record Figures(
    int Sampled, int Pending, int Confirmed, int Overturned, double? Rate, double? Lower, double? Upper, int Down, int Up, int Applicability)
{
    public static Figures Of(JsonElement figures)
    {
        var interval = figures.GetProperty("interval");
        double? Bound(string name) => interval.ValueKind == JsonValueKind.Null ? null : Math.Round(interval.GetProperty(name).GetDouble(), 1);
        var rate = figures.GetProperty("overturnRate");
        return new Figures(
            figures.GetProperty("sampled").GetInt32(), figures.GetProperty("pending").GetInt32(), figures.GetProperty("confirmed").GetInt32(),
            figures.GetProperty("overturned").GetInt32(), rate.ValueKind == JsonValueKind.Null ? null : rate.GetDouble(), Bound("lower"), Bound("upper"),
            figures.GetProperty("sufficientToInsufficient").GetInt32(), figures.GetProperty("insufficientToSufficient").GetInt32(),
            figures.GetProperty("applicability").GetInt32());
    }

    public static Figures Row(JsonElement list, string property, string value) =>
        Of(list.EnumerateArray().Single(row => row.GetProperty(property).GetString() == value).GetProperty("figures"));

    public static Figures Week(JsonElement row, int week) =>
        Of(row.GetProperty("weeks").EnumerateArray().Single(w => w.GetProperty("week").GetInt32() == week).GetProperty("figures"));
}
