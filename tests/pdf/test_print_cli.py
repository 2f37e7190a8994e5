"""``clubhouse print directory|cards -o FILE.pdf``: signs in, writes the PDF, says so on one
line; wrong usage is exit 2, an unknown member number exit 1, a wrong password exit 3."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli import main
from desktop.services import Context
from tests.pdf.conftest import AddMember, many_members
from tests.pdf.pdftools import page_texts


@pytest.fixture
def signed(owner_ctx: Context, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The global options that reach the test's database as the owner."""
    monkeypatch.setenv("CLUBHOUSE_PASSWORD", "owner-pass")
    url = owner_ctx.database.url.render_as_string(hide_password=False)
    return ["--db", url, "--user", "owner"]


def test_print_directory(signed: list[str], owner_ctx: Context, plan_id: int, tmp_path: Path,
                         capsys: pytest.CaptureFixture[str]) -> None:
    many_members(owner_ctx, plan_id, 3)
    output = tmp_path / "directory.pdf"

    assert main(["print", "directory", "-o", str(output), *signed]) == 0

    out = capsys.readouterr().out
    assert out.strip() == f"Member directory of 3 members written to {output}."
    assert "会员000" in page_texts(output)[0]


def test_print_cards_of_chosen_numbers_in_chinese(
    signed: list[str], add_member: AddMember, tmp_path: Path,
    capsys: pytest.CaptureFixture[str]
) -> None:
    first, _, third = add_member("张三"), add_member("李四"), add_member("王五")
    output = tmp_path / "cards.pdf"

    code = main([*signed, "--lang", "zh_CN", "print", "cards", "--member", first.number,
                 third.number.lower(), "-o", str(output)])

    assert code == 0
    assert capsys.readouterr().out.strip() == f"已将 2 张会员卡写入 {output}。"
    [text] = page_texts(output)
    assert "张三" in text and "王五" in text and "李四" not in text
    assert "有效期至" in text


def test_an_unknown_member_number_is_exit_1_on_one_line(
    signed: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "cards.pdf"
    assert main(["print", "cards", "--member", "M09999", "-o", str(output), *signed]) == 1
    err = capsys.readouterr().err
    assert err.strip() == "clubhouse: No member has the number M09999."
    assert not output.exists()


@pytest.mark.parametrize("args", [["print"], ["print", "directory"],
                                  ["print", "poster", "-o", "x.pdf"]])
def test_wrong_usage_is_exit_2(signed: list[str], args: list[str],
                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*args, *signed]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_a_wrong_password_is_exit_3(signed: list[str], tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLUBHOUSE_PASSWORD", "not-the-password")
    output = tmp_path / "directory.pdf"
    assert main(["print", "directory", "-o", str(output), *signed]) == 3
    assert not output.exists()


def test_without_lang_the_printout_speaks_the_venues_language(
    signed: list[str], owner_ctx: Context, add_member: AddMember, tmp_path: Path,
    capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop.settings.store import update_settings

    add_member("张三")
    update_settings(owner_ctx, {"app.language": "zh_CN"})
    assert main(["print", "directory", "-o", str(tmp_path / "venue.pdf"), *signed]) == 0
    assert main(["print", "directory", "-o", str(tmp_path / "en.pdf"), "--lang", "en",
                 *signed]) == 0
    assert "会员名录" in page_texts(tmp_path / "venue.pdf")[0]
    assert "Member directory" in page_texts(tmp_path / "en.pdf")[0]
    update_settings(owner_ctx, {"app.language": "en"})
    assert main(["print", "cards", "-o", str(tmp_path / "cards.pdf"), *signed]) == 0
    assert "Valid until" in page_texts(tmp_path / "cards.pdf")[0]
