"""The light list of format names the CLI shows is the list of readers ingest has."""

from watchline.ingest.formats import READERS
from watchline.ingest.names import FORMATS


def test_every_format_name_has_a_reader_and_every_reader_a_name() -> None:
    assert ("auto", *READERS) == FORMATS
