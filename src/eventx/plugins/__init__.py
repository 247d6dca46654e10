"""The plugin host: hook specifications, the extractor registry and plugin loading."""
