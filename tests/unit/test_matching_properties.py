"""Properties of what matching compares (issue 6): a word or a tag is the same whatever its
case or width, and the words of several texts are the words of each."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.circle.matching import words
from desktop.members.keys import tag_key

# Latin letters and digits, some Chinese, spaces and punctuation (half- and full-width).
TEXT = st.text(alphabet=st.sampled_from(
    list("abcXYZ019 ,.!-") + list("茶叶有机钓鱼读书会，。、") + ["\u3000"]), max_size=30)


def full_width(text: str) -> str:
    """The text as a Chinese keyboard in full-width mode types it."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


@given(TEXT)
def test_case_and_width_do_not_change_the_words(text: str) -> None:
    assert words(text) == words(text.upper()) == words(full_width(text))


@given(TEXT, TEXT)
def test_the_words_of_two_texts_are_the_words_of_each(first: str, second: str) -> None:
    assert words(first, second) == words(first) | words(second)
    assert words(first, None) == words(first)


@given(TEXT)
def test_a_word_is_a_latin_word_or_a_pair_of_chinese_characters(text: str) -> None:
    for word in words(text):
        if word.isascii():
            assert len(word) >= 2 and word.isalnum() and word == word.lower()
        else:
            assert len(word) == 2 and word in text


@given(st.text(alphabet=st.sampled_from(list("TeaFish茶艺钓鱼 ")), min_size=1, max_size=12))
def test_tags_that_differ_only_in_case_or_width_are_one_tag(name: str) -> None:
    assert tag_key(name) == tag_key(name.upper()) == tag_key(full_width(name))
