"""Report rendering (PDF with reportlab platypus, CSV/JSON). Qt-free and imports nothing of ours:
it renders the plain input types defined here, which the core fills in."""
