"""Embed providers whose players are plain iframes, and which of them a site allows.

Standard library only: settings import it to derive the CSP's ``frame-src`` from the same
allowlist the embed block checks (ADR 0026). A provider turns the address an editor pastes
into the address of its player, or None when the address is not one of its pages; nothing is
fetched from the provider to do so.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

VIDEO_ID = re.compile(r"[A-Za-z0-9_-]{6,20}")
CHART_ID = re.compile(r"[A-Za-z0-9]{5}")
SPOTIFY_ID = re.compile(r"[A-Za-z0-9]{22}")
SPOTIFY_KINDS = ("episode", "show", "track", "album", "playlist")


@dataclass(frozen=True)
class Provider:
    name: str
    noun: str  # what the reader is offered to load: "video", "chart", "audio"
    frame_origin: str  # the only origin the player's iframe points at
    player_url: Callable[[str, list[str], dict[str, list[str]]], str | None]  # host, path parts, query


def _youtube(host: str, parts: list[str], query: dict[str, list[str]]) -> str | None:
    if host == "youtube.com" and parts == ["watch"]:
        video = query.get("v", [""])[0]
    elif host == "youtube.com" and len(parts) == 2 and parts[0] == "shorts":
        video = parts[1]
    elif host == "youtu.be" and len(parts) == 1:
        video = parts[0]
    else:
        return None
    return f"https://www.youtube-nocookie.com/embed/{video}" if VIDEO_ID.fullmatch(video) else None


def _vimeo(host: str, parts: list[str], query: dict[str, list[str]]) -> str | None:
    if host == "vimeo.com" and len(parts) == 1 and parts[0].isdigit():
        return f"https://player.vimeo.com/video/{parts[0]}?dnt=1"
    return None


def _datawrapper(host: str, parts: list[str], query: dict[str, list[str]]) -> str | None:
    if host == "datawrapper.dwcdn.net" and parts and CHART_ID.fullmatch(parts[0]):
        chart = parts[0]
    elif host == "app.datawrapper.de" and len(parts) >= 2 and parts[0] == "chart":
        chart = parts[1]
    else:
        return None
    return f"https://datawrapper.dwcdn.net/{chart}/" if CHART_ID.fullmatch(chart) else None


def _spotify(host: str, parts: list[str], query: dict[str, list[str]]) -> str | None:
    if len(parts) != 2 or parts[0] not in SPOTIFY_KINDS or not SPOTIFY_ID.fullmatch(parts[1]):
        return None
    return f"https://open.spotify.com/embed/{parts[0]}/{parts[1]}" if host == "open.spotify.com" else None


PROVIDERS = {
    "youtube": Provider("YouTube", "video", "https://www.youtube-nocookie.com", _youtube),
    "vimeo": Provider("Vimeo", "video", "https://player.vimeo.com", _vimeo),
    "datawrapper": Provider("Datawrapper", "chart", "https://datawrapper.dwcdn.net", _datawrapper),
    "spotify": Provider("Spotify", "audio", "https://open.spotify.com", _spotify),
}
DEFAULT_ALLOWED = ("youtube", "vimeo")


def allowed(names: Iterable[str]) -> list[str]:
    """The allowlist from a setting, checked: an unknown name is a ValueError naming the choices."""
    chosen = [name.strip().lower() for name in names if name.strip()]
    unknown = sorted(set(chosen) - set(PROVIDERS))
    if unknown:
        raise ValueError(
            f"Unknown embed provider(s) {', '.join(unknown)}; choose from {', '.join(PROVIDERS)}."
        )
    return list(dict.fromkeys(chosen))


def frame_sources(names: Iterable[str]) -> list[str]:
    """The CSP ``frame-src`` sources for these providers."""
    return [PROVIDERS[name].frame_origin for name in names]


def player(url: str, names: Iterable[str]) -> tuple[Provider, str] | None:
    """The allowed provider and player address for a pasted page address, or None."""
    address = urlsplit(url.strip())
    if address.scheme not in ("http", "https"):
        return None
    host = (address.hostname or "").removeprefix("www.").removeprefix("m.")
    parts = [part for part in address.path.split("/") if part]
    query = parse_qs(address.query)
    for name in names:
        provider = PROVIDERS[name]
        src = provider.player_url(host, parts, query)
        if src is not None:
            return provider, src
    return None
