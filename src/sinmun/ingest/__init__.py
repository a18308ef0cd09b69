"""Ingest: discover page files, stage batches (parse + entities + normalize), hand them to the loader."""
