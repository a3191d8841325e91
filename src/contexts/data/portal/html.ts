import type { Lang } from '../../../platform/i18n/messages.js';

/** Escapes text for HTML element content and quoted attribute values. */
export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A query string from pairs, dropping empty values. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  const text = search.toString();
  return text ? `?${text}` : '';
}

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1f2933;background:#f7f8fa;line-height:1.5}
header{background:#1c4f82;color:#fff;padding:.75rem 1rem}header a{color:#fff;text-decoration:none;font-weight:600}
main{max-width:1100px;margin:0 auto;padding:1rem}
a{color:#1c4f82}.muted{color:#5f6b7a;font-size:.9rem}
.grid{display:grid;grid-template-columns:240px 1fr;gap:1.5rem}@media(max-width:800px){.grid{grid-template-columns:1fr}}
.card{background:#fff;border:1px solid #dde2e8;border-radius:8px;padding:1rem;margin-bottom:1rem}
.facet h3{font-size:.95rem;margin:.5rem 0}.facet ul{list-style:none;padding:0;margin:0 0 1rem}.facet li{font-size:.9rem}
.badge{display:inline-block;background:#e7eef6;border-radius:4px;padding:0 .4rem;font-size:.8rem;margin-right:.25rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #dde2e8;padding:.3rem .5rem;text-align:left}th{background:#eef2f6}
form.search{display:flex;gap:.5rem;margin-bottom:1rem}form.search input{flex:1;padding:.5rem;font-size:1rem}
button,.button{background:#1c4f82;color:#fff;border:0;border-radius:4px;padding:.45rem .9rem;font-size:.95rem;text-decoration:none;display:inline-block}
.score{font-size:1.5rem;font-weight:700}dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}
label{display:block;margin:.5rem 0 .2rem}input[type=text],input[type=email],textarea,select{width:100%;padding:.4rem;box-sizing:border-box}
.error{color:#b42318}
`;

export function layout(lang: Lang, title: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title>${head}<style>${STYLE}</style></head>
<body><header><a href="/">Simpul</a> · <a href="/dataset">Satu Data</a></header><main>${body}</main></body></html>`;
}
