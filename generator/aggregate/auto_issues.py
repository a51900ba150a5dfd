"""New-issue candidates across the corpus, and the issues found automatically among them.

An article's candidate (``extract/topics.py``) is a phrase it keeps returning to that no curated
issue covers ("the grain corridor", "the foreign influence law"). One article returning to a
phrase may be its own story; several articles returning to the same phrase make it a topic of the
corpus, when its head names a matter of dispute, negotiation or law ("deal", "war", "bill",
"tax": ``topics.TOPIC_HEADS``; not "water cannon"). Such a phrase is published as an issue of its own, marked as not curated and with a
confidence that grows with the number of articles. The curated taxonomy stays in charge: an alias
or cue added to a curated issue claims the phrase (the linker then drops the candidate), and a
suppression removes it.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from generator.data import CandidateIssue, Claim, LinkedArticle, entity_key
from generator.extract.topics import TOPIC_HEADS

#: A candidate phrase recurring in this many articles becomes an issue found automatically.
AUTO_ISSUE_ARTICLES = 2
#: Its confidence: this much for the first articles, more for each further one, at most the cap
#: (below a curated entity's 1.0, so the page says it was found, not curated).
AUTO_ISSUE_CONFIDENCE = 0.6
AUTO_ISSUE_STEP = 0.05
AUTO_ISSUE_CAP = 0.8
MAX_SENTENCES = 5


def candidate_groups(linked: list[LinkedArticle]) -> list[CandidateIssue]:
    """New-issue candidates grouped across articles (one phrase, every article it recurs in),
    the most frequent first; a group in enough articles names the issue published for it."""
    groups: dict[str, list[tuple[str, int, str, tuple[str, ...]]]] = defaultdict(list)
    for art in linked:
        for c in art.issue_candidates:
            groups[c.key].append((art.article.id, c.count, c.name, c.sentences))
    out = []
    for key, found in groups.items():
        names_seen = Counter({name: count for _, count, name, _ in found})
        evidence = [Claim(s, article) for article, _, _, sentences in found for s in sentences]
        articles = sorted({article for article, _, _, _ in found})
        out.append(
            CandidateIssue(
                name=names_seen.most_common(1)[0][0],
                key=key,
                count=sum(count for _, count, _, _ in found),
                articles=articles,
                sentences=evidence[:MAX_SENTENCES],
                issue=auto_issue_key(key) if _recurring_matter(key, articles) else None,
            )
        )
    return sorted(out, key=lambda c: (-c.count, c.key))


def _recurring_matter(key: str, articles: list[str]) -> bool:
    return len(articles) >= AUTO_ISSUE_ARTICLES and key.split()[-1] in TOPIC_HEADS


def auto_issue_key(candidate_key: str) -> str:
    return entity_key("issue", "~" + candidate_key)


def auto_issue_slots(linked: list[LinkedArticle], groups: list[CandidateIssue]) -> dict[str, dict]:
    """The aggregate slot (names seen, sentences per article, confidence) of each issue found
    automatically, in the form ``corpus.aggregate`` builds for mentions."""
    wanted = {g.key: g for g in groups if g.issue}
    slots: dict[str, dict] = {}
    for art in linked:
        for c in art.issue_candidates:
            group = wanted.get(c.key)
            if group is None or group.issue is None:
                continue
            slot = slots.setdefault(
                group.issue,
                {
                    "variants": Counter(),
                    "mentions": defaultdict(list),
                    "confidence": confidence(len(group.articles)),
                    "roles": [],
                    "titled": False,
                },
            )
            slot["variants"][c.name] += c.count
            slot["mentions"][art.article.id].extend(c.sentences)
    return slots


def confidence(articles: int) -> float:
    extra = AUTO_ISSUE_STEP * (articles - AUTO_ISSUE_ARTICLES)
    return round(min(AUTO_ISSUE_CAP, AUTO_ISSUE_CONFIDENCE + extra), 2)
