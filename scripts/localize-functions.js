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

/** Webpack plugin: emits functions-sv.json next to the generated functions.json. */
class LocalizeFunctionsPlugin {
  constructor(options) {
    this.options = options; // { source: "functions.json", output: "functions-sv.json", translations: object }
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
          const english = JSON.parse(asset.source.source().toString());
          const swedish = localizeFunctions(english, this.options.translations);
          compilation.emitAsset(this.options.output, new sources.RawSource(JSON.stringify(swedish, null, 2)));
        } catch (error) {
          compilation.errors.push(new WebpackError(error.message));
        }
      });
    });
  }
}

module.exports = { localizeFunctions, LocalizeFunctionsPlugin };
