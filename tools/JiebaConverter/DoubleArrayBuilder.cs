namespace JiebaConverter;

/// <summary>A double-array trie: <c>child = Base[parent] + code(c)</c>, valid when <c>Check[child] == parent</c>.</summary>
/// <param name="Alphabet">The characters, in code order: code(Alphabet[i]) = i + 1 (0 means "not in the dictionary").</param>
/// <param name="Frequency">Per slot: the frequency of the word ending there, 0 for a prefix that is no word.</param>
internal sealed record DoubleArray(char[] Alphabet, int[] Base, int[] Check, int[] Frequency);

/// <summary>
/// Builds the trie of the dictionary's words as a double array, once, at conversion time, so that the application
/// only reads three int arrays at start-up (no parsing, no hashing, no per-word objects).
/// </summary>
internal sealed class DoubleArrayBuilder
{
    private readonly IReadOnlyList<(string Word, int Frequency)> _words;
    private readonly ushort[] _code = new ushort[char.MaxValue + 1];
    private int[] _base = new int[1 << 20];
    private int[] _check = new int[1 << 20];
    private int[] _frequency = new int[1 << 20];
    private bool[] _baseUsed = new bool[1 << 20];
    private int _size = 1;          // slots in use: the highest used slot + 1
    private int _nextCheck = 1;     // below this every slot is taken, roughly: where the search for a free base starts

    private DoubleArrayBuilder(IReadOnlyList<(string Word, int Frequency)> words) => _words = words;

    /// <param name="words">Distinct words with positive frequencies, sorted ordinally.</param>
    public static DoubleArray Build(IReadOnlyList<(string Word, int Frequency)> words)
    {
        var builder = new DoubleArrayBuilder(words);
        var alphabet = builder.AssignCodes();
        Array.Fill(builder._check, -1);
        builder.Place(0, 0, words.Count, 0);
        var size = builder._size;
        return new DoubleArray(alphabet, builder._base[..size], builder._check[..size], builder._frequency[..size]);
    }

    // Frequent characters get small codes, so the children of busy nodes pack densely.
    private char[] AssignCodes()
    {
        var counts = new Dictionary<char, int>();
        foreach (var (word, _) in _words)
            foreach (var c in word)
                counts[c] = counts.GetValueOrDefault(c) + 1;
        var alphabet = counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Select(p => p.Key).ToArray();
        for (var i = 0; i < alphabet.Length; i++) _code[alphabet[i]] = (ushort)(i + 1);
        return alphabet;
    }

    // The node at `slot` stands for the common prefix (length `depth`) of _words[from..to).
    private void Place(int slot, int from, int to, int depth)
    {
        if (_words[from].Word.Length == depth)
        {
            // Sorted ordinally, the prefix itself comes first.
            _frequency[slot] = _words[from].Frequency;
            from++;
        }
        if (from == to) return;

        var groups = new List<(int Code, int From, int To)>();
        for (var i = from; i < to;)
        {
            var c = _words[i].Word[depth];
            var j = i + 1;
            while (j < to && _words[j].Word[depth] == c) j++;
            groups.Add((_code[c], i, j));
            i = j;
        }

        var b = FindBase(groups);
        _base[slot] = b;
        foreach (var (code, _, _) in groups) _check[b + code] = slot;
        foreach (var (code, start, end) in groups) Place(b + code, start, end, depth + 1);
    }

    // The first base at which every child's slot is free.
    private int FindBase(List<(int Code, int From, int To)> children)
    {
        int min = int.MaxValue, max = 0;
        foreach (var (code, _, _) in children)
        {
            min = Math.Min(min, code);
            max = Math.Max(max, code);
        }

        var position = Math.Max(min + 1, _nextCheck) - 1;
        var taken = 0;
        var firstFree = true;
        int b;
        while (true)
        {
            position++;
            EnsureCapacity(position + 1);
            if (_check[position] != -1 || position == 0)
            {
                taken++;
                continue;
            }
            if (firstFree)
            {
                _nextCheck = position;
                firstFree = false;
            }
            b = position - min;
            if (b < 1 || _baseUsed[b]) continue;
            EnsureCapacity(b + max + 1);
            var fits = true;
            foreach (var (code, _, _) in children)
            {
                if (_check[b + code] != -1) { fits = false; break; }
            }
            if (fits) break;
        }

        // Where the region scanned was almost full, start later next time instead of rescanning it.
        if (taken >= 0.95 * (position - _nextCheck + 1)) _nextCheck = position;
        _baseUsed[b] = true;
        _size = Math.Max(_size, b + max + 1);
        return b;
    }

    private void EnsureCapacity(int length)
    {
        if (length <= _base.Length) return;
        var capacity = Math.Max(length, _base.Length * 2);
        var oldLength = _check.Length;
        Array.Resize(ref _base, capacity);
        Array.Resize(ref _check, capacity);
        Array.Resize(ref _frequency, capacity);
        Array.Resize(ref _baseUsed, capacity);
        Array.Fill(_check, -1, oldLength, capacity - oldLength);
    }
}
