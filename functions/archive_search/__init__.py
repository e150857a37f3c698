"""SomaNet Archive Search: the code shared by the ingest and search Lambdas."""
