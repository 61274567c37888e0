namespace CaseLedger.Bench.Dataset;

/// <summary>Deterministic draws: ids and choices come from a seeded <see cref="Random"/>, never from the clock.</summary>
public static class Draws
{
    /// <summary>A version-4-shaped UUID from the generator's own bytes, so the same seed names the same things.</summary>
    public static Guid NextGuid(this Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    public static double Between(this Random random, double low, double high) => low + (high - low) * random.NextDouble();

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Picks by weight: <paramref name="choices"/> pairs each value with its relative frequency.</summary>
    public static T Weighted<T>(this Random random, IReadOnlyList<(T Value, double Weight)> choices)
    {
        var roll = random.NextDouble() * choices.Sum(choice => choice.Weight);
        foreach (var (value, weight) in choices)
        {
            if (roll < weight) return value;
            roll -= weight;
        }
        return choices[^1].Value;
    }

    /// <summary>
    /// A seed for one item of a sequence (an inspection by index). Stable across processes and runtimes, unlike
    /// <see cref="HashCode"/>, so the dataset at one scale is a prefix of the dataset at a larger one.
    /// </summary>
    public static int SeedFor(int seed, int index)
    {
        var mixed = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)index * 0xBF58476D1CE4E5B9UL);
        mixed ^= mixed >> 31;
        mixed = unchecked(mixed * 0x94D049BB133111EBUL);
        return (int)(mixed >> 33);
    }
}
