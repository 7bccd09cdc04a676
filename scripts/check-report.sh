#!/usr/bin/env bash
# Renders the HTML report of a scenario and opens it in headless Chromium: saves a screenshot and fails
# unless every chart image is present, decodes as a PNG and was loaded by the browser.
#
# Usage: scripts/check-report.sh [SCENARIO] [-- INTERLOCK-REPORT-OPTIONS...]
#   SCENARIO    default scenarios/saas.yaml
#   options after -- go to `interlock report` (for example: -- --trials 2000 --structure parallel)
# Environment:
#   OUT         output directory of the report (default: out/check-report/<scenario name>)
#   SCREENSHOT  screenshot file (default: $OUT.png, i.e. out/check-report/<scenario name>.png)
#   CHROMIUM    browser binary (default: the first of chromium, chromium-browser, google-chrome found)
#   INTERLOCK_JAR  the CLI jar (default: cli/target/interlock.jar, built with Maven if missing)
#   REPORT      check this existing report.html instead of rendering one (SCENARIO is then ignored)
#
# Needs Java 17, Maven (only to build the jar), Chromium (Debian: apt-get install -y chromium), and
# coreutils/grep/sed. Exit codes: 0 the report loads with every image; 1 a check failed; 2 bad usage or
# a missing tool.
set -euo pipefail

cd "$(dirname "$0")/.."
scenario="scenarios/saas.yaml"
if [[ $# -gt 0 && "$1" != "--" ]]; then
    scenario="$1"
    shift
fi
[[ $# -gt 0 && "$1" == "--" ]] && shift
if [[ ! -f "$scenario" ]]; then
    echo "error: no scenario file '$scenario'" >&2
    exit 2
fi
name="$(basename "${scenario%.*}")"
out="${OUT:-out/check-report/$name}"
shot="${SCREENSHOT:-$out.png}"
jar="${INTERLOCK_JAR:-cli/target/interlock.jar}"

browser="${CHROMIUM:-}"
if [[ -z "$browser" ]]; then
    for b in chromium chromium-browser google-chrome; do
        if command -v "$b" >/dev/null 2>&1; then browser="$b"; break; fi
    done
fi
if [[ -z "$browser" ]]; then
    echo "error: Chromium not found. On Debian/Ubuntu: apt-get install -y chromium (or set CHROMIUM=...)" >&2
    exit 2
fi

if [[ -n "${REPORT:-}" ]]; then
    [[ -f "$REPORT" ]] || { echo "error: no report '$REPORT'" >&2; exit 2; }
    html="$(cd "$(dirname "$REPORT")" && pwd)/$(basename "$REPORT")"
    shot="${SCREENSHOT:-${html%.html}.png}"
else
    if [[ ! -f "$jar" ]]; then
        echo "building $jar ..."
        mvn -B -q -DskipTests package
    fi
    java -jar "$jar" report "$scenario" -o "$out" "$@" >/dev/null
    html="$(cd "$out" && pwd)/report.html"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --hide-scrollbars)

# 1. Screenshot of the report as a reader sees it.
mkdir -p "$(dirname "$shot")"
rm -f "$shot"
"$browser" "${flags[@]}" --user-data-dir="$work/profile1" --window-size=1400,3000 \
    --screenshot="$(cd "$(dirname "$shot")" && pwd)/$(basename "$shot")" "file://$html" >"$work/chromium1.log" 2>&1 || true
if [[ ! -s "$shot" ]]; then
    echo "FAIL: Chromium wrote no screenshot; its log:" >&2
    cat "$work/chromium1.log" >&2
    exit 1
fi

# 2. In the browser: a copy of the page with a check appended counts images that did not load.
#    (The report itself carries no script; only this copy does.)
probe='<script>window.addEventListener("load",function(){var i=document.images,b=0;'
probe+='for(var k=0;k<i.length;k++){if(!i[k].complete||i[k].naturalWidth===0){b++;}}'
probe+='var p=document.createElement("pre");p.id="interlock-check";'
probe+='p.textContent="images="+i.length+" broken="+b;document.body.appendChild(p);});</script>'
sed "s#</body>#${probe}</body>#" "$html" >"$work/probe.html"
"$browser" "${flags[@]}" --user-data-dir="$work/profile2" --dump-dom "file://$work/probe.html" \
    >"$work/dom.html" 2>"$work/chromium2.log" || true
result="$(grep -o 'id="interlock-check">images=[0-9]* broken=[0-9]*' "$work/dom.html" | sed 's/.*>//' || true)"
if [[ -z "$result" ]]; then
    echo "FAIL: the page did not finish loading in Chromium; its log:" >&2
    cat "$work/chromium2.log" >&2
    exit 1
fi
loaded="${result#images=}"; loaded="${loaded% broken=*}"
broken="${result#*broken=}"

# 3. In the DOM Chromium built: every <img> is a data: URI whose payload decodes to a PNG.
grep -o '<img [^>]*>' "$work/dom.html" >"$work/imgs.txt" || true
count="$(wc -l <"$work/imgs.txt")"
bad=0
n=0
while IFS= read -r tag; do
    n=$((n + 1))
    src="$(sed -n 's/.* src="\([^"]*\)".*/\1/p' <<<"$tag")"
    if [[ "$src" != data:image/png\;base64,* ]]; then
        echo "FAIL: image $n is not an embedded PNG: ${src:0:60}" >&2
        bad=$((bad + 1))
        continue
    fi
    if ! printf '%s' "${src#*,}" | base64 -d >"$work/img.png" 2>/dev/null \
        || [[ "$(head -c 8 "$work/img.png" | od -An -tx1 | tr -d ' \n')" != "89504e470d0a1a0a" ]]; then
        echo "FAIL: image $n does not decode to a PNG" >&2
        bad=$((bad + 1))
    fi
done <"$work/imgs.txt"

figures="$(grep -c '<figure ' "$html" || true)"
version="$("$browser" --version 2>/dev/null | head -1 || true)"
if [[ "$count" -eq 0 || "$count" -ne "$figures" || "$loaded" -ne "$count" || "$broken" -ne 0 || "$bad" -ne 0 ]]; then
    echo "FAIL: $html: $figures figures, $count <img> in the DOM, $loaded seen by the page, $broken not loaded," \
        "$bad not decodable" >&2
    exit 1
fi
echo "OK: $html — $count charts, all embedded and loaded in ${version:-Chromium}; screenshot: $shot"
