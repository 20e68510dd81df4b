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
post posts counter signal answer welcome hail point report reports
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
)

# Participles that attach a quote to the subject of the main clause ("The ministry issued a
# statement, saying ...", "Koo declined to comment, saying only that ...").
PARTICIPLE_RE = re.compile(
    r"(?<![\w-])(?:saying|calling|describing|adding|noting|warning|accusing|urging|hailing|"
    r"praising|insisting|arguing|declaring|stressing|claiming|dismissing|branding|labell?ing|"
    r"denouncing|condemning|vowing|pledging|promising|asserting|announcing|dubbing)(?![\w-])"
)

_CUE_ALTERNATIVES = "|".join(CUE_PHRASES + tuple(sorted(CUE_WORDS, key=len, reverse=True)))
CUE_RE = re.compile(rf"(?<![\w’'-])(?:{_CUE_ALTERNATIVES})(?![\w’'-])")
ACCORDING_RE = re.compile(r"(?<![\w-])(?:[Aa]ccording to|in the words of)\s+")

# Words between a speaker and the cue ("Ward also said", "she has long argued").
# Time and place phrases between a speaker and the cue ("KCNA on Tuesday said").
TIME_PHRASE = (
    r"(?:on|last|this|late|early|earlier|in|at)\s+(?:the\s+)?(?:Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday|week|month|year|night|morning|afternoon|evening|"
    r"weekend|a statement|an interview|a briefing|a post|a commentary|an editorial|"
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"(?:19|20)\d\d)"
)

ADVERB_WORDS = frozenset(
    words("""
also later then previously once separately recently further again simply flatly bluntly earlier
quickly publicly privately repeatedly has have had was is would will had long often already has
had still even instead however meanwhile herself himself themselves itself too in turn openly
sharply firmly curtly tersely angrily dryly calmly cautiously only nonetheless nevertheless
however though likewise similarly subsequently
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
defector diplomat staffer operator blogger activist person
""")

# Heads that make a noun phrase an organisation rather than a person.
ORG_HEADS = frozenset(
    words("""
ministry agency embassy office committee council command government department institute party
army navy military mission kremlin pentagon administration bureau commission cabinet staff
service services newspaper daily paper broadcaster outlet media bank legation presidency
secretariat parliament assembly senate congress court prosecutors police guard guards
union alliance bloc delegation headquarters group centre center foundation
""")
)

# Nouns for a document that "says" what its author said ("the statement said").
DOCUMENT_NOUNS = words(
    "statement post message report editorial commentary letter communique reply response"
)

# Plural or indefinite speakers that credit nobody in particular ("analysts said").
VAGUE_HEADS = frozenset(
    words("""
analysts experts officials observers diplomats critics residents people sources source
researchers scholars commentators lawmakers insiders activists witnesses others some many
""")
)


# --- speaker phrases next to a cue ------------------------------------------------------------

_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĪĮİŁŃŇŌŐŒŘŚŞŠŢŤŪŮŰŲŹŻŽ"
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_TRAILING_LABEL = re.compile(r"\s*\((?![A-Z]{2,}\))[^()\n]{1,40}\)\s*$")
_TOKEN_RE = re.compile(r"\([A-Z]{2,}\)|[\w’'.-]+|¶+|[,;:()—–]")
_DETERMINERS = frozenset({"the", "a", "an", "one"})
_LINKS = frozenset({"of", "to", "for", "in"})
# Words that end a noun phrase when met (reading either way).
_STOP = (
    frozenset(
        words("""
and but or nor that which who whom whose said says told would will could should can may might
must has have had was were is are be been being not in on at with by from as when while after
before if than then so because since during into about over under against between without also
did does do it he she they we i his her their its our this these those what where why how there
here said reportedly just only even still yet again already now today yesterday
""")
    )
    | CUE_WORDS
)

_ABBREVIATED = re.compile(r"(?:[A-Z]\.)+|[A-Z][a-z]{0,3}\.")  # "U.S.", "Mr.", "Gen."
PRONOUN_RE = re.compile(r"(?i)(he|she|they|it|we|i)$")
_POSSESSIVE_DETERMINERS = frozenset({"its", "his", "her", "their"})


def _is_cap(token: str) -> bool:
    return bool(re.match(rf"[{_UPPER}]", token)) or token.startswith("(")


def _head_ok(tokens: list[str]) -> bool:
    last = tokens[-1].lower().strip("()’'.")
    return (
        _is_cap(tokens[-1])
        or last in ORG_HEADS
        or last in ROLE_NOUNS
        or last in PERSON_NOUNS
        or last in VAGUE_HEADS
        or last in DOCUMENT_NOUNS
    )


def phrase_before(text: str) -> str | None:
    """The noun phrase that ends `text` (the words just before a cue verb), or None."""
    text = text[-200:]
    # A phrase never runs across a paragraph break ("13.41 BST / Ukraine reacts / ...").
    text = _PARAGRAPH_BREAK.split(text)[-1]
    # "Sen. Roger Anstey (R-Idaho) said": a party or place label between name and cue.
    text = _TRAILING_LABEL.sub("", text)
    tokens = _TOKEN_RE.findall(text)
    if not tokens:
        return None
    last = tokens[-1]
    if (PRONOUN_RE.match(last) and not _is_cap(last)) or last in ("He", "She", "They", "It", "We"):
        return last
    taken: list[str] = []
    lowers = 0
    i = len(tokens)
    while i > 0:
        i -= 1
        token = tokens[i]
        lower = token.lower()
        if lower in _DETERMINERS:
            if taken and _chain_link(tokens, i):
                # "the Central Military Commission of the ruling Workers' Party", "a statement
                # from the North's defence ministry": the phrase goes on before "of the".
                taken[:0] = [tokens[i - 1], token]
                i -= 1
                continue
            if taken:
                taken.insert(0, token)
            break
        if token.endswith(".") and taken and not _ABBREVIATED.fullmatch(token):
            break  # "... and Germany. Isabel Pardo said": a sentence ended there
        if _is_cap(token):
            taken.insert(0, token)
            continue
        if lower == "in" and len(taken) == 1 and _is_cap(taken[0]):
            taken.insert(0, token)  # "the Russian embassy in Tokyo"; checked below
            continue
        if lower in _LINKS and taken and _is_cap(taken[0]) and _is_cap(tokens[i - 1] if i else ""):
            taken.insert(0, token)  # "Prisoners of War", "Ministry of Foreign Affairs"
            continue
        if lower in _STOP or not token[0].isalpha() or lowers >= 4:
            break
        taken.insert(0, token)
        lowers += 1
    if ("in" in taken and taken.index("in") == 0) or (
        # "the Hanseo Institute for Peace Studies in Seoul" is one name; "Beijing in Seoul" not.
        "in" in taken
        and not any(t.lower() in ORG_HEADS | DOCUMENT_NOUNS for t in taken[: taken.index("in")])
    ):
        taken = taken[taken.index("in") + 1 :]
    while taken and taken[0].lower() in _LINKS:
        taken.pop(0)
    if not taken or not _head_ok(taken) or " ".join(taken) in _NOT_SPEAKERS:
        return None
    return _rejoin(text, taken)


_CHAIN_LINKS = frozenset({"of", "for", "to", "from", "in"})


def _chain_link(tokens: list[str], i: int) -> bool:
    """Whether the determiner at i follows `HEAD of`, where HEAD names a body, a role or a
    document: the determiner starts the second half of one long name."""
    if i < 2 or tokens[i - 1].lower() not in _CHAIN_LINKS:
        return False
    head = tokens[i - 2].lower().strip("’'")
    link = tokens[i - 1].lower()
    if head in DOCUMENT_NOUNS:
        return link != "of"
    if link == "from" or (link == "in" and head not in ORG_HEADS):
        return False  # "the Russian embassy in the DPRK" goes on; "a rally in the capital" not
    if head in ORG_HEADS or head in ROLE_NOUNS:
        return True
    # "the Ministry of Foreign Affairs of the DPRK": a capitalised run holding a body's head
    j = i - 2
    while j >= 0 and (_is_cap(tokens[j]) or tokens[j] in _LINKS):
        if tokens[j].lower() in ORG_HEADS:
            return True
        j -= 1
    return False


_NOT_SPEAKERS = frozenset({"This", "That", "These", "Those", "There", "What", "Which", "Who"})


def phrase_after(text: str) -> str | None:
    """The noun phrase that starts `text` (the words just after an inverted cue), or None."""
    stripped = text.lstrip(" ,")
    tokens = _TOKEN_RE.findall(stripped[:200])
    if not tokens:
        return None
    first = tokens[0].lower()
    capitalised_name = len(tokens) > 1 and tokens[0][0].isupper() and _is_cap(tokens[1])
    if first in ("he", "she", "they", "it", "we") and not capitalised_name:
        return tokens[0]  # but "said He Zhenyu, a commentator": a name
    taken: list[str] = []
    for index, token in enumerate(tokens):
        lower = token.lower()
        if index == 0 and (lower in _DETERMINERS or lower in _POSSESSIVE_DETERMINERS):
            taken.append(token)
            continue
        if _is_cap(token):
            taken.append(token)
            if token.endswith((".", ",")) and not _ABBREVIATED.fullmatch(token):
                break
            continue
        prev = taken[-1].lower().strip("()") if taken else ""
        org_like = any(t.lower().strip("()") in ORG_HEADS for t in taken)
        if lower in _LINKS and taken and (org_like or prev in ORG_HEADS):
            if lower == "in" and prev not in ORG_HEADS:
                break
            taken.append(token)
            continue
        if lower in ("from", "by", "in") and prev in DOCUMENT_NOUNS:
            taken.append(token)  # "a statement from the defence ministry"
            continue
        if lower in _DETERMINERS and taken and taken[-1].lower() in _LINKS | {"from", "by"}:
            taken.append(token)
            continue
        document = lower in DOCUMENT_NOUNS and prev in _DETERMINERS | _POSSESSIVE_DETERMINERS
        stop = lower in _STOP and not document  # "The reply from the mission": a noun here
        if stop or lower in _LINKS or not token[0].isalpha() or len(taken) >= 8:
            break
        if lower.endswith("ed") and taken and prev not in _DETERMINERS | _POSSESSIVE_DETERMINERS:
            break  # "the foreign ministry thanked Russia": a verb ends the subject
        if taken and _ends_noun_phrase(taken[-1], lower):
            break  # "Baek Sung-ho went further", "state media made the most of it"
        taken.append(token)
    while taken and (taken[-1].lower() in _LINKS or taken[-1].lower() in _DETERMINERS):
        taken.pop()
    if not taken or not _head_ok(taken):
        return None
    return _rejoin(stripped, taken, first=True)


_NOUNS = ORG_HEADS | ROLE_NOUNS | DOCUMENT_NOUNS
_NOUN_MODIFIERS = words("""
news state party press foreign defence defense security intelligence information media
regional provincial municipal ruling central national presidential
""")


def _ends_noun_phrase(last: str, lower: str) -> bool:
    """Whether a lower-case word after `last` starts the predicate: after a name or a head noun,
    only another head noun ("State Department spokesperson") continues the phrase."""
    if lower in _NOUNS or lower in PERSON_NOUNS or lower in _NOUN_MODIFIERS:
        return False
    bare = last.strip("()")
    if bare.lower() == "official":
        return False  # "the official news agency"
    if bare.lower() in _DETERMINERS | _POSSESSIVE_DETERMINERS | _LINKS:
        return False
    if bare.lower() in _NOUNS:
        return True
    if not _is_cap(last) or bare.endswith(("'s", "’s")) or bare in NATIONALITY_LIKE:
        return False
    # "one Hong Kong-based commodities trader": an adjective, not a name, so the phrase goes on;
    # "the DPRK foreign ministry" goes on through the modifier (above), "the EU came" stops.
    return not re.search(r"-(?:based|born|run|backed|owned|educated|trained)$", bare)


NATIONALITY_LIKE = frozenset(
    words("""
Chinese Russian Korean Japanese American Ukrainian European German French British North South
Western Eastern Soviet Indian Iranian Taiwanese Mongolian Vietnamese Estonian Polish Turkish
Kremlin Pentagon Foreign Defence Defense State National Central Federal Presidential Senior
""")
)


def _rejoin(text: str, tokens: list[str], first: bool = False) -> str:
    """The original text that the tokens came from (keeps spacing and apostrophes as written)."""
    pattern = r"\s*".join(re.escape(t) for t in tokens)
    matches = list(re.finditer(pattern, text))
    found = (matches[0] if first else matches[-1]) if matches else None
    phrase = found.group(0) if found else " ".join(tokens)
    return phrase.rstrip(".,")
