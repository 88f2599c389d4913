#!/usr/bin/env bash
# Regenerates src/Archive.Core/Data/jieba/ from Debian's python3-jieba package (jieba's dictionary and HMM model,
# MIT/Expat, © 2012-2017 Sun Junyi): downloads the .deb with apt-get (no installation), extracts it, converts
# dict.txt and finalseg/prob_*.py with tools/JiebaConverter, and writes LICENSE and PROVENANCE.md.
# Only this script needs the package; the build and the tests use the committed files.
#
# Usage: tools/update-dictionary.sh            (from anywhere; needs apt-get, dpkg-deb, sha256sum, dotnet)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$repo/src/Archive.Core/Data/jieba"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$work"
# apt-get download writes into the current folder; _apt may not be able to, which apt only warns about.
apt-get download python3-jieba
deb="$(ls python3-jieba_*.deb)"
dpkg-deb -x "$deb" extracted
jieba="extracted/usr/lib/python3/dist-packages/jieba"
for f in dict.txt finalseg/prob_start.py finalseg/prob_trans.py finalseg/prob_emit.py; do
  [[ -f "$jieba/$f" ]] || { echo "The package no longer has jieba/$f; see its file list with dpkg-deb -c $deb" >&2; exit 1; }
done

version="$(dpkg-deb -f "$deb" Version)"
# The suite the candidate version comes from, e.g. "bookworm/main"; informative only.
suite="$(apt-cache policy python3-jieba | awk -v v="$version" '$0 ~ "^ +(\\*\\*\\* )?"v" " {getline; print $3; exit}')"

mkdir -p "$out"
dotnet run -c Release --project "$repo/tools/JiebaConverter" -- "$jieba" "$out"

# The licence exactly as the package states it (its copyright file), jieba's own section first.
cp "extracted/usr/share/doc/python3-jieba/copyright" "$out/LICENSE"

cat > "$out/PROVENANCE.md" <<MD
# Provenance of the jieba data

| | |
| --- | --- |
| Package | \`python3-jieba\` $version (Debian ${suite:-unknown suite}), \`$deb\` |
| sha256 of the .deb | \`$(sha256sum "$deb" | cut -d' ' -f1)\` |
| sha256 of \`jieba/dict.txt\` | \`$(sha256sum "$jieba/dict.txt" | cut -d' ' -f1)\` |
| sha256 of \`jieba/finalseg/prob_emit.py\` | \`$(sha256sum "$jieba/finalseg/prob_emit.py" | cut -d' ' -f1)\` |
| Generated | $(date -u +%Y-%m-%d) |
| Licence | MIT (Expat), © 2012-2017 Sun Junyi: see \`LICENSE\` (the package's copyright file) |
| Regenerate | \`tools/update-dictionary.sh\` |

- \`dict.bin.gz\`: the words of \`jieba/dict.txt\` made only of Han characters, with their frequencies, as a
  double-array trie, and the total frequency of every line of \`dict.txt\` (so log-probabilities are jieba's).
  Layout: \`tools/JiebaConverter/BinaryFormats.cs\`; read by \`Analysis/JiebaDictionary.cs\`.
- \`hmm.bin.gz\`: the HMM of \`jieba/finalseg/prob_start.py\`, \`prob_trans.py\`, \`prob_emit.py\` (states B, M, E, S;
  log-probabilities). Read by \`Analysis/JiebaHmm.cs\`.
MD
echo "Wrote $out"
