/**
 * docs/regler.md as a page beside the help page (regler.html), so the rules the help page refers
 * to are one click away for a user in Excel, not only in the source code. Markdown by `marked`;
 * the same strict Content-Security-Policy as the help page.
 */
const { marked } = require("marked");

function rulesPage(markdown) {
  const body = marked.parse(markdown, { async: false, gfm: true });
  return `<!doctype html>
<html lang="sv">
<head>
  <meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; img-src 'self'">
  <title>Samkalk – regler</title>
</head>
<body>
  <p><a href="hjalp.html">← Hjälp om funktionerna</a></p>
${body}
</body>
</html>
`;
}

module.exports = { rulesPage };
