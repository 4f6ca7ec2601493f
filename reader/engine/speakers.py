"""From mentions to speakers: names join their entity, pronouns are resolved to the person they
stand for, unnamed sources ("a police spokesperson") become entities of their own.

What a reader sees is the entity, so a mention that cannot name one is not made into one: a
pronoun never stands for a place, a demonym or an organisation; an honorific alone ("Mr.") is
the name after it or nothing; a capitalised common word at a sentence start ("Polls showed …")
is an unnamed source, an adverb ("Once", "Nonetheless") nothing; a noun phrase is cut back to a
clean one ("Trump unleashed a flurry of" -> Trump, "She gives" -> she) or dropped.
"""

from __future__ import annotations

import re
import string
import unicodedata
from bisect import bisect_left, bisect_right

from reader.engine.doc import (
    CLAUSE_WORDS,
    DETERMINERS,
    PREPOSITIONS,
    QUOTE_CHARS,
    SKIP_BEFORE_VERB,
    SUBJECT_PRONOUNS,
    VERB_ONLY,
    Doc,
    Mention,
)
from reader.engine.names import NEARBY, EntityInfo, opens_sentence, surname_key

# Prepositions after which a name is a place ("in Honolulu", "at Midway") ...
LOCATIVE = frozenset("in at near inside outside throughout across".split())
# ... and these as well when every mention of the name follows one ("from Honolulu", "on Midway").
LOCATIVE_ANY = LOCATIVE | frozenset("from on into toward towards around".split())
# Last words of a multi-word name that make it a place ("Midway Atoll", "Marsh Landing Country Club").
PLACE_WORDS = frozenset(
    """atoll island islands isle isles mountain mountains mount river lake county valley beach bay
    park square street avenue road airport stadium arena coast peninsula desert canyon harbor
    harbour port province region district village town club hall hotel hospital""".split())
# Last words of a multi-word name that make it a thing, an event or a medium, never the person a
# pronoun stands for ("Super Tuesday", "Trump Tower", "the Republican National Convention").
THING_WORDS = frozenset(
    """day days eve year week month monday tuesday wednesday thursday friday saturday sunday sea
    ocean gulf tower towers plaza palace center centre building mall casino resort command zone
    convention conference summit debate primary caucus caucuses election act bill amendment
    program programme plan fund tour train show series times post news magazine network channel
    radio journal tribune herald gazette review report index poll survey""".split())
# Words that end a noun phrase used as a speaker: auxiliaries, modals and common verbs.
_VERBISH = frozenset(
    """is are was were be been being am has have had do does did may might must can could would
    should will shall let lets gives gave makes made gets got takes took goes went comes came puts
    shows showed shown seems seemed sends sent keeps kept brings brought""".split())
# An object pronoun that is a speaker's mention (the object of "led her to declare") stands for
# the person its subject form would.
_OBJECT_FORMS = {"his": "he", "her": "she", "him": "he", "me": "i"}
_FUNCTION = frozenset(
    """the a an this that these those and or but nor so yet if then than as such which who whom
    whose what why how where when while there here it its all some any each every both either
    neither no not one many much more most few several other another""".split())
# Quantifiers that stand for a person on their own ("tweeted another", "One said").
_PRONOMINAL = frozenset("another others one many several some most few both".split())
_RELATIVE = frozenset("which that".split())
# adjectives that open a longer noun phrase ("One former Trump aide"): no noun to stop at
_BARE_ADJECTIVES = frozenset("former top senior longtime other new old current onetime".split())
# things a later "it" may stand for when one opens its sentence or the one before ("The email
# includes a photo … At the bottom it reads, “…”", "The group seeks … what it calls “…”")
_IT_NOUNS = frozenset("""statement memo memorandum letter email e-mail report paper document
    affidavit ad advertisement release filing complaint lawsuit study survey poll constitution
    bill website post tweet video note message editorial article book group company campaign
    committee newspaper panel agency organization organisation report petition resolution
    ruling order platform manifesto page site""".split())
_NOT_A_GROUP_START = frozenset("and but or unless if her his their its our my your".split())
_GROUP_ENDS = ("s", "people", "police", "staff", "media", "public", "press", "team", "crowd")
# a possessive determiner right before a name: "on her Facebook", "his Twitter account"
_POSSESSOR_BEFORE = re.compile(r"(?<![\w'\u2019])(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Mm]y|[Oo]ur|[Yy]our) $")
_POSSESSOR_ENDS = frozenset(("s ", "r ", "y "))  # (the last letters of those words, tested first)
_ASCII_LETTERS = string.ascii_letters
# What a name string is by the lexicon alone (an honorific alone; never a person), kept across
# articles: the same names come back article after article. By lexicon: (lexicon, honorific
# only, never a person).
_NAME_ANSWERS: dict[int, tuple] = {}
_NAME_ANSWERS_MAX = 50_000  # names kept per lexicon before the answers are dropped


class Resolver:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.lex = doc.lex
        self.unnamed: dict[str, EntityInfo] = {}
        self._families: dict[str, list[EntityInfo]] | None = None
        self._common: dict[str, bool] = {}
        self._places: dict[str, bool] = {}
        # answers for names and positions asked about again and again (each pronoun looks at
        # the names of up to eight sentences before it); those that depend on the name and the
        # lexicon alone are shared by the articles read with the same lexicon
        answers = _NAME_ANSWERS.get(id(self.lex))
        if answers is None or answers[0] is not self.lex \
                or len(answers[1]) + len(answers[2]) > _NAME_ANSWERS_MAX:
            if len(_NAME_ANSWERS) > 16:
                _NAME_ANSWERS.clear()
            answers = _NAME_ANSWERS[id(self.lex)] = (self.lex, {}, {})
        self._honorific_only: dict[str, bool] = answers[1]
        self._never_a_person: dict[str, bool] = answers[2]
        self._words_before: dict[int, str] = {}
        self._sentence_names: dict[int, list] = {}
        self._depth = 0
        # pronouns resolved so far: positions in order, and position -> (word, end, entity)
        self._resolved_at: list[int] = []
        self._resolved: dict[int, tuple] = {}
        # the last source that is no person (an organisation or a thing: "the company", "the
        # email"), with the end of its mention: what a later "it" may stand for
        self._last_thing: tuple[int, EntityInfo] | None = None
        # the last source that is a group (a plural noun phrase or an organisation: "the
        # protesters", "the campaign"), with the end of its mention: what a later "they" may be
        self._last_group: tuple[int, EntityInfo] | None = None

    # ----------------------------------------------------------------- word classes
    def common_word(self, word: str, pos: int) -> bool:
        """Is ``word`` written in lower case somewhere around ``pos`` (an ordinary word, not a
        name: "Polls", "Video", "Critics")?"""
        low = word.lower()
        got = self._common.get(low)
        if got is None:
            got = self._common[low] = self.doc.written_as_word(low, pos - NEARBY, pos + NEARBY)
        return got

    def demonym(self, name: str) -> bool:
        """"African-American", "Russians", "Republican": a group or a quality, not a person."""
        low = name.lower()
        d = self.lex.demonyms
        return low in d or low.endswith("s") and low[:-1] in d or low.endswith(("-american", "-americans"))

    def honorific_only(self, name: str) -> bool:
        got = self._honorific_only.get(name)
        if got is None:
            words = name.lower().split()
            lex = self.lex
            got = self._honorific_only[name] = bool(words) and all(
                w in lex.honorifics or w in lex.titles or w.rstrip(".") in lex.titles
                or w.rstrip(".") in lex.honorifics for w in words)
        return got

    def _word_before(self, pos: int) -> str:
        """The run of ASCII letters that ends the 24 characters before ``pos`` but for the
        characters that are no word's (white space, punctuation), in lower case; "" when a
        digit, an underscore or another letter comes first. (What ``([A-Za-z]+)\\W*$`` finds,
        read back from ``pos``: a search would try it at each of the 24 starts.)"""
        got = self._words_before.get(pos)
        if got is None:
            text = self.doc.text
            lo = pos - 24 if pos > 24 else 0
            end = pos
            while end > lo and not (text[end - 1].isalnum() or text[end - 1] == "_"):
                end -= 1  # (\w is exactly a character that is alphanumeric or "_")
            head = text[lo:end]
            got = self._words_before[pos] = head[len(head.rstrip(_ASCII_LETTERS)):].lower()
        return got

    def _no_person_name(self, name: str) -> bool:
        """A name that never stands for a person, wherever it is written: a demonym or a party
        label, an honorific alone, an acronym ("DNC", "FBI"), a known place or a name ending with
        a place word."""
        low = name.lower()
        lex = self.lex
        return self.demonym(name) or low in lex.epithets or self.honorific_only(name) \
            or " " not in name and name.isupper() \
            or low in lex.places or " " in low and low.rsplit(" ", 1)[1] in PLACE_WORDS

    def _place_by_use(self, n, ent: EntityInfo | None) -> bool:
        """A name that is a place by where it is written (a known place or a name ending with a
        place word is one wherever it is: see :meth:`_no_person_name`): a name after
        "in"/"at"/"near" (not a possessive: "in Obama's speech"), an entity whose name ends with
        a place word, or a one-word entity every mention of which follows such a preposition or
        "from"/"on" ("from Honolulu", "on Midway")."""
        if n.honorific or n.role:
            return False
        if ent is not None and " " in ent.name and ent.name.lower().rsplit(" ", 1)[1] in PLACE_WORDS:
            return True  # "on Midway" after a dateline "MIDWAY ATOLL -"
        text = self.doc.text
        if self._word_before(n.start) in LOCATIVE and not text.startswith(("'s", "\u2019s"), n.end):
            return True
        if ent is None or ent.role or ent.gender or " " in ent.name:
            return False
        got = self._places.get(ent.key)
        if got is None:
            got = self._places[ent.key] = bool(ent.mentions) and all(
                self._word_before(s) in LOCATIVE_ANY for s, _ in ent.mentions)
        return got

    # ----------------------------------------------------------------- names
    def _entity_for(self, n) -> EntityInfo | None:
        key = self.doc.owner.get(n.name_start)
        return self.doc.entities.get(key) if key is not None else None

    def entity_of_name(self, mention: Mention) -> EntityInfo | None:
        doc = self.doc
        n = mention.name
        if n is not None:
            ent = self._entity_for(n)
            if ent is not None:
                return ent
        word = doc.text[mention.start:mention.end]
        if word.endswith(("'s", "\u2019s")):
            word = word[:-2]
        if any(w.islower() and w not in doc.lex.particles for w in word.split()[1:]):
            return None  # not a name: "French officials" (a noun phrase, see entity())
        key = surname_key(word, doc.lex)
        if not key:
            return None
        if key in doc.entities:
            return doc.entities[key]
        for ent in doc.entities.values():
            if ent.key.endswith(" " + key):
                return ent
        ent = doc.entities[key] = EntityInfo(key, word, "unknown", first=mention.start)
        ent.mentions.append((mention.start, mention.end))
        return ent

    def _sentence_initial(self, pos: int) -> bool:
        return pos in self.doc.sent_starts or opens_sentence(self.doc.text, pos, reach=3)

    def named(self, mention: Mention, recent: list[EntityInfo]):
        """The entity of a name mention, or (None, None) when the name is not one a reader could
        be shown: an honorific alone, an adverb, a lone demonym or party label."""
        doc, lex = self.doc, self.lex
        if mention.name is None:  # (not a name the document found: its words are read)
            text = doc.text
            word = text[mention.start:mention.end]
            if self.honorific_only(word):
                # "said Mr. Burman" read as "Mr.": the name after the honorific
                nxt = doc.first_word(mention.end, min(len(text), mention.end + 40))
                n = doc.name_starting_at(nxt[0]) if nxt is not None and nxt[2][:1].isupper() else None
                if n is not None and n.start < mention.end + 3:
                    return self.named(Mention(n.name_start, n.end, "name", n), recent)
                return None, None
            if word.lower() in DETERMINERS or word.lower() in lex.epithets:
                np = self._extend(mention)  # "The lawmaker", "Former Pennsylvania governor Ed Rendell"
                return self.entity(np, recent) if np is not None else (None, None)
        ent = self.entity_of_name(mention)
        if ent is None:
            np = self.clean_np(Mention(mention.start, mention.end, "np"))
            if np is not None and np.kind == "np":
                return self._np_entity(np, recent)
            return None, None
        name = ent.name
        if self.honorific_only(name):
            return None, None
        if " " not in name and ent.kind != "person" and not ent.role:
            low = name.lower()
            if self.demonym(name) or low in lex.epithets:
                if low.endswith("s") and not low.endswith("ss"):
                    return self._group(name, mention), mention  # "Republicans", "African-Americans"
                np = self._np_around(mention) or self._extend(mention)
                if np is not None and np.kind == "np":  # "the Republican nominee"
                    return self._np_entity(np, recent)
                if np is not None and np.start != mention.start:
                    return self.entity(np, recent)
                return None, None
            if self._sentence_initial(mention.start) and self.common_word(name, mention.start):
                if low.endswith(("ly", "ing")) or low in _FUNCTION or low in SKIP_BEFORE_VERB \
                        or low in PREPOSITIONS or low in CLAUSE_WORDS:
                    return None, None  # "Once", "Nonetheless", "Speaking"
                return self._group(low, mention), mention  # "Polls", "Critics", "Video"
            if name.isupper() and len(name) >= 2 and ent.kind == "unknown":
                ent.kind = "organisation"  # "DNC", "FBI"
        if ent.kind != "organisation" and name.lower() in lex.places and not ent.role and not ent.gender:
            ent.kind = "organisation"  # "Mexico said": a government
        return ent, mention

    def _group(self, name: str, mention: Mention) -> EntityInfo:
        """The unnamed source called ``name`` ("Polls", "a police spokesperson"), one entity for
        all its mentions."""
        key = "~" + name.lower()
        ent = self.unnamed.get(key)
        if ent is None:
            ent = self.unnamed[key] = EntityInfo(key, name, "unnamed", first=mention.start)
        ent.mentions.append((mention.start, mention.end))
        return ent

    def _np_around(self, mention: Mention) -> Mention | None:
        """"The Republican nominee": a determiner before a lone label and the nouns after it."""
        doc = self.doc
        text = doc.text
        before = doc.words(max(0, mention.start - 40), mention.start)
        k = len(before) - 1
        while k >= 0 and k >= len(before) - 3 and before[k][2].isalpha() and before[k][2].islower() \
                and before[k][2] not in DETERMINERS and before[k][2] not in PREPOSITIONS \
                and before[k][2] not in _FUNCTION and before[k][2] not in _VERBISH:
            k -= 1  # adjectives: "one senior Democrat"
        if k < 0 or before[k][2].lower() not in DETERMINERS:
            return None
        after = doc.words(mention.end, min(len(text), mention.end + 40))
        end = mention.end
        for s, e, w in after[:3]:
            low = w.lower()
            if not w.isalpha() or not w.islower() or low in PREPOSITIONS or low in _VERBISH \
                    or low in self.lex.speech_verbs and (low.endswith("ed") or low in VERB_ONLY) \
                    or low in _FUNCTION or low in CLAUSE_WORDS:
                break
            end = e
        return Mention(before[k][0], end, "np")  # "the Republican nominee", "the Republican"

    def _extend(self, mention: Mention) -> Mention | None:
        """A mention that is only a determiner or a label ("The", "A", "Former", "Republican")
        stands at the start of a longer phrase: "The lawmaker", "Republican strategist Ryan
        Williams". The phrase, up to a comma, verb or clause word, as a cleaned mention."""
        doc = self.doc
        text = doc.text
        toks = doc.words(mention.end, min(len(text), mention.end + 80))
        end = mention.end
        stop = doc.sentences.span_at(mention.start)[1]  # (a phrase does not run into the next sentence)
        for s, e, w in toks[:6]:
            if e > stop:
                break
            low = w.lower()
            if not w[0].isalnum() and w not in (".", "-") or low in PREPOSITIONS or low in _VERBISH \
                    or low in self.lex.speech_verbs and (low.endswith("ed") or low in VERB_ONLY) \
                    or low in CLAUSE_WORDS or low in _FUNCTION \
                    or w.islower() and low.endswith(("ed", "ing", "ly")):
                break
            end = e
        if end == mention.end:
            return None
        return self.clean_np(Mention(mention.start, end, "np"), True)

    def _pronominal_noun(self, mention: Mention) -> Mention | None:
        """"One" or "Another" that a noun follows stands for that noun: "One attendee, who …,
        said", "One tweet said", "Another reader wrote". Only plain lower-case nouns, one or two,
        and a speech verb only as the noun before the verb ("One tweet said", not "Another notes
        her …"); an adjective in -ing, -ed or -ly, a pronoun or a verb ends the try."""
        doc = self.doc
        lex = self.lex
        toks = doc.words(mention.end, min(len(doc.text), mention.end + 40))[:3]
        end = None
        for i, (s, e, w) in enumerate(toks[:2]):
            low = w.lower()
            if not (w.isalpha() and w.islower()) or low in PREPOSITIONS or low in _VERBISH \
                    or low in _FUNCTION or low in CLAUSE_WORDS or low in DETERMINERS \
                    or low in SUBJECT_PRONOUNS or low in ("her", "his", "their", "its", "him", "them") \
                    or low.endswith(("ed", "ing", "ly")) or low in VERB_ONLY or low in _BARE_ADJECTIVES:
                break
            nxt = toks[i + 1][2].lower() if i + 1 < len(toks) else ""
            if low in lex.speech_verbs and not (nxt in lex.speech_verbs and (nxt.endswith("ed") or nxt in VERB_ONLY)
                                                or nxt in ("said", "says", "read", "reads")):
                break
            end = e
            if i + 1 < len(toks) and doc.text[e:toks[i + 1][0]].strip():
                break  # ("One attendee, who …": the comma ends the noun phrase)
        if end is None:
            return None
        return Mention(mention.start, end, "np")

    def _np_entity(self, np: Mention, recent: list[EntityInfo]):
        """A noun phrase that ends with a person's name ("former Vermont governor Howard Dean")
        is that person; otherwise an unnamed source."""
        n = self.doc.name_ending_at(np.end)
        if n is not None and n.name_start >= np.start and n.kind == "person" and self._entity_for(n) is not None:
            ent, _ = self.named(Mention(n.name_start, n.end, "name", n), recent)
            if ent is not None:
                ent.mentions.append((np.start, np.end))
                return ent, np
        return self.unnamed_entity(np), np

    def _antecedent(self, pos: int) -> Mention | None:
        """The noun phrase or name a relative pronoun at ``pos`` refers to ("the study, which
        …", "a new poll that …")."""
        doc = self.doc
        ss = doc.sentences.span_at(pos)[0]
        toks = doc.words(max(ss, pos - 120), pos)
        while toks and toks[-1][2] in (",", "-", "--", "\u2014", "\u2013", "("):
            toks = toks[:-1]
        if not toks or not toks[-1][2][0].isalnum():
            return None
        last = toks[-1]
        n = doc.name_ending_at(last[1])
        if n is not None and last[2][:1].isupper():
            return Mention(n.name_start, n.end, "name", n)
        low = last[2].lower()
        if low in PREPOSITIONS or low in _FUNCTION or low in _VERBISH or low.endswith("ly"):
            return None
        j = len(toks) - 1
        while j > 0 and len(toks) - j < 6:
            w = toks[j - 1][2]
            lw = w.lower()
            if lw in DETERMINERS:
                j -= 1
                break
            if not w[0].isalnum() or lw in PREPOSITIONS or lw in CLAUSE_WORDS or lw in _VERBISH \
                    or lw in self.lex.speech_verbs:
                break
            j -= 1
        return self.clean_np(Mention(toks[j][0], last[1], "np"))

    # ----------------------------------------------------------------- pronouns
    def _candidate(self, n, gender: str | None, back: int) -> EntityInfo | None:
        """The entity of name ``n`` if a pronoun of ``gender`` can stand for it: a person (not a
        place, a demonym, an acronym, an organisation, an honorific alone or a capitalised
        common word at a sentence start)."""
        ent = self._entity_for(n)
        if ent is None or ent.kind == "organisation":
            return None
        name = n.name
        never = self._never_a_person.get(name)
        if never is None:
            never = self._never_a_person[name] = self._no_person_name(name)
        if never or self._place_by_use(n, ent):
            return None
        text = self.doc.text
        if text[n.start - 2:n.start] in _POSSESSOR_ENDS and _POSSESSOR_BEFORE.search(text, max(0, n.start - 7), n.start):
            return None  # "a message on her Facebook": a thing someone owns
        if " " in name and name.rsplit(" ", 1)[1].lower() in THING_WORDS:
            return None
        if ent.kind == "unknown" and " " not in ent.name and not ent.role:
            if back > 0 and len(ent.mentions) < 2:
                return None
            if self.common_word(name, n.start):
                return None  # "Immigration", "Polls"
            if all(self._sentence_initial(s) for s, _ in ent.mentions):
                return None  # only ever capitalised by the sentence: "Crops are withering …, he noted"
        if gender in ("m", "f") and ent.gender not in (None, gender):
            # a surname alone may stand for another of the family; "Mrs. Clinton" never does
            return self._relative(ent, gender) if n.honorific is None and " " not in name else None
        return ent

    def _relative(self, ent: EntityInfo, gender: str) -> EntityInfo | None:
        """"Clinton … he said" when the Clinton a surname alone stands for is Hillary: the one of
        the family of the pronoun's gender, if there is exactly one."""
        family = [e for e in self._family(ent.key.split("|")[0]) if e is not ent and e.gender == gender]
        return family[0] if len(family) == 1 else None

    def _family(self, surname: str) -> list[EntityInfo]:
        """The people who share ``surname`` (keys "surname" and "surname|first name"), indexed
        once: a book has thousands of entities."""
        if self._families is None:
            families: dict[str, list[EntityInfo]] = {}
            entities = self.doc.entities
            for k, e in entities.items():
                if "|" in k:
                    families.setdefault(k.split("|")[0], []).append(e)
            for name, members in families.items():
                if name in entities:
                    members.append(entities[name])
            self._families = families
        return self._families.get(surname, [])

    def _cue_subject(self, n) -> bool:
        """Is name ``n`` the subject of a speech cue ("Obama said", "said Obama")? Not the object
        of a preposition ("who watched it on the Mall, said …")."""
        before = self.doc.text[n.start - 30 if n.start > 30 else 0:n.start].lower().split()[-2:]
        if before and before[-1] in ("the", "a", "an"):
            before = before[:-1]
        if before and before[-1] in PREPOSITIONS:
            return False
        return self._cue_subject_at(n.start, n.end)

    def _cue_subject_at(self, start: int, end: int) -> bool:
        doc = self.doc
        starts = doc.cue_starts
        i = bisect_left(starts, end)
        if i < len(starts) and starts[i] - end <= 30:
            gap = doc.text[end:starts[i]]
            if "\n" not in gap and all(w in SKIP_BEFORE_VERB or w.endswith("ly")
                                       for w in gap.replace(",", " ").lower().split()):
                return True
        i = bisect_right(starts, start) - 1
        return i >= 0 and 0 <= start - doc.cues[i][1] <= 2

    def _speaking_pronoun(self, word: str, lo: int, hi: int) -> EntityInfo | None:
        """The entity of a pronoun ``word`` already resolved in text[lo:hi] as the subject of a
        speech cue ("“…,” he said."): a later "he" continues that chain."""
        pos = self._resolved_at
        i = bisect_left(pos, lo)
        while i < len(pos) and pos[i] < hi:
            w, end, ent = self._resolved[pos[i]]
            if w == word and self._cue_subject_at(pos[i], end):
                return ent
            i += 1
        return None

    def resolve_pronoun(self, mention: Mention, recent: list[EntityInfo]) -> EntityInfo | None:
        """The person a pronoun stands for: gender must agree (honorifics, roles, earlier
        pronouns) and the entity must be a person; in the current sentence (before the pronoun)
        and the previous one the subject of a speech verb is preferred, then the first person
        named; then earlier sentences; then the most recent speaker."""
        doc = self.doc
        word = doc.text[mention.start:mention.end].lower()
        # a possessor or an object as the source ("over her remark that …", "led him to say"):
        # the subject form's person
        word = _OBJECT_FORMS.get(word, word)
        gender = SUBJECT_PRONOUNS.get(word)
        if word == "it":
            return self._resolve_it(mention)
        if word == "they":
            ent = self._resolve_they(mention)
            if ent is None:
                si = doc.sentences.index(mention.start)
                for i in (si, self._sentence_before(si)):
                    ss, se = doc.sentences.spans[i]
                    if ss >= mention.start or doc.inside_quote(ss):
                        continue
                    np_ = self._plural_opening(ss, min(se, mention.start))
                    if np_ is not None:
                        return self._group(" ".join(doc.text[np_[0]:np_[1]].split()),
                                           Mention(np_[0], np_[1], "np"))
            return ent
        if word not in ("he", "she", "i", "who"):
            return None
        si = doc.sentences.index(mention.start)
        for back in range(0, 8):
            if si - back < 0:
                break
            ss, se = doc.sentences.spans[si - back]
            hi = mention.start if back == 0 else se
            names = self._people_named(si - back)
            if hi < se:
                names = [n for n in names if n.end <= hi]  # (the names before the pronoun)
            elif hi > se:  # (a pronoun past the end of the sentence it was placed in)
                names = [n for n in doc.names_between(ss, hi) if n.kind != "organisation"
                         and not doc.inside_quote(n.start)]
            if back == 0 and word == "who" and names:
                names = names[-1:]
            cands = []
            for n in names:
                ent = self._candidate(n, gender, back)
                if ent is not None:
                    cands.append((n, ent))
            if back == 0 and cands and word in ("he", "she"):
                # "Of the scrutiny over Melania Trump, he said": the object of a preposition in
                # the pronoun's own clause is someone else
                cands = [c for c in cands if self._word_before(c[0].start) not in PREPOSITIONS]
            chain = self._speaking_pronoun(word, ss, hi) if word in ("he", "she") else None
            if chain is not None and not any(self._cue_subject(c[0]) for c in cands):
                return chain  # "“…,” he said, blaming Mr. Roe. ⏎ “…,” he said." -> the same speaker
            if not cands:
                continue
            if back <= 1 and len(cands) > 1:
                subjects = [c for c in cands if self._cue_subject(c[0])]
                if subjects:
                    cands = subjects
            ent = cands[0][1]
            if gender in ("m", "f") and ent.gender is None and back <= 1:
                ent.gender = gender
            return ent
        for ent in reversed(recent):
            if ent.kind != "organisation" and ent.kind != "unnamed" \
                    and (gender is None or ent.gender is None or ent.gender == gender):
                return ent
        return None

    def _people_named(self, si: int) -> list:
        """The names of sentence ``si`` outside quotations that are no organisation's, found once
        (each pronoun looks at the names of up to eight sentences)."""
        got = self._sentence_names.get(si)
        if got is None:
            doc = self.doc
            ss, se = doc.sentences.spans[si]
            got = self._sentence_names[si] = [n for n in doc.names_between(ss, se)
                                              if n.kind != "organisation" and not doc.inside_quote(n.start)]
        return got

    # ----------------------------------------------------------------- noun phrases
    def clean_np(self, mention: Mention, extend: bool = False) -> Mention | None:
        """The clean noun phrase in an unnamed source, or None: leading prepositions, clause
        words and adverbs go ("by dozens of papers" -> dozens of papers); the phrase ends before
        a verb, a clause word or a comma ("Readers may not let editorials" -> Readers, "She
        gives" -> She); trailing function words go; a lone function word or adverb, or a bare
        singular noun without determiner, is no source."""
        doc, lex = self.doc, self.lex
        toks = doc.words(mention.start, mention.end)
        i = 0
        while i < len(toks):
            w = toks[i][2]
            low = w.lower()
            if w[0].isupper() and surname_key(w, lex) in doc.entities:
                break  # "From agreed": a name that is also a word (Al From)
            if not w[0].isalnum() or low in PREPOSITIONS or low in CLAUSE_WORDS \
                    or low in ("and", "or", "nor", "whom", "whose") \
                    or w.islower() and low.endswith("ly") and len(low) > 4 \
                    or w.islower() and low.endswith("ed") and i + 1 < len(toks) and toks[i + 1][2][0].isalnum():
                # (also a leading participle: "included staff members", "leaked emails")
                i += 1
                continue
            break
        toks = toks[i:]
        if not toks:
            return None
        first = toks[0][2]
        lowf = first.lower()
        cut = len(toks)
        for j in range(1, len(toks)):
            w = toks[j][2]
            low = w.lower()
            if not w[0].isalnum():
                if w in ("'s", "\u2019s", "-", "'", "\u2019", ".") or w.endswith(("'s", "\u2019s")) \
                        or w in QUOTE_CHARS or w == "''":
                    continue  # (a title in quotation marks: the “Jane The Virgin” actress)
                cut = j
                break
            if not w.islower():
                continue
            nxt = toks[j + 1][2] if j + 1 < len(toks) else ""
            prev = toks[j - 1][2]
            if low in _VERBISH or low in CLAUSE_WORDS or low in ("who", "which", "whose") \
                    or low.endswith("ing") and nxt and not (nxt.isalpha() and nxt.islower() and nxt not in PREPOSITIONS
                                                            and nxt not in _FUNCTION) \
                    or low in lex.speech_verbs and (low.endswith("ed") or low in VERB_ONLY) \
                    or low.endswith("ed") and prev.lower() not in DETERMINERS \
                    and (prev[:1].isupper() or prev.lower() in SUBJECT_PRONOUNS) \
                    or j == 1 and lowf in SUBJECT_PRONOUNS and low.endswith("s"):
                cut = j
                break
        toks = toks[:cut]
        if len(toks) == 1:
            s, e = toks[0][0], toks[0][1]
            if lowf in SUBJECT_PRONOUNS:
                return Mention(s, e, "pronoun")
            if lowf in _PRONOMINAL:
                if e == mention.end and not extend:
                    noun = self._pronominal_noun(Mention(s, e, "np"))
                    if noun is not None:
                        return noun  # "One attendee, …, said", "One tweet said"
                return Mention(s, e, "np")  # "tweeted another", "One said"
            if lowf in DETERMINERS and e == mention.end and not extend:
                return self._extend(Mention(s, e, "np"))  # "The" cut from "The lawmaker"
        while toks and (toks[-1][2].lower() in PREPOSITIONS or toks[-1][2].lower() in _FUNCTION
                        or not toks[-1][2][0].isalnum() or toks[-1][2].lower() in CLAUSE_WORDS
                        or len(toks) > 1 and toks[-1][2] in SKIP_BEFORE_VERB):  # "… official later"
            toks = toks[:-1]
        if not toks:
            return None
        s, e = toks[0][0], toks[-1][1]
        if len(toks) > 1 and toks[-1][2] in ("'s", "\u2019s"):
            toks = toks[:-1]  # a possessive with its noun cut off ("The Florida senator’s answer")
            e = toks[-1][1]
        elif len(toks) > 1 and toks[-1][2].endswith(("'s", "\u2019s")) and toks[-1][2][0].isalpha():
            e -= 2
        if len(toks) == 1:
            if lowf in _FUNCTION or lowf in DETERMINERS or lowf.endswith("ly") and first.islower():
                return None
        if first[:1].isupper() and lowf not in DETERMINERS and lowf not in _FUNCTION:
            n = doc.name_starting_at(s)
            if n is not None and n.start <= s and (n.end >= e - 2 or not doc.text.startswith(
                    ("'s", "\u2019s", "'", "\u2019"), n.end) and not self.demonym(n.name)
                    and n.name.lower() not in lex.epithets
                    and not any(t[2][:1].isupper() for t in toks if t[0] >= n.end)):
                # "Trump unleashed …", "Trump this week also" -> Trump; "Trump's campaign" stays
                return Mention(n.name_start, n.end, "name", n)
        if any(t[2][:1].isupper() for t in toks):
            return Mention(s, e, "np")  # "former Vermont governor Howard Dean", "a Warren adviser"
        if first.islower() and lowf not in DETERMINERS:
            head = toks[-1][2].lower()
            if lowf in _FUNCTION or lowf in _VERBISH or len(toks) == 1 and not (head.endswith(_GROUP_ENDS) or head in lex.role_nouns
                                               or head in lex.titles):
                return None  # "more personal campaign", "received any", "plan"
        return Mention(s, e, "np")

    def _resolve_it(self, mention: Mention) -> EntityInfo | None:
        """"it" as a source: an organisation named before it in its sentence or the one before
        ("the Business Council opposed an increase. “…,” it recommended"), else the source
        before it that is no person, when it was named in that stretch ("“…,” the company wrote
        in its statement. ⏎ It added, “…”", "“…,” the email read. It stated …")."""
        doc = self.doc
        si = doc.sentences.index(mention.start)
        prev = self._sentence_before(si)
        lo = doc.sentences.spans[prev][0]
        for i in (si, prev):
            ss, se = doc.sentences.spans[i]
            # the organisation opening the sentence (its subject), not one named inside it
            # ("… of Clinton, who was secretary of State", a name inside a quotation)
            first = next(iter(doc.names_between(ss, min(se, mention.start))), None)
            if first is not None and first.kind == "organisation" and first.start - ss <= 40 \
                    and not doc.inside_quote(first.start) \
                    and not doc.text[ss:first.start].strip(" \n\"'\u201c\u2018").endswith(("\"", "\u201c")):
                ent = self._entity_for(first)
                if ent is not None and ent.kind == "organisation":
                    return ent
        last = self._last_thing
        if last is not None and lo <= last[0] <= mention.start:
            return last[1]
        for i in (si, prev):
            ss, se = doc.sentences.spans[i]
            np_ = self._thing_opening(ss, min(se, mention.start))
            if np_ is not None:
                return self._group(" ".join(doc.text[np_[0]:np_[1]].split()), Mention(np_[0], np_[1], "np"))
        return None

    def _sentence_before(self, si: int) -> int:
        """The index of the sentence before sentence ``si`` in the narrative: the sentences of a
        quotation before it do not count ("“…,” the paper wrote. ⏎ “… . … .” it added": the
        paper's sentence); at most six are passed over; ``si`` itself at the start."""
        doc = self.doc
        i = si - 1
        while i > 0 and si - i <= 6 and doc.inside_quote(doc.sentences.spans[i][0]):
            i -= 1
        return max(0, i)

    def _thing_opening(self, lo: int, hi: int) -> tuple[int, int] | None:
        """The noun phrase of a document or group opening text[lo:hi] ("The email", "The group
        seeks" -> "The group"): "the", "this" or "that", at most two words, and a noun of
        _IT_NOUNS; None otherwise."""
        toks = self.doc.words(lo, min(hi, lo + 60))
        if len(toks) < 2:
            return None
        first = toks[0][2].lower()
        if first not in ("the", "this", "that"):
            return None  # (not "Roe's campaign": a name that leans on another)
        for j in range(1, min(4, len(toks))):
            w = toks[j][2]
            if not w[0].isalnum():
                return None
            if w.lower() in _IT_NOUNS:
                return toks[0][0], toks[j][1]
        return None

    def _resolve_they(self, mention: Mention) -> EntityInfo | None:
        """"they" as a source: the group source before it, when it was named in its sentence
        or the one before ("“…,” the protesters said. ⏎ They added, “…”", "“…,” the campaign
        wrote. They said …")."""
        last = self._last_group
        if last is None:
            return None
        doc = self.doc
        si = doc.sentences.index(mention.start)
        lo = doc.sentences.spans[self._sentence_before(si)][0]
        if lo <= last[0] <= mention.start:
            return last[1]
        return None

    def _plural_opening(self, lo: int, hi: int) -> tuple[int, int] | None:
        """The plural noun phrase opening text[lo:hi] as the subject of its verb ("Senate
        Democrats blocked the bill", "The local engineers say"): "the" or none, at most three
        words, a head ending in "s" and a lower-case verb after it with no "s" of its own."""
        toks = self.doc.words(lo, min(hi, lo + 60))
        if not toks:
            return None
        first = toks[0][2].lower()
        if first != "the" and (first in _FUNCTION or first in CLAUSE_WORDS or first in _NOT_A_GROUP_START):
            return None  # ("And two years", "Unless countries", "Her advisers")
        j0 = 1 if first == "the" else 0
        for j in range(j0, min(j0 + 3, len(toks) - 1)):
            w = toks[j][2]
            if not w[0].isalpha() or "'" in w or "\u2019" in w:
                return None  # (not "Mr. Roe's aides": a name that leans on another)
            low = w.lower()
            nxt = toks[j + 1][2]
            if w[0].isupper() and not self.demonym(w) and (
                    j > j0 or surname_key(w, self.lex) in self.doc.entities):
                if low.endswith("s"):
                    return None  # a name ("Sanders", "The United States"), not a group
                continue
            if low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 3 \
                    and nxt.isalpha() and nxt.islower() \
                    and not nxt.endswith("s") and nxt not in PREPOSITIONS and nxt not in _FUNCTION \
                    and nxt not in CLAUSE_WORDS and nxt not in ("who", "which", "that", "and", "or"):
                return toks[0][0], toks[j][1]
            if w.islower() and j > j0 and low in _FUNCTION:
                return None
        return None

    def _group_source(self, ent: EntityInfo) -> bool:
        """A source a later "they" may stand for: an organisation, or an unnamed plural
        noun phrase ("the protesters", "Democratic officials", "police")."""
        if ent.kind == "organisation":
            return True
        if ent.kind != "unnamed":
            return False
        name = ent.name.lower()
        if "'s " in name or "\u2019s " in name or name.startswith(("his ", "her ", "their ", "its ")):
            return False  # "Mr. Roe's advisers", "her allies": a name that leans on another
        head = name.rsplit(" ", 1)[-1]
        return head.endswith(_GROUP_ENDS) and not head.endswith(("ss", "us", "is", "'s", "\u2019s"))

    def _person_noun(self, name: str) -> bool:
        """"one owner", "a spokesman": an unnamed source whose head noun is a person's."""
        head = name.rsplit(" ", 1)[-1].lower()
        return head in self.lex.role_nouns or head in self.lex.titles

    def unnamed_entity(self, mention: Mention) -> EntityInfo:
        return self._group(" ".join(self.doc.text[mention.start:mention.end].split()), mention)

    def entity(self, mention: Mention, recent: list[EntityInfo]):
        """The entity a mention stands for and the mention it rests on (a noun phrase may be cut
        back to a clean one, a name or a pronoun); (None, None) when it names no one."""
        if self._depth > 4:
            return None, None  # (a phrase that keeps leading back to itself)
        self._depth += 1
        try:
            ent, used = self._entity_of(mention, recent)
        finally:
            self._depth -= 1
        # the last source that is no person, and the last group, named (not a pronoun) by a
        # mention asked about from outside (not one a phrase led to)
        # (both are organisations or unnamed sources: most speakers are neither)
        if ent is not None and used is not None and (ent.kind == "organisation" or ent.kind == "unnamed") \
                and used.kind != "pronoun" and self._depth == 0:
            if not self._person_noun(ent.name):
                self._last_thing = (used.end, ent)
            if self._group_source(ent):
                self._last_group = (used.end, ent)
        return ent, used

    def _entity_of(self, mention: Mention, recent: list[EntityInfo]):
        text = self.doc.text
        if mention.start > 0 and text[mention.start].isalpha() and not text[mention.start - 1].isspace() \
                and unicodedata.category(text[mention.start - 1])[0] not in "PZC":
            # a mention that starts inside a word (a misencoded letter: "TrÃ©vidic"): the word
            start = mention.start
            while start > 0 and not text[start - 1].isspace():
                start -= 1
            mention = Mention(start, mention.end, "name" if text[start].isupper() else mention.kind)
        if mention.kind == "name":
            return self.named(mention, recent)
        if mention.kind == "pronoun":
            ent = self.resolve_pronoun(mention, recent)
            if ent is not None:
                ent.mentions.append((mention.start, mention.end))
                if mention.start not in self._resolved and (
                        not self._resolved_at or mention.start > self._resolved_at[-1]):
                    self._resolved_at.append(mention.start)
                    self._resolved[mention.start] = (self.doc.text[mention.start:mention.end].lower(),
                                                      mention.end, ent)
            return ent, mention
        word = self.doc.text[mention.start:mention.end].lower()
        if word in _RELATIVE:
            # "the study, which notes …": the mention stays, the speaker is the antecedent
            ante = self._antecedent(mention.start)
            if ante is None:
                return None, None
            ent, _ = self.entity(ante, recent)
            if ent is not None:
                ent.mentions.append((mention.start, mention.end))
            return ent, (mention if ent is not None else None)
        clean = self.clean_np(mention)
        if clean is None:
            return None, None
        if clean.kind != "np":
            return self.entity(clean, recent)
        return self._np_entity(clean, recent)
