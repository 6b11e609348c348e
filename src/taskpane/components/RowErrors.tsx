import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { count } from "../../core/plural";
import { RowError } from "../../core/cells";
import { rowErrorText } from "../../core/rowErrors";

const SHOWN = 50;

/** Every row error with file, row and column, so the user can fix the source file. */
export function RowErrors({ errors }: { errors: readonly RowError[] }) {
  if (errors.length === 0) return null;
  return (
    <MessageBar intent="error" className="samkalk-message">
      <MessageBarBody>
        <MessageBarTitle>{count(errors.length, "fel", "fel")} – inget har skrivits</MessageBarTitle>
        <ul className="samkalk-errors" aria-label="Fel per rad">
          {errors.slice(0, SHOWN).map((e, i) => (
            <li key={i}>{rowErrorText(e)}</li>
          ))}
        </ul>
        {errors.length > SHOWN && <div>… och {count(errors.length - SHOWN, "fel", "fel")} till. Rätta filen och välj den igen.</div>}
      </MessageBarBody>
    </MessageBar>
  );
}
