import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ReactElement } from "react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";

export function renderPane(ui: ReactElement) {
  const user = userEvent.setup();
  return { user, ...render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>) };
}
