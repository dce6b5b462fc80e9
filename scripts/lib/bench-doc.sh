# Sourced by the benchmark scripts.

# Replaces the "## $1" section of docs/benchmarks.md with the file $2.
write_section() {
  python3 - "$1" "$2" <<'PY'
import re, sys, pathlib
doc = pathlib.Path("docs/benchmarks.md")
text = doc.read_text(encoding="utf-8") if doc.exists() else "# Benchmarks\n\nEach figure is measured against a baseline in the same run; the scripts under `scripts/` rewrite their own section.\n\n"
section = pathlib.Path(sys.argv[2]).read_text(encoding="utf-8")
pattern = re.compile(r"^## " + re.escape(sys.argv[1]) + r"\n.*?(?=^## |\Z)", re.S | re.M)
text = pattern.sub(lambda _: section, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section
doc.write_text(text, encoding="utf-8")
PY
}
