"""Runners: drive the pipeline over many articles (here, or on a Ray cluster)."""
