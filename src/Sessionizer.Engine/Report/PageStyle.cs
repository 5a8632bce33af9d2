namespace Sessionizer.Engine.Report;

/// <summary>The report page's inline style sheet and script.</summary>
internal static class PageStyle
{
    public const string Css = """

        :root { --ink: #1d2733; --muted: #5d6b7a; --line: #dde3ea; --soft: #f4f6f9; --accent: #3a6ea5; }
        * { box-sizing: border-box; }
        body { margin: 0; background: #fff; color: var(--ink); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
        main { max-width: 1240px; margin: 0 auto; padding: 20px 28px 48px; }
        h1 { font-size: 22px; margin: 0 0 2px; }
        h2 { font-size: 17px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
        p { margin: 6px 0; }
        a { color: var(--accent); text-decoration: none; }
        a:hover { text-decoration: underline; }
        code { font: 12.5px ui-monospace, "DejaVu Sans Mono", monospace; background: var(--soft); padding: 1px 4px; border-radius: 3px; }
        bdi { unicode-bidi: isolate; }
        .sub, .note { color: var(--muted); }
        .note { font-size: 12.5px; }
        .ok { background: #eaf6ee; border: 1px solid #b9dfc5; color: #1e5631; padding: 8px 12px; border-radius: 6px; margin-top: 14px; }
        .empty { background: var(--soft); padding: 8px 12px; border-radius: 6px; margin-top: 14px; }
        .cut { background: #fff8ec; border: 1px solid #f0d9a8; padding: 8px 12px; border-radius: 6px; margin-top: 10px; }
        #attention h2 { margin-top: 16px; }
        ul.attention { margin: 0; padding: 8px 12px 8px 12px; list-style: none; background: #fff8ec; border: 1px solid #f0d9a8; border-radius: 6px; }
        ul.attention li { padding: 3px 0; }
        .badge { display: inline-block; min-width: 74px; text-align: center; font-size: 11.5px; font-weight: 600; padding: 1px 7px; border-radius: 10px;
                 background: #e7ebf0; color: #3b4756; white-space: nowrap; }
        .badge.committed { background: #dff1e5; color: #1e6b3a; }
        .badge.input-changed { background: #fdf0cf; color: #8a5a00; }
        .badge.stale { background: #fbe0dc; color: #a02c1c; }
        .badge.stale-upstream { background: #fde7d4; color: #9a4a0b; }
        .badge.unreadable, .badge.problem { background: #f6d5da; color: #8e1b2b; }
        .badge.gap, .badge.not-committed { background: #e7ebf0; color: #4a5665; }
        .badge.spike { background: #fbe0dc; color: #a02c1c; }
        .badge.differs { background: #e8e1f5; color: #4d3a80; }
        .cards { display: grid; grid-template-columns: repeat(5, 1fr); gap: 12px; margin-top: 16px; }
        .card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
        .card .title { color: var(--muted); font-size: 12.5px; }
        .card .value { font-size: 22px; font-weight: 600; font-variant-numeric: tabular-nums; }
        .card .note { font-size: 12px; }
        .scroll { overflow-x: auto; }
        table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
        table.windows, table.parameters, table.rejected { width: 100%; font-size: 13px; }
        table.windows th, table.windows td, table.parameters th, table.parameters td, table.rejected th, table.rejected td {
            padding: 4px 8px; border-bottom: 1px solid var(--line); text-align: left; white-space: nowrap; }
        thead th { font-size: 12px; color: var(--muted); font-weight: 600; background: var(--soft); }
        table th.num, table td.num { text-align: right; }
        td.none { color: var(--muted); font-style: italic; }
        tr.reason td { color: #8a3b12; font-size: 12.5px; border-bottom: 1px solid var(--line); padding-top: 0; }
        td.spike, tr.spike td { color: #b3261e; font-weight: 700; }
        td.differs { background: #efe9fb; color: #4d3a80; font-weight: 600; }
        table.parameters th { white-space: normal; }
        table.parameters td.long { white-space: normal; overflow-wrap: anywhere; min-width: 140px; }
        figure { margin: 0; }
        figure.time { margin: 10px 0 18px; }
        figcaption { font-weight: 600; margin: 0 0 4px; }
        figcaption .note { font-weight: 400; margin-left: 6px; }
        svg.chart { display: block; width: 100%; height: auto; }
        svg .grid { stroke: #e9edf2; stroke-width: 1; }
        svg .base { stroke: #9aa6b2; stroke-width: 1; }
        svg text { font: 11px system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; fill: var(--muted); }
        svg text.value { fill: var(--ink); font-size: 10.5px; }
        svg text.flagged { fill: #b3261e; font-weight: 700; }
        svg text.day { font-weight: 600; }
        svg rect.flag { fill: #fdecea; }
        svg rect.missing { fill: #f1f3f6; stroke: #c9d1da; stroke-dasharray: 3 2; }
        svg rect.unreadable { fill: #f6d5da; }
        .legend { display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 12.5px; color: var(--muted); margin-top: 2px; padding-left: 64px; }
        .legend .key i { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 5px; vertical-align: -1px; }
        .legend b { color: var(--ink); font-weight: 600; }
        .legend .stats { margin-left: auto; }
        details.numbers { margin: -8px 0 16px 64px; font-size: 13px; }
        details.numbers summary { color: var(--accent); cursor: pointer; }
        .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(360px, 1fr)); gap: 14px 22px; margin: 8px 0 14px; }
        figure.bars { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
        table.bars { width: 100%; font-size: 12.5px; }
        table.bars th { font-weight: 400; text-align: left; padding: 1px 8px 1px 0; max-width: 190px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; width: 35%; }
        table.bars td { padding: 1px 0 1px 6px; white-space: nowrap; }
        table.bars td.bar { width: 45%; }
        table.bars td.bar span { display: block; height: 12px; background: var(--accent); border-radius: 2px; }
        table.bars td.num { text-align: right; }
        table.bars td.pct { text-align: right; color: var(--muted); width: 58px; }
        tr.others th, tr.others td { color: var(--muted); }
        .null { color: var(--muted); font-style: italic; }
        details.window { border: 1px solid var(--line); border-radius: 8px; margin: 6px 0; padding: 6px 12px; }
        details.window > summary { cursor: pointer; font-variant-numeric: tabular-nums; }
        details.window[open] > summary { margin-bottom: 6px; }
        .why { color: #8a3b12; }
        .facts { color: var(--muted); font-size: 12.5px; }
        @media (max-width: 900px) { .cards { grid-template-columns: repeat(2, 1fr); } }

        """;

    /// <summary>
    /// Opens the window a link points to, and writes into <c>#selftest</c> the size of every chart
    /// and how many of its marks (bars) are drawn with a non-empty size, as JSON (the browser test
    /// reads it). With <c>?selftest</c> in the address, every window is opened first, so that
    /// their charts are laid out too.
    /// </summary>
    public const string Script = """

        (function () {
          function openTarget() {
            var id = decodeURIComponent(location.hash.slice(1));
            var el = id && document.getElementById(id);
            if (el && el.tagName === 'DETAILS') { el.open = true; }
          }
          window.addEventListener('hashchange', openTarget);
          openTarget();
          if (location.search.indexOf('selftest') >= 0) {
            document.querySelectorAll('details').forEach(function (d) { d.open = true; });
          }
          var sizes = [];
          document.querySelectorAll('.chart').forEach(function (chart) {
            var box = chart.getBoundingClientRect(), drawn = 0, marks = chart.querySelectorAll('.mark');
            marks.forEach(function (m) { var b = m.getBoundingClientRect(); if (b.width > 0 && b.height > 0) { drawn++; } });
            sizes.push({ chart: chart.getAttribute('data-chart'), width: Math.round(box.width), height: Math.round(box.height), marks: marks.length, drawn: drawn });
          });
          document.getElementById('selftest').textContent = JSON.stringify(sizes);
        })();

        """;
}
