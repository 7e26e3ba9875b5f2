"""Where the `keshvar` crate's country data is (its source, BSD-3-Clause), for the generators
that read it (scripts/gazetteer.py, scripts/demonyms.py): KESHVAR_SRC, else the cargo registry
(fetch it with `cargo fetch` in any crate depending on keshvar 0.5)."""
import glob
import os
import sys
from pathlib import Path


def keshvar_source() -> Path:
    """The folder of keshvar's per-country source files (`src/countries`)."""
    if "KESHVAR_SRC" in os.environ:
        return Path(os.environ["KESHVAR_SRC"])
    found = sorted(glob.glob(os.path.expanduser("~/.cargo/registry/src/*/keshvar-0.5.*/src/countries")))
    if not found:
        sys.exit("keshvar 0.5 source not found: cargo fetch a crate that depends on it, or set KESHVAR_SRC")
    return Path(found[-1])
