// One webpack config for every browser host: the Excel add-in (custom functions + task pane in one
// shared runtime page) and the standalone page. functions.json is generated from the JSDoc in
// src/functions/functions.ts; functions-sv.json from it and the Swedish translation table.
"use strict";
const path = require("node:path");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const MiniCssExtractPlugin = require("mini-css-extract-plugin");
const { LocalizeFunctionsPlugin } = require("./scripts/localize-functions");
const { devServerOptions } = require("./scripts/dev-server-options");
const { rebaseManifest, DEV_BASE_URL } = require("./scripts/manifest-base-url");
const { rulesPage } = require("./scripts/rules-page");

/**
 * A production build is what gets uploaded to the admin centre: its manifest must point at the
 * organisation's HTTPS host, or every user gets a blank pane and #NAMN?. Fail early, in Swedish.
 */
function productionBaseUrl() {
  const url = process.env.SAMKALK_BASE_URL;
  if (!url) throw new Error("npm run build bygger tillägget för driftsättning och behöver adressen det ska ligga på: sätt SAMKALK_BASE_URL=https://… (se README, Driftsättning). För utveckling: npm start eller npm run build:dev.");
  if (!/^https:\/\/[^\s/]+/.test(url) || /^https:\/\/(localhost|127\.|\[::1\])/i.test(url)) throw new Error(`SAMKALK_BASE_URL måste vara en https-adress på er egen server, inte ${url}`);
  return url;
}

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  // `npm start -- --port 3100` serves on 3100: the manifest and functions.json must say so too
  // (always https: Excel loads an add-in from nowhere else, whatever --http serves the page with).
  const served = env.port ? `https://localhost:${Number(env.port)}/` : DEV_BASE_URL;
  const baseUrl = production ? productionBaseUrl() : process.env.SAMKALK_BASE_URL || served;
  return {
    mode: production ? "production" : "development",
    devtool: "source-map", // never eval: the pages run under a strict Content-Security-Policy
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/index.tsx",
      standalone: "./src/standalone/index.tsx",
      // Reads xlsx files off the page's thread (src/io/xlsxReader.ts); no page loads it as a script.
      "xlsx-worker": "./src/io/xlsxWorker.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        // ES modules for webpack, so it can tree-shake Fluent UI (CommonJS kept the whole icon set:
        // 19 MB); Jest and the CLI compile with the CommonJS tsconfig.json as before.
        { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext", moduleResolution: "bundler" } } } },
        { test: /\.css$/, use: [MiniCssExtractPlugin.loader, "css-loader"] },
      ],
    },
    performance: { hints: false },
    plugins: [
      new MiniCssExtractPlugin({ filename: "[name].css" }),
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new LocalizeFunctionsPlugin({ source: "functions.json", output: "functions-sv.json", translations: require("./src/functions/translations.sv.json"), devBaseUrl: DEV_BASE_URL, baseUrl }),
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["functions", "taskpane"] }),
      new HtmlWebpackPlugin({ filename: "index.html", template: "./src/standalone/standalone.html", chunks: ["standalone"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/help/hjalp.html", to: "hjalp.html" },
          { from: "docs/regler.md", to: "regler.html", transform: (content) => rulesPage(content.toString()) },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => rebaseManifest(content.toString(), baseUrl),
          },
        ],
      }),
    ],
    ...(env.WEBPACK_SERVE ? { devServer: devServerOptions(env) } : {}),
  };
};
