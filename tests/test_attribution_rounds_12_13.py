"""Attribution rules written from the ninth and tenth held-out sets' errors (rounds 12 and 13).
Every sentence here is invented, in the manner of the outlets those sets imitate."""

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


ROUND_THIRTEEN = {
    "the agency named in full just before": (
        "Kommersant sent a request to the Federal Agency for Fisheries. The agency told "
        "Kommersant that it «welcomes the new quotas».",
        {"welcomes": "the Federal Agency for Fisheries"},
    ),
    "a lawmaker of a party, then an appositive": (
        "“The numbers are growing every month,” Rep. Yoon Ji-ho of the ruling Democratic Party, a "
        "member of the committee, told reporters.",
        {"The numbers": "Yoon Ji-ho"},
    ),
    "an online user is unnamed": (
        "The ministry kept quiet.\n\n“Our premier went and the rest is noise,” one Weibo user "
        "wrote in a post that was shared widely.",
        {"Our premier": None},
    ),
    "the second half of a split quote before the next sentence's cue": (
        "Beijing was pleased. “We will deepen our ties,” Tan Bo told journalists. “Our "
        "friendship is a precious asset.” Asked about Moscow, a diplomat said it was “a question "
        "for others”.",
        {"Our friendship": "Tan Bo"},
    ),
    "the spokesman introduced before the name": (
        "Foreign ministry spokesman Tan Bo spoke of a “new chapter”. Vladimir Putin sent a "
        "message. Asked about it, the spokesman said that was “a matter for Moscow”.",
        {"a matter for": "Tan Bo"},
    ),
    "a fronted according to credits the agency": (
        "Li flew home on Sunday; according to KCNA, he and Kim agreed to expand trade and "
        "“people-to-people ties”.",
        {"people-to-people": "KCNA"},
    ),
    "the role a title gives": (
        "Rep. Han Mi-ra of the opposition called it “a new axis”.\n\nThe opposition lawmaker "
        "urged Seoul to “act with Tokyo now.”",
        {"act with": "Han Mi-ra"},
    ),
    "gave her name only as": (
        "A teacher from Tomsk, who gave her name only as Olga, sat by the pool.\n\n“The water "
        "is warm and nobody bothers you,” she said.",
        {"The water": "Olga"},
    ),
    "a first name with an age in apposition": (
        "Irina, a 47-year-old nurse from Chita, described the trip as «quiet». «Nobody talked "
        "politics with us, and we did not ask,» she told the paper.",
        {"Nobody talked": "Irina"},
    ),
    "in a comment to an outlet, without commas": (
        "The Union of Travel Agents in a comment to Vedomosti called the route «a niche product».",
        {"a niche": "The Union of Travel Agents"},
    ),
    "a long aside about where a statement was posted": (
        "The Chinese embassy in Jakarta, in a statement posted on its website on Friday, "
        "October 3, said critics were “hyping up” the visit.",
        {"hyping up": "The Chinese embassy in Jakarta"},
    ),
    "a department whose name has an and": (
        "A spokesperson for the Department of Foreign Affairs and Trade said Canberra was "
        "concerned. “The findings are serious and we will act on them,” the spokesperson said.",
        {"The findings": "the Department of Foreign Affairs and Trade"},
    ),
    "a nickname inside a name": (
        'Senator Rafael "Jojo" Mendoza chairs the defence committee.\n\n"We cannot look '
        'away," Mendoza said. He urged the navy to "speed up" its plans.',
        {"We cannot": 'Rafael "Jojo" Mendoza', "speed up": 'Rafael "Jojo" Mendoza'},
    ),
    "the paper named long before": (
        "Rodong Sinmun ran a long commentary on Monday.\n\nThe talks ended early. Delegations "
        "left by train. The weather was fine.\n\nOfficials toured a factory. Workers "
        "waved.\n\nNoting the crowds, the paper wrote: “The friendship is eternal.”",
        {"The friendship": "Rodong Sinmun"},
    ),
    "a byline is never who she is": (
        "By Dana Whitlow, Staff Writer\n\nThe first thing Vera Lind noticed was the quiet.\n\n"
        "“Nobody is selling you anything there,” said the 39-year-old nurse from Omsk.",
        {"Nobody is selling": "Vera Lind"},
    ),
    "an unnamed diplomat met before the last name": (
        "By Ana Petrov\n\nA diplomat from a member state described the mood. The list, seen by "
        "Reuters, adds ships registered in Hong Kong.\n\n“This is about the shells,” said the "
        "diplomat, who was granted anonymity.",
        {"This is about": None},
    ),
    "no cue verb: the named source the sentence is about": (
        "Vladimir Putin spoke first.\n\nThe European Commission went so far as to call the "
        "deal “a flagrant breach of the rules.” The official agency KCNA saw in the visit « a "
        "new dawn for both peoples ».",
        {"a flagrant": "The European Commission", "a new dawn": "KCNA"},
    ),
    "the fullest name: a description before a known name": (
        "Dana Reyes, a radar operator, joined in 2019.\n\n“We track every hull, every day,” "
        "said Radarman Dana Reyes.",
        {"We track": "Dana Reyes"},
    ),
    "the fullest name: a surname named in full only later": (
        "“The ice is thin this year, thinner than ever,” Halvorsen said.\n\nEirik Halvorsen "
        "has fished here for 30 years.",
        {"The ice": "Eirik Halvorsen"},
    ),
    "a surname two people share stays as written": (
        "“The ice is thin,” Berg said.\n\nAnna Berg and Tomas Berg run the harbour.",
        {"The ice": "Berg"},
    ),
    "a first name alone is not a full name's first name": (
        "Sergei Lavrov arrived on Monday.\n\nA crane operator who gave only his first name, "
        "Sergei, was at the pier. “We load until midnight,” Sergei said.",
        {"We load": "Sergei"},
    ),
}


@pytest.mark.parametrize(
    "text, expected",
    [*ROUND_TWELVE.values(), *ROUND_THIRTEEN.values()],
    ids=[*ROUND_TWELVE, *ROUND_THIRTEEN],
)
def test_round_twelve_and_thirteen(text, expected, speaker_of):
    for quote_start, speaker in expected.items():
        assert same_speaker(speaker_of(text, quote_start), speaker), quote_start


def test_a_contracted_pronoun_is_the_pronoun():
    from model.resolution import _clean_phrase

    assert _clean_phrase("I'd") == "I"
    assert _clean_phrase("she’ll") == "she"
    assert _clean_phrase("Ida") == "Ida"
