#!/usr/bin/env python3
"""Writes the hand-written edge-case files of the Sessionizer samples into samples/logs/2026/11/20/{10,11,12}/.

Usage:  python3 samples/make_samples.py [--output DIR]     (default: samples/logs next to this file)

Run by samples/make_samples.sh, after `sessionizer generate` has written the generated background
traffic (part-0000N.json.gz) into the same hour folders. This script writes only its own files,
beside the generated ones, and never deletes anything: edge-N.json[l], collector-2/visits.json and
the _SUCCESS marker (each rewritten whole on every run). To start from scratch, run make_samples.sh.

Python 3 standard library only. Deterministic: a fixed random seed (SEED below), no clock, no
environment, so a rerun gives byte-identical files.

What it writes (docs/reference.md §2 input), all plain JSON Lines (the generated files are the gzip ones):
  10/edge-1.jsonl, 10/edge-2.json, 10/edge-3.jsonl (with an empty line)
  11/edge-1.jsonl, 11/edge-2.json (no line feed after its last line), 11/edge-3.jsonl,
  11/_SUCCESS (an empty marker the job must ignore)
  12/edge-1.jsonl (with a whitespace-only line), 12/edge-2.jsonl, 12/collector-2/visits.json (a sub-folder)
Each line looks like the reference generator's, fields in this order:
visit_id, event_time, user_id, page{previous,current}, source{site,api_version},
user{ip,latitude,longitude}, technical{browser,os,lang,device{type,version},network}, keep_private.

Its users are scenario users 2000001..2000068, above the generator's user ids (1..1,000,000), so
they never meet a generated user: hand-written events for the edge cases of docs/reference.md §2-§3 that the
generator does not produce (gaps of exactly 300 s and 301 s, duplicates, late and early events,
several sessions in one hour, a session across two window ends, one line per rejection reason,
non-ASCII and escaped page names, event times with offsets and as epoch milliseconds, ...).
samples/README.md lists each one with what the expected outputs show for it.

With the generated lines, each hour keeps its rejected lines well under 1% of its lines, so the
job's default --max-rejected-fraction 0.01 lets the plain `sessionizer run` command commit all
three windows. After changing this script, run samples/make_samples.sh, regenerate the expected
outputs with samples/update_expected.sh and re-check samples/README.md.
"""

import argparse
import json
import os
import random
from datetime import datetime, timedelta, timezone

SEED = 20261120
DAY = datetime(2026, 11, 20, tzinfo=timezone.utc)
HOURS = (10, 11, 12)

# The edge-case files of each hour folder (the generator's part-0000N.json.gz are beside them).
FILES = {
    10: ["edge-1.jsonl", "edge-2.json", "edge-3.jsonl"],
    11: ["edge-1.jsonl", "edge-2.json", "edge-3.jsonl"],
    12: ["edge-1.jsonl", "edge-2.jsonl", "collector-2/visits.json"],
}
MARKERS = {11: ["_SUCCESS"]}
# This file is written without a line feed after its last line.
NO_FINAL_NEWLINE = {(11, "edge-2.json")}

SITES = ["mysite.com"] * 9 + ["mysite.fr"]
API_VERSIONS = ["v1", "v2", "v3"]
BROWSERS = ["Google Chrome 58", "Google Chrome 59", "Mozilla Firefox 52", "Mozilla Firefox 53",
            "Safari 10", "Microsoft Edge 15", "Opera 45"]
OSES = ["Windows 10", "Windows 8", "Ubuntu 16.04", "Mac OS X 10.12", "Android 7", "iOS 10"]
LANGS = ["en", "en", "fr", "pl", "de"]
DEVICES = [("pc", "HP 1000"), ("pc", "Dell 2000"), ("smartphone", "Samsung Galaxy S7"),
           ("smartphone", "iPhone 7"), ("tablet", "iPad Air 2")]
NETWORKS = ["adsl", "fiber", "3g", "4g", "wifi"]

def ms_of(hh, mm, ss, millis=0):
    """Milliseconds since 2026-11-20T00:00:00Z."""
    return ((hh * 60 + mm) * 60 + ss) * 1000 + millis


def event_time(ms, style):
    """The event_time value of an instant (ms since the day's start) written in one of the styles."""
    t = DAY + timedelta(milliseconds=ms)
    base = t.strftime("%Y-%m-%dT%H:%M:%S")
    frac = ms % 1000
    if style == "plus":
        assert frac == 0
        return base + "+00:00"
    if style == "z":
        assert frac == 0
        return base + "Z"
    if style == "ms_z":
        return f"{base}.{frac:03d}Z"
    if style == "ms_plus":
        return f"{base}.{frac:03d}+00:00"
    if style == "us_z":  # microseconds: the job keeps milliseconds and truncates the rest
        return f"{base}.{frac:03d}999Z"
    if style == "plus2":  # the same instant, written in UTC+2 local time
        local = (t + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%S")
        return (local + "+02:00") if frac == 0 else f"{local}.{frac:03d}+02:00"
    if style == "epoch":  # an integer of epoch milliseconds
        return int(t.timestamp() * 1000) if frac == 0 else int(t.timestamp()) * 1000 + frac
    raise ValueError(style)


class Profile:
    """A visitor's descriptive fields: source, user and technical objects."""

    def __init__(self, rng, site=None, api=None, browser=None, lang=None):
        self.site = site or rng.choice(SITES)
        self.api = api or rng.choice(API_VERSIONS)
        self.browser = browser or rng.choice(BROWSERS)
        self.lang = lang or rng.choice(LANGS)
        self.os = rng.choice(OSES)
        self.device = rng.choice(DEVICES)
        self.network = rng.choice(NETWORKS)
        self.ip = ".".join(str(rng.randint(1, 254)) for _ in range(4))
        self.lat = round(rng.uniform(-60, 70), 4)
        self.lon = round(rng.uniform(-120, 150), 4)
        self.keep_private = rng.random() < 0.2

    def with_(self, **changes):
        clone = object.__new__(Profile)
        clone.__dict__.update(self.__dict__)
        clone.__dict__.update(changes)
        return clone


def record(visit_id, time_value, user_id, previous, current, p):
    return {
        "visit_id": visit_id,
        "event_time": time_value,
        "user_id": user_id,
        "page": {"previous": previous, "current": current},
        "source": {"site": p.site, "api_version": p.api},
        "user": {"ip": p.ip, "latitude": p.lat, "longitude": p.lon},
        "technical": {"browser": p.browser, "os": p.os, "lang": p.lang,
                      "device": {"type": p.device[0], "version": p.device[1]}, "network": p.network},
        "keep_private": p.keep_private,
    }


def dumps(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


class Sink:
    """Collects lines per (hour folder, file); each line has a sort position within its file."""

    def __init__(self):
        self.lines = {(h, name): [] for h in HOURS for name in FILES[h]}
        self.seq = 0

    def add(self, hour, name, pos_ms, text):
        self.seq += 1
        self.lines[(hour, name)].append((pos_ms, self.seq, text))


def scenarios(rng, sink):
    """The hand-written edge cases; samples/README.md describes what each one must produce."""
    chrome = Profile(rng, site="mysite.com", api="v2", browser="Google Chrome 58", lang="en")
    firefox = Profile(rng, site="mysite.com", api="v3", browser="Mozilla Firefox 53", lang="fr")

    def ev(user_id, hh, mm, ss, page, millis=0, style=None, folder=None, name=None, profile=chrome,
           previous=None, copies=1):
        t = ms_of(hh, mm, ss, millis)
        style = style or ("plus" if millis == 0 else "ms_z")
        folder = folder if folder is not None else hh
        name = name or FILES[folder][0]
        text = dumps(record(f"{user_id}_0", event_time(t, style), user_id, previous, page, profile))
        for _ in range(copies):
            sink.add(folder, name, t, text)
        return text

    def raw(folder, name, pos, text):
        sink.add(folder, name, ms_of(*pos), text)

    # 2000001: gap of exactly 300 s inside hour 10: continues.
    ev(2000001, 10, 20, 0, "index")
    ev(2000001, 10, 21, 0, "category 4", previous="index")
    ev(2000001, 10, 26, 0, "article category 4-12", previous="category 4")
    ev(2000001, 10, 26, 40, "category 4", previous="article category 4-12")
    # 2000002: gap of 301 s: splits.
    ev(2000002, 10, 30, 0, "index", profile=firefox)
    ev(2000002, 10, 31, 0, "category 7", profile=firefox)
    ev(2000002, 10, 36, 1, "category 7", profile=firefox)
    ev(2000002, 10, 36, 30, "about", profile=firefox)
    # 2000003: millisecond precision: 300.000 s continues, 300.001 s splits.
    ev(2000003, 10, 40, 0, "index", millis=0, style="ms_z")
    ev(2000003, 10, 41, 10, "category 2", millis=500)
    ev(2000003, 10, 46, 10, "category 3", millis=500, style="ms_plus")
    ev(2000003, 10, 51, 10, "category 3", millis=501)
    # 2000004: last event at 10:55:00 (last + T == window end: stays active), then 11:00:00 exactly 300 s later.
    ev(2000004, 10, 51, 10, "index")
    ev(2000004, 10, 53, 0, "category 12")
    ev(2000004, 10, 55, 0, "article category 12-3")
    ev(2000004, 11, 0, 0, "category 12", name="edge-2.json")
    ev(2000004, 11, 1, 15, "my-account", name="edge-2.json")
    # 2000005: 301 s across the 10->11 window end: the state session closes in 11, a new one starts.
    ev(2000005, 10, 55, 30, "index", profile=firefox)
    ev(2000005, 10, 57, 0, "category 9", profile=firefox)
    ev(2000005, 11, 2, 1, "category 9", profile=firefox)
    ev(2000005, 11, 3, 0, "article category 9-1", profile=firefox)
    # 2000006: last event at 10:55:00.000 and nothing after: active at the end of 10, closed in 11.
    ev(2000006, 10, 50, 0, "index", name="edge-2.json")
    ev(2000006, 10, 55, 0, "category 15", name="edge-2.json")
    # 2000007: last event at 10:54:59.999: closed in 10 (10:59:59.999 < 11:00).
    ev(2000007, 10, 50, 30, "index", name="edge-2.json")
    ev(2000007, 10, 54, 59, "category 15", millis=999, name="edge-2.json")
    # 2000010: three sessions in hour 11, and a fourth that continues into 12.
    for (hh, mm, ss, page) in [(11, 5, 0, "index"), (11, 6, 30, "category 1"), (11, 8, 0, "article category 1-4"),
                               (11, 20, 0, "index"), (11, 22, 10, "category 2"), (11, 24, 0, "about"),
                               (11, 40, 0, "my-account"), (11, 41, 0, "logout"),
                               (11, 56, 0, "index"), (11, 58, 30, "category 3"),
                               (12, 1, 0, "article category 3-9"), (12, 2, 0, "category 3")]:
        ev(2000010, hh, mm, ss, page, name=FILES[hh][2])
    # 2000011: one long session, an event every 4 minutes from 10:50 to 12:06: crosses both window ends.
    for i in range(20):
        t = ms_of(10, 50, 0) + i * 240_000
        hh, rest = divmod(t // 1000, 3600)
        ev(2000011, hh, rest // 60, rest % 60, f"category {i + 1}", profile=firefox, name=FILES[hh][1])
    # 2000012: still active at the end of 12.
    ev(2000012, 12, 56, 0, "index", name="edge-2.jsonl")
    ev(2000012, 12, 58, 30, "category 20", name="edge-2.jsonl")

    # 2000020: one line three times (twice in a row in one file, once in another file).
    ev(2000020, 10, 9, 0, "index", name="edge-3.jsonl")
    ev(2000020, 10, 10, 0, "category 3", name="edge-3.jsonl", copies=2)
    ev(2000020, 10, 10, 0, "category 3", name="edge-1.jsonl")
    ev(2000020, 10, 12, 0, "article category 3-5", name="edge-3.jsonl")
    # 2000021: duplicates that differ in browser: canonical order keeps "Google Chrome 58", although
    # the Firefox copy comes first in file order; the session's browser is the kept copy's.
    ev(2000021, 10, 12, 0, "index", name="edge-1.jsonl", profile=chrome.with_(browser="Mozilla Firefox 53"))
    ev(2000021, 10, 12, 0, "index", name="edge-2.json", profile=chrome)
    ev(2000021, 10, 13, 0, "category 9", name="edge-1.jsonl", profile=chrome.with_(browser="Mozilla Firefox 53"))
    # 2000022: one instant written five ways (+00:00, +02:00, .000Z, .000999Z, epoch ms): one event.
    for style, name in [("plus", "edge-1.jsonl"), ("plus2", "edge-2.json"), ("ms_z", "edge-3.jsonl"),
                        ("us_z", "edge-3.jsonl"), ("epoch", "edge-2.json")]:
        ev(2000022, 10, 14, 0, "index", style=style, name=name)
    ev(2000022, 10, 15, 0, "about")
    # 2000023: an event of the state re-delivered in hour 11: the state's copy wins.
    ev(2000023, 10, 56, 0, "category 5")
    dup = ev(2000023, 10, 58, 20, "article category 5-2", previous="category 5")
    raw(11, "edge-3.jsonl", (10, 58, 20), dup)
    ev(2000023, 11, 1, 0, "index", name="edge-3.jsonl")
    # 2000024: an event of a session closed in 10 re-delivered in 11: a new one-page session in 11.
    ev(2000024, 10, 20, 0, "index", name="edge-3.jsonl")
    dup = ev(2000024, 10, 22, 0, "category 1", name="edge-3.jsonl")
    raw(11, "edge-2.json", (10, 22, 0), dup)
    # 2000025: the same with the first event of the closed session: same user and start, same session_id.
    first = ev(2000025, 10, 30, 0, "index", name="edge-3.jsonl")
    ev(2000025, 10, 31, 0, "about", name="edge-3.jsonl")
    raw(11, "edge-2.json", (10, 30, 0), first)

    # 2000030: a late event (10:59:10 in the 11 folder) joins the session carried from 10.
    ev(2000030, 10, 55, 0, "index")
    ev(2000030, 10, 57, 30, "category 8")
    ev(2000030, 10, 59, 10, "article category 8-3", folder=11)
    ev(2000030, 11, 2, 0, "category 9")
    # 2000031: a late event of 10:59 cannot reopen the session closed in 10: it starts one in 11.
    ev(2000031, 10, 38, 0, "index", profile=firefox)
    ev(2000031, 10, 40, 0, "category 2", profile=firefox)
    ev(2000031, 10, 59, 0, "category 2", folder=11, name="edge-2.json", profile=firefox)
    ev(2000031, 11, 1, 0, "my-account", name="edge-2.json", profile=firefox)
    # 2000032: a late event that falls between two pages of the state session.
    ev(2000032, 10, 56, 0, "index", name="edge-2.json")
    ev(2000032, 10, 58, 0, "category 6", name="edge-2.json")
    ev(2000032, 10, 57, 0, "article category 6-1", folder=11, name="edge-3.jsonl")
    ev(2000032, 11, 2, 0, "category 6", name="edge-3.jsonl")
    # 2000033: an event of 11:00:40 delivered early, in the 10 folder.
    ev(2000033, 10, 58, 0, "index", name="edge-3.jsonl")
    ev(2000033, 11, 0, 40, "category 1", folder=10, name="edge-3.jsonl")
    ev(2000033, 11, 3, 0, "about", name="edge-2.json")
    # 2000034: an event of 12:01:30 in the 11 folder; nothing more in 12.
    ev(2000034, 11, 59, 0, "index", name="edge-3.jsonl")
    ev(2000034, 12, 1, 30, "category 2", folder=11, name="edge-3.jsonl")
    # 2000035: an event of 13:00:20 in the 12 folder: active at the end of 12.
    ev(2000035, 12, 57, 0, "index", name="collector-2/visits.json")
    ev(2000035, 13, 0, 20, "category 2", folder=12, name="collector-2/visits.json")

    # 2000040: non-ASCII page names; "café" raw UTF-8 in one file and "caf\u00e9" escaped in another:
    # the same page, so duplicates.
    pl = chrome.with_(lang="pl")
    ev(2000040, 10, 5, 0, "café", name="edge-1.jsonl", profile=pl)
    escaped = dumps(record("2000040_0", event_time(ms_of(10, 5, 0), "plus"), 2000040, None, "café", pl))
    raw(10, "edge-3.jsonl", (10, 5, 0), escaped.replace("café", "caf\\u00e9"))
    ev(2000040, 10, 6, 0, "strona główna", name="edge-1.jsonl", profile=pl, previous="café")
    # 2000041: escaped strings: \" and \/, a \u escape of an ASCII letter, an escaped surrogate pair.
    # The page is `search "spark streaming" / results`, written `search \"spark streaming\" \/ results`.
    for (ss, written) in [(15, r'search \"spark streaming\" \/ results'),
                          (16, r"\u0063ategory 1"), (17, r"\ud83d\ude00 promo")]:
        line = dumps(record("2000041_0", event_time(ms_of(11, ss, 0), "plus"), 2000041, None, "PAGE", chrome))
        raw(11, "edge-2.json", (11, ss, 0), line.replace('"current":"PAGE"', f'"current":"{written}"'))
    # 2000042: two pages at the same millisecond: ordered by page name ("about" < "index").
    ev(2000042, 10, 8, 0, "index", name="edge-1.jsonl")
    ev(2000042, 10, 8, 0, "about", name="edge-2.json")
    ev(2000042, 10, 9, 30, "category 11", name="edge-1.jsonl")

    # 2000050: no "source" object and a null lang: site, api_version and language are null.
    for mm in (30, 31):
        r = record("2000050_0", event_time(ms_of(11, mm, 0), "plus"), 2000050, None, "index" if mm == 30 else "about", chrome)
        del r["source"]
        r["technical"]["lang"] = None
        sink.add(11, "edge-1.jsonl", ms_of(11, mm, 0), dumps(r))
    # 2000051: optional fields of the wrong type (null), unknown keys, odd ignored fields: accepted.
    for mm in (10, 12):
        r = record("2000051_0", event_time(ms_of(12, mm, 0), "z"), 2000051, None, "index" if mm == 10 else "category 5", chrome)
        r["source"]["api_version"] = 3
        r["technical"]["browser"] = 58
        r["keep_private"] = "yes"
        r["user"] = None
        r["campaign"] = {"id": 7, "tags": ["a", "b"]}
        sink.add(12, "edge-1.jsonl", ms_of(12, mm, 0), dumps(r))
    # 2000052: event_time as epoch milliseconds, then as +02:00 local time.
    ev(2000052, 12, 20, 0, "index", style="epoch", name="edge-2.jsonl")
    ev(2000052, 12, 21, 0, "category 8", style="plus2", name="edge-2.jsonl")
    # 2000053: the session's metadata is its first event's, though later events differ.
    ev(2000053, 12, 30, 0, "index", name="collector-2/visits.json", profile=firefox.with_(lang="pl"))
    ev(2000053, 12, 31, 0, "category 3", name="collector-2/visits.json", profile=chrome.with_(lang="de"))

    # Rejected lines, one per reason of docs/reference.md §2.4 (line_too_long left out), spread over the hours.
    def bad(uid, hh, mm, **changes):
        r = record(f"{uid}_0", event_time(ms_of(hh, mm, 0), "plus"), uid, None, "index", chrome)
        for key, value in changes.items():
            if value is DELETE:
                del r[key]
            else:
                r[key] = value
        return dumps(r)

    # Hour 10: a blank line, then three rejected lines, all in edge-3.jsonl.
    raw(10, "edge-3.jsonl", (10, 33, 0), "")
    raw(10, "edge-3.jsonl", (10, 33, 12), bad(2000060, 10, 33)[:120])                          # malformed_json
    raw(10, "edge-3.jsonl", (10, 34, 0), '["2000061","2026-11-20T10:34:00+00:00","index"]')    # not_an_object
    raw(10, "edge-3.jsonl", (10, 35, 0), bad(2000062, 10, 35, event_time="2026-11-20T10:35:00"))  # invalid_event_time
    # Hour 11.
    raw(11, "edge-2.json", (11, 10, 0), bad(2000063, 11, 10, user_id=None))                     # missing_user_id
    raw(11, "edge-1.jsonl", (11, 20, 0), bad(2000064, 11, 20, user_id="2000064", page=DELETE))  # invalid_user_id (page missing too)
    raw(11, "edge-3.jsonl", (11, 30, 0), bad(2000065, 11, 30, event_time=DELETE))             # missing_event_time
    # Hour 12, and a whitespace-only line.
    raw(12, "edge-1.jsonl", (12, 15, 0), " \t ")
    raw(12, "edge-1.jsonl", (12, 15, 30), bad(2000066, 12, 15, page={"previous": "index", "current": None}))  # missing_page
    raw(12, "edge-2.jsonl", (12, 25, 0), bad(2000067, 12, 25, page={"previous": "index", "current": ""}))      # invalid_page
    raw(12, "collector-2/visits.json", (12, 35, 0), bad(2000068, 12, 35, page="index"))          # missing_page (not an object)


DELETE = object()


def write(sink, root):
    """Writes the edge-case files and markers, replacing only them: generated files are left alone."""
    written = []
    for (hour, name), lines in sorted(sink.lines.items()):
        path = os.path.join(root, "2026", "11", "20", f"{hour:02d}", name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        text = "\n".join(t for _, _, t in sorted(lines))
        if (hour, name) not in NO_FINAL_NEWLINE:
            text += "\n"
        with open(path, "wb") as f:
            f.write(text.encode("utf-8"))
        written.append(path)
    for hour, names in MARKERS.items():
        for name in names:
            path = os.path.join(root, "2026", "11", "20", f"{hour:02d}", name)
            open(path, "wb").close()
            written.append(path)
    return written


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", default=os.path.join(here, "logs"), help="input root to write the edge-case files into")
    args = parser.parse_args()

    sink = Sink()
    scenarios(random.Random(SEED + 1), sink)
    written = write(sink, args.output)

    total = sum(os.path.getsize(p) for p in written)
    lines = {h: sum(len(v) for (hh, _), v in sink.lines.items() if hh == h) for h in HOURS}
    print(f"wrote {len(written)} edge-case files into {args.output}: {total} bytes; lines per hour (blank included): {lines}")


if __name__ == "__main__":
    main()
