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

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  return {
    mode: production ? "production" : "development",
    devtool: "source-map", // never eval: the pages run under a strict Content-Security-Policy
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/index.tsx",
      standalone: "./src/standalone/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true } } },
        { test: /\.css$/, use: [MiniCssExtractPlugin.loader, "css-loader"] },
      ],
    },
    performance: { hints: false },
    plugins: [
      new MiniCssExtractPlugin({ filename: "[name].css" }),
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new LocalizeFunctionsPlugin({ source: "functions.json", output: "functions-sv.json", translations: require("./src/functions/translations.sv.json") }),
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["functions", "taskpane"] }),
      new HtmlWebpackPlugin({ filename: "index.html", template: "./src/standalone/standalone.html", chunks: ["standalone"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/help/hjalp.html", to: "hjalp.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => rebaseManifest(content.toString(), process.env.SAMKALK_BASE_URL || DEV_BASE_URL),
          },
        ],
      }),
    ],
    ...(env.WEBPACK_SERVE ? { devServer: devServerOptions(env) } : {}),
  };
};
