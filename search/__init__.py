"""Reader search over published articles (Wagtail search: SQLite FTS5 or PostgreSQL full text).

Owns the /search/ page: ranked, paginated results with matched words highlighted,
optionally narrowed to one section.
"""
