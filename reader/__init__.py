"""reader: a terminal reader and quote browser for news articles."""

__version__ = "0.1.0"
