"""How the speakers a reader sees look: well-formedness of speaker names, and pronoun sources.

    .venv/bin/python tools/speaker_audit.py [--split dev|train] [--pred OUT.jsonl] [--examples N]

The PolNeAR scores check the *mention* an attribution rests on; the reader shows the canonical
speaker entity. This tool reports, over a split (the engine is run in process unless ``--pred``
names the output of ``reader quotes --format jsonl``):

(a) **Well-formedness.** The share of quotes whose speaker name fails a simple check (marked
    quotes -- direct, partial, block -- and indirect ones apart), with counts per check over all
    quotes and examples (a quote may fail several):

    * ``function_word_start`` — a name of a person or organisation starting with a function word
      or adverb ("The", "Once", "Nonetheless"), or an unnamed source starting with one that is
      not a determiner ("which", "egregiously");
    * ``word_alone`` — a lone function word, determiner or pronoun ("A", "all", "which");
    * ``lowercase_verb`` — a lower-case verb, auxiliary or modal inside the name ("She gives",
      "Readers may not let editorials", "Trump unleashed a flurry of"); for a person or
      organisation, any lower-case word other than a name particle;
    * ``honorific_only`` — only honorifics or titles ("Mr.", "Rep.");
    * ``leading_label`` — a person's name starting with a party label, demonym, epithet or
      "Former" ("Democrat Hillary Clinton", "Former DNC");
    * ``leading_title`` — a person's name starting with an abbreviated title ("Sens. Jon Tester");
    * ``possessive`` — a possessive inside the name ("NBC’s Dante Chinni", "Scott's");
    * ``of_place`` — a person's name with "of …" after it ("Earl Ray Tomblin of West Virginia");
    * ``place_or_demonym`` — a known place as a person ("Honolulu"; a place that speaks is a
      government, an organisation), a demonym or party label ("African-American", "Republican"),
      or a plural of one as a person ("Democrats" is a group);
    * ``ends_with_function_word`` — the last word a preposition, article or conjunction;
    * ``number`` — a person or organisation name starting with a number, or an unnamed source
      that is only a quantity ("73 percent");
    * ``common_word`` — a one-word person or organisation whose lower-case form is a common
      word of the split's texts (it occurs lower-case more often than capitalised inside a
      sentence: "Polls", "Video", "Universe");
    * ``kind_person_as_org`` — kind organisation for a name that is a person elsewhere in the
      same article (or has a first name of a person speaker).

(b) **Pronoun sources (an approximation of coreference).** For gold quotes whose gold Source is
    a bare pronoun (he, she, they, who, …), matched to a system quote as the scorer matches them
    (trimmed overlap / union >= 0.5, one to one): whether the last word of the system speaker's
    name (before a suffix such as "Jr.") is a word of the nearest preceding gold Source in the same article that holds a name (a
    capitalised word that is not a pronoun or function word). Annotators' nearest named Source
    is usually, not always, the person the pronoun stands for; the number is a relative measure
    between versions, not an accuracy of coreference.
"""

from __future__ import annotations

import argparse
import collections
import glob
import importlib.util
import json
import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

FUNCTION = frozenset(
    """the a an this that these those and or but nor so yet if then than as of in on at by for
    from to with about into onto over under after before during since until while when where
    which who whom whose what why how there here it its all some any each every both either
    neither no not such many much more most few several other another one""".split())
DETERMINERS = frozenset(
    """the a an this that these those his her its their our my your one two three four five six
    seven eight nine ten several some many most few all both each every another other any no
    such""".split())
ADVERBS = frozenset(
    """once nonetheless however meanwhile still also even then now today yesterday later earlier
    instead indeed though although because thus perhaps maybe already again never always often
    sometimes moreover furthermore nevertheless otherwise likewise similarly finally first
    second third next last recently previously afterward afterwards""".split())
PRONOUNS = frozenset(
    """he she they we i you it him her them us me who whom which that one""".split())
AUXILIARIES = frozenset(
    """is are was were be been being am has have had having do does did may might must can
    could would should will shall let lets gives give gave makes make made gets get got takes
    take took goes go went comes come came says say said tells tell told""".split())
NUMBER_WORDS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred thousand million percent""".split())
LABELS = frozenset(
    """former ex crooked lyin lying little crazy democrat democratic republican gop libertarian
    independent conservative liberal progressive then late""".split())
PARTICLES = frozenset("de van von der du da di del della bin ibn al el of and le la den ter st.".split())
ABBREV_TITLES = frozenset("sen. sens. rep. reps. gov. govs. gen. gens. lt. col. sgt. capt. adm. prof. rev. "
                          "dr. mr. mrs. ms. messrs. pres. supt. cmdr. maj. hon.".split())
_WORD = re.compile(r"[\w'\u2019.\-]+")


def _lexicon_words():
    from reader.engine.lexicon import Lexicon

    lex = Lexicon.default()
    places = getattr(lex, "places", frozenset())
    demonyms = getattr(lex, "demonyms", frozenset())
    return lex, frozenset(places), frozenset(demonyms)


def common_words(texts: list[str]) -> set[str]:
    """Words that occur lower-case more often than capitalised inside a sentence."""
    low = collections.Counter()
    cap = collections.Counter()
    for text in texts:
        for m in re.finditer(r"(?<=[a-z,;] )([A-Za-z][a-z]+)\b", text):
            w = m.group(1)
            if w[0].isupper():
                cap[w.lower()] += 1
            else:
                low[w] += 1
    return {w for w, n in low.items() if n >= 2 and n > cap[w]}


def checks(name: str, kind: str, person_surnames: set[str], lex, places, demonyms, common) -> list[str]:
    words = _WORD.findall(name)
    if not words:
        return ["word_alone"]
    lw_plain = [w.lower().strip(".") for w in words]
    out = []
    low_name = name.lower()
    named = kind in ("person", "organisation")
    first = lw_plain[0]
    if len(words) == 1 and (first in FUNCTION or first in PRONOUNS or first in DETERMINERS or first in ADVERBS):
        out.append("word_alone")
    elif named and (first in FUNCTION or first in ADVERBS):
        out.append("function_word_start")
    elif not named and first not in DETERMINERS and (first in FUNCTION or first in ADVERBS or first in PRONOUNS
                                                     or first.endswith("ly") and words[0].islower()):
        out.append("function_word_start")
    if named:
        lower_inside = [w for w in words[1:] if w[:1].islower() and w.lower() not in PARTICLES
                        and not w.startswith(("al-", "el-", "bin-"))]
        if lower_inside:
            out.append("lowercase_verb")
    else:
        if any(w in AUXILIARIES for w, raw in zip(lw_plain, words) if raw.islower()) or (
                len(words) >= 2 and words[1].islower() and (
                    first in PRONOUNS and (lw_plain[1].endswith("s") or lw_plain[1].endswith("ed"))
                    or words[0][:1].isupper() and first not in DETERMINERS and first not in demonyms
                    and lw_plain[1].endswith("ed"))):
            out.append("lowercase_verb")
    honor = set(lex.honorifics) | {t for t in lex.titles} | ABBREV_TITLES
    if all(w.lower() in honor or w.lower().rstrip(".") in honor for w in words):
        out.append("honorific_only")
    if kind == "person" and len(words) > 1 and low_name not in places:
        if lw_plain[0] in LABELS or words[0].lower() in demonyms:
            out.append("leading_label")
        elif words[0].lower() in ABBREV_TITLES:
            out.append("leading_title")
    if "'s" in name.replace("\u2019", "'") or name.endswith(("'", "\u2019")):
        out.append("possessive")
    if kind == "person" and " of " in name:
        out.append("of_place")
    if low_name in places and kind == "person" or low_name in demonyms \
            or low_name.endswith("s") and low_name[:-1] in demonyms and kind == "person":
        out.append("place_or_demonym")
    if len(words) > 1 and (lw_plain[-1] in FUNCTION and lw_plain[-1] not in ("one",)):
        out.append("ends_with_function_word")
    if named and (words[0][:1].isdigit() or first in NUMBER_WORDS or first.split("-")[0] in NUMBER_WORDS):
        out.append("number")
    elif not named and all(w[:1].isdigit() or w in NUMBER_WORDS for w in lw_plain):
        out.append("number")
    if named and len(words) == 1 and lw_plain[0] in common and "place_or_demonym" not in out \
            and "word_alone" not in out:
        out.append("common_word")
    if kind == "organisation" and len(words) >= 2 and lw_plain[-1] in person_surnames:
        out.append("kind_person_as_org")
    return out


def load_score(gold_dir: Path):
    for cand in (gold_dir.parent.parent / "score.py", gold_dir.parent / "score.py"):
        if cand.is_file():
            spec = importlib.util.spec_from_file_location("polnear_score", cand)
            mod = importlib.util.module_from_spec(spec)
            sys.modules["polnear_score"] = mod
            spec.loader.exec_module(mod)
            return mod
    raise SystemExit(f"score.py not found near {gold_dir}")


def system_records(gold_dir: Path, pred: str | None) -> dict[str, dict]:
    out = {}
    if pred:
        with open(pred, encoding="utf-8") as handle:
            for line in handle:
                rec = json.loads(line)
                out[os.path.basename(rec["source"])[:-4]] = rec
        return out
    from reader.engine import analyze
    from reader.export import to_record
    from reader.loaders import load

    for path in sorted(glob.glob(str(gold_dir / "text" / "*.txt"))):
        analysis = analyze(load(path))
        out[os.path.basename(path)[:-4]] = to_record(analysis)
    return out


_PRONOUN_SOURCES = frozenset("he she they who i we him her them it".split())


def _is_name_source(text: str) -> bool:
    words = [w for w in _WORD.findall(text)]
    caps = [w for w in words if w[:1].isupper() and w.lower() not in FUNCTION and w.lower() not in PRONOUNS
            and w.lower() not in ADVERBS]
    return bool(caps)


_SUFFIXES = frozenset("jr sr ii iii iv".split())


def _surname_in(name: str, source_text: str) -> bool:
    """The scorer's lenient check (the last word of the name is a word of the Source), with the
    surname taken before a suffix ("Joseph R. Biden Jr." -> biden)."""
    words = re.findall(r"\w+", name.casefold())
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    return bool(words) and words[-1] in set(re.findall(r"\w+", source_text.casefold()))


def audit(split: str, gold_root: Path, pred: str | None, n_examples: int) -> dict:
    gold_dir = gold_root / split
    score = load_score(gold_dir)
    lex, places, demonyms = _lexicon_words()
    recs = system_records(gold_dir, pred)
    texts = [r["text"] for r in recs.values()]
    common = common_words(texts)
    fails = collections.Counter()
    examples: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    marked = indirect = 0
    bad = [0, 0]  # indirect, marked
    with_speaker = [0, 0]
    by_kind = collections.Counter()
    # (b)
    pron_n = pron_ok = pron_none = pron_no_ref = 0
    pron_examples = collections.Counter()
    gold_paths, _ = score.load_gold_dir(str(gold_dir))
    for name, rec in sorted(recs.items()):
        speakers = {s["id"]: s for s in rec["speakers"]}
        surnames = {s["name"].split()[-1].lower() for s in rec["speakers"]
                    if s.get("kind") == "person" and len(s["name"].split()) >= 2}
        for q in rec["quotes"]:
            is_marked = q["kind"] != "indirect"
            marked += is_marked
            indirect += not is_marked
            sp = speakers.get(q.get("speaker_id"))
            if sp is None:
                continue
            by_kind[sp.get("kind", "?")] += 1
            with_speaker[is_marked] += 1
            got = checks(sp["name"], sp.get("kind", "person"), surnames, lex, places, demonyms, common)
            if got:
                bad[is_marked] += 1
            for c in got:
                fails[c] += 1
                examples[c][sp["name"]] += 1
        if name not in gold_paths:
            continue
        tpath, apath = gold_paths[name]
        text = score.read_text(tpath)
        gold = score.build_gold(name, text, score.read_text(apath))
        squotes, _ = score.parse_system_quotes(rec, text)
        valid = [q for q in squotes if q.kind in score.DIRECT_KINDS and q.valid and q.trimmed[1] > q.trimmed[0]]
        pairs = score.greedy_match([g.trimmed for g in gold.quotes], [q.trimmed for q in valid], score.span_iou)
        matched = {gi: si for gi, si, _ in pairs}
        named_sources = []
        for g in list(gold.quotes) + list(gold.indirect):
            if g.sources:
                src = " ".join(text[s:e] for s, e in g.sources)
                if _is_name_source(src):
                    named_sources.append((g.sources[0][0], src))
        named_sources.sort()
        for gi, g in enumerate(gold.quotes):
            if not g.sources or g.source_text.strip().lower() not in _PRONOUN_SOURCES or gi not in matched:
                continue
            pos = g.sources[0][0]
            ref = None
            for s, t in named_sources:
                if s < pos:
                    ref = t
                else:
                    break
            if ref is None:
                pron_no_ref += 1
                continue
            pron_n += 1
            q = valid[matched[gi]]
            if not q.speaker:
                pron_none += 1
                pron_examples[("(none)", ref)] += 1
                continue
            if _surname_in(q.speaker, ref):
                pron_ok += 1
            else:
                pron_examples[(q.speaker, ref)] += 1
    return {
        "split": split, "marked_quotes": marked, "indirect_quotes": indirect,
        "with_speaker": {"marked": with_speaker[1], "indirect": with_speaker[0]},
        "by_kind": dict(by_kind), "ill_formed": {"marked": bad[1], "indirect": bad[0]}, "checks": dict(fails.most_common()),
        "examples": {c: examples[c].most_common(n_examples) for c in fails},
        "pronoun_sources": {"scored": pron_n, "name_matches": pron_ok, "no_speaker": pron_none,
                            "without_named_source_before": pron_no_ref,
                            "share": pron_ok / pron_n if pron_n else 0.0,
                            "wrong_examples": [(s, r, n) for (s, r), n in pron_examples.most_common(n_examples)]},
    }


def report(res: dict) -> None:
    w, b = res["with_speaker"], res["ill_formed"]
    print(f"== {res['split']}: {res['marked_quotes']} marked quotes ({w['marked']} with a speaker), "
          f"{res['indirect_quotes']} indirect ({w['indirect']} with a speaker); speaker kinds: "
          f"{', '.join(f'{k} {v}' for k, v in sorted(res['by_kind'].items()))}")
    share = lambda k: f"{b[k] / w[k]:.1%}" if w[k] else "-"  # noqa: E731
    print(f"(a) ill-formed speaker names: marked quotes {b['marked']} ({share('marked')}), indirect "
          f"{b['indirect']} ({share('indirect')}); counts per check over all quotes:")
    for c, n in res["checks"].items():
        ex = ", ".join(f"{name!r} {k}" for name, k in res["examples"][c])
        print(f"    {c:<24} {n:5d}   {ex}")
    p = res["pronoun_sources"]
    print(f"(b) pronoun sources: {p['name_matches']} of {p['scored']} matched quotes name the nearest "
          f"preceding named gold Source ({p['share']:.3f}); no speaker {p['no_speaker']}; "
          f"no named Source before {p['without_named_source_before']}")
    ex = "; ".join(f"{s!r} for {r!r} {n}" for s, r, n in p["wrong_examples"])
    print(f"    mismatches: {ex}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", action="append", help="dev, train (default: both)")
    ap.add_argument("--gold", default=None, help="the polnear folder (default: ../shared/eval/polnear)")
    ap.add_argument("--pred", default=None, help="reader quotes --format jsonl output (one split only)")
    ap.add_argument("--examples", type=int, default=8)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    gold = Path(args.gold) if args.gold else None
    if gold is None:
        for base in (REPO.parent, REPO.parent.parent, Path("/work")):
            if (base / "shared" / "eval" / "polnear").is_dir():
                gold = base / "shared" / "eval" / "polnear"
                break
    if gold is None:
        print("PolNeAR not found (use --gold)", file=sys.stderr)
        return 2
    splits = args.split or ["dev", "train"]
    results = [audit(s, gold, args.pred, args.examples) for s in splits]
    if args.json:
        print(json.dumps(results, indent=1, ensure_ascii=False))
    else:
        for res in results:
            report(res)
    return 0


if __name__ == "__main__":
    sys.exit(main())
