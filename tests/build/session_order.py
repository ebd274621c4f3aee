#!/usr/bin/env python3
"""The functions a session runs are laid out together in the binary, as
packaging/session-order.txt lists them, and the list still names the code.

    tests/build/session_order.py BINARY ORDER_FILE ordered|unordered

"unordered": the build found no LLD (CMakeLists.txt), and the test is skipped (exit 77)."""
import subprocess
import sys


def main():
    binary, order_file, linked = sys.argv[1], sys.argv[2], sys.argv[3]
    if linked != "ordered":
        print("skipped: the build found no LLD to lay the session's functions out with "
              "(install lld, as scripts/install-deps.sh does, and configure again)")
        return 77
    order = [line.strip() for line in open(order_file) if line.strip()]
    symbols = {}
    for line in subprocess.run(["nm", "--defined-only", "-S", binary], capture_output=True,
                               text=True, check=True).stdout.splitlines():
        fields = line.split()
        if len(fields) == 4 and fields[2] in "tTwW":
            symbols[fields[3]] = (int(fields[0], 16), int(fields[1], 16))
    found = [symbols[name] for name in order if name in symbols]
    failed = False
    # A list made for other code lays out little: most of it must still be there.
    if len(found) < 0.8 * len(order):
        print(f"{order_file}: only {len(found)} of its {len(order)} functions are in {binary}; "
              "write it again with bench/session_order.py")
        failed = True
    if found:
        start = min(address for address, _ in found)
        end = max(address + size for address, size in found)
        size = sum(size for _, size in found)
        print(f"{len(found)} functions, {size // 1024} KiB, laid out over {(end - start) // 1024} KiB")
        # Together, give or take alignment: spread as the sources come, they span the whole
        # binary, three times as much.
        if end - start > 1.25 * size:
            print("the session's functions are not laid out together, though the build found "
                  "LLD: its --symbol-ordering-file was not used")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
