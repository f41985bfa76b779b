"""`python -m watchline …`: the same command line as `watchline …` (what the
benchmarks start, with the interpreter they run under)."""

from watchline.cli import main

if __name__ == "__main__":
    main()
