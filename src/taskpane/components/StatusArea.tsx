import { Button, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Text } from "@fluentui/react-components";
import { Status } from "../useOperation";

/** Progress with a cancel button while busy; afterwards the outcome as a MessageBar. */
export function StatusArea({ busy, status, onCancel }: { busy: string | null; status: Status | null; onCancel: () => void }) {
  return (
    <div aria-live="polite">
      {busy && (
        <div className="samkalk-progress">
          <Text>{busy}…</Text>
          <ProgressBar aria-label={busy} />
          <Button size="small" onClick={onCancel}>Avbryt</Button>
        </div>
      )}
      {status && (
        <MessageBar intent={status.intent} className="samkalk-message">
          <MessageBarBody>
            <MessageBarTitle>{status.title}</MessageBarTitle>
            {status.body}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
