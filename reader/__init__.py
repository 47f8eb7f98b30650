"""news-reader: a keyboard-driven terminal reader for scraped news."""

__version__ = "0.1.0"
