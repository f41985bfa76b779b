"""Where the gazetteer's name index is cached: settings first, then the XDG default."""

from __future__ import annotations

from pathlib import Path

import pytest

from watchline.disk_cache import cache_dir
from watchline.geo.gazetteer import index as gazetteer_index


def test_gazetteer_cache_dir_from_settings_env(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WATCHLINE_CACHE_DIR", str(tmp_path / "c"))
    assert cache_dir() == tmp_path / "c"
    assert gazetteer_index._cache_file().parent == tmp_path / "c"


def test_gazetteer_cache_dir_from_settings_file(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("WATCHLINE_CACHE_DIR", raising=False)
    (tmp_path / "watchline.toml").write_text(f'cache_dir = "{tmp_path / "t"}"\n')
    assert cache_dir() == tmp_path / "t"


@pytest.mark.parametrize("xdg", [True, False])
def test_gazetteer_cache_dir_defaults(monkeypatch, tmp_path: Path, xdg: bool) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("WATCHLINE_CACHE_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    if xdg:
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
        assert cache_dir() == tmp_path / "xdg" / "watchline"
    else:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
        assert cache_dir() == tmp_path / "home" / ".cache" / "watchline"


def test_gazetteer_cache_dir_survives_broken_config(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "watchline.toml").write_text("no_such_setting = 1\n")
    monkeypatch.setenv("WATCHLINE_CACHE_DIR", str(tmp_path / "c"))
    assert cache_dir() == tmp_path / "c"
