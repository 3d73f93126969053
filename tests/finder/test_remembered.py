"""The finder's per-process memory of made HTML stays within its limit."""

from ookbalans.finder.remembered import Remembered


def test_a_full_memory_drops_every_look_before_keeping_the_next():
    kept = Remembered(2)
    assert kept.keep("a", "<p>a</p>") == "<p>a</p>"
    kept.keep("b", "<p>b</p>")
    kept.keep("c", "<p>c</p>")
    assert kept == {"c": "<p>c</p>"}
