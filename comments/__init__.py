"""Reader comments ("Leave a reply") under articles.

Owns: comments and their threads, commenters (trust, hold, ban by email), reports,
the rules that decide whether a comment is published, held or refused, the spam
defences, the moderation queue in the Wagtail admin, the email telling moderators a
comment waits for them, and the ``comments`` region of the article page.

Offers: the ``comments`` article region (``core.regions``), the ``comments`` part of
``manage.py erase_email`` (``core.erasure``) and ``comments.api``: ``comment_count(article_id)``
and the ``visible_comments_changed`` signal; for importers (``wordpress``) the ``Comment``
model and its limits, ``comments.moderation.purge_article`` and ``comments.text.clean_name`` /
``clean_text``. Nothing else is public.
"""
