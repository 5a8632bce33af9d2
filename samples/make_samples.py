#!/usr/bin/env python3
"""Writes the Sessionizer sample visit logs: samples/logs/2026/11/20/{10,11,12}/.

Usage:  python3 samples/make_samples.py [--output DIR]     (default: samples/logs next to this file)

Python 3 standard library only. Deterministic: a fixed random seed (SEED below), no clock, no
environment; gzip files are written with mtime=0 and no file name in the header, so a rerun gives
byte-identical files (given the same zlib). The folder is deleted and rewritten on every run.

What it writes (SPEC.md §2 input): three consecutive hourly windows of JSON Lines visit logs,
2026-11-20T10, T11 and T12, several files per hour, some gzip (.json.gz), some plain (.json,
.jsonl), one in a sub-folder, and an empty `_SUCCESS` marker in hour 11 that the job must ignore.
Each line looks like the reference generator's, fields in this order:
visit_id, event_time, user_id, page{previous,current}, source{site,api_version},
user{ip,latitude,longitude}, technical{browser,os,lang,device{type,version},network}, keep_private.

Two kinds of users:
- Background users 100001..100260: 1-3 visits each between 10:00 and 12:59, each visit lasting
  2-10 minutes with 1-60 s between events, so sessions cross the 10->11 and 11->12 window ends
  on their own. Events are delivered in the folder of their UTC hour; event times are mostly
  "+00:00", some "Z", some with milliseconds, a few with a "+02:00" offset.
- Scenario users 900001..900068: hand-written events for the edge cases of SPEC §2-§3 (gaps of
  exactly 300 s and 301 s, duplicates, late and early events, several sessions in one hour, one
  line per rejection reason, non-ASCII and escaped page names, ...). samples/README.md lists
  each one with what the expected outputs show for it.

Each hour keeps its rejected lines under 1% of its lines, so the job's default
--max-rejected-fraction 0.01 lets the plain `sessionizer run` command commit all three windows.
After changing this script, regenerate the expected outputs with samples/update_expected.sh and
re-check samples/README.md.
"""

import argparse
import gzip
import json
import os
import random
import shutil
from datetime import datetime, timedelta, timezone

SEED = 20261120
DAY = datetime(2026, 11, 20, tzinfo=timezone.utc)
HOURS = (10, 11, 12)
END_MS = 13 * 3600_000  # background events stop before 13:00

# The files of each hour, with the share of background events each one gets.
FILES = {
    10: [("part-00000.json.gz", 0.45), ("part-00001.json.gz", 0.40), ("part-00002.jsonl", 0.15)],
    11: [("part-00000.json.gz", 0.45), ("part-00001.json", 0.15), ("part-00002.json.gz", 0.40)],
    12: [("part-00000.json.gz", 0.76), ("part-00001.jsonl", 0.12), ("collector-2/visits.json", 0.12)],
}
MARKERS = {11: ["_SUCCESS"]}
# This plain file is written without a line feed after its last line.
NO_FINAL_NEWLINE = {(11, "part-00001.json")}

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

    def __init__(self, rng):
        self.rng = rng
        self.lines = {(h, name): [] for h in HOURS for name, _ in FILES[h]}
        self.seq = 0

    def add(self, hour, name, pos_ms, text):
        self.seq += 1
        self.lines[(hour, name)].append((pos_ms, self.seq, text))

    def pick(self, hour):
        names = [n for n, _ in FILES[hour]]
        weights = [w for _, w in FILES[hour]]
        return self.rng.choices(names, weights)[0]


def page_walk(rng, n):
    """A plausible sequence of n page names."""
    pages, category = [], rng.randint(1, 20)
    for i in range(n):
        r = rng.random()
        if i == 0:
            page = rng.choice(["index", "index", f"category {category}", f"article category {category}-{rng.randint(1, 30)}"])
        elif r < 0.40:
            page = f"article category {category}-{rng.randint(1, 30)}"
        elif r < 0.65:
            category = rng.randint(1, 20)
            page = f"category {category}"
        elif r < 0.78:
            page = "index"
        elif r < 0.86:
            page = "about"
        elif r < 0.95:
            page = "my-account"
        else:
            page = f"category {category}"
        pages.append(page)
    if rng.random() < 0.08:
        pages.append("logout")  # a plain page for the job unless it runs with --closing-page logout
    return pages


def background(rng, sink):
    for user_id in range(100001, 100261):
        n_visits = rng.choices([1, 2, 3], [0.62, 0.28, 0.10])[0]
        starts = sorted(rng.randint(ms_of(10, 0, 0), ms_of(12, 58, 0)) // 1000 * 1000 for _ in range(n_visits))
        not_before = 0
        for v, start in enumerate(starts):
            start = max(start, not_before)
            length = rng.randint(120, 600) * 1000
            times, t = [start], start
            while True:
                t += rng.randint(1, 60) * 1000
                if t - start > length:
                    break
                times.append(t)
            times = [x for x in times if x < END_MS]
            if not times:
                continue
            not_before = times[-1] + rng.randint(30, 3600) * 1000
            profile = Profile(rng)
            pages = page_walk(rng, len(times))
            if len(pages) > len(times):  # the logout page, 1-20 s after the last page
                times.append(min(times[-1] + rng.randint(1, 20) * 1000, END_MS - 1000))
            previous = None
            for t, page in zip(times, pages):
                r = rng.random()
                if r < 0.08:
                    t += rng.randint(1, 999)  # a time with milliseconds
                    style = "ms_z" if rng.random() < 0.7 else "ms_plus"
                elif r < 0.20:
                    style = "z"
                elif r < 0.23:
                    style = "plus2"
                else:
                    style = "plus"
                hour = t // 3600_000
                text = dumps(record(f"{user_id}_{v}", event_time(t, style), user_id, previous, page, profile))
                # Collectors write roughly in arrival order: a little jitter, so files are not sorted.
                sink.add(hour, sink.pick(hour), t + rng.randint(0, 20_000), text)
                previous = page


def scenarios(rng, sink):
    """The hand-written edge cases; samples/README.md describes what each one must produce."""
    chrome = Profile(rng, site="mysite.com", api="v2", browser="Google Chrome 58", lang="en")
    firefox = Profile(rng, site="mysite.com", api="v3", browser="Mozilla Firefox 53", lang="fr")

    def ev(user_id, hh, mm, ss, page, millis=0, style=None, folder=None, name=None, profile=chrome,
           previous=None, copies=1):
        t = ms_of(hh, mm, ss, millis)
        style = style or ("plus" if millis == 0 else "ms_z")
        folder = folder if folder is not None else hh
        name = name or FILES[folder][0][0]
        text = dumps(record(f"{user_id}_0", event_time(t, style), user_id, previous, page, profile))
        for _ in range(copies):
            sink.add(folder, name, t, text)
        return text

    def raw(folder, name, pos, text):
        sink.add(folder, name, ms_of(*pos), text)

    # 900001: gap of exactly 300 s inside hour 10: continues.
    ev(900001, 10, 20, 0, "index")
    ev(900001, 10, 21, 0, "category 4", previous="index")
    ev(900001, 10, 26, 0, "article category 4-12", previous="category 4")
    ev(900001, 10, 26, 40, "category 4", previous="article category 4-12")
    # 900002: gap of 301 s: splits.
    ev(900002, 10, 30, 0, "index", profile=firefox)
    ev(900002, 10, 31, 0, "category 7", profile=firefox)
    ev(900002, 10, 36, 1, "category 7", profile=firefox)
    ev(900002, 10, 36, 30, "about", profile=firefox)
    # 900003: millisecond precision: 300.000 s continues, 300.001 s splits.
    ev(900003, 10, 40, 0, "index", millis=0, style="ms_z")
    ev(900003, 10, 41, 10, "category 2", millis=500)
    ev(900003, 10, 46, 10, "category 3", millis=500, style="ms_plus")
    ev(900003, 10, 51, 10, "category 3", millis=501)
    # 900004: last event at 10:55:00 (last + T == window end: stays active), then 11:00:00 exactly 300 s later.
    ev(900004, 10, 51, 10, "index")
    ev(900004, 10, 53, 0, "category 12")
    ev(900004, 10, 55, 0, "article category 12-3")
    ev(900004, 11, 0, 0, "category 12", name="part-00001.json")
    ev(900004, 11, 1, 15, "my-account", name="part-00001.json")
    # 900005: 301 s across the 10->11 window end: the state session closes in 11, a new one starts.
    ev(900005, 10, 55, 30, "index", profile=firefox)
    ev(900005, 10, 57, 0, "category 9", profile=firefox)
    ev(900005, 11, 2, 1, "category 9", profile=firefox)
    ev(900005, 11, 3, 0, "article category 9-1", profile=firefox)
    # 900006: last event at 10:55:00.000 and nothing after: active at the end of 10, closed in 11.
    ev(900006, 10, 50, 0, "index", name="part-00001.json.gz")
    ev(900006, 10, 55, 0, "category 15", name="part-00001.json.gz")
    # 900007: last event at 10:54:59.999: closed in 10 (10:59:59.999 < 11:00).
    ev(900007, 10, 50, 30, "index", name="part-00001.json.gz")
    ev(900007, 10, 54, 59, "category 15", millis=999, name="part-00001.json.gz")
    # 900010: three sessions in hour 11, and a fourth that continues into 12.
    for (hh, mm, ss, page) in [(11, 5, 0, "index"), (11, 6, 30, "category 1"), (11, 8, 0, "article category 1-4"),
                               (11, 20, 0, "index"), (11, 22, 10, "category 2"), (11, 24, 0, "about"),
                               (11, 40, 0, "my-account"), (11, 41, 0, "logout"),
                               (11, 56, 0, "index"), (11, 58, 30, "category 3"),
                               (12, 1, 0, "article category 3-9"), (12, 2, 0, "category 3")]:
        ev(900010, hh, mm, ss, page, name=FILES[hh][2][0])
    # 900011: one long session, an event every 4 minutes from 10:50 to 12:06: crosses both window ends.
    for i in range(20):
        t = ms_of(10, 50, 0) + i * 240_000
        hh, rest = divmod(t // 1000, 3600)
        ev(900011, hh, rest // 60, rest % 60, f"category {i + 1}", profile=firefox, name=FILES[hh][1][0])
    # 900012: still active at the end of 12.
    ev(900012, 12, 56, 0, "index", name="part-00001.jsonl")
    ev(900012, 12, 58, 30, "category 20", name="part-00001.jsonl")

    # 900020: one line three times (twice in a row in one file, once in another file).
    ev(900020, 10, 9, 0, "index", name="part-00002.jsonl")
    ev(900020, 10, 10, 0, "category 3", name="part-00002.jsonl", copies=2)
    ev(900020, 10, 10, 0, "category 3", name="part-00000.json.gz")
    ev(900020, 10, 12, 0, "article category 3-5", name="part-00002.jsonl")
    # 900021: duplicates that differ in browser: canonical order keeps "Google Chrome 58", although
    # the Firefox copy comes first in file order; the session's browser is the kept copy's.
    ev(900021, 10, 12, 0, "index", name="part-00000.json.gz", profile=chrome.with_(browser="Mozilla Firefox 53"))
    ev(900021, 10, 12, 0, "index", name="part-00001.json.gz", profile=chrome)
    ev(900021, 10, 13, 0, "category 9", name="part-00000.json.gz", profile=chrome.with_(browser="Mozilla Firefox 53"))
    # 900022: one instant written five ways (+00:00, +02:00, .000Z, .000999Z, epoch ms): one event.
    for style, name in [("plus", "part-00000.json.gz"), ("plus2", "part-00001.json.gz"), ("ms_z", "part-00002.jsonl"),
                        ("us_z", "part-00002.jsonl"), ("epoch", "part-00001.json.gz")]:
        ev(900022, 10, 14, 0, "index", style=style, name=name)
    ev(900022, 10, 15, 0, "about")
    # 900023: an event of the state re-delivered in hour 11: the state's copy wins.
    ev(900023, 10, 56, 0, "category 5")
    dup = ev(900023, 10, 58, 20, "article category 5-2", previous="category 5")
    raw(11, "part-00002.json.gz", (10, 58, 20), dup)
    ev(900023, 11, 1, 0, "index", name="part-00002.json.gz")
    # 900024: an event of a session closed in 10 re-delivered in 11: a new one-page session in 11.
    ev(900024, 10, 20, 0, "index", name="part-00002.jsonl")
    dup = ev(900024, 10, 22, 0, "category 1", name="part-00002.jsonl")
    raw(11, "part-00001.json", (10, 22, 0), dup)
    # 900025: the same with the first event of the closed session: same user and start, same session_id.
    first = ev(900025, 10, 30, 0, "index", name="part-00002.jsonl")
    ev(900025, 10, 31, 0, "about", name="part-00002.jsonl")
    raw(11, "part-00001.json", (10, 30, 0), first)

    # 900030: a late event (10:59:10 in the 11 folder) joins the session carried from 10.
    ev(900030, 10, 55, 0, "index")
    ev(900030, 10, 57, 30, "category 8")
    ev(900030, 10, 59, 10, "article category 8-3", folder=11)
    ev(900030, 11, 2, 0, "category 9")
    # 900031: a late event of 10:59 cannot reopen the session closed in 10: it starts one in 11.
    ev(900031, 10, 38, 0, "index", profile=firefox)
    ev(900031, 10, 40, 0, "category 2", profile=firefox)
    ev(900031, 10, 59, 0, "category 2", folder=11, name="part-00001.json", profile=firefox)
    ev(900031, 11, 1, 0, "my-account", name="part-00001.json", profile=firefox)
    # 900032: a late event that falls between two pages of the state session.
    ev(900032, 10, 56, 0, "index", name="part-00001.json.gz")
    ev(900032, 10, 58, 0, "category 6", name="part-00001.json.gz")
    ev(900032, 10, 57, 0, "article category 6-1", folder=11, name="part-00002.json.gz")
    ev(900032, 11, 2, 0, "category 6", name="part-00002.json.gz")
    # 900033: an event of 11:00:40 delivered early, in the 10 folder.
    ev(900033, 10, 58, 0, "index", name="part-00002.jsonl")
    ev(900033, 11, 0, 40, "category 1", folder=10, name="part-00002.jsonl")
    ev(900033, 11, 3, 0, "about", name="part-00001.json")
    # 900034: an event of 12:01:30 in the 11 folder; nothing more in 12.
    ev(900034, 11, 59, 0, "index", name="part-00002.json.gz")
    ev(900034, 12, 1, 30, "category 2", folder=11, name="part-00002.json.gz")
    # 900035: an event of 13:00:20 in the 12 folder: active at the end of 12.
    ev(900035, 12, 57, 0, "index", name="collector-2/visits.json")
    ev(900035, 13, 0, 20, "category 2", folder=12, name="collector-2/visits.json")

    # 900040: non-ASCII page names; "café" raw UTF-8 in one file and "caf\u00e9" escaped in another:
    # the same page, so duplicates.
    pl = chrome.with_(lang="pl")
    ev(900040, 10, 5, 0, "café", name="part-00000.json.gz", profile=pl)
    escaped = dumps(record("900040_0", event_time(ms_of(10, 5, 0), "plus"), 900040, None, "café", pl))
    raw(10, "part-00002.jsonl", (10, 5, 0), escaped.replace("café", "caf\\u00e9"))
    ev(900040, 10, 6, 0, "strona główna", name="part-00000.json.gz", profile=pl, previous="café")
    # 900041: escaped strings: \" and \/, a \u escape of an ASCII letter, an escaped surrogate pair.
    # The page is `search "spark streaming" / results`, written `search \"spark streaming\" \/ results`.
    for (ss, written) in [(15, r'search \"spark streaming\" \/ results'),
                          (16, r"\u0063ategory 1"), (17, r"\ud83d\ude00 promo")]:
        line = dumps(record("900041_0", event_time(ms_of(11, ss, 0), "plus"), 900041, None, "PAGE", chrome))
        raw(11, "part-00001.json", (11, ss, 0), line.replace('"current":"PAGE"', f'"current":"{written}"'))
    # 900042: two pages at the same millisecond: ordered by page name ("about" < "index").
    ev(900042, 10, 8, 0, "index", name="part-00000.json.gz")
    ev(900042, 10, 8, 0, "about", name="part-00001.json.gz")
    ev(900042, 10, 9, 30, "category 11", name="part-00000.json.gz")

    # 900050: no "source" object and a null lang: site, api_version and language are null.
    for mm in (30, 31):
        r = record("900050_0", event_time(ms_of(11, mm, 0), "plus"), 900050, None, "index" if mm == 30 else "about", chrome)
        del r["source"]
        r["technical"]["lang"] = None
        sink.add(11, "part-00000.json.gz", ms_of(11, mm, 0), dumps(r))
    # 900051: optional fields of the wrong type (null), unknown keys, odd ignored fields: accepted.
    for mm in (10, 12):
        r = record("900051_0", event_time(ms_of(12, mm, 0), "z"), 900051, None, "index" if mm == 10 else "category 5", chrome)
        r["source"]["api_version"] = 3
        r["technical"]["browser"] = 58
        r["keep_private"] = "yes"
        r["user"] = None
        r["campaign"] = {"id": 7, "tags": ["a", "b"]}
        sink.add(12, "part-00000.json.gz", ms_of(12, mm, 0), dumps(r))
    # 900052: event_time as epoch milliseconds, then as +02:00 local time.
    ev(900052, 12, 20, 0, "index", style="epoch", name="part-00001.jsonl")
    ev(900052, 12, 21, 0, "category 8", style="plus2", name="part-00001.jsonl")
    # 900053: the session's metadata is its first event's, though later events differ.
    ev(900053, 12, 30, 0, "index", name="collector-2/visits.json", profile=firefox.with_(lang="pl"))
    ev(900053, 12, 31, 0, "category 3", name="collector-2/visits.json", profile=chrome.with_(lang="de"))

    # Rejected lines, one per reason of SPEC §2 (line_too_long left out), spread over the hours.
    def bad(uid, hh, mm, **changes):
        r = record(f"{uid}_0", event_time(ms_of(hh, mm, 0), "plus"), uid, None, "index", chrome)
        for key, value in changes.items():
            if value is DELETE:
                del r[key]
            else:
                r[key] = value
        return dumps(r)

    # Hour 10: a blank line, then three rejected lines, all in part-00002.jsonl.
    raw(10, "part-00002.jsonl", (10, 33, 0), "")
    raw(10, "part-00002.jsonl", (10, 33, 12), bad(900060, 10, 33)[:120])                          # malformed_json
    raw(10, "part-00002.jsonl", (10, 34, 0), '["900061","2026-11-20T10:34:00+00:00","index"]')    # not_an_object
    raw(10, "part-00002.jsonl", (10, 35, 0), bad(900062, 10, 35, event_time="2026-11-20T10:35:00"))  # invalid_event_time
    # Hour 11.
    raw(11, "part-00001.json", (11, 10, 0), bad(900063, 11, 10, user_id=None))                     # missing_user_id
    raw(11, "part-00000.json.gz", (11, 20, 0), bad(900064, 11, 20, user_id="900064", page=DELETE))  # invalid_user_id (page missing too)
    raw(11, "part-00002.json.gz", (11, 30, 0), bad(900065, 11, 30, event_time=DELETE))             # missing_event_time
    # Hour 12, and a whitespace-only line.
    raw(12, "part-00000.json.gz", (12, 15, 0), " \t ")
    raw(12, "part-00000.json.gz", (12, 15, 30), bad(900066, 12, 15, page={"previous": "index", "current": None}))  # missing_page
    raw(12, "part-00001.jsonl", (12, 25, 0), bad(900067, 12, 25, page={"previous": "index", "current": ""}))      # invalid_page
    raw(12, "collector-2/visits.json", (12, 35, 0), bad(900068, 12, 35, page="index"))          # missing_page (not an object)


DELETE = object()


def write(sink, root):
    if os.path.isdir(root):
        shutil.rmtree(root)
    for (hour, name), lines in sorted(sink.lines.items()):
        folder = os.path.join(root, "2026", "11", "20", f"{hour:02d}")
        path = os.path.join(folder, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        text = "\n".join(t for _, _, t in sorted(lines))
        if (hour, name) not in NO_FINAL_NEWLINE:
            text += "\n"
        data = text.encode("utf-8")
        if name.endswith(".gz"):
            data = gzip.compress(data, compresslevel=9, mtime=0)
        with open(path, "wb") as f:
            f.write(data)
    for hour, names in MARKERS.items():
        for name in names:
            open(os.path.join(root, "2026", "11", "20", f"{hour:02d}", name), "wb").close()


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", default=os.path.join(here, "logs"), help="input root to (re)write")
    args = parser.parse_args()

    rng = random.Random(SEED)
    sink = Sink(rng)
    scenarios(random.Random(SEED + 1), sink)
    background(rng, sink)
    write(sink, args.output)

    total = 0
    for dirpath, _, files in sorted(os.walk(args.output)):
        for f in sorted(files):
            total += os.path.getsize(os.path.join(dirpath, f))
    lines = {h: sum(len(v) for (hh, _), v in sink.lines.items() if hh == h) for h in HOURS}
    print(f"wrote {args.output}: {total} bytes; lines per hour (blank included): {lines}")


if __name__ == "__main__":
    main()
