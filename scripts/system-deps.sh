#!/usr/bin/env bash
# Installs the system packages SupportDesk's tests and offscreen Qt need, when
# they are missing and we may (running as root with apt-get). Otherwise it says
# what is missing and carries on: the tests that need a missing server skip
# with a loud reason, or fail when CI is set.
set -u
want_qt="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 fonts-dejavu-core fonts-noto-core libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-render-util0 libxcb-randr0 libxcb-shape0 libxcb-xkb1"
want_py="python3-venv"
want_servers="dovecot-imapd postgresql dbus gnome-keyring poppler-utils desktop-file-utils"
# the published help site's tests: a real headless browser and the HTML validator's Java
want_browser="chromium chromium-driver openjdk-17-jre-headless"
group=${1:-all}
case "$group" in
  qt) want="$want_qt" ;;
  all) want="$want_qt $want_py $want_servers $want_browser" ;;
  *) echo "usage: $0 [qt|all]" >&2; exit 2 ;;
esac
missing=()
for pkg in $want; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: not a Debian/Ubuntu machine; install the equivalents of: ${missing[*]}" >&2
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "system-deps: missing ${missing[*]}; run 'sudo $0' to install them." >&2
  echo "system-deps: tests that need them will be skipped with a reason." >&2
  exit 0
fi
echo "system-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y -q --no-install-recommends "${missing[@]}" >/tmp/supportdesk-apt.log 2>&1; then
  apt-get update -q >/tmp/supportdesk-apt.log 2>&1 || true
  apt-get install -y -q --no-install-recommends "${missing[@]}" >>/tmp/supportdesk-apt.log 2>&1 || {
    echo "system-deps: apt-get failed; see /tmp/supportdesk-apt.log" >&2
    tail -5 /tmp/supportdesk-apt.log >&2
    exit 1
  }
fi
# The distribution starts services on install; the tests run their own.
for svc in dovecot postgresql; do
  command -v systemctl >/dev/null 2>&1 && systemctl stop "$svc" >/dev/null 2>&1 || true
  command -v service >/dev/null 2>&1 && service "$svc" stop >/dev/null 2>&1 || true
done
exit 0
