"""The working state of one analysis: text, paragraphs, quotation segments, sentences, cues,
names, and the small grammar helpers the sieves share (who is the subject of this verb?)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from reader.engine import marks, names, sentences
from reader.engine.lexicon import Lexicon, trie_pattern

# Words that may stand between a subject and its speech verb ("Lavrov also said").
SKIP_BEFORE_VERB = frozenset(
    """also later then has had have would will could may might again previously recently once
    repeatedly publicly privately simply flatly quickly just even often frequently reportedly never
    always already first further only did does do is was were are be been being not n't has
    initially subsequently separately angrily bluntly sharply openly candidly quietly loudly
    famously memorably curtly calmly confidently proudly shortly since still yet sometimes
    immediately eventually finally long earlier afterward afterwards specifically explicitly
    essentially basically clearly directly indirectly pointedly tellingly notably widely falsely
    wrongly correctly rightly recently emphatically firmly strongly forcefully nonetheless however
    herself himself themselves itself""".split()
)
DETERMINERS = frozenset(
    """the a an this that these those his her its their our my your one two three four five six
    several some many most few all both each every another other any no such""".split()
)
ARTICLES = frozenset("the a an his her its their our my your".split())
PREPOSITIONS = frozenset(
    """in on at by for from of to with about after before during under over into onto upon
    through across against among between without within via per than as since until like near
    outside inside""".split()
)
OBJECT_PRONOUNS = frozenset("him her them me us it you reporters".split())
SUBJECT_PRONOUNS = {"he": "m", "she": "f", "they": "p", "i": None, "we": "p", "who": None, "it": None}
# Verbs that may open a sentence with the speaker after them ("Said Lavrov: ...").
INVERSION_VERBS = frozenset(
    """said says wrote writes added adds asked asks told tweeted noted continued explained
    recalled stated declared warned insisted argued replied responded""".split()
)
QUOTE_CHARS = frozenset("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u300c\u300d")

_WORD = sentences.WORD


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    kind: str  # name, pronoun, np
    name: object | None = None  # names.Name for kind == name


class Doc:
    def __init__(self, text: str, lex: Lexicon, skip: tuple[tuple[int, int], ...] = (),
                 caches: dict | None = None):
        self.text = text
        self.lex = lex
        caches = caches if caches is not None else {}
        self.paragraphs = marks.paragraphs(text, skip)
        self.para_starts = [s for s, _ in self.paragraphs]
        self.segments = marks.find_segments(text, skip)
        self.seg_opens = [s.open_at for s in self.segments]
        self.sentences = sentences.split(text, self.paragraphs, self.inside_quote)
        self.sent_starts = set(self.sentences.starts)
        # cues
        cue_re = caches.get("cue_re")
        if cue_re is None:
            forms = sorted(lex.speech_verbs)
            caps = [f[0].upper() + f[1:] for f in forms if f in INVERSION_VERBS]
            cue_re = re.compile(r"(?<![\w\-])(?:" + trie_pattern(forms + caps) + r"|[Aa]ccording to)(?![\w\-])")
            caches["cue_re"] = cue_re
        self.cues = [(m.start(), m.end()) for m in cue_re.finditer(text)
                     if not self.inside_quote(m.start()) and not self._noun_use(m.start())]
        self.cue_starts = [c[0] for c in self.cues]
        name_re = caches.get("name_re")
        if name_re is None:
            name_re = caches["name_re"] = names.name_regex(lex)
        body = [(s, e) for s, e in self.paragraphs]
        found: list[names.Name] = []
        for s, e in body:
            found.extend(names.find_names(text, name_re, lex, s, e, self.sent_starts))
        names.split_places(found, lex)
        self.names = found
        self.name_ends = [n.end for n in found]
        self.name_starts = [n.start for n in found]
        self.entities, self.owner = names.build_entities(found, lex)

    def _noun_use(self, pos: int) -> bool:
        """"his remarks", "Trump's comments", "the call": a cue word used as a noun."""
        j = pos
        text = self.text
        while j > 0 and text[j - 1] in " \t\u00a0":
            j -= 1
        k = j
        while k > 0 and (text[k - 1].isalnum() or text[k - 1] in "'\u2019"):
            k -= 1
        prev = text[k:j]
        low = prev.lower()
        return low in ARTICLES or low in ("this", "that", "these", "those", "whose") and False or \
            low.endswith(("'s", "\u2019s")) or low in ("this", "these", "those", "whose")

    # ----------------------------------------------------------------- positions
    def inside_quote(self, pos: int) -> bool:
        i = bisect_right(self.seg_opens, pos) - 1
        if i < 0:
            return False
        seg = self.segments[i]
        return seg.open_at <= pos < seg.close_end

    def paragraph_index(self, pos: int) -> int:
        return max(bisect_right(self.para_starts, pos) - 1, 0)

    def words(self, lo: int, hi: int) -> list[tuple[int, int, str]]:
        return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(self.text, lo, hi)]

    def name_ending_at(self, end: int) -> names.Name | None:
        """The name whose last word ends at ``end`` (possessive or full stop allowed after)."""
        i = bisect_right(self.name_ends, end + 2) - 1
        while i >= 0 and self.names[i].end >= end - 1:
            n = self.names[i]
            if n.start < end and n.end <= end + 2 and n.end >= end - 1:
                return n
            i -= 1
        return None

    def name_starting_at(self, start: int) -> names.Name | None:
        i = bisect_left(self.name_starts, start)
        if i < len(self.names) and self.names[i].start <= start + 1:
            return self.names[i]
        # a name whose run starts a little earlier (a title) but covers start
        if i > 0 and self.names[i - 1].start <= start < self.names[i - 1].end:
            return self.names[i - 1]
        return None

    def names_between(self, lo: int, hi: int) -> list[names.Name]:
        i = bisect_left(self.name_starts, lo)
        out = []
        while i < len(self.names) and self.names[i].start < hi:
            if self.names[i].end <= hi:
                out.append(self.names[i])
            i += 1
        return out

    def cues_between(self, lo: int, hi: int) -> list[tuple[int, int]]:
        i = bisect_left(self.cue_starts, lo)
        out = []
        while i < len(self.cues) and self.cues[i][0] < hi:
            if self.cues[i][1] <= hi:
                out.append(self.cues[i])
            i += 1
        return out

    # ----------------------------------------------------------------- grammar helpers
    def _mention_for_token(self, toks, i: int, lo: int) -> Mention | None:
        s, e, w = toks[i]
        low = w.lower()
        if low in SUBJECT_PRONOUNS:
            return Mention(s, e, "pronoun")
        if w[0].isupper() or (len(w) > 3 and w[2] == "-" and w[3].isupper()):
            n = self.name_ending_at(e)
            if n is not None and n.start >= lo - 40:
                if n.kind == "unknown" and n.name.lower() in self.lex.titles:
                    return Mention(max(n.start, lo), n.end, "np")
                return Mention(max(n.name_start, lo) if n.name_start < e else n.start, n.end, "name", n)
            if low.rstrip(".") in self.lex.nonnames:
                return None
            return Mention(s, e, "name")
        if w[0].isalpha() and (low in self.lex.role_nouns or low.rstrip("s") in self.lex.role_nouns
                               or low in self.lex.titles):
            return self._np_back(toks, i, lo)
        if w[0].isalpha() and low not in self.lex.speech_verbs and low not in PREPOSITIONS:
            # any noun phrase with a determiner close before it: "the gambling tycoon"
            for j in range(i - 1, max(i - 5, -1), -1):
                wj = toks[j][2].lower()
                if wj in ARTICLES:
                    return Mention(toks[j][0], toks[i][1], "np")
                if not toks[j][2][0].isalnum() or wj in PREPOSITIONS or wj in SKIP_BEFORE_VERB \
                        or wj in ("and", "or", "who", "that", "which", "but"):
                    break
        return None

    def _np_back(self, toks, i: int, lo: int) -> Mention | None:
        """A noun phrase ending at token ``i`` ("a police spokesperson", "the city's chief
        engineer"), back to its determiner."""
        end = toks[i][1]
        j = i
        steps = 0
        while j > 0 and steps < 7:
            s, e, w = toks[j - 1]
            low = w.lower()
            if low in DETERMINERS:
                j -= 1
                break
            if low in PREPOSITIONS or low in ("and", "or", "who", "that", "which") or not w[0].isalnum():
                if low in ("of", "for") and steps < 4:
                    j -= 1
                    steps += 1
                    continue
                break
            if low in self.lex.speech_verbs or low in SKIP_BEFORE_VERB:
                break
            j -= 1
            steps += 1
        return Mention(toks[j][0], end, "np")

    def subject_before(self, verb_start: int, lo: int) -> Mention | None:
        """The subject of the speech verb at ``verb_start``, looking back no further than ``lo``:
        "Lavrov said", "he told", "a police spokesperson said", "Zeke Roe, an oncologist, said"."""
        toks = self.words(max(lo, verb_start - 400), verb_start)
        i = len(toks) - 1
        while i >= 0:
            w = toks[i][2]
            low = w.lower()
            if low in SKIP_BEFORE_VERB or (w.endswith("ly") and w.islower() and len(w) > 4):
                i -= 1
                continue
            # a short prepositional phrase: "who has in the past described"
            j = i
            while j > i - 5 and j > 0 and toks[j][2][0].isalnum() and toks[j][2].lower() not in PREPOSITIONS:
                j -= 1
            if j < i and j >= 0 and toks[j][2].lower() in PREPOSITIONS and j > 0 and \
                    toks[j][2].lower() not in ("of", "for", "from", "at") and toks[j + 1][2].lower() in ARTICLES:
                i = j - 1
                continue
            break
        if i < 0:
            return None
        w = toks[i][2]
        if w in QUOTE_CHARS or w == "''":
            return None
        if w == ",":
            # appositive: "Jane Roe, a former adviser who ..., said" -> the name before a comma
            k = i - 1
            guard = 0
            while k >= 0 and guard < 60:
                if toks[k][2] == "," and k > 0:
                    m = self._mention_for_token(toks, k - 1, lo)
                    if m is not None and m.kind != "np":
                        nxt = toks[k + 1][2] if k + 1 < len(toks) else ""
                        nl = nxt.lower()
                        if k + 1 == i or nl in DETERMINERS or nl in ("who", "whose", "which", "then", "now", "herself", "himself") \
                                or nxt[:1].isdigit() or nl in self.lex.titles or nl in self.lex.role_words \
                                or nl in self.lex.role_nouns or nxt[:1].isupper():
                            return m
                if toks[k][2] in (";", ":"):
                    break
                k -= 1
                guard += 1
            # "Jane Roe, who ..., said" at the clause start
            if k < 0 and toks:
                return self._mention_for_token(toks, 0, lo) if toks[0][2][0].isupper() else None
            return None
        if w == ")":
            # "Jane Roe (R-Texas) said"
            k = i - 1
            while k >= 0 and toks[k][2] != "(":
                k -= 1
            if k > 0:
                return self._mention_for_token(toks, k - 1, lo)
            return None
        return self._mention_for_token(toks, i, lo)

    def subject_after(self, verb_end: int, hi: int) -> Mention | None:
        """The speaker named after the verb: "said Lavrov", "said he", "said a spokesperson"."""
        toks = self.words(verb_end, min(hi, verb_end + 300))
        if not toks:
            return None
        s, e, w = toks[0]
        low = w.lower()
        if low in ("he", "she", "they", "i", "we", "it"):
            return Mention(s, e, "pronoun")
        if low in DETERMINERS and len(toks) > 1 and toks[1][2][0].isupper():
            n = self.name_starting_at(toks[1][0])
            if n is not None and n.kind == "organisation":
                return Mention(s, n.end, "name", n)
        if w[0].isupper() or (low in self.lex.particles and len(toks) > 1 and toks[1][2][0].isupper()):
            n = self.name_starting_at(s)
            if n is not None:
                if n.kind == "unknown" and n.name.lower() in self.lex.titles:
                    return Mention(n.start, n.end, "np")
                return Mention(n.name_start, n.end, "name", n)
            if low.rstrip(".") in self.lex.nonnames:
                return None
            return Mention(s, e, "name")
        if low in DETERMINERS or low in self.lex.role_nouns or low in self.lex.role_words:
            j = 0
            end = e
            while j + 1 < len(toks) and j < 8:
                nw = toks[j + 1][2]
                nl = nw.lower()
                if not nw[0].isalnum() or nl in PREPOSITIONS or nl in ("who", "that", "which", "and"):
                    break
                if nl in self.lex.speech_verbs:
                    break
                j += 1
                end = toks[j][1]
            return Mention(s, end, "np")
        return None
