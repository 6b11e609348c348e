/**
 * `npm start -- --port 3100` serves on 3100, so the manifest and the functions' help links it
 * serves must point there too, not at the default 3000.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require("../../webpack.config.js");

describe("the development server's addresses", () => {
  it.each([[{ port: "3100", http: true, WEBPACK_SERVE: true }, "https://localhost:3100/"], [{ port: "3100", WEBPACK_SERVE: false }, "https://localhost:3100/"], [{}, "https://localhost:3000/"]])("env %j serves its files at %s", (env, base) => {
    const config = webpackConfig(env, { mode: "development" });
    const localize = config.plugins.find((p: { constructor: { name: string } }) => p.constructor.name === "LocalizeFunctionsPlugin");
    expect(localize.options.baseUrl).toBe(base);
    const copy = config.plugins.find((p: { constructor: { name: string } }) => p.constructor.name === "CopyPlugin");
    const manifest = copy.patterns.find((p: { from: string }) => p.from === "manifest.xml");
    const served = manifest.transform(Buffer.from('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>'));
    expect(served).toBe(`<SourceLocation DefaultValue="${base}taskpane.html"/>`);
  });
});
