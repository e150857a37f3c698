"""Session 56: nothing silently lost or changed on ingest. A date after the upload, a JSON whose only date is under a
name of another moment, and a storage service's error response saved as the article are rejected with a reason."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from archive_search.errors import RejectedUploadError
from archive_search.ingest import IngestService
from archive_search.notifications import ObjectChange
from archive_search.parsing import parse_upload
from tests.unit.fakes import FakeArchive, FakeBucket, FakeIndex, FakeReports

STORY = "The council approved the harbour budget on Monday after a long debate in the chamber."
# The upload's time, as S3's LastModified: an evening in New York, already the 13th in UTC.
UPLOADED = datetime(2015, 5, 13, 1, 30, tzinfo=UTC)


def _uploads_dated(day: str) -> dict[str, str]:
    """An upload of each format dated `day` (YYYY-MM-DD) where that format gives its date."""
    return {
        "incoming/a.md": f"---\ntitle: Budget approved\ndate: {day}\n---\n\n{STORY}\n",
        "incoming/a.json": json.dumps({"title": "Budget approved", "body": STORY, "published": day}),
        "incoming/meta.html": (
            f'<html><head><title>Budget approved</title><meta property="article:published_time" content="{day}">'
            f"</head><body><h1>Budget approved</h1><p>{STORY}</p></body></html>"
        ),
        "incoming/time.html": (
            f'<html><body><article><h1>Budget approved</h1><time datetime="{day}">{day}</time><p>{STORY}</p>'
            "</article></body></html>"
        ),
        "incoming/a.txt": f"Budget approved\n\n(By Jane Doe)\n\n{day}\n\n{STORY}\n",
        f"incoming/_posts/{day}-budget.md": f"---\ntitle: Budget approved\n---\n\n{STORY}\n",
    }


@pytest.mark.parametrize("key", sorted(_uploads_dated("2031-04-01")))
def test_a_date_after_the_upload_is_rejected_naming_it_in_every_format(key: str) -> None:
    # Given an article of any format dated years after it was uploaded (a typo, or a story not yet published)
    upload = _uploads_dated("2031-04-01")[key].encode()

    with pytest.raises(RejectedUploadError) as caught:
        parse_upload(key, upload, uploaded=UPLOADED)

    # Then it is rejected naming the date and the upload's day (it was archived as dated 2031, first under "newest")
    assert "the publication date 2031-04-01 is in the future" in caught.value.reason
    assert "uploaded on 2015-05-13" in caught.value.reason and caught.value.fix


@pytest.mark.parametrize(("day", "accepted"), [("2015-05-15", True), ("2015-05-16", False), ("2015-05-12", True)])
def test_a_date_up_to_two_days_after_the_upload_is_read(day: str, accepted: bool) -> None:
    # Given articles dated up to two days after the UTC day of their upload (a zone ahead of UTC, an embargo lifting
    # the next morning), and one dated three days after
    for key, upload in _uploads_dated(day).items():
        if accepted:
            assert parse_upload(key, upload.encode(), uploaded=UPLOADED).published == day, key
        else:
            with pytest.raises(RejectedUploadError, match=f"the publication date {day} is in the future"):
                parse_upload(key, upload.encode(), uploaded=UPLOADED)


def test_the_date_as_written_is_quoted_when_it_is_not_iso() -> None:
    upload = json.dumps({"title": "Budget approved", "body": STORY, "published": "1 April 2031"}).encode()

    with pytest.raises(RejectedUploadError, match=r"2031-04-01 \('1 April 2031'\) is in the future"):
        parse_upload("incoming/a.json", upload, uploaded=UPLOADED)


def test_ingest_judges_the_date_by_the_uploads_own_time() -> None:
    # Given the same article dated 2031-04-01 uploaded in 2015 (S3's LastModified) and in 2031
    bucket, reports, index = FakeBucket(), FakeReports(), FakeIndex()
    service = IngestService(bucket, FakeArchive(), index, reports, "incoming/", "reports/")
    upload = json.dumps({"title": "Budget approved", "body": STORY, "published": "2031-04-01"}).encode()
    for name, uploaded in (("early", UPLOADED), ("on-time", datetime(2031, 4, 1, 9, 0, tzinfo=UTC))):
        bucket.clock_ms = int(uploaded.timestamp() * 1000) - 1000  # put() moves the clock on a second
        bucket.put(f"incoming/{name}.json", upload)

    service.sync_batch(
        [ObjectChange("uploads", f"incoming/{n}.json", "ObjectCreated:Put") for n in ("early", "on-time")]
    )

    # Then the early one is reported, whenever it is synced, and the other is archived with its date
    assert (
        "is in the future: the file was uploaded on 2015-05-13" in reports.reports["reports/early.json.json"]["reason"]
    )
    assert "reports/on-time.json.json" not in reports.reports and sorted(index.documents) == ["on-time"]


@pytest.mark.parametrize(
    "name",
    [
        "date_published",
        "publication_date",
        "publicationDate",
        "published_date",
        "published_on",
        "publish_at",
        "first_published",
        "post_date",
    ],
)
def test_json_more_names_of_the_publication_date_are_read(name: str) -> None:
    upload = json.dumps({"title": "Budget approved", "body": STORY, name: "2015-05-12T09:00:00Z"}).encode()

    assert parse_upload("incoming/a.json", upload).published == "2015-05-12"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("created_at", "2015-05-12T09:00:00Z"),
        ("createdAt", "2015-05-12T09:00:00.000Z"),
        ("created", "2015-05-12"),
        ("dateCreated", "2015-05-12"),
        ("timestamp", 1431421200),  # seconds since 1970
        ("timestamp", 1431421200000),  # milliseconds
        ("timestamp", "1431421200"),
        ("updated_at", "2015-05-12T09:00:00Z"),
        ("lastmod", "2015-05-12"),
    ],
)
def test_json_whose_only_date_names_another_moment_is_rejected_naming_it(name: str, value: object) -> None:
    # Given a JSON whose only date is a record's creation, change or time stamp (archived undated without a word)
    upload = json.dumps({"title": "Budget approved", "body": STORY, name: value}).encode()

    with pytest.raises(RejectedUploadError) as caught:
        parse_upload("incoming/a.json", upload)

    # Then the editor is told which field holds it and what to do
    assert f"gives no publication date, only {name.lower()} ({json.dumps(value)})" in caught.value.reason
    assert '"published"' in caught.value.fix


@pytest.mark.parametrize(
    "more",
    [
        {"published": None},  # the editor says the article is undated
        {"published": "2015-05-14"},  # read as before
        {"time": "3 min read"},  # no date
        {"timestamp": 143142120},  # nine digits: no count since 1970 that is read
    ],
)
def test_json_another_moment_beside_a_publication_name_or_no_date_changes_nothing(more: dict[str, object]) -> None:
    document = {"title": "Budget approved", "body": STORY, "created_at": "2015-05-12", **more}
    if "published" not in more:
        document.pop("created_at")
    parsed = parse_upload("incoming/a.json", json.dumps(document).encode())

    assert parsed.published == more.get("published")


_S3_DENIED = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message>'
    "<RequestId>4442587FB7D0A2F9</RequestId><HostId>vWnKq9zv6lM1cT8xQXlgMdBZk2p+lBZK7ZOkb3rPqKSmEQ=</HostId></Error>\n"
)
_S3_NO_KEY = (
    "<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>news/a.html</Key>"
    "<RequestId>X</RequestId><HostId>Y</HostId></Error>"
)


@pytest.mark.parametrize("extension", [".txt", ".html", ".htm", ".md", ".json"])
@pytest.mark.parametrize(
    ("document", "said"),
    [(_S3_DENIED, "(AccessDenied: \u201cAccess Denied\u201d)"), (_S3_NO_KEY, "(NoSuchKey: \u201cThe specified")],
)
def test_a_storage_services_error_response_is_rejected_whatever_its_extension(
    extension: str, document: str, said: str
) -> None:
    # Given S3's error response saved as the article (as .txt it was archived titled `<?xml version="1.0"…?>`)
    with pytest.raises(RejectedUploadError) as caught:
        parse_upload(f"incoming/a{extension}", document.encode())

    assert f"the file is a storage service's error response {said}" in caught.value.reason
    assert "download the article again" in caught.value.fix


@pytest.mark.parametrize(
    "document",
    [
        {"Code": "AccessDenied", "Message": "Access Denied", "RequestId": "X"},
        {"message": "Forbidden"},
        {"error": {"code": 403, "message": "Anonymous caller does not have storage.objects.get access."}},
    ],
)
def test_a_json_error_response_is_rejected_as_one(document: dict[str, object]) -> None:
    with pytest.raises(RejectedUploadError, match="the JSON is an error response"):
        parse_upload("incoming/a.json", json.dumps(document).encode())


@pytest.mark.parametrize(
    ("key", "upload"),
    [
        ("incoming/a.txt", "Access Denied\n\nYou don't have permission to access this resource.\n"),
        ("incoming/a.txt", "Not Found\n\nThe requested URL was not found on this server.\n"),
        ("incoming/a.json", json.dumps({"title": "403 Forbidden", "body": "Access Denied"})),
        ("incoming/a.md", "# 404 Not Found\n\nNot Found\n"),
        # Apache 2.2's, Apache 2.4's with its signature, Akamai's with its reference, IIS's: each line the server's own
        ("incoming/a.txt", "Forbidden\n\nYou don't have permission to access /news/ferry.html on this server.\n"),
        (
            "incoming/a.txt",
            "Forbidden\n\nYou don't have permission to access this resource.\n\nAdditionally, a 403 Forbidden error"
            " was encountered while trying to use an ErrorDocument to handle the request.\n\nApache/2.4.41 (Ubuntu)"
            " Server at somanet.example Port 443\n",
        ),
        (
            "incoming/a.txt",
            'Access Denied\n\nYou don\u2019t have permission to access "http://somanet.example/news/" on this server.'
            "\nReference #18.2d351ab8.1557333295.a4e16ab\n",
        ),
        (
            "incoming/a.md",
            "# Not Found\n\nThe page you are looking for might have been removed, had its name changed, or is "
            "temporarily unavailable.\n",
        ),
        # IIS 7 on: its 401/403 and its 404 (session 56's second review: both were archived)
        (
            "incoming/a.txt",
            "Forbidden\n\nYou do not have permission to view this directory or page using the credentials that you "
            "supplied.\n",
        ),
        (
            "incoming/a.txt",
            "Not Found\n\nThe resource you are looking for has been removed, had its name changed, or is temporarily "
            "unavailable.\n",
        ),
        (
            "incoming/a.html",
            "<html><head><title>ERROR: The request could not be satisfied</title></head><body><h1>403 ERROR</h1>"
            "<h2>The request could not be satisfied.</h2><hr>Request blocked.<hr><pre>Generated by cloudfront "
            "(CloudFront)\nRequest ID: abc==</pre></body></html>",
        ),
        # Cloudflare's firewall block (session 56's second review: archived as an article titled "Access denied")
        (
            "incoming/a.html",
            "<html><head><title>Access denied | www.example.com used Cloudflare to restrict access</title></head>"
            '<body><div id="cf-error-details"><h1><span>Error</span> <span>1020</span></h1><h2>Access denied</h2>'
            "<section><h2>What happened?</h2><p>This website is using a security service to protect itself from "
            "online attacks.</p></section><p>Cloudflare Ray ID: <strong>7d1f3a2b9c8e4f01</strong> &bull; Your IP: "
            "203.0.113.7 &bull; Performance &amp; security by Cloudflare</p></div></body></html>",
        ),
    ],
)
def test_an_error_page_as_text_is_rejected_as_one(key: str, upload: str) -> None:
    # Given an HTTP error page saved as text, JSON, Markdown or CloudFront's page (each was archived)
    with pytest.raises(RejectedUploadError, match="the page is an error page"):
        parse_upload(key, upload.encode())


@pytest.mark.parametrize(
    ("key", "upload"),
    [
        # A brief under an error's title keeps a story's sentences, and a server's name alone is a brief's words
        ("incoming/a.txt", "Access denied\n\nThe court refused the press access to the hearing on Monday.\n"),
        ("incoming/a.txt", "Access denied\n\nApache County courthouse\n"),
        ("incoming/a.json", json.dumps({"title": "Access denied", "body": "Forbidden"})),
        # A story quoting an error response is a story
        ("incoming/a.txt", f"Leak traced to a bucket\n\nThe bucket answered {_S3_NO_KEY} to the reporters. {STORY}\n"),
        # A story under Cloudflare's words is a story
        (
            "incoming/a.html",
            "<html><head><title>Access denied | Lowtown Gazette</title></head><body><h1>Error 1020</h1><p>What "
            "happened? The site owner may have set restrictions, the council said, after the harbour records went "
            f"offline on Monday. {STORY}</p></body></html>",
        ),
    ],
)
def test_a_story_under_an_errors_words_is_read(key: str, upload: str) -> None:
    assert parse_upload(key, upload.encode()).body


@pytest.mark.parametrize(
    ("key", "upload"),
    [
        # Session 56's review I: a server's words QUOTED in a story's sentence were read as the server's (each was
        # rejected as an error page; each was read before the session)
        (
            "incoming/a.txt",
            'Access Denied\n\n"You don\'t have permission to access this resource," read the message that greeted '
            "voters on the council site on Thursday.\n",
        ),
        (
            "incoming/a.txt",
            "Forbidden\n\nThe requested URL was not found on this server, the ministry told reporters who tried to "
            "open the leaked report on Monday.\n",
        ),
        (
            "incoming/a.json",
            json.dumps(
                {
                    "title": "Access Denied",
                    "body": "Visitors to the museum site on Monday saw: You do not have permission to access this "
                    "resource. The museum blamed a faulty update.",
                }
            ),
        ),
        (
            "incoming/a.md",
            "# Not Found\n\nThe page you are looking for, the minister said, is the one the council deleted in 2014.\n",
        ),
        (
            "incoming/a.txt",
            "Access Denied\n\nThe inquiry report, reference # 4471, says the pier was unsafe and access should have "
            "been closed.\n",
        ),
        # their siblings: "403 Forbidden" and "Access Denied" quoted in a sentence, a court story quoting "page not
        # found", and the server's sentence followed by the story's in one paragraph
        (
            "incoming/a.txt",
            'Access Denied\n\n"403 Forbidden: you don\'t have permission to access /ballots on this server" was all '
            "voters saw, the council said.\n",
        ),
        (
            "incoming/a.txt",
            'Not Found\n\nReaders saw "Access Denied" and then "the page you\'re looking for does not exist" on the tax'
            " portal on Monday.\n",
        ),
        (
            "incoming/a.md",
            '# Access Denied\n\nThe court heard the deleted blog showed "Page not found. Reference #4471" to police '
            "officers.\n",
        ),
        (
            "incoming/a.txt",
            "Access Denied\n\nYou don't have permission to access this resource. That is what voters saw on Thursday,"
            " the council admitted.\n",
        ),
    ],
)
def test_a_story_quoting_a_servers_words_is_read(key: str, upload: str) -> None:
    assert parse_upload(key, upload.encode()).body
