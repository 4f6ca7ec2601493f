"""Errors the user can act on. The CLI prints them as one line and exits with status 2."""


class ReaderError(Exception):
    """A problem with the user's input, worded for the user."""


class LoadError(ReaderError):
    """An article could not be opened or read."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"cannot open '{source}': {reason}")
        self.source = source
        self.reason = reason
