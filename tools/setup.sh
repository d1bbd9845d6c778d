# shellcheck shell=bash
# Sourced by ./run and ./check. Installs what tools/deps.txt lists and the machine lacks, so
# that both work on a fresh Debian 12 installation. apt-get runs only when something is
# missing, so an up-to-date machine is never touched.

chorus_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

chorus_missing_packages () {
  local package
  while read -r package; do
    if [[ -z $package || $package == \#* ]]; then
      continue
    fi
    if ! dpkg-query -W -f='${db:Status-Status}\n' "$package" 2>/dev/null | grep -qx installed; then
      printf '%s\n' "$package"
    fi
  done < "$chorus_root/tools/deps.txt"
}

chorus_install_deps () {
  local -a missing sudo=()

  if ! command -v dpkg-query >/dev/null; then
    echo "Not a Debian system: install the packages in tools/deps.txt yourself." >&2
    return 0
  fi

  mapfile -t missing < <(chorus_missing_packages)
  if ((${#missing[@]} == 0)); then
    return 0
  fi

  if ((EUID != 0)); then
    sudo=(sudo)
  fi

  echo "Installing missing packages: ${missing[*]}"
  "${sudo[@]}" apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
}

# Configures BUILDDIR with the given -D options, or updates an existing configuration: running
# the scripts again reuses their build directories.
chorus_configure () {
  local builddir=$1
  shift

  if [[ -f $builddir/meson-private/coredata.dat ]]; then
    # Without options `meson configure` would print every option instead.
    if (($# > 0)); then
      meson configure "$builddir" "$@"
    fi
  else
    meson setup "$builddir" "$@"
  fi
}
