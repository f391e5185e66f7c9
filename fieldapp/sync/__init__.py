"""Moving work by file: officer batches, reference packs and receipts (docs/batch-format.md)."""

from fieldapp.sync.container import BatchRefused
from fieldapp.sync.exporter import (
    ExportCancelled,
    ExportResult,
    NothingToExport,
    copy_again,
    export_batch,
    write_pack,
    write_receipt,
)
from fieldapp.sync.importer import Counts, ImportCancelled, ImportReport, import_file

__all__ = [
    "BatchRefused",
    "Counts",
    "ExportCancelled",
    "ExportResult",
    "ImportCancelled",
    "ImportReport",
    "NothingToExport",
    "copy_again",
    "export_batch",
    "import_file",
    "write_pack",
    "write_receipt",
]
