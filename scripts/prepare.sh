#!/usr/bin/env bash
# Installs what the build needs besides NuGet packages: the pinned npm packages (FHIR R4 definitions,
# the reference FHIRPath engine, SUSHI). Idempotent and quick when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."

# Installed = every package of package-lock.json is in node_modules at its locked version. Checked on the packages
# themselves rather than with a time stamp: a fresh checkout's package-lock.json is always newer than any stamp.
installed() {
  node -e '
    const fs = require("fs");
    const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8"));
    for (const [dir, info] of Object.entries(lock.packages ?? {})) {
      if (!dir || info.link) continue;
      let version;
      try { version = JSON.parse(fs.readFileSync(dir + "/package.json", "utf8")).version; }
      catch { if (info.optional) continue; process.exit(1); }
      if (version !== info.version) process.exit(1);
    }' 2>/dev/null
}

if ! installed; then
  if [ -L node_modules ]; then
    # npm ci would empty the linked folder, i.e. another checkout's packages (a worktree sharing main's node_modules).
    echo "prepare: node_modules links to $(readlink -f node_modules), which does not match package-lock.json;" \
      "run npm ci there or replace the link by a folder. Not installing through the link." >&2
    exit 1
  fi
  echo "Installing npm packages (package-lock.json)..."
  npm ci --ignore-scripts --no-audit --no-fund >/dev/null
fi
