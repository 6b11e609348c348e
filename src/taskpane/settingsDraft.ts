import { useMemo, useState } from "react";
import { numberFromField } from "./numberField";
import { readYear } from "../core/years";
import { ModelSettings } from "../model/settings";

/** The fee settings as the user types them: percentages in percent, amounts as written. */
export interface SettingsFields {
  year: string;
  uplift: string;
  lastFee: string;
  equalShare: string;
  keyVersion: string;
}

const FIELD_NAMES: readonly (keyof SettingsFields)[] = ["year", "uplift", "lastFee", "equalShare", "keyVersion"];

export function fieldsOf(s: ModelSettings): SettingsFields {
  return {
    year: String(s.year),
    uplift: s.upliftRate.times(100).toFixed(),
    lastFee: s.lastYearFee === null ? "" : s.lastYearFee.toFixed(),
    equalShare: s.equalShare.times(100).toFixed(),
    keyVersion: s.keyVersion,
  };
}

/** The settings the fields say; a field that is not a number throws a DomainError naming it. */
export function settingsOf(f: SettingsFields): ModelSettings {
  return {
    year: readYear(f.year, "År"),
    upliftRate: numberFromField(f.uplift, "Uppräkning", { percent: true }),
    lastYearFee: f.lastFee.trim() === "" ? null : numberFromField(f.lastFee, "Beslutat bidrag föregående år"),
    equalShare: numberFromField(f.equalShare, "Rak andel", { percent: true }),
    keyVersion: f.keyVersion,
  };
}

export const sameFields = (a: SettingsFields, b: SettingsFields) => FIELD_NAMES.every((k) => a[k].trim() === b[k].trim());

/**
 * The fee settings being edited, held above the screens: an edit stays through a tab switch
 * until it is saved or discarded, and every screen sees whether there is one.
 */
export interface SettingsDraft {
  /** The fields as the user has them; null until the workbook's settings have been read. */
  fields: SettingsFields | null;
  /** The fields as the workbook stores them. */
  saved: SettingsFields | null;
  /** True when the fields differ from what the workbook stores. */
  dirty: boolean;
  edit(fields: SettingsFields): void;
  /** The workbook's settings were read or written: they are the saved state; an unsaved edit stays. */
  stored(fields: SettingsFields): void;
  discard(): void;
}

export function useSettingsDraft(): SettingsDraft {
  const [state, setState] = useState<{ fields: SettingsFields | null; saved: SettingsFields | null }>({ fields: null, saved: null });
  return useMemo(() => {
    const dirty = state.fields !== null && state.saved !== null && !sameFields(state.fields, state.saved);
    return {
      ...state,
      dirty,
      edit: (fields) => setState((s) => ({ ...s, fields })),
      stored: (saved) => setState((s) => ({ saved, fields: s.fields === null || (s.saved !== null && sameFields(s.fields, s.saved)) ? saved : s.fields })),
      discard: () => setState((s) => ({ ...s, fields: s.saved })),
    };
  }, [state]);
}
