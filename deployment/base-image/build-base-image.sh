#!/usr/bin/env bash
# Builds the base image of our container images as a Docker-format image tarball (what `docker save`
# writes), from the build machine's own JDK: no registry and no Docker daemon are needed, so Jib can
# build on a machine that reaches only Maven Central and Debian (from.image = tar://<this file>).
#
# The single layer holds: a jlink'd Java 17 runtime in /opt/java, the shared libraries it links
# against (copied from this machine, i.e. Debian's glibc), the health probe (HttpProbe) in
# /opt/probe, /etc/passwd and /etc/group with the unprivileged user booking (uid 10001), /tmp, and
# /home/booking and /var/lib/booking owned by that user.
# The image config sets JAVA_HOME, PATH, the user and a HEALTHCHECK that runs the probe on $HEALTH_URL.
#
# Usage: build-base-image.sh OUTPUT.tar     (skips the work when OUTPUT.tar is newer than this script)
set -euo pipefail

out="$(realpath -m "${1:?usage: $0 OUTPUT.tar}")"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [[ -f "$out" && "$out" -nt "${BASH_SOURCE[0]}" && "$out" -nt "$here/src/HttpProbe.java" ]]; then
  exit 0
fi
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
[[ -x "$java_home/bin/jlink" && -d "$java_home/jmods" ]] \
  || { echo "build-base-image: $java_home has no jlink/jmods: set JAVA_HOME to a full JDK 17 (Debian: openjdk-17-jdk-headless)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
root="$work/root"
mkdir -p "$root/opt" "$root/etc" "$root/tmp" "$root/opt/probe" "$root/home" "$root/var/lib"
# Owned by the user the services run as: its home and the data directory (a volume mounted there
# takes this ownership, so the node can write its RocksDB state).
owned="$work/owned"
mkdir -p "$owned/home/booking" "$owned/var/lib/booking"
chmod 1777 "$root/tmp"

# The Java SE modules plus what Kafka, Netty-free Jetty and RocksDB reach for at run time.
"$java_home/bin/jlink" --add-modules java.se,jdk.unsupported,jdk.crypto.ec,jdk.management,jdk.management.agent,jdk.jfr,jdk.zipfs,jdk.naming.dns,jdk.httpserver \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output "$root/opt/java"
"$java_home/bin/javac" --release 17 -d "$root/opt/probe" "$here/src/HttpProbe.java"

# The runtime's shared-library closure (glibc, zlib, ...) at the paths the loader expects; the
# desktop libraries (X11, sound, splash screen) are left out: the services run headless.
find "$root/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) \
    ! -name 'libawt_xawt.so' ! -name 'libsplashscreen.so' ! -name 'libjsound.so' ! -name 'libjawt.so' -print0 \
  | xargs -0 ldd 2>/dev/null | grep -oE '/[^ ]+\.so[^ ]*' | sort -u | while read -r lib; do
      [[ "$lib" == "$root"* ]] && continue
      mkdir -p "$root$(dirname "$lib")"
      cp -L "$lib" "$root$lib"
    done
# RocksDB's JNI library is unpacked to /tmp at run time and needs libstdc++/libgcc.
for lib in /usr/lib/x86_64-linux-gnu/libstdc++.so.6 /lib/x86_64-linux-gnu/libgcc_s.so.1; do
  if [[ -e "$lib" ]]; then mkdir -p "$root$(dirname "$lib")"; cp -L "$lib" "$root$lib"; fi
done

printf 'root:x:0:0:root:/root:/sbin/nologin\nbooking:x:10001:10001:booking:/home/booking:/sbin/nologin\n' > "$root/etc/passwd"
printf 'root:x:0:\nbooking:x:10001:\n' > "$root/etc/group"

image="$work/image"
mkdir -p "$image"
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$root" -cf "$image/layer.tar" .
tar --mtime=@0 --owner=10001 --group=10001 --numeric-owner --no-recursion -C "$owned" -rf "$image/layer.tar" \
  ./home/booking ./var/lib/booking
diff_id="sha256:$(sha256sum "$image/layer.tar" | cut -d' ' -f1)"
cat > "$image/config.json" <<JSON
{
  "architecture": "amd64",
  "os": "linux",
  "created": "1970-01-01T00:00:00Z",
  "config": {
    "Env": ["JAVA_HOME=/opt/java", "PATH=/opt/java/bin:/usr/bin:/bin", "LANG=C.UTF-8"],
    "User": "10001:10001",
    "WorkingDir": "/home/booking",
    "Healthcheck": {
      "Test": ["CMD", "/opt/java/bin/java", "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx16m", "-cp", "/opt/probe", "HttpProbe"],
      "Interval": 15000000000, "Timeout": 5000000000, "StartPeriod": 60000000000, "Retries": 3
    }
  },
  "rootfs": {"type": "layers", "diff_ids": ["$diff_id"]},
  "history": [{"created": "1970-01-01T00:00:00Z", "created_by": "deployment/base-image/build-base-image.sh"}]
}
JSON
echo '[{"Config":"config.json","RepoTags":["event-booking/jre:17"],"Layers":["layer.tar"]}]' > "$image/manifest.json"
mkdir -p "$(dirname "$out")"
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$image" -cf "$out.part" manifest.json config.json layer.tar
mv "$out.part" "$out"
echo "build-base-image: wrote $out ($(du -h "$out" | cut -f1))"
