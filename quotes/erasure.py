"""Erasure (core.erasure): a speaker who asks to be forgotten loses their record and page.

Editors record a contact address on the speaker only for this. Their quotations stay in the
articles (the articles are the newsroom's record) but are detached from any speaker, so no
page, feed, sitemap entry or search filter names them any more.
"""

from __future__ import annotations

from core.erasure import eraser
from quotes.editing import forget_speakers
from quotes.models import Speaker


@eraser("quotes")
def erase_speakers(address: str) -> int:
    return forget_speakers(Speaker.objects.filter(contact_email__iexact=address))
