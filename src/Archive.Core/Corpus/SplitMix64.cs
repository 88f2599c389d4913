namespace Archive.Core.Corpus;

/// <summary>
/// A small, fast pseudo-random generator (SplitMix64) whose sequence is fixed by its algorithm, not by the runtime:
/// <see cref="Random"/> with a seed promises no stable sequence across .NET versions, and a corpus must be the same
/// bytes for the same seed everywhere. A mutable struct: pass it by <c>ref</c>.
/// </summary>
public struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    /// <summary>A generator for one item of a sequence (a page), independent of the order items are generated in.</summary>
    public static SplitMix64 For(int seed, long item)
    {
        var mixer = new SplitMix64(((ulong)(uint)seed << 32) ^ (ulong)item * 0x9E3779B97F4A7C15UL);
        return new SplitMix64(mixer.NextUInt64());
    }

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, <paramref name="max"/>).</summary>
    public long NextInt64(long max) => (long)(NextUInt64() % (ulong)max);

    /// <summary>A number in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public int Next(int min, int max) => min + (int)NextInt64(max - min);

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => (NextUInt64() >> 11) * (1.0 / (1UL << 53)) < p;

    /// <summary>One of the items.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[(int)NextInt64(items.Count)];
}
