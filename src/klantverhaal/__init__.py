"""klantverhaal: read Dutch customer-service stories at scale."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("klantverhaal")
except PackageNotFoundError:  # running from a source tree without install
    __version__ = "0.0.0"
