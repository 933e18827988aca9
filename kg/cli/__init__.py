"""The `kg` command line: a thin click layer over the library (one module per command)."""
