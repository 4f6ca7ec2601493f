"""The names and entities the engine makes field by field (not through their constructors, for
speed) have every field set: a field added to the class and forgotten there fails here."""

from dataclasses import fields

from reader.engine.doc import Doc
from reader.engine.lexicon import Lexicon
from reader.engine.names import EntityInfo, Name

TEXT = (
    "Russian Foreign Minister Sergei Lavrov met Staffan de Mistura in Geneva. Lavrov said the "
    "talks went well, and Mr. Kerry agreed. The United Nations said Kerry and Mrs. Clinton "
    "would attend. Clinton declined."
)


def _all_set(obj, cls) -> list[str]:
    missing = []
    for f in fields(cls):
        try:
            getattr(obj, f.name)
        except AttributeError:
            missing.append(f.name)
    return missing


def test_every_name_has_every_field():
    doc = Doc(TEXT, Lexicon.default())
    assert len(doc.names) >= 8
    for n in doc.names:
        assert type(n) is Name and _all_set(n, Name) == [], n


def test_every_entity_has_every_field():
    doc = Doc(TEXT, Lexicon.default())
    assert {"lavrov", "de mistura", "kerry"} <= set(doc.entities)
    assert any(" " not in e.name for e in doc.entities.values())  # an entity of a name alone
    for ent in doc.entities.values():
        assert type(ent) is EntityInfo and _all_set(ent, EntityInfo) == [], ent.key
