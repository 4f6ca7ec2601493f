"""The model's objects made by ``positional_maker`` are the objects their classes make."""

import dataclasses
import inspect

import pytest

from reader.model import Entity, Quote, Span, Term, positional_maker

CASES = [
    (Quote, ("q1", "direct", Span(0, 5), "s1", Span(7, 12), Span(13, 17), "quote_then_cue", 0.9, "g1")),
    (Quote, ("i2", "indirect", Span(3, 40), None, None, None, "", 0.0, None)),
    (Entity, ("s1", "Sergei Lavrov", "Russian Foreign Minister", ("Lavrov",), (Span(0, 13),), "person", "m")),
    (Term, (Span(2, 9), "title")),
]


@pytest.mark.parametrize("cls, values", CASES)
def test_made_object_equals_the_constructors(cls, values):
    made = positional_maker(cls)(*values)
    built = cls(*values)
    assert type(made) is cls
    assert made == built and hash(made) == hash(built) and repr(made) == repr(built)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.__setattr__(dataclasses.fields(cls)[0].name, None)


@pytest.mark.parametrize("cls", [Quote, Entity, Term])
def test_every_field_is_a_parameter_without_default(cls):
    params = inspect.signature(positional_maker(cls)).parameters.values()
    assert [p.name for p in params] == [f.name for f in dataclasses.fields(cls)]
    assert all(p.default is inspect.Parameter.empty for p in params)


def test_a_missing_field_is_an_error():
    with pytest.raises(TypeError):
        positional_maker(Term)(Span(0, 1))
