"""The speaker a reader sees is a clean name: no labels, possessives, places or stray words."""

from __future__ import annotations

from engine_helpers import mention_text, quote, run, speaker_name


def speaker_of(text: str, needle: str):
    a = run(text)
    q = quote(a, needle)
    return a.speaker(q.speaker_id), mention_text(a, q)


def test_pronoun_never_stands_for_a_place():
    s, mention = speaker_of(
        "Climate\n\nBarack Obama flew to Honolulu on Wednesday.\n\n"
        "In Honolulu, he spoke to leaders from South Asia. “The oceans are rising,” he said.\n",
        "oceans are rising")
    assert mention == "he"
    assert (s.name, s.kind) == ("Barack Obama", "person")


def test_pronoun_skips_a_place_named_by_its_place_word():
    s, _ = speaker_of(
        "Climate\n\nBarack Obama flew to Midway Atoll on Thursday.\n\n"
        "Midway Atoll is remote. “The oceans are rising,” he said.\n", "oceans are rising")
    assert s.name == "Barack Obama"


def test_epithet_is_not_part_of_the_name_nor_the_role():
    s, mention = speaker_of("Race\n\nCrooked Hillary Clinton said: “We will win in November.”\n",
                            "We will win")
    assert mention == "Crooked Hillary Clinton"  # the mention is the text as written
    assert (s.name, s.role) == ("Hillary Clinton", None)


def test_party_label_moves_to_the_role():
    s, _ = speaker_of("Race\n\nDemocrat Hillary Clinton said: “We will win in November.”\n", "We will win")
    assert (s.name, s.role) == ("Hillary Clinton", "Democrat")


def test_time_label_stays_in_the_role():
    s, _ = speaker_of("Race\n\nFormer Gov. Ed Rendell said: “Pennsylvania is in play.”\n", "in play")
    assert s.name == "Ed Rendell"
    assert s.role is not None and s.role.startswith("Former")


def test_possessive_outlet_moves_to_the_role():
    s, _ = speaker_of("Polls\n\nNBC’s Dante Chinni said: “The map is changing.”\n", "map is changing")
    assert (s.name, s.role) == ("Dante Chinni", "NBC")


def test_of_place_after_a_name_moves_to_the_role():
    s, _ = speaker_of("Coal\n\nGov. Earl Ray Tomblin of West Virginia said: “Coal is our future.”\n",
                      "Coal is our")
    assert s.name == "Earl Ray Tomblin"
    assert s.role == "Gov. of West Virginia"


def test_plural_title_is_each_persons_own():
    s, _ = speaker_of("Senate\n\nSens. Jon Tester said: “The bill is dead.”\n", "bill is dead")
    assert (s.name, s.role) == ("Jon Tester", "Sen.")


def test_honorific_alone_is_the_name_after_it():
    s, mention = speaker_of("Economy\n\n“The plant will close,” said Mr. Burman, the owner.\n", "plant will close")
    assert s.name == "Burman"
    assert mention == "Burman"


def test_sentence_initial_common_word_is_an_unnamed_group():
    s, _ = speaker_of("Race\n\nThe polls have tightened since August.\n\n"
                      "Polls said “a dead heat” was likely by October.\n", "dead heat")
    assert s.kind == "unnamed"
    assert s.name.lower() == "polls"


def test_a_country_that_speaks_is_an_organisation():
    s, _ = speaker_of("Trade\n\nMexico said the tariffs were “an act of aggression” on Friday.\n",
                      "act of aggression")
    assert (s.name, s.kind) == ("Mexico", "organisation")


def test_sentence_initial_adverb_is_no_speaker():
    s, mention = speaker_of("Race\n\nMary Holt arrived late.\n\nOnce, she said, “we marched all night.”\n",
                            "marched all night")
    assert s.name == "Mary Holt"
    assert mention == "she"


def test_pronoun_skips_a_place_known_from_a_dateline():
    s, _ = speaker_of(
        "Climate\n\nMIDWAY ATOLL - A naval battle changed the war here. Last week, President Obama "
        "flew here.\n\nThe battle of Midway Atoll was fought at sea. Midway is home to seals.\n\n"
        "For his part, Mr. Obama said he planned to stay active. During his tour of the wildlife on "
        "Midway, he paused to make a remark.\n\n“My hope,” he said, “is to return.”\n", "My hope")
    assert s.name == "Obama"


def test_pronoun_skips_a_one_off_capitalised_word_opening_the_sentence():
    a = run("Islands\n\nPresident Barack Obama met island leaders in Honolulu.\n\n"
            "Crops are withering on the atolls, he noted.\n")
    reported = [q for q in a.quotes if q.kind == "indirect"]
    assert reported, "the reported speech is found"
    assert a.speaker(reported[0].speaker_id).name == "Barack Obama"


def test_a_comment_after_a_dash_is_not_a_speaker():
    a = run("Rules\n\nAnother critic, Laura Tribe, likened the rules to “burning the Constitution” - "
            "a charge that stung.\n")
    assert all(a.speaker(q.speaker_id) is None or a.speaker(q.speaker_id).name != "a charge"
               for q in a.quotes)


def test_a_role_after_a_dash_is_a_speaker():
    s, _ = speaker_of("Fire\n\n“Nobody was hurt.” - a police spokesman\n", "Nobody was hurt")
    assert s is not None and "spokesman" in s.name


def test_pronoun_skips_words_capitalised_only_by_the_sentence():
    """A one-word "name" that only ever opens a sentence ("Smiling at the cameras, he …") is not
    the person a pronoun stands for."""
    a = run("Vote\n\nTom Reed spoke to the crowd on Monday night.\n\nSmiling at the cameras, he said the vote "
            "would come soon. “We are ready,” he said.\n")
    q = quote(a, "We are ready")
    assert speaker_name(a, q) == "Tom Reed"


def test_pronoun_skips_names_of_things_and_events():
    """"Super Tuesday", "Grand Tower": a name ending with a word for a thing or an event is not
    the person a pronoun stands for."""
    a = run("Vote\n\nMs. Ann Holt spoke to voters in the morning.\n\nAfter Super Tuesday, she said the race "
            "was not over. “We keep going,” she said.\n")
    q = quote(a, "We keep going")
    assert speaker_name(a, q) == "Ann Holt"


def test_pronoun_continues_the_chain_of_a_speaking_pronoun():
    """"“…,” he said, blaming Mr. Roe. ⏎ “…,” he said.": the second "he" is the first one's
    speaker, not the man named after it."""
    a = run("Plant\n\nTom Reed spoke on Monday.\n\n“We will win,” he said, blaming Mr. Dan Roe for the delay.\n\n"
            "“The plan works,” he said.\n")
    q = quote(a, "The plan works")
    assert speaker_name(a, q) == "Tom Reed"


def test_pronoun_skips_the_object_of_a_preposition_in_its_clause():
    """"Of the fuss over Dan Dale, he said …": the name after a preposition in the pronoun's own
    clause is someone else."""
    a = run("Talk\n\nTom Reed spoke on Monday.\n\nOf the fuss over Dan Dale, he said, “It's a little much.”\n")
    q = quote(a, "a little much")
    assert speaker_name(a, q) == "Tom Reed"


def test_name_after_a_preposition_is_no_speech_verb_subject():
    """"Ann Rawl, who watched it on the Mall, said …": "the Mall" is not the subject of "said",
    so a later "she" stands for Ann Rawl."""
    a = run("Museum\n\nVisitors came to the Grand Mall on Saturday.\n\nAnn Rawl, 59, of Ashton, who watched the "
            "ceremony on a screen on the Mall, said the event moved her.\n\nShe said she had toured it. "
            "Many were older, she said, and “I had to step back.”\n")
    q = quote(a, "I had to step back")
    assert speaker_name(a, q) == "Ann Rawl"


FAMILY = ("Campaign\n\nDonald Trump spoke in Ohio on Monday. “We will win,” Trump said.\n\n"
          "Melania Trump appeared with him. “He is a good man,” Melania Trump said.\n\n"
          "Bill Clinton campaigned in Iowa. Hillary Clinton spoke in Nevada, where Mrs. Clinton "
          "said: “We are stronger together.”\n\n"
          "“Trump is unfit,” Clinton said later. “I agree,” Bill Clinton said.\n")


def test_family_members_are_different_speakers():
    a = run(FAMILY)
    by_quote = {needle: a.speaker(quote(a, needle).speaker_id).name
                for needle in ("We will win", "good man", "stronger together", "unfit", "I agree")}
    assert by_quote == {"We will win": "Donald Trump", "good man": "Melania Trump",
                        "stronger together": "Hillary Clinton", "unfit": "Hillary Clinton",
                        "I agree": "Bill Clinton"}


def test_a_surname_alone_and_a_pronoun_find_the_family_member_of_that_gender():
    a = run("Health\n\nHillary Clinton was in Iowa. Bill Clinton spoke in Ohio on Monday, and Bill "
            "Clinton met voters.\n\nLater Clinton took questions. “The plan is crazy,” he said.\n")
    assert a.speaker(quote(a, "plan is crazy").speaker_id).name == "Bill Clinton"


def test_a_first_name_tells_the_gender():
    a = run("Vote\n\nMelania Price met Tom Reed on Monday.\n\n“It went well,” she said.\n")
    assert a.speaker(quote(a, "It went well").speaker_id).name == "Melania Price"


def test_the_end_of_a_longer_name_is_that_name():
    a = run("Visit\n\nAung San Suu Kyi arrived in Washington. Suu Kyi met officials, and Suu Kyi "
            "said: “Sanctions should end.”\n")
    assert a.speaker(quote(a, "Sanctions should end").speaker_id).name == "Aung San Suu Kyi"


def test_a_word_opening_a_sentence_is_no_first_name():
    a = run("Race\n\nHillary Clinton spoke in Ohio. Injecting Clinton’s record into the race is risky, "
            "aides said. “We will win,” Clinton said.\n")
    assert a.speaker(quote(a, "We will win").speaker_id).name == "Hillary Clinton"


def test_a_headline_word_before_a_first_name_is_not_a_relative():
    a = run("Hold Melania Trump to her husband's standards\n\nSeveral weeks ago, Donald Trump said "
            "the questions were answered. Everything Trump says is “a lie,” the writer said.\n")
    names = {s.name for s in a.speakers} | {p.name for p in a.people}
    assert "Hold Melania Trump" not in names


def test_a_first_name_that_also_stands_alone_stays_in_the_full_name():
    a = run("Race\n\nSupporters cheered for Hillary all day. Later Hillary Rodham Clinton spoke in Ohio, and "
            "aides listened. “We will win,” Clinton said.\n")
    assert a.speaker(quote(a, "We will win").speaker_id).name == "Hillary Rodham Clinton"


def test_a_surname_alone_far_from_full_names_is_the_one_named_most():
    filler = "The crowd waited in the rain for an hour. " * 12
    a = run("Race\n\nThe Week in Review: Billionaire Donald Trump Wins\n\nDonald Trump spoke in Ohio. "
            "Donald Trump met donors. Melania Trump was in New York.\n\n" + filler +
            "\n\n“We will win,” Trump said.\n")
    assert a.speaker(quote(a, "We will win").speaker_id).name == "Donald Trump"


def test_adverb_after_a_noun_phrase_speaker_is_not_part_of_its_name():
    """Pattern: A city official later walked back …, saying …: the speaker is "A city official",
    not "A city official later"."""
    a = run("Walk\n\nA city official later walked back the comments, saying that the mayor "
            "“did not mean it.”\n")
    q = quote(a, "did not mean it")
    assert speaker_name(a, q) == "A city official"


def test_name_after_a_possessive_is_not_a_pronoun_antecedent():
    """Pattern: Jo Roe posted on her Facebook …: “…,” she wrote: a name owned by someone ("her
    Facebook", "his Twitter") is a thing, not the person a later "she" stands for."""
    a = run("Posts\n\nThe actress Jo Roe posted a long note on her Facebook about the wedding: "
            "“Men, you will not vanish by taking a wife's name,” she wrote.\n")
    assert speaker_name(a, quote(a, "Men, you will not")) == "Jo Roe"


def test_one_before_a_noun_names_the_noun():
    """Pattern: One attendee, who …, said …; One tweet said: “…”: "One" or "Another" before a
    plain noun is that noun, not the bare number word; "Another notes her …" stays "Another"."""
    a = run("Meeting\n\nOne attendee, who asked not to be named, said the message was that “we "
            "have to win this.”\n")
    assert speaker_name(a, quote(a, "we have to win")) == "One attendee"
    b = run("Notes\n\nAnother notes her first job after school was “hard but worth it.”\n")
    assert speaker_name(b, quote(b, "hard but worth")) == "Another"


def test_name_never_starts_with_of_after_a_title():
    """Pattern: said Representative Jo T. Roe of Ohio / Director of National Parks Ann Gale said:
    a title word inside a name ("Roe" is no title, "King" may be) or a title with "of" does not
    leave "of Ohio" as the speaker's name."""
    a = run("Race\n\n“It will be hard for him,” said Representative Peter T. King of Ohio, who "
            "backs the governor.\n")
    assert speaker_name(a, quote(a, "It will be hard")) == "Peter T. King"
    b = run("Parks\n\nDirector of National Parks Ann Gale said the plan was “a good start.”\n")
    assert speaker_name(b, quote(b, "a good start")) == "Ann Gale"


def test_possessive_cut_from_its_noun_names_the_possessor():
    """Pattern: The Ohio senator’s answer was that “…”: a speaker phrase that ends with a
    possessive (its noun cut off) names the possessor, without the "’s"."""
    a = run("Debate\n\nRoe was asked about the cost of the plan. The Ohio senator’s answer was "
            "that “the budget is already stretched thin.”\n")
    assert speaker_name(a, quote(a, "the budget is already")) == "The Ohio senator"


def test_it_as_a_source_stands_for_the_company_or_document_before_it():
    """Pattern: “…,” the company wrote. ⏎ It added, “…” / The Farm Council opposed the rise.
    “…,” it said: "it" stands for the source before it that is no person, or the organisation
    opening the sentence before."""
    a = run("Auction\n\n“Nobody here has met him,” the company wrote in its statement.\n\n"
            "It added, “We want no part in this sale.”\n")
    assert speaker_name(a, quote(a, "We want no part")) == "the company"
    b = run("Tax\n\nStill, the Farm Council of Ontario opposed any rise.\n\n"
            "“Keep the levy where it is,” it said.\n")
    assert speaker_name(b, quote(b, "Keep the levy")) == "Farm Council of Ontario"


def test_they_as_a_source_stands_for_the_group_before_it():
    """Pattern: “…,” the farmers said. ⏎ They added, “…”: "they" stands for the plural or
    organisation source named in its sentence or the one before; not for a group that leans on
    a possessive ("her aides"), and not for one named long before."""
    a = run("Harvest\n\n“The rain came too late,” the wheat farmers said on Monday.\n\n"
            "They added, “We will plant again in spring.”\n")
    assert speaker_name(a, quote(a, "We will plant again")) == "the wheat farmers"
    b = run("Harvest\n\n“The rain came too late,” her aides said on Monday.\n\n"
            "They added, “We will plant again in spring.”\n")
    assert speaker_name(b, quote(b, "We will plant again")) != "her aides"
    c = run("Harvest\n\n“The rain came too late,” the wheat farmers said on Monday.\n\n"
            "The mill closed. The town waited. Nobody came.\n\n"
            "They added, “We will plant again in spring.”\n")
    assert speaker_name(c, quote(c, "We will plant again")) != "the wheat farmers"


def test_it_as_a_source_stands_for_the_document_opening_the_sentence_before():
    """Pattern: The letter lists … At the end it reads, “…”: "it" stands for a document or
    group noun phrase opening its sentence or the one before ("The school letter", "The
    group"), not for one behind a possessive ("Roe's letter")."""
    a = run("Letters\n\nThe school letter lists three meeting dates for parents.\n\n"
            "At the end it reads, “Bring a friend and a folding chair.”\n")
    assert speaker_name(a, quote(a, "Bring a friend")) == "The school letter"
    b = run("Charity\n\nThe group collects coats for children and asks for what it calls "
            "“warm winter kindness” in its leaflets.\n")
    assert speaker_name(b, quote(b, "warm winter kindness")) == "The group"
    c = run("Letters\n\nAda Roe's letter lists three meeting dates for parents.\n\n"
            "At the end it reads, “Bring a friend and a folding chair.”\n")
    assert speaker_name(c, quote(c, "Bring a friend")) != "Ada Roe's letter"


def test_it_and_they_look_back_past_the_sentences_of_a_quotation():
    """Pattern: “…,” the weekly wrote. ⏎ “One. Two. Three.” it added: the sentences inside the
    quotation do not count as the sentence before "it" or "they"."""
    a = run("Bridge\n\n“The bridge must be rebuilt,” the county bulletin wrote on Friday.\n\n"
            "“Work should start soon. Delays cost money. Drivers deserve better,” it added.\n")
    assert speaker_name(a, quote(a, "Work should start")) == "the county bulletin"
    b = run("Bridge\n\n“The bridge must be rebuilt,” the local engineers wrote on Friday.\n\n"
            "“Work should start soon. Delays cost money. Drivers deserve better,” they added.\n")
    assert speaker_name(b, quote(b, "Work should start")) == "the local engineers"


def test_they_as_a_source_stands_for_the_plural_subject_opening_the_sentence():
    """Pattern: Dairy farmers rejected the deal because they called it a “slow death”: a
    plural noun phrase opening its sentence or the one before, as the subject of its verb;
    not a name ending in "s" ("Ada Sanders"), not a phrase behind a possessive."""
    a = run("Milk\n\nDairy farmers rejected the deal on Monday because they called it a "
            "“slow death” for small herds.\n")
    assert speaker_name(a, quote(a, "slow death")) == "Dairy farmers"
    b = run("Milk\n\nAda Sanders met the buyers. Sanders rejected the deal on Monday because "
            "they called it a “slow death” for small herds.\n")
    assert speaker_name(b, quote(b, "slow death")) != "Sanders"
    c = run("Milk\n\nMs. Roe's neighbours rejected the deal on Monday because they called it a "
            "“slow death” for small herds.\n")
    assert "neighbours" not in (speaker_name(c, quote(c, "slow death")) or "")
