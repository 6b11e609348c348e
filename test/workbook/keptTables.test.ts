import { refuseKeptTables } from "../../src/workbook/keptTables";

describe("tables a sheet write keeps", () => {
  it("refuses a sheet holding a kept table, compared without case, naming sheet and table", () => {
    expect(() => refuseKeptTables([{ sheet: "Viten", table: "viten" }], ["Viten"])).toThrow("bladet Viten har tabellen viten, som Samkalk aldrig skriver över; flytta tabellen");
  });

  it("lets other tables go, and keeps nothing when told nothing", () => {
    expect(() => refuseKeptTables([{ sheet: "Fakturaunderlag", table: "Egen" }], ["Viten", "Avtal"])).not.toThrow();
    expect(() => refuseKeptTables([{ sheet: "Viten", table: "Viten" }], undefined)).not.toThrow();
    expect(() => refuseKeptTables([{ sheet: "Viten", table: "Viten" }], [])).not.toThrow();
  });
});
