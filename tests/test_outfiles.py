"""outfiles: an output never replaces an input, and never half-written over a whole file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from onrecord.errors import UsageError
from onrecord.outfiles import atomic_folder, atomic_text, refuse_same_file, same_file


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_the_file_appears_only_when_the_block_ends(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    out.write_text("old\n", encoding="utf-8")
    with atomic_text(out) as fh:
        fh.write("new\n")
        assert out.read_text(encoding="utf-8") == "old\n"  # not yet
    assert out.read_text(encoding="utf-8") == "new\n"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("exc", [RuntimeError("disk full"), KeyboardInterrupt()])
def test_a_failure_leaves_the_old_file_and_no_temporary(tmp_path: Path, exc: BaseException) -> None:
    out = tmp_path / "out.txt"
    out.write_text("old\n", encoding="utf-8")
    with pytest.raises(type(exc)), atomic_text(out) as fh:
        fh.write("half")
        raise exc
    assert out.read_text(encoding="utf-8") == "old\n"
    assert leftovers(tmp_path) == []
    with pytest.raises(type(exc)), atomic_text(tmp_path / "new.txt") as fh:
        raise exc
    assert not (tmp_path / "new.txt").exists()


def test_permissions_links_and_devices(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    out.write_text("old\n", encoding="utf-8")
    out.chmod(0o640)
    with atomic_text(out) as fh:
        fh.write("new\n")
    assert stat.S_IMODE(out.stat().st_mode) == 0o640  # an existing file keeps its mode
    umask = os.umask(0o022)
    os.umask(umask)
    with atomic_text(tmp_path / "fresh.txt") as fh:
        fh.write("x")
    assert stat.S_IMODE((tmp_path / "fresh.txt").stat().st_mode) == 0o666 & ~umask
    link = tmp_path / "link.txt"
    link.symlink_to(out)
    with atomic_text(link) as fh:
        fh.write("through the link\n")
    assert link.is_symlink() and out.read_text(encoding="utf-8") == "through the link\n"
    with atomic_text(os.devnull) as fh:  # a device is written in place, never replaced
        fh.write("gone")
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
    with pytest.raises(FileNotFoundError), atomic_text(tmp_path / "no" / "such.txt"):
        pass


def test_the_same_file_by_any_name(tmp_path: Path) -> None:
    data = tmp_path / "in.jsonl"
    data.write_text("{}\n", encoding="utf-8")
    os.link(data, tmp_path / "hard.jsonl")
    (tmp_path / "soft.jsonl").symlink_to(data)
    for other in ("hard.jsonl", "soft.jsonl", "./in.jsonl"):
        assert same_file(tmp_path / other, data)
        with pytest.raises(UsageError, match="would destroy the input"):
            refuse_same_file(tmp_path / other, [data], what="--output")
    assert not same_file(tmp_path / "missing.jsonl", data)
    refuse_same_file(tmp_path / "missing.jsonl", [data, "-"], what="--output")


def test_a_folder_appears_only_when_the_block_ends(tmp_path: Path) -> None:
    out = tmp_path / "tables"
    with atomic_folder(out) as folder:
        (folder / "a.parquet").write_bytes(b"x")
        assert not out.exists()
    assert (out / "a.parquet").read_bytes() == b"x"
    with pytest.raises(RuntimeError), atomic_folder(tmp_path / "other") as folder:
        (folder / "a.parquet").write_bytes(b"x")
        raise RuntimeError("interrupted")
    assert not (tmp_path / "other").exists()
    (tmp_path / "empty").mkdir()  # an empty folder is replaced, as export allows it
    with atomic_folder(tmp_path / "empty") as folder:
        (folder / "b.parquet").write_bytes(b"y")
    assert [p.name for p in (tmp_path / "empty").iterdir()] == ["b.parquet"]
    assert leftovers(tmp_path) == []
