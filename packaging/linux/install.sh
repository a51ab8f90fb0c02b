#!/bin/sh
# Install mdtboard from this unpacked tarball:
#   /opt/mdtboard/                                   the program (the folder "mdtboard" beside this script)
#   /usr/local/bin/mdtboard -> /opt/mdtboard/mdtboard the command
#   /usr/share/applications/mdtboard.desktop         the menu entry
#   /usr/share/icons/hicolor/*/apps/mdtboard.*       the icon
#
#   sudo ./install.sh               install, or upgrade an earlier version in place
#   sudo ./install.sh --uninstall   remove all of the above (people's databases and settings stay)
#   DESTDIR=/staging ./install.sh   install under /staging instead of / (for packagers; no root needed)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=${DESTDIR:-}
opt=/opt/mdtboard
bin=/usr/local/bin/mdtboard
desktop=/usr/share/applications/mdtboard.desktop
icons=/usr/share/icons/hicolor
sizes="16 32 48 64 128 256 512"

say() { printf 'install.sh: %s\n' "$*"; }
fail() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }

if [ -z "$root" ] && [ "$(id -u)" != 0 ]; then
    fail "run as root (sudo $0), or set DESTDIR to install into a staging folder"
fi

refresh_menus() {
    # Only on the real system; a staging root is refreshed by whoever installs it.
    if [ -z "$root" ]; then
        if command -v update-desktop-database >/dev/null 2>&1; then
            update-desktop-database -q /usr/share/applications || true
        fi
        if command -v gtk-update-icon-cache >/dev/null 2>&1; then
            gtk-update-icon-cache -q -t "$icons" || true
        fi
    fi
}

uninstall() {
    rm -rf "$root$opt"
    if [ -L "$root$bin" ] && [ "$(readlink "$root$bin")" = "$opt/mdtboard" ]; then
        rm -f "$root$bin"
    fi
    rm -f "$root$desktop" "$root$icons/scalable/apps/mdtboard.svg"
    for size in $sizes; do
        rm -f "$root$icons/${size}x${size}/apps/mdtboard.png"
    done
    refresh_menus
    say "mdtboard removed (databases in ~/.local/share/mdtboard and settings in ~/.config/mdtboard stay)"
}

install_all() {
    [ -x "$here/mdtboard/mdtboard" ] || fail "$here/mdtboard/mdtboard is missing: run install.sh from the unpacked tarball"
    if [ -e "$root$bin" ] && [ ! -L "$root$bin" ]; then
        fail "$root$bin exists and is not mdtboard's link; move it away first"
    fi
    # Copy beside the old version first, then swap: a failed copy leaves the installed program as it was.
    mkdir -p "$root/opt"
    staging="$root$opt.new.$$"
    rm -rf "$staging"
    cp -R -P "$here/mdtboard" "$staging" || { rm -rf "$staging"; fail "copying the program failed; nothing was changed"; }
    chmod -R u+rwX,go+rX,go-w "$staging"
    rm -rf "$root$opt.old"
    if [ -e "$root$opt" ]; then mv "$root$opt" "$root$opt.old"; fi
    mv "$staging" "$root$opt"
    rm -rf "$root$opt.old"

    mkdir -p "$root$(dirname "$bin")"
    ln -sfn "$opt/mdtboard" "$root$bin"

    mkdir -p "$root$(dirname "$desktop")"
    cp "$here/mdtboard.desktop" "$root$desktop"
    chmod 644 "$root$desktop"

    mkdir -p "$root$icons/scalable/apps"
    cp "$here/icons/mdtboard.svg" "$root$icons/scalable/apps/mdtboard.svg"
    for size in $sizes; do
        mkdir -p "$root$icons/${size}x${size}/apps"
        cp "$here/icons/mdtboard-$size.png" "$root$icons/${size}x${size}/apps/mdtboard.png"
    done
    chmod 644 "$root$icons/scalable/apps/mdtboard.svg" "$root$icons"/*x*/apps/mdtboard.png

    refresh_menus
    say "mdtboard $("$root$opt/mdtboard" --version | sed 's/^mdtboard //') installed in $root$opt"
    say "start it from the menu (Office > mdtboard) or with the command: mdtboard"
}

case "${1:-}" in
    "") install_all ;;
    --uninstall) uninstall ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' ;;
    *) fail "unknown option $1 (use --uninstall, or nothing to install)" ;;
esac
