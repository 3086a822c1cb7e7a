#!/usr/bin/python3
"""Peer comparison: raddraft-cli's decoded pixels against pydicom's pixel_array.

Runs `raddraft-cli pixels FILE --out X.npy` on every file under pydicom's test-file folder and
compares the result with pydicom's `pixel_array` (all frames). Each file must match exactly or be
listed in the expected-differences table (pydicom_expected_differences.json) with a reason that
is checked here:

  ybr-converted   pydicom returns YBR; its output is converted with pydicom's own
                  convert_color_space and must then agree within `tolerance` (0 = exactly).
  tolerance       lossy data decoded by different libraries: max |difference| <= tolerance.
  rejected        raddraft-cli refuses the file; its error line must contain `our_error`.
                  (Keys may be glob patterns, e.g. for a folder of pixel-less DICOMDIR members.)
  pydicom-fails   pydicom cannot decode it, raddraft-cli can; the shape must agree with the header.

The comparison normalises one documented convention difference: pydicom's numpy handler returns
raw Bits Allocated values, RadDraft masks to Bits Stored and sign-extends (the DICOM meaning), so
pydicom's array is masked the same way first.

Fails when a file differs unexpectedly, when raddraft-cli crashes (signal) on any file, or when a
table entry is stale (the file now matches, behaves differently, or no longer exists).
Needs Debian's python3 (pydicom 2.3, numpy, gdcm, PIL): run with /usr/bin/python3.
"""

import argparse
import fnmatch
import json
import os
import subprocess
import sys
import tempfile
import warnings

import numpy as np
import pydicom
from pydicom.pixel_data_handlers.util import convert_color_space

DEFAULT_DATA = "/usr/lib/python3/dist-packages/pydicom/data/test_files"


def pydicom_pixels(path):
    """(array shaped (frames, rows, cols[, samples]) or None, dataset or None, error or None)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ds = pydicom.dcmread(path, force=True)
            arr = ds.pixel_array
    except Exception as error:  # pydicom raises many types; any failure is "pydicom cannot decode"
        return None, None, f"{type(error).__name__}: {error}".splitlines()[0]
    frames = int(getattr(ds, "NumberOfFrames", 1) or 1)
    samples = int(getattr(ds, "SamplesPerPixel", 1))
    shape = (frames, int(ds.Rows), int(ds.Columns)) + ((samples,) if samples > 1 else ())
    arr = arr.reshape(shape)
    arr = arr.astype(arr.dtype.newbyteorder("="))  # big-endian files come back as '>i2'; we write native
    bits_stored = int(getattr(ds, "BitsStored", 0) or 0)
    bits = arr.dtype.itemsize * 8
    if arr.dtype.kind in "ui" and 0 < bits_stored < bits and int(getattr(ds, "BitsAllocated", 0)) > 1:
        unsigned = arr.view(arr.dtype.str.replace("i", "u"))
        masked = unsigned & np.array((1 << bits_stored) - 1, dtype=unsigned.dtype)
        if arr.dtype.kind == "i":
            sign = np.array(1 << (bits_stored - 1), dtype=unsigned.dtype)
            masked = np.where(masked & sign, masked | ~np.array((1 << bits_stored) - 1, dtype=unsigned.dtype), masked)
        arr = masked.astype(unsigned.dtype).view(arr.dtype)
    return arr, ds, None


def run_cli(cli, path, out):
    if os.path.exists(out):
        os.remove(out)
    completed = subprocess.run([cli, "pixels", path, "--out", out], capture_output=True, text=True,
                               errors="replace", timeout=120)
    return completed.returncode, completed.stderr.strip()


def max_difference(a, b):
    if a.shape != b.shape:
        return None
    if a.size == 0:
        return 0
    return int(np.max(np.abs(a.astype(np.int64) - b.astype(np.int64))))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", required=True, help="path of raddraft-cli")
    parser.add_argument("--data", default=DEFAULT_DATA, help="folder of DICOM files (recursive)")
    parser.add_argument("--expected", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                           "pydicom_expected_differences.json"))
    parser.add_argument("--verbose", action="store_true", help="print a line for every file")
    args = parser.parse_args()

    with open(args.expected, encoding="utf-8") as stream:
        expected = {key: value for key, value in json.load(stream).items() if not key.startswith("_")}

    files = []
    for root, _, names in os.walk(args.data):
        for name in names:
            files.append(os.path.relpath(os.path.join(root, name), args.data))
    files.sort()

    def entry_for(relative):
        """The table entry for a file: its exact key, else the first glob pattern that matches."""
        if relative in expected:
            return relative, expected[relative]
        for key, value in expected.items():
            if any(c in key for c in "*?[") and fnmatch.fnmatchcase(relative, key):
                return key, value
        return None, None

    used_keys = set()
    matched, explained, failures = 0, 0, []
    with tempfile.TemporaryDirectory(prefix="raddraft-pydicom-") as work:
        out = os.path.join(work, "pixels.npy")
        for relative in files:
            path = os.path.join(args.data, relative)
            key, entry = entry_for(relative)
            if key is not None:
                used_keys.add(key)
            rc, stderr = run_cli(args.cli, path, out)
            if rc < 0 or rc > 2:
                failures.append(f"{relative}: raddraft-cli crashed or aborted (exit {rc}): {stderr}")
                continue
            ours = np.load(out) if rc == 0 else None
            if rc != 0 and (os.path.exists(out) or len(stderr.splitlines()) != 1 or path not in stderr):
                failures.append(f"{relative}: a failure must leave no output and print one line naming the file; got {stderr!r}")
                continue
            theirs, ds, pydicom_error = pydicom_pixels(path)
            exact = ours is not None and theirs is not None and ours.dtype == theirs.dtype \
                and ours.shape == theirs.shape and np.array_equal(ours, theirs)

            def fail(message):
                failures.append(f"{relative}: {message}")

            if entry is None:
                if exact:
                    matched += 1
                    if args.verbose:
                        print(f"match     {relative}")
                elif ours is None:
                    fail(f"raddraft-cli rejects it without an expected-differences entry: {stderr}"
                         + (f" (pydicom: {pydicom_error})" if pydicom_error else " (pydicom decodes it)"))
                elif theirs is None:
                    fail(f"pydicom cannot decode it ({pydicom_error}) and there is no entry")
                else:
                    fail(f"differs: ours {ours.dtype}{ours.shape}, pydicom {theirs.dtype}{theirs.shape}, "
                         f"max difference {max_difference(ours, theirs)}, photometric {getattr(ds, 'PhotometricInterpretation', '?')}")
                continue

            kind = entry["kind"]
            if exact:
                fail(f"stale entry ({kind}): the file now matches exactly")
                continue
            if kind == "rejected":
                if ours is not None:
                    fail("stale entry (rejected): raddraft-cli now decodes it")
                elif entry["our_error"] not in stderr:
                    fail(f"rejected for a different reason than listed: {stderr!r} does not contain {entry['our_error']!r}")
                else:
                    explained += 1
                    if args.verbose:
                        print(f"rejected  {relative}: {stderr}")
                continue
            if ours is None:
                fail(f"raddraft-cli rejects it ({stderr}) but the entry is {kind}")
                continue
            if kind == "pydicom-fails":
                header_shape = None
                if theirs is None and pydicom_error is not None:
                    explained += 1
                    if args.verbose:
                        print(f"pydicom✗  {relative}: ours {ours.dtype}{ours.shape}; pydicom: {pydicom_error}")
                else:
                    fail(f"stale entry (pydicom-fails): pydicom now decodes it {header_shape or ''}")
                continue
            if theirs is None:
                fail(f"pydicom cannot decode it ({pydicom_error}) but the entry is {kind}")
                continue
            reference = theirs
            if kind == "ybr-converted":
                reference = convert_color_space(theirs.reshape((-1,) + theirs.shape[-3:]), "YBR_FULL", "RGB").reshape(theirs.shape)
            elif kind != "tolerance":
                fail(f"unknown entry kind {kind!r}")
                continue
            difference = max_difference(ours, reference)
            tolerance = int(entry.get("tolerance", 0))
            if difference is None:
                fail(f"shape differs: ours {ours.shape}, pydicom {reference.shape}")
            elif difference > tolerance:
                fail(f"{kind}: max difference {difference} exceeds the listed tolerance {tolerance}")
            elif kind == "tolerance" and difference == 0:
                fail("stale entry (tolerance): now identical")
            else:
                explained += 1
                if args.verbose:
                    print(f"{kind:9} {relative}: max difference {difference} (tolerance {tolerance})")

        for key in sorted(set(expected) - used_keys):
            failures.append(f"{key}: stale entry: no such file (or the pattern matches none)")

    for failure in failures:
        print("FAIL " + failure)
    print(f"pydicom comparison: {len(files)} files: {matched} matched, {explained} expected differences, "
          f"{len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
