"""Boilerplate rules (ingest/data/boilerplate.toml), one test per rule family."""

from __future__ import annotations

from polybius.ingest import RawArticle, prepare
from polybius.ingest.cleanup import BoilerplateRules, clean_paragraphs, split_paragraphs

LEDE = "Troops recaptured the town of Kobane from militants on Monday after a week of heavy fighting, officials said."
BODY = "A local commander said at least nine fighters died in the final assault on the eastern districts of the town."


def test_newsletter_footer_is_cut_with_everything_after_it():
    text = f"{LEDE}\n\n{BODY}\n\nSign up to our free newsletters\n\nGet the best updates straight to your inbox:\n\nMore text"
    assert clean_paragraphs(text) == [LEDE, BODY]


def test_comment_counters_copyright_and_photo_credits_are_dropped():
    text = "\n".join([LEDE, "12 Comments", "© 2014 AFP", "Copyright Reuters 2019", "Photograph: Getty Images",
                      "Photo: AFP / Issouf Sanogo", BODY, "0 Comments To This Article"])
    assert clean_paragraphs(text) == [LEDE, BODY]


def test_comment_counter_glued_to_a_dateline_is_cut_but_the_date_stays():
    assert clean_paragraphs(f"25th January 2014, Comments 0 comments\n{LEDE}") == ["25th January 2014", LEDE]


def test_lede_repeated_verbatim_is_kept_once():
    assert clean_paragraphs(f"{LEDE}\n{LEDE}\n{BODY}") == [LEDE, BODY]


def test_pull_quote_repeated_inside_a_paragraph_is_dropped():
    quote = "We are now in the final phase of the campaign"
    text = f"{LEDE}\n\n{quote}\n\n{BODY}\n\n“{quote},” the general said."
    assert clean_paragraphs(text) == [LEDE, BODY, f"“{quote},” the general said."]


def test_reporting_that_only_resembles_boilerplate_is_kept():
    text = "Copyright holders in the region protested on Monday against a new law that they said would ruin them."
    assert clean_paragraphs(text) == [text]


def test_paragraphs_split_on_single_or_blank_lines():
    assert split_paragraphs("a\nb\n\n\n c \r\n d") == ["a", "b", "c", "d"]


def test_rules_come_from_a_data_file(tmp_path):
    rules_file = tmp_path / "rules.toml"
    rules_file.write_text('drop_paragraph = ["^listen to this story$"]\ncut_from = []\nstrip_inline = []\n')
    rules = BoilerplateRules.from_file(rules_file)
    assert clean_paragraphs(f"Listen to this story\n{LEDE}", rules) == [LEDE]


def test_prepare_records_paragraph_offsets_and_content_id():
    article = prepare(RawArticle(text=f"{LEDE}\n{BODY}\n© 2019 AFP", origin="x"))
    assert article.text == f"{LEDE}\n\n{BODY}"
    assert [article.text[p.start:p.end] for p in article.paragraphs] == [LEDE, BODY]
    assert len(article.id) == 16 and article.id == prepare(RawArticle(text=f"{LEDE}\n\n{BODY}", origin="y")).id


def test_an_article_of_only_boilerplate_is_a_problem():
    problem = prepare(RawArticle(text="Sign up to our newsletter\nsome footer", origin="f.txt"))
    assert "f.txt" in str(problem) and "boilerplate" in str(problem)
