"""Attribution rules written from the fourth to sixth held-out sets' errors (rounds 6-8);
every sentence here is invented, in the manner of the outlets those sets imitate."""

import pytest

from training.extraction_eval import same_speaker

# Round six: written from the fourth held-out set's errors (sentences invented here).


def test_a_person_surnamed_or_known_by_a_call_sign_is_named(speaker_of):
    text = (
        "Crowds gathered early on the square.\n\n“We waited since five for the tanks,” said a "
        "pensioner surnamed Zhou, who came with his grandson.\n\n“They came at dawn,” said a "
        "gunner who gave only his call sign, Grom."
    )
    assert speaker_of(text, "We waited") == "Zhou"
    assert speaker_of(text, "They came") == "Grom"


def test_quoted_by_an_agency_credits_the_person_not_the_agency(speaker_of):
    text = (
        "Deputy Energy Minister Oleg Varnin, who led the delegation, was quoted by the state-run "
        "RIA agency as saying that orders had “gone beyond our forecasts.”"
    )
    assert speaker_of(text, "gone beyond") == "Oleg Varnin"


def test_a_quote_from_label_names_the_source(speaker_of):
    text = (
        "Source: the Belta agency, citing a statement by the Security Council of Belarus\n\n"
        "Details: The statement said the drills had ended.\n\nQuote from the statement: “The "
        "exercises were completed in full.”\n\nQuote from Olena Hrytsai, spokesperson for the "
        "Ministry of Defence of Ukraine: “Minsk is a participant in this war.”"
    )
    assert same_speaker(speaker_of(text, "The exercises"), "the Security Council of Belarus")
    assert speaker_of(text, "Minsk is") == "Olena Hrytsai"


def test_the_statement_is_the_last_body_that_spoke(speaker_of):
    text = (
        "The drills will continue into October, the press office of the Kazakh Security Council "
        "said on Monday.\n\nThe secretary met the visiting delegation, the press office said. "
        "The two sides “agreed to deepen cooperation” on border security, the statement said."
    )
    assert same_speaker(
        speaker_of(text, "agreed to deepen"), "the press office of the Kazakh Security Council"
    )


def test_an_unnamed_spokesman_after_a_named_one_speaks_for_his_body(speaker_of):
    text = (
        "Mikhail Orlov, the spokesman of the Russian embassy, spoke first.\n\n“We reject the "
        "claims,” Orlov said.\n\nMeanwhile, a spokesman for the Foreign Ministry of the DPRK "
        "issued a press statement on Friday.\n\n“The drills are a rehearsal for invasion,” the "
        "spokesman said."
    )
    assert speaker_of(text, "We reject") == "Mikhail Orlov"
    assert same_speaker(speaker_of(text, "The drills are"), "the Foreign Ministry of the DPRK")


def test_ms_picks_the_namesake_known_as_a_woman(speaker_of):
    text = (
        "Park Ji-yeon, a lawmaker, said the talks were overdue. “We need a channel,” Ms. Park "
        "said.\n\nPark Sung-ho, a retired admiral who is not related to Ms. Park, disagreed. "
        "“A channel to whom?” he said.\n\n“Seoul must stand with Tokyo on this,” Mr. Park said."
    )
    assert speaker_of(text, "We need") == "Park Ji-yeon"
    assert speaker_of(text, "A channel to") == "Park Sung-ho"
    assert speaker_of(text, "Seoul must") == "Park Sung-ho"


def test_a_capitalised_adjective_opens_a_description_not_a_name(speaker_of):
    text = (
        "Exiled opposition politician Dmitri Lenkov was blunter, calling the new service on X "
        "“a shuttle for arms buyers.”"
    )
    assert speaker_of(text, "a shuttle") == "Dmitri Lenkov"


def test_an_intelligence_directorate_is_a_body(speaker_of):
    text = (
        "The Main Intelligence Directorate of Ukraine (HUR) also reacted, posting on Telegram: "
        "“The soldiers were sold for shells and cash.”"
    )
    assert same_speaker(
        speaker_of(text, "The soldiers"), "the Main Intelligence Directorate of Ukraine (HUR)"
    )


def test_the_commander_after_a_parenthetical_aside_is_the_named_person(speaker_of):
    text = (
        "Taras Hnatyuk (no relation to the MP), a drone unit commander who fought near Sudzha, "
        "said the enemy had adapted fast.\n\n“At first they walked in columns. Later they hid "
        "like veterans,” the commander told the paper."
    )
    assert speaker_of(text, "At first") == "Taras Hnatyuk"


def test_a_representative_of_a_named_company_speaks_for_it(speaker_of):
    text = (
        "A representative of Azur Air, which is under Western sanctions, told the outlet on "
        "condition of anonymity that the carrier saw “no real risks” for crews."
    )
    assert speaker_of(text, "no real risks") == "Azur Air"


def test_state_media_verbs_of_scorn_are_cues(speaker_of):
    text = (
        "The Seoul puppet defence ministry blabbered about “reckless collusion” between the two "
        "capitals, and the EU chimed in, calling the cooperation “illegal and reckless”."
    )
    assert same_speaker(speaker_of(text, "reckless collusion"), "the Seoul puppet defence ministry")
    assert same_speaker(speaker_of(text, "illegal and"), "the EU")


def test_a_bare_body_takes_the_of_phrase_it_was_named_with(speaker_of):
    text = (
        "Source: KCNA, citing a written statement by the Central Military Commission of the "
        "Workers' Party of Korea\n\nThe Central Military Commission also claimed that the "
        "deployment “fully conforms to the treaty”."
    )
    assert same_speaker(
        speaker_of(text, "fully conforms"),
        "the Central Military Commission of the Workers' Party of Korea",
    )


# Round seven: written from the fifth held-out set's errors after its one measurement.
ROUND_SEVEN = {
    "a cue inside a reported clause is the reporter's": (
        "State media hailed the visit. The Korean Central News Agency (KCNA) reported Friday "
        "that the talks in Moscow had confirmed that “the friendship forged in battle will never "
        "weaken.” Later KCNA reported that the sides agreed to cooperate “in all fields” and "
        "that Minsk expressed “full support” for the plan.",
        {
            "the friendship": "the Korean Central News Agency",
            "in all fields": "the Korean Central News Agency",
            "full support": "the Korean Central News Agency",
        },
    ),
    "a statement from a body, then a participle": (
        "The agency later carried a statement from the Belarusian Foreign Ministry calling the "
        "sanctions “economic banditry” against two sovereign states.",
        {"economic banditry": "the Belarusian Foreign Ministry"},
    ),
    "a spokesperson of a ministry named in capitals": (
        "The Russian Foreign Ministry said the drills were routine.\n\nAt a briefing in "
        "Beijing, a Chinese Foreign Ministry spokesperson declined to comment, calling it “a "
        "bilateral matter.”",
        {"a bilateral matter": "the Chinese Foreign Ministry"},
    ),
    "an acronym in brackets glosses its body": (
        "In a post on Telegram, Ukraine's military intelligence agency (HUR) said: “The shells "
        "are arriving by rail every week.”",
        {"The shells": "Ukraine's military intelligence agency (HUR)"},
    ),
    "a channel named after its head noun": (
        "Pro-Kremlin bloggers cheered. “Our brothers stood with us in the snow,” the channel "
        "Zimny Front, which has 300,000 followers, posted.",
        {"Our brothers": "Zimny Front"},
    ),
    "the agency is the body this paragraph is about": (
        "Ukraine's military intelligence agency said on Monday that more shells had arrived.\n\n"
        "South Korea's National Intelligence Service (NIS) estimated that 2,000 soldiers had "
        "been wounded. The agency told lawmakers that the troops were “adapting quickly.”",
        {"adapting quickly": "South Korea's National Intelligence Service (NIS)"},
    ),
    "a call sign or a first name is a person's name": (
        "Pavel Lukin, a lawmaker, said the figures were low.\n\nA Ukrainian drone operator with "
        "the call sign Borsuk described the enemy as brave.\n\n“They come in waves,” he told the "
        "radio.\n\nA foreman who would give only his first name, Anton, employs a dozen of them. "
        "“They work hard,” he says.",
        {"They come": "Borsuk", "They work": "Anton"},
    ),
    "its spokesman speaks for the body the sentence before was about": (
        "KUO: That was the state newsreader. And the Kremlin confirmed it, too. Its spokesman "
        "told reporters that the cooperation was, quote, “our sovereign right.”",
        {"our sovereign right": "the Kremlin"},
    ),
    "an unnamed ministry spokesman speaks for the ministry": (
        "Ukraine's foreign ministry spokesman posted on X that Minsk was “bragging about a war "
        "it cannot win.”",
        {"bragging about": "Ukraine's foreign ministry"},
    ),
    "the team is the team, not its report": (
        "The first report from the Multilateral Sanctions Monitoring Team, released on "
        "Thursday, lists oil transfers.\n\nThe team said the transfers violated “numerous” "
        "resolutions.",
        {"numerous": "the Multilateral Sanctions Monitoring Team"},
    ),
    "an age between a name and its role": (
        "“Harbin has waited for this road for decades,” says Jin Guanghu, 61, an economist at "
        "a university in Yanji. China, he says, is “not against” closer ties.",
        {"not against": "Jin Guanghu"},
    ),
    "a body that expressed concern and called on others": (
        "In Paris, the Ministry for Europe and Foreign Affairs expressed its “deep concern” in "
        "a statement and called on Moscow to “respect its obligations.”",
        {
            "deep concern": "the Ministry for Europe and Foreign Affairs",
            "respect its": "the Ministry for Europe and Foreign Affairs",
        },
    ),
    "and inside a body's name": (
        "In a statement to the broadcaster, a spokesperson for the Department of Foreign "
        "Affairs and Trade said:\n\n“Canberra is deeply concerned by these reports.”",
        {"Canberra is": "the Department of Foreign Affairs and Trade"},
    ),
}


# Round eight: written from the sixth held-out set's errors after its one measurement.
ROUND_EIGHT = {
    "initials belong to the name": (
        "Not everyone agrees. K.S. Raghavan, a former envoy to Seoul, said the line-up “should "
        "alarm New Delhi”.\n\n“This normalises a proliferator,” Mr. Raghavan said. He said India "
        "had “no business” there.",
        {"should alarm": "K.S. Raghavan", "no business": "K.S. Raghavan"},
    ),
    "a name with attached initials after a long title": (
        "Head of the Energy Policy Department of the Ministry of Energy Ch.Batbold informed the "
        "press.\n\n“The section will be 900 kilometers long,” he said.\n\nResearcher of the "
        "Institute for Strategic Studies Dr. N.Altantsetseg said the project must be seen in "
        "context. “Joining a project is not joining a bloc,” she said.",
        {"The section": "Ch.Batbold", "Joining a project": "N.Altantsetseg"},
    ),
    "a nationality names the ministry of an unnamed spokesperson": (
        "The Russian Foreign Ministry welcomed the move.\n\nIn Beijing, a Chinese foreign "
        "ministry spokesperson, asked about the announcement at a regular press briefing, said: "
        "“I am not aware of the details.”",
        {"I am not aware": "the Chinese foreign ministry"},
    ),
    "a call sign, quoted or not": (
        "Oksana Hnatenko, a volunteer, said supplies were short.\n\nA drone unit commander who "
        "goes by the call sign “Zubr,” told the paper the enemy had changed tactics.\n\n“Now "
        "they come in small groups,” Zubr said.\n\nHe described the soldiers as “disciplined.”"
        "\n\n“The Koreans did more than our generals,” wrote a blogger who goes by the call "
        "sign Veter on his channel.",
        {"disciplined": "Zubr", "The Koreans did": "Veter"},
    ),
    "the agency is the acronym that followed agency": (
        "North Korea's state news agency KCNA has published its first dispatch on the visit."
        "\n\nThe agency said the friendship was “unbreakable”.",
        {"unbreakable": "KCNA"},
    ),
    "a report released by a body": (
        "A new report from an 11-country monitoring group says shells were shipped.\n\nThe "
        "report, released Thursday by the Multilateral Sanctions Monitoring Team (MSMT), says "
        "the transfers “violate” several resolutions.",
        {"violate": "the Multilateral Sanctions Monitoring Team"},
    ),
    "an aside naming the medium": (
        "The Chinese Embassy in New Delhi, in a post on X, said the cooperation was “not "
        "directed at any third party”.",
        {"not directed": "the Chinese Embassy in New Delhi"},
    ),
    "a spokesperson of a body speaks for it": (
        "A spokesperson of the Russian Embassy said Moscow valued its “special and "
        "privileged” partnership with India.",
        {"special and": "the Russian Embassy"},
    ),
    "the agency that wrote is the body of the paragraph before": (
        "The state news agency ran a short item.\n\nUkraine's Defense Intelligence (HUR) said "
        "in a post on Telegram that the admission changed nothing.\n\n“Nothing changes on the "
        "ground,” the agency wrote.",
        {"Nothing changes": "Ukraine's Defense Intelligence (HUR)"},
    ),
    "ruling inside a body's full name": (
        "The Central Military Commission of the ruling Workers' Party of Korea said in a "
        "statement that units had taken part.\n\n“The operation was concluded,” the commission "
        "said.",
        {"The operation": "the Central Military Commission of the ruling Workers' Party of Korea"},
    ),
}


def test_straits_are_places_and_unnamed_people_stay_unnamed(speaker_of):
    text = (
        "A senior Defense Ministry official said the route — through the Tsugaru Strait and "
        "along the Kuril Islands — showed “a clear intent.”\n\n“They are coordinating more "
        "closely,” the official said.\n\nFrench MEP Claire Duval wrote on X that the war had "
        "reached Europe.\n\nA South Korean diplomat in Brussels, who spoke on condition of "
        "anonymity, said Seoul was sharing intelligence.\n\n“Every week they stay, they learn,” "
        "he said."
    )
    assert speaker_of(text, "They are coordinating") is None
    assert speaker_of(text, "Every week") is None


# Each case: a text and, for quotes starting so, the speaker the rules must give.
ROUND_CASES = {
    f"round {number}: {name}": case
    for number, cases in (
        (7, ROUND_SEVEN),
        (8, ROUND_EIGHT),
    )
    for name, case in cases.items()
}


@pytest.mark.parametrize("text, expected", ROUND_CASES.values(), ids=list(ROUND_CASES))
def test_round_cases(text, expected, speaker_of):
    for quote_start, speaker in expected.items():
        assert same_speaker(speaker_of(text, quote_start), speaker), quote_start
