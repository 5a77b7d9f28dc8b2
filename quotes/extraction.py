"""Find the quotations in an article's paragraphs and who said them: rules, stdlib only.

``extract(paragraphs)`` takes the body as plain-text paragraphs and returns one
:class:`Found` per quotation, in reading order. It never raises on odd input and runs in time
linear in the text: every look-around is bounded to the sentence or a fixed window.

The steps, per paragraph (docs/quotes.md explains each with examples):

1. Quote marks. Straight and curly double marks (and curly single marks in a paragraph that
   has no double ones) are read as opening or closing from the characters around them; an
   opening mark met inside an open quotation after a sentence end closes it first (a lost
   paragraph break), and a quotation still open at the paragraph's end runs to the end.
2. Sentences are cut outside the quoted spans, so a full stop inside a quotation never ends
   the writer's sentence.
3. Each span is attributed from its sentence: a cue verb after it (``"…," she said``,
   ``"…," said Jo Bloggs``), before it (``Jo Bloggs said: "…"``), or, for a partial quote
   inside the writer's sentence, the sentence's subject and verb. A span right after an
   attributed one in the same sentence (``"A," he said, "B."``) joins it. A span with no cue
   that opens a sentence right after a quotation, or opens the next paragraph, continues it.
4. The subject is read as a name (with its title or role), a pronoun, a role phrase, a body
   ("a Harbour Board spokesperson"), or an anonymous source ("a senior official"). Pronouns
   and roles resolve to the most recent compatible person or body named in the article.
5. Scare quotes, titles of works and nicknames are dropped: short spans with no cue, spans
   after "film", "book", "dubbed" and the like.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

FULL, PARTIAL, CONTINUATION, PRONOUN = "full", "partial", "continuation", "pronoun"
PERSON, ORGANISATION = "person", "organisation"

OPENING_DOUBLE = "“„‟«"
CLOSING_DOUBLE = "”»"
OPENING_SINGLE = "‘‚"
CLOSING_SINGLE = "’"
ALL_MARKS = '"' + OPENING_DOUBLE + CLOSING_DOUBLE
BEFORE_OPENING = " \t\n([{—–-/:;"
AFTER_CLOSING = " \t\n.,;:!?)]}—–-/…"
SPAN_LIMIT = 3000  # characters: a longer "quotation" is a stray mark, not speech
WINDOW = 400  # characters looked at around a span

CUE_VERBS = {
    "said", "says", "say", "told", "tells", "added", "adds", "warned", "warns", "argued", "argues",
    "insisted", "insists", "explained", "explains", "wrote", "writes", "posted", "posts", "stated",
    "states", "asked", "asks", "replied", "replies", "claimed", "claims", "noted", "notes",
    "continued", "continues", "concluded", "concludes", "commented", "comments", "acknowledged", "admitted", "admits",
    "conceded", "concedes", "declared", "declares", "announced", "suggested", "suggests",
    "stressed", "stresses", "urged", "urges", "recalled", "recalls", "responded", "responds",
    "remarked", "observed", "maintained", "maintains", "predicted", "predicts", "promised",
    "confirmed", "confirms", "denied", "denies", "tweeted", "joked", "jokes",
    "cautioned", "complained", "complains", "agreed", "agrees", "reckoned", "reckons",
    "contended", "emphasised", "emphasized", "assured", "vowed", "vows", "boasted", "revealed",
    "countered", "retorted", "shouted", "whispered", "pleaded", "demanded", "wondered",
    "mused", "sighed", "laughed", "quipped", "reported", "reports",
    "estimated", "testified", "protested", "objected", "answered", "illustrated", "sang",
}  # fmt: skip
# Verbs that only introduce a partial quote: the minister called the plan "a step backwards".
PARTIAL_VERBS = {
    "called", "calls", "described", "describes", "branded", "brands", "labelled", "labeled",
    "criticised", "criticized", "condemned", "condemns", "praised", "praises", "hailed",
    "attacked", "dismissed", "dismisses", "accused", "accuses", "welcomed", "welcomes",
    "slammed", "termed", "characterised", "characterized", "believes", "believed", "felt", "feels",
    "thinks", "thought", "hopes", "hoped", "admit", "slated", "pledged", "criticise", "criticize",
    "refers", "referred", "warn", "insist", "argue", "promise", "describe", "call", "blamed", "blames",
}  # fmt: skip
# A participle cue belongs to the main clause: "the club said …, calling his plan "damaging"".
PARTICIPLES = {
    "saying", "calling", "adding", "describing", "claiming", "warning", "insisting", "arguing",
    "admitting", "accusing", "branding", "labelling", "labeling", "dismissing", "urging",
    "stressing", "noting", "suggesting", "promising", "telling", "writing", "explaining",
    "declaring", "complaining", "praising", "welcoming", "announcing",
}  # fmt: skip
# A title-case span after one of these is the name of a work or a nickname, not speech.
TITLE_CONTEXT = {
    "film", "films", "movie", "book", "books", "novel", "song", "songs", "single", "album",
    "show", "series", "play", "programme", "program", "documentary", "episode", "titled",
    "entitled", "dubbed", "nicknamed", "named", "known", "opera", "musical", "poem",
    "painting", "exhibition", "campaign", "slogan", "motto", "hit", "track", "game", "magazine",
    "newspaper", "column", "report", "sitcom", "drama", "comedy", "thriller", "headline",
    "term", "word", "phrase", "label", "brand", "operation", "codenamed", "so-called",
}  # fmt: skip
AUXILIARIES = {
    "also", "later", "earlier", "previously", "recently", "then", "has", "had", "have", "was",
    "is", "once", "again", "would", "will", "simply", "just", "repeatedly",
    "publicly", "privately", "separately", "subsequently", "further", "reportedly", "yesterday", "today", "last", "week", "night", "finally", "first", "initially", "only",
    "however", "always", "often", "frequently", "openly", "already", "may", "might", "could",
    "did", "does", "do", "not", "never", "were", "are", "been", "being",
}  # fmt: skip
LEAD_WORDS = {
    "but", "and", "however", "yet", "so", "meanwhile", "now", "still", "instead", "indeed",
    "speaking", "asked", "writing", "also", "then", "later", "earlier", "separately", "or",
}  # fmt: skip
PRONOUNS = {"he": "m", "she": "f", "they": None, "it": None, "we": None, "i": None}
TITLES = {
    "mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "dr": None,
    "dr.": None, "sir": "m", "dame": "f", "lord": "m", "lady": "f", "prof": None, "prof.": None,
    "professor": None, "king": "m", "queen": "f", "prince": "m", "princess": "f", "rev": None,
    "reverend": None, "father": "m", "sister": "f", "brother": "m", "baroness": "f",
    "baron": "m", "mx": None, "mme": "f", "mlle": "f", "herr": "m", "frau": "f", "senor": "m",
    "senora": "f", "st": None,
}  # fmt: skip
ROLE_WORDS = {
    "president", "chancellor", "prime", "minister", "secretary", "senator", "sen", "rep",
    "representative", "governor", "gov", "mayor", "judge", "justice", "pope", "bishop",
    "archbishop", "general", "gen", "colonel", "col", "captain", "capt", "commissioner", "chief",
    "inspector", "detective", "sergeant", "sgt", "officer", "constable", "coach", "manager",
    "chairman", "chairwoman", "chair", "director", "ambassador", "deputy", "foreign", "home",
    "health", "education", "defence", "defense", "shadow", "former", "vice", "leader", "speaker",
    "executive", "head", "boss", "spokesman", "spokeswoman", "spokesperson", "economist",
    "analyst", "professor", "lawyer", "attorney", "councillor", "councilor", "mp", "mep", "msp",
    "congressman", "congresswoman", "sheriff", "superintendent", "commander", "admiral", "major",
    "lieutenant", "lt", "private", "trade", "culture", "sports", "sport", "environment", "energy",
    "transport", "treasury", "finance", "interior", "labour", "labor", "economy",
    "economic", "business", "industry", "agriculture", "science", "technology", "tech", "first",
    "acting", "interim", "senior", "junior", "attorney-general", "solicitor",
    "premier", "chief-executive", "founder", "co-founder", "owner", "editor", "producer",
    "singer", "actor", "actress", "star", "striker", "midfielder", "defender", "goalkeeper",
    "winger", "player", "veteran", "champion", "singer-songwriter", "writer", "author", "novelist",
    "director-general", "secretary-general", "under-secretary", "rapper", "drummer", "guitarist",
    "chef", "pilot", "doctor", "nurse", "surgeon", "scientist", "researcher", "teacher",
    "headteacher", "principal", "dean", "rector", "vicar", "priest", "imam", "rabbi", "envoy",
    "negotiator", "campaigner", "activist", "chairperson", "treasurer", "mayor-elect",
    "president-elect", "governor-elect", "opposition", "party", "union", "team", "club",
    "national", "international", "european", "british", "american", "us", "uk", "eu", "un",
}  # fmt: skip
FEMALE_ROLES = {"spokeswoman", "chairwoman", "congresswoman", "actress", "businesswoman", "mother",
                "wife", "daughter", "sister", "grandmother", "policewoman", "headmistress"}  # fmt: skip
MALE_ROLES = {"spokesman", "chairman", "congressman", "actor", "businessman", "father", "husband",
              "son", "brother", "grandfather", "policeman", "headmaster"}  # fmt: skip
SPOKES = {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen", "spokeswomen"}
ORGANISATION_WORDS = {
    "ltd", "inc", "plc", "corp", "co", "llc", "bank", "board", "ministry", "council", "commission",
    "committee", "association", "party", "group", "union", "office", "department", "agency",
    "authority", "police", "service", "services", "institute", "foundation", "trust",
    "university", "college", "school", "club", "federation", "organisation", "organization",
    "company", "court", "government", "parliament", "assembly", "senate", "congress", "house",
    "airways", "airlines", "motors", "industries", "holdings", "partners", "society", "league",
    "network", "church", "army", "navy", "force", "forces", "fund", "federal", "reserve",
    "exchange", "news", "times", "post", "journal", "telegraph", "guardian", "bbc", "centre",
    "center", "hospital", "charity", "coalition", "alliance", "movement", "front", "campaign",
    "consortium", "labs", "systems", "energy", "oil", "gas", "telecom", "media", "records",
    "studios", "pictures", "entertainment", "executive", "administration", "cabinet", "treasury",
    "commons", "lords", "unit", "panel", "tribunal", "regulator", "watchdog", "mission",
    "embassy", "secretariat", "institution", "academy", "museum", "gallery", "fc",
}  # fmt: skip
GENERIC_BODIES = {
    "company", "firm", "group", "bank", "ministry", "department", "government", "council",
    "agency", "board", "club", "team", "union", "party", "police", "force", "commission",
    "committee", "authority", "regulator", "watchdog", "airline", "carrier", "retailer",
    "chain", "operator", "organisation", "organization", "association", "body", "charity",
    "court", "network", "broadcaster", "channel", "studio", "label", "office", "store",
    "maker", "manufacturer", "producer", "developer", "giant", "insurer", "lender", "trust",
    "fund", "exchange", "administration", "white", "kremlin", "corporation", "corp",
}  # fmt: skip
ANONYMOUS_HEADS = {
    "source", "sources", "official", "officials", "aide", "aides", "insider", "insiders",
    "diplomat", "diplomats", "person", "people", "resident", "residents", "witness",
    "witnesses", "member", "members", "employee", "employees", "staffer", "staffers",
    "observer", "observers", "analyst", "analysts", "expert", "experts", "critic", "critics",
    "executive", "executives", "negotiator", "negotiators", "minister", "ministers", "mp", "mps",
    "banker", "bankers", "investor", "investors", "trader", "traders", "economist", "economists",
    "worker", "workers", "fan", "fans", "voter", "voters", "officer", "officers", "spokesman",
    "spokeswoman", "spokesperson", "colleague", "colleagues", "friend", "friends", "neighbour",
    "neighbours", "relative", "relatives", "student", "students", "parent", "parents", "doctor",
    "doctors", "nurse", "nurses", "teacher", "teachers", "lawyer", "lawyers", "commentator",
    "commentators", "strategist", "strategists", "veteran", "veterans", "player", "players",
    "supporter", "supporters", "campaigner", "campaigners", "man", "woman", "men", "women",
    "passenger", "passengers", "customer", "customers", "shopper", "shoppers", "local", "locals",
}  # fmt: skip
# "the police said" refers to a body named with that word, never to just any body.
NAMED_BODIES = {"police", "government", "ministry", "court", "army", "navy", "party", "union", "council"}
DOCUMENTS = {"statement", "report", "minutes", "letter", "website", "release", "document", "memo",
             "filing", "submission", "notice", "announcement"}  # fmt: skip
ANONYMOUS_DETERMINERS = {"a", "an", "one", "two", "three", "several", "some", "many", "other",
                         "another", "most", "few", "numerous", "unnamed", "anonymous"}  # fmt: skip
NOT_NAMES = {
    "the", "a", "an", "in", "on", "at", "but", "and", "however", "yet", "so", "if", "when", "this",
    "that", "these", "those", "it", "he", "she", "they", "we", "i", "you", "his", "her", "their",
    "its", "our", "my", "your", "there", "here", "after", "before", "while", "as", "for", "with",
    "from", "by", "to", "of", "meanwhile", "also", "last", "next", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "speaking", "asked", "writing", "according", "despite", "although", "since", "until", "now",
    "then", "today", "yesterday", "tomorrow", "earlier", "later", "still", "even", "just", "what",
    "who", "why", "how", "where", "which", "both", "all", "some", "many", "most", "no", "not",
    "such", "other", "another", "each", "every", "any", "more", "less", "over", "under", "about",
    "among", "between", "into", "during", "without", "within", "through", "across", "against",
    "around", "because", "though", "unless", "whether", "instead", "indeed", "thus", "hence",
    "mrs", "mr", "ms", "dr", "sir", "lord", "lady",
}  # fmt: skip
ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "prof", "gen", "col", "capt", "sgt", "lt", "sen",
                 "rep", "gov", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan",
                 "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
                 "u.s", "u.k", "e.g", "i.e", "mt", "ft", "rev", "hon", "op"}  # fmt: skip
FEMALE_NAMES = set(
    [
        "mary",
        "patricia",
        "jennifer",
        "linda",
        "elizabeth",
        "barbara",
        "susan",
        "jessica",
        "sarah",
        "karen",
        "nancy",
        "lisa",
        "margaret",
        "betty",
        "sandra",
        "ashley",
        "dorothy",
        "kimberly",
        "emily",
        "donna",
        "michelle",
        "carol",
        "amanda",
        "melissa",
        "deborah",
        "stephanie",
        "rebecca",
        "laura",
        "sharon",
        "cynthia",
        "kathleen",
        "amy",
        "shirley",
        "angela",
        "helen",
        "anna",
        "brenda",
        "pamela",
        "nicole",
        "ruth",
        "katherine",
        "samantha",
        "christine",
        "emma",
        "catherine",
        "debra",
        "virginia",
        "rachel",
        "carolyn",
        "janet",
        "maria",
        "heather",
        "diane",
        "julie",
        "joyce",
        "victoria",
        "kelly",
        "christina",
        "joan",
        "evelyn",
        "lauren",
        "judith",
        "olivia",
        "martha",
        "cheryl",
        "megan",
        "andrea",
        "hannah",
        "jacqueline",
        "ann",
        "jean",
        "alice",
        "kathryn",
        "gloria",
        "teresa",
        "doris",
        "sara",
        "janice",
        "julia",
        "marie",
        "madison",
        "grace",
        "judy",
        "theresa",
        "beverly",
        "denise",
        "marilyn",
        "amber",
        "danielle",
        "abigail",
        "brittany",
        "rose",
        "diana",
        "natalie",
        "sophia",
        "alexis",
        "lori",
        "kayla",
        "jane",
        "fiona",
        "claire",
        "kate",
        "caroline",
        "lucy",
        "charlotte",
        "sophie",
        "chloe",
        "harriet",
        "theresa",
        "nicola",
        "tessa",
        "harriet",
        "yvette",
        "diane",
        "jacqui",
        "hazel",
        "clare",
        "ruth",
        "mo",
        "gillian",
        "sheila",
        "maureen",
        "wendy",
        "tracey",
        "tracy",
        "joanne",
        "joanna",
        "louise",
        "gemma",
        "kirsty",
        "natasha",
        "angela",
        "ursula",
        "christine",
        "hillary",
        "condoleezza",
        "madeleine",
        "nancy",
        "germaine",
        "kylie",
        "britney",
        "madonna",
        "beyonce",
        "whitney",
        "celine",
        "annie",
        "ella",
        "isla",
        "ava",
        "mia",
        "amelia",
        "isabella",
        "freya",
        "poppy",
        "ellie",
        "daisy",
        "priya",
        "aisha",
        "fatima",
        "mei",
        "yuki",
        "ana",
        "sofia",
        "lucia",
        "carmen",
        "elena",
        "ines",
        "ingrid",
        "greta",
        "astrid",
        "francoise",
        "marine",
        "segolene",
        "angela",
        "ursula",
        "kamala",
        "ilhan",
        "alexandria",
        "elif",
        "ayse",
        "leila",
        "nadia",
    ]
)
MALE_NAMES = set(
    [
        "james",
        "john",
        "robert",
        "michael",
        "william",
        "david",
        "richard",
        "joseph",
        "thomas",
        "charles",
        "christopher",
        "daniel",
        "matthew",
        "anthony",
        "mark",
        "donald",
        "steven",
        "paul",
        "andrew",
        "joshua",
        "kenneth",
        "kevin",
        "brian",
        "george",
        "edward",
        "ronald",
        "timothy",
        "jason",
        "jeffrey",
        "ryan",
        "jacob",
        "gary",
        "nicholas",
        "eric",
        "jonathan",
        "stephen",
        "larry",
        "justin",
        "scott",
        "brandon",
        "benjamin",
        "samuel",
        "gregory",
        "frank",
        "alexander",
        "raymond",
        "patrick",
        "jack",
        "dennis",
        "jerry",
        "tyler",
        "aaron",
        "jose",
        "adam",
        "henry",
        "nathan",
        "douglas",
        "zachary",
        "peter",
        "kyle",
        "walter",
        "ethan",
        "jeremy",
        "harold",
        "keith",
        "christian",
        "roger",
        "noah",
        "gerald",
        "carl",
        "terry",
        "sean",
        "austin",
        "arthur",
        "lawrence",
        "jesse",
        "dylan",
        "bryan",
        "joe",
        "jordan",
        "billy",
        "bruce",
        "albert",
        "willie",
        "gabriel",
        "logan",
        "alan",
        "juan",
        "wayne",
        "roy",
        "ralph",
        "randy",
        "eugene",
        "vincent",
        "russell",
        "elijah",
        "louis",
        "bobby",
        "philip",
        "johnny",
        "tony",
        "tom",
        "tim",
        "jim",
        "bob",
        "bill",
        "mike",
        "dave",
        "steve",
        "chris",
        "nick",
        "rod",
        "ross",
        "martin",
        "gordon",
        "tony",
        "ian",
        "neil",
        "nigel",
        "graham",
        "colin",
        "alistair",
        "alastair",
        "gareth",
        "rhodri",
        "rhys",
        "dafydd",
        "hamish",
        "angus",
        "fergus",
        "callum",
        "liam",
        "connor",
        "declan",
        "seamus",
        "sean",
        "gerry",
        "jeremy",
        "boris",
        "rishi",
        "keir",
        "ed",
        "ted",
        "vladimir",
        "dmitry",
        "sergei",
        "igor",
        "xi",
        "hu",
        "wen",
        "li",
        "jacques",
        "nicolas",
        "emmanuel",
        "francois",
        "gerhard",
        "helmut",
        "silvio",
        "romano",
        "jose",
        "luis",
        "carlos",
        "pedro",
        "miguel",
        "mohammed",
        "muhammad",
        "ahmed",
        "ali",
        "omar",
        "hassan",
        "hussein",
        "tariq",
        "imran",
        "nawaz",
        "narendra",
        "rahul",
        "vijay",
        "barack",
        "joe",
        "donald",
        "kofi",
        "nelson",
        "thabo",
        "jacob",
        "robert",
        "kim",
        "shinzo",
        "junichiro",
        "hiroshi",
        "kenji",
        "wayne",
        "alex",
        "max",
        "harry",
        "charlie",
        "oliver",
        "jake",
        "luke",
        "sam",
        "ben",
        "josh",
        "adam",
        "dan",
        "matt",
        "andy",
        "rob",
        "pete",
        "phil",
        "simon",
        "clive",
        "trevor",
        "derek",
        "ken",
        "les",
        "len",
        "reg",
        "ray",
        "ron",
        "roy",
        "stan",
        "stuart",
        "vic",
        "geoff",
        "jeff",
        "glenn",
        "glen",
        "craig",
        "darren",
        "dean",
        "lee",
        "wayne",
        "shane",
        "damien",
        "lewis",
        "andrew",
        "owen",
        "evan",
        "huw",
        "iwan",
        "lloyd",
        "thierry",
        "arsene",
        "jose",
        "rafael",
        "roger",
        "novak",
        "andy",
        "tiger",
        "lance",
        "michael",
        "frank",
    ]
)

# Events and prizes speak through their organisers: "the Brit Awards announced …".
ORGANISATION_WORDS |= {"awards", "festival", "prize", "championship", "olympics"}
GENERIC_BODIES |= {"newspaper", "magazine", "broadcaster"}
# More first names, common in English-language news (used only to guess gender for pronouns).
FEMALE_NAMES |= set(
    "esther betty jill brigitte vera cara ellen dina gwen gwyneth siobhan niamh aoife mairead "
    "yvonne sue susie jo kathy cathy liz beth millie molly nina tina gina rita pat dawn faye kay "
    "ruby jade kerry sally sadie zoe zara".split()
)
MALE_NAMES |= set(
    "ronnie gavin norman joel carlo ruud cristiano ryan warren cyril jim jimmy ron harvey bernard "
    "gerard jonny kenny lenny barry hugh hugo rupert giles toby malcolm duncan stewart euan ewan "
    "iain jamie robbie bobby davie tommy danny freddie freddy sol rio vince menzies".split()
)

NAME_TOKEN = r"(?:[A-Z][A-Za-z'’\-]*[a-z][A-Za-z'’\-]*|[A-Z]{2,}(?:'s)?|[A-Z]\.|O'[A-Z][a-z]+|Mc[A-Z][a-z]+)"
PARTICLE = r"(?:van|von|de|den|der|da|di|du|la|le|bin|al|el|ben|ibn|del|della|dos|das|y|st\.?)"
NAME_RUN = re.compile(rf"{NAME_TOKEN}(?:(?:\s+|-)(?:{PARTICLE}\s+)*{NAME_TOKEN})*")
SUBJECT_VERB = re.compile(
    r"\s+(said|says|told|added|has|had|was|is|will|would|believes|admitted|insisted|have|were|are)\b"
)
# "told BBC Radio", "in an interview with the Gazette": the outlet listens, it does not speak.
SPOKEN_TO = re.compile(r"\b(?:told|tells|telling|to|with)\s+(?:the\s+)?$")
AGE_APPOSITIVE = re.compile(r",\s*(\d{1,3}),")
FOLLOWED_BY_LOWER = re.compile(r"\s+[a-z]")
AFFILIATION = re.compile(rf"\s+(?:of|at|from)\s+(?:the\s+)?({NAME_RUN.pattern})")
WORD = re.compile(r"[A-Za-z][A-Za-z'’\-.]*")
SPACE = re.compile(r"\s+")


@dataclass
class Speaker:
    """Who a quotation belongs to, as read from the text."""

    name: str | None
    kind: str = PERSON
    anonymous: bool = False
    role: str = ""
    affiliation: str = ""
    gender: str | None = None
    aliases: list[str] = field(default_factory=list)


@dataclass
class Found:
    """One quotation: its words, where it starts and who said it."""

    text: str
    kind: str
    cue: str
    block_index: int
    offset: int
    speaker: Speaker | None
    explicit: bool = False  # from a quote block's own speaker field

    @property
    def attributed(self) -> bool:
        return self.speaker is not None and (self.speaker.anonymous or bool(self.speaker.name))


@dataclass
class Span:
    open_mark: int  # index of the opening mark (or -1 when the paragraph opened inside it)
    start: int
    end: int  # exclusive, before the closing mark
    close_mark: int  # index of the closing mark, or len(text) when left open


@dataclass
class Mention:
    position: int  # global, for recency
    name: str
    kind: str
    gender: str | None
    roles: set[str]
    subject: bool


# ---------------------------------------------------------------- names


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, accents and punctuation gone, single spaces: for comparing names."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[’']s\b", "", text.lower())
    return " ".join(re.sub(r"[^\w\s-]", " ", text).replace("-", " ").split())


def strip_titles(name: str) -> str:
    words = fold(name).split()
    while len(words) > 1 and (words[0] in TITLES or words[0] in ROLE_WORDS):
        words = words[1:]
    return " ".join(words)


def _tokens(text: str) -> list[str]:
    return text.split()


# ---------------------------------------------------------------- quote marks


def _direction(text: str, i: int) -> str:
    """'open', 'close' or 'either' for the straight or curly mark at ``i``."""
    mark = text[i]
    if mark in OPENING_DOUBLE or mark in OPENING_SINGLE:
        return "open"
    if mark in CLOSING_DOUBLE or mark in CLOSING_SINGLE:
        return "close"
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    opens = before in BEFORE_OPENING and not after.isspace()
    closes = not before.isspace() and (after in AFTER_CLOSING or after in ALL_MARKS)
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def _single_marks(text: str) -> list[int]:
    """Single marks (curly or straight) that can only be quotation marks, not apostrophes."""
    marks = []
    for i, ch in enumerate(text):
        opens = i == 0 or text[i - 1] in BEFORE_OPENING
        if opens and (ch in OPENING_SINGLE or (ch == "'" and text[i + 1 : i + 2].isalnum())):
            marks.append(i)
        elif ch in CLOSING_SINGLE + "'":
            after = text[i + 1] if i + 1 < len(text) else " "
            if after in AFTER_CLOSING and i > 0 and not text[i - 1].isspace() and text[i - 1] != "s":
                marks.append(i)
    return marks


def _trimmed_end(text: str, i: int) -> int:
    """Where ``text[:i]`` ends once trailing white space is left off."""
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i


def find_spans(text: str) -> list[Span]:
    marks = [i for i, ch in enumerate(text) if ch in ALL_MARKS]
    if not marks:
        marks = _single_marks(text)
    spans: list[Span] = []
    opened: int | None = None
    for i in marks:
        direction = _direction(text, i)
        if opened is None:
            if direction != "close":
                opened = i
            elif not spans and i == marks[0] and text[:i].strip():
                # A paragraph that starts inside a quotation carried over from the last one.
                spans.append(Span(-1, 0, i, i))
            continue
        trimmed = _trimmed_end(text, i)
        sentence_ended = trimmed > 0 and text[trimmed - 1] in ".!?…" and opened < trimmed - 1
        if direction == "open" and (sentence_ended or text[i] in OPENING_DOUBLE + OPENING_SINGLE):
            # A quotation left open: its paragraph break was lost, or it runs on into this one.
            end = trimmed
            spans.append(Span(opened, opened + 1, end, end))
            opened = i
            continue
        spans.append(Span(opened, opened + 1, i, i))
        opened = None
    if opened is not None:
        spans.append(Span(opened, opened + 1, len(text.rstrip()), len(text)))
    return [
        span
        for span in spans
        if 0 < span.end - span.start <= SPAN_LIMIT and text[span.start : span.end].strip()
    ]


# ---------------------------------------------------------------- sentences


def _masked(text: str, spans: Sequence[Span]) -> str:
    chars = list(text)
    for span in spans:
        for i in range(span.start, span.end):
            if not chars[i].isspace():
                chars[i] = "_"
    return "".join(chars)


def _is_abbreviation(masked: str, dot: int) -> bool:
    word = re.search(r"(\d?)([A-Za-z.]+)$", masked[max(0, dot - 20) : dot])
    if not word or word.group(1):
        # "£400m." or "5kg." ends a sentence: a unit after a figure is not an initial.
        return False
    token = word.group(2).lower()
    return (
        token in ABBREVIATIONS
        or (len(token) == 1 and token.isalpha())
        or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", token))
    )


def sentence_ends(text: str, masked: str, spans: Sequence[Span]) -> list[int]:
    """Positions just after each sentence end outside quotations."""
    closing = {span.close_mark for span in spans}
    ends: list[int] = []
    for i, ch in enumerate(masked):
        if ch in ".!?" or (i in closing and i > 0 and text[i - 1] in ".!?…"):
            j = i + 1
            while j < len(text) and text[j] in ")”’\"'":
                j += 1
            k = j
            while k < len(text) and text[k].isspace():
                k += 1
            if k < len(text) and not (text[k].isupper() or text[k].isdigit() or text[k] in ALL_MARKS + "‘'("):
                continue
            if ch == "." and _is_abbreviation(masked, i):
                continue
            if ends and ends[-1] == j:
                continue
            ends.append(j)
    return ends


# ---------------------------------------------------------------- speakers


@dataclass
class Reference:
    """The subject of a cue, before it is resolved against the article's mentions."""

    kind: str  # name, pronoun, role, body, anonymous
    name: str = ""
    role: str = ""
    gender: str | None = None
    organisation: bool = False
    affiliation: str = ""


def _is_role_like(word: str) -> bool:
    folded = fold(word)
    if folded in FEMALE_NAMES or folded in MALE_NAMES:
        return False
    return folded in ROLE_WORDS or bool(re.search(r"(?:er|or|ist|ian|ant|ent|ess|ies|ive)$", folded))


def _clean_run(run: str) -> tuple[str, list[str]]:
    """A capitalised run split into leading titles/roles and the name itself."""
    words = run.split()
    lead: list[str] = []
    owners = [i for i, w in enumerate(words[:-1]) if w.endswith(("'s", "’s"))]
    if owners:
        # "Harbour Gazette's Jo Bloggs": the owner is where the person works, not a part of the name.
        lead, words = words[: owners[-1] + 1], words[owners[-1] + 1 :]
    roles = [i for i, w in enumerate(words) if fold(w) in ROLE_WORDS and i < len(words) - 2]
    if roles and not _looks_organisation(run):
        # "Fisheries Minister Kofi Asante": everything up to the last role word is the role.
        lead, words = words[: roles[-1] + 1], words[roles[-1] + 1 :]
    while len(words) > 2 and _is_role_like(words[0]) and not _looks_organisation(" ".join(words)):
        lead.append(words.pop(0))
    while len(words) > 1 and (fold(words[0]) in TITLES or fold(words[0]) in ROLE_WORDS):
        lead.append(words.pop(0))
    while words and fold(words[0]) in NOT_NAMES and fold(words[0]) not in TITLES:
        lead.append(words.pop(0))
    while words and re.fullmatch(r"[A-Z]{2,}’?'?s", words[0]) and len(words) > 1:
        lead.append(words.pop(0))  # "BA's chairman Rod ..." left the possessive in the run
    return " ".join(words), lead


def _gender_of(name: str, titles: Iterable[str]) -> str | None:
    for title in titles:
        gender = TITLES.get(fold(title))
        if gender:
            return gender
        if fold(title) in FEMALE_ROLES:
            return "f"
        if fold(title) in MALE_ROLES:
            return "m"
    first = fold(name).split()[:1]
    if first and first[0] in FEMALE_NAMES:
        return "f"
    if first and first[0] in MALE_NAMES:
        return "m"
    return None


NOT_ORGANISATIONS = {"tv", "uk", "us", "usa", "eu", "gdp", "ceo", "mp", "mps", "pm", "am", "bst", "gmt",
                     "ok", "dvd", "cd", "dj", "it", "i", "ii", "iii", "ad", "bc", "vat", "id", "pc"}  # fmt: skip


def _looks_organisation(name: str) -> bool:
    words = fold(name).split()
    if not words or (len(words) == 1 and words[0] in NOT_ORGANISATIONS):
        return False
    if any(word in ORGANISATION_WORDS for word in words):
        return True
    return len(name.split()) == 1 and (name.isupper() and len(name) >= 2)


def _is_object(before: str) -> bool:
    """Whether a name after ``before`` is the object of a verb: "Jo Bloggs tipped (coach) Sam Hart"."""
    words = re.findall(r"[A-Za-z’'\-]+", before)[-3:]
    while words and (
        fold(words[-1]) in ROLE_WORDS or fold(words[-1]) in ("the", "a", "an", "his", "her", "their")
    ):
        words.pop()
    verb = fold(words[-1]) if words else ""
    return verb[:1].islower() and verb.endswith("ed") and (verb not in CUE_VERBS or verb == "told")


def _subject_segment(before: str) -> str:
    """The words naming who speaks, from the text that ends right before the cue verb."""
    text = before.rstrip(" ,")
    words = text.split()
    while words and fold(words[-1]) in AUXILIARIES:
        words.pop()
    # "Jo Bloggs, the harbour master, whose office faces the pier, has said": drop the relative clause.
    text = re.sub(r",\s*(?:who|whose|which)\b[^,]*,\s*$", "", " ".join(words))
    words = text.split()
    if words and fold(words[-1]) in PRONOUNS:
        return words[-1]
    if words and fold(words[-1]) in ("but", "and", "yet", "or"):
        # "Jo Bloggs has tried twice - without luck - but conceded": the sentence's subject.
        return _opening_subject(text)
    # "Jo Bloggs, the harbour master, said": the name before the apposition.
    appos = re.search(r"(?P<head>[^,]*),\s*(?P<appos>[^,]+?),?\s*$", text)
    if appos and re.match(
        r"(?:the|a|an|his|her|its|their|who|which|[a-z]|[A-Z][\w’']*(?:'s|’s)\s)", appos.group("appos")
    ):
        head = appos.group("head").strip()
        if _last_name_run(head) or (fold(head).split()[-1:] and fold(head).split()[-1] in PRONOUNS):
            return head + " | " + appos.group("appos").strip()
    for separator in (
        ";",
        ":",
        ",",
        " that ",
        " and ",
        " but ",
        " while ",
        " after ",
        " as ",
        " because ",
        " when ",
        " who ",
    ):
        head, found, tail = text.rpartition(separator)
        if not found or not tail.strip() or (separator == "," and _is_trailing_name_part(tail)):
            continue
        first = tail.split()[0]
        # "… after telecom regulator Ofcom said": a lowercase description may lead the name.
        described = separator in (" after ", " as ", " because ", " when ", " while ") and bool(
            NAME_RUN.search(tail)
        )
        if separator.startswith(" ") and not (
            first[0].isupper() or fold(first) in PRONOUNS or fold(first) in ("the", "a", "an") or described
        ):
            continue
        text = tail
    return text.strip()


OPENING_SUBJECT = re.compile(
    rf"\s*(?:(?:But|And|Yet|However,?|Meanwhile,?|Now|Still)\s+)?((?:[A-Z][a-z]+\s+)?{NAME_RUN.pattern}|[Hh]e|[Ss]he|[Ii]t|[Tt]hey|[Tt]he\s+[a-z]+)\b"
)


def _opening_subject(sentence: str) -> str:
    """The subject a sentence opens with: a name, a pronoun or "the <noun>"."""
    opening = OPENING_SUBJECT.match(sentence)
    return opening.group(1) if opening else ""


def _is_trailing_name_part(tail: str) -> bool:
    return bool(re.fullmatch(r"\s*(?:Jr\.?|Sr\.?|[A-Z]{2,3})\s*", tail))


def _without_lead_words(segment: str) -> str:
    """The subject segment without the words that only join it to the sentence ("and", "but" …)."""
    words = [w for w in re.split(r"\s+", segment.strip()) if w]
    while words and fold(words[0]) in LEAD_WORDS:
        words.pop(0)
    return " ".join(words)


def read_reference(segment: str) -> Reference | None:
    """What the subject segment names; None when it names nothing we can use."""
    appositive = ""
    if " | " in segment:
        segment, appositive = segment.split(" | ", 1)
    text = _without_lead_words(segment)
    folded = fold(text).split()
    if not folded:
        return None
    if len(folded) == 1 and folded[0] in PRONOUNS:
        return Reference("pronoun", gender=PRONOUNS[folded[0]], name=folded[0])
    if folded[-1] in SPOKES or "spokes" in " ".join(folded):
        return _spokesperson(text, appositive)
    if re.fullmatch(r"the\s+(?:ex-|former\s+)[A-Z][\w’'\-]+", text):
        # "the ex-Wallaby", "the former Ranger": a description of someone already in the story.
        return Reference("role", role=" ".join(folded[1:]))
    run = _speaker_run(text)
    lower_lead = folded[0] in ("the", "a", "an", "one", "its", "his", "her", "their", "our")
    if folded[0] in ANONYMOUS_DETERMINERS and not run:
        if any(word in ANONYMOUS_HEADS or word.rstrip("s") in ANONYMOUS_HEADS for word in folded[1:]):
            return Reference("anonymous")
        return None
    if folded[0] in (
        "sources",
        "officials",
        "insiders",
        "diplomats",
        "aides",
        "analysts",
        "critics",
        "experts",
        "observers",
    ) or (folded[-1] in ("sources", "officials", "insiders", "aides", "diplomats") and not run):
        return Reference("anonymous")
    if run and run.endswith(("'s", "’s")) and FOLLOWED_BY_LOWER.match(text, text.rfind(run) + len(run)):
        # "Tony Blair's official spokesman": the speaker is not the name in the phrase.
        return None
    if run:
        return _named_reference(segment, text, folded, appositive, run, lower_lead)
    return _description(folded)


def _description(folded: list[str]) -> Reference | None:
    """ "the company", "his spokeswoman": a body or a role described, not named."""
    if folded[0] not in ("the", "its", "his", "her", "their") or len(folded) > 5:
        return None
    head = folded[-1]
    if head in GENERIC_BODIES:
        return Reference("body", role=head)
    return Reference("role", role=" ".join(folded[1:]), gender=_gender_of("", folded[1:]))


def _named_reference(
    segment: str, text: str, folded: list[str], appositive: str, run: str, lower_lead: bool
) -> Reference | None:
    """The subject around ``run``, a name: a role it modifies, or the person or body it names."""
    tail = text[text.rfind(run) + len(run) :].split()
    head_noun = fold(tail[-1]) if tail else ""
    person_or_body = (
        head_noun in ROLE_WORDS | SPOKES | ANONYMOUS_HEADS | FEMALE_ROLES | MALE_ROLES | GENERIC_BODIES
    )
    if tail and tail[0][:1].islower() and tail[0] not in ("of", "at", "from", "for", "in", "on", "and"):
        if not person_or_body:
            return None  # "the Commons motion says": a thing, not a speaker
        # "the Lions coach", "the Labour leader": the name is a modifier of a role.
        role = [w for w in fold(text).split() if w not in ("the", "a", "an")]
        return Reference("role", role=" ".join(role), gender=_gender_of("", tail))
    name, lead = _clean_run(run)
    if not name:
        role = " ".join(lead)
        return Reference("role", role=fold(role), gender=_gender_of("", lead)) if role else None
    role_words = text[: text.rfind(run)].strip() + " " + " ".join(lead)
    role = " ".join(w for w in role_words.split() if fold(w) not in NOT_NAMES or fold(w) in TITLES)
    if appositive:
        role = (role + " " + appositive).strip()
    if fold(name).split()[0] in ("the",) and len(name.split()) == 1:
        return None
    organisation = _looks_organisation(name) and not any(fold(w) in TITLES for w in lead)
    if (
        lower_lead
        and folded[0] in ("the",)
        and organisation is False
        and text.split()[1:2]
        and text.split()[1][0].islower()
    ):
        return None
    context = segment + " " + appositive
    at = context.find(run)
    of = AFFILIATION.match(context, at + len(run)) if at >= 0 else None
    affiliation = of.group(1) if of and not organisation else ""
    return Reference(
        "name",
        name=name,
        role=fold(role),
        gender=_gender_of(name, lead + role.split()),
        organisation=organisation,
        affiliation=affiliation,
    )


def _last_name_run(text: str) -> str:
    runs = [m.group(0) for m in NAME_RUN.finditer(text)]
    while runs:
        run = runs[-1]
        name, _lead = _clean_run(run)
        if name or any(fold(w) in ROLE_WORDS or fold(w) in TITLES for w in run.split()):
            return run
        runs.pop()
    return ""


def _speaker_run(text: str) -> str:
    """The last name in the subject, or the person in "Jo Bloggs of the Harbour Board"."""
    run = _last_name_run(text)
    if not run:
        return ""
    head = text[: text.rfind(run)]
    # "Jo Bloggs of the Harbour Board", "Jo Bloggs of consultancy firm Tidewise": the person.
    of = re.search(rf"({NAME_RUN.pattern})\s+(?:of|at|from|for)\s+(?:the\s+)?(?:[A-Za-z]+\s+){{0,2}}$", head)
    if of and not _looks_organisation(_clean_run(of.group(1))[0] or "the"):
        return of.group(1)
    return run


def _spokesperson(text: str, appositive: str) -> Reference:
    """ "a spokesman for the Harbour Board", "a Harbour Board spokeswoman", "spokesman Jo Bloggs"."""
    gender = "f" if "spokeswoman" in text.lower() else "m" if "spokesman" in text.lower() else None
    after = re.search(
        r"spokes\w+\s+(?:for|at|from)\s+(?:the\s+)?(.+)$", text + " " + appositive, re.IGNORECASE
    )
    if after:
        org = _last_name_run(after.group(1)) or after.group(1)
        if NAME_RUN.fullmatch(org.strip()):
            return Reference("body", name=org.strip(), organisation=True, role="spokesperson")
    before = re.search(rf"({NAME_RUN.pattern})(?:'s|’s)?\s+spokes\w+\s*$", text)
    if before:
        org, lead = _clean_run(before.group(1))
        if org:
            return Reference("body", name=org, organisation=True, role="spokesperson")
    named = re.search(rf"spokes\w+\s+({NAME_RUN.pattern})", text)
    if named:
        name, lead = _clean_run(named.group(1))
        if name:
            return Reference("name", name=name, gender=gender or _gender_of(name, lead), role="spokesperson")
    return Reference("body", role="spokesperson", gender=gender)


# ---------------------------------------------------------------- the article


class Article:
    """Mentions read so far, for resolving pronouns, roles and surnames."""

    def __init__(self) -> None:
        self.mentions: list[Mention] = []
        self.people: dict[str, Mention] = {}  # folded full name -> latest mention
        self.last_speaker: Speaker | None = None
        self.now = 0  # mentions at or after this position are not yet read
        self.reported: tuple[int, Speaker] | None = None  # the last reported speech outside quotes
        self.last_quote_at = -1

    def note(
        self, position: int, name: str, kind: str, gender: str | None, roles: Iterable[str], subject: bool
    ) -> Mention:
        full = self.full_name(name, kind, before=position) or name
        known = self.people.get(fold(full))
        if known:
            gender = gender or known.gender
            roles = set(roles) | known.roles
            kind = known.kind
        mention = Mention(position, full, kind, gender, {r for r in roles if r}, subject)
        self.mentions.append(mention)
        self.people[fold(full)] = mention
        return mention

    def full_name(self, name: str, kind: str, before: int | None = None) -> str | None:
        """The fuller name already seen for a surname or short form ("Eddington", "Mr Eddington")."""
        folded = strip_titles(name)
        if not folded:
            return None
        for mention in reversed(self.mentions[-200:]):
            if before is not None and mention.position >= before:
                continue
            key = fold(mention.name)
            if key == folded:
                return mention.name
            parts = key.split()
            if (
                len(parts) > 1
                and mention.kind == kind
                and (key.endswith(" " + folded) or (kind == PERSON and key.startswith(folded + " ")))
            ):
                return mention.name
        return None

    def scan(self, text: str, masked: str, ends: Sequence[int], base: int) -> None:
        """Record the names in the writer's own words of a paragraph."""
        starts = [0, *ends]
        for match in NAME_RUN.finditer(masked):
            run = match.group(0)
            name, lead = _clean_run(run)
            if not name or fold(name) in NOT_NAMES or fold(name) in NOT_ORGANISATIONS:
                continue
            sentence_start = starts[bisect_right(starts, match.start()) - 1]
            at_start = match.start() - sentence_start
            first_word = not text[sentence_start : match.start()].strip()
            verb = SUBJECT_VERB.match(masked, match.end())
            if (
                first_word
                and not lead
                and len(name.split()) == 1
                and fold(name) not in self.people
                and not self.full_name(name, PERSON, before=base + match.start())
                and not verb
            ):
                continue  # a capitalised first word is as likely an ordinary word
            # "Rovers have sacked …" is a body; "Campese has tipped …" a person.
            organisation = _looks_organisation(name) or bool(
                verb and verb.group(1) in ("have", "were", "are")
            )
            before = masked[max(0, match.start() - 60) : match.start()]
            role_words = [
                w
                for w in re.findall(r"[A-Za-z’'\-]+", before)[-3:]
                if fold(w) in ROLE_WORDS or fold(w) in SPOKES
            ]
            after = masked[match.end() : match.end() + 80]
            appos = re.match(
                r",\s*(?:the|a|an|its|his|her)?\s*(?!who\b|which\b|whose\b)([a-z][a-z\s\-]+?)(?:\s+(?:of|at|for)\b|,)",
                after,
            )
            roles = {fold(w) for w in lead + role_words}
            age = AGE_APPOSITIVE.match(after)
            if age:
                roles.add(f"{age.group(1)} year old")  # "Jo Bloggs, 23," is "the 23-year-old"
            if appos:
                roles |= set(fold(appos.group(1)).split())
            multi = len(name.split()) > 1
            known = fold(name) in self.people or self.full_name(name, PERSON, before=base + match.start())
            if not organisation and not (multi or lead or known or verb):
                continue
            self.note(
                base + match.start(),
                name,
                ORGANISATION if organisation else PERSON,
                None if organisation else _gender_of(name, lead + role_words),
                roles,
                subject=at_start < 60
                and not run.endswith(("'s", "’s", "'", "’"))
                and not SPOKEN_TO.search(before)
                and not _is_object(before),
            )

    def resolve(self, ref: Reference, position: int) -> Speaker | None:
        self.now = position
        if ref.kind == "anonymous":
            return Speaker(None, anonymous=True)
        if ref.kind == "name":
            kind = ORGANISATION if ref.organisation else PERSON
            full = self.full_name(ref.name, kind, before=position) or ref.name
            known = self.people.get(fold(full))
            if known:
                kind = known.kind
            gender = ref.gender or (known.gender if known else None)
            mention = self.note(position, full, kind, gender, ref.role.split(), subject=True)
            return Speaker(full, kind, role=ref.role, affiliation=ref.affiliation, gender=mention.gender)
        if ref.kind == "body" and ref.name:
            full = self.full_name(ref.name, ORGANISATION, before=position) or ref.name
            self.note(position, full, ORGANISATION, None, (), subject=True)
            return Speaker(full, ORGANISATION, role=ref.role)
        if ref.kind == "pronoun":
            return self._by_pronoun(ref)
        if ref.kind == "body":
            return self._body(ref.role)
        if ref.kind == "role":
            age = re.search(r"\d+ year old$", ref.role)
            head = age.group(0) if age else ref.role.split()[-1] if ref.role else ""
            found = self._latest(lambda m: m.kind == PERSON and head in m.roles)
            if found is None and head in DOCUMENTS:
                # "the statement said": the words of whoever issued it, the body speaking last.
                last = self.last_speaker
                return last if last is not None and last.kind == ORGANISATION else None
            if found is None and head in GENERIC_BODIES:
                return self._body(head)
            last = self.last_speaker
            person_noun = head in ROLE_WORDS | SPOKES | ANONYMOUS_HEADS | FEMALE_ROLES | MALE_ROLES or bool(
                re.search(r"^(?:ex|former)\b|\d+ year old$", ref.role)
            )
            if (
                found is None
                and person_noun
                and last is not None
                and last.kind == PERSON
                and not last.anonymous
                # A one-word "person" of no known sex ("Ofcom") may be a body: not "the former monopoly".
                and (len((last.name or "").split()) > 1 or last.gender is not None)
            ):
                return last if compatible_speaker(last, ref.gender) else None
            return found
        return None

    def _by_it_or_they(self, ref: Reference) -> Speaker | None:
        """The last speaker when that was a body; else, for "it", the latest body named."""
        last = self.last_speaker
        if last and last.kind == ORGANISATION:
            return last
        if ref.name == "it":
            return self._latest(lambda m: m.kind == ORGANISATION)
        return None

    def _by_pronoun(self, ref: Reference) -> Speaker | None:
        if ref.name in ("it", "they"):
            return self._by_it_or_they(ref)
        if ref.name in ("i", "we"):
            return None

        def compatible(m: Mention) -> bool:
            return m.kind == PERSON and (ref.gender is None or m.gender in (None, ref.gender))

        last = self.last_speaker
        recent = [m for m in self._earlier(12) if m.kind == PERSON]
        if last and last.kind == ORGANISATION and last.role == "spokesperson":
            # "A spokesman for the Press said …" then "…," he said: the body, through its spokesman.
            last_pos = max(
                (m.position for m in self._earlier(40) if fold(m.name) == fold(last.name or "")), default=-1
            )
            if not any(m.subject and m.position > last_pos for m in recent):
                return last
        if last and last.kind == PERSON and not last.anonymous and compatible_speaker(last, ref.gender):
            intervening = [
                m for m in recent if fold(m.name) != fold(last.name or "") and m.subject and compatible(m)
            ]
            last_pos = max(
                (
                    m.position
                    for m in self.mentions
                    if fold(m.name) == fold(last.name or "") and m.position < self.now and m.subject
                ),
                default=-1,
            )
            if not any(m.position > last_pos for m in intervening):
                return last
            since = {fold(m.name) for m in intervening if m.position > last_pos}
            if len(since) > 1:
                return None  # several people named since the last speaker: too close to call
        if ref.gender:
            same = self._latest(lambda m: compatible(m) and m.subject and m.gender == ref.gender)
            if same:
                return same
        return self._latest(lambda m: compatible(m) and m.subject) or self._latest(compatible)

    def _body(self, head: str) -> Speaker | None:
        """ "the company" is the last body named; "the police" only a body called so."""
        named = self._latest(lambda m: m.kind == ORGANISATION and head in fold(m.name).split())
        if named is not None or head in NAMED_BODIES:
            return named
        return self._latest(lambda m: m.kind == ORGANISATION and m.subject)

    def _earlier(self, count: int) -> list[Mention]:
        """The last ``count`` mentions before the quotation being read, newest first."""
        # Speakers are noted when their quotation is read, after the paragraph's names: by position.
        window = [m for m in self.mentions[-(count * 4) :] if m.position < self.now]
        return sorted(window, key=lambda m: m.position, reverse=True)[:count]

    def _latest(self, accept: Callable[[Mention], object]) -> Speaker | None:
        for mention in self._earlier(40):
            if accept(mention):
                return Speaker(mention.name, mention.kind, gender=mention.gender)
        return None


def compatible_speaker(speaker: Speaker, gender: str | None) -> bool:
    return gender is None or speaker.gender in (None, gender)


# ---------------------------------------------------------------- cues


def _words(text: str) -> list[tuple[str, int]]:
    return [(m.group(0), m.start()) for m in WORD.finditer(text)]


def cue_after(after: str) -> tuple[str, str] | None:
    """(verb, subject segment) for text after a quotation: ', she said.' / ', said Jo Bloggs'."""
    clause = after.lstrip(" ,;–—-")
    match = re.match(
        r"\s*(?:according\s+to)\s+(?:(?:a|the|an)\s+(?:\w+\s+)?statement\s+(?:\w+\s+)?(?:by|from)\s+)?([^.;]+)",
        clause,
        re.IGNORECASE,
    )
    if match:
        return "according to", match.group(1).split(",")[0]
    words = _words(clause[:WINDOW])[:14]
    for index, (word, start) in enumerate(words):
        lowered = word.lower().rstrip(".")
        if lowered in CUE_VERBS:
            subject = clause[:start]
            if index == 0 or subject.strip() == "" or fold(subject) in ("and", "then"):
                # Inversion: "said Jo Bloggs, the harbour master" / "says the spokeswoman".
                rest = clause[start + len(word) :]
                rest = re.split(
                    r"[.;:!?]|,\s+(?:who|which|adding|as|after|before|when|in)\b|\s+(?:in\s+a|on|at\s+a|during|to\s+the|to\s+reporters|yesterday|today|last|after|before|when|while|following|with|as)\b",
                    rest,
                )[0]
                return lowered, _inverted_subject(rest)
            if re.search(r"[.!?;]", subject) or len(_words(subject)) > 12:
                return None
            return lowered, subject
        if (
            re.fullmatch(r"[a-z]+(?:ed|s)", word)
            and lowered not in AUXILIARIES
            and index > 0
            and lowered not in ("is", "was", "has", "this", "its", "his", "as")
        ) and (
            words[index - 1][0][0].islower()
            and words[index - 1][0].lower() not in AUXILIARIES | {"the", "a", "an"}
            and words[index - 1][0].lower() not in SPOKES
            # "director of telecoms research Jo Bloggs said": a plural noun after a preposition.
            and words[index - 1][0].lower() not in ("of", "for", "in", "at", "on", "with", "from", "by")
        ):
            return None
    return None


def closing_cue(after: str) -> tuple[str, str] | None:
    """(verb, subject) when the sentence ends '…, a spokesman said.': the cue of every quotation in it."""
    match = re.search(r"(?:^|,)\s*([^,;:]{1,70}?)\s+([a-z]+)\s*[.!?]\s*$", after)
    if match and match.group(2) in CUE_VERBS and len(match.group(1).split()) <= 8:
        return match.group(2), match.group(1)
    return None


def _inverted_subject(rest: str) -> str:
    rest = rest.strip()
    head, _, appos = rest.partition(",")
    head, appos = head.strip(), appos.strip()
    head_noun = fold(head).split()[-1:] or [""]
    if appos and (head[:1].islower() or head_noun[0] in ROLE_WORDS | SPOKES) and NAME_RUN.match(appos):
        # "said its chief executive, Graham Tully": the name comes after the role.
        return appos.split(",")[0] + " | " + head
    if appos:
        return head + " | " + appos
    return head


def cue_before(before: str) -> tuple[str, str] | None:
    """(verb, subject) for text before a quotation: 'Jo Bloggs said: ' / 'According to X, '."""
    text = before.rstrip()
    match = re.search(r"according\s+to\s+([^,]+),?\s*$", text, re.IGNORECASE)
    if match:
        return "according to", match.group(1)
    if (
        not text.endswith((":", ","))
        and text
        and not re.search(
            r"\b(?:said|says|added|adds|told|wrote|writes|asked|replied|stated|declared)\s*[-–—]?\s*$", text
        )
    ):
        return None
    words = _words(text)
    for index in range(len(words) - 1, max(-1, len(words) - 9), -1):
        word, start = words[index]
        lowered = word.lower()
        if lowered in CUE_VERBS:
            subject = text[:start]
            if not subject.strip():
                # "Said Jo Bloggs:" is rare; the subject follows the verb.
                return lowered, _inverted_subject(text[start + len(word) :].rstrip(":, "))
            return lowered, _sentence_tail(subject)
    return None


def _sentence_tail(text: str) -> str:
    """The last clause of the writer's sentence before the verb."""
    return re.split(r"[.!?]\s+(?=[A-Z])", text)[-1]


def cue_in_sentence(before: str) -> tuple[str, str] | None:
    """(verb, subject) for a partial quotation: 'The minister called the plan '."""
    words = _words(before)
    for index in range(len(words) - 1, -1, -1):
        word, start = words[index]
        lowered = word.lower()
        if lowered in PARTICIPLES and index > 0 and words[index - 1][0].lower() in ("for", "of"):
            # "X criticised Y for claiming …", "accused Y of saying …": Y speaks, who is not read.
            return lowered, NOBODY
        absolute = (
            re.search(r"\bwith\s+([^,;:]{1,60}?)\s*$", before[:start]) if lowered in PARTICIPLES else None
        )
        if absolute:
            # "…, with the committee announcing that "…"": the participle has a subject of its own.
            return lowered, absolute.group(1)
        if lowered in PARTICIPLES:
            # The main clause's speech verb and its subject, or a sentence opening with a pronoun.
            main = cue_in_sentence(before[:start])
            if main is not None:
                return lowered, main[1]
            clause = _sentence_tail(before[:start])
            opening = _opening_subject(clause)
            # "Jo Bloggs has launched an attack, saying …": the sentence's subject speaks.
            acts = FOLLOWED_BY_LOWER.match(clause, len(clause) - len(clause.lstrip()) + len(opening))
            named = (
                acts
                and len(opening.split()) > 1
                and not re.match(r"(?:In|On|At|After|Before|For|With|By|From|Since|During)\b", opening)
            )
            return lowered, opening if fold(opening) in PRONOUNS or (
                named and NAME_RUN.fullmatch(opening)
            ) else ""
        if lowered in CUE_VERBS or lowered in PARTIAL_VERBS:
            subject = before[:start]
            aside = re.fullmatch(r"\s*([^,]{1,60}),\s*", before[start + len(word) :])
            if aside and subject.rstrip().endswith(","):
                # "the courts which, said Jo Bloggs, "are …"": the speaker follows the verb.
                return lowered, _inverted_subject(aside.group(1))
            if lowered in ("told", "asked") and index + 1 < len(words) and not subject.strip():
                continue
            if index > 0 and words[index - 1][0].lower() in PASSIVE_AUXILIARIES:
                # "X was described as "…" by Y": the subject is who was described, not the speaker.
                return lowered, PASSIVE
            return lowered, _sentence_tail(subject)
    match = re.search(r"according\s+to\s+([^,]+),", before, re.IGNORECASE)
    if match:
        return "according to", match.group(1)
    return None


# ---------------------------------------------------------------- extraction

PASSIVE = "<passive>"
BRACKETED = re.compile(r"\([^()]{0,200}\)")
ASIDE = re.compile(r"\s[-–—]\s[^-–—]{0,200}?\s[-–—]\s")
NOBODY = "<nobody>"
PASSIVE_AUXILIARIES = {"was", "were", "been", "being", "is", "are", "be", "get", "got"}
BY_AGENT = re.compile(r"^[^.;:!?]*?\bby\s+(?:his|her|their|its)?\s*([^.;:!?]+)")


def _is_title_like(quoted: str, before: str) -> bool:
    words = quoted.split()
    previous = [w.lower().strip(",;:") for w in before.split()[-2:]]
    if previous and (
        previous[-1] in TITLE_CONTEXT
        or (previous[-1].endswith(("'s", "’s")) and previous[-1] in TITLE_CONTEXT)
    ):
        return True
    if previous[-2:-1] and previous[-2] in TITLE_CONTEXT and previous[-1] in ("the", "a", "an"):
        return True
    capitalised = [w for w in words if w[:1].isalpha()]
    title_case = capitalised and all(
        w[0].isupper() or w.lower() in ("of", "the", "a", "an", "and", "in", "on", "to", "for", "with")
        for w in capitalised
    )
    return bool(title_case and len(words) <= 8 and not quoted.rstrip().endswith((".", "!", "?", ",")))


def _looks_like_speech(quoted: str) -> bool:
    return len(quoted.split()) >= 4 and bool(re.search(r"[A-Za-z]", quoted))


@dataclass
class Paragraph:
    block_index: int
    offset: int  # where this paragraph starts in its block's text
    text: str


def paragraphs_from_text(text: str) -> list[Paragraph]:
    """Plain text cut into paragraphs at blank lines (or single line breaks)."""
    out: list[Paragraph] = []
    for match in re.finditer(r"[^\n]+", text or ""):
        if match.group(0).strip():
            out.append(Paragraph(0, match.start(), match.group(0)))
    return out


def extract(paragraphs: Sequence[Paragraph], keep_unattributed: bool = False) -> list[Found]:
    """The quotations in reading order; those with no speaker only when asked for (to tie a
    pull quote whose speaker the editor gave to the words in the body)."""
    article = Article()
    found: list[Found] = []
    follows_quote = False  # the last paragraph quoted someone, or ended inside a quotation
    waiting: Found | None = None  # a quotation left open at a paragraph's end, still unattributed
    position = 0
    for paragraph in paragraphs:
        text = paragraph.text
        spans = find_spans(text)
        masked = _masked(text, spans)
        ends = sentence_ends(text, masked, spans)
        article.scan(text, masked, ends, position)
        starts = [0, *ends]
        last_in_paragraph: Found | None = None
        last_span_end = -1
        reported = 0  # sentences before this point have been read for reported speech
        for index, span in enumerate(spans):
            reported = _read_reported_speech(article, text, masked, starts, ends, reported, span, position)
            quoted = text[span.start : span.end].strip()
            sentence_start = starts[bisect_right(starts, max(span.open_mark, 0)) - 1]
            later = bisect_right(ends, span.end)
            sentence_end = ends[later] if later < len(ends) else len(text)
            next_open = spans[index + 1].open_mark if index + 1 < len(spans) else len(text)
            before_from = max(sentence_start, last_span_end + 1 if last_span_end >= sentence_start else 0)
            before = masked[max(before_from, span.open_mark - WINDOW) : max(span.open_mark, 0)]
            after = masked[span.close_mark + 1 : min(sentence_end, next_open, span.close_mark + 1 + WINDOW)]
            context = Context(
                text,
                span,
                quoted,
                before,
                after,
                last_in_paragraph,
                last_span_end,
                sentence_start,
                masked[max(sentence_start, span.open_mark - WINDOW) : max(span.open_mark, 0)],
            )
            result = _attribute(article, context, position + span.start, follows_quote, found)
            last_span_end = span.close_mark
            if result is None:
                continue
            if found and result is found[-1]:
                last_in_paragraph = result
                continue
            result.block_index = paragraph.block_index
            result.offset = paragraph.offset + span.start
            found.append(result)
            last_in_paragraph = result
            article.last_quote_at = position + span.start
            if result.attributed:
                article.last_speaker = result.speaker
                if waiting is not None and waiting is not result:
                    # The cue came in the paragraph after the one that opened the quotation.
                    waiting.speaker = result.speaker
                waiting = None
        _read_reported_speech(article, text, masked, starts, ends, reported, None, position)
        left_open = bool(spans) and spans[-1].close_mark >= len(text.rstrip())
        if left_open and last_in_paragraph is not None and not last_in_paragraph.attributed:
            waiting = last_in_paragraph
        elif not left_open:
            waiting = None
        follows_quote = last_in_paragraph is not None and (left_open or last_in_paragraph.attributed)
        position += len(text) + 1
    # A quotation nobody can be named or described for says nothing about who said what.
    return [item for item in found if item.text and (item.attributed or keep_unattributed)]


@dataclass
class Context:
    """A quoted span and the writer's words around it, in its sentence."""

    text: str
    span: Span
    quoted: str
    before: str
    after: str
    last_in_paragraph: Found | None
    last_span_end: int
    sentence_start: int
    sentence_before: str = ""  # the writer's sentence up to this span, other quotations masked


def _attribute(
    article: Article, context: Context, here: int, follows_quote: bool, found: list[Found]
) -> Found | None:
    text, span, quoted, before, after = (
        context.text,
        context.span,
        context.quoted,
        context.before,
        context.after,
    )
    last_in_paragraph, last_span_end = context.last_in_paragraph, context.last_span_end
    starts_sentence = not before.strip(" \t-–—(")
    between = text[last_span_end + 1 : max(span.open_mark, 0)] if last_span_end >= 0 else None
    # "A," he said, "B.": the second span continues the first, in the same sentence.
    if (
        last_in_paragraph is not None
        and between is not None
        and last_span_end >= context.sentence_start
        and not quoted[:1].isupper()
    ) and (
        cue_after(between)
        # Two fragments of one partial quote ("very neutral" and "balanced") stay two quotations.
        or (
            last_in_paragraph.kind != PARTIAL
            and re.fullmatch(r"[\s,;:–—-]*(?:and|but|or)?[\s,;:–—-]*", between)
        )
    ):
        last_in_paragraph.text = f"{last_in_paragraph.text} … {quoted}"
        return last_in_paragraph
    if span.open_mark < 0:
        # The paragraph began inside the last one's open quotation.
        return _continuation(article, quoted, found, here) if follows_quote else None
    if starts_sentence:
        cue = cue_after(after)
        if cue:
            verb, subject = cue
            return _make(article, quoted, FULL, verb, subject, here)
        if follows_quote and found and not before.strip():
            return _continuation(article, quoted, found, here)
        # A quoted sentence right after an attributed one in the same paragraph continues it.
        if (
            last_in_paragraph is not None
            and quoted[:1].isupper()
            and (_looks_like_speech(quoted) or quoted.rstrip()[-1:] in ".!?")
        ):
            return _continuation(article, quoted, found, here)
        if _looks_like_speech(quoted) and quoted[:1].isupper() and re.search(r"[.!?,]$", quoted):
            return Found(quoted, FULL, "", 0, 0, None)
        return None
    cue = cue_before(before)
    if cue and quoted[:1].isupper() and before.rstrip().endswith((":", ",")):
        verb, subject = cue
        return _make(article, quoted, FULL, verb, subject, here)
    if _is_title_like(quoted, before):
        return None
    # Several fragments in one sentence share its cue: said it was "A" after a "B".
    candidates = (
        closing_cue(after),
        cue_in_sentence(before),
        cue_after(after),
        cue_in_sentence(context.sentence_before),
    )
    cue = next((c for c in candidates if c is not None and c[1].strip()), None)
    cue = cue or next((c for c in candidates if c is not None), None)
    if cue is None:
        return None
    verb, subject = cue
    if verb not in CUE_VERBS | PARTIAL_VERBS | PARTICIPLES and verb != "according to":
        return None
    return _make(article, quoted, PARTIAL, verb, subject, here, after)


def _read_reported_speech(
    article: Article,
    text: str,
    masked: str,
    starts: Sequence[int],
    ends: Sequence[int],
    done: int,
    span: Span | None,
    position: int,
) -> int:
    """Note who the writer's own sentences report as speaking ("Mr Babinet said the phone …"),
    up to the sentence holding ``span``: a quotation with no cue after them is theirs."""
    limit = max(span.open_mark, 0) if span is not None else len(text)
    for number, start in enumerate(starts):
        end = ends[number] if number < len(ends) else len(text)
        if number < done or end > limit:
            if end > limit:
                return number
            continue
        sentence = masked[start:end]
        if "_" in sentence:  # it holds a quotation: attributed with it
            continue
        # A verb in an aside ("Disney - which reported revenues of … - ") is not the sentence's.
        sentence = ASIDE.sub(" ", BRACKETED.sub("", sentence))
        cue = cue_in_sentence(sentence.rstrip(" .!?"))
        if cue is None or cue[0] not in CUE_VERBS:
            continue
        ref = read_reference(_subject_segment(cue[1]))
        if ref is None:
            # "Also, said Mr Flynn, Vodafone has …": the subject follows the verb.
            verb_at = sentence.lower().rfind(cue[0])
            ref = read_reference(_inverted_subject(re.split(r"[,.;:]", sentence[verb_at + len(cue[0]) :])[0]))
        speaker = article.resolve(ref, position + start) if ref else None
        if speaker is not None and speaker.name:
            article.reported = (position + start, speaker)
            article.last_speaker = speaker
    return len(starts)


def _continuation(article: Article, quoted: str, found: list[Found], here: int) -> Found | None:
    previous = next((item for item in reversed(found) if item.attributed or item.speaker is None), None)
    if article.reported is not None and (previous is None or article.reported[0] > article.last_quote_at):
        return Found(quoted, CONTINUATION, "", 0, 0, article.reported[1])
    if previous is None or not previous.attributed:
        return Found(quoted, CONTINUATION, "", 0, 0, None) if _looks_like_speech(quoted) else None
    return Found(quoted, CONTINUATION, "", 0, 0, previous.speaker)


def _make(
    article: Article, quoted: str, kind: str, verb: str, subject: str, here: int, after: str = ""
) -> Found:
    if subject == PASSIVE:
        agent = BY_AGENT.match(after)
        subject = agent.group(1) if agent else ""
    if subject == NOBODY:
        return Found(quoted, kind, verb, 0, 0, None)
    segment = subject if " | " in subject else _subject_segment(subject)
    ref = read_reference(segment)
    speaker = article.resolve(ref, here) if ref else None
    if (
        ref
        and ref.kind in ("pronoun", "role", "body")
        and not (ref.kind == "body" and ref.name)
        and kind == FULL
    ):
        kind = PRONOUN
    return Found(quoted, kind, verb, 0, 0, speaker)


def extract_text(text: str) -> list[Found]:
    """Quotations in plain text whose paragraphs are separated by line breaks."""
    return extract(paragraphs_from_text(text))


def normalise_marks(text: str) -> str:
    return re.sub(rf"[{ALL_MARKS}{OPENING_SINGLE}{CLOSING_SINGLE}]", '"', text)
