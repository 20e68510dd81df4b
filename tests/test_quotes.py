import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.quotes import Quote, extract_quotes, naive_quotes


def quotes(text):
    return [(q.quote, q.speaker) for q in extract_quotes(text, "t")]


def one(text):
    (q,) = extract_quotes(text, "t")
    return q


def test_curly_quote_inverted_order_with_appositive():
    text = (
        "“Trade numbers are up, and the border is busier than it has been in years,” said "
        "Peter Ward, a researcher at a Seoul institute."
    )
    q = one(text)
    assert q.quote.startswith("Trade numbers are up")
    assert (q.speaker, q.cue) == ("Peter Ward", "said")
    assert text[q.start : q.end] == q.quote
    assert q.to_dict()["article_id"] == "t"


def test_straight_quotes_speaker_after_and_pronoun_resolution():
    text = (
        "Lena Varga, a fellow at a Budapest institute, was unconvinced. "
        '"Moscow needs shells, Pyongyang needs cash," she said.'
    )
    assert quotes(text) == [("Moscow needs shells, Pyongyang needs cash,", "Lena Varga")]


def test_guillemets_and_parenthetical_cue():
    text = (
        "Nadia Ferreira, an EU spokesperson, was blunt. The pact, she said, is « a flagrant "
        "breach of the resolutions Moscow itself voted for »."
    )
    assert quotes(text) == [
        ("a flagrant breach of the resolutions Moscow itself voted for", "Nadia Ferreira")
    ]


def test_single_quotes_as_quotation_marks_and_apostrophes_never_open():
    text = (
        "Critics in Seoul, who remember the ’90s, don’t agree. Jones’ staff said the plan "
        "was ‘a recipe for disaster’ and that rock ’n’ roll diplomacy would not help."
    )
    assert quotes(text) == [("a recipe for disaster", "Jones’ staff")]


def test_partial_quote_inside_reported_speech():
    text = "Mr. Ri Song-gil said North Korea would “invariably support” Russia in any conflict."
    q = one(text)
    assert (q.quote, q.speaker, q.cue) == ("invariably support", "Ri Song-gil", "said")


def test_short_attributed_quote_kept_scare_quote_and_title_dropped():
    text = (
        "The envoy arrived aboard his armoured “rolling fortress” of a train. "
        "Seoul called the deal “blackmail” on Friday. "
        "Officials watched the film “Red Dawn” together."
    )
    assert quotes(text) == [("blackmail", "Seoul")]


def test_multi_paragraph_quote_is_one_quote():
    text = (
        "Kim Tae-woo, a former diplomat, laid out his view.\n\n"
        "“The treaty changes the arithmetic on the peninsula.\n\n"
        "“Nobody in Seoul should pretend otherwise,” he said."
    )
    q = one(text)
    assert q.quote.startswith("The treaty changes") and q.quote.endswith("otherwise,")
    assert "\n\n“Nobody" in q.quote
    assert q.speaker == "Kim Tae-woo"


def test_split_quote_gives_two_quotes_same_speaker():
    text = "“We will not be lectured,” Gao Mingyuan said. “Our ties are our own business.”"
    assert quotes(text) == [
        ("We will not be lectured,", "Gao Mingyuan"),
        ("Our ties are our own business.", "Gao Mingyuan"),
    ]


def test_speaker_before_with_colon_lead_in():
    text = "Park Ji-won put it bluntly: “The alliance is a marriage of convenience.”"
    q = one(text)
    assert q.speaker == "Park Ji-won"


def test_colon_without_cue_verb_reports_colon():
    text = "Ana Ruiz was unimpressed by the summit: “Nothing new was agreed at all.”"
    q = one(text)
    assert (q.speaker, q.cue) == ("Ana Ruiz", ":")


def test_according_to_and_honorific_resolution():
    text = (
        "Peter Ward, a researcher, visited Dandong last month. Trade there is “booming "
        "again after two lean years,” according to Mr. Ward."
    )
    q = one(text)
    assert (q.speaker, q.cue) == ("Peter Ward", "according to")


def test_cue_in_next_sentence_and_following_quote_continues_speaker():
    text = (
        "Olga Brandt, who teaches at a Berlin university, has followed the talks.\n\n"
        "“Beijing wants quiet on its border.” She added that trade mattered more.\n\n"
        "“Nobody there wants a war next door.”"
    )
    assert quotes(text) == [
        ("Beijing wants quiet on its border.", "Olga Brandt"),
        ("Nobody there wants a war next door.", "Olga Brandt"),
    ]


@pytest.mark.parametrize(
    "verb",
    [
        "warned",
        "insisted",
        "argued",
        "stressed",
        "declared",
        "claimed",
        "vowed",
        "wrote",
        "posted",
        "noted",
        "replied",
    ],
)
def test_many_cue_verbs(verb):
    text = f"Sergei Lapin {verb} that “the partnership will only grow stronger next year.”"
    q = one(text)
    assert (q.speaker, q.cue) == ("Sergei Lapin", verb)


def test_role_noun_resolves_to_fullest_earlier_name():
    text = (
        "Marta Lind, an analyst at a Stockholm institute, studies the trade. "
        "“The numbers do not lie,” the analyst said."
    )
    assert quotes(text)[0][1] == "Marta Lind"


def test_people_sharing_a_surname_are_kept_apart():
    text = (
        "Kim Jeong-ro, a historian at the CFDOKR foundation, spoke first. Later Kim "
        "Sun-hee, a lawmaker, joined the panel. “The archive is open to all,” said "
        "Mr. Kim of CFDOKR. “We need more money,” Ms. Kim said."
    )
    assert [s for _, s in quotes(text)] == ["Kim Jeong-ro", "Kim Sun-hee"]


def test_organisations_and_media_as_speakers():
    text = (
        "The foreign ministry said the drills were “a reckless provocation.” "
        "KCNA said the two countries were “bound by blood.”"
    )
    assert quotes(text) == [
        ("a reckless provocation.", "The foreign ministry"),
        ("bound by blood.", "KCNA"),
    ]


def test_unnamed_expert_in_broadcast_transcript_is_null():
    text = (
        "ANCHOR: We asked an expert in Seoul for her view.\n\n"
        "One expert told us: “The summit was about artillery shells, not friendship.”"
    )
    assert quotes(text) == [("The summit was about artillery shells, not friendship.", None)]


def test_nested_quote_outer_counts():
    text = (
        "“They keep saying ‘no limits’, but every partnership has limits,” said "
        "Ana Ruiz, a fellow at a Madrid think tank."
    )
    assert quotes(text) == [
        ("They keep saying ‘no limits’, but every partnership has limits,", "Ana Ruiz")
    ]


def test_unclosed_quote_stops_at_paragraph_end():
    text = (
        "Ward said: “The talks will fail, and everyone knows it.\n\n"
        "Trade figures released on Monday showed a small rise. Rail freight doubled."
    )
    q = one(text)
    assert q.quote == "The talks will fail, and everyone knows it."


def test_stray_marks_do_not_crash_or_swallow_text():
    text = 'The 5" shells” arrived. ” Then “ nothing.\n\nLater a new paragraph begins here.'
    for q in extract_quotes(text):
        assert text[q.start : q.end] == q.quote
        assert "\n" not in q.quote


def test_context_is_sentence_before_plus_quote_sentence():
    text = (
        "Trade rose in June. Analysts were surprised. “This is a real shift,” said Lena "
        "Varga. Markets closed higher."
    )
    q = one(text)
    assert q.context == "Analysts were surprised. “This is a real shift,” said Lena Varga."


def test_naive_baseline_pairs_marks_without_speakers():
    text = "He called it “blackmail” and said “we will respond in kind.”"
    result = naive_quotes(text, "n")
    assert [q.quote for q in result] == ["blackmail", "we will respond in kind."]
    assert all(isinstance(q, Quote) and q.speaker is None for q in result)


ALPHABET = st.sampled_from([*list("ab Z.,:\n\"'“”‘’«» "), "said ", "Mr. Kim ", "he ", "\n\n"])


@settings(max_examples=200, deadline=None)
@given(st.lists(ALPHABET, max_size=60).map("".join))
def test_arbitrary_text_never_raises_and_offsets_are_exact(text):
    for q in extract_quotes(text, "h") + naive_quotes(text, "h"):
        assert text[q.start : q.end] == q.quote
        assert q.start <= q.end


# --- speaker resolution ----------------------------------------------------------------------


def test_pronoun_prefers_person_named_in_the_same_paragraph():
    text = (
        "Oleg Marin, a member of the upper house, praised the new rail link.\n\n"
        "In Hanoi, foreign ministry spokesperson Pham Lan said Vietnam was watching closely. "
        "“We support every effort that lowers tension,” she said."
    )
    assert quotes(text) == [("We support every effort that lowers tension,", "Pham Lan")]


def test_honorific_with_gender_picks_the_matching_person_sharing_a_surname():
    text = (
        "Lee Soo-min, a candidate for district head, toured the market on Friday. Her rival, "
        "Lee Jae-sung, stayed at his office, where Mr. Lee met donors.\n\n"
        "Later Ms. Lee was asked whether foreign policy mattered to voters. “Not this year,” "
        "she said."
    )
    assert quotes(text)[0][1] == "Lee Soo-min"


def test_possessive_pronoun_org_takes_the_country_of_the_sentence_before():
    text = (
        "Pyongyang welcomed the vote. Its foreign ministry called the decision “a fair and "
        "principled judgment by true friends.”"
    )
    assert quotes(text)[0][1] == "North Korea's foreign ministry"


def test_the_statement_said_credits_the_body_that_issued_it():
    text = (
        "A statement from the Central Committee of the Laotian Youth Union praised the "
        "exchange.\n\n"
        "“Our friendship grows stronger with every visit,” the statement said."
    )
    assert quotes(text)[0][1] == "the Central Committee of the Laotian Youth Union"


def test_it_points_at_the_organisation_that_was_the_subject():
    text = (
        "The Danish Refugee Council published its figures on Monday. Earlier, TASS on Sunday "
        "ran a report on what it called “a brilliant success of allied diplomacy.”"
    )
    assert quotes(text)[0][1] == "TASS"


def test_agency_names_drop_official_and_country_possessive():
    text = (
        "Vietnam's VNA said the visit was “a milestone in bilateral ties.” "
        "The official Lao News Agency said the talks were “frank and fruitful.”"
    )
    assert [s for _, s in quotes(text)] == ["VNA", "The Lao News Agency"]


def test_unnamed_spokesperson_speaks_for_the_body_just_mentioned():
    text = (
        "The Cuban embassy in Madrid was brief. “Cuba does not comment on the internal "
        "affairs of other states,” a spokesperson said."
    )
    assert quotes(text)[0][1] == "The Cuban embassy in Madrid"


def test_role_with_name_in_apposition_is_that_person():
    text = (
        "“We will respond calmly and in proportion,” a presidential office spokesman, "
        "Jung Min-ho, said on Sunday."
    )
    assert quotes(text)[0][1] == "Jung Min-ho"


def test_leading_title_and_ministry_words_are_stripped_from_names():
    text = (
        "Deputy Minister of Energy Pavel Sorokin arrived on Monday. Deputy Minister of Energy "
        "Pavel Sorokin told reporters: “The pipeline will be finished within two years.”"
    )
    assert quotes(text)[0][1] == "Pavel Sorokin"


def test_attribution_in_the_next_sentence_stated_by():
    text = (
        "“This fund was created to help both our peoples, not to evade anybody's rules.” "
        "This was stated by Irina Volkova, head of the bank's board, at a press conference."
    )
    assert quotes(text)[0][1] == "Irina Volkova"


def test_paragraph_ending_in_colon_introduces_the_next_quote():
    text = (
        "Tomas Berg, a Danish member of parliament, posted a long message on Friday. "
        "In it, he wrote:\n\n"
        "“Ports that welcome these tankers are helping to fund a war.”"
    )
    assert quotes(text)[0][1] == "Tomas Berg"


def test_quote_after_an_unnamed_lead_in_has_no_speaker():
    text = (
        "Rep. Kang Mi-ra of the opposition said the drills should go ahead. “Cancelling them "
        "would be a gift to Pyongyang,” she said.\n\n"
        "Q3. What do experts expect next?\n\n"
        "One analyst we spoke with sees a long stalemate.\n\n"
        "“Nobody has a reason to move first, so nobody will.”"
    )
    assert [s for _, s in quotes(text)] == ["Kang Mi-ra", None]


def test_pronoun_after_an_unnamed_person_has_no_speaker():
    text = (
        "Yuri Salnikov, the regional governor, opened the ceremony.\n\n"
        "State television later aired an interview with a veteran of the campaign. "
        "“They fought beside us like brothers,” he said."
    )
    assert quotes(text)[0][1] is None


def test_name_in_apposition_after_the_quote():
    text = (
        "“The patrol follows the annual plan and targets no third country,” the navy's "
        "spokesperson, Senior Capt. Wang Rui, said in a statement."
    )
    assert quotes(text)[0][1] == "Wang Rui"


def test_name_run_does_not_cross_a_full_stop():
    text = (
        "The firm sells to buyers in Chile, Kenya and Norway. Ines Soto, an analyst in "
        "Lisbon, was sceptical. “They read the sanctions lists every morning,” she said."
    )
    assert quotes(text)[0][1] == "Ines Soto"


# --- spans -----------------------------------------------------------------------------------


def test_multi_paragraph_quote_whose_reopening_marks_were_dropped():
    text = (
        "Lena Varga, an analyst in Budapest, spoke at length.\n\n"
        "“The sanctions are leaking badly.\n\n"
        "Everyone in the port knows which ships carry what.\n\n"
        "Nobody wants to say it out loud.”\n\n"
        "The ministry declined to comment."
    )
    q = one(text)
    assert q.quote.startswith("The sanctions are leaking") and q.quote.endswith("out loud.")
    assert text[q.start : q.end] == q.quote
    assert q.speaker == "Lena Varga"


def test_dropped_reopening_looks_only_three_paragraphs_ahead():
    text = (
        "Lena Varga, an analyst in Budapest, spoke at length.\n\n"
        "“The sanctions are leaking badly.\n\n"
        "One.\n\nTwo.\n\nThree.\n\nFour ends here.”"
    )
    q = one(text)
    assert q.quote == "The sanctions are leaking badly."


def test_nested_quote_in_the_same_double_marks_stays_inside_the_outer_quote():
    text = (
        "“He told us a “coalition of the willing” was forming in the region,” said Ana "
        "Ruiz, a fellow at a Madrid think tank."
    )
    q = one(text)
    assert q.quote == "He told us a “coalition of the willing” was forming in the region,"
    assert q.speaker == "Ana Ruiz"
