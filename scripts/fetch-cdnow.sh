#!/usr/bin/env bash
# Puts the CDNOW purchase log where the customer tests look for it: .data/cdnow/CDNOW_master.txt.
#
# The log ships in the `lifetimes` 0.11.3 wheel on PyPI (MIT licence). This script copies it from
# a `shared/data/cdnow/` folder beside the repository when there is one, else downloads the wheel
# with pip and unpacks the file; it checks the file's sha256 either way. Without the file the
# CDNOW tests skip and say how to get it, so a failure here never fails the build.
set -uo pipefail
cd "$(dirname "$0")/.."

target=.data/cdnow/CDNOW_master.txt
sha256=eff6889ed364c5199d6eacbbeb7a6d559971df4406ac876f322c373f00a072ef

verified() { [ -f "$1" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$sha256" ]; }

if verified "$target"; then
  echo "CDNOW purchase log: $target (already there)"
  exit 0
fi
mkdir -p "$(dirname "$target")"

shared=../shared/data/cdnow/CDNOW_master.txt
if verified "$shared"; then
  cp "$shared" "$target" && echo "CDNOW purchase log: copied to $target" && exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if python3 -m pip download --quiet --no-deps --disable-pip-version-check -d "$work" lifetimes==0.11.3 \
  && python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extract("lifetimes/datasets/CDNOW_master.txt", sys.argv[2])' \
    "$(ls "$work"/*.whl)" "$work" \
  && verified "$work/lifetimes/datasets/CDNOW_master.txt"; then
  cp "$work/lifetimes/datasets/CDNOW_master.txt" "$target" && echo "CDNOW purchase log: downloaded to $target"
  exit 0
fi
echo "CDNOW purchase log: not available (no shared copy, and pip could not fetch lifetimes 0.11.3);" \
  "the CDNOW tests will skip" >&2
exit 0
