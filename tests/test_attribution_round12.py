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
    "a Title Case first half of a split quote is said, not a title": (
        "“For the Baltic,” said Dr Lena Holm, a fellow at the Tallinn Centre, “the lesson is "
        "about enforcement, not about Korea.”",
        {"For the Baltic": "Lena Holm", "the lesson": "Lena Holm"},
    ),
    "a name after a role noun and a long relative clause": (
        "Not everyone agrees. «We are tying ourselves to the poorest neighbour we have,» "
        "economist Lev Brun, who left Moscow in 2022 and now runs the Telegram channel «Cold "
        "Numbers», wrote on Monday. «Every ruble spent there is a ruble lost here.»",
        {"We are tying": "Lev Brun", "Every ruble": "Lev Brun"},
    ),
    "two quotes in one sentence share its closing attribution": (
        "Ilya Sorin, who runs a freight company in Vladivostok, was blunt. Shipping there is "
        "“pure risk”, and the insurers price it “like a war zone”, he said.",
        {"pure risk": "Ilya Sorin", "like a war": "Ilya Sorin"},
    ),
    "a second post has the first one's author": (
        "The Danish embassy in Seoul wrote on X that the claims were “baseless and absurd”. A "
        "second post added: “Our trade with the region is lawful.”",
        {"Our trade": "The Danish embassy in Seoul"},
    ),
    "an age and a job describe the person just named": (
        "The first thing Irina Volkova noticed was the silence.\n\n“Nobody shouted, nobody "
        "sold anything, it was strange,” said the 52-year-old teacher from Irkutsk.",
        {"Nobody shouted": "Irina Volkova"},
    ),
    "her message is hers": (
        "Nina Kovac, a deputy, spoke after him. Her message to colleagues was plain: “Read the "
        "report before you vote.”",
        {"Read the": "Nina Kovac"},
    ),
    "a party label picks between namesakes": (
        "Democratic Party (DP) Legislator Seo Ji-ho said the drills were a threat.\n\nPeople "
        "Power Party (PPP) Legislator Seo Eun-bi, who sits on the same committee, disagreed.\n\n"
        "“The threat is real and growing,” the DP lawmaker said.",
        {"The threat": "Seo Ji-ho"},
    ),
    "the national ministry named before in full": (
        "The drills ran for five days, according to China’s Ministry of National Defense.\n\n"
        "A spokesperson for the Chinese ministry said the drills were “routine and lawful.”",
        {"routine": "China’s Ministry of National Defense"},
    ),
    "the elder of two namesakes by surname": (
        "Li Wen, a student, came with her grandfather.\n\nLi Guoqiang, 91, a veteran of the war, "
        "watched from a bench.\n\n“We paid for this friendship in blood,” the elder Li told "
        "the paper.",
        {"We paid": "Li Guoqiang"},
    ),
}


@pytest.mark.parametrize("text, expected", ROUND_TWELVE.values(), ids=list(ROUND_TWELVE))
def test_round_twelve(text, expected, speaker_of):
    for quote_start, speaker in expected.items():
        assert same_speaker(speaker_of(text, quote_start), speaker), quote_start
