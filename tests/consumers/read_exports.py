"""Reads Linimasa's data exports with real consumers and prints what they found, as JSON.

    python3 tests/consumers/read_exports.py FOLDER

FOLDER holds out.graphml, out.gexf, out.json, out.timelinejs and out-{events,actors,places,mentions}.csv.
GraphML and GEXF are read by networkx; CSV by Python's csv module. The Rust test
`tests/it/export.rs` runs this and checks the numbers against the store.
"""

import collections
import csv
import json
import pathlib
import sys

import networkx as nx


def graph_summary(g):
    types = collections.Counter(d.get("type") for _, d in g.nodes(data=True))
    edge_types = collections.Counter(d.get("type") for _, _, d in g.edges(data=True))
    labels = sorted(str(d.get("label", "")) for _, d in g.nodes(data=True))
    dated = sum(1 for _, d in g.nodes(data=True) if d.get("start"))
    return {
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "node_types": dict(types),
        "edge_types": dict(edge_types),
        "labels": labels,
        "dated_nodes": dated,
    }


def main(folder):
    folder = pathlib.Path(folder)
    out = {}
    # GraphML keeps parallel edges apart only in a multigraph.
    out["graphml"] = graph_summary(nx.read_graphml(folder / "out.graphml", force_multigraph=True))
    out["gexf"] = graph_summary(nx.read_gexf(folder / "out.gexf", version="1.3"))
    tables = {}
    for name in ["events", "actors", "places", "mentions"]:
        with open(folder / f"out-{name}.csv", newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
            f.seek(0)
            header = next(csv.reader(f))
        tables[name] = {"columns": header, "rows": len(rows), "first": rows[0] if rows else None,
                        "names": sorted(r.get("name", "") for r in rows)}
    out["csv"] = tables
    with open(folder / "out.json", encoding="utf-8") as f:
        doc = json.load(f)
    out["json"] = {k: len(v) for k, v in doc.items() if isinstance(v, list)}
    out["json"]["caption_text"] = doc["caption_text"]
    with open(folder / "out.timelinejs", encoding="utf-8") as f:
        out["timelinejs"] = {"events": len(json.load(f)["events"])}
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
