#!/usr/bin/env bash
# Generates a corpus for bulk runs: the samples in both formats and three
# text encodings, variants of each (a changed figure, an added line, a PDF
# with a trailing comment, so every file's content differs), and about 5%
# malformed files (empty, truncated PDFs, binary junk, broken UTF-8).
# Deterministic: the same N gives the same files.
# Usage: tools/make-corpus.sh DIR [N]   (default N = 1000)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?usage: make-corpus.sh DIR [N]}
n=${2:-1000}
mkdir -p "$out"
texts=("$root"/samples/*.txt)
pdfs=("$root"/samples/pdf/*_ruled.pdf "$root"/samples/pdf/*_unruled.pdf)
bad=$((n / 20))
good=$((n - bad))
i=0
while [ "$i" -lt "$good" ]; do
  k=$((i / 8))  # variant number
  case $((i % 8)) in
    0 | 1 | 2)  # text, in UTF-8, GB18030 and UTF-16LE
      src=${texts[$((i / 8 % ${#texts[@]}))]}
      enc=(UTF-8 GB18030 UTF-16LE)
      e=${enc[$((i % 8))]}
      f=$(printf '%s/%05d_%s.txt' "$out" "$i" "$e")
      # Variant k: a note line, and one figure's last digit moved by k.
      { sed "0,/\([0-9]\)\([^0-9]\)/s//\1$((k % 10))\2/" "$src"; printf '\n备注：第 %d 份\n' "$k"; } |
        iconv -f UTF-8 -t "$e" >"$f"
      ;;
    *)  # PDF, ruled or unruled, with a comment after %%EOF
      src=${pdfs[$((i % ${#pdfs[@]}))]}
      f=$(printf '%s/%05d_%s' "$out" "$i" "$(basename "$src")")
      { cat "$src"; printf '%% variant %d\n' "$k"; } >"$f"
      ;;
  esac
  i=$((i + 1))
done
j=0
while [ "$j" -lt "$bad" ]; do
  f=$(printf '%s/%05d_bad' "$out" "$i")
  src=${pdfs[$((j % ${#pdfs[@]}))]}
  case $((j % 4)) in
    0) : >"$f.txt" ;;                                           # empty
    1) head -c $(($(stat -c %s "$src") / 3)) "$src" >"$f.pdf" ;; # truncated PDF
    2) awk -v s="$j" 'BEGIN { srand(s); for (k = 0; k < 3000; k++) printf "%c", int(rand() * 256) }' \
         LC_ALL=C >"$f.txt" ;;                                  # binary junk
    3) { head -c 3000 "${texts[0]}"; printf '\xff\xfe\xc3\x28'; tail -c 2000 "${texts[0]}"; } >"$f.txt" ;;
  esac
  i=$((i + 1))
  j=$((j + 1))
done
echo "make-corpus: $good good and $bad malformed files in $out" >&2
