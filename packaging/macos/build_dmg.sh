#!/usr/bin/env bash
# Make the macOS disk image from "dist/PiP Writer.app" (run python packaging/build.py first).
#
#   bash packaging/macos/build_dmg.sh        -> dist/PiPWriter-<version>-macos-<arch>.dmg
#
# 1. checks that every binary in the app runs on our oldest macOS (LSMinimumSystemVersion);
# 2. signs the app with the hardened runtime, when a Developer ID certificate is given;
# 3. runs the frozen self-test again on the signed app;
# 4. builds the .dmg (the app plus a link to Applications) and signs it;
# 5. notarises and staples the .dmg, when Apple ID credentials are given.
#
# Secrets, all optional (CI passes them from the repository's secrets):
#   MACOS_CERTIFICATE            base64 of the "Developer ID Application" certificate (.p12)
#   MACOS_CERTIFICATE_PASSWORD   the .p12 password
#   MACOS_SIGNING_IDENTITY       e.g. "Developer ID Application: Example NHS Trust (AB12CD34EF)"
#   APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD   notarisation (an app-specific password)
# Without them the steps are skipped with a message and the .dmg is unsigned.
set -euo pipefail
cd "$(dirname "$0")/../.."

PYTHON=${PYTHON:-python3}
info() { "$PYTHON" packaging/build.py --print "$1"; }
APP_NAME=$(info app-name)
APP=$(info bundle)
DMG="dist/$(info dmg-name)"
MIN_MACOS=$(info macos-minimum)
ENTITLEMENTS=packaging/macos/entitlements.plist
WORK=$(mktemp -d "${TMPDIR:-/tmp}/pipwriter-dmg.XXXXXX")
KEYCHAIN=""

cleanup() {
  if [ -n "$KEYCHAIN" ]; then security delete-keychain "$KEYCHAIN" || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ ! -d "$APP" ]; then
  echo "No $APP: run 'python packaging/build.py' first." >&2
  exit 1
fi

echo "== Oldest macOS: every binary must run on macOS $MIN_MACOS"
"$PYTHON" packaging/macos/minos.py "$APP" "$MIN_MACOS"

IDENTITY=${MACOS_SIGNING_IDENTITY:-}
if [ -n "${MACOS_CERTIFICATE:-}" ] && [ -n "${MACOS_CERTIFICATE_PASSWORD:-}" ] && [ -n "$IDENTITY" ]; then
  echo "== Signing with '$IDENTITY'"
  KEYCHAIN="$WORK/signing.keychain-db"
  keychain_password=$(uuidgen)
  security create-keychain -p "$keychain_password" "$KEYCHAIN"
  security set-keychain-settings -lut 3600 "$KEYCHAIN"
  security unlock-keychain -p "$keychain_password" "$KEYCHAIN"
  printf '%s' "$MACOS_CERTIFICATE" | base64 --decode > "$WORK/certificate.p12"
  security import "$WORK/certificate.p12" -k "$KEYCHAIN" -P "$MACOS_CERTIFICATE_PASSWORD" \
    -T /usr/bin/codesign
  rm -f "$WORK/certificate.p12"
  security set-key-partition-list -S apple-tool:,apple:,codesign: -s -k "$keychain_password" \
    "$KEYCHAIN" >/dev/null
  # shellcheck disable=SC2046  # the existing keychains, one word each
  security list-keychains -d user -s "$KEYCHAIN" $(security list-keychains -d user | tr -d '"')
  # --deep signs every nested library and framework; PyInstaller lays the bundle out so that
  # this is valid (code in Contents/MacOS and Frameworks, data in Resources).
  codesign --force --deep --timestamp --options runtime --entitlements "$ENTITLEMENTS" \
    --keychain "$KEYCHAIN" --sign "$IDENTITY" "$APP"
  codesign --verify --deep --strict --verbose=2 "$APP"
  signed=yes
else
  echo "== Code signing SKIPPED: MACOS_CERTIFICATE, MACOS_CERTIFICATE_PASSWORD and"
  echo "   MACOS_SIGNING_IDENTITY are not all set. The .dmg will be unsigned: on first start"
  echo "   users must Control-click the app and choose Open (see docs/releasing.md)."
  signed=no
fi

echo "== Frozen self-test of the app as it will ship"
PIPWRITER_USER_DIR="$WORK/user" "$(info cli)" self-test

echo "== Disk image $DMG"
mkdir -p "$WORK/image"
ditto "$APP" "$WORK/image/$(basename "$APP")"
ln -s /Applications "$WORK/image/Applications"
rm -f "$DMG"
# hdiutil now and then fails with "Resource busy" on CI machines: try again before giving up.
for attempt in 1 2 3; do
  if hdiutil create -volname "$APP_NAME" -srcfolder "$WORK/image" -fs HFS+ -format UDZO \
       -imagekey zlib-level=9 -ov "$DMG"; then
    break
  fi
  if [ "$attempt" = 3 ]; then exit 1; fi
  echo "hdiutil failed; trying again in 10 s"
  sleep 10
done

if [ "$signed" = yes ]; then
  codesign --force --timestamp --keychain "$KEYCHAIN" --sign "$IDENTITY" "$DMG"
  if [ -n "${APPLE_ID:-}" ] && [ -n "${APPLE_TEAM_ID:-}" ] && [ -n "${APPLE_APP_PASSWORD:-}" ]; then
    echo "== Notarising (this waits for Apple's answer, usually a few minutes)"
    xcrun notarytool submit "$DMG" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
      --password "$APPLE_APP_PASSWORD" --wait
    xcrun stapler staple "$DMG"
    xcrun stapler validate "$DMG"
  else
    echo "== Notarisation SKIPPED: APPLE_ID, APPLE_TEAM_ID and APPLE_APP_PASSWORD are not all"
    echo "   set. The app is signed but macOS will still warn users when they first open it."
  fi
else
  echo "== Notarisation SKIPPED: it needs a signed app."
fi

ls -l "$DMG"
