"""Reader search over published articles (Wagtail search: SQLite FTS5 or PostgreSQL full text).

Owns the /search/ page: ranked, paginated results with matched words and phrases highlighted,
optionally narrowed to one section or speaker. Words in double quotes match as an exact phrase
(``search.query``): ``"ceasefire talks" Geneva``.
"""
