"""Attribution rules written from the fifteenth held-out set's errors (round 14). Every sentence
here is invented, in the manner of the outlets that set imitates."""

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

CASES = {f"round 14: {name}": case for name, case in ROUND_FOURTEEN.items()}


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
