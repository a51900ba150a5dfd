"""The synthetic corpus: ~600-word articles from templates, with curated names from
``seeds/curated/`` and invented ones, from a fixed random seed, so every run reads the same text."""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[3]
SEED = 20240306
WORDS_PER_ARTICLE = 600

FIRST_NAMES = """Amara Bilal Chen Dmitri Elena Farida Goran Hana Idris Jonas Kenji Leila Mateo Nadia Omar Priya
Quentin Rania Sergei Tamar Umar Valeria Wei Ximena Yusuf Zofia Adebayo Beatriz Carlos Dilnoza
Emeka Fatima Gustavo Hyun Ingrid Javier Katarzyna Lars Mei Nikolai Olga Pedro Rashid Sofia
Thabo Ulrike Viktor Wanjiru Yara Zainab Arjun Camille Diego Esra Felipe Giulia Hamid Irina
Julien Kwame Lucia Marek Noor Oskar Paulo Rosa Samir Tomas Aylin Bogdan Cyrus Daria Elif Hassan""".split()  # noqa: SIM905
LAST_NAMES = """Okafor Haddad Lindqvist Moreau Petrov Tanaka Nguyen Kowalski Mensah Alvarez Rahimi Schneider
Castillo Demir Ivanova Kimura Lopez Mbeki Novak Osei Park Quispe Rossi Sato Tran Usman Varga
Wojcik Yilmaz Zhou Adeyemi Bakr Costa Dubois Eriksen Fischer Gallo Horvath Ibrahim Jensen
Karimi Larsen Mazur Nakamura Ortiz Pereira Reyes Silva Torres Ueda Vasquez Weber Yamada
Zielinski Abebe Bianchi Cruz Dahl Ekström Ferreira Grant Hoffmann Ito Jovanovic Kaur Lee Mwangi
Nowak Otieno Pham Quinn Rojas Suzuki Tahir Uddin Vidal Wagner Xu Young Zapata Achebe Brandt
Chowdhury""".split()  # noqa: SIM905
OFFICES = [
    "Foreign Minister",
    "Defense Minister",
    "Prime Minister",
    "President",
    "Trade Minister",
    "Finance Minister",
    "Interior Minister",
    "Deputy Prime Minister",
    "Gen.",
    "Adm.",
]
PORTFOLIOS = ["foreign minister", "defense minister", "trade minister", "national security adviser"]
ORG_WORDS = ["Strategy", "Security Studies", "Global Affairs", "Peace Research", "Policy", "Asian Studies",
             "International Economics", "Maritime Affairs", "Conflict Analysis", "Energy Security"]  # fmt: skip
ORG_FORMS = ["the {place} Institute for {topic}", "the {place} Center for {topic}",
             "the {place} Council on {topic}", "the {place} Foundation for {topic}"]  # fmt: skip
ORG_PLACES = ["Ridgeway", "Harbor", "Northgate", "Meridian", "Lakeside", "Summit", "Crestwood",
              "Pinecrest", "Eastbrook", "Westfield", "Highland", "Riverside"]  # fmt: skip
PUBLISHERS = ["The Continental Herald", "Global Affairs Daily", "The Meridian Post", "World Desk",
              "The Harbor Times", "Capital Wire"]  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]  # fmt: skip
QUOTES = [
    "We share the view that dialogue is the only way forward for the region",
    "Our doors remain open to constructive engagement with all of our partners",
    "This is a turning point for security and stability across the whole region",
    "We will not accept any attempt to change the status quo by force",
    "Both sides agreed that communication channels must stay open at all times",
    "The talks were frank and productive, and we made real progress on several points",
    "Nobody benefits from an escalation, and we have said so clearly to our counterparts",
    "We expect concrete steps rather than statements from the other side",
    "This agreement shows what patient diplomacy can achieve when both sides are serious",
    "Our commitment to our allies is unwavering and it will remain so",
    "There is still a great deal of work to do before any deal can be signed",
    "We came here to listen, and we are leaving with a clearer picture of the risks",
]
FILLER = [
    "The talks come at a time of rising tension in the region, with both governments under pressure "
    "at home to show results.",
    "Diplomats said the wording of the final statement had been negotiated late into the night and "
    "remained vague on several key points.",
    "Trade between the two economies has grown steadily over the past decade despite repeated "
    "political disputes.",
    "Officials familiar with the discussions said no breakthrough was expected, but that both sides "
    "wanted to keep the channel open.",
    "The meeting was the first at this level in more than a year, after a series of incidents strained "
    "relations.",
    "Observers noted that the tone of the statements was noticeably warmer than at previous "
    "encounters.",
    "Several smaller states in the region have watched the rivalry with concern, wary of being forced "
    "to choose sides.",
    "The agenda also included climate finance, public health and the protection of shipping lanes, "
    "according to a draft seen by reporters.",
    "Critics at home accused the government of conceding too much in exchange for vague promises.",
    "Markets reacted calmly to the news, with regional currencies little changed by the end of the "
    "day.",
    "Security was tight around the venue, where hundreds of police officers were deployed and several "
    "roads were closed.",
    "A joint working group is due to report back within six months on the details of the arrangement.",
    "Both delegations declined to comment on reports that a second round of talks had already been "
    "scheduled.",
    "Parliament is expected to debate the agreement next month, and opposition parties have promised "
    "to scrutinise it closely.",
    "The ministers also discussed humanitarian access, sanctions enforcement and the exchange of "
    "prisoners.",
]


@dataclass(frozen=True)
class Country:
    name: str
    demonym: str
    capital: str


@dataclass(frozen=True)
class Person:
    name: str
    surname: str
    country: Country
    office: str


class Corpus:
    """Name pools drawn from the curated data plus invented names; Zipf-like popularity, so a
    larger corpus keeps meeting new people and organizations, as a real one does."""

    def __init__(self, curated: Path, seed: int = SEED) -> None:
        rng = random.Random(seed)
        data = {
            stem: yaml.safe_load((curated / f"{stem}.yml").read_text("utf-8")) or {}
            for stem in ("countries", "people", "forums", "issues", "organizations")
        }
        countries = []
        by_id = {}
        for entry in data["countries"].get("countries", []):
            if entry.get("capitals") and entry.get("demonyms") and not entry.get("ambiguous"):
                country = Country(entry["name"], entry["demonyms"][0], entry["capitals"][0])
                countries.append(country)
                by_id[entry["id"]] = country
        major = ["united-states", "china", "russia", "india", "japan", "ukraine", "france",
                 "germany", "united-kingdom", "south-korea", "australia", "indonesia", "turkey",
                 "brazil", "iran", "israel", "philippines", "vietnam", "saudi-arabia", "egypt"]  # fmt: skip
        head = [by_id[c] for c in major if c in by_id]
        tail = [c for c in countries if c not in head]
        rng.shuffle(tail)
        self.countries = head + tail
        curated_people = []
        for entry in data["people"].get("people", []):
            country = by_id.get(entry.get("country", ""), self.countries[0])
            office = rng.choice(OFFICES[:8])
            curated_people.append(Person(entry["name"], entry["name"].split()[-1], country, office))
        rng.shuffle(curated_people)
        invented = []
        seen = set()
        while len(invented) < 4000:
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            if (first, last) in seen:
                continue
            seen.add((first, last))
            country = self._zipf_pick(rng, self.countries, 1.0)
            invented.append(Person(f"{first} {last}", last, country, rng.choice(OFFICES)))
        self.curated_people = curated_people
        self.invented_people = invented
        self.forums = [
            name
            for entry in data["forums"].get("forums", [])
            for name in [entry["name"], *(entry.get("aliases") or [])[:1]]
        ]
        self.issue_cues = [
            phrase
            for entry in data["issues"].get("issues", [])
            for phrase in [*(entry.get("aliases") or [])[:2], *(entry.get("cues") or [])[:3]]
            if isinstance(phrase, str) and len(phrase.split()) >= 2
        ]
        rng.shuffle(self.issue_cues)
        curated_orgs = [
            e["name"].split(" (")[0] for e in data["organizations"].get("organizations", [])
        ]
        invented_orgs = [
            form.format(place=place, topic=topic)
            for form in ORG_FORMS
            for place in ORG_PLACES
            for topic in ORG_WORDS
        ]
        rng.shuffle(invented_orgs)
        self.orgs = [x for pair in zip(curated_orgs, invented_orgs, strict=False) for x in pair]
        self.reporters = [f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}" for _ in range(60)]

    @staticmethod
    def _zipf_pick(rng: random.Random, items: list, exponent: float = 1.1):
        # inverse-CDF of a continuous power law over ranks 1..n: cheap and deterministic
        n = len(items)
        u = rng.random()
        if exponent == 1.0:
            rank = int(n**u)
        else:
            a = 1.0 - exponent
            rank = int(((n**a - 1.0) * u + 1.0) ** (1.0 / a))
        return items[min(max(rank, 1), n) - 1]

    def person(self, rng: random.Random) -> Person:
        if rng.random() < 0.45:
            return self._zipf_pick(rng, self.curated_people, 1.2)
        return self._zipf_pick(rng, self.invented_people, 0.9)

    def article(self, index: int, seed: int = SEED) -> tuple[str, str]:
        """(file name, text) of article ``index``; the same index gives the same article in any
        corpus size."""
        rng = random.Random(seed * 1_000_003 + index)
        a, b = self.person(rng), self.person(rng)
        while b.name == a.name:
            b = self.person(rng)
        c1, c2, c3 = (self._zipf_pick(rng, self.countries) for _ in range(3))
        forum = self._zipf_pick(rng, self.forums, 1.0)
        issue = self._zipf_pick(rng, self.issue_cues, 1.0)
        org = self._zipf_pick(rng, self.orgs, 1.0)
        year = rng.randint(2019, 2025)
        month = rng.randrange(12)
        day = rng.randint(1, 28)
        weekday = rng.choice(WEEKDAYS)

        def fill(template: str) -> str:
            return template.format(
                A=a.name, a=a.surname, TA=a.office, B=b.name, b=b.surname, TB=b.office,
                C1=c1.name, C2=c2.name, C3=c3.name, D1=c1.demonym, D2=c2.demonym,
                K1=c1.capital, K2=c2.capital, F=forum, I=issue, O=org, W=weekday,
                M=MONTHS[(month + 11) % 12], Y=year - 1, Q=rng.choice(QUOTES),
                P=rng.choice(PORTFOLIOS), O2=self._zipf_pick(rng, self.orgs, 1.0),
                X=extra.name, TX=extra.office, C4=self._zipf_pick(rng, self.countries).name,
            ) if (extra := self.person(rng)) else ""  # fmt: skip

        title = fill(
            rng.choice(
                [
                    "{C1} and {C2} agree to deepen cooperation on {I}",
                    "{A} meets {B} in {K1} as tensions over {I} rise",
                    "{F} talks focus on {I}",
                    "{D1} and {D2} ministers hold talks in {K2}",
                ]
            )
        )
        leads = [
            "{TA} {A} met {TB} {B} in {K1} on {W}, and the two agreed to deepen cooperation on {I}.",
            "{TA} {A} visited {C2} on {W} for talks with {TB} {B} on {I}.",
            "{D1} {TA} {A} held talks with {TB} {B} of {C2} in {K2} on {W}.",
            "Leaders gathered in {K1} on {W} for the {F} summit, where {I} dominated the agenda.",
        ]
        quotes = [
            "“{Q},” {a} told reporters after the meeting.",
            "“{Q},” said {A}, speaking in {K1}.",
            "{b} said the talks had been useful. “{Q},” {b} added.",
            "In a statement, {C1}'s Foreign Ministry quoted {A} as saying: “{Q}.”",
            "“{Q},” {TB} {B} told a news conference in {K2}.",
            "{TX} {X} warned that “{Q}.”",
            "“{Q},” {X} wrote on social media.",
        ]
        context = [
            "{C1}'s Defense Ministry said {A} would attend the {F} in {K2} next month.",
            "The {F} has struggled to agree on a common position on {I}, diplomats said.",
            "Analysts at {O} said {I} had complicated relations between {C1} and {C2}.",
            "{B}, {C2}'s {P}, has pushed for closer ties with {C3} since taking office.",
            "The two sides last met in {M} {Y}, on the sidelines of the {F}.",
            "{C1} and {C2} have been at odds over {I} for years.",
            "Officials from {C1}, {C2} and {C3} are expected to meet again before the end of the year.",
            "{D1} officials said {I} would be raised at the {F} later this month.",
            "{A} is scheduled to travel to {K2} for a two-day visit to {C2}.",
            "A researcher at {O2} said the meeting showed how far {C3} had moved on {I}.",
            "{b} also spoke by phone with {TA} {A} on {W}, according to {C2}'s Foreign Ministry.",
            "The {D2} Embassy in {K1} did not respond to a request for comment.",
            "{TX} {X} of {C4} is also expected to attend the {F}.",
            "{X}, a former adviser to {A}, said {C1} had underestimated the cost of {I}.",
            "Talks between {C3} and {C4} on {I} stalled last year, {O} said in a report.",
            "{X} met {B} in {K2} last month to prepare the visit.",
        ]
        decks: dict[str, list[str]] = {}

        def draw(name: str, pool: list[str]) -> str:
            # without replacement within an article, so it does not repeat itself
            if not decks.get(name):
                decks[name] = rng.sample(pool, len(pool))
            return decks[name].pop()

        paragraphs = [fill(draw("leads", leads)) + " " + fill(draw("context", context))]
        target = rng.randint(WORDS_PER_ARTICLE - 80, WORDS_PER_ARTICLE)
        words = len(paragraphs[0].split())
        while words < target:
            sentences = []
            for _ in range(rng.randint(2, 3)):
                roll = rng.random()
                if roll < 0.22:
                    sentences.append(fill(draw("quotes", quotes)))
                elif roll < 0.62:
                    sentences.append(fill(draw("context", context)))
                else:
                    sentences.append(draw("filler", FILLER))
            paragraph = " ".join(sentences)
            paragraphs.append(paragraph)
            words += len(paragraph.split())
        publisher = PUBLISHERS[index % len(PUBLISHERS)]
        text = "\n\n".join(
            [
                title,
                f"By {rng.choice(self.reporters)}\n{MONTHS[month]} {day}, {year}",
                *paragraphs,
                "Related Articles",
                "Leave a comment",
                f"Copyright © {year} {publisher}. All rights reserved.",
            ]
        )
        return f"{index:05d}_synthetic.txt", text + "\n"


def write_corpus(seeds: Path, size: int, seed: int = SEED, curated: Path | None = None) -> int:
    """A seeds folder: the repository's curated data and ``size`` synthetic articles. Returns the
    number of words written."""
    curated = curated or REPO / "seeds" / "curated"
    if seeds.exists():
        shutil.rmtree(seeds)
    shutil.copytree(curated, seeds / "curated")
    articles = seeds / "articles"
    articles.mkdir(parents=True)
    corpus = Corpus(curated, seed)
    words = 0
    for index in range(size):
        name, text = corpus.article(index, seed)
        (articles / name).write_text(text, encoding="utf-8")
        words += len(text.split())
    return words
