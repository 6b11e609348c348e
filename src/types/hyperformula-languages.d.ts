// HyperFormula ships its language packs under package "exports" that the CommonJS tsconfig's
// module resolution does not read; the shape used here is declared instead.
declare module "hyperformula/i18n/languages/svSE" {
  const language: { functions: Record<string, string>; errors: Record<string, string> };
  export default language;
}
