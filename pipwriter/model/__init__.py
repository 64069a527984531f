"""The article model: pure Python, no Qt. Used by the app, the exporters and the command line."""
