"""Articles and analyses built by hand, so the citation tests do not depend on the engine."""

from __future__ import annotations

import datetime as dt

import pytest
from cite_fixtures import CAREY_URL, MANJOO_URL, SEED_QUOTE_1, make_article, quote_at

from reader.loaders import load
from reader.model import Analysis, Entity, Quote, Span
from reader.resources import default_article


@pytest.fixture
def seed() -> Analysis:
    """The bundled seed as the engine should see it: quote 1 is Lavrov's partial quote,
    quote 2 his long direct quote (ending with the comma before "said Lavrov")."""
    article = load(default_article())
    q1 = quote_at(article, SEED_QUOTE_1, "q1", kind="partial", cue="said")
    q2 = quote_at(article, "I think that the most important thing now", "q2")
    end = article.text.index(",” said Lavrov") + 1
    q2 = Quote("q2", "direct", Span(q2.span.start, end), speaker_id="s1")
    lavrov = Entity("s1", "Sergei Lavrov", "Russian Foreign Minister")
    return Analysis(article, (q1, q2), (lavrov,))


@pytest.fixture
def carey() -> Analysis:
    """Full metadata: the APA and MLA guides' newspaper example (Carey, New York Times).
    The body and the quoted researcher are invented for the test."""
    article = make_article(
        [
            "Forgetting is not a failure of memory, researchers say.",
            "“Forgetting is how the brain makes room for what matters,” said Dana Whitfield, "
            "a memory researcher.",
        ],
        headline="Can we get better at forgetting?",
        outlet="The New York Times",
        date=dt.date(2019, 3, 22),
        byline="By Benedict Carey",
        url=CAREY_URL,
    )
    quote = quote_at(article, "Forgetting is how the brain makes room for what matters,", cue="said")
    speaker = Entity("s1", "Dana Whitfield", "memory researcher")
    return Analysis(article, (quote,), (speaker,))


@pytest.fixture
def manjoo() -> Analysis:
    """Full metadata: the Chicago Manual's news example (Manjoo, New York Times)."""
    article = make_article(
        ["“The camera is the new keyboard,” said Evan Spiegel, Snap’s chief executive."],
        headline="Snap Makes a Bet on the Cultural Supremacy of the Camera",
        outlet="The New York Times",
        date=dt.date(2017, 3, 8),
        byline="Farhad Manjoo",
        url=MANJOO_URL,
    )
    quote = quote_at(article, "The camera is the new keyboard,")
    speaker = Entity("s1", "Evan Spiegel", "Snap’s chief executive")
    return Analysis(article, (quote,), (speaker,))


@pytest.fixture
def texas() -> Analysis:
    """An unsigned newspaper article: the Chicago Manual's example (14.207)."""
    article = make_article(
        ["“This race is wide open,” said a campaign aide."],
        headline="In Texas, Ad Heats Up Race for Governor",
        outlet="The New York Times",
        date=dt.date(2002, 7, 30),
    )
    return Analysis(article, (quote_at(article, "This race is wide open,", speaker_id=None),), ())
