"""Reads shorthand words with the pinned AWS CLI v1's own parser and the model's typing, many
calls in one process, and says what body botocore would send for them.

Each line of stdin is a JSON object {"op": "<cli name>", "members": [["<member>", "shorthand",
["<word>", ...]], ["<member>", "plain", "<string>"], ...]}: for a structure or list member, the
words its option takes on the command line (one for a structure, one per item for a list of
structures); for a string member, its value as is. Each member is read as the CLI reads
an option's words: a first word starting with `[` or `{` (after blanks) would be JSON, which
this script reports as an error; otherwise `awscli.shorthand.ShorthandParser` parses each word
and `awscli.shorthand.BackCompatVisitor` types the result by the member's model shape (a list
member gets a list of the parsed words, a structure member the one parsed word). The members,
in the order given, are then validated and serialized by botocore's JSON serializer, as the
CLI does after parsing its arguments.

Each line of stdout answers the line in the same place: {"body": "<body>"} or {"error":
"<what failed>"}.
"""

import json
import sys

import botocore.session
from awscli.shorthand import BackCompatVisitor, ShorthandParser
from botocore.serialize import create_serializer


def main():
    model = botocore.session.get_session().get_service_model("sms")
    operations = {botocore.xform_name(name, "-"): model.operation_model(name) for name in model.operation_names}
    serializer = create_serializer("json", include_validation=True)
    for line in sys.stdin:
        case = json.loads(line)
        operation = operations[case["op"]]
        shapes = operation.input_shape.members
        try:
            params = {}
            for name, how, words in case["members"]:
                shape = shapes[name]
                if how == "plain":
                    params[name] = words
                    continue
                if not words or words[0].strip().startswith(("[", "{")):
                    raise ValueError("the CLI would read %r as JSON" % (words,))
                if shape.type_name == "list":
                    parsed = [ShorthandParser().parse(word) for word in words]
                else:
                    if len(words) != 1:
                        raise ValueError("a structure takes one word, not %r" % (words,))
                    parsed = ShorthandParser().parse(words[0])
                BackCompatVisitor().visit(parsed, shape)
                params[name] = parsed
            body = serializer.serialize_to_request(params, operation)["body"]
            answer = {"body": body.decode("utf-8") if isinstance(body, bytes) else body}
        except Exception as error:  # a refusal is a result to report
            answer = {"error": "%s: %s" % (type(error).__name__, error)}
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
