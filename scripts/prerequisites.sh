#!/usr/bin/env bash
# Installs what WuShe needs beyond the .NET SDK: Chromium (PDFs, browser tests), Noto CJK fonts (Chinese in PDFs),
# poppler-utils (tests read PDFs back). Debian/Ubuntu with apt; elsewhere it says what to install.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0
if command -v apt-get >/dev/null 2>&1; then
  echo "正在安装：${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "缺少：${missing[*]}。请用本系统的包管理器安装 Chromium（或 Chrome/Edge，并设置 WuShe:ChromiumPath）、思源黑体/Noto Sans CJK 字体和 poppler-utils。" >&2
  exit 1
fi
