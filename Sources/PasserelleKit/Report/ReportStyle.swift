/// The report's style sheet, inline in the page: no outside file to lose when the
/// page is copied or opened from a share, and readable printed (no dark
/// backgrounds, sections not cut where avoidable, the contents list left out).
enum ReportStyle {
  static let css: StaticString = """
    :root { --ok: #2e7d32; --warn: #b26a00; --bad: #c62828; --muted: #666; --line: #d0d0d0; }
    * { box-sizing: border-box; }
    body { font: 14px/1.45 "Segoe UI", Arial, sans-serif; color: #1a1a1a; margin: 0;
      background: #fafafa; }
    header, main, footer { max-width: 1200px; margin: 0 auto; padding: 0 20px; }
    header { padding-top: 16px; }
    h1 { font-size: 22px; margin: 0 0 4px; }
    h2 { font-size: 18px; margin: 0 0 10px; border-bottom: 2px solid #1f4e79; padding-bottom: 4px;
      color: #1f4e79; }
    h3 { font-size: 15px; margin: 14px 0 6px; }
    nav ul { list-style: none; padding: 0; margin: 8px 0 0; display: flex; flex-wrap: wrap;
      gap: 6px 16px; }
    a { color: #1f4e79; }
    section { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 14px 16px;
      margin: 16px 0; }
    table { border-collapse: collapse; width: 100%; margin: 6px 0; }
    th, td { border: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
    th { background: #eef2f6; font-weight: 600; }
    td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    td.value, td.key { font-family: Consolas, "DejaVu Sans Mono", monospace; word-break: break-all; }
    .muted, .note { color: var(--muted); }
    .note { font-size: 12px; }
    .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-weight: 600;
      font-size: 12px; border: 1px solid currentColor; }
    .badge.ok { color: var(--ok); }
    .badge.warn { color: var(--warn); }
    .badge.bad { color: var(--bad); }
    .badge.idle { color: var(--muted); }
    .cards { display: flex; flex-wrap: wrap; gap: 12px; }
    .card { flex: 1 1 320px; border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; }
    .card dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 6px 0 0; }
    .card dt { color: var(--muted); }
    .card dd { margin: 0; }
    article.reason { border-left: 4px solid var(--warn); padding: 2px 0 2px 12px; margin: 14px 0; }
    article.reason.error { border-left-color: var(--bad); }
    article.reason p { margin: 4px 0; }
    .code { font-family: Consolas, "DejaVu Sans Mono", monospace; font-weight: 600; }
    .legend { list-style: none; padding: 0; display: flex; gap: 16px; flex-wrap: wrap; margin: 4px 0; }
    .swatch { display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: -1px; }
    svg.chart { max-width: 100%; height: auto; }
    svg.chart text { font: 10px Arial, sans-serif; fill: #444; }
    svg.chart text.scale { text-anchor: end; }
    svg.chart line.grid { stroke: #ddd; stroke-width: 1; }
    footer { padding-bottom: 24px; }
    * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    @media print {
      body { background: #fff; font-size: 11px; }
      nav { display: none; }
      section { border: none; padding: 0; margin: 10px 0; }
      article.reason, .card, tr { break-inside: avoid; }
      h2 { break-after: avoid; }
      a { color: inherit; text-decoration: none; }
    }
    """
}
