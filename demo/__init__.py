"""Demo content: ``manage.py load_demo`` fills an empty site with fictional news.

Owns nothing at run time; it only writes through the news app's models.
"""
