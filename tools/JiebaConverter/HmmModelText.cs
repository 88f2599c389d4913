using System.Globalization;
using System.Text.RegularExpressions;

namespace JiebaConverter;

/// <summary>
/// jieba's HMM for unknown words (<c>finalseg/prob_start.py</c>, <c>prob_trans.py</c>, <c>prob_emit.py</c>): Python dict
/// literals of log-probabilities over the states B (begin), M (middle), E (end), S (single).
/// </summary>
internal sealed partial record HmmModelText(double[] Start, double[,] Transition, IReadOnlyList<Dictionary<char, double>> Emissions)
{
    /// <summary>The states, in the order the files we write use.</summary>
    public const string States = "BMES";

    /// <summary>jieba's stand-in for log(0).</summary>
    public const double Impossible = -3.14e100;

    public static HmmModelText Read(string folder)
    {
        var start = new double[4];
        foreach (var (state, value) in Pairs(File.ReadAllText(Path.Combine(folder, "prob_start.py")), StatePair()))
            start[StateIndex(state)] = value;

        var transition = new double[4, 4];
        for (var i = 0; i < 4; i++) for (var j = 0; j < 4; j++) transition[i, j] = Impossible;
        foreach (var (from, body) in Sections(File.ReadAllText(Path.Combine(folder, "prob_trans.py"))))
            foreach (var (to, value) in Pairs(body, StatePair()))
                transition[StateIndex(from), StateIndex(to)] = value;

        var emissions = Enumerable.Range(0, 4).Select(_ => new Dictionary<char, double>()).ToList();
        foreach (var (state, body) in Sections(File.ReadAllText(Path.Combine(folder, "prob_emit.py"))))
            foreach (var (character, value) in Pairs(body, CharPair()))
                emissions[StateIndex(state)][Unescape(character)] = value;

        if (emissions.Any(e => e.Count == 0)) throw new InvalidDataException("prob_emit.py: a state has no emissions; has its format changed?");
        return new HmmModelText(start, transition, emissions);
    }

    private static int StateIndex(string state) =>
        States.IndexOf(state[0]) is var i and >= 0 ? i : throw new InvalidDataException($"Unknown HMM state {state}");

    // 'B': { ... } blocks of a nested dict literal.
    private static IEnumerable<(string State, string Body)> Sections(string text) =>
        SectionPattern().Matches(text).Select(m => (m.Groups[1].Value, m.Groups[2].Value));

    private static IEnumerable<(string Key, double Value)> Pairs(string text, Regex pattern) =>
        pattern.Matches(text).Select(m => (m.Groups[1].Value, double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)));

    // Keys are written either as the character itself or as a \uXXXX escape.
    private static char Unescape(string key) =>
        key.StartsWith("\\u", StringComparison.Ordinal) ? (char)int.Parse(key.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) : key[0];

    [GeneratedRegex(@"'([BMES])'\s*:\s*\{([^}]*)\}")]
    private static partial Regex SectionPattern();

    [GeneratedRegex(@"'([BMES])'\s*:\s*(-?[0-9.]+(?:[eE][-+]?[0-9]+)?)")]
    private static partial Regex StatePair();

    [GeneratedRegex(@"u?'(\\u[0-9a-fA-F]{4}|[^'\\])'\s*:\s*(-?[0-9.]+(?:[eE][-+]?[0-9]+)?)")]
    private static partial Regex CharPair();
}
