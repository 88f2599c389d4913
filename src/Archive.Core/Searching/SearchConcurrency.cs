namespace Archive.Core.Searching;

/// <summary>
/// The searches running in this process, and how many threads one of them may use: one per core that no other
/// search is using. An idle site splits a search over its cores (its matches in parallel slices, its best hits'
/// refinement, its page of hits beside its facets); under load every core is already busy with a search of its own,
/// and splitting one would only add the parts' set-up and merging (5–10 % more CPU).
/// </summary>
internal static class SearchConcurrency
{
    private static int _inFlight;

    /// <summary>Counts a search in until the lease is disposed; the lease says how many threads it may use.</summary>
    public static Lease Enter() => new(ThreadsFor(Environment.ProcessorCount, Interlocked.Increment(ref _inFlight)));

    internal static int ThreadsFor(int cores, int searchesInFlight) => Math.Max(1, cores - (searchesInFlight - 1));

    /// <summary>One search's place among those running.</summary>
    public readonly struct Lease(int threads) : IDisposable
    {
        /// <summary>Threads this search may use (at least one).</summary>
        public int Threads { get; } = threads;

        public void Dispose() => Interlocked.Decrement(ref _inFlight);
    }
}
