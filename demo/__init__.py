"""Demo content: ``manage.py load_demo`` fills an empty site with fictional news, and
``manage.py prepare_demo_site`` (what ``make run`` calls; ADR 0034) migrates, loads it and
ensures the administrator in one process.

Owns nothing at run time; it only writes through the news app's models.
"""
