"""Polybius: news reports about political violence in, an ACLED-shaped event dataset out."""

__version__ = "0.1.0"
