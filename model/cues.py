"""Word lists the attribution rules rely on: cue verbs, titles, pronouns, role and org nouns.

Kept apart from the rules so that adding a verb or a title is a one-line change.
"""

from __future__ import annotations

import re


def words(text: str) -> frozenset[str]:
    """A word list written as running text, for lists too long to write one item a line."""
    return frozenset(text.split())


# Speech and writing verbs as lemmas; inflections are generated below. Irregular forms are
# listed explicitly.
_CUE_LEMMAS = words("""
say tell add warn note write post insist accuse vow praise argue stress declare claim ask reply
urge call describe explain continue recall remark observe comment acknowledge admit concede
agree announce state suggest caution point emphasize emphasise maintain predict promise pledge
reiterate respond quip joke counter contend conclude complain charge allege demand lament boast
hail condemn denounce criticize criticise slam blast dismiss label dub brand term tweet affirm
assert confirm deny mock scoff answer recount testify tout welcome chide retort grumble muse
observe signal summarise summarize underline underscore lament fume thunder repeat report
gush marvel bristle blabber babble prattle trumpet clamor clamour rant squawk express voice
analyse analyze confide nuance assure rave
""")

_IRREGULAR = {
    "say": ("said", "says", "saying"),
    "tell": ("told", "tells", "telling"),
    "write": ("wrote", "writes", "writing", "written"),
    "put": ("put", "puts"),
}


def _inflect(lemma: str) -> set[str]:
    if lemma in _IRREGULAR:
        return {lemma, *_IRREGULAR[lemma]}
    if lemma.endswith("e"):
        past, third = lemma + "d", lemma + "s"
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        past, third = lemma[:-1] + "ied", lemma[:-1] + "ies"
    elif lemma.endswith(("s", "sh", "ch", "x")):
        past, third = lemma + "ed", lemma + "es"
    else:
        past, third = lemma + "ed", lemma + "s"
    forms = {lemma, past, third}
    if lemma in {"dub", "quip", "slam", "scoff"} and lemma[-1] in "bpm":
        forms.add(lemma + lemma[-1] + "ed")
    if lemma in {"label"}:
        forms.add("labelled")
    return forms


CUE_WORDS: frozenset[str] = frozenset(
    form for lemma in _CUE_LEMMAS for form in _inflect(lemma)
) - words("""
saying telling writing written state call calls note notes charge charges term terms brand label
post posts counter signal answer welcome hail point report reports rant rants trumpet trumpets
voice voices
""")

# Multi-word cues matched before single verbs; "put it" needs its object, "pointed out" its
# particle. "according to" is handled separately because its speaker follows it.
CUE_PHRASES = (
    r"put it(?: \w+)?",
    r"pointed out",
    r"was quoted(?: [^,.;:]{0,40})? as saying",
    r"went on",
    r"went further",
    r"summed (?:it )?up",
    r"spoke of",
    r"chimed in",
)

# Participles that attach a quote to the subject of the main clause ("The ministry issued a
# statement, saying ...", "Koo declined to comment, saying only that ...").
PARTICIPLE_RE = re.compile(
    r"(?<![\w-])(?:saying|calling|describing|adding|noting|warning|accusing|urging|hailing|"
    r"praising|insisting|arguing|declaring|stressing|claiming|dismissing|branding|labell?ing|"
    r"denouncing|condemning|vowing|pledging|promising|asserting|announcing|dubbing|"
    r"writing|posting|tweeting|stating|telling|cautioning|alleging|charging|terming|decrying|"
    r"complaining|lamenting)(?![\w-])"
)

_CUE_ALTERNATIVES = "|".join(CUE_PHRASES + tuple(sorted(CUE_WORDS, key=len, reverse=True)))
# "a former diplomat posted to Seoul" was sent there; "posted to Telegram" wrote.
_POSTED_TO_A_PLACE = (
    r"(?<=posted)\s+(?:to|in|at)\s+"
    r"(?!Telegram|X\b|Facebook|WeChat|Weibo|Instagram|VK|Twitter|Truth|its|his|her|their)[A-Z]"
)
CUE_RE = re.compile(rf"(?<![\w’'-])(?:{_CUE_ALTERNATIVES})(?![\w’'-])(?!{_POSTED_TO_A_PLACE})")
# "according to a translation by VIA" names the translator, not the speaker.
ACCORDING_RE = re.compile(
    r"(?<![\w-])(?:[Aa]ccording to|in the words of)\s+"
    r"(?!(?:an?|the|its|their)\s+(?:[\w-]+\s+)?(?:translation|transcript)s?\b)"
)

# Words between a speaker and the cue ("Ward also said", "she has long argued").
# Time and place phrases between a speaker and the cue ("KCNA on Tuesday said").
TIME_PHRASE = (
    r"(?:on|last|this|late|early|earlier|in|at)\s+(?:the\s+)?(?:Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday|week|month|year|night|morning|afternoon|evening|"
    r"weekend|time|a statement|an interview|a briefing|a post|a commentary|an editorial|"
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"(?:19|20)\d\d)"
)

ADVERB_WORDS = frozenset(
    words("""
also later then previously once separately recently further again simply flatly bluntly earlier
quickly publicly privately repeatedly has have had was is would will had long often already has
had still even instead however meanwhile herself himself themselves itself too in turn openly
sharply firmly curtly tersely angrily dryly calmly cautiously only nonetheless nevertheless
however though likewise similarly subsequently yesterday today tonight merely reportedly
allegedly apparently
""")
)

TITLE_WORDS = frozenset(
    words("""
Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Prof Prof. Professor President Vice Deputy Prime Minister Foreign
Defence Defense Secretary General Gen Gen. Lt Lt. Col Col. Colonel Major Maj. Admiral Adm.
Ambassador Senator Sen. Rep. Representative Chairman Chairwoman Chair Director Spokesperson
Spokesman Spokeswoman Chief Commander Leader Premier Chancellor Governor Mayor Lawmaker Envoy
Special Assistant State Councillor Councilor Marshal Comrade Supreme First Lady Sir Dame Rev.
King Queen Prince Judge Justice Speaker Secretary-General Under Undersecretary Analyst Editor
Trade Finance Unification Interior Economy Industry Senior Former Acting Executive Managing
Associate MP Vice-Minister Vice-Chairman Gov. Col.-Gen. Lieutenant Captain Capt. Sgt. Sergeant
Private Pvt. Minister-Counsellor Counsellor Consul Attaché Delegate Cabinet Press National
Adviser Advisor Sinologist Historian Economist Researcher Transport Culture Education Health
Agriculture Energy Communications Labour Labor Justice Environment Tourism Commerce Development
MEP Host Correspondent
Cmdr Cmdr. Commodore Petty Officer Class Seaman Airman Corporal Cpl. Brig. Brigadier Rear Ensign
Warrant Spc. Specialist
""")
)

NATIONALITY_WORDS = frozenset(
    words("""
Chinese Russian Korean Japanese American Ukrainian European German French British Hungarian
Polish Dutch Belgian Czech Swedish Norwegian Finnish Danish Estonian Latvian Lithuanian Italian
Spanish Turkish Indian Iranian Israeli Mongolian Vietnamese Taiwanese Canadian Australian
Austrian Swiss Romanian Slovak Bulgarian Greek Belarusian North South U.S. US EU Soviet Western
Kremlin Pentagon NATO UN U.N. Irish Georgian Kazakh
""")
)

# Countries, capitals and state words that end a post's body: "Ambassador of the Russian
# Federation to Mongolia Nikolai Orlov".
PLACE_WORDS = frozenset(
    words("""
China Russia Korea DPRK ROK Japan Mongolia Ukraine Vietnam Nam America US U.S. USA UK Britain
Germany France Europe EU NATO UN India Iran Taiwan Kazakhstan Belarus Poland Turkey Australia
Canada Israel Pyongyang Beijing Moscow Seoul Tokyo Kyiv Washington Ulaanbaatar Hanoi Brussels
London Paris Berlin Federation Republic Kingdom States State Nations Union
""")
)

PERSON_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}
GROUP_PRONOUNS = frozenset({"it", "they", "we", "i"})

# Definite descriptions that point back at an earlier named person ("the researcher said").
ROLE_NOUNS = frozenset(
    words("""
researcher analyst expert scholar professor diplomat official spokesperson spokesman spokeswoman
minister envoy lawmaker legislator general admiral commander ambassador director economist
historian veteran fellow senator president chairman chairwoman chair secretary politician author
writer editor columnist commentator strategist specialist academic lecturer negotiator officer
colonel deputy adviser advisor aide consultant former head chief leader governor mayor premier
representative delegate activist defector soldier engineer executive businessman businesswoman
trader banker manager journalist reporter correspondent prosecutor
""")
)

# Nouns for people, named or not ("a host", "one rifleman", "the second prisoner").
PERSON_NOUNS = ROLE_NOUNS | words("""
host presenter anchor rifleman prisoner pilot worker farmer driver vendor student resident
guard witness nurse doctor teacher survivor refugee merchant wholesaler shopkeeper owner man
woman source member employee scientist lawyer insider observer commentator participant
viewer voter citizen villager monk priest sailor marine conscript recruit captive detainee
defector diplomat staffer operator blogger activist person pensioner retiree tourist visitor
shopper commuter spectator onlooker fisherman trucker smuggler broker agent guide mother father
gunner sniper paratrooper infantryman medic scout mechanic builder contractor subcontractor
labourer laborer welder foreman forewoman electrician plumber carpenter bricklayer
user netizen commenter reader traveller traveler passenger accountant interlocutor
""")

# Nouns for a person who speaks for a body: unnamed, the body is the speaker.
SPOKES_NOUNS = frozenset({"spokesperson", "spokesman", "spokeswoman", "representative"})

# Heads that make a noun phrase an organisation rather than a person.
ORG_HEADS = frozenset(
    words("""
ministry agency embassy office committee council command government department institute party
army navy military mission kremlin pentagon administration bureau commission cabinet staff
service services newspaper daily paper broadcaster outlet media bank legation presidency
secretariat parliament assembly senate congress court prosecutors police guard guards
union alliance bloc delegation headquarters group centre center foundation
sinmun shimbun ribao team panel coalition observatory directorate intelligence authority
company corporation airline airlines airways railways firm channel
fleet flotilla television tv radio
""")
)

# Nouns for a document that "says" what its author said ("the statement said").
DOCUMENT_NOUNS = words(
    "statement post message report editorial commentary letter communique reply response article "
    "text document declaration readout"
)

# Plural or indefinite speakers that credit nobody in particular ("analysts said").
VAGUE_HEADS = frozenset(
    words("""
analysts experts officials observers diplomats critics residents people sources source
researchers scholars commentators lawmakers insiders activists witnesses others some many
""")
)
