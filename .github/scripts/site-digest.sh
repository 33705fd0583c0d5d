#!/usr/bin/env bash
# Prints a digest of what the site is built from: the checked-out commit's files, all but the aggregator's state, which
# every scheduled run rewrites and the build never reads. The deploy records the digest it published; the scheduled
# aggregation deploys whenever its own has no record. From the trees' hashes, so it costs the same for any archive.
# Run in a container whose user does not own the checkout, hence safe.directory.
set -euo pipefail
{
  git -c safe.directory="$PWD" ls-tree HEAD
  git -c safe.directory="$PWD" ls-tree HEAD content/
} | awk -F '\t' '$2 != "content" && $2 != "content/.aggregate-state.json"' | sha256sum | cut -d ' ' -f 1
