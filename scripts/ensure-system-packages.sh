#!/usr/bin/env bash
# Installs the Debian packages the browser tests and PDFs need, only when they are missing.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
# WeasyPrint (generated letters, documents/pdf.py) loads these libraries at run time.
for lib in libpango-1.0-0:libpango-1.0.so.0 libpangoft2-1.0-0:libpangoft2-1.0.so.0 \
           libharfbuzz-subset0:libharfbuzz-subset.so.0 libfontconfig1:libfontconfig.so.1; do
  ldconfig -p 2>/dev/null | grep -q "${lib#*:}" || missing+=("${lib%%:*}")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null; then
  echo "缺少系统软件包：${missing[*]}；请以 root 运行：apt-get install -y ${missing[*]}" >&2
  [ "${CI:-}" = "true" ] && exit 1 || exit 0
fi
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
echo "Installing Debian packages: ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
