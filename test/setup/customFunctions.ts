// The CustomFunctions global that Excel's runtime provides, for tests of src/functions.
class CustomFunctionsError extends Error {
  constructor(readonly code: string, message?: string) {
    super(message ?? "");
    this.name = "CustomFunctions.Error";
  }
}

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  Error: CustomFunctionsError,
  ErrorCode: {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
    nullReference: "#NULL!",
  },
  associate: () => undefined,
};
