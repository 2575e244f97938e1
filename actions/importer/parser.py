"""The minutes parser's entry point; the parser itself is the package ``actions.importer.parse``."""

from .parse import parse_minutes

__all__ = ["parse_minutes"]
