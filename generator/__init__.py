"""Dossier: news articles in, cross-linked knowledge site out."""

__version__ = "0.1.0"
