#!/bin/sh
# Render the page images in docs/ that README shows, at 50 dpi (A4 at 414 x 585 pixels):
# - pdf-<sample>-page-N.png from each sample's PDF (the Blackpool samples without the
#   "blackpool-" prefix), and docx-<sample>-page-N.png from LibreOffice's rendering of the
#   Blackpool samples' .docx;
# - pdf-chart-q3-2016-17-page-3.png and docx-chart-... : the Q3 looked-after children page with
#   its trend chart.
# Needs poppler-utils (pdftoppm) and, for the docx images, LibreOffice (soffice).
set -eu
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cli=.venv/bin/committee-papers
"$cli" render samples/*.yaml -o "$out/plain" --format both >/dev/null
"$cli" render samples/blackpool-q3-2016-17.yaml -o "$out/chart" --format both --charts >/dev/null
soffice --headless --convert-to pdf --outdir "$out/plain/lo" "$out"/plain/blackpool-*.docx >/dev/null
soffice --headless --convert-to pdf --outdir "$out/chart/lo" "$out"/chart/*.docx >/dev/null
pages() {  # pages PDF PREFIX [FIRST LAST]: one PNG per page, named PREFIX-page-N.png in docs/
    if [ $# -eq 4 ]; then range="-f $3 -l $4"; else range=""; fi
    # shellcheck disable=SC2086
    pdftoppm -r 50 -png $range "$1" "$out/page"
    for png in "$out"/page-*.png; do
        number=$(basename "$png" .png | sed -E 's/^page-0*//')
        mv "$png" "docs/$2-page-$number.png"
    done
}
for pdf in "$out"/plain/*.pdf; do
    stem=$(basename "$pdf" .pdf | sed 's/^blackpool-//')
    pages "$pdf" "pdf-$stem"
done
for pdf in "$out"/plain/lo/*.pdf; do
    pages "$pdf" "docx-$(basename "$pdf" .pdf | sed 's/^blackpool-//')"
done
pages "$out/chart/blackpool-q3-2016-17.pdf" pdf-chart-q3-2016-17 3 3
pages "$out/chart/lo/blackpool-q3-2016-17.pdf" docx-chart-q3-2016-17 3 3
ls docs/*.png | wc -l
