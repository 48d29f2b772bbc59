"""Running the pipeline over many statutes: a folder or manifest, in parallel, resumable (pipeline.batch)."""
