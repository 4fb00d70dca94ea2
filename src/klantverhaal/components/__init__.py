"""Custom spaCy components, only where context logic is needed.

Importing this package registers the factories with spaCy; the package's
entry points (pyproject) make ``spacy.load`` find them too.
"""

from klantverhaal.components import company_filter, platform_messages, unknown_companies, wait_finder  # noqa: F401
