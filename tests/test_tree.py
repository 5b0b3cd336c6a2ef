from decimal import Decimal as D

from generator.compute.tree import build_tree, column_total


def test_subtotals_at_every_level() -> None:
    roots = build_tree([("2010301", {"v": D("675.09")}), ("2010302", {"v": D("1188.20")}), ("2080501", {"v": D("70.51")})], ("v",))
    by_code = {n.code: n.values["v"] for r in roots for n in r.walk()}
    assert by_code["201"] == D("1863.29") and by_code["20103"] == D("1863.29")
    assert by_code["208"] == D("70.51") and by_code["20805"] == D("70.51")
    assert column_total(roots, "v") == D("1933.80")


def test_unknown_part_makes_the_sum_unknown() -> None:
    roots = build_tree([("2010301", {"v": None}), ("2010302", {"v": D(1)})], ("v",))
    assert roots[0].values["v"] is None


def test_codes_sorted() -> None:
    roots = build_tree([("2210201", {"v": D(1)}), ("2010301", {"v": D(1)})], ("v",))
    assert [r.code for r in roots] == ["201", "221"]
