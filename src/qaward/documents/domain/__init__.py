"""Writes on stored files. Every function here is the only way to make its change and records
one audit event in the same transaction."""

from qaward.documents.domain.downloads import record_trade_secret_download
from qaward.documents.domain.uploads import store_upload
from qaward.documents.domain.withdrawal import withdraw_file

__all__ = ["record_trade_secret_download", "store_upload", "withdraw_file"]
