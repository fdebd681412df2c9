"""The review core: term lists, the checker, the review store and workflow, and the CLI. Qt-free."""
