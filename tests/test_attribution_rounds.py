"""Attribution rules written from the fourth to eighth held-out sets' errors (rounds 6-10);
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


# Round nine: written from the seventh held-out set's errors (sentences invented here).
ROUND_NINE = {
    "a book title in quotes names nobody": (
        'Hana Ueda, who teaches at a college in Nagoya and wrote "The Long Border," was '
        'cautious.\n\n"Nothing here is a treaty yet.\n\n"It is a rehearsal for one," she said.',
        {"Nothing here": "Hana Ueda"},
    ),
    "its spokesperson, then the spokesperson": (
        'Olga Brandt, who runs a refugee charity, called the visit "a provocation."\n\nThe '
        "Russian Embassy in Berlin referred questions to its spokesperson, who said the talks "
        'were "purely economic."\n\n"Nobody is threatened by trade," the spokesperson said.',
        {
            "purely economic": "The Russian Embassy in Berlin",
            "Nobody is": "The Russian Embassy in Berlin",
        },
    ),
    "an unnamed ministry spokesperson, then he": (
        "Park Ji-won, a lecturer, expects more flights.\n\nA spokesman for the Japanese "
        'foreign ministry said Tokyo was "monitoring" the exercise. "We have conveyed our '
        'concern," he added.\n\nAt a briefing, a Defense Ministry spokesperson said Seoul was '
        '"watching closely." "Any transfer must stop," the spokesperson said.',
        {
            "We have conveyed": "the Japanese foreign ministry",
            "Any transfer": "the Defense Ministry",
        },
    ),
    "a participle hangs from the sentence's subject": (
        "The Chinese Embassy in Canberra was more forthcoming, posting on WeChat that the "
        'drills were "routine."\n\nThe state-run China Daily took a calmer line, writing in '
        'an editorial that ties with Moscow were "a source of stability."',
        {"routine": "The Chinese Embassy in Canberra", "a source of": "China Daily"},
    ),
    "an acronym and a time word between the body and its cue": (
        "The Mainland Affairs Council (MAC) in a statement yesterday accused Beijing of "
        '"complicity" in the patrols.',
        {"complicity": "The Mainland Affairs Council"},
    ),
    "a person identified only by a first name": (
        "One tourist, identified by the local broadcaster only as Dmitry, a teacher from Omsk, "
        'said he had saved for a year.\n\n"It was worth every rouble," he said.\n\n"Nobody '
        'asks where the crates go," said a dock worker at Nakhodka who agreed to speak on '
        "condition that only his first name, Pavel, be printed.",
        {"It was worth": "Dmitry", "Nobody asks": "Pavel"},
    ),
    "a spokesperson with a participial aside": (
        "A British Foreign Office spokesperson, replying to questions from this paper, said "
        'London would "keep up the pressure" on both governments.',
        {"keep up": "the British Foreign Office"},
    ),
    "an official news agency is reported by its name": (
        'The official KCNA news agency said the talks had "deepened trust."',
        {"deepened trust": "KCNA"},
    ),
    "the text is the statement named before": (
        "The admission came in a statement from the General Staff of the Korean People's "
        'Army, carried by state media. The text said the units had "carried out their '
        'duty."',
        {"carried out": "the General Staff of the Korean People's Army"},
    ),
    "the same channel": (
        '"The shells are old," the Telegram channel Zapadny Front, which says it is run by '
        'a gunner, posted in May. Two days later the same channel added: "Old shells still '
        'kill."',
        {"Old shells": "Zapadny Front"},
    ),
    "a name after a full stop, then he": (
        "Some of the people who know the costs best live in Harbin. Liang Wen, a historian "
        'who has studied the border for decades, spoke slowly.\n\n"We gain a parade and lose '
        'a neighbour," he said.',
        {"We gain": "Liang Wen"},
    ),
    "a broadcast caption before a sound bite": (
        "The bridge will open next year.\n\n[Interview] Han Seo-yeon, Senior Fellow, Sejong "
        'Institute (Korean) :\n\n"Trucks are harder to watch than trains."',
        {"Trucks are": "Han Seo-yeon"},
    ),
    "a name whose apposition holds commas": (
        "Oleksandr Ruban, a member of the parliamentary Committee on Foreign Policy, Trade "
        'and Security, wrote on Facebook: "This alliance is built on shells."',
        {"This alliance": "Oleksandr Ruban"},
    ),
    "a body whose aside lists countries": (
        "The Joint Monitoring Group, set up last year by nine states including Japan, South "
        'Korea, Canada and Italy, says the shipments took place "in open breach" of the '
        "resolutions.",
        {"in open breach": "The Joint Monitoring Group"},
    ),
    "an unnamed official with an abbreviation blocks the earlier person": (
        "Mark Ellison, a retired admiral, expects more patrols.\n\nA senior U.S. Navy "
        'official, who spoke on condition of anonymity, said the flights were "a test." The '
        'official added that more were "very likely."',
        {"very likely": None},
    ),
    "the attribution after a later comma": (
        'Seoul lodged "a strong protest" with both embassies, the foreign ministry said, '
        "calling the flights unacceptable.",
        {"a strong protest": "the foreign ministry"},
    ),
    "an apposition picks between namesakes": (
        '"The pipeline changes nothing for us," said Vikram Rao, a former Indian ambassador '
        'to Moscow.\n\nMeera Rao, a fellow at a think tank in Pune, disagreed. "It changes '
        'the price," she said.\n\nRao, the former envoy, still insisted that Moscow would '
        '"choose Beijing".',
        {"choose Beijing": "Vikram Rao"},
    ),
}


# Round ten: written from the eighth held-out set's errors (sentences invented here).
ROUND_TEN = {
    "a role in the title before the name": (
        "Retired Vice Admiral Sato Kenji, who once led the fleet's air wing, told the paper the "
        'route was chosen with care.\n\nSato called the flight "a message."\n\n"Tokyo must '
        'answer it," the retired admiral said.',
        {"Tokyo must": "Sato Kenji"},
    ),
    "a bare first name with an age": (
        "Piao Jun, who runs a shop near the border, says trade is slow.\n\nIgor, 41, a driver "
        "from Khabarovsk, comes every month. He asked that his surname not be printed.\n\n"
        '"Prices here are half of ours," he says.\n\nHis wife, Yelena, nods. "We also come '
        'for the doctors."',
        {"Prices here": "Igor", "We also come": "Yelena"},
    ),
    "an aide after a committee name": (
        '"Nobody reads these reports," said one House Armed Services Committee aide.',
        {"Nobody reads": None},
    ),
    "according to a named source makes him the subject": (
        "Oleg Sarkisov, a tour operator, said demand was rising.\n\nAccording to Deputy "
        'Transport Minister Ivan Belyaev, the bridge is on schedule.\n\n"Traffic will open '
        'next year," he noted.',
        {"Traffic will": "Ivan Belyaev"},
    ),
    "a person of a body": (
        'Lina Harahap, an analyst, praised the visit. "It was smart," she said.\n\nLawmaker '
        'Dedi Harahap of House Commission I was less impressed.\n\n"We should not applaud '
        'this," he said.',
        {"We should not": "Dedi Harahap"},
    ),
    "present-tense cues of French-style copy": (
        "For the researchers, the symbol matters. « It is a revenge », analyses Sophie "
        "Marchal, a researcher at a Paris institute. She nuances, however: « It is a signal, "
        "not a pledge. »\n\nFor Lee Ji-eun, a former diplomat who is now a lecturer in Busan, "
        "the winner is clear. « Kim got what he wanted », she observes.",
        {"It is a signal": "Sophie Marchal", "Kim got": "Lee Ji-eun"},
    ),
    "posted to a place is not a cue": (
        "« We are watching an axis form », warns Paul Renard, a former diplomat posted to "
        "Beijing, author of « La Muraille et l'Ours » (2021). « Europe is concerned too. »",
        {"Europe is": "Paul Renard"},
    ),
    "the second part of a quote split by an inverted cue": (
        '"They stood with us," said Irina Volkova, a fellow at a Moscow institute, "and we '
        'remember."',
        {"and we": "Irina Volkova"},
    ),
    "a company descriptor before its name": (
        'Russian oil giant Rosneft said it had signed a "long-term agreement" with its partner.',
        {"long-term": "Rosneft"},
    ),
    "according to him": (
        "Yerlan Dosov, a fellow at an Almaty institute, spoke at the forum.\n\nAccording to "
        'him, Astana\'s policy remains "balanced and calm."',
        {"balanced and calm": "Yerlan Dosov"},
    ),
    "anonymity granted in the attribution": (
        '"We are watching closely," a senior official of the presidential office said on '
        "condition of anonymity.",
        {"We are watching": None},
    ),
    "quoted the post holder, then the name": (
        "The regional outlet Vostok Media quoted the head of the Khasan district, Pyotr "
        'Gromov, as saying that residents "cannot wait."',
        {"cannot wait": "Pyotr Gromov"},
    ),
    "the body's official representative": (
        'The Russian Foreign Ministry rejected the claims. "Our cooperation is lawful," the '
        "ministry's official representative said.",
        {"Our cooperation": "The Russian Foreign Ministry"},
    ),
    "the report of a body introduced with an aside": (
        "The Joint Monitoring Group (JMG), set up last year after Russia vetoed the U.N. "
        'panel, said in its first report that the shipments were "flagrant."\n\n"The trade '
        'has grown in scale," the report said.',
        {"The trade": "The Joint Monitoring Group (JMG)"},
    ),
    "a readout of a body": (
        'Moscow confirmed the visit, and a Kremlin readout of the talks praised "the '
        'courage of our Korean friends."',
        {"the courage": "the Kremlin"},
    ),
}


# Speaker strings that are never right, whoever wrote the text.
HYGIENE = {
    "a parenthetical right after an inverted name": (
        '"The road is finally open," said Pavel Orlov (no relation to the governor), a deputy of '
        "the regional assembly.",
        {"The road": "Pavel Orlov"},
    ),
    "his view as a colon lead": (
        "Marta Lind, a naval analyst, has followed the drills for years.\n\nHer verdict was "
        'short: "They now train as one fleet."\n\nHis colleague Tomas Berg, asked the same, '
        'said: "Not yet."\n\nAndre Duval was more careful. His advice: "Watch the submarines."',
        {"They now train": "Marta Lind", "Not yet": "Tomas Berg", "Watch the": "Andre Duval"},
    ),
}


def test_a_title_after_author_of_is_not_a_quote():
    from model.quotes import extract_quotes

    text = (
        "Jean Morel, author of « Le dernier royaume » (2019), was blunt. « Europe is "
        "concerned », he said."
    )
    assert [q.quote for q in extract_quotes(text, "t")] == ["Europe is concerned"]


# Each case: a text and, for quotes starting so, the speaker the rules must give.
ROUND_CASES = {
    f"round {number}: {name}": case
    for number, cases in (
        (7, ROUND_SEVEN),
        (8, ROUND_EIGHT),
        (9, ROUND_NINE),
        (10, ROUND_TEN),
        (11, HYGIENE),
    )
    for name, case in cases.items()
}


@pytest.mark.parametrize("text, expected", ROUND_CASES.values(), ids=list(ROUND_CASES))
def test_round_cases(text, expected, speaker_of):
    for quote_start, speaker in expected.items():
        assert same_speaker(speaker_of(text, quote_start), speaker), quote_start
