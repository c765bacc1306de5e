#!/usr/bin/env bash
# bench/peers/install_peers.sh DIR — puts rsyslog and syslog-ng (Debian 12
# packages) under DIR/root for `make bench-peers`.
#
# The two packages conflict (each is a system-log-daemon), so neither is
# installed: apt-get downloads both and they are unpacked under DIR/root, to
# run as ordinary programs with their own configs; their shared-library
# dependencies, which do not conflict, are installed with apt-get.
set -euo pipefail
dir=${1:?usage: install_peers.sh DIR}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
if [[ -x $dir/root/usr/sbin/rsyslogd && -x $dir/root/usr/sbin/syslog-ng ]]; then exit 0; fi
export DEBIAN_FRONTEND=noninteractive
apt-get install -y --no-install-recommends libivykis0 libnet1 libjson-c5 libglib2.0-0 libwrap0 libcap2 \
  libestr0 libfastjson4 liblognorm5 >/dev/null
(cd "$dir" && apt-get download rsyslog syslog-ng-core >/dev/null)
for deb in "$dir"/rsyslog_*.deb "$dir"/syslog-ng-core_*.deb; do dpkg-deb -x "$deb" "$dir/root"; done
"$dir/root/usr/sbin/rsyslogd" -v | head -1
LD_LIBRARY_PATH=$dir/root/usr/lib/syslog-ng "$dir/root/usr/sbin/syslog-ng" --version | head -1
