#!/usr/bin/env python3
"""Generate the part-of-speech lexicon in data/lexicon/wordnet/ from WordNet 3.0.

Input: the WordNet 3.0 database files as shipped by Debian's `wordnet-base`
package (index.noun, index.verb, index.adj, index.adv, noun.exc, verb.exc,
adj.exc, adv.exc and cntlist.rev under /usr/share/wordnet, and the licence in
/usr/share/doc/wordnet-base/copyright).  Nothing needs to be installed
system-wide; unpack the package somewhere and point this script at it:

    cd /tmp && apt-get update && apt-get download wordnet-base
    dpkg -x wordnet-base_*.deb /tmp/wn
    python3 scripts/wordnet-pos.py /tmp/wn            # from the project root

(The script also accepts /tmp/wn/usr/share/wordnet, the directory of the
dict files, directly.)
It is deterministic: rerunning it on the same package gives the same files.

Output (the build never downloads anything; src/lexicon/pos.rs compiles these
in with `include_str!`):

  data/lexicon/wordnet/pos.tsv
      One line per single-word lemma, sorted:
          lemma TAB entry[ SPACE entry...]
      where each entry is a part-of-speech letter (n noun, v verb, a adjective
      including satellites, r adverb), the number of WordNet senses (synsets)
      of the lemma in that part of speech, and, if non-zero, `:` and the number
      of times those senses were tagged in the SemCor corpus (cntlist.rev), a
      rough frequency that tells "mostly a noun" from "mostly a verb":
          state	n8:192 v3:90
          abacinate	v1
      Only lemmas of lowercase ASCII letters are kept: multiword entries
      (with `_`), hyphenated ones, and any with digits, dots or apostrophes
      are skipped.

  data/lexicon/wordnet/exceptions.tsv
      WordNet's irregular-form lists (noun.exc, verb.exc, adj.exc, adv.exc):
          form TAB pos TAB lemma[ SPACE lemma...]
      kept only where the form and a lemma are plain lowercase words and the
      lemma is a lemma of that part of speech in pos.tsv.

  data/lexicon/wordnet/LICENSE
      The WordNet 3.0 licence, verbatim, with a note on provenance.
"""

import os
import re
import sys
from collections import defaultdict

POS = [("noun", "n"), ("verb", "v"), ("adj", "a"), ("adv", "r")]
# cntlist.rev sense keys give the synset type as a digit; 5 is the adjective
# satellite, which the index files file under `a`.
SS_TYPE = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}
WORD = re.compile(r"^[a-z]+$")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "data", "lexicon", "wordnet")


def find_dirs(base):
    """Returns (dict directory, copyright file) under an unpacked package."""
    dict_dir = base
    for cand in (base, os.path.join(base, "usr", "share", "wordnet")):
        if os.path.exists(os.path.join(cand, "index.noun")):
            dict_dir = cand
            break
    else:
        sys.exit(f"no index.noun under {base}")
    # .../usr/share/wordnet -> .../usr/share/doc/wordnet-base/copyright
    copyright = os.path.join(os.path.dirname(dict_dir), "doc", "wordnet-base", "copyright")
    if not os.path.exists(copyright):
        sys.exit(f"no licence file at {copyright}")
    return dict_dir, copyright


def read_index(path):
    """Yields (lemma, synset_cnt) from an index.* file."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith(" "):  # licence header
                continue
            fields = line.split()
            # lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt offsets...
            yield fields[0], int(fields[2])


def read_tag_counts(path):
    """Sums the SemCor tag counts of cntlist.rev per (lemma, pos letter)."""
    counts = defaultdict(int)
    with open(path, encoding="utf-8") as f:
        for line in f:
            key, _sense_number, tag_cnt = line.split()
            lemma, rest = key.split("%", 1)
            counts[(lemma, SS_TYPE[rest[0]])] += int(tag_cnt)
    return counts


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: scripts/wordnet-pos.py DIR  (the unpacked wordnet-base package)")
    dict_dir, copyright = find_dirs(sys.argv[1])
    tags = read_tag_counts(os.path.join(dict_dir, "cntlist.rev"))

    lemmas = defaultdict(dict)  # lemma -> {pos letter: (senses, tagged)}
    for name, letter in POS:
        for lemma, senses in read_index(os.path.join(dict_dir, f"index.{name}")):
            if WORD.match(lemma):
                lemmas[lemma][letter] = (senses, tags.get((lemma, letter), 0))

    os.makedirs(OUT, exist_ok=True)
    order = "nvar"
    with open(os.path.join(OUT, "pos.tsv"), "w", encoding="utf-8", newline="\n") as f:
        for lemma in sorted(lemmas):
            entries = []
            for letter in order:
                if letter in lemmas[lemma]:
                    senses, tagged = lemmas[lemma][letter]
                    entries.append(f"{letter}{senses}:{tagged}" if tagged else f"{letter}{senses}")
            f.write(f"{lemma}\t{' '.join(entries)}\n")

    merged = {}  # (form, pos letter) -> lemmas; noun.exc repeats a few lines
    for name, letter in POS:
        with open(os.path.join(dict_dir, f"{name}.exc"), encoding="utf-8") as src:
            for line in src:
                form, *targets = line.split()
                if not WORD.match(form):
                    continue
                keep = merged.setdefault((form, letter), [])
                for t in targets:
                    if WORD.match(t) and letter in lemmas.get(t, {}) and t not in keep:
                        keep.append(t)
    exceptions = sorted(
        ((form, letter, keep) for (form, letter), keep in merged.items() if keep),
        key=lambda e: (e[0], order.index(e[1])),
    )
    with open(os.path.join(OUT, "exceptions.tsv"), "w", encoding="utf-8", newline="\n") as f:
        for form, letter, keep in exceptions:
            f.write(f"{form}\t{letter}\t{' '.join(keep)}\n")

    # The licence: the WordNet stanza of Debian's machine-readable copyright
    # file, with its one-space indent and `.` paragraph marks undone.
    text = open(copyright, encoding="utf-8").read()
    match = re.search(r"^License: WordNet3\.0\n((?: .*\n)+)", text, re.M)
    if not match:
        sys.exit(f"no WordNet3.0 licence stanza in {copyright}")
    body = "".join("\n" if l == " .\n" else l[1:] for l in match.group(1).splitlines(True))
    with open(os.path.join(OUT, "LICENSE"), "w", encoding="utf-8", newline="\n") as f:
        f.write(
            "The files in this directory (pos.tsv, exceptions.tsv) are derived from\n"
            "WordNet 3.0 by scripts/wordnet-pos.py, from the database files of\n"
            "Debian's wordnet-base package; the licence below is copied verbatim\n"
            "from that package's /usr/share/doc/wordnet-base/copyright.\n"
            "\n"
            "----------------------------------------------------------------------\n"
            "\n"
        )
        f.write(body)

    counts = {letter: sum(1 for p in lemmas.values() if letter in p) for letter in order}
    print(f"{len(lemmas)} lemmas ({', '.join(f'{l}: {c}' for l, c in counts.items())}), "
          f"{len(exceptions)} exceptions")


if __name__ == "__main__":
    main()
