"""Aggregate: every article's linked mentions become one entity per real-world thing, events
reported by several articles are merged (``events``), titles that sources disagree on are noted
(``roles``), and the relationship graph is drawn up with its evidence (``relations``)."""

from generator.aggregate.corpus import aggregate

__all__ = ["aggregate"]
