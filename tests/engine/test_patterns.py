"""Attribution patterns, one test each, on sentences written for the purpose."""

from __future__ import annotations

from engine_helpers import marked, mention_text, quote, run, speaker_name


def test_speaker_after_quote_verb_first():
    """Pattern: “…,” said Lavrov."""
    a = run("Talks\n\n“We will meet again next week,” said Anna Berg, the mayor of Lund.\n")
    q = quote(a, "We will meet again")
    assert speaker_name(a, q) == "Anna Berg"
    assert mention_text(a, q) == "Anna Berg"
    assert q.rule == "quote_then_cue"


def test_speaker_after_quote_name_first():
    """Pattern: “…,” Lavrov said."""
    a = run("Talks\n\nPeter Holm spoke first.\n\n“The bridge is safe,” Holm said on Monday.\n")
    q = quote(a, "The bridge is safe")
    assert speaker_name(a, q) == "Peter Holm"
    assert mention_text(a, q) == "Holm"


def test_speaker_before_quote_with_colon():
    """Pattern: Lavrov said: “…”"""
    a = run("Talks\n\nMaria Costa told reporters: “Nothing has been decided yet.”\n")
    q = quote(a, "Nothing has been decided")
    assert speaker_name(a, q) == "Maria Costa"
    assert q.kind == "direct"


def test_partial_quote_in_writers_sentence():
    """Pattern: Lavrov said the talks were “closely interconnected”."""
    a = run("Talks\n\nJohn Reyes said the two plans were “deeply flawed” and would be dropped.\n")
    q = quote(a, "deeply flawed")
    assert q.kind == "partial"
    assert speaker_name(a, q) == "John Reyes"


def test_pronoun_resolved_by_gender_from_honorific():
    """Pattern: pronoun resolved; gender from an honorific."""
    a = run("Vote\n\nMs. Helen Ward met Mr. Omar Said in Leeds on Friday.\n\n"
            "“It went well,” she said.\n")
    q = quote(a, "It went well")
    assert mention_text(a, q) == "she"
    assert speaker_name(a, q) == "Helen Ward"


def test_pronoun_prefers_subject_of_previous_sentence():
    """Pattern: pronoun resolved to the subject of the previous sentence."""
    a = run("Vote\n\nKarl Nagel criticised Tom Price on Tuesday.\n\n“This is a disgrace,” he said.\n")
    q = quote(a, "This is a disgrace")
    assert mention_text(a, q) == "he"
    assert speaker_name(a, q) == "Karl Nagel"


def test_title_instead_of_name():
    """Pattern: a title or role with the name in apposition."""
    a = run("Floods\n\nThe city's chief engineer, Tom Lee, said: “The levee held.”\n")
    q = quote(a, "The levee held")
    assert speaker_name(a, q) == "Tom Lee"
    assert mention_text(a, q) == "Tom Lee"


def test_unnamed_source():
    """Pattern: an unnamed source ("a police spokesperson")."""
    a = run("Fire\n\n“Nobody was hurt,” a police spokesperson said.\n")
    q = quote(a, "Nobody was hurt")
    assert mention_text(a, q) == "a police spokesperson"
    assert a.speaker(q.speaker_id).kind == "unnamed"


def test_organisation_source():
    """Pattern: an organisation as the source ("the Kremlin")."""
    a = run("Talks\n\n“The talks were useful,” the Kremlin said in a statement.\n")
    q = quote(a, "The talks were useful")
    assert mention_text(a, q) in ("the Kremlin", "Kremlin")


def test_according_to():
    """Pattern: “…”, according to X."""
    a = run("Budget\n\nThe plan was “dead on arrival,” according to Senator Ruth Olsen.\n")
    q = quote(a, "dead on arrival")
    assert speaker_name(a, q) == "Ruth Olsen"
    assert a.article.text[q.cue.start:q.cue.end] == "according to"


def test_colon_lead_quote_in_next_paragraph():
    """Pattern: colon lead, the quote in the next paragraph."""
    a = run("Letter\n\nIn her letter, Judge Amy Stone wrote:\n\n“The court cannot accept this.”\n")
    q = quote(a, "The court cannot accept")
    assert speaker_name(a, q) == "Amy Stone"
    assert q.rule == "colon_lead"


def test_quote_alone_after_sentence_about_one_person():
    """Pattern: a quote standing alone after a sentence about one person."""
    a = run("Race\n\nGovernor Lena Park spoke for an hour in Dover on Monday.\n\n"
            "“We are going to win this state.”\n")
    q = quote(a, "We are going to win")
    assert speaker_name(a, q) == "Lena Park"


def test_paragraph_continues_previous_speaker():
    """Pattern: a quote paragraph continues the speaker of the paragraph before."""
    a = run("Race\n\n“We knocked on every door,” said Ben Ortiz.\n\n"
            "“And we will do it again next year.”\n")
    q = quote(a, "we will do it again")
    assert speaker_name(a, q) == "Ben Ortiz"
    assert mention_text(a, q) == "Ben Ortiz"


def test_conversation_turns():
    """Pattern: conversation turns — a bare answer to a question belongs to the one asked."""
    a = run("Interview\n\n“The budget will pass,” said Senator Ada Moss.\n\n"
            "“Are you sure?” asked the reporter Carl Weiss.\n\n"
            "“Absolutely sure.”\n")
    q = quote(a, "Absolutely sure")
    assert speaker_name(a, q) == "Ada Moss"
    assert q.rule == "conversation_turn"


def test_trailing_dash_attribution():
    """Pattern: a trailing dash attribution."""
    a = run("Sayings\n\n“Never give up on a good idea.” — Ada Lovelace\n")
    q = quote(a, "Never give up")
    assert speaker_name(a, q) == "Ada Lovelace"
    assert q.rule == "trailing_dash"


def test_second_person_in_sentence_is_not_the_speaker():
    """Pattern: a second person in the same sentence who is not the speaker."""
    a = run("Debate\n\n“He has no plan,” Mary Fox said of John Hill on Sunday.\n")
    q = quote(a, "He has no plan")
    assert speaker_name(a, q) == "Mary Fox"
    a = run("Debate\n\nMary Fox said that John Hill was “a man without a plan.”\n")
    assert speaker_name(a, quote(a, "without a plan")) == "Mary Fox"


def test_nested_quote_outer_speaker_wins():
    """Pattern: nested quotes — the outer speaker wins and the inner quote is part of the outer."""
    a = run("Story\n\n“My father told me, ‘Never sell the farm,’ and I never did,” said Rosa Lind.\n")
    assert len(marked(a)) == 1
    q = quote(a, "Never sell the farm")
    assert speaker_name(a, q) == "Rosa Lind"


def test_interrupted_quote_shares_group():
    """Pattern: an interrupted quote is two quotes sharing a group."""
    a = run("Storm\n\n“This,” said Mayor Ella Hart, “is not over.”\n")
    q1, q2 = marked(a)
    assert q1.group is not None and q1.group == q2.group
    assert speaker_name(a, q1) == speaker_name(a, q2) == "Ella Hart"


def test_speakers_are_entities_with_roles():
    """Pattern: one speaker for "Lavrov", "Sergei Lavrov", "Foreign Minister Sergei Lavrov"."""
    a = run("Talks\n\nRussian Foreign Minister Sergei Lavrov arrived on Monday.\n\n"
            "“We are ready,” Lavrov said.\n\n“We are very ready,” said Sergei Lavrov.\n")
    names = {s.name for s in a.speakers}
    assert names == {"Sergei Lavrov"}
    assert a.speakers[0].role == "Russian Foreign Minister"


def test_name_particles_and_their_case():
    """Pattern: name particles ("de", "van") in either case are one speaker."""
    a = run("Talks\n\nThe envoy Staffan de Mistura met the press.\n\n"
            "“We will talk,” De Mistura said.\n\n“We will talk again,” said de Mistura.\n")
    assert {s.name for s in a.speakers} == {"Staffan de Mistura"}


def test_people_mentioned_but_not_quoted():
    """Pattern: people mentioned but never quoted go to ``people`` with their roles."""
    a = run("Visit\n\n“It went well,” said Anna Berg. She will meet Defense Minister Jan Kowalski next.\n")
    assert [(p.name, p.role) for p in a.people] == [("Jan Kowalski", "Defense Minister")]


def test_terms_are_not_quotes():
    """Pattern: scare quotes and titles go to ``terms``."""
    a = run("Film\n\nThe film “Dark Water” opened in Paris, where critics loved its “grit”.\n")
    assert marked(a) == []
    assert [t.span.of(a.article.text) for t in a.terms] == ["Dark Water", "grit"]


def test_indirect_speech():
    """Pattern: reported speech without marks ("X said (that) ...")."""
    a = run("Rates\n\nThe central bank governor, Ines Vale, said that rates would stay low this year.\n")
    ind = [q for q in a.quotes if q.kind == "indirect"]
    assert len(ind) == 1 and ind[0].id == "i1"
    assert ind[0].span.of(a.article.text) == "rates would stay low this year"
    assert speaker_name(a, ind[0]) == "Ines Vale"


def test_indirect_content_before_speaker():
    """Pattern: reported speech with the speaker after it ("..., Vale said.")."""
    a = run("Rates\n\nRates will stay low for the rest of the year, Vale said on Monday.\n")
    ind = [q for q in a.quotes if q.kind == "indirect"]
    assert [q.span.of(a.article.text) for q in ind] == ["Rates will stay low for the rest of the year"]


def test_ids_in_document_order():
    a = run("News\n\nTom Beck said prices would rise. “It is certain,” Beck said.\n\n"
            "“Very certain,” he added.\n")
    assert [q.id for q in a.quotes] == ["q1", "q2", "i1"]
    assert [s.id for s in a.speakers] == ["s1"]


def test_indirect_noun_phrase_content():
    """Pattern: reported speech whose content is a noun phrase ("called for ...")."""
    a = run("Rally\n\nSenator Ada Moss called for a national day of service, and the crowd cheered.\n")
    ind = [q for q in a.quotes if q.kind == "indirect"]
    assert [q.span.of(a.article.text) for q in ind] == ["a national day of service"]
    assert speaker_name(a, ind[0]) == "Ada Moss"


def test_according_to_indirect():
    """Pattern: "according to X, ..." reported speech."""
    a = run("War\n\nThe war also created, according to the United Nations, the worst crisis in decades.\n")
    ind = [q for q in a.quotes if q.kind == "indirect"]
    assert [q.span.of(a.article.text) for q in ind] == ["the worst crisis in decades"]
    assert a.speaker(ind[0].speaker_id).kind == "organisation"


def test_sentence_ends_after_abbreviation():
    """Pattern: a sentence ending in "U.S." followed by a new sentence."""
    a = run("Trade\n\nMost recently, Ivo Marsh called for a tariff on steel entering the U.S. "
            "While the talks go on, the unions say they are “deeply worried” about jobs.\n")
    q = quote(a, "deeply worried")
    assert mention_text(a, q) == "the unions"


def test_cue_in_closed_adverbial_clause_does_not_report():
    """Pattern: "When I called her, Lavrov replied, “…”" — the speaker of the main clause."""
    a = run("Call\n\nLater, when I called Nora Quist to ask about the vote, she replied, "
            "“We will not give up.”\n")
    q = quote(a, "We will not give up")
    assert mention_text(a, q) == "she"


def test_relative_clause_after_inverted_attribution():
    """Pattern: "“…,” said Roe, who added that … “…”" — the relative pronoun's own verb."""
    a = run("Budget\n\n“The numbers are wrong,” said Paul Renner, who added that the plan was "
            "“built on sand.”\n")
    q = quote(a, "built on sand")
    assert mention_text(a, q) == "who"
    assert speaker_name(a, q) == "Paul Renner"


def test_subject_of_predicate_without_cue():
    """Pattern: "The ad targets a “…”" — no speech verb, the clause subject is the source."""
    a = run("Ads\n\nThe union ran a new ad on Monday.\n\n"
            "The ad targets a “rigged system that rewards the few at the expense of the many.”\n")
    q = quote(a, "rigged system")
    assert mention_text(a, q) == "The ad"
    assert q.rule == "sentence_subject_predicate"


def test_cue_noun_form_used_as_verb():
    """Pattern: "The ad claims “…”" — a plural-looking cue after "the ad" is a verb here."""
    a = run("Ads\n\nThe ad claims “Lena Park is the candidate you can trust.”\n")
    q = quote(a, "candidate you can trust")
    assert mention_text(a, q) == "The ad"


def test_according_to_a_document():
    """Pattern: "“…,” according to a court document filed by …" — a lower-case source."""
    a = run("Court\n\n“The evidence is insufficient to support a prosecution,” according to a court "
            "document filed by the state.\n")
    q = quote(a, "evidence is insufficient")
    assert mention_text(a, q).startswith("a court document")


def test_outer_reporter_after_speaker():
    """Pattern: "“…,” said Roe, a pastor, reports the Gazette." — the outer reporter."""
    a = run("Vote\n\n“The vote was a mistake,” said Ann Roe, a pastor in Leeds, reports The Gazette.\n")
    q = quote(a, "vote was a mistake")
    assert mention_text(a, q) == "The Gazette"


def test_participle_after_partial_quote_is_not_its_cue():
    """Pattern: "He called it a “distortion,” describing the team as …" — the earlier verb."""
    a = run("Book\n\nThe book accuses Lee of lying. He called that a “distortion,” describing the "
            "team as heroes.\n")
    q = quote(a, "distortion")
    assert mention_text(a, q) == "He"


def test_trailing_horizontal_bar():
    """Pattern: “…” ― Name (the horizontal bar U+2015 as the attribution dash)."""
    a = run("Voices\n\n“We need schools that work for every child.” \u2015 Rosa Delgado\n")
    q = quote(a, "schools that work")
    assert speaker_name(a, q) == "Rosa Delgado"
    assert q.rule == "trailing_dash"


def test_subject_with_adverbs_between_commas():
    """Pattern: "and he, once again, pledged a “…”" — adverbs set off by commas."""
    a = run("Rally\n\nIvo Marsh pledged to fix the courts, and he, once again, pledged a "
            "“political revolution” for the country.\n")
    q = quote(a, "political revolution")
    assert mention_text(a, q) == "he"


def test_adverbial_clause_after_adverb():
    """Pattern: "Ever since X announced …, he has said “…”" — the main clause speaks."""
    a = run("Talk\n\nEver since Tom Reyes announced his run last year, his rival Ada Quint has said "
            "the same thing: “It is not about me.”\n")
    q = quote(a, "not about me")
    assert speaker_name(a, q) == "Ada Quint"


def test_relative_clause_after_quote_does_not_take_next_quote():
    """Pattern: "“A,” said Roe, who spoke on condition of anonymity. “B.”" — B is Roe's."""
    a = run("Leak\n\n“The plan is dead,” said a senior aide to Ada Quint, who spoke on condition of "
            "anonymity. “Nobody will revive it.”\n")
    q = quote(a, "Nobody will revive it")
    assert mention_text(a, q).startswith("a senior aide")


def test_possessive_subject():
    """Pattern: "Roe's campaign slogan is “…”" — the possessor's phrase is the source."""
    a = run("Slogans\n\nNora Quist\u2019s campaign slogan is \u201cBuild it better.\u201d Her rival has none.\n")
    q = quote(a, "Build it better")
    assert mention_text(a, q).startswith("Nora Quist")


def test_colon_lead_without_cue_takes_sentence_subject():
    """Pattern: "Roe released the following statement: ⏎ “…”" — the subject of the lead."""
    a = run("Statement\n\nWhen Tom Beck died, Governor Ada Quint released the following statement:\n\n"
            "“We mourn a friend and a fighter for our state.”\n")
    q = quote(a, "We mourn a friend")
    assert speaker_name(a, q) == "Ada Quint"


def test_as_clause_before_colon():
    """Pattern: "…, as the city website notes: ⏎ “…”" — "as" opens a clause here."""
    a = run("History\n\nThe park is old, as the city website notes:\n\n"
            "“The park opened in 1890 and has grown every decade since then.”\n")
    q = quote(a, "The park opened")
    assert mention_text(a, q) == "the city website"


def test_indirect_parenthetical_attribution():
    """Pattern: "CONTENT, he said, CONTENT." — reported speech on both sides."""
    a = run("Plan\n\nMira Holt spoke on Monday. The goal, she said, is to finish the bridge by June.\n")
    ind = [q.span.of(a.article.text) for q in a.quotes if q.kind == "indirect"]
    assert "is to finish the bridge by June" in ind
    assert "The goal" in ind


def test_indirect_inverted_speaker_is_not_content():
    """Pattern: "CONTENT, said Roe, a pastor." — what follows the verb is the speaker."""
    a = run("Vote\n\nThe vote was a turning point for the town, said Ann Roe, a pastor in Leeds.\n")
    ind = [q for q in a.quotes if q.kind == "indirect"]
    assert [q.span.of(a.article.text) for q in ind] == ["The vote was a turning point for the town"]
    assert speaker_name(a, ind[0]) == "Ann Roe"


def test_according_to_after_content_with_time():
    """Pattern: "CONTENT, according to a congressional report on Wednesday." """
    a = run("Hack\n\nThe agency was hacked three times in four years, according to a congressional "
            "report on Wednesday.\n")
    ind = [q for q in a.quotes if q.kind == "indirect"]
    assert [q.span.of(a.article.text) for q in ind] == ["The agency was hacked three times in four years"]
    assert mention_text(a, ind[0]).startswith("a congressional report")


def test_indirect_intention():
    """Pattern: "Roe vowed to …" — promises and intentions are reported content too."""
    a = run("Law\n\nSenator Ada Moss vowed to repeal the tax on fuel within a year.\n")
    ind = [q for q in a.quotes if q.kind == "indirect"]
    assert [q.span.of(a.article.text) for q in ind] == ["repeal the tax on fuel within a year"]
    assert speaker_name(a, ind[0]) == "Ada Moss"


def test_colon_after_name():
    """Pattern: "Polls agree – Ann Roe: “…”" — the name right before the colon."""
    a = run("Polls\n\nThe Senate race has tightened - Ann Roe: “Nobody leads by more than two points now.”\n")
    q = quote(a, "Nobody leads")
    assert speaker_name(a, q) == "Ann Roe"


def test_unnamed_sources_with_quantifiers():
    """Pattern: "“…,” one user wrote." / "“…,” tweeted another." / "the 43-year-old asked"."""
    a = run("Web\n\n\"It is great fun to watch,\" one user wrote.\n\n"
            "\"Better watch out for the count,\" tweeted another.\n\n"
            "\u201cWhat if he had lessons?\u201d the 43-year-old asked in the video.\n")
    assert mention_text(a, quote(a, "great fun")) == "one user"
    assert mention_text(a, quote(a, "Better watch out")) == "another"
    assert mention_text(a, quote(a, "What if he had")) == "the 43-year-old"


def test_title_before_a_later_cue_is_not_attributed():
    """Pattern: "Friday on CNN's “New Day,” Sen. Ann Roe said …" — a show title, not a quote."""
    a = run("TV\n\nFriday on CNN\u2019s \u201cNew Day,\u201d Sen. Ann Roe said she would vote no.\n")
    assert [t.span.of(a.article.text) for t in a.terms] == ["New Day,"]


def test_partial_quote_reported_by_closing_attribution():
    """Pattern: "Democrats had “put the biggest crack” in it, she said." """
    a = run("Vote\n\nNora Quist spoke late. Democrats had \u201cput the biggest crack\u201d in the "
            "ceiling, she said in a video message.\n")
    q = quote(a, "put the biggest crack")
    assert mention_text(a, q) == "she"


def test_inverted_speaker_with_role_phrase():
    """Pattern: "“…,” said master of ceremonies Asab Tabchi, an engineer." """
    a = run("Party\n\n\"Thanks for welcoming them,\" said master of ceremonies Asab Tabchi, an engineer.\n")
    assert speaker_name(a, quote(a, "Thanks for welcoming")) == "Asab Tabchi"


def test_speaker_with_apposition_after_question():
    """Pattern: "“… win it?” Will Estrada, the party chairman, said of it." """
    a = run("Race\n\n\"How do we win Loudoun?\" Will Estrada, the chairman of the county party, said "
            "of the meeting.\n")
    assert speaker_name(a, quote(a, "How do we win")) == "Will Estrada"


def test_quote_after_block_quote_closing_in_its_paragraph():
    """Pattern: a block quote ends “…,” Roe said. “Next quote.” in the same paragraph."""
    a = run("Talk\n\n“The rallies are a release for many people. It is plain to see.\n\n"
            "“Others want to burn it all down,” Jared Sexton said. “I do not know if it is cathartic.”\n")
    q = quote(a, "I do not know if")
    assert speaker_name(a, q) == "Jared Sexton"


def test_subject_with_apposition_before_predicate():
    """Pattern: "Ted Nordhaus, co-founder of a think tank, welcomed “…”" — no cue."""
    a = run("Climate\n\nTed Nordhaus, co-founder of a think tank, welcomed \"the recognition that we do "
            "not have all the technology we need.\"\n")
    q = quote(a, "the recognition")
    assert speaker_name(a, q) == "Ted Nordhaus"


def test_contracted_pronoun_subject():
    """Pattern: "He’s claiming that fraud is “a big problem”" — a contracted pronoun subject."""
    a = run("Fraud\n\nIvo Marsh spoke in Ohio.\n\nHe\u2019s claiming that voting fraud is \u201ca big, big "
            "problem in this country\u201d and wants new rules.\n")
    q = quote(a, "a big, big problem")
    assert mention_text(a, q) == "He"
    assert speaker_name(a, q) == "Ivo Marsh"


def test_second_quote_after_its_own_attribution_in_the_sentence():
    """Pattern: "Roe weighed in, “…,” she said, adding, “…”" — the words between the quotes
    introduce the second one, not the cue before the first."""
    a = run("Budget\n\nMayor Ada Roe weighed in on Monday, telling a radio host, \u201cIt was a long night,\u201d "
            "she said, adding, \u201cWe will be back next year.\u201d\n")
    q = quote(a, "We will be back")
    assert mention_text(a, q) == "she"
    assert speaker_name(a, q) == "Ada Roe"


def test_irregular_past_cue_after_a_noun_phrase():
    """Pattern: "“…” the statement read." — an irregular past form is a verb, not a noun."""
    a = run("Board\n\n\u201cThe chairman will step down at the end of the month.\u201d the statement read.\n")
    q = quote(a, "The chairman will step down")
    assert mention_text(a, q) == "the statement"


def test_dash_attribution_in_the_next_paragraph():
    """Pattern: a paragraph that is only a quotation, then "— Ada Roe, in Leeds"."""
    a = run("Quotable\n\n\u201cWe did not come this far to stop now.\u201d\n\n\u2014 Ada Roe, speaking in Leeds.\n\n"
            "Other news followed.\n")
    q = quote(a, "We did not come this far")
    assert speaker_name(a, q) == "Ada Roe"
    assert q.rule == "trailing_dash"


def test_participle_subject_after_a_place_with_its_state():
    """Pattern: "At a rally in Ames, Iowa, on Sunday, Mrs. Roe took questions, saying “…”" — the
    state set off by commas is part of the place, not the subject."""
    a = run("Trail\n\nIowa votes first. Iowa is cold.\n\nAt a town hall in Ames, Iowa, on Sunday, Mrs. Roe "
            "took questions for an hour, saying that "
            "the plan was \u201ca real step forward for farmers.\u201d\n")
    q = quote(a, "a real step forward")
    assert "Roe" in mention_text(a, q)
