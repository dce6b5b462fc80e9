"""Prints each failed test of the given TRX files with the first lines of its message and stack."""
import sys
import xml.etree.ElementTree as ET

NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"

for path in sys.argv[1:]:
    for result in ET.parse(path).getroot().iter(NS + "UnitTestResult"):
        if result.get("outcome") != "Failed":
            continue
        print(f"FAILED {result.get('testName')} ({result.get('duration')})")
        for part in ("Message", "StackTrace"):
            node = result.find(f"{NS}Output/{NS}ErrorInfo/{NS}{part}")
            if node is not None and node.text:
                for line in node.text.strip().splitlines()[:12]:
                    print("    " + line)
