"""Learned choices: a linear scorer that ranks a page's options for one field.

A chooser turns each option (a publication day, an author list) into a row of numbers
named by its feature list; the option with the highest score wins. The weights are
fitted by ``scripts/train_choices.py`` (a conditional logit: a softmax over each page's
options, fitted with site-grouped cross-validation) and shipped as generated modules
(``_dateweights``, ``_authorweights``); the script reproduces them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

HEADLINE_REACH: Final = 10.0
"""Lines from the headline at which a value the visible page shows counts half as near as
one beside it."""


def nearness(after_headline: int | None) -> float:
    """How near the headline a value is shown: 1 beside it, 0 when not placed."""
    if after_headline is None:
        return 0.0
    return HEADLINE_REACH / (HEADLINE_REACH + abs(after_headline))


@dataclass(frozen=True, slots=True)
class LinearScorer:
    """Weights over standardised features: score = sum of weight * (value - mean) / scale."""

    features: Sequence[str]
    means: Sequence[float]
    scales: Sequence[float]
    weights: Sequence[float]

    def fits(self) -> bool:
        """Whether the weights are as many as the features (checked by the tests, not at
        import: the training script imports the features to write new weights)."""
        sizes = {len(self.features), len(self.means), len(self.scales), len(self.weights)}
        return len(sizes) == 1

    def score(self, row: Sequence[float]) -> float:
        if len(row) != len(self.weights):
            raise ValueError(f"{len(row)} features for a scorer of {len(self.weights)}")
        means, scales, weights = self.means, self.scales, self.weights
        total = 0.0
        for i, value in enumerate(row):
            total += weights[i] * (value - means[i]) / scales[i]
        return total

    def best(self, rows: Sequence[Sequence[float]]) -> int:
        """The index of the highest-scoring row; the first of equals (options come in trust
        order, so a tie goes to the more trusted)."""
        best_index, best_score = 0, float("-inf")
        for index, row in enumerate(rows):
            value = self.score(row)
            if value > best_score:
                best_index, best_score = index, value
        return best_index
