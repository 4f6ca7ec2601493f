"""User styles: templates with named fields from the config."""

from __future__ import annotations

import pytest

from reader.cite import TemplateError, available_styles, check_template, format_citation
from reader.config import Config
from reader.errors import ReaderError


def cite(analysis, template: str, quote: int = 0, **config) -> str:
    cfg = Config(citation_styles={"mine": template}, **config)
    return format_citation(analysis, analysis.quotes[quote], "mine", cfg)


def test_user_styles_are_listed_after_the_builtins():
    cfg = Config(citation_styles={"zeta": "{quote}", "alpha": "{quote}", "apa": "{quote}"})
    assert available_styles(cfg) == [
        "plain", "markdown", "apa", "mla", "chicago", "bibtex", "csl-json", "alpha", "zeta",
    ]


def test_a_user_style_cannot_replace_a_builtin(seed):
    cfg = Config(citation_styles={"apa": "{quote}"})
    assert format_citation(seed, seed.quotes[0], "apa", cfg).startswith("Sergei Lavrov, Russian")


def test_the_config_example(seed):
    template = '"{quote}" — {speaker}, {outlet}, {date:%d %b %Y}'
    # No outlet: the field goes with one of its commas.
    assert cite(seed, template) == '"a permanent source of threat threats." — Sergei Lavrov, 08 Jun 2017'


def test_every_field(carey):
    template = ("{quote} | {speaker} | {role} | {cue} | {headline} | {outlet} | {date} | "
                "{date:%Y-%m-%d} | {url} | {paragraph} | {byline}")
    assert cite(carey, template) == (
        "Forgetting is how the brain makes room for what matters | Dana Whitfield | memory "
        "researcher | said | Can we get better at forgetting? | The New York Times | 22 March 2019 | "
        "2019-03-22 | https://www.nytimes.com/2019/03/22/health/memory-forgetting-psychology.html | "
        "2 | By Benedict Carey"
    )


def test_format_specs(seed):
    assert cite(seed, "{speaker:.6}… ¶{paragraph:02d}: {quote:.11}") == "Sergei… ¶01: a permanent"
    assert cite(seed, "{date:%A %d %B %Y}") == "Thursday 08 June 2017"


def test_literal_braces(seed):
    assert cite(seed, "{{{speaker}}}") == "{Sergei Lavrov}"


def test_quote_in_double_marks_nests_inner_marks(carey):
    from dataclasses import replace

    from reader.model import Analysis

    article = replace(carey.article, headline="Why “forgetting” matters")
    analysis = Analysis(article, carey.quotes, carey.speakers)
    assert cite(analysis, "“{headline}”") == "“Why ‘forgetting’ matters”"
    assert cite(analysis, "{headline}") == "Why “forgetting” matters"


# Missing metadata -------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("template", "expected"),
    [
        # no outlet
        ("{quote} — {speaker} ({role}), in {outlet}, {date}",
         "a permanent source of threat threats. — Sergei Lavrov (Russian Foreign Minister), 8 June 2017"),
        ("{quote} — {speaker} ({url}), in {outlet}, {date}",
         "a permanent source of threat threats. — Sergei Lavrov, 8 June 2017"),
        # brackets and quotation marks around a missing field go with it
        ("“{quote}” [{outlet}] {speaker}", "“a permanent source of threat threats.” Sergei Lavrov"),
        ("{speaker} («{byline}»)", "Sergei Lavrov"),
        # at the start: no separator left dangling
        ("{outlet}, {byline}: {speaker}", "Sergei Lavrov"),
        ("By {byline}. {headline}", "UN envoy to Syria and Russian FM Lavrov discuss the Syria crisis"),
        # at the end: only a final full stop stays
        ("{speaker}, {outlet}.", "Sergei Lavrov."),
        ("{speaker} — {url}", "Sergei Lavrov"),
        ("{speaker}, Source: {url}", "Sergei Lavrov"),
        # between two known fields the stronger separator stays
        ("{speaker}, {outlet} — {date:%Y}", "Sergei Lavrov — 2017"),
        ("{speaker} — {outlet}, {date:%Y}", "Sergei Lavrov — 2017"),
        ("{speaker}; {outlet}. {date:%Y}", "Sergei Lavrov; 2017"),
        ("{speaker}\n{outlet}, {url}\n{date:%Y}", "Sergei Lavrov\n2017"),
        # several missing in a row
        ("{speaker}, {outlet}, {url}, {byline}, {date:%Y}", "Sergei Lavrov, 2017"),
        ("{outlet}{url}{byline}", ""),
    ],
)
def test_missing_fields_are_dropped_with_their_punctuation(seed, template, expected):
    assert cite(seed, template) == expected


def test_the_documented_example(seed):
    from reader.model import Analysis, Entity

    no_role = Analysis(seed.article, seed.quotes, (Entity("s1", "Sergei Lavrov"),))
    assert cite(no_role, "{quote} — {speaker} ({role}), in {outlet}, {date}") == (
        "a permanent source of threat threats. — Sergei Lavrov, 8 June 2017"
    )


def test_missing_speaker_and_paragraph(texas):
    out = cite(texas, "“{quote}” — {speaker}, {role} ({headline}, para. {paragraph})")
    assert out == "“This race is wide open” — (In Texas, Ad Heats Up Race for Governor, para. 1)"
    assert "None" not in out


def test_never_none_or_empty_brackets(seed):
    from reader.cite.templates import FIELDS

    template = " ".join(f"({{{f}}})" for f in FIELDS)
    out = cite(seed, template)
    assert "None" not in out and "()" not in out
    assert out.startswith("(a permanent source") and out.endswith("(1)")


# Bad templates ----------------------------------------------------------------------------

def test_unknown_field_names_the_field(seed):
    with pytest.raises(TemplateError) as info:
        cite(seed, "{quote} — {speakr}")
    error = info.value
    assert isinstance(error, ReaderError)
    assert error.field == "speakr"
    assert str(error) == (
        "citation style 'mine': unknown field {speakr} (did you mean {speaker}? known: quote, "
        "speaker, role, cue, headline, outlet, date, url, paragraph, byline)"
    )


@pytest.mark.parametrize(
    ("template", "field", "message"),
    [
        ("{paragraph:q}", "paragraph", "bad format 'q' for field {paragraph}"),
        ("{speaker:d}", "speaker", "bad format 'd' for field {speaker}"),
        ("{quote!r}", "quote!r", "conversions are not supported in {quote!r}"),
        ("{date.year}", "date.year", "unknown field {date.year}"),
        ("{quote[0]}", "quote[0]", "unknown field {quote[0]}"),
    ],
)
def test_bad_field(template, field, message):
    with pytest.raises(TemplateError) as info:
        check_template("mine", template)
    assert message in str(info.value)
    assert info.value.field == field


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("{quote} — {speaker", "unbalanced braces: '{speaker' is not closed with '}'"),
        ("{quote} — {speaker {role}", "unbalanced braces: '{speaker ' is not closed with '}'"),
        ("{quote} — speaker}", "unbalanced braces: '}' without '{' in '{quote} — speaker}'"),
        ("{}", "empty field {}"),
    ],
)
def test_unbalanced_braces(template, message):
    with pytest.raises(TemplateError) as info:
        check_template("mine", template)
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_control_characters_in_a_template_are_removed(seed):
    assert cite(seed, "\x1b[31m{speaker}\x1b[0m\t{date:%Y}\x07") == "Sergei Lavrov 2017"


def test_shortening_and_groups_apply_to_templates(seed):
    assert cite(seed, "{quote}", quote=1, quote_max_words=4) == "I think that the …"


def test_error_messages_are_one_safe_line():
    with pytest.raises(TemplateError) as info:
        check_template("mi\x1b[2Jne", "{quo\nte\x1b]52;c;eA==\x07}")
    assert str(info.value).startswith("citation style 'mine': unknown field {quo te}")
