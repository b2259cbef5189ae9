#!/usr/bin/env bash
# Builds the installer: target/deb/maskcheck_<version>_<arch>.deb, holding the desktop app (menu entry
# 口罩质量现场检查, icon) and the `maskcheck` command line, with its library dependencies declared.
#
#   ./scripts/deb.sh            build the .deb (release profile, UI built first)
#   ./scripts/deb.sh --test     build it, then install it with apt-get in a clean Debian 12 chroot (debootstrap),
#                               start the installed app under Xvfb, save a screenshot (target/deb/installed.png),
#                               run the installed CLI, and remove the package, checking that its files went too
#
# Nothing is downloaded at install or first run: the UI is compiled into the binary, the documents' fonts ship in
# it, SQLCipher comes with its own OpenSSL, and the package has no install scripts; the window's Chinese text needs
# a CJK font, declared as a dependency (统信UOS and 麒麟 have one already). Run as root (debootstrap and chroot
# need it).
set -euo pipefail
cd "$(dirname "$0")/.."
test_it=false
[[ "${1:-}" == "--test" ]] && test_it=true

need() { command -v "$1" >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2"; }; }
need dpkg-shlibdeps dpkg-dev
need fakeroot fakeroot
./scripts/setup.sh

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
arch=$(dpkg --print-architecture)
out=target/deb
pkg=$out/maskcheck_${version}_${arch}
rm -rf "$pkg" && mkdir -p "$pkg/DEBIAN" "$pkg/usr/bin" "$pkg/usr/share/applications" "$pkg/usr/share/doc/maskcheck"

(cd ui && npx vite build --logLevel warn)
cargo build --locked --release -p maskcheck-desktop -p maskcheck-cli --features maskcheck-desktop/custom-protocol
install -m 0755 target/release/maskcheck-desktop target/release/maskcheck "$pkg/usr/bin/"
strip "$pkg/usr/bin/maskcheck-desktop" "$pkg/usr/bin/maskcheck"
for size in 32x32 64x64 128x128; do
  install -D -m 0644 "src-tauri/icons/$size.png" "$pkg/usr/share/icons/hicolor/$size/apps/maskcheck.png"
done
install -D -m 0644 src-tauri/icons/128x128@2x.png "$pkg/usr/share/icons/hicolor/256x256/apps/maskcheck.png"
cat > "$pkg/usr/share/applications/maskcheck.desktop" <<'EOF'
[Desktop Entry]
Type=Application
Name=口罩质量现场检查
Name[zh_CN]=口罩质量现场检查
Comment=口罩质量现场检查：名录、现场检查、执法文书、抽样、案件、同步与统计
Exec=maskcheck-desktop
Icon=maskcheck
Terminal=false
Categories=Office;
StartupWMClass=maskcheck-desktop
EOF
install -m 0644 README.md "$pkg/usr/share/doc/maskcheck/README.md"

# The libraries the two binaries link, as package names with versions (dpkg-shlibdeps reads them off the ELF files).
shlibs=$(mktemp -d)
mkdir -p "$shlibs/debian" && printf 'Source: maskcheck\n\nPackage: maskcheck\nArchitecture: any\n' >"$shlibs/debian/control"
depends=$(cd "$shlibs" && dpkg-shlibdeps -O "$OLDPWD/$pkg/usr/bin/maskcheck-desktop" "$OLDPWD/$pkg/usr/bin/maskcheck" 2>/dev/null \
  | sed -n 's/^shlibs:Depends=//p')
rm -rf "$shlibs"
size=$(du -sk "$pkg/usr" | cut -f1)
cat > "$pkg/DEBIAN/control" <<EOF
Package: maskcheck
Version: $version
Architecture: $arch
Maintainer: maskcheck <maskcheck@localhost>
Installed-Size: $size
Depends: $depends, fonts-noto-cjk | fonts-wqy-microhei | fonts-wqy-zenhei
Section: misc
Priority: optional
Description: 口罩质量现场检查 (mask-quality field inspections)
 An offline desktop tool for market-supervision inspectors: the enterprise
 roster, on-site inspections, enforcement documents, samples, cases, signed and
 encrypted sync bundles with the bureau, and the campaign's statistics tables.
 The data is kept encrypted (SQLCipher and age) under the inspector's passphrase.
 Includes the desktop app (maskcheck-desktop) and the command line (maskcheck).
EOF
fakeroot dpkg-deb --build --root-owner-group "$pkg" "$pkg.deb" >/dev/null
rm -rf "$pkg"
echo "built $pkg.deb ($(du -h "$pkg.deb" | cut -f1)); Depends: $depends"
$test_it || exit 0

# --- Install it in a clean Debian 12 chroot, start it, screenshot it, remove it. ---
need debootstrap debootstrap
need Xvfb xvfb
need import imagemagick
root=$(mktemp -d /tmp/maskcheck-chroot.XXXX)
display=:97
cleanup() {
  set +e
  [[ -n "${xvfb:-}" ]] && kill "$xvfb" 2>/dev/null
  for m in tmp/.X11-unix dev/pts dev sys proc; do umount -l "$root/$m" 2>/dev/null; done
  rm -rf "$root"
}
trap cleanup EXIT
mirror=$(sed -n 's/^URIs: //p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -1)
debootstrap --variant=minbase bookworm "$root" "${mirror:-http://deb.debian.org/debian}" >/dev/null
for m in proc sys dev dev/pts; do mount --bind "/$m" "$root/$m"; done
mkdir -p "$root/tmp/.X11-unix" && mount --bind /tmp/.X11-unix "$root/tmp/.X11-unix"
cp "$pkg.deb" "$root/tmp/"
chroot "$root" /bin/bash -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq /tmp/$(basename "$pkg.deb") >/dev/null"
echo "installed in a clean chroot: $(chroot "$root" dpkg-query -W -f '${Package} ${Version} ${Status}' maskcheck)"
chroot "$root" grep -q '^Name=口罩质量现场检查' /usr/share/applications/maskcheck.desktop
chroot "$root" /bin/bash -c 'cd /tmp && MASKCHECK_PASSPHRASE="安装测试 口令 2026" maskcheck --data-dir /tmp/cli init \
  --unit-name 卫滨区市场监督管理局 --unit-abbr 卫 --county 卫滨区 --inspector 张三 --cert HA0001 >/dev/null \
  && MASKCHECK_PASSPHRASE="安装测试 口令 2026" maskcheck --data-dir /tmp/cli key status'

Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
sleep 2
# The network is cut for the app inside: it must start and show its first-run page with nothing to download.
chroot "$root" /bin/bash -c "DISPLAY=$display HOME=/root unshare -n maskcheck-desktop --data-dir /tmp/app >/tmp/app.log 2>&1 &"
for _ in $(seq 60); do
  sleep 1
  DISPLAY=$display import -window root "$out/installed.png" 2>/dev/null || continue
  # Wait until the window has drawn (the first frames are blank).
  [[ $(convert "$out/installed.png" -format '%k' info:) -gt 20 ]] && break
done
sleep 3
DISPLAY=$display import -window root "$out/installed.png"
pkill -f maskcheck-desktop || true
sleep 1
files=$(chroot "$root" dpkg -L maskcheck | grep -v '/$' || true)
chroot "$root" /bin/bash -c 'DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq maskcheck >/dev/null'
left=0
for f in $files; do [[ -f "$root$f" ]] && { echo "left after removal: $f"; left=1; }; done
[[ $left == 0 ]] || exit 1
echo "removed cleanly: none of its $(echo "$files" | wc -w) files is left"
echo "screenshot of the installed app: $out/installed.png"
