"""Every user-facing problem Polybius reports, with a stable code (in the manner of spaCy's errors.py).

Library code raises these; the CLI and the web app turn them into messages. A message always names
where the problem is (file, file:line, or the article id) and what is wrong with it.
"""

from __future__ import annotations

from enum import Enum


class Problem(str, Enum):
    """Codes and message templates for problems with input. `where` is filled in by InputProblem."""

    NOT_FOUND = "P001", "no such file or directory"
    UNREADABLE = "P002", "cannot be read: {detail}"
    BINARY = "P003", "looks binary (NUL bytes near offset {offset}); expected text, HTML, JSONL or CSV"
    BAD_UTF8 = "P004", "is not valid UTF-8 (byte {offset}: {detail})"
    EMPTY = "P005", "has no article text{detail}"
    TOO_LARGE = "P006", "is {size} long, over the {limit} limit for one article"
    BAD_JSON = "P007", "is not valid JSON ({detail})"
    NOT_AN_OBJECT = "P008", "must be a JSON object with at least a \"text\" field, got {detail}"
    BAD_DATE = "P009", "has a bad date {value!r} in \"{field}\": expected YYYY-MM-DD"
    BAD_FIELD = "P010", "has a bad \"{field}\": {detail}"
    UNSUPPORTED = "P011", "has an unsupported extension {detail}; expected .jsonl, .json, .csv, .txt, .html or .htm"
    NO_TEXT_COLUMN = "P012", "has no \"text\" column (columns: {detail})"
    NO_HTML_TEXT = "P013", "has no article text that the HTML extractor could find"

    def __new__(cls, code: str, template: str):
        member = str.__new__(cls, code)
        member._value_ = code
        member.template = template
        return member


class PolybiusError(Exception):
    """Base class: anything Polybius reports on purpose."""


class InputProblem(PolybiusError):
    """One piece of input that could not be read; the rest of the input goes on (unless --strict)."""

    def __init__(self, problem: Problem, where: str, **detail):
        self.problem = problem
        self.where = where
        self.detail = detail
        super().__init__(f"[{problem.value}] {where} {problem.template.format(**detail)}")

    @property
    def message(self) -> str:
        return str(self)


class ConfigError(PolybiusError):
    """A bad option, data file or database (named in the message)."""


class NotFound(PolybiusError):
    """An event or article id that is not in the database."""
