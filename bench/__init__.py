"""Evaluation of byline (and its peers) on an annotated corpus."""
