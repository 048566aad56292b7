"""Reads shorthand texts with the pinned AWS CLI v1's own shorthand parser, in one process.

Each line of stdin is a JSON string. Each line of stdout answers the line in the same place:
{"value": <what the parser gives, as JSON>} or {"error": <the character where it stopped>}
for a syntax error, or {"other": "<exception>"} for anything else (a file it cannot load).
Only the grammar is run: no model, no typing.
"""

import json
import sys

from awscli.shorthand import ShorthandParseError, ShorthandParser


def main():
    for line in sys.stdin:
        text = json.loads(line)
        try:
            answer = {"value": ShorthandParser().parse(text)}
        except ShorthandParseError as error:
            answer = {"error": error.index}
        except Exception as error:  # a refusal is a result to report
            answer = {"other": "%s: %s" % (type(error).__name__, error)}
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
