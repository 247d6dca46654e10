"""Language data shipped with the core (number words, ...), one TOML file per language."""
