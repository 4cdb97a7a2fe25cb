"""Images in the court PDF as img2pdf puts them: MPO (a phone's JPEG with extra frames) byte for byte,
ICC colour profiles carried over. Real files made here with Pillow."""
import hashlib
import io

from PIL import Image, ImageCms
from pypdf import PdfReader

from app.core.export import export_court
from app.core.ingest import Importer
from app.core.store import Case
from conftest import noise_image


def _photo(size=(640, 480), seed=1):
    return noise_image(size, seed)


def _profile(kind="sRGB") -> bytes:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile(kind)).tobytes()


def _images(reader):
    for page in reader.pages:
        for _, xo in (page["/Resources"].get("/XObject") or {}).items():
            xo = xo.get_object()
            if xo.get("/Subtype") == "/Image":
                yield xo


def _export(tmp_path, files):
    case = Case.create(tmp_path / "case", "图片")
    list(Importer(case, durable=False).import_paths(files))
    result = export_court(case, tmp_path / "out" / "清单.pdf")
    case.close()
    return PdfReader(str(result.pdf_path))


def test_mpo_is_embedded_byte_for_byte(tmp_path):
    path = tmp_path / "IMG_20250304_201533.jpg"
    _photo().save(path, "MPO", save_all=True, append_images=[_photo(seed=2)], quality=90)
    with Image.open(path) as im:
        assert im.format == "MPO" and getattr(im, "n_frames", 1) == 2, "the fixture must be a real MPO"
    data = path.read_bytes()
    reader = _export(tmp_path, [path])
    embedded = [hashlib.sha256(xo._data).hexdigest() for xo in _images(reader) if xo.get("/Filter") == "/DCTDecode"]
    assert hashlib.sha256(data).hexdigest() in embedded


def test_icc_profiles_are_carried_into_the_pdf(tmp_path):
    srgb, lab = _profile("sRGB"), None
    jpeg = tmp_path / "IMG_20250304_201612.jpg"
    _photo(seed=3).save(jpeg, "JPEG", quality=90, icc_profile=srgb)
    png = tmp_path / "Screenshot_20250305-143105.png"
    Image.new("RGB", (300, 600), (30, 120, 200)).save(png, icc_profile=srgb)
    webp = tmp_path / "Screenshot_20250305-143200.webp"  # decoded once: the profile still goes with it
    Image.new("RGB", (300, 600), (200, 120, 30)).save(webp, lossless=True, icc_profile=srgb)
    plain = tmp_path / "Screenshot_20250305-143300.png"
    Image.new("RGB", (300, 600), (90, 90, 90)).save(plain)
    reader = _export(tmp_path, [jpeg, png, webp, plain])
    spaces = []
    for xo in _images(reader):
        cs = xo["/ColorSpace"]
        if isinstance(cs, list) or hasattr(cs, "__getitem__") and not isinstance(cs, str):
            assert cs[0] == "/ICCBased"
            icc = cs[1].get_object()
            assert icc.get_data() == srgb and icc["/N"] == 3 and icc["/Alternate"] == "/DeviceRGB"
            spaces.append("icc")
        else:
            spaces.append(str(cs))
    assert sorted(spaces) == ["/DeviceRGB", "icc", "icc", "icc"], spaces
    jpeg_bytes = jpeg.read_bytes()
    assert any(xo._data == jpeg_bytes for xo in _images(reader)), "the JPEG with a profile is still byte for byte"


def test_profile_that_does_not_fit_the_image_is_left_out(tmp_path):
    grey = tmp_path / "IMG_20250304_201700.jpg"
    Image.new("L", (200, 100), 128).save(grey, "JPEG", icc_profile=_profile("sRGB"))  # 3 components, 1 channel
    reader = _export(tmp_path, [grey])
    [xo] = list(_images(reader))
    assert xo["/ColorSpace"] == "/DeviceGray"
