"""From mentions to speakers: names join their entity, pronouns are resolved to the person they
stand for, unnamed sources ("a police spokesperson") become entities of their own."""

from __future__ import annotations

from reader.engine.doc import SUBJECT_PRONOUNS, Doc, Mention
from reader.engine.names import EntityInfo, surname_key


class Resolver:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.unnamed: dict[str, EntityInfo] = {}

    def entity_of_name(self, mention: Mention) -> EntityInfo | None:
        doc = self.doc
        n = mention.name
        if n is not None:
            key = doc.owner.get(n.name_start)
            if key is not None:
                return doc.entities[key]
        word = doc.text[mention.start:mention.end]
        key = surname_key(word, doc.lex)
        if key in doc.entities:
            return doc.entities[key]
        for ent in doc.entities.values():
            if ent.key.endswith(" " + key):
                return ent
        ent = doc.entities[key] = EntityInfo(key, word, "unknown", first=mention.start)
        ent.mentions.append((mention.start, mention.end))
        return ent

    def resolve_pronoun(self, mention: Mention, recent: list[EntityInfo]) -> EntityInfo | None:
        """The person a pronoun stands for: gender must agree (honorifics, roles, earlier
        pronouns); the subject of the current or previous sentence is preferred, then the most
        recent speaker."""
        doc = self.doc
        word = doc.text[mention.start:mention.end].lower()
        gender = SUBJECT_PRONOUNS.get(word)
        if word not in ("he", "she", "i", "who"):
            return None
        si = doc.sentences.index(mention.start)

        def ok(ent: EntityInfo) -> bool:
            if ent.kind == "organisation":
                return False
            return gender is None or ent.gender is None or ent.gender == gender

        for back in range(0, 8):
            if si - back < 0:
                break
            ss, se = doc.sentences.spans[si - back]
            hi = mention.start if back == 0 else se
            cands = [n for n in doc.names_between(ss, hi) if n.kind != "organisation"
                     and not doc.inside_quote(n.start)]
            if back == 0 and word == "who" and cands:
                cands = cands[-1:]
            for n in cands:
                key = doc.owner.get(n.name_start)
                ent = doc.entities.get(key) if key else None
                if ent is None or ent.kind == "unknown" and " " not in ent.name and not ent.role \
                        and len(ent.mentions) < 2 and back > 0:
                    continue
                if ok(ent):
                    if gender in ("m", "f") and ent.gender is None:
                        ent.gender = gender
                    return ent
        for ent in reversed(recent):
            if ok(ent):
                return ent
        return None

    def unnamed_entity(self, mention: Mention) -> EntityInfo:
        text = " ".join(self.doc.text[mention.start:mention.end].split())
        key = "~" + text.lower()
        ent = self.unnamed.get(key)
        if ent is None:
            ent = self.unnamed[key] = EntityInfo(key, text, "unnamed", first=mention.start)
        ent.mentions.append((mention.start, mention.end))
        return ent

    def entity(self, mention: Mention, recent: list[EntityInfo]) -> EntityInfo | None:
        if mention.kind == "name":
            return self.entity_of_name(mention)
        if mention.kind == "pronoun":
            ent = self.resolve_pronoun(mention, recent)
            if ent is not None:
                ent.mentions.append((mention.start, mention.end))
            return ent
        return self.unnamed_entity(mention)
