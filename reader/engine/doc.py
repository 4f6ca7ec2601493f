"""The working state of one analysis: text, paragraphs, quotation segments, sentences, cues,
names, and the small grammar helpers the sieves share (who is the subject of this verb?)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from reader.engine import marks, names, sentences
from reader.engine.lexicon import Lexicon, trie_pattern

# Words that may stand between a subject and its speech verb ("Lavrov also said").
_PARTY_STATE = re.compile(r"[A-Z]-[A-Z]")  # "R-Texas", "D-Calif."
_TIME_NOUNS = frozenset("week month year weekend night morning afternoon evening summer spring fall winter".split())
_TIME_DETERMINERS = frozenset("last this next that each every".split())
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
SKIP_BEFORE_VERB = frozenset(
    """also later then now has had have would will could may might again previously recently once
    repeatedly publicly privately simply flatly quickly just even often frequently reportedly never
    always already first further only did does do is was were are be been being not n't has
    initially subsequently separately angrily bluntly sharply openly candidly quietly loudly
    famously memorably curtly calmly confidently proudly shortly since still yet sometimes
    immediately eventually finally long earlier afterward afterwards specifically explicitly
    essentially basically clearly directly indirectly pointedly tellingly notably widely falsely
    wrongly correctly rightly recently emphatically firmly strongly forcefully nonetheless however
    herself himself themselves itself quoted as didn't doesn't don't won't wouldn't can't couldn't
    isn't wasn't hasn't haven't hadn't didn’t doesn’t don’t won’t wouldn’t can’t couldn’t isn’t
    wasn’t hasn’t haven’t hadn’t""".split()
)
DETERMINERS = frozenset(
    """the a an this that these those his her its their our my your one two three four five six
    several some many most few all both each every another other any no such""".split()
)
_NUMBER_WORDS = frozenset("two three four five six seven eight nine ten eleven twelve dozen".split())
_FINITE_BE = frozenset("is are was were has have had".split())
ARTICLES = frozenset("the a an his her its their our my your".split())
NP_STARTERS = ARTICLES | frozenset("one two three four five several some many another each both all any".split())
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
# Words after which a new clause (and so a subject) may start.
CLAUSE_WORDS = frozenset(
    """and but or that which who while when as because since though although if so after before
    then where whereas once until unless""".split()
)
# Cue forms that are never nouns (irregular past forms too: "the statement read").
VERB_ONLY = frozenset(
    """says said tells told adds writes wrote asks argues insists explains thinks believes knows
    thought knew warns stresses notes say tell add write ask argue insist explain think believe
    know warn contend acknowledge admit predict suggest agree says insist insists contends
    acknowledges admits predicts suggests agrees adds read knew began spoke sang pled""".split()
)
# Plural cue forms that are usually nouns ("the biggest challenges").
NOUNISH = frozenset(
    """claims challenges remarks calls comments charges reports questions notes promises tweets
    posts emails statements retorts warnings messages complaints demands pledges vows threats
    accusations fears hopes concerns criticisms jokes quotes texts""".split()
)
# Nouns of time that are never a speaker ("at the time said").
TIME_NOUNS = frozenset(
    """time past year years week weeks month months day days night morning afternoon evening
    moment weekend end beginning start while point today""".split()
)
# Adverbs that a comma pair may set between a subject and its verb ("he, once again, said").
_ADVERB_WORDS = frozenset("once again too in turn for one meanwhile though in fact".split())
QUOTE_CHARS = frozenset("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u300c\u300d")

_ALPHA = re.compile(r"[A-Za-z]+")
# On the reversed text: the spaces and the word before a position.
_BACK_WORD = re.compile("[ \t\u00a0]*([\\w'\u2019]*)")
# Words that end a short prepositional phrase read back from a verb (see _subject_in).
_PHRASE_STOPS = PREPOSITIONS | frozenset(SUBJECT_PRONOUNS) | CLAUSE_WORDS
# The words before a cue that make it a noun whatever it is ("his remarks", "this claim",
# "Trump's comments"); the last two letters of each (lower case), and what leaves the test of
# those letters undecided: white space (the word is further back) and the one-letter "a".
_NOUN_DETERMINERS = ARTICLES | frozenset(("this", "these", "those", "whose"))
_POSSESSIVE = ("'s", "\u2019s")
_DETERMINER_ENDS = frozenset(w[-2:] for w in _NOUN_DETERMINERS | frozenset(_POSSESSIVE))
_UNDECIDED_LAST = frozenset(" \t\u00a0aA")
# Of those last two letters, the ones that end no two-letter determiner and no possessive, and the
# letters that come before them in the determiners they end ("he": "t", as in "the"): a word
# with another letter (or none) there is no determiner ("he", "she", "Fisher").
_DETERMINER_THIRDS = {
    end: frozenset(w[-3] for w in _NOUN_DETERMINERS if w.endswith(end))
    for end in _DETERMINER_ENDS if end not in _NOUN_DETERMINERS and end not in _POSSESSIVE
}
# Characters that may stand right before a speech cue.
_CUE_BEFORE_SET = frozenset(" \t\n\r\u00a0\"\u201c\u201d'\u2018\u2019([\u2014\u2013,;:./\u2026*_)!?")
_CUE_BEFORE = "[" + "".join(re.escape(ch) for ch in sorted(_CUE_BEFORE_SET)) + "]"
_ASCII_WORDS = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")
# Marks that are a token of their own right after a word of letters and digits, or right before
# one (none is a word character, a full stop or a character the word pattern lets into a word).
_MARK_AFTER_WORD = frozenset(',;:!?)"\u201d')
_MARK_BEFORE_WORD = frozenset('("\u201c\u2018')
# Marks that are a token of their own wherever they stand (no word of the word pattern holds one).
_MARK_ALONE = frozenset(',;:!?()"\u201c\u201d\u2014\u2013')


# Cues whose reported content is a noun phrase ("Sanders called for a political revolution") or
# a verb phrase ("vowed to repeal the law"): verb forms and the word that follows them.
NP_CUE_PHRASES = {
    "call calls called calling": "for on",
    "talk talks talked talking": "about of",
    "referred referring refers": "to",
    "point points pointed pointing": "to",
    "warn warns warned warning": "of against about",
    "complain complains complained complaining": "about",
    "spoke speak speaks speaking": "about of",
    "argues argued arguing": "for",
    "allude alludes alluded alluding": "to",
    "respond responds responded responding react reacts reacted reacting": "to",
    "boast boasts boasted boasting": "about of",
    "brag brags bragged bragging joke jokes joked joking": "about",
    "vow vows vowed vowing promise promises promised promising pledge pledges pledged pledging "
    "threaten threatens threatened threatening want wants wanted wanting plan plans planned "
    "planning intend intends intended intending seek seeks seeking sought hope hopes hoped "
    "hoping refuse refuses refused refusing decline declines declined declining agree agrees "
    "agreed agreeing offer offers offered offering": "to",
    "pay pays paid paying": "tribute to",
}
NP_PHRASES = sorted(f"{verb} {prep}" for verbs, preps in NP_CUE_PHRASES.items() for verb in verbs.split()
                    for prep in preps.split(" ", 1 if preps.startswith("tribute") else -1))

MAX_CUES_PER_SENTENCE = 40
# Word lists of spans remembered at a time (Doc.words): the memo is cleared when full, so memory
# stays bounded on a book-length article.
WORDS_MEMO = 256
# _subject_in on a shortened word list: the answer needs words before the list's start.
_MORE = object()
# The span (characters) of the last words before a speech verb that are tried first for its
# subject: long enough for a name, a pronoun or a short noun phrase with its determiner.
SUBJECT_REACH = 80


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    kind: str  # name, pronoun, np
    name: object | None = None  # names.Name for kind == name


def _abbreviations(lex: Lexicon) -> set[str]:
    """Words a full stop belongs to: the sentence splitter's abbreviations, titles and honorifics
    of names, and every word of the lexicon written with a full stop ("sen.", "jan.")."""
    words = set(sentences.ABBREVIATIONS) | set(names.ABBREVIATIONS)
    for group in (lex.titles, lex.honorifics, lex.nonnames, lex.role_nouns, lex.role_words, lex.organisations):
        words.update(w for w in group if w.endswith(".") and " " not in w)
    return words


def _cue_patterns(lex: Lexicon) -> dict:
    """Speech cues and reported-phrase cues ("called for") as one trie-shaped pattern, so one
    scan of the text finds both; and each alone, anchored, for a position where both start."""
    forms = sorted(lex.speech_verbs)
    caps = [f[0].upper() + f[1:] for f in forms if f in INVERSION_VERBS]
    cues = set(forms + caps + ["according to", "According to"])
    phrases = set(NP_PHRASES)
    body = "(" + trie_pattern(forms + caps) + r"|[Aa]ccording to)(?![\w\-])"
    np_body = "(" + trie_pattern(NP_PHRASES) + r")\b"
    # a cue needs no hyphen after it; a phrase, a word boundary (the weaker, when it is both)
    both = trie_pattern(sorted(cues | phrases), lambda w: r"\b" if w in phrases else r"(?![\w\-])")
    # One scan is exact when no later word of one entry starts another entry (so neither scan
    # could have found something inside the other's match) and no phrase is a proper prefix of a
    # cue (so the longest match at a position shows both).
    firsts = {w.split()[0].lower() for w in cues | phrases}
    later = {x.lower() for w in cues | phrases for x in w.split()[1:]}
    prefix = any(c.startswith(p + " ") for c in cues for p in phrases)
    # The character before is matched too: a plain class lets the engine skip ahead fast. A class
    # of ASCII characters is tested faster than [\W_] (a Unicode lookup per character); it also
    # lets in a letter outside ASCII, which _scan_cues drops. Such a match hides no other one when
    # every entry is ASCII letters and spaces: the one place inside an entry where another could
    # start is after a space, before a later word, and no later word starts an entry.
    ascii_words = all(_ASCII_WORDS.fullmatch(w) for w in cues | phrases)
    return {
        "cue": re.compile(_CUE_BEFORE + body),
        "cue_at": re.compile(body),
        "np_at": re.compile(np_body),
        "both": re.compile(("[^0-9A-Za-z](" if ascii_words else r"[\W_](") + both + ")")
        if not (firsts & later or prefix) else None,
        "cues": cues,
        "phrases": phrases,
        "longest": max(len(w) for w in cues | phrases),
        "np": re.compile(r"[^\w]" + np_body),
    }


def _scan_cues(text: str, lex: Lexicon, caches: dict, spans: list[tuple[int, int]]) -> tuple[list, list]:
    """Spans of speech cues (a cue word after a space or punctuation, "according to") and of
    reported-phrase cues ("called for", after any non-word character) that start in ``spans``
    (the text outside quotations, where cues are used), in document order."""
    pats = caches.get("cue_patterns")
    if pats is None:
        pats = caches["cue_patterns"] = _cue_patterns(lex)
    cue_at, np_at = pats["cue_at"], pats["np_at"]
    first_cue = cue_at.match(text)
    first_np = np_at.match(text)
    if pats["both"] is None:
        cues = _starting_in([m.span(1) for m in pats["cue"].finditer(text)], spans)
        nps = _starting_in([m.span(1) for m in pats["np"].finditer(text)], spans)
    else:
        cues, nps = [], []
        is_cue, is_phrase = pats["cues"], pats["phrases"]
        # Each span is scanned alone, from the character before it, up to where a match that
        # starts in it has been read to its end (the longest entry and the character after it):
        # the scan's matches never overlap (see _cue_patterns), so they are the ones of one scan
        # of the whole text that start in the span; the quotations (a quarter of the text) are
        # not scanned.
        both, reach, n = pats["both"], pats["longest"] + 2, len(text)
        for lo, hi in spans:
            # (an end past the text is read as its end)
            for m in both.finditer(text, lo - 1 if lo else 0, hi + reach):
                p, e = m.span(1)
                if p >= hi:
                    break  # (in the next quotation)
                w = m.group(1)
                before = text[p - 1]
                if w not in is_phrase:
                    # a cue alone (the commonest match): the pattern has checked what follows it
                    if before in _CUE_BEFORE_SET:
                        cues.append((p, e))
                    continue
                if before in _CUE_BEFORE_SET:
                    if w in is_cue and (e == n or not (text[e].isalnum() or text[e] in "_-")):
                        cues.append((p, e))  # the longest entry here is a cue: the longest cue
                    else:
                        c = cue_at.match(text, p)  # a shorter cue under the phrase ("called for")
                        if c is not None:
                            cues.append(c.span(1))
                if not (before.isalnum() or before == "_"):
                    nps.append((p, e))
    # (a cue at the very start is outside quotations: no quotation mark is there)
    if first_cue is not None:
        cues.insert(0, first_cue.span(1))
    if first_np is not None:
        nps.insert(0, first_np.span(1))
    return cues, nps


def _starting_in(found: list[tuple[int, int]], spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of ``found`` that start inside one of ``spans`` (both in document order)."""
    out = []
    k = 0
    for c in found:
        while k < len(spans) and spans[k][1] <= c[0]:
            k += 1
        if k < len(spans) and spans[k][0] <= c[0]:
            out.append(c)
    return out


def _no_subject_words(lex: Lexicon) -> frozenset[str]:
    """Prepositions after which a speech verb has no subject ("plans to say", "known for
    saying"): as the last word before the verb, _subject_in stops at one and finds no noun phrase
    in it (the words it skips, "-ing" forms, times and roles are left out)."""
    return frozenset(
        w for w in PREPOSITIONS
        if w not in SKIP_BEFORE_VERB and w not in _TIME_NOUNS and w not in _WEEKDAYS and w not in SUBJECT_PRONOUNS
        and w not in {"and", "or", "but"} and not w.endswith("ing") and not (w.endswith("ly") and len(w) > 4)
        and w not in lex.role_nouns and w.rstrip("s") not in lex.role_nouns and w not in lex.titles)


def _title_case(text: str, s: int, e: int) -> bool:
    """A headline-style line ("Trump Says He’s Unlikely To Meet Cameron"): its capitals are
    typography, not names."""
    # the first letters of its words (counted in C: isupper alone would count a capital Roman
    # numeral, which is no letter)
    firsts = "".join(filter(str.isalpha, [w[0] for w in text[s:min(e, s + 400)].split()]))
    if len(firsts) < 5:
        return False
    return sum(map(str.isupper, firsts)) >= 0.8 * len(firsts)


class Doc:
    def __init__(self, text: str, lex: Lexicon, skip: tuple[tuple[int, int], ...] = (),
                 caches: dict | None = None, on_stage: Callable[[str], None] | None = None):
        """``on_stage``, when given, is called with "sentences" and then "cues" as those are
        found (the engine's progress)."""
        self.text = text
        self.lex = lex
        self._subjects: dict[tuple[int, int], Mention | None] = {}
        self._subjects_after: dict[tuple[int, int], Mention | None] = {}
        self._words: dict[tuple[int, int], list[tuple[int, int, str]]] = {}
        self.cue_owner: dict[tuple[int, int], object] = {}  # cue -> the first quote that rests on it
        caches = caches if caches is not None else {}
        self.paragraphs = marks.paragraphs(text, skip)
        self.para_starts = [s for s, _ in self.paragraphs]
        self.segments = marks.find_segments(text, skip, self.paragraphs)
        self.seg_opens = [s.open_at for s in self.segments]
        self._seg_closes = [s.close_end for s in self.segments]  # (for inside_quote, sentences)
        self.sentences = sentences.split(text, self.paragraphs, self.seg_opens, self._seg_closes)
        word_re = caches.get("word_re")
        if word_re is None:
            word_re = caches["word_re"] = sentences.word_regex(_abbreviations(lex))
        self.word_re = word_re  # one word of words(), for readers that match a word at a time
        word_space_re = caches.get("word_space_re")
        if word_space_re is None:  # each word and the white space after it (see words)
            word_space_re = caches["word_space_re"] = re.compile(f"({word_re.pattern})(\\s*)")
        self._word_space_re = word_space_re
        no_subject = caches.get("no_subject_words")
        if no_subject is None:
            no_subject = caches["no_subject_words"] = _no_subject_words(lex)
        self._no_subject_words = no_subject
        self.sent_starts = set(self.sentences.starts)
        if on_stage is not None:
            on_stage("sentences")
        # cues (outside quotations: cues inside them are not used)
        found, self.np_cues = _scan_cues(text, lex, caches, self._unquoted())
        cues = []
        # cues and sentences are both in document order: walk them together
        starts, n_sents = self.sentences.starts, len(self.sentences.starts)
        self._rev = text[::-1]  # backward scans as forward regular-expression matches
        si = 0
        sentence, in_sentence = -1, 0  # the sentence of the last cue kept, and its cues so far
        for c in found:
            pos = c[0]
            if self._noun_use(pos, c[1]):
                continue  # a noun
            while si < n_sents and starts[si] <= pos:
                si += 1
            # a bound for run-on text made of speech verbs: real sentences have a few cues
            key = si - 1 if si else 0
            if key != sentence:
                sentence, in_sentence = key, 0
            in_sentence += 1
            if in_sentence <= MAX_CUES_PER_SENTENCE:
                cues.append(c)
        self.cues = cues
        self.cue_starts = [c[0] for c in self.cues]
        if on_stage is not None:
            on_stage("cues")
        name_re = caches.get("name_re")
        if name_re is None:
            name_re = caches["name_re"] = names.name_regex(lex)
        # names never cross a line; skip what is not analysed (a caption) and a title-case
        # headline, whose capitals are typography
        pars = self.paragraphs
        lo = pars[0][0] if pars else 0
        if pars and _title_case(text, *pars[0]):
            lo = pars[1][0] if len(pars) > 1 else len(text)
        found, several, alone = names.find_names(text, name_re, lex, lo, len(text), self.sent_starts,
                                                  self.sentences.starts)
        if skip:
            found = [n for n in found if not any(a <= n.start < b for a, b in skip)]
            several = [n for n in several if not any(a <= n.start < b for a, b in skip)]
            alone = None  # (worked out again from the names kept)
        # (the stages after find_names change only names of several words or with a role, and
        # look at the others as a whole: they walk only ``several`` where they can)
        names.split_places(found, lex, several, alone)
        names.canonicalise(several, lex)
        self.names = found
        self.name_ends = [n.end for n in found]
        self.name_starts = [n.start for n in found]
        self.entities, self.owner = names.build_entities(found, lex, text, several)

    def _noun_use(self, pos: int, end: int) -> bool:
        """"his remarks", "Trump's comments", "the call": a cue word (text[pos:end]) used as a
        noun."""
        text = self.text
        if text[pos] in "aA" and text.startswith(("according", "According"), pos):
            return False  # never a noun ("said in a statement according to …")
        # the letters of the cue: all of it when it is one word of ASCII letters (no letter
        # follows a cue)
        form = text[pos:end]
        if form.isalpha() and form.isascii():
            form_end = end
        else:
            m = _ALPHA.match(text, pos)
            form, form_end = (m.group(), m.end()) if m else ("", None)
        form = form.lower()
        verb = form.endswith("ed") or form in VERB_ONLY
        # A verb form is a noun only after a determiner or a possessive (below): a word before
        # it whose last two letters end none of them rules that out without reading the word
        if verb and pos > 2 and text[pos - 1] == " " and text[pos - 2] not in _UNDECIDED_LAST:
            last_two = text[pos - 3:pos - 1].lower()
            if last_two not in _DETERMINER_ENDS:
                return False
            thirds = _DETERMINER_THIRDS.get(last_two)
            if thirds is not None and (pos == 3 or text[pos - 4].lower() not in thirds):
                return False  # ("he said", "Fisher said")
        n = len(text)
        back = _BACK_WORD.match(self._rev, n - pos)
        b, e = back.span(1)  # (the word ends the match)
        k, j = n - e, n - b
        prev = text[k:j]
        if "_" in prev:  # (a word of letters, digits and apostrophes)
            j = pos
            while j > 0 and text[j - 1] in " \t\u00a0":
                j -= 1
            k = j
            while k > 0 and (text[k - 1].isalnum() or text[k - 1] in "'\u2019"):
                k -= 1
            prev = text[k:j]
        low = prev.lower()
        if low in _NOUN_DETERMINERS or low.endswith(_POSSESSIVE):
            return True
        # "a snappy retort", "the biggest challenges": an article two words back
        if (low[:1].isdigit() and low.rstrip("s").isdigit() or low in _NUMBER_WORDS) and not verb:
            return True  # "the 2012 attacks", "the 1960s remark": after a year or a number
        if verb or not low.isalpha() or not low.islower() \
                or (form.endswith("s") and form not in NOUNISH) \
                or low in SKIP_BEFORE_VERB or low in SUBJECT_PRONOUNS:
            return False
        j2 = k
        while j2 > 0 and text[j2 - 1] in " \t\u00a0":
            j2 -= 1
        k2 = j2
        while k2 > 0 and text[k2 - 1].isalpha():
            k2 -= 1
        if text[k2:j2].lower() not in {"a", "an", "the", "his", "her", "their", "its", "our", "my"}:
            return False
        # "The ad claims that …", "The ad claims “…”": a verb after all
        nxt = text[form_end:form_end + 6].lstrip(" \t\u00a0") if form_end is not None else ""
        return not (nxt.startswith(("that ", ":", "\u201c", '"', "''")))

    def _unquoted(self) -> list[tuple[int, int]]:
        """The spans of the text outside quotations, as inside_quote sees them: a segment is
        inside from its opening mark to its closing end, or to the next one's opening mark."""
        spans = []
        lo = 0
        for hi, close in zip(self.seg_opens, self._seg_closes):
            if hi > lo:
                spans.append((lo, hi))
            lo = close
        if lo < len(self.text):
            spans.append((lo, len(self.text)))
        return spans

    # ----------------------------------------------------------------- positions
    def inside_quote(self, pos: int) -> bool:
        # the last segment opened at or before pos: does it close after it?
        i = bisect_right(self.seg_opens, pos)
        return i > 0 and pos < self._seg_closes[i - 1]

    def paragraph_index(self, pos: int) -> int:
        i = bisect_right(self.para_starts, pos) - 1
        return i if i > 0 else 0

    def words(self, lo: int, hi: int) -> list[tuple[int, int, str]]:
        """The words (and punctuation marks) of text[lo:hi] as (start, end, word). The list is
        shared between callers asking for the same span: never modify it."""
        key = (lo, hi)
        memo = self._words
        toks = memo.get(key)
        if toks is None:
            if len(memo) >= WORDS_MEMO:
                memo.clear()  # repeated spans are near each other: a bounded memo keeps them
            toks = memo[key] = []
            append = toks.append
            text = self.text
            # The text is split at its spaces in C: no token holds a space, so each piece starts
            # a token. Most pieces are a word of letters and digits (all word characters), or
            # one and a comma or a closing mark after it, an opening mark before it (each a token
            # of its own), or a word with apostrophes or hyphens ("Trump’s", "well-known"): those
            # are read without the word pattern, which reads the other pieces.
            start = lo if lo > 0 else 0
            for piece in text[start:hi].split(" ") if start < hi else ():
                end = start + len(piece)
                if piece.isalnum():
                    append((start, end, piece))
                elif not piece:
                    pass  # (two spaces, or one at an end of the span)
                elif piece[-1] in _MARK_AFTER_WORD and piece[:-1].isalnum():
                    append((start, end - 1, piece[:-1]))
                    append((end - 1, end, piece[-1]))
                elif piece[0] in _MARK_BEFORE_WORD and piece[1:].isalnum():
                    append((start, start + 1, piece[0]))
                    append((start + 1, end, piece[1:]))
                elif piece[0].isalnum() and \
                        piece.replace("'", "").replace("\u2019", "").replace("-", "").isalnum():
                    append((start, end, piece))
                else:
                    self._pattern_words(start, end, append)
                start = end + 1
        return toks

    def _pattern_words(self, lo: int, hi: int, append) -> None:
        """The tokens of text[lo:hi] by the word pattern, each with the white space after it, as
        strings (no match object a word): every character that is not white space belongs to a
        token, so the offsets follow from their lengths, counted from the first token's start
        (the first character that is not white space: the pattern's white space is exactly
        str.isspace)."""
        text = self.text
        pairs = self._word_space_re.findall(text, lo, hi)
        if pairs:
            start = lo
            while text[start].isspace():
                start += 1
            for word, space in pairs:
                end = start + len(word)
                append((start, end, word))
                start = end + len(space)

    def written_as_word(self, word: str, lo: int, hi: int) -> bool:
        """Is ``word`` written as a word of its own in ``text[lo:hi]`` (see
        :func:`names.written_as_word`)?"""
        return names.written_as_word(self.text, word, lo, hi)

    def first_word(self, lo: int, hi: int) -> tuple[int, int, str] | None:
        """The first of ``words(lo, hi)``, without the others."""
        m = self.word_re.search(self.text, lo, hi)
        return None if m is None else (*m.span(), m[0])  # (one call for both offsets)

    def head_words(self, lo: int, hi: int, n: int) -> tuple[list[tuple[int, int, str]], bool]:
        """The first words of ``words(lo, hi)``, at least ``n`` of them when there are that many,
        and whether they are all of them: a shorter span cut at a space first."""
        if hi - lo > 7 * n:
            cut = self.text.rfind(" ", lo, lo + 6 * n)
            if cut > lo:
                toks = self.words(lo, cut)
                if len(toks) >= n:
                    return toks, False
                # no word is cut at a space: the words after it follow on
                return toks + self.words(cut, hi), True
        return self.words(lo, hi), True

    def tail_words(self, lo: int, hi: int, reach: int) -> tuple[list[tuple[int, int, str]], bool]:
        """The last words of ``words(lo, hi)`` within about ``reach`` characters of ``hi``, and
        whether they are all of them (the span is cut at a space, so they are exactly the last
        words of the whole span)."""
        if hi - reach > lo + 8:
            cut = self.text.find(" ", hi - reach, hi)
            if cut > lo:
                return self.words(cut, hi), False
        return self.words(lo, hi), True

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
        """The names inside text[lo:hi] (by start, then end), in document order."""
        starts = self.name_starts
        i = bisect_left(starts, lo)
        if i == len(starts) or starts[i] >= hi:
            return []  # (most spans: the second search, from i on, is not needed)
        j = bisect_left(starts, hi, i)
        return [n for n in self.names[i:j] if n.end <= hi]

    def cues_between(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The cues inside text[lo:hi], in document order."""
        starts = self.cue_starts
        i = bisect_left(starts, lo)
        if i == len(starts) or starts[i] >= hi:
            return []  # (most spans: the second search, from i on, is not needed)
        cues = self.cues[i:bisect_left(starts, hi, i)]
        # the cues after the first (matched apart, at offset 0) are one scan's matches, which
        # never overlap: when the last of them ends in time, so do the others
        return cues if i and cues[-1][1] <= hi else [c for c in cues if c[1] <= hi]

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
                    return Mention(n.start if n.start > lo else lo, n.end, "np")
                return Mention((n.name_start if n.name_start > lo else lo) if n.name_start < e else n.start,
                               n.end, "name", n)
            if low in NP_STARTERS or low in {"another", "others", "many", "some", "several"}:
                return Mention(s, e, "np")  # "Another tweeted, “…”"
            if low.rstrip(".") in self.lex.nonnames:
                return None
            return Mention(s, e, "name")
        if w[0].isalpha() and (low in self.lex.role_nouns or low.rstrip("s") in self.lex.role_nouns
                               or low in self.lex.titles):
            return self._np_back(toks, i, lo)
        if (w[0].isalpha() or w[0].isdigit() and "-" in w) and not low.endswith(("ed", "ing")) \
                and low not in PREPOSITIONS \
                and low not in TIME_NOUNS:
            # any noun phrase with a determiner close before it: "the gambling tycoon"
            for j in range(i - 1, i - 5 if i > 4 else -1, -1):
                wj = toks[j][2].lower()
                if wj in NP_STARTERS and (wj in ARTICLES or j == i - 1):  # "one user", "the 43-year-old"
                    if not self._np_starts_clause(toks, j):
                        return None
                    return Mention(toks[j][0], toks[i][1], "np")
                if not toks[j][2][0].isalnum() or wj in PREPOSITIONS or wj in SKIP_BEFORE_VERB \
                        or wj in {"and", "or", "who", "that", "which", "but"}:
                    break
        return None

    def _personish(self, m: Mention) -> bool:
        """A pronoun, or a name that looks like a person's (not "Elizabeth, Colorado")."""
        if m.kind != "name":
            return m.kind == "pronoun"
        n = m.name
        if n is None:
            return False
        if n.kind == "person":
            return True
        ent = self.entities.get(self.owner.get(n.name_start, ""))
        return ent is not None and ent.kind == "person"

    @staticmethod
    def _np_starts_clause(toks, j: int) -> bool:
        """Does the noun phrase starting at token ``j`` open a clause (so it can be a subject)?
        "“…,” the email said" yes; "he tweaked his campaign promise" no (an object)."""
        if j <= 0:
            return True
        prev = toks[j - 1][2]
        low = prev.lower()
        return not prev[0].isalnum() or low in CLAUSE_WORDS or prev[0].isupper() and low in ("and", "but")

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
            if low in PREPOSITIONS or low in {"and", "or", "who", "that", "which"} or not w[0].isalnum():
                if low in ("of", "for") and steps < 4:
                    j -= 1
                    steps += 1
                    continue
                break
            if low in self.lex.speech_verbs or low in SKIP_BEFORE_VERB:
                break
            j -= 1
            steps += 1
        if not self._np_starts_clause(toks, j):
            return None
        return Mention(toks[j][0], end, "np")

    def subject_before(self, verb_start: int, lo: int) -> Mention | None:
        """The subject of the speech verb at ``verb_start``, looking back no further than ``lo``:
        "Lavrov said", "he told", "a police spokesperson said", "Zeke Roe, an oncologist, said"."""
        if lo < verb_start - 200:
            lo = verb_start - 200  # looks back no further than that anyway
        key = (verb_start, lo)
        cache = self._subjects
        if key not in cache:
            cache[key] = self._subject_before(verb_start, lo)
        return cache[key]

    def _subject_before(self, verb_start: int, lo: int) -> Mention | None:
        start = lo if lo > verb_start - 160 else verb_start - 160
        m = self._subject_of_last_word(verb_start, start, lo)
        if m is not _MORE:
            return m
        if verb_start - start > SUBJECT_REACH + 8:
            # the subject is nearly always among the last few words: try those first. Cut at a
            # space, so they are exactly the last words of the whole span; the shorter list gives
            # up (_MORE) whenever the answer could depend on words before it.
            cut = self.text.find(" ", verb_start - SUBJECT_REACH, verb_start)
            if cut > start:
                last = self.words(cut, verb_start)
                m = self._subject_in(last, lo, True)
                if m is not _MORE:
                    return m
                # no word is cut at a space: the words before it and the last ones are all words
                return self._subject_in(self.words(start, cut) + last, lo, False)
        return self._subject_in(self.words(start, verb_start), lo, False)

    def _word_before(self, verb_start: int, start: int, reach: int = 10) -> tuple[int, str] | None:
        """The word (start, text) that ends at the one space before ``verb_start`` and starts
        after another space, or at ``start``, within ``reach`` characters: when it is all letters,
        the last of ``words(start, verb_start)``, found without splitting the others."""
        text = self.text
        q = verb_start - 1
        if q <= start or text[q] != " ":
            return None
        edge = start if start > verb_start - reach else verb_start - reach
        p = text.rfind(" ", edge, q) + 1
        if p == 0:
            if edge > start:
                return None
            p = start  # the span starts with the word ("He said" opening a paragraph)
        return p, text[p:q]

    def _subject_of_last_word(self, verb_start: int, start: int, lo: int):
        """The subject when the last of ``words(start, verb_start)`` decides it alone, read
        without splitting the words before it (else _MORE): a subject pronoun is the subject
        ("he said", "She told": _subject_in reads nothing before it unless it is capitalised and
        ends a name); after a preposition there is none ("plans to say", see _no_subject_words);
        a capitalised word may end a name that needs no more (see _name_subject)."""
        found = self._word_before(verb_start, start)
        if found is None:
            return _MORE
        p, word = found  # (the words decided here are letters alone: no other token is in it)
        if word in self._no_subject_words:
            return None
        if word.lower() in SUBJECT_PRONOUNS and not (word[0].isupper() and self.name_ending_at(verb_start - 1) is not None):
            return Mention(p, verb_start - 1, "pronoun")
        if word.isalpha() and word[0].isupper():
            return self._name_subject(p, verb_start - 1, word, start, lo)
        return _MORE

    def _name_subject(self, p: int, q: int, word: str, start: int, lo: int):
        """_subject_in on ``words(start, q + 1)`` when its last word ``text[p:q]`` is capitalised
        letters, read without splitting the words (else _MORE): for "“…,” Bernie Sanders said",
        "that Trump said" and "Sanders said …" opening the span. When the last word and the words
        of the name it ends are letters and none is a word that stops a phrase, and the name starts
        the span or follows a mark that is a token of its own or a stop word that is no
        preposition, _subject_in skips nothing (its walk back over a prepositional phrase stops
        there, and a name after "speaking to" needs a preposition before it) and takes the
        mention of the last word. (A change to those tests of _subject_in must be made here too.)"""
        low = word.lower()
        if low in SKIP_BEFORE_VERB or low in _TIME_NOUNS or low in _WEEKDAYS:
            return _MORE
        n = self.name_ending_at(q)
        b = n.start if n is not None and n.start < p else p  # (where the name's words start)
        text = self.text
        if b < start:
            return _MORE
        if b != start and text[start:b].strip(" "):  # (else no token is before the name)
            if text[b - 1] != " ":
                return _MORE
            if text[b - 2] not in _MARK_ALONE:
                # or a word that stops the walk and is no preposition ("that Sanders said")
                r = text.rfind(" ", start, b - 1)
                before = text[r + 1 if r >= 0 else start:b - 1].lower()
                if before not in _PHRASE_STOPS or before in PREPOSITIONS and before != "as":
                    return _MORE
        for w in text[b:q].split(" "):
            if not w.isalpha() or w.lower() in _PHRASE_STOPS:
                return _MORE
        return self._mention_for_token(((p, q, word),), 0, lo)

    def _subject_in(self, toks, lo: int, short: bool) -> Mention | None:
        """The subject before the last word of ``toks``. A ``short`` list gives _MORE when a word
        before its start could matter (the tests below look at most four words back, and a noun
        phrase at most ten; an index compared with 0 or 1 must be the same in both lists)."""
        i = len(toks) - 1
        while i >= 0:
            if short and i < 5:
                return _MORE
            w = toks[i][2]
            low = w.lower()
            if low in SKIP_BEFORE_VERB or (w.endswith("ly") and w.islower() and len(w) > 4):
                i -= 1
                continue
            if i > 0 and (low in _TIME_NOUNS and toks[i - 1][2] in _TIME_DETERMINERS
                          or low in _WEEKDAYS and toks[i - 1][2] == "on"):
                i -= 2  # a time between subject and verb: "Roe (D-Calif.) last week said"
                continue
            # a short prepositional phrase: "who has in the past described"
            j = i
            while j > i - 4 and j > 0:
                wj = toks[j][2]
                lj = wj.lower()
                if not wj[0].isalnum() or lj in _PHRASE_STOPS:
                    break
                j -= 1
            if j < i and j > 0 and toks[j][2].lower() in PREPOSITIONS and toks[j][2].lower() != "as" \
                    and toks[j + 1][2].lower() in ARTICLES and low not in SUBJECT_PRONOUNS:
                # ("as the website notes": a clause, not a prepositional phrase)
                i = j - 1
                continue
            if w[0].isupper() and i > 1:
                # "Another source speaking to Fox News said": a prepositional phrase with a name
                n = self.name_ending_at(toks[i][1])
                if n is not None:
                    k = i
                    while k > 0 and toks[k - 1][0] >= n.start:
                        k -= 1
                    if short and k < 2:
                        return _MORE
                    if k > 1 and toks[k - 1][2] in {"to", "with", "from", "for", "at", "on", "in"} \
                            and toks[k - 2][2].islower():
                        i = k - 2
                        continue
            if low.endswith("ing") and w.islower() and i > 0 and toks[i - 1][2][:1].isalpha() \
                    and low not in self.lex.speech_verbs:
                i -= 1  # "a source speaking … said"
                continue
            break
        if i < 0:
            return _MORE if short else None
        w = toks[i][2]
        if w in QUOTE_CHARS or w == "''":
            return None
        if short and w in (",", ")") or w.lower() in {"and", "or", "but"}:
            if short:
                return _MORE  # these look far back
            # "he brought up the bombing and later said": the subject of the first verb
            for k in range(i - 1, i - 30 if i > 29 else -1, -1):
                wk = toks[k][2]
                if wk.lower() in {"he", "she", "they", "i", "we"}:
                    return Mention(toks[k][0], toks[k][1], "pronoun")
                if wk in {",", ";", ":"} and k < i - 1 and toks[k + 1][2][0].isupper():
                    break
            for k in range(0, i):
                if toks[k][2][0].isupper() and (k == 0 or toks[k - 1][2].lower() not in PREPOSITIONS
                                                and toks[k - 1][2].lower() not in ARTICLES):
                    n = self.name_starting_at(toks[k][0])
                    # a name that starts here (not the tail of "Minnesota Sen. Al Franken")
                    if n is not None and n.start >= toks[k][0] - 1 and self._personish(
                            Mention(n.name_start, n.end, "name", n)):
                        return Mention(n.name_start, n.end, "name", n)
            return None
        if w == "," and i > 3 and toks[i - 1][2] == ")" and toks[i - 3][2] == "(" \
                and _PARTY_STATE.match(toks[i - 2][2]):
            i -= 1  # "Jane Roe (R-Texas), said": as without the comma
            w = ")"
        if w == "," and i > 1:
            # "the city's chief engineer, Tom Lee, said"
            m = self._mention_for_token(toks, i - 1, lo)
            if m is not None and m.kind == "name" and m.start > 0 and self._personish(m):
                k = i - 1
                while k >= 0 and toks[k][0] >= m.start:
                    k -= 1
                if k >= 0 and toks[k][2] == ",":
                    return m
        if w == "," and i > 1:
            # "he, once again, pledged": adverbs between commas
            k = i - 1
            while k > 0 and (toks[k][2].lower() in SKIP_BEFORE_VERB or toks[k][2].lower() in _ADVERB_WORDS
                             or toks[k][2].endswith("ly") and toks[k][2].islower()):
                k -= 1
            if k < i - 1 and k > 0 and toks[k][2] == ",":
                m = self._mention_for_token(toks, k - 1, lo)
                if m is not None and m.kind == "pronoun":
                    return m
        if w == ",":
            # appositive: "Jane Roe, a former adviser who ..., said" -> the name before a comma
            k = i - 1
            guard = commas = 0
            while k >= 0 and guard < 60 and commas < 5:
                if toks[k][2] == "," and k > 0:
                    commas += 1
                    m = self._mention_for_token(toks, k - 1, lo)
                    if m is not None and m.kind != "np":
                        nxt = toks[k + 1][2] if k + 1 < len(toks) else ""
                        nl = nxt.lower()
                        if nl in DETERMINERS or nl in {"who", "whose", "which", "then", "now", "herself", "himself",
                                                       "when", "while", "after", "before", "if", "as", "in"} \
                                or ((k + 1 == i or nxt[:1].isdigit() or nl in self.lex.titles or nl in self.lex.role_words
                                     or nl in self.lex.role_nouns or nxt[:1].isupper()) and self._personish(m)):
                            return m
                if toks[k][2] in (";", ":"):
                    break
                k -= 1
                guard += 1
            # "Jane Roe, who ..., said" at the clause start
            if k < 0 and toks:
                if not toks[0][2][0].isupper():
                    return None
                n = self.name_starting_at(toks[0][0])
                if n is not None and n.start == toks[0][0] and n.end <= toks[i][0]:
                    return Mention(n.name_start, n.end, "name", n)  # the whole name, not "Anna"
                return self._mention_for_token(toks, 0, lo)
            return None
        if w == ")":
            # "Jane Roe (R-Texas) said"
            k = i - 1
            while k >= 0 and toks[k][2] != "(":
                k -= 1
            if k > 0:
                return self._mention_for_token(toks, k - 1, lo)
            return None
        if short and i < 11 and w.lower() not in SUBJECT_PRONOUNS and not (
                w[0].isupper() or (len(w) > 3 and w[2] == "-" and w[3].isupper())):
            return _MORE  # a noun phrase, maybe with a determiner far back
        return self._mention_for_token(toks, i, lo)

    def phrase_before(self, verb_start: int, lo: int, strict: bool = True) -> Mention | None:
        """Any short phrase right before a verb, back to a clause boundary ("74 percent of
        voters said", "Politicians and even some technologists say"): the speaker of reported
        speech when no better subject is found."""
        if lo < verb_start - 120:
            lo = verb_start - 120  # (the phrase is short)
        found = self._word_before(verb_start, lo, 20)
        if found is not None and found[1].isalpha():
            # the last word alone rules most verbs out (as below), the others not split
            last = found[1].lower()
            if last.endswith(("ing", "ed")) or last in {"to", "not", "will", "would", "can", "could", "should"} \
                    or strict and (last in PREPOSITIONS or last in CLAUSE_WORDS or last in SKIP_BEFORE_VERB):
                return None
        toks, whole = self.tail_words(lo, verb_start, 48)
        if not whole and len(toks) < 8:  # the phrase looks at most seven words back
            toks = self.words(lo, verb_start)
        if not toks or not toks[-1][2][0].isalnum():
            return None
        last = toks[-1][2].lower()
        if last.endswith(("ing", "ed")) or last in {"to", "not", "will", "would", "can", "could", "should"}:
            return None  # "helping find", "to find": the verb is not reporting here
        if strict and (last in PREPOSITIONS or last in CLAUSE_WORDS or last in SKIP_BEFORE_VERB):
            return None
        j = len(toks) - 1
        while j > 0 and len(toks) - j < 7:
            w = toks[j - 1][2]
            low = w.lower()
            if not w[0].isalnum() or low in CLAUSE_WORDS and low != "and":
                break
            if strict and low in PREPOSITIONS and low not in ("of", "in"):
                return None  # "the logistics of getting a candidate on": not a subject
            if strict and low in _FINITE_BE:
                return None  # "This view was reflected in another question": a clause
            j -= 1
        if toks[j][2].lower() in SKIP_BEFORE_VERB or strict and toks[j][2].lower() in PREPOSITIONS:
            return None
        return Mention(toks[j][0], toks[-1][1], "np")

    def subject_after(self, verb_end: int, hi: int) -> Mention | None:
        """The speaker named after the verb: "said Lavrov", "said he", "said a spokesperson"."""
        reach = hi if hi < verb_end + 150 else verb_end + 150  # looks no further than that
        # (reported speech, the sieves and the re-ranker ask about the same verbs)
        key = (verb_end, reach)
        cache = self._subjects_after
        if key not in cache:
            cache[key] = self._subject_after(verb_end, reach)
        return cache[key]

    def _subject_after(self, verb_end: int, reach: int) -> Mention | None:
        first = self.first_word(verb_end, reach)
        if first is None:
            return None
        low = first[2].lower()
        if low in {"he", "she", "they", "i", "we", "it"} or (
                first[2][0].isupper() and low not in NP_STARTERS and low not in DETERMINERS):
            toks = [first]  # a pronoun or a name: the words after it are not read
        else:
            toks = self.head_words(verb_end, reach, 10)[0]  # (it reads ten at most)
        s, e, w = toks[0]
        if w.endswith(".") and len(w) > 2 and w[:-1].isalpha() and w[:-1].islower():
            w, e = w[:-1], e - 1  # "tweeted another.": the sentence's full stop
        low = w.lower()
        if low in {"he", "she", "they", "i", "we", "it"}:
            return Mention(s, e, "pronoun")
        if low in NP_STARTERS and (len(toks) == 1 or toks[1][2] in {",", ".", ";"}):
            return Mention(s, e, "np")  # "tweeted another."
        if low in DETERMINERS and len(toks) > 1 and toks[1][2][0].isupper():
            n = self.name_starting_at(toks[1][0])
            if n is not None and (n.kind == "organisation" or low == "the"):
                return Mention(s, n.end, "name", n)  # "the Kremlin", "The Gazette"
        if w[0].isupper() or (low in self.lex.particles and len(toks) > 1 and toks[1][2][0].isupper()):
            n = self.name_starting_at(s)
            if n is not None:
                if n.kind == "unknown" and n.name.lower() in self.lex.titles:
                    return Mention(n.start, n.end, "np")
                return Mention(n.name_start, n.end, "name", n)
            if low.rstrip(".") in self.lex.nonnames:
                return None
            return Mention(s, e, "name")
        if w.islower() and low not in PREPOSITIONS and low not in {"that", "this", "it", "in", "and"}:
            # "said election lawyer Joe Roe", "said longtime aide Jane Roe"
            for k in range(1, len(toks) if len(toks) < 6 else 6):
                wk = toks[k][2]
                if wk[0].isupper():
                    n = self.name_starting_at(toks[k][0])
                    if n is not None and n.kind == "person":
                        return Mention(n.name_start, n.end, "name", n)
                    if wk.lower() in self.lex.demonyms and k + 1 < len(toks) and toks[k + 1][2].islower():
                        continue  # "said undecided Republican voter Jane Roe"
                    break
                if not wk.isalpha() or wk.lower() in PREPOSITIONS and wk.lower() not in ("of", "for"):
                    break  # ("said master of ceremonies Asab Al-Tabchi")
        if low in NP_STARTERS or low in self.lex.role_nouns or low in self.lex.role_words:
            j = 0
            end = e
            while j + 1 < len(toks) and j < 8:
                nw = toks[j + 1][2]
                nl = nw.lower()
                if not nw[0].isalnum() or nl in PREPOSITIONS or nl in {"who", "that", "which", "and"}:
                    break
                if nl in self.lex.speech_verbs and (nl.endswith("ed") or nl in VERB_ONLY):
                    break  # (a noun such as "a congressional report" goes on)
                j += 1
                end = toks[j][1]
            return Mention(s, end, "np")
        return None
