"""Attribution rules written from the fifteenth held-out set's errors (round 14) and from the
sixteenth to eighteenth sets' (round 15). Every sentence here is invented, in the manner of the
outlets those sets imitate."""

import pytest

from training.extraction_eval import same_speaker

ROUND_FOURTEEN = {
    "a first name in apposition to a person noun is a person": (
        "Marina Koval, who runs a cafe by the port, was upbeat. “Trade is back,” she said.\n\n"
        "Andrei, a mechanic from Nakhodka who gave no surname, said the queues had gone. “Now "
        "the trucks move by noon,” he said.\n\nOksana, 58, whose shop faces the border post, "
        "said little had changed. “We still wait for the buyers,” she said.",
        {"Trade is": "Marina Koval", "Now the": "Andrei", "We still": "Oksana"},
    ),
    "a name before 'of' beats a school's name after the last 'of'": (
        "We also reached Professor Seo Min-ji of Hanbit University's Institute of Northeast "
        "Asian Studies, who doubts the figures. This is how she put it:\n\n“The numbers are "
        "a promise, not a fact.”",
        {"The numbers": "Seo Min-ji"},
    ),
    "a lower-case title ending in 'of ...' before the name": (
        "At the ceremony, Russian deputy minister of transport and logistics Pavel Zorin "
        "called the line “a new artery for the region.”",
        {"a new artery": "Pavel Zorin"},
    ),
    "some scholars in a place are nobody in particular": (
        "NHK: Some analysts in Seoul and Tokyo have called the group a “club of outcasts”. "
        "How do you respond?\n\nSome historians in Europe have described the pact as “a "
        "marriage of need.”",
        {"club of": None, "a marriage": None},
    ),
    "a name, then a capitalised label, then the cue": (
        "Sen. Ruth Calder, Vermont Democrat, agreed in part but said Congress should “stop "
        "waiting for the U.N.”",
        {"stop waiting": "Ruth Calder"},
    ),
    "an editorial published on a day is the outlet's": (
        "A Northern Daily editorial published on Monday said the critics “see only what they "
        "fear.”",
        {"see only": "the Northern Daily"},
    ),
    "a signed commentary is its author's": (
        "The paper on Friday carried a signed commentary by Jo Song-il, which said the "
        "alliance was “forged in fire”.",
        {"forged in": "Jo Song-il"},
    ),
}

ROUND_FIFTEEN = {
    "a participle ends the body a statement came from": (
        "On Thursday the state agency carried a statement from the Ministry of Railways "
        "praising the crews. The statement said the line was “a lifeline of friendship.”",
        {"a lifeline": "the Ministry of Railways"},
    ),
    "a broadcast script's sound-bite captions": (
        "REPORTER: The opposition was scathing.\n\n[SOUNDBITE] Choi Min-seo / Justice Party "
        "lawmaker\n“The door is not closed, but it is closing.”\n\nREPORTER: Moscow was "
        "unmoved.\n\n[SOUNDBITE - TRANSLATED] Pavel Ryabov / Russian Embassy counsellor\n"
        "“We do not comment on rumours.”",
        {"The door": "Choi Min-seo", "We do not": "Pavel Ryabov"},
    ),
    "a name after a long post ending in a body or a place": (
        "Deputy spokesperson for the US Department of State Laura Finch said the deals "
        "“would breach several resolutions.” Deputy Director General of Russian Railways "
        "Gleb Sotnikov said freight was “growing every month.” Ambassador of the Russian "
        'Federation to Mongolia Ilya Serov said "the corridor serves everyone."',
        {
            "would breach": "Laura Finch",
            "growing every": "Gleb Sotnikov",
            "the corridor": "Ilya Serov",
        },
    ),
    "a four-part Vietnamese name": (
        'Foreign ministry spokeswoman Tran Thi Thu Hang said: "Viet Nam supports dialogue."',
        {"Viet Nam": "Tran Thi Thu Hang"},
    ),
    "'the company' is the body the sentence before reported as speaking": (
        "The ferry left Vladivostok on Monday, the Primorye Shipping Company said.\n\n"
        "“Crossings will run weekly,” the company said in a statement.",
        {"Crossings": "the Primorye Shipping Company"},
    ),
    "a statement of a body, then 'the statement said'": (
        "A statement of the Ministry of Culture of the DPRK was read out at the rally.\n\n"
        '"The bonds between our peoples are eternal," the statement said.',
        {"The bonds": "the Ministry of Culture of the DPRK"},
    ),
    "'the agency' after a fronted 'according to'": (
        "The National Intelligence Service (NIS) briefed lawmakers on Tuesday.\n\nAccording "
        "to Rep. Yoon Ji-ho, the NIS put the losses at 300. The agency also said it saw "
        '"no sign of a pullback."',
        {"no sign": "the National Intelligence Service (NIS)"},
    ),
    "a body's proper name in apposition": (
        "North Korean state media, KCNA, said the launch was “a complete success.” The "
        "European Union’s diplomatic service, the European External Action Service (EEAS), "
        "said it “firmly condemns” the transfers.",
        {"a complete": "KCNA", "firmly": "the European External Action Service (EEAS)"},
    ),
    "an adverb or a time between the subject and the cue; 'raved'": (
        "The defence ministry spokesman Kang Tae-ho reportedly called the drills “a "
        "rehearsal for invasion”, and lawmaker Oh Se-jin raved that the treaty was “a death "
        "sentence”. The Korean Central News Agency (KCNA) at the time said the troops were "
        "“heroes of the nation.”",
        {
            "a rehearsal": "Kang Tae-ho",
            "a death": "Oh Se-jin",
            "heroes": "the Korean Central News Agency (KCNA)",
        },
    ),
    "a descriptive adjective before an outlet's name": (
        "The nationalist Global Times accused Seoul of “Cold War thinking”.",
        {"Cold War": "the Global Times"},
    ),
    "'the ministry' after 'a spokesperson for the X Ministry'": (
        "Russia's Ministry of Transport called the bridge strategic. A spokesperson for the "
        "South Korean Ministry of Unification, Yoon Ha-na, urged Moscow to “stop at once”. "
        "The ministry added that Seoul was “watching closely”.",
        {"watching": "the South Korean Ministry of Unification"},
    ),
    "a ministry's press service, a body's own declaration": (
        "The Russian Ministry of Transport calls the project strategic. «It frees our cargo "
        "from a single line,» the ministry's press service told reporters. NATO’s own summit "
        "declaration called the cooperation “a direct threat”.",
        {"It frees": "the Russian Ministry of Transport", "a direct": "NATO"},
    ),
    "a translation is not a source": (
        "Korean Central Television said: “The treaty stands for ever,” according to a "
        "translation by the agency's correspondent.",
        {"The treaty": "Korean Central Television"},
    ),
    "one name after a role noun or 'a Mr'": (
        "Oksana Hryhorenko, 41, was in the corridor. “We survived,” she said.\n\nHer "
        "neighbour, pensioner Taras, swept the glass. “They want us gone,” he said.\n\nA "
        "younger man, a Mr Lin, shrugged. ‘It is just a parade,’ he said.",
        {"They want": "Taras", "It is just": "Lin"},
    ),
    "a source who introduced himself only by a first name": (
        "The site's HR manager, who introduced himself only as Oleg, insists all is legal. "
        "“The papers are in order,” he said by phone.",
        {"The papers": "Oleg"},
    ),
    "a definite source granted anonymity; a radio station is nobody's name": (
        "Marina Lavrova spoke to Radio Svet last week.\n\nThe foreman of another crew "
        "agreed to talk on condition of anonymity.\n\n“They never argue,” he says.",
        {"They never": None},
    ),
    "'declined to comment but said'": (
        "In Tokyo, Chief Cabinet Secretary Aoki Ren declined to comment on the list but said "
        "the event should not be “about the past”.",
        {"about the": "Aoki Ren"},
    ),
    "a name, a bare appositive and a relative clause": (
        "Ri Song Chol, consul general of the DPRK in Dalian, who attended the ceremony, said "
        "the trips would “deepen friendship.”",
        {"deepen": "Ri Song Chol"},
    ),
    "a signed commentary in an outlet": (
        "Pyongyang has admitted nothing, although a signed commentary by Ko Myong Hak in the "
        "party daily hailed the “militant friendship” with Russia.",
        {"militant": "Ko Myong Hak"},
    ),
    "'identified only as' after an inverted quote": (
        'Russian television aired footage from the town.\n\n"They helped us," a woman '
        "identified only as Nadezhda told the channel.",
        {"They helped": "Nadezhda"},
    ),
    "an acronym body's spokesperson": (
        "The Department of Foreign Affairs and Trade was blunt. “Australia condemns it,” a "
        "DFAT spokeswoman said.",
        {"Australia": "the Department of Foreign Affairs and Trade"},
    ),
}

CASES = {
    **{f"round 14: {name}": case for name, case in ROUND_FOURTEEN.items()},
    **{f"round 15: {name}": case for name, case in ROUND_FIFTEEN.items()},
}


@pytest.mark.parametrize("text, expected", CASES.values(), ids=list(CASES))
def test_round_cases(text, expected, speaker_of):
    for quote_start, speaker in expected.items():
        assert same_speaker(speaker_of(text, quote_start), speaker), quote_start


def test_a_place_in_apposition_to_a_role_stays_a_place(speaker_of):
    text = (
        "Moscow, a major buyer of the shells, said nothing.\n\n“The line is open,” said Lena "
        "Ortiz, a trade analyst. “It will stay open,” she added."
    )
    assert speaker_of(text, "The line") == "Lena Ortiz"
    assert speaker_of(text, "It will") == "Lena Ortiz"


def test_a_paragraph_whose_opening_mark_was_dropped_is_one_quote():
    """Scraped copy loses marks; the codebook's practice (seeds/gold/ANNOTATION_NOTES.md): a
    paragraph with no opening mark that ends a quote with its attribution is a quote from the
    paragraph's start."""
    from model.quotes import extract_quotes

    text = (
        "The envoy spoke after the vote.\n\n"
        "The panel was shut down because it was counting the shipments, so we have nothing "
        "else,” Ruth Calder told reporters. “Everyone should read it.”\n\n"
        'We will not stop here," said Ivo Brandt, a lawyer.\n\n'
        "Prices rose by a fifth” in a year, the bank's data show."
    )
    quotes = {q.quote: q.speaker for q in extract_quotes(text, "t")}
    assert quotes == {
        "The panel was shut down because it was counting the shipments, so we have nothing "
        "else,": "Ruth Calder",
        "Everyone should read it.": "Ruth Calder",
        "We will not stop here,": "Ivo Brandt",
    }
