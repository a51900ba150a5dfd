"""The related entities kept from a last build are those a build from scratch works out, and a
rebuild works out again only the entities whose articles changed."""

from __future__ import annotations

import copy
import dataclasses

from generator.render.related import related_index


def test_a_kept_index_gives_what_a_fresh_one_gives(seeds_build):
    corpus = seeds_build.corpus
    first = related_index(corpus.entities)
    assert first.worked_out == len(corpus.entities)
    assert related_index(corpus.entities, first).worked_out == 0  # nothing changed
    changed = copy.deepcopy(corpus.entities)
    articles = sorted({m.article for e in changed for m in e.mentions})
    # one entity of one article renamed: the ranking of everyone in that article may change
    only = [e for e in changed if {m.article for m in e.mentions} == {articles[-1]}]
    renamed = only[0]
    changed[changed.index(renamed)] = dataclasses.replace(renamed, name="Aaron Aardvark")
    again = related_index(changed, first)
    assert again.ranked == related_index(changed).ranked
    assert again.ranked != first.ranked
    untouched = [e for e in changed if articles[-1] not in {m.article for m in e.mentions}]
    assert untouched and all(again.ranked[e.key] is first.ranked[e.key] for e in untouched)
    assert again.worked_out == len(changed) - len(untouched)
    # an entity that loses its mentions of an article is worked out again
    dropped = next(e for e in changed if len({m.article for m in e.mentions}) > 1)
    dropped.mentions = [m for m in dropped.mentions if m.article != articles[0]]
    assert related_index(changed, again).ranked == related_index(changed).ranked
