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
observe signal summarise summarize underline underscore lament fume thunder
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
post posts counter signal answer welcome hail point
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
    r"(?:19|20)\d\d)"
)

ADVERB_WORDS = frozenset(
    words("""
also later then previously once separately recently further again simply flatly bluntly earlier
quickly publicly privately repeatedly has have had was is would will had long often already has
had still even instead however meanwhile herself himself themselves itself too in turn openly
sharply firmly curtly tersely angrily dryly calmly cautiously only
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
trader banker manager journalist reporter correspondent
""")
)

# Heads that make a noun phrase an organisation rather than a person.
ORG_HEADS = frozenset(
    words("""
ministry agency embassy office committee council command government department institute party
army navy military mission kremlin pentagon administration bureau commission cabinet staff
service services newspaper daily paper broadcaster outlet media bank legation presidency
secretariat parliament assembly senate congress court prosecutor prosecutors police guard guards
union alliance bloc delegation headquarters group centre center foundation
""")
)

# Nouns for a document that "says" what its author said ("the statement said").
DOCUMENT_NOUNS = words("statement post message report editorial commentary letter communique")

# Plural or indefinite speakers that credit nobody in particular ("analysts said").
VAGUE_HEADS = frozenset(
    words("""
analysts experts officials observers diplomats critics residents people sources source
researchers scholars commentators lawmakers insiders activists witnesses others some many
""")
)


# --- speaker phrases next to a cue ------------------------------------------------------------

_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĪĮİŁŃŇŌŐŒŘŚŞŠŢŤŪŮŰŲŹŻŽ"
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


def _is_cap(token: str) -> bool:
    return bool(re.match(rf"[{_UPPER}]", token)) or token.startswith("(")


def _head_ok(tokens: list[str]) -> bool:
    last = tokens[-1].lower().strip("()’'")
    return (
        _is_cap(tokens[-1])
        or last in ORG_HEADS
        or last in ROLE_NOUNS
        or last in VAGUE_HEADS
        or last in DOCUMENT_NOUNS
    )


def phrase_before(text: str) -> str | None:
    """The noun phrase that ends `text` (the words just before a cue verb), or None."""
    tokens = _TOKEN_RE.findall(text[-200:])
    if not tokens:
        return None
    last = tokens[-1]
    if (PRONOUN_RE.match(last) and not _is_cap(last)) or last in ("He", "She", "They", "It", "We"):
        return last
    taken: list[str] = []
    lowers = 0
    for token in reversed(tokens):
        lower = token.lower()
        if lower in _DETERMINERS:
            if taken:
                taken.insert(0, token)
            break
        if _is_cap(token):
            if taken and token.endswith(".") and not _ABBREVIATED.fullmatch(token):
                break  # "... and Germany. Isabel Pardo said": a sentence ended there
            taken.insert(0, token)
            continue
        if lower == "in" and len(taken) == 1 and _is_cap(taken[0]):
            taken.insert(0, token)  # "the Russian embassy in Tokyo"; checked below
            continue
        if lower in _LINKS and taken and _is_cap(taken[0]) and len(taken) > 1:
            taken.insert(0, token)
            continue
        if lower in _STOP or not token[0].isalpha() or lowers >= 4:
            break
        taken.insert(0, token)
        lowers += 1
    if ("in" in taken and taken.index("in") == 0) or (
        "in" in taken and taken[taken.index("in") - 1].lower() not in ORG_HEADS
    ):
        taken = taken[taken.index("in") + 1 :]
    while taken and taken[0].lower() in _LINKS:
        taken.pop(0)
    if not taken or not _head_ok(taken) or " ".join(taken) in _NOT_SPEAKERS:
        return None
    return _rejoin(text, taken)


_NOT_SPEAKERS = frozenset({"This", "That", "These", "Those", "There", "What", "Which", "Who"})


def phrase_after(text: str) -> str | None:
    """The noun phrase that starts `text` (the words just after an inverted cue), or None."""
    stripped = text.lstrip(" ,")
    tokens = _TOKEN_RE.findall(stripped[:200])
    if not tokens:
        return None
    first = tokens[0].lower()
    if first in ("he", "she", "they", "it", "we"):
        return tokens[0]
    taken: list[str] = []
    for index, token in enumerate(tokens):
        lower = token.lower()
        if index == 0 and lower in _DETERMINERS:
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
        if lower == "the" and taken and taken[-1].lower() in _LINKS:
            taken.append(token)
            continue
        if lower in _STOP or lower in _LINKS or not token[0].isalpha() or len(taken) >= 8:
            break
        taken.append(token)
    while taken and (taken[-1].lower() in _LINKS or taken[-1].lower() in _DETERMINERS):
        taken.pop()
    if not taken or not _head_ok(taken):
        return None
    return _rejoin(stripped, taken, first=True)


def _rejoin(text: str, tokens: list[str], first: bool = False) -> str:
    """The original text that the tokens came from (keeps spacing and apostrophes as written)."""
    pattern = r"\s*".join(re.escape(t) for t in tokens)
    matches = list(re.finditer(pattern, text))
    found = (matches[0] if first else matches[-1]) if matches else None
    phrase = found.group(0) if found else " ".join(tokens)
    return phrase.rstrip(".,")
