import { useEffect, useRef } from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Text } from "@fluentui/react-components";
import { Status } from "../useOperation";

/**
 * Progress with a cancel button while busy; afterwards the outcome as a MessageBar, announced
 * (aria-live) and scrolled into view, so a result below the fold is not missed.
 */
export function StatusArea({ busy, status, onCancel }: { busy: string | null; status: Status | null; onCancel: () => void }) {
  const area = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (status) area.current?.scrollIntoView?.({ block: "nearest", behavior: "smooth" });
  }, [status]);
  return (
    <div aria-live="polite" ref={area} className="samkalk-status">
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
