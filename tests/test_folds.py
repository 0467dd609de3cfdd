"""Site-grouped folds: pages of one site never sit on both sides of a split."""

from __future__ import annotations

from bench.folds import FOLDS, fold_of, folds_of, site_of


def test_sites_are_registered_domains() -> None:
    assert site_of("https://www.zeit.de/politik/a.html") == "zeit.de"
    assert site_of("https://blog.zeit.de/b") == "zeit.de"
    assert site_of("http://jamaica-gleaner.com.jm/x") == "jamaica-gleaner.com.jm"
    assert site_of("https://web.archive.org/web/2016/http://www.dimido.de/2008/x/") == "dimido.de"
    assert site_of("hard::jamaica.gleaner.com-victims.html") == "gleaner.com"
    assert site_of("hard::zeit.de.zugverkehr.html") == "zeit.de"


def test_a_site_stays_in_one_fold() -> None:
    urls = [f"https://news{i % 3}.site{i % 40}.org/story/{i}" for i in range(200)]
    urls += ["https://www.zeit.de/a", "https://blog.zeit.de/b", "hard::zeit.de.c.html"]
    seen: dict[str, set[int]] = {}
    for fold, _training, held in folds_of(urls, urls):
        for url in held:
            seen.setdefault(site_of(url), set()).add(fold)
    assert all(len(folds) == 1 for folds in seen.values())
    assert len({fold_of(url) for url in urls}) == FOLDS
    assert sum(len(held) for _f, _t, held in folds_of(urls, urls)) == len(urls)
