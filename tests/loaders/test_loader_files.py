"""Reading files: encodings, binary data, empty files, and every way opening can fail."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from loader_helpers import SEED, check_spans, paragraph_texts

from reader.errors import LoadError
from reader.loaders import format_for, load, read_bytes

ARTICLE = "Headline\n\n\u201cIt is important,\u201d said Lavrov \u2014 caf\u00e9 talk.\n\nSecond.\n"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_legacy_cp1252_file(tmp_path: Path):
    path = _write(tmp_path, "legacy.txt", b"Headline\n\n\x93Quoted,\x94 she said \x96 caf\xe9.\n")
    article = load(path)
    assert paragraph_texts(article) == ["\u201cQuoted,\u201d she said \u2013 caf\u00e9."]
    assert article.warnings == ("not valid UTF-8 (byte 10); decoded as Windows-1252",)


def test_undefined_cp1252_bytes_never_crash(tmp_path: Path):
    path = _write(tmp_path, "odd.txt", b"Headline\n\nbytes \x81\x8d\x8f\x90\x9d here\n")
    article = load(path)
    assert "\x81\x8d\x8f\x90\x9d" in article.text
    assert len(article.warnings) == 1


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path: Path, encoding: str):
    data = ARTICLE.encode(encoding)
    if encoding != "utf-16":  # the explicit-endian codecs write no BOM; add it
        data = ("\ufeff" + ARTICLE).encode(encoding)
    article = load(_write(tmp_path, "wide.txt", data))
    assert article.text == ARTICLE
    assert article.headline == "Headline"
    assert article.warnings == ()


def test_utf16_markdown(tmp_path: Path):
    text = "---\ntitle: T\n---\nBody \u201cquoted\u201d.\n"
    article = load(_write(tmp_path, "wide.md", text.encode("utf-16")))
    assert article.headline == "T"
    assert article.text == "Body \u201cquoted\u201d.\n"


def test_utf8_bom_is_dropped(tmp_path: Path):
    article = load(_write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + ARTICLE.encode()))
    assert article.text == ARTICLE


def test_utf8_bom_before_front_matter(tmp_path: Path):
    article = load(_write(tmp_path, "bom.md", b"\xef\xbb\xbf---\ntitle: T\n---\nBody."))
    assert article.headline == "T"


def test_invalid_utf8_in_markdown_and_yaml(tmp_path: Path):
    md = load(_write(tmp_path, "x.md", b"---\ntitle: Caf\xe9\n---\n\x93Hi\x94"))
    assert md.headline == "Caf\u00e9" and md.text == "\u201cHi\u201d"
    assert len(md.warnings) == 1
    yml = load(_write(tmp_path, "x.yaml", b"title: Caf\xe9\nbody: \x93Hi\x94\n"))
    assert yml.headline == "Caf\u00e9" and yml.text == "\u201cHi\u201d"
    assert len(yml.warnings) == 1


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00",
        bytes(range(256)) * 4,
        b"\x7fELF\x02\x01\x01\x00\x00\x00",
    ],
    ids=["png", "pdf", "all-bytes", "elf"],
)
@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".yaml"])
def test_binary_file(tmp_path: Path, data: bytes, suffix: str):
    path = _write(tmp_path, f"picture{suffix}", data)
    with pytest.raises(LoadError) as caught:
        load(path)
    assert str(caught.value) == f"cannot open '{path}': not a text article (binary data)"


@pytest.mark.parametrize("suffix", [".txt", ".md", ".markdown", ".html", ".htm", ".yaml", ".yml"])
@pytest.mark.parametrize("content", [b"", b"  \n\t\n\xc2\xa0\n", b"\r\n\r\n"])
def test_empty_or_whitespace_file(tmp_path: Path, suffix: str, content: bytes):
    article = load(_write(tmp_path, f"empty{suffix}", content))
    assert article.paragraphs == ()
    assert article.text == content.decode()
    assert article.format == format_for(f"x{suffix}")
    assert article.headline is None


def test_missing_file(tmp_path: Path):
    path = tmp_path / "x.txt"
    with pytest.raises(LoadError) as caught:
        load(path)
    assert str(caught.value) == f"cannot open '{path}': no such file"


def test_missing_file_relative_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(LoadError) as caught:
        load("x.txt")
    assert str(caught.value) == "cannot open 'x.txt': no such file"


def test_directory(tmp_path: Path):
    with pytest.raises(LoadError) as caught:
        load(tmp_path)
    assert str(caught.value) == f"cannot open '{tmp_path}': is a directory"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file(tmp_path: Path):
    path = _write(tmp_path, "secret.txt", b"text")
    path.chmod(0)
    try:
        with pytest.raises(LoadError) as caught:
            load(path)
        assert str(caught.value) == f"cannot open '{path}': permission denied"
    finally:
        path.chmod(0o644)


def test_nul_in_file_name():
    with pytest.raises(LoadError, match="not a usable file name"):
        load("bad\x00name.txt")


def test_oversize_file(tmp_path: Path):
    path = _write(tmp_path, "big.txt", b"x" * 1001)
    with pytest.raises(LoadError) as caught:
        load(path, max_bytes=1000)
    assert str(caught.value) == f"cannot open '{path}': too large (1,001 bytes; the limit is 1,000)"
    assert load(path, max_bytes=1001).text == "x" * 1001


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_is_refused_without_reading_it():
    with pytest.raises(LoadError, match=r"is a device, not an article file"):
        read_bytes("/dev/zero", max_bytes=1000)


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("a.txt", "text"), ("a.TXT", "text"), ("a.md", "markdown"), ("a.Markdown", "markdown"),
     ("a.html", "html"), ("a.HTM", "html"), ("a.yaml", "yaml"), ("a.yml", "yaml"),
     ("a.rst", "text"), ("a", "text"), ("-", None)],
)
def test_format_by_suffix(name, fmt):
    assert format_for(name) == fmt


def test_path_objects_and_strings_agree():
    assert load(SEED) == load(str(SEED))
    check_spans(load(SEED))


def test_permission_error_is_worded_for_the_user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The same path as the chmod test, reachable when the tests run as root."""
    path = _write(tmp_path, "secret.txt", b"text")
    real_open = Path.open

    def refuse(self, *args, **kwargs):
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(LoadError) as caught:
        load(path)
    assert str(caught.value) == f"cannot open '{path}': permission denied"


def test_other_os_errors_are_worded_for_the_user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = _write(tmp_path, "flaky.txt", b"text")

    def broken(self, *args, **kwargs):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(Path, "open", broken)
    with pytest.raises(LoadError) as caught:
        load(path)
    assert str(caught.value) == f"cannot open '{path}': Input/output error"


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-le", "utf-32-be"])
def test_utf32_with_bom(tmp_path: Path, encoding: str):
    text = ARTICLE if encoding == "utf-32" else "\ufeff" + ARTICLE
    article = load(_write(tmp_path, "wider.txt", text.encode(encoding)))
    assert article.text == ARTICLE
    assert article.warnings == ()


def test_binary_data_behind_a_utf16_bom(tmp_path: Path):
    path = _write(tmp_path, "fake.txt", b"\xff\xfe" + b"\x00\x00\x01\x00\x02\x00" * 200)
    with pytest.raises(LoadError, match="not a text article"):
        load(path)


def test_odd_length_utf16_falls_back_without_crashing(tmp_path: Path):
    article = load(_write(tmp_path, "odd.txt", "Text".encode("utf-16") + b"!"))
    assert article.warnings and "Windows-1252" in article.warnings[0]
