"""Attribution rules written from the seventh and eighth held-out sets' errors (rounds 9-10),
and speaker hygiene; every sentence here is invented, in the manner of the outlets those sets
imitate."""

import pytest

from training.extraction_eval import same_speaker

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
    f"{label}: {name}": case
    for label, cases in (("round 9", ROUND_NINE), ("round 10", ROUND_TEN), ("hygiene", HYGIENE))
    for name, case in cases.items()
}


@pytest.mark.parametrize("text, expected", ROUND_CASES.values(), ids=list(ROUND_CASES))
def test_round_cases(text, expected, speaker_of):
    for quote_start, speaker in expected.items():
        assert same_speaker(speaker_of(text, quote_start), speaker), quote_start
