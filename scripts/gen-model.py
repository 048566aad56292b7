#!/usr/bin/env python3
"""Writes the structure of a botocore service model as Rust statics (src/core/model/<name>.rs).

    python3 scripts/gen-model.py sms > src/core/model/sms.rs

Run it with the Python of the AWS CLI venv (scripts/setup.sh), whose botocore is the pinned
release; `tests/model.rs` runs it again and fails when the committed file differs. Only facts
are written: names, kinds, members in model order, `required`, `min`/`max`/`pattern`, enum
values, the operations with their inputs and outputs, which operations paginate, and the CLI
spelling of each name (botocore's own `xform_name`). No documentation text is copied.

Every shape reachable from an operation's input or output is one `static`; a structure lists
its members in model order and a member points at its shape's static, so a wasm links only the
shapes of the operations it names.
"""

import sys

import botocore
from botocore import xform_name
from botocore.loaders import Loader

SCALARS = {
    "boolean": "Boolean",
    "timestamp": "Timestamp",
    "blob": "Blob",
    "float": "Float",
    "double": "Double",
}


def rust_str(text):
    """A Rust string literal holding `text` exactly (escapes only what must be escaped)."""
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append("\\u{%x}" % ord(ch))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def ident(name):
    """The static's name for a shape or an operation: botocore's snake case, upper-cased."""
    return xform_name(name).upper()


def bound(shape, key):
    value = shape.get(key)
    return "None" if value is None else "Some(%d)" % value


def kind(name, shape):
    t = shape["type"]
    if t == "string":
        values = ", ".join(rust_str(v) for v in shape.get("enum", []))
        pattern = shape.get("pattern")
        return "ShapeKind::String(Text { min: %s, max: %s, pattern: %s, values: &[%s] })" % (
            bound(shape, "min"),
            bound(shape, "max"),
            "None" if pattern is None else "Some(%s)" % rust_str(pattern),
            values,
        )
    if t in ("integer", "long"):
        return "ShapeKind::%s(Range { min: %s, max: %s })" % (
            t.capitalize(),
            bound(shape, "min"),
            bound(shape, "max"),
        )
    if t in SCALARS:
        return "ShapeKind::%s" % SCALARS[t]
    if t == "list":
        return "ShapeKind::List(&%s)" % ident(shape["member"]["shape"])
    if t == "map":
        return "ShapeKind::Map(&%s, &%s)" % (ident(shape["key"]["shape"]), ident(shape["value"]["shape"]))
    if t == "structure":
        required = set(shape.get("required", []))
        members = []
        for member, ref in shape.get("members", {}).items():
            members.append(
                "        Member { name: %s, flag: %s, shape: &%s, required: %s },"
                % (
                    rust_str(member),
                    rust_str(xform_name(member, "-")),
                    ident(ref["shape"]),
                    "true" if member in required else "false",
                )
            )
        if not members:
            return "ShapeKind::Structure(&[])"
        return "ShapeKind::Structure(&[\n%s\n    ])" % "\n".join(members)
    raise SystemExit("gen-model: shape %s has type %s, which the model types cannot hold" % (name, t))


def reachable(shapes, roots):
    """Shape names reachable from `roots`, in the model's order of shapes."""
    seen = set()
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        shape = shapes[name]
        for ref in shape.get("members", {}).values():
            todo.append(ref["shape"])
        for key in ("member", "key", "value"):
            if key in shape:
                todo.append(shape[key]["shape"])
    return [name for name in shapes if name in seen]


def main():
    service = sys.argv[1] if len(sys.argv) > 1 else "sms"
    loader = Loader()
    model = loader.load_service_model(service, "service-2")
    try:
        paginated = set(loader.load_service_model(service, "paginators-1")["pagination"])
    except Exception:  # a service without paginators
        paginated = set()
    meta = model["metadata"]
    if meta.get("protocol") != "json":
        raise SystemExit("gen-model: %s speaks %s; only JSON-RPC models are supported" % (service, meta.get("protocol")))
    shapes = model["shapes"]
    operations = model["operations"]
    roots = [op[io]["shape"] for op in operations.values() for io in ("input", "output") if io in op]
    used = reachable(shapes, roots)
    idents = [ident(name) for name in list(operations) + used]
    if len(set(idents)) != len(idents):
        raise SystemExit("gen-model: two names give the same Rust name")

    out = []
    w = out.append
    w("//! The structure of the `%s` service model (botocore %s), generated by" % (service, botocore.__version__))
    w("//! `scripts/gen-model.py`: do not edit; `tests/model.rs` checks it against the pinned")
    w("//! botocore. Facts only (names, kinds, members in model order, constraints, operations);")
    w("//! no documentation text.")
    w("")
    w("#![allow(clippy::unreadable_literal, reason = \"generated\")]")
    w("")
    w("use super::{Member, Metadata, Operation, Range, Service, Shape, ShapeKind, Text};")
    w("")
    w("/// The service: its metadata and every operation, in model order.")
    w("pub static SERVICE: Service = Service {")
    w("    metadata: &METADATA,")
    w("    operations: &[")
    for name in operations:
        w("        &%s," % ident(name))
    w("    ],")
    w("};")
    w("")
    w("/// What every request of the service shares.")
    w("pub static METADATA: Metadata = Metadata {")
    w("    cli_name: %s," % rust_str(service))
    w("    service_id: %s," % rust_str(meta["serviceId"]))
    w("    api_version: %s," % rust_str(meta["apiVersion"]))
    w("    target_prefix: %s," % rust_str(meta["targetPrefix"]))
    w("    json_version: %s," % rust_str(meta["jsonVersion"]))
    w("    signing_name: %s," % rust_str(meta.get("signingName", meta["endpointPrefix"])))
    w("    endpoint_prefix: %s," % rust_str(meta["endpointPrefix"]))
    w("    deprecated: %s," % ("true" if model.get("deprecated") else "false"))
    w("};")
    for name, op in operations.items():
        http = op.get("http", {})
        if (http.get("method"), http.get("requestUri")) != ("POST", "/"):
            raise SystemExit("gen-model: %s is not POST /" % name)
        io = {key: ("Some(&%s)" % ident(op[key]["shape"]) if key in op else "None") for key in ("input", "output")}
        w("")
        w("/// `%s`." % name)
        w("pub static %s: Operation = Operation {" % ident(name))
        w("    metadata: &METADATA,")
        w("    name: %s," % rust_str(name))
        w("    cli_name: %s," % rust_str(xform_name(name, "-")))
        w("    input: %s," % io["input"])
        w("    output: %s," % io["output"])
        w("    paginated: %s," % ("true" if name in paginated else "false"))
        w("};")
    for name in used:
        w("")
        w("static %s: Shape = Shape {" % ident(name))
        w("    name: %s," % rust_str(name))
        w("    kind: %s," % kind(name, shapes[name]))
        w("};")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
