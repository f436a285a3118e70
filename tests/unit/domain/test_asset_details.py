"""Asset details derived as the real service derives them (domain/asset_details.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from ips_emulator.domain.asset_details import image_facts, ips_image_url, modifier, uploaded
from ips_emulator.records import ImageFacts

WHEN = datetime(2011, 3, 1, 23, 4, 40, 177000, tzinfo=UTC)


def test_image_facts_have_the_recorded_shape() -> None:
    facts = image_facts("Example.com/", "sample/A01/", "MY_hero.png", WHEN)
    assert (facts.original_path, facts.original_file) == ("Example.com/sample/A01/", "MY_hero.png")
    assert (facts.sku, facts.description) == ("MY_hero", "MY_hero")
    assert (facts.mask_path, facts.mask_file, facts.comments, facts.user_data) == ("",) * 4
    assert facts.resolution == 0.0
    assert facts.optimized_path is not None
    assert facts.optimized_file is not None
    folder = facts.optimized_path.removeprefix("Example.com/_optimized_/")
    assert len(folder) == 4  # three hex digits, as recorded: .../_optimized_/c3c/
    assert facts.optimized_file.startswith(folder.rstrip("/"))
    assert len(facts.optimized_file) == len("c3240f7f-1d47-41f8-9dad-d7d24c9e4aa3.tif")
    assert ips_image_url(facts) == f"image-no-ips/{facts.optimized_path}{facts.optimized_file}"


def test_sizes_are_plausible_stable_and_differ_between_images() -> None:
    sizes = set()
    for i in range(200):
        facts = image_facts("Co/", "", f"img{i}.jpg", WHEN)
        assert facts.width is not None
        assert facts.height is not None
        assert facts.file_size is not None
        assert 1000 <= max(facts.width, facts.height) <= 4000
        assert (facts.anchor_x, facts.anchor_y) == (facts.width // 2, facts.height // 2)
        assert 0.3 <= facts.file_size / (facts.width * facts.height) <= 0.8
        sizes.add((facts.width, facts.height))
    assert len(sizes) > 50
    assert image_facts("Co/", "", "a.jpg", WHEN) == image_facts("Co/", "", "a.jpg", WHEN)
    later = image_facts("Co/", "", "a.jpg", WHEN + timedelta(seconds=1))
    assert later.optimized_file != image_facts("Co/", "", "a.jpg", WHEN).optimized_file


def test_given_facts_win_and_what_follows_from_them_follows() -> None:
    given = {"width": 2150, "height": 2500, "original_file": "MY_hero.png", "comments": "c"}
    facts = image_facts("Example.com/", "sample/", "Jacket", WHEN, given)
    assert (facts.width, facts.height, facts.anchor_x, facts.anchor_y) == (2150, 2500, 1075, 1250)
    assert (facts.original_file, facts.sku, facts.description) == (
        "MY_hero.png", "MY_hero", "MY_hero",
    )  # fmt: skip
    assert facts.comments == "c"
    assert facts.file_size is not None
    assert 0.3 <= facts.file_size / (2150 * 2500) <= 0.8
    assert image_facts("E/", "", "x", WHEN, {"anchor_x": 0, "sku": "S"}).sku == "S"


def test_uploads_are_made_by_the_uploader_and_images_last_changed_by_the_optimizer() -> None:
    image = uploaded("Co/", "in/", "a.tif", "Image", "u@x.test", WHEN)
    assert (image.created_by, image.modified_by, image.metadata) == (
        "u@x.test", "image optimization", (),
    )  # fmt: skip
    assert image.image == image_facts("Co/", "in/", "a.tif", WHEN)
    pdf = uploaded("Co/", "in/", "a.pdf", "Pdf", "u@x.test", WHEN)
    assert (pdf.created_by, pdf.modified_by, pdf.image) == ("u@x.test", "u@x.test", None)
    assert modifier("Video", "v@x.test") == "v@x.test"


def test_no_thumbnail_url_without_an_optimized_copy() -> None:
    assert ips_image_url(None) is None
    assert ips_image_url(ImageFacts(width=1)) is None
