"""Channel packs: captioned JPEGs within a channel's limits, long screenshots cut between lines,
the most important first, metadata stripped, a manifest that verify-export can check."""
from __future__ import annotations

import hashlib
import re
import json
import zipfile
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from app.core import channels
from app.core.export import imaging, packs
from app.core.export.imaging import font
from tests.conftest import make_audio, make_image, make_pdf


def render_chat(path: Path, lines: int = 60, width: int = 1080) -> Path:
    """A long chat screenshot: grey background, white bubbles of text with gaps between them."""
    line_h = 120
    im = Image.new("RGB", (width, 200 + lines * line_h), (237, 237, 237))
    d = ImageDraw.Draw(im)
    f = font(40)
    for i in range(lines):
        top = 100 + i * line_h
        left = 40 if i % 2 == 0 else 300
        d.rounded_rectangle([left, top, left + 740, top + 84], radius=12, fill="white")
        d.text((left + 24, top + 18), f"第{i + 1}条：您好，商品已拆封影响二次销售", fill="black", font=f)
    im.save(path)
    return path


@pytest.fixture
def pack_case(tmp_path, case, importer):
    src = tmp_path / "src"
    src.mkdir()
    render_chat(src / "Screenshot_20250305-150233.png")
    make_image(src / "IMG_20250304_201533.jpg", size=(4000, 3000), color=(30, 90, 160),
               when="2025:03:04 20:15:33", make="Xiaomi", model="14")
    make_pdf(src / "发票.pdf", pages=2)
    make_audio(src / "record_20250306_102133.m4a", "aac", seconds=1.0)
    list(importer.import_paths([str(src)]))
    names = {r["original_name"]: r for r in case.exhibits()}
    case.db["exhibits"].update(names["Screenshot_20250305-150233.png"]["id"],
                               {"category": "refusal", "name": "京东客服拒绝退货聊天记录"})
    return case


def test_split_points_cut_in_gaps_between_bubbles(tmp_path):
    im = Image.open(render_chat(tmp_path / "chat.png", lines=60)).convert("RGB")
    cuts = imaging.split_points(im)
    assert len(cuts) > 1
    assert cuts[0][0] == 0 and cuts[-1][1] == im.height
    busy = imaging._row_busyness(im)
    for top, bottom in cuts[:-1]:
        assert bottom - top <= im.width * imaging.MAX_PART_RATIO
        assert busy[bottom] <= 8, f"cut at {bottom} goes through a bubble"
    for (_, b1), (t2, _) in zip(cuts, cuts[1:]):
        assert t2 == b1                    # cut in a gap: no overlap needed, nothing lost


def test_split_without_gaps_overlaps_so_no_line_is_lost():
    im = Image.effect_noise((600, 3000), 80).convert("RGB")   # no quiet row anywhere
    cuts = imaging.split_points(im)
    assert len(cuts) > 1
    for (_, b1), (t2, _) in zip(cuts, cuts[1:]):
        assert b1 - t2 == imaging.OVERLAP


def test_fit_jpeg_meets_side_and_byte_limits_and_strips_metadata():
    im = Image.effect_noise((3000, 2000), 120).convert("RGB")
    fitted = imaging.fit_jpeg(im, max_side=1500, max_bytes=300_000)
    assert len(fitted.data) <= 300_000
    out = Image.open(__import__("io").BytesIO(fitted.data))
    assert max(out.size) <= 1500
    assert not out.getexif() and "icc_profile" not in out.info and "xmp" not in out.info
    assert fitted.adjustments and "缩小" in fitted.adjustments[0]


def test_platform_pack(pack_case, tmp_path):
    ch = channels.channel("jd")
    result = packs.image_pack(pack_case, tmp_path / "out" / "平台申诉_京东", "platform", ch,
                              texts={"申诉说明.txt": "商家以已拆封为由拒绝退货。"})
    images = [f for f in result.files if f.role == "image"]
    assert 0 < len(images) <= ch.value("image_count")
    # the refusal (most important) comes first and was split into parts, each captioned
    first = images[0]
    assert first.name == "京东客服拒绝退货聊天记录" and first.parts and first.parts > 1
    assert first.file.startswith("01_证据") and "第1张" in first.file     # not "-1": that reads as a group's part
    for f in images:
        data = (result.folder / f.file).read_bytes()
        assert hashlib.sha256(data).hexdigest() == f.sha256
        assert len(data) <= ch.value("image_bytes")
        im = Image.open(result.folder / f.file)
        assert im.format == "JPEG" and max(im.size) <= ch.value("image_max_side_px")
        assert not im.getexif(), "EXIF (camera, GPS) must not travel into an upload"
        # the caption band on top: red text on white
        band = im.crop((0, 0, im.width, im.width // 15)).convert("RGB")     # letters in proportion
        assert any(r > 120 and g < 60 for r, g, b in band.get_flattened_data())
    # the audio cannot be an image: listed with its reason, not silently dropped
    assert any("录音" in item["reason"] for item in result.left_out)
    assert (result.folder / "申诉说明.txt").read_text(encoding="utf-8").startswith("商家")
    manifest = json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["profile"] == "platform" and manifest["channel"] == "jd"
    assert packs.verify_pack(result.folder, manifest) == []
    with zipfile.ZipFile(result.zip_path) as z:
        assert sorted(Path(n).name for n in z.namelist()) == sorted(p.name for p in result.folder.iterdir())
    assert not list(pack_case.tmp.iterdir()), "temp work left in the case"


def test_more_than_the_limit_leaves_out_the_least_important(pack_case, tmp_path):
    ch = channels.channel("jd")
    tight = channels.Channel(ch.id, ch.name, ch.name_en, ch.kind, ch.text_field,
                             {**ch.limits, "image_count": channels.Limit(2, "test", ch.limit("image_count").checked, True)})
    result = packs.image_pack(pack_case, tmp_path / "tight", "platform", tight)
    images = [f for f in result.files if f.role == "image"]
    assert len(images) == 2
    left = {item["name"]: item["reason"] for item in result.left_out}
    assert any("上限" in r for r in left.values())
    # the refusal keeps its place, in one taller part rather than pushing the others out
    assert images[0].name == "京东客服拒绝退货聊天记录" and images[0].parts == 1
    assert any("张数上限" in a and "并排" in a for a in images[0].adjustments)
    # its parts side by side in that one image, not one sliver many screens tall
    with Image.open(result.folder / images[0].file) as im:
        assert im.height < 1.2 * im.width, im.size
    assert images[1].name.startswith("照片")


def test_pack_is_never_overwritten_and_tampering_is_found(pack_case, tmp_path):
    ch = channels.channel("pdd")
    one = packs.image_pack(pack_case, tmp_path / "p", "platform", ch)
    two = packs.image_pack(pack_case, tmp_path / "p", "platform", ch)
    assert one.folder != two.folder and one.folder.is_dir() and two.folder.is_dir()
    manifest = json.loads((two.folder / "manifest.json").read_text(encoding="utf-8"))
    victim = two.folder / two.files[0].file
    victim.write_bytes(victim.read_bytes()[:-10] + b"0123456789")
    (two.folder / "extra.jpg").write_bytes(b"x")
    codes = [code for code, _ in packs.verify_pack(two.folder, manifest)]
    assert "export_original_changed" in codes and "export_extra_file" in codes


def test_12315_pack_keeps_pdfs_numbers_attachments_and_has_an_index(pack_case, tmp_path):
    result = packs.build_pack(pack_case, tmp_path / "c", "complaint_12315", channels.channel("12315"))
    roles = [f.role for f in result.files]
    assert "attachment" in roles and "index" in roles
    pdf = next(f for f in result.files if f.role == "attachment")
    assert pdf.file.startswith("附件") and pdf.file.endswith(".pdf")
    assert pdf.sha256 == pdf.source_sha256          # the PDF original goes as it is
    assert all(f.file.startswith("附件") for f in result.files if f.role in ("image", "attachment"))
    from pypdf import PdfReader
    text = "".join(p.extract_text() for p in PdfReader(result.folder / "证据目录.pdf").pages)
    assert "证据目录" in text and pdf.file.split("_")[0] in text
    manifest = json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))
    assert packs.verify_pack(result.folder, manifest) == []


def test_internet_court_pack_has_one_untouched_file_per_exhibit_in_order(pack_case, tmp_path):
    result = packs.build_pack(pack_case, tmp_path / "ic", "internet_court", channels.channel("court_hangzhou"))
    exhibits = [f for f in result.files if f.role == "exhibit"]
    rows = pack_case.exhibits()
    assert len(exhibits) == len(rows)
    assert [f.file[:4] for f in exhibits] == [f"证据{r['number']:02d}" for r in rows]
    for f, r in zip(exhibits, rows):
        assert f.sha256 == r["sha256"] == hashlib.sha256((result.folder / f.file).read_bytes()).hexdigest()
    assert (result.folder / "立案材料清单.txt").read_text(encoding="utf-8").count("□") >= 5
    assert (result.folder / "证据目录.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("profile, cid", [("platform", "douyin"), ("complaint_12315", "12315"),
                                          ("internet_court", "court_beijing")])
def test_every_pack_passes_verify_export_and_a_swap_fails_it(pack_case, tmp_path, profile, cid):
    from app.core.export import verify_export

    result = packs.build_pack(pack_case, tmp_path / profile, profile, channels.channel(cid))
    check = verify_export(result.folder)
    assert check.ok, check.problems
    assert "manifest.json" in check.lines("zh")[0]
    victim = result.folder / result.files[0].file
    victim.chmod(0o644)
    victim.write_bytes(b"swapped")
    bad = verify_export(result.folder)
    assert not bad.ok and ("export_original_changed", {"number": result.files[0].exhibit or "-",
                                                       "file": result.files[0].file}) in bad.problems
    manifest = json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))
    manifest["files"][0]["file"] = "../../etc/passwd"
    (result.folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    codes = [c for c, _ in verify_export(result.folder).problems]
    assert "export_path_outside" in codes


def test_packs_carry_their_texts_filled_from_the_case(pack_case, tmp_path):
    pack_case.db["case_info"].update(1, {"platform": "京东", "order_number": "312345678905946",
                                         "amount_paid": "399.00", "shop": "禾丰电器京东自营旗舰店"})
    result = packs.build_pack(pack_case, tmp_path / "jd", "platform", channels.channel("jd"))
    statement = (result.folder / "申诉说明.txt").read_text(encoding="utf-8")
    assert "312345678905946" in statement and "399" in statement
    manifest = json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))
    assert any(f["file"] == "申诉说明.txt" and f["role"] == "text" for f in manifest["files"])

    court = packs.build_pack(pack_case, tmp_path / "ic", "internet_court", channels.channel("court_hangzhou"))
    from docx import Document
    from pypdf import PdfReader
    document = Document(court.folder / "民事起诉状.docx")
    doc = "\n".join([p.text for p in document.paragraphs] +
                    [c.text for t in document.tables for r in t.rows for c in r.cells])
    pdf = "".join(p.extract_text() for p in PdfReader(court.folder / "民事起诉状.pdf").pages)
    for text in (doc, re.sub(r"\s+", "", pdf)):
        assert "起诉状" in text and "312345678905946" in text

    c12315 = packs.build_pack(pack_case, tmp_path / "c", "complaint_12315", channels.channel("12315"))
    names = {f.file for f in c12315.files if f.role == "text"}
    assert names == {"12315投诉内容.txt", "12345通话稿.txt"}


@pytest.mark.parametrize("profile, cid", [("platform", "jd"), ("complaint_12315", "12315"),
                                          ("internet_court", "court_guangzhou")])
def test_preview_tells_what_the_pack_will_hold_without_writing(pack_case, tmp_path, profile, cid):
    ch = channels.channel(cid)
    before = sorted(p.name for p in pack_case.root.rglob("*"))
    preview = packs.preview_pack(pack_case, profile, ch)
    assert sorted(p.name for p in pack_case.root.rglob("*")) == before
    result = packs.build_pack(pack_case, tmp_path / profile, profile, ch)
    made = [f for f in result.files if f.role in ("image", "attachment", "exhibit")]
    assert preview.files == len(made)
    assert {i["exhibit"] for i in preview.left_out} == {i["exhibit"] for i in result.left_out}
    assert preview.approx_bytes > 0


def test_cli_export_profiles(pack_case, tmp_path):
    from tests.conftest import run_cli

    root = str(pack_case.root)
    pack_case.close()
    asked = run_cli("--lang", "zh", "export", root, "--profile", "platform")
    assert asked.returncode == 2 and "--platform" in asked.stderr and "Traceback" not in asked.stderr
    done = run_cli("export", root, "--profile", "platform", "--platform", "taobao", "--out",
                   str(tmp_path / "tb"), "--json")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["channel"] == "taobao" and Path(out["zip"]).is_file()
    assert run_cli("verify-export", out["folder"]).returncode == 0
    court = run_cli("--lang", "zh", "export", root, "--profile", "internet_court", "--out", str(tmp_path / "ic"))
    assert court.returncode == 0 and "已导出网上立案材料" in court.stdout


def test_public_text_half_masks_the_order_number(pack_case):
    from app.core.dispute.known import load
    from app.core.dispute.texts import draft

    pack_case.db["case_info"].update(1, {"order_number": "312345678905946", "platform": "京东"})
    text = draft(load(pack_case), "public_complaint").render()
    assert "312345678905946" not in text and "312*********946" in text
    assert "312345678905946" in draft(load(pack_case), "complaint_12315").render()   # 12315 is not public


def _tight(cid: str, count: int) -> channels.Channel:
    ch = channels.channel(cid)
    return channels.Channel(ch.id, ch.name, ch.name_en, ch.kind, ch.text_field,
                            {**ch.limits, "image_count": channels.Limit(count, "test", ch.limit("image_count").checked, True)})


def test_choices_rank_every_exhibit_and_say_why_in_both_languages(pack_case):
    choices = packs.pack_choices(pack_case, "platform", _tight("jd", 2))
    assert [c.rank for c in choices] == list(range(1, len(choices) + 1))
    assert choices[0].row["category"] == "refusal" and choices[0].chosen
    assert sum(c.chosen for c in choices) == 2
    by_kind = {c.row["kind"]: c for c in choices}
    audio = by_kind["audio"]
    assert not audio.chosen and audio.reason.code == "pack_audio"
    assert "录音" in audio.reason and "recording" in audio.reason.render("en")
    over = [c for c in choices if not c.chosen and c.row["kind"] != "audio"]
    assert over and all(c.reason.code == "pack_over_count" for c in over)
    assert over[0].reason.render("en") == "over the limit of 2 images of JD (the more important exhibits went first)"
    assert choices[0].reason.render("en").startswith("in by default: the merchant's refusal")
    court = packs.pack_choices(pack_case, "internet_court", channels.channel("court_hangzhou"))
    assert all(c.chosen for c in court) and [c.row["number"] for c in court] == sorted(c.row["number"] for c in court)


def test_a_second_exhibit_of_a_kind_yields_to_the_first_of_the_next():
    rows = [{"id": i, "number": i, "category": cat} for i, cat in
            enumerate(["order", "order", "refusal", "chat", "payment", "product"], start=1)]
    assert [r["number"] for r in packs.ranked(rows)] == [3, 1, 6, 4, 5, 2]


def test_the_chosen_exhibits_go_in_the_most_important_first_and_nothing_else(pack_case, tmp_path):
    choices = packs.pack_choices(pack_case, "platform", _tight("jd", 2))
    left_out = [c.label for c in choices if not c.chosen and c.row["kind"] == "pdf"]
    chosen = [left_out[0], choices[0].label]           # the invoice the core left out, and the refusal
    result = packs.build_pack(pack_case, tmp_path / "mine", "platform", _tight("jd", 2), numbers=chosen)
    images = [f for f in result.files if f.role == "image"]
    assert {f.exhibit for f in images} == set(chosen)
    assert images[0].exhibit == choices[0].label        # the refusal first, whatever order they were given in
    with pytest.raises(Exception) as raised:
        packs.build_pack(pack_case, tmp_path / "none", "platform", _tight("jd", 2), numbers=["99"])
    assert getattr(raised.value, "code", None) == "pack_nothing_chosen"
    assert not (tmp_path / "none").exists()


def test_cli_says_adjustments_and_reasons_in_english(pack_case, tmp_path):
    from tests.conftest import run_cli

    root = str(pack_case.root)
    pack_case.close()
    en = run_cli("--lang", "en", "export", root, "--profile", "platform", "--platform", "jd", "--out",
                 str(tmp_path / "en"))
    assert en.returncode == 0, en.stderr
    reasons = [ln for ln in en.stdout.splitlines() if ln.startswith(("adjusted:", "left out:"))]
    assert reasons and any("recording cannot be uploaded" in ln for ln in reasons)
    assert any("split between lines of text" in ln for ln in reasons), en.stdout
    import re as _re
    for line in reasons:   # only the exhibits' own names may be Chinese
        said = line.split(": ", 2)[-1] if line.startswith("left out:") else line
        assert not _re.search(r"[\u4e00-\u9fff]", said), line
    assert any(ln.startswith("note: JD publishes no upload limits") for ln in en.stdout.splitlines())
    zh = run_cli("--lang", "zh", "export", root, "--profile", "platform", "--platform", "jd", "--out",
                 str(tmp_path / "zh"), "--json")
    out = json.loads(zh.stdout)
    assert any("录音" in item["reason"] and item["reason_code"] == "pack_audio" for item in out["left_out"])
    manifest = json.loads((Path(out["folder"]) / "manifest.json").read_text(encoding="utf-8"))
    assert any("长截图" in a for f in manifest["files"] for a in f["adjustments"])   # the pack stays Chinese


def test_one_phone_screen_is_never_cut_and_captions_break_between_words(tmp_path):
    for size in ((1080, 2400), (1080, 2520), (1440, 3200)):             # 20:9, 21:9, 20:9 at 2K
        assert imaging.split_points(Image.new("RGB", size, "white")) == [(0, size[1])]
    lines = imaging.caption_lines("证据1 商家拒绝退货截图（服务单号…4502） 2025-03-05 16:45", lambda s: len(s) <= 30)
    assert lines == ["证据1 商家拒绝退货截图（服务单号…4502）", "2025-03-05 16:45"]
    assert all(len(ln) <= 12 for ln in imaging.caption_lines("x" * 30, lambda s: len(s) <= 12))
    # the caption's letters grow with the picture, so a 4000-px photo's caption reads like a screenshot's
    for width in (1080, 4000):
        out = imaging.caption(Image.new("RGB", (width, width), "white"), "证据2 照片 2025-03-04 20:15")
        band = out.height - width
        assert band >= width / imaging.CAPTION_WIDTHS * 1.5


def test_tile_groups_keep_parts_in_order_and_at_most_four_side_by_side():
    cuts = [(i * 100, (i + 1) * 100) for i in range(7)]
    assert packs.tile_groups(cuts, 7) == [[c] for c in cuts]
    groups = packs.tile_groups(cuts, 3)
    assert [len(g) for g in groups] == [3, 2, 2] and sum(groups, []) == cuts
    one = packs.tile_groups(cuts, 1)
    assert len(one) == 1 and len(one[0]) == packs.MAX_SIDE_BY_SIDE
    assert one[0][0][0] == 0 and one[0][-1][1] == 700                  # nothing lost when merged


def test_a_pdf_squeezed_by_the_count_limit_shows_every_page_side_by_side(pack_case, tmp_path):
    result = packs.image_pack(pack_case, tmp_path / "one", "platform", _tight("jd", 3))
    pdf_label = next(str(r["number"]) for r in pack_case.exhibits() if r["kind"] == "pdf")
    (pdf,) = [f for f in result.files if f.role == "image" and f.exhibit == pdf_label]
    assert any("2 页并排" in a for a in pdf.adjustments), pdf.adjustments
    with Image.open(result.folder / pdf.file) as im:
        assert im.width > im.height                 # two portrait pages next to each other
    preview = packs.preview_pack(pack_case, "platform", _tight("jd", 3))
    assert any("并排" in a for a in preview.adjustments)


def test_a_platform_appeal_lists_only_the_exhibits_its_pack_carries(pack_case, tmp_path):
    """The appeal's 证据 list named every exhibit of the case, though the limits left some out of the uploads:
    a reviewer looks for 证据4 among the images and finds none. Now it names those uploaded, then the rest
    as not sent."""
    ch = channels.channel("jd")
    tight = channels.Channel(ch.id, ch.name, ch.name_en, ch.kind, ch.text_field,
                             {**ch.limits, "image_count": channels.Limit(2, "test", ch.limit("image_count").checked, True)})
    result = packs.build_pack(pack_case, tmp_path / "tight", "platform", tight)
    carried = {f"证据{f.exhibit.split('-')[0]}" for f in result.files if f.role == "image"}
    assert len(carried) == 2
    statement = (result.folder / "申诉说明.txt").read_text(encoding="utf-8")
    listed = set(re.findall(r"(?m)^(证据\d+)：", statement))
    assert listed == carried, statement
    left = {f"证据{item['exhibit'].split('-')[0]}" for item in result.left_out}
    note = next(line for line in statement.splitlines() if "未随本次材料提交" in line)
    assert left and set(re.findall(r"证据\d+", note)) == left
    every = packs.build_pack(pack_case, tmp_path / "all", "internet_court", channels.channel("court_hangzhou"))
    assert every.left_out == []
