// Builds functions-sv.json from the English functions.json that custom-functions-metadata
// generates from the JSDoc in src/functions/functions.ts, using the one translation table in
// src/functions/translations.sv.json. Fails the build if the two disagree on any id or parameter.
"use strict";

function localizeFunctions(english, translations) {
  const problems = [];
  const ids = new Set(english.functions.map((f) => f.id));
  for (const id of Object.keys(translations)) {
    if (!ids.has(id)) problems.push(`translations.sv.json has ${id}, which functions.json does not`);
  }
  const functions = english.functions.map((fn) => {
    const t = translations[fn.id];
    if (!t) {
      problems.push(`${fn.id} has no Swedish translation`);
      return fn;
    }
    const names = new Set(fn.parameters.map((p) => p.name));
    for (const name of Object.keys(t.parameters)) {
      if (!names.has(name)) problems.push(`${fn.id}: translated parameter ${name} is not in functions.json`);
    }
    const parameters = fn.parameters.map((p) => {
      const tp = t.parameters[p.name];
      if (!tp) {
        problems.push(`${fn.id}: parameter ${p.name} has no Swedish translation`);
        return p;
      }
      return { ...p, name: tp.name, description: tp.description };
    });
    return { ...fn, name: t.name, description: t.description, parameters };
  });
  if (problems.length > 0) throw new Error(`Swedish function metadata is out of step:\n- ${problems.join("\n- ")}`);
  return { ...english, functions };
}

/** Points every function's helpUrl at the deployment's host (the JSDoc names the development server). */
function rebaseHelpUrls(metadata, devBaseUrl, baseUrl) {
  const base = baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`;
  return { ...metadata, functions: metadata.functions.map((fn) => (fn.helpUrl ? { ...fn, helpUrl: fn.helpUrl.split(devBaseUrl).join(base) } : fn)) };
}

/**
 * Webpack plugin: emits functions-sv.json next to the generated functions.json, and rebases the
 * help links of both to the build's base URL.
 */
class LocalizeFunctionsPlugin {
  constructor(options) {
    this.options = options; // { source: "functions.json", output: "functions-sv.json", translations: object, devBaseUrl, baseUrl }
  }

  apply(compiler) {
    const { Compilation, sources, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("LocalizeFunctionsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "LocalizeFunctionsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const asset = compilation.getAsset(this.options.source);
        if (!asset) {
          compilation.errors.push(new WebpackError(`${this.options.source} was not generated, so ${this.options.output} cannot be made`));
          return;
        }
        try {
          const { devBaseUrl, baseUrl } = this.options;
          // Data types let the date functions return a number with a date format (see officeErrors.ts).
          const english = { allowCustomDataForDataTypeAny: true, ...rebaseHelpUrls(JSON.parse(asset.source.source().toString()), devBaseUrl, baseUrl) };
          const swedish = localizeFunctions(english, this.options.translations);
          compilation.updateAsset(this.options.source, new sources.RawSource(JSON.stringify(english, null, 2)));
          compilation.emitAsset(this.options.output, new sources.RawSource(JSON.stringify(swedish, null, 2)));
        } catch (error) {
          compilation.errors.push(new WebpackError(error.message));
        }
      });
    });
  }
}

module.exports = { localizeFunctions, rebaseHelpUrls, LocalizeFunctionsPlugin };
