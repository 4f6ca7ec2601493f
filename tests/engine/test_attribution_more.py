"""More attribution patterns, one test each, on sentences written for the purpose."""

from __future__ import annotations

from engine_helpers import mention_text, quote, run, speaker_name, texts


def test_participle_after_introductory_phrase_takes_main_subject():
    """Pattern: In 2016, X endorsed Y, saying he had “…”: the introductory phrase is no subject."""
    a = run("Vote\n\nIn 2012, Mrs. Lena Dahl endorsed Tom Wexler for mayor, saying he had “the grit to win.”\n")
    q = quote(a, "the grit to win")
    assert speaker_name(a, q) == "Lena Dahl"


def test_participle_after_prepositional_opener_with_names():
    """Pattern: In response to X's plan to bar Y, Z rallied supporters, saying: “…”"""
    a = run("Plan\n\nIn response to the plan, Ruth Gale’s campaign chief rallied supporters, "
            "saying: “We have to stop it.”\n")
    q = quote(a, "We have to stop it")
    assert mention_text(a, q) == "Ruth Gale’s campaign chief"


def test_named_closing_attribution_after_colon_lead():
    """Pattern: he said it would fail: “…,” Roe predicted. The name after the quote speaks."""
    a = run("Casino\n\nAnn Roe, a banker, angered Max Stoll after he told a paper that the casino "
            "would fail: “Once winter comes, it won't make it,” Roe predicted.\n")
    q = quote(a, "Once winter comes")
    assert speaker_name(a, q) == "Ann Roe"
    assert mention_text(a, q) == "Roe"


def test_colon_lead_keeps_pronoun_closing_attribution_with_lead():
    """Pattern: Lavrov fired back: “…,” he wrote, “…” The lead speaker stays."""
    a = run("Reply\n\nLena Park fired back on Monday: “Not true,” she wrote, “not at all.”\n")
    q = quote(a, "Not true")
    assert speaker_name(a, q) == "Lena Park"
    assert mention_text(a, q) == "Lena Park"


def test_colon_lead_then_pronoun_closing_attribution_ending_the_sentence():
    """Pattern: Roe declared the need for change: “…,” she said. The closing pronoun is the mention."""
    a = run("Speech\n\nIn her talk, Lena Ostrova declared the need for patience: "
            "“Wait and see what happens next,” she said.\n")
    q = quote(a, "Wait and see")
    assert speaker_name(a, q) == "Lena Ostrova"
    assert mention_text(a, q) == "she"


def test_pressed_after_question_quote():
    """Pattern: “…?” Hannity pressed."""
    a = run("Interview\n\nThe host spoke to Omar Bell. “Would it be negotiable?” Bell pressed.\n")
    q = quote(a, "Would it be negotiable")
    assert speaker_name(a, q) == "Omar Bell"


def test_coordinated_verbs_after_an_earlier_clause():
    """Pattern: The hosts praised X, and he laughed and said “…”: the subject opening the clause."""
    a = run("Dinner\n\nTom Reed spoke at a dinner. The hosts praised the mayor, and he laughed and said "
            "that she was “a great friend.”\n")
    q = quote(a, "a great friend")
    assert mention_text(a, q) == "he"
    assert speaker_name(a, q) == "Tom Reed"


def test_object_relative_clause_yields_to_the_main_verb():
    """Pattern: Asked whether the job, which friends described as dull, …, Roe said: “…”"""
    a = run("Family\n\nAsked whether the job, which friends described as miserable, hurt his brother, "
            "Mr. Vance Stone said: “I hope not.”\n")
    q = quote(a, "I hope not")
    assert speaker_name(a, q) == "Vance Stone"


def test_doubled_consonant_past_forms_are_cues():
    """Pattern: X referred to Y as “…”: "referred" (doubled r) is a form of "refer"."""
    a = run("Campaign\n\nTom Reed, in an interview on Thursday, referred to the mayor as “the most valuable player” "
            "for the gang.\n")
    q = quote(a, "the most valuable player")
    assert speaker_name(a, q) == "Tom Reed"


def test_complaint_verbs_are_cues():
    """Pattern: X groused that Y “…”: vent, grouse, assail, recite, highlight are speech verbs."""
    a = run("Rally\n\nOn Monday, Tom Reed groused to a crowd that the paper “never treats me fairly” before leaving.\n")
    q = quote(a, "never treats me fairly")
    assert speaker_name(a, q) == "Tom Reed"


def test_advocacy_verbs_are_cues():
    """Pattern: X advocates a “…”: advocate, coin, nickname, utter are speech verbs."""
    a = run("Tax\n\nSen. Ann Holt, a Democrat on the panel, advocates a “fair consumption tax” modeled on "
            "an older plan.\n")
    q = quote(a, "fair consumption tax")
    assert speaker_name(a, q) == "Ann Holt"


def test_closing_attribution_with_apposition_reports_a_partial_quote():
    """Pattern: X would do well to begin “…” to Y, said Z, a strategist for the campaign."""
    a = run("Race\n\nMs. Ann Holt would do well to begin “building bridges” to Mr. Tom Reed, said Dan Axel, "
            "a former senior strategist for the party.\n")
    q = quote(a, "building bridges")
    assert speaker_name(a, q) == "Dan Axel"
    assert q.rule == "cue_later_in_sentence"


def test_according_to_after_a_statement_is_the_outer_source():
    """Pattern: “…,” X said in a statement according to The Ledger. "according" is never a noun."""
    a = run("Suit\n\n“The committee knows of the suit,” spokesman Dan Ware said in a statement according to "
            "The Ledger.\n")
    q = quote(a, "The committee knows")
    assert mention_text(a, q) == "The Ledger"


def test_introductory_clause_runs_past_a_places_state():
    """Pattern: Campaigning in Salem, New Hampshire, X went after Y, calling him “…”"""
    a = run("Rally\n\nCampaigning at a town hall event in Salem, New Hampshire, Anna Berg went after Dan Roe, "
            "calling him “a total stiff.”\n")
    q = quote(a, "a total stiff")
    assert speaker_name(a, q) == "Anna Berg"


def test_subject_before_an_apposition_at_the_clause_start_is_the_whole_name():
    """Pattern: Campaigning …, Anna Berg went after Dan Roe, calling him “…”: "Anna Berg", not "Anna"."""
    a = run("Rally\n\nCampaigning at a town hall, Anna Berg went after Dan Roe, calling him “a total stiff.”\n")
    q = quote(a, "a total stiff")
    assert mention_text(a, q) == "Anna Berg"


def test_addressee_before_a_colon_is_not_the_speaker():
    """Pattern: X delivered a blunt message to Y: “…”"""
    a = run("Message\n\nSenator Anna Berg, R-Ky., delivered a blunt message to Dan Roe: “It's time to quit "
            "attacking people.”\n")
    q = quote(a, "time to quit")
    assert speaker_name(a, q) == "Anna Berg"


def test_noun_phrase_after_a_verb_that_is_not_inverted_is_an_object():
    """Pattern: X summed up Y as “…,” denounced her record …: "her record" is no speaker."""
    a = run("Debate\n\nTom Reed summed up Ann Holt as “terrible,” denounced her record as mayor and left.\n")
    q = quote(a, "terrible")
    assert mention_text(a, q) != "her record"
    assert speaker_name(a, q) == "Tom Reed"


def test_short_fragment_in_relative_clause_belongs_to_its_speaker():
    """Pattern: X criticised the plan, which an audit said was “deeply flawed”: the fragment is
    the relative clause's (the audit's), not the outer reporter's."""
    a = run("Plan\n\nMayor Ruth Gale criticised the budget, which an internal audit said was "
            "“deeply flawed” but legal.\n")
    q = quote(a, "deeply flawed")
    assert mention_text(a, q) == "an internal audit"


def test_longer_quote_in_relative_clause_keeps_outer_speaker():
    """Pattern: the same sentence with a full clause quoted: the outermost speaker still wins."""
    a = run("Plan\n\nMayor Ruth Gale said the budget, which an internal audit said was fine, "
            "“will not survive the winter and we all know it.”\n")
    q = quote(a, "will not survive")
    assert speaker_name(a, q) == "Ruth Gale"


def test_participle_with_its_own_subject_after_with():
    """Pattern: X were angry, with Sen. Y calling it a “…”: the participle's own subject."""
    a = run("Plan\n\nMayor Tom Wexler was irritated by the plan, with Sen. Ruth Gale calling it "
            "a “wish list.”\n")
    q = quote(a, "wish list")
    assert speaker_name(a, q) == "Ruth Gale"


def test_participle_after_a_name_and_after_with_a_noun_phrase():
    """Pattern: X met the board, Y saying she was “…” / X was on their minds, with many marchers
    chanting “…”."""
    a = run("Plan\n\nMayor Tom Wexler met the board, Ruth Gale saying she was “very encouraged” by it.\n")
    assert speaker_name(a, quote(a, "very encouraged")) == "Ruth Gale"
    a = run("March\n\nOrlando was on their minds, with many marchers chanting “We are here” on the way.\n")
    assert mention_text(a, quote(a, "We are here")) == "many marchers"


def test_participle_after_comma_keeps_clause_subject():
    """Pattern: X celebrated with supporters, declaring it “…”: the comma ends the phrase."""
    a = run("Win\n\nMayor Ruth Gale celebrated in Salem with supporters, declaring it “a great night "
            "for our town.”\n")
    q = quote(a, "a great night")
    assert speaker_name(a, q) == "Ruth Gale"


def test_passive_speech_verb_takes_agent_after_quote():
    """Pattern: the plan, often labeled as a “…” by X, …: the agent after the quote."""
    a = run("Plan\n\nThe plan of the Salem council, often labeled as a “land grab” by Ruth Gale, "
            "passed on Monday.\n")
    q = quote(a, "land grab")
    assert speaker_name(a, q) == "Ruth Gale"


def test_quote_reported_in_opening_clause_belongs_to_that_clause():
    """Pattern: After X said it was “…,” Y said: “…”: the first quote is X's, the second Y's."""
    a = run("Debate\n\nAfter Ruth Gale said the schools were “less advanced,” Tom Wexler said: "
            "“I don't like what she said.”\n")
    assert speaker_name(a, quote(a, "less advanced")) == "Ruth Gale"
    assert speaker_name(a, quote(a, "I don't like")) == "Tom Wexler"


def test_opening_clause_closed_before_quote_keeps_closing_attribution():
    """Pattern: Although X said …, the plan is “…,” Y said: the clause closed before the quote."""
    a = run("Debate\n\nAlthough Ruth Gale said it was fine, the plan is “a mess,” Tom Wexler said.\n")
    assert speaker_name(a, quote(a, "a mess")) == "Tom Wexler"


def test_time_clause_with_its_own_speaker():
    """Pattern: X said …, hours after Y said he was “…”: the time clause's speaker."""
    a = run("Plan\n\nMayor Ruth Gale said she backed the plan, hours after Tom Wexler said he was "
            "“encouraged” by it.\n")
    assert speaker_name(a, quote(a, "encouraged")) == "Tom Wexler"
    a = run("Court\n\nThe court fined Ruth Gale after the man had posted that refugees should "
            "“burn alive” there.\n")
    assert mention_text(a, quote(a, "burn alive")) == "the man"


def test_after_as_a_particle_is_no_time_clause():
    """Pattern: X went after Y, calling him “…”: "after" is part of the verb, X speaks."""
    a = run("Plan\n\nMayor Ruth Gale went after Tom Wexler on Tuesday, calling him “a total stiff.”\n")
    assert speaker_name(a, quote(a, "a total stiff")) == "Ruth Gale"


def test_pronoun_opening_reported_clause_gives_way_to_named_reporter():
    """Pattern: X met Y and declared that he found Y “…”: the source is the name X."""
    a = run("Talks\n\nRuth Gale met Tom Wexler in May and declared in an interview that she found "
            "him “very charming.”\n")
    q = quote(a, "very charming")
    assert mention_text(a, q) == "Ruth Gale"


def test_dateline_is_no_part_of_the_opening_phrase():
    """Pattern: CITY (AP) — In response to X, Y rallied supporters, saying: “…”"""
    a = run("Plan\n\nSALEM, Ore. (AP) — In response to the plan to close Main Street, Ruth Gale’s "
            "campaign chief rallied supporters, saying: “We have to stop it.”\n")
    q = quote(a, "We have to stop it")
    assert mention_text(a, q) == "Ruth Gale’s campaign chief"


def test_fragment_shares_the_speaker_of_its_sentences_quote():
    """Pattern: X supports “…,” opposes “…” and said: “…”: the fragments are X's, not terms."""
    a = run("Pay\n\nRuth Gale supports “fair pay raises,” opposes “arbitrary freezes” and said: "
            "“I saw how hard it was for the staff.”\n")
    for needle in ("fair pay raises", "arbitrary freezes"):
        q = quote(a, needle)
        assert q.rule == "same_sentence"
        assert speaker_name(a, q) == "Ruth Gale"


def test_title_in_a_sentence_with_a_quote_stays_a_term():
    """Pattern: a capitalised title in the sentence of an attributed quote is still a title."""
    a = run("Show\n\nRuth Gale, the author of “Going Viral,” said the data “were never that clear.”\n")
    assert not any("Going Viral" in q.span.of(a.article.text) for q in a.quotes)


def test_title_after_the_author_of_is_a_term():
    """Pattern: “…,” said X, the author of “Title of a Book”: the title is no quotation."""
    a = run("Books\n\n“The vote was never close,” said Ruth Gale, the author of “Silent Fields "
            "and Open Roads.”\n")
    assert not any("Silent Fields" in q.span.of(a.article.text) for q in a.quotes)
    assert any("Silent Fields" in t.span.of(a.article.text) for t in a.terms)


def test_headline_with_a_byline_is_a_term():
    """Pattern: “Headline,” by Jan Roe: the title of a piece, not a quotation."""
    a = run("Reads\n\nFAREWELL — “The old bridge closes at the end of May,” by Ruth Gale. "
            "“It was a long time coming,” said Tom Wexler.\n")
    assert texts(a) == ["It was a long time coming,"]


def test_time_between_subject_and_verb_is_no_subject():
    """Pattern: X (D-Calif.) last week said …: "last week" is when, not who."""
    a = run("Mail\n\nSen. Ruth Gale (D-Calif.) last week said the files were not “top secret.”\n")
    q = quote(a, "top secret")
    assert mention_text(a, q) == "Ruth Gale"
    a = run("Mail\n\nThe mayor last year said the plan was “a mess.”\n")
    assert mention_text(a, quote(a, "a mess")) == "The mayor"


def test_title_modifying_a_noun_is_not_attributed_after_it():
    """Pattern: “Show Title” host X on Thursday showed …: the title names the show."""
    a = run("Show\n\n“Late Hour” host Tom Wexler on Thursday showed that the mayor was given a chance.\n")
    assert not any("Late Hour" in q.span.of(a.article.text) for q in a.quotes)


def test_party_and_state_then_a_comma_before_the_verb():
    """Pattern: …, Gov. X (R-OH), said, “…”: the name before the parenthesis is the subject."""
    a = run("Wagon\n\nTuesday at Baldwin Wallace University in Berea, OH, after winning Ohio in the "
            "primary, Gov. Tom Wexler (R-OH), said, “I am getting ready to rent a wagon.”\n")
    q = quote(a, "rent a wagon")
    assert q.rule == "cue_then_quote"  # the verb's subject, not a guess from the clause
    assert mention_text(a, q) == "Tom Wexler"


def test_translation_of_quoted_words_is_a_term():
    """Pattern: “Foreign words,” Latin for “their meaning”: the translation is nobody's quote."""
    a = run("Motto\n\nHe signed the letter with “Si vis pacem para bellum,” Latin for “if you wish "
            "peace, prepare for war.”\n")
    assert not any("prepare for war" in q.span.of(a.article.text) for q in a.quotes)
    assert [t.reason for t in a.terms if "prepare for war" in t.span.of(a.article.text)] == ["translation"]


def test_speech_noun_after_a_year_is_no_cue():
    """Pattern: the 2012 attacks that …: a speech noun after a year or a number is no cue."""
    a = run("Film\n\nThe film retells the 2014 attacks that shook the town, and a guard who "
            "ordered his men to “hold the line” is its hero.\n")
    assert all(q.rule != "cue_then_quote" or mention_text(a, q) != "the 2014" for q in a.quotes)
    assert not [q for q in a.quotes if q.is_marked and q.cue is not None
                and a.article.text[q.cue.start:q.cue.end] == "attacks"]


def test_cue_in_opening_phrase_yields_to_main_clause_verb():
    """Pattern: Watching X talk about it, Y said: “…” / In a note announcing it, Y wrote “…”."""
    a = run("Rally\n\nWatching Tom Wexler talk about the budget on Monday, Lena Ostrova said: "
            "“He finally sounds like a mayor.”\n\nLater, in a memo announcing the plan, Omar Bell "
            "described the cuts as “painful but needed.”\n")
    assert speaker_name(a, quote(a, "He finally sounds")) == "Lena Ostrova"
    assert speaker_name(a, quote(a, "painful but needed")) == "Omar Bell"


def test_closing_attribution_after_quote_beats_cue_before_it():
    """Pattern: The vote signals “the end” for the pact, said X, a lawmaker."""
    a = run("Vote\n\nThe rejection of the pact signals “the beginning of the end” for the union, "
            "said Lena Ostrova, a lawmaker from the north.\n\nThe agency did not find “any ties” "
            "between the two men, Omar Bell said on Monday.\n")
    assert speaker_name(a, quote(a, "the beginning of the end")) == "Lena Ostrova"
    assert speaker_name(a, quote(a, "any ties")) == "Omar Bell"


def test_poll_is_the_source_of_its_respondents_share():
    """Pattern: In a X poll, 75 percent of Y said “…” / The poll finds that 40 percent say “…”."""
    a = run("Poll\n\nIn a June Daily Ledger poll, 61 percent of voters said the mayor had “lost "
            "touch” with the city.\n\nThe Ledger survey also finds that, while 40 percent of "
            "residents say the parks are “a disgrace,” most are content.\n")
    for needle, source in (("lost touch", "a June Daily Ledger poll"), ("a disgrace", "The Ledger survey")):
        q = quote(a, needle)
        assert mention_text(a, q) == source


def test_participle_takes_opening_noun_phrase_before_later_person():
    """Pattern: The retired judge gave no details about how he would do it, saying “…”."""
    a = run("Plans\n\nOmar Bell spoke on Monday.\n\nThe retired judge has given no details about how "
            "he would run the office, saying only that he was “looking at every option.”\n")
    q = quote(a, "looking at every option")
    assert mention_text(a, q) == "The retired judge"


def test_participle_after_coordinated_clause_takes_its_subject():
    """Pattern: X made it a priority, but it stalled, and he has fought Y since, calling him a “…”."""
    a = run("City\n\nGov. Omar Bell made the port a priority, but the plan stalled, and he has "
            "fought with the council ever since, at one point calling its chairman a “clown.”\n")
    q = quote(a, "clown")
    assert mention_text(a, q) == "he"


def test_coordinated_verb_shares_the_opening_subject():
    """Pattern: X used to back Y, but now said Z had “…” / The ad hits X for “…” and claims that “…”."""
    a = run("Race\n\nState Rep. Omar Bell used to back Tom Wexler, but now said Lena Ostrova had "
            "“the best shot at winning.”\n\nThe new ad hits Wexler for taking “too much money” and "
            "claims that “he has forgotten this town.”\n\nA spokesman for Delta Partners declined to "
            "discuss the audit but said in a statement that “every rule was followed.”\n")
    assert speaker_name(a, quote(a, "the best shot")) == "Omar Bell"
    assert mention_text(a, quote(a, "he has forgotten")) == "The new ad"
    assert mention_text(a, quote(a, "every rule")) == "A spokesman for Delta Partners"


def test_coordinated_verb_in_a_when_clause_keeps_that_clause_subject():
    """Pattern: X started it when he brought up Y and later said, “…” -> he."""
    a = run("Show\n\nCol. Omar Bell started the quarrel when he brought up the old case and later "
            "said, “It is not just them.”\n")
    assert mention_text(a, quote(a, "It is not just them")) == "he"


def test_object_pronoun_before_infinitive_cue_is_its_speaker():
    """Pattern: Tom Wexler lost to X, a defeat that led him to declare that it was “…”."""
    a = run("Vote\n\nLena Ostrova beat Tom Wexler in the primary, a defeat that led him to "
            "declare that the race was “far from over.”\n")
    assert mention_text(a, quote(a, "far from over")) == "him"


def test_possessor_of_speech_noun_before_quote_is_the_source():
    """Pattern: X came under fire over her assertion that “…” / Y's claim that Z “…”."""
    a = run("Debate\n\nLena Ostrova spoke first. Later she came under fire from rivals over her "
            "assertion during the debate that “we are finally on track.”\n\nGov. Omar Bell "
            "blamed the press for seizing on Tom Wexler's claim that the mayor “broke the law.”\n")
    q = quote(a, "we are finally on track")
    assert mention_text(a, q) == "her"
    assert speaker_name(a, q) == "Lena Ostrova"
    assert speaker_name(a, quote(a, "broke the law")) == "Tom Wexler"


def test_possessive_noun_object_of_speech_verb_keeps_the_verb_subject():
    """Pattern: X repeated his claim that “…” / X said in his statement: “…” -> X."""
    a = run("Claims\n\nOmar Bell repeated his claim that “greed” drove the decision.\n\n"
            "Lena Ostrova said in her statement: “We will appeal.”\n")
    assert mention_text(a, quote(a, "greed")) == "Omar Bell"
    assert mention_text(a, quote(a, "We will appeal")) == "Lena Ostrova"


def test_colon_lead_then_noun_phrase_closing_attribution():
    """Pattern: X defends his record in an ad: “…,” the senator says to the camera."""
    a = run("Ads\n\nOmar Bell defends his record in a new ad: “I kept every promise I made,” "
            "the senator says to the camera.\n")
    assert mention_text(a, quote(a, "I kept every promise")) == "the senator"


def test_subject_with_honorific_opens_a_time_clause():
    """Pattern: …, when Mr. X, who had lost, called for a “…” -> Mr. X."""
    a = run("Fears\n\nSome Democrats said they feared a repeat of the 1992 convention, when Mr. Wexler, "
            "who had lost the race, called for a “cultural war” against his rivals.\n")
    assert speaker_name(a, quote(a, "cultural war")) == "Wexler"


def test_name_after_dash_before_colon_speaks_the_quote():
    """Pattern (digest items): Pollsters agree - X: “…”."""
    a = run("Digest\n\nAnalysts warned about the count - Lena Ostrova: “Late deciders broke for the "
            "challenger by a wide margin.”\n")
    assert speaker_name(a, quote(a, "Late deciders")) == "Lena Ostrova"


def test_participle_subject_after_introductory_phrase():
    """Pattern: In three interviews, the judge sounded off on X, saying she did not “…”."""
    a = run("Court\n\nJudge Lena Ostrova spoke on Monday.\n\nIn three separate interviews, the judge "
            "sounded off on the mayor, saying she did not “want to imagine” his second term.\n")
    assert mention_text(a, quote(a, "want to imagine")) == "the judge"


def test_participle_continues_the_attribution_before_it():
    """Pattern: X said Y “…,” the source recalled, adding that X said: “…” -> the source."""
    a = run("Talk\n\nOmar Bell said the plan “would never pass,” the aide recalled, adding that Bell "
            "said of the vote: “We will lose it and we will deserve it.”\n")
    assert mention_text(a, quote(a, "We will lose it")) == "the aide"


def test_adverb_before_subordinator_opens_an_introductory_clause():
    """Pattern: Ever since she backed X, Ms. Y has been a surrogate, attacking Z: “…”."""
    a = run("Allies\n\nEver since she endorsed Tom Wexler, Ms. Ostrova has been his loudest ally, "
            "attacking his rival with a simple message: “Do not screw this up!”\n")
    assert speaker_name(a, quote(a, "Do not screw")) == "Ostrova"


def test_noun_phrase_subject_with_place_after_inside():
    """Pattern: One aide inside City Hall tried to play it down, saying it was “…”."""
    a = run("Hall\n\nOmar Bell spoke on Monday.\n\nOne aide inside City Hall tried to play down Bell's "
            "remarks, saying they were “not a big deal around here.”\n")
    assert mention_text(a, quote(a, "not a big deal")) == "One aide inside City Hall"


def test_parenthetical_attribution_after_another_cue_reports_the_quote():
    """Pattern: Cost estimates, he added, were “…” / He sincerely believes, he said, that “…”."""
    a = run("Budget\n\nOmar Bell spoke first. Cost estimates, he added, were “based on a rough "
            "prototype.”\n")
    q = quote(a, "based on a rough")
    assert mention_text(a, q) == "he"
    assert speaker_name(a, q) == "Omar Bell"


def test_coordinated_clause_with_colon_lead_takes_its_subject():
    """Pattern: X said Y was “…,” but he gave Z a compliment: “…” -> he."""
    a = run("Senate\n\nOmar Bell said the bill was “a mess,” but he gave its author a back-handed "
            "compliment: “At least she reads the briefs.”\n")
    assert mention_text(a, quote(a, "At least she reads")) == "he"
def test_cue_of_a_new_sentence_running_into_the_next_quote():
    """Pattern: “…,” Roe said. “….” Perhaps, he said, this “…”: the second quote stays Roe's; the
    parenthetical cue after it belongs to the sentence that runs on into the third quote."""
    a = run("Town\n\n“We are a quiet place,” said Ann Roe, a baker. “Nobody locks a door here.” "
            "Perhaps, she said, the town “has grown too fast.”\n")
    q = quote(a, "Nobody locks")
    assert mention_text(a, q) == "Ann Roe"
    a = run("Senate\n\n“It was a bad deal,” the senator said. “It shows poor judgment.” Roe said both "
            "men were “out of their depth.”\n")
    assert mention_text(a, quote(a, "poor judgment")) == "the senator"


def test_cue_ending_in_a_colon_after_a_quote_introduces_the_next_one():
    """Pattern: “…,” Roe said. “….” She went on to say: ⏎ “…”"""
    a = run("Money\n\n“It will cost a lot,” Ann Roe said. “It is what I am up against.” She went on "
            "to say:\n\n“None of them will help.”\n")
    assert mention_text(a, quote(a, "what I am up against")) == "Ann Roe"


def test_clause_subject_after_a_semicolon():
    """Pattern: When X …, he studied under Y; Y's rule (repeated to me often) was, “…”: the
    clause after the semicolon has its own subject."""
    a = run("School\n\nWhen Tom Wexler was at college, he studied under Ann Roe, the famous "
            "reporter; Roe’s rule for her students (repeated to me over the years) was, “Check it "
            "twice.”\n")
    q = quote(a, "Check it twice")
    assert speaker_name(a, q) == "Ann Roe"


def test_one_capitalised_word_before_said_after_a_quote_is_a_name():
    """Pattern: “…,” From said. A surname that is also a word of the lexicon still speaks when it
    stands alone between the quote and the verb."""
    a = run("Party\n\nAl From founded the council in 1985. “We had to win back the middle,” From said.\n")
    q = quote(a, "win back the middle")
    assert mention_text(a, q) == "From"


def test_closing_attribution_with_apposition_and_an_adjunct_after_the_verb():
    """Pattern: “…?’” Roe, the chairman for the county, said of the meeting he had with X …: the
    words after the verb are an adjunct, not reported content."""
    a = run("Loudoun\n\nLocal leaders say the visits were long. \"He just stopped and said, 'How do we "
            "win here?'\" Tom Wexler, the chairman for the county, said of the meeting he had last "
            "week with the candidate on the sidelines of a rally.\n")
    q = quote(a, "He just stopped")
    assert speaker_name(a, q) == "Tom Wexler"


def test_closing_attribution_with_a_long_apposition():
    """Pattern: “…,” Roe, the party's frontrunner nationally and … after winning …, said when X
    asked him: a name set off by a comma, then the verb after a comma."""
    a = run("Praise\n\n“Very good reporter, very good reporter this guy,” Wexler, the party’s "
            "frontrunner nationally and the current polling leader in the state by a wide margin after "
            "winning the first primaries, said when Ann Roe asked him a question.\n")
    q = quote(a, "Very good reporter")
    assert q.rule == "quote_then_cue"
    assert mention_text(a, q) == "Wexler"


def test_colon_sentence_subject_after_an_introductory_phrase():
    """Pattern: In the hours after …, in Salem, Ore., a familiar voice celebrated it online: “…”
    / Ever since X announced …, he's said the same thing: “…”: the subject after the opening
    phrase, not a name inside it."""
    a = run("Feed\n\nIn the hours after the fire in Salem, Ore., the mayor thanked the crews on "
            "the radio: “You saved our town.”\n")
    assert mention_text(a, quote(a, "You saved our town")) == "the mayor"
    a = run("Unity\n\nEver since Tom Wexler announced his run last year, he’s said the same thing at "
            "every stop: “It is about all of us.”\n")
    q = quote(a, "about all of us")
    assert mention_text(a, q) == "he"


def test_now_between_subject_and_verb():
    """Pattern: “…,” it now says: "now" is when, not who."""
    a = run("Site\n\nOn his website, Tom Wexler has changed his tone. “This is your town,” it now says, "
            "over a picture of the harbour.\n")
    assert mention_text(a, quote(a, "This is your town")) == "it"


def test_noun_phrase_subject_with_a_prepositional_phrase():
    """Pattern: A footnote in the report makes that clear: “…”: the subject noun phrase runs over
    its prepositional phrase (no name of the sentence is the speaker)."""
    a = run("Mail\n\nTom Wexler cited the audit, but it covered the mail of clerks only. A footnote "
            "in the audit makes that clear: “These findings do not apply to the Mayor.”\n")
    q = quote(a, "These findings")
    assert mention_text(a, q).startswith("A footnote")


def test_participle_takes_a_noun_phrase_subject_over_a_name_in_the_predicate():
    """Pattern: The magazine has been outspoken in its opposition to X, arguing he is “…”: the
    noun phrase opening the clause, not the name after "to"."""
    a = run("Debate\n\nThe conservative magazine has been outspoken in its opposition to Tom Wexler, "
            "arguing he is “an opportunist who would trash the party.”\n")
    q = quote(a, "an opportunist")
    assert mention_text(a, q) == "The conservative magazine"


def test_outer_source_after_a_question_quote():
    """Pattern: “…?” Roe said at a press conference, according to the Daily Sun: the outer source,
    as after a quote ending in a comma."""
    a = run("Forum\n\n“Is this a priority for them, or is it an election year?” Ann Roe said at a press "
            "conference, according to the Daily Sun.\n")
    q = quote(a, "Is this a priority")
    assert mention_text(a, q) == "the Daily Sun"


def test_inverted_speaker_after_a_party_label_and_role_words():
    """Pattern: “…,” said undecided Republican voter Jane Roe of Derry: a party label inside the
    lower-case role words before the name."""
    a = run("Voters\n\n“I don’t know where he stands on that,” said undecided Republican voter Ann Roe "
            "of Derry, before a “No-Nonsense” barbecue hosted by Tom Wexler.\n")
    q = quote(a, "where he stands")
    assert q.rule == "quote_then_cue"
    assert speaker_name(a, q) == "Ann Roe"


def test_quotation_paragraph_after_reports_continues_the_first_reporter():
    """Pattern: The council issued a statement …, which included staff members suggesting … ⏎
    “…”: the paragraph's first reporter, not a report embedded in it."""
    a = run("Apology\n\nOn Monday, the council issued a statement apologizing to Ann Roe for the "
            "emails, which included staff members suggesting someone should question her faith.\n\n"
            "“On behalf of everyone here, we offer a deep and sincere apology to Ms. Roe.”\n")
    q = quote(a, "On behalf of everyone")
    assert mention_text(a, q) == "the council"


def test_quoted_titles_listed_together_are_terms():
    """Pattern: “Title One,” “Title Two” and “Title Three”: capitalised quotations listed together
    are titles, even when a verb of the sentence could take them; a nickname led by an honorific
    and quotations that are not runs of capitalised words stay quotations."""
    a = run("Films\n\nRuth Gale, who added roles in “The Long Harbor,” “Night Train 9” and “Winter "
            "Comes to Paris,” said she was done.\n")
    for title in ("The Long Harbor", "Night Train 9", "Winter Comes to Paris"):
        assert not any(title in q.span.of(a.article.text) for q in a.quotes)
        assert any(title in t.span.of(a.article.text) for t in a.terms)
    a = run("Names\n\nTom Wexler called the mayor “Miss Pothole” and “Miss Detour” at the rally.\n")
    assert texts(a) == ["Miss Pothole", "Miss Detour"]
    a = run("Rally\n\nThe crowd chanted “Build the bridge” and “Fix the roads.”\n")
    assert texts(a) == ["Build the bridge", "Fix the roads."]


def test_pull_quote_with_its_attribution_line_inside_the_marks():
    """Pattern: "…text. ⏎ Name, organisation." as one quotation paragraph: the last line names the
    speaker (a role before the name stays out of the mention); a last line that is a sentence
    does not."""
    a = run("Debt\n\nThe tone of the debate has changed.\n\n"
            "\"We may see a return of the old arguments about budgets.\n"
            "Ann Roe, Center for Fiscal Studies.\"\n\n"
            "\"The party should stay in the fight until the end.\n"
            "Former council president Tom Wexler.\"\n\n"
            "\"It was late.\nWe went home.\"\n")
    assert speaker_name(a, quote(a, "old arguments")) == "Ann Roe"
    assert speaker_name(a, quote(a, "stay in the fight")) == "Tom Wexler"
    assert quote(a, "It was late").rule != "trailing_dash"


def test_heading_in_capitals_between_paragraphs_is_a_term():
    """Pattern: a quotation paragraph all in capitals is a heading of the story, no one's words."""
    a = run("Talks\n\nThe mayor spoke on Monday about the budget.\n\n“TOO LITTLE, TOO LATE”\n\n"
            "The council will vote next week.\n")
    assert texts(a) == []
    assert [t.reason for t in a.terms] == ["heading"]


def test_label_ending_in_a_colon_is_a_term():
    """Pattern: “Related:” alone in a paragraph, before a list of links: a label."""
    a = run("Vote\n\n“We can go higher,” the mayor said.\n\n\"Related:\"\n\n"
            "Council Rejects The Wage Plan.\n")
    assert texts(a) == ["We can go higher,"]
    assert [t.reason for t in a.terms] == ["heading"]


def test_headline_with_a_quoted_title_and_a_byline_is_a_term():
    """Pattern: “‘Title’ moves to Boston,” by Jan Roe / “Roe leaves ‘Title,’” by Jan Roe: a headline
    whose first or last words are a title in single marks is still a headline."""
    a = run("Reads\n\n—\"‘Harbor Lights’ to play Boston next fall,\" by Ruth Gale. \"The show "
            "goes on,\" said Tom Wexler.\n\nSTAGE—\"Ann Roe is leaving ‘Harbor Lights,'\" by Ruth Gale.\n")
    assert texts(a) == ["The show goes on,"]


def test_object_of_led_or_prompted_speaks_the_infinitive():
    """Pattern: X was retweeted, leading aides like Y to counter that “…”: the object of "led",
    "prompted", "forced" before "to" and a speech verb is its speaker, not the clause subject."""
    a = run("Fight\n\nHis post drew wide notice on Monday, prompting council members like Ann Roe to "
            "counter that “every cent of it went to the roads.”\n")
    q = quote(a, "every cent")
    assert mention_text(a, q) == "council members like Ann Roe"
    a = run("Win\n\nTom Wexler dealt a blow to his rival with a strong win that led Ruth Gale to "
            "declare that the seat was “in sight.”\n")
    assert mention_text(a, quote(a, "in sight")) == "Ruth Gale"
    a = run("Win\n\nRuth Gale dealt a blow to her rival with a strong win that led her to declare "
            "that the seat was “in sight.”\n")
    q = quote(a, "in sight")
    assert mention_text(a, q) == "her"
    assert speaker_name(a, q) == "Ruth Gale"  # the object pronoun stands for the subject
    a = run("Rep\n\nTom Wexler is known as a nice guy. The meanest he ever got was to label as "
            "“OLD NEWS” a story borrowed from another paper.\n")
    assert mention_text(a, quote(a, "OLD NEWS")) != "was"


def test_words_running_on_after_a_fragment_are_no_closing_attribution():
    """Pattern: the “…” phrase Roe cited / a “…” because some members did not agree: a fragment
    that does not end its clause is not attributed by a cue in the words running on after it;
    "a “…” job, he said" still is."""
    a = run("Deal\n\nThe plan is really a “pre-deal” because some members did not agree.\n\n"
            "The “fair share” phrase Roe cited on Monday has appeared in her speeches.\n\n"
            "Those who borrow still struggle, even with a “good” job, he said.\n")
    assert texts(a) == ["good"]
    assert mention_text(a, quote(a, "good")) == "he"


def test_name_modifying_a_noun_after_a_is_no_clause_subject():
    """Pattern: Four hours earlier, a Roe campaign memo was released …, stating that “…”: "Roe"
    names the memo, the subject is the memo, not the person."""
    a = run("Vote\n\nAnn Wexler lost the primary by a wide margin.\n\nFour hours earlier, a Wexler "
            "campaign memo was released as the polls closed stating that the loss was “long "
            "anticipated.”\n")
    assert mention_text(a, quote(a, "long anticipated")) == "a Wexler campaign memo"


def test_passive_cue_without_agent_yields_to_a_later_cue():
    """Pattern: Roe, who called X after the winner was declared, told … “…”: a passive speech
    verb with no "by" names no speaker."""
    a = run("Primary\n\nAnn Roe, who phoned her rival soon after the winner was announced, told the "
            "crowd, “We will be back in the fall.”\n")
    q = quote(a, "We will be back")
    assert speaker_name(a, q) == "Ann Roe"
    assert mention_text(a, q) != "the winner"


def test_quantifier_alone_as_the_subject_of_a_cue():
    """Pattern: Most said they were “…” / Some chanted “…”: a quantifier standing for people."""
    a = run("Poll\n\nVoters in Ohio were anxious about jobs; most said they were “deeply worried.” "
            "At the rally, some chanted “Four more years!”\n")
    assert mention_text(a, quote(a, "deeply worried")) == "most"
    assert mention_text(a, quote(a, "Four more years")) == "some"


def test_phrase_with_a_finite_verb_is_no_subject_of_a_noun_cue():
    """Pattern: This view was echoed in another question …, to which 21 percent said “…”: a
    phrase holding "was" is a clause, not the subject of a cue word after it."""
    a = run("Poll\n\nThis mood was echoed in another question that asked voters how likely Roe was "
            "to win, to which 31 percent said “not very likely.”\n")
    assert mention_text(a, quote(a, "not very likely")) == "31 percent"


def test_speak_without_about_is_no_cue_for_the_quote():
    """Pattern: As Roe spoke, the union was lobbying against “…”: "spoke" says that someone
    spoke, not what; "spoke about" still reports."""
    a = run("Vote\n\nAs Ann Roe spoke, the union was already lobbying against “any new rules.”\n")
    assert all(mention_text(a, q) != "Ann Roe" for q in a.quotes)
    b = run("Vote\n\nAnn Roe spoke about “a fair deal for workers.”\n")
    assert mention_text(b, quote(b, "a fair deal")) == "Ann Roe"


def test_according_to_before_a_report_is_the_outer_source():
    """Pattern: …, because, according to Roe, the press would call him a “…”: the source of
    "according to" reports the clause after it."""
    a = run("Debate\n\nThe senator went to the first debate, and she will go to the next one, because, "
            "according to Ann Roe, the media would call her a “coward” if she did not.\n")
    assert mention_text(a, quote(a, "coward")) == "Ann Roe"


def test_and_between_capitalised_words_joins_names_not_clauses():
    """Pattern: Roe, while being interviewed on Fox and Friends Monday, called for “…”: "and"
    inside a name does not open a clause whose subject would be "Friends Monday"."""
    a = run("Attack\n\nAnn Roe, while being interviewed on Fox and Friends Monday morning, called "
            "again for the governor to resign over “reckless spending.”\n")
    assert mention_text(a, quote(a, "reckless spending")) == "Ann Roe"


def test_closed_adverbial_clause_after_that_does_not_report_the_quote():
    """Pattern: Roe said that when Bell railed against X, “…”: the verb of the "when" clause
    does not report what follows its comma; the outer reporter does."""
    a = run("Rally\n\nAnn Roe said that when Omar Bell railed against the banks from the Senate "
            "floor, “he was speaking for all of us.”\n")
    assert mention_text(a, quote(a, "speaking for all")) == "Ann Roe"


def test_begin_without_by_is_no_cue():
    """Pattern: Its first salvo began with a Web ad, “…,” in which children …: "began" reports
    speech only as "began by saying" or before a colon or a quote."""
    a = run("Ads\n\nThe effort is starting slowly. Its first salvo began with a Web ad, “Playing "
            "Roe,” in which children knock over a dollhouse.\n")
    assert all(mention_text(a, q) != "Its first salvo" for q in a.quotes)
    b = run("Town hall\n\nThe governor began by saying that the roads are “a disgrace.”\n")
    assert mention_text(b, quote(b, "a disgrace")) == "The governor"


def test_number_phrase_opening_a_coordinated_clause_is_its_subject():
    """Pattern: …, to which 31 percent said “…” and 12 percent said “…”: the second quote is
    the second share's."""
    a = run("Poll\n\nVoters were asked how likely Roe was to win, to which 31 percent said “not very "
            "likely” and 12 percent said “not likely at all.”\n")
    assert mention_text(a, quote(a, "not likely at all")) == "12 percent"


def test_though_clause_leading_into_a_quote_reports_it():
    """Pattern: “…,” Roe said on CNN, though she said, “…”: the comma after the verb of a
    mid-sentence "though" clause leads into the quote; the clause's own subject speaks."""
    a = run("Race\n\n“I am just not ready to do that,” Ann Roe said last week on CNN, though she "
            "said, “I hope to.”\n")
    assert mention_text(a, quote(a, "I hope to")) == "she"


def test_sign_or_hat_carries_the_words_it_reads():
    """Pattern: Roe held up a sign saying “…” / wore a campaign hat reading “…”: the sign is the
    source, not its bearer; "according to X" before it still wins."""
    a = run("Rally\n\nAnn Roe held up a sign saying “Teachers Against Cuts.” She is a teacher.\n")
    assert mention_text(a, quote(a, "Teachers Against")) == "a sign"
    b = run("Rally\n\nAccording to The Ledger, the men were wearing shirts that read “Vote Roe.”\n")
    assert mention_text(b, quote(b, "Vote Roe")) != "the men"


def test_phrasal_verbs_that_say_nothing_are_no_cues():
    """Pattern: Roe, 35, showed up in the “brown beret” gear …; feel free to “vote your
    conscience”: "showed up", "feel free", "called off" report no words."""
    a = run("Rally\n\nOne voter, Ann Roe, 35, showed up in the “brown beret” gear of a student group.\n")
    assert all(mention_text(a, q) != "Ann Roe" for q in a.quotes)


def test_cue_word_after_a_number_word_is_a_noun():
    """Pattern: Roe went further, endorsing eight state candidates “who …”: "state" after a
    number word is a noun, as after digits."""
    a = run("Endorsements\n\nOn Tuesday, Ann Roe went further, endorsing eight state legislative "
            "candidates “who share our values.”\n")
    assert all("endorsing" not in (mention_text(a, q) or "") for q in a.quotes)


def test_quotation_dated_by_a_year_in_parentheses_is_a_label():
    """Pattern: “Slogan” (2009) — “Slogan” (town council poster, 2012): posters, captions and
    titles shown with their year are labels, not words spoken in the story; a year inside the
    sentence that follows a quotation is not."""
    a = run("Posters\n\nThe party has long relied on blunt campaign posters.\n\n"
            "“Keep our valley green” (2009) — “No more towers!” (town council poster, 2012).\n\n"
            "“We will not back down,” Ann Gale said (she was elected in 2014).\n")
    assert texts(a) == ["We will not back down,"]
    assert {t.reason for t in a.terms} == {"label"}


def test_title_before_a_role_in_the_show_and_a_name_is_a_term():
    """Pattern: “Show Title” star Jo Roe opened up about …: the quoted words name the show the
    person plays in, even with a lower-case word inside the title."""
    a = run("Stars\n\nLast year, “Life on the Farm” star Jo Roe opened up about her early roles.\n\n"
            "“Nobody called back,” Roe said.\n")
    assert texts(a) == ["Nobody called back,"]
    assert [t.reason for t in a.terms] == ["title"]


def test_from_the_document_lead_names_the_source_of_the_excerpt():
    """Pattern: From the report: “…”: a newsletter's lead before a colon names the document the
    excerpt comes from."""
    a = run("Polls\n\nNot all online panels are alike. From the report: “Samples with more "
            "elaborate weighting do better on most measures.”\n")
    assert mention_text(a, quote(a, "Samples with more")) == "the report"


def test_closing_mark_glued_to_the_next_sentence_still_ends_it():
    """Pattern: “…,” he wrote. “… voters!”After the rally, Ann Gale said …: a closing mark with no
    space before the next sentence still ends the quote's sentence, so the next sentence's speaker
    does not claim it."""
    a = run("Posts\n\n“The crowd was huge,” he wrote on Monday. “Nobody has seen anything like it!”"
            "After the rally, Ann Gale said the count was far lower.\n")
    assert mention_text(a, quote(a, "Nobody has seen")) == "he"


def test_speaker_phrase_does_not_run_into_the_next_sentence():
    """Pattern: …, according to Democratic officials. Roe, the senator …: a speaker phrase grown
    from a label stops at the end of its sentence."""
    a = run("Suit\n\nThe campaign will join the lawsuit after it is filed on Friday, according to "
            "Democratic officials. Roe, the senator from Ohio, is also joining it.\n")
    assert [speaker_name(a, q) for q in a.quotes] == ["Democratic officials"]


def test_crowd_that_chanted_takes_the_chant_from_the_earlier_speaker():
    """Pattern: He said, “…” - at which point the crowd chanted “…”: a chant belongs to those who
    chant it, not to the speaker of the earlier quote of the sentence."""
    a = run("Rally\n\nThe sheriff took the stage. He said, “We will finish the fence” - at which "
            "point the crowd chanted “Finish the fence!” - “and keep our towns safe.”\n")
    assert mention_text(a, quote(a, "Finish the fence!")) == "the crowd"
    assert mention_text(a, quote(a, "keep our towns safe")) == "He"


def test_message_that_said_is_the_source_of_its_words():
    """Pattern: … was replaced by a message that said, “…”: a message, note or card carries its
    words, as a sign does."""
    a = run("Auction\n\nThe listing drew many views. By noon it was replaced by a message that said, "
            "“Sorry, this item can no longer be found.”\n")
    assert mention_text(a, quote(a, "Sorry, this item")) == "a message"


def test_chant_belongs_to_the_crowd_named_before_it():
    """Pattern: Roe roused the crowd to chants of “…” / where about 40 pickets had gathered,
    chanting “…”: a chant is the words of the crowd named before it in the sentence, not of the
    speaker who stirred it nor of another subject of the sentence."""
    a = run("Rally\n\nThe governor roused the crowd to loud chants of “Send her home!”\n")
    assert mention_text(a, quote(a, "Send her home")) == "the crowd"
    b = run("Strike\n\nThe hotel stood empty near the Ocean Casino, where about 40 protesters had "
            "gathered on Monday, chanting “no deal, no work.”\n")
    assert "protesters" in mention_text(b, quote(b, "no deal, no work"))
