"""Tools beside the pipeline, never run by a build: the benchmark, the evaluation against gold,
and suggestions of curated entries."""
