import { Amount } from "../core/money";
import { isModelYear } from "../core/years";

/** The fee settings stored in the document, so a colleague opening the workbook sees the same model. */
export interface ModelSettings {
  /** Last year's decided fee, for the avvikelse; null when none is stated. */
  lastYearFee: Amount | null;
  /** The general uplift as a fraction (2 % is 0.02), applied to Summa årskostnad. */
  upliftRate: Amount;
  /** Fraction of the fee split equally (rak andel), the rest by the key. */
  equalShare: Amount;
  /** The year the fee is for. */
  year: number;
  /** The key version the fee sheet splits by; empty for the one in force at the end of the year. */
  keyVersion: string;
}

/** Settings as text, the way the document stores them (Office settings hold strings). */
export type StoredSettings = Record<keyof ModelSettings, string>;

export function defaultSettings(today: { year: number }): StoredSettings {
  return { lastYearFee: "", upliftRate: "0.02", equalShare: "0", year: String(today.year + 1), keyVersion: "" };
}

/**
 * How storeSettings writes a number (Amount.toFixed: "4900000.5", "-0.02"). Anything else is no
 * stored number, though decimal.js would read some of it ("0x10", "1e6", "NaN", "Infinity").
 */
const STORED_NUMBER = /^-?\d+(\.\d+)?$/;
const STORED_YEAR = /^\d{4}$/;

/** Reads stored settings; a value that does not parse falls back to its default. */
export function parseSettings(raw: Record<string, string>, today: { year: number }): ModelSettings {
  const defaults = defaultSettings(today);
  const value = (k: keyof ModelSettings) => (raw[k] ?? defaults[k]).trim();
  const num = (text: string, fallback: string) => new Amount(STORED_NUMBER.test(text) ? text : fallback);
  const year = STORED_YEAR.test(value("year")) ? Number(value("year")) : Number.NaN;
  const lastYearFee = value("lastYearFee");
  return {
    // The default is no fee stated: a damaged fee read as 0 kr would show a false avvikelse.
    lastYearFee: STORED_NUMBER.test(lastYearFee) ? new Amount(lastYearFee) : null,
    upliftRate: num(value("upliftRate"), defaults.upliftRate),
    equalShare: num(value("equalShare"), defaults.equalShare),
    year: isModelYear(year) ? year : Number(defaults.year),
    keyVersion: value("keyVersion"),
  };
}

export function storeSettings(settings: ModelSettings): StoredSettings {
  return {
    lastYearFee: settings.lastYearFee === null ? "" : settings.lastYearFee.toFixed(),
    upliftRate: settings.upliftRate.toFixed(),
    equalShare: settings.equalShare.toFixed(),
    year: String(settings.year),
    keyVersion: settings.keyVersion,
  };
}

