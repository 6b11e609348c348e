#!/usr/bin/env node
// Writes the small files of the bad-input corpus (test/fixtures/bad/). The large ones (a 100 MB
// CSV, a zip bomb) are made by the test itself in a temporary folder. Run after changing a case;
// the files are committed so every run reads the same bytes.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const dir = path.join(__dirname, "..", "test", "fixtures", "bad");
fs.mkdirSync(dir, { recursive: true });
const utf8 = (s) => Buffer.from(s, "utf-8");
const latin1 = (s) => Buffer.from(s, "latin1");
const files = {
  "key-windows1252.csv": latin1("Medlem;Vikt\r\nÖrby;10\r\nÅsa;5\r\n"),
  "key-mixed-encoding.csv": Buffer.concat([utf8("Medlem;Vikt\r\nÖrby;10\r\n"), latin1("Åsa;5\r\n")]),
  "key-bom.csv": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8("Medlem;Vikt\nÖrby;10\n")]),
  "key-utf16.csv": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Medlem\tVikt\r\nÖrby\t10\r\nÅsa\t5\r\n", "utf16le")]),
  "key-crlf-mix.csv": utf8("Medlem;Vikt\r\nAsk;1\nBjörkby;2\r\nCeder;3\n"),
  "key-quoted.csv": utf8('Medlem;Vikt\n"Ask; norra";"1 234,5"\n"Dal\nsödra";7\n'),
  "key-missing-column.csv": utf8("Medlem\nAsk\n"),
  "key-duplicate-column.csv": utf8("Medlem;Vikt;Vikt\nAsk;1;2\n"),
  "key-duplicate-member.csv": utf8("Medlem;Vikt\nAsk;1\nBjörkby;2\nask;3\n"),
  "key-negative.csv": utf8("Medlem;Vikt\nAsk;1\nDal;-5\n"),
  "key-all-zero.csv": utf8("Medlem;Vikt\nAsk;0\nDal;0\n"),
  "key-text-weight.csv": utf8("Medlem;Vikt\nAsk;10\nDal;tio\n"),
  "key-thousands.csv": utf8("Medlem;Vikt\nA;1 234\nB;1\u00a0234\nC;1\u202f234\nD;1.234.567\nE;12 tkr\nF;0,5\n"),
  "key-ambiguous-thousands.csv": utf8("Medlem;Vikt\nAsk;1.500\n"),
  "key-empty.csv": Buffer.alloc(0),
  "key-header-only.csv": utf8("Medlem;Vikt\n"),
  "key-huge-cell.csv": utf8(`Medlem;Vikt\n${"A".repeat(40000)};1\n`),
  "key-broken-quote.csv": utf8('Medlem;Vikt\n"Ask;1\nDal;2\n'),
  "key-binary.csv": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe, 0x00]),
  "contracts-dates.csv": utf8("Leverantör;Kommun;Avtalat;Slutdatum\nA;Ask;1;2022-04-30\nB;Ask;1;30/4 2022\nC;Ask;1;2022-04-30 00:00\nD;Ask;1;44681\nE;Ask;1;20220430\n"),
  "contracts-invalid-date.csv": utf8("Leverantör;Kommun;Avtalat;Slutdatum\nA;Ask;1;2022-04-30\nB;Ask;1;2022-02-30\n"),
  "contracts-injection.csv": utf8('Leverantör;Kommun;Avtalat\n"=HYPERLINK(""http://example.invalid"";""klicka"")";Ask;100\n+46701234567;@SUM(1);200\n-cmd;Dal;300\n'),
  "contracts-missing-column.csv": utf8("Leverantör;Kommun\nA;Ask\n"),
  "contracts-end-before-start.csv": utf8("Leverantör;Kommun;Avtalat;Startdatum;Slutdatum\nA;Ask;1;2024-01-01;2023-12-31\n"),
  "contracts-text-amount.csv": utf8("Leverantör;Kommun;Avtalat\nA;Ask;100\nB;Dal;etthundra\nC;Ceder;1,2,3\n"),
  "contracts-not-a-zip.xlsx": utf8("Leverantör;Kommun;Avtalat\nA;Ask;100\n"),
};
for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), bytes);
console.log(`wrote ${Object.keys(files).length} files to ${path.relative(process.cwd(), dir)}`);
