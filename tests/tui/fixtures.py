"""Hand-built analyses for UI tests (the UI must not depend on what the engine decides)."""

from __future__ import annotations

from reader.loaders import load
from reader.model import Analysis, Article, Entity, Quote, Span
from reader.resources import default_article


def find(text: str, needle: str, start: int = 0) -> Span:
    at = text.index(needle, start)
    return Span(at, at + len(needle))


def seed_article() -> Article:
    return load(default_article())


def seed_analysis(article: Article | None = None) -> Analysis:
    """The seed as a careful human would mark it: four quotes, two speakers, one bystander."""
    article = article or seed_article()
    text = article.text
    body = article.paragraphs[0].start
    q1 = find(text, "a permanent source of threat threats.", body)
    q2_start = text.index("“I think that", body)
    q2 = Span(q2_start, text.index("”", q2_start) + 1)
    cue2 = find(text, "said", q2.end)
    lavrov2 = find(text, "Lavrov", cue2.end)
    q3 = find(text, "closely interconnected", body)
    q4_start = text.index("“We want to share", body)
    q4 = Span(q4_start, text.index("”", q4_start) + 1)
    cue4 = find(text, "said", q4.end)
    mistura4 = find(text, "de Mistura", cue4.end)
    lavrov1 = find(text, "Lavrov", find(text, "Sergei Lavrov", body).end)
    cue1 = find(text, "said", lavrov1.end)
    mistura3 = find(text, "De Mistura", body)
    cue3 = find(text, "said", mistura3.end)
    i1 = Span(find(text, "it was important", body).start, q1.start - 1)
    i2 = Span(find(text, "Russia played", body).start, find(text, "to the conflict", body).end)
    lavrov = Entity("s1", "Sergei Lavrov", "Russian Foreign Minister", ("Lavrov",),
                    (find(text, "Sergei Lavrov", body), lavrov1, lavrov2))
    mistura = Entity("s2", "Staffan de Mistura", "UN special envoy for Syria",
                     ("de Mistura", "De Mistura"),
                     (find(text, "Staffan de Mistura", body), mistura3, mistura4))
    shoigu = Entity("p1", "Sergei Shoigu", "Russian Defense Minister", (),
                    (find(text, "Sergei Shoigu", body),))
    quotes = (
        Quote("i1", "indirect", i1, "s1", lavrov1, cue1, "subject-of-cue", 0.8),
        Quote("q1", "partial", q1, "s1", lavrov1, cue1, "subject-of-cue", 0.85),
        Quote("q2", "direct", q2, "s1", lavrov2, cue2, "quote-cue-name", 0.95),
        Quote("i2", "indirect", i2, "s2", mistura3, cue3, "subject-of-cue", 0.8),
        Quote("q3", "partial", q3, "s2", mistura3, cue3, "subject-of-cue", 0.8),
        Quote("q4", "direct", q4, "s2", mistura4, cue4, "quote-cue-name", 0.95),
    )
    return Analysis(article, quotes, (lavrov, mistura), (shoigu,))


def fixture_analyzer(article: Article) -> Analysis:
    """Analyzer for the app: the seed gets the hand-built analysis, anything else nothing."""
    if article.headline and article.headline.startswith("UN envoy to Syria"):
        return seed_analysis(article)
    return Analysis(article=article)


def many_quotes_text(quotes: int, speakers: int = 50) -> str:
    """A generated article: a headline, then paragraphs of two quotations each."""
    names = [f"Speaker{n} Person{n}" for n in range(speakers)]
    paragraphs = ["A generated headline about many quotes"]
    for i in range(quotes // 2):
        a, b = names[i % speakers], names[(i * 7 + 3) % speakers]
        paragraphs.append(
            f"“Quote number {2 * i + 1} says something notable about policy,” said {a}. "
            f"Later, {b} added: “Quote number {2 * i + 2} disagrees with that.”")
    return "\n\n".join(paragraphs) + "\n"


def generated_analysis(article: Article) -> Analysis:
    """Quotes of ``many_quotes_text``, found by pattern: each “…” is said by the name after it."""
    import re

    text = article.text
    speakers: dict[str, Entity] = {}
    quotes: list[Quote] = []
    name_at = re.compile(r"(?:said |, )?(Speaker\d+ Person\d+)")
    for n, match in enumerate(re.finditer(r"“[^”]*”", text), 1):
        before = text.rfind("\n", 0, match.start())
        after = name_at.search(text, match.end(), match.end() + 40)
        lead = re.search(r"(Speaker\d+ Person\d+) added: $", text[max(before, match.start() - 40):match.start()])
        name = after.group(1) if after else (lead.group(1) if lead else None)
        speaker_id = None
        if name is not None:
            entity = speakers.get(name)
            if entity is None:
                entity = speakers[name] = Entity(f"s{len(speakers) + 1}", name)
            speaker_id = entity.id
        quotes.append(Quote(f"q{n}", "direct", Span(match.start(), match.end()), speaker_id,
                            rule="pattern", confidence=0.9))
    return Analysis(article, tuple(quotes), tuple(speakers.values()))
