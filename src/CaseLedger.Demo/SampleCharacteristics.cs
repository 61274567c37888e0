namespace CaseLedger.Demo;

/// <summary>
/// A case sample described as a report's "characteristics of cases inspected" charts describe it: how many cases of
/// each sentence type, risk of serious harm level, gender, ethnicity and age, how many terminated, and how many
/// were examined in each fieldwork week; <see cref="About"/> says what in the report they follow. <see cref="Build"/>
/// deals the attributes out to cases C01, C02, ... with a seeded shuffle, so the counts are exact and the same every
/// time.
/// </summary>
public sealed record SampleCharacteristics(
    OrderedDictionary<string, int> SentenceTypes,
    OrderedDictionary<string, int> RiskOfHarm,
    OrderedDictionary<string, int> Genders,
    OrderedDictionary<string, int> Ethnicities,
    OrderedDictionary<int, int> Ages,
    int Terminated,
    IReadOnlyList<int> CasesPerWeek,
    int Seed,
    string? About = null)
{
    private static readonly IReadOnlyList<string> CustodialSentences = ["detention-and-training-order", "other-custodial-sentence"];
    private static readonly string[] RiskLevels = ["low", "medium", "high", "very-high"];

    /// <summary>The cases, each examined by one of <paramref name="assessors"/> in turn within its week.</summary>
    /// <exception cref="InvalidOperationException">The attribute counts do not add up to one sample size.</exception>
    public IReadOnlyList<DemoCase> Build(IReadOnlyList<string> assessors)
    {
        var size = SentenceTypes.Values.Sum();
        Require(size, "risk of harm levels", RiskOfHarm.Values.Sum());
        Require(size, "genders", Genders.Values.Sum());
        Require(size, "ethnicities", Ethnicities.Values.Sum());
        Require(size, "ages", Ages.Values.Sum());
        Require(size, "fieldwork weeks", CasesPerWeek.Sum());

        var random = new Random(Seed);
        var sentences = Shuffled(Expand(SentenceTypes), random);
        var risks = RisksBySentence(sentences, random);
        var genders = Shuffled(Expand(Genders), random);
        var ethnicities = Shuffled(Expand(Ethnicities), random);
        var ages = Shuffled(Expand(Ages), random);
        var terminated = Shuffled([.. Enumerable.Range(0, size).Select(index => index < Terminated)], random);
        var weeks = CasesPerWeek.SelectMany((cases, week) => Enumerable.Repeat(week + 1, cases)).ToArray();

        return [.. Enumerable.Range(0, size).Select(index =>
        {
            var inWeek = index - weeks.Take(index).Count(week => week != weeks[index]);
            return new DemoCase(
                $"C{index + 1:00}",
                sentences[index],
                CustodialSentences.Contains(sentences[index]) ? "custody" : "community",
                ages[index],
                genders[index],
                ethnicities[index],
                risks[index],
                terminated[index] ? "terminated" : "current",
                weeks[index],
                assessors[inWeek % assessors.Count]);
        })];
    }

    /// <summary>
    /// Custodial sentences tend to go with higher risk of serious harm: the highest levels go to custody cases
    /// first, then a few swaps at random keep the pairing loose.
    /// </summary>
    private string[] RisksBySentence(IReadOnlyList<string> sentences, Random random)
    {
        var levels = Expand(RiskOfHarm).OrderByDescending(level => Array.IndexOf(RiskLevels, level)).ToArray();
        var order = Enumerable.Range(0, sentences.Count)
            .Select(index => (Index: index, Custody: CustodialSentences.Contains(sentences[index]), Draw: random.NextDouble()))
            .OrderByDescending(entry => entry.Custody).ThenBy(entry => entry.Draw)
            .Select(entry => entry.Index)
            .ToArray();
        var risks = new string[sentences.Count];
        for (var rank = 0; rank < order.Length; rank++)
            risks[order[rank]] = levels[rank];
        for (var swap = 0; swap < risks.Length / 4; swap++)
        {
            var (a, b) = (random.Next(risks.Length), random.Next(risks.Length));
            (risks[a], risks[b]) = (risks[b], risks[a]);
        }

        return risks;
    }

    /// <summary>Each value as many times as it has cases, in the order the seed file lists them.</summary>
    private static T[] Expand<T>(OrderedDictionary<T, int> counts) where T : notnull =>
        [.. counts.SelectMany(entry => Enumerable.Repeat(entry.Key, entry.Value))];

    private static T[] Shuffled<T>(T[] values, Random random)
    {
        random.Shuffle(values);
        return values;
    }

    private static void Require(int size, string what, int total)
    {
        if (total != size)
            throw new InvalidOperationException($"The sample has {size} cases by sentence type but {total} by {what}.");
    }
}
