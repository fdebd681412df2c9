"""The PySide6 desktop app. The only package that imports Qt; it receives core services, never builds them."""
