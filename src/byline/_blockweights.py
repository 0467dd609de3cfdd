"""Placeholder weights (keep every paragraph); regenerate with scripts/train_blocks.py."""

MEANS = (0.0,) * 30
SCALES = (1.0,) * 30
WEIGHTS = (0.0,) * 30
BIAS = 0.0
THRESHOLD = 0.0
