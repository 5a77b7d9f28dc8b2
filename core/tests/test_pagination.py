"""The one page-number policy: absent means 1, anything that is not an existing page is a 404."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.http import Http404, HttpRequest
from django.test import RequestFactory

from core.pagination import paginate, requested_page

pytestmark = pytest.mark.django_db


def request_for(query: dict[str, str]) -> HttpRequest:
    return RequestFactory().get("/", query)


def test_no_page_number_is_the_first_page():
    assert requested_page(request_for({})) == 1


@pytest.mark.parametrize("raw", ["", "abc", "0", "-1", "1.5", "²", "1e3", " 2", "9" * 40])
def test_anything_but_a_positive_number_is_not_found(raw):
    with pytest.raises(Http404):
        requested_page(request_for({"page": raw}))


def test_pages_past_the_end_are_not_found_but_an_empty_list_has_page_one():
    for number in range(5):
        Group.objects.create(name=f"group {number}")
    groups = Group.objects.filter(name__startswith="group ").order_by("name")
    assert [g.name for g in paginate(request_for({"p": "3"}), groups, 2, param="p")] == ["group 4"]
    with pytest.raises(Http404):
        paginate(request_for({"p": "4"}), groups, 2, param="p")
    assert list(paginate(request_for({}), Group.objects.none(), 2)) == []
    with pytest.raises(Http404):
        paginate(request_for({"page": "2"}), Group.objects.none(), 2)
