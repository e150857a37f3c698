"""An HTML page's author and date are the article's, not those of the other writings the page holds (comments,
teasers, quotations, a reviewed book) nor of the site (its masthead, its footer), and a later change's time is no
publication date. Each case is a sibling of a page shape session 23's review found."""

from __future__ import annotations

import pytest

from archive_search.parsing import parse_upload

_TEXT = "<p>Kerry met Putin in Sochi on Tuesday for talks on Ukraine and Syria, officials said on Wednesday.</p>"
_LD_PERSON = (
    '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":'
    '"Kerry meets Putin","author":{"@type":"Person","name":"Jane Doe"},"datePublished":"2015-05-12"}</script>'
)


def _page(body: str, head: str = "") -> bytes:
    return (
        f"<!DOCTYPE html><html><head><title>Kerry meets Putin</title>{head}</head><body>{body}</body></html>".encode()
    )


def _parsed(body: str, head: str = "") -> tuple[str | None, str | None, str]:
    parsed = parse_upload("incoming/a.html", _page(body, head))
    return parsed.author, parsed.published, parsed.body


@pytest.mark.parametrize(
    "other",
    [
        # A schema.org Comment's metadata, inside the article and after it.
        '<ol class="comment-list"><li itemscope itemtype="https://schema.org/Comment"><meta itemprop="author" '
        'content="Spam Bot"><meta itemprop="datePublished" content="2019-01-01"><p>Nice post</p></li></ol>',
        '<div itemscope itemtype="http://schema.org/Comment"><span itemprop="author">Spam Bot</span>'
        '<time itemprop="datePublished" datetime="2019-01-01">1 Jan 2019</time><p>Nice post</p></div>',
        # A review of a book, a quotation marked up as one.
        '<div itemscope itemtype="https://schema.org/Book"><meta itemprop="author" content="Leo Tolstoy">'
        '<meta itemprop="datePublished" content="1869-01-01"></div>',
        '<blockquote itemscope itemtype="https://schema.org/Quotation"><p>Quote</p><span itemprop="author">Winston '
        'Churchill</span><meta itemprop="datePublished" content="1940-06-04"></blockquote>',
    ],
)
def test_the_metadata_of_an_item_of_another_writing_is_not_the_articles(other: str) -> None:
    body = f"<article><h1>Kerry meets Putin</h1><p class='byline'>By Jane Doe</p>{_TEXT}{other}</article>"

    author, published, _ = _parsed(body)

    assert (author, published) == ("Jane Doe", None)


@pytest.mark.parametrize(
    "before",
    [
        '<div class="most-read"><div itemscope itemtype="https://schema.org/NewsArticle"><meta itemprop="datePublished"'
        ' content="2010-01-01"><meta itemprop="author" content="Other Writer"><a href="/x">Other story</a></div></div>',
        '<div class="trending"><ul><li><a href="/a">Other story</a> <time itemprop="datePublished" '
        'datetime="2010-01-01">1 Jan 2010</time></li></ul></div>',
    ],
)
def test_a_list_of_other_stories_before_the_article_gives_it_no_author_nor_date(before: str) -> None:
    body = f"{before}<article><h1>Kerry meets Putin</h1><p><time datetime='2015-05-12'>12 May 2015</time></p>{_TEXT}"

    author, published, _ = _parsed(body + "</article>")

    assert (author, published) == (None, "2015-05-12")


def test_a_comments_time_after_the_article_is_not_its_date() -> None:
    body = (
        f"<article><h1>Kerry meets Putin</h1><p class='byline'>By Jane Doe</p>{_TEXT}</article>"
        '<section id="comments" class="comments-area"><ol class="comment-list"><li class="comment"><article '
        'class="comment-body"><footer class="comment-meta"><span class="fn">Bob</span> <time itemprop="datePublished"'
        ' datetime="2019-01-01T10:00">1 Jan 2019</time></footer><p>Great read</p></article></li></ol></section>'
    )

    assert _parsed(body)[:2] == ("Jane Doe", None)


@pytest.mark.parametrize(
    "times",
    [
        # GeneratePress, Astra and other WordPress themes write the updated time first, hidden by their CSS.
        '<time class="updated" datetime="2015-05-13T09:00:00+00:00">May 13, 2015</time><time class="entry-date '
        'published" datetime="2015-05-12T10:00:00+00:00">May 12, 2015</time>',
        "Updated <time datetime='2015-05-13'>13 May</time> Published <time datetime='2015-05-12'>12 May</time>",
        '<time itemprop="dateModified" datetime="2015-05-13">13 May</time> <time datetime="2015-05-12">12 May</time>',
        'Last modified: <time datetime="2015-05-13">13 May</time> <time pubdate datetime="2015-05-12">12 May</time>',
    ],
)
def test_a_later_changes_time_before_the_publications_is_not_the_date(times: str) -> None:
    body = f"<article><h1>Kerry meets Putin</h1><p class='meta'>{times}</p>{_TEXT}</article>"

    assert _parsed(body)[1] == "2015-05-12"


def test_a_later_changes_time_alone_gives_no_date() -> None:
    body = "<article><h1>Kerry meets Putin</h1><p>Modified <time datetime='2015-05-13'>13 May 2015</time></p>"

    assert _parsed(body + _TEXT + "</article>")[1] is None


@pytest.mark.parametrize(
    "page",
    [
        "<header class='site-header'><time datetime='2024-03-12'>Tuesday, March 12, 2024</time><a href='/'>SomaNet"
        "</a></header><article><h1>Kerry meets Putin</h1>{text}</article>",
        "<header><div class='today'><time>Tuesday, March 12, 2024</time></div></header><main><h1>Kerry meets Putin"
        "</h1>{text}</main>",
        "<div role='banner'><time datetime='2024-03-12'>12 March 2024</time></div><h1>Kerry meets Putin</h1>{text}",
        "<article><h1>Kerry meets Putin</h1>{text}</article><footer>Site updated <time datetime='2024-03-12'>12 "
        "March 2024</time></footer>",
    ],
)
def test_the_sites_masthead_or_footer_date_is_not_the_articles(page: str) -> None:
    assert _parsed(page.format(text=_TEXT))[1] is None


def test_an_articles_own_header_date_is_still_read() -> None:
    body = f"<article><header><h1>Kerry meets Putin</h1><time datetime='2015-05-12'>12 May</time></header>{_TEXT}"

    assert _parsed(body + "</article>")[1] == "2015-05-12"


@pytest.mark.parametrize(
    "inside",
    [
        "<blockquote class='pull-quote'><p>We shall never surrender.</p><cite class='author'>Winston Churchill</cite>"
        "</blockquote>",
        "<div class='book-info'><p class='title'>War and Peace</p><p class='author'>Leo Tolstoy</p></div>",
        "<blockquote itemscope itemtype='https://schema.org/Quotation'><p>Quote</p><span itemprop='author'>Winston "
        "Churchill</span></blockquote>",
    ],
)
def test_a_declared_person_is_the_author_over_a_quotations_or_a_books(inside: str) -> None:
    body = f"<article><h1>Kerry meets Putin</h1>{_TEXT}{inside}{_TEXT}</article>"

    assert _parsed(body, _LD_PERSON)[:2] == ("Jane Doe", "2015-05-12")


def test_a_declared_organisation_gives_way_to_the_byline() -> None:
    head = _LD_PERSON.replace('"@type":"Person","name":"Jane Doe"', '"@type":"Organization","name":"SomaNet"')
    body = f"<article><h1>Kerry meets Putin</h1><p class='byline'>By Jane Doe</p>{_TEXT}</article>"

    assert _parsed(body, head)[0] == "Jane Doe"


@pytest.mark.parametrize(
    ("link", "author"),
    [
        (
            "<p class='author-bio'>Jane covers Russia. <a class='author-link' href='/author/jane/' rel='author'>View "
            "all posts by Jane Doe <span class='meta-nav'>&rarr;</span></a></p>",
            "Jane Doe",
        ),
        ("<a rel='author' href='/jane'>More stories</a>", None),
        ("<p class='byline'>By Jane Doe</p><p><a rel='author' href='/jane'>Sign up for alerts</a></p>", "Jane Doe"),
        ("<p class='byline'>By Jane Doe</p><a rel='author' href='/jane'>More articles by Jane Doe</a>", "Jane Doe"),
    ],
)
def test_an_author_link_names_its_author_or_no_one(link: str, author: str | None) -> None:
    body = f"<article><h1>Kerry meets Putin</h1>{_TEXT}{link}</article>"

    assert _parsed(body)[0] == author


def test_a_sign_in_link_in_the_pages_menu_is_no_author() -> None:
    body = (
        "<header><div class='user-menu'><a rel='author' href='/me'>Sign In</a></div></header><article><h1>Kerry "
        f"meets Putin</h1><p class='byline'>By Jane Doe</p>{_TEXT}</article>"
    )

    assert _parsed(body)[0] == "Jane Doe"


@pytest.mark.parametrize(
    "byline", ["Medically reviewed by Dr. John Roe", "Independently fact-checked by John Roe", "Photos by John Roe"]
)
def test_a_credit_of_no_writing_is_no_author(byline: str) -> None:
    body = f"<article><h1>Kerry meets Putin</h1><div class='byline'>{byline}</div>{_TEXT}</article>"

    assert _parsed(body)[0] is None


@pytest.mark.parametrize("adds", ["Photos by John Roe", "5 min read"])
def test_what_a_byline_adds_after_a_separator_is_no_part_of_the_name(adds: str) -> None:
    body = f"<article><h1>Kerry meets Putin</h1><p>By Jane Doe | {adds}</p>{_TEXT}</article>"

    author, _, text = _parsed(body)

    assert (author, text) == ("Jane Doe", _TEXT[3:-4])


@pytest.mark.parametrize(
    "teaser_meta",
    ["<p class='byline'>By Bob Other</p>", "<time datetime='2010-01-01'>1 Jan 2010</time>"],
)
def test_teasers_of_other_stories_in_the_article_give_it_nothing(teaser_meta: str) -> None:
    teasers = "".join(
        f"<article><h3><a href='/other{n}'>Other story {n}</a></h3>{teaser_meta}</article>" for n in range(2)
    )
    body = f"<main><article><h1>Kerry meets Putin</h1>{_TEXT}<section><h2>More on this story</h2>{teasers}</section>"

    author, published, text = _parsed(body + "</article></main>")

    assert (author, published, text) == (None, None, _TEXT[3:-4])


def test_an_article_nested_in_the_article_that_is_no_teaser_stays_text() -> None:
    inner = "<article><h3>Timeline</h3><p>" + "In 2014 the crisis began in Ukraine. " * 30 + "</p></article>"
    body = f"<article><h1>Kerry meets Putin</h1>{_TEXT}{inner}</article>"

    assert "Timeline" in _parsed(body)[2]
