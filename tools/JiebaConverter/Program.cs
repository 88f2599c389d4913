using JiebaConverter;

// Usage: JiebaConverter <jieba package folder (holds dict.txt and finalseg/)> <output folder>
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: JiebaConverter <jieba-folder> <output-folder>");
    return 2;
}
var (source, output) = (args[0], args[1]);
Directory.CreateDirectory(output);

var dictionary = JiebaDictionaryText.Read(Path.Combine(source, "dict.txt"));
var trie = DoubleArrayBuilder.Build(dictionary.HanWords);
var dictionaryPath = Path.Combine(output, BinaryFormats.DictionaryFile);
BinaryFormats.WriteDictionary(dictionaryPath, dictionary.TotalFrequency, dictionary.HanWords.Count, trie);
Console.WriteLine($"{dictionary.Lines} lines, {dictionary.HanWords.Count} Han words, total frequency {dictionary.TotalFrequency}, "
    + $"{trie.Alphabet.Length} characters, {trie.Base.Length} slots -> {dictionaryPath} ({new FileInfo(dictionaryPath).Length} bytes)");

var hmm = HmmModelText.Read(Path.Combine(source, "finalseg"));
var hmmPath = Path.Combine(output, BinaryFormats.HmmFile);
BinaryFormats.WriteHmm(hmmPath, hmm);
Console.WriteLine($"HMM: {string.Join(", ", hmm.Emissions.Select((e, i) => $"{HmmModelText.States[i]} {e.Count}"))} emissions -> {hmmPath} ({new FileInfo(hmmPath).Length} bytes)");
return 0;
