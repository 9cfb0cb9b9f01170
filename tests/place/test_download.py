import http.server
import threading
import zipfile
from functools import partial

import pytest

from polybius.place import DownloadError, download_dump

from place_fixtures import FIXTURES, gazetteer, writable_gazetteer  # noqa: F401 (fixtures)


@pytest.fixture
def dump_server(tmp_path):
    """A local HTTP server (loopback only, stopped after the test) serving ML.zip built here."""
    with zipfile.ZipFile(tmp_path / "ML.zip", "w") as out:
        out.write(FIXTURES / "tiny_dump.txt", "ML.txt")
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_download_fetches_and_imports_a_country_zip(writable_gazetteer, dump_server):
    assert download_dump("ml", writable_gazetteer, base_url=dump_server) == 7
    assert any(p.feature_code == "MTS" for p in writable_gazetteer.lookup("Adrar des Ifoghas"))


def test_download_reports_a_missing_dump(writable_gazetteer, dump_server):
    with pytest.raises(DownloadError, match="NE.zip"):
        download_dump("NE", writable_gazetteer, base_url=dump_server)


def test_download_rejects_a_bad_country_code(writable_gazetteer):
    with pytest.raises(ValueError, match="two-letter"):
        download_dump("Mali", writable_gazetteer, base_url="http://127.0.0.1:9/")
