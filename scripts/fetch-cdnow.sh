#!/usr/bin/env bash
# Puts the CDNOW data where the customer tests look for it, in .data/cdnow/: the purchase log
# CDNOW_master.txt and the 2,357-customer summary in weeks cdnow_customers_summary.csv, which
# Fader, Hardie and Lee fit the BG/NBD model to.
#
# Both ship in the `lifetimes` 0.11.3 wheel on PyPI (MIT licence). This script copies each from a
# `shared/data/cdnow/` folder beside the repository when there is one, else downloads the wheel
# with pip and unpacks the files; it checks each file's sha256 either way. Without the files the
# CDNOW tests skip and say how to get them, so a failure here never fails the build.
set -uo pipefail
cd "$(dirname "$0")/.."

folder=.data/cdnow
files=(CDNOW_master.txt cdnow_customers_summary.csv)
declare -A sha256=(
  [CDNOW_master.txt]=eff6889ed364c5199d6eacbbeb7a6d559971df4406ac876f322c373f00a072ef
  [cdnow_customers_summary.csv]=09d92ca80daaabe8be0f997d4c539f9c9606106baa5b199081fe01cbce5fa9f6
)

verified() { [ -f "$1" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "${sha256[$(basename "$1")]}" ]; }

mkdir -p "$folder"
missing=()
for file in "${files[@]}"; do
  if verified "$folder/$file"; then
    echo "CDNOW $file: $folder/$file (already there)"
  elif verified "../shared/data/cdnow/$file"; then
    cp "../shared/data/cdnow/$file" "$folder/$file" && echo "CDNOW $file: copied to $folder/$file"
  else
    missing+=("$file")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if python3 -m pip download --quiet --no-deps --disable-pip-version-check -d "$work" lifetimes==0.11.3; then
  for file in "${missing[@]}"; do
    if python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extract(sys.argv[2], sys.argv[3])' \
        "$(ls "$work"/*.whl)" "lifetimes/datasets/$file" "$work" \
      && verified "$work/lifetimes/datasets/$file"; then
      cp "$work/lifetimes/datasets/$file" "$folder/$file" && echo "CDNOW $file: downloaded to $folder/$file"
    else
      echo "CDNOW $file: not in the lifetimes 0.11.3 wheel as expected; the tests that need it will skip" >&2
    fi
  done
  exit 0
fi
echo "CDNOW data: not available (no shared copy, and pip could not fetch lifetimes 0.11.3);" \
  "the CDNOW tests will skip" >&2
exit 0
