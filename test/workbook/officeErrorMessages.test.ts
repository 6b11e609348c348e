import { describeOfficeError } from "../../src/workbook/officeErrorMessages";
import { describeFailure } from "../../src/taskpane/useOperation";

/** An error as office.js rejects context.sync() with (OfficeExtension.Error, named "RichApi.Error"). */
function officeError(code: string, message = "Excel's own English message", errorLocation?: string): Error {
  return Object.assign(new Error(message), { name: "RichApi.Error", code, debugInfo: { code, message, ...(errorLocation ? { errorLocation } : {}) } });
}

describe("Office.js errors in Swedish", () => {
  it.each([
    ["InvalidOperationInCellEditMode", "Excel redigerar en cell", /Avsluta redigeringen av cellen \(tryck Enter eller Esc/],
    ["AccessDenied", "Excel nekade ändringen", /skyddad.*Ta bort skyddet \(Granska/],
    ["RequestPayloadSizeLimitExceeded", "För mycket data i ett anrop", /högst 5 MB per anrop\. Dela upp filen/],
    ["ResponsePayloadSizeLimitExceeded", "För mycket data i ett svar", /högst 5 MB per svar/],
    ["ItemNotFound", "Något i arbetsboken finns inte längre", /tagits bort eller bytt namn.*Kontrollera tabellnamnen/],
    ["GeneralException", "Excel kunde inte slutföra åtgärden", /stäng och öppna aktivitetsfönstret/],
    ["Conflict", "Någon annan ändrade samtidigt", /medförfattare/],
    ["ActivityLimitReached", "Excel hinner inte med", /Vänta en halv minut/],
  ])("%s says what happened and what to do", (code, title, body) => {
    const described = describeOfficeError(officeError(code));
    expect(described).toMatchObject({ code, title });
    expect(described!.body).toMatch(body);
    expect(described!.body).toContain(`Felkod från Excel: ${code}`); // for support, after the advice
    expect(described!.body).not.toContain("English");
  });

  it("names where in the batch Excel failed, when office.js says", () => {
    expect(describeOfficeError(officeError("AccessDenied", "x", "Range.values"))!.body).toContain("Felkod från Excel: AccessDenied (Range.values).");
  });

  it("codes that mean the same to the user share a message", () => {
    expect(describeOfficeError(officeError("NotImplemented"))!.title).toBe(describeOfficeError(officeError("ApiNotFound"))!.title);
  });

  it("an unknown code still gets Swedish advice and the code, never the raw English message", () => {
    const described = describeOfficeError(officeError("SomethingNew"));
    expect(described).toMatchObject({ code: "SomethingNew", title: "Excel svarade med ett fel" });
    expect(described!.body).toContain("felkod SomethingNew");
    expect(described!.body).not.toContain("English");
  });

  it("is no Office.js error without its name and code", () => {
    expect(describeOfficeError(new Error("x"))).toBeNull();
    expect(describeOfficeError(Object.assign(new Error("x"), { code: "ItemNotFound" }))).toBeNull();
    expect(describeOfficeError("AccessDenied")).toBeNull();
    expect(describeOfficeError(null)).toBeNull();
  });
});

describe("the pane's status for an Office.js error", () => {
  it("shows the Swedish message, not Excel's raw one", () => {
    expect(describeFailure(officeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode."))).toEqual({
      intent: "warning",
      title: "Excel redigerar en cell",
      body: "Avsluta redigeringen av cellen (tryck Enter eller Esc, eller klicka i en annan cell) och försök igen. Felkod från Excel: InvalidOperationInCellEditMode.",
    });
    const payload = describeFailure(officeError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit."));
    expect(payload).toMatchObject({ intent: "error", title: "För mycket data i ett anrop" });
    expect(payload.body).not.toContain("payload");
  });

  it("leaves other errors to their own messages", () => {
    expect(describeFailure(new Error("något annat"))).toMatchObject({ title: "Oväntat fel" });
  });
});
