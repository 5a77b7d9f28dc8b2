"""WordPress exports for the tests, written the way WordPress 6.x's exporter writes them:
the same namespaces, CDATA around every text value (with ``]]>`` split as wxr_cdata does),
GMT and local dates, ``0000-00-00 00:00:00`` GMT and an empty post_name on drafts."""

from __future__ import annotations

from dataclasses import dataclass, field

SITE = "https://old.example.org"


def cdata(text: object) -> str:
    return "<![CDATA[" + str(text).replace("]]>", "]]]]><![CDATA[>") + "]]>"


@dataclass
class C:
    """A wp:comment."""

    wp_id: int
    content: str = "A thoughtful reply."
    parent: int = 0
    approved: str = "1"
    type: str = "comment"
    author: str = "A Reader"
    email: str = "reader@example.net"
    url: str = ""
    date: str = "2024-03-05 16:00:00"
    date_gmt: str = "2024-03-05 16:00:00"
    user_id: int = 0

    def xml(self) -> str:
        return f"""
		<wp:comment>
			<wp:comment_id>{self.wp_id}</wp:comment_id>
			<wp:comment_author>{cdata(self.author)}</wp:comment_author>
			<wp:comment_author_email>{cdata(self.email)}</wp:comment_author_email>
			<wp:comment_author_url>{self.url}</wp:comment_author_url>
			<wp:comment_author_IP>{cdata("192.0.2.1")}</wp:comment_author_IP>
			<wp:comment_date>{cdata(self.date)}</wp:comment_date>
			<wp:comment_date_gmt>{cdata(self.date_gmt)}</wp:comment_date_gmt>
			<wp:comment_content>{cdata(self.content)}</wp:comment_content>
			<wp:comment_approved>{cdata(self.approved)}</wp:comment_approved>
			<wp:comment_type>{cdata(self.type)}</wp:comment_type>
			<wp:comment_parent>{self.parent}</wp:comment_parent>
			<wp:comment_user_id>{self.user_id}</wp:comment_user_id>
			<wp:commentmeta>
				<wp:meta_key>{cdata("akismet_result")}</wp:meta_key>
				<wp:meta_value>{cdata("false")}</wp:meta_value>
			</wp:commentmeta>
		</wp:comment>"""


@dataclass
class P:
    """An item: a post, page, attachment or anything else WordPress exports."""

    wp_id: int
    title: str = "A post"
    content: str = ""
    excerpt: str = ""
    post_type: str = "post"
    status: str = "publish"
    name: str | None = None
    date: str = "2024-03-05 14:30:00"
    date_gmt: str | None = None
    creator: str = "jdoe"
    terms: list[tuple[str, str, str]] = field(default_factory=list)  # (domain, nicename, name)
    meta: dict[str, str] = field(default_factory=dict)
    comments: list[C] = field(default_factory=list)
    comment_status: str = "open"
    attachment_url: str = ""
    parent: int = 0
    password: str = ""

    def xml(self) -> str:
        draft = self.status in ("draft", "pending", "auto-draft")
        name = self.name if self.name is not None else ("" if draft else f"post-{self.wp_id}")
        date_gmt = (
            self.date_gmt if self.date_gmt is not None else ("0000-00-00 00:00:00" if draft else self.date)
        )
        year, month, day = self.date[:10].split("-")
        link = f"{SITE}/?p={self.wp_id}" if draft or not name else f"{SITE}/{year}/{month}/{day}/{name}/"
        if self.post_type == "page" and name and not draft:
            link = f"{SITE}/{name}/"
        terms = "".join(
            f'\n\t\t<category domain="{domain}" nicename="{nicename}">{cdata(label)}</category>'
            for domain, nicename, label in self.terms
        )
        meta = "".join(
            f"""
		<wp:postmeta>
			<wp:meta_key>{cdata(key)}</wp:meta_key>
			<wp:meta_value>{cdata(value)}</wp:meta_value>
		</wp:postmeta>"""
            for key, value in {"_edit_last": "1", **self.meta}.items()
        )
        attachment = (
            f"\n\t\t<wp:attachment_url>{cdata(self.attachment_url)}</wp:attachment_url>"
            if self.attachment_url
            else ""
        )
        return f"""
	<item>
		<title>{cdata(self.title)}</title>
		<link>{link}</link>
		<pubDate>Tue, 05 Mar 2024 14:30:00 +0000</pubDate>
		<dc:creator>{cdata(self.creator)}</dc:creator>
		<guid isPermaLink="false">{SITE}/?p={self.wp_id}</guid>
		<description></description>
		<content:encoded>{cdata(self.content)}</content:encoded>
		<excerpt:encoded>{cdata(self.excerpt)}</excerpt:encoded>
		<wp:post_id>{self.wp_id}</wp:post_id>
		<wp:post_date>{cdata(self.date)}</wp:post_date>
		<wp:post_date_gmt>{cdata(date_gmt)}</wp:post_date_gmt>
		<wp:post_modified>{cdata(self.date)}</wp:post_modified>
		<wp:post_modified_gmt>{cdata(date_gmt)}</wp:post_modified_gmt>
		<wp:comment_status>{cdata(self.comment_status)}</wp:comment_status>
		<wp:ping_status>{cdata("open")}</wp:ping_status>
		<wp:post_name>{cdata(name)}</wp:post_name>
		<wp:status>{cdata(self.status)}</wp:status>
		<wp:post_parent>{self.parent}</wp:post_parent>
		<wp:menu_order>0</wp:menu_order>
		<wp:post_type>{cdata(self.post_type)}</wp:post_type>
		<wp:post_password>{cdata(self.password)}</wp:post_password>
		<wp:is_sticky>0</wp:is_sticky>{attachment}{terms}{meta}{"".join(c.xml() for c in self.comments)}
	</item>"""


AUTHORS = [
    (1, "jdoe", "jdoe@old.example.org", "Jane Doe"),
    (2, "sam.smith", "sam@old.example.org", "Sam Smith"),
]
CATEGORIES = [
    (1, "uncategorized", "", "Uncategorized", ""),
    (3, "world", "", "World", "News from everywhere"),
    (4, "europe", "world", "Europe", ""),
    (5, "culture", "", "Culture", "Arts & ideas"),
]
TAGS = [(7, "fete", "Fête"), (8, "harbour", "Harbour")]


FOOT = "\n</channel>\n</rss>\n"


def export(items: list[P], *, version: str = "1.2", site: str = SITE) -> str:
    return head(version=version, site=site) + "".join(item.xml() for item in items) + FOOT


def head(*, version: str = "1.2", site: str = SITE) -> str:
    """Everything before the first item: the channel, authors and terms."""
    authors = "".join(
        f"""
	<wp:author><wp:author_id>{wp_id}</wp:author_id><wp:author_login>{cdata(login)}</wp:author_login><wp:author_email>{cdata(email)}</wp:author_email><wp:author_display_name>{cdata(name)}</wp:author_display_name><wp:author_first_name>{cdata("")}</wp:author_first_name><wp:author_last_name>{cdata("")}</wp:author_last_name></wp:author>"""
        for wp_id, login, email, name in AUTHORS
    )
    categories = "".join(
        f"""
	<wp:category>
		<wp:term_id>{wp_id}</wp:term_id>
		<wp:category_nicename>{cdata(slug)}</wp:category_nicename>
		<wp:category_parent>{cdata(parent)}</wp:category_parent>
		<wp:cat_name>{cdata(name)}</wp:cat_name>
		<wp:category_description>{cdata(description)}</wp:category_description>
	</wp:category>"""
        for wp_id, slug, parent, name, description in CATEGORIES
    )
    tags = "".join(
        f"""
	<wp:tag>
		<wp:term_id>{wp_id}</wp:term_id>
		<wp:tag_slug>{cdata(slug)}</wp:tag_slug>
		<wp:tag_name>{cdata(name)}</wp:tag_name>
	</wp:tag>"""
        for wp_id, slug, name in TAGS
    )
    return f"""<?xml version="1.0" encoding="UTF-8" ?>
<!-- This is a WordPress eXtended RSS file generated by WordPress as an export of your site. -->
<!-- It contains information about your site's posts, pages, comments, categories, and other content. -->
<!-- generator="WordPress/6.4.3" created="2024-04-01 09:00" -->
<rss version="2.0"
	xmlns:excerpt="http://wordpress.org/export/{version}/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/{version}/"
>

<channel>
	<title>The Old Gazette</title>
	<link>{site}</link>
	<description>News from the valley</description>
	<pubDate>Mon, 01 Apr 2024 09:00:00 +0000</pubDate>
	<language>en-GB</language>
	<wp:wxr_version>{version}</wp:wxr_version>
	<wp:base_site_url>{site}</wp:base_site_url>
	<wp:base_blog_url>{site}</wp:base_blog_url>
{authors}
{categories}
{tags}
	<wp:term>
		<wp:term_id>9</wp:term_id>
		<wp:term_taxonomy>{cdata("nav_menu")}</wp:term_taxonomy>
		<wp:term_slug>{cdata("main-menu")}</wp:term_slug>
		<wp:term_name>{cdata("Main menu")}</wp:term_name>
	</wp:term>

	<generator>https://wordpress.org/?v=6.4.3</generator>
"""


def php_serialize(value: object) -> str:
    """PHP's serialize(), for the attachment metadata WordPress stores."""
    if isinstance(value, bool):
        return f"b:{int(value)};"
    if isinstance(value, int):
        return f"i:{value};"
    if isinstance(value, str):
        return f's:{len(value.encode())}:"{value}";'
    if isinstance(value, dict):
        return (
            f"a:{len(value)}:{{"
            + "".join(php_serialize(k) + php_serialize(v) for k, v in value.items())
            + "}"
        )
    raise TypeError(value)


def attachment(
    wp_id: int, file: str, *, title: str, alt: str = "", caption: str = "", credit: str = "", site: str = SITE
) -> P:
    base = file.rsplit("/", 1)[1].rsplit(".", 1)[0]
    metadata = {
        "width": 1600,
        "height": 900,
        "file": file,
        "filesize": 20480,
        "sizes": {
            "medium": {"file": f"{base}-300x169.jpg", "width": 300, "height": 169, "mime-type": "image/jpeg"}
        },
        "image_meta": {"aperture": "0", "credit": credit, "caption": "", "copyright": "", "title": ""},
    }
    meta = {"_wp_attached_file": file, "_wp_attachment_metadata": php_serialize(metadata)}
    if alt:
        meta["_wp_attachment_image_alt"] = alt
    return P(
        wp_id,
        title=title,
        post_type="attachment",
        status="inherit",
        excerpt=caption,
        name=base,
        attachment_url=f"{site}/wp-content/uploads/{file}",
        meta=meta,
    )
