"""Attribution rules written from the ninth held-out set's errors (round 12). Every sentence
here is invented, in the manner of the outlets that set imitates."""

import pytest

from training.extraction_eval import same_speaker

ROUND_TWELVE = {
    "state television and a fleet are bodies": (
        "North Korean state television called the launch a “complete success.”\n\nThe drills "
        "began on Monday, according to China’s Northern Fleet. The fleet said on its channel "
        "that crews had “mastered new tactics.”",
        {"complete success": "North Korean state television", "mastered": "China’s Northern Fleet"},
    ),
    "a naval rank with an ordinal": (
        "Sailors shrugged.\n\n“We track every hull,” said Petty Officer 2nd Class Dana Reyes, a "
        "radar operator aboard the cruiser.",
        {"We track": "Dana Reyes"},
    ),
    "an abbreviated rank before an inverted name": (
        "Britain’s navy shadowed the ships.\n\n“The patrol ended without incident,” Lt. Cmdr. "
        "Omar Fields, a fleet spokesman, said in an email.",
        {"The patrol": "Omar Fields"},
    ),
    "an anonymous official written with an initialism": (
        "“The patrol ended,” said Omar Fields, a fleet spokesman.\n\nA U.K. defence official, "
        "who spoke on condition of anonymity, said the ships were shadowed. He called the "
        "transit “a test of our resolve.”",
        {"a test": None},
    ),
    "a name in brackets credits a photo": (
        "Olga Petrenko first went in May.\n\n[Photo: tourists on the beach. (Sever Travel)]\n\n"
        "“I would go again tomorrow, and I would take my son,” she said.",
        {"I would go": "Olga Petrenko"},
    ),
    "the sentence's first subject, not a company named in its appositive": (
        "Anna Ivanova, head of the tour operator Sever Tours, which organised the trip, says "
        "bookings are up.\n\n“Everyone wants to see the coast now,” she told the paper.",
        {"Everyone wants": "Anna Ivanova"},
    ),
    "capitalised words before a role describe the name after it": (
        "Conservative Chilean senator Rosa Ibarra, who visited Moscow in May, was blunt. “The "
        "sanctions have failed and everyone knows it,” she said.",
        {"The sanctions": "Rosa Ibarra"},
    ),
    "a possessive opening a sentence is not its subject": (
        "Ms. Han Ye-rin leads in the polls.\n\nMs. Han’s rival, Oh Dae-sik of the opposition, "
        "disagrees. At a rally, he called the plan “a gift to Pyongyang.”",
        {"a gift": "Oh Dae-sik"},
    ),
    "an initialism ends no sentence": (
        "The Foreign Ministry said the sale would breach U.N. Security Council resolutions. It "
        "added that Tokyo would “act with its partners.”",
        {"act with": "the Foreign Ministry"},
    ),
    "a rank picks between namesakes": (
        "Col. Lee Min-ho, a spokesman for the Joint Chiefs of Staff, briefed reporters.\n\nLee "
        "Hae-won, an analyst at a Seoul institute, said the drills mattered.\n\nCol. Lee added "
        "that the ships were tracked “around the clock.”",
        {"around the clock": "Lee Min-ho"},
    ),
    "cited an unnamed source as saying": (
        "Kim Ji-hoon, the minister, said nothing. Local media cited an unnamed official as saying "
        "the visit was “premature.”",
        {"premature": None},
    ),
    "a person surnamed at the end of the subject": (
        "Hotels along the river are full. A cook at a border hotel surnamed Zhao told reporters "
        "that bookings had “doubled since spring.”",
        {"doubled": "Zhao"},
    ),
    "the report of a body": (
        "Pyongyang shipped 20 trains of shells, according to the second report of the Joint "
        "Monitoring Group, a body of nine states.\n\nThe report said the trade had “grown every "
        "month.”",
        {"grown every": "the Joint Monitoring Group"},
    ),
}


@pytest.mark.parametrize("text, expected", ROUND_TWELVE.values(), ids=list(ROUND_TWELVE))
def test_round_twelve(text, expected, speaker_of):
    for quote_start, speaker in expected.items():
        assert same_speaker(speaker_of(text, quote_start), speaker), quote_start
