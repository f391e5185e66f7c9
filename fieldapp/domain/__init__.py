"""Domain layer: dataclasses, codes, ids. No I/O.

The one exception is reference data shipped with the package (the 2014 特种设备目录 and the
GB/T 2260 district table), which :mod:`fieldapp.domain.catalogue` reads once and caches.
"""
