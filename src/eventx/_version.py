# The single source of the version (pyproject.toml reads it); a constant, because asking
# importlib.metadata costs more at start-up than the rest of `eventx --help`.
__version__ = "0.1.0"

# The name on the package index ("eventx" there is an unrelated project); `import eventx` stays.
DISTRIBUTION = "eventx-news"
